import nlp from "compromise";
import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { isDemonym, namesAKind } from "@/lib/material/entities";
import { sentencePositionAt, tokenText } from "@/lib/material/segment";
import { isContextFree } from "./readability";
import { openingPronounAntecedent, subjectPronounAntecedent, withSubjectName } from "./antecedent";
import { isResolvedHead, withResolvedDescriptions } from "./descriptions";
import { withResolvedReferents } from "./referents";
import { standaloneText } from "./text";
import { settleShortName } from "./short-names";
import { z } from "zod";
import { escapeRegExp } from "@/lib/text/regexp";
import { isKnownWord, namesAGroup, namesAPerson, onlyNamesAPerson } from "@/lib/nlp/wordnet";
import referenceWordsData from "./reference-words.json";
import timeAnchorCuesData from "./time-anchor-cues.json";

/**
 * Items are read alone, so a sentence's ties to its neighbours must be resolved before it becomes a
 * card or question — or the item is not made (fail closed):
 * - a short name pointing back ("the Fund", "the Amendment") becomes the full name the material
 *   used before it ("the Multilateral Fund", "the Kigali Amendment"); with no antecedent, no item;
 * - relative dates ("last year", "on Tuesday", "last month") are resolved against the material's
 *   publication date; without one (or when only a day-level date would do), no item;
 * - a definite noun picked up from the sentence before ("The reluctance is rooted in…"), a fragment
 *   opening with a verb ("Shall accept…"), a lead-in ending in a colon, or a question: no item.
 */

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `time-anchor-cues.json`, validated once. */
const cueList = z.array(z.string().regex(/^[a-z][a-z -]*[a-z]$/)).min(1);
const timeAnchorCues = z
  .object({ changeVerbs: cueList, relativeComparisons: cueList, datePrepositions: cueList, prepositionsBeforeIn: cueList, spanPrepositions: cueList, spanUnits: cueList })
  .parse(timeAnchorCuesData);
const phrases = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map((p) => escapeRegExp(p).replace(/ /g, String.raw`\s+`)).join("|");
/** Prepositions a relative date may follow, kept before the absolute date (`datePrepositions`). */
const DATE_PREPOSITIONS = phrases(timeAnchorCues.datePrepositions);

/**
 * Relative time phrases that no learner can place without the article's date. ("The last week of July", "his last year of
 * office": "last" before "of" is the final one, no relative date.) "The past year", "the last 12 months" are the period up
 * to publication, no calendar year: `resolveRelativeDates` never rewrites them, and the item is dropped.
 */
export const RELATIVE_DATE =
  /\b(?:yesterday|today|tomorrow|tonight|(?:last|next|this|earlier this|later this|past) (?:week|month|year|weekend|night|summer|winter|spring|autumn)(?!\s+of\b)|(?:on|last|next|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:\d+|a|an|one|two|three|four|five|few|a few|several|some) (?:days?|weeks?|months?|years?|decades?) ago|(?:a few|several|some) (?:days|weeks|months|years) (?:back|earlier)|(?:the )?day before yesterday|(?:last|past) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several) (?:days|weeks|months|years|decades))\b/i;

/**
 * A preposition before a date a rewrite would glue to the "in" it puts in: "for much of in 2025", "since in 2025". The
 * rewrite keeps the preposition and drops its own "in" ("for much of 2025"); an item with such a phrase left is garbled.
 */
export const GARBLED_DATE = new RegExp(
  String.raw`\b(?:${phrases(timeAnchorCues.datePrepositions.filter((p) => !timeAnchorCues.prepositionsBeforeIn.includes(p)))})\s+in\s+(?:(?:${MONTHS.join("|")})\s+)?\d{4}\b`,
  "i",
);

interface PublicationDate {
  year: number;
  month?: number;
  day?: number;
}

function publicationDate(pm: ProcessedMaterial): PublicationDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(pm.material.publishedAt ?? "");
  if (!m) return null;
  return { year: Number(m[1]), ...(m[2] ? { month: Number(m[2]) } : {}), ...(m[3] ? { day: Number(m[3]) } : {}) };
}

/**
 * A preposition a relative date may follow, kept before the date it becomes ("since last year" → "since 2025"); none after
 * a determiner ("the next year", "his last month" are not the publication's).
 */
const BEFORE_DATE = String.raw`(?<!\b(?:the|a|an|his|her|its|their|our|this|that)\s+)(?:(${DATE_PREPOSITIONS})\s+)?`;

/**
 * The absolute date for a relative one, after the preposition the text had before it: "in 2025" with none (or "in",
 * "during"), "for much of 2025", "since 2025", "than in 2025" ("higher than last year"); "2025's" for "last year's".
 */
function datePhrase(preposition: string | undefined, when: string, possessive: string | undefined, bare = "in"): string {
  if (possessive) return `${preposition ? `${preposition} ` : ""}${when}'s`;
  if (!preposition || /^(?:in|during|on)$/i.test(preposition)) return `${bare} ${when}`;
  if (/^than$/i.test(preposition)) return `${preposition} ${bare} ${when}`;
  return `${preposition} ${when}`;
}

/** `rewritten` in place of `whole`, capitalised where `whole` was ("Last year, …" → "In 2025, …"). */
function cased(whole: string, rewritten: string): string {
  return /^\p{Lu}/u.test(whole) ? rewritten[0]!.toUpperCase() + rewritten.slice(1) : rewritten;
}

/**
 * "Last year saw…", "This year marks…", "Next year will see…": a relative date that opens `text` right before its verb is
 * the sentence's subject, and "In 2025 saw…" is no sentence. (Inside a sentence — "Rainfall this year was…" — or before a
 * subject of its own — "Last year farmers planted…" — it is an adverb of time.) The verb is compromise's tag of the next word.
 */
function dateIsSubject(text: string, offset: number, length: number): boolean {
  if (text.slice(0, offset).trim() !== "") return false;
  const before = text.slice(0, offset + length).trim().split(/\s+/).length;
  const terms = nlp(text).terms().json() as Array<{ terms: Array<{ tags: string[] }> }>;
  return terms[before]?.terms[0]?.tags.includes("Verb") ?? false;
}

/**
 * Rewrites relative dates as absolute ones, or returns null when one cannot be resolved: years need
 * the publication year, months its month, weekdays its full date (the most recent such day on or
 * before publication, as news prose means it). A preposition before the phrase stays ("for much of last year" → "for
 * much of 2025"); a rewrite that would still leave a garbled phrase (`GARBLED_DATE`) gives null.
 */
export function resolveRelativeDates(text: string, date: PublicationDate | null): string | null {
  if (!RELATIVE_DATE.test(text)) return text;
  let failed = false;
  const need = (ok: boolean) => {
    if (!ok) failed = true;
    return ok;
  };
  let out = text.replace(/\b(earlier|later) this year\b/gi, (_m, w: string) => (need(!!date) ? `${w} in ${date!.year}` : _m));
  out = out.replace(new RegExp(String.raw`\b${BEFORE_DATE}(?:(the )?(last|past)|(this|next)) year(['’]s)?\b(?!\s+of\b)`, "gi"), (whole: string, preposition: string | undefined, the: string | undefined, past: string | undefined, other: string | undefined, possessive: string | undefined, offset: number) => {
    if (!need(!!date) || (the && possessive) || (past && (the || /^past$/i.test(past))) || (!preposition && !possessive && dateIsSubject(out, offset, whole.length))) return (failed = true), whole;
    const w = past ?? other!;
    const y = date!.year + (/^(?:last|past)$/i.test(w) ? -1 : /^next$/i.test(w) ? 1 : 0);
    return cased(whole, datePhrase(preposition, String(y), possessive));
  });
  out = out.replace(new RegExp(String.raw`\b${BEFORE_DATE}(this|last|next) month(['’]s)?\b(?!\s+of\b)`, "gi"), (whole: string, preposition: string | undefined, w: string, possessive: string | undefined, offset: number) => {
    if (!need(!!date?.month) || (!preposition && !possessive && dateIsSubject(out, offset, whole.length))) return (failed = true), whole;
    const index = (date!.year * 12 + date!.month! - 1) + (/^last/i.test(w) ? -1 : /^next/i.test(w) ? 1 : 0);
    return cased(whole, datePhrase(preposition, `${MONTHS[index % 12]} ${Math.floor(index / 12)}`, possessive));
  });
  out = out.replace(new RegExp(String.raw`\b${BEFORE_DATE}(?:(?:on|last|this) )(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`, "gi"), (whole: string, preposition: string | undefined, day: string) => {
    if (!need(!!date?.day)) return whole;
    const published = new Date(Date.UTC(date!.year, date!.month! - 1, date!.day!));
    const back = (published.getUTCDay() - WEEKDAYS.indexOf(day.toLowerCase()) + 7) % 7;
    const when = new Date(published.getTime() - back * 86_400_000);
    return cased(whole, datePhrase(preposition, `${when.getUTCDate()} ${MONTHS[when.getUTCMonth()]} ${when.getUTCFullYear()}`, undefined, "on"));
  });
  if (failed || RELATIVE_DATE.test(out) || GARBLED_DATE.test(out)) return null;
  return out;
}

/** "rose", "jumped", "was up": a figure's change, in the past tense (`changeVerbs`). */
const PAST_CHANGE = new RegExp(String.raw`\b(?:${phrases(timeAnchorCues.changeVerbs)})\b`, "i");
/** "a month earlier", "the previous quarter": another time the figure is set against (`relativeComparisons`). */
const RELATIVE_COMPARISON = new RegExp(String.raw`\b(?:${phrases(timeAnchorCues.relativeComparisons)})\b`, "i");
/** A figure that holds for a time only: a rate or share, a price, basis points. */
const TIME_BOUND_FIGURE = /\d(?:[\d,.]*\d)?\s*(?:per\s*cent|percent|%|basis points|bps)|(?:₹|Rs\.?|INR|\$|US\$|€|£)\s?\d|\d\s*(?:rupees|dollars)\b/i;
const MONTH_NAMES = MONTHS.join("|");
/**
 * A time an item can place a figure at: a year, a decade ("the 1970s"), a century ("the nineteenth century", "the 19th
 * century"; not "the last century"), a financial year, a quarter.
 */
const TIME_ANCHOR = /\b(?:1[5-9]|20)\d{2}\b|\b(?:1[5-9]|20)\d0s\b|\b(?!(?:last|past)\b)(?:\d{1,2}|[a-z]+-)?[a-z]*(?:st|nd|rd|th)\s+centur(?:y|ies)\b|\bFY\s?'?\d{2}|\b[Qq][1-4]\b|\b(?:H[12])\s?(?:FY)?\s?'?\d{2}/i;
/** "has since jumped", "have risen": a figure as it stands now, which no earlier time of the paragraph places. */
const PRESENT_PERFECT = /\b(?:has|have)\s+(?:(?:since|now|already|also|just|steadily|\p{L}+ly)\s+)*(?:been|\p{L}+(?:ed|en|wn|un|ung))\b/iu;
/** "within a decade", "over five years": a figure measured over a span from a start the sentence does not give. */
const SPAN = new RegExp(String.raw`\b(?:${phrases(timeAnchorCues.spanPrepositions)})\s+(?:[\p{L}\d-]+\s+){0,2}(?:${phrases(timeAnchorCues.spanUnits)})\b`, "iu");
/** The times a paragraph names: a month and year, a month alone, a year, a financial year or a quarter. */
const NAMED_TIME = new RegExp(String.raw`\b(${MONTH_NAMES})\b(?:,?\s+(?:\d{1,2},?\s+)?((?:1[5-9]|20)\d{2})\b)?|\b((?:1[5-9]|20)\d{2})\b|\bFY\s?'?\d{2}|\b[Qq][1-4]\b`, "g");

/**
 * "Food prices jumped to 6.4 per cent from 4.9 per cent a month earlier", "Oils were up 7.5 per cent": a rate, a price or
 * a share that changed (`changeVerbs`, past tense) is true of one time only. In a dated text (news), or beside a phrase
 * that sets it against another time ("a month earlier"), a sentence that names no year, decade, century, financial year or
 * quarter needs one: the month of a year its paragraph names up to it, when that paragraph names only one ("In September
 * 2026, food prices jumped…"); null (no item) when it names none, several, or a bare year (the year of another event,
 * often), and when the figure is in the present perfect ("has since jumped") or measured over a span ("within a decade"). A present tense ("rises") states a rule, no event; a
 * timeless sentence of an encyclopaedia has no change verb and figure, or is set against nothing and undated. `text` is
 * the item's, its relative dates resolved ("last month" → "in September 2026" places it); the sentence's own year counts
 * too (the item may ask it).
 */
function withTimeAnchor(text: string, pm: ProcessedMaterial, sentence: Sentence, date: PublicationDate | null): string | null {
  const own = sentence.text;
  if (!TIME_BOUND_FIGURE.test(own) || !PAST_CHANGE.test(own) || TIME_ANCHOR.test(own) || TIME_ANCHOR.test(text)) return text;
  if (!date && !RELATIVE_COMPARISON.test(own)) return text;
  // Only a month of a year is lent, and never to a figure as it stands now or one measured over a span: "In 2016, enrolment
  // … has since jumped to 28 per cent" and "In 1966, wheat yields rose by 70 per cent within a decade" are false.
  if (PRESENT_PERFECT.test(own) || SPAN.test(own)) return null;
  const before = pm.sentences.filter((s) => s.blockIndex === sentence.blockIndex && s.index < sentence.index).map((s) => s.text).join(" ");
  const times = new Set<string>();
  const bareMonths = new Set<string>();
  for (const m of before.matchAll(NAMED_TIME)) {
    if (m[1] && !m[2]) bareMonths.add(m[1]);
    else times.add(m[1] ? `${m[1]} ${m[2]}` : m[0]);
  }
  // A month named alone is the month of the dated one of the same name ("in September" beside "in September 2026").
  for (const month of bareMonths) if (![...times].some((t) => t.startsWith(`${month} `))) times.add(month);
  const [anchor] = times;
  if (times.size !== 1 || !/^\p{L}+ \d{4}$/u.test(anchor!)) return null;
  const first = /^\S+/.exec(text)?.[0] ?? "";
  // A name keeps its capital: an entity's first word, an acronym, a demonym ("Indian rice exports").
  const bare = first.replace(/['’]s$/, "");
  const keepsCapital = /^_+/.test(first) || /^\p{Lu}[\p{L}]*\p{Lu}|\d/u.test(first) || isDemonym(bare) || pm.entities.some((e) => e.kind !== "other" && e.name.split(/\s+/)[0] === bare);
  return `In ${anchor}, ${keepsCapital ? text : text[0]!.toLowerCase() + text.slice(1)}`;
}

/** Singular nouns ending in -s that no rule of endings tells from a plural. */
const SINGULAR_IN_S = /^(?:species|series|news|means|headquarters|crossroads|lens|gas|bias|canvas|atlas|chaos|ethos|pathos|corps)$/;
/** Words that date a sentence and name no one a pronoun could stand for. */
const TIME_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|years?|months?|weeks?|days?|decades?|century|centuries|period|time|times|era|season|morning|evening|night|BCE|BC|CE|AD)$/;

/**
 * "Then came two droughts…", "Thus ended the brief boom…", "So did the Council…": a connective the item would cut
 * (`standaloneText`) with a lower-case word and then its subject's determiner after it — a verb put before its subject,
 * so that cutting the connective leaves a fragment. ("Then the Council met…" has its subject first.)
 */
const INVERTED_OPENING = /^(?:Then|Thus|Hence|So)\s+(?!far\b|much\b|long\b|too\b|many\b|often\b)[a-z]+\s+(?:the|a|an|two|three|four|several|many|some|its|their|his|her|this|these|those)\b/;

/** Capitalised head words that name, in short, something the material named in full before. */
const SHORT_NAME = /\b[Tt]he ([A-Z][a-z]+)\b(?=\s*(?:[,.;:)]|$)|\s+(?:is|are|was|were|has|had|have|will|would|can|could|may|shall|should|must|to|of|in|on|at|by|for|with|and|or|but|as|that|which|who|also|itself|reports?|decided|agreed|said)\b|['’]s\b(?!\s+\p{Lu}))/gu;

/**
 * Before "the <head>", the start of a longer name it ends: "the Conference of the Parties", "Critics of the Act" (a
 * capitalised word that opens the sentence is no name: "Implementation of the Act").
 */
const INSIDE_LONGER_NAME = /(?:\bthe\s+|\S\s+)\p{Lu}[\p{L}\p{M}'-]*\s+(?:of|for|on)\s+$/u;

/** Does the text name `head` in full itself ("the Election Commission", not "The Commission")? */
function namesInFull(text: string, head: string): boolean {
  return new RegExp(String.raw`\b(?!(?:The|A|An)\s)[A-Z][\w'-]+\s+${head}\b`).test(text);
}

/**
 * "The Act entitles…", "The Commission recommended…", "The Court held…", "The Court repeatedly invalidated…": a kind word
 * after "the" as the subject of a verb (an adverb in "-ly" may come between; "only" is no adverb of the verb: "the Act
 * only decades later").
 */
const KIND_SUBJECT =
  /\b([Tt]he) ([A-Z][a-z]+)(?=\s+(?:(?!only\b)[a-z]+ly\s+)?(?!(?:of|for|on|and)\b)(?:[a-z]+(?:s|ed)|held|upheld|laid|wrote|did|spoke|put|made|took|found|gave|set|came|said|sought|struck|began|brought|left|kept|led|met|saw|won|told|stood|paid|sent|built|felt|lost|rose|fell|grew|drew|chose|knew|became|broke|cut|spent|sold|withdrew|oversaw|undertook|overturned)\b)/g;

/**
 * "The Act entitles…" (a kind word — act, commission, court: `namesAKind` — as the subject of a verb, which
 * `resolveShortNames` leaves alone) names the full name it stands for, "The National Food Security Act entitles…", as
 * `settleShortName` decides; null (no item) when the reader cannot tell which.
 */
function resolveKindSubjects(text: string, pm: ProcessedMaterial, sentence: Sentence): string | null {
  let failed = false;
  const out = text.replace(KIND_SUBJECT, (whole: string, the: string, head: string, offset: number) => {
    if (failed || !namesAKind(head) || namesInFull(text, head) || INSIDE_LONGER_NAME.test(text.slice(0, offset))) return whole;
    const settled = settleShortName(pm, sentence, head);
    if (settled === "fail") failed = true;
    return typeof settled === "object" ? withArticle(pm, settled.name, the === "The") : whole;
  });
  return failed ? null : out;
}

/** Possessives that name a group of people, not one name: "the National People's Council" keeps its article. */
const COMMON_POSSESSOR = /^(?:People|Women|Men|Workers|Farmers|Children|Peasants|Students|Citizens|Veterans|Traders|Consumers|Teachers|Employees|Members)$/;

/**
 * A full name put in for a short one, with the article a short name had: none before a name that opens with the
 * possessive of a name ("India's Constitution", never "the India's Constitution"; but "the Women's Commission").
 */
function withArticle(pm: ProcessedMaterial, name: string, capital: boolean): string {
  const possessor = /^(\p{Lu}[\p{L}\p{M}-]*)['’]s\s/u.exec(name)?.[1];
  if (possessor && !COMMON_POSSESSOR.test(possessor)) return name;
  // "the Bhau" is Sadashivrao Bhau: a person's name takes no article.
  if (pm.entities.some((e) => e.kind === "person" && e.name === name)) return capital ? name.charAt(0).toUpperCase() + name.slice(1) : name;
  return `${capital ? "The" : "the"} ${name}`;
}


/**
 * Resolves short definite names against the material ("the Fund", "the Act,", "the Council's"), each as
 * `settleShortName` decides: the full name put in, left as written, or null (no item) when the reader cannot tell which.
 * Not the end of a longer name ("the Conference of the Parties"), nor one the sentence completes ("the Government of
 * India", "the Act of 1991") or names in full itself.
 */
function resolveShortNames(text: string, pm: ProcessedMaterial, sentence: Sentence): string | null {
  let failed = false;
  const seen = new Set<string>();
  const out = text.replace(SHORT_NAME, (whole: string, head: string, offset: number) => {
    if (seen.has(head) || failed || isDemonym(head) || isPlaceName(head)) return whole;
    if (INSIDE_LONGER_NAME.test(text.slice(0, offset))) return whole;
    // "the Government of India": complete as it stands; "the Act of 1991" says which by its year.
    if (/^\s+(?:of|for|on|to)\s+(?:the\s+)?[A-Z]|^(?:\s+of|,)\s+\d{4}\b/.test(text.slice(offset + whole.length))) return whole;
    // "the Food and Agriculture Organization": the first word of a longer name the material gives, not a short one.
    if (startsLongerName(pm, head, text.slice(offset + whole.length))) return whole;
    seen.add(head);
    // The sentence names it in full itself.
    if (namesInFull(text, head)) return whole;
    const settled = settleShortName(pm, sentence, head);
    if (settled === "fail") failed = true;
    return typeof settled === "object" ? withArticle(pm, settled.name, whole.startsWith("T")) : whole;
  });
  return failed ? null : out;
}

const namesByFirstWordCache = new WeakMap<ProcessedMaterial, Map<string, string[]>>();
/** Does `after` (the text after "the <head>") go on into a name of the material that opens with `head` ("Food" + " and Agriculture Organization")? */
function startsLongerName(pm: ProcessedMaterial, head: string, after: string): boolean {
  let byFirst = namesByFirstWordCache.get(pm);
  if (!byFirst) {
    byFirst = new Map();
    for (const e of pm.entities) for (const n of [e.name, ...e.aliases]) {
      const first = /^\S+(?=\s)/.exec(n)?.[0];
      if (!first) continue;
      const list = byFirst.get(first) ?? [];
      if (!list.includes(n)) list.push(n);
      byFirst.set(first, list);
    }
    namesByFirstWordCache.set(pm, byFirst);
  }
  return (byFirst.get(head) ?? []).some((n) => after.startsWith(n.slice(head.length)));
}

const followsCache = new WeakMap<ProcessedMaterial, Map<number, boolean>>();
/**
 * Does the sentence's first clause say that its subject "followed" — with no object ("A companion law followed in 2018",
 * "A milk strike followed, lasting…", "Other states followed suit") — so that what came before it is only in an earlier
 * sentence? Not a passive or a participle ("must be followed", "The procedure followed in the Assembly is laid down…":
 * a verb of the clause's own comes after it), not "followed in the footsteps of", and not a later clause, which follows
 * what the sentence named first ("Ahmedabad adopted a plan in 2013, and dozens of cities have since followed"). An
 * opening phrase set off by a comma ("In 2018, a companion law followed.") is read past.
 */
function followsUnshown(sentence: Sentence): boolean {
  const text = sentence.text;
  const opening = /^(?:(?:But|And|Then|Soon|Later|In|By|On|At|During|After|Before|Within|Over)\b[^,]{0,60},\s*)?/.exec(text)![0].length;
  const m = /\bfollowed(?=\s*(?:[.,;:]|$)|\s+(?:suit|in|on|within|soon|shortly|later|quickly|swiftly|immediately|during|after|a\s+(?:year|month|week|day|decade)|the\s+(?:next|following)|(?:a\s+few|several|two|three|four|five|some)\s+(?:years?|months?|weeks?|days?|decades?))\b)/i.exec(text.slice(opening));
  if (!m) return false;
  const at = opening + m.index;
  const before = text.slice(opening, at);
  // In the first clause only: no comma or semicolon before it, and no verb before an "and" that would start a second clause.
  if (/[,;]/.test(before)) return false;
  const and = before.search(/\s(?:and|but)\s/);
  const tokenAt = (k: number) => sentence.tokens.filter((t) => t.start - sentence.start >= opening && t.start - sentence.start < k);
  if (and >= 0 && tokenAt(opening + and).some((t) => t.pos === "VERB" || t.pos === "AUX")) return false;
  if (/\b(?:be|been|being|is|are|was|were|am)\s+(?:\w+ly\s+)?$/i.test(before) || /^followed\s+in\s+the\s+footsteps\b/i.test(text.slice(at))) return false;
  // A participle, with its clause's own verb after it before the next comma or the next clause ("The policy followed during
  // the war by the government was one of neutrality"; "…followed suit and set up boards", "…followed in 2018 that is
  // still in force" are the verb's own clause going on).
  const clauseEnd = at + (/^.*?(?=[,;]|\s(?:and|but|or|that|which|who)\s|$)/.exec(text.slice(at))?.[0].length ?? 0);
  const later = sentence.tokens.filter((t) => t.start - sentence.start > at + "followed".length && t.start - sentence.start < clauseEnd);
  if (later.some((t) => t.pos === "AUX" || (t.pos === "VERB" && !/(?:ing|ed)$/i.test(text.slice(t.start - sentence.start, t.end - sentence.start))))) return false;
  return true;
}

const citedNumbersCache = new WeakMap<ProcessedMaterial, Map<string, Set<string>>>();
/** The numbers the material cites each designation word with ("Article 148", "under Section 13"), once per material. */
function citedNumbersOf(pm: ProcessedMaterial): Map<string, Set<string>> {
  let cited = citedNumbersCache.get(pm);
  if (cited) return cited;
  cited = new Map();
  for (const m of pm.material.text.matchAll(/(?<![\p{L}\p{M}\p{N}])(\p{Lu}\p{Ll}+?)s?[^\S\n]+(\d+[A-Z]?)(?![\p{L}\p{N}])/gu)) {
    if (!DESIGNATION_WORDS.has(m[1]!)) continue;
    let numbers = cited.get(m[1]!);
    if (!numbers) cited.set(m[1]!, (numbers = new Set()));
    numbers.add(m[2]!);
    // "Articles 148, 149 and 151": a plural with more numbers after it cites more than one.
    if (/s[^\S\n]/.test(m[0].slice(m[1]!.length)) && /^\s*(?:,|and|to|-|–)\s*\d/.test(pm.material.text.slice(m.index + m[0].length))) numbers.add(`${m[2]!}+`);
  }
  citedNumbersCache.set(pm, cited);
  return cited;
}

/**
 * "The Article provides…", "the Section empowers…" where the material cites "Article 148" and "Article 149", "Section 13"
 * and "Section 14": a numbered designation (`reference-words.json` numberedDesignations) without its number names none
 * of them.
 */
function hasNumberedDesignationInShort(text: string, pm: ProcessedMaterial): boolean {
  for (const m of text.matchAll(/(?<![\p{L}\p{M}\p{N}])[Tt]he (\p{Lu}\p{Ll}+)(?![\p{L}\p{M}\p{N}])(?!\s+(?:\d|\p{Lu}|of\b)|[-'’])/gu)) {
    if ((citedNumbersOf(pm).get(m[1]!)?.size ?? 0) >= 2) return true;
  }
  return false;
}

const placeCache = new Map<string, boolean>();
/** "the India" (a source's slip) is India, never a longer name ending in it ("British India"). */
function isPlaceName(word: string): boolean {
  let v = placeCache.get(word);
  if (v === undefined) {
    v = nlp(word).has("#Place");
    if (placeCache.size > 10_000) placeCache.clear();
    placeCache.set(word, v);
  }
  return v;
}

/** Word stems of a sentence's nouns and verbs, for "the X" pointing back to the sentence before. */
function stemsOfTokens(s: Sentence): Set<string> {
  return new Set(s.tokens.filter((t) => t.pos === "NOUN" || t.pos === "VERB" || t.pos === "ADJ").map((t) => t.stem));
}

/** The one or two sentences before this one in its block (paragraph or list item), nearest first. */
function previousInBlock(pm: ProcessedMaterial, sentence: Sentence): Sentence[] {
  return [sentence.index - 1, sentence.index - 2].map((i) => pm.sentences[i]).filter((s): s is Sentence => !!s && s.blockIndex === sentence.blockIndex);
}

/** `reference-words.json`, validated once (topic.ts reads its numbered parts, designations, kinds and background headings from here too; slots.ts its kind words, never a blank alone). */
export const referenceWords = z
  .object({
    selfSufficientNouns: z.array(z.string().min(1)),
    pointingModifiers: z.array(z.string().min(1)),
    generalNouns: z.array(z.string().min(1)),
    numberedDesignations: z.array(z.string().min(1)),
    orderingModifiers: z.array(z.string().min(1)),
    discourseNouns: z.array(z.string().min(1)),
    heldInMindNouns: z.array(z.string().min(1)),
    numberedParts: z.array(z.string().min(1)),
    namedKinds: z.array(z.string().min(1)),
    backgroundHeadings: z.array(z.string().min(1)),
    pointLabels: z.array(z.string().min(1)),
    complementParticiples: z.record(z.string().regex(/^[a-z]+$/, "a participle in small letters"), z.array(z.string().regex(/^[a-z]+$/)).min(1)),
    clauseSummaryHeads: z.array(z.string().regex(/^[a-z]+$/, "a noun in small letters")),
    detachableConnectives: z.array(z.string().min(1)),
    readerAddress: z.array(z.string().min(1)),
    processNouns: z.array(z.string().regex(/^[a-z]+$/, "a noun in small letters")),
  })
  .parse(referenceWordsData);
/**
 * Words with which a material speaks to its reader or of the exam ("for a civil services aspirant", "worth knowing"); a
 * "*" in an entry stands for up to three words ("for a * aspirant"), so that "13 lakh aspirants" or "ticket aspirants",
 * a fact about candidates, is not read as advice.
 */
const READER_ADDRESS = new RegExp(
  `\\b(?:${referenceWords.readerAddress.map((w) => w.split(" * ").map(escapeRegExp).join(String.raw`\s+(?:[\p{L}\p{N}'-]+\s+){0,3}`)).join("|")})\\b`,
  "iu",
);
/** Nouns of a process that say what it was done to only with "of" ("Completion has been slower…": of what?). */
const PROCESS_NOUNS = new Set(referenceWords.processNouns);
/** Nouns that name one thing whatever came before ("the world", "the monsoon"): `reference-words.json`. */
const SELF_SUFFICIENT_NOUNS = new Set(referenceWords.selfSufficientNouns.map((w) => w.toLowerCase()));
/** Words between "the" and its noun that do not say which one ("the final report", "the two schemes"). */
const POINTING_MODIFIERS = new Set(referenceWords.pointingModifiers.map((w) => w.toLowerCase()));
/** Nouns a material may keep using bare for the general thing ("the state", "the throne"): never its running name for one. */
const GENERAL_NOUNS = new Set(referenceWords.generalNouns.map((w) => w.toLowerCase()));
/** Words a material cites with a number ("Article 148"): `reference-words.json` numberedDesignations. */
export const DESIGNATION_WORDS = new Set(referenceWords.numberedDesignations);

/**
 * What follows a noun and says which one it is: "the crisis of 1991", "the lake that…", "the bill passed…", "the war in
 * Europe", "the faction led by…", "the power to decide"; or shows the noun is no head of its own: glued to the next word
 * ("the paper-based forms") or one of several words before a shared noun ("the village, intermediate and district levels");
 * a quoted name or a figure ("the title \"Chola-Pandya\"", "the period 2021-26").
 */
const QUALIFIED_AFTER = /^(?:\s*(?:of|for|on|between|against|over|that|which|who|whose|where|known|called|named|set up|passed|signed|created|launched|introduced|proposed|announced)\b|\s*[,(]?\s*\(|\s+(?:in|at|to|from|with)\s+(?:the\s+)?\p{Lu}|\s+(?:[a-z]+ed|led|held|run|set|made|built)\s+(?:by|under)\b|\s+to\s+[a-z]+\b(?<!\bto\s+the)|[-\w]|(?:\s*,\s*[\w-]+)*,?\s+(?:and|or)\s+[a-z]|\s*["“‘«]|\s+'|\s+\d)/u;

interface Introduction {
  /** Index of the sentence that brings the noun in. */
  sentence: number;
  /** The proper name it heads ("Suez Canal"), or null when "a"/"an" or a possessive brought it in ("a cargo ship", "its report"). */
  name: string | null;
  /** The noun as written there, lower case: "a state" brings in no "the states". */
  noun: string;
  /** Brought in as the head of a name with "of" ("the President of India"). */
  viaOf?: boolean;
}

/** How many sentences back an "a <noun>" is still what "the <noun>" points to; a name is pointed to from anywhere after. */
const INDEFINITE_REACH = 10;

/** A sentence opening with a name and "is"/"was", up to the "a" of what it is: "Project Lark is ", "The Kessler Crater was ". */
const COPULAR_NAME = /^(?:The\s+)?(\p{Lu}[\p{L}\p{M}\p{N}'-]*(?:\s+(?:(?:of|and|for|on|the|&)\s+)*\p{Lu}[\p{L}\p{M}\p{N}'-]*){0,8})(?:\s*\([^()]{1,80}\))?\s+(?:is|was)\s+$/u;

/** Small words inside a name ("Goods and Services Tax", "Reserve Bank of India"). */
const NAME_JOINER = /^(?:of|and|for|on|the|&)$/;

/** Is the character at `start` inside a name the material's entities mention? */
function isNameAt(pm: ProcessedMaterial, start: number): boolean {
  return pm.entities.some((e) => e.mentions.some((m) => m.start <= start && start < m.end));
}

const introductionCache = new WeakMap<ProcessedMaterial, Map<string, Introduction[]>>();
/**
 * Where the material brings in each noun (by stem) as one particular thing, in order: as the head of a proper name
 * ("the Suez Canal", "the Koravi Strait crisis", "Chilwa Lake", "the Bay of Bengal"), or after "a"/"an" ("a
 * Bahamas-flagged cargo ship"). A
 * bare "the law" brings in nothing: it is already the general idea. Built once per material.
 */
function introductionsOf(pm: ProcessedMaterial): Map<string, Introduction[]> {
  let byStem = introductionCache.get(pm);
  if (byStem) return byStem;
  byStem = new Map();
  const list = (stem: string) => {
    const key = stem.toLowerCase();
    let l = byStem!.get(key);
    if (!l) byStem!.set(key, (l = []));
    return l;
  };
  for (const s of pm.sentences) {
    const word = (i: number) => tokenText(s, i);
    s.tokens.forEach((tok, i) => {
      if (tok.pos !== "NOUN" && tok.pos !== "PROPN") return;
      // "the Bay of Bengal", "the Kingdom of Awadh": a capitalised common noun that heads a name with "of" brings in "the
      // bay", "the kingdom" as surely as "Chilika Lake" brings in "the lake".
      const ofName = /^the$/i.test(word(i - 1)) && /^\p{Lu}\p{Ll}+$/u.test(word(i)) && word(i + 1) === "of" && /^\p{Lu}/u.test(word(i + 2));
      if (ofName) {
        let end = i + 2;
        while (end + 1 < s.tokens.length && /^\p{Lu}/u.test(word(end + 1))) end++;
        list(tok.stem).push({ sentence: s.index, name: s.text.slice(tok.start - s.start, s.tokens[end]!.end - s.start), noun: word(i).toLowerCase(), viaOf: true });
      }
      const next = s.tokens[i + 1];
      if (next && (next.pos === "NOUN" || next.pos === "PROPN")) return; // not the head of its phrase
      // The proper name it heads: capitalised words, with the small words names keep ("Goods and Services Tax").
      let j = i - 1;
      let first = i;
      while (j >= 0 && i - j <= 6 && ((s.tokens[j]!.pos === "PROPN" && /^\p{Lu}/u.test(word(j))) || (NAME_JOINER.test(word(j)) && j > 0 && /^\p{Lu}/u.test(word(j - 1))))) {
        if (!NAME_JOINER.test(word(j))) first = j;
        j--;
      }
      // A capitalised first word of a sentence is a name only when the material names it or the noun is capitalised too
      // ("Morrow Lake"): "Humid heat" is not one.
      if (first === 0 && !isNameAt(pm, s.tokens[0]!.start) && !/^\p{Lu}/u.test(word(i))) first = first + 1 < i ? first + 1 : i;
      while (first < i && NAME_JOINER.test(word(first))) first++;
      // Two names are not one across "and" ("Morrow Lake and Tessel Lake"), unless the material knows the whole as a name
      // ("Goods and Services Tax").
      const and = s.tokens.findLastIndex((t, k) => k >= first && k < i && /^(?:and|&)$/.test(word(k)));
      if (and >= 0) {
        const whole = s.text.slice(s.tokens[first]!.start - s.start, tok.end - s.start);
        if (!pm.entities.some((e) => e.name === whole || e.aliases.includes(whole))) first = and + 1;
      }
      // A demonym is no name: "the Indian crew" is one crew of several, not a crew's name.
      while (first < i && isDemonym(word(first))) first++;
      let intro: string | null;
      if (first < i) intro = s.text.slice(s.tokens[first]!.start - s.start, tok.end - s.start);
      else {
        // "a cargo ship", "an armed merchant vessel": up to three words that describe it between the article and the noun.
        let k = i - 1;
        while (k >= 0 && k >= i - 3 && /^[a-z][\w-]*$/.test(word(k)) && ["ADJ", "NOUN", "VERB", "NUM"].includes(s.tokens[k]!.pos) && !/^(?:a|an)$/i.test(word(k))) k--;
        // "its report", "the committee's report": a possessive brings in that one as surely as "a" does (not "People's Party").
        if (!/^(?:a|an)$/i.test(word(k)) && !(/^(?:its|their|his|her|'s)$/i.test(word(k)) && /^[a-z]/.test(word(i)))) return;
        // "Project Lark is a wetland programme": the name the sentence opens with is the one it brings in.
        const copular = /^(?:a|an)$/i.test(word(k)) ? COPULAR_NAME.exec(s.text.slice(0, s.tokens[k]!.start - s.start)) : null;
        if (copular) {
          list(tok.stem).push({ sentence: s.index, name: copular[1]!, noun: word(i).toLowerCase() });
          return;
        }
        intro = null;
      }
      list(tok.stem).push({ sentence: s.index, name: intro, noun: word(i).toLowerCase() });
    });
  }
  introductionCache.set(pm, byStem);
  return byStem;
}

/**
 * "The ship was taken to Hodeidah", "as the crisis deepened", "the index with base year 2012": a bare "the <noun>" (a
 * common noun, nothing before it but words that do not say which one, nothing after it that does) stands for the
 * particular one an earlier sentence brought in — as a name the noun heads ("the Suez Canal"), after "a"/"an" ("a cargo
 * ship") or a possessive ("its report"). Such a sentence cannot be read alone, and it is not rewritten: putting the name in
 * for the noun named the wrong house, lawyer or bank (a reviewer's counter-examples: "the house" after "The Lok Sabha is a
 * popular house" meant the Rajya Sabha; "the bank" after the Reserve Bank meant a depositor's bank). A noun the sentence
 * uses before itself, and nouns that name one thing anyway ("the world"), are left alone. A noun, brought in or not, that
 * the material keeps calling "the <noun>" ("The office holds no executive power") points back too: it is the material's
 * running name for one particular thing, unless the material speaks of the kind far more (`runningReferencesOf`).
 */
function pointsBackByBareDefinite(pm: ProcessedMaterial, sentence: Sentence, within?: { start: number; end: number }): boolean {
  const running = runningReferencesOf(pm);
  return bareDefinitesOf(sentence).some(({ i, key, head }) => {
    const tok = sentence.tokens[i]!;
    if (within && !(tok.start >= within.start && tok.end <= within.end)) return false;
    // "the treaty" an item shows as the name the sentences just before gave it (`descriptions.ts`).
    if (isResolvedHead(pm, sentence, tok.start)) return false;
    // (An office the material also speaks of in general — "the President of India", then "advises the president" in many
    // sentences — is not pointed back to by its "of" name: `isInGeneralUse`.)
    const earlier = (introductionsOf(pm).get(key) ?? []).filter((x) => x.sentence < sentence.index && x.noun === head && (x.name !== null || sentence.index - x.sentence <= INDEFINITE_REACH) && !(x.viaOf && isInGeneralUse(pm, head)));
    return earlier.length > 0 || running.has(head);
  });
}

/**
 * The sentence's bare "the <noun>"s (a common noun, nothing before it but words that do not say which one, nothing after
 * it that does), each with its token index, stem key and lower-case word — not a noun the sentence used before itself,
 * nor one that names one thing anyway ("the world").
 */
function bareDefinitesOf(sentence: Sentence): Array<{ i: number; key: string; head: string }> {
  const tokens = sentence.tokens;
  const word = (i: number) => tokenText(sentence, i);
  const own = new Set<string>();
  const found: Array<{ i: number; key: string; head: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const key = tok.stem.toLowerCase();
    const head = word(i);
    let the = i - 1;
    while (the >= 0 && POINTING_MODIFIERS.has(word(the).toLowerCase())) the--;
    const next = tokens[i + 1];
    // "across the bay and regenerate": "and" then a verb joins two predicates, not two words before a shared noun.
    const andThenVerb = /^(?:and|or)$/i.test(word(i + 1)) && tokens[i + 2]?.pos === "VERB" && tokens[i + 3]?.pos !== "NOUN";
    // A plural stands for a set, often a general one ("the states"), unless a number says how many ("the two schemes") and
    // the sentence has not just named them ("Gandhi and Jinnah… the two men").
    const counted = the < i - 1 && /^(?:two|three|four|five|six|seven|eight|nine|ten)$/i.test(word(i - 1));
    const isPlural = tok.lemma.toLowerCase() !== head.toLowerCase() || (/s$/.test(head) && !/(?:ss|us|is|ics)$/.test(head));
    const isBare =
      tok.pos === "NOUN" &&
      /^[a-z]/.test(head) &&
      the >= 0 &&
      /^the$/i.test(word(the)) &&
      !(next && (next.pos === "NOUN" || next.pos === "PROPN")) &&
      // "the ozone depleting substances": a noun and a participle written apart still modify the noun after them.
      !(next?.pos === "VERB" && /ing$/.test(word(i + 1)) && tokens[i + 2]?.pos === "NOUN") &&
      !(QUALIFIED_AFTER.test(sentence.text.slice(tok.end - sentence.start)) && !andThenVerb) &&
      (!isPlural || (counted && !/\band\b/.test(sentence.text.slice(0, tokens[the]!.start - sentence.start))));
    if (isBare && !own.has(key) && !SELF_SUFFICIENT_NOUNS.has(head.toLowerCase()) && !SELF_SUFFICIENT_NOUNS.has(tok.lemma.toLowerCase())) found.push({ i, key, head: head.toLowerCase() });
    if (tok.pos === "NOUN" || tok.pos === "PROPN") own.add(key);
  }
  return found;
}

const bareUseCache = new WeakMap<ProcessedMaterial, Map<string, number>>();
/** In how many sentences the material calls each noun (lower case, as written) a bare "the <noun>". Built once per material. */
function bareUsesOf(pm: ProcessedMaterial): Map<string, number> {
  let bare = bareUseCache.get(pm);
  if (bare) return bare;
  bare = new Map();
  for (const s of pm.sentences) for (const head of new Set(bareDefinitesOf(s).map((b) => b.head))) bare.set(head, (bare.get(head) ?? 0) + 1);
  bareUseCache.set(pm, bare);
  return bare;
}

/** Is `head` a general noun (`generalNouns`) the material itself calls a bare "the <noun>" in three sentences or more? */
function isInGeneralUse(pm: ProcessedMaterial, head: string): boolean {
  return GENERAL_NOUNS.has(head) && (bareUsesOf(pm).get(head) ?? 0) >= RUNNING_REFERENCE_SENTENCES;
}

/** In how many sentences a material must call a noun "the <noun>" for that to be its running name for one thing. */
const RUNNING_REFERENCE_SENTENCES = 3;

/** How many times as often a material must speak of the kind ("firms", "a firm") as call it "the firm" for that to be class talk. */
const KIND_TALK_RATIO = 2;

const kindTalkCache = new WeakMap<ProcessedMaterial, Map<string, number>>();
/**
 * In how many sentences the material speaks of each kind (lower-case lemma): the noun in the plural, or after "a"/"an"
 * (up to three words between) — "firms", "a firm". Built once per material.
 */
function kindTalkOf(pm: ProcessedMaterial): Map<string, number> {
  let kind = kindTalkCache.get(pm);
  if (kind) return kind;
  kind = new Map();
  for (const s of pm.sentences) for (const w of kindsTalkedOfIn(pm, s)) kind.set(w, (kind.get(w) ?? 0) + 1);
  kindTalkCache.set(pm, kind);
  return kind;
}

/** The kinds (lower-case lemmas) one sentence speaks of: nouns in the plural, or after "a"/"an" (up to three words between). */
function kindsTalkedOfIn(pm: ProcessedMaterial, s: Sentence): Set<string> {
  const seen = new Set<string>();
  s.tokens.forEach((tok, i) => {
    const word = tokenText(s, i).toLowerCase();
    // "Firms sell goods…": a sentence's first word is tagged a name; read it as the plural it is.
    if (i === 0 && tok.pos === "PROPN" && /[a-z]s$/.test(word) && !isNameAt(pm, tok.start)) {
      seen.add(word.endsWith("ies") ? `${word.slice(0, -3)}y` : word.slice(0, -1));
      return;
    }
    if (tok.pos !== "NOUN") return;
    const lemma = tok.lemma.toLowerCase();
    const plural = lemma !== word && /s$/.test(word);
    let k = i - 1;
    while (k >= 0 && k >= i - 3 && !/^(?:a|an)$/i.test(tokenText(s, k)) && s.tokens[k]!.pos !== "DET") k--;
    const indefinite = k >= 0 && /^(?:a|an)$/i.test(tokenText(s, k));
    if (plural || indefinite) seen.add(plural ? lemma : word);
  });
  return seen;
}

const runningCache = new WeakMap<ProcessedMaterial, Set<string>>();
/**
 * The nouns (lower case, as written) that the material calls a bare "the <noun>" in RUNNING_REFERENCE_SENTENCES sentences
 * or more, unless it speaks of the kind KIND_TALK_RATIO times as often ("firms", "a firm": "The firm maximises profit" is
 * class talk in an economics text; "the plant" in an essay on three plants is not). Built once per material.
 */
function runningReferencesOf(pm: ProcessedMaterial): Set<string> {
  let running = runningCache.get(pm);
  if (running) return running;
  const bare = bareUsesOf(pm);
  const kind = kindTalkOf(pm);
  running = new Set([...bare].filter(([head, n]) => n >= RUNNING_REFERENCE_SENTENCES && !GENERAL_NOUNS.has(head) && KIND_TALK_RATIO * n > (kind.get(head) ?? 0)).map(([head]) => head));
  runningCache.set(pm, running);
  return running;
}

/**
 * Does the material's text between `start` and `end` (a definition "the highest peak of the range") hold a bare
 * "the <noun>" that stands for what an earlier sentence brought in ("a range of mountains")? Such a phrase cannot be
 * read alone, so an item built from it alone ("What is Anamudi? The highest peak of the range") is not made.
 */
export function spanPointsBack(pm: ProcessedMaterial, start: number, end: number): boolean {
  const { at, holds } = sentencePositionAt(pm.sentences, start);
  return holds && pointsBackByBareDefinite(pm, pm.sentences[at]!, { start, end });
}

/** A participle that may open a phrase saying which one: regular, or one of the common irregular ones. */
const PARTICIPLE = /^(?:[a-z]+(?:ed|en)|left|paid|made|held|built|set|run|led|kept|sent|sold|told|brought|bought|taught|caught|found|won|shown|drawn|grown|known|seen|done|begun|put|laid|spent|lost|read|cut|met|struck|hit|dug|fought|sought)$/;

const ORDERING_MODIFIERS = new Set(referenceWords.orderingModifiers);
const DISCOURSE_NOUNS = new Set(referenceWords.discourseNouns);
/** Verbs of saying and thinking: the noun phrase after one is the subject of a clause of its own ("said the scheme failed"). */
const SAYING_VERB = /^(?:said|says|say|argued|argues|insisted|insists|noted|notes|claimed|claims|believed|believe|believes|felt|feels|warned|warns|stated|states|held|holds|found|finds|showed|shows|suggested|suggests|admitted|admits|conceded|concedes|reported|reports|added|adds|hoped|feared|thought|knew|recalled)$/i;
/** Nouns of what a text has in mind, bare in a sentence's middle ("…when the judgment came"): `reference-words.json`. */
const HELD_IN_MIND_NOUNS = new Set(referenceWords.heldInMindNouns);

/** "The third factor", "The main reason", "The sharpest conflict": a word that ranks the noun among what the text around it gives. */
function isOrderingModifier(sentence: Sentence, i: number): boolean {
  const word = tokenText(sentence, i);
  return ORDERING_MODIFIERS.has(word) || (sentence.tokens[i]!.pos === "ADJ" && /^[a-z]{2,}est$/.test(word) && !/^(?:west|honest|modest|earnest)$/.test(word));
}

/**
 * Is the verb of the clause whose subject ends at token `from` in the simple present ("is", "declares", "contain", "can
 * exercise", "has four chambers"), not the past or the perfect ("was", "reached", "has not gone")? Its first verb
 * decides, skipping an aside between commas ("The nucleus, surrounded by a membrane, contains…", "The collegium, which
 * has five members, recommends…").
 */
function isSimplePresent(sentence: Sentence, from: number): boolean {
  const tokens = sentence.tokens;
  const word = (k: number) => tokenText(sentence, k).toLowerCase();
  let k = from + 1;
  if (word(k) === ",") {
    const close = tokens.findIndex((_, j) => j > k && word(j) === ",");
    if (close < 0) return false;
    k = close + 1;
  }
  for (; k < tokens.length && tokens[k]!.pos !== "VERB" && tokens[k]!.pos !== "AUX"; k++) if (/^[,;:]$/.test(word(k))) return false;
  if (k >= tokens.length) return false;
  const verb = word(k);
  if (/^(?:is|are|am|can|may|must|shall|will|does|do)$/.test(verb)) return true;
  if (/^(?:has|have)$/.test(verb)) {
    // "has four chambers" is the present; "has not gone", "have been" the perfect.
    let j = k + 1;
    while (j < tokens.length && /^(?:not|also|already|never|just|long|since|always|often|now|n't)$/.test(word(j))) j++;
    return !(tokens[j] && (word(j) === "been" || (tokens[j]!.pos === "VERB" && PARTICIPLE.test(word(j)))));
  }
  if (/^(?:was|were|had|did|would|could|might|should)$/.test(verb)) return false;
  const lemma = tokens[k]!.lemma.toLowerCase();
  return verb === lemma || (/s$/.test(verb) && verb !== lemma && !/(?:ed|en)$/.test(verb));
}

const firstSentenceCache = new WeakMap<ProcessedMaterial, Map<string, number>>();
/** The index of the first sentence outside a heading that names each noun (lower-case lemma). Built once per material. */
function firstMentionsOf(pm: ProcessedMaterial): Map<string, number> {
  let first = firstSentenceCache.get(pm);
  if (first) return first;
  first = new Map();
  // (A heading names what the text below it is about: "The stomach" above "The stomach secretes…" brings nothing in.)
  for (const s of pm.sentences) {
    if (pm.blocks[s.blockIndex]?.kind === "heading") continue;
    for (const t of s.tokens) if ((t.pos === "NOUN" || t.pos === "PROPN") && !first.has(t.lemma.toLowerCase())) first.set(t.lemma.toLowerCase(), s.index);
  }
  firstSentenceCache.set(pm, first);
  return first;
}

const openingCache = new WeakMap<ProcessedMaterial, Map<number, boolean>>();
/**
 * Does the sentence, as an item opens it (a leading connective dropped, a point label cut), open on a bare "the <noun>"
 * — "The deal was valued at…", "The results have been mixed", "The third factor was…", "The final blow came from…" —
 * with nothing before the noun but words that do not say which one (`pointingModifiers`) or that rank it among what the
 * text around it gives (`orderingModifiers`, superlatives), and nothing after it that does? Its subject is whatever the
 * sentences before were about, whether or not the rules above find where the material brought it in. Decided on the
 * sentence itself, so a blank or a swapped value in an item's text does not change the verdict.
 *
 * Stay: nouns that name one thing anyway (`selfSufficientNouns`) and general nouns (`generalNouns`), as written; and,
 * with no ranking word and a verb in the simple present, a textbook's general statement — a noun the material has not
 * named before ("The liver is the largest gland…", "The preamble declares…"), unless it is a word of discourse ("The
 * reason is simple", `discourseNouns`) — or a kind the material speaks of as a kind in other sentences at least
 * KIND_TALK_RATIO times as often as it calls it "the <noun>" ("The cheetah is the fastest…" beside "cheetahs").
 */
function opensWithBareDefinite(pm: ProcessedMaterial, sentence: Sentence): boolean {
  return sentenceVerdict(openingCache, pm, sentence, () => readsOpeningBareDefinite(pm, sentence));
}

/** A verdict on a sentence read once per material and sentence index, so an item's blank or swap never changes it. */
function sentenceVerdict(cache: WeakMap<ProcessedMaterial, Map<number, boolean>>, pm: ProcessedMaterial, sentence: Sentence, read: () => boolean): boolean {
  let verdicts = cache.get(pm);
  if (!verdicts) cache.set(pm, (verdicts = new Map()));
  let verdict = verdicts.get(sentence.index);
  if (verdict === undefined) {
    verdict = read();
    verdicts.set(sentence.index, verdict);
  }
  return verdict;
}

function readsOpeningBareDefinite(pm: ProcessedMaterial, sentence: Sentence): boolean {
  const opening = itemOpening(standaloneText(sentence.text.trim()));
  if (!/^[Tt]he\s/.test(opening)) return false;
  // The sentence's own "the" that the opening starts with ("But the deal was…" opens "The deal was…").
  const at = sentence.text.indexOf(opening.slice(1, 40)) - 1;
  const the = at < 0 ? -1 : sentence.tokens.findIndex((t) => t.start - sentence.start === at);
  if (the < 0) return false;
  const tokens = sentence.tokens;
  const word = (k: number) => tokenText(sentence, k);
  const tag = (k: number) => tokens[k]?.pos;
  let i = the + 1;
  let ranked = false;
  // "The most serious challenge came…" is left to leansOnSubject, which puts the material's subject before it.
  let rankedByMost = false;
  for (; i < tokens.length; i++) {
    if (isOrderingModifier(sentence, i)) ranked = true;
    else if (/^(?:most|least)$/.test(word(i)) && tag(i + 1) === "ADJ") {
      rankedByMost = true;
      i++;
    } else if (!POINTING_MODIFIERS.has(word(i).toLowerCase())) break;
  }
  // "The oldest is the…", "The second, and more important, was…", "The other was…", "The most important was…": a rank
  // with no noun at all stands for a noun only the sentences before give.
  // ("The last known Chola king…": a participle before a noun describes it and is no verb.)
  const finite = tag(i) === "AUX" || (tag(i) === "VERB" && !/^(?:NOUN|PROPN|ADJ)$/.test(tag(i + 1) ?? ""));
  if ((ranked || rankedByMost) && (finite || /^[,;]$/.test(word(i)))) return true;
  if (rankedByMost) return false;
  // "The remaining 60 per cent is paid…", "The other two were…": a rank before a figure, with no "of" to say of what.
  if (ranked && tag(i) === "NUM" && !/^\S+(?:\s+per\s+cent|\s*%)?(?:\s+[a-z]+)?\s+of\b/.test(sentence.text.slice(tokens[i]!.start - sentence.start))) return true;
  // "The majority judgment has been…", "The trade deal ended…": a compound whose last noun names an event, a document or
  // a body the text has in mind (`heldInMindNouns`), or a plural ("The text lists…", a verb read as a noun), says which
  // one no more than its head alone does. ("The turning point came…" is read as before, as a compound that says which.)
  const compoundStart = i;
  while (tag(i) === "NOUN" && /^[a-z]/.test(word(i)) && tag(i + 1) === "NOUN" && /^[a-z]/.test(word(i + 1))) i++;
  if (i > compoundStart) {
    const last = word(i).toLowerCase();
    const lastLemma = tokens[i]!.lemma.toLowerCase();
    const plural = /s$/.test(last) && lastLemma !== last && !/(?:ss|us|is|ics)$/.test(last) && !SINGULAR_IN_S.test(last);
    if (!(HELD_IN_MIND_NOUNS.has(lastLemma) || HELD_IN_MIND_NOUNS.has(last) || plural)) return false;
    // ("The government fixes a price…": a noun that names one thing anyway, before a verb read as a plural noun.)
    const first = word(compoundStart).toLowerCase();
    if (plural && i === compoundStart + 1 && (SELF_SUFFICIENT_NOUNS.has(first) || GENERAL_NOUNS.has(first))) return false;
  }
  const tok = tokens[i];
  if (!tok || tok.pos !== "NOUN" || !/^[a-z]/.test(word(i))) return false;
  if (isResolvedHead(pm, sentence, tok.start)) return false;
  if (tag(i + 1) === "NOUN" || tag(i + 1) === "PROPN") return false;
  if (tag(i + 1) === "VERB" && /ing$/.test(word(i + 1)) && tag(i + 2) === "NOUN") return false;
  const after = sentence.text.slice(tok.end - sentence.start);
  // "The years from 1972 to 1974 were…", "The concerns about terrorism from Afghan soil…": a span or a topic says which.
  // ("The ship and its crew were released": two things named, not a noun the list shares.)
  // ("The duties under Article 51A…", "The famine during 1943…", "The judgment by the Supreme Court…": a name or a date.)
  if ((QUALIFIED_AFTER.test(after) && !/^\s+(?:and|or)\s+(?:its|their|his|her|the|a|an)\b/.test(after)) || /^\s+(?:about\s|(?:from|between|since)\s+\d|(?:under|by|during|within|across|after|before)\s+(?:the\s+)?(?:\p{Lu}|\d))/u.test(after)) return false;
  // "The zat rank determined…", "The polluter pays principle requires…": a word of the name tagged a verb — a present
  // or base form that a finite verb follows at once, or after one noun. ("The deal helped boost…" is a verb chain.)
  if (tag(i + 1) === "VERB" && !PARTICIPLE.test(word(i + 1)) && (tag(i + 2) === "VERB" || (tag(i + 2) === "NOUN" && (tag(i + 3) === "VERB" || tag(i + 3) === "AUX")))) return false;
  // "The seminary founded at Deoband in 1867 by… aimed to revive", "The compensation paid to states… was financed": a
  // participle's phrase says which one when the clause's own verb comes after it, with no "and" between that would make
  // the participle a verb of its own ("The army marched to Delhi and captured the fort"); "and" between names is a name list.
  if (tag(i + 1) === "VERB" && PARTICIPLE.test(word(i + 1)) && (tag(i + 2) === "ADP" || word(i + 2) === "to")) {
    for (let k = i + 3; k < tokens.length && !/^[,;:]$/.test(word(k)); k++) {
      if (tag(k) === "CCONJ" && !(tag(k - 1) === "PROPN" && tag(k + 1) === "PROPN")) break;
      // "The conflict ended in a treaty by which Seleucus ceded…": a verb inside a relative clause is that clause's own.
      if (/^(?:which|who|whom|whose|where|when)$/i.test(word(k))) break;
      if ((tag(k) === "VERB" || tag(k) === "AUX") && word(k - 1) !== "to") return false;
    }
  }
  const head = word(i).toLowerCase();
  if (SELF_SUFFICIENT_NOUNS.has(head) || GENERAL_NOUNS.has(head)) return false;
  if (ranked || !isSimplePresent(sentence, i)) return true;
  const lemma = tok.lemma.toLowerCase();
  // Plural as written ("The sources"), not by the lemma ("programme" → "program", "species" → "specie").
  const isPlural = /s$/.test(head) && lemma !== head && !/(?:ss|us|is|ics)$/.test(head) && !SINGULAR_IN_S.test(head);
  if (DISCOURSE_NOUNS.has(lemma) || DISCOURSE_NOUNS.has(head) || isPlural) return true;
  if ((firstMentionsOf(pm).get(lemma) ?? sentence.index) >= sentence.index) return false;
  const kindElsewhere = (kindTalkOf(pm).get(lemma) ?? 0) - (kindsTalkedOfIn(pm, sentence).has(lemma) ? 1 : 0);
  return !(kindElsewhere >= KIND_TALK_SENTENCES && kindElsewhere >= KIND_TALK_RATIO * (bareUsesOf(pm).get(head) ?? 0));
}

const insideCache = new WeakMap<ProcessedMaterial, Map<number, boolean>>();
/**
 * Does the sentence, after its opening, say "the <noun>" of an event, a document, a plan or a question
 * (`heldInMindNouns`: "the judgment", "the bill", "the campaign", "the deal", "the problem") with nothing before the noun
 * but words that do not say which one and nothing after it that could (a phrase, a clause, a participle, a name) — and
 * no earlier word of its own that brought the noun in ("a treaty… the treaty")? Then it is the one the text around it
 * has in mind: "The court struck it down when the judgment came", "Parliament referred the bill to a select committee".
 * Decided on the sentence itself, once.
 */
function holdsBareDiscourseNoun(pm: ProcessedMaterial, sentence: Sentence): boolean {
  return sentenceVerdict(insideCache, pm, sentence, () => readsBareDiscourseNoun(pm, sentence));
}

function readsBareDiscourseNoun(pm: ProcessedMaterial, sentence: Sentence): boolean {
  const tokens = sentence.tokens;
  const word = (k: number) => tokenText(sentence, k);
  const tag = (k: number) => tokens[k]?.pos;
  // The opening is read by opensWithBareDefinite.
  const firstWord = tokens.findIndex((t) => t.pos !== "PUNCT" && t.pos !== "SPACE");
  for (let the = firstWord + 1; the < tokens.length; the++) {
    if (word(the) !== "the") continue;
    let i = the + 1;
    while (i < tokens.length && (POINTING_MODIFIERS.has(word(i).toLowerCase()) || isOrderingModifier(sentence, i))) i++;
    const tok = tokens[i];
    if (!tok || tok.pos !== "NOUN" || !/^[a-z]/.test(word(i))) continue;
    const head = word(i).toLowerCase();
    const lemma = tok.lemma.toLowerCase();
    if (!(HELD_IN_MIND_NOUNS.has(lemma) || HELD_IN_MIND_NOUNS.has(head)) || SELF_SUFFICIENT_NOUNS.has(head) || GENERAL_NOUNS.has(head)) continue;
    if (isResolvedHead(pm, sentence, tok.start)) continue;
    const after = sentence.text.slice(tok.end - sentence.start);
    // "the programme Bringing Green Revolution…", "the compensation guarantee": a name or a compound.
    if (tag(i + 1) === "NOUN" || tag(i + 1) === "PROPN" || /^\s+\p{Lu}/u.test(after)) continue;
    // Anything after it that can say which one: a preposition's phrase (not "to a select committee", "in most
    // districts": a verb's, with a common noun after it), a relative clause, a name or a figure — or, where the noun is
    // an object, a participle ("…among the disasters notified for assistance"). Where it is a subject — after "and",
    // "that", a comma or a verb of saying — a word in -ed is its verb ("…and the problem crossed borders", "Farmers said
    // the scheme failed…").
    const before = tokens[the - 1];
    const isSubject = !before || before.pos === "CCONJ" || before.pos === "SCONJ" || before.pos === "PUNCT" || SAYING_VERB.test(word(the - 1));
    // ("…referred the bill to a select committee": "to a" begins the verb's phrase, not the noun's.)
    // ("…signed the treaty with the Soviet Union": a name after the article is the noun's.)
    const verbsPhrase = /^\s+(?:to|in|at|with|from|into)\s+(?:a|an|the|its|their|his|her|this|these|those|most|many|some|all|every)\s+(?!\p{Lu})/u.test(after);
    const phraseSaysWhich = !verbsPhrase && (QUALIFIED_AFTER.test(after) || /^\s+(?:of|for|on|about|over|against|between|towards|toward|beyond|into|across|among|within|around|through|behind|like|under|during|since|after|before|by|that|which|who|whose|where|when)\b/.test(after));
    if (phraseSaysWhich || (!isSubject && /^\s+[a-z]+(?:ed|en)\b/.test(after))) continue;
    // "A treaty was signed in 1960, and the treaty…": the sentence brought it in itself.
    if (tokens.slice(0, the).some((t) => t.lemma.toLowerCase() === lemma)) continue;
    return true;
  }
  return false;
}

/** Prepositions that open a phrase before a sentence's subject ("After the defeat of…", "In practice", "By the 1970s"). */
const OPENING_PREPOSITION = /^(?:After|Before|In|On|During|Until|Till|By|From|Since|Despite|Under|At|Within|Throughout|Over|Through|Between|Among|For|With|Without|Across|Beyond|Unlike)$/;

/**
 * Is the sentence's subject a pronoun after an opening preposition's phrase with no comma — "After the defeat of Tipu
 * Sultan in 1799 he was posted…", "At a rally in Patna on 5 June 1974 he called for…", "In practice it centralised…"?
 * No verb may come before the pronoun ("…announced that it had…" is a clause of its own), and "it" that stands for
 * what follows ("By the 1970s it was widely acknowledged that…") is nobody's.
 */
function pronounAfterOpeningPhrase(sentence: Sentence): boolean {
  const tokens = sentence.tokens;
  const word = (k: number) => tokenText(sentence, k);
  const first = tokens.findIndex((t) => t.pos !== "PUNCT" && t.pos !== "SPACE");
  if (first < 0 || !OPENING_PREPOSITION.test(word(first))) return false;
  for (let k = first + 1; k < tokens.length; k++) {
    const w = word(k);
    if (/^[,;:()"“”]$/.test(w) || tokens[k]!.pos === "VERB" || tokens[k]!.pos === "AUX" || tokens[k]!.pos === "SCONJ") return false;
    if (!/^(?:he|she|they|it)$/.test(w)) continue;
    const next = tokens[k + 1];
    if (!next || (next.pos !== "VERB" && next.pos !== "AUX")) return false;
    // "it was widely accepted that…", "it is clear that…": the "it" of what follows.
    if (w === "it" && isAnticipatoryIt(sentence, k)) return false;
    return true;
  }
  return false;
}

/** Words that judge or report what follows an anticipatory "it" ("it was widely accepted that…", "it is hard to…"). */
const JUDGING_WORD = /^(?:accepted|acknowledged|agreed|believed|known|understood|assumed|held|felt|realised|realized|considered|recognised|recognized|seen|found|observed|claimed|alleged|suggested|said|reported|argued|expected|estimated|feared|hoped|thought|decided|proposed|noted|established|shown|proved|proven|clear|evident|obvious|likely|unlikely|possible|impossible|necessary|important|essential|difficult|hard|easy|easier|harder|true|vital|crucial|common|rare|worth|useful|better|enough)$/i;
/** Verbs after which "it" may anticipate what follows ("made it possible to…", "found it hard to…"). */
const ANTICIPATING_VERB = /^(?:make|makes|made|making|find|finds|found|finding|consider|considers|considered|deem|deems|deemed|render|renders|rendered|think|thinks|thought|believe|believes|believed)$/i;

/**
 * Is the "it" at token `k` the "it" of what follows, standing for nobody: "it was widely accepted that…", "it is very hard
 * to…", "it can be argued that…", "it's costly to…", "it took years to build…", "it seems that…", "made it possible to…",
 * "found it easier and more profitable to…"? A word that judges or reports must come before the "to"/"that" ("it was sent
 * to Delhi", "it takes water to forty villages", "found it lying by the road" are someone's "it").
 */
function isAnticipatoryIt(sentence: Sentence, k: number): boolean {
  const tokens = sentence.tokens;
  const word = (i: number) => (i >= 0 && i < tokens.length ? tokenText(sentence, i).toLowerCase() : "");
  let j = k + 1;
  if (ANTICIPATING_VERB.test(word(k - 1))) {
    while (tokens[j] && (tokens[j]!.pos === "ADV" || tokens[j]!.pos === "ADJ" || tokens[j]!.pos === "CCONJ")) j++;
    return j > k + 1 && tokens[j - 1]!.pos === "ADJ" && /^(?:to|that|for)$/.test(word(j));
  }
  if (/^(?:takes|take|took|taking)$/.test(word(j))) {
    for (let t = j + 1; t <= j + 4 && t < tokens.length; t++) if (word(t) === "to") return tokens[t + 1]?.pos === "VERB" || tokens[t + 1]?.pos === "AUX";
    return false;
  }
  if (/^(?:seems|seemed|appears|appeared)$/.test(word(j))) return /^(?:that|as|likely|unlikely|clear|certain|probable|possible)$/.test(word(j + 1));
  let be = false;
  while (tokens[j] && (tokens[j]!.pos === "AUX" || tokens[j]!.pos === "PART" || /^(?:becomes|became|remains|remained)$/.test(word(j)))) {
    if (/^(?:is|was|'s|be|been|being|are|were|becomes|became|remains|remained)$/.test(word(j))) be = true;
    j++;
  }
  if (!be) return false;
  while (tokens[j] && (tokens[j]!.pos === "ADV" || word(j) === "not")) j++;
  const judged = tokens[j];
  if (!judged || !(judged.pos === "ADJ" || JUDGING_WORD.test(word(j)))) return false;
  j++;
  while (tokens[j]?.pos === "ADV") j++;
  return /^(?:to|that|whether|how|why|for|if)$/.test(word(j));
}

type PronounClass = "thing" | "people" | "person";
function pronounClass(w: string): PronounClass | null {
  if (/^(?:it|its)$/i.test(w)) return "thing";
  if (/^(?:they|them|their|theirs)$/i.test(w)) return "people";
  if (/^(?:he|him|his|she|her|hers)$/i.test(w)) return "person";
  return null;
}

/**
 * A third-person pronoun inside the sentence with nothing earlier in the sentence it could stand for: "The World Bank
 * agreed in 1985 to help finance it" (the subject of the verb acting on "it" is not what it acts on — that would be
 * "itself"), "Many rules have been framed under it" (no singular thing before "it"), "Greek writers refer to him as…" (no
 * person before "him"). What the pronoun stands for is then in a sentence the item does not show. Lenient where the
 * sentence may hold the antecedent: any name counts (the material's labels of names are not reliable enough to rule
 * one out, except a person for "it"), and so does any noun of the right kind and number before the pronoun ("The award
 * was notified, but the states challenged it" keeps "the award"; "it" never a noun that names only a person, "a cuckoo…
 * tracked it" a noun that also names a thing; a noun before another noun, "district rules", modifies it and counts
 * for nothing); "they" takes any plural, any group noun ("the government… their"), a person noun ("every voter… their")
 * or two nouns joined by "and"; a pronoun of the same kind before it (already found to stand for something) counts too.
 * Not the "it" of "it is possible that…" or "made it hard to…" (`isAnticipatoryIt`), nor a pronoun inside quotation
 * marks (the quoted speaker's own).
 */
/** The pronoun verdicts per sentence (read from its tokens, never from an item's blank), one cache for a sentence whose opening "It"/"They" was put a name in for. */
const pronounCache = new WeakMap<ProcessedMaterial, Map<number, boolean>>();
const resolvedPronounCache = new WeakMap<ProcessedMaterial, Map<number, boolean>>();
const longOpeningCache = new WeakMap<ProcessedMaterial, Map<number, boolean>>();
function pronounWithoutAntecedent(pm: ProcessedMaterial, sentence: Sentence, openingResolved: boolean): boolean {
  const tokens = sentence.tokens;
  const word = (k: number) => tokenText(sentence, k);
  const personAt = (start: number) => pm.entities.some((e) => e.kind === "person" && e.mentions.some((m) => m.start <= start && start < m.end));
  const isName = (k: number) => tokens[k]!.pos === "PROPN" && (k > 0 || isNameAt(pm, tokens[k]!.start));
  // "Dams themselves…", "Restoration scientists…": a common word capitalised at the start is tagged a name.
  const capitalisedNoun = (k: number) => k === 0 && tokens[k]!.pos === "PROPN" && !isName(k) && (isKnownWord(word(k)) || (/s$/.test(word(k)) && isKnownWord(word(k).slice(0, -1))));
  const isCommonNoun = (k: number) => tokens[k]!.pos === "NOUN" || capitalisedNoun(k);
  const isPluralNoun = (k: number) =>
    !SINGULAR_IN_S.test(word(k).toLowerCase()) && (tokens[k]!.lemma.toLowerCase() !== word(k).toLowerCase() || (capitalisedNoun(k) && /s$/.test(word(k)) && !isKnownWord(word(k))));
  const fits = (k: number, kind: PronounClass): boolean => {
    // A date names no one ("In December 2023 his government…"); a period may be a thing ("the Chola period… its bronzes").
    if (TIME_WORD.test(word(k)) && !/^(?:period|era|century|centuries|age)$/i.test(word(k))) return false;
    const tok = tokens[k]!;
    // "district rules": a noun before another noun modifies it and is not what a pronoun stands for; "help finance it":
    // a word tagged a noun right before an object pronoun is its verb.
    const following = tokens[k + 1];
    if ((tok.pos === "NOUN" || tok.pos === "PROPN") && following && (following.pos === tok.pos || following.pos === "NOUN" || (following.pos === "PRON" && /^(?:it|them|him)$/i.test(word(k + 1))))) return false;
    if (pronounClass(word(k)) === kind && (k > 0 || openingResolved)) return true;
    if (isName(k)) return kind !== "thing" || !personAt(tok.start);
    // "However, interlinking raises its own concerns": a gerund as the subject.
    if (kind === "thing" && (tok.pos === "VERB" || tok.pos === "ADJ") && /ing$/.test(word(k)) && (k === 0 || /^(?:PUNCT|DET)$/.test(tokens[k - 1]!.pos))) return true;
    if (!isCommonNoun(k)) return false;
    const lemma = tok.lemma.toLowerCase();
    // A noun WordNet does not know ("mansabdar", "iqtadar") may be a person.
    if (kind === "person") return namesAPerson(lemma) || !isKnownWord(lemma);
    // Not a person for "it", unless the word also names a thing: "a star… studied it", "a cuckoo… tracked it".
    if (kind === "thing") return !isPluralNoun(k) && !onlyNamesAPerson(lemma);
    // Two nouns joined by "and"/"or" ("women and girls", "India and Pakistan") are as plural as "women"; a person noun
    // takes "their" as well ("every voter must show their card").
    return isPluralNoun(k) || namesAGroup(lemma) || namesAPerson(lemma) || tokens.slice(k + 1, k + 5).some((t, j) => t.pos === "CCONJ" && /^(?:and|or)$/i.test(word(k + 1 + j)));
  };
  // Inside quotation marks: double ones pair up; a single one opens after a space ("shouted 'Hang him!'") and closes
  // before one, so an apostrophe ("farmers' unions", "Delhi's") is neither.
  let inDouble = false;
  let inSingle = false;
  for (let k = 0; k < tokens.length; k++) {
    const at = tokens[k]!.start - sentence.start;
    if (word(k) === '"') inDouble = !inDouble;
    else if (word(k) === "'") {
      if (!inSingle && (at === 0 || /\s/.test(sentence.text[at - 1]!)) && /\p{L}/u.test(sentence.text[at + 1] ?? "")) inSingle = true;
      else if (inSingle && !/\p{L}/u.test(sentence.text[at + 1] ?? "")) inSingle = false;
    }
    const inQuote = inDouble || inSingle;
    const kind = pronounClass(word(k));
    if (!kind || inQuote || (k === 0 && openingResolved)) continue;
    const next = tokens[k + 1];
    if (/^it$/i.test(word(k)) && isAnticipatoryIt(sentence, k)) continue;
    // "it", "them", "him", "her" as an object (no verb after it; "her" before a noun is "her brother", a possessive).
    const asObject =
      (/^(?:it|them|him)$/i.test(word(k)) && next?.pos !== "VERB" && next?.pos !== "AUX") ||
      (/^her$/i.test(word(k)) && !(next && /^(?:NOUN|PROPN|ADJ|NUM)$/.test(next.pos)));
    // The subject of the verb acting on an object pronoun is not its antecedent: walking back from the pronoun through
    // the verbs, particles and phrases before it ("agreed in 1985 to help finance"), the first noun met with a verb right
    // after it ("The World Bank agreed") is that subject, with the nouns of its compound. Not when the verb is passive
    // ("The Act was amended to strengthen it"); nothing is ruled out when a clause boundary, a conjunction or a pronoun
    // comes first ("…and confronted them", "…believe it will leave them").
    const subject = new Set<number>();
    if (asObject) {
      let passive = false;
      for (let j = k - 1; j >= 0; j--) {
        const tok = tokens[j]!;
        if (tok.pos === "VERB") {
          // "was amended", "was later amended": a form of "be" before the verb, adverbs aside.
          let b = j - 1;
          while (b >= 0 && (tokens[b]!.pos === "ADV" || tokens[b]!.pos === "PART")) b--;
          if (b >= 0 && /^(?:is|are|was|were|be|been|being)$/i.test(word(b))) passive = true;
        }
        if (/^(?:CCONJ|SCONJ|PRON)$/.test(tok.pos) || /^[,;:()–—"“”]$/.test(word(j))) break;
        if ((tok.pos !== "NOUN" && tok.pos !== "PROPN") || TIME_WORD.test(word(j)) || j === k - 1) continue;
        // ("rice to sell it": a noun before "to" is no subject of what follows; "has not agreed" is.)
        let after = j + 1;
        while (tokens[after]?.pos === "ADV" || (tokens[after]?.pos === "PART" && /^(?:not|n't)$/i.test(word(after)))) after++;
        if (!passive && (tokens[after]?.pos === "VERB" || tokens[after]?.pos === "AUX")) {
          for (let c = j; c >= 0 && (tokens[c]!.pos === "NOUN" || tokens[c]!.pos === "PROPN"); c--) subject.add(c);
        }
        break;
      }
    }
    // "The X Sanctuary near Y in Z, set up in 1994, remains its largest refuge": a possessive in what a copula says of
    // its subject stands neither for that subject nor for a name inside it ("X is its refuge" is no refuge of X's).
    if (/^(?:its|their|his|her)$/i.test(word(k)) && next && /^(?:NOUN|PROPN|ADJ|NUM)$/.test(next.pos)) {
      let c = k - 1;
      while (c >= 0 && tokens[c]!.pos === "ADV") c--;
      if (c > 0 && /^(?:is|are|was|were|remains|remain|remained|became|becomes|become)$/i.test(word(c))) {
        // An opening prepositional phrase with a name, ending in a comma before a plain subject, is no part of that
        // subject, and may be what the possessive stands for ("For Bangladesh, India remains its largest trading partner";
        // not "By convention, the Home Minister is its chairperson", where "its" is a committee named before).
        const comma = tokens.findIndex((t, i) => i < c && word(i) === ",");
        const opening = tokens[0]?.pos === "ADP" && comma > 0 && tokens.slice(0, comma).some((t) => t.pos === "PROPN") && !tokens.slice(0, comma).some((t) => t.pos === "VERB" || t.pos === "AUX")
          && !tokens.slice(comma + 1, c).some((t, i) => /^[,;:()–—]$/.test(word(comma + 1 + i)) || t.pos === "VERB" || t.pos === "AUX") ? comma : -1;
        for (let j = c - 1; j >= 0; j--) {
          if (j === opening || /^(?:CCONJ|SCONJ)$/.test(tokens[j]!.pos) || /^[;:]$/.test(word(j)) || /^(?:which|who|whom|that)$/i.test(word(j))) break;
          subject.add(j);
        }
      }
    }
    let found = false;
    for (let j = 0; j < k && !found; j++) if (!subject.has(j) && fits(j, kind)) found = true;
    if (!found) return true;
  }
  return false;
}

/**
 * Is the main clause's subject a pronoun right after an opening preposition's phrase that runs over commas — "In the
 * area of solid waste, building on the Almitra Patel case, it supervised…"? The phrase names no subject of its own for
 * the pronoun to take up (a clause opening "When the Company obtained the Diwani, it acquired…" does, and is not this).
 */
function pronounAfterLongOpeningPhrase(sentence: Sentence): boolean {
  const tokens = sentence.tokens;
  const word = (k: number) => tokenText(sentence, k);
  const first = tokens.findIndex((t) => t.pos !== "PUNCT" && t.pos !== "SPACE");
  if (first < 0 || !OPENING_PREPOSITION.test(word(first))) return false;
  let relative = false;
  for (let k = first + 1; k < tokens.length - 1; k++) {
    if (/^[;:]$/.test(word(k))) return false;
    if (word(k) === ",") relative = false;
    if (/^(?:which|who|whom|whose|that)$/i.test(word(k))) relative = true;
    // "In February 1919, Gandhi cautioned the Viceroy that…, he would…": a clause of its own came first.
    if (!relative && (tokens[k]!.pos === "NOUN" || tokens[k]!.pos === "PROPN") && (tokens[k + 1]!.pos === "VERB" || tokens[k + 1]!.pos === "AUX")) return false;
    if (!/^(?:he|she|it|they)$/.test(word(k)) || word(k - 1) !== ",") continue;
    if (tokens[k + 1]!.pos !== "VERB" && tokens[k + 1]!.pos !== "AUX") continue;
    return !(word(k) === "it" && isAnticipatoryIt(sentence, k));
  }
  return false;
}

/**
 * Does the sentence have a verb outside a relative clause that is not an "-ing" participle or an infinitive ("telling the
 * story", "to mark")? A relative clause runs from "who"/"which"/"whose"/"whom"/"where" to the next comma or bracket.
 * Asked of list items only, so compromise's second reading runs on a few sentences.
 */
const mainVerbCache = new WeakMap<ProcessedMaterial, Map<number, boolean>>();
function hasMainVerb(sentence: Sentence): boolean {
  let relative = false;
  let relativeVerb = false;
  const tagged = sentence.tokens.some((t, i) => {
    const w = tokenText(sentence, i);
    const isVerb = t.pos === "AUX" || t.pos === "VERB";
    if (/^[,;:()]$/.test(w)) relative = false;
    if (/^(?:who|which|whose|whom|where)$/i.test(w)) {
      relative = true;
      relativeVerb = false;
      return false;
    }
    // "Farmers who own land pay little tax": after the clause's own verb and its object, a verb is the sentence's.
    // ("…a war camp guarded, among others, by Yavanas": a participle after the object, not the sentence's verb.)
    if (relative && isVerb && relativeVerb && /^(?:NOUN|PROPN|ADJ|ADV)$/.test(sentence.tokens[i - 1]?.pos ?? "") && !(/ed$/i.test(w) && /^(?:,|by)$/i.test(tokenText(sentence, i + 1)))) relative = false;
    if (relative) {
      if (isVerb) relativeVerb = true;
      return false;
    }
    // ("the Companies Act": a capitalised word inside the sentence is a name, whatever its tag; "a World Bank-assisted
    // scheme", "a scheme implemented by NDDB", "a corpus routed through NABARD": a participle after its noun before its
    // agent or channel, not the sentence's verb — "workers migrated from the hills" is one.)
    if (i > 0 && /^\p{Lu}/u.test(w)) return false;
    // ("Urad, used in idli and dal, with Myanmar the main supplier": a participle right after a comma describes the noun
    // before it.)
    if (t.pos === "VERB" && /ed$/i.test(w) && (tokenText(sentence, i - 1) === "-" || tokenText(sentence, i - 1) === "," || (sentence.tokens[i - 1]?.pos === "NOUN" && /^(?:by|through|via)$/i.test(tokenText(sentence, i + 1))))) return false;
    return t.pos === "AUX" || (t.pos === "VERB" && !/ing$/i.test(w) && !/^to$/i.test(tokenText(sentence, i - 1)));
  });
  if (tagged) return true;
  // The tagger reads some verbs as nouns ("clashes increase instability", "the clouds form"): compromise's reading of
  // the sentence without its relative clauses decides then.
  // Only a word the tagger took for a noun or an adjective right after a noun is rescued so; a participle it read as one
  // stays one.
  const verbs = nlp(sentence.text.replace(/\b(?:who|which|whose|whom|where)\b[^,;:()]*/gi, "")).match("#Verb").not("#Gerund").out("array") as string[];
  // ("clashes increase instability", "small farmers own most of the land": after its subject; "old boats" is no verb
  // whatever compromise says.)
  const nouns = new Set(
    sentence.tokens
      .filter((t, i) => (t.pos === "NOUN" || t.pos === "ADJ") && /^(?:NOUN|PROPN|PRON)$/.test(sentence.tokens[i - 1]?.pos ?? ""))
      .map((t) => sentence.text.slice(t.start - sentence.start, t.end - sentence.start).toLowerCase()),
  );
  return verbs.some((v) => v.toLowerCase().split(/[^\p{L}]+/u).some((w) => nouns.has(w)));
}

/** In how many sentences (other than the one at hand) the material must speak of a kind for "The cheetah is…" to be about the kind. */
const KIND_TALK_SENTENCES = 2;

/** The looser test of which one, kept for `previousNamesBareDefinite`: any preposition after the noun. */
const QUALIFIED_BY_WORDS_AFTER = /^\s*(?:of|for|on|in|at|to|from|with|under|between|against|over|that|which|who|whose|where|when|known|called|named|set|passed|signed|created|launched|introduced|proposed|announced|[,(]?\s*\(|\d)/i;

/**
 * Does the sentence say "the <noun>" — a bare common noun, no name or adjective before it, nothing after it to tell
 * which one — where the one or two sentences before (same block) used that noun? Then it points back: "the crisis"
 * after "the Red Sea crisis", "the lake" after "Chilika Lake". A noun the sentence uses earlier itself is its own.
 */
function previousNamesBareDefinite(pm: ProcessedMaterial, sentence: Sentence): boolean {
  const previous = previousInBlock(pm, sentence);
  if (!previous.length) return false;
  // Only a noun the sentence before named with a name ("the Red Sea crisis", "Chilika Lake"): "the law" after "the law",
  // or "the world" after "the developing world", is the same general idea, not a reference back.
  const before = new Set<string>();
  for (const p of previous) {
    p.tokens.forEach((tok, i) => {
      const prev = p.tokens[i - 1];
      if ((tok.pos === "NOUN" || tok.pos === "PROPN") && prev?.pos === "PROPN" && /^\p{Lu}/u.test(p.text.slice(prev.start - p.start))) before.add(tok.stem.toLowerCase());
    });
  }
  const own = new Set<string>();
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const word = sentence.text.slice(tok.start - sentence.start, tok.end - sentence.start);
    const next = tokens[i + 1];
    if (i > 0 && /^the$/i.test(sentence.text.slice(tokens[i - 1]!.start - sentence.start, tokens[i - 1]!.end - sentence.start)) && tok.pos === "NOUN" && /^[a-z]/.test(word) && next?.pos !== "NOUN" && next?.pos !== "PROPN") {
      const rest = sentence.text.slice(tok.end - sentence.start);
      if (before.has(tok.stem.toLowerCase()) && !own.has(tok.stem.toLowerCase()) && !QUALIFIED_BY_WORDS_AFTER.test(rest) && !/^'s\b/.test(rest) && !isResolvedHead(pm, sentence, tok.start)) return true;
    }
    if (tok.pos === "NOUN" || tok.pos === "PROPN") own.add(tok.stem.toLowerCase());
  }
  return false;
}

/** Adverbs of degree before a comparative ("a considerably shorter figure", "a much smaller deposit"). */
const DEGREE_ADVERB = /^(?:much|far|considerably|significantly|substantially|slightly|somewhat|rather|even|still|marginally)$/;

/**
 * Does the sentence measure something against what only an earlier sentence tells: "a further cut", "a further 10 GWh",
 * "cut by a larger 90 basis points", "a considerably shorter figure"? A comparative after "a"/"an" that a degree adverb
 * or a figure marks as a comparison, or "a further", with no "than", "unlike" or "compared with" in the sentence to say
 * with what. ("a larger share", "a lower tolerance level", "a higher court" are kinds, not comparisons, and stay.)
 */
function hasBareComparative(sentence: Sentence): boolean {
  if (/\b(?:than|unlike|compared (?:with|to)|relative to|as against)\b/i.test(sentence.text)) return false;
  const tokens = sentence.tokens;
  const word = (i: number) => tokenText(sentence, i).toLowerCase();
  for (let i = 1; i < tokens.length; i++) {
    const w = word(i);
    const tok = tokens[i]!;
    // "…caused further hardship.", "…provide further clues.": more of what only an earlier sentence tells, where the phrase
    // ends the sentence ("lost further territory to Bijapur", "not eligible for further office under…" say what more; "a
    // further cut" is read below; a quotation's "further" is its speaker's).
    if (w === "further" && word(i - 1) !== "a") {
      const noun = tokens[i + 1]?.pos === "NOUN" ? i + 1 : tokens[i + 1]?.pos === "ADJ" && tokens[i + 2]?.pos === "NOUN" ? i + 2 : -1;
      const quoted = (sentence.text.slice(0, tok.start - sentence.start).match(/"/g) ?? []).length % 2 === 1;
      if (noun > 0 && !quoted && (noun + 1 >= tokens.length || /^[.!?]$/.test(word(noun + 1)))) return true;
    }
    // "for a further five years" extends a term the sentence states; "a further cut" follows one it does not.
    if (w === "further" && /^(?:a|an)$/.test(word(i - 1)) && !(word(i - 2) === "for" && /^(?:years?|months?|weeks?|days?|terms?)$/.test(word(i + 2)))) return true;
    const isComparative = /^(?:more|less)$/.test(w) || ((tok.pos === "ADJ" || tok.pos === "ADV") && /[a-z]er$/.test(w) && tok.lemma.toLowerCase() !== w);
    if (!isComparative) continue;
    if (DEGREE_ADVERB.test(word(i - 1)) && /^(?:a|an)$/.test(word(i - 2))) return true;
    if (/^(?:a|an)$/.test(word(i - 1)) && tokens[i + 1]?.pos === "NUM") return true;
  }
  return false;
}

/** A superlative word: "largest", "best", "worst" (an adjective or adverb whose lemma differs, ending in -est or irregular). */
function isSuperlativeAt(sentence: Sentence, i: number): boolean {
  const tok = sentence.tokens[i];
  if (!tok || (tok.pos !== "ADJ" && tok.pos !== "ADV")) return false;
  const w = tokenText(sentence, i).toLowerCase();
  // ("The latest census", "the earliest coins", "the nearest town" place a thing in time or space, not in a group.)
  if (/^(?:late|early|near|soon)$/.test(tok.lemma.toLowerCase()) || /^(?:latest|earliest|nearest|soonest)$/.test(w)) return false;
  return (/[a-z]est$/.test(w) && tok.lemma.toLowerCase() !== w) || /^(?:best|worst|least|most)$/.test(w);
}

/** A noun, or a common noun written with a capital that the tagger reads as a name ("the State", "the District"). */
function isCommonNounAt(sentence: Sentence, i: number): boolean {
  const tok = sentence.tokens[i];
  if (!tok) return false;
  return tok.pos === "NOUN" || (tok.pos === "PROPN" && isKnownWord(tokenText(sentence, i).toLowerCase()));
}

/** Words after a superlative's noun that say among what it is the most: "the largest delta in the world", "the best of them". */
const SUPERLATIVE_SCOPE = /^(?:of|in|among|across|within|on|at|from|ever|yet|anywhere|worldwide|globally|nationally|recorded|since|to|for|after|before|behind|outside)$/;

/**
 * Does the sentence rank something without saying among what — "The most prominent figure was Dipankar Chakraborti…",
 * "The largest share went to…" (its subject), "Rajasthan is the State most often named." (its predicate, at its end)? The
 * comparison class is what the text around it was about, so the item cannot be read alone. ("The largest delta in the
 * world is…", "the most populous State of India", "the highest court of appeal" say it.)
 */
function ranksWithoutScope(sentence: Sentence): boolean {
  // "…commanders, among whom Aibak was the most prominent", "the most famous of them": the sentence says among what.
  if (/\b(?:among|amongst|of) (?:whom|which|them|these|those|all)\b/i.test(sentence.text)) return false;
  const tokens = sentence.tokens;
  const word = (i: number) => tokenText(sentence, i).toLowerCase();
  // Subject: "The [single] most prominent figure was…", "The largest share went…" — also after an opening phrase ("In
  // 2019, the largest share went…").
  let first = tokens.findIndex((t) => t.pos !== "PUNCT");
  const comma = tokens.findIndex((_, k) => word(k) === ",");
  if (first >= 0 && word(first) !== "the" && comma > 0 && comma <= 8 && word(comma + 1) === "the" && tokens[first]!.pos === "ADP") first = comma + 1;
  if (first >= 0 && word(first) === "the") {
    let i = first + 1;
    if (word(i) === "single" || word(i) === "very") i++;
    const isRank = (word(i) === "most" || word(i) === "least") && /^(?:ADJ|ADV|VERB)$/.test(tokens[i + 1]?.pos ?? "") ? ((i += 2), true) : isSuperlativeAt(sentence, i) && !/^(?:most|least)$/.test(word(i)) ? ((i += 1), true) : false;
    if (isRank) {
      let nouns = 0;
      while (i < tokens.length && (tokens[i]!.pos === "ADJ" || isCommonNounAt(sentence, i))) {
        if (tokens[i]!.pos !== "ADJ") nouns++;
        i++;
      }
      if (nouns > 0 && /^(?:VERB|AUX)$/.test(tokens[i]?.pos ?? "") && !SUPERLATIVE_SCOPE.test(word(i))) return true;
    }
  }
  // Predicate at the end: "… is the State most often named.", "… was the largest buyer."
  let end = tokens.length - 1;
  while (end >= 0 && tokens[end]!.pos === "PUNCT") end--;
  for (let i = end; i > end - 6 && i > 1; i--) {
    if (SUPERLATIVE_SCOPE.test(word(i)) || (tokens[i]!.pos === "PROPN" && !isCommonNounAt(sentence, i)) || tokens[i]!.pos === "NUM" || tokens[i]!.pos === "ADP") return false;
    if (!isSuperlativeAt(sentence, i)) continue;
    // Back from the superlative to "the", over the noun it follows ("the State most often named") or nothing ("the largest").
    let j = i - 1;
    while (j > 0 && (/^(?:ADJ|ADV)$/.test(tokens[j]!.pos) || isCommonNounAt(sentence, j)) && word(j) !== "the") j--;
    return word(j) === "the" && /^(?:is|are|was|were|became|becomes|remains|remained)$/.test(word(j - 1));
  }
  return false;
}

/**
 * Participles that say something happened to what a sentence names only with the word for what did it: "affected" by
 * what, "exposed" to what (`reference-words.json` complementParticiples: each with the prepositions that give it).
 */
const COMPLEMENT_PARTICIPLES = new Map(Object.entries(referenceWords.complementParticiples).map(([w, preps]) => [w, new Set(preps)]));

/**
 * "Large parts of Gujarat… are also affected.", "Far more people are exposed above 10 than above 50": a participle
 * used as what the sentence says of its subject, with nothing after it to say by or to what — what the text around it
 * was about. (Before a noun, "the affected districts", it is a description and stays; so does a sentence with a verb of
 * its own that may say what did it: "Cyclone Fani struck Odisha, and 1.6 crore people were affected", "Villages were
 * affected when the cyclone struck".)
 */
function participleWithoutComplement(sentence: Sentence): boolean {
  const tokens = sentence.tokens;
  const word = (i: number) => tokenText(sentence, i).toLowerCase();
  for (let i = 1; i < tokens.length; i++) {
    const preps = COMPLEMENT_PARTICIPLES.get(word(i));
    if (!preps) continue;
    // An object after it ("The drought also affected the rice crop", "Sanctions also hit the exporters"): an active verb.
    if (/^(?:NOUN|PROPN|DET|ADJ|NUM|PRON)$/.test(tokens[i + 1]?.pos ?? "")) continue;
    if (tokens.some((t, k) => k !== i && t.pos === "VERB" && !COMPLEMENT_PARTICIPLES.has(word(k)))) continue;
    // A predicate: after a form of "be" (adverbs and "not" between: "are also affected", "were badly hit", "are not
    // affected") or "also"/"too" in an absolute phrase ("with parts of Howrah also affected").
    let j = i - 1;
    while (j > 0 && (tokens[j]!.pos === "ADV" || tokens[j]!.pos === "PART")) j--;
    const isPredicate = /^(?:is|are|was|were|be|been|being|remain|remains|remained|become|became)$/.test(word(j)) || (/^(?:also|too|likewise)$/.test(word(i - 1)) && tokens[j]!.pos !== "AUX" && tokens[j]!.pos !== "VERB");
    if (!isPredicate) continue;
    const after = sentence.tokens.slice(i + 1, i + 6).map((_, k) => word(i + 1 + k));
    if (!after.some((w) => preps.has(w))) return true;
  }
  return false;
}

/** Labels that mark the kind of point a note makes, not its subject ("Key idea:", "Note:", "KEY IDEA:"), in any case: `reference-words.json`. */
const POINT_LABEL_AT_START = new RegExp(`^(?:${referenceWords.pointLabels.map(escapeRegExp).join("|")})\\s*:\\s+`, "iu");

/** Words that say which limit it is, not what it limits ("a speed limit" says what). */
const WHICH_LIMIT = new Set(["acceptable", "permissible", "permitted", "allowable", "safe", "upper", "lower", "older", "old", "new", "newer", "revised", "prescribed", "current", "existing", "earlier", "previous", "original", "maximum", "minimum", "legal", "statutory", "stricter", "tighter", "looser", "higher", "desirable", "recommended", "provisional", "interim"]);

/**
 * "…sets an acceptable limit of 1.0 milligram per litre", "India worked with the older limit of 50 micrograms per litre":
 * a limit given by its value alone, with no word before it for what it limits ("a fiscal deficit limit of 3 per cent")
 * and none after ("for arsenic"), is a limit of whatever the text around it was about — one that a word says which limit
 * it is ("acceptable", "older"): "subject to a ceiling of 15 crore rupees" caps what its own sentence names.
 */
function limitWithoutSubject(text: string): boolean {
  const m = /\b(?:the|an?|its|their|this)\s+((?:[a-z]+\s+){1,2})(?:limits?|thresholds?|ceiling|guideline|cap)\s+(?:of|at|is|was|were|are|to|from)\s+(?:about\s+|around\s+|just\s+|only\s+)?\d/i.exec(text);
  if (!m) return false;
  // The words between the article and "limit" must only say which limit ("acceptable", "older", "upper"), not of what;
  // a bare "a ceiling of 15 crore rupees per application" caps what its sentence offers.
  if (m[1]!.trim().split(/\s+/).some((w) => !WHICH_LIMIT.has(w.toLowerCase()))) return false;
  return !/\b(?:for|on|in)\s+(?!(?:example|instance|the first|drinking water|water)\b)(?:the\s+)?[A-Za-z]/.test(text.slice(m.index));
}

const leaningCache = new WeakMap<ProcessedMaterial, Map<number, boolean>>();

/**
 * Does the sentence leave out what it is about, so that an item made from it needs the subject put before it ("With
 * reference to …") and is not made without one? It ranks without saying among what ("The most prominent figure was…",
 * "… is the State most often named."), says something happened to its subject without saying what did it ("… are also
 * affected."), or gives a limit by its value alone ("an acceptable limit of 1.0 milligram per litre"). In a model answer's
 * prose, whose question says what it is about, such a sentence is fine.
 */
export function leansOnSubject(pm: ProcessedMaterial, sentence: Sentence): boolean {
  return sentenceVerdict(leaningCache, pm, sentence, () => ranksWithoutScope(sentence) || participleWithoutComplement(sentence) || limitWithoutSubject(sentence.text));
}

/** A label that says whose view follows: myths, claims, criticism, arguments, views — not facts the material asserts. */
// Also any label that names whose it is ("China's Stand:", "Pakistan's Position:").
const STANCE_LABEL = /\b(?:Myths?|Misconceptions?|Claims?|Allegations?|Arguments?|Counter-?arguments?|Criticisms?|Critiques?|Critics|Views?|Perspectives?|Opinions?|Objections?|Debates?|Controvers(?:y|ies)|Concerns?|Fears?|Rumou?rs?|Positions?|Stands?|Stances?|Versions?|Narratives?|Charges?|Demands?|Case|Sides?|Response)\b|['’]s\b/;
/** A point's label before its sentence: capitalised words and the small words a heading keeps, then a colon and a capital. */
const POINT_LABEL = /^\p{Lu}[\p{L}\p{M}\p{N}_'&-]*(?:\s+(?:(?:of|and|the|in|for|on|to|with)\s+)*\p{Lu}[\p{L}\p{M}\p{N}_'&-]*){0,7}:\s+(?=\p{Lu})/u;

/**
 * A sentence's text (its leading connectives already dropped) as an item shows it: a parenthesised aside that makes up
 * the whole sentence unwrapped, and a label copied from a model answer's point ("External Diplomatic Complications: …")
 * cut — up to eight capitalised words, joined by the small words a heading keeps. Not a stance ("Myths of the scheme: …",
 * "Criticism: …"): what follows is what someone claims, not a fact. Not two names the sentence then calls "both" or "the
 * two" ("India and Pakistan: Both states tested…"): they are its subject.
 */
function itemOpening(text: string): string {
  let t = text;
  if (/^\(.*\)\.?$/.test(t) && !/\)\s*\S.*\(/.test(t)) t = standaloneText(t.replace(/^\(/, "").replace(/\)(\.?)$/, "$1").replace(/\.?$/, "."));
  const label = POINT_LABEL.exec(t)?.[0];
  if (label && !STANCE_LABEL.test(label) && !(/\band\b/.test(label) && /^(?:Both|The two|They|Together)\b/.test(t.slice(label.length)))) t = t.slice(label.length);
  return t;
}

/**
 * A study note's label in sentence case before the point it heads — "Milk quality and adulteration: national surveys by
 * FSSAI have found…", "Trade pressures: India's decision in 2019…" — cut, the point's first letter capitalised: up to
 * five words, none a verb, a pronoun or a number ("India has two options: …" is a sentence, not a label), not a stance
 * ("Criticism: …" says whose view follows), before a point that is a clause with its own subject. Only where the
 * sentence's own text opens with it.
 */
function withoutNoteLabel(text: string, sentence: Sentence): string {
  // "Key idea: The faster transmission under EBLR was…", "Note: The Council meets…": a label that only marks the kind of
  // point (`reference-words.json` pointLabels) says nothing of its subject; before a sentence of its own (a capital) it goes.
  const pointLabel = POINT_LABEL_AT_START.exec(text);
  // (The capital is tested apart: under the "i" flag \p{Lu} matches small letters too.)
  if (pointLabel && sentence.text.startsWith(pointLabel[0]) && /^\p{Lu}/u.test(text.slice(pointLabel[0].length))) return text.slice(pointLabel[0].length);
  const m = /^(\p{Lu}[\p{Ll}-]*(?:\s+[\p{Ll}-]+){0,4}):\s+(?=[\p{L}"])/u.exec(text);
  if (!m || STANCE_LABEL.test(m[1]!) || !sentence.text.startsWith(m[0])) return text;
  const colon = sentence.tokens.findIndex((t) => t.start - sentence.start >= m[1]!.length);
  if (colon <= 0 || sentence.tokens.slice(0, colon).some((t) => /^(?:VERB|AUX|PRON|NUM)$/.test(t.pos))) return text;
  // The point must be a clause of its own, its subject before its verb ("national surveys… have found"); in
  // "Coastline: traditionally given as 7,516 km" the label is the subject and stays.
  const point = sentence.tokens.slice(colon + 1);
  const pointWord = (i: number) => tokenText(sentence, colon + 1 + i);
  // A point that points back to the label is about it: "Cotton: the crop needs…", "Rice exports: their value fell…",
  // "Wheat: the state buys it…" keep their label.
  if (/^(?:the|this|that|these|those|its|their|his|her|such)$/i.test(pointWord(0)) || point.some((_, i) => /^(?:it|its|they|them|their)$/i.test(pointWord(i)))) return text;
  // (A participle — after a comma or bracket, "pepper (called yavanapriya)", or after its noun before a preposition, "rice
  // grown in the delta" — is no verb of the point's, and a clause after a semicolon is another point.)
  const verb = point.findIndex((t, i) => {
    const w = pointWord(i);
    const before = i > 0 ? pointWord(i - 1) : "";
    if (t.pos !== "AUX" && t.pos !== "VERB") return false;
    if (/ing$/i.test(w) || before === "to" || (/ed$/i.test(w) && /^[,(]$/.test(before))) return false;
    return !(t.pos === "VERB" && t.lemma.toLowerCase() !== w.toLowerCase() && point[i - 1]?.pos === "NOUN" && /^(?:ADP|PUNCT)$/.test(point[i + 1]?.pos ?? ""));
  });
  if (verb <= 0 || !point.slice(0, verb).some((t) => /^(?:NOUN|PROPN|PRON)$/.test(t.pos)) || point.slice(0, verb).some((_, i) => pointWord(i) === ";")) return text;
  const rest = text.slice(m[0].length);
  // Capitalised only when its first word is all in small letters ("pH levels", "e-NAM", "mRNA" stay as they are).
  return /^\p{Ll}/u.test(rest) && !/^\p{Ll}+-?\p{Lu}/u.test(rest) ? rest.charAt(0).toUpperCase() + rest.slice(1) : rest;
}

/** A cardinal written as a word, which may stand for a noun the text named before ("has three: …"). */
const SPELLED_CARDINAL = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i;

/**
 * The sentence as an item can show it — standalone, references and relative dates resolved — or
 * null when it cannot stand alone. `text` may already have a blank or a substituted value in it.
 */
export function inContext(text: string, pm: ProcessedMaterial, sentence: Sentence): string | null {
  // "It was agreed in 1987" after "The Montreal Protocol is…": the opening pronoun becomes the name.
  // "He was imprisoned…" after "Gandhi returned to India in 1915.": the one person the sentence before is about.
  // "Its components include…" after "The Deep Ocean Mission was approved…": the subject's name, when nothing else could be
  // meant (`subjectPronounAntecedent`).
  const openingPronoun = /^(?:It|They|Its|Their)\s/.exec(text.trim())?.[0];
  const subject = openingPronoun && sentence.text.startsWith(openingPronoun) ? subjectPronounAntecedent(pm, sentence) : null;
  const person = /^(?:He|She)\s/.test(text.trim()) ? openingPronounAntecedent(pm, sentence, { persons: true }) : null;
  const antecedent = subject?.name ?? person;
  let t = standaloneText(subject ? withSubjectName(text.trim(), subject) : person ? text.trim().replace(/^(?:He|She)\b/, person) : text.trim());
  t = itemOpening(t);
  t = withoutNoteLabel(t, sentence);
  // "the treaty" → "the Indus Waters Treaty" when the sentences just before name only that one (`descriptions.ts`).
  t = withResolvedDescriptions(t, pm, sentence);
  // "Section 6" → "Section 6 of the Biological Diversity Act" when certain (`referents.ts`).
  t = withResolvedReferents(t, pm, sentence);
  if (!t || /[:;,]$/.test(t) || t.includes("?")) return null;
  // "This reluctance…", "the statement", "as it turned out": leans on the sentence before.
  if (!isContextFree(t)) return null;
  // "For a civil services aspirant the Ganga story is worth knowing…": the material's advice to its reader, not a fact.
  if (READER_ADDRESS.test(sentence.text)) return null;
  // "Completion has been slower in Bihar…", "Uptake has been limited": a process with no "of" to say of what.
  const processHead = /^(\p{Lu}\p{Ll}+)\s+(?:(?:also|still|initially|largely|so far)\s+)?([a-z]+)\b/u.exec(t);
  if (processHead && PROCESS_NOUNS.has(processHead[1]!.toLowerCase())) {
    const verb = sentence.tokens.find((tok) => tokenText(sentence, sentence.tokens.indexOf(tok)) === processHead[2]);
    if (verb && (verb.pos === "AUX" || verb.pos === "VERB")) return null;
  }
  // "…as the crisis deepened", "the ship was taken to…": a bare definite noun standing for what an earlier sentence named.
  if (pointsBackByBareDefinite(pm, sentence)) return null;
  // A fragment with no subject ("Shall accept a series of…").
  const first = sentence.tokens.find((tok) => tok.pos !== "PUNCT" && tok.pos !== "SPACE");
  const opening = sentence.text.replace(/^\W+/, "");
  if (first && (first.pos === "VERB" || first.pos === "AUX") && /^[A-Z][a-z]+\s+[a-z\d]/.test(opening) && !/^(?:Let|Please)\b/.test(opening)) return null;
  if (/^(?:Be|Have|Hold|Make|Get|Take|Give|Ensure|Provide|Accept|Shall|Must|Should|May|Can|Will|Not|Being|Having)\s/.test(opening) || /^(?:Be|Have|Hold|Shall|Must)\s/.test(t)) return null;
  // "Then came two droughts…", "So did the Council…": an adverb that fronts the verb cannot go ("Came two droughts…").
  if (INVERTED_OPENING.test(opening)) return null;
  // "A third stresses water…": an ordinal standing for a noun only an earlier sentence names ("A second appeal lies…",
  // "A third of farmers" name their own). The word after it is a verb — tagged so, or read so because "a" takes no
  // plural noun ("a third stresses", "a fourth holds"; "a second census", "crisis", "series" are singular).
  const ordinal = /^An?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+([a-z]+)\b/.exec(t);
  if (ordinal) {
    const following = ordinal[1]!;
    const next = sentence.tokens.find((_, i) => tokenText(sentence, i) === following);
    if ((next && (next.pos === "VERB" || next.pos === "AUX")) || (/s$/.test(following) && !/(?:is|us|ss|ies|ics)$/.test(following) && !SINGULAR_IN_S.test(following))) return null;
  }
  // "Tripura has one, the…", "Meghalaya has three: the…", "there were four.": a spelled-out number after a verb with no
  // noun of its own counts what only an earlier sentence names ("has two members" names its own; "than a narrowly
  // targeted one" is the pronoun "one", for a noun of the same sentence).
  if (sentence.tokens.some((_, i) => SPELLED_CARDINAL.test(tokenText(sentence, i)) && (sentence.tokens[i - 1]?.pos === "VERB" || sentence.tokens[i - 1]?.pos === "AUX") && (i + 1 >= sentence.tokens.length || /^[,:;.!]$/.test(tokenText(sentence, i + 1))) && !(tokenText(sentence, i).toLowerCase() === "one" && [1, 2, 3].some((k) => /^(?:a|an|the|this|that|each|every|any|another)$/i.test(i - k >= 0 ? tokenText(sentence, i - k) : ""))))) return null;
  // A list item that continues a lead-in ("Upon ceasing to possess…"): no subject of its own.
  const block = pm.blocks[sentence.blockIndex];
  if (block?.kind === "list_item" && /^(?:Upon|On|If|When|Where|Unless|Being|Having|To|By|In case|Subject to|After|Before)\b/.test(t)) return null;
  // "a. A sequel to the Silappadikaram, telling the story of…, who becomes a nun.", "a. Nedum Cheralatan, whose title
  // means…": a list item with no verb of its own (only a participle, or a verb inside a "who"/"which" clause) describes
  // what its heading names and states nothing by itself.
  if (block?.kind === "list_item" && !sentenceVerdict(mainVerbCache, pm, sentence, () => hasMainVerb(sentence))) return null;
  if (/^[^A-Za-z0-9"]/.test(opening.replace(/^[("]+/, ""))) return null;
  // "…Suez revenue fell as the crisis deepened", "the lake's outlet": a bare definite noun anywhere in the sentence that
  // the sentence before named, with nothing after it to say which one, stands for what that sentence named.
  if (previousNamesBareDefinite(pm, sentence)) return null;
  // "The deal was valued at…": the subject is a bare "the <noun>", whatever the sentences before were about.
  if (opensWithBareDefinite(pm, sentence)) return null;
  // "…was struck down when the judgment came", "…referred the bill to a committee": one the text has in mind, inside.
  if (holdsBareDiscourseNoun(pm, sentence)) return null;
  // "The reluctance is rooted…": a bare definite noun picked up from the sentence before.
  const m = /^The ([a-z][\w-]+) ([a-z]+)\b/.exec(t);
  const verbTok = m ? sentence.tokens.find((tok) => sentence.text.slice(tok.start - sentence.start, tok.end - sentence.start) === m[2]) : undefined;
  if (m && (verbTok?.pos === "VERB" || verbTok?.pos === "AUX")) {
    const previous = previousInBlock(pm, sentence);
    const nounTok = sentence.tokens.find((tok) => sentence.text.slice(tok.start - sentence.start, tok.end - sentence.start) === m[1]);
    if (nounTok && previous.some((p) => stemsOfTokens(p).has(nounTok.stem))) return null;
  }
  // "Due to its widespread adoption…", "From 1994 its level…": a pronoun before any noun it could refer to.
  // (A capitalised first word is tagged a proper noun; it is one only when the material names it.)
  // A date names no one: "In December 2023 his government announced…" has no antecedent for "his".
  const word = (i: number) => tokenText(sentence, i);
  const firstNoun = sentence.tokens.findIndex((tok, i) => (tok.pos === "NOUN" || (tok.pos === "PROPN" && (i > 0 || isNameAt(pm, tok.start)))) && !TIME_WORD.test(word(i)));
  const firstPronoun = sentence.tokens.findIndex((_, i) => /^(?:it|its|they|their|them|he|his|him|she|her)$/i.test(word(i)));
  if (firstPronoun >= 0 && (firstNoun < 0 || firstPronoun < firstNoun) && !(antecedent && firstPronoun === 0)) return null;
  // "A large share of its merchandise trade…", "Most of their members…": a possessive inside the sentence's opening noun
  // phrase, before any name, can only point to what came before (a share is not its own trade's owner).
  if (/^(?:(?:A|An|The|Some|Most|Many|Much|All|Each|Both|Half|Part|None|One|Several|Few)\s+)?(?:[a-z][\w-]*\s+){0,3}(?:of|in|for|from|among|within)\s+(?:its|their|his|her)\b/.test(t)) return null;
  // "While in jail, he agreed…": the main clause's subject is a pronoun. ("As sweat evaporates, it carries heat away" goes
  // too: the clause's noun is as likely not the one meant — "After the harvest failed in 1876, it imposed a famine code".)
  if (/^[^,]{0,80},\s+(?:he|she|it|they|his|her|its|their)\b/i.test(t)) return null;
  // "After the defeat of Tipu Sultan in 1799 he was posted…", "In practice it centralised control…": the same after an
  // opening phrase with no comma — a preposition's phrase, no verb before the pronoun (not "…announced that it had…"),
  // and not the "it" of "it was widely accepted that…".
  if (pronounAfterOpeningPhrase(sentence)) return null;
  // "Unlike the policies of 1894 and 1952, which had treated forests as revenue, it made…", "After the fall of Gwalior,
  // retaken in June 1858, he waged…": the same after a longer opening phrase, the pronoun right after one of its commas.
  if (sentenceVerdict(longOpeningCache, pm, sentence, () => pronounAfterLongOpeningPhrase(sentence))) return null;
  // "The World Bank agreed in 1985 to help finance it", "Greek writers refer to him as…": nothing in the sentence it stands for.
  if (sentenceVerdict(antecedent ? resolvedPronounCache : pronounCache, pm, sentence, () => pronounWithoutAntecedent(pm, sentence, !!antecedent))) return null;
  // "drew similar protests", "a further cut took the rate to…", "cut by a larger 90 basis points", "a considerably shorter
  // figure": likened to, or more than, something only an earlier sentence tells.
  // ("ISIL, Al-Qaida and other similar groups" is likened to the list it ends.)
  // ("Venus and Earth have similar masses" likens the two it names.)
  if (/(?<!\b(?:other|and|or)\s+)\bsimilar(?:ly)?\b(?!\s+(?:to|in|with|as)\b)/i.test(t) && !/^[^,;]*\p{Lu}[\p{L}\p{M}-]*\s+and\s+(?:the\s+)?\p{Lu}[^,;]*\bsimilar\b/u.test(t)) return null;
  if (hasBareComparative(sentence)) return null;
  // "…did not give up that easily": compared with what?
  if (/\bthat (?:easily|much|far|long|quickly|simply|often|badly)\b/i.test(t)) return null;
  // "A Dornier aircraft followed in 2020", "A milk strike followed, lasting…", "Other states followed suit": after what?
  if (sentenceVerdict(followsCache, pm, sentence, () => followsUnshown(sentence))) return null;
  // "A few months later", "Some hours later", "the following year": later than what?
  if (/\b(?:(?:a few|few|several|some|one|two|three|four|five|a|an|\d+) (?:minutes?|hours?|days?|weeks?|months?|years?|decades?) later|later that (?:year|month|day)|the (?:following|next|previous) (?:year|month|day|week)|shortly (?:after|afterwards|before)|soon after(?:wards)?)\b/i.test(t)) return null;
  // "donations to the fund", "the committee's secretary": which fund, which committee?
  if (/\b(?:to|of|from|in|by|for|with) the (?:fund|committee|commission|scheme|programme|program|panel|board|body|treaty|agreement|amendment|protocol|report|study|survey)\b(?!\s+(?:of|for|on)\b)|\bthe (?:fund|committee|commission|scheme|programme|panel|board|body)'s\b/.test(t)) return null;
  // "in the country", "the group's leaders": which one?
  if (/\b(?:in|of|across|within) the country\b|\bthe (?:country|group|organi[sz]ation|movement|outfit)'s\b/i.test(t)) return null;
  // "fighting in October that killed…": a month with no year anywhere in the sentence cannot be placed.
  if (/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!,?\s+(?:\d{1,2},?\s+)?1?\d{3})/.test(t) && !/\b(?:19|20)\d{2}\b/.test(t)) return null;
  // "…put the figure at 90,000": which figure?
  if (/\bthe (?:figure|number|total|tally|estimate|count|latter|former)\b(?!\s+(?:of|for)\b)/i.test(t)) return null;
  // "First, the Governor may…", "Second, the Governor…", "Fourth, the Court laid down…": one point of a list the item does not show.
  if (/^(?:First|Firstly|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Secondly|Thirdly|Fourthly|Fifthly|Lastly)\b\s*,/.test(opening)) return null;
  // "Most are eventually released", "Several were hanged", "Both remain in use": a quantifier alone as the subject counts
  // what only an earlier sentence names.
  if (/^(?:Most|Many|Several|Some|Few|Both|All|None|Others|Neither|Either|Each|Half)\s+(?:[a-z]+ly\s+)?(?:are|were|is|was|have|had|has|will|would|can|could|may|might|must|shall|should|remain|remained|became|become|also|still|now)\b/.test(t)) return null;
  // "The resulting Jallianwala Bagh massacre…", "The ensuing riots…": resulting from what only the sentence before tells.
  if (/^The (?:resulting|ensuing|consequent|subsequent)\b/.test(t)) return null;
  // "Since then, …", "Related X…": tied to what came before.
  if (/^(?:Since then|Until then|By then|Then|Thereafter|Subsequently|Afterwards|Later|Related|Similar|Similarly|Likewise|Other|Another|Such)\b/.test(t)) return null;
  // "Khan's spymaster": a bare surname in the possessive stands for the person named in full before.
  let failedSurname = false;
  t = t.replace(/(?<![\p{L}\p{M}\p{N}_])(?:([Tt]he)\s+)?(\p{Lu}[\p{Ll}\p{M}]+)'s(?![\p{L}\p{M}\p{N}_])/gu, (whole: string, article: string | undefined, surname: string, offset: number) => {
    const people = pm.entities.filter((e) => e.kind === "person" && new RegExp(String.raw`\s${surname}$`).test(e.name) && e.mentions.some((m) => m.start < sentence.start));
    if (!people.length || (!article && /\p{Lu}[\p{L}\p{M}\p{N}_.'-]*\s+$/u.test(t.slice(0, offset)))) return whole;
    if (people.length > 1) {
      failedSurname = true;
      return whole;
    }
    // "the Bhau's cavalry" (a title used as a name) is Sadashivrao Bhau's, and takes no article — but only where one of
    // the two sentences before named him: "The Shah's army sacked Delhi" may be any shah's (Nadir Shah read as no person).
    if (article) {
      const previous = pm.sentences[Math.max(0, sentence.index - 2)]!;
      if (!people[0]!.mentions.some((m) => m.start >= previous.start && m.start < sentence.start && pm.material.text.slice(m.start, m.end) === people[0]!.name)) return whole;
    }
    return `${people[0]!.name}'s`;
  });
  if (failedSurname) return null;
  const shortNamed = resolveShortNames(t, pm, sentence);
  const named = shortNamed === null ? null : resolveKindSubjects(shortNamed, pm, sentence);
  if (named === null) return null;
  if (hasNumberedDesignationInShort(named, pm)) return null;
  // ("…averaged ₹3,150 last month" is placed once "last month" is read as September 2026.)
  const date = publicationDate(pm);
  const resolved = resolveRelativeDates(named, date);
  return resolved === null ? null : withTimeAnchor(resolved, pm, sentence, date);
}
