import Link from "next/link";
import { Badge, EmptyState } from "@/components/ui/panel";
import type { AttemptSummary } from "@/lib/db/attempts";
import { formatDateTime } from "@/lib/format";
import { formatMarks } from "@/lib/writing/marks";

/** Written attempts with their scores, newest first; each opens its result. */
export function AttemptList({ attempts, showQuestion = false, empty }: { attempts: AttemptSummary[]; showQuestion?: boolean; empty: string }) {
  if (attempts.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="divide-y divide-border">
      {attempts.map((a) => (
        <li key={a.id}>
          <Link href={`/attempts/${a.id}`} className="flex min-h-11 flex-wrap items-center justify-between gap-2 py-3 hover:text-accent">
            <span className="min-w-0 flex-1">
              {showQuestion ? <span className="line-clamp-2 block text-sm font-medium">{a.questionPrompt}</span> : null}
              <span className="block text-sm text-muted">
                {a.submittedAt ? `Submitted ${formatDateTime(a.submittedAt)}` : `Started ${formatDateTime(a.startedAt)}`}
                {showQuestion ? ` · ${a.studySetTitle}` : ""}
              </span>
            </span>
            <span className="flex shrink-0 items-center gap-1.5">
              {a.isModerated ? <Badge tone="accent">Moderated</Badge> : null}
              {a.status === "in_progress" ? (
                <Badge tone="warn">In progress</Badge>
              ) : a.score !== null && a.maxScore !== null ? (
                <Badge tone="good">
                  {formatMarks(a.score)} / {formatMarks(a.maxScore)}
                </Badge>
              ) : (
                <Badge>Submitted</Badge>
              )}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
