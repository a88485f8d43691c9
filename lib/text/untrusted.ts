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
