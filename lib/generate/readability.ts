import type { AliasResolver } from "@/lib/material/aliases";
import { wordCount } from "./words";
import { escapeRegExp } from "@/lib/text/regexp";

/**
 * Readability of items out of context: a card or question is read alone, so a sentence that leans on
 * its neighbours ("the statement", "this growing concern", "as it turned out") or that gives its own
 * blank away ("As Chinese investment grows, _____ will…" → China) makes a bad item.
 */

/** A demonstrative pointing back ("this concern", "these groups"); "this year" only dates the sentence. */
const BACK_DEMONSTRATIVE = /\b(?:this|these|those)\b(?!\s+(?:year|week|month|summer|winter|spring|autumn|decade|century|morning|evening)\b)/i;
/** A definite noun phrase that names something said or done in an earlier sentence. */
const BACK_REFERENCE =
  /\b(?:the|that|such)\s+(?:statement|remarks?|comments?|announcement|idea|move|latter|former|above|aforementioned|same|incident|episode|development|claim|warning|assurance|pledge|proposal)\b(?!\s+(?:to|of|that|by|on|from|in which|made by|issued by|which)\b)/i;
/** Discourse links to an earlier sentence. */
const BACK_LINK = /\b(?:as it turned out|as mentioned|as noted above|as stated|in this regard|in that case|by then|at that time|following the statement|after the statement|such a)\b/i;

/** True when a sentence (after its leading connectives are dropped) needs no earlier sentence to be understood. */
export function isContextFree(text: string): boolean {
  if (BACK_DEMONSTRATIVE.test(text) || BACK_REFERENCE.test(text) || BACK_LINK.test(text)) return false;
  return true;
}

/** Capitals and seats of government that stand for their country in news prose. */
const CAPITALS: Record<string, string> = {
  beijing: "china", moscow: "russia", tehran: "iran", kabul: "afghanistan", islamabad: "pakistan", "new delhi": "india", delhi: "india",
  washington: "united states", ankara: "turkey", doha: "qatar", riyadh: "saudi arabia", tokyo: "japan", london: "united kingdom",
  paris: "france", berlin: "germany", kyiv: "ukraine", kiev: "ukraine", dushanbe: "tajikistan", tashkent: "uzbekistan", ashgabat: "turkmenistan",
  "abu dhabi": "united arab emirates", cairo: "egypt", "tel aviv": "israel", jerusalem: "israel", dhaka: "bangladesh", kathmandu: "nepal", colombo: "sri lanka",
};
const COUNTRY_ALIASES: Record<string, string> = { türkiye: "turkey", turkiye: "turkey", us: "united states", usa: "united states", uk: "united kingdom", uae: "united arab emirates" };

/**
 * True when the rest of the sentence names the blanked answer another way: an alias ("the Islamic
 * Republic" for Iran, resolved through the material's aliases), an adjective or demonym sharing its
 * stem ("Chinese" for China), or its capital ("Beijing" for China).
 */
export function isAnswerGivenAway(rest: string, answer: string, aliases?: AliasResolver): boolean {
  const lower = rest.toLowerCase();
  const answerKey = answer.toLowerCase().replace(/^the\s+/, "");
  const entity = aliases?.resolve(answer);
  const names = new Set<string>([answerKey, ...(entity?.aliases ?? []).map((a) => a.toLowerCase().replace(/^the\s+/, ""))]);
  for (const n of names) if (n.length >= 3 && new RegExp(`\\b${escapeRegExp(n)}\\b`, "i").test(rest)) return true;
  if (/^\p{Lu}[\p{L}]+$/u.test(answer) && answer.length >= 4) {
    // "China" → "Chin…", "Iran" → "Iran…": a capitalised word sharing the name's stem.
    const stem = answer.slice(0, Math.max(4, answer.length - 2)).toLowerCase();
    for (const m of rest.matchAll(/\b\p{Lu}[\p{L}]+/gu)) if (m[0].toLowerCase().startsWith(stem)) return true;
  }
  const country = COUNTRY_ALIASES[answerKey] ?? answerKey;
  for (const [capital, of] of Object.entries(CAPITALS)) if (of === country && new RegExp(`\\b${escapeRegExp(capital)}\\b`).test(lower)) return true;
  // "China said … adding that _____ was talking to the two sides": a capital named by its country.
  const capitalOf = CAPITALS[answerKey];
  if (capitalOf) for (const name of [capitalOf, ...Object.entries(COUNTRY_ALIASES).filter(([, c]) => c === capitalOf).map(([a]) => a)]) if (new RegExp(`\\b${escapeRegExp(name)}\\b`).test(lower)) return true;
  return false;
}

const WEAK_END = /\b(?:against|of|to|for|with|by|from|in|on|at|the|a|an|and|or|but|that|which|who|as|than|into|about)[.!?,;:]?$/i;

/**
 * A quotation cut to its key clause for a who-said card: the first sentence when it stands alone,
 * else the longest clause-bounded prefix of at most `maxWords`; null when nothing short and complete
 * remains (or the quote itself breaks off mid-phrase). Returns offsets relative to `text`.
 */
export function keyClauseOf(text: string, maxWords = 25): { start: number; end: number } | null {
  const trimmedEnd = text.replace(/\s+$/, "").length;
  const core = text.slice(0, trimmedEnd);
  if (WEAK_END.test(core)) return null;
  if (wordCount(core) <= maxWords) return { start: 0, end: trimmedEnd };
  // First sentence of a multi-sentence quote.
  const stop = /[.!?](?=\s+["A-Z])/.exec(core);
  if (stop && wordCount(core.slice(0, stop.index + 1)) >= 6 && wordCount(core.slice(0, stop.index + 1)) <= maxWords) return { start: 0, end: stop.index + 1 };
  // Clause boundary: a comma or semicolon before a conjunction or relative word.
  let best: number | null = null;
  for (const m of core.matchAll(/(?:,|;)\s+(?=(?:and|but|which|who|while|whereas|as|because|given|so|since|although|under|including)\b)/g)) {
    const head = core.slice(0, m.index);
    const n = wordCount(head);
    if (n >= 6 && n <= maxWords && !WEAK_END.test(head)) best = m.index;
  }
  return best === null ? null : { start: 0, end: best };
}
