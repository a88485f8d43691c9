import { z } from "zod";
import { formatDayKey } from "../format";
import { EXAM_DATE_MAX_YEARS, examDateBounds } from "./exam-date";
import { RETENTION_RANGE } from "./schedule";

/**
 * A learner's review settings as a form sends them; `todayKey` (YYYY-MM-DD) refuses a new exam date
 * already past or more than EXAM_DATE_MAX_YEARS years ahead (examDateBounds), while `savedExamDate` — the date already on record, even once it has passed — may be
 * sent back unchanged, so a learner can still change the other settings (scheduling ignores a past exam).
 */
export function learnerSettingsSchema(todayKey: string, savedExamDate: string | null = null) {
  return z.object({
    examDate: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : v))
      .pipe(
        z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the exam date as a date, e.g. 2026-06-14.")
          .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "That is not a real date.")
          .refine((v) => v > todayKey || v === savedExamDate, "The exam date must be after today.")
          .refine(
            (v) => v <= examDateBounds(todayKey).latest || v === savedExamDate,
            `The exam date must be within ${EXAM_DATE_MAX_YEARS} years: on or before ${formatDayKey(examDateBounds(todayKey).latest)}.`,
          )
          .nullable(),
      ),
    newCardsPerDay: z.coerce.number({ error: "Give a number of new cards a day." }).int("Give a whole number of new cards a day.").min(0, "New cards a day cannot be negative.").max(500, "At most 500 new cards a day."),
    desiredRetention: z.coerce
      .number({ error: "Give the share of cards you want to remember." })
      .min(RETENTION_RANGE.min, `Desired retention is at least ${RETENTION_RANGE.min}.`)
      .max(RETENTION_RANGE.max, `Desired retention is at most ${RETENTION_RANGE.max}.`),
  });
}
