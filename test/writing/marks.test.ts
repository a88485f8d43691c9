import { describe, expect, it } from "vitest";
import { formatMarks, formatMarksCount, isOfferedMark, markChoices } from "@/lib/writing/marks";
import { countAnswerWords } from "@/lib/writing/word-count";
import { explainFlag } from "@/lib/writing/flags";

describe("moderation marks", () => {
  it.each([
    [1, [0, 0.5, 1]],
    [2, [0, 0.5, 1, 1.5, 2]],
    [0.75, [0, 0.5, 0.75]],
  ])("offers halves up to %s", (max, choices) => {
    expect(markChoices(max)).toEqual(choices);
  });

  it.each([
    [0, 2, true],
    [1.5, 2, true],
    [2, 2, true],
    [2.5, 2, false],
    [0.25, 1, false],
    [-0.5, 1, false],
  ])("%s of %s is offered: %s", (awarded, max, expected) => {
    expect(isOfferedMark(awarded, max)).toBe(expected);
  });

  it.each([
    [0, "0"],
    [0.5, "½"],
    [11.5, "11½"],
    [2.25, "2¼"],
    [15, "15"],
    // Prelims marking: +2 right, −⅔ wrong; quiz scores are kept to two decimals.
    [-0.67, "−⅔"],
    [1.33, "1⅓"],
    [16.67, "16⅔"],
    [0.67, "⅔"],
    [-2, "−2"],
    [-1.5, "−1½"],
    [0.2, "0.2"],
  ])("writes %s as %s", (n, text) => {
    expect(formatMarks(n)).toBe(text);
  });
});

describe("live word count", () => {
  it("counts words as the grader does: bullets and dashes are not words", () => {
    expect(countAnswerWords("- Kabul shelters the TTP — so talks stall.\n• 2,600-km border\n1. Way forward")).toBe(12);
  });

  it("counts a 100 000-word paste", () => {
    expect(countAnswerWords("word ".repeat(100_000))).toBe(100_000);
  });
});

describe("flags in plain words", () => {
  it("explains a known flag and describes an unknown one neutrally", () => {
    expect(explainFlag("keyword_stuffing").title).toBe("Lists of terms");
    expect(explainFlag("something_new")).toEqual({ title: "something new", detail: "The grader noted this about the answer." });
  });
});

describe("formatMarksCount", () => {
  it.each([
    [1, "1 mark"],
    [0.5, "½ mark"],
    [-1, "−1 mark"],
    [0, "0 marks"],
    [2, "2 marks"],
    [1.5, "1½ marks"],
  ])("writes %s as %s", (n, text) => {
    expect(formatMarksCount(n)).toBe(text);
  });
});
