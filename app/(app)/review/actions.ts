"use server";

import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/session";
import { reviewCard, undoReviewFor } from "@/lib/server/study";
import type { RatingName } from "@/lib/srs/schedule";

// No revalidatePath here: it would re-render the review page under the running session and drop
// the cards it holds (Again cards waiting to return). Every page reading the queue is dynamic.
export async function reviewCardAction(input: unknown): Promise<ActionResult<{ reviewLogId: string; rating: RatingName; nextDueAtMs: number; nextIntervals: Record<RatingName, string> }>> {
  return toActionResult("review card", async () => {
    const actor = await requireActor();
    const { reviewLogId, rating, nextDueAt, nextIntervals } = await reviewCard(actor, input, new Date());
    return { reviewLogId, rating, nextDueAtMs: nextDueAt.getTime(), nextIntervals };
  });
}

export async function undoReviewAction(input: unknown): Promise<ActionResult<{ cardId: string; isNew: boolean; intervals: Record<RatingName, string> }>> {
  return toActionResult("undo review", async () => {
    const actor = await requireActor();
    const undone = await undoReviewFor(actor, input, new Date());
    return undone;
  });
}
