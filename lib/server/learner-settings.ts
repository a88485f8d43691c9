import "server-only";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { getLearnerSettings as readSettings, saveLearnerSettings, type LearnerSettingsRecord } from "../db/learner-settings";
import { dayKeyIn } from "../format";
import { learnerSettingsSchema } from "../srs/settings";
import { fieldErrorsOf } from "./validation";

export function getLearnerSettingsFor(actor: Actor): Promise<LearnerSettingsRecord> {
  return readSettings(actor.id);
}

/** Saves the learner's exam date, new cards per day and desired retention; bad input changes nothing. */
export async function updateLearnerSettings(actor: Actor, raw: unknown, now: Date): Promise<LearnerSettingsRecord> {
  const saved = await readSettings(actor.id);
  const parsed = learnerSettingsSchema(dayKeyIn(now), saved.examDate).safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Check the review settings.", fieldErrorsOf(parsed.error));
  await saveLearnerSettings(actor.id, parsed.data);
  return parsed.data;
}
