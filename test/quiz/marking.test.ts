import { describe, expect, it } from "vitest";
import { marksFor, markingSchemePresets, outcomeOf, tallyQuiz } from "@/lib/quiz/marking";

const prelims = markingSchemePresets.prelims.scheme;

describe("marking schemes", () => {
  it.each([
    [1, false, "correct"],
    [0.5, false, "partial"],
    [0, false, "wrong"],
    [0, true, "blank"],
  ] as const)("credit %d (blank %s) is %s", (credit, isBlank, outcome) => {
    expect(outcomeOf(credit, isBlank)).toBe(outcome);
  });

  it("applies UPSC prelims marking: +2 right, −0.67 wrong, 0 blank", () => {
    expect(marksFor("correct", 1, prelims)).toBe(2);
    expect(marksFor("wrong", 0, prelims)).toBe(-0.67);
    expect(marksFor("blank", 0, prelims)).toBe(0);
  });

  it("gives a partly right answer its share of the right-answer marks, never a penalty", () => {
    expect(marksFor("partial", 0.5, prelims)).toBe(1);
  });

  it("totals a quiz that can go below zero under negative marking", () => {
    const answers = [
      { outcome: "wrong" as const, marks: marksFor("wrong", 0, prelims) },
      { outcome: "wrong" as const, marks: marksFor("wrong", 0, prelims) },
      { outcome: "blank" as const, marks: 0 },
    ];
    expect(tallyQuiz(answers, prelims)).toEqual({ score: -1.34, maxScore: 6, correct: 0, partial: 0, wrong: 2, blank: 1 });
  });
});
