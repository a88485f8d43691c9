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

/** "21 Nov 2026": a calendar date, which needs no zone. */
export const formatDate = (d: Date) => dateFormat.format(d);
const dayKeyFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
/** "7 Dec 2031" for the day key "2031-12-07": the calendar day itself, whatever the display zone. */
export const formatDayKey = (key: string) => dayKeyFormat.format(new Date(`${key}T00:00:00Z`));
/** "21 Nov, 14:05 IST": a date and time of day in the display zone, with the zone's name then (zoneLabel). */
export const formatDateTime = (d: Date) => `${dateTimeFormat.format(d)} ${zoneLabel(d)}`;

/**
 * English locales whose CLDR data name a zone by its abbreviation where that abbreviation is in
 * common use ("IST" in en-IN, "EST" in en-US, "CET" in en-GB, "AEST" in en-AU, "SAST" in en-ZA),
 * asked in this order. Across every IANA zone these never give one abbreviation to two UTC offsets
 * (en-IE is left out: it calls Irish summer time "IST", which here means India).
 */
const ZONE_NAME_LOCALES = ["en-GB", "en-US", "en-IN", "en-AU", "en-CA", "en-NZ", "en-SG", "en-ZA", "en-PK", "en-NG", "en-KE", "en-PH"] as const;
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

/** "UTC+5:30", "UTC-3", "UTC": an offset east of UTC in minutes as people write it. */
export function utcOffsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${offsetMinutes < 0 ? "-" : "+"}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`;
}

/** Labels already worked out, by zone and then UTC offset in minutes. */
const zoneLabels = new Map<string, Map<number, string>>();

/** The zone's label for an offset it has at `at` (the abbreviation English speakers there use, else the offset). */
function labelFor(at: Date, timeZone: string, offset: number): string {
  let byOffset = zoneLabels.get(timeZone);
  if (!byOffset) zoneLabels.set(timeZone, (byOffset = new Map()));
  let label = byOffset.get(offset);
  if (label === undefined) {
    label = utcOffsetLabel(offset);
    for (const locale of ZONE_NAME_LOCALES) {
      const formatKey = `${locale} ${timeZone}`;
      let format = zoneNameFormats.get(formatKey);
      if (!format) {
        format = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" });
        zoneNameFormats.set(formatKey, format);
      }
      const name = format.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
      // "GMT+5:30" is CLDR's way of saying it has no abbreviation there.
      if (/^[A-Z]{2,5}$/.test(name)) {
        label = name;
        break;
      }
    }
    byOffset.set(offset, label);
  }
  return label;
}

/**
 * The name of `timeZone` at the instant `at`, shown after every time of day so that a reader in
 * another zone knows which one it is: its abbreviation where English speakers there use one ("IST"
 * for Asia/Kolkata, "BST" or "GMT" for Europe/London as the season has it), else its UTC offset
 * ("UTC+8" for Asia/Manila). Kept per zone and offset.
 */
export function zoneLabel(at: Date, timeZone: string = DISPLAY_TIME_ZONE): string {
  return labelFor(at, timeZone, offsetOnDay(at, timeZone));
}

const DAY_MS = 86_400_000;
/** Per zone, UTC day number → the zone's offset all that day (null: its clocks change that day). */
const dayOffsets = new Map<string, Map<number, number | null>>();
const DAY_OFFSETS_KEPT = 4096;

/**
 * timeZoneOffsetMinutes(at, timeZone), from one reckoning per zone and UTC day: a day whose offset
 * is the same at its start and at the next day's start keeps it throughout (clocks never change
 * twice in a day), so its other instants are not formatted again; on a day the clocks change, each
 * instant is reckoned on its own. Formatting dominated formatDateTime's cost.
 */
function offsetOnDay(at: Date, timeZone: string): number {
  const day = Math.floor(at.getTime() / DAY_MS);
  if (!Number.isFinite(day)) return timeZoneOffsetMinutes(at, timeZone);
  let days = dayOffsets.get(timeZone);
  if (!days) dayOffsets.set(timeZone, (days = new Map()));
  let offset = days.get(day);
  if (offset === undefined) {
    const start = timeZoneOffsetMinutes(new Date(day * DAY_MS), timeZone);
    offset = start === timeZoneOffsetMinutes(new Date((day + 1) * DAY_MS), timeZone) ? start : null;
    if (days.size >= DAY_OFFSETS_KEPT) days.clear();
    days.set(day, offset);
  }
  return offset ?? timeZoneOffsetMinutes(at, timeZone);
}

/**
 * The zone's labels by UTC offset (minutes, as text) for the offsets it has from `at` to a day after,
 * and at each of `alsoAt` (times already known that the page shows, such as when a draft was last
 * saved): handed to a client component with the zone, so that the times it shows carry the label the
 * server gives (a browser's locale data may name fewer zones), across a change of clocks on the way.
 */
export function zoneLabelsAround(at: Date, timeZone: string = DISPLAY_TIME_ZONE, alsoAt: readonly Date[] = []): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const t of [at, new Date(at.getTime() + DAY_MS), ...alsoAt]) labels[String(offsetOnDay(t, timeZone))] = zoneLabel(t, timeZone);
  return labels;
}

/**
 * The zone's labels over the year from `at`, standard time (the smaller offset) first, each once:
 * ["IST"] for Asia/Kolkata, ["GMT", "BST"] for Europe/London.
 */
export function zoneLabelsOfYear(at: Date, timeZone: string = DISPLAY_TIME_ZONE): string[] {
  const byOffset = new Map<number, string>();
  // Twice a month: no season is shorter than that.
  for (let i = 0; i < 24; i++) {
    const t = new Date(at.getTime() + i * 15.25 * DAY_MS);
    const offset = offsetOnDay(t, timeZone);
    if (!byOffset.has(offset)) byOffset.set(offset, zoneLabel(t, timeZone));
  }
  const labels: string[] = [];
  for (const [, label] of [...byOffset].sort(([a], [b]) => a - b)) if (!labels.includes(label)) labels.push(label);
  return labels;
}

/**
 * The hint beside a date-and-time input, read as a wall-clock time in `timeZone`: "Time in IST
 * (Asia/Kolkata), as Crux shows every time." A zone whose label changes with the season is named
 * with both, since the time entered may fall in either: "Time in Europe/London (GMT/BST), …".
 */
export function timeInputHint(at: Date, timeZone: string = DISPLAY_TIME_ZONE): string {
  const labels = zoneLabelsOfYear(at, timeZone);
  if (labels.length > 1) return `Time in ${timeZone} (${labels.join("/")}), as Crux shows every time.`;
  const label = labels[0] ?? zoneLabel(at, timeZone);
  return `Time in ${label}${label === timeZone ? "" : ` (${timeZone})`}, as Crux shows every time.`;
}

const timeOfDayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "14:05 IST": the time of day in `timeZone` (the app's display zone by default), as formatDateTime
 * shows it — never the device's own zone — with the zone's label, taken from `labels` (see
 * zoneLabelsAround) when it has one for the offset then.
 */
export function formatTimeOfDay(d: Date, timeZone: string = DISPLAY_TIME_ZONE, labels?: Readonly<Record<string, string>>): string {
  let format = timeOfDayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });
    timeOfDayFormats.set(timeZone, format);
  }
  const label = labels?.[String(offsetOnDay(d, timeZone))] ?? zoneLabel(d, timeZone);
  return `${format.format(d)} ${label}`;
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
  return localWallTimeIn(new Date(`${isoDate}T23:59:59Z`), timeZone, "later");
}

/**
 * The instant a zone's clocks show the wall time `naive` (its digits read as if UTC). The offset at the wall time can
 * differ from the offset at the same digits in UTC when the clocks change between them (Sydney's midnight on the day
 * summer time starts is 14:00 UTC of the day before, not 13:00), so both offsets are tried and the instant that does show
 * the wall time is kept: the earlier or the later (`prefer`) when the clocks show it twice (the hour repeated when
 * summer time ends), the instant just after the gap when they never show it (Santiago skips from 00:00 to 01:00).
 */
function localWallTimeIn(naive: Date, timeZone: string, prefer: "earlier" | "later"): Date {
  const candidates = [...new Set([naive, new Date(naive.getTime() - timeZoneOffsetMinutes(naive, timeZone) * 60_000)].map((at) => naive.getTime() - timeZoneOffsetMinutes(at, timeZone) * 60_000))];
  const showing = candidates.filter((t) => t + timeZoneOffsetMinutes(new Date(t), timeZone) * 60_000 === naive.getTime());
  const pool = showing.length > 0 ? showing : candidates;
  return new Date(showing.length > 0 && prefer === "earlier" ? Math.min(...pool) : Math.max(...pool));
}

/** The calendar date (YYYY-MM-DD) of the instant `at` in `timeZone`. */
export function dayKeyIn(at: Date, timeZone: string = DISPLAY_TIME_ZONE): string {
  return new Date(at.getTime() + timeZoneOffsetMinutes(at, timeZone) * 60_000).toISOString().slice(0, 10);
}

/** The first instant of calendar day `isoDate` (YYYY-MM-DD) in `timeZone`. */
export function startOfDayIn(isoDate: string, timeZone: string = DISPLAY_TIME_ZONE): Date {
  return localWallTimeIn(new Date(`${isoDate}T00:00:00Z`), timeZone, "earlier");
}
