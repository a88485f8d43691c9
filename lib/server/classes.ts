import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors";
import { teaches, type Actor } from "../auth/permissions";
import { accommodationSchema } from "../classes/accommodations";
import { CODE_ALPHABET, JOIN_CODE_LENGTH } from "../classes/join-code";
import {
  addCoTeacher,
  createClass,
  deleteCoTeacher,
  enrollByJoinCode,
  getClassByCoTeacherCode,
  getClassDetail,
  getClassFacts,
  isActivelyEnrolled,
  listClassesOfStudent,
  listClassesTaughtBy,
  updateCoTeacherCode,
  updateEnrollmentRemoved,
  updateJoinCode,
  updateJoiningClosed,
  upsertAccommodation,
  type ClassDetail,
  type ClassSummary,
} from "../db/classes";
import { findUserByEmail } from "../db/users";
import { assertCan } from "./authorize";
import { fieldErrorsOf } from "./validation";
import { untrustedName } from "../text/untrusted";

export const createClassSchema = z.object({
  name: untrustedName({ error: "Name the class." }, "Give the class a name with at least one letter or number.").trim().min(2, "Give the class a name of at least 2 characters.").max(80, "Keep the name under 80 characters."),
});
export const joinClassSchema = z.object({
  joinCode: z
    .string({ error: "Enter the join code." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4,12}$/, "A join code is 4–12 letters and digits."),
});

const randomCode = (length: number) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
const newJoinCode = () => randomCode(JOIN_CODE_LENGTH);
/** Co-teacher codes are longer (12 characters, about 59 bits): they grant a teacher's access to the class. */
const newCoTeacherCode = () => randomCode(12);

/** Retries `write` with fresh codes while the code clashes (a CONFLICT). */
async function withFreshCode<T>(make: () => string, write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await write(make());
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
    }
  }
  throw new AppError("CONFLICT", "Could not find a free code. Try again.");
}

const classIdSchema = z.object({ classId: z.string().min(1).max(64) });
const studentInClassSchema = classIdSchema.extend({ studentId: z.string().min(1).max(64) });
const joiningSchema = classIdSchema.extend({ isClosed: z.boolean() });
const coTeacherEmailSchema = classIdSchema.extend({
  email: z.string({ error: "Enter the teacher's email." }).trim().toLowerCase().email("Enter the teacher's email address."),
});
const coTeacherCodeSchema = z.object({
  code: z
    .string({ error: "Enter the co-teacher code." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{12}$/, "A co-teacher code is 12 letters and digits."),
});
const coTeacherSchema = classIdSchema.extend({ teacherId: z.string().min(1).max(64) });

function parseOrThrow<T>(schema: z.ZodType<T>, raw: unknown, message: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", message, fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** Loads a class's facts and checks the actor may manage it (its teacher or a co-teacher). */
async function loadManagedClass(actor: Actor, classId: string, action: "class.manage" | "class.share" = "class.manage") {
  const classroom = await getClassFacts(classId, actor.id);
  if (!classroom) throw new AppError("NOT_FOUND", "That class does not exist.");
  assertCan(actor, { action, classroom });
  return classroom;
}

/** A new join code: the old code and invite link stop enrolling anyone. */
export async function renewJoinCodeFor(actor: Actor, raw: unknown): Promise<{ joinCode: string }> {
  const { classId } = parseOrThrow(classIdSchema, raw, "Choose a class.");
  await loadManagedClass(actor, classId);
  return withFreshCode(newJoinCode, async (joinCode) => {
    await updateJoinCode(classId, joinCode);
    return { joinCode };
  });
}

/** Closes (or reopens) a class to new students; students already in it stay. */
export async function setJoiningFor(actor: Actor, raw: unknown, now: Date): Promise<{ isClosed: boolean }> {
  const { classId, isClosed } = parseOrThrow(joiningSchema, raw, "Choose a class.");
  await loadManagedClass(actor, classId);
  await updateJoiningClosed(classId, isClosed ? now : null);
  return { isClosed };
}

/** Removes a student from the class: they stop seeing its work; everything they did stays on record. */
export async function removeStudentFor(actor: Actor, raw: unknown, now: Date): Promise<{ studentId: string }> {
  const { classId, studentId } = parseOrThrow(studentInClassSchema, raw, "Choose a student.");
  await loadManagedClass(actor, classId);
  if (!(await isActivelyEnrolled(classId, studentId))) throw new AppError("NOT_FOUND", "That student is not in this class.");
  await updateEnrollmentRemoved(classId, studentId, now);
  return { studentId };
}

/** Puts a removed student back in the class. */
export async function restoreStudentFor(actor: Actor, raw: unknown): Promise<{ studentId: string }> {
  const { classId, studentId } = parseOrThrow(studentInClassSchema, raw, "Choose a student.");
  await loadManagedClass(actor, classId);
  if (!(await updateEnrollmentRemoved(classId, studentId, null))) throw new AppError("NOT_FOUND", "That student was never in this class.");
  return { studentId };
}

/** Sets a student's extra time in the class (both empty clears it). */
export async function setExtraTimeFor(actor: Actor, raw: unknown): Promise<{ studentId: string }> {
  const input = parseOrThrow(accommodationSchema, raw, "Check the extra time.");
  await loadManagedClass(actor, input.classId);
  if (!(await isActivelyEnrolled(input.classId, input.studentId))) throw new AppError("NOT_FOUND", "That student is not in this class.");
  await upsertAccommodation({ ...input, updatedById: actor.id });
  return { studentId: input.studentId };
}

/** Makes (or replaces) the code another teacher enters to co-teach the class; the owner only. */
export async function renewCoTeacherCodeFor(actor: Actor, raw: unknown): Promise<{ code: string }> {
  const { classId } = parseOrThrow(classIdSchema, raw, "Choose a class.");
  await loadManagedClass(actor, classId, "class.share");
  return withFreshCode(newCoTeacherCode, async (code) => {
    await updateCoTeacherCode(classId, code);
    return { code };
  });
}

/** The owner adds an existing teacher account as co-teacher, by its email. */
export async function addCoTeacherByEmailFor(actor: Actor, raw: unknown): Promise<{ name: string }> {
  const { classId, email } = parseOrThrow(coTeacherEmailSchema, raw, "Check the email.");
  const classroom = await loadManagedClass(actor, classId, "class.share");
  const teacher = await findUserByEmail(email);
  if (!teacher || (teacher.role !== "teacher" && teacher.role !== "admin")) {
    throw new AppError("NOT_FOUND", "No teacher account has that email. They need a teacher account first.", { email: ["No teacher account has that email."] });
  }
  if (teacher.id === classroom.teacherId) throw new AppError("CONFLICT", "That is the class's own teacher.", { email: ["That is the class's own teacher."] });
  await addCoTeacher(classId, teacher.id);
  return { name: teacher.name };
}

/** A teacher enters a class's co-teacher code to share it. */
export async function joinAsCoTeacherFor(actor: Actor, raw: unknown): Promise<{ classId: string; name: string }> {
  if (actor.role !== "teacher" && actor.role !== "admin") throw new AppError("FORBIDDEN", "Only teachers co-teach classes.");
  const { code } = parseOrThrow(coTeacherCodeSchema, raw, "Check the co-teacher code.");
  const classroom = await getClassByCoTeacherCode(code);
  if (!classroom) throw new AppError("NOT_FOUND", "No class has that co-teacher code.", { code: ["No class has that co-teacher code."] });
  if (classroom.teacherId !== actor.id) await addCoTeacher(classroom.id, actor.id);
  return { classId: classroom.id, name: classroom.name };
}

/** The owner removes a co-teacher (or a co-teacher leaves). */
export async function removeCoTeacherFor(actor: Actor, raw: unknown): Promise<{ teacherId: string }> {
  const { classId, teacherId } = parseOrThrow(coTeacherSchema, raw, "Choose a co-teacher.");
  const classroom = await getClassFacts(classId, actor.id);
  if (!classroom) throw new AppError("NOT_FOUND", "That class does not exist.");
  if (teacherId !== actor.id) assertCan(actor, { action: "class.share", classroom });
  else assertCan(actor, { action: "class.manage", classroom });
  await deleteCoTeacher(classId, teacherId);
  return { teacherId };
}

export function listClassesFor(actor: Actor): Promise<ClassSummary[]> {
  return actor.role === "student" ? listClassesOfStudent(actor.id) : listClassesTaughtBy(actor.id);
}

export async function createClassFor(actor: Actor, raw: unknown): Promise<{ id: string }> {
  assertCan(actor, { action: "class.create" });
  const parsed = createClassSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Check the class name.", fieldErrorsOf(parsed.error));
  return withFreshCode(newJoinCode, (joinCode) => createClass({ teacherId: actor.id, name: parsed.data.name, joinCode }));
}

export async function joinClassFor(actor: Actor, raw: unknown): Promise<{ classId: string; name: string }> {
  assertCan(actor, { action: "class.join" });
  const parsed = joinClassSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Check the join code.", fieldErrorsOf(parsed.error));
  return enrollByJoinCode(actor.id, parsed.data.joinCode);
}

/** A class for its teachers (with the roster and codes) or an enrolled student (no roster, no codes). */
export async function getClassFor(actor: Actor, classId: string): Promise<ClassDetail> {
  const facts = await getClassFacts(classId, actor.id);
  if (!facts) throw new AppError("NOT_FOUND", "That class does not exist.");
  assertCan(actor, { action: "class.view", classroom: facts });
  const detail = await getClassDetail(classId);
  if (!detail) throw new AppError("NOT_FOUND", "That class does not exist.");
  if (teaches(actor, facts) || actor.role === "admin") return detail;
  // A student sees no roster, no codes, and no other student's extension.
  const assignments = detail.assignments.map((a) => ({ ...a, extensions: a.extensions.filter((e) => e.studentId === actor.id) }));
  return { ...detail, joinCode: "", coTeacherCode: null, students: [], removedStudents: [], coTeachers: [], assignments };
}
