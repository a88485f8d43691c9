"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/session";
import { reviewCard } from "@/lib/server/study";

export async function reviewCardAction(input: unknown): Promise<ActionResult<{ nextDueAt: string }>> {
  return toActionResult("review card", async () => {
    const actor = await requireActor();
    const { nextDueAt } = await reviewCard(actor, input, new Date());
    revalidatePath("/home");
    return { nextDueAt: nextDueAt.toISOString() };
  });
}
