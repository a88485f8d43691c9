import Link from "next/link";
import { ActionForm } from "@/components/classes/action-form";
import { Badge, EmptyState } from "@/components/ui/panel";
import { startAssignedQuizAction } from "@/app/(app)/assignments/actions";
import { assignmentKindLabel, studentAssignmentLabel } from "@/lib/classes/assignments";
import { formatDateTime } from "@/lib/format";
import type { StudentAssignment } from "@/lib/server/assignments";
import { attemptHref, writeHref } from "@/lib/classes/attempt-href";

const stateTone = { upcoming: "neutral", due: "accent", overdue: "warn", done: "good" } as const;

function resultHref(a: StudentAssignment): string | null {
  if (!a.latestFinishedAttemptId) return null;
  return a.kind === "study_set" ? null : attemptHref(a.kind, a.latestFinishedAttemptId);
}

/**
 * A student's assignments with where each stands for them (due / overdue / done, late marked) and what to do next.
 * Each control's accessible name is what it does and to which assignment ("Start the quiz “Quiz 1”"), the
 * visible words then the title, never the row's other text run together.
 */
export function StudentAssignmentList({ assignments, empty }: { assignments: StudentAssignment[]; empty: string }) {
  if (assignments.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="divide-y divide-border">
      {assignments.map((a) => {
        const href = resultHref(a);
        return (
          <li key={a.id} className="space-y-2 py-3" data-testid="assignment">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <p className="font-medium">{a.title}</p>
                <p className="text-sm text-muted">
                  {assignmentKindLabel[a.kind]} · {a.studySetTitle} · {a.className}
                  {a.dueAt ? ` · due ${formatDateTime(a.dueAt)}${a.isExtended ? " (extended for you)" : ""}` : ""}
                  {a.state === "upcoming" && a.opensAt ? ` · opens ${formatDateTime(a.opensAt)}` : ""}
                </p>
              </div>
              <div className="flex flex-wrap gap-1.5">
                <Badge tone={stateTone[a.state]}>{studentAssignmentLabel(a.state, a.dueAt)}</Badge>
                {a.isLate ? <Badge tone="warn">Late</Badge> : null}
              </div>
            </div>
            {a.startNotice ? (
              <p className="text-sm font-medium text-warn" role="note">
                {a.startNotice}
              </p>
            ) : null}
            <div className="flex flex-wrap items-center gap-3 text-sm">
              {a.kind === "study_set" ? (
                <Link href={`/sets/${a.studySetId}`} className="text-accent underline-offset-2 hover:underline">
                  Open the set<span className="sr-only"> “{a.studySetTitle}”</span>
                </Link>
              ) : null}
              {a.kind === "quiz" && a.state !== "upcoming" && a.canStartQuiz ? (
                <ActionForm
                  action={startAssignedQuizAction}
                  input={{ assignmentId: a.id }}
                  submitLabel={
                    <>
                      {a.openAttemptId ? "Resume the quiz" : a.latestFinishedAttemptId ? "Take the quiz again" : "Start the quiz"}
                      <span className="sr-only"> “{a.title}”</span>
                    </>
                  }
                  pendingLabel="Starting…"
                  variant="primary"
                />
              ) : null}
              {a.kind === "written" && a.state !== "upcoming"
                ? a.questionIds.map((questionId, i) =>
                    a.writableQuestionIds.includes(questionId) ? (
                      <Link key={questionId} href={writeHref(a.studySetId, questionId, a.id)} className="text-accent underline-offset-2 hover:underline">
                        {a.questionIds.length > 1 ? `Write answer ${i + 1}` : "Write your answer"}
                        <span className="sr-only"> {a.questionIds.length > 1 ? "of" : "to"} “{a.title}”</span>
                      </Link>
                    ) : null,
                  )
                : null}
              {href ? (
                <Link href={href} className="text-accent underline-offset-2 hover:underline">
                  {a.isResultReleased ? "See your result" : "See what you submitted"}
                  <span className="sr-only"> for “{a.title}”</span>
                </Link>
              ) : null}
              {href && !a.isResultReleased ? <span className="text-muted">Results not released yet.</span> : null}
            </div>
            {a.state !== "upcoming" && a.startRefusal ? (
              <p className="text-sm text-muted" data-testid="start-refused">
                {a.startRefusal}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
