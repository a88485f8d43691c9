import { hash as argon2Hash, verify as argon2Verify, type Algorithm } from "@node-rs/argon2";
import bcrypt from "bcryptjs";

/**
 * Password hashing: argon2id (RFC 9106) with OWASP's minimum parameters — 19 MiB of memory, two
 * passes, one lane — about 50 ms on one core of the dev machine. argon2 hashes the whole password,
 * so unlike bcrypt (which ignores everything after 72 bytes) every byte counts.
 *
 * Hashes made by the earlier bcrypt scheme (`$2a$`/`$2b$`) still verify; `needsRehash` tells the
 * caller to replace them with argon2id after the next successful sign-in.
 */
// Algorithm.Argon2id (= 2) is a const enum, which isolatedModules cannot read from a .d.ts.
export const ARGON2_OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const ARGON2_PREFIX = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`;

const isBcryptHash = (passwordHash: string) => /^\$2[aby]\$\d\d\$/.test(passwordHash);

/** Hashes a password with argon2id (salted; salt and parameters are embedded in the result). */
export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2_OPTIONS);
}

/** Compares a password with an argon2id or legacy bcrypt hash; false for anything unrecognised. */
export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  if (passwordHash.startsWith("$argon2")) {
    try {
      return await argon2Verify(passwordHash, password);
    } catch {
      return false; // a malformed stored hash never signs anyone in
    }
  }
  if (isBcryptHash(passwordHash)) return bcrypt.compare(password, passwordHash);
  return false;
}

/** True when a stored hash is bcrypt or argon2 with other parameters, and should be replaced. */
export function needsRehash(passwordHash: string): boolean {
  return !passwordHash.startsWith(ARGON2_PREFIX);
}

let dummyHash: Promise<string> | undefined;

/**
 * A valid argon2id hash of a random string, compared against when the email is unknown so that a
 * sign-in for a missing account costs the same time as one with a wrong password.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-account-${Math.random().toString(36).slice(2)}-${Date.now()}`);
  return dummyHash;
}
