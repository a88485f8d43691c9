import { z } from "zod";
import { whenValid } from "../forms/field-errors";
import { MAX_TIME_MULTIPLIER } from "./clock";
import { quizAnswerSchema } from "./answers";
import { MAX_TIME_ON_MS } from "./question-clock";

/** Choices a learner makes when starting a quiz on a set (the start form). */
export const startQuizSchema = z
  .object({
    studySetId: z.string().min(1, "Choose a study set."),
    by: z.enum(["all", "random", "missed", "theme"]),
    count: z.coerce.number().int().min(1, "Ask for at least one question.").max(200, "At most 200 questions.").optional(),
    theme: z.string().min(1).max(300).optional(),
    fromAttemptId: z.string().min(1).max(64).optional(),
    mode: z.enum(["timed", "practice"]),
    multiplier: z.coerce.number().min(1, "Extra time cannot shorten the quiz.").max(MAX_TIME_MULTIPLIER, `At most ${MAX_TIME_MULTIPLIER}× the time.`).default(1),
    marking: z.enum(["standard", "prelims"]).default("standard"),
  })
  .superRefine((v, ctx) => {
    if (v.by === "random" && v.count === undefined) ctx.addIssue({ code: "custom", path: ["count"], message: "Say how many questions to draw." });
    if (v.by === "theme" && !v.theme) ctx.addIssue({ code: "custom", path: ["theme"], message: "Choose a theme." });
  }, { when: whenValid("by", "count", "theme") });
export type StartQuizInput = z.infer<typeof startQuizSchema>;

/** One autosave: the answer to one question over the version the browser last saw. */
/** Said for a body the quiz page never sends (not JSON, no object, no version): the page is out of date or tampered with. */
const UNREADABLE_ANSWER = "That answer could not be read. Reload the quiz page.";

export const saveQuizAnswerSchema = z.object(
  {
    questionId: z.string({ error: UNREADABLE_ANSWER }).min(1, UNREADABLE_ANSWER).max(64, UNREADABLE_ANSWER),
    answer: quizAnswerSchema,
    version: z.number({ error: UNREADABLE_ANSWER }).int(UNREADABLE_ANSWER).min(1, UNREADABLE_ANSWER),
  },
  { error: UNREADABLE_ANSWER },
);
export type SaveQuizAnswerInput = z.infer<typeof saveQuizAnswerSchema>;

/** The quiz page saw a question: its first sight, and the time it has been on screen in all (lib/quiz/question-clock). */
export const markSeenSchema = z.object({ questionId: z.string().min(1).max(64), totalMs: z.number().int().min(0).max(MAX_TIME_ON_MS).optional() });
