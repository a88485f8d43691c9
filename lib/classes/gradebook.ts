import { isSubmittedLate } from "./assignments";

/**
 * The teacher's gradebook of one assignment: students × columns (rubric points of written
 * questions, or objective questions), each cell the mark the student has — the newest moderation,
 * else the automatic mark — with each student's status and time used; the class heatmap of what
 * most students missed (per column, by theme and by rubric dimension, and the few points missed
 * most); agreement between the teacher and the automatic grader. Pure: the database layer hands in plain rows.
 */

export type WorkStatus = "not_started" | "in_progress" | "submitted" | "late" | "provisional";

export const workStatusLabel: Record<WorkStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  submitted: "Submitted",
  late: "Late",
  provisional: "Provisional — to check",
};

export interface GradebookColumn {
  /** Rubric point id (written) or question id (quiz). */
  id: string;
  questionId: string;
  /** Short label: "Q1 · 3" for a rubric point, "Q4" for a question. */
  label: string;
  text: string;
  max: number;
  /** The model-answer section the point belongs to (its theme), or the question's theme; null when unknown. */
  theme: string | null;
  /** Rubric dimension: "content" or "structure" for written points; "question" for objective items. */
  dimension: "content" | "structure" | "question";
}

export interface GradebookStudent {
  id: string;
  name: string;
  email: string;
}

/** One submitted or started attempt (the newest counts when a student made several). */
export interface GradebookAttempt {
  attemptId: string;
  studentId: string;
  questionId: string | null;
  status: "in_progress" | "submitted" | "graded" | "expired";
  startedAt: Date;
  submittedAt: Date | null;
  isProvisional: boolean;
}

export interface GradebookMark {
  attemptId: string;
  /** Matches a column id. */
  columnId: string;
  autoAwarded: number;
  /** The newest moderated mark, null when the teacher has not changed it. */
  moderatedAwarded: number | null;
  /**
   * What the mark that counts was given out of: the point's marks when it was marked (stored with
   * the mark), which a later re-weighting of the point leaves alone. Absent: the column's `max`.
   */
  max?: number;
}

/** One enrollment of the class: removed students keep their row only when they did work for the assignment. */
export interface GradebookRosterEntry {
  student: GradebookStudent;
  isRemoved: boolean;
}

/** An assignment's attempts and their marks (one per attempt and column). */
export interface GradebookWork {
  attempts: GradebookAttempt[];
  marks: GradebookMark[];
}

/** The students who get a row, by name: everyone enrolled, and those removed who have an attempt (or, for card review, a reviewed card). */
export function gradebookStudents(roster: readonly GradebookRosterEntry[], attempts: readonly Pick<GradebookAttempt, "studentId">[]): GradebookStudent[] {
  const withWork = new Set(attempts.map((a) => a.studentId));
  return roster
    .filter((e) => !e.isRemoved || withWork.has(e.student.id))
    .map((e) => e.student)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The work with the attempts `attemptIds` replaced by `fresh`, a new read of just those attempts
 * (one not in it was deleted or moved away), and the students whose rows that may change: the
 * owners of those attempts before and after. Other attempts and their marks keep their order.
 */
export function replaceAttemptWork(
  work: GradebookWork,
  attemptIds: readonly string[],
  fresh: GradebookWork,
): { work: GradebookWork; studentIds: Set<string> } {
  const changed = new Set(attemptIds);
  const studentIds = new Set<string>();
  for (const a of work.attempts) if (changed.has(a.attemptId)) studentIds.add(a.studentId);
  for (const a of fresh.attempts) studentIds.add(a.studentId);
  return {
    work: {
      attempts: [...work.attempts.filter((a) => !changed.has(a.attemptId)), ...fresh.attempts.filter((a) => changed.has(a.attemptId))],
      marks: [...work.marks.filter((m) => !changed.has(m.attemptId)), ...fresh.marks.filter((m) => changed.has(m.attemptId))],
    },
    studentIds,
  };
}

type GradebookInput = Parameters<typeof buildGradebook>[0];

/**
 * `buildGradebook(input)`, given `previous` built from the same columns, due dates and (unless the
 * students differ, when every row is built) the same work except that of `studentIds`: only their
 * rows are built again, the others are kept. Kept rows of students still in progress carry the time
 * used as of `previous`; `gradebookAt` brings them to the clock as it does for any cached gradebook.
 */
export function rebuildGradebookRows(previous: Gradebook, input: GradebookInput, studentIds: ReadonlySet<string>): Gradebook {
  const isSameRoster = previous.rows.length === input.students.length && previous.rows.every((r, i) => r.student === input.students[i]);
  if (!isSameRoster) return buildGradebook(input);
  const attempts = input.attempts.filter((a) => studentIds.has(a.studentId));
  const attemptIds = new Set(attempts.map((a) => a.attemptId));
  const rebuilt = buildGradebook({
    ...input,
    students: input.students.filter((s) => studentIds.has(s.id)),
    attempts,
    marks: input.marks.filter((m) => attemptIds.has(m.attemptId)),
  });
  const rowOf = new Map(rebuilt.rows.map((r) => [r.student.id, r]));
  return { columns: previous.columns, rows: previous.rows.map((r) => rowOf.get(r.student.id) ?? r) };
}

export interface GradebookCell {
  columnId: string;
  awarded: number | null;
  /** What `awarded` is out of: the mark's own maximum (see GradebookMark.max), else the column's. */
  max: number;
  isModerated: boolean;
  attemptId: string | null;
}

export interface GradebookRow {
  student: GradebookStudent;
  status: WorkStatus;
  score: number | null;
  maxScore: number;
  /** Seconds from the first start to the last submission (or to `now` while in progress); null when not started. */
  timeUsedSec: number | null;
  /** The first start, null when not started. */
  startedAt: Date | null;
  submittedAt: Date | null;
  isLate: boolean;
  cells: GradebookCell[];
}

export interface Gradebook {
  columns: GradebookColumn[];
  rows: GradebookRow[];
}

/** Builds the gradebook: one row per student, one cell per column, marks as moderated. */
export function buildGradebook(input: {
  columns: readonly GradebookColumn[];
  students: readonly GradebookStudent[];
  attempts: readonly GradebookAttempt[];
  marks: readonly GradebookMark[];
  /** Each student's due time (their extension applied); null when undated. */
  dueAtOf: (studentId: string) => Date | null;
  now: Date;
}): Gradebook {
  const attemptsOf = new Map<string, GradebookAttempt[]>();
  for (const a of input.attempts) {
    const list = attemptsOf.get(a.studentId) ?? [];
    list.push(a);
    attemptsOf.set(a.studentId, list);
  }
  const marksOf = new Map<string, GradebookMark[]>();
  for (const m of input.marks) {
    const list = marksOf.get(m.attemptId) ?? [];
    list.push(m);
    marksOf.set(m.attemptId, list);
  }
  // Cells are filled by column position (one id lookup per mark), not through a map per student.
  const columnIndex = new Map<string, number>(input.columns.map((c, i) => [c.id, i]));
  const columnCount = input.columns.length;
  const rows = input.students.map((student): GradebookRow => {
    // Started at the same instant, attempts are taken in id order, so the order they were read in never matters.
    const attempts = (attemptsOf.get(student.id) ?? []).slice().sort(byStart);
    // The newest finished attempt per question counts (a quiz that ran out of time is finished: it was
    // graded as it stood at its deadline); an unfinished one only shows progress.
    const counted = new Map<string, GradebookAttempt>();
    for (const a of attempts) if (a.status !== "in_progress") counted.set(a.questionId ?? "*", a);
    const foundMark: (GradebookMark | undefined)[] = new Array(columnCount);
    const foundAttempt: (string | undefined)[] = new Array(columnCount);
    for (const a of counted.values()) {
      for (const m of marksOf.get(a.attemptId) ?? []) {
        const i = columnIndex.get(m.columnId);
        if (i === undefined) continue;
        foundMark[i] = m;
        foundAttempt[i] = a.attemptId;
      }
    }
    const cells: GradebookCell[] = new Array(columnCount);
    let earnedCount = 0;
    let earnedSum = 0;
    // Out of what the cells were marked out of: a point re-weighted after marking keeps its old maximum here too.
    let maxScore = 0;
    let hasModerated = false;
    for (let i = 0; i < columnCount; i++) {
      const c = input.columns[i]!;
      const mark = foundMark[i];
      if (!mark) {
        cells[i] = { columnId: c.id, awarded: null, max: c.max, isModerated: false, attemptId: counted.get(c.questionId)?.attemptId ?? counted.get("*")?.attemptId ?? null };
        maxScore += c.max;
        continue;
      }
      const isModerated = mark.moderatedAwarded !== null;
      const awarded = mark.moderatedAwarded ?? mark.autoAwarded;
      cells[i] = { columnId: c.id, awarded, max: mark.max ?? c.max, isModerated, attemptId: foundAttempt[i] ?? null };
      maxScore += mark.max ?? c.max;
      earnedCount++;
      earnedSum += awarded;
      if (isModerated) hasModerated = true;
    }
    const finished = [...counted.values()];
    const submittedAt = finished.reduce<Date | null>((last, a) => (a.submittedAt && (!last || a.submittedAt > last) ? a.submittedAt : last), null);
    const dueAt = input.dueAtOf(student.id);
    const isLate = !!submittedAt && !!dueAt && finished.some((a) => isSubmittedLate(a.submittedAt, dueAt));
    const isProvisional = !hasModerated && finished.some((a) => a.isProvisional);
    const status: WorkStatus =
      attempts.length === 0 ? "not_started" : finished.length === 0 ? "in_progress" : isProvisional ? "provisional" : isLate ? "late" : "submitted";
    const firstStart = attempts[0]?.startedAt ?? null;
    const end = finished.length > 0 ? submittedAt : input.now;
    return {
      student,
      status,
      score: earnedCount > 0 ? earnedSum : null,
      maxScore,
      timeUsedSec: firstStart && end ? secondsBetween(firstStart, end) : null,
      startedAt: firstStart,
      submittedAt,
      isLate,
      cells,
    };
  });
  return { columns: [...input.columns], rows };
}

const byAttemptId = (a: { attemptId: string }, b: { attemptId: string }) => (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0);
const byStart = (a: GradebookAttempt, b: GradebookAttempt) => a.startedAt.getTime() - b.startedAt.getTime() || byAttemptId(a, b);

const secondsBetween = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * The same gradebook as seen at `now`: only the time used by students still in progress runs on
 * with the clock (everything else is fixed by the stored work), so a gradebook built earlier from
 * unchanged rows is brought up to date by this, not rebuilt. Rows not in progress are shared.
 */
export function gradebookAt(gradebook: Gradebook, now: Date): Gradebook {
  if (!gradebook.rows.some((r) => r.status === "in_progress")) return gradebook;
  return {
    columns: gradebook.columns,
    rows: gradebook.rows.map((r) => (r.status === "in_progress" && r.startedAt ? { ...r, timeUsedSec: secondsBetween(r.startedAt, now) } : r)),
  };
}

export type GradebookSort = "name" | "score" | "status" | "time" | "submitted";

const STATUS_ORDER: Record<WorkStatus, number> = { provisional: 0, late: 1, submitted: 2, in_progress: 3, not_started: 4 };

/**
 * Rows filtered by status and a name or email fragment, then sorted; ties fall back to the name so
 * the order is stable. Missing values (no score, no time) sort last whatever the direction.
 */
export function sortAndFilterRows(
  rows: readonly GradebookRow[],
  options: { sort?: GradebookSort; isDescending?: boolean; status?: WorkStatus | null; query?: string | null },
): GradebookRow[] {
  const query = options.query?.trim().toLocaleLowerCase() ?? "";
  const kept = rows.filter(
    (r) => (!options.status || r.status === options.status) && (!query || r.student.name.toLocaleLowerCase().includes(query) || r.student.email.toLocaleLowerCase().includes(query)),
  );
  const sort = options.sort ?? "name";
  const direction = options.isDescending ? -1 : 1;
  const byName = (a: GradebookRow, b: GradebookRow) => a.student.name.localeCompare(b.student.name);
  const valueOf = (r: GradebookRow): number | null => {
    switch (sort) {
      case "score":
        return r.score === null ? null : r.score / (r.maxScore || 1);
      case "status":
        return STATUS_ORDER[r.status];
      case "time":
        return r.timeUsedSec;
      case "submitted":
        return r.submittedAt?.getTime() ?? null;
      case "name":
        return null;
    }
  };
  return kept.slice().sort((a, b) => {
    if (sort === "name") return direction * byName(a, b);
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    return va === vb ? byName(a, b) : direction * (va - vb);
  });
}

export interface HeatCell {
  id: string;
  label: string;
  text: string;
  /** Marks given on it (one per student whose work was marked on it). */
  markedCount: number;
  /** Of those, how many earned nothing of it. */
  missedCount: number;
  /** Of those, how many earned part of it but not all (½ of a point, 3 of 5 marks). */
  partlyCount: number;
  /** missedCount / markedCount (0 when nobody was marked). */
  missedShare: number;
  /** partlyCount / markedCount (0 when nobody was marked). */
  partlyShare: number;
  /** Mean share of the marks earned, 0–1 (null when nobody was marked). */
  meanEarnedShare: number | null;
}

export interface Heatmap {
  /** Every column, in the order the questions are asked and their rubric points listed. */
  columns: HeatCell[];
  /** The few columns the class earned least of (see mostMissedOf). */
  mostMissed: MostMissed;
  /** Columns grouped by theme (model-answer section), in the order the themes first appear. */
  byTheme: HeatCell[];
  /** Grouped by rubric dimension (content, structure, question), in the order they first appear. */
  byDimension: HeatCell[];
}

/**
 * The share 0–1 of its marks a cell's mark earned, out of what it was marked out of (the cell's
 * `max`, the point's worth when marked): nothing for 0 or less (negative marking), all of a point
 * worth nothing, never more than all.
 */
export function earnedShareOf(awarded: number, max: number): number {
  if (!(max > 0)) return 1;
  return Math.min(1, Math.max(0, awarded / max));
}

/**
 * A point earned in part is not missed: a mark counts as missed when it earned none of what it was
 * marked out of (0, or less under negative marking), partly when some but not all, and earned when
 * all — the same share the mean is taken of (see earnedShareOf).
 */
function heatOf(id: string, label: string, text: string, cells: readonly GradebookCell[]): HeatCell {
  let markedCount = 0;
  let missedCount = 0;
  let partlyCount = 0;
  let earnedShareSum = 0;
  for (const c of cells) {
    if (c.awarded === null) continue;
    markedCount++;
    const share = earnedShareOf(c.awarded, c.max);
    if (share <= 0) missedCount++;
    else if (share < 1) partlyCount++;
    earnedShareSum += share;
  }
  return {
    id,
    label,
    text,
    markedCount,
    missedCount,
    partlyCount,
    missedShare: markedCount > 0 ? missedCount / markedCount : 0,
    partlyShare: markedCount > 0 ? partlyCount / markedCount : 0,
    meanEarnedShare: markedCount > 0 ? earnedShareSum / markedCount : null,
  };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * One line of "What the class missed": "No answers yet" before any work on it is marked; else how
 * many of the marked missed it ("missed by 2 of 5 (40 %)"), and how many earned only part of it when
 * any did ("missed by 0, partly by 1 of 1 (0 % missed, 100 % partly)").
 */
export function heatSummary(cell: Pick<HeatCell, "markedCount" | "missedCount" | "partlyCount" | "missedShare" | "partlyShare">): string {
  if (cell.markedCount === 0) return "No answers yet";
  if (cell.partlyCount === 0) return `missed by ${cell.missedCount} of ${cell.markedCount} (${percent(cell.missedShare)})`;
  return `missed by ${cell.missedCount}, partly by ${cell.partlyCount} of ${cell.markedCount} (${percent(cell.missedShare)} missed, ${percent(cell.partlyShare)} partly)`;
}

export const dimensionLabel: Record<GradebookColumn["dimension"], string> = {
  content: "Content points",
  structure: "Structure (introduction, examples, conclusion, length)",
  question: "Objective questions",
};

/**
 * What the class missed, from moderated marks: per column, per theme and per rubric dimension — each
 * in the order of the questions and their rubric points, so that a point sits among its neighbours
 * (the counts say how often it was missed; the order is the teacher's, not the class's results).
 */
export function classHeatmap(gradebook: Gradebook): Heatmap {
  const byColumn = new Map<string, GradebookCell[]>(gradebook.columns.map((c) => [c.id, []]));
  for (const r of gradebook.rows) for (const c of r.cells) byColumn.get(c.columnId)?.push(c);
  const cellsOf = (ids: ReadonlySet<string>) => [...ids].flatMap((id) => byColumn.get(id) ?? []);
  const columns = gradebook.columns.map((c) => heatOf(c.id, c.label, c.text, byColumn.get(c.id) ?? []));
  const group = (keyOf: (c: GradebookColumn) => string | null, labelOf: (key: string) => string) => {
    const groups = new Map<string, Set<string>>();
    for (const c of gradebook.columns) {
      const key = keyOf(c);
      if (key === null) continue;
      groups.set(key, (groups.get(key) ?? new Set()).add(c.id));
    }
    return [...groups].map(([key, ids]) => heatOf(key, labelOf(key), `${ids.size} ${ids.size === 1 ? "item" : "items"}`, cellsOf(ids)));
  };
  return {
    columns,
    mostMissed: mostMissedOf(columns),
    byTheme: group((c) => c.theme, (key) => key),
    byDimension: group((c) => c.dimension, (key) => dimensionLabel[key as GradebookColumn["dimension"]]),
  };
}

/** A point (or question) needs this many marked answers before "Most missed" ranks it: with fewer, one or two answers decide its share. */
export const MOST_MISSED_MIN_MARKED = 3;
/** How many points "Most missed" lists at most. */
export const MOST_MISSED_LIMIT = 5;

export interface MostMissed {
  /** Lowest mean share earned first; each earned in full by fewer than all its marked answers. */
  cells: HeatCell[];
  /** The rule's minimum of marked answers, to state beside the list. */
  minMarked: number;
  /** Columns with at least one marked answer but fewer than `minMarked`, left out of the ranking. */
  tooFewCount: number;
  /** Columns with `minMarked` marked answers or more, missed or not. */
  eligibleCount: number;
}

/** Shares closer than this are a tie (sums of different fractions of the same value differ in the last bits). */
const SHARE_EPSILON = 1e-9;

/**
 * The columns the class keeps missing: the `limit` with the lowest mean share of their marks earned
 * (a part mark counts as the share it earned: 1 of 2 marks is half earned; a negative mark as none),
 * ties going to the column more students were marked on, then to rubric order. A column needs
 * `minMarked` marked answers to be ranked (unmarked, in-progress and not-started work is not in a
 * heat cell at all); one every marked student earned in full was not missed and is left out. Reads
 * only the heat cells, so it shows nothing the heatmap does not.
 */
export function mostMissedOf(
  columns: readonly HeatCell[],
  options: { limit?: number; minMarked?: number } = {},
): MostMissed {
  const limit = options.limit ?? MOST_MISSED_LIMIT;
  const minMarked = Math.max(1, options.minMarked ?? MOST_MISSED_MIN_MARKED);
  let tooFewCount = 0;
  let eligibleCount = 0;
  const ranked: { cell: HeatCell; share: number; index: number }[] = [];
  columns.forEach((cell, index) => {
    if (cell.markedCount === 0 || cell.meanEarnedShare === null) return;
    if (cell.markedCount < minMarked) {
      tooFewCount++;
      return;
    }
    eligibleCount++;
    if (cell.meanEarnedShare >= 1 - SHARE_EPSILON) return;
    ranked.push({ cell, share: cell.meanEarnedShare, index });
  });
  ranked.sort((a, b) => (Math.abs(a.share - b.share) > SHARE_EPSILON ? a.share - b.share : b.cell.markedCount - a.cell.markedCount || a.index - b.index));
  return { cells: ranked.slice(0, Math.max(0, limit)).map((r) => r.cell), minMarked, tooFewCount, eligibleCount };
}

/** A share 0–1 as a whole percent that never reads 0 % when something was earned nor 100 % when something was missed (0.996 → 99, 0.003 → 1). */
export function sharePercent(share: number): number {
  const rounded = Math.round(share * 100);
  if (share > 0 && rounded === 0) return 1;
  if (share < 1 && rounded === 100) return 99;
  return Math.min(100, Math.max(0, rounded));
}

export interface PointAgreement {
  columnId: string;
  label: string;
  text: string;
  /** Marks the grader gave on this point (submitted answers). */
  markedCount: number;
  /** How many of those the teacher changed. */
  changedCount: number;
  changedShare: number;
  /** Mean |moderated − automatic| over the changed marks, in marks (0 when none changed). */
  meanAbsChange: number;
  /** Mean signed change (positive: the teacher gave more than the grader). */
  meanChange: number;
  /** Attempts where the teacher changed this point, to open. */
  changedAttemptIds: string[];
}

export interface Agreement {
  markedCount: number;
  changedCount: number;
  changedShare: number;
  meanAbsChange: number;
  /** Points, the ones the teacher changed most often (then by the most) first. */
  points: PointAgreement[];
}

/** How far the teacher's moderation agreed with the automatic grader, per assignment and per rubric point. */
export function gradingAgreement(columns: readonly GradebookColumn[], marks: readonly GradebookMark[]): Agreement {
  const marksOf = new Map<string, GradebookMark[]>(columns.map((c) => [c.id, []]));
  for (const m of marks) marksOf.get(m.columnId)?.push(m);
  const points = columns.map((c): PointAgreement => {
    const own = marksOf.get(c.id) ?? [];
    // In attempt id order, so the figures and links do not depend on the order the marks were read in.
    const changed = own
      .filter((m) => m.moderatedAwarded !== null && m.moderatedAwarded !== m.autoAwarded)
      .sort(byAttemptId);
    const deltas = changed.map((m) => (m.moderatedAwarded ?? 0) - m.autoAwarded);
    return {
      columnId: c.id,
      label: c.label,
      text: c.text,
      markedCount: own.length,
      changedCount: changed.length,
      changedShare: own.length > 0 ? changed.length / own.length : 0,
      meanAbsChange: deltas.length > 0 ? deltas.reduce((s, d) => s + Math.abs(d), 0) / deltas.length : 0,
      meanChange: deltas.length > 0 ? deltas.reduce((s, d) => s + d, 0) / deltas.length : 0,
      changedAttemptIds: [...new Set(changed.map((m) => m.attemptId))],
    };
  });
  const markedCount = points.reduce((s, p) => s + p.markedCount, 0);
  const changedCount = points.reduce((s, p) => s + p.changedCount, 0);
  const allDeltas = points.flatMap((p) => (p.changedCount > 0 ? [p.meanAbsChange * p.changedCount] : []));
  return {
    markedCount,
    changedCount,
    changedShare: markedCount > 0 ? changedCount / markedCount : 0,
    meanAbsChange: changedCount > 0 ? allDeltas.reduce((s, v) => s + v, 0) / changedCount : 0,
    points: points.slice().sort((a, b) => b.changedShare - a.changedShare || b.meanAbsChange - a.meanAbsChange || a.label.localeCompare(b.label)),
  };
}

/**
 * The gradebook with one column per question instead of one per rubric point (each question's marks
 * summed; a cell is blank when none of its points is marked, moderated when any is, and links the answer
 * that carries its marks). For written assignments of several questions, where per-point columns would
 * run to hundreds; the per-point view stays in the heatmap and the drill-downs. Column ids are question ids.
 */
export function byQuestion(columns: readonly GradebookColumn[], rows: readonly GradebookRow[]): { columns: GradebookColumn[]; rows: GradebookRow[] } {
  const groups: { column: GradebookColumn; indexes: number[] }[] = [];
  const groupOf = new Map<string, { column: GradebookColumn; indexes: number[] }>();
  columns.forEach((c, i) => {
    let group = groupOf.get(c.questionId);
    if (!group) {
      group = { column: { ...c, id: c.questionId, label: c.label.split(" · ")[0] ?? c.label, max: 0 }, indexes: [] };
      groupOf.set(c.questionId, group);
      groups.push(group);
    }
    group.column.max += c.max;
    group.indexes.push(i);
  });
  return {
    columns: groups.map((g) => g.column),
    rows: rows.map((r) => ({
      ...r,
      cells: groups.map(({ column, indexes }) => {
        const cells = indexes.map((i) => r.cells[i]!);
        const marked = cells.filter((c) => c.awarded !== null);
        return {
          columnId: column.id,
          awarded: marked.length === 0 ? null : marked.reduce((sum, c) => sum + c.awarded!, 0),
          // Each point out of what it was marked out of, as in the per-point view.
          max: cells.reduce((sum, c) => sum + c.max, 0),
          isModerated: cells.some((c) => c.isModerated),
          attemptId: cells.find((c) => c.attemptId)?.attemptId ?? null,
        };
      }),
    })),
  };
}
