import "server-only";
import { listPracticeHoldSources } from "../db/assignments";
import { practiceHolds } from "../classes/assignments";

/** The questions of a set held back from the student's own practice at `now`, each with the assignment holding it. */
export async function heldQuestionsFor(studentId: string, studySetId: string, now: Date) {
  return practiceHolds(await listPracticeHoldSources(studentId, studySetId), now);
}
