import "server-only";
import { LRUCache } from "lru-cache";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { effectiveDueAt } from "../classes/assignments";
import { csvFileName, toSpreadsheetCsv } from "../classes/csv";
import { buildGradebook, classHeatmap, gradebookAt, gradingAgreement, workStatusLabel, type Agreement, type Gradebook, type Heatmap } from "../classes/gradebook";
import { getClassFacts } from "../db/classes";
import { getGradebookSource, getGradebookStamp, listPointMarks, listQuestionAnswers, type GradebookSource } from "../db/gradebook";
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

/**
 * Shaped gradebooks this process has built, by assignment, each with the stamp it was built at (see
 * model GradebookStamp: every write the gradebook reads bumps the stamp when the writer commits).
 * One is served only while the stamp in the database is unchanged, so a write made through any
 * process of any machine shows on the next load; what a cached gradebook does not hold is the
 * clock, which `gradebookAt` applies per load. Bounded by size — cells, plus the agreement's links
 * — at 400 000 (200 students × 80 rubric points is about 16 000; one gradebook of up to 400 000
 * cells is still kept), about 60 MB per process at most. Entries are shared between requests:
 * nothing that reads them may change them.
 */
const CACHE_SIZE = 400_000;
const shapedGradebooks = new LRUCache<string, { version: string; book: AssignmentGradebook }>({
  max: 64,
  maxSize: CACHE_SIZE,
  maxEntrySize: CACHE_SIZE,
  sizeCalculation: ({ book }) =>
    Math.max(1, book.gradebook.rows.length * (book.gradebook.columns.length + 1) + book.agreement.points.reduce((n, p) => n + p.changedAttemptIds.length, 0)),
});
/** Builds in flight, by assignment and stamp, so teachers opening the same gradebook at once share one. */
const building = new Map<string, Promise<AssignmentGradebook | null>>();

async function buildAssignmentGradebook(assignmentId: string, now: Date): Promise<AssignmentGradebook | null> {
  const source = await getGradebookSource(assignmentId);
  if (!source) return null;
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

/**
 * The assignment's gradebook as of stamp `version` or later: this process's copy when it was built at
 * that stamp, else a build (the stamp was read before the rows, so the rows are at least as new as
 * the stamp), shared with any load of the same stamp already building it.
 */
function loadAssignmentGradebook(assignmentId: string, version: string | null, now: Date): Promise<AssignmentGradebook | null> {
  if (version === null) return buildAssignmentGradebook(assignmentId, now);
  const cached = shapedGradebooks.get(assignmentId);
  if (cached?.version === version) return Promise.resolve(cached.book);
  const key = `${assignmentId}@${version}`;
  let pending = building.get(key);
  if (!pending) {
    pending = buildAssignmentGradebook(assignmentId, now).finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

/** Stamps are "epoch:count"; a build is kept unless the copy already kept is newer in the same epoch. */
function keepGradebook(assignmentId: string, version: string | null, book: AssignmentGradebook): void {
  if (version === null) return;
  const kept = shapedGradebooks.peek(assignmentId);
  if (kept?.version === version) return;
  const [epoch, count] = version.split(":");
  const [keptEpoch, keptCount] = kept?.version.split(":") ?? [];
  if (kept && keptEpoch === epoch && BigInt(keptCount ?? "0") > BigInt(count ?? "0")) return;
  shapedGradebooks.set(assignmentId, { version, book });
}

/** Loads an assignment's gradebook for a teacher (or co-teacher) of its class; NOT_FOUND / FORBIDDEN otherwise. */
export async function getAssignmentGradebookFor(actor: Actor, assignmentId: string, now: Date): Promise<AssignmentGradebook> {
  const stamp = await getGradebookStamp(assignmentId);
  if (!stamp) throw new AppError("NOT_FOUND", "That assignment does not exist.");
  // The access facts and the gradebook load side by side; nothing loaded leaves this function, or
  // is kept for the next load, unless the check passes.
  const [classroom, book] = await Promise.all([getClassFacts(stamp.classId, actor.id), loadAssignmentGradebook(assignmentId, stamp.version, now)]);
  if (!classroom || !book || book.assignment.classId !== stamp.classId) throw new AppError("NOT_FOUND", "That assignment does not exist.");
  assertCan(actor, { action: "class.manage", classroom });
  keepGradebook(assignmentId, stamp.version, book);
  return { ...book, gradebook: gradebookAt(book.gradebook, now) };
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
