import type { DatedEvent, Sentence } from "./schemas";

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const PREPOSITIONS = ["in", "since", "by", "during", "until", "till", "from", "after", "before", "on", "of", "as of", "prior to", "starting in", "unlike", "in early", "in late"]
  .flatMap((p) => [p, p[0]!.toUpperCase() + p.slice(1)])
  .join("|");
const DATE_PHRASE = new RegExp(
  String.raw`(?:\b(${PREPOSITIONS})\s+)?\b((?:(?:early|late|mid)[- ])?(?:(${MONTH})\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d{2}))\b(?![-,]?\d|%| per)`,
  "g",
);

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
    if (charBefore === "-" || charBefore === "/" || /\d/.test(charBefore)) continue;
    const labelStart = sentence.start + m.index + whole.length - label!.length;
    const y = Number(year);
    const mo = month ? monthNumber(month) : undefined;
    const event = tidyRemainder(sentence.text.slice(0, m.index) + " " + sentence.text.slice(m.index + whole.length));
    out.push({
      start: labelStart,
      end: labelStart + label!.length,
      sentenceIndex: sentence.index,
      label: label!,
      year: y,
      ...(mo ? { month: mo } : {}),
      sortKey: `${y}-${String(mo ?? 0).padStart(2, "0")}`,
      event,
    });
  }
  return out;
}
