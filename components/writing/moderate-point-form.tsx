"use client";

import { useId, useState } from "react";
import { moderatePointAction } from "@/app/(app)/attempts/actions";
import { formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { FormError, TextAreaField } from "@/components/ui/field";
import { useActionCall } from "@/components/ui/use-action-call";
import { formatMarks } from "@/lib/writing/marks";
import { MarkSelect } from "./mark-select";

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
  const ids = useId();
  const [awarded, setAwarded] = useState(String(current));
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { error, isSessionEnded, fieldErrors, isPending, run } = useActionCall();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(null);
    run(
      () => moderatePointAction({ attemptId, rubricPointId, awarded: Number(awarded), reason }),
      (result) => {
        setReason("");
        setDone(`Saved. New total: ${formatMarks(result.score)} / ${formatMarks(result.maxScore)}.`);
      },
    );
  }

  return (
    <details className="mt-2 rounded-lg border border-border bg-surface-2 px-3 py-2">
      <summary className="min-h-11 cursor-pointer content-center text-sm font-medium text-accent">Change the mark for point {pointNumber}</summary>
      <form onSubmit={submit} className="space-y-2 pb-1 pt-2" noValidate>
        <MarkSelect id={`${ids}-mark`} value={awarded} onChange={setAwarded} choices={choices} errors={fieldErrors.awarded} />
        <TextAreaField
          label="Reason (the student sees it)"
          name="reason"
          id={`${ids}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          rows={3}
          errors={fieldErrors.reason}
        />
        <FormError message={formLevelError(error, fieldErrors, ["awarded", "reason"])} isSessionEnded={isSessionEnded} />
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
