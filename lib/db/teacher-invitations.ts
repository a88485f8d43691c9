import type { Role } from "../auth/schemas";
import { getDb } from "./client";
import { isUniqueViolation } from "./errors";
import type { UserRecord } from "./users";

export interface TeacherInvitationRecord {
  id: string;
  hint: string;
  note: string | null;
  issuedBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  usedAt: Date | null;
  usedBy: string | null;
}

const invitationSelect = {
  id: true,
  hint: true,
  note: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  usedAt: true,
  issuedBy: { select: { email: true } },
  usedBy: { select: { email: true } },
} as const;

type InvitationRow = {
  id: string;
  hint: string;
  note: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  usedAt: Date | null;
  issuedBy: { email: string };
  usedBy: { email: string } | null;
};

const toRecord = (row: InvitationRow): TeacherInvitationRecord => ({ ...row, issuedBy: row.issuedBy.email, usedBy: row.usedBy?.email ?? null });

export async function createTeacherInvitation(input: { codeHash: string; hint: string; note: string | null; issuedById: string; expiresAt: Date }): Promise<TeacherInvitationRecord> {
  const db = await getDb();
  return toRecord(await db.teacherInvitation.create({ data: input, select: invitationSelect }));
}

/** Every invitation, newest first. */
export async function listTeacherInvitations(): Promise<TeacherInvitationRecord[]> {
  const db = await getDb();
  return (await db.teacherInvitation.findMany({ orderBy: { createdAt: "desc" }, select: invitationSelect })).map(toRecord);
}

/** Revokes an unused invitation by id or hint; returns what was revoked (null when none matched). */
export async function revokeTeacherInvitation(idOrHint: string, now: Date): Promise<TeacherInvitationRecord | null> {
  const db = await getDb();
  const match = await db.teacherInvitation.findMany({
    where: { OR: [{ id: idOrHint }, { hint: idOrHint.toUpperCase() }], usedAt: null, revokedAt: null },
    select: { id: true },
    take: 2,
  });
  if (match.length !== 1) return null;
  return toRecord(await db.teacherInvitation.update({ where: { id: match[0]!.id }, data: { revokedAt: now }, select: invitationSelect }));
}

/** True when the code's invitation exists, is unused, unrevoked and unexpired at `now`. */
export async function isTeacherInvitationUsable(codeHash: string, now: Date): Promise<boolean> {
  const db = await getDb();
  const row = await db.teacherInvitation.findFirst({ where: { codeHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: { id: true } });
  return !!row;
}

export type CreateAccountOutcome = { isCreated: true; user: UserRecord } | { isCreated: false; reason: "email-taken" | "invitation-unusable" };

/**
 * Creates an account; with `invitationCodeHash`, a teacher account that uses up that invitation in
 * the same transaction (a code is never spent on an account that was not made, nor used twice).
 */
export async function createAccount(input: {
  name: string;
  email: string;
  passwordHash: string;
  invitationCodeHash: string | null;
  now: Date;
}): Promise<CreateAccountOutcome> {
  const db = await getDb();
  const role: Role = input.invitationCodeHash ? "teacher" : "student";
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash: input.passwordHash, role },
        select: { id: true, email: true, name: true, role: true },
      });
      if (input.invitationCodeHash) {
        const { count } = await tx.teacherInvitation.updateMany({
          where: { codeHash: input.invitationCodeHash, usedAt: null, revokedAt: null, expiresAt: { gt: input.now } },
          data: { usedAt: input.now, usedById: user.id },
        });
        if (count !== 1) throw new InvitationUnusable();
      }
      return { isCreated: true as const, user };
    });
  } catch (e) {
    if (e instanceof InvitationUnusable) return { isCreated: false, reason: "invitation-unusable" };
    if (isUniqueViolation(e)) return { isCreated: false, reason: "email-taken" };
    throw e;
  }
}

class InvitationUnusable extends Error {}
