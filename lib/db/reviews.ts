import { randomUUID } from "node:crypto";
import type { StudySetFacts } from "../auth/permissions";
import type { CardMemory, FsrsStateName, ReviewRecord } from "../srs/schedule";
import { getDb } from "./client";
import { DEFAULT_LEARNER_SETTINGS, type LearnerSettingsRecord } from "./learner-settings";
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

/** Everything a review needs to know before it is scheduled: the card's set (for the permission check), its memory and the learner's settings. */
export interface ReviewContext {
  studySetId: string;
  set: StudySetFacts;
  /** The learner's stored memory of the card; null when never reviewed. */
  memory: CardMemory | null;
  settings: LearnerSettingsRecord;
}

type ContextRow = {
  studySetId: string;
  ownerId: string;
  setStatus: StudySetFacts["status"];
  isPublic: boolean;
  isAssignedToActor: boolean;
  dueMs: number | null;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: FsrsStateName;
  lastReviewMs: number | null;
  hasSettings: boolean;
  examDate: string | null;
  newCardsPerDay: number;
  desiredRetention: number;
};

/** Epoch milliseconds of a `timestamp` column (stored as UTC), exact to the millisecond. */
const epochMs = (column: string) => `round(extract(epoch FROM ${column}) * 1000)::float8`;

/**
 * A review's context in one round trip: the accepted card's set with the facts `studySet.view` checks
 * (owner, status, public, assigned to a class the learner is enrolled in), the learner's card state and
 * their review settings (the defaults when never changed). Null when the card is missing or not accepted.
 */
export async function getReviewContext(userId: string, cardId: string): Promise<ReviewContext | null> {
  const db = await getDb();
  const [row] = await db.$queryRawUnsafe<ContextRow[]>(
    `SELECT c."studySetId", s."ownerId", s.status::text AS "setStatus", s."isPublic",
            EXISTS (SELECT 1 FROM "Assignment" a JOIN "Enrollment" e ON e."classId" = a."classId"
                    WHERE a."studySetId" = s.id AND e."studentId" = $1 AND e."removedAt" IS NULL) AS "isAssignedToActor",
            ${epochMs("cs.due")} AS "dueMs", cs.stability, cs.difficulty, cs."elapsedDays", cs."scheduledDays", cs."learningSteps",
            cs.reps, cs.lapses, cs.state::text AS state, ${epochMs('cs."lastReview"')} AS "lastReviewMs",
            ls."userId" IS NOT NULL AS "hasSettings", to_char(ls."examDate", 'YYYY-MM-DD') AS "examDate", ls."newCardsPerDay", ls."desiredRetention"
     FROM "Card" c
     JOIN "StudySet" s ON s.id = c."studySetId"
     LEFT JOIN "CardState" cs ON cs."userId" = $1 AND cs."cardId" = c.id
     LEFT JOIN "LearnerSettings" ls ON ls."userId" = $1
     WHERE c.id = $2 AND c.status = 'accepted'`,
    userId,
    cardId,
  );
  if (!row) return null;
  const memory: CardMemory | null =
    row.dueMs === null
      ? null
      : {
          due: new Date(row.dueMs),
          stability: row.stability,
          difficulty: row.difficulty,
          elapsedDays: row.elapsedDays,
          scheduledDays: row.scheduledDays,
          learningSteps: row.learningSteps,
          reps: row.reps,
          lapses: row.lapses,
          state: row.state,
          lastReview: row.lastReviewMs === null ? null : new Date(row.lastReviewMs),
        };
  return {
    studySetId: row.studySetId,
    set: { ownerId: row.ownerId, status: row.setStatus, isPublic: row.isPublic, isAssignedToActor: row.isAssignedToActor },
    memory,
    settings: row.hasSettings ? { examDate: row.examDate, newCardsPerDay: row.newCardsPerDay, desiredRetention: row.desiredRetention } : DEFAULT_LEARNER_SETTINGS,
  };
}

/** A timestamp parameter: epoch ms turned into the UTC `timestamp` the columns hold. */
const ts = (n: number) => `to_timestamp($${n}::float8 / 1000) AT TIME ZONE 'UTC'`;

/**
 * Stores a review in one statement (atomic, one round trip): the card's new state upserted on
 * (userId, cardId) and its log line written against that state; returns the log's id.
 */
export async function saveReview(userId: string, cardId: string, memory: CardMemory, log: ReviewRecord, durationMs: number | null): Promise<{ reviewLogId: string }> {
  const db = await getDb();
  const reviewLogId = randomUUID();
  const [row] = await db.$queryRawUnsafe<{ id: string }[]>(
    `WITH state AS (
       INSERT INTO "CardState" (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview")
       VALUES ($1, $2, $3, ${ts(4)}, $5, $6, $7, $8, $9, $10, $11, $12::text::"FsrsState", ${ts(13)})
       ON CONFLICT ("userId", "cardId") DO UPDATE SET
         due = EXCLUDED.due, stability = EXCLUDED.stability, difficulty = EXCLUDED.difficulty, "elapsedDays" = EXCLUDED."elapsedDays",
         "scheduledDays" = EXCLUDED."scheduledDays", "learningSteps" = EXCLUDED."learningSteps", reps = EXCLUDED.reps,
         lapses = EXCLUDED.lapses, state = EXCLUDED.state, "lastReview" = EXCLUDED."lastReview"
       RETURNING id
     )
     INSERT INTO "ReviewLog" (id, "userId", "cardId", "cardStateId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs")
     SELECT $14::text, $2::text, $3::text, state.id, $15::int, $16::text::"FsrsState", ${ts(17)}, $18::float8, $19::float8, $20::int, $21::int, $22::int, $23::int, ${ts(24)}, $25::int FROM state
     RETURNING id`,
    randomUUID(),
    userId,
    cardId,
    memory.due.getTime(),
    memory.stability,
    memory.difficulty,
    memory.elapsedDays,
    memory.scheduledDays,
    memory.learningSteps,
    memory.reps,
    memory.lapses,
    memory.state,
    memory.lastReview?.getTime() ?? null,
    reviewLogId,
    log.rating,
    log.state,
    log.due.getTime(),
    log.stability,
    log.difficulty,
    log.elapsedDays,
    log.lastElapsedDays,
    log.scheduledDays,
    log.learningSteps,
    log.reviewedAt.getTime(),
    durationMs,
  );
  if (!row) throw new Error("the review was not stored");
  return { reviewLogId: row.id };
}

/**
 * How long a transaction of the review flow (an undo, a missed point made a card) may wait for a pooled
 * connection, and run: under a burst it waits its turn instead of failing (Prisma's default wait is 2 s; bench:api saturation hit it, P2028).
 */
export const REVIEW_TRANSACTION = { maxWait: 15_000, timeout: 20_000 } as const;

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

/** Reviews done by the user since `since` (streaks and the home page). */
export async function countReviewsSince(userId: string, since: Date): Promise<number> {
  const db = await getDb();
  return db.reviewLog.count({ where: { userId, reviewedAt: { gte: since } } });
}
