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
