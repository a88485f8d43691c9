"use client";

import { useState } from "react";
import { acceptMissedPointAction } from "@/app/(app)/attempts/actions";
import { callAction, failureMessage, isSessionEndedFailure } from "@/components/ui/action-call";
import { buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** One tap turns a missed point into a flashcard (the model answer's wording and its source). */
export function MissedPointCardButton({ attemptId, rubricPointId, pointNumber, isCarded }: { attemptId: string; rubricPointId: string; pointNumber: number; isCarded: boolean }) {
  const [state, setState] = useState<"idle" | "saving" | "done">(isCarded ? "done" : "idle");
  const [error, setError] = useState<{ message: string; isSessionEnded: boolean } | null>(null);
  if (state === "done") {
    return (
      <p className="mt-2 text-sm font-medium text-good" role="status" data-testid="point-carded">
        Card made from point {pointNumber}: it is in today&rsquo;s reviews.
      </p>
    );
  }
  return (
    <div className="mt-2">
      <button
        type="button"
        disabled={state === "saving"}
        className={buttonClass("secondary", "min-h-11")}
        onClick={async () => {
          setState("saving");
          setError(null);
          // callAction never throws: a failed call ends "Making the card…" with a message, and the button can be pressed again.
          const result = await callAction(() => acceptMissedPointAction({ attemptId, rubricPointId }));
          if (result.ok) setState("done");
          else {
            setError({ message: failureMessage(result, "press the button again once you are signed in."), isSessionEnded: isSessionEndedFailure(result) });
            setState("idle");
          }
        }}
      >
        {state === "saving" ? "Making the card…" : `Make a card from point ${pointNumber}`}
      </button>
      <div className="mt-1">
        <FormError message={error?.message} isSessionEnded={error?.isSessionEnded} />
      </div>
    </div>
  );
}
