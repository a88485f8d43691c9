import { createHash } from "node:crypto";

/**
 * Teacher invitation codes: 16 symbols from a 32-letter alphabet without look-alikes (no 0/O, 1/I),
 * shown in groups of four (`TCH-7KQ4-MX9D-RW2P-H8FN`): 80 bits, so guessing one is hopeless even
 * without the sign-up rate limit. Only a hash is stored; the code is shown once, when issued.
 */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // 32 symbols: each random byte maps without bias
const CODE_LENGTH = 16;
const PREFIX = "TCH";

/** Default time a code stays valid. */
export const TEACHER_CODE_VALID_DAYS = 14;

/** A new code from `randomBytes` (at least CODE_LENGTH bytes of uniform randomness). */
export function formatTeacherCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < CODE_LENGTH) throw new Error(`formatTeacherCode needs ${CODE_LENGTH} random bytes`);
  let symbols = "";
  for (let i = 0; i < CODE_LENGTH; i++) symbols += ALPHABET[randomBytes[i]! % ALPHABET.length];
  return [PREFIX, ...(symbols.match(/.{4}/g) ?? [])].join("-");
}

/** The canonical form of a typed code: upper case, spaces and dashes dropped, the prefix optional. */
export function normalizeTeacherCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]+/g, "");
  return compact.startsWith(PREFIX) ? compact.slice(PREFIX.length) : compact;
}

/** What is stored for a code: sha256 hex of its canonical form. */
export function hashTeacherCode(code: string): string {
  return createHash("sha256").update(`crux-teacher-code:${normalizeTeacherCode(code)}`).digest("hex");
}

/** The last four symbols, to recognise a code in a listing without storing it. */
export function teacherCodeHint(code: string): string {
  return normalizeTeacherCode(code).slice(-4);
}
