import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";
import { analyze, comparisonAgreement, readComparison, tokenPolarity } from "@/lib/nlp";

/**
 * A comparison is read as a whole: "A is not as X as B" says what "B is more X than A" says, and
 * "A is more X than B" says the opposite. Questions and answers written for these tests.
 */
const read = (s: string) => {
  const a = analyze(s);
  return readComparison(a.tokens, tokenPolarity(a.tokens));
};

describe("readComparison", () => {
  it("reads the compared things and the direction after negation", () => {
    const ref = read("The copper rod carries more heat than the glass rod.");
    expect(ref).toMatchObject({ left: ["copper"], right: ["glass"], direction: 1 });
    const converse = read("The glass rod does not carry as much heat as the copper rod.");
    expect(converse).toMatchObject({ left: ["glass"], right: ["copper"], direction: -1 });
    if (!ref || !converse) throw new Error("no comparison read");
    expect(comparisonAgreement(ref, converse)).toBe(1);
    const fewer = read("The glass rod carries less heat than the copper rod.");
    const turned = read("The glass rod carries more heat than the copper rod.");
    if (!fewer || !turned) throw new Error("no comparison read");
    expect(comparisonAgreement(ref, fewer)).toBe(1);
    expect(comparisonAgreement(ref, turned)).toBe(-1);
  });
});

describe("a comparison made the other way round", () => {
  const rods: WrittenQuestion = {
    id: "rods",
    prompt: "Compare how much heat the copper rod and the glass rod carry from the flame.",
    marks: 4,
    rubric: [{ id: "ref", point: "The copper rod carries more heat than the glass rod, so its far end gets hot first.", marks: 4, kind: "content" }],
  };

  it("is not read as denying the reference", () => {
    for (const answerText of ["The glass rod doesn't carry as much heat as the copper rod, so its end stays cooler.", "The glass rod does not carry as much heat as the copper rod."]) {
      const r = gradeWrittenAnswer({ question: rods, answerText });
      expect(r.flags, answerText).not.toContain("contradiction");
      expect(r.score, answerText).toBeGreaterThan(0);
    }
  });

  it("still contradicts the reference when its sides or its direction alone are turned", () => {
    for (const answerText of ["The copper rod doesn't carry as much heat as the glass rod.", "The glass rod carries more heat than the copper rod.", "The copper rod carries less heat than the glass rod."]) {
      const r = gradeWrittenAnswer({ question: rods, answerText });
      expect(r.flags, answerText).toContain("contradiction");
      expect(r.score, answerText).toBe(0);
    }
  });
});
