import "server-only";
import type { Actor } from "../auth/permissions";
import { listAssignedWork, type AssignedWork } from "../db/assignments";
import { countReviewsSince } from "../db/reviews";
import { listClassesFor } from "./classes";
import { getQueueSummary, listStudySetsFor, type QueueSummary } from "./study";
import { dayKeyIn, startOfDayIn } from "../format";
import type { ClassSummary } from "../db/classes";
import type { StudySetSummary } from "../db/study-sets";

export interface StudentHome {
  /** The daily review queue's counts (what "Start reviewing" opens). */
  due: QueueSummary;
  reviewedToday: number;
  assigned: AssignedWork[];
  sets: StudySetSummary[];
  classes: ClassSummary[];
}

export interface TeacherHome {
  classes: ClassSummary[];
  sets: StudySetSummary[];
}

/** A student's home: what is due, work assigned to their classes, the sets they can study. */
export async function getStudentHome(actor: Actor, now: Date): Promise<StudentHome> {
  const [due, reviewedToday, assigned, sets, classes] = await Promise.all([
    getQueueSummary(actor, now),
    countReviewsSince(actor.id, startOfDayIn(dayKeyIn(now))),
    listAssignedWork(actor.id),
    listStudySetsFor(actor),
    listClassesFor(actor),
  ]);
  return { due, reviewedToday, assigned, sets, classes };
}

/** A teacher's home: their classes and their sets. */
export async function getTeacherHome(actor: Actor): Promise<TeacherHome> {
  const [classes, sets] = await Promise.all([listClassesFor(actor), listStudySetsFor(actor)]);
  return { classes, sets };
}
