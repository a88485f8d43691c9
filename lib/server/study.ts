import "server-only";
import { z } from "zod";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { getStudySetDetail, getStudySetFacts, listVisibleStudySets, type CardView, type StudySetDetail, type StudySetSummary } from "../db/study-sets";
import {
  countReviewsSince,
  getQueueState,
  getRatingByClientId,
  getReviewContext,
  getUndoableReview,
  getUndoneReview,
  listNewCards,
  listQueuedCards,
  revertReview,
  saveReview,
  type EarlierRating,
  type QueueState,
  type QueuedCardView,
} from "../db/reviews";
import { getLearnerSettings, type LearnerSettingsRecord } from "../db/learner-settings";
import { planNewCards } from "../srs/exam-plan";
import { REVIEW_BATCH_SIZE } from "../srs/session";
import { formatInterval, newCardMemory, nextReview, previewIntervals, ratings, undoReview, type CardMemory, type RatingName, type SchedulePlan } from "../srs/schedule";
import { dayKeyIn, startOfDayIn } from "../format";
import { assertCan } from "./authorize";
import { recordIdSchema } from "../text/untrusted";

export function listStudySetsFor(actor: Actor): Promise<StudySetSummary[]> {
  return listVisibleStudySets(actor.id);
}

/** Throws NOT_FOUND when the set is missing, FORBIDDEN when it is not the actor's to see. */
async function assertCanViewSet(actor: Actor, setId: string): Promise<void> {
  const facts = await getStudySetFacts(setId, actor.id);
  if (!facts) throw new AppError("NOT_FOUND", "That study set does not exist.");
  assertCan(actor, { action: "studySet.view", set: facts });
}

/** One set for a learner or its owner; NOT_FOUND when missing, FORBIDDEN when not theirs to see. */
export async function getStudySetFor(actor: Actor, setId: string): Promise<StudySetDetail> {
  await assertCanViewSet(actor, setId);
  const detail = await getStudySetDetail(setId);
  if (!detail) throw new AppError("NOT_FOUND", "That study set does not exist.");
  return detail;
}

export interface ReviewCard {
  card: CardView;
  isNew: boolean;
  /** Button hints: when each rating would show the card again. */
  intervals: Record<RatingName, string>;
}

export interface ReviewQueue {
  /** The session's first cards, ready to show. */
  cards: ReviewCard[];
  /** The rest of the session's cards, in order: the review screen fetches them (`getQueuedCards`) as it nears them. */
  more: string[];
  summary: QueueSummary;
  /** Ratings the learner has given today (display time zone), in every set — what home counts as "done today": the review screen counts on from it. */
  reviewedToday: number;
}

export interface QueueSummary {
  /** Reviews due now. */
  dueCount: number;
  /** New cards the queue brings today (daily limit, raised for the exam). */
  newToday: number;
  /** Reviewable cards never reviewed. */
  unseenCount: number;
  nextDueAt: Date | null;
  /** The learner's exam day (YYYY-MM-DD) and the new cards per day it needs, when set. */
  examDate: string | null;
  neededPerDay: number;
  isRaisedForExam: boolean;
}

/** The learner's schedule plan: desired retention and the start of their exam day. */
export function planOf(settings: LearnerSettingsRecord): SchedulePlan {
  return { desiredRetention: settings.desiredRetention, examAt: settings.examDate ? startOfDayIn(settings.examDate) : null };
}

const intervalLabels = (memory: CardMemory, now: Date, plan: SchedulePlan, spreadKey: string) => {
  const preview = previewIntervals(memory, now, plan, spreadKey);
  return Object.fromEntries(ratings.map((r) => [r, formatInterval(preview[r], now)])) as Record<RatingName, string>;
};

/** Counts behind the home page's "Start reviewing" and the queue itself (the same rules for both). */
export async function getQueueSummary(actor: Actor, now: Date, studySetId?: string): Promise<QueueSummary> {
  return summaryOf(await loadQueueState(actor, now, studySetId, 0), now);
}

/** The queue summary from the queue's state (its counts and the learner's settings). */
function summaryOf(state: QueueState, now: Date): QueueSummary {
  const { due, settings, introducedToday } = state;
  const intake = planNewCards({ unseen: due.newCount, dailyLimit: settings.newCardsPerDay, introducedToday, examAt: planOf(settings).examAt, now });
  return {
    dueCount: due.dueCount,
    newToday: intake.today,
    unseenCount: due.newCount,
    nextDueAt: due.nextDueAt,
    examDate: settings.examDate,
    neededPerDay: intake.neededPerDay,
    isRaisedForExam: intake.isRaisedForExam,
  };
}

/** The queue's state at `now`, with up to `dueLimit` due cards, the first `viewLimit` ready to show (one round trip). */
function loadQueueState(actor: Actor, now: Date, studySetId: string | undefined, dueLimit: number, viewLimit = 0): Promise<QueueState> {
  return getQueueState(actor.id, now, { studySetId, dayStart: startOfDayIn(dayKeyIn(now)), dueLimit, viewLimit });
}

/** The largest session the review screen loads at once; the rest comes with the next session. */
export const REVIEW_SESSION_LIMIT = 100;

/** Queued cards ready to show: their views with what the four ratings would schedule at `now`. */
function readyCards(actor: Actor, queued: QueuedCardView[], now: Date, plan: SchedulePlan): ReviewCard[] {
  return queued.flatMap(({ cardId, card, memory }) =>
    card ? [{ card, isNew: memory === null, intervals: intervalLabels(memory ?? newCardMemory(now), now, plan, `${actor.id}:${cardId}`) }] : [],
  );
}

/**
 * The learner's review session across every set they study (or one set, which must be theirs to open):
 * due reviews first, then today's new cards, up to REVIEW_SESSION_LIMIT — the first REVIEW_BATCH_SIZE
 * ready to show with what the four ratings would schedule, the rest as ids to fetch when reached.
 */
export async function getReviewQueue(actor: Actor, options: { studySetId?: string }, now: Date): Promise<ReviewQueue> {
  if (options.studySetId) await assertCanViewSet(actor, options.studySetId);
  // Two round trips at most: the counts, settings and due cards together, then today's new cards.
  const [state, reviewedToday] = await Promise.all([
    loadQueueState(actor, now, options.studySetId, REVIEW_SESSION_LIMIT, REVIEW_BATCH_SIZE),
    countReviewsSince(actor.id, startOfDayIn(dayKeyIn(now))),
  ]);
  const summary = summaryOf(state, now);
  const fresh = await listNewCards(actor.id, {
    studySetId: options.studySetId,
    limit: Math.min(summary.newToday, REVIEW_SESSION_LIMIT - summary.dueCount),
    viewLimit: Math.max(0, REVIEW_BATCH_SIZE - state.dueCards.length),
  });
  const queued = [...state.dueCards, ...fresh];
  const first = queued.slice(0, REVIEW_BATCH_SIZE);
  return { cards: readyCards(actor, first, now, planOf(state.settings)), more: queued.slice(REVIEW_BATCH_SIZE).map((q) => q.cardId), summary, reviewedToday };
}

/**
 * Cards of the learner's session by id (from `ReviewQueue.more`), ready to show with what the ratings
 * would schedule now; cards the learner can no longer review are left out.
 */
export async function getQueuedCards(actor: Actor, rawIds: unknown, now: Date): Promise<{ cards: ReviewCard[] }> {
  const parsed = queuedCardIdsSchema.safeParse(rawIds);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Choose the cards to load.");
  const [queued, settings] = await Promise.all([listQueuedCards(actor.id, parsed.data), getLearnerSettings(actor.id)]);
  return { cards: readyCards(actor, queued, now, planOf(settings)) };
}

const queuedCardIdsSchema = z.array(recordIdSchema).min(1, "Choose the cards to load.").max(REVIEW_SESSION_LIMIT, "Too many cards at once.");

const DURATION_MESSAGE = "The time spent on the card must be between 0 and 60 minutes.";

export const reviewInputSchema = z.object(
  {
    cardId: recordIdSchema,
    rating: z.enum(ratings, { error: "Choose Again, Hard, Good or Easy." }),
    durationMs: z.number({ error: DURATION_MESSAGE }).int(DURATION_MESSAGE).nonnegative(DURATION_MESSAGE).max(3_600_000, DURATION_MESSAGE).nullable().default(null),
    /** The review screen's id for this rating (crypto.randomUUID), the same when it is sent again: a rating the server already has is not applied twice. */
    clientReviewId: z.uuid({ error: "The review could not be read. Reload the page and try again." }).optional(),
  },
  { error: "The review could not be read. Reload the page and try again." },
);

export interface ReviewOutcome {
  reviewLogId: string;
  /** The rating stored: the one sent, or for a rating sent again, the one the server already had. */
  rating: RatingName;
  nextDueAt: Date;
  /** What the ratings would schedule when the card is next shown (for a card that returns this session). */
  nextIntervals: Record<RatingName, string>;
}

/**
 * Records one flashcard review with FSRS under the learner's plan; returns when the card is next due.
 * Idempotent by `clientReviewId`: a rating the server already has (its response lost, sent again) is
 * answered with the stored outcome and the card's state now, without a second log line or schedule;
 * one undone since is refused with CONFLICT (and never stored again, even when sent again as the undo
 * runs: saveReview); an id already used for another card's rating is refused with INVALID.
 */
export async function reviewCard(actor: Actor, raw: unknown, now: Date): Promise<ReviewOutcome> {
  const parsed = reviewInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Invalid review.");
  const { cardId, rating, durationMs, clientReviewId = null } = parsed.data;
  // One read (the card's set and its facts, the learner's card state and settings), one write.
  const context = await getReviewContext(actor.id, cardId);
  if (!context) throw new AppError("NOT_FOUND", "That card does not exist.");
  assertCan(actor, { action: "studySet.view", set: context.set });
  const plan = planOf(context.settings);
  const spreadKey = `${actor.id}:${cardId}`;
  const outcomeOf = (reviewLogId: string, stored: RatingName, memory: CardMemory): ReviewOutcome => {
    const showAt = memory.due > now ? memory.due : now;
    return { reviewLogId, rating: stored, nextDueAt: memory.due, nextIntervals: intervalLabels(memory, showAt, plan, spreadKey) };
  };
  const earlier = clientReviewId ? await getRatingByClientId(actor.id, clientReviewId) : null;
  if (earlier) return earlierOutcome(earlier, cardId, outcomeOf);
  const { memory, log } = nextReview(context.memory ?? newCardMemory(now), rating, now, plan, spreadKey);
  let saved: { reviewLogId: string } | null;
  try {
    saved = await saveReview(actor.id, cardId, memory, log, durationMs, clientReviewId);
  } catch (e) {
    // The same rating sent twice at once: the other request stored it (the unique id refused this one whole).
    const stored = clientReviewId ? await getRatingByClientId(actor.id, clientReviewId) : null;
    if (stored) return earlierOutcome(stored, cardId, outcomeOf);
    throw e;
  }
  if (saved) return outcomeOf(saved.reviewLogId, rating, memory);
  // Nothing stored: the rating was undone after the lookup above (this is it sent again, racing the undo).
  throw new AppError("CONFLICT", RATING_UNDONE);
}

const RATING_UNDONE = "That rating was undone. Rate the card again.";

/**
 * The answer to a rating the server already has (or had, before an undo), by its id: the stored
 * outcome when it rated this card; CONFLICT when it was undone; INVALID when the id named a rating of
 * another card (a review screen that reused an id) — another card's outcome is never answered for this one.
 */
function earlierOutcome(earlier: EarlierRating, cardId: string, outcomeOf: (reviewLogId: string, rating: RatingName, memory: CardMemory) => ReviewOutcome): ReviewOutcome {
  if (earlier.cardId !== cardId) throw new AppError("INVALID", "That rating's id was already used for another card. Reload the page and rate the card again.");
  if (earlier.status === "undone") throw new AppError("CONFLICT", RATING_UNDONE);
  return outcomeOf(earlier.reviewLogId, ratings[earlier.rating - 1] ?? "good", earlier.memory);
}

export const undoReviewSchema = z.object({ reviewLogId: z.string().min(1).max(64) });

export interface UndoOutcome {
  cardId: string;
  isNew: boolean;
  intervals: Record<RatingName, string>;
}

/**
 * Undoes one of the learner's reviews — only a card's newest — restoring the card's earlier state
 * and deleting the log line. Idempotent: undoing a review already undone (the first undo's response
 * lost) changes nothing and answers with the card as it is now, so the review screen can put it back.
 * A review that is not the learner's, or not the card's newest, is refused with CONFLICT.
 */
export async function undoReviewFor(actor: Actor, raw: unknown, now: Date): Promise<UndoOutcome> {
  const parsed = undoReviewSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Choose a review to undo.");
  const { reviewLogId } = parsed.data;
  const review = await getUndoableReview(actor.id, reviewLogId);
  if (!review) return alreadyUndone(actor, reviewLogId, now);
  if (!review.isNewest) throw new AppError("CONFLICT", "Only a card's latest review can be undone.");
  const previous = undoReview(review.memory, review.log);
  const isUndone = await revertReview(actor.id, reviewLogId, review.cardStateId, previous, now);
  if (!isUndone) return alreadyUndone(actor, reviewLogId, now);
  return undoOutcome(actor, review.cardId, previous, now);
}

/** The answer to an undo of a review already undone: the card as it is now; CONFLICT when the learner never undid such a review. */
async function alreadyUndone(actor: Actor, reviewLogId: string, now: Date): Promise<UndoOutcome> {
  const undone = await getUndoneReview(actor.id, reviewLogId);
  if (!undone) throw new AppError("CONFLICT", "That review is not there to undo.");
  return undoOutcome(actor, undone.cardId, undone.memory, now);
}

async function undoOutcome(actor: Actor, cardId: string, memory: CardMemory | null, now: Date): Promise<UndoOutcome> {
  const plan = planOf(await getLearnerSettings(actor.id));
  return { cardId, isNew: memory === null, intervals: intervalLabels(memory ?? newCardMemory(now), now, plan, `${actor.id}:${cardId}`) };
}
