import type { Role } from "../auth/schemas";
import { getDb } from "./client";

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const userSelect = { id: true, email: true, name: true, role: true } as const;

export async function findUserWithPasswordByEmail(email: string): Promise<(UserRecord & { passwordHash: string; sessionVersion: number }) | null> {
  const db = await getDb();
  return db.user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true, sessionVersion: true } });
}

export async function getUserById(id: string): Promise<UserRecord | null> {
  const db = await getDb();
  return db.user.findUnique({ where: { id }, select: userSelect });
}

/** The user and their current session version (sessions carrying another version are revoked). */
export async function getSessionUser(id: string): Promise<{ user: UserRecord; sessionVersion: number } | null> {
  const db = await getDb();
  const row = await db.user.findUnique({ where: { id }, select: { ...userSelect, sessionVersion: true } });
  if (!row) return null;
  const { sessionVersion, ...user } = row;
  return { user, sessionVersion };
}

/** The user's password hash, for re-checking the current password. */
export async function getPasswordHash(id: string): Promise<string | null> {
  const db = await getDb();
  return (await db.user.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ?? null;
}

/** Replaces a stored hash with a stronger one, unless the password changed meanwhile. */
export async function upgradePasswordHash(id: string, oldHash: string, newHash: string): Promise<void> {
  const db = await getDb();
  await db.user.updateMany({ where: { id, passwordHash: oldHash }, data: { passwordHash: newHash } });
}

/**
 * Sets a new password and revokes every session of the user (the version bump); returns the new
 * session version, for the session that made the change to carry on with.
 */
export async function changePasswordHash(id: string, passwordHash: string): Promise<number> {
  const db = await getDb();
  const row = await db.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return row.sessionVersion;
}

/** Renames an account; the gradebooks listing it pick the new name up (the User stamp trigger). */
/** The account's name, or null when there is no such account. */
export async function getUserName(id: string): Promise<string | null> {
  const db = await getDb();
  return (await db.user.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
}

/** Sets the account's name; false when there is no such account (deleted meanwhile). */
export async function changeUserName(id: string, name: string): Promise<boolean> {
  const db = await getDb();
  const { count } = await db.user.updateMany({ where: { id }, data: { name } });
  return count === 1;
}

/** Revokes every session of the user that carries `sessionVersion` (sign-out). An older version changes nothing. */
export async function revokeSessions(id: string, sessionVersion: number): Promise<void> {
  const db = await getDb();
  await db.user.updateMany({ where: { id, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}

/** Makes an account an administrator, creating it when missing (command line only). */
export async function upsertAdmin(input: { name: string; email: string; passwordHash: string }): Promise<{ user: UserRecord; isCreated: boolean }> {
  const db = await getDb();
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    const user = await db.user.update({
      where: { id: existing.id },
      data: { role: "admin", name: input.name, passwordHash: input.passwordHash, sessionVersion: { increment: 1 } },
      select: userSelect,
    });
    return { user, isCreated: false };
  }
  return { user: await db.user.create({ data: { ...input, role: "admin" }, select: userSelect }), isCreated: true };
}

export async function listAdmins(): Promise<UserRecord[]> {
  const db = await getDb();
  return db.user.findMany({ where: { role: "admin" }, orderBy: { createdAt: "asc" }, select: userSelect });
}

/** The account with this email (already lower-cased), without secrets; null when there is none. */
export async function findUserByEmail(email: string): Promise<UserRecord | null> {
  const db = await getDb();
  return db.user.findUnique({ where: { email }, select: userSelect });
}
