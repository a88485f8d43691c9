import "server-only";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { effectiveDueAt } from "../classes/assignments";
import { csvFileName, toSpreadsheetCsv } from "../classes/csv";
import { buildGradebook, classHeatmap, gradingAgreement, workStatusLabel, type Agreement, type Gradebook, type Heatmap } from "../classes/gradebook";
import { getClassFacts } from "../db/classes";
import { getAssignmentClassId, getGradebookSource, listPointMarks, listQuestionAnswers, type GradebookSource } from "../db/gradebook";
import { creditOf, evidenceShown, orderDrillDown, type DrillDownEntry } from "../classes/drill-down";
import type { GradebookColumn } from "../classes/gradebook";
import { parseAnswerEvidence } from "../writing/result";
import { acceptMarksSchema, orderToCheck, type ToCheckItem } from "../classes/to-check";
import { getAttemptFacts } from "../db/attempts";
import { acceptAutomaticMarks, listUncheckedAnswers } from "../db/to-check";
import { assertCan } from "./authorize";

export interface AssignmentGradebook {
  assignment: GradebookSource["assignment"];
  gradebook: Gradebook;
  heatmap: Heatmap;
  agreement: Agreement;
}

/** Loads an assignment's gradebook for a teacher (or co-teacher) of its class; NOT_FOUND / FORBIDDEN otherwise. */
export async function getAssignmentGradebookFor(actor: Actor, assignmentId: string, now: Date): Promise<AssignmentGradebook> {
  // The access facts and the gradebook's rows load side by side (two round trips deep instead of
  // four); nothing loaded leaves this function unless the check passes.
  const [access, source] = await Promise.all([
    getAssignmentClassId(assignmentId).then(async (classId) => (classId ? { classId, classroom: await getClassFacts(classId, actor.id) } : null)),
    getGradebookSource(assignmentId),
  ]);
  if (!access?.classroom || !source || source.assignment.classId !== access.classId) throw new AppError("NOT_FOUND", "That assignment does not exist.");
  assertCan(actor, { action: "class.manage", classroom: access.classroom });
  const gradebook = buildGradebook({
    columns: source.columns,
    students: source.students,
    attempts: source.attempts,
    marks: source.marks,
    dueAtOf: (studentId) => effectiveDueAt(source.assignment.dueAt, source.extensions.get(studentId)),
    now,
  });
  return { assignment: source.assignment, gradebook, heatmap: classHeatmap(gradebook), agreement: gradingAgreement(source.columns, source.marks) };
}

/** The gradebook as spreadsheet CSV: one row per student — name, email, status, score, time, then each column's mark. */
export async function exportAssignmentCsvFor(actor: Actor, assignmentId: string, now: Date): Promise<{ filename: string; csv: string }> {
  const { assignment, gradebook } = await getAssignmentGradebookFor(actor, assignmentId, now);
  const headers = ["Student", "Email", "Status", "Score", "Out of", "Minutes used", "Submitted (UTC)", ...gradebook.columns.map((c) => `${c.label} (${c.max})`)];
  const rows = gradebook.rows.map((r) => [
    r.student.name,
    r.student.email,
    workStatusLabel[r.status],
    r.score,
    r.maxScore,
    r.timeUsedSec === null ? null : Math.round(r.timeUsedSec / 6) / 10,
    r.submittedAt?.toISOString() ?? null,
    ...r.cells.map((c) => c.awarded),
  ]);
  return { filename: csvFileName("gradebook", assignment.title), csv: toSpreadsheetCsv(headers, rows) };
}

/** A class's "to check" queue for its teachers: provisional answers first, then the least confident. */
export async function listToCheckFor(actor: Actor, classId: string): Promise<ToCheckItem[]> {
  const classroom = await getClassFacts(classId, actor.id);
  if (!classroom) throw new AppError("NOT_FOUND", "That class does not exist.");
  assertCan(actor, { action: "class.manage", classroom });
  return orderToCheck(await listUncheckedAnswers(classId));
}

/**
 * A teacher accepts a written answer's automatic marks as they are: recorded with who and when,
 * the answer leaves the "to check" queue and stops being provisional. Same permission as moderating.
 */
export async function acceptAutomaticMarksFor(actor: Actor, raw: unknown, now: Date): Promise<{ attemptId: string }> {
  const parsed = acceptMarksSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "That answer could not be identified.");
  const facts = await getAttemptFacts(parsed.data.attemptId);
  if (!facts) throw new AppError("NOT_FOUND", "That answer does not exist.");
  assertCan(actor, { action: "work.view", work: facts.work });
  assertCan(actor, { action: "work.moderate", work: facts.work });
  const isAccepted = await acceptAutomaticMarks({ attemptId: parsed.data.attemptId, teacherId: actor.id, at: now });
  if (!isAccepted) throw new AppError("INVALID", "This answer has not been marked yet.");
  return { attemptId: parsed.data.attemptId };
}

export interface ColumnDrillDown {
  assignment: GradebookSource["assignment"];
  column: GradebookColumn;
  entries: DrillDownEntry[];
}

/**
 * From one rubric point (or quiz question) of an assignment's heatmap: every student's counted answer
 * marked on it, with the sentences that earned it or what was missing, earned first. Same access as
 * the gradebook (the class's teachers); NOT_FOUND for a column that is not the assignment's.
 */
export async function getColumnDrillDownFor(actor: Actor, assignmentId: string, columnId: string, now: Date): Promise<ColumnDrillDown> {
  const { assignment, gradebook } = await getAssignmentGradebookFor(actor, assignmentId, now);
  const index = gradebook.columns.findIndex((c) => c.id === columnId);
  const column = gradebook.columns[index];
  if (!column) throw new AppError("NOT_FOUND", "That point is not part of this assignment.");
  const marked = gradebook.rows.flatMap((r) => {
    const cell = r.cells[index];
    return cell && cell.attemptId && cell.awarded !== null ? [{ row: r, cell, attemptId: cell.attemptId }] : [];
  });
  const attemptIds = marked.map((m) => m.attemptId);
  if (column.dimension === "question") {
    const answers = new Map((await listQuestionAnswers(attemptIds, column.id)).map((a) => [a.attemptId, a.answer]));
    const entries = marked.map(({ row, cell, attemptId }): DrillDownEntry => ({
      attemptId,
      studentId: row.student.id,
      studentName: row.student.name,
      awarded: cell.awarded ?? 0,
      max: cell.max,
      credit: creditOf(cell.awarded ?? 0, cell.max),
      isModerated: false,
      quotes: [],
      note: answers.get(attemptId) ? `Answered: ${answers.get(attemptId)}` : "Left blank.",
      moderationReason: null,
    }));
    return { assignment, column, entries: orderDrillDown(entries) };
  }
  const marks = new Map((await listPointMarks(attemptIds, column.id)).map((m) => [m.attemptId, m]));
  const entries = marked.flatMap(({ row, cell, attemptId }): DrillDownEntry[] => {
    const mark = marks.get(attemptId);
    if (!mark) return [];
    const awarded = cell.awarded ?? 0;
    return [
      {
        attemptId,
        studentId: row.student.id,
        studentName: row.student.name,
        awarded,
        max: cell.max,
        credit: creditOf(awarded, cell.max),
        isModerated: mark.moderatedAwarded !== null,
        quotes: evidenceShown(
          parseAnswerEvidence(mark.evidence).map((e) => e.quote),
          mark.moderatedAwarded,
        ),
        note: mark.feedback,
        moderationReason: mark.moderationReason,
      },
    ];
  });
  return { assignment, column, entries: orderDrillDown(entries) };
}
