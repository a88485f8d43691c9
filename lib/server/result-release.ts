import "server-only";
import { listReleaseRulesOfAttempts } from "../db/assignments";
import { effectiveDueAt, isResultReleased, type ResultRelease } from "../classes/assignments";
import { formatDateTime } from "../format";
import { heldByOtherAssignments } from "./practice-holds";

/**
 * Result release, applied in one place for every view of a student's own work: an attempt made for
 * an assignment whose results are not yet released shows "submitted" to its student — no marks, no
 * feedback, no model answer — until the release rule allows (on submission, after their due time,
 * or when the teacher releases them). Teachers of the class always see the marks. An attempt with a
 * question that another assignment still holds for its student — their own practice begun before the
 * teacher set it, or Quiz 1 of a set while Quiz 2 of the same set still asks some of its questions —
 * is withheld the same way, whole (its score would tell which held answers were right), until that
 * assignment frees it (./practice-holds.ts); the note of the attempt's own rule comes first.
 */
export async function withheldAttempts(attemptIds: string[], now: Date): Promise<Map<string, string>> {
  const [rules, heldByOthers] = await Promise.all([listReleaseRulesOfAttempts(attemptIds), heldByOtherAssignments(attemptIds, now)]);
  const withheld = new Map<string, string>(heldByOthers);
  for (const [id, r] of rules) {
    const dueAt = effectiveDueAt(r.dueAt, r.extendedDueAt);
    if (!isResultReleased(r, { dueAt }, now)) withheld.set(id, releaseNote(r.resultRelease, dueAt));
  }
  return withheld;
}

/** The note shown instead of the marks of the actor's own attempt when they are withheld at `now`; null when they may see them (a teacher always may). */
export async function withheldNoteFor(isOwn: boolean, attemptId: string, now: Date): Promise<string | null> {
  if (!isOwn) return null;
  return (await withheldAttempts([attemptId], now)).get(attemptId) ?? null;
}

/** What the student is told instead of their marks. */
function releaseNote(rule: ResultRelease, dueAt: Date | null): string {
  return rule === "after_due"
    ? `Submitted. Your marks and the model answer appear after the due time${dueAt ? ` (${formatDateTime(dueAt)})` : ""}.`
    : "Submitted. Your marks and the model answer appear when your teacher releases them.";
}

/**
 * The same attempt summaries with nothing of the marks on any whose results are withheld from their student at
 * `now`: no score, and no sign that a teacher moderated it (a "Moderated" badge tells them their marks changed
 * before the teacher released them). Every list of a student's own attempts goes through here.
 */
export async function withoutWithheldScores<T extends { id: string; score: number | null; maxScore: number | null; isModerated?: boolean }>(summaries: T[], now: Date): Promise<T[]> {
  const withheld = await withheldAttempts(
    summaries.map((s) => s.id),
    now,
  );
  return withheld.size === 0 ? summaries : summaries.map((s) => (withheld.has(s.id) ? withoutMarks(s) : s));
}

/** A summary as its student may see it while its results are withheld: every field the marks decide blanked. */
function withoutMarks<T extends { score: number | null; maxScore: number | null; isModerated?: boolean }>(summary: T): T {
  return { ...summary, score: null, maxScore: null, ...(summary.isModerated === undefined ? {} : { isModerated: false }) };
}
