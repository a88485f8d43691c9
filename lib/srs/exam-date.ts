// The range of exam dates a learner may set: shared by the settings schema and the form's date picker (no scheduling code, so the form can import it).

/** How far ahead an exam date may be set: further out, scheduling toward it means nothing, and a year such as 9999 is a slip. */
export const EXAM_DATE_MAX_YEARS = 5;

/** Adds `days` (or `years`) to a YYYY-MM-DD day key; 29 February plus a year gives 1 March. */
function shiftDayKey(dayKey: string, { days = 0, years = 0 }: { days?: number; years?: number }): string {
  const d = new Date(`${dayKey}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The exam dates a learner may choose on `todayKey` (YYYY-MM-DD): from tomorrow to EXAM_DATE_MAX_YEARS
 * years ahead, both included — the form's date picker and the schema use the same bounds.
 */
export function examDateBounds(todayKey: string): { earliest: string; latest: string } {
  return { earliest: shiftDayKey(todayKey, { days: 1 }), latest: shiftDayKey(todayKey, { years: EXAM_DATE_MAX_YEARS }) };
}
