import type { GradebookStudent } from "../classes/gradebook";
import type { OverviewAssignment, OverviewAttempt } from "../classes/class-overview";
import { quizMaxScore } from "../quiz/marking";
import { getDb } from "./client";

export interface ClassOverviewSource {
  className: string;
  assignments: OverviewAssignment[];
  students: GradebookStudent[];
  attempts: OverviewAttempt[];
  /** Extended due times, keyed `assignmentId \t studentId`. */
  extensions: Map<string, Date>;
}

/**
 * Everything a class's overview needs in four queries: its scored assignments (quizzes and written
 * questions) with their due times, extensions and what each is out of, the written questions' rubric marks, its students
 * (a removed student keeps their row when they did work for the class), and every attempt made for
 * those assignments with its moderated total and whether it still awaits a teacher's check.
 */
export async function getClassOverviewSource(classId: string): Promise<ClassOverviewSource | null> {
  const db = await getDb();
  const classroom = await db.classroom.findUnique({
    where: { id: classId },
    select: {
      name: true,
      assignments: {
        where: { kind: { in: ["quiz", "written"] } },
        select: {
          id: true,
          title: true,
          kind: true,
          dueAt: true,
          createdAt: true,
          questionIds: true,
          quiz: { select: { questionIds: true, markCorrect: true } },
          extensions: { select: { studentId: true, dueAt: true } },
        },
      },
    },
  });
  if (!classroom) return null;
  const assignmentIds = classroom.assignments.map((a) => a.id);
  const questionIds = [...new Set(classroom.assignments.flatMap((a) => a.questionIds))];
  const [questions, enrollments, attempts] = await Promise.all([
    questionIds.length > 0 ? db.question.findMany({ where: { id: { in: questionIds } }, select: { id: true, rubricPoints: { select: { marks: true } } } }) : Promise.resolve([]),
    db.enrollment.findMany({ where: { classId }, select: { removedAt: true, student: { select: { id: true, name: true, email: true } } } }),
    assignmentIds.length > 0
      ? db.attempt.findMany({
          where: { assignmentId: { in: assignmentIds } },
          select: {
            assignmentId: true,
            userId: true,
            questionId: true,
            status: true,
            startedAt: true,
            submittedAt: true,
            score: true,
            maxScore: true,
            responses: { where: { isProvisional: true, marksAcceptedAt: null, scores: { none: { source: "moderated" } } }, select: { id: true }, take: 1 },
          },
        })
      : Promise.resolve([]),
  ]);
  const marksOf = new Map(questions.map((q) => [q.id, q.rubricPoints.reduce((s, p) => s + p.marks, 0)]));
  const withWork = new Set(attempts.map((a) => a.userId));
  return {
    className: classroom.name,
    assignments: classroom.assignments.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind as "quiz" | "written",
      dueAt: a.dueAt,
      createdAt: a.createdAt,
      // A written assignment is out of its questions' rubric marks; a quiz, out of its marking scheme's right-answer marks per question.
      maxScore: a.kind === "written" ? a.questionIds.reduce((s, id) => s + (marksOf.get(id) ?? 0), 0) : a.quiz ? quizMaxScore(a.quiz.markCorrect, a.quiz.questionIds.length) : null,
    })),
    students: enrollments
      .filter((e) => e.removedAt === null || withWork.has(e.student.id))
      .map((e) => e.student)
      .sort((a, b) => a.name.localeCompare(b.name)),
    attempts: attempts.flatMap((a) =>
      a.assignmentId
        ? [
            {
              assignmentId: a.assignmentId,
              studentId: a.userId,
              questionId: a.questionId,
              status: a.status,
              startedAt: a.startedAt,
              submittedAt: a.submittedAt,
              score: a.score,
              maxScore: a.maxScore,
              isProvisional: a.responses.length > 0,
            },
          ]
        : [],
    ),
    extensions: new Map(classroom.assignments.flatMap((a) => a.extensions.map((e) => [`${a.id}\t${e.studentId}`, e.dueAt] as const))),
  };
}
