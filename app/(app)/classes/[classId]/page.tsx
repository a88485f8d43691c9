import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, EmptyState, PageHeader, Panel } from "@/components/ui/panel";
import { getClassFor } from "@/lib/server/classes";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { formatDate, formatDateTime, plural } from "@/lib/format";
import { describeExtraTime } from "@/lib/classes/accommodations";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const [{ classId }, user] = await Promise.all([params, requireUser()]);
  const detail = await orNull(getClassFor(user, classId));
  if (!detail) notFound();
  const isTeacher = detail.teacherId === user.id || detail.coTeachers.some((t) => t.id === user.id) || user.role === "admin";
  return (
    <>
      <PageHeader title={detail.name} subtitle={`Teacher: ${detail.teacherName} · ${plural(detail.studentCount, "student")}`}>
        {isTeacher ? (
          <p className="text-sm">
            Join code <code className="rounded bg-surface-2 px-2 py-1 font-mono text-base">{detail.joinCode}</code>
            {" · "}
            <Link href={`/classes/${detail.id}/to-check`} className="text-accent underline-offset-2 hover:underline">
              To check
            </Link>
          </p>
        ) : null}
      </PageHeader>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel aria-labelledby="assignments-heading">
          <h2 id="assignments-heading" className="mb-2 text-lg font-semibold">
            Assignments
          </h2>
          {detail.assignments.length === 0 ? (
            <EmptyState>No assignments yet.</EmptyState>
          ) : (
            <ul className="divide-y divide-border">
              {detail.assignments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <Link href={`/sets/${a.studySetId}`} className="font-medium hover:text-accent">
                      {a.title}
                    </Link>
                    <p className="text-sm text-muted">{a.studySetTitle}</p>
                  </div>
                  <div className="flex items-center gap-2">
                    {a.dueAt ? <Badge>Due {formatDate(a.dueAt)}</Badge> : null}
                    {isTeacher ? (
                      <Link href={`/classes/${detail.id}/assignments/${a.id}`} className="text-sm text-accent underline-offset-2 hover:underline">
                        Gradebook<span className="sr-only"> of {a.title}</span>
                      </Link>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        {isTeacher ? (
          <Panel aria-labelledby="students-heading">
            <h2 id="students-heading" className="mb-2 text-lg font-semibold">
              Students
            </h2>
            {detail.students.length === 0 ? (
              <EmptyState>No students yet. Share the join code {detail.joinCode} with your class.</EmptyState>
            ) : (
              <ul className="divide-y divide-border">
                {detail.students.map((s) => (
                  <li key={s.id} className="py-3">
                    <Link href={`/classes/${detail.id}/students/${s.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
                      {s.name}
                    </Link>
                    <p className="text-sm text-muted">
                      {s.email} · joined {formatDate(s.joinedAt)} · {s.lastActiveAt ? `last active ${formatDateTime(s.lastActiveAt)}` : "no activity yet"}
                      {describeExtraTime(s) ? ` · extra time ${describeExtraTime(s)}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        ) : null}
      </div>
    </>
  );
}
