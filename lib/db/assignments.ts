import { AppError } from "../errors";
import type { AssignmentRules } from "../classes/assignments";
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
export async function createAssignment(input: { classId: string; studySetId: string; createdById: string; title: string } & Partial<AssignmentRules>): Promise<{ id: string }> {
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

/** Ids of a set's accepted written questions, in order. */
export async function listWrittenQuestionIds(studySetId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.question.findMany({ where: { studySetId, kind: "written", status: "accepted" }, select: { id: true }, orderBy: { position: "asc" } });
  return rows.map((r) => r.id);
}

/** A student's written assignment covering one question, with what the server needs to time it. */
export interface WrittenAssignmentForStudent {
  id: string;
  classId: string;
  opensAt: Date | null;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  timeLimitSec: number | null;
  attemptsAllowed: number;
  latePolicy: "accept_late" | "refuse";
  extraTimeMultiplier: number | null;
  extraTimeMinutes: number | null;
  /** Attempts the student already made at this question for this assignment. */
  attemptsUsed: number;
}

/**
 * The written assignment (in a class the student is actively in) that asks for `questionId`,
 * soonest due first; null when the question is only practice for them.
 */
export async function findWrittenAssignmentFor(studentId: string, questionId: string): Promise<WrittenAssignmentForStudent | null> {
  const db = await getDb();
  const row = await db.assignment.findFirst({
    where: { kind: "written", questionIds: { has: questionId }, classroom: { enrollments: { some: { studentId, removedAt: null } } } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      id: true,
      classId: true,
      opensAt: true,
      dueAt: true,
      timeLimitSec: true,
      attemptsAllowed: true,
      latePolicy: true,
      extensions: { where: { studentId }, select: { dueAt: true } },
      classroom: { select: { accommodations: { where: { studentId }, select: { extraTimeMultiplier: true, extraTimeMinutes: true } } } },
      _count: { select: { attempts: { where: { userId: studentId, questionId } } } },
    },
  });
  if (!row) return null;
  const accommodation = row.classroom.accommodations[0];
  return {
    id: row.id,
    classId: row.classId,
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    extendedDueAt: row.extensions[0]?.dueAt ?? null,
    timeLimitSec: row.timeLimitSec,
    attemptsAllowed: row.attemptsAllowed,
    latePolicy: row.latePolicy,
    extraTimeMultiplier: accommodation?.extraTimeMultiplier ?? null,
    extraTimeMinutes: accommodation?.extraTimeMinutes ?? null,
    attemptsUsed: row._count.attempts,
  };
}

/** The rules that bind an attempt made for an assignment (null for practice outside one). */
export async function getAssignmentRulesOfAttempt(attemptId: string): Promise<{ dueAt: Date | null; extendedDueAt: Date | null; latePolicy: "accept_late" | "refuse" } | null> {
  const db = await getDb();
  const row = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { userId: true, assignment: { select: { dueAt: true, latePolicy: true, extensions: { select: { studentId: true, dueAt: true } } } } },
  });
  if (!row?.assignment) return null;
  const own = row.assignment.extensions.find((e) => e.studentId === row.userId);
  return { dueAt: row.assignment.dueAt, extendedDueAt: own?.dueAt ?? null, latePolicy: row.assignment.latePolicy };
}

/** Gives one student a later due time on one assignment (replacing an earlier extension). */
export async function upsertDueExtension(input: { assignmentId: string; studentId: string; dueAt: Date; createdById: string }): Promise<void> {
  const db = await getDb();
  const { assignmentId, studentId, ...values } = input;
  await db.dueExtension.upsert({ where: { assignmentId_studentId: { assignmentId, studentId } }, create: input, update: values });
}
