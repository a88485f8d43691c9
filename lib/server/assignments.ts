import "server-only";
import { z } from "zod";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { createAssignment, listAssignmentsOfSet, type SetAssignment } from "../db/assignments";
import { getClassFacts, listClassesTaughtBy, type ClassSummary } from "../db/classes";
import { getStudySetFacts } from "../db/study-sets";
import { assertCan } from "./authorize";
import { fieldErrorsOf } from "./validation";
import { endOfDayIn } from "../format";
import { recordIdSchema, untrustedString } from "../text/untrusted";

export const assignSetSchema = z.object({
  studySetId: recordIdSchema,
  classId: z.string({ error: "Choose a class." }).min(1, "Choose a class.").max(64),
  title: untrustedString().trim().max(120, "Keep the title under 120 characters.").optional(),
  /** A calendar date (YYYY-MM-DD); the work is due at the end of that day in the display time zone. */
  dueOn: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Pick a due date, or leave it empty.")
    .optional(),
});

/** Assigns a published set the actor owns to a class the actor teaches, optionally due on a date. */
export async function assignSetToClass(actor: Actor, raw: unknown, now: Date): Promise<{ id: string }> {
  const parsed = assignSetSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Check the assignment.", fieldErrorsOf(parsed.error));
  const { studySetId, classId, title, dueOn } = parsed.data;
  const [set, classroom] = await Promise.all([getStudySetFacts(studySetId, actor.id), getClassFacts(classId, actor.id)]);
  if (!set) throw new AppError("NOT_FOUND", "That study set does not exist.");
  if (!classroom) throw new AppError("NOT_FOUND", "That class does not exist.", { classId: ["That class does not exist."] });
  assertCan(actor, { action: "studySet.edit", set });
  assertCan(actor, { action: "class.manage", classroom });
  if (set.status !== "published") throw new AppError("CONFLICT", "Publish the set before assigning it: students only see published sets.");
  const dueAt = dueOn ? endOfDayIn(dueOn) : null;
  if (dueAt && dueAt.getTime() < now.getTime()) {
    throw new AppError("INVALID", "The due date has already passed.", { dueOn: ["Choose today or a later date."] });
  }
  return createAssignment({ classId, studySetId, createdById: actor.id, title: title || "Study set", dueAt });
}

/** For the set page: the owner's classes and where the set is already assigned. */
export async function getAssignOptions(actor: Actor, studySetId: string): Promise<{ classes: ClassSummary[]; assignments: SetAssignment[] }> {
  const set = await getStudySetFacts(studySetId, actor.id);
  if (!set) throw new AppError("NOT_FOUND", "That study set does not exist.");
  assertCan(actor, { action: "studySet.edit", set });
  const [classes, assignments] = await Promise.all([listClassesTaughtBy(actor.id), listAssignmentsOfSet(studySetId, actor.id)]);
  return { classes, assignments };
}
