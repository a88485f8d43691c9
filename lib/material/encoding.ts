import { analyse } from "chardet";
import { AppError } from "../errors";

/** Single-byte Western encodings decoded as Windows-1252 (a superset of ISO-8859-1's printable range). */
const WESTERN = new Set(["ISO-8859-1", "windows-1252", "ISO-8859-15"]);

/**
 * Decodes an uploaded file's bytes to text, by one rule:
 * 1. a UTF-16 byte-order mark → UTF-16 (LE or BE);
 * 2. valid UTF-8 (with or without its byte-order mark) → UTF-8 — ASCII is valid UTF-8;
 * 3. otherwise the file is in a legacy single-byte encoding: when the detector (chardet) ranks a
 *    Western one first (ISO-8859-1, -15 or Windows-1252) it is decoded as Windows-1252, so
 *    "caf\xe9 in Z\xfcrich" becomes "café in Zürich";
 * 4. anything else is refused with AppError("INVALID") naming the file and what it looks like.
 * Never returns U+FFFD in place of bytes it could not read.
 */
export function decodeUploadedText(bytes: Uint8Array, filename: string): { text: string; encoding: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return strict(bytes.subarray(2), "utf-16le", filename);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return strict(bytes.subarray(2), "utf-16be", filename);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // not UTF-8: a legacy encoding, or not text at all
  }
  const guess = analyse(bytes)[0];
  if (guess && WESTERN.has(guess.name)) return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  const looksLike = guess ? ` (it looks like ${guess.name})` : "";
  throw new AppError("INVALID", `“${filename}” is not UTF-8 or Western (Windows-1252) text${looksLike}: save it as UTF-8 and upload it again.`);
}

function strict(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", filename: string) {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    throw new AppError("INVALID", `“${filename}” says it is UTF-16 text but cannot be read as such: save it as UTF-8 and upload it again.`);
  }
}

/**
 * Windows-1252's bytes 0x80–0x9F (the WHATWG Encoding Standard's index; the five undefined bytes map
 * to the C1 controls of the same value). Every other byte is its own code point. Written out because
 * Node's TextDecoder("windows-1252") decodes as ISO-8859-1, turning "€" and curly quotes into controls.
 */
const WINDOWS_1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : String.fromCharCode(b)));
    text += chunk.join("");
  }
  return text;
}
