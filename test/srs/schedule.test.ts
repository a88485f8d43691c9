import { describe, expect, it } from "vitest";
import { formatInterval, newCardMemory, nextReview, previewIntervals } from "@/lib/srs/schedule";

const NOW = new Date("2026-03-01T10:00:00Z");
const DAY = 86_400_000;

describe("nextReview (FSRS)", () => {
  it("schedules a new card rated Again sooner than one rated Easy", () => {
    const card = newCardMemory(NOW);
    const again = nextReview(card, "again", NOW).memory;
    const easy = nextReview(card, "easy", NOW).memory;
    expect(again.due.getTime()).toBeLessThan(easy.due.getTime());
    expect(easy.due.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(DAY);
  });

  it("moves a reviewed card out of the new state and logs the review", () => {
    const { memory, log } = nextReview(newCardMemory(NOW), "good", NOW);
    expect(memory.state).not.toBe("new");
    expect(memory.reps).toBe(1);
    expect(log.rating).toBe(3);
    expect(log.state).toBe("new");
    expect(log.reviewedAt).toEqual(NOW);
  });

  it("grows the interval over successive good reviews", () => {
    let memory = newCardMemory(NOW);
    let at = NOW;
    const gaps: number[] = [];
    for (let i = 0; i < 5; i++) {
      memory = nextReview(memory, "good", at).memory;
      gaps.push(memory.due.getTime() - at.getTime());
      at = memory.due;
    }
    expect(gaps[4]!).toBeGreaterThan(gaps[2]!);
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
  });

  it("counts a lapse when a review card is forgotten", () => {
    let memory = newCardMemory(NOW);
    let at = NOW;
    for (let i = 0; i < 4; i++) {
      memory = nextReview(memory, "good", at).memory;
      at = memory.due;
    }
    expect(memory.state).toBe("review");
    const forgotten = nextReview(memory, "again", at).memory;
    expect(forgotten.lapses).toBe(1);
    expect(forgotten.state).toBe("relearning");
  });

  it("previews one due date per rating, in increasing order", () => {
    const p = previewIntervals(newCardMemory(NOW), NOW);
    expect(p.again.getTime()).toBeLessThanOrEqual(p.hard.getTime());
    expect(p.hard.getTime()).toBeLessThanOrEqual(p.good.getTime());
    expect(p.good.getTime()).toBeLessThan(p.easy.getTime());
  });
  it("previews exactly the due date each rating then schedules, for cards in every state, with and without an exam", () => {
    const order = ["good", "again", "hard", "good", "easy", "again", "good"] as const;
    let mismatches = 0;
    let compared = 0;
    for (let k = 0; k < 60; k++) {
      let memory = newCardMemory(new Date(NOW.getTime() - 300 * DAY));
      let at = memory.due;
      for (let i = 0; i < k % 9; i++) {
        memory = nextReview(memory, order[(k + i) % order.length]!, at).memory;
        at = new Date(Math.max(at.getTime() + 60_000, memory.due.getTime() + ((k * 7 + i) % 5) * 3_600_000));
      }
      const plan = { desiredRetention: k % 2 ? 0.85 : 0.93, examAt: k % 3 ? new Date(NOW.getTime() + (5 + (k % 20)) * DAY) : null };
      const preview = previewIntervals(memory, NOW, plan, `learner:card-${k}`);
      for (const rating of ["again", "hard", "good", "easy"] as const) {
        compared++;
        if (preview[rating].getTime() !== nextReview(memory, rating, NOW, plan, `learner:card-${k}`).memory.due.getTime()) mismatches++;
      }
    }
    expect(compared).toBe(240);
    expect(mismatches).toBe(0);
  });
});

describe("formatInterval", () => {
  it.each([
    [60_000, "1 min"],
    [10 * 60_000, "10 min"],
    [3 * 3600_000, "3 h"],
    [4 * DAY, "4 d"],
    [60 * DAY, "2 mo"],
  ])("formats a gap of %d ms as %s", (ms, label) => {
    expect(formatInterval(new Date(NOW.getTime() + ms), NOW)).toBe(label);
  });
});
