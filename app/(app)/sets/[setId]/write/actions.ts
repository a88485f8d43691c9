"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/session";
import { saveWritingDraft, startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";

/** What the writer receives after a save or submit; times as epoch milliseconds. */
export type WriterOutcome =
  | { status: "saved"; version: number; savedAtMs: number }
  | { status: "conflict"; current: { text: string; version: number; savedAtMs: number } }
  | { status: "submitted"; attemptId: string }
  | { status: "graded"; attemptId: string };

type Stored = { text: string; version: number; savedAt: Date };
const toWire = (c: Stored) => ({ text: c.text, version: c.version, savedAtMs: c.savedAt.getTime() });

export async function startWritingAction(input: unknown): Promise<ActionResult<{ attemptId: string }>> {
  return toActionResult("start written practice", async () => {
    const actor = await requireActor();
    const draft = await startWritingAttempt(actor, input, new Date());
    revalidatePath(`/sets/${draft.studySetId}/write/${draft.questionId}`);
    return { attemptId: draft.attemptId };
  });
}

export async function saveDraftAction(input: unknown): Promise<ActionResult<{ outcome: WriterOutcome }>> {
  return toActionResult("autosave written answer", async () => {
    const actor = await requireActor();
    const saved = await saveWritingDraft(actor, input, new Date());
    if (saved.status === "saved") return { outcome: { status: "saved", version: saved.version, savedAtMs: saved.savedAt.getTime() } };
    if (saved.status === "conflict") return { outcome: { status: "conflict", current: toWire(saved.current) } };
    return { outcome: saved };
  });
}

export async function submitWritingAction(input: unknown): Promise<ActionResult<{ outcome: WriterOutcome }>> {
  return toActionResult("submit written answer", async () => {
    const actor = await requireActor();
    const submitted = await submitWritingAttempt(actor, input, new Date());
    if (submitted.status === "conflict") return { outcome: { status: "conflict", current: toWire(submitted.current) } };
    revalidatePath("/attempts");
    if (submitted.status === "graded") return { outcome: { status: "graded", attemptId: submitted.attemptId } };
    return { outcome: submitted };
  });
}
