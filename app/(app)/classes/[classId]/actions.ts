"use server";

import { revalidatePath } from "next/cache";
import { toActionResult, type ActionResult } from "@/lib/server/action-result";
import { deleteAssignmentFor, extendDueDateFor, releaseResultsFor } from "@/lib/server/assignments";
import {
  addCoTeacherByEmailFor,
  removeCoTeacherFor,
  removeStudentFor,
  renewCoTeacherCodeFor,
  renewJoinCodeFor,
  restoreStudentFor,
  setExtraTimeFor,
  setJoiningFor,
} from "@/lib/server/classes";
import { requireActor } from "@/lib/server/session";

/**
 * The class page's controls. Each action checks the session, hands the raw input to one use case
 * (which validates it with zod and checks the actor teaches the class) and refreshes the class pages.
 */
async function forTeacher<T extends object>(context: string, run: (actor: Awaited<ReturnType<typeof requireActor>>) => Promise<T>): Promise<ActionResult<T>> {
  return toActionResult(context, async () => {
    const actor = await requireActor(["teacher", "admin"]);
    const result = await run(actor);
    revalidatePath("/classes", "layout");
    revalidatePath("/home");
    return result;
  });
}

export async function renewJoinCodeAction(input: unknown) {
  return forTeacher("renew join code", (actor) => renewJoinCodeFor(actor, input));
}

export async function setJoiningAction(input: unknown) {
  return forTeacher("close or reopen joining", (actor) => setJoiningFor(actor, input, new Date()));
}

export async function removeStudentAction(input: unknown) {
  return forTeacher("remove student", (actor) => removeStudentFor(actor, input, new Date()));
}

export async function restoreStudentAction(input: unknown) {
  return forTeacher("restore student", (actor) => restoreStudentFor(actor, input));
}

export async function setExtraTimeAction(input: unknown) {
  return forTeacher("set extra time", (actor) => setExtraTimeFor(actor, input));
}

export async function renewCoTeacherCodeAction(input: unknown) {
  return forTeacher("renew co-teacher code", (actor) => renewCoTeacherCodeFor(actor, input));
}

export async function addCoTeacherAction(input: unknown) {
  return forTeacher("add co-teacher", (actor) => addCoTeacherByEmailFor(actor, input));
}

export async function removeCoTeacherAction(input: unknown) {
  return forTeacher("remove co-teacher", (actor) => removeCoTeacherFor(actor, input));
}

export async function extendDueDateAction(input: unknown) {
  return forTeacher("extend due date", (actor) => extendDueDateFor(actor, input, new Date()));
}

export async function releaseResultsAction(input: unknown) {
  return forTeacher("release results", (actor) => releaseResultsFor(actor, input, new Date()));
}

export async function deleteAssignmentAction(input: unknown) {
  return forTeacher("delete assignment", (actor) => deleteAssignmentFor(actor, input));
}
