/**
 * Study toward an exam date: how many new cards to introduce today so that every card is seen before
 * the exam with the load spread evenly, and what the coming days hold (the forecast).
 */

const DAY_MS = 86_400_000;

/** Days a card needs after its first showing to be learnt before the exam (its first interval steps). */
export const EXAM_LEARNING_DAYS = 3;

/** Whole days from `now` until `examAt` (0 when the exam has started or passed). */
export function daysUntilExam(examAt: Date, now: Date): number {
  return Math.max(0, Math.floor((examAt.getTime() - now.getTime()) / DAY_MS));
}

export interface NewCardIntake {
  /** New cards to show today. */
  today: number;
  /** Cards per day the exam needs to see every unseen card in time (0 without an exam). */
  neededPerDay: number;
  /** True when the exam raised the learner's own daily limit. */
  isRaisedForExam: boolean;
}

/**
 * New cards for today: the learner's daily limit, raised when the exam needs more so that every unseen
 * card is introduced at least `EXAM_LEARNING_DAYS` before it, spread evenly over the days left (the
 * last days bring nothing new). Minus what was already introduced today; never negative.
 */
export function planNewCards(input: { unseen: number; dailyLimit: number; introducedToday: number; examAt: Date | null; now: Date }): NewCardIntake {
  const { unseen, dailyLimit, introducedToday, examAt, now } = input;
  if (unseen <= 0) return { today: 0, neededPerDay: 0, isRaisedForExam: false };
  let perDay = Math.max(0, dailyLimit);
  let neededPerDay = 0;
  if (examAt) {
    const intakeDays = daysUntilExam(examAt, now) - EXAM_LEARNING_DAYS;
    // Everything still unseen today plus what was introduced today, over the intake days left (today included).
    neededPerDay = intakeDays <= 0 ? unseen + introducedToday : Math.ceil((unseen + introducedToday) / (intakeDays + 1));
    if (examAt.getTime() <= now.getTime()) neededPerDay = 0;
    perDay = Math.max(perDay, neededPerDay);
  }
  return { today: Math.max(0, Math.min(unseen, perDay - introducedToday)), neededPerDay, isRaisedForExam: neededPerDay > dailyLimit };
}
