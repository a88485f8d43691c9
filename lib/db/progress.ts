import { classifyStructurePoint } from "../grading/prepare";
import { MATURE_STABILITY_DAYS, type CardCounts, type DueCount, type GradedAttempt, type PointMark, type RatingCount, type ThemeMark } from "../progress/stats";
import { Prisma } from "./generated/client";
import { getDb } from "./client";
import { reviewableSql } from "./reviews";

/** The forecast counts only cards still in the learner's queue (the card state's owner is the learner). */
const REVIEWABLE_BY_STATE_OWNER = reviewableSql(`cs."userId"`);

/** The raw rows one learner's progress dashboard is computed from (see `lib/progress/stats.ts`). */
export interface ProgressSource {
  /** Card states due before `until`, counted by day (display time zone). */
  dueByDay: DueCount[];
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
  /**
   * Every graded answer of the learner's finished quizzes, once per theme of its question: the titles of the
   * materials its evidence (or its options') cites, or the set's title for a question citing none.
   */
  quizMarks: (ThemeMark & { attemptId: string })[];
  /** The learner's reviewed cards counted by set (the theme): all of them, and those mature (MATURE_STABILITY_DAYS). */
  cards: CardCounts[];
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

type SourceRow = {
  due: { day: string; n: number }[];
  ratings: { rating: number; state: RatingCount["state"]; n: number }[];
  days: string[];
  attempts: { id: string; kind: GradedAttempt["kind"]; atMs: number; score: number | null; maxScore: number | null; title: string }[];
  /** `point` (the rubric point's text) only for structure points: it tells which structure element they check. */
  marks: { responseId: string; attemptId: string; rubricPointId: string; source: string; awarded: number; max: number; kind: "content" | "structure"; point: string | null; heading: string | null }[];
  quizMarks: { attemptId: string; awarded: number; max: number; themes: string[] }[];
  cards: { theme: string; n: number; mature: number }[];
};

/**
 * Loads everything for one learner's dashboard in one statement (one round trip): card states due
 * before `until` by local day, review logs since `retentionSince` (rating × state counts, grouped over
 * the (userId, reviewedAt) index), the days of the current streak (walked back from `streak.today`),
 * submitted attempts with their written answers' point marks and their quiz answers' marks by theme, and the
 * reviewed cards counted by set. Each part is a JSON-aggregated sub-select; what the dashboard only counts
 * (due cards, reviews, cards by set) is counted here, not sent a row at a time. `timeZone` sets the
 * forecast's and the streak's day keys.
 */
export async function getProgressSource(
  userId: string,
  opts: { until: Date; retentionSince: Date; streak: { today: string; windowDays: number }; timeZone: string },
): Promise<ProgressSource> {
  const db = await getDb();
  const [row] = await db.$queryRaw<SourceRow[]>`
    SELECT
      -- The forecast: due card states of cards still in the learner's queue, by local day.
      (SELECT coalesce(json_agg(json_build_object('day', d.day, 'n', d.n)), '[]'::json) FROM (
        SELECT to_char((cs.due AT TIME ZONE 'UTC') AT TIME ZONE ${opts.timeZone}, 'YYYY-MM-DD') AS day, count(*)::int AS n
        FROM "CardState" cs JOIN "Card" c ON c.id = cs."cardId" JOIN "StudySet" s ON s.id = c."studySetId"
        WHERE cs."userId" = ${userId} AND cs.due < ${opts.until} AND ${Prisma.raw(REVIEWABLE_BY_STATE_OWNER)} GROUP BY 1) d) AS due,
      (SELECT coalesce(json_agg(json_build_object('rating', r.rating, 'state', r.state, 'n', r.n)), '[]'::json) FROM (
        SELECT rl.rating, rl.state::text AS state, count(*)::int AS n
        FROM "ReviewLog" rl WHERE rl."userId" = ${userId} AND rl."reviewedAt" >= ${opts.retentionSince} GROUP BY 1, 2) r) AS ratings,
      -- The streak walk: from today back one local day at a time (bounds computed in SQL with AT TIME ZONE,
      -- so DST days are 23 or 25 hours long), one EXISTS probe over the (userId, reviewedAt) index per day,
      -- stopping at the first day without a review after yesterday — streak + 2 probes at most, not a year's.
      (WITH RECURSIVE walk(day, hit) AS (
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
      SELECT coalesce(json_agg(to_char(day, 'YYYY-MM-DD')), '[]'::json) FROM walk WHERE hit) AS days,
      (SELECT coalesce(json_agg(json_build_object(
          'id', a.id, 'kind', a.kind, 'atMs', round(extract(epoch FROM a."submittedAt") * 1000)::float8, 'score', a.score, 'maxScore', a."maxScore",
          'title', coalesce(q.title, qu.prompt, s.title)) ORDER BY a."submittedAt", a.id), '[]'::json)
        FROM "Attempt" a
        JOIN "StudySet" s ON s.id = a."studySetId"
        LEFT JOIN "Quiz" q ON q.id = a."quizId"
        LEFT JOIN "Question" qu ON qu.id = a."questionId"
        WHERE a."userId" = ${userId} AND a.status IN ('submitted', 'graded', 'expired') AND a."submittedAt" IS NOT NULL AND a."maxScore" > 0) AS attempts,
      (SELECT coalesce(json_agg(json_build_object(
          'responseId', ps."responseId", 'attemptId', r."attemptId", 'rubricPointId', ps."rubricPointId", 'source', ps.source,
          'awarded', ps.awarded, 'max', ps.max, 'kind', rp.kind, 'point', CASE WHEN rp.kind = 'structure' THEN rp.point END, 'heading', sec.heading)
          ORDER BY ps."createdAt", ps.id), '[]'::json)
        FROM "PointScore" ps
        JOIN "Response" r ON r.id = ps."responseId"
        JOIN "Attempt" a ON a.id = r."attemptId"
        JOIN "RubricPoint" rp ON rp.id = ps."rubricPointId"
        LEFT JOIN "ModelAnswerPoint" map ON map.id = rp."modelAnswerPointId"
        LEFT JOIN "ModelAnswerSection" sec ON sec.id = map."sectionId"
        WHERE a."userId" = ${userId} AND a.kind = 'written_practice') AS marks,
      -- Graded quiz answers with their question's themes: the materials cited by its evidence or its options'.
      (SELECT coalesce(json_agg(json_build_object(
          'attemptId', r."attemptId", 'awarded', r.score, 'max', r."maxScore", 'themes', coalesce(t.themes, ARRAY[s.title])) ORDER BY r."gradedAt", r.id), '[]'::json)
        FROM "Response" r
        JOIN "Attempt" a ON a.id = r."attemptId"
        JOIN "StudySet" s ON s.id = a."studySetId"
        CROSS JOIN LATERAL (
          SELECT array_agg(DISTINCT m.title ORDER BY m.title) AS themes FROM (
            SELECT e."materialId" FROM "EvidenceSpan" e WHERE e."questionId" = r."questionId"
            UNION ALL
            SELECT e."materialId" FROM "Option" o JOIN "EvidenceSpan" e ON e."optionId" = o.id WHERE o."questionId" = r."questionId") ev
          JOIN "Material" m ON m.id = ev."materialId") t
        WHERE a."userId" = ${userId} AND a.kind = 'quiz' AND a.status IN ('submitted', 'graded', 'expired')
          AND r."gradedAt" IS NOT NULL AND r.score IS NOT NULL AND r."maxScore" > 0) AS "quizMarks",
      (SELECT coalesce(json_agg(json_build_object('theme', t.theme, 'n', t.n, 'mature', t.mature)), '[]'::json) FROM (
        SELECT s.title AS theme, count(*)::int AS n, (count(*) FILTER (WHERE cs.stability >= ${MATURE_STABILITY_DAYS}))::int AS mature
        FROM "CardState" cs JOIN "Card" c ON c.id = cs."cardId" JOIN "StudySet" s ON s.id = c."studySetId"
        WHERE cs."userId" = ${userId} GROUP BY s.title) t) AS cards`;
  if (!row) throw new Error("the progress query returned no row");
  const marks = new Map<string, { mark: PointMark & { attemptId: string }; moderated: boolean }>();
  for (const s of row.marks) {
    const key = `${s.responseId}\t${s.rubricPointId}`;
    const moderated = s.source === "moderated";
    const held = marks.get(key);
    if (held?.moderated && !moderated) continue;
    const theme = s.kind === "structure" ? "Structure" : (s.heading ?? "Other content");
    marks.set(key, { mark: { attemptId: s.attemptId, theme, dimension: rubricDimension(s.kind, s.point ?? ""), awarded: s.awarded, max: s.max }, moderated });
  }
  return {
    dueByDay: row.due.map((r) => ({ day: r.day, count: r.n })),
    ratingCounts: row.ratings.map((r) => ({ rating: r.rating, state: r.state, count: r.n })),
    reviewDayKeys: row.days,
    attempts: row.attempts.map((a) => ({
      attemptId: a.id,
      kind: a.kind,
      submittedAt: new Date(a.atMs),
      score: a.score ?? 0,
      maxScore: a.maxScore ?? 0,
      title: a.title,
    })),
    pointMarks: [...marks.values()].map((m) => m.mark),
    quizMarks: row.quizMarks.flatMap((q) => q.themes.map((theme) => ({ attemptId: q.attemptId, theme, awarded: q.awarded, max: q.max }))),
    // Every card state is a reviewed card: seen and total are the same count here.
    cards: row.cards.map((c) => ({ theme: c.theme, seen: c.n, mature: c.mature, total: c.n })),
  };
}
