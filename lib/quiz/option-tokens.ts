import { createHash } from "node:crypto";
import type { QuizAnswer } from "./answers";

/**
 * What the browser calls an option while an attempt is open: a hash of the attempt and the
 * option's database id, never the id itself — so nothing sent before submission (not even the
 * order in which options were created) can say which option is right. Stored answers keep the real
 * option ids; tokens are translated at the edge.
 */
export function optionToken(attemptId: string, optionId: string): string {
  return "o_" + createHash("sha256").update(`${attemptId}\u0000${optionId}`).digest("base64url").slice(0, 22);
}

/** The answer with option ids replaced by this attempt's tokens. */
export function answerToTokens(attemptId: string, answer: QuizAnswer): QuizAnswer {
  return answer.optionIds ? { ...answer, optionIds: answer.optionIds.map((id) => optionToken(attemptId, id)) } : answer;
}

/** The answer with tokens turned back into the question's option ids; null when a token names no option of it. */
export function answerFromTokens(attemptId: string, answer: QuizAnswer, optionIds: readonly string[]): QuizAnswer | null {
  if (!answer.optionIds) return answer;
  const byToken = new Map(optionIds.map((id) => [optionToken(attemptId, id), id]));
  const ids: string[] = [];
  for (const token of answer.optionIds) {
    const id = byToken.get(token);
    if (!id) return null;
    ids.push(id);
  }
  return { ...answer, optionIds: ids };
}
