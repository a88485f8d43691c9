import Link from "next/link";
import { Badge, EmptyState } from "@/components/ui/panel";
import { formatDateTime } from "@/lib/format";
import { formatQuizMarks } from "@/lib/quiz/marking";
import type { QuizAttemptSummary } from "@/lib/db/quizzes";

const statusLabel = { in_progress: "In progress", submitted: "Submitted", graded: "Submitted", expired: "Time ran out" } as const;

/**
 * A learner's quiz attempts, newest first: open ones continue, finished ones show the score.
 * `currentId` marks the attempt the page is about (e.g. the results being read).
 */
export function QuizAttemptList({ attempts, empty = "No quizzes taken on this set yet.", currentId }: { attempts: QuizAttemptSummary[]; empty?: string; currentId?: string }) {
  if (attempts.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="space-y-2">
      {attempts.map((a) => {
        const isOpen = a.status === "in_progress";
        return (
          <li key={a.id} className="rounded-lg bg-surface-2 p-3">
            <Link
              href={isOpen ? `/quiz/${a.id}` : `/quiz/${a.id}/results`}
              aria-current={a.id === currentId ? "page" : undefined}
              className="text-sm font-medium text-accent underline-offset-2 hover:underline"
            >
              {a.title}
            </Link>
            {a.id === currentId ? <span className="ml-2 text-xs text-muted">(this attempt)</span> : null}
            <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
              <span>{formatDateTime(a.startedAt)}</span>
              <Badge tone={isOpen ? "accent" : "neutral"}>{statusLabel[a.status]}</Badge>
              {!isOpen && a.score !== null && a.maxScore !== null ? (
                <span>
                  {formatQuizMarks(a.score)} / {formatQuizMarks(a.maxScore)}
                </span>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
