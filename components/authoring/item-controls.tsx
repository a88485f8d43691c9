"use client";

import { setItemStatusAction } from "@/app/(app)/sets/[setId]/edit/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Badge } from "@/components/ui/panel";
import { useActionCall } from "@/components/ui/use-action-call";
import type { ActionResult } from "@/lib/server/action-result";
import { LOW_QUALITY_SCORE } from "@/lib/generate/quality-threshold";

export type ItemStatus = "draft" | "accepted" | "rejected";
export type Outcome = ActionResult;

/**
 * Runs a server action from a button or form: pending state, the readable error (a failed call or an
 * ended session included — useActionCall), field errors. No page refresh: these actions revalidate it.
 */
export function useActionRunner() {
  const { isPending, error, isSessionEnded, fieldErrors, run: runCall } = useActionCall();
  function run(action: () => Promise<Outcome>, onSuccess?: () => void) {
    runCall<object>(action, () => onSuccess?.(), { refresh: false });
  }
  return { isPending, error, isSessionEnded, fieldErrors, run };
}

// Tones that keep 4.5:1 contrast on the badge background in both themes (axe-core checks it).
const statusTone = { draft: "neutral", accepted: "accent", rejected: "neutral" } as const;
const statusLabel = { draft: "Draft", accepted: "Accepted", rejected: "Rejected" } as const;

export function StatusBadge({ status }: { status: ItemStatus }) {
  return <Badge tone={statusTone[status]}>{statusLabel[status]}</Badge>;
}


/** The generator's quality score of a draft, with its reasons on demand; nothing for hand-made items. */
export function QualityNote({ score, reasons, status }: { score: number | null; reasons: string[]; status: ItemStatus }) {
  if (score === null) return null;
  const isLow = score < LOW_QUALITY_SCORE;
  return (
    <details className="mt-2 text-xs text-muted">
      <summary className="inline-flex min-h-11 cursor-pointer items-center gap-1.5">
        <span className={isLow ? "font-semibold text-fg" : "font-medium"}>{isLow ? "⚠ " : ""}Quality {Math.round(score * 100)}/100</span>
        {isLow && status === "draft" ? <span>· low score: not selected by “Accept selected drafts”</span> : null}
      </summary>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Accept and reject toggles for one card or question (pressing the pressed one returns the item to
 * draft; both stay in place so keyboard focus is never lost), plus an edit toggle.
 */
export function ItemControls({
  setId,
  kind,
  itemId,
  status,
  label,
  isEditing,
  onEdit,
}: {
  setId: string;
  kind: "card" | "question";
  itemId: string;
  status: ItemStatus;
  /** Names the item for screen readers: "card 3". */
  label: string;
  isEditing: boolean;
  onEdit: () => void;
}) {
  const { isPending, error, isSessionEnded, run } = useActionRunner();
  const toggle = (target: "accepted" | "rejected") => run(() => setItemStatusAction(setId, { kind, itemId, status: status === target ? "draft" : target }));
  return (
    <div className="mt-3 space-y-2">
      <FormError message={error} isSessionEnded={isSessionEnded} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant={status === "accepted" ? "secondary" : "primary"}
          disabled={isPending}
          onClick={() => toggle("accepted")}
          aria-pressed={status === "accepted"}
          title={status === "accepted" ? "Accepted — press again to return it to draft" : undefined}
        >
          {/* The accessible name starts with the visible words ("Accepted card 3"), as WCAG 2.5.3 asks. */}
          {status === "accepted" ? "✓ Accepted" : "Accept"}
          <span className="sr-only"> {label}</span>
        </Button>
        <Button
          variant="secondary"
          disabled={isPending}
          onClick={() => toggle("rejected")}
          aria-pressed={status === "rejected"}
          title={status === "rejected" ? "Rejected — press again to return it to draft" : undefined}
        >
          {status === "rejected" ? "✕ Rejected" : "Reject"}
          <span className="sr-only"> {label}</span>
        </Button>
        {!isEditing ? (
          <Button variant="ghost" disabled={isPending} onClick={onEdit}>
            Edit<span className="sr-only"> {label}</span>
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** Save and Cancel under an item's edit form. */
export function EditFormActions({ label, isPending, onCancel }: { label: string; isPending: boolean; onCancel: () => void }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : label}
      </Button>
      <Button type="button" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
