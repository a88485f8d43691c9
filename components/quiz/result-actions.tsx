"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { makeMissedQuestionCardAction, retryMissedAction } from "@/app/(app)/quiz/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { useActionCall } from "@/components/ui/use-action-call";

/** Starts a new attempt at the questions missed in this one. */
export function RetryMissedButton({ attemptId, missedCount }: { attemptId: string; missedCount: number }) {
  const router = useRouter();
  const { error, isSessionEnded, isPending, run } = useActionCall();
  const retry = () => run(() => retryMissedAction(attemptId), (result) => router.push(`/quiz/${result.attemptId}`), { refresh: false });
  return (
    <div className="space-y-2">
      <FormError message={error} isSessionEnded={isSessionEnded} />
      <Button type="button" onClick={retry} disabled={isPending}>
        {isPending ? "Starting…" : `Retry the ${missedCount === 1 ? "one" : missedCount} I missed`}
      </Button>
    </div>
  );
}

/** One tap: the missed question becomes a flashcard in the learner's "Missed points" set, due now. */
export function MakeCardButton({ attemptId, questionId, questionNumber, hasCard }: { attemptId: string; questionId: string; questionNumber: number; hasCard: boolean }) {
  const [isMade, setIsMade] = useState(hasCard);
  const { error, isSessionEnded, isPending, run } = useActionCall();
  const make = () => run(() => makeMissedQuestionCardAction({ attemptId, questionId }), () => setIsMade(true), { refresh: false });
  if (isMade) {
    return (
      <p className="text-sm text-good" role="status">
        Added to your cards (Missed points) — due for review now.
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <Button type="button" variant="secondary" onClick={make} disabled={isPending} aria-label={`Make this a card (question ${questionNumber})`}>
        {isPending ? "Adding…" : "Make this a card"}
      </Button>
      <FormError message={error} isSessionEnded={isSessionEnded} />
    </div>
  );
}
