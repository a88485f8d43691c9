import { describe, expect, it } from "vitest";
import { orderToCheck, type ToCheckItem } from "@/lib/classes/to-check";

const item = (name: string, over: Partial<ToCheckItem>): ToCheckItem => ({
  attemptId: `a-${name}`,
  studentId: `s-${name}`,
  studentName: name,
  assignmentId: "as",
  assignmentTitle: "Essay",
  questionPrompt: "Why?",
  score: 5,
  maxScore: 10,
  isProvisional: false,
  gradeConfidence: 0.8,
  gradedAt: new Date("2026-03-01T10:00:00Z"),
  ...over,
});

describe("orderToCheck", () => {
  it("puts provisional answers first, then the least confident, an unknown confidence counting as the least", () => {
    const ordered = orderToCheck([
      item("Confident", { gradeConfidence: 0.9 }),
      item("Unsure", { gradeConfidence: 0.4 }),
      item("Provisional", { isProvisional: true, gradeConfidence: 0.95 }),
      item("Unknown", { gradeConfidence: null }),
    ]);
    expect(ordered.map((i) => i.studentName)).toEqual(["Provisional", "Unknown", "Unsure", "Confident"]);
  });

  it("breaks ties by the oldest grade, then by name", () => {
    const ordered = orderToCheck([
      item("Bea", { gradedAt: new Date("2026-03-01T12:00:00Z") }),
      item("Ann", { gradedAt: new Date("2026-03-01T12:00:00Z") }),
      item("Cid", { gradedAt: new Date("2026-03-01T09:00:00Z") }),
    ]);
    expect(ordered.map((i) => i.studentName)).toEqual(["Cid", "Ann", "Bea"]);
  });
});
