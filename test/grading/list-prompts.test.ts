import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import { asksForList } from "@/lib/grading/prepare";
import type { WrittenQuestion } from "@/lib/grading/types";

/**
 * A short-answer item that asks for a list of things ("Name the three …", "State four …") is answered
 * by a list: its verbless terms are the form asked for, not keyword stuffing, and the learned score
 * judges them against the reference. A question that asks for a claim still zeroes a bare term list.
 * Questions written for these tests.
 */
describe("prompts that ask for a list", () => {
  it("reads an imperative listing verb opening a sentence or clause", () => {
    expect(asksForList("Name the three states of matter.")).toBe(true);
    expect(asksForList("What does a thermostat do? Please list two of its parts.")).toBe(true);
    expect(asksForList("What is a food chain? Also, give two examples from a pond.")).toBe(true);
    expect(asksForList("Identify the organs of the digestive system.")).toBe(true);
    // A clause after "and" or "then" opens with its own verb.
    expect(asksForList("Look at the diagram and name the three parts labelled A, B and C.")).toBe(true);
    expect(asksForList("Read the passage, then list four things the farmer grew.")).toBe(true);
    expect(asksForList("Arrange the planets in order of their distance from the Sun.")).toBe(true);
  });

  it("does not read a listing verb inside a clause, or a question asking for a claim", () => {
    expect(asksForList("What does the law state about seat belts?")).toBe(false);
    expect(asksForList("Why do the leaves of a plant turn towards the light?")).toBe(false);
    expect(asksForList("Explain how a lever makes a load easier to lift.")).toBe(false);
  });

  it("does not read a listing verb that asks for a claim, a single thing or an explanation", () => {
    // The verb's object is not counted or plural: one law, a reason, a "why" or "how" clause.
    expect(asksForList("State Hooke's law of elasticity.")).toBe(false);
    expect(asksForList("State why a metal spoon feels colder than a wooden one.")).toBe(false);
    expect(asksForList("Give a reason why deserts are cold at night.")).toBe(false);
    expect(asksForList("Give an explanation for the fall in the lake's level.")).toBe(false);
    expect(asksForList("Outline how the kidneys filter the blood.")).toBe(false);
    expect(asksForList("Mention one example of a lever.")).toBe(false);
    // Another clause asks for an explanation, also after "and".
    expect(asksForList("Identify the mistake and explain it.")).toBe(false);
    expect(asksForList("State and explain Charles's law.")).toBe(false);
    expect(asksForList("Why do magnets attract iron? List two examples.")).toBe(false);
    expect(asksForList("Describe how sound travels and give two examples of echoes")).toBe(false);
  });

  it("does not read a noun before a colon as the listing verb", () => {
    expect(asksForList("State capital: which city is it for Kerala?")).toBe(false);
    expect(asksForList("Order of events: what happened first?")).toBe(false);
    expect(asksForList("Name: write your full name and class.")).toBe(false);
  });
});

describe("a list answering a short-answer item", () => {
  const states: WrittenQuestion = {
    id: "matter1",
    prompt: "Name the three states of matter and give one example of each.",
    marks: 4,
    rubric: [{ id: "ref", point: "Solid, for example ice; liquid, for example water; gas, for example steam.", marks: 4, kind: "content" }],
  };
  const claim: WrittenQuestion = {
    ...states,
    id: "matter2",
    prompt: "What happens to water when it is heated to its boiling point?",
    rubric: [{ id: "ref", point: "The water boils and turns into steam, a gas, while its temperature stays at the boiling point.", marks: 4, kind: "content" }],
  };

  it("is graded against the reference when the question asks for a list", () => {
    const r = gradeWrittenAnswer({ question: states, answerText: "Solid, ice, liquid, water, gas, steam." });
    expect(r.flags).not.toContain("keyword_stuffing");
    expect(r.score).toBeGreaterThan(0);
  });

  it("is still keyword stuffing when a listing verb asks for a claim", () => {
    for (const prompt of ["State why water boils when it is heated to its boiling point.", "Give a reason why water turns into steam at its boiling point."]) {
      const r = gradeWrittenAnswer({ question: { ...claim, id: `${claim.id}-${prompt.length}`, prompt }, answerText: "Water, boiling point, steam, gas, temperature, heat, vapour, bubbles." });
      expect(r.flags, prompt).toContain("keyword_stuffing");
      expect(r.score, prompt).toBe(0);
    }
  });

  it("still reads hollow headings when a listing verb asks for a claim", () => {
    const lever: WrittenQuestion = {
      id: "lever1",
      prompt: "State how a see-saw works as a lever.",
      marks: 4,
      rubric: [{ id: "ref", point: "The pivot in the middle is the fulcrum; a child's weight on one end is the effort that lifts the other child, the load.", marks: 4, kind: "content" }],
    };
    const r = gradeWrittenAnswer({ question: lever, answerText: "Effort:\nFulcrum:\nLoad:\nPivot:" });
    expect(r.flags).toContain("headings_without_substance");
    expect(r.score).toBe(0);
  });

  it("is still keyword stuffing when the question asks for a claim", () => {
    const r = gradeWrittenAnswer({ question: claim, answerText: "Water, boiling point, steam, gas, temperature, heat, vapour, bubbles." });
    expect(r.flags).toContain("keyword_stuffing");
    expect(r.score).toBe(0);
  });
});
