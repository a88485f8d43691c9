"use client";

import { useState } from "react";
import type { AuthoringView } from "@/lib/db/authoring";
import { EmptyState } from "@/components/ui/panel";
import { CardReview } from "./card-review";
import type { ItemStatus } from "./item-controls";
import { QuestionReview } from "./question-review";
import { WrittenReview } from "./written-review";

type Filter = "all" | ItemStatus;
const filters: { value: Filter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "draft", label: "To review" },
  { value: "accepted", label: "Accepted" },
  { value: "rejected", label: "Rejected" },
];

/** Every draft of a set by type — written questions, timed questions, cards — filterable by review status. */
export function ReviewBoard({ set }: { set: AuthoringView }) {
  const [filter, setFilter] = useState<Filter>("all");
  const shows = (status: ItemStatus) => filter === "all" || filter === status;
  const numbered = <T,>(items: T[]) => items.map((item, i) => ({ item, number: i + 1 }));
  // Best drafts first: by the generator's quality score (hand-made items, with none, lead).
  const byQuality = <T extends { qualityScore: number | null }>(items: T[]) => items.map((item, i) => ({ item, i })).sort((a, b) => (b.item.qualityScore ?? 2) - (a.item.qualityScore ?? 2) || a.i - b.i).map((x) => x.item);
  const written = numbered(set.questions.filter((q) => q.kind === "written")).filter(({ item }) => shows(item.status));
  const timed = numbered(byQuality(set.questions.filter((q) => q.kind !== "written"))).filter(({ item }) => shows(item.status));
  const cards = numbered(byQuality(set.cards)).filter(({ item }) => shows(item.status));
  const none = filter === "all" ? "None yet." : "None with this status.";

  return (
    <div>
      <fieldset className="mb-4">
        <legend className="mb-1 text-sm font-medium">Show</legend>
        <div className="flex flex-wrap gap-1.5">
          {filters.map((f) => (
            <label
              key={f.value}
              className={`inline-flex min-h-11 cursor-pointer items-center rounded-lg border px-3 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent ${
                filter === f.value ? "border-accent bg-accent-soft text-accent" : "border-border bg-surface"
              }`}
            >
              <input type="radio" name="review-filter" value={f.value} checked={filter === f.value} onChange={() => setFilter(f.value)} className="sr-only" />
              {f.label}
            </label>
          ))}
        </div>
      </fieldset>

      <nav aria-label="Jump to" className="mb-4 flex flex-wrap gap-3 text-sm">
        <a href="#written-drafts" className="text-accent underline-offset-2 hover:underline">
          Written ({written.length})
        </a>
        <a href="#timed-drafts" className="text-accent underline-offset-2 hover:underline">
          Timed questions ({timed.length})
        </a>
        <a href="#card-drafts" className="text-accent underline-offset-2 hover:underline">
          Cards ({cards.length})
        </a>
      </nav>

      <section id="written-drafts" aria-labelledby="written-drafts-heading" className="mb-6 scroll-mt-4">
        <h2 id="written-drafts-heading" className="mb-3 text-lg font-semibold">
          Written questions and model answers <span className="text-sm font-normal text-muted">({written.length})</span>
        </h2>
        {written.length === 0 ? (
          <EmptyState>{none}</EmptyState>
        ) : (
          <div className="space-y-3">
            {written.map(({ item, number }) => (
              <WrittenReview key={item.id} setId={set.id} question={item} number={number} />
            ))}
          </div>
        )}
      </section>

      <section id="timed-drafts" aria-labelledby="timed-drafts-heading" className="mb-6 scroll-mt-4">
        <h2 id="timed-drafts-heading" className="mb-3 text-lg font-semibold">
          Timed questions <span className="text-sm font-normal text-muted">({timed.length}, best first)</span>
        </h2>
        {timed.length === 0 ? (
          <EmptyState>{none}</EmptyState>
        ) : (
          <div className="grid gap-3 lg:grid-cols-2">
            {timed.map(({ item, number }) => (
              <QuestionReview key={item.id} setId={set.id} question={item} number={number} />
            ))}
          </div>
        )}
      </section>

      <section id="card-drafts" aria-labelledby="card-drafts-heading" className="mb-6 scroll-mt-4">
        <h2 id="card-drafts-heading" className="mb-3 text-lg font-semibold">
          Flashcards <span className="text-sm font-normal text-muted">({cards.length}, best first)</span>
        </h2>
        {cards.length === 0 ? (
          <EmptyState>{none}</EmptyState>
        ) : (
          <div className="grid gap-3 lg:grid-cols-2">
            {cards.map(({ item, number }) => (
              <CardReview key={item.id} setId={set.id} card={item} number={number} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
