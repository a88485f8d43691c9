import { z } from "zod";

/**
 * What Crux removes from every piece of text that crosses a trust boundary (form fields, action
 * arguments, uploaded files, URL segments) before it is validated or stored:
 * - C0 control characters other than tab, line feed and carriage return, and DEL — U+0000 in
 *   particular, which PostgreSQL refuses in text;
 * - lone UTF-16 surrogates, which are not characters and cannot be encoded as UTF-8;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make
 *   text display in a different order from the one it is stored in (the "Trojan Source" trick).
 * Everything else is kept, including emoji, their variation selectors and zero-width joiners, and
 * the left-to-right / right-to-left marks that right-to-left scripts need. The result is in Unicode
 * normalisation form C, so the same words typed two ways compare equal.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with unsafe code points removed and in NFC (see above); valid text comes back unchanged but for NFC. */
export function normalizeUntrustedText(text: string): string {
  return text.replace(UNSAFE, "").normalize("NFC");
}

/** True when normalising would change `text` (it carries a control, a lone surrogate or a bidi override). */
export function hasUnsafeText(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * A zod string normalised with `normalizeUntrustedText` before any later check (`.trim()`, `.min()`,
 * `.max()` …): the one way schemas at a trust boundary accept text.
 */
export function untrustedString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(normalizeUntrustedText);
}

/**
 * What a one-line name or title (a study set's title, a class's name, an assignment's title, a
 * person's name, a material's title, a note) loses on top of normalizeUntrustedText — what is never
 * seen in a name, yet changes how it reads or lets two names look the same:
 * - every invisible format character (Unicode category Cf): the left-to-right, right-to-left and Arabic
 *   letter marks (U+200E, U+200F, U+061C), which reorder a name's neighbours much as the bidi overrides
 *   do; zero-width spaces and word joiners (U+200B, U+2060–U+2064), the byte-order mark (U+FEFF), soft
 *   hyphens (U+00AD), invisible operators, interlinear annotation marks, tag characters (U+E0000–U+E007F,
 *   which can carry hidden text) — except the tags of an emoji flag (🏴 + tags + cancel tag), the visible
 *   Arabic and Syriac number signs that are Cf too (U+0600–U+0605, U+06DD, U+070F, U+0890–U+0891,
 *   U+08E2, U+110BD, U+110CD), and the zero-width (non-)joiners where a script or an emoji needs them;
 * - a zero-width joiner or non-joiner at either end, beside a space or an ASCII character (where they
 *   join nothing), or repeated — except one that follows a combining mark such as a virama, where it
 *   picks the form of the letter before it even at a word's end: Malayalam's chillu spelled consonant +
 *   virama + ZWJ ("അരുണ്‍"), a Devanagari half form (क्‍) or explicit virama (क्‌), Sinhala and the like
 *   (an emoji's variation selector does not count: a joiner after it at an end joins nothing);
 * - the blank "letters" used to make an empty-looking name: the Hangul fillers (U+115F, U+1160, U+3164,
 *   U+FFA0) and the blank Braille pattern (U+2800); and the other characters that show nothing, or only
 *   a placeholder box, but are not Cf: the combining grapheme joiner (U+034F), Khmer's inherent vowels
 *   (U+17B4, U+17B5, which Unicode says not to use) and the object replacement character (U+FFFC);
 * - line breaks and tabs: every run of white space becomes one space.
 * The result is in Unicode normalisation form C. Text of several lines (answers, questions, notes on a
 * regrade) keeps its marks: right-to-left writing needs them there.
 */
const NAME_FORMAT = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|(?![\u200C\u200D\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}])\p{Cf}/gu;
const IDLE_JOINER = /(?<=^|[\s\x00-\x7F])[\u200C\u200D]+|(?<!(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])\p{M})[\u200C\u200D]+(?=$|[\s\x00-\x7F])/gu;
const REPEATED_JOINER = /([\u200C\u200D])[\u200C\u200D]+/gu;
const BLANK_LETTER = /[\u115F\u1160\u3164\uFFA0\u2800\u034F\u17B4\u17B5\uFFFC]/gu;
/** What a name must show once normalised: a letter, a digit or a symbol (an emoji is a symbol). */
const VISIBLE = /[\p{L}\p{N}\p{S}]/u;
const NOTHING_VISIBLE = "Use at least one letter or number.";

/** `text` as a one-line name or title keeps it (see above); a clean name comes back unchanged but for NFC. */
export function normalizeNameText(text: string): string {
  return normalizeUntrustedText(text)
    .replace(NAME_FORMAT, (m) => (m.startsWith("\u{1F3F4}") ? m : ""))
    .replace(BLANK_LETTER, "")
    .replace(/\s+/gu, " ")
    .replace(IDLE_JOINER, "")
    .replace(REPEATED_JOINER, "$1")
    .normalize("NFC");
}

/**
 * A zod string for a one-line name or title at a trust boundary, normalised with `normalizeNameText`
 * before any later check (`.trim()`, `.min()` …): a title of invisible characters alone is empty, so
 * `.min()` refuses it with its own message. A name that is not empty must show at least one letter,
 * digit or symbol: one of lone combining marks (or anything else that draws nothing) is refused with
 * `nothingVisible` (by default "Use at least one letter or number."), however long it is. An empty
 * name passes this check, so an optional field may still be left blank.
 */
export function untrustedName(params?: Parameters<typeof z.string>[0], nothingVisible: string = NOTHING_VISIBLE) {
  return z
    .string(params)
    .overwrite(normalizeNameText)
    .refine((v) => v.trim() === "" || VISIBLE.test(v), nothingVisible);
}

/** At most this many combining marks (accents, vowel signs, a keycap) in a row on one character of a person's name. */
export const MAX_MARKS_PER_CHARACTER = 3;
const MARK_PILE = new RegExp(`\\p{M}{${MAX_MARKS_PER_CHARACTER + 1},}`, "u");

/**
 * `text` as a person's name keeps it: normalizeNameText after Unicode compatibility normalisation
 * (NFKC), so that a name typed in full-width letters ("ｋｉｒａｎ"), with ligatures ("ﬁ") or styled
 * mathematical letters reads, sorts and searches as the plain letters it looks like.
 */
export function normalizePersonName(text: string): string {
  return normalizeNameText(text.normalize("NFKC"));
}

/**
 * A zod string for a person's name at a trust boundary (sign-up, changing one's name, an administrator
 * made on the command line): as untrustedName, normalised with normalizePersonName, and refused when
 * a character carries more than MAX_MARKS_PER_CHARACTER combining marks in a row ("A" under 99
 * accents draws over the lines around it). Titles keep untrustedName: NFKC would turn "H₂O" into "H2O".
 */
export function untrustedPersonName(params?: Parameters<typeof z.string>[0], nothingVisible: string = NOTHING_VISIBLE) {
  return z
    .string(params)
    .overwrite(normalizePersonName)
    .refine((v) => v.trim() === "" || VISIBLE.test(v), nothingVisible)
    .refine((v) => !MARK_PILE.test(v), `Use at most ${MAX_MARKS_PER_CHARACTER} accents or marks on one letter.`);
}

/**
 * A record id from a URL segment or a form (cuid-style: letters, digits, `_` and `-`, at most 64):
 * anything else — a NUL, a lone surrogate, a slash — is refused as "Invalid id." before it reaches
 * a query, so it gets a clear 4xx, never a database error.
 */
export const recordIdSchema = z
  .string({ error: "Missing id." })
  .trim()
  .min(1, "Missing id.")
  .max(64, "Invalid id.")
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid id.");

/**
 * True when a URL path (as sent, percent-encoded) decodes to text that is safe to use: every segment
 * is valid percent-encoded UTF-8 and carries nothing `normalizeUntrustedText` would remove. A path
 * that fails is refused at the edge (proxy.ts), so no page, action or route handler ever passes a
 * NUL or a lone surrogate from its URL to the database.
 */
export function isSafeUrlPath(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    if (hasUnsafeText(decoded)) return false;
  }
  return true;
}
