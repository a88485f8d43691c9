"use client";

import { startWritingAction } from "@/app/(app)/sets/[setId]/write/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useActionCall } from "@/components/ui/use-action-call";

/** Starts a timed practice attempt; the server records the start time, then the page shows the answer box. */
export function StartPractice({ questionId, assignmentId = null, label = "Start writing" }: { questionId: string; assignmentId?: string | null; label?: string }) {
  const { error, isSessionEnded, isPending, run } = useActionCall();
  return (
    <div className="space-y-2">
      <FormError message={error} isSessionEnded={isSessionEnded} />
      <Button type="button" onClick={() => run(() => startWritingAction(assignmentId ? { questionId, assignmentId } : { questionId }))} disabled={isPending} className="w-full sm:w-auto">
        {isPending ? "Starting…" : label}
      </Button>
    </div>
  );
}
