/**
 * Crux grading engine — pure, deterministic and offline by default.
 *
 * - `gradeObjective(question, response)` — single/multiple choice (partial credit), true/false,
 *   numeric (tolerance), short answer (normalised, alias-aware).
 * - `gradeWrittenAnswer({question, answerText, materials?})` — rubric-point grading with evidence,
 *   feedback, missed-point pointers, structure checks, gaming flags and fact checks (heuristic).
 * - `getGrader(env)` — the `Grader` to use: the LLM grader when LLM_BASE_URL and LLM_MODEL are set
 *   (and GRADER is not "heuristic"), else the heuristic grader.
 * - `applyOverrides(result, overrides)` — teacher moderation with the automatic mark kept.
 */
import { llmConfigFromEnv } from "@/lib/llm/client";
import { heuristicGrader } from "./heuristic";
import { createLlmGrader } from "./llm";
import type { Grader } from "./types";

export { gradeObjective, isSameShortAnswer, normalizeShortAnswer, type ObjectiveResponse, type ObjectiveResult } from "./objective";
export { gradeWrittenAnswer, heuristicGrader } from "./heuristic";
export { createLlmGrader, verdictToResult } from "./llm";
export { applyOverrides, type ModeratedPoint, type ModeratedResult, type PointOverride } from "./moderation";
export { gradeBatch, BatchInputError, type BatchGrade } from "./batch";
export * from "./schemas";
export * from "./types";

/** The grader selected by the environment (see module doc); never throws. */
export function getGrader(env: Record<string, string | undefined> = process.env): Grader {
  if (env.GRADER === "heuristic") return heuristicGrader;
  const config = llmConfigFromEnv(env);
  return config ? createLlmGrader(config) : heuristicGrader;
}
