"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { askRegradeAction } from "@/app/(app)/attempts/actions";
import { formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { FormError, TextAreaField } from "@/components/ui/field";
import { useActionCall } from "@/components/ui/use-action-call";
import { REGRADE_REASON_MAX } from "@/lib/writing/regrade";

/**
 * A point's regrade request and, while the student may ask, the form to ask: one region whose height holds
 * from the moment a request is sent. Sending replaces the open form with the shorter "Regrade requested"
 * note, and everything below moved up by the difference — a double tap on "Send the request" landed its
 * second tap on "Make a card from point N", which had moved under the finger. The region keeps the form's
 * height while the page stays open, so nothing below moves and the second tap lands on the note; focus
 * goes to the region, where the new request is read out.
 */
export function RegradeRequestArea({ children, ask }: { children?: ReactNode; ask: { attemptId: string; rubricPointId: string; pointNumber: number } | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const [heldHeightPx, setHeldHeightPx] = useState<number | null>(null);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="outline-none"
      style={heldHeightPx === null ? undefined : { minHeight: heldHeightPx }}
      data-testid="regrade-area"
    >
      {children}
      {ask ? (
        <RegradeRequestForm
          {...ask}
          onSending={() => setHeldHeightPx((held) => Math.max(held ?? 0, ref.current?.offsetHeight ?? 0))}
          onSent={() => ref.current?.focus({ preventScroll: true })}
        />
      ) : null}
    </div>
  );
}

/** The student's "Ask for a regrade" of one point: a short reason their teacher reads where they moderate. */
function RegradeRequestForm({
  attemptId,
  rubricPointId,
  pointNumber,
  onSending,
  onSent,
}: {
  attemptId: string;
  rubricPointId: string;
  pointNumber: number;
  onSending: () => void;
  onSent: () => void;
}) {
  const ids = useId();
  const [reason, setReason] = useState("");
  const { error, isSessionEnded, fieldErrors, isPending, run } = useActionCall();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onSending();
    run(
      () => askRegradeAction({ attemptId, rubricPointId, reason }),
      () => {
        setReason("");
        onSent();
      },
    );
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
