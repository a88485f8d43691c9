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
