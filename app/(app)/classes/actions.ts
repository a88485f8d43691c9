"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { createClassFor, joinAsCoTeacherFor, joinClassFor } from "@/lib/server/classes";
import { acceptAutomaticMarksFor } from "@/lib/server/gradebook";
import { requireActor } from "@/lib/server/session";

export async function createClassAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return toActionResult("create class", async () => {
    const actor = await requireActor(["teacher", "admin"]);
    const created = await createClassFor(actor, input);
    revalidatePath("/home");
    revalidatePath("/classes");
    return created;
  });
}

export async function joinClassAction(input: unknown): Promise<ActionResult<{ classId: string; name: string }>> {
  return toActionResult("join class", async () => {
    const actor = await requireActor();
    const joined = await joinClassFor(actor, input);
    revalidatePath("/home");
    revalidatePath("/classes");
    return joined;
  });
}

export async function acceptAutomaticMarksAction(input: unknown): Promise<ActionResult<{ attemptId: string }>> {
  return toActionResult("accept automatic marks", async () => {
    const actor = await requireActor(["teacher", "admin"]);
    const accepted = await acceptAutomaticMarksFor(actor, input, new Date());
    revalidatePath("/classes", "layout");
    revalidatePath("/attempts", "layout");
    return accepted;
  });
}

export async function joinAsCoTeacherAction(input: unknown): Promise<ActionResult<{ classId: string; name: string }>> {
  return toActionResult("join as co-teacher", async () => {
    const actor = await requireActor(["teacher", "admin"]);
    const joined = await joinAsCoTeacherFor(actor, input);
    revalidatePath("/classes", "layout");
    return joined;
  });
}
