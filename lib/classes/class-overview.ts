import { isSubmittedLate } from "./assignments";
import type { GradebookStudent, WorkStatus } from "./gradebook";

/**
 * A class's overview over the term: students × the class's scored assignments (quizzes and written
 * questions), each cell the student's score, status and lateness — marks as moderated — and each
 * student's trend over their most recent scored assignments. Card-review assignments carry no
 * score and are left out. Pure: the database layer hands in plain rows.
 */

export interface OverviewAssignment {
  id: string;
  title: string;
  kind: "quiz" | "written";
  dueAt: Date | null;
  createdAt: Date;
  /** Marks the whole assignment is worth (written: its questions' rubric marks); null when unknown until attempted (a quiz). */
  maxScore: number | null;
}

export interface OverviewAttempt {
  assignmentId: string;
  studentId: string;
  questionId: string | null;
  status: "in_progress" | "submitted" | "graded" | "expired";
  startedAt: Date;
  submittedAt: Date | null;
  /** The attempt's total as moderated (null while unmarked). */
  score: number | null;
  maxScore: number | null;
  /** The grader marked it provisional and no teacher has moderated or accepted it yet. */
  isProvisional: boolean;
}

export interface OverviewCell {
  assignmentId: string;
  status: WorkStatus;
  score: number | null;
  maxScore: number | null;
  /** score / maxScore, 0–1; null when unscored. */
  share: number | null;
  isLate: boolean;
}

export interface OverviewRow {
  student: GradebookStudent;
  cells: OverviewCell[];
  /** Shares (0–1) of the student's last scored assignments, oldest first (at most the trend length). */
  trend: number[];
  /** Last minus first share of the trend; null with fewer than two scores. */
  trendChange: number | null;
  /** Mean share over every scored assignment; null when none. */
  meanShare: number | null;
}

export interface ClassOverview {
  assignments: OverviewAssignment[];
  rows: OverviewRow[];
}

/** Term order: by due time, undated ones by when they were set, after the dated ones; ties by title. */
export function orderAssignments<T extends Pick<OverviewAssignment, "dueAt" | "createdAt" | "title">>(assignments: readonly T[]): T[] {
  const at = (a: T) => a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return assignments.slice().sort((a, b) => at(a) - at(b) || a.createdAt.getTime() - b.createdAt.getTime() || a.title.localeCompare(b.title));
}

function cellOf(assignment: OverviewAssignment, attempts: readonly OverviewAttempt[], dueAt: Date | null): OverviewCell {
  const sorted = attempts.slice().sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  // The newest finished attempt per question counts (a quiz has one "question": the whole quiz).
  const counted = new Map<string, OverviewAttempt>();
  // A quiz that ran out of time ("expired") was graded as it stood at its deadline: it is finished too.
  for (const a of sorted) if (a.status !== "in_progress") counted.set(a.questionId ?? "*", a);
  const finished = [...counted.values()];
  const scored = finished.filter((a) => a.score !== null);
  const score = scored.length > 0 ? scored.reduce((s, a) => s + (a.score ?? 0), 0) : null;
  const maxScore = assignment.maxScore ?? (scored.length > 0 ? scored.reduce((s, a) => s + (a.maxScore ?? 0), 0) : null);
  const isLate = !!dueAt && finished.some((a) => isSubmittedLate(a.submittedAt, dueAt));
  const status: WorkStatus =
    sorted.length === 0 ? "not_started" : finished.length === 0 ? "in_progress" : finished.some((a) => a.isProvisional) ? "provisional" : isLate ? "late" : "submitted";
  return { assignmentId: assignment.id, status, score, maxScore, share: score !== null && maxScore ? score / maxScore : null, isLate };
}

/**
 * Builds the overview: assignments in term order, one row per student, a cell per assignment, and
 * the trend over the last `trendLength` scored assignments (default 5).
 */
export function buildClassOverview(input: {
  assignments: readonly OverviewAssignment[];
  students: readonly GradebookStudent[];
  attempts: readonly OverviewAttempt[];
  /** A student's due time for an assignment (their extension applied); null when undated. */
  dueAtOf: (assignmentId: string, studentId: string) => Date | null;
  trendLength?: number;
}): ClassOverview {
  const assignments = orderAssignments(input.assignments);
  const byKey = new Map<string, OverviewAttempt[]>();
  for (const a of input.attempts) {
    const key = `${a.studentId}\t${a.assignmentId}`;
    const list = byKey.get(key) ?? [];
    list.push(a);
    byKey.set(key, list);
  }
  const trendLength = Math.max(2, input.trendLength ?? 5);
  const rows = input.students.map((student): OverviewRow => {
    const cells = assignments.map((a) => cellOf(a, byKey.get(`${student.id}\t${a.id}`) ?? [], input.dueAtOf(a.id, student.id)));
    const shares = cells.flatMap((c) => (c.share === null ? [] : [c.share]));
    const trend = shares.slice(-trendLength);
    return {
      student,
      cells,
      trend,
      trendChange: trend.length >= 2 ? trend[trend.length - 1]! - trend[0]! : null,
      meanShare: shares.length > 0 ? shares.reduce((s, v) => s + v, 0) / shares.length : null,
    };
  });
  return { assignments, rows };
}

/** "62 → 70 → 81 %" — a trend as text, for screen readers and the CSV; "—" when there is none. */
export function describeTrend(trend: readonly number[]): string {
  return trend.length === 0 ? "—" : `${trend.map((s) => Math.round(s * 100)).join(" → ")} %`;
}
