import "server-only";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { getStudySetFacts } from "../db/study-sets";
import {
  createQuiz,
  getQuizAttempt,
  getQuizAttemptWork,
  getMissedQuestionSource,
  getQuizResult,
  getStudySetTitle,
  finaliseQuizAttempt,
  listGradedQuizAnswers,
  listQuizAttempts,
  listQuizCandidates,
  listQuizQuestionsForLearner,
  listSavedAnswers,
  markQuestionSeen,
  saveQuizAnswer,
  startQuizAttempt,
  type AnswerSave,
  type QuizAttemptRecord,
  type QuizAttemptSummary,
  type QuizQuestionForLearner,
  type QuizResult,
  type QuizResultQuestion,
  type SavedAnswer,
} from "../db/quizzes";
import { addLearnerCard, listLearnerCardOrigins } from "../db/learner-cards";
import { markingSchemePresets } from "../quiz/marking";
import { questionWithOptions, rightAnswerText } from "../quiz/right-answer";
import { cardFromMissedQuestion } from "../srs/learner-card";
import { newCardMemory } from "../srs/schedule";
import { markSeenSchema, saveQuizAnswerSchema, startQuizSchema } from "../quiz/schemas";
import { defaultTimeLimitSec, listThemes, missedQuestionIds, quizTitle, selectQuizQuestions, type QuizSelection } from "../quiz/selection";
import { assertCan, canOpenStudySet } from "./authorize";
import { fieldErrorsOf } from "./validation";
import { withheldAttempts, withheldNoteFor, withoutWithheldScores } from "./result-release";
import { heldQuestionsFor } from "./practice-holds";
import { practiceHoldMessage } from "../classes/assignments";

/**
 * Timed quizzes for a learner: choose questions from a set they can open, take them against the
 * server's clock with every answer autosaved, and read the result with the key, explanations and
 * sources — which never leave the server while the attempt is open.
 */

/** Seconds after the deadline that a save still counts, stated on the quiz page. */
export const QUIZ_GRACE_SEC = 5;

const NOT_FOUND = "That quiz does not exist.";

async function loadVisibleSet(actor: Actor, setId: string): Promise<{ title: string }> {
  const facts = await getStudySetFacts(setId, actor.id);
  if (!facts) throw new AppError("NOT_FOUND", "That study set does not exist.");
  assertCan(actor, { action: "studySet.view", set: facts });
  const title = await getStudySetTitle(setId);
  if (title === null) throw new AppError("NOT_FOUND", "That study set does not exist.");
  return { title };
}

export interface QuizStartPage {
  studySetId: string;
  studySetTitle: string;
  questionCount: number;
  /** Seconds a timed quiz of every question allows (each question's own limit, added up). */
  allTimeLimitSec: number;
  themes: { theme: string; count: number }[];
  missedCount: number;
  attempts: QuizAttemptSummary[];
  /** Questions left out of the learner's own quizzes until an assignment's results are theirs (null when none). */
  heldBack: { count: number; note: string } | null;
}

const RESULTS_WITHHELD = "Your results for this quiz are not released yet.";

/**
 * The questions of a set the learner missed, counting only quizzes whose results they may see at
 * `now`: an assigned quiz whose results are withheld must not tell them which answers were wrong.
 */
async function releasedMissedQuestionIds(userId: string, setId: string, now: Date, fromAttemptId?: string): Promise<Set<string>> {
  const answers = await listGradedQuizAnswers(userId, setId, fromAttemptId);
  const withheld = await withheldAttempts([...new Set(answers.map((a) => a.attemptId))], now);
  return missedQuestionIds(withheld.size === 0 ? answers : answers.filter((a) => !withheld.has(a.attemptId)));
}

/**
 * A set's quiz questions open to the learner's own quizzes at `now` (`candidates`): every question
 * (`all`) less those an assignment holds back, with the first hold to explain what is left out.
 */
async function practiceCandidates(userId: string, setId: string, now: Date) {
  const [all, held] = await Promise.all([listQuizCandidates(setId), heldQuestionsFor(userId, setId, now)]);
  const firstHold = all.map((c) => held.get(c.id)).find((h) => h !== undefined);
  return { all, candidates: firstHold ? all.filter((c) => !held.has(c.id)) : all, firstHold };
}

/** What the quiz start page of a set offers: how many questions, themes, how many the learner missed, earlier attempts. */
export async function getQuizStartPageFor(actor: Actor, setId: string, now: Date = new Date()): Promise<QuizStartPage> {
  const set = await loadVisibleSet(actor, setId);
  const [{ all, candidates, firstHold }, missed, attempts] = await Promise.all([
    practiceCandidates(actor.id, setId, now),
    releasedMissedQuestionIds(actor.id, setId, now),
    listQuizAttemptsFor(actor, setId, now),
  ]);
  const ids = new Set(candidates.map((c) => c.id));
  return {
    studySetId: setId,
    studySetTitle: set.title,
    questionCount: candidates.length,
    allTimeLimitSec: defaultTimeLimitSec(candidates),
    themes: listThemes(candidates),
    missedCount: [...missed].filter((id) => ids.has(id)).length,
    attempts,
    heldBack: firstHold ? { count: all.length - candidates.length, note: practiceHoldMessage(firstHold, all.length - candidates.length) } : null,
  };
}

/**
 * Makes a quiz from the learner's choices and starts it at the server's `now`: the questions
 * (all, N random, missed, a theme), timed (each question's limit added up, times the learner's own
 * multiplier) or untimed practice, and the marking scheme. INVALID when nothing matches the choice.
 */
export async function startQuizForSet(actor: Actor, raw: unknown, now: Date, random: () => number = Math.random): Promise<{ attemptId: string }> {
  const parsed = startQuizSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Check the quiz settings.", fieldErrorsOf(parsed.error));
  const input = parsed.data;
  const set = await loadVisibleSet(actor, input.studySetId);
  const selection: QuizSelection =
    input.by === "random"
      ? { by: "random", count: input.count ?? 1 }
      : input.by === "theme"
        ? { by: "theme", theme: input.theme ?? "" }
        : input.by === "missed"
          ? input.fromAttemptId
            ? { by: "missed", fromAttemptId: input.fromAttemptId }
            : { by: "missed" }
          : { by: "all" };
  if (selection.by === "missed" && selection.fromAttemptId) {
    const from = await getQuizAttempt(selection.fromAttemptId, now);
    if (!from || from.userId !== actor.id || from.studySetId !== input.studySetId) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (await withheldNoteFor(true, from.id, now)) throw new AppError("INVALID", RESULTS_WITHHELD);
  }
  // Questions of an assignment whose answers the learner may not see yet stay out of their own quizzes.
  const { all, candidates, firstHold } = await practiceCandidates(actor.id, input.studySetId, now);
  const missed = selection.by === "missed" ? await releasedMissedQuestionIds(actor.id, input.studySetId, now, selection.fromAttemptId) : undefined;
  const chosen = selectQuizQuestions(candidates, selection, random, missed);
  if (chosen.length === 0) {
    // No questions at all: the set may have been deleted since it was loaded (NOT_FOUND, not "no questions").
    if (all.length === 0) await loadVisibleSet(actor, input.studySetId);
    const why =
      all.length === 0
        ? "This set has no timed questions yet."
        : candidates.length === 0 && firstHold
          ? practiceHoldMessage(firstHold, all.length)
          : selection.by === "missed"
            ? "You have not missed any question here yet — nothing to retry."
            : selection.by === "theme"
              ? "No question of this set comes from that source."
              : "No question matches that choice.";
    throw new AppError("INVALID", why);
  }
  const quiz = await createQuiz({
    ownerId: actor.id,
    studySetId: input.studySetId,
    title: quizTitle(set.title, selection, chosen.length),
    questionIds: chosen.map((c) => c.id),
    selection,
    mode: input.mode,
    timeLimitSec: input.mode === "timed" ? defaultTimeLimitSec(chosen) : null,
    graceSec: QUIZ_GRACE_SEC,
    scheme: markingSchemePresets[input.marking].scheme,
  });
  const started = await startQuizAttempt({ quiz, userId: actor.id, extraTime: { multiplier: input.multiplier, addedSec: 0 }, now });
  return { attemptId: started.attemptId };
}

/**
 * Starts a new attempt at the questions missed in a finished attempt, with the same mode, marking
 * and extra time as that attempt.
 */
export async function retryMissedFor(actor: Actor, attemptId: string, now: Date): Promise<{ attemptId: string }> {
  const from = await loadOwnAttempt(actor, attemptId, now);
  if (from.status === "in_progress") throw new AppError("INVALID", "Finish this quiz before retrying the questions you missed.");
  const preset = (Object.keys(markingSchemePresets) as (keyof typeof markingSchemePresets)[]).find((k) => {
    const s = markingSchemePresets[k].scheme;
    return s.correct === from.quiz.scheme.correct && s.wrong === from.quiz.scheme.wrong && s.blank === from.quiz.scheme.blank;
  });
  return startQuizForSet(
    actor,
    {
      studySetId: from.studySetId,
      by: "missed",
      fromAttemptId: attemptId,
      mode: from.quiz.mode,
      multiplier: from.extraTime?.multiplier ?? 1,
      marking: preset ?? "standard",
    },
    now,
  );
}

/** The actor's own quiz attempt (finalised first if its time ran out); a teacher never answers for a student. */
async function loadOwnAttempt(actor: Actor, attemptId: string, now: Date): Promise<QuizAttemptRecord> {
  const attempt = await getQuizAttempt(attemptId, now);
  if (!attempt || attempt.userId !== actor.id) throw new AppError("NOT_FOUND", NOT_FOUND);
  return attempt;
}

export interface QuizTakingView {
  attemptId: string;
  title: string;
  studySetId: string;
  mode: "timed" | "practice";
  startedAt: Date;
  deadlineAt: Date | null;
  /** The quiz's own limit before extra time (null when untimed). */
  timeLimitSec: number | null;
  graceSec: number;
  /** The server's clock now, so the browser can correct its own. */
  serverNow: Date;
  extraTime: { multiplier: number; addedSec: number } | null;
  schemeLabel: string;
  questions: QuizQuestionForLearner[];
  answers: SavedAnswer[];
}

function schemeLabel(scheme: { correct: number; wrong: number; blank: number }): string {
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
  return `+${fmt(scheme.correct)} right, ${scheme.wrong < 0 ? "−" + fmt(-scheme.wrong) : fmt(scheme.wrong)} wrong, ${fmt(scheme.blank)} blank`;
}

/**
 * The page a learner answers on: prompts and option texts, saved answers and versions, the
 * server's deadline. `finished` when the attempt is over (submitted, or time ran out — it is graded now).
 */
export async function getQuizTakingViewFor(actor: Actor, attemptId: string, now: Date): Promise<{ status: "open"; view: QuizTakingView } | { status: "finished"; attemptId: string }> {
  const attempt = await loadOwnAttempt(actor, attemptId, now);
  if (attempt.status !== "in_progress") return { status: "finished", attemptId };
  const [questions, answers] = await Promise.all([listQuizQuestionsForLearner(attempt.quiz, attemptId), listSavedAnswers(attemptId)]);
  return {
    status: "open",
    view: {
      attemptId,
      title: attempt.quiz.title,
      studySetId: attempt.studySetId,
      mode: attempt.quiz.mode,
      startedAt: attempt.startedAt,
      deadlineAt: attempt.deadlineAt,
      timeLimitSec: attempt.quiz.timeLimitSec,
      graceSec: attempt.quiz.graceSec,
      serverNow: now,
      extraTime: attempt.extraTime,
      schemeLabel: schemeLabel(attempt.quiz.scheme),
      questions,
      answers,
    },
  };
}

/** Autosaves one answer at the server's `now` (see saveQuizAnswer for the version and clock rules). */
export async function saveQuizAnswerFor(actor: Actor, attemptId: string, raw: unknown, now: Date): Promise<Exclude<AnswerSave, { status: "invalid" }>> {
  const parsed = saveQuizAnswerSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "That answer could not be read.", fieldErrorsOf(parsed.error));
  const { questionId, answer, version } = parsed.data;
  const saved = await saveQuizAnswer({ attemptId, userId: actor.id, questionId, answer, expectedVersion: version, now });
  if (!saved) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (saved.status === "invalid") throw new AppError("INVALID", "That choice is not one of this question's options. Reload the quiz page.");
  return saved;
}

/** Records that the learner opened a question and, with `totalMs`, how long it has been on their screen in all (time per question on the result; see markQuestionSeen). */
export async function markQuestionSeenFor(actor: Actor, attemptId: string, raw: unknown, now: Date): Promise<void> {
  const parsed = markSeenSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Which question was seen?");
  await markQuestionSeen(attemptId, actor.id, parsed.data.questionId, now, parsed.data.totalMs);
}

/** Ends the learner's attempt and grades it; an attempt already over (or timed out meanwhile) is simply answered with. */
export async function submitQuizFor(actor: Actor, attemptId: string, now: Date): Promise<{ attemptId: string }> {
  const attempt = await loadOwnAttempt(actor, attemptId, now);
  if (attempt.status === "in_progress") await finaliseQuizAttempt(attemptId, "graded", now);
  return { attemptId };
}

/** A quiz submitted for an assignment whose results are not released to this student yet: no score, no key. */
export interface QuizWithheldView {
  state: "withheld";
  attemptId: string;
  title: string;
  studySetId: string;
  submittedAt: Date | null;
  note: string;
}

export interface QuizResultView extends QuizResult {
  state: "released";
  isOwn: boolean;
  /** The actor may still open the quiz's set (its quizzes, a retry of the missed questions): false once they have left the class that gave it to them. */
  canOpenSet: boolean;
  questions: (QuizResultQuestion & { rightAnswer: string; hasCard: boolean })[];
}

const originOf = (questionId: string) => `question:${questionId}`;

/** The result of a finished attempt, for its owner or a teacher who supervises the work; CONFLICT while still open. */
export async function getQuizResultFor(actor: Actor, attemptId: string, now: Date): Promise<QuizResultView | QuizWithheldView> {
  const work = await getQuizAttemptWork(attemptId);
  if (!work) throw new AppError("NOT_FOUND", NOT_FOUND);
  assertCan(actor, { action: "work.view", work });
  const result = await getQuizResult(attemptId, now);
  if (!result) throw new AppError("CONFLICT", "This quiz is still in progress: its results are shown once it is submitted or its time runs out.");
  const isOwn = result.attempt.userId === actor.id;
  const withheldNote = await withheldNoteFor(isOwn, attemptId, now);
  if (withheldNote) {
    const { attempt } = result;
    return { state: "withheld", attemptId, title: attempt.quiz.title, studySetId: attempt.studySetId, submittedAt: attempt.submittedAt, note: withheldNote };
  }
  const [carded, canOpenSet] = await Promise.all([
    isOwn ? listLearnerCardOrigins(actor.id, result.questions.map((q) => originOf(q.id))) : new Set<string>(),
    canOpenStudySet(actor, result.attempt.studySetId),
  ]);
  return {
    ...result,
    state: "released",
    isOwn,
    canOpenSet,
    questions: result.questions.map((q) => ({ ...q, rightAnswer: rightAnswerText(q), hasCard: carded.has(originOf(q.id)) })),
  };
}

/**
 * Makes a question of the learner's finished attempt a card in their "Missed points" set (shared
 * with written answers' missed points), due at once as a new FSRS card; twice gives the same card.
 */
export async function makeMissedQuestionCardFor(actor: Actor, attemptId: string, questionId: string, now: Date): Promise<{ cardId: string }> {
  const attempt = await loadOwnAttempt(actor, attemptId, now);
  if (attempt.status === "in_progress") throw new AppError("INVALID", "Cards can be made once the quiz is finished.");
  if (await withheldNoteFor(true, attemptId, now)) throw new AppError("INVALID", RESULTS_WITHHELD);
  const source = await getMissedQuestionSource(actor.id, attemptId, questionId);
  if (!source) throw new AppError("NOT_FOUND", "That question is not part of this quiz.");
  const draft = cardFromMissedQuestion({
    questionId,
    prompt: questionWithOptions(source.kind, source.prompt, source.options),
    correctAnswer: rightAnswerText(source),
    explanation: source.explanation,
    evidence: source.evidence,
  });
  const made = await addLearnerCard(actor.id, draft, newCardMemory(now));
  return { cardId: made.cardId };
}

/** The learner's quiz attempts, newest first. */
export async function listQuizAttemptsFor(actor: Actor, setId?: string, now: Date = new Date()): Promise<QuizAttemptSummary[]> {
  return withoutWithheldScores(await listQuizAttempts(actor.id, setId), now);
}
