"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/session";
import { makeMissedQuestionCardFor, retryMissedFor, startQuizForSet, submitQuizFor } from "@/lib/server/quiz";

export async function startQuizAction(input: unknown): Promise<ActionResult<{ attemptId: string }>> {
  return toActionResult("start quiz", async () => {
    const actor = await requireActor();
    return startQuizForSet(actor, input, new Date());
  });
}

export async function submitQuizAction(attemptId: unknown): Promise<ActionResult<{ attemptId: string }>> {
  return toActionResult("submit quiz", async () => {
    const actor = await requireActor();
    const done = await submitQuizFor(actor, String(attemptId), new Date());
    revalidatePath(`/quiz/${done.attemptId}`);
    return done;
  });
}

export async function retryMissedAction(attemptId: unknown): Promise<ActionResult<{ attemptId: string }>> {
  return toActionResult("retry missed questions", async () => {
    const actor = await requireActor();
    return retryMissedFor(actor, String(attemptId), new Date());
  });
}

export async function makeMissedQuestionCardAction(input: { attemptId: unknown; questionId: unknown }): Promise<ActionResult<{ cardId: string }>> {
  return toActionResult("make a card from a missed question", async () => {
    const actor = await requireActor();
    const made = await makeMissedQuestionCardFor(actor, String(input.attemptId), String(input.questionId), new Date());
    revalidatePath(`/quiz/${String(input.attemptId)}/results`);
    return made;
  });
}
