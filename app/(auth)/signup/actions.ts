"use server";

import { headers } from "next/headers";
import { signUp } from "@/lib/server/accounts";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { clientAddressOf } from "@/lib/server/client-address";

export async function signUpAction(input: unknown): Promise<ActionResult> {
  return toActionResult("sign-up", async () => {
    await signUp(input, clientAddressOf(await headers()), new Date());
    return {};
  });
}
