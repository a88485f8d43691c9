import { AppError } from "../errors";
import { getDb } from "./client";
import { isUniqueViolation } from "./errors";

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
    where: { classroom: { enrollments: { some: { studentId, removedAt: null } } } },
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

/**
 * Creates an assignment of a set to a class. The same set and kind assigned to the class again is a
 * CONFLICT (the unique constraint decides, so two teachers pressing at once still make one).
 */
export async function createAssignment(input: {
  classId: string;
  studySetId: string;
  createdById: string;
  title: string;
  dueAt: Date | null;
}): Promise<{ id: string }> {
  const db = await getDb();
  try {
    return await db.assignment.create({ data: input, select: { id: true } });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("CONFLICT", "This set is already assigned to that class. Change the existing assignment instead of adding a second one.", {
        classId: ["Already assigned to this class."],
      });
    }
    throw e;
  }
}

export interface SetAssignment {
  id: string;
  classId: string;
  className: string;
  dueAt: Date | null;
}

/** Where a set is assigned, among the classes `teacherId` teaches. */
export async function listAssignmentsOfSet(studySetId: string, teacherId: string): Promise<SetAssignment[]> {
  const db = await getDb();
  const rows = await db.assignment.findMany({
    where: { studySetId, classroom: { OR: [{ teacherId }, { coTeachers: { some: { teacherId } } }] } },
    select: { id: true, classId: true, dueAt: true, classroom: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({ id: r.id, classId: r.classId, className: r.classroom.name, dueAt: r.dueAt }));
}
