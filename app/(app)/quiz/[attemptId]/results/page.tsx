import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { QuizAttemptList } from "@/components/quiz/quiz-attempt-list";
import { MakeCardButton, RetryMissedButton } from "@/components/quiz/result-actions";
import { SourceNote } from "@/components/study/source-note";
import { buttonClass } from "@/components/ui/button";
import { Badge, PageHeader, Panel } from "@/components/ui/panel";
import { formatQuizMarks, type AnswerOutcome } from "@/lib/quiz/marking";
import { timeOnQuestion } from "@/lib/quiz/question-clock";
import { optionLabel, isChoiceKind } from "@/lib/quiz/right-answer";
import { isAppError } from "@/lib/errors";
import { getQuizResultFor, listQuizAttemptsFor, type QuizResultView, type QuizWithheldView } from "@/lib/server/quiz";
import { requireUser } from "@/lib/server/session";
import { formatDuration } from "@/lib/writing/timer";
import { formatMarksCount } from "@/lib/writing/marks";

export const metadata: Metadata = { title: "Quiz results" };

/** Solid theme-token badges (as the written results use), which keep contrast in both themes. */
const outcomeBadge: Record<AnswerOutcome, { label: string; className: string }> = {
  correct: { label: "Right", className: "bg-good text-bg" },
  partial: { label: "Partly right", className: "bg-warn text-bg" },
  wrong: { label: "Wrong", className: "bg-warn text-bg" },
  blank: { label: "Not answered", className: "bg-fg text-bg" },
};

function learnerAnswerText(q: QuizResultView["questions"][number]): string {
  if (isChoiceKind(q.kind)) {
    const chosen = new Set(q.answer.optionIds ?? []);
    const picked = q.options.flatMap((o, i) => (chosen.has(o.id) ? [optionLabel(i, o.text)] : []));
    return picked.length ? picked.join("; ") : "—";
  }
  if (q.kind === "true_false") return q.answer.text === "true" ? "True" : q.answer.text === "false" ? "False" : "—";
  return q.answer.text ? `${q.answer.text}${q.unit ? ` ${q.unit}` : ""}` : "—";
}

export default async function QuizResultsPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const [{ attemptId }, user] = await Promise.all([params, requireUser()]);
  let result: QuizResultView | QuizWithheldView;
  try {
    result = await getQuizResultFor(user, attemptId, new Date());
  } catch (e) {
    if (isAppError(e) && e.code === "CONFLICT") redirect(`/quiz/${attemptId}`);
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  }
  if (result.state === "withheld") {
    return (
      <>
        <PageHeader title="Quiz submitted" subtitle={result.title} />
        <Panel className="space-y-2">
          <p data-testid="result-withheld">
            <Badge tone="good">Submitted</Badge>
          </p>
          <p>{result.note}</p>
          <Link href="/assignments" className="text-sm text-accent underline-offset-2 hover:underline">
            Your assignments
          </Link>
        </Panel>
      </>
    );
  }
  const { attempt, tally } = result;
  const earlier = result.isOwn ? await listQuizAttemptsFor(user, attempt.studySetId) : [];
  const missed = result.questions.filter((q) => q.outcome !== "correct");
  const takenSec = attempt.submittedAt ? Math.max(0, Math.round((attempt.submittedAt.getTime() - attempt.startedAt.getTime()) / 1000)) : null;
  return (
    <>
      <PageHeader title="Quiz results" subtitle={attempt.quiz.title}>
        {result.canOpenSet ? (
          <Link href={`/sets/${attempt.studySetId}/quiz`} className="text-sm text-accent underline-offset-2 hover:underline">
            Back to quizzes
          </Link>
        ) : (
          <Link href="/attempts" className="text-sm text-accent underline-offset-2 hover:underline">
            All your attempts
          </Link>
        )}
      </PageHeader>

      <Panel aria-labelledby="score-heading" className="mb-4">
        <h2 id="score-heading" className="sr-only">
          Score
        </h2>
        <p className="text-3xl font-semibold tabular-nums">
          {formatQuizMarks(tally.score)} <span className="text-lg font-normal text-muted">/ {formatQuizMarks(tally.maxScore)}</span>
        </p>
        <p className="mt-1 text-sm text-muted">
          {tally.correct} right · {tally.partial ? `${tally.partial} partly right · ` : ""}
          {tally.wrong} wrong · {tally.blank} not answered
          {takenSec !== null ? ` · ${formatDuration(takenSec)}` : ""}
        </p>
        {attempt.status === "expired" ? <p className="mt-2 text-sm">Time ran out: the answers saved before the deadline were marked.</p> : null}
        {result.isOwn && !result.canOpenSet ? (
          <p className="mt-3 text-sm text-muted" data-testid="set-closed">
            This quiz&rsquo;s set is no longer open to you (it came from a class you are no longer in), so it cannot be retried. Your result stays here.
          </p>
        ) : null}
        {result.isOwn && result.canOpenSet && missed.length > 0 ? (
          <div className="mt-3 flex flex-wrap gap-2">
            <RetryMissedButton attemptId={attempt.id} missedCount={missed.length} />
          </div>
        ) : null}
        {result.isOwn && result.canOpenSet && missed.length === 0 ? (
          <Link href={`/sets/${attempt.studySetId}/quiz`} className={buttonClass("secondary", "mt-3")}>
            Take another quiz
          </Link>
        ) : null}
      </Panel>

      <ol className="space-y-3">
        {result.questions.map((q, i) => {
          const badge = outcomeBadge[q.outcome];
          const time = timeOnQuestion(q);
          return (
            <li key={q.id}>
              <Panel aria-labelledby={`q-${q.id}`}>
                <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                  <h2 id={`q-${q.id}`} className="text-sm font-semibold">
                    Question {i + 1}
                  </h2>
                  <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
                    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${badge.className}`}>{badge.label}</span>
                    <span className="tabular-nums">{formatMarksCount(q.marks, formatQuizMarks)}</span>
                    {time === null ? null : time.measure === "on_screen" ? (
                      <span>{formatDuration(time.sec)} on it</span>
                    ) : time.measure === "not_recorded" ? (
                      <span title="The quiz page closed before it could send the time this question was on screen.">time not recorded</span>
                    ) : (
                      <span title="Measured before Crux timed each question on screen: from first seeing the question to the last change of the answer.">
                        {formatDuration(time.sec)} from first view to answer
                      </span>
                    )}
                  </p>
                </div>
                <p className="whitespace-pre-line font-serif leading-relaxed">{q.prompt}</p>
                <dl className="mt-3 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
                  <dt className="text-muted">Your answer</dt>
                  <dd>{learnerAnswerText(q)}</dd>
                  <dt className="text-muted">Right answer</dt>
                  <dd className="font-medium">{q.rightAnswer}</dd>
                </dl>
                <p className="mt-3 text-sm leading-relaxed">{q.explanation}</p>
                <SourceNote sources={q.sources} className="mt-3 border-t border-border pt-3" />
                {result.isOwn && q.outcome !== "correct" ? (
                  <div className="mt-3">
                    <MakeCardButton attemptId={attempt.id} questionId={q.id} questionNumber={i + 1} hasCard={q.hasCard} />
                  </div>
                ) : null}
              </Panel>
            </li>
          );
        })}
      </ol>

      {result.isOwn ? (
        <Panel aria-labelledby="history-heading" className="mt-4">
          <h2 id="history-heading" className="mb-3 text-lg font-semibold">
            Your quizzes on this set
          </h2>
          <QuizAttemptList attempts={earlier} currentId={attempt.id} />
          <Link href="/attempts" className="mt-3 inline-block text-sm text-accent underline-offset-2 hover:underline">
            All your attempts
          </Link>
        </Panel>
      ) : null}
    </>
  );
}
