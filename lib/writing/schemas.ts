import { z } from "zod";
import { MAX_ANSWER_CHARS } from "./draft";

const id = z.string({ error: "Missing id." }).trim().min(1, "Missing id.").max(64, "Invalid id.");
const answerText = z.string({ error: "Missing answer text." }).max(MAX_ANSWER_CHARS, `Keep the answer under ${MAX_ANSWER_CHARS.toLocaleString("en")} characters.`);
const version = z.number({ error: "Missing draft version." }).int().positive();

export const startWritingSchema = z.object({ questionId: id });

export const saveDraftSchema = z.object({ attemptId: id, text: answerText, version });

export const submitWritingSchema = z.object({ attemptId: id, text: answerText, version });

export const moderatePointSchema = z.object({
  attemptId: id,
  rubricPointId: id,
  awarded: z
    .number({ error: "Choose a mark." })
    .finite()
    .min(0, "A mark cannot be negative."),
  reason: z
    .string({ error: "Give a reason for the change." })
    .trim()
    .min(3, "Give a reason for the change (the student will see it).")
    .max(1000, "Keep the reason under 1000 characters."),
});

export type SaveDraftInput = z.infer<typeof saveDraftSchema>;
export type ModeratePointInput = z.infer<typeof moderatePointSchema>;

/** The written answer as stored in `Response.content`. */
export const writtenContentSchema = z.object({ text: z.string() });
