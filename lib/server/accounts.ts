import "server-only";
import { AppError } from "../errors";
import { changeNameSchema, changePasswordSchema, signInSchema, signUpSchema } from "../auth/schemas";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "../auth/password";
import { addNewPasswordProblem } from "../auth/password-policy";
import {
  chargePairAttempt,
  checkPair,
  checkWindow,
  clearPairFailures,
  countInWindow,
  describeRetryAfter,
  isKnownPair,
  rateLimitKeys,
  RENAME_ACCOUNT_POLICY,
  SIGN_IN_ACCOUNT_POLICY,
  SIGN_IN_ADDRESS_POLICY,
  SIGN_UP_ADDRESS_POLICY,
  type RateLimitVerdict,
  type WindowPolicy,
} from "../auth/rate-limit";
import { hashTeacherCode } from "../auth/teacher-codes";
import { changeRateLimitBucket, deleteStaleRateLimitBuckets, getRateLimitBuckets } from "../db/rate-limits";
import { createAccount, isTeacherInvitationUsable } from "../db/teacher-invitations";
import { changePasswordHash, changeUserName, findUserWithPasswordByEmail, getUserName, upgradePasswordHash, type UserRecord } from "../db/users";
import type { Actor } from "../auth/permissions";
import { fieldErrorsOf, summaryOf, validFields } from "../forms/field-errors";

export const SIGN_IN_MISMATCH = "That email and password do not match an account.";

export interface SignedInUser extends UserRecord {
  /** Carried in the session token; a sign-out or password change moves the account past it. */
  sessionVersion: number;
}

function rateLimited(message: string, verdict: RateLimitVerdict): AppError {
  const wait = verdict.isAllowed ? "a moment" : describeRetryAfter(verdict.retryAfterMs);
  return new AppError("RATE_LIMITED", `${message} Try again in ${wait}.`);
}

/** Counts one more against `policy` in the window of `key`, or, when the window is full, throws RATE_LIMITED: `message` and when to try again. */
async function chargeWindow(key: string, now: Date, policy: WindowPolicy, message: string): Promise<void> {
  let verdict: RateLimitVerdict = { isAllowed: true };
  const counted = await changeRateLimitBucket(key, (current) => {
    verdict = checkWindow(current, now, policy);
    return verdict.isAllowed ? countInWindow(current, now, policy) : null;
  });
  if (!counted) throw rateLimited(message, verdict);
}

/**
 * Checks a password for an email under the guessing limits (lib/auth/rate-limit.ts): per address
 * across accounts, per account (an address the owner signed in from before is exempt), and per
 * (account, address) pair with growing delays, charged before the password is compared so that
 * parallel guesses queue up. A wrong email and a wrong password take the same path and time.
 */
async function checkPasswordUnderLimits(email: string, password: string, clientAddress: string, now: Date) {
  const keys = { pair: rateLimitKeys.signInPair(email, clientAddress), account: rateLimitKeys.signInAccount(email), address: rateLimitKeys.signInAddress(clientAddress) };
  const buckets = await getRateLimitBuckets(Object.values(keys));

  const addressVerdict = checkWindow(buckets.get(keys.address) ?? null, now, SIGN_IN_ADDRESS_POLICY);
  if (!addressVerdict.isAllowed) throw rateLimited("Too many failed sign-ins from this network.", addressVerdict);
  const accountVerdict = checkWindow(buckets.get(keys.account) ?? null, now, SIGN_IN_ACCOUNT_POLICY);
  if (!accountVerdict.isAllowed && !isKnownPair(buckets.get(keys.pair) ?? null, now)) {
    throw rateLimited("This account has had too many failed sign-ins. If it is yours, sign in from a device you have used before, or wait.", accountVerdict);
  }

  let pairVerdict: RateLimitVerdict = { isAllowed: true };
  const charged = await changeRateLimitBucket(keys.pair, (current) => {
    pairVerdict = checkPair(current, now);
    return pairVerdict.isAllowed ? chargePairAttempt(current, now) : null;
  });
  if (!charged) throw rateLimited("Too many failed sign-ins.", pairVerdict);

  const user = await findUserWithPasswordByEmail(email);
  const isMatch = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (user && isMatch) {
    await changeRateLimitBucket(keys.pair, (current) => clearPairFailures(current, now));
    return user;
  }
  await changeRateLimitBucket(keys.account, (current) => countInWindow(current, now, SIGN_IN_ACCOUNT_POLICY));
  await changeRateLimitBucket(keys.address, (current) => countInWindow(current, now, SIGN_IN_ADDRESS_POLICY));
  return null;
}

/**
 * Signs in with an email and password from `clientAddress` (the verified peer address, see
 * lib/server/client-address.ts). A legacy bcrypt hash is replaced with argon2id on success.
 */
export async function signIn(raw: unknown, clientAddress: string, now: Date): Promise<SignedInUser> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Enter a valid email address and your password.", fieldErrorsOf(parsed.error));
  const { email, password } = parsed.data;
  const user = await checkPasswordUnderLimits(email, password, clientAddress, now);
  if (!user) throw new AppError("INVALID", SIGN_IN_MISMATCH);
  if (needsRehash(user.passwordHash)) await upgradePasswordHash(user.id, user.passwordHash, await hashPassword(password));
  await deleteStaleRateLimitBuckets(now);
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * Creates an account: a student, or a teacher with a valid invitation code. The answer is the same
 * whether or not the email already had an account — nothing is changed then, and the caller tells
 * the person to sign in (their existing password still works) — so sign-up cannot be used to find
 * out who has an account. Both paths hash the password, so they take about the same time.
 * Limited per client address (SIGN_UP_ADDRESS_POLICY).
 */
export async function signUp(raw: unknown, clientAddress: string, now: Date): Promise<void> {
  const parsed = signUpSchema.safeParse(raw);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const form = parsed.success ? parsed.data : validFields(signUpSchema, raw, fieldErrors);
  addNewPasswordProblem(fieldErrors, "password", form.password, [form.name, form.email]);
  if (!parsed.success || Object.keys(fieldErrors).length > 0) throw new AppError("INVALID", summaryOf(fieldErrors, "Check the highlighted fields."), fieldErrors);
  const { name, email, password, teacherCode } = parsed.data;

  const codeHash = teacherCode ? hashTeacherCode(teacherCode) : null;
  if (codeHash && !(await isTeacherInvitationUsable(codeHash, now))) throw invalidTeacherCode();

  await chargeWindow(rateLimitKeys.signUpAddress(clientAddress), now, SIGN_UP_ADDRESS_POLICY, "Too many accounts have been created from this network.");

  const outcome = await createAccount({ name, email, passwordHash: await hashPassword(password), invitationCodeHash: codeHash, now });
  if (!outcome.isCreated && outcome.reason === "invitation-unusable") throw invalidTeacherCode();
}

function invalidTeacherCode(): AppError {
  const message = "That teacher code is not valid (or was already used). Check it with your administrator, or leave it empty to join as a student.";
  return new AppError("INVALID", message, { teacherCode: [message] });
}

/**
 * Changes the actor's password after re-checking the current one (under the sign-in limits), and
 * revokes every session of the account — other devices are signed out; the caller signs this one
 * in again with the new password. Returns nothing the browser needs.
 */
export async function changePassword(actor: Actor & { email: string; name: string }, raw: unknown, clientAddress: string, now: Date): Promise<void> {
  const parsed = changePasswordSchema.safeParse(raw);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const form = parsed.success ? parsed.data : validFields(changePasswordSchema, raw, fieldErrors);
  addNewPasswordProblem(fieldErrors, "newPassword", form.newPassword, [actor.name, actor.email]);
  if (!parsed.success || Object.keys(fieldErrors).length > 0) throw new AppError("INVALID", summaryOf(fieldErrors, "Check the highlighted fields."), fieldErrors);
  const { currentPassword, newPassword } = parsed.data;
  const user = await checkPasswordUnderLimits(actor.email, currentPassword, clientAddress, now);
  if (!user || user.id !== actor.id) {
    throw new AppError("INVALID", "Your current password is not right.", { currentPassword: ["Your current password is not right."] });
  }
  await changePasswordHash(actor.id, await hashPassword(newPassword));
}

/**
 * Changes the signed-in person's own name (normalised as at sign-up: no invisible or direction-changing
 * characters). Returns the name kept. The name they already have is kept without writing anything
 * (a rename reaches every roster and gradebook of their classes); a change is limited per account
 * (RENAME_ACCOUNT_POLICY). NOT_FOUND when the account no longer exists.
 */
export async function changeName(actor: Actor, raw: unknown, now: Date): Promise<string> {
  const parsed = changeNameSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    throw new AppError("INVALID", summaryOf(fieldErrors, "Check your name."), fieldErrors);
  }
  const { name } = parsed.data;
  const current = await getUserName(actor.id);
  if (current === null) throw accountGone();
  if (current === name) return name;

  await chargeWindow(rateLimitKeys.renameAccount(actor.id), now, RENAME_ACCOUNT_POLICY, `You have changed your name ${RENAME_ACCOUNT_POLICY.max} times within a day, the most allowed.`);
  if (!(await changeUserName(actor.id, name))) throw accountGone();
  return name;
}

const accountGone = () => new AppError("NOT_FOUND", "This account no longer exists.");
