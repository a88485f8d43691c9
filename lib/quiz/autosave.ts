import { isSameAnswer, parseStoredAnswer, type QuizAnswer } from "./answers";

/**
 * The quiz page's autosave bookkeeping, kept pure so it can be tested without a browser. Per
 * question the page knows the server's confirmed answer and version and the learner's latest choice;
 * a save is due when they differ. Every choice is also kept on the device (localStorage) with the
 * version it was made over, so a reload, a dropped connection or a closed tab loses nothing.
 */
export interface ServerAnswer {
  answer: QuizAnswer;
  version: number;
}

export interface LocalChoice {
  answer: QuizAnswer;
  /** The server version this choice was made over. */
  baseVersion: number;
}

export type LocalChoices = Record<string, LocalChoice>;

export const localQuizKey = (attemptId: string) => `crux:quiz-answers:${attemptId}`;

/** The stored choices, or none when missing or unreadable. */
export function parseLocalChoices(raw: string | null): LocalChoices {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    const out: LocalChoices = {};
    for (const [questionId, entry] of Object.entries(value as Record<string, unknown>)) {
      if (typeof entry !== "object" || entry === null) continue;
      const e = entry as Record<string, unknown>;
      if (typeof e.baseVersion !== "number") continue;
      out[questionId] = { answer: parseStoredAnswer(e.answer), baseVersion: e.baseVersion };
    }
    return out;
  } catch {
    return {};
  }
}

/**
 * The choices to show when the page opens: the device's choice where it was made over the server's
 * current version (or a newer one) and differs — an edit the server never received — otherwise the
 * server's answer. A device choice over an older version lost to a newer save from elsewhere.
 */
export function pickStartingAnswers(server: Record<string, ServerAnswer>, local: LocalChoices): Record<string, QuizAnswer> {
  const out: Record<string, QuizAnswer> = {};
  for (const [questionId, s] of Object.entries(server)) {
    const l = local[questionId];
    out[questionId] = l && l.baseVersion >= s.version && !isSameAnswer(l.answer, s.answer) ? l.answer : s.answer;
  }
  return out;
}

/** Questions whose shown choice the server has not confirmed yet, in quiz order. */
export function unsavedQuestionIds(order: readonly string[], shown: Record<string, QuizAnswer>, confirmed: Record<string, ServerAnswer>): string[] {
  return order.filter((id) => {
    const s = confirmed[id];
    const a = shown[id];
    return s !== undefined && a !== undefined && !isSameAnswer(a, s.answer);
  });
}

/** Delay before retry number `attempt` (0-based) of a failed save: 1 s, 2 s, 4 s … at most 15 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt));
}
