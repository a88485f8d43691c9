import { AppError } from "../errors";
import type { WorkFacts } from "../auth/permissions";
import type { GradingContext } from "../writing/grading-input";
import { scoreAnswer, parseGradeDetails, type StoredPointScore, type StoredRubricPoint } from "../writing/result";
import { writtenContentSchema } from "../writing/schemas";
import { getDb } from "./client";
import type { Prisma } from "./generated/client";
import { orGone } from "./errors";
import { ASSIGNMENT_DELETED_MESSAGE, SET_DELETED_MESSAGE, type SourceRef } from "./study-sets";

/**
 * Written-practice attempts: one Attempt (kind written_practice) per try at one question, one
 * Response holding the versioned draft and, once graded, its score; one automatic PointScore per
 * rubric point, plus a moderated row per teacher override (the automatic row is never changed).
 */

export interface WritingQuestion {
  id: string;
  studySetId: string;
  studySetTitle: string;
  kind: string;
  isAccepted: boolean;
  prompt: string;
  marks: number;
  timeLimitSec: number;
  wordLimit: number | null;
  rubricPointCount: number;
}

/** A question as a learner may see it before writing: prompt and limits, never its rubric or model answer. */
export async function getWritingQuestion(questionId: string): Promise<WritingQuestion | null> {
  const db = await getDb();
  const row = await db.question.findUnique({
    where: { id: questionId },
    select: {
      id: true,
      studySetId: true,
      kind: true,
      status: true,
      prompt: true,
      marks: true,
      timeLimitSec: true,
      wordLimit: true,
      studySet: { select: { title: true } },
      _count: { select: { rubricPoints: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    studySetId: row.studySetId,
    studySetTitle: row.studySet.title,
    kind: row.kind,
    isAccepted: row.status === "accepted",
    prompt: row.prompt,
    marks: row.marks,
    timeLimitSec: row.timeLimitSec,
    wordLimit: row.wordLimit,
    rubricPointCount: row._count.rubricPoints,
  };
}

export interface DraftRecord {
  attemptId: string;
  userId: string;
  questionId: string;
  studySetId: string;
  /** The assignment it was written for; null for the learner's own practice. */
  assignmentId: string | null;
  status: "in_progress" | "submitted" | "graded" | "expired";
  startedAt: Date;
  deadlineAt: Date | null;
  text: string;
  version: number;
  savedAt: Date;
}

const draftSelect = {
  id: true,
  userId: true,
  questionId: true,
  studySetId: true,
  assignmentId: true,
  status: true,
  startedAt: true,
  deadlineAt: true,
  responses: { select: { content: true, version: true, savedAt: true }, take: 1 },
} as const;

type DraftRow = {
  id: string;
  userId: string;
  questionId: string | null;
  studySetId: string;
  assignmentId: string | null;
  status: DraftRecord["status"];
  startedAt: Date;
  deadlineAt: Date | null;
  responses: { content: Prisma.JsonValue; version: number; savedAt: Date }[];
};

function textOf(content: unknown): string {
  const parsed = writtenContentSchema.safeParse(content);
  return parsed.success ? parsed.data.text : "";
}

function toDraft(row: DraftRow): DraftRecord {
  const response = row.responses[0];
  return {
    attemptId: row.id,
    userId: row.userId,
    questionId: row.questionId ?? "",
    studySetId: row.studySetId,
    assignmentId: row.assignmentId,
    status: row.status,
    startedAt: row.startedAt,
    deadlineAt: row.deadlineAt,
    text: textOf(response?.content),
    version: response?.version ?? 1,
    savedAt: response?.savedAt ?? row.startedAt,
  };
}

/** The learner's unfinished written attempt at a question (the newest), for one assignment or (null) their own practice, if any. */
export async function findOpenWrittenAttempt(userId: string, questionId: string, assignmentId: string | null): Promise<DraftRecord | null> {
  const db = await getDb();
  const row = await db.attempt.findFirst({
    where: { userId, questionId, assignmentId, kind: "written_practice", status: "in_progress" },
    orderBy: { startedAt: "desc" },
    select: draftSelect,
  });
  return row ? toDraft(row) : null;
}

/** One attempt's draft; null when missing or not a written-practice attempt. */
export async function getWrittenDraft(attemptId: string): Promise<DraftRecord | null> {
  const db = await getDb();
  const row = await db.attempt.findFirst({ where: { id: attemptId, kind: "written_practice" }, select: draftSelect });
  return row ? toDraft(row) : null;
}

/** Starts an attempt with an empty draft (version 1), both rows in one transaction. */
export async function createWrittenAttempt(input: {
  userId: string;
  studySetId: string;
  questionId: string;
  startedAt: Date;
  deadlineAt: Date | null;
  /** The assignment the answer is written for (null: self-directed practice). */
  assignmentId?: string | null;
}): Promise<DraftRecord> {
  const db = await getDb();
  // Its set, question or assignment deleted meanwhile: NOT_FOUND, not a foreign-key error.
  const row = await orGone(() => db.attempt.create({
    data: {
      userId: input.userId,
      kind: "written_practice",
      assignmentId: input.assignmentId ?? null,
      studySetId: input.studySetId,
      questionId: input.questionId,
      status: "in_progress",
      startedAt: input.startedAt,
      deadlineAt: input.deadlineAt,
      responses: { create: { questionId: input.questionId, content: { text: "" }, version: 1, savedAt: input.startedAt } },
    },
    select: draftSelect,
  }), input.assignmentId ? ASSIGNMENT_DELETED_MESSAGE : SET_DELETED_MESSAGE);
  return toDraft(row);
}

export type DraftSave = { isSaved: true; version: number; savedAt: Date } | { isSaved: false; current: DraftRecord | null };

/**
 * Saves draft text over `expectedVersion` of the owner's unfinished attempt, bumping the version.
 * A stale version, a finished attempt or someone else's attempt changes nothing and returns what
 * is stored (null when the attempt is not the user's or does not exist).
 */
export async function saveDraftText(attemptId: string, userId: string, text: string, expectedVersion: number, now: Date): Promise<DraftSave> {
  const db = await getDb();
  const { count } = await db.response.updateMany({
    where: { attemptId, version: expectedVersion, attempt: { userId, status: "in_progress", kind: "written_practice" } },
    data: { content: { text }, version: { increment: 1 }, savedAt: now },
  });
  if (count === 1) return { isSaved: true, version: expectedVersion + 1, savedAt: now };
  const current = await getWrittenDraft(attemptId);
  return { isSaved: false, current: current && current.userId === userId ? current : null };
}

/** The rubric, model answer and the set's material text a question is graded with. Server-side only, after submission. */
export async function getGradingContext(questionId: string): Promise<GradingContext | null> {
  const db = await getDb();
  const row = await db.question.findUnique({
    where: { id: questionId },
    select: {
      id: true,
      prompt: true,
      marks: true,
      wordLimit: true,
      timeLimitSec: true,
      rubricPoints: { orderBy: { position: "asc" }, select: { id: true, key: true, point: true, marks: true, kind: true } },
      modelAnswer: {
        select: {
          directive: true,
          coreDemands: true,
          introduction: true,
          conclusion: true,
          sections: { orderBy: { position: "asc" }, select: { heading: true, points: { orderBy: { position: "asc" }, select: { text: true, example: true } } } },
        },
      },
      studySet: { select: { materials: { orderBy: { position: "asc" }, select: { material: { select: { id: true, text: true, checksum: true, sentenceStarts: true } } } } } },
    },
  });
  if (!row) return null;
  return {
    question: { id: row.id, prompt: row.prompt, marks: row.marks, wordLimit: row.wordLimit, timeLimitSec: row.timeLimitSec },
    rubric: row.rubricPoints,
    modelAnswer: row.modelAnswer,
    materials: row.studySet.materials.map((m) => m.material),
  };
}

export interface GradeToSave {
  attemptId: string;
  userId: string;
  /** The draft version the graded text was saved as; the grade is refused if the draft moved on. */
  version: number;
  submittedAt: Date;
  score: number;
  maxScore: number;
  flags: string[];
  gradeDetails: Prisma.InputJsonValue;
  /** The grader's flag for the teacher's "to check" list, and its confidence in the total (0–1). */
  isProvisional?: boolean;
  gradeConfidence?: number | null;
  points: { rubricPointId: string; awarded: number; max: number; evidence: Prisma.InputJsonValue; feedback: string }[];
}

/**
 * Stores a grade in one transaction: the response's score, flags and details, one automatic
 * PointScore per rubric point, and the attempt as graded. CONFLICT when the attempt was already
 * submitted or its draft changed since grading began (nothing is written then).
 */
export async function saveWrittenGrade(g: GradeToSave): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const attempt = await tx.attempt.updateMany({
      where: { id: g.attemptId, userId: g.userId, kind: "written_practice", status: "in_progress" },
      data: { status: "graded", submittedAt: g.submittedAt, score: g.score, maxScore: g.maxScore },
    });
    if (attempt.count !== 1) throw new AppError("CONFLICT", "This answer has already been submitted.");
    const response = await tx.response.findFirst({ where: { attemptId: g.attemptId, version: g.version }, select: { id: true } });
    if (!response) throw new AppError("CONFLICT", "The answer changed while it was being marked. Submit again.");
    await tx.response.update({
      where: { id: response.id },
      data: {
        score: g.score,
        maxScore: g.maxScore,
        flags: g.flags,
        gradeDetails: g.gradeDetails,
        gradedAt: g.submittedAt,
        isProvisional: g.isProvisional ?? false,
        gradeConfidence: g.gradeConfidence ?? null,
      },
    });
    await tx.pointScore.createMany({
      data: g.points.map((p) => ({
        responseId: response.id,
        rubricPointId: p.rubricPointId,
        source: "auto" as const,
        awarded: p.awarded,
        max: p.max,
        evidence: p.evidence,
        feedback: p.feedback,
        createdAt: g.submittedAt,
      })),
    });
  });
}

export interface AttemptFacts {
  attemptId: string;
  ownerId: string;
  status: DraftRecord["status"];
  questionId: string;
  studySetId: string;
  /** The assignment it was written for; null for the learner's own practice. */
  assignmentId: string | null;
  /** What the access rules need to decide who else may see or moderate it (lib/auth/permissions). */
  work: WorkFacts;
}

export interface OwnerClass {
  classId: string;
  teacherId: string;
  coTeacherIds: string[];
  isRemoved: boolean;
  assignedSetIds: ReadonlySet<string>;
}

/** The classes a student is enrolled in, each with the sets assigned to it. */
export async function listOwnerClasses(userId: string): Promise<OwnerClass[]> {
  const db = await getDb();
  const rows = await db.enrollment.findMany({
    where: { studentId: userId },
    select: {
      removedAt: true,
      classroom: { select: { id: true, teacherId: true, coTeachers: { select: { teacherId: true } }, assignments: { select: { studySetId: true } } } },
    },
  });
  return rows.map(({ classroom, removedAt }) => ({
    classId: classroom.id,
    teacherId: classroom.teacherId,
    coTeacherIds: classroom.coTeachers.map((c) => c.teacherId),
    isRemoved: removedAt !== null,
    assignedSetIds: new Set(classroom.assignments.map((a) => a.studySetId)),
  }));
}

export function workFactsOf(
  attempt: { userId: string; studySetId: string; studySet: { ownerId: string }; assignment: { classId: string } | null },
  ownerClasses: readonly OwnerClass[],
): WorkFacts {
  return {
    ownerId: attempt.userId,
    setOwnerId: attempt.studySet.ownerId,
    assignmentClassId: attempt.assignment?.classId ?? null,
    ownerClasses: ownerClasses.map((c) => ({
      classId: c.classId,
      teacherId: c.teacherId,
      coTeacherIds: c.coTeacherIds,
      isRemoved: c.isRemoved,
      isSetAssigned: c.assignedSetIds.has(attempt.studySetId),
    })),
  };
}

export const workSelect = { userId: true, studySetId: true, studySet: { select: { ownerId: true } }, assignment: { select: { classId: true } } } as const;

/** What the permission rules need about a written attempt; null if no such written attempt. */
export async function getAttemptFacts(attemptId: string): Promise<AttemptFacts | null> {
  const db = await getDb();
  const row = await db.attempt.findFirst({
    where: { id: attemptId, kind: "written_practice" },
    select: { id: true, status: true, questionId: true, assignmentId: true, ...workSelect },
  });
  if (!row || !row.questionId) return null;
  const ownerClasses = await listOwnerClasses(row.userId);
  return {
    attemptId: row.id,
    ownerId: row.userId,
    status: row.status,
    questionId: row.questionId,
    studySetId: row.studySetId,
    assignmentId: row.assignmentId,
    work: workFactsOf(row, ownerClasses),
  };
}

export interface GradedAttempt {
  id: string;
  student: { id: string; name: string };
  status: DraftRecord["status"];
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  studySet: { id: string; title: string };
  question: { id: string; prompt: string; marks: number; wordLimit: number | null; timeLimitSec: number };
  response: { id: string; text: string; flags: string[]; gradedAt: Date | null; gradeDetails: unknown; marksAcceptedAt: Date | null } | null;
  rubric: (StoredRubricPoint & { modelAnswerPoint: { text: string; example: string | null; sources: SourceRef[] } | null })[];
  scores: StoredPointScore[];
  moderators: Record<string, string>;
  materials: Record<string, { title: string; outlet: string | null; publishedAt: string | null }>;
}

const sourceSelect = { quote: true, material: { select: { id: true, title: true, outlet: true, publishedAt: true } } } as const;

/** A submitted attempt with everything its result screen shows (rubric, scores, model-answer sources). */
export async function getGradedAttempt(attemptId: string): Promise<GradedAttempt | null> {
  const db = await getDb();
  const row = await db.attempt.findFirst({
    where: { id: attemptId, kind: "written_practice", status: { in: ["submitted", "graded"] } },
    select: {
      id: true,
      status: true,
      startedAt: true,
      deadlineAt: true,
      submittedAt: true,
      user: { select: { id: true, name: true } },
      studySet: {
        select: {
          id: true,
          title: true,
          materials: { select: { material: { select: { id: true, title: true, outlet: true, publishedAt: true } } } },
        },
      },
      question: {
        select: {
          id: true,
          prompt: true,
          marks: true,
          wordLimit: true,
          timeLimitSec: true,
          rubricPoints: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              key: true,
              point: true,
              marks: true,
              kind: true,
              position: true,
              modelAnswerPoint: { select: { text: true, example: true, evidence: { select: sourceSelect } } },
            },
          },
        },
      },
      responses: {
        take: 1,
        select: {
          id: true,
          content: true,
          flags: true,
          gradedAt: true,
          gradeDetails: true,
          marksAcceptedAt: true,
          scores: {
            orderBy: { createdAt: "asc" },
            select: {
              rubricPointId: true,
              source: true,
              awarded: true,
              max: true,
              evidence: true,
              feedback: true,
              reason: true,
              moderatedById: true,
              createdAt: true,
              moderatedBy: { select: { id: true, name: true } },
            },
          },
        },
      },
    },
  });
  if (!row || !row.question) return null;
  const response = row.responses[0];
  const moderators: Record<string, string> = {};
  for (const s of response?.scores ?? []) if (s.moderatedBy) moderators[s.moderatedBy.id] = s.moderatedBy.name;
  return {
    id: row.id,
    student: row.user,
    status: row.status,
    startedAt: row.startedAt,
    deadlineAt: row.deadlineAt,
    submittedAt: row.submittedAt,
    studySet: { id: row.studySet.id, title: row.studySet.title },
    question: {
      id: row.question.id,
      prompt: row.question.prompt,
      marks: row.question.marks,
      wordLimit: row.question.wordLimit,
      timeLimitSec: row.question.timeLimitSec,
    },
    response: response
      ? { id: response.id, text: textOf(response.content), flags: response.flags, gradedAt: response.gradedAt, gradeDetails: response.gradeDetails, marksAcceptedAt: response.marksAcceptedAt }
      : null,
    rubric: row.question.rubricPoints.map((rp) => ({
      id: rp.id,
      key: rp.key,
      point: rp.point,
      marks: rp.marks,
      kind: rp.kind,
      position: rp.position,
      modelAnswerPoint: rp.modelAnswerPoint
        ? {
            text: rp.modelAnswerPoint.text,
            example: rp.modelAnswerPoint.example,
            sources: rp.modelAnswerPoint.evidence.map((e) => ({
              materialId: e.material.id,
              title: e.material.title,
              outlet: e.material.outlet,
              publishedAt: e.material.publishedAt,
              quote: e.quote,
            })),
          }
        : null,
    })),
    scores: (response?.scores ?? []).map(({ moderatedBy: _m, ...s }) => s),
    moderators,
    materials: Object.fromEntries(
      row.studySet.materials.map(({ material: m }) => [m.id, { title: m.title, outlet: m.outlet, publishedAt: m.publishedAt }]),
    ),
  };
}

/**
 * Adds a teacher's override of one point (the automatic row stays) and stores the recomputed
 * totals on the response and the attempt — all in one transaction, totals computed from the rows
 * as they are inside it, so two moderations at once cannot leave a stale total.
 */
export async function saveModeration(input: ModerationToSave): Promise<{ score: number; maxScore: number }> {
  const db = await getDb();
  return db.$transaction((tx) => addModeration(tx, input));
}

export interface ModerationToSave {
  attemptId: string;
  rubricPointId: string;
  awarded: number;
  reason: string;
  moderatedById: string;
  at: Date;
}

/** `saveModeration` inside the caller's transaction (a regrade answer records the moderation and the answer together). */
export async function addModeration(tx: Prisma.TransactionClient, input: ModerationToSave): Promise<{ score: number; maxScore: number }> {
  const response = await tx.response.findFirst({
    where: { attemptId: input.attemptId, attempt: { status: { in: ["submitted", "graded"] } } },
    select: {
      id: true,
      gradeDetails: true,
      question: { select: { rubricPoints: { select: { id: true, key: true, point: true, marks: true, kind: true, position: true } } } },
    },
  });
  if (!response) throw new AppError("NOT_FOUND", "That answer has not been marked yet.");
  const auto = await tx.pointScore.findFirst({
    where: { responseId: response.id, rubricPointId: input.rubricPointId, source: "auto" },
    select: { max: true, evidence: true, feedback: true },
  });
  if (!auto) throw new AppError("NOT_FOUND", "That rubric point was not marked in this answer.");
  await tx.pointScore.create({
    data: {
      responseId: response.id,
      rubricPointId: input.rubricPointId,
      source: "moderated",
      awarded: input.awarded,
      max: auto.max,
      evidence: auto.evidence ?? [],
      feedback: auto.feedback,
      reason: input.reason,
      moderatedById: input.moderatedById,
      createdAt: input.at,
    },
  });
  const rows = await tx.pointScore.findMany({
    where: { responseId: response.id },
    orderBy: { createdAt: "asc" },
    select: { rubricPointId: true, source: true, awarded: true, max: true, evidence: true, feedback: true, reason: true, moderatedById: true, createdAt: true },
  });
  const scored = scoreAnswer(response.question.rubricPoints, rows, parseGradeDetails(response.gradeDetails));
  await tx.response.update({ where: { id: response.id }, data: { score: scored.score, maxScore: scored.maxScore } });
  await tx.attempt.update({ where: { id: input.attemptId }, data: { score: scored.score, maxScore: scored.maxScore } });
  return { score: scored.score, maxScore: scored.maxScore };
}

export interface AttemptSummary {
  id: string;
  status: DraftRecord["status"];
  questionId: string;
  questionPrompt: string;
  studySetId: string;
  studySetTitle: string;
  startedAt: Date;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number | null;
  isModerated: boolean;
}

/** A learner's written attempts, newest first; only those at `questionId` when given. */
export async function listWrittenAttempts(userId: string, questionId?: string): Promise<AttemptSummary[]> {
  return (await listWrittenAttemptRows(userId, questionId)).map(({ summary }) => summary);
}

/** A student's written attempts with the facts that decide who else may see each (for a teacher's view). */
export async function listWrittenAttemptsWithWork(userId: string): Promise<{ summary: AttemptSummary; work: WorkFacts }[]> {
  const [rows, ownerClasses] = await Promise.all([listWrittenAttemptRows(userId), listOwnerClasses(userId)]);
  return rows.map(({ summary, row }) => ({ summary, work: workFactsOf(row, ownerClasses) }));
}

async function listWrittenAttemptRows(userId: string, questionId?: string) {
  const db = await getDb();
  const rows = await db.attempt.findMany({
    where: { userId, kind: "written_practice", ...(questionId ? { questionId } : {}) },
    orderBy: { startedAt: "desc" },
    take: 100,
    select: {
      ...workSelect,
      id: true,
      status: true,
      questionId: true,
      startedAt: true,
      submittedAt: true,
      score: true,
      maxScore: true,
      studySet: { select: { id: true, title: true, ownerId: true } },
      question: { select: { prompt: true } },
      responses: { take: 1, select: { _count: { select: { scores: { where: { source: "moderated" } } } } } },
    },
  });
  return rows.map((r) => ({
    row: r,
    summary: {
      id: r.id,
      status: r.status,
      questionId: r.questionId ?? "",
      questionPrompt: r.question?.prompt ?? "",
      studySetId: r.studySet.id,
      studySetTitle: r.studySet.title,
      startedAt: r.startedAt,
      submittedAt: r.submittedAt,
      score: r.score,
      maxScore: r.maxScore,
      isModerated: (r.responses[0]?._count.scores ?? 0) > 0,
    } satisfies AttemptSummary,
  }));
}

/** A student enrolled in a class, or null when they are not in it. */
export async function getEnrolledStudent(classId: string, studentId: string): Promise<{ id: string; name: string; email: string; className: string } | null> {
  const db = await getDb();
  const row = await db.enrollment.findUnique({
    where: { classId_studentId: { classId, studentId } },
    select: { student: { select: { id: true, name: true, email: true } }, classroom: { select: { name: true } } },
  });
  return row ? { ...row.student, className: row.classroom.name } : null;
}
