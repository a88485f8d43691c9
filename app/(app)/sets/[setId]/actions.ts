"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { assignSetToClass } from "@/lib/server/assignments";
import { requireActor } from "@/lib/server/session";

export async function assignSetAction(input: unknown): Promise<ActionResult<{ id: string; title: string }>> {
  return toActionResult("assign set", async () => {
    const actor = await requireActor(["teacher", "admin"]);
    const created = await assignSetToClass(actor, input, new Date());
    revalidatePath("/home");
    revalidatePath("/classes", "layout");
    revalidatePath("/sets", "layout");
    return created;
  });
}
