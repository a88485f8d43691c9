import { z } from "zod";
import { answerLengthProblem, MAX_ANSWER_CHARS } from "./draft";
import { REGRADE_REASON_MAX, REGRADE_REPLY_MAX } from "./regrade";
import { recordIdSchema, untrustedString } from "../text/untrusted";

const id = recordIdSchema;
// Over the limit, the message says by how much (answerLengthProblem), as the answer box does.
const answerText = untrustedString({ error: "Missing answer text." }).max(MAX_ANSWER_CHARS, {
  error: (issue) => (typeof issue.input === "string" && answerLengthProblem(issue.input.length)) || `Keep the answer within ${MAX_ANSWER_CHARS.toLocaleString("en")} characters.`,
});
/** A draft's version: a positive whole number that fits PostgreSQL's integer column. */
const version = z
  .number({ error: "Missing draft version." })
  .int("Draft version must be a positive whole number.")
  .positive("Draft version must be a positive whole number.")
  .max(2_147_483_647, "Draft version must be a positive whole number.");

/** Starting a written attempt: for an assignment (its id, from the student's assignment list) or, without one, the learner's own practice. */
export const startWritingSchema = z.object({ questionId: id, assignmentId: id.optional() });

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

/** A student's request that a teacher look again at one point of their released written result. */
export const askRegradeSchema = z.object({
  attemptId: id,
  rubricPointId: id,
  reason: untrustedString({ error: "Say why the mark should change." })
    .trim()
    .min(5, "Say in a few words why the mark should change.")
    .max(REGRADE_REASON_MAX, `Keep the reason under ${REGRADE_REASON_MAX} characters.`),
});

export type AskRegradeInput = z.infer<typeof askRegradeSchema>;

const regradeReply = untrustedString({ error: "Write a reply the student will read." })
  .trim()
  .min(3, "Write a reply the student will read.")
  .max(REGRADE_REPLY_MAX, `Keep the reply under ${REGRADE_REPLY_MAX} characters.`);

/**
 * A teacher's answer to a regrade request: accept with the new mark (recorded as a moderation whose
 * reason is the reply), or decline with a reply; either way the student reads the reply.
 */
export const answerRegradeSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({
      requestId: id,
      decision: z.literal("accept"),
      awarded: z.number({ error: "Choose the new mark." }).finite().min(0, "A mark cannot be negative."),
      reply: regradeReply,
    }),
    z.object({ requestId: id, decision: z.literal("decline"), reply: regradeReply }),
  ],
  { error: "Accept or decline the request." },
);

export type AnswerRegradeInput = z.infer<typeof answerRegradeSchema>;
