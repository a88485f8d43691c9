"use client";

import { useState } from "react";
import { acceptMissedPointAction } from "@/app/(app)/attempts/actions";
import { buttonClass } from "@/components/ui/button";

/** One tap turns a missed point into a flashcard (the model answer's wording and its source). */
export function MissedPointCardButton({ attemptId, rubricPointId, pointNumber, isCarded }: { attemptId: string; rubricPointId: string; pointNumber: number; isCarded: boolean }) {
  const [state, setState] = useState<"idle" | "saving" | "done">(isCarded ? "done" : "idle");
  const [error, setError] = useState<string | null>(null);
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
          const result = await acceptMissedPointAction({ attemptId, rubricPointId });
          if (result.ok) setState("done");
          else {
            setError(result.error);
            setState("idle");
          }
        }}
      >
        {state === "saving" ? "Making the card…" : `Make a card from point ${pointNumber}`}
      </button>
      {error ? (
        <p className="mt-1 text-sm text-bad" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
