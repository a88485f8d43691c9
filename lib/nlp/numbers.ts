/**
 * Number recognition in running text: digits with separators ("2,500", "6,000", "3.5"), words
 * ("six thousand", "seventy-plus"), scale words ("million", "bn", "lakh", "crore"), percentages
 * ("66 per cent", "72%"), money ("$60bn", "$35 million"), units glued or hyphenated ("2,600km",
 * "2,600-km") and years ("2021", "Oct 2025"). Every mention keeps its [start, end) offsets.
 */

export type NumberKind = "year" | "percent" | "money" | "quantity";

export interface NumberMention {
  start: number;
  end: number;
  raw: string;
  value: number;
  kind: NumberKind;
  /** Unit word right after the number ("km", "fighters"), lower-case, when present. */
  unit?: string;
  /** "more than", "over", "~", "+" and similar make the figure a bound or an estimate. */
  isApprox: boolean;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1_000, k: 1_000, lakh: 100_000, lakhs: 100_000, lac: 100_000, million: 1_000_000,
  mn: 1_000_000, m: 1_000_000, crore: 10_000_000, crores: 10_000_000, billion: 1_000_000_000, bn: 1_000_000_000,
  b: 1_000_000_000, trillion: 1_000_000_000_000, tn: 1_000_000_000_000,
};
const MONTHS = "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december";

const UNIT_WORDS = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const WORD_NUM = `(?:${UNIT_WORDS})(?:[\\s-]+(?:${UNIT_WORDS}))?`;
const DIGITS = String.raw`\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s*-?\s*(?:hundred|thousand|lakhs?|lac|million|mn|crores?|billion|bn|trillion|tn|k|m|b)\b)`;
const NUMBER_RE = new RegExp(
  String.raw`(?<approx>(?:more than|over|nearly|almost|about|around|approximately|roughly|at least|up to|some|~)\s*)?` +
    String.raw`(?<cur>[$£€₹]|rs\.?\s*|usd\s*)?` +
    String.raw`(?<num>${DIGITS}|${WORD_NUM})` +
    String.raw`(?<scale>${SCALE}(?:\s+(?:hundred|thousand))?)?` +
    String.raw`(?<plus>\s*\+|-plus)?` +
    String.raw`(?<pct>\s*(?:%|per\s*cent|percent))?` +
    String.raw`(?<unit>\s*-?\s*(?:km|kilomet(?:re|er)s?|miles?|kg|tonnes?|tons?)\b)?`,
  "giu",
);

/**
 * Every match of NUMBER_RE holds a digit or a number word, so text with neither (most sentences)
 * has no number; checking that first is far cheaper than trying NUMBER_RE at every offset. Same
 * flags, so the same case folding.
 */
const MAY_HOLD_NUMBER_RE = new RegExp(String.raw`\d|${UNIT_WORDS}`, "iu");

function wordsToNumber(text: string): number | null {
  const parts = text.toLowerCase().split(/[\s-]+/).filter(Boolean);
  let total = 0;
  for (const p of parts) {
    const v = UNITS[p];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

/** Parses one number phrase ("2,500", "six thousand", "$60bn", "66 per cent") or returns null. */
export function parseNumber(text: string): number | null {
  const mentions = findNumbers(text);
  return mentions.length === 1 ? (mentions[0]?.value ?? null) : null;
}

/** Every number mentioned in `text`, with its kind, unit and offsets. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  if (!MAY_HOLD_NUMBER_RE.test(text)) return out;
  NUMBER_RE.lastIndex = 0;
  for (const m of text.matchAll(NUMBER_RE)) {
    const g = m.groups ?? {};
    const numText = g.num ?? "";
    if (!numText) continue;
    const start = m.index ?? 0;
    // Reject matches glued to letters before ("F16", "G20") or that are only a word like "one" used as a pronoun.
    const before = text[start - 1] ?? " ";
    if (/[\p{L}]/u.test(before) && !g.approx && !g.cur) continue;
    // Dates and ratios written with slashes ("9/11", "08/14/2025") are not figures.
    if (before === "/" || text[start + m[0].length] === "/") continue;
    let value: number | null;
    const isWord = /^[a-z]/i.test(numText);
    const numEnd = start + (g.approx?.length ?? 0) + (g.cur?.length ?? 0) + numText.length;
    if (isWord && !g.scale && !g.plus && /[\p{L}]/u.test(text[numEnd] ?? " ")) continue;
    if (!isWord && !g.scale && !g.unit && /^[a-z]{2}\b/i.test(text.slice(numEnd)) && /^(st|nd|rd|th)\b/i.test(text.slice(numEnd))) continue;
    if (isWord) {
      value = wordsToNumber(numText);
      if (value === null) continue;
      // "one" alone is usually a pronoun, not a figure.
      if (!g.scale && !g.pct && value <= 1) continue;
    } else {
      value = Number(numText.replace(/,/g, ""));
    }
    if (!Number.isFinite(value)) continue;
    const scaleWords = (g.scale ?? "").toLowerCase().replace(/-/g, " ").trim().split(/\s+/).filter(Boolean);
    // A bare "m"/"b"/"k" is a scale only right after a digit or currency ("$60bn", "5m").
    for (const s of scaleWords) {
      const f = SCALES[s];
      if (f) value *= f;
    }
    const isPercent = !!g.pct;
    const isMoney = !!g.cur;
    const isYear =
      !isWord && !isPercent && !isMoney && !scaleWords.length && /^\d{4}$/.test(numText) && value >= 1800 && value <= 2100;
    let end = start + m[0].length;
    // Trim trailing spaces captured by optional groups.
    while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
    const unitMatch = g.unit?.trim().replace(/^-\s*/, "").toLowerCase();
    let unit = unitMatch || undefined;
    if (!unit) {
      const after = /^\s*(?:-\s*)?([a-z]+)/i.exec(text.slice(end));
      const word = after?.[1]?.toLowerCase();
      if (word && !/^(and|or|to|in|on|of|the|a|an|by|per|from|for|with|at|is|was|are|were)$/.test(word)) unit = word;
    }
    out.push({
      start,
      end,
      raw: text.slice(start, end),
      value,
      kind: isYear ? "year" : isPercent ? "percent" : isMoney ? "money" : "quantity",
      unit,
      isApprox: !!g.approx || !!g.plus || /~/.test(m[0]),
    });
  }
  // Month + year: "Oct 2025" is a year mention already; nothing more to do. Drop isolated "0"s.
  return out.filter((n) => !(n.kind === "quantity" && n.value === 0));
}

/** Years mentioned in `text` (four-digit 1800–2100 not used as quantities). */
export function findYears(text: string): NumberMention[] {
  return findNumbers(text).filter((n) => n.kind === "year");
}

/** True when two figures agree within a relative tolerance (default 10 %), or either is a bound that covers the other. */
export function figuresAgree(a: NumberMention, b: NumberMention, relTolerance = 0.1): boolean {
  if (a.kind === "year" || b.kind === "year") return a.kind === b.kind && a.value === b.value;
  const tol = Math.max(Math.abs(a.value), Math.abs(b.value)) * (a.isApprox || b.isApprox ? relTolerance * 1.5 : relTolerance);
  return Math.abs(a.value - b.value) <= tol;
}

export const MONTH_PATTERN = MONTHS;
