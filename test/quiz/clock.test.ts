import { describe, expect, it } from "vitest";
import { allowedSec, extraTimeLabel, isAcceptingAnswers, isAttemptExpired, quizDeadline, quizTimeLabel, remainingMs } from "@/lib/quiz/clock";

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

describe("extraTimeLabel", () => {
  it.each([
    [{ multiplier: 1.5, addedSec: 120 }, "1.5× time + 2 min"],
    [{ multiplier: 1.5, addedSec: 0 }, "1.5× time"],
    [{ multiplier: 1, addedSec: 600 }, "+10 min"],
    [{ multiplier: 1, addedSec: 0 }, ""],
  ])("names %o as %j, leaving out neither part", (extra, expected) => {
    expect(extraTimeLabel(extra)).toBe(expected);
  });
});

describe("quizTimeLabel", () => {
  it("shows the time allowed with both the multiplier and the added minutes", () => {
    expect(quizTimeLabel({ startedAt: START, deadlineAt: at(2190), timeLimitSec: 1380, extraTime: { multiplier: 1.5, addedSec: 120 } })).toBe("36 min 30 s (1.5× time + 2 min)");
  });

  it("shows the plain limit without extra time, and an untimed quiz as such", () => {
    expect(quizTimeLabel({ startedAt: START, deadlineAt: at(600), timeLimitSec: 600, extraTime: null })).toBe("10 min");
    expect(quizTimeLabel({ startedAt: START, deadlineAt: null, timeLimitSec: null, extraTime: null })).toBe("Untimed");
  });

  it("says the due time cut the quiz short when the deadline comes before the limit with extra time", () => {
    expect(quizTimeLabel({ startedAt: START, deadlineAt: at(75), timeLimitSec: 420, extraTime: { multiplier: 1.5, addedSec: 0 } })).toBe("1 min 15 s (until the due time)");
  });
});
