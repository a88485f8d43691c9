import { describe, expect, it } from "vitest";
import { isPracticeHeldBack, practiceHolds, type PracticeHoldSource } from "@/lib/classes/assignments";

const NOW = new Date("2026-03-01T10:00:00Z");
const hour = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
type Rules = PracticeHoldSource["rules"];
const rules = (over: Partial<Rules> = {}): Rules => ({ opensAt: null, latePolicy: "accept_late", attemptsAllowed: 1, resultRelease: "on_submission", resultsReleasedAt: null, ...over });
const fresh = { dueAt: hour(24), attemptsUsed: 0, hasSubmitted: false };
const handedIn = { dueAt: hour(24), attemptsUsed: 1, hasSubmitted: true };

describe("practice held back while an assignment's answers are not the student's to see", () => {
  it("holds an assigned question before the student hands work in, whatever the release rule", () => {
    for (const resultRelease of ["on_submission", "after_due", "by_teacher"] as const) {
      expect(isPracticeHeldBack(rules({ resultRelease }), fresh, NOW)).toBe(true);
    }
  });

  it("holds it while an attempt is open, and before the assignment opens", () => {
    expect(isPracticeHeldBack(rules(), { ...fresh, attemptsUsed: 1 }, NOW)).toBe(true);
    expect(isPracticeHeldBack(rules({ opensAt: hour(2) }), fresh, NOW)).toBe(true);
  });

  it("frees it once handed in with results released on submission", () => {
    expect(isPracticeHeldBack(rules(), handedIn, NOW)).toBe(false);
  });

  it("keeps holding handed-in work until the due time or the teacher's release", () => {
    expect(isPracticeHeldBack(rules({ resultRelease: "after_due" }), handedIn, NOW)).toBe(true);
    expect(isPracticeHeldBack(rules({ resultRelease: "after_due" }), handedIn, hour(25))).toBe(false);
    expect(isPracticeHeldBack(rules({ resultRelease: "by_teacher" }), handedIn, hour(25))).toBe(true);
    expect(isPracticeHeldBack(rules({ resultRelease: "by_teacher", resultsReleasedAt: hour(1) }), handedIn, hour(2))).toBe(false);
  });

  it("frees a question the student can no longer hand in (late work refused, due time passed), but not while late work is still accepted", () => {
    expect(isPracticeHeldBack(rules({ latePolicy: "refuse" }), fresh, hour(25))).toBe(false);
    expect(isPracticeHeldBack(rules({ latePolicy: "accept_late" }), fresh, hour(25))).toBe(true);
  });
});

describe("the questions held back from a student's practice", () => {
  it("names the assignment holding each question; written questions are held one by one; the student's extension keeps results withheld", () => {
    const held = practiceHolds(
      [
        { assignmentId: "a1", title: "Essay week", kind: "written", rules: rules(), dueAt: hour(24), extendedDueAt: null, questions: [{ questionId: "w1", attemptsUsed: 1, hasSubmitted: true }, { questionId: "w2", attemptsUsed: 0, hasSubmitted: false }] },
        { assignmentId: "a2", title: "Quiz week", kind: "quiz", rules: rules({ resultRelease: "after_due" }), dueAt: hour(2), extendedDueAt: hour(24), questions: ["o1", "o2"].map((questionId) => ({ questionId, ...handedIn })) },
      ],
      hour(3),
    );
    expect([...held.keys()].sort()).toEqual(["o1", "o2", "w2"]);
    expect(held.get("o1")).toEqual({ assignmentId: "a2", title: "Quiz week", kind: "quiz" });
  });
});
