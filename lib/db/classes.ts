import { AppError } from "../errors";
import type { ClassFacts } from "../auth/permissions";
import { getDb } from "./client";
import { isUniqueViolation } from "./errors";

export interface ClassSummary {
  id: string;
  name: string;
  joinCode: string;
  teacherName: string;
  studentCount: number;
  assignmentCount: number;
}

const summarySelect = {
  id: true,
  name: true,
  joinCode: true,
  teacher: { select: { name: true } },
  _count: { select: { enrollments: true, assignments: true } },
} as const;

type SummaryRow = {
  id: string;
  name: string;
  joinCode: string;
  teacher: { name: string };
  _count: { enrollments: number; assignments: number };
};

function toSummary(row: SummaryRow): ClassSummary {
  return {
    id: row.id,
    name: row.name,
    joinCode: row.joinCode,
    teacherName: row.teacher.name,
    studentCount: row._count.enrollments,
    assignmentCount: row._count.assignments,
  };
}

export async function listClassesTaughtBy(teacherId: string): Promise<ClassSummary[]> {
  const db = await getDb();
  const rows = await db.classroom.findMany({ where: { teacherId }, select: summarySelect, orderBy: { createdAt: "asc" } });
  return rows.map(toSummary);
}

export async function listClassesOfStudent(studentId: string): Promise<ClassSummary[]> {
  const db = await getDb();
  const rows = await db.classroom.findMany({
    where: { enrollments: { some: { studentId } } },
    select: summarySelect,
    orderBy: { name: "asc" },
  });
  return rows.map(toSummary);
}

/** The facts the permission rules need about one class, as seen by `userId`; null if no such class. */
export async function getClassFacts(classId: string, userId: string): Promise<ClassFacts | null> {
  const db = await getDb();
  const row = await db.classroom.findUnique({
    where: { id: classId },
    select: { teacherId: true, enrollments: { where: { studentId: userId }, select: { id: true } } },
  });
  return row ? { teacherId: row.teacherId, isActorEnrolled: row.enrollments.length > 0 } : null;
}

export interface ClassDetail extends ClassSummary {
  teacherId: string;
  students: { id: string; name: string; email: string; joinedAt: Date }[];
  assignments: { id: string; title: string; dueAt: Date | null; studySetId: string; studySetTitle: string }[];
}

export async function getClassDetail(classId: string): Promise<ClassDetail | null> {
  const db = await getDb();
  const row = await db.classroom.findUnique({
    where: { id: classId },
    select: {
      ...summarySelect,
      teacherId: true,
      enrollments: { select: { joinedAt: true, student: { select: { id: true, name: true, email: true } } }, orderBy: { student: { name: "asc" } } },
      assignments: { select: { id: true, title: true, dueAt: true, studySetId: true, studySet: { select: { title: true } } }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    teacherId: row.teacherId,
    students: row.enrollments.map((e) => ({ ...e.student, joinedAt: e.joinedAt })),
    assignments: row.assignments.map((a) => ({ id: a.id, title: a.title, dueAt: a.dueAt, studySetId: a.studySetId, studySetTitle: a.studySet.title })),
  };
}

/** Creates a class; a clashing join code is a CONFLICT (the caller retries with a fresh code). */
export async function createClass(input: { teacherId: string; name: string; joinCode: string }): Promise<{ id: string }> {
  const db = await getDb();
  try {
    return await db.classroom.create({ data: input, select: { id: true } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "That join code is taken.");
    throw e;
  }
}

/** Enrolls a student by join code; joining twice is harmless. */
export async function enrollByJoinCode(studentId: string, joinCode: string): Promise<{ classId: string; name: string }> {
  const db = await getDb();
  const classroom = await db.classroom.findUnique({ where: { joinCode }, select: { id: true, name: true } });
  if (!classroom) throw new AppError("NOT_FOUND", "No class has that join code. Check it with your teacher.", { joinCode: ["No class has that join code."] });
  await db.enrollment.upsert({
    where: { classId_studentId: { classId: classroom.id, studentId } },
    create: { classId: classroom.id, studentId },
    update: {},
  });
  return { classId: classroom.id, name: classroom.name };
}
