import { describe, expect, it } from "vitest";
import { foldMarks } from "@/lib/db/gradebook";

const line = (attemptId: string, pointId: string, source: "a" | "m", awarded: string) => `${attemptId}\t${pointId}\t${source}\t${awarded}`;

describe("foldMarks", () => {
  it("keeps one mark per attempt and point: the newest automatic and the newest moderated value (lines oldest first)", () => {
    const text = [
      line("att1", "p1", "a", "1"),
      line("att1", "p2", "a", "0"),
      line("att2", "p1", "a", "0.5"),
      line("att1", "p2", "m", "1"),
      line("att1", "p2", "a", "2"),
      line("att1", "p2", "m", "0"),
      line("att2", "p1", "m", "-0.25"),
    ].join("\n");
    expect(foldMarks(text)).toEqual([
      { attemptId: "att1", columnId: "p1", autoAwarded: 1, moderatedAwarded: null },
      { attemptId: "att1", columnId: "p2", autoAwarded: 2, moderatedAwarded: 0 },
      { attemptId: "att2", columnId: "p1", autoAwarded: 0.5, moderatedAwarded: -0.25 },
    ]);
  });

  it("tells apart ids where one is the other's prefix, and reads marks of several digits", () => {
    const text = [line("a", "p", "a", "1"), line("ab", "p", "a", "12"), line("a", "pq", "a", "0"), line("a", "p", "m", "10")].join("\n");
    expect(foldMarks(text)).toEqual([
      { attemptId: "a", columnId: "p", autoAwarded: 1, moderatedAwarded: 10 },
      { attemptId: "ab", columnId: "p", autoAwarded: 12, moderatedAwarded: null },
      { attemptId: "a", columnId: "pq", autoAwarded: 0, moderatedAwarded: null },
    ]);
  });

  it("is empty for no marks", () => {
    expect(foldMarks("")).toEqual([]);
  });
});
