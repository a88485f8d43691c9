import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SourceNote } from "@/components/study/source-note";
import { GradeNotes } from "@/components/writing/grade-notes";
import { HighlightedAnswer } from "@/components/writing/highlighted-answer";
import { ModelAnswerView } from "@/components/writing/model-answer-view";
import { PointResults } from "@/components/writing/point-results";
import { Badge, EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { formatDateTime, plural } from "@/lib/format";
import { formatMarks, marksNoun } from "@/lib/writing/marks";
import { formatDuration } from "@/lib/writing/timer";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { getAttemptFor } from "@/lib/server/writing";
import { writeHref } from "@/lib/classes/attempt-href";

export const metadata: Metadata = { title: "Written answer" };

export default async function AttemptPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const [{ attemptId }, user] = await Promise.all([params, requireUser()]);
  const view = await orNull(getAttemptFor(user, attemptId));
  if (!view) notFound();
  if (view.state === "in_progress") {
    if (view.isOwn) redirect(writeHref(view.studySetId, view.questionId, view.assignmentId));
    return (
      <>
        <PageHeader title="Written answer" />
        <EmptyState>This answer has not been submitted yet. It can be read and moderated once the student submits it.</EmptyState>
      </>
    );
  }

  if (view.state === "withheld") {
    return (
      <>
        <PageHeader title="Your answer" subtitle={view.studySet.title} />
        <Panel aria-labelledby="withheld-heading" className="space-y-2">
          <h2 id="withheld-heading" className="text-lg font-semibold">
            {view.questionPrompt}
          </h2>
          <p data-testid="result-withheld">
            <Badge tone="good">Submitted</Badge> {view.submittedAt ? <span className="text-sm text-muted">{formatDateTime(view.submittedAt)}</span> : null}
          </p>
          <p>{view.note}</p>
          <Link href="/assignments" className="text-sm text-accent underline-offset-2 hover:underline">
            Your assignments
          </Link>
        </Panel>
      </>
    );
  }

  const content = view.points.filter((p) => p.kind === "content");
  const structure = view.points.filter((p) => p.kind === "structure");
  const earned = view.points.filter((p) => p.evidence.length > 0);
  const percent = view.maxScore > 0 ? Math.round((view.score / view.maxScore) * 100) : 0;
  return (
    <>
      <PageHeader title={view.isOwn ? "Your result" : `${view.student.name}’s answer`} subtitle={view.studySet.title}>
        {view.isOwn ? (
          <nav aria-label="Written practice" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {view.canOpenSet ? (
              <Link href={`/sets/${view.studySet.id}/write/${view.question.id}`} className="text-accent underline-offset-2 hover:underline">
                Practise this question again
              </Link>
            ) : null}
            <Link href="/attempts" className="text-accent underline-offset-2 hover:underline">
              All your attempts
            </Link>
          </nav>
        ) : view.studentPageHref ? (
          <Link href={view.studentPageHref} className="text-sm text-accent underline-offset-2 hover:underline">
            All of {view.student.name}’s answers
          </Link>
        ) : null}
      </PageHeader>

      <Panel aria-labelledby="score-heading" className="mb-4">
        <h2 id="score-heading" className="sr-only">
          Score
        </h2>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <p className="text-4xl font-semibold tabular-nums" data-testid="total-score">
            {formatMarks(view.score)}
            <span className="text-xl font-normal text-muted"> / {formatMarks(view.maxScore)}</span>
            <span className="sr-only"> {marksNoun(view.maxScore)} ({percent}%)</span>
          </p>
          <div className="flex flex-wrap gap-1.5">
            {view.isModerated ? <Badge tone="accent">{view.isOwn ? "Moderated by your teacher" : "Moderated"}</Badge> : <Badge>Marked automatically</Badge>}
            {view.isProvisional ? <Badge tone="warn">Provisional</Badge> : null}
          </div>
        </div>
        {view.isModerated ? (
          <p className="mt-1 text-sm text-muted">
            The automatic mark was {formatMarks(view.autoScore)}; a teacher changed {plural(view.points.filter((p) => p.moderation).length, "point")}, shown
            below with the reason.
          </p>
        ) : null}
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-muted">Words written</dt>
            <dd className="font-medium tabular-nums">
              {view.wordCount}
              {view.question.wordLimit ? ` of ${view.question.wordLimit}` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-muted">Time taken</dt>
            <dd className="font-medium tabular-nums">
              {formatDuration(view.timeTakenSec)}
              {view.question.timeLimitSec > 0 ? ` of ${formatDuration(view.question.timeLimitSec)}` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-muted">Points earned</dt>
            <dd className="font-medium tabular-nums">
              {view.points.filter((p) => p.awarded >= p.max).length} full, {view.points.filter((p) => p.awarded > 0 && p.awarded < p.max).length} part
            </dd>
          </div>
          <div>
            <dt className="text-muted">Submitted</dt>
            <dd className="font-medium">{formatDateTime(view.submittedAt)}</dd>
          </div>
        </dl>
        {view.overtimeSec > 0 ? <p className="mt-2 text-sm text-warn">Submitted {formatDuration(view.overtimeSec)} after the time allowed.</p> : null}
      </Panel>

      <GradeNotes isOwn={view.isOwn} isProvisional={view.isProvisional} provisionalReasons={view.provisionalReasons} contradictions={view.contradictions} />

      {view.flags.length > 0 ? (
        <Panel aria-labelledby="flags-heading" className="mb-4 border-warn/50">
          <h2 id="flags-heading" className="mb-2 text-lg font-semibold">
            What held the mark back
          </h2>
          <ul className="space-y-2 text-sm">
            {view.flags.map((f) => (
              <li key={f.flag}>
                <span className="font-medium text-warn">{f.title}.</span> {f.detail}
              </li>
            ))}
          </ul>
          {view.factIssues.length > 0 ? (
            <ul className="mt-3 space-y-3 text-sm">
              {view.factIssues.map((f, i) => (
                <li key={i} className="rounded-lg bg-surface-2 px-3 py-2">
                  <p>
                    <span className="font-medium">You wrote:</span> “{f.quote}”
                  </p>
                  <p className="text-muted">{f.reason}</p>
                  {f.source ? <SourceNote sources={[f.source]} /> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </Panel>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Panel aria-labelledby="answer-heading" className="lg:sticky lg:top-4 lg:self-start">
          <h2 id="answer-heading" className="mb-1 text-lg font-semibold">
            {view.isOwn ? "Your answer" : "The answer"}
          </h2>
          <p className="mb-3 text-xs text-muted">
            {earned.length > 0
              ? "Sentences that earned a point are marked with the point’s number and colour."
              : "No sentence earned a content point on its own; see the points for what was missing."}
          </p>
          <details className="mb-3 text-sm">
            <summary className="min-h-11 cursor-pointer content-center text-accent">Show the question</summary>
            <p className="mt-1 font-serif leading-relaxed">{view.question.prompt}</p>
          </details>
          <HighlightedAnswer text={view.text} points={view.points} />
        </Panel>

        <div className="space-y-4">
          <Panel aria-labelledby="model-heading">
            <h2 id="model-heading" className="mb-2 text-lg font-semibold">
              The model answer
            </h2>
            {view.modelAnswer ? <ModelAnswerView answer={view.modelAnswer} headingId="model" /> : <EmptyState>This question has no model answer.</EmptyState>}
          </Panel>
          <Panel aria-labelledby="content-heading">
            <h2 id="content-heading" className="text-lg font-semibold">
              Content points
            </h2>
            {content.length === 0 ? (
              <EmptyState>This rubric has no content points.</EmptyState>
            ) : (
              <PointResults
                points={content}
                attemptId={view.attemptId}
                canModerate={view.canModerate}
                headingId="content-heading"
                offersCards={view.isOwn}
                cardedPointIds={view.pointsCarded}
                isOwn={view.isOwn}
              />
            )}
          </Panel>
          <Panel aria-labelledby="structure-heading">
            <h2 id="structure-heading" className="text-lg font-semibold">
              Structure
            </h2>
            <p className="text-xs text-muted">Introduction, examples and data, conclusion with a way forward, and the word limit.</p>
            {structure.length === 0 ? (
              <EmptyState>This rubric has no structure points.</EmptyState>
            ) : (
              <PointResults points={structure} attemptId={view.attemptId} canModerate={view.canModerate} headingId="structure-heading" isOwn={view.isOwn} />
            )}
          </Panel>
        </div>
      </div>
      {view.isOwn && view.history.length > 1 ? (
        <Panel aria-labelledby="history-heading" className="mt-4">
          <h2 id="history-heading" className="mb-2 text-lg font-semibold">
            Your attempts at this question
          </h2>
          <ol className="divide-y divide-border text-sm" data-testid="attempt-history">
            {view.history.map((a, i) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                {a.id === view.attemptId ? (
                  <span className="font-medium" aria-current="page">
                    Attempt {i + 1} (this one) · {formatDateTime(a.submittedAt ?? a.startedAt)}
                  </span>
                ) : (
                  <Link href={`/attempts/${a.id}`} className="text-accent underline-offset-2 hover:underline">
                    Attempt {i + 1} · {formatDateTime(a.submittedAt ?? a.startedAt)}
                  </Link>
                )}
                <span className="tabular-nums">
                  {formatMarks(a.score ?? 0)} / {formatMarks(a.maxScore ?? 0)}
                  {a.maxScore ? ` (${Math.round(((a.score ?? 0) / a.maxScore) * 100)}%)` : ""}
                </span>
              </li>
            ))}
          </ol>
        </Panel>
      ) : null}
      <p className="mt-4 text-xs text-muted">
        Marked by {view.grader === "llm" ? "the AI grader (every quoted sentence checked against your answer)" : "Crux’s built-in grader"}. A teacher can
        review and change any mark.
      </p>
    </>
  );
}
