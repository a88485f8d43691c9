"use client";

import { useState } from "react";
import { updateCardAction } from "@/app/(app)/sets/[setId]/edit/actions";
import type { DraftCard } from "@/lib/db/authoring";
import { formLevelError } from "@/components/ui/action-call";
import { FormError, TextAreaField } from "@/components/ui/field";
import { EvidenceQuote } from "./evidence-quote";
import { EditFormActions, ItemControls, QualityNote, StatusBadge, useActionRunner } from "./item-controls";

export const cardKindLabel: Record<string, string> = {
  qa: "Question",
  cloze: "Fill the gap",
  acronym: "Acronym",
  who_said: "Who said it?",
  timeline: "When?",
};

/** One draft flashcard: its text (or an edit form), its highlighted source, and review buttons. */
export function CardReview({ setId, card, number }: { setId: string; card: DraftCard; number: number }) {
  const [isEditing, setIsEditing] = useState(false);
  const save = useActionRunner();
  const headingId = `card-${card.id}-heading`;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.run(() => updateCardAction(setId, { cardId: card.id, front: String(form.get("front") ?? ""), back: String(form.get("back") ?? "") }), () => setIsEditing(false));
  }

  return (
    <article aria-labelledby={headingId} className={`rounded-xl border bg-surface p-4 ${card.status === "rejected" ? "border-dashed border-border" : "border-border"}`} data-testid="draft-card">
      <header className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-xs font-medium uppercase tracking-wide text-muted">
          Card {number} · {cardKindLabel[card.kind] ?? card.kind}
        </h3>
        <StatusBadge status={card.status} />
      </header>
      {isEditing ? (
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          <FormError message={formLevelError(save.error, save.fieldErrors, ["front", "back"])} isSessionEnded={save.isSessionEnded} />
          <TextAreaField label="Front" name="front" id={`front-${card.id}`} rows={3} defaultValue={card.front} errors={save.fieldErrors.front} autoFocus />
          <TextAreaField label="Back" name="back" id={`back-${card.id}`} rows={3} defaultValue={card.back} errors={save.fieldErrors.back} />
          <EditFormActions label="Save card" isPending={save.isPending} onCancel={() => setIsEditing(false)} />
        </form>
      ) : (
        <>
          <p className="font-medium leading-relaxed">{card.front}</p>
          <p className="mt-2 border-t border-border pt-2 leading-relaxed">{card.back}</p>
        </>
      )}
      <div className="mt-3">
        <EvidenceQuote evidence={card.evidence} />
      </div>
      <QualityNote score={card.qualityScore} reasons={card.qualityReasons} status={card.status} />
      <ItemControls setId={setId} kind="card" itemId={card.id} status={card.status} label={`card ${number}`} isEditing={isEditing} onEdit={() => setIsEditing(true)} />
    </article>
  );
}
