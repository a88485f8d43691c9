import "server-only";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { createAssignment, listAssignmentsOfSet, listWrittenQuestionIds, type SetAssignment } from "../db/assignments";
import { getClassFacts, listClassesTaughtBy, type ClassSummary } from "../db/classes";
import { getStudySetFacts } from "../db/study-sets";
import { assertCan } from "./authorize";
import { fieldErrorsOf } from "./validation";
import { DISPLAY_TIME_ZONE } from "../format";
import { assignmentInputSchema, toAssignmentRules } from "../classes/assignments";

/** The assignment form's input (kept under its old name for the set page's form). */
export const assignSetSchema = assignmentInputSchema;

/**
 * Assigns a published set the actor owns to a class the actor teaches: a study set to review, a
 * quiz, or written questions, with its opening and due times, time limit, attempts, result release
 * and late policy. The same set and kind assigned to the class again is a CONFLICT.
 */
export async function assignSetToClass(actor: Actor, raw: unknown, now: Date): Promise<{ id: string }> {
  const parsed = assignmentInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Check the assignment.", fieldErrorsOf(parsed.error));
  const { studySetId, classId, title } = parsed.data;
  const [set, classroom] = await Promise.all([getStudySetFacts(studySetId, actor.id), getClassFacts(classId, actor.id)]);
  if (!set) throw new AppError("NOT_FOUND", "That study set does not exist.");
  if (!classroom) throw new AppError("NOT_FOUND", "That class does not exist.", { classId: ["That class does not exist."] });
  assertCan(actor, { action: "studySet.edit", set });
  assertCan(actor, { action: "class.manage", classroom });
  if (set.status !== "published") throw new AppError("CONFLICT", "Publish the set before assigning it: students only see published sets.");
  const checked = toAssignmentRules(parsed.data, { now, timeZone: DISPLAY_TIME_ZONE, writtenQuestionIds: await listWrittenQuestionIds(studySetId) });
  if (!checked.ok) throw new AppError("INVALID", "Check the assignment.", checked.fieldErrors);
  return createAssignment({ classId, studySetId, createdById: actor.id, title: title || "Study set", ...checked.rules });
}

/** For the set page: the owner's classes and where the set is already assigned. */
export async function getAssignOptions(actor: Actor, studySetId: string): Promise<{ classes: ClassSummary[]; assignments: SetAssignment[] }> {
  const set = await getStudySetFacts(studySetId, actor.id);
  if (!set) throw new AppError("NOT_FOUND", "That study set does not exist.");
  assertCan(actor, { action: "studySet.edit", set });
  const [classes, assignments] = await Promise.all([listClassesTaughtBy(actor.id), listAssignmentsOfSet(studySetId, actor.id)]);
  return { classes, assignments };
}
