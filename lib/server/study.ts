import "server-only";
import { z } from "zod";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { getStudySetDetail, getStudySetFacts, listVisibleStudySets, type StudySetDetail, type StudySetSummary } from "../db/study-sets";
import { getCardMemory, getCardStudySetId, getDueSummary, listReviewQueue, saveReview, type DueSummary } from "../db/reviews";
import { newCardMemory, nextReview, previewIntervals, formatInterval, ratings, type RatingName } from "../srs/schedule";
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
  cardId: string;
  isNew: boolean;
  /** Button hints: when each rating would show the card again. */
  intervals: Record<RatingName, string>;
}

/** The next cards to review in a set and what each rating would schedule. */
export async function getReviewSession(actor: Actor, setId: string, now: Date, limit = 20): Promise<{ queue: ReviewCard[]; due: DueSummary }> {
  await assertCanViewSet(actor, setId);
  const [queued, due] = await Promise.all([listReviewQueue(actor.id, setId, now, limit), getDueSummary(actor.id, now, setId)]);
  const queue = queued.map(({ cardId, memory }) => {
    const preview = previewIntervals(memory ?? newCardMemory(now), now);
    return {
      cardId,
      isNew: memory === null,
      intervals: Object.fromEntries(ratings.map((r) => [r, formatInterval(preview[r], now)])) as Record<RatingName, string>,
    };
  });
  return { queue, due };
}

export const reviewInputSchema = z.object({
  cardId: recordIdSchema,
  rating: z.enum(ratings, { error: "Choose Again, Hard, Good or Easy." }),
  durationMs: z.number().int().nonnegative().max(3_600_000).nullable().default(null),
});

/** Records one flashcard review with FSRS; returns when the card is next due. */
export async function reviewCard(actor: Actor, raw: unknown, now: Date): Promise<{ nextDueAt: Date }> {
  const parsed = reviewInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Invalid review.");
  const { cardId, rating, durationMs } = parsed.data;
  const setId = await getCardStudySetId(cardId);
  if (!setId) throw new AppError("NOT_FOUND", "That card does not exist.");
  await assertCanViewSet(actor, setId);
  const current = (await getCardMemory(actor.id, cardId)) ?? newCardMemory(now);
  const { memory, log } = nextReview(current, rating, now);
  await saveReview(actor.id, cardId, memory, log, durationMs);
  return { nextDueAt: memory.due };
}
