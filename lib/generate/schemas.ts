import { z } from "zod";

/**
 * The study-set shape shared by the generator CLI (`npm run generate`), the LLM output parser,
 * the shipped study pack and the database seed. Every generated item carries evidence: spans
 * `[start, end)` into its material's cleaned `text`, with `quote === text.slice(start, end)`.
 */
export const evidenceSpanSchema = z.object({
  materialId: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string().min(1),
});
export type EvidenceSpan = z.infer<typeof evidenceSpanSchema>;

export const materialSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** The input file's name (CLI) or a short label for where the text came from. */
  source: z.string().min(1),
  /** Publisher or outlet, e.g. "Financial Times". */
  outlet: z.string().optional(),
  /** ISO date (YYYY-MM-DD) or a coarser label such as "2025" when only that is known. */
  publishedAt: z.string().optional(),
  url: z.string().optional(),
  /** Cleaned text; every evidence offset points into it. */
  text: z.string().min(1),
  /**
   * Offsets into `text` where a sentence certainly starts, ascending (a removed citation marker stood
   * there: "…World War I.[133] Gandhi's…"). Stored with the text and passed back on a re-read, which no
   * longer sees the markers. Absent when there are none.
   */
  sentenceStarts: z.array(z.number().int().nonnegative()).optional(),
});
export type Material = z.infer<typeof materialSchema>;

/**
 * For a schema's refinement: an issue at `sentenceStarts[i]` for each start out of ascending order or
 * not inside a text `textLength` characters long (shared by ingestion's and the grader's material input).
 */
export function checkSentenceStarts(starts: readonly number[] | undefined, textLength: number, ctx: z.RefinementCtx): void {
  (starts ?? []).forEach((at, i, all) => {
    if (i > 0 && at <= all[i - 1]!) ctx.addIssue({ code: "custom", path: ["sentenceStarts", i], message: `must be in ascending order (${at} follows ${all[i - 1]})` });
    else if (at >= textLength) ctx.addIssue({ code: "custom", path: ["sentenceStarts", i], message: `${at} is beyond the end of the text (${textLength} characters)` });
  });
}

/** How good a draft item is, in [0, 1], with the reasons ("+0.20 asks for a figure with its unit"). */
export const itemQualitySchema = z.object({
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  /** The sum of the points its reasons take off, as a positive number (0 when none do). */
  penalty: z.number().min(0).optional(),
});
export type ItemQuality = z.infer<typeof itemQualitySchema>;

export const cardKinds = ["qa", "cloze", "acronym", "who_said", "timeline"] as const;
export type CardKind = (typeof cardKinds)[number];

export const cardSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(cardKinds),
  front: z.string().min(1),
  back: z.string().min(1),
  evidence: z.array(evidenceSpanSchema).min(1),
  quality: itemQualitySchema.optional(),
});
export type Card = z.infer<typeof cardSchema>;

export const questionKinds = [
  "single_choice",
  "multiple_choice",
  "true_false",
  "short_answer",
  "numeric",
  "written",
] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const optionSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  correct: z.boolean(),
  evidence: z.array(evidenceSpanSchema).optional(),
});
export type Option = z.infer<typeof optionSchema>;

export const questionSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(questionKinds),
  prompt: z.string().min(1),
  options: z.array(optionSchema).optional(),
  /** Short answer: the expected text; numeric: the number as a string; true/false: "true" | "false". */
  answer: z.string().optional(),
  /** Numeric questions: accepted absolute difference from `answer`. */
  tolerance: z.number().nonnegative().optional(),
  unit: z.string().optional(),
  explanation: z.string().min(1),
  marks: z.number().positive(),
  timeLimitSec: z.number().int().positive(),
  wordLimit: z.number().int().positive().optional(),
  evidence: z.array(evidenceSpanSchema).min(1),
  quality: itemQualitySchema.optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const rubricPointSchema = z.object({
  id: z.string().min(1),
  point: z.string().min(1),
  marks: z.number().positive(),
  kind: z.enum(["content", "structure"]),
});
export type RubricPoint = z.infer<typeof rubricPointSchema>;

export const modelAnswerPointSchema = z.object({
  text: z.string().min(1),
  example: z.string().optional(),
  evidence: z.array(evidenceSpanSchema),
});

export const modelAnswerSchema = z.object({
  questionId: z.string().min(1),
  directive: z.string().min(1),
  coreDemands: z.array(z.string().min(1)).min(1),
  introduction: z.string().min(1),
  body: z
    .array(z.object({ heading: z.string().min(1), points: z.array(modelAnswerPointSchema).min(1) }))
    .min(1),
  conclusion: z.string().min(1),
  rubric: z.array(rubricPointSchema).min(1),
});
export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

export const studySetSchema = z.object({
  materials: z.array(materialSchema),
  cards: z.array(cardSchema),
  questions: z.array(questionSchema),
  modelAnswers: z.array(modelAnswerSchema),
});
export type StudySet = z.infer<typeof studySetSchema>;

/** True when every span's quote is exactly the material text between its offsets. */
export function isEvidenceExact(span: EvidenceSpan, materials: ReadonlyMap<string, Material>): boolean {
  const material = materials.get(span.materialId);
  return !!material && span.end <= material.text.length && material.text.slice(span.start, span.end) === span.quote;
}
