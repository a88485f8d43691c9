import { z } from "zod";
import { MAX_ANSWER_CHARS } from "./draft";
import { recordIdSchema, untrustedString } from "../text/untrusted";

const id = recordIdSchema;
const answerText = untrustedString({ error: "Missing answer text." }).max(MAX_ANSWER_CHARS, `Keep the answer under ${MAX_ANSWER_CHARS.toLocaleString("en")} characters.`);
/** A draft's version: a positive whole number that fits PostgreSQL's integer column. */
const version = z
  .number({ error: "Missing draft version." })
  .int("Draft version must be a positive whole number.")
  .positive("Draft version must be a positive whole number.")
  .max(2_147_483_647, "Draft version must be a positive whole number.");

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
  reason: untrustedString({ error: "Give a reason for the change." })
    .trim()
    .min(3, "Give a reason for the change (the student will see it).")
    .max(1000, "Keep the reason under 1000 characters."),
});

export type SaveDraftInput = z.infer<typeof saveDraftSchema>;
export type ModeratePointInput = z.infer<typeof moderatePointSchema>;

/** The written answer as stored in `Response.content`. */
export const writtenContentSchema = z.object({ text: z.string() });
