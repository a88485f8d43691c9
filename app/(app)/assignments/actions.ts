"use server";

import { redirect } from "next/navigation";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { startAssignedQuizFor } from "@/lib/server/assignments";
import { requireActor } from "@/lib/server/session";

/** Starts (or resumes) the student's attempt at a quiz assignment, then opens it. */
export async function startAssignedQuizAction(input: unknown): Promise<ActionResult> {
  const result = await toActionResult("start assigned quiz", async () => {
    const actor = await requireActor(["student"]);
    return startAssignedQuizFor(actor, input, new Date());
  });
  if (!result.ok) return result;
  redirect(`/quiz/${result.attemptId}`);
}
