"use client";

import { useState } from "react";
import type { CardView } from "@/lib/db/study-sets";
import { Button } from "@/components/ui/button";
import { Flashcard } from "./flashcard";

/** Flip through a set's cards in order, without scheduling. */
export function CardBrowser({ cards }: { cards: CardView[] }) {
  const [index, setIndex] = useState(0);
  const [isFlipped, setIsFlipped] = useState(false);
  const card = cards[index];
  if (!card) return null;
  const go = (next: number) => {
    setIndex(next);
    setIsFlipped(false);
  };
  return (
    <div>
      <Flashcard card={card} isFlipped={isFlipped} onFlip={() => setIsFlipped(true)} />
      <div className="mt-3 flex items-center justify-between gap-2">
        <Button variant="secondary" onClick={() => go(index - 1)} disabled={index === 0}>
          Previous
        </Button>
        <span className="text-sm text-muted" aria-live="polite">
          {index + 1} / {cards.length}
        </span>
        <Button variant="secondary" onClick={() => go(index + 1)} disabled={index === cards.length - 1}>
          Next
        </Button>
      </div>
    </div>
  );
}
