"use client";

import { useId, useState } from "react";
import { askRegradeAction } from "@/app/(app)/attempts/actions";
import { formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { FormError, TextAreaField } from "@/components/ui/field";
import { useActionCall } from "@/components/ui/use-action-call";
import { REGRADE_REASON_MAX } from "@/lib/writing/regrade";

/** The student's "Ask for a regrade" of one point: a short reason their teacher reads where they moderate. */
export function RegradeRequestForm({ attemptId, rubricPointId, pointNumber }: { attemptId: string; rubricPointId: string; pointNumber: number }) {
  const ids = useId();
  const [reason, setReason] = useState("");
  const { error, isSessionEnded, fieldErrors, isPending, run } = useActionCall();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    run(() => askRegradeAction({ attemptId, rubricPointId, reason }), () => setReason(""));
  }

  return (
    <details className="mt-2 rounded-lg border border-border bg-surface-2 px-3 py-2">
      <summary className="min-h-11 cursor-pointer content-center text-sm font-medium text-accent">Ask for a regrade of point {pointNumber}</summary>
      <form onSubmit={submit} className="space-y-2 pb-1 pt-2" noValidate>
        <TextAreaField
          label="Why should the mark change? (your teacher reads this)"
          name="reason"
          id={`${ids}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          maxLength={REGRADE_REASON_MAX}
          rows={3}
          hint={`A sentence or two, up to ${REGRADE_REASON_MAX} characters: which part of your answer makes this point.`}
          errors={fieldErrors.reason}
        />
        <FormError message={formLevelError(error, fieldErrors, ["reason"])} isSessionEnded={isSessionEnded} />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Sending…" : "Send the request"}
        </Button>
      </form>
    </details>
  );
}
