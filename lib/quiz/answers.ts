import { z } from "zod";
import type { ObjectiveResponse } from "../grading/objective";

/**
 * A learner's answer to one quiz question as stored in Response.content and sent by the browser:
 * the chosen option ids (single and multiple choice, prelims statement items) or a text (true/false
 * as "true"/"false", a number, a short answer). An empty answer is a blank.
 */
export const MAX_SHORT_ANSWER_CHARS = 500;

export const quizAnswerSchema = z
  .object({
    optionIds: z.array(z.string().min(1).max(64)).max(20).optional(),
    text: z.string().max(MAX_SHORT_ANSWER_CHARS, `An answer can be at most ${MAX_SHORT_ANSWER_CHARS} characters.`).optional(),
  })
  .strict();
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;

export const BLANK_ANSWER: QuizAnswer = {};

/** The stored answer, or a blank when the stored JSON is not an answer (never throws on old rows). */
export function parseStoredAnswer(content: unknown): QuizAnswer {
  const parsed = quizAnswerSchema.safeParse(content);
  return parsed.success ? normalizeAnswer(parsed.data) : BLANK_ANSWER;
}

/** One canonical form: unique option ids in the order chosen, trimmed text, empty parts dropped. */
export function normalizeAnswer(answer: QuizAnswer): QuizAnswer {
  const optionIds = [...new Set(answer.optionIds ?? [])];
  const text = answer.text?.trim() ?? "";
  return { ...(optionIds.length ? { optionIds } : {}), ...(text ? { text } : {}) };
}

export function isBlankAnswer(answer: QuizAnswer): boolean {
  const n = normalizeAnswer(answer);
  return !n.optionIds && !n.text;
}

/** True when two answers say the same (option order does not matter). */
export function isSameAnswer(a: QuizAnswer, b: QuizAnswer): boolean {
  const x = normalizeAnswer(a);
  const y = normalizeAnswer(b);
  const ids = (v: QuizAnswer) => [...(v.optionIds ?? [])].sort().join("\u0000");
  return ids(x) === ids(y) && (x.text ?? "") === (y.text ?? "");
}

/** The response lib/grading/objective expects for a question of `kind`. */
export function toObjectiveResponse(kind: string, answer: QuizAnswer): ObjectiveResponse {
  const n = normalizeAnswer(answer);
  switch (kind) {
    case "single_choice":
      return n.optionIds?.[0] ?? null;
    case "multiple_choice":
      return n.optionIds ?? [];
    default:
      return n.text ?? null;
  }
}

/** The submit prompt's warning: "1 question is unanswered." / "3 questions are unanswered." */
export function unansweredNote(count: number): string {
  return count === 1 ? "1 question is unanswered." : `${count} questions are unanswered.`;
}
