import "server-only";
import type { Actor } from "../auth/permissions";
import { getProgressSource } from "../db/progress";
import { DISPLAY_TIME_ZONE, dayKeyIn, startOfDayIn } from "../format";
import { withheldAttempts } from "./result-release";
import {
  addDays,
  cardMasteryByTheme,
  forecastDueByDay,
  masteryByDimension,
  masteryByTheme,
  reviewStreak,
  scoresOverTime,
  trueRetention,
  type ForecastDay,
  type Mastery,
  type ScorePoint,
} from "../progress/stats";

/** Days shown in the due forecast (today and the six after it). */
export const FORECAST_DAYS = 7;
/** True retention is measured over the last 30 days of reviews, as Anki's statistics do by default. */
export const RETENTION_WINDOW_DAYS = 30;
/** How far back the streak is followed (a streak longer than this shows as this many days). */
export const STREAK_WINDOW_DAYS = 366;

export interface ProgressDashboard {
  today: string;
  dueToday: number;
  dueThisWeek: number;
  forecast: ForecastDay[];
  retention: number | null;
  retentionReviews: number;
  streakDays: number;
  scores: ScorePoint[];
  themeMastery: Mastery[];
  dimensionMastery: Mastery[];
  cardMastery: ReturnType<typeof cardMasteryByTheme>;
}

/** One learner's progress at `now`: the due forecast, true retention, streak, scores and mastery. */
export async function getProgressDashboard(actor: Actor, now: Date, timeZone: string = DISPLAY_TIME_ZONE): Promise<ProgressDashboard> {
  const today = dayKeyIn(now, timeZone);
  const source = await getProgressSource(actor.id, {
    until: startOfDayIn(addDays(today, FORECAST_DAYS), timeZone),
    retentionSince: startOfDayIn(addDays(today, -RETENTION_WINDOW_DAYS), timeZone),
    streak: { today, windowDays: STREAK_WINDOW_DAYS },
    timeZone,
  });
  // Scores and marks of assigned work whose results are not yet released stay out, as on every other page.
  const withheld = await withheldAttempts([...new Set([...source.attempts, ...source.pointMarks, ...source.quizMarks].map((a) => a.attemptId))], now);
  const attempts = source.attempts.filter((a) => !withheld.has(a.attemptId));
  const pointMarks = source.pointMarks.filter((m) => !withheld.has(m.attemptId));
  const quizMarks = source.quizMarks.filter((m) => !withheld.has(m.attemptId));
  const forecast = forecastDueByDay(source.dueByDay, today, FORECAST_DAYS);
  const { retention, reviews } = trueRetention(source.ratingCounts);
  return {
    today,
    dueToday: forecast[0]?.due ?? 0,
    dueThisWeek: forecast.reduce((s, d) => s + d.due, 0),
    forecast,
    retention,
    retentionReviews: reviews,
    streakDays: reviewStreak(new Set(source.reviewDayKeys), today),
    scores: scoresOverTime(attempts),
    // Themes gather written answers' rubric points and quiz questions; rubric dimensions are written answers' alone.
    themeMastery: masteryByTheme([...pointMarks, ...quizMarks]),
    dimensionMastery: masteryByDimension(pointMarks),
    cardMastery: cardMasteryByTheme(source.cards),
  };
}
