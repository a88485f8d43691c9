"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { CardView } from "@/lib/db/study-sets";
import type { RatingName } from "@/lib/srs/schedule";
import { reviewCardAction } from "@/app/(app)/sets/[setId]/review/actions";
import { buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Flashcard } from "./flashcard";

export interface QueuedReview {
  card: CardView;
  isNew: boolean;
  intervals: Record<RatingName, string>;
}

const ratingButtons: { rating: RatingName; label: string; className: string }[] = [
  { rating: "again", label: "Again", className: "border-bad text-bad" },
  { rating: "hard", label: "Hard", className: "border-warn text-warn" },
  { rating: "good", label: "Good", className: "border-good text-good" },
  { rating: "easy", label: "Easy", className: "border-accent text-accent" },
];

const clockNow = () => Date.now();

/** Spaced-repetition review: flip, rate, and the server schedules the card with FSRS. */
export function ReviewSession({ queue, setId }: { queue: QueuedReview[]; setId: string }) {
  const [index, setIndex] = useState(0);
  const [isFlipped, setIsFlipped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const shownAt = useRef(0);
  const current = queue[index];
  // Time on each card, for the review log: the clock starts when the card appears.
  useEffect(() => {
    shownAt.current = clockNow();
  }, [index]);

  if (!current) {
    return (
      <div className="rounded-2xl border border-border bg-surface p-6 text-center" role="status">
        <p className="text-lg font-semibold">Session complete</p>
        <p className="mt-1 text-sm text-muted">You reviewed {queue.length} cards. Come back when more are due.</p>
        <Link href={`/sets/${setId}`} className={buttonClass("secondary", "mt-4")}>
          Back to the set
        </Link>
      </div>
    );
  }

  async function rate(rating: RatingName) {
    if (!current) return;
    setIsSaving(true);
    setError(null);
    const result = await reviewCardAction({ cardId: current.card.id, rating, durationMs: Math.min(clockNow() - shownAt.current, 3_600_000) });
    setIsSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setIsFlipped(false);
    setIndex((i) => i + 1);
  }

  return (
    <div>
      <p className="mb-2 text-sm text-muted" aria-live="polite">
        Card {index + 1} of {queue.length}
        {current.isNew ? " · new" : ""}
      </p>
      <Flashcard card={current.card} isFlipped={isFlipped} onFlip={() => setIsFlipped(true)} />
      <FormError message={error} />
      {isFlipped ? (
        <div className="mt-3 grid grid-cols-4 gap-2" role="group" aria-label="How well did you remember?">
          {ratingButtons.map((b) => (
            <button
              key={b.rating}
              type="button"
              disabled={isSaving}
              onClick={() => void rate(b.rating)}
              className={`flex min-h-14 flex-col items-center justify-center rounded-lg border bg-surface text-sm font-medium disabled:opacity-60 ${b.className}`}
            >
              {b.label}
              <span className="text-xs font-normal text-muted">{current.intervals[b.rating]}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
