import { z } from "zod";
import { allowedSec, extraTimeLabel, MAX_ADDED_SEC, MAX_TIME_MULTIPLIER, NO_EXTRA_TIME, type ExtraTime } from "../quiz/clock";

/**
 * A student's accommodation in one class, as the teacher enters and the roster shows it: a
 * multiplier of the time limit, then added minutes. Every timed attempt (written answer or quiz)
 * applies it in one shape — the quiz clock's `ExtraTime` ({multiplier, addedSec}) — by `extraTimeOf`,
 * on the server's clock when the attempt starts, never in the browser.
 */
export interface Accommodation {
  /** 1.5 = half as long again; null = none. */
  extraTimeMultiplier: number | null;
  /** Minutes added after the multiplier; null = none. */
  extraTimeMinutes: number | null;
}

export const NO_ACCOMMODATION: Accommodation = { extraTimeMultiplier: null, extraTimeMinutes: null };

const MAX_EXTRA_MINUTES = MAX_ADDED_SEC / 60;

/** An optional number field: empty clears it; what does not read as a number ("abc", "1,5") gets `message`, not zod's "expected number, received NaN". */
const optionalNumber = (schema: z.ZodNumber, message: string) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), z.coerce.number({ error: message }).pipe(schema).nullable());

export const accommodationSchema = z.object({
  classId: z.string().min(1).max(64),
  studentId: z.string().min(1).max(64),
  extraTimeMultiplier: optionalNumber(
    z
      .number({ error: "Enter a number such as 1.5." })
      .min(1, "A multiplier is at least 1 (1.5 = half as long again).")
      .max(MAX_TIME_MULTIPLIER, `A multiplier is at most ${MAX_TIME_MULTIPLIER}.`),
    "Enter a number such as 1.5.",
  ),
  extraTimeMinutes: optionalNumber(
    z.number({ error: "Enter whole minutes." }).int("Enter whole minutes.").min(0, "Minutes cannot be negative.").max(MAX_EXTRA_MINUTES, `At most ${MAX_EXTRA_MINUTES} extra minutes.`),
    "Enter whole minutes.",
  ),
});

/** The accommodation as the clock applies it: no multiplier means ×1, no minutes means +0 s. */
export function extraTimeOf(accommodation: Accommodation | null | undefined): ExtraTime {
  if (!accommodation) return NO_EXTRA_TIME;
  const multiplier = accommodation.extraTimeMultiplier && accommodation.extraTimeMultiplier > 1 ? accommodation.extraTimeMultiplier : 1;
  return { multiplier, addedSec: Math.max(0, accommodation.extraTimeMinutes ?? 0) * 60 };
}

/**
 * The time limit in seconds a student gets: `baseSec` × multiplier + minutes × 60, rounded to whole
 * seconds. An untimed limit (null or ≤ 0) stays untimed.
 */
export function accommodatedTimeLimitSec(baseSec: number | null | undefined, accommodation: Accommodation): number | null {
  return allowedSec(baseSec ?? null, extraTimeOf(accommodation));
}

/** "1.5× time", "+10 min", "1.5× time + 10 min", or "" when there is none — as the roster and the quiz page show it. */
export function describeExtraTime(accommodation: Accommodation): string {
  return extraTimeLabel(extraTimeOf(accommodation));
}
