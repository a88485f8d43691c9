"use server";

import { headers } from "next/headers";
import { changePassword } from "@/lib/server/accounts";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { clientAddressOf } from "@/lib/server/client-address";
import { requireActor } from "@/lib/server/session";

export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  return toActionResult("change password", async () => {
    const actor = await requireActor();
    await changePassword(actor, input, clientAddressOf(await headers()), new Date());
    return {};
  });
}
