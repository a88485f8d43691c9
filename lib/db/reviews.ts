import { randomUUID } from "node:crypto";
import type { StudySetFacts } from "../auth/permissions";
import type { CardView } from "./study-sets";
import type { CardMemory, ReviewRecord } from "../srs/schedule";
import { AppError } from "../errors";
import { getDb } from "./client";
import { orGone } from "./errors";
import { DEFAULT_LEARNER_SETTINGS, type LearnerSettingsRecord } from "./learner-settings";

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

/** Epoch milliseconds of a `timestamp` column (stored as UTC), exact to the millisecond. */
const epochMs = (column: string) => `round(extract(epoch FROM ${column}) * 1000)::float8`;

/** A timestamp parameter: epoch ms turned into the UTC `timestamp` the columns hold. */
const ts = (n: number) => `to_timestamp($${n}::float8 / 1000) AT TIME ZONE 'UTC'`;

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

/**
 * The cards a learner's queue draws from (accepted cards of published sets the learner may open: the
 * shipped pack, sets assigned to their classes, their own — including their missed-points set), as SQL
 * over `Card c JOIN StudySet s`; `learner` is an SQL expression for the learner's id (a parameter or a
 * column), `set` one for an optional set to keep to. Built from constant text only.
 */
export const reviewableSql = (learner: string, set = "NULL::text") => `c.status = 'accepted' AND s.status = 'published' AND (${set} IS NULL OR c."studySetId" = ${set})
  AND (s."ownerId" = ${learner} OR s."isPublic" OR EXISTS (SELECT 1 FROM "Assignment" a JOIN "Enrollment" e ON e."classId" = a."classId"
       WHERE a."studySetId" = s.id AND e."studentId" = ${learner} AND e."removedAt" IS NULL))`;

/** `reviewableSql` over the queue statements' parameters: $1 the learner, $3 an optional set. */
const REVIEWABLE_SQL = reviewableSql("$1", "$3::text");

/** A card as the review screen shows it (front, back, sources), built in SQL as JSON. */
const CARD_VIEW_JSON = `json_build_object('id', c.id, 'kind', c.kind, 'front', c.front, 'back', c.back, 'sources', (
  SELECT coalesce(json_agg(json_build_object('materialId', m.id, 'title', m.title, 'outlet', m.outlet, 'publishedAt', m."publishedAt", 'quote', e.quote) ORDER BY e.id), '[]'::json)
  FROM "EvidenceSpan" e JOIN "Material" m ON m.id = e."materialId" WHERE e."cardId" = c.id))`;

/** A card state as SQL returns it (`MEMORY_JSON`, or the review context's columns): its times as epoch milliseconds. */
type MemoryJson = Omit<CardMemory, "due" | "lastReview"> & { dueMs: number; lastReviewMs: number | null };

const memoryOf = (m: MemoryJson): CardMemory => ({
  due: new Date(m.dueMs),
  stability: m.stability,
  difficulty: m.difficulty,
  elapsedDays: m.elapsedDays,
  scheduledDays: m.scheduledDays,
  learningSteps: m.learningSteps,
  reps: m.reps,
  lapses: m.lapses,
  state: m.state,
  lastReview: m.lastReviewMs === null ? null : new Date(m.lastReviewMs),
});

/** A queued card: its id, the learner's memory of it (null when new) and, for the cards asked to be shown now, what the review screen shows. */
export interface QueuedCardView {
  cardId: string;
  memory: CardMemory | null;
  /** Null beyond the view limit: the review screen fetches those cards when it reaches them. */
  card: CardView | null;
}

/** Everything the queue's summary needs, and the due reviews themselves. */
export interface QueueState {
  due: DueSummary;
  /** Cards first reviewed since the start of the learner's day (the new-card limit counts them). */
  introducedToday: number;
  settings: LearnerSettingsRecord;
  /** Due reviews, most overdue first, up to `dueLimit`; the first `viewLimit` with their card views. */
  dueCards: QueuedCardView[];
}

const MEMORY_JSON = (t: string) => `json_build_object(
  'dueMs', ${epochMs(`${t}.due`)}, 'stability', ${t}.stability, 'difficulty', ${t}.difficulty, 'elapsedDays', ${t}."elapsedDays",
  'scheduledDays', ${t}."scheduledDays", 'learningSteps', ${t}."learningSteps", 'reps', ${t}.reps, 'lapses', ${t}.lapses,
  'state', ${t}.state, 'lastReviewMs', ${epochMs(`${t}."lastReview"`)})`;

type QueuedJson = { cardId: string; memory: MemoryJson | null; card: CardView | null };
const queuedOf = (q: QueuedJson): QueuedCardView => ({ cardId: q.cardId, memory: q.memory && memoryOf(q.memory), card: q.card });

/**
 * A learner's queue at `now` in one round trip (across their sets or in one): due and unseen counts,
 * the next due time, cards introduced since `dayStart`, their settings, and up to `dueLimit` due
 * reviews (over the (userId, due) index), the first `viewLimit` of them with their card views.
 */
export async function getQueueState(userId: string, now: Date, options: { studySetId?: string; dayStart: Date; dueLimit: number; viewLimit: number }): Promise<QueueState> {
  const db = await getDb();
  const [row] = await db.$queryRawUnsafe<
    { dueCount: number; newCount: number; nextDueMs: number | null; introducedToday: number; settings: LearnerSettingsRecord | null; dueCards: QueuedJson[] }[]
  >(
    `WITH visible AS MATERIALIZED (SELECT c.id FROM "Card" c JOIN "StudySet" s ON s.id = c."studySetId" WHERE ${REVIEWABLE_SQL}),
     mine AS MATERIALIZED (SELECT cs.* FROM "CardState" cs JOIN visible v ON v.id = cs."cardId" WHERE cs."userId" = $1)
     SELECT
       (SELECT count(*)::int FROM mine WHERE due <= ${ts(2)}) AS "dueCount",
       (SELECT count(*)::int FROM visible v WHERE NOT EXISTS (SELECT 1 FROM mine WHERE mine."cardId" = v.id)) AS "newCount",
       (SELECT ${epochMs("min(due)")} FROM mine WHERE due > ${ts(2)}) AS "nextDueMs",
       (SELECT count(*)::int FROM "ReviewLog" rl WHERE rl."userId" = $1 AND rl."reviewedAt" >= ${ts(4)} AND rl.state = 'new') AS "introducedToday",
       (SELECT json_build_object('examDate', to_char(ls."examDate", 'YYYY-MM-DD'), 'newCardsPerDay', ls."newCardsPerDay", 'desiredRetention', ls."desiredRetention")
          FROM "LearnerSettings" ls WHERE ls."userId" = $1) AS settings,
       (SELECT coalesce(json_agg(json_build_object('cardId', q."cardId", 'memory', ${MEMORY_JSON("q")},
            'card', CASE WHEN q.n <= $6 THEN ${CARD_VIEW_JSON} END) ORDER BY q.n), '[]'::json)
          FROM (SELECT mine.*, row_number() OVER (ORDER BY due, id) AS n FROM mine WHERE due <= ${ts(2)} ORDER BY due, id LIMIT $5) q
          JOIN "Card" c ON c.id = q."cardId") AS "dueCards"`,
    userId,
    now.getTime(),
    options.studySetId ?? null,
    options.dayStart.getTime(),
    options.dueLimit,
    options.viewLimit,
  );
  if (!row) throw new Error("the queue query returned no row");
  return {
    due: { dueCount: row.dueCount, newCount: row.newCount, nextDueAt: row.nextDueMs === null ? null : new Date(row.nextDueMs) },
    introducedToday: row.introducedToday,
    settings: row.settings ?? DEFAULT_LEARNER_SETTINGS,
    dueCards: row.dueCards.map(queuedOf),
  };
}

/** Up to `limit` of the learner's unseen reviewable cards in set order (sets by title, cards by position), the first `viewLimit` with their card views. */
export async function listNewCards(userId: string, options: { studySetId?: string; limit: number; viewLimit: number }): Promise<QueuedCardView[]> {
  if (options.limit <= 0) return [];
  const db = await getDb();
  const rows = await db.$queryRawUnsafe<{ q: QueuedJson }[]>(
    `SELECT json_build_object('cardId', c.id, 'memory', NULL, 'card', CASE WHEN row_number() OVER (ORDER BY s.title, c."studySetId", c.position) <= $4 THEN ${CARD_VIEW_JSON} END) AS q
     FROM "Card" c JOIN "StudySet" s ON s.id = c."studySetId"
     WHERE ${REVIEWABLE_SQL} AND NOT EXISTS (SELECT 1 FROM "CardState" cs WHERE cs."userId" = $1 AND cs."cardId" = c.id)
     ORDER BY s.title, c."studySetId", c.position
     LIMIT $2`,
    userId,
    options.limit,
    options.studySetId ?? null,
    options.viewLimit,
  );
  return rows.map((r) => queuedOf(r.q));
}

/** The given cards of the learner's queue (those still reviewable by them), with their memory and card views, in the order asked. */
export async function listQueuedCards(userId: string, cardIds: readonly string[]): Promise<QueuedCardView[]> {
  if (cardIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.$queryRawUnsafe<{ q: QueuedJson }[]>(
    `SELECT json_build_object('cardId', c.id, 'memory', CASE WHEN cs.id IS NULL THEN NULL ELSE ${MEMORY_JSON("cs")} END, 'card', ${CARD_VIEW_JSON}) AS q
     FROM "Card" c JOIN "StudySet" s ON s.id = c."studySetId"
     LEFT JOIN "CardState" cs ON cs."userId" = $1 AND cs."cardId" = c.id
     WHERE ${REVIEWABLE_SQL} AND c.id = ANY($2::text[])`,
    userId,
    [...cardIds],
    null,
  );
  const byId = new Map(rows.map((r) => [r.q.cardId, queuedOf(r.q)]));
  return cardIds.flatMap((id) => byId.get(id) ?? []);
}

/** Everything a review needs to know before it is scheduled: the card's set (for the permission check), its memory and the learner's settings. */
export interface ReviewContext {
  studySetId: string;
  set: StudySetFacts;
  /** The learner's stored memory of the card; null when never reviewed. */
  memory: CardMemory | null;
  settings: LearnerSettingsRecord;
}

/** The card's memory as the statement returns it (`dueMs` null without a card state), with its set and the settings. */
type ContextRow = Omit<MemoryJson, "dueMs"> & {
  studySetId: string;
  ownerId: string;
  setStatus: StudySetFacts["status"];
  isPublic: boolean;
  isAssignedToActor: boolean;
  dueMs: number | null;
  hasSettings: boolean;
  examDate: string | null;
  newCardsPerDay: number;
  desiredRetention: number;
};

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
  const memory = row.dueMs === null ? null : memoryOf({ ...row, dueMs: row.dueMs });
  return {
    studySetId: row.studySetId,
    set: { ownerId: row.ownerId, status: row.setStatus, isPublic: row.isPublic, isAssignedToActor: row.isAssignedToActor },
    memory,
    settings: row.hasSettings ? { examDate: row.examDate, newCardsPerDay: row.newCardsPerDay, desiredRetention: row.desiredRetention } : DEFAULT_LEARNER_SETTINGS,
  };
}

/**
 * Stores a review in one statement (atomic, one round trip): the card's new state upserted on
 * (userId, cardId) and its log line written against that state; returns the log's id. With
 * `clientReviewId` taken by another of the learner's reviews the statement fails as a whole (the
 * unique index on the log): the card's state is left as it was. With `clientReviewId` already undone
 * (an UndoneReview of the learner's names it: the rating sent again raced its undo) nothing is
 * written and the answer is null — a rating undone is never stored again.
 */
export async function saveReview(userId: string, cardId: string, memory: CardMemory, log: ReviewRecord, durationMs: number | null, clientReviewId: string | null = null): Promise<{ reviewLogId: string } | null> {
  const db = await getDb();
  const reviewLogId = randomUUID();
  // The card deleted with its set meanwhile (this waited on the deletion's lock): NOT_FOUND, not a foreign-key error.
  const [row] = await orGone(() => db.$queryRawUnsafe<{ id: string }[]>(
    `WITH state AS (
       INSERT INTO "CardState" (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview")
       SELECT $1, $2, $3, ${ts(4)}, $5::float8, $6::float8, $7::int, $8::int, $9::int, $10::int, $11::int, $12::text::"FsrsState", ${ts(13)}
       -- The guard sits in the first write: a data-modifying WITH runs whether or not the outer statement reads it.
       WHERE $26::text IS NULL OR NOT EXISTS (SELECT 1 FROM "UndoneReview" u WHERE u."userId" = $2 AND u."clientReviewId" = $26::text)
       ON CONFLICT ("userId", "cardId") DO UPDATE SET
         due = EXCLUDED.due, stability = EXCLUDED.stability, difficulty = EXCLUDED.difficulty, "elapsedDays" = EXCLUDED."elapsedDays",
         "scheduledDays" = EXCLUDED."scheduledDays", "learningSteps" = EXCLUDED."learningSteps", reps = EXCLUDED.reps,
         lapses = EXCLUDED.lapses, state = EXCLUDED.state, "lastReview" = EXCLUDED."lastReview"
       RETURNING id
     )
     INSERT INTO "ReviewLog" (id, "userId", "cardId", "cardStateId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", "clientReviewId")
     SELECT $14::text, $2::text, $3::text, state.id, $15::int, $16::text::"FsrsState", ${ts(17)}, $18::float8, $19::float8, $20::int, $21::int, $22::int, $23::int, ${ts(24)}, $25::int, $26::text FROM state
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
    clientReviewId,
  ), "That card was deleted with its study set.");
  return row ? { reviewLogId: row.id } : null;
}

/** A rating the review screen already sent (by its `clientReviewId`): stored, with the card's state now, or undone since. */
export type EarlierRating = { status: "stored"; cardId: string; reviewLogId: string; rating: number; memory: CardMemory } | { status: "undone"; cardId: string };

/**
 * The learner's rating named `clientReviewId`, if the server has it (or had it, before an undo), with
 * the card it rated (the caller compares it with the card now sent); null when never received.
 */
export async function getRatingByClientId(userId: string, clientReviewId: string): Promise<EarlierRating | null> {
  const db = await getDb();
  const log = await db.reviewLog.findFirst({ where: { userId, clientReviewId }, select: { id: true, cardId: true, rating: true, cardState: { select: memorySelect } } });
  if (log) return { status: "stored", cardId: log.cardId, reviewLogId: log.id, rating: log.rating, memory: toMemory(log.cardState) };
  const undone = await db.undoneReview.findFirst({ where: { userId, clientReviewId }, select: { cardId: true } });
  return undone ? { status: "undone", cardId: undone.cardId } : null;
}

/** A review of the learner's that was undone, with the card's state now (null when the card is new again); null when there is no such undo. */
export async function getUndoneReview(userId: string, reviewLogId: string): Promise<{ cardId: string; memory: CardMemory | null } | null> {
  const db = await getDb();
  const undone = await db.undoneReview.findFirst({ where: { reviewLogId, userId }, select: { cardId: true } });
  if (!undone) return null;
  const state = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId: undone.cardId } }, select: memorySelect });
  return { cardId: undone.cardId, memory: state ? toMemory(state) : null };
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

/** What an undo of a review whose card was deleted with its set (meanwhile) is told. */
export const UNDO_CARD_DELETED = "That card was deleted with its study set.";

/**
 * Undoes one review in one transaction: deletes its log, records the undo (UndoneReview, so an undo
 * or the rating sent again is recognised) and restores the card's earlier state (`previous`), or
 * removes the card's state when that review was its first (the card is new again). Returns false when
 * the log was already gone (a second undo changes nothing).
 *
 * The card's row is locked (KEY SHARE, as the UndoneReview's foreign key would) before the log is
 * deleted: a set's deletion locks its cards FOR UPDATE and then cascades into their logs, so taking
 * the card after deleting the log waited on the deletion while it waited on the log (40P01). Now the
 * deletion waits for the undo, or the undo for the deletion and then finds the card gone: NOT_FOUND.
 */
export async function revertReview(userId: string, reviewLogId: string, cardStateId: string, previous: CardMemory | null, now: Date): Promise<boolean> {
  const db = await getDb();
  return orGone(() => db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findFirst({ where: { id: reviewLogId, userId }, select: { cardId: true, clientReviewId: true } });
    if (!log) return false;
    const card = await tx.$queryRaw<unknown[]>`SELECT 1 AS "locked" FROM "Card" WHERE "id" = ${log.cardId} FOR KEY SHARE`;
    if (card.length === 0) throw new AppError("NOT_FOUND", UNDO_CARD_DELETED);
    const { count } = await tx.reviewLog.deleteMany({ where: { id: reviewLogId, userId } });
    if (count === 0) return false;
    await tx.undoneReview.create({ data: { reviewLogId, userId, cardId: log.cardId, clientReviewId: log.clientReviewId, undoneAt: now } });
    if (previous) await tx.cardState.update({ where: { id: cardStateId }, data: previous });
    else await tx.cardState.deleteMany({ where: { id: cardStateId, userId, reviewLogs: { none: {} } } });
    return true;
  }, REVIEW_TRANSACTION), UNDO_CARD_DELETED);
}

/** Reviews done by the user since `since` (streaks and the home page). */
export async function countReviewsSince(userId: string, since: Date): Promise<number> {
  const db = await getDb();
  return db.reviewLog.count({ where: { userId, reviewedAt: { gte: since } } });
}
