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
 * letter and a contraction's ending: "aren"t" (after an "n" only), "it"s", "they"re". Read as the
 * apostrophe, so that the tagger sees the negation in "aren"t"; a quotation mark has a space or
 * punctuation on one side. See `quoteApostrophes` for the quotations it must leave alone.
 */
const QUOTE_APOSTROPHE_RE = /(?<=\p{L})"(?=(?:s|re|ve|ll|d|m)(?![\p{L}\p{N}]))|(?<=n)"(?=t(?![\p{L}\p{N}]))/giu;

/**
 * Offsets of the double quotes that stand for an apostrophe. Such a quote must not close an open
 * quotation (an odd number of quotation marks before it in its sentence: `the film "Jaws"s sequel`), nor
 * leave the sentence's other quotation marks unbalanced (`A"D"`, a geometry label).
 */
function quoteApostrophes(text: string): Set<number> {
  const out = new Set<number>();
  if (!text.includes('"')) return out;
  const candidates = new Set<number>();
  for (const m of text.matchAll(QUOTE_APOSTROPHE_RE)) candidates.add(m.index ?? 0);
  if (!candidates.size) return out;
  for (const sentence of text.matchAll(/[^.!?\n]+[.!?\n]*/g)) {
    const start = sentence.index ?? 0;
    const quotes: number[] = [];
    for (let i = 0; i < sentence[0].length; i++) if (sentence[0][i] === '"') quotes.push(start + i);
    // Non-candidate quotes after each quote, counted in one backward pass (linear in the sentence).
    const otherAfter = new Array<number>(quotes.length);
    for (let i = quotes.length - 1, n = 0; i >= 0; i--) {
      otherAfter[i] = n;
      if (!candidates.has(quotes[i] ?? -1)) n++;
    }
    let before = 0;
    quotes.forEach((q, i) => {
      if (candidates.has(q) && before % 2 === 0 && (otherAfter[i] ?? 0) % 2 === 0) out.add(q);
      else before++;
    });
  }
  return out;
}

/** Same-length normalisation of quotes, dashes and spaces (offsets stay valid). */
export function normalizeChars(text: string): string {
  const chars = text.replace(CHAR_RE, (c) => CHAR_MAP[c] ?? c);
  const apostrophes = quoteApostrophes(chars);
  if (!apostrophes.size) return chars;
  return chars.replace(/"/g, (q, at: number) => (apostrophes.has(at) ? "'" : q));
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
