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
  _count: { select: { enrollments: { where: { removedAt: null } }, assignments: true } },
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
  const rows = await db.classroom.findMany({
    where: { OR: [{ teacherId }, { coTeachers: { some: { teacherId } } }] },
    select: summarySelect,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toSummary);
}

export async function listClassesOfStudent(studentId: string): Promise<ClassSummary[]> {
  const db = await getDb();
  const rows = await db.classroom.findMany({
    where: { enrollments: { some: { studentId, removedAt: null } } },
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
    select: { teacherId: true, coTeachers: { select: { teacherId: true } }, enrollments: { where: { studentId: userId, removedAt: null }, select: { id: true } } },
  });
  return row ? { teacherId: row.teacherId, coTeacherIds: row.coTeachers.map((c) => c.teacherId), isActorEnrolled: row.enrollments.length > 0 } : null;
}

export interface RosterStudent {
  id: string;
  name: string;
  email: string;
  joinedAt: Date;
  /** Latest review, answer started or answer submitted; null when the student has done nothing yet. */
  lastActiveAt: Date | null;
  extraTimeMultiplier: number | null;
  extraTimeMinutes: number | null;
}

export interface ClassDetail extends ClassSummary {
  teacherId: string;
  coTeachers: { id: string; name: string; email: string }[];
  joiningClosedAt: Date | null;
  coTeacherCode: string | null;
  students: RosterStudent[];
  removedStudents: { id: string; name: string; removedAt: Date }[];
  assignments: {
    id: string;
    kind: "study_set" | "quiz" | "written";
    title: string;
    opensAt: Date | null;
    dueAt: Date | null;
    studySetId: string;
    studySetTitle: string;
    resultRelease: "on_submission" | "after_due" | "by_teacher";
    resultsReleasedAt: Date | null;
    /** Students given a later due time, with it. */
    extensions: { studentId: string; dueAt: Date }[];
    /** Whether any student has started it (then it can no longer be deleted). */
    hasAttempts: boolean;
  }[];
}

export async function getClassDetail(classId: string): Promise<ClassDetail | null> {
  const db = await getDb();
  const row = await db.classroom.findUnique({
    where: { id: classId },
    select: {
      ...summarySelect,
      teacherId: true,
      joiningClosedAt: true,
      coTeacherCode: true,
      coTeachers: { select: { teacher: { select: { id: true, name: true, email: true } } }, orderBy: { addedAt: "asc" } },
      enrollments: {
        select: { joinedAt: true, removedAt: true, student: { select: { id: true, name: true, email: true } } },
        orderBy: { student: { name: "asc" } },
      },
      accommodations: { select: { studentId: true, extraTimeMultiplier: true, extraTimeMinutes: true } },
      assignments: {
        select: {
          id: true,
          kind: true,
          title: true,
          opensAt: true,
          dueAt: true,
          resultRelease: true,
          resultsReleasedAt: true,
          studySetId: true,
          studySet: { select: { title: true } },
          extensions: { select: { studentId: true, dueAt: true } },
          _count: { select: { attempts: true } },
        },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  if (!row) return null;
  const active = row.enrollments.filter((e) => e.removedAt === null);
  const lastActive = await lastActivityOf(active.map((e) => e.student.id));
  const accommodationOf = new Map(row.accommodations.map((a) => [a.studentId, a]));
  return {
    ...toSummary(row),
    teacherId: row.teacherId,
    coTeachers: row.coTeachers.map((c) => c.teacher),
    joiningClosedAt: row.joiningClosedAt,
    coTeacherCode: row.coTeacherCode,
    students: active.map((e) => ({
      ...e.student,
      joinedAt: e.joinedAt,
      lastActiveAt: lastActive.get(e.student.id) ?? null,
      extraTimeMultiplier: accommodationOf.get(e.student.id)?.extraTimeMultiplier ?? null,
      extraTimeMinutes: accommodationOf.get(e.student.id)?.extraTimeMinutes ?? null,
    })),
    removedStudents: row.enrollments.flatMap((e) => (e.removedAt ? [{ id: e.student.id, name: e.student.name, removedAt: e.removedAt }] : [])),
    assignments: row.assignments.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      opensAt: a.opensAt,
      dueAt: a.dueAt,
      studySetId: a.studySetId,
      studySetTitle: a.studySet.title,
      resultRelease: a.resultRelease,
      resultsReleasedAt: a.resultsReleasedAt,
      extensions: a.extensions,
      hasAttempts: a._count.attempts > 0,
    })),
  };
}

/** Each student's latest activity: a review, an attempt started or submitted (two grouped queries). */
async function lastActivityOf(studentIds: string[]): Promise<Map<string, Date>> {
  const latest = new Map<string, Date>();
  if (studentIds.length === 0) return latest;
  const db = await getDb();
  const [reviews, attempts] = await Promise.all([
    db.reviewLog.groupBy({ by: ["userId"], where: { userId: { in: studentIds } }, _max: { reviewedAt: true } }),
    db.attempt.groupBy({ by: ["userId"], where: { userId: { in: studentIds } }, _max: { startedAt: true, submittedAt: true } }),
  ]);
  const note = (id: string, at: Date | null | undefined) => {
    if (at && (latest.get(id)?.getTime() ?? 0) < at.getTime()) latest.set(id, at);
  };
  for (const r of reviews) note(r.userId, r._max.reviewedAt);
  for (const a of attempts) {
    note(a.userId, a._max.startedAt);
    note(a.userId, a._max.submittedAt);
  }
  return latest;
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

/**
 * Enrolls a student by join code; joining twice is harmless. A class closed to joining, or a student
 * the teacher removed, is refused (the teacher restores a removed student from the roster).
 */
export async function enrollByJoinCode(studentId: string, joinCode: string): Promise<{ classId: string; name: string }> {
  const db = await getDb();
  const classroom = await db.classroom.findUnique({
    where: { joinCode },
    select: { id: true, name: true, joiningClosedAt: true, enrollments: { where: { studentId }, select: { removedAt: true } } },
  });
  if (!classroom) throw new AppError("NOT_FOUND", "No class has that join code. Check it with your teacher.", { joinCode: ["No class has that join code."] });
  const existing = classroom.enrollments[0];
  if (existing?.removedAt) throw new AppError("FORBIDDEN", "Your teacher removed you from this class. Ask them to add you back.", { joinCode: ["Ask your teacher to add you back."] });
  if (!existing && classroom.joiningClosedAt) {
    throw new AppError("CONFLICT", "This class is closed to new students. Ask your teacher to open it.", { joinCode: ["This class is closed to new students."] });
  }
  await db.enrollment.upsert({
    where: { classId_studentId: { classId: classroom.id, studentId } },
    create: { classId: classroom.id, studentId },
    update: {},
  });
  return { classId: classroom.id, name: classroom.name };
}

/** A join code's class for the invite page: its name, and whether it takes new students. */
export async function getClassByJoinCode(joinCode: string): Promise<{ id: string; name: string; teacherName: string; isJoiningClosed: boolean } | null> {
  const db = await getDb();
  const row = await db.classroom.findUnique({ where: { joinCode }, select: { id: true, name: true, joiningClosedAt: true, teacher: { select: { name: true } } } });
  return row ? { id: row.id, name: row.name, teacherName: row.teacher.name, isJoiningClosed: row.joiningClosedAt !== null } : null;
}

/** Replaces the join code (the old code and invite link stop working); a clash is a CONFLICT. */
export async function updateJoinCode(classId: string, joinCode: string): Promise<void> {
  const db = await getDb();
  try {
    await db.classroom.update({ where: { id: classId }, data: { joinCode } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "That join code is taken.");
    throw e;
  }
}

/** Opens or closes a class to new students. */
export async function updateJoiningClosed(classId: string, closedAt: Date | null): Promise<void> {
  const db = await getDb();
  await db.classroom.update({ where: { id: classId }, data: { joiningClosedAt: closedAt } });
}

/** Marks a student removed (or restores them); their enrollment row and all their work stay. False when not enrolled. */
export async function updateEnrollmentRemoved(classId: string, studentId: string, removedAt: Date | null): Promise<boolean> {
  const db = await getDb();
  const { count } = await db.enrollment.updateMany({ where: { classId, studentId }, data: { removedAt } });
  return count > 0;
}

/** Sets the class's co-teacher code (null withdraws it); a clash is a CONFLICT. */
export async function updateCoTeacherCode(classId: string, code: string | null): Promise<void> {
  const db = await getDb();
  try {
    await db.classroom.update({ where: { id: classId }, data: { coTeacherCode: code } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "That code is taken.");
    throw e;
  }
}

/** The class a co-teacher code opens, with its owner. */
export async function getClassByCoTeacherCode(code: string): Promise<{ id: string; name: string; teacherId: string } | null> {
  const db = await getDb();
  return db.classroom.findUnique({ where: { coTeacherCode: code }, select: { id: true, name: true, teacherId: true } });
}

/** Adds a co-teacher (adding twice is harmless). */
export async function addCoTeacher(classId: string, teacherId: string): Promise<void> {
  const db = await getDb();
  await db.classTeacher.upsert({ where: { classId_teacherId: { classId, teacherId } }, create: { classId, teacherId }, update: {} });
}

export async function deleteCoTeacher(classId: string, teacherId: string): Promise<void> {
  const db = await getDb();
  await db.classTeacher.deleteMany({ where: { classId, teacherId } });
}

/** Saves a student's extra time in a class (both null clears it). */
export async function upsertAccommodation(input: {
  classId: string;
  studentId: string;
  extraTimeMultiplier: number | null;
  extraTimeMinutes: number | null;
  updatedById: string;
}): Promise<void> {
  const db = await getDb();
  const { classId, studentId, ...values } = input;
  if (values.extraTimeMultiplier === null && values.extraTimeMinutes === null) {
    await db.accommodation.deleteMany({ where: { classId, studentId } });
    return;
  }
  await db.accommodation.upsert({ where: { classId_studentId: { classId, studentId } }, create: { classId, studentId, ...values }, update: values });
}

/** True when the student is enrolled in the class and not removed. */
export async function isActivelyEnrolled(classId: string, studentId: string): Promise<boolean> {
  const db = await getDb();
  const row = await db.enrollment.findUnique({ where: { classId_studentId: { classId, studentId } }, select: { removedAt: true } });
  return !!row && row.removedAt === null;
}
