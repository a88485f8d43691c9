import { z } from "zod";

/**
 * Extra time for a student who needs it (a teacher's accommodation): a multiplier of the time
 * limit, then added minutes. Applied by the server when an attempt starts, never by the browser.
 */
export interface ExtraTime {
  /** 1.5 = half as long again; null = none. */
  extraTimeMultiplier: number | null;
  /** Minutes added after the multiplier; null = none. */
  extraTimeMinutes: number | null;
}

export const NO_EXTRA_TIME: ExtraTime = { extraTimeMultiplier: null, extraTimeMinutes: null };

const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), z.coerce.number().pipe(schema).nullable());

export const extraTimeSchema = z.object({
  classId: z.string().min(1).max(64),
  studentId: z.string().min(1).max(64),
  extraTimeMultiplier: optionalNumber(z.number({ error: "Enter a number such as 1.5." }).min(1, "A multiplier is at least 1 (1.5 = half as long again).").max(4, "A multiplier is at most 4.")),
  extraTimeMinutes: optionalNumber(z.number({ error: "Enter whole minutes." }).int("Enter whole minutes.").min(0, "Minutes cannot be negative.").max(600, "At most 600 extra minutes.")),
});

/**
 * The time limit in seconds a student gets: `baseSec` × multiplier + minutes × 60, rounded to whole
 * seconds. An untimed limit (null or ≤ 0) stays untimed.
 */
export function accommodatedTimeLimitSec(baseSec: number | null | undefined, extra: ExtraTime): number | null {
  if (!baseSec || baseSec <= 0) return null;
  const multiplied = baseSec * (extra.extraTimeMultiplier && extra.extraTimeMultiplier > 1 ? extra.extraTimeMultiplier : 1);
  return Math.round(multiplied + Math.max(0, extra.extraTimeMinutes ?? 0) * 60);
}

/** "1.5× time", "+10 min", "1.5× time +10 min", or "" when there is none — as the teacher sees it on the roster. */
export function describeExtraTime(extra: ExtraTime): string {
  const parts: string[] = [];
  if (extra.extraTimeMultiplier && extra.extraTimeMultiplier !== 1) parts.push(`${extra.extraTimeMultiplier}× time`);
  if (extra.extraTimeMinutes) parts.push(`+${extra.extraTimeMinutes} min`);
  return parts.join(" ");
}
