import type { ToCheckItem } from "../classes/to-check";
import { getDb } from "./client";

/** Graded written answers for `classId`'s assignments that no teacher has moderated or accepted yet (unordered). */
export async function listUncheckedAnswers(classId: string): Promise<ToCheckItem[]> {
  const db = await getDb();
  const rows = await db.response.findMany({
    where: {
      gradedAt: { not: null },
      marksAcceptedAt: null,
      scores: { none: { source: "moderated" } },
      attempt: { kind: "written_practice", status: { in: ["submitted", "graded"] }, assignment: { classId } },
    },
    select: {
      attemptId: true,
      score: true,
      maxScore: true,
      isProvisional: true,
      gradeConfidence: true,
      gradedAt: true,
      question: { select: { prompt: true } },
      attempt: { select: { user: { select: { id: true, name: true } }, assignment: { select: { id: true, title: true } } } },
    },
  });
  return rows.flatMap((r) =>
    r.attempt.assignment && r.gradedAt
      ? [
          {
            attemptId: r.attemptId,
            studentId: r.attempt.user.id,
            studentName: r.attempt.user.name,
            assignmentId: r.attempt.assignment.id,
            assignmentTitle: r.attempt.assignment.title,
            questionPrompt: r.question.prompt,
            score: r.score,
            maxScore: r.maxScore,
            isProvisional: r.isProvisional,
            gradeConfidence: r.gradeConfidence,
            gradedAt: r.gradedAt,
          },
        ]
      : [],
  );
}

/**
 * Records that `teacherId` checked the automatic marks of a written attempt and accepts them: the
 * marks stay as they are, the answer leaves the "to check" queue and is no longer provisional.
 * Returns false when the attempt has no graded answer. Accepting twice keeps the first acceptance.
 */
export async function acceptAutomaticMarks(input: { attemptId: string; teacherId: string; at: Date }): Promise<boolean> {
  const db = await getDb();
  const graded = await db.response.findFirst({ where: { attemptId: input.attemptId, gradedAt: { not: null } }, select: { id: true } });
  if (!graded) return false;
  await db.response.updateMany({ where: { id: graded.id, marksAcceptedAt: null }, data: { marksAcceptedAt: input.at, marksAcceptedById: input.teacherId } });
  return true;
}
