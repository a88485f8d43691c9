import "server-only";
import type { Actor } from "../auth/permissions";
import { listChangedMarks, type ChangedMark } from "../db/assignments";
import { listAssignmentsForStudent, type StudentAssignment } from "./assignments";
import { withheldAttempts } from "./result-release";
import { countReviewsSince } from "../db/reviews";
import { listClassesFor } from "./classes";
import { getQueueSummary, listStudySetsFor, type QueueSummary } from "./study";
import { dayKeyIn, startOfDayIn } from "../format";
import { changedMarksToShow } from "../writing/result";
import type { ClassSummary } from "../db/classes";
import type { StudySetSummary } from "../db/study-sets";

export interface StudentHome {
  /** The daily review queue's counts (what "Start reviewing" opens). */
  due: QueueSummary;
  reviewedToday: number;
  /** Assignments not yet done (and those done late or with results), soonest due first. */
  assigned: StudentAssignment[];
  /** Results whose marks a teacher changed since the student last opened them. */
  changedMarks: ChangedMark[];
  sets: StudySetSummary[];
  classes: ClassSummary[];
}

export interface TeacherHome {
  classes: ClassSummary[];
  sets: StudySetSummary[];
}

/** A student's home: what is due, work assigned to their classes, the sets they can study. */
export async function getStudentHome(actor: Actor, now: Date): Promise<StudentHome> {
  const [due, reviewedToday, assigned, sets, classes, changed] = await Promise.all([
    getQueueSummary(actor, now),
    countReviewsSince(actor.id, startOfDayIn(dayKeyIn(now))),
    listAssignmentsForStudent(actor, now),
    listStudySetsFor(actor),
    listClassesFor(actor),
    listChangedMarks(actor.id),
  ]);
  // A mark changed on work whose results are not released yet is not news the student may see.
  const withheld = await withheldAttempts(changed.map((c) => c.attemptId), now);
  return { due, reviewedToday, assigned, sets, classes, changedMarks: changedMarksToShow(changed, withheld) };
}

/** A teacher's home: their classes and their sets. */
export async function getTeacherHome(actor: Actor): Promise<TeacherHome> {
  const [classes, sets] = await Promise.all([listClassesFor(actor), listStudySetsFor(actor)]);
  return { classes, sets };
}
