import { describe, expect, it } from "vitest";
import { foldMarks } from "@/lib/db/gradebook";

const line = (attemptId: string, pointId: string, source: "a" | "m", awarded: string, max = "2") => `${attemptId}\t${pointId}\t${source}\t${awarded}\t${max}`;

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
      { attemptId: "att1", columnId: "p1", autoAwarded: 1, moderatedAwarded: null, max: 2 },
      { attemptId: "att1", columnId: "p2", autoAwarded: 2, moderatedAwarded: 0, max: 2 },
      { attemptId: "att2", columnId: "p1", autoAwarded: 0.5, moderatedAwarded: -0.25, max: 2 },
    ]);
  });

  it("tells apart ids where one is the other's prefix, and reads marks of several digits", () => {
    const text = [line("a", "p", "a", "1", "12"), line("ab", "p", "a", "12", "12"), line("a", "pq", "a", "0"), line("a", "p", "m", "10", "12")].join("\n");
    expect(foldMarks(text)).toEqual([
      { attemptId: "a", columnId: "p", autoAwarded: 1, moderatedAwarded: 10, max: 12 },
      { attemptId: "ab", columnId: "p", autoAwarded: 12, moderatedAwarded: null, max: 12 },
      { attemptId: "a", columnId: "pq", autoAwarded: 0, moderatedAwarded: null, max: 2 },
    ]);
  });

  it("carries the maximum of the mark that counts: the moderated one's once there is one, else the newest automatic one's", () => {
    // Marked out of 2; the point re-weighted to 1 and regraded; moderated out of 1; regraded out of 3 (the moderation still counts).
    const text = [line("a", "p", "a", "2", "2"), line("b", "p", "a", "1", "2"), line("a", "p", "a", "1", "1"), line("a", "p", "m", "0.5", "1"), line("a", "p", "a", "3", "3")].join("\n");
    expect(foldMarks(text)).toEqual([
      { attemptId: "a", columnId: "p", autoAwarded: 3, moderatedAwarded: 0.5, max: 1 },
      { attemptId: "b", columnId: "p", autoAwarded: 1, moderatedAwarded: null, max: 2 },
    ]);
  });

  it("is empty for no marks", () => {
    expect(foldMarks("")).toEqual([]);
  });
});
