import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnswerWriter } from "@/components/writing/answer-writer";
import { AttemptList } from "@/components/writing/attempt-list";
import { StartPractice } from "@/components/writing/start-practice";
import { Badge, EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { formatMarks } from "@/lib/writing/marks";
import { formatDuration } from "@/lib/writing/timer";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { getWritingPageFor } from "@/lib/server/writing";

export const metadata: Metadata = { title: "Practise writing" };

export default async function WritePage({ params }: { params: Promise<{ setId: string; questionId: string }> }) {
  const [{ setId, questionId }, user] = await Promise.all([params, requireUser()]);
  const page = await orNull(getWritingPageFor(user, setId, questionId));
  if (!page) notFound();
  const { question, draft, attempts } = page;
  const serverNowMs = new Date().getTime();
  return (
    <>
      <PageHeader title="Practise writing" subtitle={question.studySetTitle}>
        <Link href={`/sets/${question.studySetId}`} className="text-sm text-accent underline-offset-2 hover:underline">
          Back to the set
        </Link>
      </PageHeader>

      <Panel aria-labelledby="question-heading" className="mb-4">
        <h2 id="question-heading" className="sr-only">
          Question
        </h2>
        <p className="font-serif text-lg leading-relaxed">{question.prompt}</p>
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Limits">
          <li>
            <Badge tone="accent">{formatMarks(question.marks)} marks</Badge>
          </li>
          {question.wordLimit ? (
            <li>
              <Badge>{question.wordLimit} words</Badge>
            </li>
          ) : null}
          {question.timeLimitSec > 0 ? (
            <li>
              <Badge>{formatDuration(question.timeLimitSec)}</Badge>
            </li>
          ) : null}
        </ul>
      </Panel>

      {!question.canBeMarked ? (
        <EmptyState>
          This question has no marking scheme yet, so an answer to it cannot be marked. Choose another written question in the set, or ask the set&apos;s author
          to add a rubric.
        </EmptyState>
      ) : draft ? (
        <AnswerWriter
          key={draft.attemptId}
          attemptId={draft.attemptId}
          wordLimit={question.wordLimit}
          timeLimitSec={question.timeLimitSec}
          startedAtMs={draft.startedAt.getTime()}
          deadlineAtMs={draft.deadlineAt ? draft.deadlineAt.getTime() : null}
          serverNowMs={serverNowMs}
          draft={{ text: draft.text, version: draft.version, savedAtMs: draft.savedAt.getTime() }}
        />
      ) : (
        <Panel aria-labelledby="start-heading">
          <h2 id="start-heading" className="mb-1 text-lg font-semibold">
            {attempts.length ? "Try again" : "Ready?"}
          </h2>
          <p className="mb-3 text-sm text-muted">
            The clock starts when you press Start. Your answer is saved as you type, on this device and on Crux. The marking scheme and the model answer
            are shown after you submit.
          </p>
          <StartPractice questionId={question.id} label={attempts.length ? "Start a new attempt" : "Start writing"} />
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
