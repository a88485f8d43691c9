import { formatDateTime } from "../format";

/**
 * Timing of a written-practice attempt. The server fixes `startedAt` and `deadlineAt`; the browser
 * only displays them, correcting its clock by the offset to the server's clock. Practice answers
 * are accepted after the deadline (nothing written is thrown away); the result reports the overrun.
 * An assignment that refuses late work closes at the student's due time, and the deadline is then no
 * later than that.
 */

/** The deadline of an attempt started at `startedAt` with `timeLimitSec` seconds (null when untimed, ≤ 0). */
export function deadlineFor(startedAt: Date, timeLimitSec: number | null | undefined): Date | null {
  return timeLimitSec && timeLimitSec > 0 ? new Date(startedAt.getTime() + timeLimitSec * 1000) : null;
}

/** Whole seconds left until the deadline at `nowMs` (rounded up, so the last partial second shows as 1); negative once over. */
export function remainingSec(deadlineAtMs: number, nowMs: number): number {
  const ms = deadlineAtMs - nowMs;
  return ms > 0 ? Math.ceil(ms / 1000) : 0 - Math.floor(-ms / 1000);
}

/** "09:05" or "1:02:03" for a number of seconds (absolute value; the caller says "over" for negatives). */
export function formatClock(seconds: number): string {
  const s = Math.abs(Math.trunc(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(sec).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** "11 min", "9 min 5 s", "45 s", "1 h 2 min" — for time taken and limits. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return sec > 0 ? `${m} min ${sec} s` : `${m} min`;
  return `${sec} s`;
}

/** Seconds from start to submission (0 when the clocks disagree and submission appears first). */
export function timeTakenSec(startedAt: Date, submittedAt: Date): number {
  return Math.max(0, Math.round((submittedAt.getTime() - startedAt.getTime()) / 1000));
}

/** Seconds past the deadline at submission; 0 when on time or untimed. */
export function overtimeSec(deadlineAt: Date | null, submittedAt: Date): number {
  if (!deadlineAt) return 0;
  return Math.max(0, Math.round((submittedAt.getTime() - deadlineAt.getTime()) / 1000));
}

/**
 * The answer box's line on time: how long the attempt has (from its server deadline) and whether an
 * answer can still be submitted after time is up — yes when nothing closes, until `closesAt` (the due
 * time of an assignment refusing late work) when that is later, and never when the deadline is it.
 * Empty for an untimed answer that never closes.
 */
export function submissionTimeNote(attempt: { startedAt: Date; deadlineAt: Date | null; closesAt: Date | null }): string {
  const { startedAt, deadlineAt, closesAt } = attempt;
  if (!deadlineAt) return closesAt ? `This assignment does not accept late work: submit before the due time (${formatDateTime(closesAt)}).` : "";
  const allowed = `Time allowed: ${formatDuration((deadlineAt.getTime() - startedAt.getTime()) / 1000)}`;
  if (!closesAt) return `${allowed}; you can still submit after time is up.`;
  if (closesAt.getTime() > deadlineAt.getTime()) return `${allowed}; you can still submit after time is up, until the due time (${formatDateTime(closesAt)}).`;
  return `${allowed}, until the due time (${formatDateTime(closesAt)}); this assignment does not accept late work, so submit before then.`;
}
