"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { assignSetToClass } from "@/lib/server/assignments";
import { deleteStudySetFor } from "@/lib/server/authoring";
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

/** Deletes the owner's set, then opens the list of sets saying so (the set's own pages are gone). */
export async function deleteStudySetAction(input: unknown): Promise<ActionResult> {
  const result = await toActionResult("delete study set", async () => {
    const deleted = await deleteStudySetFor(await requireActor(), input, new Date());
    revalidatePath("/sets", "layout");
    revalidatePath("/home");
    revalidatePath("/progress");
    return deleted;
  });
  if (!result.ok) return result;
  redirect("/sets?notice=set-deleted");
}
