"use client";

import { acceptAllDraftsAction, publishStudySetAction } from "@/app/(app)/sets/[setId]/edit/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { acceptSelectedLabel, describeLeftToReview, type StatusCounts } from "@/lib/authoring/review-summary";
import { plural } from "@/lib/format";
import { useActionRunner } from "./item-controls";

/**
 * Review totals, "accept all drafts" and "publish" for one set. The counts are the server's, read on
 * each render of the page: every review action revalidates it, so they change without a reload.
 */
export function PublishBar({
  setId,
  counts,
  status,
  isProcessing,
}: {
  setId: string;
  counts: { draft: number; accepted: number; rejected: number; selectedDrafts: number; cards: StatusCounts; questions: StatusCounts };
  status: "draft" | "published";
  isProcessing: boolean;
}) {
  const acceptAll = useActionRunner();
  const publish = useActionRunner();
  const error = acceptAll.error ?? publish.error;
  const acceptLabel = acceptSelectedLabel(counts.selectedDrafts);
  return (
    <section aria-label="Review and publish" className="rounded-xl border border-border bg-surface p-4">
      <p className="text-sm" aria-live="polite" data-testid="review-totals">
        <span className="font-semibold">{describeLeftToReview(counts.cards, counts.questions)}</span> · {counts.accepted} accepted · {counts.rejected} rejected
      </p>
      <p className="mt-1 text-xs text-muted">
        {status === "published"
          ? "Published: learners see the accepted items. Changes you make here reach them at once."
          : "Only accepted items reach learners, and only once you publish."}
      </p>
      {counts.draft > counts.selectedDrafts ? (
        <p className="mt-1 text-xs text-muted">
          {plural(counts.draft - counts.selectedDrafts, "low-scoring draft")} start unselected: accept them one by one if they are worth keeping.
        </p>
      ) : null}
      <div className="mt-2">
        <FormError message={error} isSessionEnded={acceptAll.error ? acceptAll.isSessionEnded : publish.isSessionEnded} />
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        {acceptLabel || acceptAll.isPending ? (
          <Button variant="secondary" disabled={acceptAll.isPending || isProcessing} onClick={() => acceptAll.run(() => acceptAllDraftsAction(setId))}>
            {acceptAll.isPending ? "Accepting…" : acceptLabel}
          </Button>
        ) : null}
        {status === "draft" ? (
          <Button disabled={publish.isPending || counts.accepted === 0 || isProcessing} onClick={() => publish.run(() => publishStudySetAction(setId))}>
            {publish.isPending ? "Publishing…" : "Publish the set"}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
