import { escapeRegExp } from "@/lib/text/regexp";
import words from "./giveaway-words.json";

/**
 * What the words beside a blank give away (blind review of 7 Dec 2026, twelfth session): an aside that names the blanked
 * thing another way ("the _____ (Madhyadesha)" → Middle Country), an aside that locates a blanked place ("migrated from
 * _____ (south Gujarat)"), and a figure the sentence's other figures settle ("a cut of 25 basis points reduces a rate from
 * _____ to 5.00 per cent"). Words are data (`giveaway-words.json`).
 */

const alternation = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/\s+/g, String.raw`\s+`)).join("|");
const CAP_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const CONNECTOR = String.raw`(?:of|and|the|for|on|in|de|al|ul|ud|el)`;
/** One proper name ("Wetlands International", "Parantaka II", "Bay of Veldra"), up to six words. */
const BARE_NAME = new RegExp(String.raw`^(?:the\s+)?${CAP_WORD}(?:\s+(?:${CONNECTOR}\s+)*${CAP_WORD}){0,5}$`, "u");
const RENAMING_LEAD = new RegExp(String.raw`^(?:${alternation(words.renamingLeads)})(?=[\s,:])`, "iu");
/** "now Ostra", "modern Kesar": a time word before a name (case matters: "then a member of the council" is a role). */
const TIME_LEAD = new RegExp(String.raw`^(?:${alternation(words.timeLeads)})\s+(?:the\s+)?\p{Lu}`, "u");
const QUOTED = /^["“'‘].+["”'’]$/u;
const DIRECTION = new RegExp(String.raw`^(?:${alternation(words.directionWords)})$`, "iu");
const LOCATING_LEAD = new RegExp(String.raw`^(?:${alternation(words.locatingLeads)})\s+`, "iu");
const PLACE_NOUN = new RegExp(String.raw`^(?:${alternation(words.placeNouns)})$`, "iu");

/**
 * The text of the aside in parentheses right after a blank ("_____ (Ostra) was…"), with only spaces between; null when
 * there is none. An aside glosses what stands before it: one right before the blank ("Taluk (or Mandal) _____") belongs
 * to the word before it, and a blank inside an aside is refused anyway (`itemDefect`). `after` is the sentence's text
 * after the blank.
 */
export function asideAfterBlank(after: string): string | null {
  const next = /^\s*\(([^()]{1,80})\)/.exec(after);
  return next ? next[1]!.trim() : null;
}

/** Letters that spell an abbreviation ("SDLs", "FeED", "IUCN"): no space, at least two capitals. */
const isAbbreviation = (text: string) => /^[\p{L}&-]+$/u.test(text) && (text.match(/\p{Lu}/gu) ?? []).length >= 2;

/**
 * Does the aside give another name of the blanked answer, so that the item asks for a translation or a spelling the
 * learner reads off the stem ("the _____ (Madhyadesha)" → Middle Country, "_____ (Middle Country)" → Madhyadesha,
 * "_____ (also called Parantaka II)", "_____ (now Wetlands International)", "the title _____ ('lord of the hills')", "_____
 * (SDLs)" → State Development Loans)? A date, a figure or a description in small letters ("(reigned 1178-1218)", "(the
 * south)", "(a Sufi order)") is no other name. After a place, a bare name is another name of it when the material names
 * it nowhere else (`isNamedElsewhere` false: an old or foreign name is given once, beside the name it glosses), and
 * otherwise the region the place lies in ("Kesar (Veldra)", Veldra a name of the material), left to `locatesPlace`.
 */
export function glossesBlank(aside: string, answer: string, isPlace: boolean, isNamedElsewhere = false): boolean {
  const text = aside.trim();
  if (!text || /\d/.test(text)) return false;
  // A label before a colon gives the name in a language ("(Pali: …)", "(Tamil: …)").
  if (QUOTED.test(text) || RENAMING_LEAD.test(text) || TIME_LEAD.test(text) || /^\p{Lu}\p{Ll}+:\s/u.test(text)) return true;
  const initial = (s: string) => s.replace(/^the\s+/i, "").charAt(0).toLowerCase();
  // An abbreviation beside its expansion, either way round ("_____ (SDLs)", "_____ (Spectro-polarimetry of…)" → SHAPE).
  if (isAbbreviation(text) && !/\s/.test(text) && /\s/.test(answer.trim())) return initial(text) === initial(answer);
  if (isAbbreviation(answer.trim()) && !/\s/.test(answer.trim()) && /\s/.test(text)) return initial(text) === initial(answer);
  return (!isPlace || !isNamedElsewhere) && BARE_NAME.test(text);
}

/**
 * Does the aside locate a place ("(south Gujarat)", "(near Ostra)", "(the upper Sarn valley)", "(the south)"; after a
 * place, a bare name such as "(Veldra)" too)? The blank is then a minor name the stem hints at, and the sentence's point is
 * seldom the place: scored down, not dropped (`scoreItem`), so another blank of the sentence goes first.
 */
export function locatesPlace(aside: string, isPlace: boolean): boolean {
  let text = aside.trim().replace(/^the\s+/i, "");
  if (!text || /\d/.test(text)) return false;
  let isLocating = false;
  const lead = LOCATING_LEAD.exec(text);
  if (lead) {
    isLocating = true;
    text = text.slice(lead[0].length).replace(/^the\s+/i, "");
  }
  const tokens = text.split(/\s+/).filter(Boolean);
  if (!tokens.length) return false;
  let hasName = false;
  for (const t of tokens) {
    if (DIRECTION.test(t) || PLACE_NOUN.test(t)) isLocating = true;
    else if (new RegExp(`^${CAP_WORD}$`, "u").test(t)) hasName = true;
    else if (!/^(?:of|and|the)$/i.test(t)) return false;
  }
  return isLocating || (isPlace && hasName);
}

const BLANK = "_____";

/** The aside right after the first blank of an item's text, or null. */
export function asideAfterItemBlank(text: string): string | null {
  const at = text.indexOf(BLANK);
  return at < 0 ? null : asideAfterBlank(text.slice(at + BLANK.length));
}

const CURRENCY = String.raw`(?:[$€£₹¥]|Rs\.?\s?|US\$\s?)`;
const NUMBER = String.raw`${CURRENCY}?\d[\d,.]*`;
const APPROX = String.raw`(?:(?:${alternation(words.approximators)})\s+)?`;
const UNIT = String.raw`(?:\s*(?:per\s*cent|percent|%|[a-z]+)){0,2}`;
const CHANGE_UNIT = String.raw`(?:${alternation(words.changeUnits)})`;
/** The size of a change stated with its unit: "a cut of 25 basis points", "rose by 3 percentage points", "a 50-bps hike". */
const CHANGE_SIZE = new RegExp(
  String.raw`(?:\b(?:${alternation(words.changeNouns)})\s+of\s+|\bby\s+)${APPROX}${NUMBER}\s*${CHANGE_UNIT}(?![\p{L}])|${NUMBER}[\s-]*(?:basis[\s-]points?|bps?|percentage[\s-]points?)[\s-]+(?:${alternation(words.changeNouns)})\b`,
  "iu",
);
const MULTIPLIER = new RegExp(String.raw`\b(?:${alternation(words.multiplierVerbs)})\b`, "i");

/**
 * Does the figure between `before` and `after` (the sentence's text on either side of it) follow from other figures the
 * sentence gives, by a relation it states: one end of a change whose other end and size it gives ("a cut of 25 basis
 * points reduces a rate from _____ to 5.00 per cent", "rose by 2 percentage points to _____ from 4 per cent"), one end
 * of a change it calls a doubling or a halving ("doubled from 40 to _____"), or the size of a change whose two ends it
 * gives ("a cut of _____ basis points took the rate from 6.5 to 6.25 per cent")? The blank is then arithmetic, not a fact.
 */
export function followsFromOtherFigures(before: string, after: string): boolean {
  const sentence = `${before} ${after}`;
  const isEnd =
    // "from _____ to 5", "from 4 to _____", "to _____ from 4", "to 6 from _____" (with "about" and a unit allowed).
    (new RegExp(String.raw`\bfrom\s+${APPROX}${CURRENCY}?$`, "iu").test(before) && new RegExp(String.raw`^${UNIT}\s*,?\s*to\s+${APPROX}${NUMBER}`, "iu").test(after)) ||
    new RegExp(String.raw`\bfrom\s+${APPROX}${NUMBER}${UNIT}\s+to\s+${APPROX}${CURRENCY}?$`, "iu").test(before) ||
    (new RegExp(String.raw`\bto\s+${APPROX}${CURRENCY}?$`, "iu").test(before) && new RegExp(String.raw`^${UNIT}\s*,?\s*from\s+${APPROX}${NUMBER}`, "iu").test(after)) ||
    new RegExp(String.raw`\bto\s+${APPROX}${NUMBER}${UNIT}\s*,?\s+from\s+${APPROX}${CURRENCY}?$`, "iu").test(before);
  if (isEnd) {
    return MULTIPLIER.test(sentence) || CHANGE_SIZE.test(sentence);
  }
  // The size itself, both ends given: "a cut of _____ basis points … from 6.5 to 6.25 per cent".
  const isSize = (new RegExp(String.raw`(?:\b(?:${alternation(words.changeNouns)})\s+of|\bby)\s+${APPROX}${CURRENCY}?$`, "iu").test(before) && new RegExp(String.raw`^\s*${CHANGE_UNIT}(?![\p{L}])`, "iu").test(after)) ||
    (new RegExp(String.raw`^[\s-]*(?:basis[\s-]points?|bps?|percentage[\s-]points?)[\s-]+(?:${alternation(words.changeNouns)})\b`, "iu").test(after));
  return isSize && new RegExp(String.raw`\bfrom\s+${APPROX}${NUMBER}${UNIT}\s+to\s+${APPROX}${NUMBER}`, "iu").test(sentence);
}
