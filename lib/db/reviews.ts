import type { CardMemory, ReviewRecord } from "../srs/schedule";
import { getDb } from "./client";
import { visibleSetWhere } from "./study-sets";

/** Accepted cards of the sets the user may open. */
function visibleCardWhere(userId: string) {
  return { status: "accepted" as const, studySet: visibleSetWhere(userId) };
}

export interface DueSummary {
  /** Reviews whose FSRS due time has passed. */
  dueCount: number;
  /** Visible cards the learner has never reviewed. */
  newCount: number;
  /** The earliest upcoming due time when nothing is due now. */
  nextDueAt: Date | null;
}

/** What is due for one learner at `now` (uses the (userId, due) index). */
export async function getDueSummary(userId: string, now: Date, studySetId?: string): Promise<DueSummary> {
  const db = await getDb();
  const setFilter = studySetId ? { card: { studySetId } } : {};
  const [dueCount, newCount, next] = await Promise.all([
    db.cardState.count({ where: { userId, due: { lte: now }, ...setFilter } }),
    db.card.count({ where: { ...visibleCardWhere(userId), ...(studySetId ? { studySetId } : {}), states: { none: { userId } } } }),
    db.cardState.findFirst({ where: { userId, due: { gt: now }, ...setFilter }, orderBy: { due: "asc" }, select: { due: true } }),
  ]);
  return { dueCount, newCount, nextDueAt: next?.due ?? null };
}

export interface QueuedCard {
  cardId: string;
  memory: CardMemory | null;
}

/** The next cards to review in a set: due reviews first (most overdue first), then new cards in set order. */
export async function listReviewQueue(userId: string, studySetId: string, now: Date, limit: number): Promise<QueuedCard[]> {
  const db = await getDb();
  const due = await db.cardState.findMany({
    where: { userId, due: { lte: now }, card: { studySetId, status: "accepted" } },
    orderBy: { due: "asc" },
    take: limit,
  });
  const queue: QueuedCard[] = due.map((s) => ({
    cardId: s.cardId,
    memory: {
      due: s.due,
      stability: s.stability,
      difficulty: s.difficulty,
      elapsedDays: s.elapsedDays,
      scheduledDays: s.scheduledDays,
      learningSteps: s.learningSteps,
      reps: s.reps,
      lapses: s.lapses,
      state: s.state,
      lastReview: s.lastReview,
    },
  }));
  if (queue.length < limit) {
    const fresh = await db.card.findMany({
      where: { studySetId, status: "accepted", states: { none: { userId } } },
      orderBy: { position: "asc" },
      select: { id: true },
      take: limit - queue.length,
    });
    queue.push(...fresh.map((c) => ({ cardId: c.id, memory: null })));
  }
  return queue;
}

/** The stored memory of one card for one learner, or null if never reviewed. */
export async function getCardMemory(userId: string, cardId: string): Promise<CardMemory | null> {
  const db = await getDb();
  const s = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  if (!s) return null;
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } = s;
  return { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview };
}

/** Stores a review: the card's new state and its log line, in one transaction. */
export async function saveReview(userId: string, cardId: string, memory: CardMemory, log: ReviewRecord, durationMs: number | null): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const state = await tx.cardState.upsert({
      where: { userId_cardId: { userId, cardId } },
      create: { userId, cardId, ...memory },
      update: memory,
      select: { id: true },
    });
    await tx.reviewLog.create({ data: { userId, cardId, cardStateId: state.id, ...log, durationMs } });
  });
}

/** The set a card belongs to, for permission checks. */
export async function getCardStudySetId(cardId: string): Promise<string | null> {
  const db = await getDb();
  const card = await db.card.findUnique({ where: { id: cardId }, select: { studySetId: true, status: true } });
  return card && card.status === "accepted" ? card.studySetId : null;
}

/** Reviews done by the user since `since` (streaks and the home page). */
export async function countReviewsSince(userId: string, since: Date): Promise<number> {
  const db = await getDb();
  return db.reviewLog.count({ where: { userId, reviewedAt: { gte: since } } });
}
