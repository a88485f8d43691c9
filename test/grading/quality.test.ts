import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";
import { analyze, tokenPolarity } from "@/lib/nlp";

/**
 * A point without a verb of its own ("the lamps are on different circuits") asserts the quality it
 * gives a thing. A negation over that quality and its noun denies the quality, not the thing ("not
 * on the same circuit" = "on different circuits"), and the same thing with the opposite quality is
 * the opposite claim. A question written for these tests (a house's lighting; invented here).
 */
const question: WrittenQuestion = {
  id: "ql1",
  prompt: "When the kitchen lamp failed, the hall lamp stayed on. Explain why.",
  marks: 4,
  rubric: [{ id: "ref", point: "The two lamps are on different circuits.", marks: 4, kind: "content" }],
};

const grade = (answerText: string) => gradeWrittenAnswer({ question, answerText });
const contradicts = (r: ReturnType<typeof grade>) => (r.contradictions?.length ?? 0) > 0;

const negated = (text: string) => {
  const { tokens } = analyze(text);
  const polarity = tokenPolarity(tokens);
  return tokens.filter((_, i) => polarity[i]).map((t) => t.lower);
};

describe("a negation over an opposable quality and its noun", () => {
  it("denies the quality, not the thing", () => {
    expect(negated("The lamps are not on the same circuit.")).toEqual(["same"]);
    expect(negated("The pump is not in a closed loop.")).toEqual(["closed"]);
  });

  it("denies the thing when the negation is the phrase's own determiner", () => {
    expect(negated("There is no faulty lamp.")).toEqual(["faulty", "lamp"]);
  });

  it("denies a noun that qualifies another noun along with it", () => {
    expect(negated("The crews do not run joint patrol operations.")).toEqual(["run", "joint", "patrol", "operations"]);
  });
});

describe("a short answer that states the quality in other words", () => {
  it("credits 'not on the same circuit' for 'on different circuits'", () => {
    const r = grade("Because the lamps are not on the same circuit.");
    expect(contradicts(r)).toBe(false);
    expect(r.score).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ["the opposite quality", "Because the two lamps are on the same circuit."],
    ["the point's quality negated", "The two lamps are not on different circuits."],
  ])("reports %s as a contradiction and gives it less", (_, answer) => {
    const r = grade(answer);
    expect(contradicts(r)).toBe(true);
    expect(r.score).toBeLessThan(grade("Because the lamps are not on the same circuit.").score);
  });
});

describe("a negation in another clause than the quality", () => {
  it("does not reach a quality in a clause that 'as' opens", () => {
    expect(negated("The porch light did not fail as it sits on the same circuit.")).toEqual(["fail"]);
    // "as" without a clause after it is no conjunction: the negation runs on.
    expect(negated("The lamp did not light as expected.")).toEqual(["light", "expected"]);
  });

  it("is not turned into agreement by the quality rule", () => {
    const r = grade("The porch light did not fail as it sits on the same circuit.");
    expect(contradicts(r)).toBe(true);
    expect(r.score).toBe(0);
  });

  it("earns nothing on the point of a rubric with two points", () => {
    const twoPoints: WrittenQuestion = {
      id: "ql2",
      prompt: "When the kitchen lamp failed, the hall lamp stayed on. Explain why, and say what a fuse is for.",
      marks: 4,
      rubric: [
        { id: "c1", point: "The two lamps are on different circuits.", marks: 2, kind: "content" },
        { id: "c2", point: "A fuse melts when the current is too large.", marks: 2, kind: "content" },
      ],
    };
    const r = gradeWrittenAnswer({ question: twoPoints, answerText: "The porch light did not fail as it sits on the same circuit." });
    expect(r.points.find((p) => p.rubricId === "c1")?.awarded).toBe(0);
  });
});

describe("a negation that is its noun phrase's determiner", () => {
  it("denies the thing even with an article between ('not a single …')", () => {
    expect(negated("Not a single candle stayed lit.")).toEqual(["single", "candle", "stayed", "lit"]);
  });

  it("still denies only the quality when a verb governs the 'not'", () => {
    expect(negated("The pump is not a closed loop.")).toEqual(["closed"]);
  });
});

describe("an answer that gives the thing the opposite of the point's quality", () => {
  it("earns nothing, however many of the point's other words it shares", () => {
    for (const answer of ["The two lamps are not on different circuits.", "Both lamps sit on one and the same circuit."]) {
      const r = grade(answer);
      expect(contradicts(r)).toBe(true);
      expect(r.score).toBe(0);
    }
  });

  it("is told it says the opposite whenever the mark it is awarded rounds to nothing", () => {
    const r = grade("Both lamps are on the same circuit.");
    const point = r.points.find((p) => p.rubricId === "ref");
    expect(contradicts(r)).toBe(true);
    expect(point?.awarded).toBe(0);
    expect(point?.feedback).toMatch(/says the opposite of this point/);
  });
});
