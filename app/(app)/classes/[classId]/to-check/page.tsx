import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AcceptMarksButton } from "@/components/classes/accept-marks-button";
import { Badge, EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { formatDateTime, plural } from "@/lib/format";
import { listToCheckFor } from "@/lib/server/gradebook";
import { listOpenRegradesFor } from "@/lib/server/regrades";
import { OpenRegradesList } from "@/components/classes/open-regrades-list";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { formatMarks } from "@/lib/writing/marks";

export const metadata: Metadata = { title: "To check" };

/** The class's "to check" queue: graded answers no teacher has looked at, provisional ones first, then the least confident. */
export default async function ToCheckPage({ params }: { params: Promise<{ classId: string }> }) {
  const [{ classId }, user] = await Promise.all([params, requireUser()]);
  const [queue, regrades] = await Promise.all([orNull(listToCheckFor(user, classId)), orNull(listOpenRegradesFor(user, classId))]);
  if (!queue || !regrades) notFound();
  return (
    <>
      <PageHeader title="To check" subtitle={`${plural(queue.length, "answer")} the automatic grader marked and no teacher has checked yet`}>
        <Link href={`/classes/${classId}`} className="text-sm text-accent underline-offset-2 hover:underline">
          Back to the class
        </Link>
      </PageHeader>
      <Panel className="mb-4">
        <OpenRegradesList requests={regrades} headingId="regrades-heading" showAssignment />
      </Panel>
      <Panel aria-labelledby="to-check-heading">
        <h2 id="to-check-heading" className="sr-only">
          Answers to check
        </h2>
        {queue.length === 0 ? (
          <EmptyState>Nothing to check: every marked answer has been moderated or accepted.</EmptyState>
        ) : (
          <ol className="divide-y divide-border" data-testid="to-check-queue">
            {queue.map((item) => (
              <li key={item.attemptId} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0 space-y-1">
                  <p className="font-medium">
                    {item.studentName} <span className="font-normal text-muted">· {item.assignmentTitle}</span>
                  </p>
                  <p className="text-sm text-muted">{item.questionPrompt}</p>
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    {item.isProvisional ? <Badge tone="warn">Provisional</Badge> : null}
                    <span>
                      {item.score === null ? "Not scored" : `${formatMarks(item.score)} / ${formatMarks(item.maxScore ?? 0)}`}
                      {item.gradeConfidence === null ? "" : ` · grader confidence ${Math.round(item.gradeConfidence * 100)} %`}
                      {` · marked ${formatDateTime(item.gradedAt)}`}
                    </span>
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/attempts/${item.attemptId}`} className="min-h-11 content-center text-sm text-accent underline-offset-2 hover:underline">
                    Open the answer<span className="sr-only"> of {item.studentName}</span>
                  </Link>
                  <AcceptMarksButton attemptId={item.attemptId} studentName={item.studentName} />
                </div>
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </>
  );
}
