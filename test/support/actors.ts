// Shared helpers for use-case tests: users made straight in the test database, and the outcome
// of a use case as "ok" or the AppError code it threw (the access-matrix tests compare those).
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";

/** A user with an unusable password hash (use cases take the actor directly). */
export async function createTestUser(name: string, role: "student" | "teacher" | "admin", emailDomain = "example.com"): Promise<UserRecord> {
  const db = await getDb();
  return db.user.create({
    data: { name, email: `${name}@${emailDomain}`, role, passwordHash: "x" },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** "ok" when `run` resolves, else the AppError code it rejected with; other errors propagate. */
export async function outcomeOf(run: () => Promise<unknown>): Promise<"ok" | AppError["code"]> {
  try {
    await run();
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

/** A class taught by `teacherId` with `studentIds` enrolled, made straight in the test database; returns its id. */
export async function createTestClass(teacherId: string, studentIds: readonly string[], name: string, joinCode: string): Promise<string> {
  const db = await getDb();
  const classId = (await db.classroom.create({ data: { name, joinCode, teacherId }, select: { id: true } })).id;
  if (studentIds.length > 0) await db.enrollment.createMany({ data: studentIds.map((studentId) => ({ classId, studentId })) });
  return classId;
}
