import { describe, expect, it } from "vitest";
import { deriveRubric, rubricTotal, splitMarks } from "@/lib/generate/model-answer";
import { importModelAnswer } from "@/lib/generate/import";

const body = (n: number) => [{ heading: "Points", points: Array.from({ length: n }, (_, i) => ({ text: `Point ${i + 1}.`, evidence: [] })) }];

describe("deriveRubric", () => {
  it.each([
    [15, 9],
    [15, 7],
    [15, 13],
    [15, 40],
    [10, 6],
    [10, 5],
    [10, 30],
    [5, 3],
    [2, 4],
    [1, 1],
    [25, 11],
  ])("makes a %i-mark rubric from %i points that adds up exactly, every point worth something", (marks, points) => {
    const rubric = deriveRubric({ questionId: "q", body: body(points) }, marks, 250);
    expect(rubricTotal(rubric)).toBe(marks);
    for (const r of rubric) expect(r.marks).toBeGreaterThan(0);
  });
  it("gives the 15-mark answer of nine points a mark each and six for structure", () => {
    const rubric = deriveRubric({ questionId: "q", body: body(9) }, 15, 250);
    expect(rubric.filter((r) => r.kind === "content").map((r) => r.marks)).toEqual(Array(9).fill(1));
    expect(rubric.filter((r) => r.kind === "structure").map((r) => r.marks)).toEqual([1, 2, 2, 1]);
  });
  it("splits marks in steps that add up, the remainder to the first points", () => {
    expect(splitMarks(9, 4)).toEqual([2.5, 2.5, 2, 2]);
    expect(splitMarks(6, 7)).toEqual([1, 1, 1, 1, 1, 0.5, 0.5]);
  });
});

describe("importModelAnswer", () => {
  it("derives a rubric that adds up to the marks stated or given", () => {
    const text = [
      "Question: Examine how river disputes strain relations between two states. (10 marks)",
      "Introduction",
      "Rivers shared by two states often carry old quarrels.",
      "Body",
      "Why disputes arise",
      "- Storage: Upstream dams change the timing of flows downstream.",
      "Eg: A dam finished in 2019 cut winter flows by a third.",
      "- Data: States withhold flow data in a crisis.",
      "- Courts: Arbitration takes years and its awards are ignored.",
      "Conclusion",
      "Shared data and a standing commission would help.",
    ].join("\n");
    expect(rubricTotal(importModelAnswer(text).modelAnswer.rubric)).toBe(10);
    expect(rubricTotal(importModelAnswer(text, { marks: 15 }).modelAnswer.rubric)).toBe(15);
  });
});
