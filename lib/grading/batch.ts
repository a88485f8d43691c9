import { normalizeChars } from "@/lib/nlp";
import { gradeWrittenAnswer } from "./heuristic";
import { answersFileSchema, describeZodError, questionsFileSchema } from "./schemas";
import type { GradingMaterial, WrittenGradeResult } from "./types";

/** One line of the CLI's output: the stable contract of `npm run grade`. */
export interface BatchGrade {
  answerId: string;
  questionId: string;
  score: number;
  maxScore: number;
  points: Array<{
    rubricId: string;
    awarded: number;
    max: number;
    evidence: Array<{ start: number; end: number; quote: string }>;
    feedback: string;
  }>;
  flags: string[];
}

export class BatchInputError extends Error {
  override name = "BatchInputError";
}

/**
 * Validates the CLI's question and answer files (already parsed JSON) and grades every answer.
 * Throws BatchInputError with a readable message on malformed input or unknown question ids.
 */
export function gradeBatch(questionsJson: unknown, answersJson: unknown, materials: GradingMaterial[] = []): BatchGrade[] {
  const questions = questionsFileSchema.safeParse(questionsJson);
  if (!questions.success) throw new BatchInputError(`questions file is malformed:\n${describeZodError(questions.error)}`);
  const answers = answersFileSchema.safeParse(answersJson);
  if (!answers.success) throw new BatchInputError(`answers file is malformed:\n${describeZodError(answers.error)}`);
  const byId = new Map(questions.data.map((q) => [q.id, q]));
  if (byId.size !== questions.data.length) throw new BatchInputError("questions file has duplicate question ids");
  for (const a of answers.data) {
    if (!byId.has(a.questionId)) throw new BatchInputError(`answer ${a.id} refers to unknown question ${a.questionId}`);
  }
  return answers.data.map((a) => {
    const question = byId.get(a.questionId);
    if (!question) throw new BatchInputError(`unknown question ${a.questionId}`);
    return toBatchGrade(a.id, gradeWrittenAnswer({ question, answerText: a.text, materials }));
  });
}

export function toBatchGrade(answerId: string, r: WrittenGradeResult): BatchGrade {
  return {
    answerId,
    questionId: r.questionId,
    score: r.score,
    maxScore: r.maxScore,
    points: r.points.map((p) => ({ rubricId: p.rubricId, awarded: p.awarded, max: p.max, evidence: p.evidence, feedback: p.feedback })),
    flags: r.flags,
  };
}

/**
 * Minimal material cleaning for raw article text when no richer cleaner is available: normalise
 * quotes/dashes/spaces and drop common web boilerplate lines (video placeholders, newsletter and
 * PDF banners, comment counters, relative dates).
 */
export function basicCleanMaterial(raw: string): string {
  const boilerplate =
    /^(?:to view this video|unlock the editor|to get pdf|latest comments?|\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago|share this|sign up|subscribe|advertisement|read more|related:)/i;
  return normalizeChars(raw.replace(/\r\n?/g, "\n"))
    .split("\n")
    .filter((line) => !boilerplate.test(line.trim()))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
