import "server-only";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import type { TeacherInvitationRecord } from "../db/teacher-invitations";
import { issueTeacherCode, listTeacherCodes, revokeTeacherCode } from "./admin";
import { assertCan } from "./authorize";

// Teacher codes managed from an administrator's account page (the command line: lib/server/admin.ts).

/** The account page's list of teacher codes, for an administrator. */
export async function listTeacherCodesFor(actor: Actor): Promise<TeacherInvitationRecord[]> {
  assertCan(actor, { action: "teacherCode.manage" });
  return listTeacherCodes();
}

/** An administrator issues a code from their account page; it is shown to them once. */
export async function issueTeacherCodeFor(actor: Actor & { email: string }, raw: unknown, now: Date, randomBytes: Uint8Array): Promise<{ code: string; invitation: TeacherInvitationRecord }> {
  assertCan(actor, { action: "teacherCode.manage" });
  const fields = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  return issueTeacherCode({ note: fields.note || undefined, days: fields.days || undefined, by: actor.email }, now, randomBytes);
}

export async function revokeTeacherCodeFor(actor: Actor, idOrHint: unknown, now: Date): Promise<TeacherInvitationRecord> {
  assertCan(actor, { action: "teacherCode.manage" });
  if (typeof idOrHint !== "string" || !idOrHint.trim()) throw new AppError("INVALID", "Choose a code to revoke.");
  return revokeTeacherCode(idOrHint, now);
}
