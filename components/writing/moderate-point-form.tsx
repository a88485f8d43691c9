"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { moderatePointAction } from "@/app/(app)/attempts/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { formatMarks } from "@/lib/writing/marks";

/** A teacher's override of one point: a mark from the offered steps and a reason the student will read. */
export function ModeratePointForm({
  attemptId,
  rubricPointId,
  pointNumber,
  current,
  choices,
}: {
  attemptId: string;
  rubricPointId: string;
  pointNumber: number;
  current: number;
  choices: number[];
}) {
  const router = useRouter();
  const ids = useId();
  const [awarded, setAwarded] = useState(String(current));
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setDone(null);
    setFieldErrors({});
    startTransition(async () => {
      try {
        const result = await moderatePointAction({ attemptId, rubricPointId, awarded: Number(awarded), reason });
        if (!result.ok) {
          setError(result.error);
          setFieldErrors(result.fieldErrors ?? {});
          return;
        }
        setReason("");
        setDone(`Saved. New total: ${formatMarks(result.score)} / ${formatMarks(result.maxScore)}.`);
        router.refresh();
      } catch {
        setError("Could not reach Crux. Check your connection and try again.");
      }
    });
  }

  const reasonError = fieldErrors.reason?.join(" ");
  return (
    <details className="mt-2 rounded-lg border border-border bg-surface-2 px-3 py-2">
      <summary className="min-h-11 cursor-pointer content-center text-sm font-medium text-accent">Change the mark for point {pointNumber}</summary>
      <form onSubmit={submit} className="space-y-2 pb-1 pt-2" noValidate>
        <div className="space-y-1">
          <label htmlFor={`${ids}-mark`} className="block text-sm font-medium">
            New mark
          </label>
          <select
            id={`${ids}-mark`}
            value={awarded}
            onChange={(e) => setAwarded(e.target.value)}
            className="block min-h-11 w-full rounded-lg border border-border bg-surface px-3 text-base text-fg sm:w-40"
          >
            {choices.map((c) => (
              <option key={c} value={String(c)}>
                {formatMarks(c)} of {formatMarks(choices[choices.length - 1] ?? c)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${ids}-reason`} className="block text-sm font-medium">
            Reason (the student sees it)
          </label>
          <textarea
            id={`${ids}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${ids}-reason-error` : undefined}
            rows={3}
            className={`block w-full rounded-lg border bg-surface px-3 py-2 text-base text-fg ${reasonError ? "border-bad" : "border-border"}`}
          />
          {reasonError ? (
            <p id={`${ids}-reason-error`} className="text-sm text-bad">
              {reasonError}
            </p>
          ) : null}
        </div>
        <FormError message={error && !reasonError ? error : null} />
        {done ? (
          <p role="status" className="text-sm text-good">
            {done}
          </p>
        ) : null}
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save the new mark"}
        </Button>
      </form>
    </details>
  );
}
