import { describe, expect, it } from "vitest";
import { creditOf, evidenceShown, orderDrillDown, type DrillDownEntry } from "@/lib/classes/drill-down";

const entry = (studentName: string, awarded: number, max = 2): DrillDownEntry => ({
  attemptId: studentName,
  studentId: studentName,
  studentName,
  awarded,
  max,
  credit: creditOf(awarded, max),
  isModerated: false,
  quotes: [],
  note: "",
  moderationReason: null,
});

describe("creditOf", () => {
  it.each([
    [2, 2, "earned"],
    [1.5, 2, "partly"],
    [0, 2, "missed"],
    [0, 0, "missed"],
  ] as const)("%s of %s is %s", (awarded, max, expected) => {
    expect(creditOf(awarded, max)).toBe(expected);
  });
});

describe("orderDrillDown", () => {
  it("lists earned, then partly earned, then missed, by name within each", () => {
    expect(orderDrillDown([entry("Zoë", 0), entry("Ben", 2), entry("Ana", 1), entry("Ada", 2)]).map((e) => e.studentName)).toEqual(["Ada", "Ben", "Ana", "Zoë"]);
  });
});

describe("evidenceShown", () => {
  it("keeps the grader's sentences unless a teacher moderated the point to 0", () => {
    expect(evidenceShown(["Floods spread silt."], null)).toEqual(["Floods spread silt."]);
    expect(evidenceShown(["Floods spread silt."], 1)).toEqual(["Floods spread silt."]);
    expect(evidenceShown(["Floods spread silt."], 0)).toEqual([]);
  });
});
