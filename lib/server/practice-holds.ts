import "server-only";
import { listPracticeAttemptQuestions, listPracticeHoldSources } from "../db/assignments";
import { practiceHolds, practiceResultNote } from "../classes/assignments";

/** The questions of a set held back from the student's own practice at `now`, each with the assignment holding it. */
export async function heldQuestionsFor(studentId: string, studySetId: string, now: Date) {
  return practiceHolds(await listPracticeHoldSources(studentId, [studySetId]), now);
}

/**
 * The learner's own practice attempts among `attemptIds` whose results stay hidden at `now` because an
 * assignment now holds one of their questions (a draft or an untimed quiz begun before the teacher set
 * it), each with the note shown instead: submitting it must not show the model answer or the key early.
 */
export async function heldPracticeAttempts(attemptIds: readonly string[], now: Date): Promise<Map<string, string>> {
  const attempts = await listPracticeAttemptQuestions(attemptIds);
  const notes = new Map<string, string>();
  for (const userId of new Set(attempts.map((a) => a.userId))) {
    const own = attempts.filter((a) => a.userId === userId);
    const sources = await listPracticeHoldSources(userId, [...new Set(own.map((a) => a.studySetId))]);
    if (sources.length === 0) continue;
    // One set's holds serve every attempt on it.
    const heldBySet = new Map<string, ReturnType<typeof practiceHolds>>();
    for (const a of own) {
      let held = heldBySet.get(a.studySetId);
      if (!held) heldBySet.set(a.studySetId, (held = practiceHolds(sources.filter((s) => s.studySetId === a.studySetId), now)));
      const hold = a.questionIds.map((q) => held.get(q)).find((h) => h !== undefined);
      if (hold) notes.set(a.attemptId, practiceResultNote(hold));
    }
  }
  return notes;
}
