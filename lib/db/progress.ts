import { classifyStructurePoint } from "../grading/prepare";
import type { CardMasteryRow, GradedAttempt, PointMark, RatingCount } from "../progress/stats";
import { getDb } from "./client";

/** The raw rows one learner's progress dashboard is computed from (see `lib/progress/stats.ts`). */
export interface ProgressSource {
  /** One day key (display time zone) per card state due before `until`. */
  dueDayKeys: string[];
  /** Review counts by rating and by the card's state at review time, over the retention window. */
  ratingCounts: RatingCount[];
  /**
   * Days (YYYY-MM-DD in `timeZone`) with at least one review that the streak walk reached: today, then back from
   * yesterday up to the first day without one, at most `streak.windowDays` before today.
   */
  reviewDayKeys: string[];
  /** Submitted quiz and written-practice attempts with their (moderated, where a teacher moderated) scores. */
  attempts: (GradedAttempt & { attemptId: string })[];
  /** Every rubric point mark of the learner's written answers: the newest moderated mark, else the newest automatic one. */
  pointMarks: (PointMark & { attemptId: string })[];
  /** The learner's reviewed cards with their set as theme. */
  cards: CardMasteryRow[];
}

const DIMENSION_LABELS: Record<string, string> = {
  introduction: "Introduction",
  conclusion: "Conclusion",
  examples: "Examples",
  word_limit: "Word limit",
  body: "Body structure",
  other: "Other structure",
};

/** The rubric dimension a point measures: content, or the structure element it checks. */
export function rubricDimension(kind: "content" | "structure", pointText: string): string {
  return kind === "content" ? "Content" : (DIMENSION_LABELS[classifyStructurePoint(pointText)] ?? "Other structure");
}

/**
 * Loads everything for one learner's dashboard: card states due before `until`, review logs since
 * `retentionSince` (rating × state counts, grouped in SQL over the (userId, reviewedAt) index), the days
 * of the current streak (walked back from `streak.today`), submitted attempts and their point marks. `timeZone` sets the
 * forecast's day keys.
 */
export async function getProgressSource(
  userId: string,
  opts: { until: Date; retentionSince: Date; streak: { today: string; windowDays: number }; timeZone: string },
): Promise<ProgressSource> {
  const db = await getDb();
  const [due, ratings, days, attempts, scores, states] = await Promise.all([
    db.$queryRaw<{ day: string; n: bigint }[]>`
      SELECT to_char((cs.due AT TIME ZONE 'UTC') AT TIME ZONE ${opts.timeZone}, 'YYYY-MM-DD') AS day, count(*) AS n
      FROM "CardState" cs WHERE cs."userId" = ${userId} AND cs.due < ${opts.until} GROUP BY 1`,
    db.$queryRaw<{ rating: number; state: RatingCount["state"]; n: bigint }[]>`
      SELECT rl.rating, rl.state::text AS state, count(*) AS n
      FROM "ReviewLog" rl WHERE rl."userId" = ${userId} AND rl."reviewedAt" >= ${opts.retentionSince} GROUP BY 1, 2`,
    // The streak walk: from today back one local day at a time (bounds computed in SQL with AT TIME ZONE,
    // so DST days are 23 or 25 hours long), one EXISTS probe over the (userId, reviewedAt) index per day,
    // stopping at the first day without a review after yesterday — streak + 2 probes at most, not a year's.
    db.$queryRaw<{ day: string }[]>`
      WITH RECURSIVE walk(day, hit) AS (
        SELECT ${opts.streak.today}::date, EXISTS (
          SELECT 1 FROM "ReviewLog" rl WHERE rl."userId" = ${userId}
            AND rl."reviewedAt" >= ((${opts.streak.today}::date)::timestamp AT TIME ZONE ${opts.timeZone}) AT TIME ZONE 'UTC'
            AND rl."reviewedAt" < ((${opts.streak.today}::date + 1)::timestamp AT TIME ZONE ${opts.timeZone}) AT TIME ZONE 'UTC')
        UNION ALL
        SELECT w.day - 1, EXISTS (
          SELECT 1 FROM "ReviewLog" rl WHERE rl."userId" = ${userId}
            AND rl."reviewedAt" >= ((w.day - 1)::timestamp AT TIME ZONE ${opts.timeZone}) AT TIME ZONE 'UTC'
            AND rl."reviewedAt" < (w.day::timestamp AT TIME ZONE ${opts.timeZone}) AT TIME ZONE 'UTC')
        FROM walk w
        WHERE (w.hit OR w.day = ${opts.streak.today}::date) AND w.day > ${opts.streak.today}::date - ${opts.streak.windowDays}::int
      )
      SELECT to_char(day, 'YYYY-MM-DD') AS day FROM walk WHERE hit`,
    db.attempt.findMany({
      where: { userId, status: { in: ["submitted", "graded", "expired"] }, submittedAt: { not: null }, maxScore: { gt: 0 } },
      select: { id: true, kind: true, submittedAt: true, score: true, maxScore: true, quiz: { select: { title: true } }, question: { select: { prompt: true } }, studySet: { select: { title: true } } },
      orderBy: { submittedAt: "asc" },
    }),
    db.pointScore.findMany({
      where: { response: { attempt: { userId, kind: "written_practice" } } },
      select: {
        responseId: true,
        response: { select: { attemptId: true } },
        rubricPointId: true,
        source: true,
        awarded: true,
        max: true,
        rubricPoint: { select: { kind: true, point: true, modelAnswerPoint: { select: { section: { select: { heading: true } } } } } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.cardState.findMany({ where: { userId }, select: { stability: true, card: { select: { studySet: { select: { title: true } } } } } }),
  ]);
  const marks = new Map<string, { mark: PointMark & { attemptId: string }; moderated: boolean }>();
  for (const s of scores) {
    const key = `${s.responseId}\t${s.rubricPointId}`;
    const moderated = s.source === "moderated";
    const held = marks.get(key);
    if (held?.moderated && !moderated) continue;
    const theme = s.rubricPoint.kind === "structure" ? "Structure" : (s.rubricPoint.modelAnswerPoint?.section.heading ?? "Other content");
    marks.set(key, { mark: { attemptId: s.response.attemptId, theme, dimension: rubricDimension(s.rubricPoint.kind, s.rubricPoint.point), awarded: s.awarded, max: s.max }, moderated });
  }
  return {
    dueDayKeys: due.flatMap((r) => Array.from({ length: Number(r.n) }, () => r.day)),
    ratingCounts: ratings.map((r) => ({ rating: Number(r.rating), state: r.state, count: Number(r.n) })),
    reviewDayKeys: days.map((d) => d.day),
    attempts: attempts.map((a) => ({
      attemptId: a.id,
      kind: a.kind,
      submittedAt: a.submittedAt!,
      score: a.score ?? 0,
      maxScore: a.maxScore ?? 0,
      title: a.quiz?.title ?? a.question?.prompt ?? a.studySet.title,
    })),
    pointMarks: [...marks.values()].map((m) => m.mark),
    cards: states.map((s) => ({ theme: s.card.studySet.title, stabilityDays: s.stability })),
  };
}
