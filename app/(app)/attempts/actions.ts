"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/session";
import { moderateWrittenPoint } from "@/lib/server/writing";
import { acceptMissedPoint } from "@/lib/server/learner-cards";
import { answerRegrade, askForRegrade } from "@/lib/server/regrades";

export async function moderatePointAction(input: unknown): Promise<ActionResult<{ score: number; maxScore: number }>> {
  return toActionResult("moderate written answer", async () => {
    const actor = await requireActor(["teacher", "admin"]);
    const totals = await moderateWrittenPoint(actor, input, new Date());
    revalidatePath("/attempts", "layout");
    revalidatePath("/classes", "layout");
    return totals;
  });
}

export async function acceptMissedPointAction(input: unknown): Promise<ActionResult<{ cardId: string; isCreated: boolean }>> {
  return toActionResult("make a card from a missed point", async () => {
    const actor = await requireActor();
    const made = await acceptMissedPoint(actor, input, new Date());
    revalidatePath("/home");
    revalidatePath("/review");
    return made;
  });
}

export async function askRegradeAction(input: unknown): Promise<ActionResult<{ requestId: string }>> {
  return toActionResult("ask for a regrade", async () => {
    const actor = await requireActor();
    const made = await askForRegrade(actor, input, new Date());
    revalidatePath("/attempts", "layout");
    revalidatePath("/classes", "layout");
    return made;
  });
}

export async function answerRegradeAction(input: unknown): Promise<ActionResult<{ score: number | null; maxScore: number | null }>> {
  return toActionResult("answer a regrade request", async () => {
    const actor = await requireActor(["teacher", "admin"]);
    const totals = await answerRegrade(actor, input, new Date());
    revalidatePath("/attempts", "layout");
    revalidatePath("/classes", "layout");
    revalidatePath("/home");
    return totals;
  });
}
