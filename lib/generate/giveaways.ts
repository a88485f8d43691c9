import { escapeRegExp } from "@/lib/text/regexp";
import { findNumbers, type NumberMention } from "@/lib/nlp/numbers";
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
/** "(also called Rana III)", "(or Kesar)": a lead that gives another name when a name follows. */
const RENAMING_LEAD = new RegExp(String.raw`^(?:${alternation(words.renamingLeads)})(?=[\s,:])\s*,?\s*`, "iu");
/** "(literally 'lord of the hills')", "(meaning golden land)": a lead that gives a translation, whatever follows. */
const MEANING_LEAD = new RegExp(String.raw`^(?:${alternation(words.meaningLeads)})(?=[\s,:])`, "iu");
/** "now Ostra", "modern Kesar": a time word before a name (case matters: "then a member of the council" is a role). */
const TIME_LEAD = new RegExp(String.raw`^(?:${alternation(words.timeLeads)})\s+`, "u");
/** "Viceroy", "Chief Justice": a role or a title, not another name ("(then Viceroy)", "(later President)"). */
const ROLE = new RegExp(String.raw`^(?:the\s+)?(?:${alternation(words.roleWords)})(?![\p{L}])`, "u");
/** "Pali: Suvannabhumi": a language's name before a colon, then the term in it. */
const LANGUAGE_LABEL = new RegExp(String.raw`^(?:${alternation(words.languages)})\s*:\s*\S`, "u");
const ABBREVIATION_STOP = new Set(words.abbreviationStopWords.map((w) => w.toLowerCase()));
const QUOTED = /^["“'‘].+["”'’]$/u;
const DIRECTION = new RegExp(String.raw`^(?:${alternation(words.directionWords)})$`, "iu");
const LOCATING_LEAD = new RegExp(String.raw`^(?:${alternation(words.locatingLeads)})\s+`, "iu");
const PLACE_NOUN = new RegExp(String.raw`^(?:${alternation(words.placeNouns)})$`, "iu");
const WHOLE_CAP_WORD = new RegExp(`^${CAP_WORD}$`, "u");

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
 * The initials of an expansion, small words skipped ("Bank of Veldra" → "bv", "Spectro-polarimetry of…" → "sp…"), each
 * hyphened part counted too (two readings: "State-run Bank" → "sb" or "srb").
 */
function initialsOf(expansion: string): string[] {
  const tokens = expansion.replace(/^the\s+/i, "").split(/\s+/).filter((t) => t && !ABBREVIATION_STOP.has(t.toLowerCase()));
  const plain = tokens.map((t) => t.charAt(0)).join("").toLowerCase();
  const hyphened = tokens.flatMap((t) => t.split("-").filter(Boolean)).map((t) => t.charAt(0)).join("").toLowerCase();
  return [plain, hyphened];
}

/** Does the abbreviation spell, letter for letter, the initials of the expansion ("SDLs" ↔ "State Development Loans")? */
function abbreviates(abbreviation: string, expansion: string): boolean {
  const letters = abbreviation.replace(/s$/, "").replace(/[^\p{Lu}]/gu, "").toLowerCase();
  return letters.length >= 2 && initialsOf(expansion).includes(letters);
}

/** A name after a lead ("also called Rana III", "now Wetlands International"), not a role or title ("then Viceroy"). */
const isNameNotRole = (text: string) => (BARE_NAME.test(text) || QUOTED.test(text)) && !ROLE.test(text);

/**
 * Does the aside give another name of the blanked answer, so that the item asks for a translation or a spelling the
 * learner reads off the stem? Only when the aside says so: a lead before a name ("_____ (also called Parantaka II)",
 * "_____ (now Wetlands International)", "(or Kesar)"; not "(then Viceroy)", a role), a translation ("the title _____
 * ('lord of the hills')", "(literally …)"), a language's label before the term ("(Pali: Suvannabhumi)"; not "(Source:
 * …)"), or an abbreviation beside its expansion with every initial matching ("_____ (SDLs)" → State Development Loans).
 * A bare name ("(Congress)", "(Janata Party)", "(Assam)") is no other name: after a person or a body it is a party or a
 * role, after a place the region it lies in (`locatesPlace`).
 */
export function glossesBlank(aside: string, answer: string): boolean {
  const text = aside.trim();
  if (!text || /\d/.test(text)) return false;
  if (QUOTED.test(text) || MEANING_LEAD.test(text) || LANGUAGE_LABEL.test(text)) return true;
  const lead = RENAMING_LEAD.exec(text) ?? TIME_LEAD.exec(text);
  if (lead) return isNameNotRole(text.slice(lead[0].length));
  const name = answer.trim();
  // An abbreviation beside its expansion, either way round ("_____ (SDLs)", "_____ (Orbital Dust Spectrometer)" → ODS).
  if (isAbbreviation(text) && /\s/.test(name)) return abbreviates(text, name);
  if (isAbbreviation(name) && !/\s/.test(name) && /\s/.test(text)) return abbreviates(name, text);
  return false;
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
    else if (WHOLE_CAP_WORD.test(t)) hasName = true;
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

/** A currency sign before a figure ("$", "Rs ", "US$"): shared with `isRangeEnd`. */
export const CURRENCY = String.raw`(?:[$€£₹¥]|Rs\.?\s?|US\$\s?)`;
/** A word before a figure that makes it rough ("about 9", "around 5"), optional: shared with `isRangeEnd`. */
export const APPROX = String.raw`(?:(?:${alternation(words.approximators)})\s+)?`;
const NUMBER_CAPTURE = String.raw`${CURRENCY}?(\d[\d,]*(?:\.\d+)?)`;
const UNIT = String.raw`(?:\s*(?:per\s*cent|percent|%|[a-z]+)){0,2}`;
const CHANGE_UNIT = String.raw`(?:${alternation(words.changeUnits)})`;
const CHANGE_NOUN = String.raw`(?:${alternation(words.changeNouns)})`;
const POINT_UNIT = String.raw`(?:basis[\s-]points?|bps?|percentage[\s-]points?)`;
/** A change's two ends: "from 6.75 per cent to 6.5 per cent", "to 10 per cent from 8 per cent" (groups: first, second). */
const CHANGE_ENDS = new RegExp(String.raw`\bfrom\s+${APPROX}${NUMBER_CAPTURE}${UNIT}\s*,?\s+to\s+${APPROX}${NUMBER_CAPTURE}`, "giud");
const CHANGE_ENDS_REVERSED = new RegExp(String.raw`\bto\s+${APPROX}${NUMBER_CAPTURE}${UNIT}\s*,?\s+from\s+${APPROX}${NUMBER_CAPTURE}`, "giud");
/** The size of a change with its unit: "a cut of 25 basis points", "rose by 3 percentage points", "a 50-bps hike". */
const CHANGE_SIZE = new RegExp(
  String.raw`(?:\b${CHANGE_NOUN}\s+of\s+|\bby\s+)${APPROX}${NUMBER_CAPTURE}\s*(${CHANGE_UNIT})(?![\p{L}])|${NUMBER_CAPTURE}[\s-]*(${POINT_UNIT})[\s-]+${CHANGE_NOUN}\b`,
  "giud",
);
const MULTIPLIER = new RegExp(String.raw`\b(${alternation(Object.keys(words.multiplierVerbs))})\b`, "gi");
/** Where a clause ends: a semicolon, or a comma and a word that opens another clause (", and the deficit fell…"). */
const CLAUSE_BREAK = new RegExp(String.raw`;|,\s+(?:${alternation(words.clauseOpeners)})\s+|\s+(?:while|whereas)\s+`, "giu");

const toNumber = (s: string) => Number(s.replace(/,/g, ""));

/** The clause of `sentence` around offset `at`, as [start, end). */
function clauseAround(sentence: string, at: number): [number, number] {
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= at) {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

/** The change in absolute terms that a size in its unit gives (25 basis points → 0.25); "per cent" may also be relative. */
function sizeHolds(size: number, unit: string, first: number, second: number): boolean {
  const change = Math.abs(second - first);
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 + 0.01 * Math.abs(b);
  const u = unit.toLowerCase().replace(/[\s-]+/g, " ");
  if (/^(?:basis points?|bps?)$/.test(u)) return near(change, size / 100);
  if (/points?$/.test(u)) return near(change, size);
  // "rose by 2 per cent from 8 to 10 per cent" (points) or "by 10 per cent from 200 to 220" (relative).
  return near(change, size) || (first !== 0 && near((change / Math.abs(first)) * 100, size));
}

/**
 * Does the figure `figure` between `before` and `after` (the sentence's text on either side of it) follow from other
 * figures of its clause by a relation the clause states and the figures bear out: one end of a change whose other end
 * and size it gives ("a cut of 25 basis points reduces a rate from _____ to 5.00 per cent": 5.25), one end of a change it
 * calls a doubling or a halving ("doubled from 40 to _____": 80), or the size of a change whose two ends it gives? The
 * blank is then arithmetic, not a fact. A size in another clause ("grew by 7 per cent in 2023, and the deficit fell from
 * 6.4 to 5.6 per cent") or one the ends do not bear out ("a hike of 50 basis points … as yields moved from 7.1 to 7.3") is
 * no relation, and the blank stays.
 */
export function followsFromOtherFigures(before: string, figure: string, after: string): boolean {
  const sentence = `${before}${figure}${after}`;
  const digitsAt = before.length + figure.search(/\d/);
  if (digitsAt < before.length) return false;
  const [clauseStart, clauseEnd] = clauseAround(sentence, digitsAt);
  const clause = sentence.slice(clauseStart, clauseEnd);
  const at = digitsAt - clauseStart;
  const starts = (m: RegExpExecArray, group: number) => m.indices?.[group]?.[0];
  for (const [pattern, firstGroup, secondGroup] of [[CHANGE_ENDS, 1, 2], [CHANGE_ENDS_REVERSED, 2, 1]] as const) {
    for (const change of clause.matchAll(pattern)) {
      const first = toNumber(change[firstGroup]!);
      const second = toNumber(change[secondGroup]!);
      const isEnd = starts(change, 1) === at || starts(change, 2) === at;
      for (const m of clause.matchAll(MULTIPLIER)) {
        const ratio = (words.multiplierVerbs as Record<string, number>)[m[1]!.toLowerCase()];
        if (isEnd && ratio && Math.abs(second - first * ratio) <= 0.02 * Math.abs(second)) return true;
      }
      for (const size of clause.matchAll(CHANGE_SIZE)) {
        const sizeGroup = size[1] !== undefined ? 1 : 3;
        const value = toNumber(size[sizeGroup]!);
        const unit = size[sizeGroup + 1]!;
        const isSize = starts(size, sizeGroup) === at;
        if ((isEnd || isSize) && sizeHolds(value, unit, first, second)) return true;
      }
    }
  }
  return sumOfPrintedParts(sentence, digitsAt);
}

const PART_LEAD = String.raw`(?:${alternation(words.partLeads)})`;
/**
 * What stands between a total and its first part: at most two words naming what is counted, then a colon, a comma, a
 * bracket or a dash, or a word that opens the list ("48 members, 30 from…", "75 seats: 50 for…", "1,200 workers, of whom
 * 700…", "3.5 lakh tonnes, including 2 lakh…"), and a rough or upper bound ("up to 18").
 */
const TOTAL_TO_PARTS = new RegExp(
  String.raw`^(?:\s+\p{L}[\p{L}'’-]*){0,2}\s*(?:[:,(—–]\s*(?:${PART_LEAD}\s+)?|\s+${PART_LEAD}\s+)(?:(?:${alternation(words.approximators)}|up\s+to|over|at\s+least|at\s+most)\s+)?(?:${CURRENCY})?$`,
  "iu",
);
/** The kind of quantity a figure is, for adding figures up: a share is added only to shares, money only to money. */
const sumKind = (m: NumberMention) => (m.kind === "percent" ? "percent" : m.kind === "money" ? "money" : "count");
const isNear = (a: number, b: number, share: number) => Math.abs(a - b) <= 1e-9 + share * Math.max(Math.abs(a), Math.abs(b));

/**
 * Is the figure at offset `at` of `sentence` a total whose parts the sentence then lists, or one of those parts when it
 * prints the total and the other parts ("was to have 48 members, 30 from the wards and up to 18 from the guilds")? The
 * parts follow the total after a colon, a comma or "of whom", "including" (`TOTAL_TO_PARTS`), are of its kind, stay in its
 * clause (no semicolon between), and two or more of them, in order from the first, add up to it. Figures that follow with
 * no such lead ("48 members in 1920, and 30 ships…") or add up to something else are other facts.
 */
function sumOfPrintedParts(sentence: string, at: number): boolean {
  const figures = findNumbers(sentence).filter((m) => m.kind !== "year");
  for (let i = 0; i + 2 < figures.length; i++) {
    const total = figures[i]!;
    const first = figures[i + 1]!;
    const lead = sentence.slice(total.end, first.start);
    if (!TOTAL_TO_PARTS.test(lead)) continue;
    const inBracket = /\(/.test(lead);
    let sum = 0;
    for (let j = i + 1; j < figures.length; j++) {
      const part = figures[j]!;
      const gap = sentence.slice(figures[j - 1]!.end, part.start);
      if (j > i + 1 && (/;/.test(gap) || (inBracket && /\)/.test(gap)))) break;
      if (sumKind(part) !== sumKind(total)) break;
      sum += part.value;
      if (j >= i + 2 && isNear(sum, total.value, 0.005)) {
        const members = figures.slice(i, j + 1);
        if (members.some((m) => m.start <= at && at < m.end)) return true;
        break;
      }
      if (sum > total.value * 1.005) break;
    }
  }
  return false;
}

const FRACTION = new Map(Object.entries(words.fractionWords as Record<string, number>));
const UNIT_NAME = new Map(Object.entries(words.unitAliases as Record<string, string[]>).flatMap(([unit, names]) => names.map((n) => [n.toLowerCase(), unit] as const)));
const APPROX_LEAD = new RegExp(String.raw`^(?:(?:${alternation(words.approximators)}|over|under|more\s+than|less\s+than|nearly|some)\s+)+`, "iu");

/** Each unit name's pattern, longest name first ("square km" before "km"), built once. */
const UNIT_PATTERNS = [...UNIT_NAME]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([name, unit]) => [new RegExp(String.raw`^${escapeRegExp(name)}(?![\p{L}])`, "u"), unit] as const);
const SCALE_WORD = new RegExp(String.raw`^(?:${alternation(words.scaleWords)})\s+`, "iu");
/** The unit a figure is given in ("62 miles" → mile, "400 hectares" → hectare), from the words right after its digits. */
function unitOf(text: string, m: NumberMention): string | undefined {
  const after = text.slice(m.start).replace(/^\D*?\d[\d,.]*\s*(?:-\s*)?/, "").replace(SCALE_WORD, "").toLowerCase();
  return UNIT_PATTERNS.find(([pattern]) => pattern.test(after))?.[1];
}

/** The currency sign a figure is given in, lower-cased ("₹", "$", "rs"), or "" for none. */
const currencyOf = (raw: string) => (/(?:[$€£₹¥]|\brs\b|\busd\b|\binr\b)/i.exec(raw.replace(/\d.*$/, ""))?.[0] ?? "").toLowerCase();

/**
 * Does the bracket after a figure give the same quantity in other words, so that the stem prints the answer: another
 * scale ("3 crore (30 million)", "2.5 lakh (250,000)"), another unit ("100 km (62 miles)", "400 hectares (about 990
 * acres)"), or a fraction for a share ("25 per cent (a quarter)")? Not another figure ("3 crore (2011 census)", "40 per
 * cent (1.2 lakh people)"), nor a sum in another currency ("₹500 crore ($60 million)"), which is a fact of its own.
 */
export function restatesFigure(figure: string, aside: string): boolean {
  const own = findNumbers(figure).filter((m) => m.kind !== "year");
  if (own.length !== 1) return false;
  // "3,583 m (11,755 ft)": a bare "m" after a figure reads as millions to the number finder, and as metres beside a length.
  const metres = /^([\d,.]*\d)\s*m$/i.exec(own[0]!.raw.trim());
  if (metres && restatesFigure(`${metres[1]} metres`, aside)) return true;
  const value = own[0]!;
  const text = aside.trim().replace(APPROX_LEAD, "").trim();
  if (value.kind === "percent") {
    const share = FRACTION.get(text.toLowerCase());
    if (share !== undefined) return Math.abs(share - value.value / 100) <= 0.035;
  }
  const others = findNumbers(text);
  if (others.length !== 1 || others[0]!.kind === "year" || others[0]!.start !== 0) return false;
  const other = others[0]!;
  if ((value.kind === "percent") !== (other.kind === "percent")) return false;
  const [ownCurrency, otherCurrency] = [currencyOf(value.raw), currencyOf(other.raw)];
  if (ownCurrency && otherCurrency && ownCurrency !== otherCurrency) return false;
  const [ownUnit, otherUnit] = [unitOf(figure, value), unitOf(text, other)];
  // Nothing after the figure but its unit: "(62 miles)", not "(1.2 lakh people)".
  const rest = text.slice(other.end).trim();
  if (rest && !otherUnit) return false;
  if (!ownUnit || !otherUnit || ownUnit === otherUnit) return isNear(value.value, other.value, 0.02);
  const conversions = words.unitConversions as Record<string, Record<string, number>>;
  const factor = conversions[ownUnit]?.[otherUnit] ?? (conversions[otherUnit]?.[ownUnit] ? 1 / conversions[otherUnit][ownUnit] : undefined);
  return factor !== undefined && isNear(value.value * factor, other.value, 0.03);
}

/** Letters, digits and hyphens: one word of an expansion. */
const EXPANSION_WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u;
/** The words at the end of `text` that may open an expansion, up to `limit` of them (none past a punctuation mark). */
function trailingWords(text: string, limit: number): string[] {
  const out: string[] = [];
  for (const w of text.trimEnd().split(/\s+/).reverse()) {
    if (!w || !EXPANSION_WORD.test(w) || out.length >= limit) break;
    out.unshift(w);
  }
  return out;
}

/**
 * Is the blank one word (or several) of an expansion whose acronym the stem prints beside it, so that the acronym's
 * letters spell what the blank hides: "meet the _____ Discharge Standard (WDS)" (Water), "targets of _____ emission
 * intensity (NEI)" (NOx), or the acronym first, "the WDS (_____ Discharge Standard)"? The expansion runs from some word
 * at or before the blank to the bracket, and its initials are the acronym's letters (`abbreviates`).
 */
export function spelledByAcronym(before: string, answer: string, after: string): boolean {
  const tryExpansions = (acronym: string, lead: string[], tail: string) => {
    if (!isAbbreviation(acronym)) return false;
    const tailWords = tail.trim() ? tail.trim().split(/\s+/) : [];
    if (tailWords.length > 6 || tailWords.some((w) => !EXPANSION_WORD.test(w))) return false;
    for (let k = 0; k <= lead.length; k++) {
      if (abbreviates(acronym, [...lead.slice(lead.length - k), answer, ...tailWords].join(" "))) return true;
    }
    return false;
  };
  const acronymAfter = /^([^()]*?)\s*\(([^()]{2,12})\)/u.exec(after);
  if (acronymAfter && tryExpansions(acronymAfter[2]!.trim(), trailingWords(before, 6), acronymAfter[1]!)) return true;
  // The acronym first: the whole bracket is the expansion ("the WDS (_____ Discharge Standard)").
  const acronymBefore = /([\p{Lu}][\p{L}&-]{1,11})\s*\(([^()]*)$/u.exec(before);
  const close = /^([^()]*)\)/u.exec(after);
  if (acronymBefore && close && isAbbreviation(acronymBefore[1]!)) {
    const expansion = `${acronymBefore[2]!.trim()} ${answer} ${close[1]!.trim()}`.trim();
    if (expansion.split(/\s+/).every((w) => EXPANSION_WORD.test(w)) && abbreviates(acronymBefore[1]!, expansion)) return true;
  }
  return false;
}
