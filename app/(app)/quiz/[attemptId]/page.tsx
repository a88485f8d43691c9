import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { QuizRunner } from "@/components/quiz/quiz-runner";
import { Badge, PageHeader } from "@/components/ui/panel";
import { orNull } from "@/lib/server/page-data";
import { getQuizTakingViewFor } from "@/lib/server/quiz";
import { requireUser } from "@/lib/server/session";
import { quizTimeLabel } from "@/lib/quiz/clock";

export const metadata: Metadata = { title: "Quiz" };

/**
 * Taking a quiz. Only prompts, option texts (named by per-attempt tokens) and the learner's saved
 * answers reach this page; an attempt whose time ran out is graded on this visit and shown as a result.
 */
export default async function QuizPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const [{ attemptId }, user] = await Promise.all([params, requireUser()]);
  const taking = await orNull(getQuizTakingViewFor(user, attemptId, new Date()));
  if (!taking) notFound();
  if (taking.status === "finished") redirect(`/quiz/${attemptId}/results`);
  const { view } = taking;
  return (
    <>
      <PageHeader title="Quiz" subtitle={view.title}>
        <Link href={`/sets/${view.studySetId}/quiz`} className="text-sm text-accent underline-offset-2 hover:underline">
          Leave (answers are kept)
        </Link>
      </PageHeader>
      <ul className="mb-4 flex flex-wrap gap-1.5" aria-label="Rules">
        <li>
          <Badge tone="accent">{view.questions.length} questions</Badge>
        </li>
        <li>
          <Badge>{quizTimeLabel(view)}</Badge>
        </li>
        <li>
          <Badge>{view.schemeLabel}</Badge>
        </li>
        {view.deadlineAt ? (
          <li>
            <Badge>Answers count until the deadline + {view.graceSec} s</Badge>
          </li>
        ) : null}
      </ul>
      <QuizRunner
        attemptId={view.attemptId}
        deadlineAtMs={view.deadlineAt ? view.deadlineAt.getTime() : null}
        graceSec={view.graceSec}
        serverNowMs={view.serverNow.getTime()}
        questions={view.questions}
        answers={Object.fromEntries(view.answers.map((a) => [a.questionId, { answer: a.answer, version: a.version }]))}
        timeOnMs={Object.fromEntries(view.answers.flatMap((a) => (a.timeOnMs !== null ? [[a.questionId, a.timeOnMs]] : [])))}
      />
    </>
  );
}
