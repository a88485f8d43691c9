import { AppError } from "../errors";
import type { Role } from "../auth/schemas";
import { getDb } from "./client";
import { isUniqueViolation } from "./errors";

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export async function findUserWithPasswordByEmail(email: string): Promise<(UserRecord & { passwordHash: string }) | null> {
  const db = await getDb();
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, passwordHash: true } });
}

export async function getUserById(id: string): Promise<UserRecord | null> {
  const db = await getDb();
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } });
}

/** Creates a user; an email already taken is a CONFLICT and changes nothing. */
export async function createUser(input: { name: string; email: string; passwordHash: string; role: Role }): Promise<UserRecord> {
  const db = await getDb();
  try {
    return await db.user.create({ data: input, select: { id: true, email: true, name: true, role: true } });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError("CONFLICT", "An account with that email already exists. Sign in instead.", {
        email: ["An account with that email already exists."],
      });
    }
    throw e;
  }
}
