import { z } from "zod";
import { checkSentenceStarts, rubricPointSchema } from "@/lib/generate/schemas";

/**
 * Input shapes of the grading CLI (`npm run grade`) and of the written-answer API, exactly as in
 * `../shared/grading/`: questions with a rubric, answers `{id, questionId, text}`.
 */
export const writtenQuestionSchema = z.object({
  id: z.string().min(1),
  prompt: z.string().min(1),
  marks: z.number().positive(),
  wordLimit: z.number().int().positive().optional(),
  timeLimitMinutes: z.number().positive().optional(),
  coreDemands: z.array(z.string()).optional(),
  rubric: z.array(rubricPointSchema).min(1),
  modelAnswer: z.string().optional(),
  /** Read when well-formed; any other shape is ignored rather than refused (callers send extra keys). */
  referenceAnswers: z.array(z.string()).optional().catch(undefined),
});
export type WrittenQuestionInput = z.infer<typeof writtenQuestionSchema>;

export const questionsFileSchema = z.array(writtenQuestionSchema).min(1);

export const answerSchema = z.object({
  id: z.string().min(1),
  questionId: z.string().min(1),
  text: z.string(),
});
export type AnswerInput = z.infer<typeof answerSchema>;

export const answersFileSchema = z.array(answerSchema);

export const materialInputSchema = z
  .object({
    id: z.string().min(1),
    text: z.string(),
    /** Where a sentence is known to start in `text` (see GradingMaterial.sentenceStarts). */
    sentenceStarts: z.array(z.number().int().nonnegative()).optional(),
  })
  .superRefine((m, ctx) => checkSentenceStarts(m.sentenceStarts, m.text.length, ctx));

export const writtenAnswerInputSchema = z.object({
  question: writtenQuestionSchema,
  answerText: z.string(),
  materials: z.array(materialInputSchema).optional(),
});

/** A teacher's moderation of one point: the new mark and why; the automatic mark is kept beside it. */
export const pointOverrideSchema = z.object({
  rubricId: z.string().min(1),
  awarded: z.number().nonnegative(),
  reason: z.string().trim().min(3).max(1000),
});
export type PointOverrideInput = z.infer<typeof pointOverrideSchema>;

/** Explains a zod error in one line per issue, with the JSON path ("[3].rubric[0].marks: …"). */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => {
      const path = issue.path
        .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
        .join("")
        .replace(/^\./, "");
      return `${path || "(root)"}: ${issue.message}`;
    })
    .join("\n");
}
