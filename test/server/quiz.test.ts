import { beforeAll, describe, expect, it } from "vitest";
import type { UserRecord } from "@/lib/db/users";
import { getDb } from "@/lib/db/client";
import { seedStudyPack } from "@/lib/db/seed";
import { finaliseExpiredQuizAttempts, getQuiz, startQuizAttempt } from "@/lib/db/quizzes";
import { optionToken } from "@/lib/quiz/option-tokens";
import { secondsOnQuestion, timeOnQuestion } from "@/lib/quiz/question-clock";
import { ttpStudyPack } from "@/lib/study-pack/ttp";
import {
  getQuizResultFor,
  getQuizStartPageFor,
  getQuizTakingViewFor,
  makeMissedQuestionCardFor,
  markQuestionSeenFor,
  retryMissedFor,
  saveQuizAnswerFor,
  startQuizForSet,
  submitQuizFor,
  type QuizTakingView,
} from "@/lib/server/quiz";
import { createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (sec: number) => new Date(NOW.getTime() + sec * 1000);
/** A practice quiz's result is always released (no assignment withholds it). */
function released<T extends { state: string }>(view: T): Extract<T, { state: "released" }> {
  if (view.state !== "released") throw new Error(`expected a released result, got ${view.state}`);
  return view as Extract<T, { state: "released" }>;
}

let learner: UserRecord;
let otherStudent: UserRecord;
let teacher: UserRecord;
let setId = "";

/** The stored key of every objective question of the set: option ids (the correct ones among them), expected answers, explanations. */
let secrets: { ids: string[]; texts: string[] } = { ids: [], texts: [] };

beforeAll(async () => {
  learner = await createTestUser("learner", "student");
  otherStudent = await createTestUser("other", "student");
  teacher = await createTestUser("teacher", "teacher");
  ({ id: setId } = await seedStudyPack(ttpStudyPack, teacher.id));
  const db = await getDb();
  const questions = await db.question.findMany({
    where: { studySetId: setId, kind: { not: "written" } },
    select: { answer: true, explanation: true, options: { select: { id: true } } },
  });
  secrets = {
    ids: questions.flatMap((q) => q.options.map((o) => o.id)),
    texts: questions.flatMap((q) => [q.explanation, ...(q.answer && q.answer.length > 6 ? [q.answer] : [])]),
  };
});

async function start(input: Record<string, unknown> = {}, at = NOW): Promise<QuizTakingView> {
  const { attemptId } = await startQuizForSet(learner, { studySetId: setId, by: "random", count: 4, mode: "timed", ...input }, at, () => 0.42);
  const view = await getQuizTakingViewFor(learner, attemptId, at);
  if (view.status !== "open") throw new Error("quiz not open");
  return view.view;
}

/** An answer that is surely wrong for a question: an option that is not correct, or nonsense text. */
async function wrongAnswerFor(attemptId: string, questionId: string) {
  const db = await getDb();
  const q = await db.question.findUniqueOrThrow({ where: { id: questionId }, select: { kind: true, answer: true, options: { select: { id: true, isCorrect: true } } } });
  if (q.kind === "single_choice" || q.kind === "multiple_choice") return { optionIds: [optionToken(attemptId, q.options.find((o) => !o.isCorrect)!.id)] };
  if (q.kind === "true_false") return { text: q.answer === "true" ? "false" : "true" };
  if (q.kind === "numeric") return { text: "-987654" };
  return { text: "zzzz qqqq" };
}

async function rightAnswerFor(attemptId: string, questionId: string) {
  const db = await getDb();
  const q = await db.question.findUniqueOrThrow({ where: { id: questionId }, select: { kind: true, answer: true, options: { select: { id: true, isCorrect: true } } } });
  if (q.kind === "single_choice" || q.kind === "multiple_choice") return { optionIds: q.options.filter((o) => o.isCorrect).map((o) => optionToken(attemptId, o.id)) };
  return { text: (q.answer ?? "").split("|")[0]!.trim() };
}

describe("starting a quiz", () => {
  it("offers the set's objective questions with their themes", async () => {
    const page = await getQuizStartPageFor(learner, setId);
    expect(page.questionCount).toBeGreaterThan(4);
    expect(page.themes.length).toBeGreaterThan(0);
    expect(page.allTimeLimitSec).toBeGreaterThan(0);
  });

  it("fixes the deadline at the server's start, with the learner's own extra time", async () => {
    const plain = await start();
    const slower = await start({ multiplier: 1.5 });
    const limit = (plain.deadlineAt!.getTime() - NOW.getTime()) / 1000;
    expect(limit).toBeGreaterThan(0);
    expect((slower.deadlineAt!.getTime() - NOW.getTime()) / 1000).toBe(Math.round(limit * 1.5));
    expect(plain.questions).toHaveLength(4);
  });

  it("has no deadline in untimed practice", async () => {
    expect((await start({ mode: "practice" })).deadlineAt).toBeNull();
  });

  it("takes an assignment's accommodation through startQuizAttempt", async () => {
    const view = await start();
    const db = await getDb();
    const { quizId } = await db.attempt.findUniqueOrThrow({ where: { id: view.attemptId }, select: { quizId: true } });
    const quiz = (await getQuiz(quizId!))!;
    const started = await startQuizAttempt({ quiz, userId: otherStudent.id, extraTime: { multiplier: 1, addedSec: 600 }, now: NOW });
    expect(started.deadlineAt!.getTime() - view.deadlineAt!.getTime()).toBe(600_000);
  });

  it("refuses a set the learner cannot open and explains an empty selection", async () => {
    const db = await getDb();
    const privateSet = await db.studySet.create({ data: { ownerId: teacher.id, title: "Private draft" }, select: { id: true } });
    expect(await outcomeOf(() => startQuizForSet(learner, { studySetId: privateSet.id, by: "all", mode: "timed" }, NOW))).toBe("FORBIDDEN");
    await expect(startQuizForSet(otherStudent, { studySetId: setId, by: "missed", mode: "timed" }, NOW)).rejects.toThrow(/not missed any question/);
    await expect(startQuizForSet(learner, { studySetId: setId, by: "theme", theme: "No such source", mode: "timed" }, NOW)).rejects.toThrow(/No question/);
  });
});

describe("the server's clock", () => {
  it("counts an answer saved one second before the deadline", async () => {
    const view = await start();
    const q = view.questions[0]!;
    const deadlineSec = (view.deadlineAt!.getTime() - NOW.getTime()) / 1000;
    const saved = await saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: await rightAnswerFor(view.attemptId, q.id), version: 1 }, later(deadlineSec - 1));
    expect(saved.status).toBe("saved");
    const result = released(await getQuizResultFor(learner, view.attemptId, later(deadlineSec + view.graceSec + 1)));
    expect(result.attempt.status).toBe("expired");
    expect(result.questions[0]).toMatchObject({ id: q.id, outcome: "correct" });
    expect(result.tally.correct).toBe(1);
  });

  it("counts an answer within the stated grace and refuses one after it", async () => {
    const view = await start();
    const [a, b] = view.questions;
    const deadlineSec = (view.deadlineAt!.getTime() - NOW.getTime()) / 1000;
    expect((await saveQuizAnswerFor(learner, view.attemptId, { questionId: a!.id, answer: await rightAnswerFor(view.attemptId, a!.id), version: 1 }, later(deadlineSec + view.graceSec))).status).toBe("saved");
    const late = await saveQuizAnswerFor(learner, view.attemptId, { questionId: b!.id, answer: await rightAnswerFor(view.attemptId, b!.id), version: 1 }, later(deadlineSec + view.graceSec + 1));
    expect(late).toEqual({ status: "closed", reason: "time_up" });
    const result = released(await getQuizResultFor(learner, view.attemptId, later(deadlineSec + 60)));
    expect(result.questions.find((q) => q.id === b!.id)?.outcome).toBe("blank");
    expect(result.questions.find((q) => q.id === a!.id)?.outcome).toBe("correct");
  });

  it("grades an expired attempt with the tab closed, on the next access by anyone", async () => {
    const view = await start();
    const q = view.questions[0]!;
    await saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: await wrongAnswerFor(view.attemptId, q.id), version: 1 }, later(10));
    const deadlineSec = (view.deadlineAt!.getTime() - NOW.getTime()) / 1000;
    // Nobody returns to the tab; the next to look (here the learner opening the quiz page) finds it graded.
    const again = await getQuizTakingViewFor(learner, view.attemptId, later(deadlineSec + 3600));
    expect(again).toEqual({ status: "finished", attemptId: view.attemptId });
    const db = await getDb();
    const row = await db.attempt.findUniqueOrThrow({ where: { id: view.attemptId }, select: { status: true, score: true, submittedAt: true } });
    expect(row).toMatchObject({ status: "expired", score: 0, submittedAt: view.deadlineAt });
  });

  it("grades expired attempts in the sweep, once", async () => {
    const view = await start();
    const deadlineSec = (view.deadlineAt!.getTime() - NOW.getTime()) / 1000;
    const sweptAt = later(deadlineSec + view.graceSec + 1);
    expect(await finaliseExpiredQuizAttempts(sweptAt)).toBeGreaterThanOrEqual(1);
    expect(await finaliseExpiredQuizAttempts(sweptAt)).toBe(0);
    const db = await getDb();
    expect((await db.attempt.findUniqueOrThrow({ where: { id: view.attemptId }, select: { status: true } })).status).toBe("expired");
  });

  it("leaves an untimed practice attempt open however long it takes", async () => {
    const view = await start({ mode: "practice" });
    const q = view.questions[0]!;
    expect((await saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: { text: "x" }, version: 1 }, later(30 * 86400))).status).toBe("saved");
  });
});

describe("autosave", () => {
  it("saves in version order and refuses a stale version without overwriting", async () => {
    const view = await start();
    const q = view.questions.find((x) => x.options.length >= 2)!;
    const [first, second] = q.options;
    const s1 = await saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: { optionIds: [first!.id] }, version: 1 }, later(5));
    expect(s1).toMatchObject({ status: "saved", version: 2 });
    const s2 = await saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: { optionIds: [second!.id] }, version: 2 }, later(6));
    expect(s2).toMatchObject({ status: "saved", version: 3 });
    // A delayed copy of the first save arrives last: refused, the newer choice stays.
    const stale = await saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: { optionIds: [first!.id] }, version: 1 }, later(7));
    expect(stale).toMatchObject({ status: "conflict", current: { answer: { optionIds: [second!.id] }, version: 3 } });
  });

  it("treats a retried save as done (idempotent)", async () => {
    const view = await start();
    const q = view.questions[0]!;
    const body = { questionId: q.id, answer: { text: "42" }, version: 1 };
    expect(await saveQuizAnswerFor(learner, view.attemptId, body, later(5))).toMatchObject({ status: "saved", version: 2 });
    expect(await saveQuizAnswerFor(learner, view.attemptId, body, later(6))).toMatchObject({ status: "saved", version: 2 });
  });

  it("keeps answers across a reload with their versions", async () => {
    const view = await start();
    const q = view.questions[1]!;
    await saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: { text: "kept" }, version: 1 }, later(5));
    const reloaded = await getQuizTakingViewFor(learner, view.attemptId, later(8));
    if (reloaded.status !== "open") throw new Error("closed");
    expect(reloaded.view.answers.find((a) => a.questionId === q.id)).toMatchObject({ answer: { text: "kept" }, version: 2 });
  });

  it("refuses saves from anyone but the learner and malformed answers", async () => {
    const view = await start();
    const q = view.questions[0]!;
    expect(await outcomeOf(() => saveQuizAnswerFor(otherStudent, view.attemptId, { questionId: q.id, answer: { text: "x" }, version: 1 }, later(5)))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => saveQuizAnswerFor(teacher, view.attemptId, { questionId: q.id, answer: { text: "x" }, version: 1 }, later(5)))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: { text: "x".repeat(501) }, version: 1 }, later(5)))).toBe("INVALID");
    expect(await outcomeOf(() => saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: { correct: true }, version: 1 }, later(5)))).toBe("INVALID");
    const choice = view.questions.find((x) => x.options.length > 0)!;
    expect(await outcomeOf(() => saveQuizAnswerFor(learner, view.attemptId, { questionId: choice.id, answer: { optionIds: ["o_not-an-option"] }, version: 1 }, later(5)))).toBe("INVALID");
  });
});

describe("the answer key", () => {
  it("is absent from everything a learner receives before submission", async () => {
    const view = await start({ by: "all" });
    const saved = await saveQuizAnswerFor(learner, view.attemptId, { questionId: view.questions[0]!.id, answer: { text: "1" }, version: 1 }, later(3));
    const wire = JSON.stringify([view, saved, await getQuizStartPageFor(learner, setId)]);
    for (const id of secrets.ids) expect(wire).not.toContain(id);
    for (const text of secrets.texts) expect(wire).not.toContain(text);
    expect(wire).not.toMatch(/"(isCorrect|explanation|evidence|correct|sources|expected)"/);
    // Options are named by per-attempt tokens: none of the stored option ids (the right ones among them) is sent.
    expect(view.questions.flatMap((q) => q.options.map((o) => o.id)).every((id) => id.startsWith("o_"))).toBe(true);
    expect(await outcomeOf(() => getQuizResultFor(learner, view.attemptId, later(4)))).toBe("CONFLICT");
  });

  it("is shown after submission with explanations, sources and time per question", async () => {
    const view = await start();
    const q = view.questions[0]!;
    await markQuestionSeenFor(learner, view.attemptId, { questionId: q.id }, later(2));
    await saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: await wrongAnswerFor(view.attemptId, q.id), version: 1 }, later(9));
    await markQuestionSeenFor(learner, view.attemptId, { questionId: q.id, totalMs: 16_000 }, later(18));
    await submitQuizFor(learner, view.attemptId, later(20));
    const result = released(await getQuizResultFor(learner, view.attemptId, later(21)));
    const first = result.questions[0]!;
    expect(result.attempt.status).toBe("graded");
    expect(first.outcome).toBe("wrong");
    expect(first.explanation.length).toBeGreaterThan(0);
    expect(first.sources.length).toBeGreaterThan(0);
    expect(first.timeOnMs).toBe(16_000);
    // Never reported and never seen: a new attempt's question holds 0 ms, and the result shows no time for it.
    expect(result.questions[1]!.timeOnMs).toBe(0);
    expect(timeOnQuestion(result.questions[1]!)).toBeNull();
    expect(await outcomeOf(() => getQuizResultFor(otherStudent, view.attemptId, later(22)))).toBe("FORBIDDEN");
  });
});

describe("time per question", () => {
  /** The quiz page's report: the question's running total on screen (ms). */
  const report = (attemptId: string, questionId: string, totalMs: number, at: Date) => markQuestionSeenFor(learner, attemptId, { questionId, totalMs }, at);
  async function timesOf(attemptId: string, at: Date): Promise<Map<string, number | null>> {
    await submitQuizFor(learner, attemptId, at);
    const result = released(await getQuizResultFor(learner, attemptId, at));
    return new Map(result.questions.map((q) => [q.id, q.timeOnMs]));
  }

  it("is the time the page reports the question on screen, summed over visits, not first sight to last change", async () => {
    const view = await start();
    const [q1, q2] = view.questions;
    // Q1 is seen at 0 s and answered at 2 s; the learner checks it until 40 s, looks at Q2 for 20 s and comes back for 5 s.
    await markQuestionSeenFor(learner, view.attemptId, { questionId: q1!.id }, NOW);
    await saveQuizAnswerFor(learner, view.attemptId, { questionId: q1!.id, answer: await wrongAnswerFor(view.attemptId, q1!.id), version: 1 }, later(2));
    await report(view.attemptId, q1!.id, 40_000, later(40));
    await report(view.attemptId, q2!.id, 20_000, later(60));
    await report(view.attemptId, q1!.id, 45_000, later(65));
    const times = await timesOf(view.attemptId, later(66));
    expect(secondsOnQuestion(times.get(q1!.id)!)).toBe(45);
    expect(secondsOnQuestion(times.get(q2!.id)!)).toBe(20);
  });

  it("shows 'not recorded' — not the older first-view-to-answer measure — for a new attempt whose page closed before reporting (new-user test)", async () => {
    const view = await start();
    const q = view.questions[0]!;
    // Seen at 0 s and answered at 39 s, and the page closed before it sent the time on screen.
    await markQuestionSeenFor(learner, view.attemptId, { questionId: q.id }, NOW);
    await saveQuizAnswerFor(learner, view.attemptId, { questionId: q.id, answer: await wrongAnswerFor(view.attemptId, q.id), version: 1 }, later(39));
    await submitQuizFor(learner, view.attemptId, later(40));
    const result = released(await getQuizResultFor(learner, view.attemptId, later(41)));
    expect(timeOnQuestion(result.questions.find((r) => r.id === q.id)!)).toEqual({ measure: "not_recorded" });
  });

  it("counts a report sent again (its response lost) once, and a late smaller total changes nothing", async () => {
    const view = await start();
    const q = view.questions[0]!;
    await report(view.attemptId, q.id, 20_000, later(21));
    await report(view.attemptId, q.id, 20_000, later(22));
    await report(view.attemptId, q.id, 12_000, later(23));
    expect((await timesOf(view.attemptId, later(24))).get(q.id)).toBe(20_000);
  });

  it("never counts more than the attempt has lasted, whatever the page reports", async () => {
    const view = await start();
    const q = view.questions[0]!;
    await report(view.attemptId, q.id, 3_600_000, later(30));
    expect((await timesOf(view.attemptId, later(31))).get(q.id)).toBe(30_000);
  });

  it("never counts more across all the attempt's questions than the attempt has lasted", async () => {
    const view = await start();
    // Every question claims 102 s of a 103 s attempt: the first takes it, the others only what is left.
    for (const q of view.questions) await report(view.attemptId, q.id, 102_000, later(103));
    const times = await timesOf(view.attemptId, later(104));
    const total = [...times.values()].reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
    expect(total).toBe(103_000);
    expect(times.get(view.questions[0]!.id)).toBe(102_000);
  });

  it("counts nothing past a timed attempt's deadline and grace", async () => {
    const view = await start();
    const q = view.questions[0]!;
    const limitMs = view.deadlineAt!.getTime() - NOW.getTime() + view.graceSec * 1000;
    // Reported after the grace but before the attempt is swept: it may hold the whole time, no more.
    await report(view.attemptId, q.id, 2_000_000_000, new Date(NOW.getTime() + limitMs + 60_000));
    const db = await getDb();
    const row = await db.response.findFirstOrThrow({ where: { attemptId: view.attemptId, questionId: q.id }, select: { timeOnMs: true } });
    expect(row.timeOnMs).toBe(limitMs);
  });

  it("takes a report from a practice attempt reopened weeks later without overflowing", async () => {
    const view = await start({ mode: "practice" });
    const [q1, q2] = view.questions;
    const weeks = (n: number) => new Date(NOW.getTime() + n * 7 * 86_400_000);
    await report(view.attemptId, q1!.id, 40_000, later(40));
    // Four weeks on (2 419 200 000 ms, past a PostgreSQL integer): the learner is back on the page for a minute.
    await report(view.attemptId, q2!.id, 60_000, weeks(4));
    await report(view.attemptId, q1!.id, 2_147_483_647, weeks(5));
    const times = await timesOf(view.attemptId, weeks(5));
    expect(times.get(q2!.id)).toBe(60_000);
    expect(times.get(q1!.id)).toBe(2_147_483_647);
  });

  it("takes no report from another student or after the attempt is over", async () => {
    const view = await start();
    const q = view.questions[0]!;
    await report(view.attemptId, q.id, 4_000, later(10));
    await markQuestionSeenFor(otherStudent, view.attemptId, { questionId: q.id, totalMs: 9_000 }, later(11));
    await submitQuizFor(learner, view.attemptId, later(12));
    await report(view.attemptId, q.id, 9_000, later(20));
    const result = released(await getQuizResultFor(learner, view.attemptId, later(21)));
    expect(result.questions.find((r) => r.id === q.id)!.timeOnMs).toBe(4_000);
  });

  it("gives the quiz page the totals so far, to count on from after a reload", async () => {
    const view = await start();
    const q = view.questions[0]!;
    await report(view.attemptId, q.id, 7_000, later(8));
    const reloaded = await getQuizTakingViewFor(learner, view.attemptId, later(9));
    if (reloaded.status !== "open") throw new Error("closed");
    expect(reloaded.view.answers.find((a) => a.questionId === q.id)!.timeOnMs).toBe(7_000);
  });

  it("refuses a report that is not a whole, non-negative number of milliseconds a question can hold", async () => {
    const view = await start();
    const q = view.questions[0]!;
    for (const totalMs of [-5, 1.5, "40", 2_147_483_648]) {
      expect(await outcomeOf(() => markQuestionSeenFor(learner, view.attemptId, { questionId: q.id, totalMs }, later(5)))).toBe("INVALID");
    }
  });
});

describe("after the quiz", () => {
  it("applies UPSC prelims marking, retries the missed ones and makes a missed one a card", async () => {
    const view = await start({ marking: "prelims" });
    const [right, wrong] = view.questions;
    await saveQuizAnswerFor(learner, view.attemptId, { questionId: right!.id, answer: await rightAnswerFor(view.attemptId, right!.id), version: 1 }, later(5));
    await saveQuizAnswerFor(learner, view.attemptId, { questionId: wrong!.id, answer: await wrongAnswerFor(view.attemptId, wrong!.id), version: 1 }, later(6));
    await submitQuizFor(learner, view.attemptId, later(10));
    const result = released(await getQuizResultFor(learner, view.attemptId, later(11)));
    expect(result.tally).toMatchObject({ correct: 1, wrong: 1, blank: 2, score: 1.33, maxScore: 8 });

    const retry = await retryMissedFor(learner, view.attemptId, later(20));
    const retried = await getQuizTakingViewFor(learner, retry.attemptId, later(20));
    if (retried.status !== "open") throw new Error("closed");
    expect(retried.view.questions.map((q) => q.id).sort()).toEqual(view.questions.slice(1).map((q) => q.id).sort());
    expect(retried.view.schemeLabel).toContain("+2");

    const card = await makeMissedQuestionCardFor(learner, view.attemptId, wrong!.id, later(30));
    const again = await makeMissedQuestionCardFor(learner, view.attemptId, wrong!.id, later(31));
    expect(again.cardId).toBe(card.cardId);
    const db = await getDb();
    const stored = await db.card.findUniqueOrThrow({
      where: { id: card.cardId },
      select: { front: true, back: true, evidence: { select: { id: true } }, states: { select: { userId: true, state: true, due: true } }, studySet: { select: { ownerId: true, isPublic: true } } },
    });
    expect(stored.front).toContain(wrong!.prompt);
    expect(stored.evidence.length).toBeGreaterThan(0);
    expect(stored.states).toEqual([{ userId: learner.id, state: "new", due: later(30) }]);
    expect(stored.studySet).toEqual({ ownerId: learner.id, isPublic: false });
    expect(released(await getQuizResultFor(learner, view.attemptId, later(32))).questions.find((q) => q.id === wrong!.id)?.hasCard).toBe(true);
  });
});
