import type { Metadata } from "next";
import { QuizAttemptList } from "@/components/quiz/quiz-attempt-list";
import { AttemptList } from "@/components/writing/attempt-list";
import { PageHeader, Panel } from "@/components/ui/panel";
import { listQuizAttemptsFor } from "@/lib/server/quiz";
import { requireUser } from "@/lib/server/session";
import { listMyWrittenAttempts } from "@/lib/server/writing";

export const metadata: Metadata = { title: "Your attempts" };

export default async function AttemptsPage() {
  const user = await requireUser();
  const [quizzes, attempts] = await Promise.all([listQuizAttemptsFor(user), listMyWrittenAttempts(user)]);
  return (
    <>
      <PageHeader title="Your attempts" subtitle="Every quiz you have taken and every practice answer you have written, with their scores." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel aria-labelledby="quizzes-heading">
          <h2 id="quizzes-heading" className="mb-3 text-lg font-semibold">
            Quizzes
          </h2>
          <QuizAttemptList attempts={quizzes} empty="You have not taken a quiz yet. Open a study set and choose Take a quiz." />
        </Panel>
        <Panel aria-labelledby="written-heading">
          <h2 id="written-heading" className="mb-3 text-lg font-semibold">
            Written answers
          </h2>
          <AttemptList attempts={attempts} showQuestion empty="You have not written any practice answers yet. Open a study set and choose a written question." />
        </Panel>
      </div>
    </>
  );
}
