import type { DatedEvent, Sentence } from "./schemas";

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const PREPOSITIONS = ["in", "since", "by", "during", "until", "till", "from", "after", "before", "on", "of", "as of", "prior to", "starting in", "unlike", "in early", "in late"]
  .flatMap((p) => [p, p[0]!.toUpperCase() + p.slice(1)])
  .join("|");
/** "8 November 2016", "November 8, 2016", "November 2016", "late 2024", "2016": day–month–year in either order. */
const DATE_PHRASE = new RegExp(
  String.raw`(?:\b(${PREPOSITIONS})\s+)?\b((?:(?:early|late|mid)[- ])?(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(${MONTH})\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?((?:19|20)\d{2}|21\d{2}(?=\s*(?:[.,;)]|$|\s+(?:under|and|when|at)))))\b(?![-,]?\d|%| per|\s*(?:crore|lakh|million|billion|notes?|rupees)\b)`,
  "g",
);
/** Indian financial years and quarters: "2017-18", "FY 2016-17", "FY18", "Q4'16-17", "Q4 2016-17". */
const FISCAL_PHRASE = /\b(?:(Q[1-4])\s?'?\s?)?(?:FY\s?)?((?:19|20)\d{2}|'?\d{2})[-\u2013/](\d{2})\b(?![-\u2013/]?\d)|\bFY\s?'?(\d{2})\b/g;

/** A preposition right before a financial year ("in 2017-18", "during FY 2016-17"), cut out with it. */
const FISCAL_PREPOSITION = new RegExp(String.raw`(?:^|\s)(?:${PREPOSITIONS})\s+$`);

export function monthNumber(label: string): number | undefined {
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(label.toLowerCase().replace(/\.$/, "").slice(0, 3)));
  return i >= 0 ? i + 1 : undefined;
}

/** Tidies a sentence after a phrase was cut out of it: spaces, dangling commas, capital first letter. */
export function tidyRemainder(text: string): string {
  const t = text
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,.;:])/g, "$1")
    .replace(/^[,;:\s]+/, "")
    .replace(/,\s*,/g, ",")
    .replace(/\(\s*\)/g, "")
    .trim();
  return t ? t[0]!.toUpperCase() + t.slice(1) : t;
}

/**
 * Dated events: every explicit year (with an optional month, "early/late" and its preposition) in a
 * sentence that has a verb. `event` is the sentence without the date phrase, for timeline cards.
 * "pre-2021"/"post-2021" compounds and bare numbers like "2,600" are not dates.
 */
export function extractEvents(sentence: Sentence): DatedEvent[] {
  if (!sentence.tokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) return [];
  const out: DatedEvent[] = [];
  for (const m of sentence.text.matchAll(DATE_PHRASE)) {
    const [whole, , label, month, year] = m;
    const charBefore = sentence.text[m.index - 1] ?? " ";
    if (charBefore === "-" || charBefore === "/" || /[\d$₹£€¥']/.test(charBefore) || /(?:Rs\.?|INR|US\$|\$|₹)\s?$/.test(sentence.text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const labelStart = sentence.start + m.index + whole.length - label!.length;
    const y = Number(year);
    const mo = month ? monthNumber(month) : undefined;
    const dayText = mo ? /\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)/.exec(label!.replace(/(?:19|20)\d{2}$/, ""))?.[1] : undefined;
    const day = dayText && Number(dayText) >= 1 && Number(dayText) <= 31 ? Number(dayText) : undefined;
    const event = tidyRemainder(sentence.text.slice(0, m.index) + " " + sentence.text.slice(m.index + whole.length));
    out.push({
      start: labelStart,
      end: labelStart + label!.length,
      sentenceIndex: sentence.index,
      label: label!,
      year: y,
      ...(mo ? { month: mo } : {}),
      ...(day ? { day } : {}),
      sortKey: `${y}-${String(mo ?? 0).padStart(2, "0")}`,
      event,
    });
  }
  for (const m of sentence.text.matchAll(FISCAL_PHRASE)) {
    const [whole, quarter, first, second, fyShort] = m;
    const charBefore = sentence.text[m.index - 1] ?? " ";
    if (/[\d$₹£€¥-]/.test(charBefore)) continue;
    const startYear = fyShort ? 2000 + Number(fyShort) - 1 : first!.length === 4 ? Number(first) : 2000 + Number(first!.replace("'", ""));
    // "2017-18" is a financial year only when the second part follows the first ("2016-17", not "2020-15").
    if (!fyShort && (Number(second) !== (startYear + 1) % 100)) continue;
    if (startYear < 1900 || startYear > 2100) continue;
    const start = sentence.start + m.index;
    const label = whole.trim();
    out.push({
      start,
      end: start + label.length,
      sentenceIndex: sentence.index,
      label,
      year: startYear,
      sortKey: `${startYear}-${quarter ? String(Number(quarter[1]) * 3 + 1).padStart(2, "0") : "04"}`,
      ...(quarter ? { quarter: Number(quarter[1]) } : {}),
      isFiscal: true,
      // The preposition goes with the year it introduced: "In 2017-18 the mission covered…" → "The mission covered…".
      event: tidyRemainder(sentence.text.slice(0, m.index).replace(FISCAL_PREPOSITION, "") + " " + sentence.text.slice(m.index + whole.length)),
    });
  }
  return out;
}
