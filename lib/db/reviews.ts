import type { CardMemory, ReviewRecord } from "../srs/schedule";
import { getDb } from "./client";
import { visibleSetWhere } from "./study-sets";

/**
 * Cards that enter a learner's review queue: accepted cards of published sets the learner may open
 * (the shipped pack, sets assigned to their classes, their own — including their missed-points set).
 */
function reviewableCardWhere(userId: string, studySetId?: string) {
  return { status: "accepted" as const, studySet: { status: "published" as const, ...visibleSetWhere(userId) }, ...(studySetId ? { studySetId } : {}) };
}

const memorySelect = {
  cardId: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

type MemoryRow = { due: Date; stability: number; difficulty: number; elapsedDays: number; scheduledDays: number; learningSteps: number; reps: number; lapses: number; state: CardMemory["state"]; lastReview: Date | null };

function toMemory(s: MemoryRow): CardMemory {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } = s;
  return { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview };
}

export interface DueSummary {
  /** Reviews whose FSRS due time has passed. */
  dueCount: number;
  /** Reviewable cards the learner has never reviewed. */
  newCount: number;
  /** The earliest upcoming due time when nothing is due now. */
  nextDueAt: Date | null;
}

/** What is due for one learner at `now`, across their sets or in one (uses the (userId, due) index). */
export async function getDueSummary(userId: string, now: Date, studySetId?: string): Promise<DueSummary> {
  const db = await getDb();
  const cardWhere = reviewableCardWhere(userId, studySetId);
  const [dueCount, newCount, next] = await Promise.all([
    db.cardState.count({ where: { userId, due: { lte: now }, card: cardWhere } }),
    db.card.count({ where: { ...cardWhere, states: { none: { userId } } } }),
    db.cardState.findFirst({ where: { userId, due: { gt: now }, card: cardWhere }, orderBy: { due: "asc" }, select: { due: true } }),
  ]);
  return { dueCount, newCount, nextDueAt: next?.due ?? null };
}

export interface QueuedCard {
  cardId: string;
  memory: CardMemory | null;
}

/**
 * The learner's queue: due reviews (most overdue first, up to `dueLimit`), then up to `newLimit` new
 * cards in set order (sets by title, cards by position).
 */
export async function listReviewQueue(
  userId: string,
  now: Date,
  options: { studySetId?: string; dueLimit: number; newLimit: number },
): Promise<QueuedCard[]> {
  const db = await getDb();
  const cardWhere = reviewableCardWhere(userId, options.studySetId);
  const [due, fresh] = await Promise.all([
    db.cardState.findMany({ where: { userId, due: { lte: now }, card: cardWhere }, orderBy: { due: "asc" }, take: options.dueLimit, select: memorySelect }),
    options.newLimit > 0
      ? db.card.findMany({
          where: { ...cardWhere, states: { none: { userId } } },
          orderBy: [{ studySet: { title: "asc" } }, { studySetId: "asc" }, { position: "asc" }],
          select: { id: true },
          take: options.newLimit,
        })
      : Promise.resolve([]),
  ]);
  return [...due.map((s) => ({ cardId: s.cardId, memory: toMemory(s) })), ...fresh.map((c) => ({ cardId: c.id, memory: null }))];
}

/** Cards first reviewed (introduced) by the learner since `since`. */
export async function countCardsIntroducedSince(userId: string, since: Date): Promise<number> {
  const db = await getDb();
  return db.reviewLog.count({ where: { userId, reviewedAt: { gte: since }, state: "new" } });
}

/** The stored memory of one card for one learner, or null if never reviewed. */
export async function getCardMemory(userId: string, cardId: string): Promise<CardMemory | null> {
  const db = await getDb();
  const s = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  return s ? toMemory(s) : null;
}

/**
 * How long a review's transaction may wait for a pooled connection, and run: under a burst a review
 * waits its turn instead of failing (Prisma's default wait is 2 s; bench:api saturation hit it, P2028).
 */
export const REVIEW_TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;

/** Stores a review: the card's new state and its log line, in one transaction; returns the log's id. */
export async function saveReview(userId: string, cardId: string, memory: CardMemory, log: ReviewRecord, durationMs: number | null): Promise<{ reviewLogId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const state = await tx.cardState.upsert({
      where: { userId_cardId: { userId, cardId } },
      create: { userId, cardId, ...memory },
      update: memory,
      select: { id: true },
    });
    const created = await tx.reviewLog.create({ data: { userId, cardId, cardStateId: state.id, ...log, durationMs }, select: { id: true } });
    return { reviewLogId: created.id };
  }, REVIEW_TRANSACTION);
}

export interface UndoableReview {
  cardId: string;
  cardStateId: string;
  /** The card's state now (after the review). */
  memory: CardMemory;
  log: ReviewRecord;
  /** True when no later review of the card exists (only the newest review can be undone). */
  isNewest: boolean;
}

/** One of the learner's reviews with the card's current state; null when it is not theirs or is gone. */
export async function getUndoableReview(userId: string, reviewLogId: string): Promise<UndoableReview | null> {
  const db = await getDb();
  const log = await db.reviewLog.findFirst({ where: { id: reviewLogId, userId }, include: { cardState: { select: memorySelect } } });
  if (!log) return null;
  const later = await db.reviewLog.count({ where: { cardStateId: log.cardStateId, OR: [{ reviewedAt: { gt: log.reviewedAt } }, { reviewedAt: log.reviewedAt, id: { gt: log.id } }] } });
  return {
    cardId: log.cardId,
    cardStateId: log.cardStateId,
    memory: toMemory(log.cardState),
    log: {
      rating: log.rating,
      state: log.state,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsedDays,
      lastElapsedDays: log.lastElapsedDays,
      scheduledDays: log.scheduledDays,
      learningSteps: log.learningSteps,
      reviewedAt: log.reviewedAt,
    },
    isNewest: later === 0,
  };
}

/**
 * Undoes one review in one transaction: deletes its log and restores the card's earlier state
 * (`previous`), or removes the card's state when that review was its first (the card is new again).
 * Returns false when the log was already gone (a second undo changes nothing).
 */
export async function revertReview(userId: string, reviewLogId: string, cardStateId: string, previous: CardMemory | null): Promise<boolean> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const { count } = await tx.reviewLog.deleteMany({ where: { id: reviewLogId, userId } });
    if (count === 0) return false;
    if (previous) await tx.cardState.update({ where: { id: cardStateId }, data: previous });
    else await tx.cardState.deleteMany({ where: { id: cardStateId, userId, reviewLogs: { none: {} } } });
    return true;
  }, REVIEW_TRANSACTION);
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
