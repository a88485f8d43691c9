import { AppError } from "../errors";
import { hashPassword } from "../auth/password";
import { addNewPasswordProblem } from "../auth/password-policy";
import { createAdminSchema, issueTeacherCodeSchema } from "../auth/schemas";
import { formatTeacherCode, hashTeacherCode, TEACHER_CODE_VALID_DAYS, teacherCodeHint } from "../auth/teacher-codes";
import { createTeacherInvitation, listTeacherInvitations, revokeTeacherInvitation, type TeacherInvitationRecord } from "../db/teacher-invitations";
import { listAdmins, upsertAdmin, type UserRecord } from "../db/users";
import { fieldErrorsOf, validFields } from "../forms/field-errors";

/**
 * Administration from the command line (scripts/admin.ts): whoever can run it already holds the
 * database, so these use cases trust their caller and check only the input. The administrator's
 * account page reaches them through lib/server/teacher-codes.ts, which checks the actor first.
 * (No "server-only" marker here: it would stop the plain Node command line from importing this.)
 */
function invalid(error: { issues: { message: string }[] } & Parameters<typeof fieldErrorsOf>[0]): AppError {
  return new AppError("INVALID", error.issues.map((i) => i.message).join(" "), fieldErrorsOf(error));
}

/** Creates an administrator account, or makes an existing account one with the given password (ending its sessions). */
export async function createAdmin(raw: unknown): Promise<{ user: UserRecord; isCreated: boolean }> {
  const parsed = createAdminSchema.safeParse(raw);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const form = parsed.success ? parsed.data : validFields(createAdminSchema, raw, fieldErrors);
  addNewPasswordProblem(fieldErrors, "password", form.password, [form.name, form.email]);
  if (!parsed.success || Object.keys(fieldErrors).length > 0) throw new AppError("INVALID", [...new Set(Object.values(fieldErrors).flat())].join(" "), fieldErrors);
  const { name, email, password } = parsed.data;
  return upsertAdmin({ name, email, passwordHash: await hashPassword(password) });
}

/** The administrator issuing a code: the one named, or the only one there is. */
async function issuingAdmin(email: string | undefined): Promise<UserRecord> {
  const admins = await listAdmins();
  if (admins.length === 0) throw new AppError("INVALID", "There is no administrator yet: create one first with `create-admin`.");
  if (email) {
    const admin = admins.find((a) => a.email === email);
    if (!admin) throw new AppError("INVALID", `${email} is not an administrator.`);
    return admin;
  }
  if (admins.length > 1) throw new AppError("INVALID", `There are ${admins.length} administrators: say which one issues the code with --by EMAIL.`);
  return admins[0]!;
}

/** Issues a single-use teacher code; the code itself is returned only here, never stored. */
export async function issueTeacherCode(raw: unknown, now: Date, randomBytes: Uint8Array): Promise<{ code: string; invitation: TeacherInvitationRecord }> {
  const given = Object.fromEntries(Object.entries(typeof raw === "object" && raw !== null ? raw : {}).filter(([, v]) => v !== undefined));
  const parsed = issueTeacherCodeSchema.safeParse({ days: TEACHER_CODE_VALID_DAYS, ...given });
  if (!parsed.success) throw invalid(parsed.error);
  const admin = await issuingAdmin(parsed.data.by);
  const code = formatTeacherCode(randomBytes);
  const invitation = await createTeacherInvitation({
    codeHash: hashTeacherCode(code),
    hint: teacherCodeHint(code),
    note: parsed.data.note ?? null,
    issuedById: admin.id,
    expiresAt: new Date(now.getTime() + parsed.data.days * 86_400_000),
  });
  return { code, invitation };
}

export function listTeacherCodes(): Promise<TeacherInvitationRecord[]> {
  return listTeacherInvitations();
}

/** Revokes an unused code, named by its id or its last four characters. */
export async function revokeTeacherCode(idOrHint: string, now: Date): Promise<TeacherInvitationRecord> {
  const revoked = await revokeTeacherInvitation(idOrHint.trim(), now);
  if (!revoked) throw new AppError("NOT_FOUND", `No single unused, unrevoked teacher code matches "${idOrHint}". List them with list-teacher-codes.`);
  return revoked;
}

/** A code's state in words, for listings. */
export function describeInvitationState(invitation: TeacherInvitationRecord, now: Date): string {
  if (invitation.usedAt) return `used by ${invitation.usedBy ?? "a deleted account"}`;
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "unused";
}
