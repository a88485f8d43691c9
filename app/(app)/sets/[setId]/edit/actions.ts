"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import {
  acceptAllDraftsFor,
  addWrittenQuestionFor,
  importModelAnswerFor,
  publishStudySetFor,
  setItemStatusFor,
  updateCardFor,
  updateModelAnswerFor,
  updateQuestionFor,
} from "@/lib/server/authoring";
import { retryGenerationJobFor } from "@/lib/server/jobs";
import { wakeGenerationDispatcher } from "@/lib/server/generation-dispatcher";
import { requireActor } from "@/lib/server/session";

const withSet = (setId: string, input: unknown) => ({ ...(typeof input === "object" && input !== null ? input : {}), setId });

function revalidateSet(setId: string, isListed = false) {
  revalidatePath(`/sets/${setId}/edit`);
  revalidatePath(`/sets/${setId}`);
  if (isListed) {
    revalidatePath("/sets");
    revalidatePath("/home");
  }
}

export async function setItemStatusAction(setId: string, input: unknown): Promise<ActionResult<{ status: string }>> {
  return toActionResult("set item status", async () => {
    const result = await setItemStatusFor(await requireActor(), withSet(setId, input));
    revalidateSet(setId, true);
    return result;
  });
}

export async function acceptAllDraftsAction(setId: string): Promise<ActionResult<{ cards: number; questions: number }>> {
  return toActionResult("accept all drafts", async () => {
    const result = await acceptAllDraftsFor(await requireActor(), setId);
    revalidateSet(setId, true);
    return result;
  });
}

export async function publishStudySetAction(setId: string): Promise<ActionResult<{ accepted: number }>> {
  return toActionResult("publish study set", async () => {
    const result = await publishStudySetFor(await requireActor(), setId, new Date());
    revalidateSet(setId, true);
    return result;
  });
}

export async function updateCardAction(setId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return toActionResult("update card", async () => {
    const result = await updateCardFor(await requireActor(), withSet(setId, input));
    revalidateSet(setId);
    return result;
  });
}

export async function updateQuestionAction(setId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return toActionResult("update question", async () => {
    const result = await updateQuestionFor(await requireActor(), withSet(setId, input));
    revalidateSet(setId);
    return result;
  });
}

export async function updateModelAnswerAction(setId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return toActionResult("update model answer", async () => {
    const result = await updateModelAnswerFor(await requireActor(), withSet(setId, input));
    revalidateSet(setId);
    return result;
  });
}

export async function addWrittenQuestionAction(setId: string, input: unknown): Promise<ActionResult<{ questionId: string }>> {
  return toActionResult("add written question", async () => {
    const result = await addWrittenQuestionFor(await requireActor(), withSet(setId, input));
    revalidateSet(setId);
    return result;
  });
}

export async function importModelAnswerAction(setId: string, input: unknown): Promise<ActionResult<{ questionId: string }>> {
  return toActionResult("import model answer", async () => {
    const result = await importModelAnswerFor(await requireActor(), withSet(setId, input));
    revalidateSet(setId);
    return result;
  });
}

export async function retryGenerationJobAction(setId: string): Promise<ActionResult<{ jobId: string }>> {
  return toActionResult("retry generation job", async () => {
    const result = await retryGenerationJobFor(await requireActor(), setId);
    wakeGenerationDispatcher();
    revalidateSet(setId);
    return result;
  });
}
