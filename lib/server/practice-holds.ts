import "server-only";
import { listAttemptQuestions, listPracticeHoldSources } from "../db/assignments";
import { heldResultNote, practiceHolds } from "../classes/assignments";

/** The questions of a set held back from the student's own practice at `now`, each with the assignment holding it. */
export async function heldQuestionsFor(studentId: string, studySetId: string, now: Date) {
  return practiceHolds(await listPracticeHoldSources(studentId, [studySetId]), now);
}

/**
 * The learner's attempts among `attemptIds` whose results stay hidden at `now` because an assignment
 * other than their own holds one of their questions, each with the note shown instead: their own
 * practice (a draft or an untimed quiz begun before the teacher set it), or work for another
 * assignment of the same set (Quiz 1 released on submission while Quiz 2 still asks its questions).
 * Either would show the key or the model answer of a question still to be answered for marks.
 */
export async function heldByOtherAssignments(attemptIds: readonly string[], now: Date): Promise<Map<string, string>> {
  const attempts = await listAttemptQuestions(attemptIds);
  const notes = new Map<string, string>();
  for (const userId of new Set(attempts.map((a) => a.userId))) {
    const own = attempts.filter((a) => a.userId === userId);
    const sources = await listPracticeHoldSources(userId, [...new Set(own.map((a) => a.studySetId))]);
    if (sources.length === 0) continue;
    // The holds of one set, less the attempt's own assignment, serve every attempt on it for that assignment.
    const heldBy = new Map<string, ReturnType<typeof practiceHolds>>();
    for (const a of own) {
      const key = `${a.studySetId}\u0000${a.assignmentId ?? ""}`;
      let held = heldBy.get(key);
      if (!held) heldBy.set(key, (held = practiceHolds(sources.filter((s) => s.studySetId === a.studySetId && s.assignmentId !== a.assignmentId), now)));
      const hold = a.questionIds.map((q) => held.get(q)).find((h) => h !== undefined);
      if (hold) notes.set(a.attemptId, heldResultNote(hold, a.assignmentId === null));
    }
  }
  return notes;
}
