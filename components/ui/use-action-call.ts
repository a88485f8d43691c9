"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/action-result";

const UNREACHABLE = "Could not reach Crux. Check your connection and try again.";

/**
 * One server action called from a form or button: pending state, the action's error and field errors
 * (or a plain "could not reach" when the call itself fails), and — unless `refresh: false`, for a call
 * whose `onSuccess` navigates away or changes only local state — a refresh of the page's server data
 * after it succeeds, once `onSuccess` has updated the form.
 */
export function useActionCall() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [isPending, startTransition] = useTransition();

  function run<T extends object>(call: () => Promise<ActionResult<T>>, onSuccess?: (result: { ok: true } & T) => void, { refresh = true }: { refresh?: boolean } = {}) {
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      try {
        const result = await call();
        if (!result.ok) {
          setError(result.error);
          setFieldErrors(result.fieldErrors ?? {});
          return;
        }
        onSuccess?.(result);
        if (refresh) router.refresh();
      } catch {
        setError(UNREACHABLE);
      }
    });
  }

  return { error, fieldErrors, isPending, run };
}
