import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { createClass, enrollByJoinCode, getClassDetail, getClassFacts, listClassesOfStudent, listClassesTaughtBy, type ClassDetail, type ClassSummary } from "../db/classes";
import { assertCan } from "./authorize";
import { fieldErrorsOf } from "./validation";
import { untrustedString } from "../text/untrusted";

export const createClassSchema = z.object({
  name: untrustedString({ error: "Name the class." }).trim().min(2, "Give the class a name of at least 2 characters.").max(80, "Keep the name under 80 characters."),
});
export const joinClassSchema = z.object({
  joinCode: z
    .string({ error: "Enter the join code." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4,12}$/, "A join code is 4–12 letters and digits."),
});

/** Unambiguous characters only (no 0/O, 1/I/L). */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const newJoinCode = () => Array.from({ length: 7 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");

export function listClassesFor(actor: Actor): Promise<ClassSummary[]> {
  return actor.role === "student" ? listClassesOfStudent(actor.id) : listClassesTaughtBy(actor.id);
}

export async function createClassFor(actor: Actor, raw: unknown): Promise<{ id: string }> {
  assertCan(actor, { action: "class.create" });
  const parsed = createClassSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Check the class name.", fieldErrorsOf(parsed.error));
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await createClass({ teacherId: actor.id, name: parsed.data.name, joinCode: newJoinCode() });
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
    }
  }
  throw new AppError("CONFLICT", "Could not find a free join code. Try again.");
}

export async function joinClassFor(actor: Actor, raw: unknown): Promise<{ classId: string; name: string }> {
  assertCan(actor, { action: "class.join" });
  const parsed = joinClassSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Check the join code.", fieldErrorsOf(parsed.error));
  return enrollByJoinCode(actor.id, parsed.data.joinCode);
}

/** A class for its teacher (with the roster) or an enrolled student (without other students' emails). */
export async function getClassFor(actor: Actor, classId: string): Promise<ClassDetail> {
  const facts = await getClassFacts(classId, actor.id);
  if (!facts) throw new AppError("NOT_FOUND", "That class does not exist.");
  assertCan(actor, { action: "class.view", classroom: facts });
  const detail = await getClassDetail(classId);
  if (!detail) throw new AppError("NOT_FOUND", "That class does not exist.");
  if (detail.teacherId === actor.id || actor.role === "admin") return detail;
  return { ...detail, students: [] };
}
