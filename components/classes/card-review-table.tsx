import { Badge, EmptyState } from "@/components/ui/panel";
import type { CardReviewBook } from "@/lib/classes/card-review";
import { formatDateTime, plural } from "@/lib/format";

/** A card-review assignment's gradebook: per student, the set's cards reviewed, last review, due again, overdue, retention. */
export function CardReviewTable({ book }: { book: CardReviewBook }) {
  return (
    <>
      <p className="mb-3 text-sm text-muted">
        {book.completedCount} of {plural(book.rows.length, "student")} reviewed all {plural(book.cardCount, "card")} of the set.
      </p>
      {book.rows.length === 0 ? (
        <EmptyState>No students in this class yet.</EmptyState>
      ) : (
        <table className="w-full text-sm [&_td]:px-2 [&_td]:py-1 [&_td:nth-child(n+3)]:text-right [&_tbody_td]:tabular-nums [&_th]:px-2 [&_th]:py-1" data-testid="card-review-gradebook">
          <thead>
            <tr className="text-left">
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col" className="text-right">
                Cards reviewed
              </th>
              <th scope="col" className="text-right">
                Due again now
              </th>
              <th scope="col" className="text-right">
                Retention
              </th>
              <th scope="col" className="text-right">
                Last review
              </th>
            </tr>
          </thead>
          <tbody>
            {book.rows.map((r) => (
              <tr key={r.student.id} className="border-t border-border">
                <th scope="row" className="text-left font-medium">
                  {r.student.name}
                </th>
                <td>
                  {r.isOverdue ? (
                    <Badge tone="warn">Overdue</Badge>
                  ) : r.reviewedCount >= book.cardCount ? (
                    <Badge tone="good">All reviewed</Badge>
                  ) : r.reviewedCount > 0 ? (
                    <Badge tone="accent">Reviewing</Badge>
                  ) : (
                    <Badge>Not started</Badge>
                  )}
                </td>
                <td>
                  {r.reviewedCount} / {book.cardCount}
                </td>
                <td>{r.dueNowCount}</td>
                <td>{r.retention === null ? "—" : `${Math.round(r.retention * 100)} %`}</td>
                <td>{r.lastReviewAt ? formatDateTime(r.lastReviewAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="mt-2 text-xs text-muted">Retention: of the reviews of cards already learned, the share not rated Again.</p>
    </>
  );
}
