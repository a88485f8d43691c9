import { describe, expect, it } from "vitest";
import { capDueBeforeExam, newCardMemory, nextReview, previewIntervals, ratings, undoReview, type CardMemory, type RatingName } from "@/lib/srs/schedule";
import { daysUntilExam, planNewCards } from "@/lib/srs/exam-plan";

const NOW = new Date("2026-03-01T10:00:00Z");
const DAY = 86_400_000;
const EXAM_AT = new Date("2026-04-15T00:00:00Z");

/** A deterministic sequence of ratings, mostly Good, as a learner would give them. */
function ratingAt(i: number): RatingName {
  const cycle: RatingName[] = ["good", "good", "easy", "good", "hard", "good", "again", "easy", "good", "good"];
  return cycle[i % cycle.length]!;
}

describe("reviews toward an exam date", () => {
  it("never schedules any card at or after the exam, whatever the ratings, over many reviews", () => {
    const plan = { desiredRetention: 0.9, examAt: EXAM_AT };
    for (let c = 0; c < 60; c++) {
      let memory: CardMemory = newCardMemory(NOW);
      let at = NOW;
      for (let i = 0; at < EXAM_AT && i < 40; i++) {
        memory = nextReview(memory, ratingAt(c + i), at, plan, `card-${c}`).memory;
        expect(memory.due.getTime()).toBeLessThan(EXAM_AT.getTime());
        at = new Date(Math.max(memory.due.getTime(), at.getTime() + 60_000));
      }
    }
  });

  it("keeps every button's preview before the exam too", () => {
    const plan = { desiredRetention: 0.9, examAt: new Date(NOW.getTime() + 5 * DAY) };
    let memory = newCardMemory(NOW);
    memory = nextReview(memory, "easy", NOW, plan).memory;
    const later = new Date(memory.due.getTime());
    const preview = previewIntervals(memory, later, plan, "k");
    for (const r of ratings) expect(preview[r].getTime()).toBeLessThan(plan.examAt.getTime());
  });

  it("spreads cards whose intervals outrun the exam over the second half of the days left, not its eve", () => {
    const days = new Set<number>();
    for (let k = 0; k < 200; k++) {
      const due = capDueBeforeExam(new Date(EXAM_AT.getTime() + 30 * DAY), NOW, EXAM_AT, k / 200);
      days.add(Math.round((due.getTime() - NOW.getTime()) / DAY));
    }
    const left = daysUntilExam(EXAM_AT, NOW);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(Math.ceil(left / 2));
    expect(Math.max(...days)).toBeLessThan(left);
    expect(days.size).toBeGreaterThan(left / 2 - 2);
  });

  it("leaves a due time before the exam as it is", () => {
    const due = new Date(NOW.getTime() + 3 * DAY);
    expect(capDueBeforeExam(due, NOW, EXAM_AT, 0.5)).toEqual(due);
  });

  it("makes a card due halfway to the exam when less than two days are left", () => {
    const examAt = new Date(NOW.getTime() + 6 * 3_600_000);
    expect(capDueBeforeExam(new Date(NOW.getTime() + 9 * DAY), NOW, examAt, 0.3)).toEqual(new Date(NOW.getTime() + 3 * 3_600_000));
  });

  it("schedules as without an exam date once the exam has begun, so a session on or after exam day ends", () => {
    const examAt = new Date(NOW.getTime() - 3_600_000);
    const due = new Date(NOW.getTime() + 4 * DAY);
    expect(capDueBeforeExam(due, NOW, examAt, 0.3)).toEqual(due);
    const after = nextReview(newCardMemory(NOW), "easy", NOW, { desiredRetention: 0.9, examAt });
    expect(after.memory.due.getTime()).toBeGreaterThan(NOW.getTime() + DAY);
  });

  it("schedules longer intervals at a lower desired retention", () => {
    let low = newCardMemory(NOW);
    let high = newCardMemory(NOW);
    let at = NOW;
    for (let i = 0; i < 4; i++) {
      low = nextReview(low, "good", at, { desiredRetention: 0.75, examAt: null }).memory;
      high = nextReview(high, "good", at, { desiredRetention: 0.95, examAt: null }).memory;
      at = new Date(high.due.getTime());
    }
    expect(low.scheduledDays).toBeGreaterThan(high.scheduledDays);
  });
});

describe("Again returns in the same session (learning steps)", () => {
  it("brings a new card rated Again back within a minute or so", () => {
    const { memory } = nextReview(newCardMemory(NOW), "again", NOW);
    expect(memory.due.getTime() - NOW.getTime()).toBeLessThanOrEqual(5 * 60_000);
    expect(memory.state).toBe("learning");
  });

  it("brings a lapsed review card back within ten minutes", () => {
    let memory = newCardMemory(NOW);
    let at = NOW;
    for (let i = 0; i < 4; i++) {
      memory = nextReview(memory, "good", at).memory;
      at = memory.due;
    }
    const lapsed = nextReview(memory, "again", at).memory;
    expect(lapsed.state).toBe("relearning");
    expect(lapsed.due.getTime() - at.getTime()).toBeLessThanOrEqual(10 * 60_000);
  });
});

describe("undoReview", () => {
  it("makes a card new again when its first review is undone", () => {
    const { memory, log } = nextReview(newCardMemory(NOW), "good", NOW);
    expect(undoReview(memory, log)).toBeNull();
  });

  it("restores the state, stability and counts a later review changed", () => {
    let memory = newCardMemory(NOW);
    let at = NOW;
    for (let i = 0; i < 3; i++) {
      memory = nextReview(memory, "good", at).memory;
      at = memory.due;
    }
    const before = memory;
    const { memory: after, log } = nextReview(before, "again", at);
    const restored = undoReview(after, log)!;
    expect(restored.state).toBe(before.state);
    expect(restored.stability).toBeCloseTo(before.stability, 6);
    expect(restored.difficulty).toBeCloseTo(before.difficulty, 6);
    expect(restored.reps).toBe(before.reps);
    expect(restored.lapses).toBe(before.lapses);
  });
});

describe("planNewCards", () => {
  it("keeps the learner's daily limit when the exam does not need more", () => {
    expect(planNewCards({ unseen: 40, dailyLimit: 10, introducedToday: 0, examAt: EXAM_AT, now: NOW })).toMatchObject({ today: 10, isRaisedForExam: false });
  });

  it("raises the limit so that every unseen card is introduced before the exam's last days", () => {
    const examAt = new Date(NOW.getTime() + 13 * DAY);
    const plan = planNewCards({ unseen: 200, dailyLimit: 10, introducedToday: 0, examAt, now: NOW });
    expect(plan.isRaisedForExam).toBe(true);
    // 13 days left, the last 3 without new cards: 200 over 11 days (today included).
    expect(plan.today).toBe(Math.ceil(200 / 11));
  });

  it("introduces every unseen card over the days left, a day at a time", () => {
    const examAt = new Date(NOW.getTime() + 20 * DAY);
    let unseen = 300;
    for (let d = 0; d < 20 && unseen > 0; d++) {
      const now = new Date(NOW.getTime() + d * DAY);
      unseen -= planNewCards({ unseen, dailyLimit: 5, introducedToday: 0, examAt, now }).today;
    }
    expect(unseen).toBe(0);
  });

  it("subtracts the cards already introduced today and never goes negative", () => {
    expect(planNewCards({ unseen: 30, dailyLimit: 20, introducedToday: 15, examAt: null, now: NOW }).today).toBe(5);
    expect(planNewCards({ unseen: 30, dailyLimit: 20, introducedToday: 25, examAt: null, now: NOW }).today).toBe(0);
  });

  it("brings nothing new when everything has been seen", () => {
    expect(planNewCards({ unseen: 0, dailyLimit: 20, introducedToday: 0, examAt: EXAM_AT, now: NOW }).today).toBe(0);
  });
});
