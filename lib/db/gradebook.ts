import type { GradebookAttempt, GradebookColumn, GradebookMark, GradebookStudent } from "../classes/gradebook";
import { getDb } from "./client";

export interface GradebookSource {
  assignment: {
    id: string;
    classId: string;
    className: string;
    title: string;
    kind: "study_set" | "quiz" | "written";
    studySetId: string;
    dueAt: Date | null;
  };
  columns: GradebookColumn[];
  students: GradebookStudent[];
  extensions: Map<string, Date>;
  attempts: GradebookAttempt[];
  marks: GradebookMark[];
}

/**
 * Everything one assignment's gradebook needs, in five indexed queries: the assignment, its columns
 * (rubric points of its written questions with their model-answer section as theme, or the set's
 * objective questions), the class's students, their attempts for it and every point mark of those.
 * Students removed from the class keep their row when they did work for the assignment.
 */
export async function getGradebookSource(assignmentId: string): Promise<GradebookSource | null> {
  const db = await getDb();
  const assignment = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      id: true,
      classId: true,
      title: true,
      kind: true,
      studySetId: true,
      dueAt: true,
      questionIds: true,
      classroom: { select: { name: true } },
      extensions: { select: { studentId: true, dueAt: true } },
    },
  });
  if (!assignment) return null;
  const questionWhere =
    assignment.kind === "written"
      ? { id: { in: assignment.questionIds } }
      : { studySetId: assignment.studySetId, status: "accepted" as const, kind: { not: "written" as const } };
  const [questions, enrollments, attempts] = await Promise.all([
    db.question.findMany({
      where: questionWhere,
      select: {
        id: true,
        prompt: true,
        marks: true,
        position: true,
        rubricPoints: {
          select: { id: true, key: true, point: true, marks: true, kind: true, position: true, modelAnswerPoint: { select: { section: { select: { heading: true } } } } },
          orderBy: { position: "asc" },
        },
      },
      orderBy: { position: "asc" },
    }),
    db.enrollment.findMany({ where: { classId: assignment.classId }, select: { removedAt: true, student: { select: { id: true, name: true, email: true } } } }),
    db.attempt.findMany({
      where: { assignmentId },
      select: {
        id: true,
        userId: true,
        questionId: true,
        status: true,
        startedAt: true,
        submittedAt: true,
        responses: { select: { id: true, isProvisional: true } },
      },
    }),
  ]);
  const order = assignment.kind === "written" ? new Map(assignment.questionIds.map((id, i) => [id, i])) : null;
  const ordered = order ? questions.slice().sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)) : questions;
  const columns: GradebookColumn[] =
    assignment.kind === "written"
      ? ordered.flatMap((q, qi) =>
          q.rubricPoints.map((rp, pi) => ({
            id: rp.id,
            questionId: q.id,
            label: `Q${qi + 1} · ${pi + 1}`,
            text: rp.point,
            max: rp.marks,
            theme: rp.modelAnswerPoint?.section.heading ?? null,
            dimension: rp.kind,
          })),
        )
      : ordered.map((q, qi) => ({ id: q.id, questionId: q.id, label: `Q${qi + 1}`, text: q.prompt, max: q.marks, theme: null, dimension: "question" as const }));
  const withWork = new Set(attempts.map((a) => a.userId));
  const students = enrollments
    .filter((e) => e.removedAt === null || withWork.has(e.student.id))
    .map((e) => e.student)
    .sort((a, b) => a.name.localeCompare(b.name));
  const attemptIds = attempts.map((a) => a.id);
  const marks: GradebookMark[] = [];
  if (attemptIds.length > 0) {
    // By response id (no join back to Response): one indexed scan over (responseId, rubricPointId, createdAt).
    const attemptOfResponse = new Map(attempts.flatMap((a) => a.responses.map((r) => [r.id, a.id] as const)));
    const scores = await db.pointScore.findMany({
      where: { responseId: { in: [...attemptOfResponse.keys()] } },
      select: { source: true, awarded: true, rubricPointId: true, responseId: true },
      orderBy: { createdAt: "asc" },
    });
    const byKey = new Map<string, GradebookMark>();
    for (const s of scores) {
      const attemptId = attemptOfResponse.get(s.responseId)!;
      const key = `${attemptId}:${s.rubricPointId}`;
      const current = byKey.get(key) ?? { attemptId, columnId: s.rubricPointId, autoAwarded: 0, moderatedAwarded: null };
      if (s.source === "auto") current.autoAwarded = s.awarded;
      else current.moderatedAwarded = s.awarded; // ascending order: the newest moderation wins
      byKey.set(key, current);
    }
    marks.push(...byKey.values());
    if (assignment.kind !== "written") {
      const responses = await db.response.findMany({
        where: { attemptId: { in: attemptIds } },
        select: { attemptId: true, questionId: true, score: true },
      });
      for (const r of responses) if (r.score !== null) marks.push({ attemptId: r.attemptId, columnId: r.questionId, autoAwarded: r.score, moderatedAwarded: null });
    }
  }
  return {
    assignment: {
      id: assignment.id,
      classId: assignment.classId,
      className: assignment.classroom.name,
      title: assignment.title,
      kind: assignment.kind,
      studySetId: assignment.studySetId,
      dueAt: assignment.dueAt,
    },
    columns,
    students,
    extensions: new Map(assignment.extensions.map((e) => [e.studentId, e.dueAt])),
    attempts: attempts.map((a) => ({
      attemptId: a.id,
      studentId: a.userId,
      questionId: a.questionId,
      status: a.status,
      startedAt: a.startedAt,
      submittedAt: a.submittedAt,
      isProvisional: a.responses.some((r) => r.isProvisional),
    })),
    marks,
  };
}

/** The class an assignment belongs to (for the permission check); null when there is no such assignment. */
export async function getAssignmentClassId(assignmentId: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.assignment.findUnique({ where: { id: assignmentId }, select: { classId: true } });
  return row?.classId ?? null;
}
