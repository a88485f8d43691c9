"use client";

import type { CardView } from "@/lib/db/study-sets";
import { SourceNote } from "./source-note";

const kindLabel: Record<string, string> = {
  qa: "Question",
  cloze: "Fill the gap",
  acronym: "Acronym",
  who_said: "Who said it?",
  timeline: "When?",
};

/** One flashcard: the front, and once flipped the answer with its source. */
export function Flashcard({ card, isFlipped, onFlip, hasFlipButton = true }: { card: CardView; isFlipped: boolean; onFlip: () => void; hasFlipButton?: boolean }) {
  return (
    <article className="rounded-2xl border border-border bg-surface p-5 shadow-sm sm:p-8" aria-label="Flashcard">
      <p className="text-xs font-medium uppercase tracking-wide text-muted">{kindLabel[card.kind] ?? card.kind}</p>
      <p className="mt-3 text-lg font-medium leading-relaxed sm:text-xl" data-testid="card-front">
        {card.front}
      </p>
      <div aria-live="polite">
        {isFlipped ? (
          <div data-testid="card-back">
            <p className="mt-5 border-t border-border pt-4 text-base leading-relaxed sm:text-lg">{card.back}</p>
            <SourceNote sources={card.sources} />
          </div>
        ) : null}
      </div>
      {!isFlipped && hasFlipButton ? (
        <button
          type="button"
          onClick={onFlip}
          className="mt-6 inline-flex min-h-11 w-full items-center justify-center rounded-lg border border-border bg-surface-2 px-4 text-sm font-medium hover:border-accent"
        >
          Show answer
        </button>
      ) : null}
    </article>
  );
}
