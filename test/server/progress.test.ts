import { beforeAll, describe, expect, it } from "vitest";
import type { UserRecord } from "@/lib/db/users";
import { seedStudyPack } from "@/lib/db/seed";
import { getDb } from "@/lib/db/client";
import { rubricDimension } from "@/lib/db/progress";
import { ttpStudyPack } from "@/lib/study-pack/ttp";
import { getProgressDashboard } from "@/lib/server/progress";
import { getQuizTakingViewFor, saveQuizAnswerFor, startQuizForSet, submitQuizFor } from "@/lib/server/quiz";
import { getReviewQueue, reviewCard } from "@/lib/server/study";
import { startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestUser } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (sec: number) => new Date(NOW.getTime() + sec * 1000);
const ANSWER = `The TTP has resurged from Afghan sanctuaries since the Taliban returned to Kabul in 2021, and attacks in Khyber Pakhtunkhwa rose sharply.
Pakistan has answered with border fencing, talks through the Afghan Taliban and military operations. In conclusion, a regional approach is needed.`;

let learner: UserRecord;
let setId = "";

beforeAll(async () => {
  learner = await createTestUser("progress-learner", "student");
  const teacher = await createTestUser("progress-author", "teacher");
  ({ id: setId } = await seedStudyPack(ttpStudyPack, teacher.id));
});

describe("the progress dashboard", () => {
  it("counts the streak in days of the display time zone, back to the first day without a review", async () => {
    const streaker = await createTestUser("progress-streaker", "student");
    const { cards } = await getReviewQueue(streaker, {}, new Date("2026-02-20T10:00:00Z"));
    // India (UTC+5:30): 18:45Z on 27 Feb is 00:15 on 28 Feb, so 27 Feb has no review yet.
    const times = ["2026-02-25T10:00:00Z", "2026-02-26T10:00:00Z", "2026-02-27T18:45:00Z", "2026-02-28T10:00:00Z", "2026-03-01T09:00:00Z"];
    for (const [i, t] of times.entries()) await reviewCard(streaker, { cardId: cards[i]!.card.id, rating: "good" }, new Date(t));
    expect((await getProgressDashboard(streaker, NOW, "Asia/Kolkata")).streakDays).toBe(2);
    await reviewCard(streaker, { cardId: cards[5]!.card.id, rating: "good" }, new Date("2026-02-27T10:00:00Z"));
    expect((await getProgressDashboard(streaker, NOW, "Asia/Kolkata")).streakDays).toBe(5);
    // The same reviews read in UTC: 27 Feb has two, and the streak is unbroken too.
    expect((await getProgressDashboard(streaker, NOW, "UTC")).streakDays).toBe(5);
  });

  it("walks the streak back only to the first day without a review, ignoring older reviews", async () => {
    const walker = await createTestUser("progress-walker", "student");
    const { cards } = await getReviewQueue(walker, {}, new Date("2026-02-01T10:00:00Z"));
    // Today (1 Mar) and 28 Feb reviewed, 27 Feb missed, then a run of four days and a lone day long before.
    const times = ["2026-03-01T08:00:00Z", "2026-02-28T08:00:00Z", "2026-02-26T08:00:00Z", "2026-02-25T08:00:00Z", "2026-02-24T08:00:00Z", "2026-02-23T08:00:00Z", "2026-02-02T08:00:00Z"];
    for (const [i, t] of times.entries()) await reviewCard(walker, { cardId: cards[i]!.card.id, rating: "good" }, new Date(t));
    expect((await getProgressDashboard(walker, NOW, "UTC")).streakDays).toBe(2);
    // On the missed day itself the run before it still counts (the day is not over yet)…
    expect((await getProgressDashboard(walker, new Date("2026-02-27T10:00:00Z"), "UTC")).streakDays).toBe(4);
    expect((await getProgressDashboard(walker, new Date("2026-02-28T10:00:00Z"), "UTC")).streakDays).toBe(1);
    // …but two days without a review end it.
    expect((await getProgressDashboard(walker, new Date("2026-03-03T10:00:00Z"), "UTC")).streakDays).toBe(0);
    // Filling the gap joins the two runs.
    await reviewCard(walker, { cardId: cards[7]!.card.id, rating: "good" }, new Date("2026-02-27T20:00:00Z"));
    expect((await getProgressDashboard(walker, NOW, "UTC")).streakDays).toBe(7);
  });

  it("follows local days across a daylight-saving change", async () => {
    const traveller = await createTestUser("progress-dst", "student");
    const { cards } = await getReviewQueue(traveller, {}, new Date("2026-03-01T10:00:00Z"));
    // New York springs forward on 8 Mar 2026 (EST −5 → EDT −4); 8 Mar lasts 23 hours.
    const times = [
      "2026-03-08T04:30:00Z", // 7 Mar 23:30 EST (00:30 on 8 Mar if read at −4)
      "2026-03-09T03:30:00Z", // 8 Mar 23:30 EDT
      "2026-03-09T04:30:00Z", // 9 Mar 00:30 EDT (8 Mar 23:30 if read at −5)
      "2026-03-10T14:00:00Z", // 10 Mar 10:00 EDT
    ];
    for (const [i, t] of times.entries()) await reviewCard(traveller, { cardId: cards[i]!.card.id, rating: "good" }, new Date(t));
    expect((await getProgressDashboard(traveller, new Date("2026-03-10T16:00:00Z"), "America/New_York")).streakDays).toBe(4);
    // Read in UTC the same reviews fall on 8, 9, 9 and 10 Mar: three days.
    expect((await getProgressDashboard(traveller, new Date("2026-03-10T16:00:00Z"), "UTC")).streakDays).toBe(3);
  });

  it("is empty for a new learner", async () => {
    const d = await getProgressDashboard(learner, NOW);
    expect(d).toMatchObject({ dueToday: 0, dueThisWeek: 0, retention: null, retentionReviews: 0, streakDays: 0, scores: [], themeMastery: [], dimensionMastery: [] });
    expect(d.forecast).toHaveLength(7);
  });

  it("reflects a review, a written attempt and a quiz attempt", async () => {
    const { cards } = await getReviewQueue(learner, {}, NOW);
    const outcome = await reviewCard(learner, { cardId: cards[0]!.card.id, rating: "good" }, NOW);

    const db = await getDb();
    const question = await db.question.findFirstOrThrow({ where: { studySetId: setId, kind: "written", rubricPoints: { some: {} } }, orderBy: { position: "asc" }, select: { id: true } });
    const draft = await startWritingAttempt(learner, { questionId: question.id }, NOW);
    const written = await submitWritingAttempt(learner, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(600));
    expect(written.status).toBe("graded");

    const { attemptId } = await startQuizForSet(learner, { studySetId: setId, by: "random", count: 3, mode: "timed" }, later(700), () => 0.42);
    expect((await getQuizTakingViewFor(learner, attemptId, later(700))).status).toBe("open");
    await submitQuizFor(learner, attemptId, later(760));

    const d = await getProgressDashboard(learner, later(800));
    expect(d.streakDays).toBe(1);
    const dueDay = d.forecast.find((f) => f.due > 0);
    expect(dueDay, `the reviewed card is due ${outcome.nextDueAt.toISOString()}`).toBeDefined();
    expect(d.dueThisWeek).toBe(1);
    expect(d.scores.map((s) => s.kind)).toEqual(["written_practice", "quiz"]);
    const writtenAttempt = await db.attempt.findUniqueOrThrow({ where: { id: draft.attemptId } });
    expect(d.scores[0]!.percent).toBeCloseTo((100 * writtenAttempt.score!) / writtenAttempt.maxScore!, 1);
    expect(d.dimensionMastery.map((m) => m.label)).toContain("Content");
    // Each structure point under the element it checks (read from its text), as the rubric's own points say.
    const points = await db.rubricPoint.findMany({ where: { questionId: question.id }, select: { kind: true, point: true } });
    expect(d.dimensionMastery.map((m) => m.label).sort()).toEqual([...new Set(points.map((p) => rubricDimension(p.kind, p.point)))].sort());
    const rubricMarks = await db.rubricPoint.aggregate({ where: { questionId: question.id }, _sum: { marks: true } });
    expect(d.dimensionMastery.reduce((s, m) => s + m.available, 0)).toBeCloseTo(rubricMarks._sum.marks!, 6);
    expect(d.themeMastery.length).toBeGreaterThan(1);
    expect(d.cardMastery).toEqual([expect.objectContaining({ seen: 1, total: 1 })]);
  });

  it("counts a later review-state recall in true retention", async () => {
    const db = await getDb();
    const state = await db.cardState.findFirstOrThrow({ where: { userId: learner.id } });
    const at = new Date(state.due.getTime() + 60_000);
    await reviewCard(learner, { cardId: state.cardId, rating: "again" }, at);
    const logs = await db.reviewLog.findMany({ where: { userId: learner.id }, orderBy: { reviewedAt: "asc" }, select: { state: true } });
    const d = await getProgressDashboard(learner, at);
    const reviewStateLogs = logs.filter((l) => l.state === "review").length;
    expect(d.retentionReviews).toBe(reviewStateLogs);
    if (reviewStateLogs > 0) expect(d.retention).toBe(0);
  });

  it("counts a card as mature from a stability of three weeks, per set, with every reviewed card seen", async () => {
    const holder = await createTestUser("progress-holder", "student");
    const { cards } = await getReviewQueue(holder, {}, NOW);
    for (const c of cards.slice(0, 3)) await reviewCard(holder, { cardId: c.card.id, rating: "good" }, NOW);
    const db = await getDb();
    const states = await db.cardState.findMany({ where: { userId: holder.id }, orderBy: { cardId: "asc" }, select: { id: true } });
    for (const [i, stability] of [20.99, 21, 400].entries()) await db.cardState.update({ where: { id: states[i]!.id }, data: { stability } });
    const set = await db.studySet.findUniqueOrThrow({ where: { id: setId }, select: { title: true } });
    expect((await getProgressDashboard(holder, later(60))).cardMastery).toEqual([{ label: set.title, share: 2 / 3, mature: 2, seen: 3, total: 3 }]);
  });

  it("forecasts only cards the learner can still review, as the home page's due count does", async () => {
    const reviewer = await createTestUser("progress-withdrawn", "student");
    const { cards } = await getReviewQueue(reviewer, {}, NOW);
    for (const c of cards.slice(0, 2)) await reviewCard(reviewer, { cardId: c.card.id, rating: "good" }, NOW);
    expect((await getProgressDashboard(reviewer, later(60))).dueThisWeek).toBe(2);
    // The set's author withdraws one of them: it leaves the learner's queue, and the forecast with it.
    const db = await getDb();
    await db.card.update({ where: { id: cards[0]!.card.id }, data: { status: "rejected" } });
    const d = await getProgressDashboard(reviewer, later(60));
    expect(d.dueThisWeek).toBe(1);
    expect(d.forecast.reduce((n, f) => n + f.due, 0)).toBe(1);
  });

  it("counts a quiz under prelims marking in scores and its questions in mastery by theme, a wrong answer as nothing earned", async () => {
    const quizzer = await createTestUser("progress-quizzer", "student");
    const { attemptId } = await startQuizForSet(quizzer, { studySetId: setId, by: "random", count: 3, mode: "practice", marking: "prelims" }, NOW, () => 0.3);
    const taking = await getQuizTakingViewFor(quizzer, attemptId, NOW);
    if (taking.status !== "open") throw new Error("the quiz did not open");
    const db = await getDb();
    // One right answer and the others wrong: 2 − ⅔ − ⅔ = 0.67 of 6 marks under prelims marking.
    const [first, ...rest] = taking.view.questions.filter((q) => q.options.length > 1);
    expect(first, "the quiz has choice questions").toBeDefined();
    for (const [i, q] of [first!, ...rest].entries()) {
      const options = await db.option.findMany({ where: { questionId: q.id }, select: { text: true, isCorrect: true } });
      const wanted = options.find((o) => o.isCorrect === (i === 0))!;
      const token = q.options.find((o) => o.text === wanted.text)!.id;
      const saved = taking.view.answers.find((a) => a.questionId === q.id)!;
      await saveQuizAnswerFor(quizzer, attemptId, { questionId: q.id, answer: { optionIds: [token] }, version: saved.version }, later(10 + i));
    }
    await submitQuizFor(quizzer, attemptId, later(60));

    const d = await getProgressDashboard(quizzer, later(120));
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { score: true, maxScore: true } });
    expect(d.scores).toEqual([expect.objectContaining({ kind: "quiz", percent: Math.round((1000 * attempt.score!) / attempt.maxScore!) / 10 })]);

    const evidence = await db.evidenceSpan.findMany({
      where: { OR: [{ questionId: { in: taking.view.questions.map((q) => q.id) } }, { option: { questionId: { in: taking.view.questions.map((q) => q.id) } } }] },
      select: { material: { select: { title: true } } },
    });
    const themes = [...new Set(evidence.map((e) => e.material.title))].sort();
    expect(themes.length).toBeGreaterThan(0);
    expect(d.themeMastery.map((m) => m.label).sort()).toEqual(themes);
    for (const m of d.themeMastery) {
      expect(m.earned).toBeGreaterThanOrEqual(0);
      expect(m.available).toBeGreaterThan(0);
    }
    expect(d.themeMastery.reduce((n, m) => n + m.missed, 0)).toBeGreaterThan(0);
    // Rubric dimensions stay those of written answers: this learner wrote none.
    expect(d.dimensionMastery).toEqual([]);
  });
});
