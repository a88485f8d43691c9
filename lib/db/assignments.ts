import { getDb } from "./client";

export interface AssignedWork {
  id: string;
  title: string;
  className: string;
  studySetId: string;
  studySetTitle: string;
  dueAt: Date | null;
  attemptCount: number;
}

/** Work assigned to the student's classes, soonest due first (undated last). */
export async function listAssignedWork(studentId: string): Promise<AssignedWork[]> {
  const db = await getDb();
  const rows = await db.assignment.findMany({
    where: { classroom: { enrollments: { some: { studentId } } } },
    select: {
      id: true,
      title: true,
      dueAt: true,
      studySetId: true,
      classroom: { select: { name: true } },
      studySet: { select: { title: true } },
      _count: { select: { attempts: { where: { userId: studentId } } } },
    },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    className: r.classroom.name,
    studySetId: r.studySetId,
    studySetTitle: r.studySet.title,
    dueAt: r.dueAt,
    attemptCount: r._count.attempts,
  }));
}
