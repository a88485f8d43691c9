import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { buttonClass } from "@/components/ui/button";
import { byQuestion, heatSummary, sortAndFilterRows, workStatusLabel, type GradebookSort, type WorkStatus } from "@/lib/classes/gradebook";
import { formatDateTime } from "@/lib/format";
import { getAssignmentGradebookFor, getCardReviewBookFor } from "@/lib/server/gradebook";
import { listOpenRegradesFor } from "@/lib/server/regrades";
import { OpenRegradesList } from "@/components/classes/open-regrades-list";
import { MostMissedList } from "@/components/classes/most-missed-list";
import { CardReviewTable } from "@/components/classes/card-review-table";
import { GradebookRows } from "@/components/classes/gradebook-rows";
import { toRowWire, type GradebookRowView } from "@/components/classes/gradebook-rows-html";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { formatDuration } from "@/lib/writing/timer";
import { formatMarks, formatMarksCount } from "@/lib/writing/marks";

export const metadata: Metadata = { title: "Gradebook" };

const SORTS: Record<GradebookSort, string> = { name: "Name", score: "Score", status: "Status", time: "Time used", submitted: "Submitted" };
const STATUSES = Object.keys(workStatusLabel) as WorkStatus[];
const pct = (share: number) => `${Math.round(share * 100)} %`;

/** One assignment's gradebook: students × points or questions, sortable and filterable by link; heatmap; agreement. */
export default async function GradebookPage({
  params,
  searchParams,
}: {
  params: Promise<{ classId: string; assignmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ classId, assignmentId }, query, user] = await Promise.all([params, searchParams, requireUser()]);
  const [data, regrades] = await Promise.all([orNull(getAssignmentGradebookFor(user, assignmentId, new Date())), orNull(listOpenRegradesFor(user, classId, assignmentId))]);
  if (!data || !regrades || data.assignment.classId !== classId) notFound();
  const isCardReview = data.assignment.kind === "study_set";
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const sort = (one(query.sort) in SORTS ? one(query.sort) : "name") as GradebookSort;
  const status = STATUSES.includes(one(query.status) as WorkStatus) ? (one(query.status) as WorkStatus) : null;
  const isDescending = one(query.dir) === "desc";
  const sorted = sortAndFilterRows(data.gradebook.rows, { sort, isDescending, status, query: one(query.q) });
  const base = `/classes/${classId}/assignments/${assignmentId}`;
  const hrefWith = (over: Record<string, string>) => `${base}?${new URLSearchParams({ sort, dir: isDescending ? "desc" : "asc", ...(status ? { status } : {}), ...over }).toString()}`;
  // Several written questions: one column per question (their points are in the heatmap and drill-downs below).
  const questionCount = new Set(data.gradebook.columns.map((c) => c.questionId)).size;
  const isByQuestion = questionCount > 1 && questionCount < data.gradebook.columns.length;
  const workKind = data.assignment.kind === "quiz" ? "quiz" : "written";
  const { columns, rows } = isByQuestion ? byQuestion(data.gradebook.columns, sorted) : { columns: data.gradebook.columns, rows: sorted };
  const rowViews = rows.map(
    (r): GradebookRowView => ({
      studentId: r.student.id,
      name: r.student.name,
      statusLabel: workStatusLabel[r.status],
      statusTone: r.status === "late" || r.status === "provisional" ? "warn" : r.status === "submitted" ? "good" : "neutral",
      score: r.score === null ? "—" : `${formatMarks(r.score)} / ${formatMarks(r.maxScore)}`,
      time: r.timeUsedSec === null ? "—" : formatDuration(r.timeUsedSec),
      cells: r.cells.map((c) => (c.awarded === null ? null : [formatMarks(c.awarded), c.attemptId, c.isModerated])),
    }),
  );
  const header = (
    <PageHeader title={`Gradebook: ${data.assignment.title}`} subtitle={`${data.assignment.className}${data.assignment.dueAt ? ` · due ${formatDateTime(data.assignment.dueAt)}` : ""}`}>
      <div className="flex flex-wrap items-center gap-3">
        <nav aria-label="Class pages" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={`/classes/${classId}`} className="text-accent underline-offset-2 hover:underline">
            Back to the class
          </Link>
          <Link href={`/classes/${classId}/overview`} className="text-accent underline-offset-2 hover:underline">
            Class overview
          </Link>
          <Link href={`/classes/${classId}/to-check`} className="text-accent underline-offset-2 hover:underline">
            To check
          </Link>
        </nav>
        {isCardReview ? null : (
          <a href={`/api/assignments/${assignmentId}/csv`} className={buttonClass("secondary")} download>
            Export CSV
          </a>
        )}
      </div>
    </PageHeader>
  );
  if (isCardReview) {
    // A card-review assignment asks no question: its gradebook is how far each student got through the cards.
    const cards = await orNull(getCardReviewBookFor(user, assignmentId, new Date()));
    if (!cards) notFound();
    return (
      <>
        {header}
        <Panel aria-labelledby="gradebook-heading" className="overflow-x-auto">
          <h2 id="gradebook-heading" className="mb-2 text-lg font-semibold">
            Students
          </h2>
          <CardReviewTable book={cards.book} />
        </Panel>
      </>
    );
  }
  return (
    <>
      {header}
      <Panel className="mb-4">
        <OpenRegradesList requests={regrades} headingId="regrades-heading" showAssignment={false} />
      </Panel>
      <Panel aria-labelledby="gradebook-heading" className="overflow-x-auto">
        <h2 id="gradebook-heading" className="mb-2 text-lg font-semibold">
          Students
        </h2>
        <nav aria-label="Filter by status" className="mb-3 flex flex-wrap gap-2 text-sm">
          <Link href={hrefWith({ status: "" })} aria-current={status === null ? "page" : undefined} className="underline-offset-2 hover:underline">
            All
          </Link>
          {STATUSES.map((s) => (
            <Link key={s} href={hrefWith({ status: s })} aria-current={status === s ? "page" : undefined} className="underline-offset-2 hover:underline">
              {workStatusLabel[s]}
            </Link>
          ))}
        </nav>
        {rows.length === 0 ? (
          <EmptyState>No students match.</EmptyState>
        ) : (
          <table className="w-full text-sm [&_a:hover]:underline [&_a]:underline-offset-2 [&_tbody_td]:tabular-nums [&_td:nth-child(n+5)]:text-right [&_td]:px-2 [&_td]:py-1 [&_tbody_th]:px-2 [&_tbody_th]:py-1" data-testid="gradebook">
            <thead>
              <tr className="text-left">
                {(["name", "status", "score", "time"] as const).map((key) => (
                  <th key={key} scope="col" className="px-2 py-1" aria-sort={sort === key ? (isDescending ? "descending" : "ascending") : undefined}>
                    <Link href={hrefWith({ sort: key, dir: sort === key && !isDescending ? "desc" : "asc" })} className="underline-offset-2 hover:underline">
                      {SORTS[key]}
                    </Link>
                  </th>
                ))}
                {columns.map((c) => (
                  <th key={c.id} scope="col" className="px-2 py-1 text-right" title={isByQuestion ? undefined : c.text}>
                    {isByQuestion ? (
                      `${c.label} (${formatMarks(c.max)})`
                    ) : (
                      <Link href={`${base}/points/${c.id}`} className="underline-offset-2 hover:underline">
                        {c.label}
                      </Link>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <GradebookRows classId={classId} workKind={workKind} columnCount={columns.length} rows={rowViews.map(toRowWire)} />
          </table>
        )}
        <p className="mt-2 text-xs text-muted">
          * a mark a teacher changed. Marks shown are the moderated ones.
          {isByQuestion ? " Each column is one question's total; every rubric point, with every student's answer on it, is listed under “What the class missed”." : null}
        </p>
      </Panel>
      <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Panel aria-labelledby="heatmap-heading">
          <h2 id="heatmap-heading" className="mb-2 text-lg font-semibold">
            What the class missed
          </h2>
          <MostMissedList mostMissed={data.heatmap.mostMissed} itemNoun={workKind === "quiz" ? "question" : "rubric point"} base={base} />
          {[
            ["By point or question", data.heatmap.columns],
            ["By theme", data.heatmap.byTheme],
            ["By rubric dimension", data.heatmap.byDimension],
          ].map(([title, cells]) =>
            (cells as typeof data.heatmap.columns).length === 0 ? null : (
              <section key={title as string} className="mb-3">
                <h3 className="text-sm font-semibold">{title as string}</h3>
                <ul className="mt-1 space-y-1" data-testid="heatmap">
                  {(cells as typeof data.heatmap.columns).map((c) => (
                    <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
                      {title === "By point or question" ? (
                        <Link href={`${base}/points/${c.id}`} className="min-w-0 max-w-full truncate text-accent underline underline-offset-2" title={c.text}>
                          {c.label}
                          <span className="sr-only">: every student&apos;s answer on it</span>
                        </Link>
                      ) : (
                        <span className="min-w-0 max-w-full truncate" title={c.text}>
                          {c.label}
                        </span>
                      )}
                      <span className={`ml-auto text-right tabular-nums ${c.markedCount === 0 ? "text-muted" : ""}`}>{heatSummary(c)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ),
          )}
        </Panel>
        <Panel aria-labelledby="agreement-heading">
          <h2 id="agreement-heading" className="mb-2 text-lg font-semibold">
            Agreement with the automatic marks
          </h2>
          <p className="text-sm">
            The teacher changed {data.agreement.changedCount} of {data.agreement.markedCount} automatic marks ({pct(data.agreement.changedShare)}), by{" "}
            {formatMarksCount(Math.round(data.agreement.meanAbsChange * 100) / 100)} on average.
          </p>
          <ul className="mt-2 space-y-2 text-sm">
            {data.agreement.points
              .filter((p) => p.changedCount > 0)
              .slice(0, 5)
              .map((p) => (
                <li key={p.columnId}>
                  <span className="font-medium">{p.label}</span> changed {p.changedCount} of {p.markedCount} times (mean change {p.meanChange > 0 ? "+" : ""}
                  {Math.round(p.meanChange * 100) / 100}):{" "}
                  {p.changedAttemptIds.map((id, i) => (
                    <Link key={id} href={`/attempts/${id}`} className="text-accent underline underline-offset-2">
                      answer {i + 1}
                      {i < p.changedAttemptIds.length - 1 ? ", " : ""}
                    </Link>
                  ))}
                </li>
              ))}
          </ul>
        </Panel>
      </div>
    </>
  );
}
