"use server";

import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { changeName, changePassword } from "@/lib/server/accounts";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { clientAddressOf } from "@/lib/server/client-address";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/lib/server/session";
import { updateLearnerSettings } from "@/lib/server/learner-settings";
import { issueTeacherCodeFor, revokeTeacherCodeFor } from "@/lib/server/teacher-codes";

export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  return toActionResult("change password", async () => {
    const actor = await requireActor();
    await changePassword(actor, input, clientAddressOf(await headers()), new Date());
    return {};
  });
}

export async function changeNameAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  return toActionResult("change name", async () => {
    const actor = await requireActor();
    const name = await changeName(actor, input, new Date());
    // The name shows in the navigation of every page.
    revalidatePath("/", "layout");
    return { name };
  });
}

export async function issueTeacherCodeAction(input: unknown): Promise<ActionResult<{ code: string; expiresAt: string; expiresLabel: string }>> {
  return toActionResult("issue teacher code", async () => {
    const actor = await requireActor(["admin"]);
    const { code, invitation } = await issueTeacherCodeFor(actor, input, new Date(), randomBytes(16));
    revalidatePath("/account");
    return { code, expiresAt: invitation.expiresAt.toISOString(), expiresLabel: formatDateTime(invitation.expiresAt) };
  });
}

export async function revokeTeacherCodeAction(id: unknown): Promise<ActionResult> {
  return toActionResult("revoke teacher code", async () => {
    const actor = await requireActor(["admin"]);
    await revokeTeacherCodeFor(actor, id, new Date());
    revalidatePath("/account");
    return {};
  });
}

export async function saveReviewSettingsAction(input: unknown): Promise<ActionResult> {
  return toActionResult("save review settings", async () => {
    const actor = await requireActor();
    await updateLearnerSettings(actor, input, new Date());
    revalidatePath("/home");
    revalidatePath("/review");
    return {};
  });
}
