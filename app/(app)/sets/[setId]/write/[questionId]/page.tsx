import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnswerWriter } from "@/components/writing/answer-writer";
import { AttemptList } from "@/components/writing/attempt-list";
import { StartPractice } from "@/components/writing/start-practice";
import { Badge, EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { DISPLAY_TIME_ZONE, formatDateTime, zoneLabelsAround } from "@/lib/format";
import { formatMarksCount } from "@/lib/writing/marks";
import { formatDuration, submissionTimeNote } from "@/lib/writing/timer";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { getWritingPageFor } from "@/lib/server/writing";

export const metadata: Metadata = { title: "Practise writing" };

/** A written question answered for one of the student's assignments (`?assignment=<id>`, from their assignment list) or as their own practice. */
export default async function WritePage({
  params,
  searchParams,
}: {
  params: Promise<{ setId: string; questionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ setId, questionId }, query, user] = await Promise.all([params, searchParams, requireUser()]);
  const assignmentId = typeof query.assignment === "string" && query.assignment ? query.assignment : null;
  const page = await orNull(getWritingPageFor(user, setId, questionId, assignmentId));
  if (!page) notFound();
  const { question, assignment, heldBack, draft, attempts } = page;
  const timeLimitSec = assignment ? (assignment.timeLimitSec ?? 0) : question.timeLimitSec;
  const serverNowMs = new Date().getTime();
  return (
    <>
      <PageHeader
        title={assignment ? "Assignment" : "Practise writing"}
        subtitle={assignment ? `${assignment.title}${assignment.dueAt ? ` · due ${formatDateTime(assignment.dueAt)}` : ""}` : question.studySetTitle}
      >
        {assignment ? (
          <Link href="/assignments" className="text-sm text-accent underline-offset-2 hover:underline">
            Back to your assignments
          </Link>
        ) : (
          <Link href={`/sets/${question.studySetId}`} className="text-sm text-accent underline-offset-2 hover:underline">
            Back to the set
          </Link>
        )}
      </PageHeader>

      <Panel aria-labelledby="question-heading" className="mb-4">
        <h2 id="question-heading" className="sr-only">
          Question
        </h2>
        <p className="font-serif text-lg leading-relaxed">{question.prompt}</p>
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Limits">
          <li>
            <Badge tone="accent">{formatMarksCount(question.marks)}</Badge>
          </li>
          {question.wordLimit ? (
            <li>
              <Badge>{question.wordLimit} words</Badge>
            </li>
          ) : null}
          {timeLimitSec > 0 ? (
            <li>
              <Badge>{formatDuration(timeLimitSec)}</Badge>
            </li>
          ) : null}
        </ul>
      </Panel>

      {heldBack && draft ? (
        <p className="mb-3 text-sm text-muted" role="note">
          {heldBack} You can finish the practice answer you began; its marks stay hidden until then.
        </p>
      ) : null}
      {heldBack && !draft ? (
        <EmptyState>
          {heldBack}{" "}
          <Link href="/assignments" className="text-accent underline-offset-2 hover:underline">
            Your assignments
          </Link>
        </EmptyState>
      ) : !question.canBeMarked ? (
        <EmptyState>
          This question has no marking scheme yet, so an answer to it cannot be marked. Choose another written question in the set, or ask the set&apos;s author
          to add a rubric.
        </EmptyState>
      ) : draft ? (
        <AnswerWriter
          key={draft.attemptId}
          attemptId={draft.attemptId}
          wordLimit={question.wordLimit}
          timeNote={submissionTimeNote({ startedAt: draft.startedAt, deadlineAt: draft.deadlineAt, closesAt: assignment?.closesAt ?? null })}
          startedAtMs={draft.startedAt.getTime()}
          deadlineAtMs={draft.deadlineAt ? draft.deadlineAt.getTime() : null}
          closesAtMs={assignment?.closesAt ? assignment.closesAt.getTime() : null}
          serverNowMs={serverNowMs}
          timeZone={DISPLAY_TIME_ZONE}
          zoneLabels={zoneLabelsAround(new Date(serverNowMs), DISPLAY_TIME_ZONE, [draft.savedAt])}
          draft={{ text: draft.text, version: draft.version, savedAtMs: draft.savedAt.getTime() }}
        />
      ) : assignment?.startRefusal ? (
        <Panel aria-labelledby="start-heading" data-testid="start-refused">
          <h2 id="start-heading" className="mb-1 text-lg font-semibold">
            No new attempt
          </h2>
          <p className="text-sm text-muted">
            {assignment.startRefusal}
            {attempts.length ? " Your submitted answer is below." : ""}
          </p>
        </Panel>
      ) : (
        <Panel aria-labelledby="start-heading">
          <h2 id="start-heading" className="mb-1 text-lg font-semibold">
            {attempts.length ? "Try again" : "Ready?"}
          </h2>
          <p className="mb-3 text-sm text-muted">
            The clock starts when you press Start. Your answer is saved as you type, on this device and on Crux. The marking scheme and the model answer
            are shown after you submit.
          </p>
          {assignment?.startNotice ? (
            <p className="mb-3 text-sm font-medium text-warn" role="note">
              {assignment.startNotice}
            </p>
          ) : null}
          <StartPractice questionId={question.id} assignmentId={assignment?.id ?? null} label={attempts.length ? "Start a new attempt" : "Start writing"} />
        </Panel>
      )}

      <Panel aria-labelledby="attempts-heading" className="mt-6">
        <h2 id="attempts-heading" className="mb-2 text-lg font-semibold">
          Your earlier attempts
        </h2>
        <AttemptList attempts={attempts} empty="No submitted attempts yet." />
      </Panel>
    </>
  );
}
