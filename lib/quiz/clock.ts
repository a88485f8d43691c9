/**
 * The quiz clock. The server fixes the start and the deadline when an attempt starts; answers are
 * accepted until the deadline plus the quiz's stated grace (network delay), and refused after it.
 * The browser only displays the time left, from the server's clock and never its own.
 */
import { formatDuration } from "../writing/timer";

/** Extra time granted to one learner: the limit is multiplied, then seconds are added. */
export interface ExtraTime {
  multiplier: number;
  addedSec: number;
}

export const NO_EXTRA_TIME: ExtraTime = { multiplier: 1, addedSec: 0 };

/** Largest multiplier and added time accepted (four times the limit; six hours). */
export const MAX_TIME_MULTIPLIER = 4;
export const MAX_ADDED_SEC = 6 * 3600;

/** Seconds allowed for a quiz with `timeLimitSec` under `extra` (null when untimed), rounded to whole seconds. */
export function allowedSec(timeLimitSec: number | null, extra: ExtraTime = NO_EXTRA_TIME): number | null {
  if (timeLimitSec === null || timeLimitSec <= 0) return null;
  return Math.round(timeLimitSec * extra.multiplier + extra.addedSec);
}

/** The deadline of an attempt started at `startedAt` (null when untimed). */
export function quizDeadline(startedAt: Date, timeLimitSec: number | null, extra: ExtraTime = NO_EXTRA_TIME): Date | null {
  const sec = allowedSec(timeLimitSec, extra);
  return sec === null ? null : new Date(startedAt.getTime() + sec * 1000);
}

/**
 * The deadline an attempt actually has: the earlier of its own (the time limit with extra time) and
 * `closesAt`, when work must end whatever the limit (an assignment's due time when late work is
 * refused). Null only when both are: untimed and never closing.
 */
export function cappedDeadline(deadlineAt: Date | null, closesAt: Date | null): Date | null {
  if (!closesAt) return deadlineAt;
  if (!deadlineAt) return closesAt;
  return closesAt.getTime() < deadlineAt.getTime() ? closesAt : deadlineAt;
}

/** True while an answer sent at `now` still counts: untimed, or no later than the deadline plus `graceSec`. */
export function isAcceptingAnswers(deadlineAt: Date | null, graceSec: number, now: Date): boolean {
  return deadlineAt === null || now.getTime() <= deadlineAt.getTime() + graceSec * 1000;
}

/** True once the grace after the deadline has passed: the attempt is graded from what was saved. */
export function isAttemptExpired(deadlineAt: Date | null, graceSec: number, now: Date): boolean {
  return !isAcceptingAnswers(deadlineAt, graceSec, now);
}

/** Milliseconds left until the deadline at `now` (0 once over; null when untimed). */
export function remainingMs(deadlineAt: Date | null, now: Date): number | null {
  return deadlineAt === null ? null : Math.max(0, deadlineAt.getTime() - now.getTime());
}

/** "1.5× time + 2 min", "1.5× time", "+10 min", or "" for none — both parts whenever both apply. */
export function extraTimeLabel(extra: ExtraTime): string {
  const multiplied = extra.multiplier !== 1 ? `${extra.multiplier}× time` : "";
  const added = extra.addedSec > 0 ? formatDuration(extra.addedSec) : "";
  if (multiplied && added) return `${multiplied} + ${added}`;
  return multiplied || (added ? `+${added}` : "");
}

/**
 * The quiz page's time badge: the time the attempt allows, from its server deadline, and the extra
 * time in it ("36 min 30 s (1.5× time + 2 min)"), or "(until the due time)" when the deadline was
 * capped before the limit with extra time would run out; "Untimed" without a deadline.
 */
export function quizTimeLabel(attempt: { startedAt: Date; deadlineAt: Date | null; timeLimitSec: number | null; extraTime: ExtraTime | null }): string {
  if (!attempt.deadlineAt) return "Untimed";
  const allowed = formatDuration((attempt.deadlineAt.getTime() - attempt.startedAt.getTime()) / 1000);
  const uncapped = quizDeadline(attempt.startedAt, attempt.timeLimitSec, attempt.extraTime ?? NO_EXTRA_TIME);
  if (!uncapped || attempt.deadlineAt.getTime() < uncapped.getTime()) return `${allowed} (until the due time)`;
  const extra = attempt.extraTime ? extraTimeLabel(attempt.extraTime) : "";
  return extra ? `${allowed} (${extra})` : allowed;
}
