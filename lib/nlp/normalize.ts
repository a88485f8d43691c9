/**
 * Character-level normalisation that keeps string length, so offsets computed on the normalised text
 * point at the same characters of the original. Curly quotes become straight, dashes become "-",
 * odd spaces become " ". Diacritics are folded separately (`foldDiacritics`) for matching keys only.
 */
const CHAR_MAP: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u2033": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\u00A0": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u2009": " ",
  "\u202F": " ",
  "\u200B": " ",
  "\u2026": ".",
};

const CHAR_RE = new RegExp(`[${Object.keys(CHAR_MAP).join("")}]`, "g");

/**
 * A double quote typed (or converted) for the apostrophe of a contraction or possessive, between a
 * letter and a contraction's ending: "aren"t", "it"s", "they"re". Read as the apostrophe, so that the
 * tagger sees the negation in "aren"t"; a quotation mark has a space or punctuation on one side.
 */
const QUOTE_APOSTROPHE_RE = /(?<=\p{L})"(?=(?:t|s|re|ve|ll|d|m)(?![\p{L}\p{N}]))/giu;

/** Same-length normalisation of quotes, dashes and spaces (offsets stay valid). */
export function normalizeChars(text: string): string {
  return text.replace(CHAR_RE, (c) => CHAR_MAP[c] ?? c).replace(QUOTE_APOSTROPHE_RE, "'");
}

/** Lower-cases and strips diacritics ("Türkiye" → "turkiye"); for matching keys, not for offsets. */
export function foldDiacritics(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * Counts words the way examiners do: runs of letters or digits (with inner apostrophes, hyphens,
 * commas or points, so "2,600-km", "don't" and "3.5" are one word each); bullets, dashes, arrows
 * and stray punctuation are not words.
 */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}
