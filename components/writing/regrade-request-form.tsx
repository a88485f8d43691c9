"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { askRegradeAction } from "@/app/(app)/attempts/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { REGRADE_REASON_MAX } from "@/lib/writing/schemas";

/** The student's "Ask for a regrade" of one point: a short reason their teacher reads where they moderate. */
export function RegradeRequestForm({ attemptId, rubricPointId, pointNumber }: { attemptId: string; rubricPointId: string; pointNumber: number }) {
  const router = useRouter();
  const ids = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [isPending, startTransition] = useTransition();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      try {
        const result = await askRegradeAction({ attemptId, rubricPointId, reason });
        if (!result.ok) {
          setError(result.error);
          setFieldErrors(result.fieldErrors ?? {});
          return;
        }
        setReason("");
        router.refresh();
      } catch {
        setError("Could not reach Crux. Check your connection and try again.");
      }
    });
  }

  const reasonError = fieldErrors.reason?.join(" ");
  return (
    <details className="mt-2 rounded-lg border border-border bg-surface-2 px-3 py-2">
      <summary className="min-h-11 cursor-pointer content-center text-sm font-medium text-accent">Ask for a regrade of point {pointNumber}</summary>
      <form onSubmit={submit} className="space-y-2 pb-1 pt-2" noValidate>
        <div className="space-y-1">
          <label htmlFor={`${ids}-reason`} className="block text-sm font-medium">
            Why should the mark change? (your teacher reads this)
          </label>
          <textarea
            id={`${ids}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            maxLength={REGRADE_REASON_MAX}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={`${ids}-hint${reasonError ? ` ${ids}-reason-error` : ""}`}
            rows={3}
            className={`block w-full rounded-lg border bg-surface px-3 py-2 text-base text-fg ${reasonError ? "border-bad" : "border-border"}`}
          />
          <p id={`${ids}-hint`} className="text-xs text-muted">
            A sentence or two, up to {REGRADE_REASON_MAX} characters: which part of your answer makes this point.
          </p>
          {reasonError ? (
            <p id={`${ids}-reason-error`} className="text-sm text-bad">
              {reasonError}
            </p>
          ) : null}
        </div>
        <FormError message={error && !reasonError ? error : null} />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Sending…" : "Send the request"}
        </Button>
      </form>
    </details>
  );
}
