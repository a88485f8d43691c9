"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/server/action-result";
import { callAction } from "@/components/ui/action-call";

/**
 * State for a form whose server action is followed by signing in with the password just typed
 * (sign-up, password change): on a failed action its message and field errors; when the action
 * worked but signing in does not, the person is sent to the sign-in page with `notice` explaining why.
 */
export function useCredentialsForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [isPending, setIsPending] = useState(false);

  /** True once the action succeeded and this browser is signed in with `credentials`. */
  async function runThenSignIn(action: () => Promise<ActionResult>, credentials: { email: string; password: string }, notice: string): Promise<boolean> {
    setIsPending(true);
    setError(null);
    setFieldErrors({});
    const result = await callAction(action);
    if (!result.ok) {
      setIsPending(false);
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return false;
    }
    const signedIn = await signIn("credentials", { ...credentials, redirect: false });
    if (!signedIn || signedIn.error) {
      router.replace(`/signin?notice=${notice}`);
      return false;
    }
    setIsPending(false);
    return true;
  }

  return { error, fieldErrors, isPending, runThenSignIn, router };
}
