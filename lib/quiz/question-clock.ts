/**
 * Time per quiz question as the quiz page measures it: the time each question is on the learner's
 * screen while the page is visible, summed over every visit. The page reports what it has measured
 * when the learner moves to another question, leaves the page and before submitting; the server adds
 * each report to the question's total (bounded by how long the attempt has lasted). Only the page
 * knows which question is on screen: the first sight of a question and the last change of its answer
 * miss the time spent checking an answer already chosen, and count the time spent on other questions
 * between a first look and a later change.
 *
 * Pure state transitions; times are monotonic milliseconds (performance.now()), passed in.
 */
export interface QuestionClock {
  /** The question on screen (null before the first one shows). */
  currentId: string | null;
  /** Since when it has been on a visible page; null while the page is hidden. */
  visibleSinceMs: number | null;
  isVisible: boolean;
  /** Measured time not yet reported, per question (ms). */
  unsentMs: Readonly<Record<string, number>>;
}

export interface TimeReport {
  questionId: string;
  /** Whole milliseconds on screen since the last report. */
  shownMs: number;
}

export function startClock(isVisible: boolean): QuestionClock {
  return { currentId: null, visibleSinceMs: null, isVisible, unsentMs: {} };
}

/** The clock with the time since `visibleSinceMs` added to the question on screen, measuring on from `nowMs`. */
function settled(clock: QuestionClock, nowMs: number): QuestionClock {
  if (clock.currentId === null || clock.visibleSinceMs === null) return clock;
  const elapsed = Math.max(0, nowMs - clock.visibleSinceMs);
  const unsentMs = { ...clock.unsentMs, [clock.currentId]: (clock.unsentMs[clock.currentId] ?? 0) + elapsed };
  return { ...clock, unsentMs, visibleSinceMs: nowMs };
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

/** Everything measured up to `nowMs` as reports (whole ms, nothing for a question with under 1 ms), and the clock with them taken out. */
export function takeReports(clock: QuestionClock, nowMs: number): [TimeReport[], QuestionClock] {
  const before = settled(clock, nowMs);
  const reports: TimeReport[] = [];
  const kept: Record<string, number> = {};
  for (const [questionId, ms] of Object.entries(before.unsentMs)) {
    const whole = Math.floor(ms);
    if (whole >= 1) reports.push({ questionId, shownMs: whole });
    if (ms - whole > 0) kept[questionId] = ms - whole;
  }
  return [reports, { ...before, unsentMs: kept }];
}

/** The clock with reports that could not be sent put back, to go with the next ones. */
export function withUnsentReports(clock: QuestionClock, reports: readonly TimeReport[]): QuestionClock {
  const unsentMs = { ...clock.unsentMs };
  for (const r of reports) unsentMs[r.questionId] = (unsentMs[r.questionId] ?? 0) + r.shownMs;
  return { ...clock, unsentMs };
}

/** Seconds a question was on screen, as the result shows it ("40 s on it"); null when nothing was reported. */
export function secondsOnQuestion(timeOnMs: number | null): number | null {
  return timeOnMs === null ? null : Math.round(timeOnMs / 1000);
}
