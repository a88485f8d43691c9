import "server-only";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { buildClassOverview, describeTrend, type ClassOverview } from "../classes/class-overview";
import { csvFileName, toSpreadsheetCsv } from "../classes/csv";
import { workStatusLabel } from "../classes/gradebook";
import { getClassFacts } from "../db/classes";
import { getClassOverviewSource } from "../db/class-overview";
import { recordIdSchema } from "../text/untrusted";
import { assertCan } from "./authorize";
import { effectiveDueAt } from "../classes/assignments";

export interface ClassOverviewView extends ClassOverview {
  classId: string;
  className: string;
}

/** A class's students × scored assignments over the term, with trends, for its teachers (co-teachers too). */
export async function getClassOverviewFor(actor: Actor, classId: string): Promise<ClassOverviewView> {
  if (!recordIdSchema.safeParse(classId).success) throw new AppError("NOT_FOUND", "That class does not exist.");
  const classroom = await getClassFacts(classId, actor.id);
  if (!classroom) throw new AppError("NOT_FOUND", "That class does not exist.");
  assertCan(actor, { action: "class.manage", classroom });
  const source = await getClassOverviewSource(classId);
  if (!source) throw new AppError("NOT_FOUND", "That class does not exist.");
  const dueAtOf = new Map(source.assignments.map((a) => [a.id, a.dueAt]));
  const overview = buildClassOverview({
    assignments: source.assignments,
    students: source.students,
    attempts: source.attempts,
    // The same rule as the gradebook's: an extension counts only when it is later than the due time.
    dueAtOf: (assignmentId, studentId) => effectiveDueAt(dueAtOf.get(assignmentId) ?? null, source.extensions.get(`${assignmentId}\t${studentId}`)),
  });
  return { classId, className: source.className, ...overview };
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/**
 * The overview as spreadsheet CSV (the per-assignment CSV's rules: BOM, headers, one row per student,
 * formula injection neutralised): name, email, then each assignment's score and status (numbered in term
 * order), the mean and the trend.
 */
export async function exportClassCsvFor(actor: Actor, classId: string): Promise<{ filename: string; csv: string }> {
  const view = await getClassOverviewFor(actor, classId);
  const headers = [
    "Student",
    "Email",
    // Numbered in term order: two assignments may share a title, and a spreadsheet needs distinct headers.
    ...view.assignments.flatMap((a, i) => [`${i + 1}. ${a.title} (score${a.maxScore ? ` of ${a.maxScore}` : ""})`, `${i + 1}. ${a.title} (status)`]),
    "Mean %",
    "Trend (last scores, %)",
  ];
  const rows = view.rows.map((r) => [
    r.student.name,
    r.student.email,
    ...r.cells.flatMap((c) => [c.score, workStatusLabel[c.status]]),
    percent(r.meanShare),
    r.trend.length === 0 ? null : describeTrend(r.trend),
  ]);
  return { filename: csvFileName("class", view.className), csv: toSpreadsheetCsv(headers, rows) };
}
