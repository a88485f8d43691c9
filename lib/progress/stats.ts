/**
 * A learner's progress from their review logs and graded attempts: the due forecast, true retention,
 * the review streak, scores over time and mastery by theme and by rubric dimension. Pure functions
 * over plain rows; days are calendar days (YYYY-MM-DD) in the display time zone, passed in as keys.
 */

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days from 1970-01-01 to the proleptic Gregorian date y-m-d, and back: integer arithmetic after
 * Howard Hinnant's days_from_civil / civil_from_days (https://howardhinnant.github.io/date_algorithms.html).
 * Day keys move through these rather than through Date objects: the streak walks one day at a time
 * over up to a year, and Next.js wraps the Date constructor while it renders a request.
 */
function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function dayKeyOfEpochDay(epochDay: number): string {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days from 1970-01-01 to the YYYY-MM-DD day key; a RangeError for anything that is not a calendar day ("2026-02-30"). */
function epochDayOfKey(dayKey: string): number {
  const m = DAY_KEY.exec(dayKey);
  const epochDay = m ? epochDayOf(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
  if (!m || dayKeyOfEpochDay(epochDay) !== dayKey) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(dayKey)}`);
  return epochDay;
}

/** Adds `days` (may be negative) to a YYYY-MM-DD day key; a RangeError when `dayKey` is no calendar day. */
export function addDays(dayKey: string, days: number): string {
  return dayKeyOfEpochDay(epochDayOfKey(dayKey) + days);
}

export interface ForecastDay {
  day: string;
  /** Reviews due that day (today includes everything overdue). */
  due: number;
}

/** Card states due on one day key (display time zone), as the database counts them. */
export interface DueCount {
  day: string;
  count: number;
}

/**
 * Cards due on each of the `days` days from `todayKey`, from the counts of card states due by day before
 * the window ends (overdue days count today).
 */
export function forecastDueByDay(dueByDay: readonly DueCount[], todayKey: string, days: number): ForecastDay[] {
  const window = Array.from({ length: days }, (_, i) => addDays(todayKey, i));
  const counts = new Map(window.map((d) => [d, 0]));
  for (const { day: key, count } of dueByDay) {
    const day = key < todayKey ? todayKey : key;
    if (counts.has(day)) counts.set(day, counts.get(day)! + count);
  }
  return window.map((day) => ({ day, due: counts.get(day)! }));
}

export interface RatingCount {
  rating: number;
  /** The card's FSRS state when it was reviewed. */
  state: "new" | "learning" | "review" | "relearning";
  count: number;
}

/**
 * True retention as Anki reports it: of the reviews of cards in the review state (a real recall test
 * after an interval, not a learning step), the share not rated Again. Null when there were none.
 */
export function trueRetention(counts: readonly RatingCount[]): { retention: number | null; reviews: number } {
  const tests = counts.filter((c) => c.state === "review");
  const reviews = tests.reduce((s, c) => s + c.count, 0);
  const passed = tests.filter((c) => c.rating > 1).reduce((s, c) => s + c.count, 0);
  return { retention: reviews === 0 ? null : passed / reviews, reviews };
}

/**
 * Days in a row with at least one review, ending today — or yesterday, when today has none yet (a
 * streak is not broken before the day is over).
 */
export function reviewStreak(reviewDayKeys: ReadonlySet<string>, todayKey: string): number {
  let day = epochDayOfKey(todayKey) - (reviewDayKeys.has(todayKey) ? 0 : 1);
  let streak = 0;
  while (reviewDayKeys.has(dayKeyOfEpochDay(day))) {
    streak++;
    day--;
  }
  return streak;
}

export interface GradedAttempt {
  kind: "quiz" | "written_practice";
  submittedAt: Date;
  score: number;
  maxScore: number;
  title: string;
}

export interface ScorePoint {
  kind: GradedAttempt["kind"];
  at: Date;
  /** Score as a percentage of the maximum, one decimal. */
  percent: number;
  title: string;
}

/** Graded attempts as percentages in time order (attempts with no maximum are left out). */
export function scoresOverTime(attempts: readonly GradedAttempt[]): ScorePoint[] {
  return attempts
    .filter((a) => a.maxScore > 0)
    .map((a) => ({ kind: a.kind, at: a.submittedAt, percent: Math.round((1000 * a.score) / a.maxScore) / 10, title: a.title }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Marks one answer earned toward a theme: a rubric point of a written answer, or a quiz question. */
export interface ThemeMark {
  /**
   * The theme: for a rubric point its model-answer section heading ("Structure" for structure points);
   * for a quiz question the title of a material its evidence cites (the quiz start page's themes).
   */
  theme: string;
  /** Marks earned; a negative mark (a wrong answer under negative marking) counts as nothing earned. */
  awarded: number;
  max: number;
}

/** A written answer's mark on one rubric point. */
export interface PointMark extends ThemeMark {
  /** Which kind of point: content, or the structure element it checks (introduction, examples, conclusion…). */
  dimension: string;
}

export interface Mastery {
  label: string;
  /** Marks earned as a share of marks available, 0–1. */
  share: number;
  earned: number;
  available: number;
  /** Points fully missed (nothing awarded). */
  missed: number;
}

function masteryBy<M extends ThemeMark>(marks: readonly M[], key: (m: M) => string): Mastery[] {
  const groups = new Map<string, Mastery>();
  for (const m of marks) {
    if (m.max <= 0) continue;
    const label = key(m);
    const g = groups.get(label) ?? { label, share: 0, earned: 0, available: 0, missed: 0 };
    // Mastery is what the learner knows: the penalty of negative marking belongs to the quiz's score, not here.
    g.earned += Math.max(0, m.awarded);
    g.available += m.max;
    if (m.awarded <= 0) g.missed++;
    groups.set(label, g);
  }
  return [...groups.values()].map((g) => ({ ...g, share: g.earned / g.available })).sort((a, b) => a.share - b.share || a.label.localeCompare(b.label));
}

/** Marks earned by theme over written answers' rubric points and quiz questions, weakest first. */
export const masteryByTheme = (marks: readonly ThemeMark[]) => masteryBy(marks, (m) => m.theme);

/** Marks earned by rubric dimension (content, introduction, examples, conclusion, word limit…), weakest first. */
export const masteryByDimension = (marks: readonly PointMark[]) => masteryBy(marks, (m) => m.dimension);

/** Anki's "mature": a card the learner holds for three weeks or more (FSRS stability of at least 21 days). */
export const MATURE_STABILITY_DAYS = 21;

/** One theme's (study set's) cards as the database counts them: reviewed, and of those mature (MATURE_STABILITY_DAYS). */
export interface CardCounts {
  theme: string;
  seen: number;
  mature: number;
  total: number;
}

/**
 * Card mastery by theme (the study set): the share of its cards the learner holds for three weeks or
 * more (Anki's "mature"), with seen and total counts; counts of one theme given twice (two sets of one
 * title) are added together. Sorted by theme.
 */
export function cardMasteryByTheme(counts: readonly CardCounts[]): { label: string; share: number; mature: number; seen: number; total: number }[] {
  const groups = new Map<string, { label: string; mature: number; seen: number; total: number }>();
  for (const c of counts) {
    const g = groups.get(c.theme) ?? { label: c.theme, mature: 0, seen: 0, total: 0 };
    g.total += c.total;
    g.seen += c.seen;
    g.mature += c.mature;
    groups.set(c.theme, g);
  }
  return [...groups.values()].map((g) => ({ ...g, share: g.total ? g.mature / g.total : 0 })).sort((a, b) => a.label.localeCompare(b.label));
}
