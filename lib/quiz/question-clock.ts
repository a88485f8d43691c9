/**
 * Time per quiz question as the quiz page measures it: the time each question is on the learner's
 * screen while the page is visible, summed over every visit. Only the page knows which question is on
 * screen: the first sight of a question and the last change of its answer miss the time spent checking
 * an answer already chosen, and count the time spent on other questions between a first look and a
 * later change.
 *
 * The page reports each question's running total (what the server held when the page opened plus what
 * it has measured since), not the time since its last report: the server keeps the larger of the stored
 * and the reported total (lib/db/quizzes markQuestionSeen), so a report sent twice — its response lost —
 * or arriving late counts once. Reports go when the learner moves to another question, leaves the page,
 * when the time runs out and before submitting; a failed one is simply covered by the next. A report
 * the server refuses for good (a 4xx other than an ended session or a rate limit), or that fails
 * MAX_REPORT_FAILURES times running, is not sent again: the page stops asking rather than retrying forever.
 *
 * Pure state transitions; times are monotonic milliseconds (performance.now()), passed in.
 */
export interface QuestionClock {
  /** The question on screen (null before the first one shows). */
  currentId: string | null;
  /** Since when it has been on a visible page; null while the page is hidden. */
  visibleSinceMs: number | null;
  isVisible: boolean;
  /** Time on screen per question (ms): the server's total when the page opened plus what this page measured. */
  totalMs: Readonly<Record<string, number>>;
  /** Per question, the largest total the server has taken. */
  sentMs: Readonly<Record<string, number>>;
  /** Per question, the reports that failed since the last one taken. */
  failures: Readonly<Record<string, number>>;
  /** Questions whose reports are no longer sent (refused for good, or failing every time). */
  stopped: Readonly<Record<string, true>>;
}

export interface TimeReport {
  questionId: string;
  /** Whole milliseconds the question has been on screen in all. */
  totalMs: number;
}

/** The largest time per question the server stores (ms): Response.timeOnMs is a PostgreSQL integer (about 24.8 days). */
export const MAX_TIME_ON_MS = 2_147_483_647;

/** Reports of one question that may fail in a row (no connection, a server error) before the page stops sending them. */
export const MAX_REPORT_FAILURES = 5;

/** A clock starting from the totals the server holds (`storedMs`, after a reload; none for a new attempt). */
export function startClock(isVisible: boolean, storedMs: Readonly<Record<string, number>> = {}): QuestionClock {
  return { currentId: null, visibleSinceMs: null, isVisible, totalMs: { ...storedMs }, sentMs: { ...storedMs }, failures: {}, stopped: {} };
}

/** The clock with the time since `visibleSinceMs` added to the question on screen, measuring on from `nowMs`. */
function settled(clock: QuestionClock, nowMs: number): QuestionClock {
  if (clock.currentId === null || clock.visibleSinceMs === null) return clock;
  const elapsed = Math.max(0, nowMs - clock.visibleSinceMs);
  const totalMs = { ...clock.totalMs, [clock.currentId]: (clock.totalMs[clock.currentId] ?? 0) + elapsed };
  return { ...clock, totalMs, visibleSinceMs: nowMs };
}

/** Question `questionId` is now on screen (the one before stops counting). */
export function showQuestion(clock: QuestionClock, questionId: string, nowMs: number): QuestionClock {
  const before = settled(clock, nowMs);
  return { ...before, currentId: questionId, visibleSinceMs: before.isVisible ? nowMs : null };
}

/** The page became hidden (another app, another tab, the screen locked) or visible again: hidden time counts for nothing. */
export function setPageVisible(clock: QuestionClock, isVisible: boolean, nowMs: number): QuestionClock {
  if (isVisible === clock.isVisible) return clock;
  const before = settled(clock, nowMs);
  return { ...before, isVisible, visibleSinceMs: isVisible ? nowMs : null };
}

/**
 * The reports to send at `nowMs` — the whole-ms total of every question that has grown past what the
 * server took, except those stopped — and the clock measured up to `nowMs`. Sending them again is harmless.
 */
export function takeReports(clock: QuestionClock, nowMs: number): [TimeReport[], QuestionClock] {
  const now = settled(clock, nowMs);
  const reports: TimeReport[] = [];
  for (const [questionId, ms] of Object.entries(now.totalMs)) {
    const totalMs = Math.min(MAX_TIME_ON_MS, Math.floor(ms));
    if (totalMs > (now.sentMs[questionId] ?? 0) && !now.stopped[questionId]) reports.push({ questionId, totalMs });
  }
  return [reports, now];
}

/** What became of a report: taken, worth sending again (no connection, a server error, an ended session), or refused for good. */
export type ReportOutcome = "taken" | "retry" | "refused";

/** The outcome of a report from its HTTP status (null when the request failed on its way). */
export function reportOutcome(status: number | null): ReportOutcome {
  if (status === null || status >= 500 || status === 401 || status === 408 || status === 429) return "retry";
  return status >= 200 && status < 300 ? "taken" : "refused";
}

/** The clock once `report` has had `outcome`: taken totals are not sent again, and a question refused for good or failing too often is stopped. */
export function afterReport(clock: QuestionClock, report: TimeReport, outcome: ReportOutcome): QuestionClock {
  const { questionId } = report;
  if (outcome === "taken") {
    return { ...clock, sentMs: { ...clock.sentMs, [questionId]: Math.max(clock.sentMs[questionId] ?? 0, report.totalMs) }, failures: { ...clock.failures, [questionId]: 0 } };
  }
  const failures = (clock.failures[questionId] ?? 0) + 1;
  const isStopped = outcome === "refused" || failures >= MAX_REPORT_FAILURES;
  return { ...clock, failures: { ...clock.failures, [questionId]: failures }, stopped: isStopped ? { ...clock.stopped, [questionId]: true } : clock.stopped };
}

/** Time on a question as the result shows it. */
export type TimeOnQuestion =
  /** Measured by the quiz page: the time the question was on screen. */
  | { sec: number; measure: "on_screen" }
  /**
   * An attempt from before the page measured it (its responses hold no time at all, not even 0): the time
   * from the question's first sight to the last change of its answer, which misses time spent after
   * answering and counts time spent on other questions in between.
   */
  | { sec: number; measure: "first_view_to_answer" }
  /** The page measures this attempt, but closed before it reported this question's time (seen or answered, nothing stored). */
  | { measure: "not_recorded" };

/** Seconds a question was on screen, as the result shows it ("40 s on it"); null when nothing was reported. */
export function secondsOnQuestion(timeOnMs: number | null): number | null {
  return timeOnMs === null ? null : Math.round(timeOnMs / 1000);
}

/**
 * The time the result shows for a question. A new attempt starts every question at 0 ms (lib/db/quizzes
 * startQuizAttempt), and the page only ever reports more, so: a positive time is the time on screen; 0
 * on a question seen or answered is a time the page never got to report ("not recorded"), never the
 * older measure; no time at all (null) marks an attempt from before the page measured it, shown as
 * first sight to the last change of the answer. Null when there is nothing to show (a question never seen).
 */
export function timeOnQuestion(q: { timeOnMs: number | null; firstSeenAt: Date | null; answeredAt: Date | null }): TimeOnQuestion | null {
  const wasSeen = q.firstSeenAt !== null || q.answeredAt !== null;
  if (q.timeOnMs !== null) {
    if (q.timeOnMs > 0) return { sec: secondsOnQuestion(q.timeOnMs)!, measure: "on_screen" };
    return wasSeen ? { measure: "not_recorded" } : null;
  }
  if (!q.firstSeenAt || !q.answeredAt) return null;
  return { sec: Math.max(0, Math.round((q.answeredAt.getTime() - q.firstSeenAt.getTime()) / 1000)), measure: "first_view_to_answer" };
}
