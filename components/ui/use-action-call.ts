"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/action-result";
import { callAction, failureMessage, isSessionEndedFailure } from "./action-call";

/** What an ended session keeps, said after "Sign in again in another tab;" by every form using this hook. */
const KEPT_ON_PAGE = "nothing on this page is lost — try again once you are signed in.";

/**
 * One server action called from a form or button: pending state, the action's error and field errors
 * (or a plain "could not reach" when the call itself fails; `isSessionEnded` when the learner must sign
 * in again, for FormError's link), and — unless `refresh: false`, for a call whose `onSuccess` navigates
 * away or changes only local state — a refresh of the page's server data after it succeeds, once
 * `onSuccess` has updated the form.
 */
export function useActionCall() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isSessionEnded, setIsSessionEnded] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [isPending, startTransition] = useTransition();

  function run<T extends object>(call: () => Promise<ActionResult<T>>, onSuccess?: (result: { ok: true } & T) => void, { refresh = true }: { refresh?: boolean } = {}) {
    setError(null);
    setIsSessionEnded(false);
    setFieldErrors({});
    startTransition(async () => {
      const result = await callAction(call);
      if (!result.ok) {
        setError(failureMessage(result, KEPT_ON_PAGE));
        setIsSessionEnded(isSessionEndedFailure(result));
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      onSuccess?.(result);
      if (refresh) router.refresh();
    });
  }

  return { error, isSessionEnded, fieldErrors, isPending, run };
}
