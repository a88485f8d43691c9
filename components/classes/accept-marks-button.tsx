"use client";

import { acceptAutomaticMarksAction } from "@/app/(app)/classes/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useActionCall } from "@/components/ui/use-action-call";

/** "Accept the automatic marks" for one answer in the to-check queue: one click, recorded with who and when. */
export function AcceptMarksButton({ attemptId, studentName }: { attemptId: string; studentName: string }) {
  const { error, isPending, run } = useActionCall();
  return (
    <div className="space-y-1">
      <Button type="button" variant="secondary" onClick={() => run(() => acceptAutomaticMarksAction({ attemptId }))} disabled={isPending}>
        {isPending ? "Accepting…" : "Accept the automatic marks"}
        <span className="sr-only"> for {studentName}</span>
      </Button>
      <FormError message={error} />
    </div>
  );
}
