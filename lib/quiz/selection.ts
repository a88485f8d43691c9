import type { AnswerOutcome } from "./marking";
/**
 * Which of a set's objective questions a quiz asks: all of them, N at random, the ones the learner
 * last got wrong (or left blank), or those drawn from one source (a theme: the material a question's
 * evidence comes from). Randomness is passed in so tests can pin it.
 */
export const objectiveKinds = ["single_choice", "multiple_choice", "true_false", "numeric", "short_answer"] as const;
export type ObjectiveKind = (typeof objectiveKinds)[number];

export function isObjectiveKind(kind: string): kind is ObjectiveKind {
  return (objectiveKinds as readonly string[]).includes(kind);
}

export interface QuizCandidate {
  id: string;
  /** Titles of the materials the question's evidence comes from. */
  themes: string[];
  timeLimitSec: number;
}

export type QuizSelection =
  | { by: "all" }
  | { by: "random"; count: number }
  | { by: "missed"; fromAttemptId?: string }
  | { by: "theme"; theme: string };

/** Fisher–Yates shuffle of a copy, driven by `random` in [0, 1). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The questions of a quiz, in the order asked. `candidates` are in set order; `missedIds` are the
 * questions the learner missed (used by `missed`). Random draws keep no order; others keep set order.
 */
export function selectQuizQuestions(candidates: readonly QuizCandidate[], selection: QuizSelection, random: () => number, missedIds: ReadonlySet<string> = new Set()): QuizCandidate[] {
  switch (selection.by) {
    case "all":
      return [...candidates];
    case "random":
      return shuffled(candidates, random).slice(0, Math.max(0, selection.count));
    case "missed":
      return candidates.filter((c) => missedIds.has(c.id));
    case "theme":
      return candidates.filter((c) => c.themes.includes(selection.theme));
  }
}

/** Every theme among the candidates with its question count, in first-seen order. */
export function listThemes(candidates: readonly QuizCandidate[]): { theme: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of candidates) for (const t of new Set(c.themes)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([theme, count]) => ({ theme, count }));
}

/** The default time limit of a timed quiz: each question's own time limit, added up. */
export function defaultTimeLimitSec(questions: readonly QuizCandidate[]): number {
  return questions.reduce((sum, q) => sum + Math.max(0, q.timeLimitSec), 0);
}

/** A title that says what was chosen ("TTP pack — 10 random questions"). */
export function quizTitle(setTitle: string, selection: QuizSelection, count: number): string {
  const n = `${count} question${count === 1 ? "" : "s"}`;
  switch (selection.by) {
    case "all":
      return `${setTitle} — all ${n}`;
    case "random":
      return `${setTitle} — ${count} random question${count === 1 ? "" : "s"}`;
    case "missed":
      return `${setTitle} — ${n} missed before`;
    case "theme":
      return `${setTitle} — ${selection.theme} (${n})`;
  }
}

/**
 * Questions the learner missed among graded answers (newest first): those whose latest answer was
 * not fully right (a wrong, partial or blank answer).
 */
export function missedQuestionIds(answers: { questionId: string; outcome: AnswerOutcome }[]): Set<string> {
  const latest = new Map<string, AnswerOutcome>();
  for (const a of answers) if (!latest.has(a.questionId)) latest.set(a.questionId, a.outcome);
  return new Set([...latest].filter(([, outcome]) => outcome !== "correct").map(([id]) => id));
}
