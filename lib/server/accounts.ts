import "server-only";
import { AppError } from "../errors";
import { signInSchema, signUpSchema } from "../auth/schemas";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../auth/password";
import { checkRateLimit, describeRetryAfter, SIGN_IN_POLICY } from "../auth/rate-limit";
import { createUser, findUserWithPasswordByEmail, type UserRecord } from "../db/users";
import { listRecentLoginFailures, recordLoginAttempt } from "../db/login-attempts";
import { fieldErrorsOf } from "./validation";

/**
 * Checks an email and password. Rate-limited per email and per client address; a wrong email and a
 * wrong password get the same message and take the same time.
 */
export async function signIn(raw: unknown, clientAddress: string, now: Date): Promise<UserRecord> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Enter a valid email address and your password.", fieldErrorsOf(parsed.error));
  const { email, password } = parsed.data;
  const keys = [`email:${email}`, `address:${clientAddress}`];

  const failures = await listRecentLoginFailures(keys, new Date(now.getTime() - SIGN_IN_POLICY.windowMs));
  for (const key of keys) {
    const verdict = checkRateLimit(failures.get(key) ?? [], now);
    if (!verdict.isAllowed) {
      throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${describeRetryAfter(verdict.retryAfterMs)}.`);
    }
  }

  const user = await findUserWithPasswordByEmail(email);
  const isMatch = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  await recordLoginAttempt(keys, isMatch && !!user, now);
  if (!user || !isMatch) throw new AppError("INVALID", "That email and password do not match an account.");
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Creates an account. Invalid input and a taken email throw AppError and create nothing. */
export async function signUp(raw: unknown): Promise<UserRecord> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Check the highlighted fields.", fieldErrorsOf(parsed.error));
  const { name, email, password, role } = parsed.data;
  const existing = await findUserWithPasswordByEmail(email);
  if (existing) {
    throw new AppError("CONFLICT", "An account with that email already exists. Sign in instead.", {
      email: ["An account with that email already exists."],
    });
  }
  return createUser({ name, email, role, passwordHash: await hashPassword(password) });
}
