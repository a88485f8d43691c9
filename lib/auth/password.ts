import bcrypt from "bcryptjs";

/** bcrypt cost factor: about 60–80 ms per hash on one core of the dev machine. */
export const BCRYPT_COST = 10;

/** Hashes a password with bcrypt (salted; the salt is embedded in the result). */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** Constant-time comparison of a password with a bcrypt hash. */
export function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  return bcrypt.compare(password, passwordHash);
}

/**
 * A valid hash of a random string, compared against when the email is unknown so that a sign-in
 * for a missing account costs the same time as one with a wrong password.
 */
export const DUMMY_PASSWORD_HASH = "$2b$10$BpebnIi9oD37lEujbk8MXOyTyV4bmk.zYGPqDhYNX2PBx5Er4nZ1y";
