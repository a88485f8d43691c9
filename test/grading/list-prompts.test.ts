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
    expect(asksForList("What is a food chain? Also, give one example from a pond.")).toBe(true);
    expect(asksForList("Arrange the planets in order of their distance from the Sun.")).toBe(true);
  });

  it("does not read a listing verb inside a clause, or a question asking for a claim", () => {
    expect(asksForList("What does the law state about seat belts?")).toBe(false);
    expect(asksForList("Why do the leaves of a plant turn towards the light?")).toBe(false);
    expect(asksForList("Explain how a lever makes a load easier to lift.")).toBe(false);
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

  it("is still keyword stuffing when the question asks for a claim", () => {
    const r = gradeWrittenAnswer({ question: claim, answerText: "Water, boiling point, steam, gas, temperature, heat, vapour, bubbles." });
    expect(r.flags).toContain("keyword_stuffing");
    expect(r.score).toBe(0);
  });
});
