/** Display time zone; learners are mostly in India. Override with CRUX_TIME_ZONE. */
export const DISPLAY_TIME_ZONE = process.env.CRUX_TIME_ZONE || "Asia/Kolkata";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: DISPLAY_TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: DISPLAY_TIME_ZONE,
});

/** "21 Nov 2026". */
export const formatDate = (d: Date) => dateFormat.format(d);
/** "21 Nov, 14:05". */
export const formatDateTime = (d: Date) => dateTimeFormat.format(d);

const timeOfDayFormats = new Map<string, Intl.DateTimeFormat>();

/** "14:05": the time of day in `timeZone` (the app's display zone by default), as formatDateTime shows it — never the device's own zone. */
export function formatTimeOfDay(d: Date, timeZone: string = DISPLAY_TIME_ZONE): string {
  let format = timeOfDayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });
    timeOfDayFormats.set(timeZone, format);
  }
  return format.format(d);
}

/** "1 card" / "3 cards". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A source credit line: "CNA, 27 Feb 2026" or "Financial Times, 2025". */
export function formatSource(outlet: string | null, publishedAt: string | null): string {
  const date = publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? formatDate(new Date(`${publishedAt}T00:00:00Z`)) : publishedAt;
  return [outlet, date].filter(Boolean).join(", ");
}

/** How each question kind is named to users. */
export const questionKindLabel: Record<string, string> = {
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  true_false: "True / false",
  short_answer: "Short answer",
  numeric: "Numeric",
  written: "Written answer",
};

// Constructing an Intl.DateTimeFormat costs far more than formatting with one (it was the largest
// single cost of the progress dashboard under bench:api): one formatter per time zone, kept.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormats.set(timeZone, format);
  }
  return format;
}

/** Minutes east of UTC of `timeZone` at the instant `at` (e.g. 330 for Asia/Kolkata). */
export function timeZoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = offsetFormat(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The last second of calendar day `isoDate` (YYYY-MM-DD) in `timeZone`, as an instant. */
export function endOfDayIn(isoDate: string, timeZone: string = DISPLAY_TIME_ZONE): Date {
  const naive = new Date(`${isoDate}T23:59:59Z`);
  return new Date(naive.getTime() - timeZoneOffsetMinutes(naive, timeZone) * 60_000);
}

/** The calendar date (YYYY-MM-DD) of the instant `at` in `timeZone`. */
export function dayKeyIn(at: Date, timeZone: string = DISPLAY_TIME_ZONE): string {
  return new Date(at.getTime() + timeZoneOffsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 10);
}

/** The first instant of calendar day `isoDate` (YYYY-MM-DD) in `timeZone`. */
export function startOfDayIn(isoDate: string, timeZone: string = DISPLAY_TIME_ZONE): Date {
  const naive = new Date(`${isoDate}T00:00:00Z`);
  return new Date(naive.getTime() - timeZoneOffsetMinutes(naive, timeZone) * 60_000);
}
