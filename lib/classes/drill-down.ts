/**
 * Drill-down from one rubric point (or quiz question) of an assignment's heatmap: every student's
 * answer marked on it, with the grading evidence — the sentences that earned it, or what the grader
 * said was missing — earned first, then partly earned, then missed. Pure: plain rows in.
 */

export type Credit = "earned" | "partly" | "missed";

export interface DrillDownEntry {
  attemptId: string;
  studentId: string;
  studentName: string;
  awarded: number;
  max: number;
  credit: Credit;
  isModerated: boolean;
  /** Sentences of the answer that earned the mark (none for a point moderated to 0 or never earned). */
  quotes: string[];
  /** The grader's note on the point, or for a quiz question the answer the student gave. */
  note: string;
  /** The teacher's reason when the mark was moderated. */
  moderationReason: string | null;
}

/** Earned in full, in part, or not at all. */
export function creditOf(awarded: number, max: number): Credit {
  if (max > 0 && awarded >= max) return "earned";
  return awarded > 0 ? "partly" : "missed";
}

export const creditLabel: Record<Credit, string> = { earned: "Earned", partly: "Partly earned", missed: "Missed" };

const ORDER: Record<Credit, number> = { earned: 0, partly: 1, missed: 2 };

/** Entries grouped earned → partly → missed, by student name within a group. */
export function orderDrillDown(entries: readonly DrillDownEntry[]): DrillDownEntry[] {
  return entries.slice().sort((a, b) => ORDER[a.credit] - ORDER[b.credit] || a.studentName.localeCompare(b.studentName));
}

/**
 * The evidence a written point shows with its current mark: the automatic grader's sentences, unless
 * a teacher moderated the point to 0 (then none, as on the student's result, so nothing contradicts it).
 */
export function evidenceShown(quotes: readonly string[], moderatedAwarded: number | null): string[] {
  return moderatedAwarded === 0 ? [] : [...quotes];
}
