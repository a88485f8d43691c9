"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/session";
import { moderateWrittenPoint } from "@/lib/server/writing";

export async function moderatePointAction(input: unknown): Promise<ActionResult<{ score: number; maxScore: number }>> {
  return toActionResult("moderate written answer", async () => {
    const actor = await requireActor(["teacher", "admin"]);
    const totals = await moderateWrittenPoint(actor, input, new Date());
    revalidatePath("/attempts", "layout");
    revalidatePath("/classes", "layout");
    return totals;
  });
}
