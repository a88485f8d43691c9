import { getDb } from "./client";

export interface LearnerSettingsRecord {
  /** The exam's calendar date as YYYY-MM-DD, or null. */
  examDate: string | null;
  newCardsPerDay: number;
  desiredRetention: number;
}

export const DEFAULT_LEARNER_SETTINGS: LearnerSettingsRecord = { examDate: null, newCardsPerDay: 20, desiredRetention: 0.9 };

/** A learner's review settings, or the defaults when they never changed them. */
export async function getLearnerSettings(userId: string): Promise<LearnerSettingsRecord> {
  const db = await getDb();
  const row = await db.learnerSettings.findUnique({ where: { userId } });
  if (!row) return DEFAULT_LEARNER_SETTINGS;
  return { examDate: row.examDate ? row.examDate.toISOString().slice(0, 10) : null, newCardsPerDay: row.newCardsPerDay, desiredRetention: row.desiredRetention };
}

/** Stores a learner's review settings (all fields at once). */
export async function saveLearnerSettings(userId: string, settings: LearnerSettingsRecord): Promise<void> {
  const db = await getDb();
  const data = {
    examDate: settings.examDate ? new Date(`${settings.examDate}T00:00:00Z`) : null,
    newCardsPerDay: settings.newCardsPerDay,
    desiredRetention: settings.desiredRetention,
  };
  await db.learnerSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}
