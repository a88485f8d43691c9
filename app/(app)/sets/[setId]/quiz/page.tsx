import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StartQuizForm } from "@/components/quiz/start-quiz-form";
import { QuizAttemptList } from "@/components/quiz/quiz-attempt-list";
import { EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { orNull } from "@/lib/server/page-data";
import { getQuizStartPageFor } from "@/lib/server/quiz";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Take a quiz" };

export default async function QuizStartPage({ params }: { params: Promise<{ setId: string }> }) {
  const [{ setId }, user] = await Promise.all([params, requireUser()]);
  const page = await orNull(getQuizStartPageFor(user, setId));
  if (!page) notFound();
  return (
    <>
      <PageHeader title="Take a quiz" subtitle={page.studySetTitle}>
        <Link href={`/sets/${page.studySetId}`} className="text-sm text-accent underline-offset-2 hover:underline">
          Back to the set
        </Link>
      </PageHeader>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Panel aria-labelledby="start-heading">
          <h2 id="start-heading" className="mb-3 text-lg font-semibold">
            New quiz
          </h2>
          {page.heldBack ? (
            <p className="mb-3 text-sm text-muted" role="note">
              {page.heldBack.count === 1 ? "1 question is" : `${page.heldBack.count} questions are`} left out. {page.heldBack.note}{" "}
              <Link href="/assignments" className="text-accent underline-offset-2 hover:underline">
                Your assignments
              </Link>
            </p>
          ) : null}
          {page.questionCount === 0 ? (
            <EmptyState>{page.heldBack ? "Every timed question of this set is held for now." : "This set has no timed questions yet."}</EmptyState>
          ) : (
            <StartQuizForm
              studySetId={page.studySetId}
              questionCount={page.questionCount}
              missedCount={page.missedCount}
              themes={page.themes}
              allTimeLimitMin={Math.max(1, Math.round(page.allTimeLimitSec / 60))}
            />
          )}
        </Panel>
        <Panel aria-labelledby="earlier-heading">
          <h2 id="earlier-heading" className="mb-3 text-lg font-semibold">
            Your quizzes
          </h2>
          <QuizAttemptList attempts={page.attempts} />
        </Panel>
      </div>
    </>
  );
}
