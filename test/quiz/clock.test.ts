import { describe, expect, it } from "vitest";
import { allowedSec, isAcceptingAnswers, isAttemptExpired, quizDeadline, remainingMs } from "@/lib/quiz/clock";

const START = new Date("2026-03-01T10:00:00Z");
const at = (sec: number) => new Date(START.getTime() + sec * 1000);

describe("quiz clock", () => {
  it("sets the deadline from the limit, the multiplier and the added seconds", () => {
    expect(quizDeadline(START, 600)).toEqual(at(600));
    expect(quizDeadline(START, 600, { multiplier: 1.5, addedSec: 0 })).toEqual(at(900));
    expect(quizDeadline(START, 600, { multiplier: 1, addedSec: 300 })).toEqual(at(900));
    expect(allowedSec(45, { multiplier: 1.25, addedSec: 0 })).toBe(56);
  });

  it("has no deadline for untimed practice", () => {
    expect(quizDeadline(START, null, { multiplier: 2, addedSec: 60 })).toBeNull();
    expect(isAcceptingAnswers(null, 0, at(10 ** 7))).toBe(true);
    expect(remainingMs(null, START)).toBeNull();
  });

  it.each([
    [-1, true],
    [0, true],
    [5, true],
    [6, false],
  ])("accepts an answer %i s after the deadline with 5 s grace: %s", (offset, accepted) => {
    const deadline = at(600);
    expect(isAcceptingAnswers(deadline, 5, at(600 + offset))).toBe(accepted);
    expect(isAttemptExpired(deadline, 5, at(600 + offset))).toBe(!accepted);
  });

  it("counts down to zero and never below", () => {
    expect(remainingMs(at(60), at(59))).toBe(1000);
    expect(remainingMs(at(60), at(90))).toBe(0);
  });
});
