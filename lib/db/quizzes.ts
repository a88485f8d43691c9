import type { WorkFacts } from "../auth/permissions";
import type { Question as GradableQuestion } from "../generate/schemas";
import { gradeObjective } from "../grading/objective";
import { isSameAnswer, normalizeAnswer, parseStoredAnswer, toObjectiveResponse, isBlankAnswer, type QuizAnswer } from "../quiz/answers";
import { cappedDeadline, isAcceptingAnswers, isAttemptExpired, NO_EXTRA_TIME, quizDeadline, type ExtraTime } from "../quiz/clock";
import { marksFor, outcomeOf, tallyQuiz, type AnswerOutcome, type MarkingScheme, type QuizTally } from "../quiz/marking";
import { answerFromTokens, answerToTokens, optionToken } from "../quiz/option-tokens";
import { MAX_TIME_ON_MS } from "../quiz/question-clock";
import { isObjectiveKind, objectiveKinds, type QuizCandidate, type QuizSelection } from "../quiz/selection";
import { listOwnerClasses, workFactsOf, workSelect } from "./attempts";
import { getDb, type Db } from "./client";
import type { Prisma } from "./generated/client";
import { orGone } from "./errors";
import { ASSIGNMENT_DELETED_MESSAGE, SET_DELETED_MESSAGE, type SourceRef } from "./study-sets";

/**
 * Quizzes and quiz attempts. A Quiz fixes the questions (in order), the time limit, the grace and
 * the marking scheme; each attempt (Attempt kind quiz) gets one Response row per question at start
 * (a blank, version 1) so every autosave is a versioned update of an existing row. An attempt ends
 * as `graded` (submitted by the learner) or `expired` (time ran out; graded from what was saved, on
 * the next access by anyone or by the sweep) — both carry the score. Nothing here returns an answer
 * key for an attempt that is still in progress.
 */

export interface QuizRecord {
  id: string;
  ownerId: string;
  studySetId: string;
  title: string;
  questionIds: string[];
  selection: QuizSelection | null;
  mode: "timed" | "practice";
  timeLimitSec: number | null;
  graceSec: number;
  scheme: MarkingScheme;
  createdAt: Date;
}

const quizSelect = {
  id: true,
  ownerId: true,
  studySetId: true,
  title: true,
  questionIds: true,
  selection: true,
  mode: true,
  timeLimitSec: true,
  graceSec: true,
  markCorrect: true,
  markWrong: true,
  markBlank: true,
  createdAt: true,
} as const;

type QuizRow = Prisma.QuizGetPayload<{ select: typeof quizSelect }>;

function toSelection(value: Prisma.JsonValue | null): QuizSelection | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (v.by === "all") return { by: "all" };
  if (v.by === "random" && typeof v.count === "number") return { by: "random", count: v.count };
  if (v.by === "theme" && typeof v.theme === "string") return { by: "theme", theme: v.theme };
  if (v.by === "missed") return typeof v.fromAttemptId === "string" ? { by: "missed", fromAttemptId: v.fromAttemptId } : { by: "missed" };
  return null;
}

function toQuiz(row: QuizRow): QuizRecord {
  return {
    id: row.id,
    ownerId: row.ownerId,
    studySetId: row.studySetId,
    title: row.title,
    questionIds: row.questionIds,
    selection: toSelection(row.selection),
    mode: row.mode,
    timeLimitSec: row.timeLimitSec,
    graceSec: row.graceSec,
    scheme: { correct: row.markCorrect, wrong: row.markWrong, blank: row.markBlank },
    createdAt: row.createdAt,
  };
}

/** The accepted objective questions of a set, in set order, each with its themes (the titles of the materials its evidence cites). */
export async function listQuizCandidates(studySetId: string): Promise<QuizCandidate[]> {
  const db = await getDb();
  const rows = await db.question.findMany({
    where: { studySetId, status: "accepted", kind: { in: [...objectiveKinds] } },
    orderBy: { position: "asc" },
    select: {
      id: true,
      timeLimitSec: true,
      evidence: { select: { material: { select: { title: true } } } },
      options: { select: { evidence: { select: { material: { select: { title: true } } } } } },
    },
  });
  return rows.map((q) => {
    const titles = [...q.evidence, ...q.options.flatMap((o) => o.evidence)].map((e) => e.material.title);
    return { id: q.id, timeLimitSec: q.timeLimitSec, themes: [...new Set(titles)] };
  });
}

/** The learner's graded quiz answers in a set (or in one attempt), newest grade first, with the attempt each belongs to. */
export async function listGradedQuizAnswers(
  userId: string,
  studySetId: string,
  fromAttemptId?: string,
): Promise<{ attemptId: string; questionId: string; outcome: AnswerOutcome }[]> {
  const db = await getDb();
  const rows = await db.response.findMany({
    where: {
      attempt: { userId, kind: "quiz", status: { in: ["graded", "expired"] }, studySetId, ...(fromAttemptId ? { id: fromAttemptId } : {}) },
      gradedAt: { not: null },
    },
    orderBy: { gradedAt: "desc" },
    select: { attemptId: true, questionId: true, gradeDetails: true },
  });
  return rows.map((r) => ({ attemptId: r.attemptId, questionId: r.questionId, outcome: outcomeFromDetails(r.gradeDetails) }));
}

function outcomeFromDetails(details: Prisma.JsonValue | null): AnswerOutcome {
  const o = typeof details === "object" && details !== null && !Array.isArray(details) ? details.outcome : null;
  return o === "correct" || o === "partial" || o === "wrong" || o === "blank" ? o : "wrong";
}

/** Saves a quiz. Question ids must belong to the set (the caller chose them from listQuizCandidates). */
export async function createQuiz(input: Omit<QuizRecord, "id" | "createdAt">): Promise<QuizRecord> {
  const db = await getDb();
  // The set deleted meanwhile (this waited on the deletion's lock): NOT_FOUND, not a foreign-key error.
  const row = await orGone(() => db.quiz.create({
    data: {
      ownerId: input.ownerId,
      studySetId: input.studySetId,
      title: input.title,
      questionIds: input.questionIds,
      selection: input.selection ?? undefined,
      mode: input.mode,
      timeLimitSec: input.mode === "practice" ? null : input.timeLimitSec,
      graceSec: input.graceSec,
      markCorrect: input.scheme.correct,
      markWrong: input.scheme.wrong,
      markBlank: input.scheme.blank,
    },
    select: quizSelect,
  }), SET_DELETED_MESSAGE);
  return toQuiz(row);
}

export async function getQuiz(quizId: string): Promise<QuizRecord | null> {
  const db = await getDb();
  const row = await db.quiz.findUnique({ where: { id: quizId }, select: quizSelect });
  return row ? toQuiz(row) : null;
}

/**
 * Starts an attempt at a quiz: the server's `now` is the start, the deadline is the quiz's limit
 * with `extraTime` (a teacher's accommodation or the learner's own multiplier; none for practice),
 * and every question gets a blank answer at version 1 — all in one statement. `assignmentId` links
 * the attempt to the assignment it was done for.
 */
export async function startQuizAttempt(input: {
  quiz: QuizRecord;
  userId: string;
  extraTime?: ExtraTime;
  assignmentId?: string | null;
  /** When work must end whatever the time limit (an assignment's due time when late work is refused). */
  closesAt?: Date | null;
  now?: Date;
}): Promise<{ attemptId: string; startedAt: Date; deadlineAt: Date | null }> {
  const db = await getDb();
  const now = input.now ?? new Date();
  const extra = input.extraTime ?? NO_EXTRA_TIME;
  const limit = input.quiz.mode === "timed" ? quizDeadline(now, input.quiz.timeLimitSec, extra) : null;
  const deadlineAt = cappedDeadline(limit, input.closesAt ?? null);
  // Its set, quiz or assignment deleted meanwhile: NOT_FOUND, not a foreign-key error.
  const row = await orGone(() => db.attempt.create({
    data: {
      userId: input.userId,
      kind: "quiz",
      studySetId: input.quiz.studySetId,
      quizId: input.quiz.id,
      assignmentId: input.assignmentId ?? null,
      status: "in_progress",
      startedAt: now,
      deadlineAt,
      extraTimeMultiplier: deadlineAt ? extra.multiplier : null,
      extraTimeAddedSec: deadlineAt ? extra.addedSec : null,
      // Time on screen starts at 0 (not null): the page measures this attempt, so a question it never reported reads "not recorded", not the older measure (lib/quiz/question-clock timeOnQuestion).
      responses: { create: input.quiz.questionIds.map((questionId) => ({ questionId, content: {}, version: 1, savedAt: now, timeOnMs: 0 })) },
    },
    select: { id: true },
  }), input.assignmentId ? ASSIGNMENT_DELETED_MESSAGE : SET_DELETED_MESSAGE);
  return { attemptId: row.id, startedAt: now, deadlineAt };
}

export type QuizAttemptStatus = "in_progress" | "submitted" | "graded" | "expired";

export interface QuizAttemptRecord {
  id: string;
  userId: string;
  quiz: QuizRecord;
  studySetId: string;
  assignmentId: string | null;
  status: QuizAttemptStatus;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number | null;
  extraTime: ExtraTime | null;
}

const attemptSelect = {
  id: true,
  userId: true,
  studySetId: true,
  assignmentId: true,
  status: true,
  startedAt: true,
  deadlineAt: true,
  submittedAt: true,
  score: true,
  maxScore: true,
  extraTimeMultiplier: true,
  extraTimeAddedSec: true,
  quiz: { select: quizSelect },
} as const;

type AttemptRow = Prisma.AttemptGetPayload<{ select: typeof attemptSelect }>;

function toAttempt(row: AttemptRow): QuizAttemptRecord | null {
  if (!row.quiz) return null;
  return {
    id: row.id,
    userId: row.userId,
    quiz: toQuiz(row.quiz),
    studySetId: row.studySetId,
    assignmentId: row.assignmentId,
    status: row.status,
    startedAt: row.startedAt,
    deadlineAt: row.deadlineAt,
    submittedAt: row.submittedAt,
    score: row.score,
    maxScore: row.maxScore,
    extraTime: row.extraTimeMultiplier !== null ? { multiplier: row.extraTimeMultiplier, addedSec: row.extraTimeAddedSec ?? 0 } : null,
  };
}

/**
 * One quiz attempt, finalised first when its time (and grace) ran out while it was still open — so
 * whoever looks next (the learner, a teacher, a sweep) finds it graded from what was saved.
 */
export async function getQuizAttempt(attemptId: string, now: Date): Promise<QuizAttemptRecord | null> {
  const db = await getDb();
  const row = await db.attempt.findFirst({ where: { id: attemptId, kind: "quiz" }, select: attemptSelect });
  const attempt = row ? toAttempt(row) : null;
  if (!attempt) return null;
  if (attempt.status === "in_progress" && isAttemptExpired(attempt.deadlineAt, attempt.quiz.graceSec, now)) {
    await finaliseQuizAttempt(attemptId, "expired", now);
    const again = await db.attempt.findFirst({ where: { id: attemptId, kind: "quiz" }, select: attemptSelect });
    return again ? toAttempt(again) : null;
  }
  return attempt;
}

/** What the access rules need about a quiz attempt (see lib/auth/permissions `work.view`). */
export async function getQuizAttemptWork(attemptId: string): Promise<WorkFacts | null> {
  const db = await getDb();
  const row = await db.attempt.findFirst({ where: { id: attemptId, kind: "quiz" }, select: workSelect });
  if (!row) return null;
  return workFactsOf(row, await listOwnerClasses(row.userId));
}

/** The learner's newest unfinished attempt at a quiz, if any. */
export async function findOpenQuizAttempt(userId: string, quizId: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.attempt.findFirst({ where: { userId, quizId, kind: "quiz", status: "in_progress" }, orderBy: { startedAt: "desc" }, select: { id: true } });
  return row?.id ?? null;
}

export interface QuizQuestionForLearner {
  id: string;
  kind: string;
  prompt: string;
  unit: string | null;
  /** Option tokens (lib/quiz/option-tokens) and texts in the author's order; never whether an option is right. */
  options: { id: string; text: string }[];
}

export interface SavedAnswer {
  questionId: string;
  answer: QuizAnswer;
  version: number;
  savedAt: Date;
  firstSeenAt: Date | null;
  answeredAt: Date | null;
  /** Time on the learner's screen so far (ms; see markQuestionSeen): the quiz page counts on from it after a reload. */
  timeOnMs: number | null;
}

/**
 * The questions of a quiz as a learner may see them while answering — prompts and option texts
 * only, in the quiz's order. Questions removed from the set since the quiz was made are skipped.
 */
export async function listQuizQuestionsForLearner(quiz: QuizRecord, attemptId: string): Promise<QuizQuestionForLearner[]> {
  const db = await getDb();
  const rows = await db.question.findMany({
    where: { id: { in: quiz.questionIds }, studySetId: quiz.studySetId },
    select: { id: true, kind: true, prompt: true, unit: true, options: { orderBy: { position: "asc" }, select: { id: true, text: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return quiz.questionIds.flatMap((id) => {
    const q = byId.get(id);
    return q ? [{ id: q.id, kind: q.kind, prompt: q.prompt, unit: q.unit, options: q.options.map((o) => ({ id: optionToken(attemptId, o.id), text: o.text })) }] : [];
  });
}

/** Every saved answer of an attempt (one per question), options named by this attempt's tokens. */
export async function listSavedAnswers(attemptId: string): Promise<SavedAnswer[]> {
  const db = await getDb();
  const rows = await db.response.findMany({
    where: { attemptId },
    select: { questionId: true, content: true, version: true, savedAt: true, firstSeenAt: true, answeredAt: true, timeOnMs: true },
  });
  return rows.map((r) => ({
    questionId: r.questionId,
    answer: answerToTokens(attemptId, parseStoredAnswer(r.content)),
    version: r.version,
    savedAt: r.savedAt,
    firstSeenAt: r.firstSeenAt,
    answeredAt: r.answeredAt,
    timeOnMs: r.timeOnMs,
  }));
}

export type AnswerSave =
  | { status: "saved"; version: number; savedAt: Date }
  /** The answer moved on elsewhere (another tab): nothing was overwritten; here is what is stored. */
  | { status: "conflict"; current: { answer: QuizAnswer; version: number; savedAt: Date } }
  /** The attempt is finished (submitted, or time and grace ran out): the answer was not saved. */
  | { status: "closed"; reason: "finished" | "time_up" }
  /** An option token that is not one of the question's options. */
  | { status: "invalid" };

/**
 * Saves one answer over `expectedVersion` at the server's `now`. Accepted only while the attempt
 * is open and `now` is no later than deadline + grace; past that the attempt is finalised from what
 * was saved and the answer refused. A stale version is refused unless the stored answer already
 * says the same (a retried request: idempotent). Options are named by the attempt's tokens both
 * ways. Null when the attempt is not `userId`'s quiz attempt or the question is not in it.
 */
export async function saveQuizAnswer(input: { attemptId: string; userId: string; questionId: string; answer: QuizAnswer; expectedVersion: number; now: Date }): Promise<AnswerSave | null> {
  const db = await getDb();
  const { attemptId, userId, questionId, now } = input;
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId, kind: "quiz" },
    select: { status: true, deadlineAt: true, quiz: { select: { graceSec: true } } },
  });
  if (!attempt?.quiz) return null;
  if (attempt.status !== "in_progress") return { status: "closed", reason: "finished" };
  if (!isAcceptingAnswers(attempt.deadlineAt, attempt.quiz.graceSec, now)) {
    await finaliseQuizAttempt(attemptId, "expired", now);
    return { status: "closed", reason: "time_up" };
  }
  const options = await db.option.findMany({ where: { questionId }, select: { id: true } });
  const translated = answerFromTokens(attemptId, normalizeAnswer(input.answer), options.map((o) => o.id));
  if (!translated) return { status: "invalid" };
  const answer = translated;
  const { count } = await db.response.updateMany({
    where: { attemptId, questionId, version: input.expectedVersion, attempt: { status: "in_progress" } },
    data: { content: answer, version: { increment: 1 }, savedAt: now, answeredAt: now },
  });
  if (count === 1) return { status: "saved", version: input.expectedVersion + 1, savedAt: now };

  const current = await db.response.findUnique({
    where: { attemptId_questionId: { attemptId, questionId } },
    select: { content: true, version: true, savedAt: true, attempt: { select: { status: true } } },
  });
  if (!current) return null;
  if (current.attempt.status !== "in_progress") return { status: "closed", reason: "finished" };
  const stored = parseStoredAnswer(current.content);
  if (isSameAnswer(stored, answer)) return { status: "saved", version: current.version, savedAt: current.savedAt };
  return { status: "conflict", current: { answer: answerToTokens(attemptId, stored), version: current.version, savedAt: current.savedAt } };
}

/**
 * Records when the learner first saw a question (kept once) and, with `totalMs`, the page's running
 * total of the time the question has been on the learner's screen (ms). A total replaces a smaller
 * stored one and never lowers it, so a report sent again (its response lost) or arriving late changes
 * nothing. The questions of one attempt together never hold more than the attempt has lasted by the
 * server's clock at `now` (up to its deadline and grace, for a timed one), whatever the page claims:
 * reports for one attempt take turns on its row, so two at once cannot both take the same time.
 * Nothing changes once the attempt is over.
 */
export async function markQuestionSeen(attemptId: string, userId: string, questionId: string, now: Date, totalMs?: number): Promise<void> {
  const db = await getDb();
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId, kind: "quiz", status: "in_progress" },
    select: { startedAt: true, deadlineAt: true, quiz: { select: { graceSec: true } } },
  });
  if (!attempt) return;
  await db.response.updateMany({ where: { attemptId, questionId, firstSeenAt: null }, data: { firstSeenAt: now } });
  if (!totalMs || totalMs <= 0) return;
  const endMs = attempt.deadlineAt ? Math.min(now.getTime(), attempt.deadlineAt.getTime() + (attempt.quiz?.graceSec ?? 0) * 1000) : now.getTime();
  const lastedMs = Math.max(0, endMs - attempt.startedAt.getTime());
  await db.$transaction(async (tx) => {
    const open = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Attempt" WHERE "id" = ${attemptId} AND "status" = 'in_progress' FOR UPDATE`;
    if (open.length === 0) return;
    const rows = await tx.response.findMany({ where: { attemptId }, select: { questionId: true, timeOnMs: true } });
    const own = rows.find((r) => r.questionId === questionId);
    if (!own) return;
    const othersMs = rows.reduce((sum, r) => (r.questionId === questionId ? sum : sum + (r.timeOnMs ?? 0)), 0);
    const storedMs = own.timeOnMs ?? 0;
    const nextMs = Math.min(MAX_TIME_ON_MS, Math.max(storedMs, Math.min(totalMs, lastedMs - othersMs)));
    if (nextMs > storedMs) await tx.response.update({ where: { attemptId_questionId: { attemptId, questionId } }, data: { timeOnMs: nextMs } });
  });
}

interface GradingRow {
  id: string;
  kind: string;
  prompt: string;
  answer: string | null;
  tolerance: number | null;
  unit: string | null;
  explanation: string;
  marks: number;
  timeLimitSec: number;
  options: { id: string; text: string; isCorrect: boolean }[];
}

function toGradable(q: GradingRow): GradableQuestion {
  return {
    id: q.id,
    kind: q.kind as GradableQuestion["kind"],
    prompt: q.prompt,
    options: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.isCorrect })),
    ...(q.answer !== null ? { answer: q.answer } : {}),
    ...(q.tolerance !== null ? { tolerance: q.tolerance } : {}),
    ...(q.unit !== null ? { unit: q.unit } : {}),
    explanation: q.explanation,
    marks: q.marks,
    timeLimitSec: q.timeLimitSec,
    evidence: [],
  };
}

/**
 * Ends an open attempt and grades every saved answer under the quiz's marking scheme, in one
 * transaction: the attempt row flips first (so a second finaliser — the sweep, another request —
 * finds it closed and does nothing), the answers are locked before they are read (a save in flight
 * either lands before grading or is refused), and each graded answer's version is bumped so a save
 * that was waiting on it no longer matches. Returns false when the attempt was not open.
 */
export async function finaliseQuizAttempt(attemptId: string, as: "graded" | "expired", now: Date): Promise<boolean> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const attempt = await tx.attempt.findFirst({
      where: { id: attemptId, kind: "quiz" },
      select: { deadlineAt: true, quiz: { select: quizSelect } },
    });
    if (!attempt?.quiz) return false;
    const quiz = toQuiz(attempt.quiz);
    // Time ran out: the attempt ended at its deadline, whenever the grading happens.
    const endedAt = as === "expired" && attempt.deadlineAt ? attempt.deadlineAt : now;
    // An expiry is re-checked against the deadline as stored now: a due-date extension committed since the caller read
    // the attempt may have moved it on, and then the attempt stays open.
    const stillOpen = as === "expired" ? { deadlineAt: { lt: new Date(now.getTime() - quiz.graceSec * 1000) } } : {};
    const { count } = await tx.attempt.updateMany({ where: { id: attemptId, status: "in_progress", ...stillOpen }, data: { status: as, submittedAt: endedAt } });
    if (count === 0) return false;
    await tx.$queryRaw`SELECT "id" FROM "Response" WHERE "attemptId" = ${attemptId} FOR UPDATE`;
    const tally = await gradeResponses(tx, attemptId, quiz, now);
    await tx.attempt.update({ where: { id: attemptId }, data: { score: tally.score, maxScore: tally.maxScore } });
    return true;
  });
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function gradeResponses(tx: Tx, attemptId: string, quiz: QuizRecord, now: Date): Promise<QuizTally> {
  const responses = await tx.response.findMany({ where: { attemptId }, select: { id: true, questionId: true, content: true } });
  const questions = await tx.question.findMany({
    where: { id: { in: responses.map((r) => r.questionId) } },
    select: {
      id: true,
      kind: true,
      prompt: true,
      answer: true,
      tolerance: true,
      unit: true,
      explanation: true,
      marks: true,
      timeLimitSec: true,
      options: { orderBy: { position: "asc" }, select: { id: true, text: true, isCorrect: true } },
    },
  });
  const byId = new Map(questions.map((q) => [q.id, q]));
  const graded: { outcome: AnswerOutcome; marks: number }[] = [];
  for (const r of responses) {
    const q = byId.get(r.questionId);
    if (!q || !isObjectiveKind(q.kind)) continue;
    const answer = parseStoredAnswer(r.content);
    const isBlank = isBlankAnswer(answer);
    const result = isBlank ? null : gradeObjective(toGradable(q), toObjectiveResponse(q.kind, answer));
    const credit = result?.credit ?? 0;
    const outcome = outcomeOf(credit, isBlank);
    const marks = marksFor(outcome, credit, quiz.scheme);
    graded.push({ outcome, marks });
    await tx.response.update({
      where: { id: r.id },
      data: {
        score: marks,
        maxScore: quiz.scheme.correct,
        gradedAt: now,
        version: { increment: 1 },
        gradeDetails: { outcome, credit, feedback: result?.feedback ?? "Left blank." },
      },
    });
  }
  return tallyQuiz(graded, quiz.scheme);
}

/**
 * The periodic sweep: finalises every open quiz attempt whose deadline and grace have passed
 * (at most `limit` per call, oldest deadline first). Returns how many it finalised.
 */
export async function finaliseExpiredQuizAttempts(now: Date, limit = 100): Promise<number> {
  const db = await getDb();
  const rows = await db.attempt.findMany({
    where: { kind: "quiz", status: "in_progress", deadlineAt: { lt: now } },
    orderBy: { deadlineAt: "asc" },
    take: limit,
    select: { id: true, deadlineAt: true, quiz: { select: { graceSec: true } } },
  });
  let done = 0;
  for (const r of rows) {
    if (!r.quiz || !isAttemptExpired(r.deadlineAt, r.quiz.graceSec, now)) continue;
    if (await finaliseQuizAttempt(r.id, "expired", now)) done++;
  }
  return done;
}

export interface QuizResultQuestion {
  id: string;
  kind: string;
  prompt: string;
  unit: string | null;
  options: { id: string; text: string; isCorrect: boolean }[];
  /** The expected answer for non-choice kinds ("true", "2,500", "Tehreek-e-Taliban Pakistan"). */
  expected: string | null;
  tolerance: number | null;
  explanation: string;
  sources: SourceRef[];
  answer: QuizAnswer;
  outcome: AnswerOutcome;
  marks: number;
  feedback: string;
  firstSeenAt: Date | null;
  answeredAt: Date | null;
  /** How long the question was on the learner's screen, summed over visits (ms); null when the page reported nothing. */
  timeOnMs: number | null;
}

export interface QuizResult {
  attempt: QuizAttemptRecord;
  studySetTitle: string;
  questions: QuizResultQuestion[];
  tally: QuizTally;
}

const sourceSelect = { quote: true, material: { select: { id: true, title: true, outlet: true, publishedAt: true } } } as const;

/** A finished attempt with the key, explanations and sources; null while it is still open (the key never leaves before). */
export async function getQuizResult(attemptId: string, now: Date): Promise<QuizResult | null> {
  const attempt = await getQuizAttempt(attemptId, now);
  if (!attempt || attempt.status === "in_progress") return null;
  const db = await getDb();
  const [responses, set, questions] = await Promise.all([
    db.response.findMany({ where: { attemptId }, select: { questionId: true, content: true, score: true, gradeDetails: true, firstSeenAt: true, answeredAt: true, timeOnMs: true } }),
    db.studySet.findUnique({ where: { id: attempt.studySetId }, select: { title: true } }),
    db.question.findMany({
      where: { id: { in: attempt.quiz.questionIds } },
      select: {
        id: true,
        kind: true,
        prompt: true,
        unit: true,
        answer: true,
        tolerance: true,
        explanation: true,
        options: { orderBy: { position: "asc" }, select: { id: true, text: true, isCorrect: true, evidence: { select: sourceSelect } } },
        evidence: { select: sourceSelect },
      },
    }),
  ]);
  const responseOf = new Map(responses.map((r) => [r.questionId, r]));
  const questionOf = new Map(questions.map((q) => [q.id, q]));
  const out: QuizResultQuestion[] = [];
  for (const id of attempt.quiz.questionIds) {
    const q = questionOf.get(id);
    const r = responseOf.get(id);
    if (!q || !r) continue;
    const details = typeof r.gradeDetails === "object" && r.gradeDetails !== null && !Array.isArray(r.gradeDetails) ? r.gradeDetails : {};
    const spans = [...q.evidence, ...q.options.filter((o) => o.isCorrect).flatMap((o) => o.evidence)];
    out.push({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      unit: q.unit,
      options: q.options.map((o) => ({ id: o.id, text: o.text, isCorrect: o.isCorrect })),
      expected: q.answer,
      tolerance: q.tolerance,
      explanation: q.explanation,
      sources: dedupeSources(spans.map((e) => ({ materialId: e.material.id, title: e.material.title, outlet: e.material.outlet, publishedAt: e.material.publishedAt, quote: e.quote }))),
      answer: parseStoredAnswer(r.content),
      outcome: outcomeFromDetails(r.gradeDetails),
      marks: r.score ?? 0,
      feedback: typeof details.feedback === "string" ? details.feedback : "",
      firstSeenAt: r.firstSeenAt,
      answeredAt: r.answeredAt,
      timeOnMs: r.timeOnMs,
    });
  }
  return {
    attempt,
    studySetTitle: set?.title ?? "",
    questions: out,
    tally: tallyQuiz(
      out.map((q) => ({ outcome: q.outcome, marks: q.marks })),
      attempt.quiz.scheme,
    ),
  };
}

function dedupeSources(sources: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.materialId}\u0000${s.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface QuizAttemptSummary {
  id: string;
  title: string;
  studySetId: string;
  status: QuizAttemptStatus;
  startedAt: Date;
  score: number | null;
  maxScore: number | null;
}

/** A learner's quiz attempts, newest first (optionally on one set). */
export async function listQuizAttempts(userId: string, studySetId?: string, limit = 20): Promise<QuizAttemptSummary[]> {
  const db = await getDb();
  const rows = await db.attempt.findMany({
    where: { userId, kind: "quiz", ...(studySetId ? { studySetId } : {}) },
    orderBy: { startedAt: "desc" },
    take: limit,
    select: { id: true, studySetId: true, status: true, startedAt: true, score: true, maxScore: true, quiz: { select: { title: true } } },
  });
  return rows.map((r) => ({ id: r.id, title: r.quiz?.title ?? "Quiz", studySetId: r.studySetId, status: r.status, startedAt: r.startedAt, score: r.score, maxScore: r.maxScore }));
}

export interface MissedQuestionSource {
  questionId: string;
  kind: string;
  prompt: string;
  options: { text: string; isCorrect: boolean }[];
  expected: string | null;
  tolerance: number | null;
  unit: string | null;
  explanation: string;
  /** The question's evidence and its correct options' evidence, without repeats. */
  evidence: { materialId: string; start: number; end: number; quote: string }[];
}

/**
 * What a card made from a question of a finished attempt needs: the question, its key and its
 * evidence. Null when the attempt is not `userId`'s finished quiz attempt or the question was not in it.
 */
export async function getMissedQuestionSource(userId: string, attemptId: string, questionId: string): Promise<MissedQuestionSource | null> {
  const db = await getDb();
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId, kind: "quiz", status: { in: ["graded", "expired"] } },
    select: { studySetId: true, quiz: { select: { questionIds: true } } },
  });
  if (!attempt?.quiz || !attempt.quiz.questionIds.includes(questionId)) return null;
  const spanSelect = { select: { materialId: true, start: true, end: true, quote: true } } as const;
  const q = await db.question.findFirst({
    where: { id: questionId, studySetId: attempt.studySetId },
    select: {
      kind: true,
      prompt: true,
      answer: true,
      tolerance: true,
      unit: true,
      explanation: true,
      options: { orderBy: { position: "asc" }, select: { text: true, isCorrect: true, evidence: spanSelect } },
      evidence: spanSelect,
    },
  });
  if (!q) return null;
  const spans = [...q.evidence, ...q.options.filter((o) => o.isCorrect).flatMap((o) => o.evidence)];
  const evidence = spans.filter((s, i) => spans.findIndex((t) => t.materialId === s.materialId && t.start === s.start && t.end === s.end) === i);
  return {
    questionId,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options.map((o) => ({ text: o.text, isCorrect: o.isCorrect })),
    expected: q.answer,
    tolerance: q.tolerance,
    unit: q.unit,
    explanation: q.explanation,
    evidence,
  };
}

/** A set's title (null when there is no such set). */
export async function getStudySetTitle(setId: string): Promise<string | null> {
  const db = await getDb();
  const set = await db.studySet.findUnique({ where: { id: setId }, select: { title: true } });
  return set?.title ?? null;
}
