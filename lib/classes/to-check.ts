import { z } from "zod";
import { recordIdSchema } from "../text/untrusted";

/**
 * The teacher's "to check" queue of one class: graded written answers for the class's assignments
 * that no teacher has looked at yet (no point moderated, automatic marks not accepted). Pure: the
 * database layer hands in plain rows.
 */

/** One student's written answer to a class assignment's question, as a teacher's queue lists it. */
export interface AssignedAnswer {
  attemptId: string;
  studentId: string;
  studentName: string;
  assignmentId: string;
  assignmentTitle: string;
  questionPrompt: string;
}

export interface ToCheckItem extends AssignedAnswer {
  score: number | null;
  maxScore: number | null;
  /** The grader said "provisional — a teacher should check". */
  isProvisional: boolean;
  /** The grader's confidence in the total, 0–1; null for grades made before it was recorded. */
  gradeConfidence: number | null;
  gradedAt: Date;
}

/**
 * Provisional answers first, then the least confident (an unknown confidence counts as the least),
 * then the oldest grade; ties by student name, so the order is stable.
 */
export function orderToCheck(items: readonly ToCheckItem[]): ToCheckItem[] {
  const confidence = (i: ToCheckItem) => i.gradeConfidence ?? -1;
  return items
    .slice()
    .sort(
      (a, b) =>
        Number(b.isProvisional) - Number(a.isProvisional) ||
        confidence(a) - confidence(b) ||
        a.gradedAt.getTime() - b.gradedAt.getTime() ||
        a.studentName.localeCompare(b.studentName),
    );
}

/** "Accept the automatic marks" of one written attempt. */
export const acceptMarksSchema = z.object({ attemptId: recordIdSchema });
