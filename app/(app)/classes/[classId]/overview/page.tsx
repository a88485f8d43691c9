import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TrendSparkline } from "@/components/classes/trend-sparkline";
import { buttonClass } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { describeTrend } from "@/lib/classes/class-overview";
import { workStatusLabel, type WorkStatus } from "@/lib/classes/gradebook";
import { formatDateTime } from "@/lib/format";
import { getClassOverviewFor } from "@/lib/server/class-overview";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { formatMarks } from "@/lib/writing/marks";

export const metadata: Metadata = { title: "Class overview" };

const tone = (s: WorkStatus) => (s === "late" || s === "provisional" ? "warn" : s === "submitted" ? "good" : "neutral");

/** A class over the term: students × scored assignments (score, status, late), each student's trend; CSV export. */
export default async function ClassOverviewPage({ params }: { params: Promise<{ classId: string }> }) {
  const [{ classId }, user] = await Promise.all([params, requireUser()]);
  const view = await orNull(getClassOverviewFor(user, classId));
  if (!view) notFound();
  return (
    <>
      <PageHeader title={`Class overview: ${view.className}`} subtitle="Every student's quizzes and written answers over the term, marks as moderated">
        <div className="flex flex-wrap items-center gap-3">
          <Link href={`/classes/${classId}`} className="text-sm text-accent underline-offset-2 hover:underline">
            Back to the class
          </Link>
          <a href={`/api/classes/${classId}/csv`} className={buttonClass("secondary")} download>
            Export CSV
          </a>
        </div>
      </PageHeader>
      <Panel aria-labelledby="overview-heading" className="overflow-x-auto">
        <h2 id="overview-heading" className="mb-2 text-lg font-semibold">
          Students × assignments
        </h2>
        {view.assignments.length === 0 || view.rows.length === 0 ? (
          <EmptyState>{view.assignments.length === 0 ? "No quiz or written assignment yet: card-review assignments carry no score." : "No students in this class yet."}</EmptyState>
        ) : (
          <table className="w-full text-sm" data-testid="class-overview">
            <caption className="sr-only">Each student&apos;s score and status per assignment, in term order, with their recent trend</caption>
            <thead>
              <tr className="text-left align-bottom">
                <th scope="col" className="px-2 py-1">
                  Student
                </th>
                {view.assignments.map((a) => (
                  <th key={a.id} scope="col" className="px-2 py-1">
                    <Link href={`/classes/${classId}/assignments/${a.id}`} className="text-accent underline-offset-2 hover:underline">
                      {a.title}
                    </Link>
                    <span className="block text-xs font-normal text-muted">
                      {a.dueAt ? `due ${formatDateTime(a.dueAt)}` : "no due time"}
                      {a.maxScore ? ` · out of ${formatMarks(a.maxScore)}` : ""}
                    </span>
                  </th>
                ))}
                <th scope="col" className="px-2 py-1">
                  Mean
                </th>
                <th scope="col" className="px-2 py-1">
                  Trend (last scores)
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {view.rows.map((r) => (
                <tr key={r.student.id}>
                  <th scope="row" className="px-2 py-1 text-left font-medium">
                    <Link href={`/classes/${classId}/students/${r.student.id}`} className="text-accent underline-offset-2 hover:underline">
                      {r.student.name}
                    </Link>
                  </th>
                  {r.cells.map((c) => (
                    <td key={c.assignmentId} className="px-2 py-1 tabular-nums">
                      <span className="block">{c.score === null ? "—" : `${formatMarks(c.score)}${c.maxScore ? ` / ${formatMarks(c.maxScore)}` : ""}`}</span>
                      <Badge tone={tone(c.status)}>{workStatusLabel[c.status]}</Badge>
                      {c.isLate && c.status !== "late" ? <Badge tone="warn">Late</Badge> : null}
                    </td>
                  ))}
                  <td className="px-2 py-1 tabular-nums">{r.meanShare === null ? "—" : `${Math.round(r.meanShare * 100)} %`}</td>
                  <td className="whitespace-nowrap px-2 py-1 tabular-nums">
                    <TrendSparkline shares={r.trend} /> <span className="text-xs">{describeTrend(r.trend)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="mt-2 text-xs text-muted">
          Assignments in order of due time. A written assignment&apos;s score counts each student&apos;s newest answer to each question; card-review assignments
          have no score and are not listed.
        </p>
      </Panel>
    </>
  );
}
