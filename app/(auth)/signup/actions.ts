"use server";

import { signUp } from "@/lib/server/accounts";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";

export async function signUpAction(input: unknown): Promise<ActionResult> {
  return toActionResult("sign-up", async () => {
    await signUp(input);
    return {};
  });
}
