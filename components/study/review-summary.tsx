import type { QueueSummary } from "@/lib/server/study";
import { formatDateTime, formatDayKey, plural } from "@/lib/format";

/**
 * One line on what the queue holds and, with an exam set, how the new cards are paced toward it.
 * `left` replaces the counts read when the page loaded by what a running session has left of them
 * (lib/srs/session countsLeft), so the line follows the ratings.
 */
export function ReviewSummaryLine({ summary, left = summary }: { summary: QueueSummary; left?: { dueCount: number; newToday: number } }) {
  return (
    <p className="text-sm text-muted" data-testid="queue-summary">
      {plural(left.dueCount, "review")} due · {plural(left.newToday, "new card")} today
      {summary.examDate ? (
        <>
          {" "}
          · exam {formatDayKey(summary.examDate)}
          {summary.isRaisedForExam ? ` (${summary.neededPerDay} new a day to see every card before it)` : ""}
        </>
      ) : null}
    </p>
  );
}

/** Shown when nothing is left to review now: the queue's line, then when the next review comes. */
export function NothingToReview({ summary }: { summary: QueueSummary }) {
  return (
    <>
      <div className="mb-3">
        <ReviewSummaryLine summary={summary} />
      </div>
      <p className="rounded-xl border border-border bg-surface p-6 text-center" role="status">
        Nothing to review right now.
        {summary.nextDueAt ? ` Next review: ${formatDateTime(summary.nextDueAt)}.` : ""}
        {summary.unseenCount > 0 && summary.newToday === 0 ? ` ${plural(summary.unseenCount, "new card")} wait for tomorrow's allowance.` : ""}
      </p>
    </>
  );
}
