import type { NumberFact, Sentence } from "./schemas";

const WORD_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7, "lakh crore": 1e12,
};

const QUALIFIER = String.raw`(?:(?:more|fewer|less) than|over|under|at least|at most|nearly|almost|about|around|roughly|some|up to|just|approximately|an estimated|close to|as many as|as few as|upwards of)`;
/** Indian grouping ("1,03,611", "15,41,793") before Western ("2,500"), then plain digits. */
const DIGITS = String.raw`(?:\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?`;
const CURRENCY = String.raw`(?:US\$|\$|£|€|¥|₹ ?|Rs\.? ?|INR ?|USD ?)`;
const SCALE = String.raw`(?: ?(?:thousand|million|billion|trillion|mn|bn|tn|lakh crore|lakh|crore|lakhs|crores)\b|(?:k|m|b)\b)`;
const UNIT = String.raw`(?: ?(?:per ?cent|percent|%|km|kilomet(?:re|er)s?|miles?|sq km|kg|tonnes?|tons?|metres?|meters?)(?![A-Za-z]))`;
const WORDNUM = String.raw`(?:${Object.keys(WORD_NUMBERS).join("|")})`;
const FIGURE_RE = new RegExp(
  String.raw`(?:\b(${QUALIFIER})\s+)?(?:(${CURRENCY})?(${DIGITS})(${SCALE})?(${UNIT})?|\b(${WORDNUM})(?:-| )(?=[a-z]))`,
  "gi",
);

/** A month's name or its usual abbreviation ("Sept"), not a word that starts like one ("Deccan", "Marathi", "Junagadh"). */
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`;

/** Parses "2,500" → 2500, "1.5" → 1.5. */
export function parseFigure(digits: string): number {
  return Number(digits.replace(/,/g, ""));
}

/** Noun phrase following a figure: "civilians", "TTP fighters", "increase in terrorism". */
function subjectAfter(sentence: Sentence, end: number): string | undefined {
  const tokens = sentence.tokens.filter((t) => t.start >= end);
  const words: string[] = [];
  let i = 0;
  while (i < tokens.length && words.length < 4) {
    const t = tokens[i]!;
    const value = sentence.text.slice(t.start - sentence.start, t.end - sentence.start);
    if (t.pos === "NOUN" || t.pos === "PROPN" || (t.pos === "ADJ" && words.length < 2) || (value === "-" && words.length > 0)) {
      words.push(value);
      i++;
      continue;
    }
    if (t.pos === "ADP" && /^(?:in|of)$/i.test(value) && words.length > 0 && /^(?:increase|rise|decrease|drop|decline|jump|fall|surge|share|cut)$/i.test(words[words.length - 1]!)) {
      const next = tokens[i + 1];
      if (next && (next.pos === "NOUN" || next.pos === "PROPN")) {
        words.push(value, sentence.text.slice(next.start - sentence.start, next.end - sentence.start));
      }
    }
    if (!words.length && t.pos === "ADP" && /^(?:in|of|for|on)$/i.test(value)) {
      const phrase: string[] = [value];
      for (const n of tokens.slice(i + 1, i + 7)) {
        if (!(n.pos === "NOUN" || n.pos === "PROPN" || n.pos === "CCONJ" || n.pos === "ADJ")) break;
        phrase.push(sentence.text.slice(n.start - sentence.start, n.end - sentence.start));
      }
      if (phrase.length > 1 && !/^(?:and|or)$/.test(phrase[phrase.length - 1]!)) return phrase.join(" ");
    }
    break;
  }
  const phrase = words.join(" ").replace(/ - /g, "-").trim();
  return phrase || undefined;
}

/** Fallback: the noun a figure belongs to when it precedes it in the clause ("Fatalities dropped from 2,451"). */
function subjectBefore(sentence: Sentence, start: number): string | undefined {
  const before = sentence.tokens.filter((t) => t.end <= start).slice(-6);
  for (let i = before.length - 1; i >= 0; i--) {
    const t = before[i]!;
    const value = sentence.text.slice(t.start - sentence.start, t.end - sentence.start);
    if (t.pos === "PUNCT" || t.pos === "VERB" && i < before.length - 3) break;
    if (t.pos === "NOUN" && /^[a-z]/i.test(value)) return value.toLowerCase();
  }
  return undefined;
}

function yearOf(sentence: Sentence, figureStart: number): number | undefined {
  const years = [...sentence.text.matchAll(/\b(?:in|during|by|of|for)\s+((?:19|20)\d{2})\b/g)];
  const after = years.find((m) => sentence.start + m.index > figureStart) ?? years[0];
  const y = after ? Number(after[1]) : undefined;
  return y && y !== undefined ? y : undefined;
}

/**
 * Figures in a sentence with their qualifier, unit and subject. Bare years and ordinal-like
 * numbers (dates, "Feb 27") are left to the date extractor; "one" is too ambiguous to count.
 */
export function extractNumbers(sentence: Sentence): NumberFact[] {
  const out: NumberFact[] = [];
  for (const m of sentence.text.matchAll(FIGURE_RE)) {
    const [whole, qualifier, currency, digits, scale, unitRaw, word] = m;
    let start = sentence.start + m.index;
    const end = start + whole.length;
    const before = sentence.text.slice(Math.max(0, m.index - 12), m.index);
    let value: number;
    let unit: NumberFact["unit"] = "count";
    let figure: string;
    if (digits) {
      value = parseFigure(digits);
      // A year; "by 2100" is one too (a projection's horizon), a bare 2100 elsewhere may be a count.
      const isYearLike = (/^(?:1[89]|20)\d{2}$/.test(digits) || (/^21\d{2}$/.test(digits) && /\b(?:by|in|until|till|before|after)\s$/i.test(sentence.text.slice(Math.max(0, m.index - 8), m.index)))) && !currency && !scale && !unitRaw;
      if (isYearLike) continue;
      const after = sentence.text.slice(m.index + whole.length);
      // Part of a name, code, period or date, not a count: "CFC-11", "Q4", "2017-18", "'16-17",
      // "8 November", "1990s", "28th", "p. 56", "Article 5" stays a figure.
      if (/[A-Za-z]-$|\/$|[A-Za-z]$|\d[-\u2013]$|'$|\bp{1,2}\.\s?$|\b[A-Z]{2,}\s$/.test(before) || /^\d+[/:]/.test(sentence.text.slice(m.index + (qualifier ? qualifier.length + 1 : 0)))) continue;
      if (/^(?:st|nd|rd|th|s)\b|^[-\u2013]\d|^'s\b/.test(after) && !unitRaw && !scale) continue;
      if (new RegExp(String.raw`\b${MONTH}\.?\s$`, "i").test(before) && value <= 31) continue;
      if (value <= 31 && !currency && new RegExp(String.raw`^\s+${MONTH}\b`).test(after)) continue;
      // The first day of a span of days: "held from 5 to 12 May 1946", "between 3 and 9 June".
      if (value <= 31 && !currency && !unitRaw && !scale && new RegExp(String.raw`^\s*(?:to|and|until|till|[-\u2013])\s*\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\b`).test(after)) continue;
      if (scale) value *= SCALES[scale.trim().toLowerCase()] ?? 1;
      const u = (unitRaw ?? "").trim().toLowerCase();
      if (currency || /^\s*(?:rupees|dollars|euros|pounds)\b/i.test(sentence.text.slice(m.index + whole.length))) unit = "money";
      else if (/cent|%/.test(u)) unit = "percent";
      else if (/km|kilomet|mile|metre|meter/.test(u)) unit = "distance";
      else if (u) unit = "other";
      figure = whole.slice(qualifier ? whole.toLowerCase().indexOf(qualifier.toLowerCase()) + qualifier.length : 0).trim();
    } else if (word) {
      value = WORD_NUMBERS[word.toLowerCase()] ?? NaN;
      if (!Number.isFinite(value)) continue;
      figure = word;
      if (/\b(?:the|both|these|those|its|their|his|her|our|all)\s+$/i.test(before)) continue; // "the two countries" refers, it does not count
      const nextWords = sentence.text.slice(m.index + whole.length).split(/[\s,.;:]+/).slice(0, 3);
      const next = nextWords[0] ?? "";
      if (/^(?:years?|decades?|months?|weeks?|days?|hours?|centuries|century)$/i.test(next)) unit = "duration";
      else if (!nextWords.some((w) => /^[a-z]+s$/.test(w) || /^(?:people|personnel|police|staff|aircraft|militia)$/i.test(w))) continue;
    } else continue;
    const figureEnd = end - (word ? 1 : 0);
    const text = sentence.text.slice(m.index, figureEnd - sentence.start).trim();
    if (!text) continue;
    if (text.length !== figureEnd - start) start = figureEnd - text.length;
    const subject = subjectAfter(sentence, figureEnd) ?? subjectBefore(sentence, start);
    const year = yearOf(sentence, start);
    out.push({
      start,
      end: figureEnd,
      sentenceIndex: sentence.index,
      text,
      figure: figure.replace(/-$/, "").trim(),
      value,
      unit,
      ...(qualifier ? { qualifier: qualifier.toLowerCase() } : {}),
      ...(subject ? { subject } : {}),
      ...(year ? { year } : {}),
    });
  }
  return out;
}
