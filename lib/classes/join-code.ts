/** Class codes are made of unambiguous characters only (no 0/O, 1/I/L). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** A join code's length (a co-teacher code is longer: lib/server/classes.ts). */
export const JOIN_CODE_LENGTH = 7;

/**
 * The example a join-code field shows: shaped like a real code (JOIN_CODE_LENGTH characters of
 * CODE_ALPHABET) but no class's code — not the demo class's, which a student trying the example would join.
 */
export const JOIN_CODE_EXAMPLE = "K7MQ4XP";
