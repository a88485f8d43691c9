import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { UserRecord } from "@/lib/db/users";
import { getDb } from "@/lib/db/client";
import { saveReview } from "@/lib/db/reviews";
import { seedStudyPack } from "@/lib/db/seed";
import { ttpStudyPack } from "@/lib/study-pack/ttp";
import { acceptMissedPoint } from "@/lib/server/learner-cards";
import { updateLearnerSettings } from "@/lib/server/learner-settings";
import { getQueuedCards, getQueueSummary, getReviewQueue, reviewCard, undoReviewFor } from "@/lib/server/study";
import { newCardMemory, nextReview } from "@/lib/srs/schedule";
import { REVIEW_BATCH_SIZE } from "@/lib/srs/session";
import { startOfDayIn } from "@/lib/format";
import { createTestUser, outcomeOf } from "../support/actors";
import { isPostgres, useTestDatabase } from "../support/database";
import { untilLockWaiters } from "../support/locks";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const DAY = 86_400_000;
let owner: UserRecord;
let other: UserRecord;
let setId = "";

beforeAll(async () => {
  owner = await createTestUser("reviewer", "student");
  other = await createTestUser("other", "student");
  const teacher = await createTestUser("author", "teacher");
  ({ id: setId } = await seedStudyPack(ttpStudyPack, teacher.id));
});

describe("the daily review queue", () => {
  it("brings due reviews and no more new cards than the learner's daily limit", async () => {
    await updateLearnerSettings(owner, { examDate: "", newCardsPerDay: "5", desiredRetention: "0.9" }, NOW);
    const { cards, summary } = await getReviewQueue(owner, {}, NOW);
    expect(summary.newToday).toBe(5);
    expect(cards).toHaveLength(5);
    expect(cards.every((c) => c.isNew)).toBe(true);
  });

  it("sends the session's first cards ready to show and the rest as ids, which load later with their button hints", async () => {
    const learner = await createTestUser("batch-reviewer", "student");
    const limit = REVIEW_BATCH_SIZE + 7;
    await updateLearnerSettings(learner, { examDate: "", newCardsPerDay: String(limit), desiredRetention: "0.9" }, NOW);
    const { cards, more, summary } = await getReviewQueue(learner, {}, NOW);
    expect(summary.newToday).toBe(limit);
    expect(cards).toHaveLength(REVIEW_BATCH_SIZE);
    expect(more).toHaveLength(limit - REVIEW_BATCH_SIZE);
    expect(more.filter((id) => cards.some((c) => c.card.id === id))).toEqual([]);
    const later = await getQueuedCards(learner, more, NOW);
    expect(later.cards.map((c) => c.card.id)).toEqual(more);
    expect(later.cards.every((c) => c.isNew && c.intervals.good.length > 0 && c.card.sources.length > 0)).toBe(true);
    expect(await outcomeOf(() => getQueuedCards(learner, ["../x"], NOW))).toBe("INVALID");
  });

  it("counts a card introduced today against the day's new cards, and keeps counting it as due when rated Again", async () => {
    const { cards } = await getReviewQueue(owner, {}, NOW);
    const first = cards[0]!;
    const outcome = await reviewCard(owner, { cardId: first.card.id, rating: "again" }, NOW);
    expect(outcome.nextDueAt.getTime() - NOW.getTime()).toBeLessThanOrEqual(5 * 60_000);
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const summary = await getQueueSummary(owner, later);
    expect(summary.newToday).toBe(4);
    expect(summary.dueCount).toBe(1);
    const queue = await getReviewQueue(owner, {}, later);
    expect(queue.cards[0]!.card.id).toBe(first.card.id);
    expect(queue.cards[0]!.isNew).toBe(false);
  });

  it("tells the review screen how many ratings the learner gave today, as home counts them, so a reload does not start the count again at 0 (new-user test)", async () => {
    const learner = await createTestUser("day-count-reviewer", "student");
    await updateLearnerSettings(learner, { examDate: "", newCardsPerDay: "5", desiredRetention: "0.9" }, NOW);
    const yesterday = new Date(NOW.getTime() - DAY);
    const { cards } = await getReviewQueue(learner, {}, yesterday);
    await reviewCard(learner, { cardId: cards[0]!.card.id, rating: "good" }, yesterday);
    const today = await getReviewQueue(learner, {}, NOW);
    expect(today.reviewedToday).toBe(0);
    await reviewCard(learner, { cardId: today.cards[0]!.card.id, rating: "again" }, NOW);
    await reviewCard(learner, { cardId: today.cards[1]!.card.id, rating: "good" }, NOW);
    const reloaded = await getReviewQueue(learner, {}, new Date(NOW.getTime() + 60_000));
    expect(reloaded.reviewedToday).toBe(2);
    expect((await getReviewQueue(learner, { studySetId: setId }, new Date(NOW.getTime() + 60_000))).reviewedToday).toBe(2);
  });

  it("undoes the last rating: the log is deleted and the card is new again", async () => {
    const { cards } = await getReviewQueue(owner, {}, NOW);
    const card = cards.find((c) => c.isNew)!;
    const db = await getDb();
    const before = await db.reviewLog.count({ where: { userId: owner.id } });
    const { reviewLogId } = await reviewCard(owner, { cardId: card.card.id, rating: "good" }, NOW);
    const undone = await undoReviewFor(owner, { reviewLogId }, NOW);
    expect(undone).toMatchObject({ cardId: card.card.id, isNew: true });
    expect(await db.reviewLog.count({ where: { userId: owner.id } })).toBe(before);
    expect(await db.cardState.count({ where: { userId: owner.id, cardId: card.card.id } })).toBe(0);
  });

  it("applies a rating sent again (its response lost) once: one log line, one schedule, the stored outcome", async () => {
    const cardId = (await getReviewQueue(owner, {}, NOW)).cards.find((c) => c.isNew)!.card.id;
    const db = await getDb();
    const before = await db.reviewLog.count({ where: { userId: owner.id, cardId } });
    const clientReviewId = randomUUID();
    const first = await reviewCard(owner, { cardId, rating: "good", clientReviewId }, NOW);
    // Pressed again after the lost response, even on another button: the server answers with what it stored.
    const again = await reviewCard(owner, { cardId, rating: "easy", clientReviewId }, new Date(NOW.getTime() + 5_000));
    expect(again.reviewLogId).toBe(first.reviewLogId);
    expect(again.rating).toBe("good");
    expect(again.nextDueAt.getTime()).toBe(first.nextDueAt.getTime());
    expect(await db.reviewLog.count({ where: { userId: owner.id, cardId } })).toBe(before + 1);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: owner.id, cardId } } });
    expect(state.reps).toBe(1);
    expect(state.due.getTime()).toBe(first.nextDueAt.getTime());
  });

  it("applies the same rating sent twice at once only once", async () => {
    const cardId = (await getReviewQueue(owner, {}, NOW)).cards.find((c) => c.isNew)!.card.id;
    const clientReviewId = randomUUID();
    const [a, b] = await Promise.all([reviewCard(owner, { cardId, rating: "good", clientReviewId }, NOW), reviewCard(owner, { cardId, rating: "good", clientReviewId }, NOW)]);
    expect(a.reviewLogId).toBe(b.reviewLogId);
    const db = await getDb();
    expect(await db.reviewLog.count({ where: { userId: owner.id, cardId } })).toBe(1);
  });

  it("keeps one learner's rating ids apart from another's", async () => {
    const clientReviewId = randomUUID();
    const mine = await reviewCard(owner, { cardId: (await getReviewQueue(owner, {}, NOW)).cards.find((c) => c.isNew)!.card.id, rating: "good", clientReviewId }, NOW);
    const theirs = await reviewCard(other, { cardId: (await getReviewQueue(other, {}, NOW)).cards[0]!.card.id, rating: "good", clientReviewId }, NOW);
    expect(theirs.reviewLogId).not.toBe(mine.reviewLogId);
  });

  it("answers an undo sent again (the first one's response lost) with the card, changing nothing", async () => {
    const cardId = (await getReviewQueue(owner, {}, NOW)).cards.find((c) => c.isNew)!.card.id;
    const clientReviewId = randomUUID();
    const { reviewLogId } = await reviewCard(owner, { cardId, rating: "good", clientReviewId }, NOW);
    const first = await undoReviewFor(owner, { reviewLogId }, NOW);
    const again = await undoReviewFor(owner, { reviewLogId }, NOW);
    expect(again).toEqual(first);
    expect(again).toMatchObject({ cardId, isNew: true });
    const db = await getDb();
    expect(await db.reviewLog.count({ where: { userId: owner.id, cardId } })).toBe(0);
    // The rating itself arriving again after its undo is not applied again.
    expect(await outcomeOf(() => reviewCard(owner, { cardId, rating: "good", clientReviewId }, NOW))).toBe("CONFLICT");
    expect(await db.cardState.count({ where: { userId: owner.id, cardId } })).toBe(0);
  });

  it("refuses a rating id that is not a UUID", async () => {
    const cardId = (await getReviewQueue(owner, {}, NOW)).cards[0]!.card.id;
    expect(await outcomeOf(() => reviewCard(owner, { cardId, rating: "good", clientReviewId: "x".repeat(80) }, NOW))).toBe("INVALID");
  });

  it("restores a reviewed card's earlier state when a later rating is undone", async () => {
    const cardId = (await getReviewQueue(owner, {}, NOW)).cards.find((c) => c.isNew)!.card.id;
    await reviewCard(owner, { cardId, rating: "good" }, NOW);
    const db = await getDb();
    const stateBefore = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: owner.id, cardId } } });
    const at = new Date(NOW.getTime() + DAY);
    const { reviewLogId } = await reviewCard(owner, { cardId, rating: "again" }, at);
    await undoReviewFor(owner, { reviewLogId }, at);
    const restored = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: owner.id, cardId } } });
    expect(restored.state).toBe(stateBefore.state);
    expect(restored.stability).toBeCloseTo(stateBefore.stability, 6);
    expect(restored.reps).toBe(stateBefore.reps);
  });

  it("never lets a learner undo another learner's review", async () => {
    const cardId = (await getReviewQueue(other, {}, NOW)).cards[0]!.card.id;
    const { reviewLogId } = await reviewCard(other, { cardId, rating: "good" }, NOW);
    expect(await outcomeOf(() => undoReviewFor(owner, { reviewLogId }, NOW))).toBe("CONFLICT");
  });

  it("refuses a rating id already used for another card, and never answers with that card's outcome", async () => {
    const owner = await createTestUser("reused-id-reviewer", "student");
    const [a, b] = (await getReviewQueue(owner, {}, NOW)).cards.filter((c) => c.isNew).map((c) => c.card.id);
    const clientReviewId = randomUUID();
    await reviewCard(owner, { cardId: a!, rating: "good", clientReviewId }, NOW);
    const refused = await reviewCard(owner, { cardId: b!, rating: "again", clientReviewId }, NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "INVALID", message: "That rating's id was already used for another card. Reload the page and rate the card again." });
    const db = await getDb();
    expect(await db.cardState.count({ where: { userId: owner.id, cardId: b! } })).toBe(0);
    // Undone, the id is still card A's: card B is refused again, not told "undone".
    const { id: reviewLogId } = await db.reviewLog.findFirstOrThrow({ where: { userId: owner.id, clientReviewId }, select: { id: true } });
    await undoReviewFor(owner, { reviewLogId }, NOW);
    expect(await outcomeOf(() => reviewCard(owner, { cardId: b!, rating: "again", clientReviewId }, NOW))).toBe("INVALID");
  });

  it("never stores again a rating whose undo came while it was sent again (the insert checks the undo)", async () => {
    const owner = await createTestUser("undo-race-reviewer", "student");
    const cardId = (await getReviewQueue(owner, {}, NOW)).cards.find((c) => c.isNew)!.card.id;
    const clientReviewId = randomUUID();
    const { reviewLogId } = await reviewCard(owner, { cardId, rating: "good", clientReviewId }, NOW);
    await undoReviewFor(owner, { reviewLogId }, NOW);
    // The retry looked the id up before the undo (nothing to find yet) and writes after it.
    const { memory, log } = nextReview(newCardMemory(NOW), "good", NOW);
    expect(await saveReview(owner.id, cardId, memory, log, null, clientReviewId)).toBeNull();
    const db = await getDb();
    expect(await db.cardState.count({ where: { userId: owner.id, cardId } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: owner.id, cardId } })).toBe(0);
    // Without an id, or with a new one, the card is rated as usual.
    expect(await saveReview(owner.id, cardId, memory, log, null, randomUUID())).not.toBeNull();
  });
});

describe.skipIf(!isPostgres)("an undo racing the deletion of the card's set (PostgreSQL)", () => {
  it("waits for the deletion, then says the card was deleted — no deadlock, no foreign-key error", async () => {
    const db = await getDb();
    const author = await createTestUser("undo-race-author", "teacher");
    const set = await db.studySet.create({
      data: { ownerId: author.id, title: "Undo race", status: "published", isPublic: true, cards: { create: [{ kind: "qa", front: "front", back: "back", position: 0, status: "accepted" }] } },
      select: { cards: { select: { id: true } } },
    });
    const cardId = set.cards[0]!.id;
    const { reviewLogId } = await reviewCard(owner, { cardId, rating: "good", clientReviewId: randomUUID() }, NOW);
    // The deletion (deleteOwnStudySet) has locked the card FOR UPDATE; the undo starts; then the deletion cascades into the log.
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    let go!: () => void;
    const goOn = new Promise<void>((resolve) => (go = resolve));
    const deletion = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 AS "locked" FROM "Card" WHERE "id" = ${cardId} FOR UPDATE`;
        locked();
        await goOn;
        await tx.$executeRaw`DELETE FROM "Card" WHERE "id" = ${cardId}`;
      },
      { timeout: 20_000, maxWait: 5_000 },
    );
    await isLocked;
    const undo = undoReviewFor(owner, { reviewLogId }, NOW).catch((e: unknown) => e);
    await untilLockWaiters(1);
    go();
    await deletion;
    expect(await undo).toMatchObject({ code: "NOT_FOUND", message: "That card was deleted with its study set." });
    expect(await db.undoneReview.count({ where: { reviewLogId } })).toBe(0);
  });
});

describe("studying toward an exam date", () => {
  it("schedules no card on or after the exam, over weeks of reviews of every card", async () => {
    const learner = await createTestUser("exam-taker", "student");
    const examDate = "2026-03-29";
    await updateLearnerSettings(learner, { examDate, newCardsPerDay: "3", desiredRetention: "0.9" }, NOW);
    const examAt = startOfDayIn(examDate);
    const db = await getDb();
    for (let day = 0; day < 27; day++) {
      const at = new Date(NOW.getTime() + day * DAY);
      const { cards } = await getReviewQueue(learner, {}, at);
      for (const [i, c] of cards.entries()) await reviewCard(learner, { cardId: c.card.id, rating: i % 7 === 0 ? "hard" : "easy" }, at);
    }
    const states = await db.cardState.findMany({ where: { userId: learner.id }, select: { due: true } });
    const total = await db.card.count({ where: { studySetId: setId, status: "accepted" } });
    // Every card seen before the exam (the exam raised the 3-a-day limit), none due on or after it.
    expect(states).toHaveLength(total);
    for (const s of states) expect(s.due.getTime()).toBeLessThan(examAt.getTime());
    // Every card of the pack reviewed through the database over 27 days: hundreds of statements, slow on a loaded machine.
  }, 120_000);

  it("refuses an exam date that has passed and keeps the saved settings", async () => {
    await updateLearnerSettings(owner, { examDate: "2026-06-01", newCardsPerDay: "10", desiredRetention: "0.9" }, NOW);
    expect(await outcomeOf(() => updateLearnerSettings(owner, { examDate: "2026-02-01", newCardsPerDay: "10", desiredRetention: "0.9" }, NOW))).toBe("INVALID");
    expect((await getQueueSummary(owner, NOW)).examDate).toBe("2026-06-01");
  });

  it("lets a learner whose exam date has passed change the other settings, and schedules as without the date", async () => {
    const learner = await createTestUser("after-the-exam", "student");
    await updateLearnerSettings(learner, { examDate: "2026-03-05", newCardsPerDay: "3", desiredRetention: "0.9" }, NOW);
    const afterExam = new Date("2026-03-07T10:00:00Z");
    await updateLearnerSettings(learner, { examDate: "2026-03-05", newCardsPerDay: "4", desiredRetention: "0.85" }, afterExam);
    const { cards, summary } = await getReviewQueue(learner, {}, afterExam);
    expect(summary.examDate).toBe("2026-03-05");
    const reviewed = await reviewCard(learner, { cardId: cards[0]!.card.id, rating: "easy" }, afterExam);
    expect(reviewed.nextDueAt.getTime()).toBeGreaterThan(afterExam.getTime() + DAY);
  });
});

describe("missed points become cards", () => {
  it("makes one card per point, due now in the learner's own set, with the model answer's wording and source", async () => {
    const db = await getDb();
    const question = await db.question.findFirstOrThrow({ where: { studySetId: setId, kind: "written" }, include: { rubricPoints: { where: { kind: "content", modelAnswerPointId: { not: null } }, include: { modelAnswerPoint: true } } } });
    const point = question.rubricPoints[0]!;
    const attempt = await db.attempt.create({ data: { userId: owner.id, kind: "written_practice", studySetId: setId, questionId: question.id, status: "graded", submittedAt: NOW } });
    const made = await acceptMissedPoint(owner, { attemptId: attempt.id, rubricPointId: point.id }, NOW);
    const again = await acceptMissedPoint(owner, { attemptId: attempt.id, rubricPointId: point.id }, NOW);
    expect(made.isCreated).toBe(true);
    expect(again).toEqual({ cardId: made.cardId, isCreated: false });
    const card = await db.card.findUniqueOrThrow({ where: { id: made.cardId }, include: { evidence: true, studySet: true } });
    expect(card.back).toContain(point.modelAnswerPoint!.text);
    expect(card.evidence.length).toBeGreaterThan(0);
    expect(card.studySet.ownerId).toBe(owner.id);
    const sessionIds = ({ cards, more }: { cards: { card: { id: string } }[]; more: string[] }) => [...cards.map((c) => c.card.id), ...more];
    expect(sessionIds(await getReviewQueue(owner, {}, NOW))).toContain(made.cardId);
    expect(sessionIds(await getReviewQueue(other, {}, NOW))).not.toContain(made.cardId);
    expect((await getQueuedCards(other, [made.cardId], NOW)).cards).toEqual([]);
    expect(await outcomeOf(() => acceptMissedPoint(other, { attemptId: attempt.id, rubricPointId: point.id }, NOW))).toBe("NOT_FOUND");
  });
});

describe("a review that cannot be recorded", () => {
  const messageOf = (raw: unknown) => reviewCard(owner, raw, NOW).then(() => "ok", (e: unknown) => (e instanceof AppError ? `${e.code}: ${e.message}` : String(e)));

  it.each([
    [{ rating: "good", durationMs: -5 }, "INVALID: The time spent on the card must be between 0 and 60 minutes."],
    [{ rating: "good", durationMs: 1.5 }, "INVALID: The time spent on the card must be between 0 and 60 minutes."],
    [{ rating: "Perfect" }, "INVALID: Choose Again, Hard, Good or Easy."],
  ])("is refused with a message a person can read: %o", async (fields, message) => {
    const cardId = (await getReviewQueue(owner, {}, NOW)).cards[0]!.card.id;
    expect(await messageOf({ cardId, ...fields })).toBe(message);
  });

  it("says so when the body is not a review at all", async () => {
    expect(await messageOf(null)).toBe("INVALID: The review could not be read. Reload the page and try again.");
  });
});
