import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { creditLabel, type Credit } from "@/lib/classes/drill-down";
import { dimensionLabel } from "@/lib/classes/gradebook";
import { plural } from "@/lib/format";
import { getColumnDrillDownFor } from "@/lib/server/gradebook";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { formatMarks, formatMarksCount } from "@/lib/writing/marks";
import { attemptHref } from "@/lib/classes/attempt-href";

export const metadata: Metadata = { title: "Point drill-down" };

const TONE: Record<Credit, "good" | "warn" | "neutral"> = { earned: "good", partly: "warn", missed: "neutral" };

/** Every student's answer on one rubric point (or quiz question) of an assignment, with the grading evidence. */
export default async function PointDrillDownPage({ params }: { params: Promise<{ classId: string; assignmentId: string; columnId: string }> }) {
  const [{ classId, assignmentId, columnId }, user] = await Promise.all([params, requireUser()]);
  const data = await orNull(getColumnDrillDownFor(user, assignmentId, columnId, new Date()));
  if (!data || data.assignment.classId !== classId) notFound();
  const { column, entries } = data;
  const groups = (["earned", "partly", "missed"] as const).map((credit) => ({ credit, entries: entries.filter((e) => e.credit === credit) }));
  return (
    <>
      <PageHeader title={`${column.label}: every student's answer`} subtitle={`${data.assignment.title} · ${dimensionLabel[column.dimension]}`}>
        <Link href={`/classes/${classId}/assignments/${assignmentId}`} className="text-sm text-accent underline-offset-2 hover:underline">
          Back to the gradebook
        </Link>
      </PageHeader>
      <Panel aria-labelledby="point-heading" className="mb-4">
        <h2 id="point-heading" className="text-lg font-semibold">
          {column.dimension === "question" ? "The question" : "The rubric point"} ({formatMarksCount(column.max)})
        </h2>
        <p className="mt-1">{column.text}</p>
        <p className="mt-2 text-sm text-muted">
          {entries.length === 0
            ? "No answer has been marked on it yet."
            : `${plural(entries.length, "answer")} marked: ${groups.map((g) => `${g.entries.length} ${creditLabel[g.credit].toLowerCase()}`).join(", ")}.`}
        </p>
      </Panel>
      {entries.length === 0 ? (
        <EmptyState>Nothing to show until students submit answers.</EmptyState>
      ) : (
        groups.map((g) =>
          g.entries.length === 0 ? null : (
            <Panel key={g.credit} aria-labelledby={`${g.credit}-heading`} className="mb-4">
              <h2 id={`${g.credit}-heading`} className="mb-2 text-lg font-semibold">
                {creditLabel[g.credit]} <span className="font-normal text-muted">({g.entries.length})</span>
              </h2>
              <ul className="divide-y divide-border" data-testid={`drill-${g.credit}`}>
                {g.entries.map((e) => (
                  <li key={e.attemptId} className="space-y-1 py-3 text-sm">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{e.studentName}</span>
                      <Badge tone={TONE[e.credit]}>
                        {formatMarks(e.awarded)} / {formatMarks(e.max)}
                      </Badge>
                      {e.isModerated ? <Badge tone="accent">Moderated</Badge> : null}
                    </p>
                    {e.quotes.length > 0 ? (
                      <ul className="space-y-1">
                        {e.quotes.map((q, i) => (
                          <li key={i}>
                            <blockquote className="border-l-2 border-accent pl-2 font-serif">“{q}”</blockquote>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {e.note ? <p className="text-muted">{column.dimension === "question" ? e.note : `Grader: ${e.note}`}</p> : null}
                    {e.moderationReason ? <p>Teacher&apos;s reason: “{e.moderationReason}”</p> : null}
                    <Link href={attemptHref(column.dimension === "question" ? "quiz" : "written", e.attemptId)} className="inline-block min-h-11 content-center text-accent underline-offset-2 hover:underline">
                      Open the answer<span className="sr-only"> of {e.studentName}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </Panel>
          ),
        )
      )}
    </>
  );
}
