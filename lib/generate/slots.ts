import nlp from "compromise";
import { isAcronym, isDemonym, nameKey } from "@/lib/material/entities";
import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { hash53 } from "@/lib/material/hash";
import { entitySlotType, type Corpus, type SentenceRef, type SlotType } from "./corpus";
import { isAnswerGivenAway } from "./readability";
import { APPROX, CURRENCY, asideAfterBlank, followsFromOtherFigures, glossesBlank, restatesFigure, spelledByAcronym } from "./giveaways";
import { inContext, referenceWords } from "./context";
import { OPINION } from "./quality";
import { isOrder, recommendationClauses } from "./advice";
import { isHeadline, namingSubject, taggedTerms } from "./topic";
import { ANOTHER_MEMBER_AFTER, examplesListAt, isStandalone } from "./text";
import { escapeRegExp } from "@/lib/text/regexp";
import { namesAPerson } from "@/lib/nlp/wordnet";
import blankWords from "./blank-words.json";
import answerWords from "./answer-words.json";
import giveawayWords from "./giveaway-words.json";
import placeLevelsData from "./place-levels.json";
import { z } from "zod";

/** A fact in a sentence that a card or question can ask for: a figure, a year, an actor or a place. */
export interface Slot {
  ref: SentenceRef;
  type: SlotType;
  /** Offsets of the answer inside the material's cleaned text. */
  start: number;
  end: number;
  answer: string;
  /** Numbers: the value and unit class; years: the year. */
  value?: number;
  unit?: string;
  /** Entities: canonical alias key. */
  key?: string;
  /** Figures: the thing counted. */
  subject?: string;
  /**
   * Years after "since", "before"…, figures after "over", "fewer than"…, names in a list of examples ("including Iran,
   * Tajikistan and _____") or an open list ("_____ and other leaders"), and what a clause denies ("had not abolished
   * Article _____"): other values are also true, so no choice, true/false or statement item is made.
   */
  isOpenRange?: boolean;
  /** A name the sentence gives as one of several that fit (an open list, or a list of examples naming others): no cloze either. */
  isOneOfSeveral?: boolean;
}

/**
 * What follows a name that is one of an open list: "_____ and other Congress leaders", "_____, Patel and other leaders",
 * "_____, Patel, and others", "_____, Canada, etc.". Not a lone ", and other <noun>" after a name, which starts a clause
 * of its own ("signed by Nehru in Delhi, and other leaders later endorsed it"); ", and others" is the list's end.
 */
const LIST_NAME = String.raw`(?:the\s+)?\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:(?:of|and|the|for|on|in)\s+)*\p{Lu}[\p{L}\p{M}.'’-]*)*`;
const OPEN_LIST_AFTER = new RegExp(
  String.raw`^(?:(?:\s*,\s*(?:and\s+)?${LIST_NAME})+\s*,?\s*|\s+|\s*,\s*(?=and\s+(?:many\s+|several\s+|some\s+)?others\b))and\s+(?:many\s+|several\s+|some\s+)?others?\b|^(?:\s*,\s*${LIST_NAME})*\s*,?\s+(?:etc\b|and so on\b)`,
  "u",
);

const NAME_THEN_COMMA = new RegExp(String.raw`${LIST_NAME},\s*$`, "u");

/**
 * A middle member of a plain list of names, one out of several that fit the blank: a name and a comma before it, another
 * name after it ("West Veldra, Ostra, _____, Kesari"; "Imra Soth, _____ and Ruvo Pell"). (The first and the last member
 * are left to the list's own checks: a route or a sequence often ranks them.)
 */
export function isListedName(before: string, after: string): boolean {
  return NAME_THEN_COMMA.test(before) && ANOTHER_MEMBER_AFTER.test(after);
}

/** A name joined to what stands beside it with no space ("A2+FL", "AA/B"): the blank would split one token. */
export function isInsideToken(before: string, after: string): boolean {
  return /[\p{L}\p{N}+\/&=]$/u.test(before) || /^[\p{L}\p{N}+\/&=]/u.test(after);
}

/** Words before "from … to …" that make it a band ("varies from", "anything from", "a range from"). */
const BAND_WORDS = /\b(?:var(?:y|ies|ied|ying)|rang(?:e|es|ed|ing)|band|bands|anything|anywhere|spans?|spanning|between|extends?|stretch(?:es)?)\b/i;
/** Verbs before "from … to …" that make it a change ("raised the rate from", "fell from"). */
const CHANGE_VERB = /\b(?:rose|risen|rise|rises|fell|fall|falls|fallen|raised|raises|raising|cut|cuts|increased?|increases|grew|grown|grows|declined?|declines|reduced?|reduces|went|dropped|drops|climbed|jumped|lowered|hiked|slashed|changed|moved|shifted|revised|doubled|halved)\b/i;

/** Words between a change and a second "to <figure>" that make it a further step ("and then to", "before rising to"). */
const STEP_WORDS = new RegExp(String.raw`\b(?:${giveawayWords.stepWords.map((w) => escapeRegExp(w)).join("|")})\b|\b\p{L}+ing\b`, "iu");
/** A figure's unit as a key ("per cent", "percent" and "%" alike; "" for none, or for a word that is no unit). */
const unitKey = (unit: string) => {
  const u = unit.trim().toLowerCase().replace(/\s+/g, " ");
  if (/^(?:per ?cent|%)$/.test(u)) return "%";
  return STEP_WORDS.test(u) || /^(?:before|after|in|of|during|over|by|for|to|at|on|since|until|a|an|the)$/.test(u) ? "" : u;
};
/** A bare figure that reads as a year ("2014", "1990"). */
const isYearFigure = (figure: string, unit: string) => /^(?:1[5-9]|20)\d{2}$/.test(figure) && !unitKey(unit);

/**
 * Is the figure between `before` and `after` one end of a range: "between _____ and 4.5", "between 2.5 and _____", "a
 * band of _____ to 6 per cent", "9 to _____ per cent"? A change ("from 4 per cent to 6.5 per cent") and a span of years
 * are two facts, and stay — unless the change's first end is itself a range ("fell from about 9 to _____ before 2014 to
 * around 5 per cent": the blank cuts "from 9 to 10" in two, and the stem then reads "fell from 9 to _____"). `figure`,
 * when given, is the blanked text as the slot takes it ("6 per cent"): its unit is read as the start of `after`.
 */
export function isRangeEnd(before: string, after: string, figure?: string): boolean {
  if (figure) after = figure.replace(/^\D*?\d[\d,.]*/, "") + after;
  const CUR = `${CURRENCY}`;
  const NUMBER = String.raw`${CUR}?\d[\d,.]*`;
  const UNIT = String.raw`\s*(?:per\s*cent|%|[a-z]+)?`;
  if (new RegExp(String.raw`\bbetween\s+${APPROX}${CUR}?$`, "i").test(before) && new RegExp(String.raw`^${UNIT}\s*and\s+${APPROX}${NUMBER}`, "i").test(after)) return true;
  if (new RegExp(String.raw`\bbetween\s+${APPROX}${NUMBER}${UNIT}\s+and\s+${APPROX}${CUR}?$`, "i").test(before)) return true;
  // "varies from _____ to 400 cm", "anything from 2 to _____ per cent": a band. "raised the rate from _____ per cent to 6.5
  // per cent": a change, each end a fact of its own. Told by the words before "from".
  const firstEnd = new RegExp(String.raw`\bfrom\s+${APPROX}${CUR}?$`, "i").exec(before);
  const secondEnd = firstEnd ? null : new RegExp(String.raw`\bfrom\s+${APPROX}${NUMBER}${UNIT}\s+to\s+${APPROX}${CUR}?$`, "i").exec(before);
  const from = firstEnd ?? secondEnd;
  if (from) {
    const pairedAfter = new RegExp(String.raw`^${UNIT}\s*to\s+${APPROX}${NUMBER}`, "i").exec(after);
    if (!secondEnd && !pairedAfter) return false;
    // "from about 9 to 10 per cent before 2014 to around 5 per cent": a second "to <figure>" of the pair's unit after the
    // pair makes the pair the change's first end, a range. Not a year ("from 21 to 24.6 per cent from 2001 to 2021"), not
    // a further step ("from 4 to 4.4 per cent in May and then to 6.5 per cent", "before rising to 6 per cent").
    const tail = secondEnd ? after : after.slice(pairedAfter![0].length);
    const pairUnit = new RegExp(String.raw`^${UNIT}`, "i").exec(tail)![0];
    const later = new RegExp(String.raw`^([^.;,]{0,60}?)\bto\s+${APPROX}${CUR}?(\d[\d,.]*)(${UNIT})`, "i").exec(tail.slice(pairUnit.length));
    // A date between the two ("from 4 to 4.4 per cent in May 2022 to 6.5 per cent in 2023") dates a step of the change.
    const isDatedStep = /\b(?:in|by|on|at|until|till)\s+(?:\p{Lu}\p{Ll}+\s+)?\d{4}\b/u.test(later?.[1] ?? "");
    if (later && !isDatedStep && !STEP_WORDS.test(later[1]!) && !CHANGE_VERB.test(later[1]!) && !isYearFigure(later[2]!, later[3]!)) {
      const key = unitKey(pairUnit);
      if (!key || key === unitKey(later[3]!)) return true;
    }
    const lead = before.slice(0, from.index);
    return BAND_WORDS.test(lead) && !CHANGE_VERB.test(lead);
  }
  if (new RegExp(String.raw`(?:^|\s)${APPROX}${CUR}?$`).test(before) && new RegExp(String.raw`^\s*(?:per\s*cent|%)?\s*(?:to|–)\s*${APPROX}${NUMBER}\s*(?:per\s*cent|%)`, "i").test(after)) return true;
  // "inflation of 2 to _____ per cent", "about 9 to _____ per cent": the second end of a bare range (no "from": a change
  // says where it starts).
  if (new RegExp(String.raw`(?:^|[\s(])${APPROX}${NUMBER}\s*(?:per\s*cent|%)?\s*(?:to|–)\s*${CUR}?$`, "i").test(before) && !new RegExp(String.raw`\bfrom\s+${APPROX}${NUMBER}\s*(?:per\s*cent|%)?\s*(?:to|–)\s*${CUR}?$`, "i").test(before) && /^\s*(?:per\s*cent|%)/i.test(after)) return true;
  return false;
}

/**
 * Words that make the figure after them a bound, not a value: "over", "more than", "at least", "up to", "fewer than",
 * "exceeded", "crossed"… — but not "over" as a verb's particle ("handed over 20 tanks", "spread over 3,000 km²").
 */
const FIGURE_BOUND_BEFORE = /(?:(?<!\b(?:hand(?:s|ed)?|t(?:ake|akes|ook|aken)|spread(?:s)?|presid(?:e|es|ed)|w(?:in|ins|on)|turn(?:s|ed)?|pass(?:es|ed)?|rul(?:e|es|ed)|watch(?:es|ed)?|h(?:eld|old|olds)|carr(?:y|ies|ied))\s)\bover|\b(?:above|exceed(?:s|ed|ing)?|cross(?:es|ed|ing)?|surpass(?:es|ed|ing)?|topp(?:ed|ing)|more than|greater than|at least|upwards of|in excess of|no (?:fewer|less) than|not less than|under|below|less than|fewer than|up to|at most|no more than|not more than|as (?:many|much|few|little) as))\s+(?:[$€£₹¥]|Rs\.?\s?|US\$\s?|USD\s|INR\s)?$/i;
/**
 * …and after it, with up to two words of unit between: "5,000 or more", "18 years and above", "10 million-plus". Not
 * "and more than 300 colleges" or ", and over 40 per cent": those open the next figure's clause.
 */
const FIGURE_BOUND_AFTER = /^(?:(?:\s+[a-z][\w-]*){0,2}\s+(?:or\s+(?:more|above|over|less|fewer|below|under|upwards)|and\s+(?:above|over|upwards|below|under))\b(?!\s*(?:than\b|[$€£₹¥\d]|Rs\b|US\$))|-?plus\b|\+)/i;

/**
 * Does the sentence state a state that held for years ("X was the leader of …", "X served as president of …", "X was
 * India's most powerful …") rather than an event? Not "was the first/second … to", "was the venue/host/site of", a
 * passive ("was founded"), or a copula inside a relative clause ("the treaty that was a response … was signed").
 */
export function statesAState(sentence: string): boolean {
  const main = sentence.split(/\b(?:that|which|who|whom|whose)\b/)[0]!;
  return /\b(?:(?:was|were|is|are)\s+(?:(?:the|a|an)\s+|\p{Lu}[\p{L}\p{M}'’-]*['’]s\s+)?|served\s+as\s+|remained\s+|held\s+the\s+(?:post|office)\s+of\s+)(?!(?:first|second|third|fourth|fifth|last|only|youngest|oldest|\d+(?:st|nd|rd|th))\b)(?:leader|head|president|chairman|chair|chief|member|capital|ruler|king|queen|governor|viceroy|prime minister|minister|premier|secretary|speaker|editor|principal|most\s+\p{L}+|largest|biggest|main|major|centre|center|seat)\b/iu.test(main);
}

/**
 * "after 1765", "in 1526", "Regulation VII of 1799", "from 1325 to 1351", "dated to 1485": for a figure that is a year
 * before 1900, which the date reader leaves to the figures, the preposition before it (or "to", "and" after another
 * year; "" when none), else undefined. Not a count the word after it counts ("an army of 1200 cavalry", "in 1500
 * villages").
 */
function oldYearPreposition(pm: ProcessedMaterial, n: ProcessedMaterial["numbers"][number]): string | undefined {
  if (n.unit !== "count" || !/^1[0-8]\d{2}$/.test(n.figure)) return undefined;
  const figureStart = n.end - n.figure.length;
  const sentence = pm.sentences[n.sentenceIndex];
  if (!sentence) return undefined;
  const next = sentence.tokens.find((t) => t.start >= n.end);
  const nextWord = next ? pm.material.text.slice(next.start, next.end) : "";
  // A count the next word counts ("1200 cavalry", "1200 MW", "1150 °C"), or an era ("1500 BCE", which other years of
  // the common era would be offered beside). (A word in -ed after it is the verb the tagger may read as a noun: "of
  // 1799 empowered landlords".)
  if (/^(?:BCE|BC|B\.C\.?|B\.C\.E\.?|[A-Z]{1,3}W|[A-Z]{1,2}|°.*|%)$/.test(nextWord) && !/^(?:CE|AD|A\.D\.?)$/.test(nextWord)) return undefined;
  if (next && (next.pos === "NOUN" || next.pos === "PROPN") && /^[a-z]/.test(nextWord) && !/ed$/.test(nextWord)) return undefined;
  const before = pm.material.text.slice(Math.max(sentence.start, figureStart - 24), figureStart);
  // "rose from 1100 to 1650", "fell by 1200", "rose over the century from 1100 to 1650": a change of a count, not a
  // year — told by the verb shortly before the figure (three words at most between, none of them a clause's edge: a
  // comma, "and", "but", "which"…), not by one anywhere earlier in the sentence ("It grew out of a small principality…,
  // survived a long war between 1681 and 1707" names years); "from" only as one end of a change ("declined rapidly from
  // 1707" names a year), and "by" not after "had"/"has"/"have" ("had declined by 1750" names a deadline). ("The empire
  // grew steadily from 1556 to 1605" reads as a change of a count too: the words alone do not tell them apart.)
  const lead = pm.material.text.slice(Math.max(sentence.start, figureStart - 80), figureStart);
  const change = /\b(had\s+|has\s+|have\s+)?(?:rose|fell|grew|increased|decreased|declined|dropped|climbed|jumped|doubled|went up|went down|risen|fallen|grown)\s+(?:(?!(?:and|but|or|which|who|that|when|while)\b)[a-z]+\s+){0,3}?(from|to|by)\s+(1[0-8]\d{2}\s*(?:to|–|-)\s*)?$/.exec(lead);
  if (change && !(change[2] === "by" && change[1])) {
    const from = change[2] === "from" && !change[3];
    if (!from || /^\s*(?:to|–|-)\s*\d/.test(pm.material.text.slice(n.end, Math.min(sentence.end, n.end + 12)))) return undefined;
  }
  const span = /\b1[0-8]\d{2}\s*(to|and|–|-)\s*$/i.exec(before)?.[1];
  if (span) return span.toLowerCase();
  // A figure of four digits with no comma and no noun after it is a year whatever comes before it ("dated to 1485"):
  // a count that large is written "1,485".
  return /\b(in|of|since|after|before|until|till|by|from|during|around|circa|c\.)\s+$/i.exec(before)?.[1]?.toLowerCase() ?? "";
}

/** A word that numbers what it names ("Article", "Section", "Paragraph"), right before a figure. */
const DESIGNATED_NUMBER_BEFORE = /\b(?:Articles?|Sections?|Paragraphs?|Schedules?|Parts?|Clauses?|Rules?|Entry|Entries|Regulations?|Chapters?|Amendments?)\s+$/;

/** Which of `blank-words.json` sameBodies a name is, by its lower-case form ("central government" → 0). */
const SAME_BODY = new Map<string, number>(blankWords.sameBodies.flatMap((names, i) => names.map((n) => [n.toLowerCase(), i] as const)));
/** Do two names name one body ("Government of India", "Central Government")? */
function sameBody(a: string, b: string): boolean {
  const x = SAME_BODY.get(a.replace(/^the\s+/i, "").toLowerCase());
  return x !== undefined && x === SAME_BODY.get(b.replace(/^the\s+/i, "").toLowerCase());
}

/** One-word names no blank asks for (`blank-words.json`): bare heads of names, words several names share, eras. */
// A kind word alone ("the _____ stresses recharge" → Mission, "the _____ helped raise money" → Bank) is the short name of
// some body the item does not say, not a name to learn (`reference-words.json` namedKinds).
// A numbered designation's word alone ("The _____ provides…" → Article) is half a name: its number is the fact, asked as
// a figure where the text gives it ("Article _____").
const UNASKED_WORDS = new Set([...blankWords.bareHeads, ...blankWords.sharedReferents, ...blankWords.eraMarkers, ...referenceWords.namedKinds, ...referenceWords.numberedDesignations, ...referenceWords.numberedDesignations.map((w) => `${w}s`)]);

const wordsPattern = (words: string[]) => words.map((w) => escapeRegExp(w).replace(/\s+/g, String.raw`\s+`)).join("|");
/** "heads the _____", "is in charge of the _____": the body a blank names has someone over it. */
const HEADED_BEFORE = new RegExp(String.raw`\b(?:${wordsPattern(answerWords.headingWords)})\s+(?:the\s+)?$`, "i");
/** "_____, headed by …", "_____ is led by …": the body after which the blank's head is named. */
const HEADED_AFTER = new RegExp(String.raw`^\s*,?\s*(?:which\s+is\s+|is\s+|was\s+)?(?:headed|led|chaired|presided\s+over)\s+by\b`, "i");
/** "conducted by the _____", "under the _____": the blank is the agent or authority of what the sentence tells. */
const AGENT_BEFORE = /\b(?:by|under)\s+(?:the\s+)?$/i;
/** "while", "whereas": two names of one kind set against each other, clause against clause, in one sentence. */
const CONTRAST_MARKER = new RegExp(String.raw`(?<![\p{L}])(?:${wordsPattern(answerWords.contrastMarkers)})(?![\p{L}])`, "giu");
/** "The largest cluster is in _____", "the second hub": a ranking tells one of a kind from the others. */
const RANKING = /\b(?:largest|biggest|smallest|main|chief|principal|first|second|third|only|most|least|oldest|newest|\w+est)\b/i;
/** "via _____", "in _____": a place where something goes or is. */
const LOCATIVE_BEFORE = new RegExp(String.raw`\b(?:${wordsPattern(answerWords.locativeBefore)})\s+(?:the\s+)?$`, "i");

/** A capitalised plural of a noun naming a person ("Governors", "Justices", "Presidents"): a title of several people. */
function isPluralTitle(word: string): boolean {
  const m = /^(\p{Lu}\p{Ll}+?)(?:e?s)$/u.exec(word);
  if (!m) return false;
  const singular = word.endsWith("es") && !namesAPerson(word.slice(0, -1).toLowerCase()) ? m[1]! : word.slice(0, -1);
  return namesAPerson(singular.toLowerCase());
}

/**
 * Bodies the material says someone heads ("The office heads the Audit Department", "the Commission, headed by …"): where
 * such a body is the agent ("the audit conducted by the _____") its head is as right an answer as the body.
 */
function headedBodies(pm: ProcessedMaterial, key: (name: string) => string): Set<string> {
  const out = new Set<string>();
  const text = pm.material.text;
  for (const e of pm.entities) {
    if (e.kind !== "organization") continue;
    for (const m of e.mentions) {
      const sentence = pm.sentences[m.sentenceIndex];
      if (!sentence) continue;
      const before = text.slice(Math.max(sentence.start, m.start - 40), m.start);
      // ("the High Level Committee on restructuring the FCI, chaired by …": a name inside another's phrase is not the one
      // the participle describes.)
      const isInsidePhrase = /\b(?:of|on|for|in|to|at|by|with|from|about|\p{Ll}+ing)\s+(?:the\s+)?$/u.test(before);
      if (HEADED_BEFORE.test(before) || (!isInsidePhrase && HEADED_AFTER.test(text.slice(m.end, Math.min(sentence.end, m.end + 40))))) out.add(key(e.name));
    }
  }
  return out;
}

/**
 * Pairs of names of one kind a sentence sets against each other, clause against clause ("Traffic landing in X flows
 * west, while Y serves East Asia"): each key → the keys it is contrasted with. The pair is the name that opens the
 * contrasting clause (right after "while", "whereas") and the first name of its kind before the marker. A statement on
 * one that names neither could be told of the other.
 */
function contrastedNames(pm: ProcessedMaterial, key: (name: string) => string): Map<string, Array<{ rival: string; sentenceIndex: number }>> {
  const out = new Map<string, Array<{ rival: string; sentenceIndex: number }>>();
  const bySentence = new Map<number, Array<{ key: string; kind: string; start: number; end: number }>>();
  for (const e of pm.entities) {
    if (e.kind !== "place" && e.kind !== "organization" && e.kind !== "person") continue;
    for (const m of e.mentions) {
      const list = bySentence.get(m.sentenceIndex) ?? [];
      list.push({ key: key(e.name), kind: e.kind, start: m.start, end: m.end });
      bySentence.set(m.sentenceIndex, list);
    }
  }
  for (const [index, names] of bySentence) {
    const sentence = pm.sentences[index];
    if (!sentence || names.length < 2) continue;
    names.sort((a, b) => a.start - b.start);
    for (const marker of sentence.text.matchAll(CONTRAST_MARKER)) {
      const at = sentence.start + marker.index + marker[0].length;
      // The contrasting clause opens on the name: "while Chennai serves…", "whereas the Deccan…".
      // (Not a name that only modifies the clause's noun: "while the Mathura tradition fed…".)
      const opener = names.find((n) => n.start >= at && /^\s*(?:the\s+)?$/i.test(pm.material.text.slice(at, n.start)));
      const next = opener && sentence.tokens.find((t) => t.start >= opener.end);
      if (!opener || !next || next.pos === "NOUN" || next.pos === "PROPN") continue;
      const counterpart = names.find((n) => n.start < at && n.kind === opener.kind && n.key !== opener.key);
      if (!counterpart) continue;
      for (const [x, y] of [[opener.key, counterpart.key], [counterpart.key, opener.key]] as const) {
        const list = out.get(x) ?? [];
        list.push({ rival: y, sentenceIndex: index });
        out.set(x, list);
      }
    }
  }
  return out;
}

const TYPE_PRIORITY: Record<SlotType, number> = { number: 0, term: 1, year: 2, person: 3, actor: 4, place: 5 };

/** The sentence as a learner sees it, with the slot replaced by a blank; null if it would leak. */
export function blankedText(slot: Slot, blank = "_____"): string | null {
  const { sentence } = slot.ref;
  const raw = sentence.text.slice(0, slot.start - sentence.start) + blank + sentence.text.slice(slot.end - sentence.start);
  const read = inContext(raw, slot.ref.pm, sentence);
  // "The Act established a _____" → "The Government of India Act, 1935 established a _____" (`namingSubject`).
  const text = read && namingSubject(read, slot.ref.pm, sentence);
  if (!text || !text.includes(blank)) return null;
  // The answer must not remain visible elsewhere in the sentence.
  const rest = text.replace(blank, " ");
  if (slot.type === "year" && rest.includes(slot.answer)) return null;
  if (slot.type === "number" && rest.includes(slot.answer)) return null;
  if (slot.key) {
    const re = new RegExp(`\\b${escapeRegExp(slot.answer)}\\b`, "i");
    if (re.test(rest)) return null;
  }
  return text;
}

/**
 * Is the slot what its clause denies ("The Court had not abolished Article _____", "Clive chose not to annex _____")? Other
 * values fit the statement as well (he annexed no other kingdom either), so a swapped one makes no false statement and a
 * choice of them has several right answers. Not a value a denial waits for ("did not ratify the convention until _____",
 * "was not set up before _____"): that one is asserted.
 */
/** "the 42nd Amendment Act of", "Constitution (Seventy-third Amendment) Act, ", "86th Amendment Act, ": a year follows. */
const NUMBERED_AMENDMENT_ACT = /\b(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+(?:-[a-z]+)?(?:st|nd|rd|th))\s+Amendment\)?\s+Act(?:,|\s+of)?\s*$/;

function isDenied(slot: Slot): boolean {
  const { sentence } = slot.ref;
  const before = sentence.text.slice(0, slot.start - sentence.start);
  const clause = before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":")) + 1);
  const denial = /\b(?:not|never|no|neither|nor|none|without)\b|n['’]t\b/gi;
  let last = -1;
  for (const m of clause.matchAll(denial)) last = m.index + m[0].length;
  return last >= 0 && !/\b(?:until|till|before|after|since|unless|but|only|except|than|when|while|because|although|though|as)\b/i.test(clause.slice(last));
}

/**
 * Every askable fact in standalone sentences, ordered by sentence and priority (figures first).
 * Quoted speech, vague word numbers and entities without a known kind are skipped.
 */
export function collectSlots(corpus: Corpus): Slot[] {
  const slots: Slot[] = [];
  // Entities named in a large share of sentences are the topic itself ("Pakistan", "Taliban"):
  // blanking them tests nothing, so they are not asked for.
  const sentenceCount = Math.max(1, corpus.refs.length);
  const topicKeys = new Set<string>();
  for (const [term, refs] of corpus.byTerm) if (term.startsWith("@") && refs.length >= Math.max(4, sentenceCount * 0.08)) topicKeys.add(term.slice(1));
  const refByMaterialSentence = new Map<string, SentenceRef>();
  for (const ref of corpus.refs) refByMaterialSentence.set(`${ref.pm.material.id}#${ref.sentence.index}`, ref);
  const refOf = (pm: ProcessedMaterial, s: Sentence | number) => refByMaterialSentence.get(`${pm.material.id}#${typeof s === "number" ? s : s.index}`);
  for (const pm of corpus.materials) {
    const home = homeCountryKey(corpus, pm);
    const aliasKey = (name: string) => corpus.aliases.key(name);
    const headed = headedBodies(pm, aliasKey);
    const contrasted = contrastedNames(pm, aliasKey);
    const quoted = pm.quotes.map((q) => [q.start, q.end] as const);
    const inQuote = (a: number, b: number) => quoted.some(([s, e]) => a >= s && b <= e);
    // An opinion is true for its writer, not a fact to test; an order ("Gradually tighten the targets…" under "Way
    // forward") is advice with no subject, and no blank in it has a single answer. (A target — "Targets: Reduce the toll
    // to 5 per cent by 2030" — is a fact about a scheme, `isOrder`; a recommendation cue drops only its own clause, below.)
    const standalone = new Set(pm.sentences.filter((s) => isStandalone(s, pm, { subjectPronouns: true }) && !OPINION.test(s.text) && !isOrder(pm, s)).map((s) => s.index));
    for (const n of pm.numbers) {
      if (!standalone.has(n.sentenceIndex) || inQuote(n.start, n.end) || !/\d/.test(n.figure)) continue;
      if (n.unit === "count" && n.value < 2) continue;
      // A person's age is trivia, not a fact to learn (`isAge`); half of a ratio ("on a 90:_____ basis") is half a fact,
      // and its other half gives it away.
      if (isAge(pm, n) || isRatioPart(pm, n)) continue;
      const ref = refOf(pm, n.sentenceIndex);
      if (!ref) continue;
      const figureStart = n.end - n.figure.length;
      if (pm.material.text.slice(figureStart, n.end) !== n.figure) continue;
      // "between _____ and 4.5 per cent", "from 2 to _____": one end of a range is half a fact, and the other end gives it away.
      if (isRangeEnd(pm.material.text.slice(Math.max(ref.sentence.start, figureStart - 40), figureStart), pm.material.text.slice(n.end, Math.min(ref.sentence.end, n.end + 100)), n.figure)) continue;
      // "a cut of 25 basis points reduces a rate from _____ to 5.00 per cent", "doubled from 40 to _____": the other figures
      // and the relation the sentence states give the blank by arithmetic.
      if (followsFromOtherFigures(pm.material.text.slice(ref.sentence.start, figureStart), n.figure, pm.material.text.slice(n.end, ref.sentence.end))) continue;
      // "Something over _____ (30 million) people": a bracket that gives the figure in other units prints the answer.
      // (With the unit between the figure and the bracket: "3,583 m (11,755 ft)", "80 million litres (21 million gallons)".)
      const tail = pm.material.text.slice(n.end, ref.sentence.end);
      const figureAside = asideAfterBlank(tail);
      if (figureAside && restatesFigure(n.figure, figureAside)) continue;
      const unitWords = /^\s+[\p{L}²]+(?:\s+[\p{L}²]+){0,2}(?=\s*\()/u.exec(tail)?.[0];
      const unitAside = unitWords ? asideAfterBlank(tail.slice(unitWords.length)) : null;
      if (unitAside && restatesFigure(`${n.figure}${unitWords}`, unitAside)) continue;
      // "Over 2.5 million", "fewer than 40", "5,000 or more": a bound holds for every figure on one side of it
      // ("over 1 million" is true too), so a swapped figure may not be false: a cloze, never a choice or true/false.
      const isOpenRange = FIGURE_BOUND_BEFORE.test(pm.material.text.slice(Math.max(ref.sentence.start, figureStart - 24), figureStart)) || FIGURE_BOUND_AFTER.test(pm.material.text.slice(n.end, Math.min(ref.sentence.end, n.end + 40)));
      // A year before 1900 (`oldYearPreposition`) is asked as a year — other years as its options, a bound after "since"
      // or "after" — never as a count that a swap may turn into "after 1792" or double.
      const yearPrep = oldYearPreposition(pm, n);
      if (yearPrep !== undefined) {
        const isBound = /^(?:before|after|since|until|till|by|from)$/.test(yearPrep) || /^\s*(?:and|or) (?:earlier|later|before|after)|^\s*onwards/i.test(pm.material.text.slice(n.end, n.end + 16));
        slots.push({ ref, type: "year", start: figureStart, end: n.end, answer: n.figure, value: n.value, ...(isBound ? { isOpenRange: true } : {}) });
        continue;
      }
      slots.push({ ref, type: "number", start: figureStart, end: n.end, answer: n.figure, value: n.value, unit: n.unit, ...(n.subject ? { subject: n.subject } : {}), ...(isOpenRange ? { isOpenRange } : {}) });
    }
    for (const e of pm.events) {
      if (!standalone.has(e.sentenceIndex) || inQuote(e.start, e.end)) continue;
      const ref = refOf(pm, e.sentenceIndex);
      if (!ref) continue;
      // "Prior to 2020" / "since 2022" also hold for neighbouring years: fine for a cloze, not for a choice.
      const prep = /(\w+(?: to)?)\s+$/.exec(pm.material.text.slice(Math.max(0, e.start - 12), e.start))?.[1]?.toLowerCase();
      const after = pm.material.text.slice(e.end, e.end + 16).toLowerCase();
      const isOpenRange = (!!prep && /^(?:prior to|before|after|since|until|till|by|from)$/.test(prep)) || /^\s*(?:and|or) (?:earlier|later|before|after)|^\s*onwards/.test(after);
      // "Prior to _____", "after _____", "_____ or earlier": any earlier (or later) year fits the blank too, so it is no
      // blank at all. "Since _____", "by _____" (a target), "until _____" (an end) name one year, and stay as a cloze, never a choice.
      if ((!!prep && /^(?:prior to|before|after)$/.test(prep)) || /^\s*(?:and|or) (?:earlier|later|before|after)/.test(after)) continue;
      // "In _____, Gandhi was the leader of the Congress": a state that held for years has no one year.
      if (statesAState(pm.material.text.slice(ref.sentence.start, ref.sentence.end))) continue;
      // The year is the fact; a month or day beside it is not asked ("June _____", never "_____ 1974").
      const yearAt = e.isFiscal ? -1 : pm.material.text.slice(e.start, e.end).lastIndexOf(String(e.year));
      const start = yearAt > 0 ? e.start + yearAt : e.start;
      // "the Representation of the People Act, _____": a year inside a law's name is part of the name.
      // A numbered amendment's year is when it was made, the fact a teacher asks ("the 42nd Amendment Act of _____"): the
      // amendment is known by its number.
      const lawBefore = pm.material.text.slice(Math.max(0, start - 60), start);
      if (/\b(?:Act|Code|Rules|Regulations|Ordinance|Order)(?:,|\s+of)?\s*$/.test(lawBefore.slice(-20)) && !NUMBERED_AMENDMENT_ACT.test(lawBefore)) continue;
      // "A UN report from July _____": the date of a report is trivia, its finding is the fact.
      if (/\b(?:report|survey|study|data|paper|statement|estimate)s?\s+(?:(?:of|from|in|published in|released in|dated)\s+)?(?:\w+\s+)?$/i.test(pm.material.text.slice(Math.max(ref.sentence.start, e.start - 40), start)) || /^\s*(?:report|survey|study|data|estimates?)\b/i.test(pm.material.text.slice(e.end, e.end + 12))) continue;
      slots.push({ ref, type: "year", start, end: e.end, answer: pm.material.text.slice(start, e.end), value: e.year, ...(isOpenRange ? { isOpenRange } : {}) });
    }
    for (const entity of pm.entities) {
      const type = entitySlotType(entity.kind);
      if (!type) continue;
      // A person a report gives an age ("Shyamlal Kirar, 47, who grows wheat") is someone in the news, whose name is no
      // fact to learn.
      if (entity.kind === "person" && entity.mentions.some((m) => /^,\s+\d{1,3},/.test(pm.material.text.slice(m.end, m.end + 7)))) continue;
      for (const m of entity.mentions) {
        if (!standalone.has(m.sentenceIndex) || inQuote(m.start, m.end)) continue;
        const ref = refOf(pm, m.sentenceIndex);
        if (!ref) continue;
        const answer = pm.material.text.slice(m.start, m.end);
        const key = corpus.aliases.key(entity.name);
        // The material's own subject — the country it is about, or a name its title gives ("The National Green Tribunal: …"
        // is the NGT) — gives itself away as an answer ("The case for the _____ rests on…").
        if (key === home || namedInTitle(pm, entity)) continue;
        let slotType: SlotType = type;
        // "the author of the _____" (Nritta Ratnavali), "the Gathasaptashati, or _____": a name after "the", or another
        // name for the thing just named, is a work's or a thing's whatever it reads as — asked by a cloze card only, never
        // among people as options ("Which person completes the statement?" with a book for its answer).
        // (Not a person's other name, "Mohandas Gandhi, or Mahatma Gandhi": the name before ", or" must itself follow
        // "the". A person's name used before a noun, "the Indira Gandhi government", is asked by cloze too: "the Sardar
        // Sarovar project" reads the same and must not be offered among people.)
        if (type === "person" && /(?:\b[Tt]he|\bthe\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*,\s+or)\s+$/u.test(pm.material.text.slice(Math.max(ref.sentence.start, m.start - 60), m.start)) ) slotType = "term";
        if (topicKeys.has(key)) {
          // A main term of the material (a house, a treaty, a party) is asked as a term, unless it is the
          // material's own subject; a main person or place stays unasked (a give-away).
          if (!isTermName(corpus, pm, entity, answer)) continue;
          slotType = "term";
        }
        // "…, said _____, an analyst at …": a commentator's name is trivia, not a fact to learn.
        if (type === "person" && /^,?\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:analyst|expert|fellow|scholar|researcher|journalist|commentator|columnist|professor)\b/i.test(pm.material.text.slice(m.end, m.end + 60))) continue;
        // "…, an analyst at the _____": where a commentator works is trivia too.
        if (/\b(?:analyst|expert|fellow|scholar|researcher|journalist|commentator|columnist|professor|director|editor)\s+(?:at|with|of|for|from)\s+(?:the\s+)?$/i.test(pm.material.text.slice(Math.max(ref.sentence.start, m.start - 40), m.start))) continue;
        // "_____'s recently became": a possessive must own a noun; a source's slip is not a statement to learn.
        if (/^'s\b/.test(pm.material.text.slice(m.end, m.end + 3))) {
          const owned = ref.sentence.tokens.find((t) => t.start >= m.end + 3);
          if (owned && !/^(?:NOUN|PROPN|ADJ|NUM)$/.test(owned.pos)) continue;
        }
        if (type === "person" && /\b(?:said|says|told|according to|argues|wrote)\s+$/i.test(pm.material.text.slice(Math.max(ref.sentence.start, m.start - 20), m.start))) continue;
        // A bare surname ("said Dr Saikal") is a weak blank; the full name is asked where it appears.
        if (type === "person" && !/\s/.test(answer)) continue;
        // A people named by a plural or demonym ("Thousands of _____ joined him" → Indians) is a guess, not a fact.
        if (!/\s/.test(answer) && !isAcronym(answer) && isPeopleNoun(answer)) continue;
        // "a northern _____ port" → Sri Lankan: a demonym of two words (a place the material names, with its ending) is no
        // more a fact than one.
        if (/\s/.test(answer) && (isDemonym(answer) || pm.entities.some((p) => p.kind === "place" && answer.startsWith(p.name) && /^(?:n|an|ian|ese|i|ish)$/.test(answer.slice(p.name.length))))) continue;
        // "The _____' drinking water specification" (Bureau of Indian Standards'): a plural's possessive reads as a
        // fragment with the name gone, and any other name put in ("Department'") as a typo.
        // (A closing quote mark after a quoted name, "the 'Basin Water Agency' in 2009", is no possessive.)
        if (/s$/.test(answer) && /^['’](?![\p{L}])/u.test(pm.material.text.slice(m.end, m.end + 2)) && !/['‘]$/.test(pm.material.text.slice(Math.max(0, m.start - 1), m.start))) continue;
        // "_____ support" (Muslim), "_____ rule" (British): a one-word name used as a modifier is guessed from its noun, not learnt.
        if (!/\s/.test(answer) && !isAcronym(answer) && ref.sentence.tokens.find((t) => t.start >= m.end)?.pos === "NOUN" && /^\s+[a-z]/.test(pm.material.text.slice(m.end, m.end + 3))) continue;
        // A single-word, lower-information actor ("Taliban") makes a poor blank when it is a fragment of a name.
        if (/^[a-z]/.test(answer)) continue;
        // Part of a longer name ("The Prime _____", "The Special _____ (SPG)", "7, _____"): not a fact of its own.
        const textBefore = pm.material.text.slice(Math.max(ref.sentence.start, m.start - 40), m.start);
        const textAfter = pm.material.text.slice(m.end, Math.min(ref.sentence.end, m.end + 40));
        // A bare common head ("Committee", "Government") is a fragment of a name, not an answer; "the Centre", "the Crown"
        // are also "the Union government", "the British": several answers fit; "BCE" is an era, not a fact
        // (`blank-words.json`).
        if (UNASKED_WORDS.has(answer)) continue;
        if (answer.length < 2 || /(?:^|\s)(?!(?:The|A|An|In|On|At|By|For|Of|As|But|And|Under|With|From|To)\s)[A-Z][\w'-]*(?:'s)?\s$|\d,?\s$|-$|\b(?:Dr|Mr|Mrs|Ms|Prof|Lord|Sir|Sardar|Pandit|Maulana|Shri|Smt)\.?\s$/.test(textBefore)) continue;
        // "the Union Home Minister Y. B. Chavan": a name cut at an initial ("_____. B. Chavan"), either side of the cut.
        if ((/(?:^|\s)\p{Lu}$/u.test(answer) && /^\./.test(textAfter)) || /(?:^|\s)\p{Lu}\.\s*$/u.test(textBefore)) continue;
        // "specification _____ 10500" (IS 10500), "_____ 9001": an acronym before a number is a code's prefix, not a name.
        if (isAcronym(answer) && /^\s*\d/.test(textAfter)) continue;
        // "the _____ (Allocation of Business) Rules": a parenthesis inside a longer name.
        if (/^\s+[A-Z][a-z]|^\s*\([A-Z]{2,}|^\s*\([^)]*\)\s+[A-Z]|^-\w|^\s+(?:government|party|state)\b/.test(textAfter)) continue;
        // "the Appropriation Accounts of the Union and of every state": the name's "of" phrase is one of two the sentence
        // joins, so a blank on the name splits the pair ("the _____ and of every state").
        const ownPreposition = /\s(of|for|in|on|to)\s+(?:the\s+)?\S+$/.exec(answer)?.[1];
        if (ownPreposition && new RegExp(String.raw`^\s*,?\s*(?:and|or)\s+(?:also\s+)?${ownPreposition}\b`, "i").test(textAfter)) continue;
        // "Ex officio members have included _____ (2016-2018)" → "Governors Urjit Patel": a plural title read into the name
        // leaves the key garbled (a title of several people before one person's name).
        // ("Members of Parliament" is the title itself, and stays.)
        if (/^\S+\s+\p{Lu}/u.test(answer) && isPluralTitle(answer.split(/\s+/)[0]!)) continue;
        // "Arvind Gupta v. _____": the government as a party to a case is half of the case's name, which any case against
        // the government fits; the other party names the case ("_____ v. State of Kerala") and is asked.
        if ((/\b(?:v|vs|versus)\.?\s+$/.test(textBefore) || /^\s+(?:v|vs|versus)\.?\s/.test(textAfter)) && (CASE_GOVERNMENT_PARTY.test(answer) || isGovernment(answer))) continue;
        // "the audit conducted by the _____" where the material says another heads that body: the head fits too.
        if (type === "actor" && headed.has(key) && AGENT_BEFORE.test(textBefore)) continue;
        // "eastward via _____" where the material sets the place against another of its kind ("X …, while Y …") and the
        // statement names neither that other place nor the contrast: either could be meant.
        // (Only where the statement speaks of what the contrast is about — a word of its own, not a name, in both — and
        // names no rank that tells the one from the other: "The largest cluster is in _____".)
        const rivals = (contrasted.get(key) ?? []).filter((c) => {
          const other = refOf(pm, c.sentenceIndex);
          // (A word of a name is no word of the statement's own: "Deccan", "Tamil Nadu" are written in capitals.)
          const ownWord = (t: string) => !t.startsWith("@") && new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(t)}`, "u").test(ref.sentence.text);
          return !!other && other !== ref && [...ref.terms].some((t) => ownWord(t) && other.terms.has(t));
        });
        if (rivals.length && LOCATIVE_BEFORE.test(textBefore) && !RANKING.test(ref.sentence.text) && !rivals.some((r) => ref.terms.has(`@${r.rival}`))) continue;
        // "the National Council for _____, Protection and Management of River Ganga": a name that runs on past a comma
        // through capitalised words joined by "and" to an "of" (the rest of its title).
        // (And its tail read as a name of its own: "…for Rejuvenation, Protection and _____" → "Management of River Ganga".)
        if (/^,\s+\p{Lu}[\p{L}-]*(?:,\s+\p{Lu}[\p{L}-]*)*,?\s+and\s+\p{Lu}[\p{L}-]*\s+(?:of|for|on|in)\s+(?:the\s+)?\p{Lu}/u.test(pm.material.text.slice(m.end, ref.sentence.end))) continue;
        if (/\b(?:for|of)\s+\p{Lu}[\p{L}-]*(?:,\s+\p{Lu}[\p{L}-]*)+,?\s+and\s+$/u.test(textBefore)) continue;
        // "the _____ (Madhyadesha)" → Middle Country, "_____ (also called Parantaka II)": an aside beside the blank names it
        // another way. No blank here; another of the sentence's blanks may be asked instead.
        const aside = asideAfterBlank(pm.material.text.slice(m.end, ref.sentence.end));
        if (aside && glossesBlank(aside, answer)) continue;
        // "in terms of _____ emission intensity (GEI)" → GHG: the acronym beside the expansion spells the blanked word.
        if (spelledByAcronym(pm.material.text.slice(ref.sentence.start, m.start), answer, pm.material.text.slice(m.end, ref.sentence.end))) continue;
        // "As Chinese investment grows, _____ will…": the sentence names the answer another way.
        const rest = `${pm.material.text.slice(ref.sentence.start, m.start)} ${pm.material.text.slice(m.end, ref.sentence.end)}`;
        if (isAnswerGivenAway(rest, answer, corpus.aliases)) continue;
        const before = pm.material.text.slice(ref.sentence.start, m.start);
        const after = pm.material.text.slice(m.end, ref.sentence.end);
        // "For example, Gandhi led…" opens the sentence with an example of its own claim, not a list of names.
        const list = /^\W*(?:For (?:example|instance)|E\.g\.),?\s*$/i.test(before) ? null : examplesListAt(before);
        const isOpenList = OPEN_LIST_AFTER.test(after);
        const isOpenRange = !!list || isOpenList;
        // One named among others: an open list, or a list of examples that names more than this one ("such as Delhi and
        // _____", "including _____"). A lone example ("lawyers such as _____ brought the Ganga cases") is often the one
        // the subject is known by.
        const isOneOfSeveral = isOpenList || (!!list && (list.opener === "including" || list.opener === "among them" || list.membersBefore > 0 || ANOTHER_MEMBER_AFTER.test(after))) || isListedName(before, after) || isInsideToken(before, after);
        slots.push({ ref, type: slotType, start: m.start, end: m.end, answer, key, ...(isOpenRange ? { isOpenRange } : {}), ...(isOneOfSeveral ? { isOneOfSeveral } : {}) });
      }
    }
    slots.push(...termSlots(corpus, pm, standalone, refOf));
  }
  // "Demand will depend on the monsoon; the authority projects that it will reach 366 GW by 2032": a blank in the clause
  // that holds a recommendation cue with no source named is the writer's judgment; the other clause is a fact.
  const inJudgment = (slot: Slot) => recommendationClauses(slot.ref.sentence.text).some(([a, b]) => slot.start - slot.ref.sentence.start >= a && slot.start - slot.ref.sentence.start < b);
  for (let i = slots.length - 1; i >= 0; i--) if (inJudgment(slots[i]!)) slots.splice(i, 1);
  // What a clause denies is open as a range is: the cloze still asks for it, nothing offers other values for it.
  for (const slot of slots) if (!slot.isOpenRange && isDenied(slot)) slot.isOpenRange = true;
  // "In April 2025, after an attack near Pahalgam, the _____ announced that it would hold the treaty in abeyance" →
  // Government of India: the executive as a whole is the actor a learner guesses without studying (as "the Centre" is,
  // `blank-words.json`), while the fact stays in the statement. Where the sentence offers another blank, that one is
  // asked; where it offers none, the item stays, scored low (`quality.ts`), so a short material keeps its volume.
  const sentencesWithOther = new Set(slots.filter((s) => !(s.key && isGovernment(s.answer))).map((s) => `${s.ref.pm.material.id}#${s.ref.sentence.index}`));
  const asked = slots.filter((s) => !(s.key && isGovernment(s.answer) && sentencesWithOther.has(`${s.ref.pm.material.id}#${s.ref.sentence.index}`)));
  return asked.sort(
    (a, b) =>
      a.ref.pm.material.id.localeCompare(b.ref.pm.material.id) ||
      a.ref.sentence.index - b.ref.sentence.index ||
      TYPE_PRIORITY[a.type] - TYPE_PRIORITY[b.type] ||
      a.start - b.start,
  );
}

/** True for a name that can be asked as a term: not a person, not a real place, not the material's own subject. */
function isTermName(corpus: Corpus, pm: ProcessedMaterial, entity: ProcessedMaterial["entities"][number], answer: string): boolean {
  if (entity.kind === "person" || (entity.kind === "place" && nameSubtype(entity.name) !== "other")) return false;
  if (!/\s/.test(answer) && !isAcronym(answer.replace(/s$/, ""))) return false;
  if (!/\s/.test(answer) && !isAcronym(answer.replace(/s$/, "")) && (isPeopleNoun(answer) || isAdjectiveWord(answer))) return false;
  const named = corpus.byTerm.get(`@${corpus.aliases.key(entity.name)}`)?.length ?? 0;
  return named <= corpus.refs.length * TERM_TOPIC_SHARE && !pm.material.title.toLowerCase().includes(answer.toLowerCase());
}

/** Does the material's title name the entity, by any of its names ("The National Green Tribunal: …" names the NGT)? */
function namedInTitle(pm: ProcessedMaterial, entity: ProcessedMaterial["entities"][number]): boolean {
  const normal = (t: string) => t.normalize("NFC").replace(/[’‘]/g, "'");
  const title = normal(pm.material.title);
  // A stand-in title — the first sentence's opening words, for a text with no heading — names no subject.
  const opening = normal(pm.sentences[0]?.text ?? "");
  if (opening && opening.startsWith(title.replace(/(?:\.{3}|…)$/, ""))) return false;
  return [entity.name, ...entity.aliases].some((raw) => {
    const n = normal(raw);
    // An acronym is matched as written: "WHO" is not the "Who" of "Who pays for clean water?".
    const isAcronymName = /^[\p{Lu}\d&.-]+$/u.test(n);
    if (n.length < 2 || (n.length === 2 && !isAcronymName)) return false;
    const named = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(n)}(?![\p{L}\p{N}])`, isAcronymName ? "gu" : "giu");
    return [...title.matchAll(named)].some((m) => !saysWhereNewsHappened(title, entity, m.index, m[0].length));
  });
}

/**
 * A place a headline names at the end of its clause, after "in", says where the news happened, not what the material is
 * about ("Why a cable cut in the Red Sea slowed your internet in Mumbai", "Heat Insurance Pays Out to … Workers in
 * Rajasthan: …"): it may be asked. In a title that names a subject ("Panchayati Raj in India", "The Green Revolution in
 * Punjab") the place is the whole material's scope, and stays unasked.
 */
function saysWhereNewsHappened(title: string, entity: ProcessedMaterial["entities"][number], at: number, length: number): boolean {
  if (entity.kind !== "place" || !/(?:^|\s)in\s+(?:the\s+)?$/i.test(title.slice(0, at))) return false;
  const closes = /^\s*(?:$|[:;?!,(–—]|\s[-–—]\s)/.exec(title.slice(at + length));
  if (!closes) return false;
  const partStart = Math.max(...[":", ";", " – ", " — ", " - "].map((mark) => { const i = title.lastIndexOf(mark, at); return i < 0 ? 0 : i + mark.length; }));
  return readsAsNewsClause(title.slice(partStart, at + length));
}

/**
 * A title's part that tells news as a clause: six words or more, with a verb (read in small letters, since title case
 * makes every word look like a name) that is not its first word nor joined by "and"/"or" to a noun ("Why a Cable Cut in
 * the Red Sea Slowed Your Internet in Mumbai", "Heat Insurance Pays Out to 24,600 Women Workers in Rajasthan"); not a
 * subject's name for itself ("Floods in Assam", "How the Internet Works in Mumbai", "Cyclones and Floods in Coastal Odisha").
 */
function readsAsNewsClause(part: string): boolean {
  const words = part.trim().split(/\s+/);
  if (words.length < 6 || !isHeadline(part)) return false;
  const terms = taggedTerms(part.toLowerCase());
  // (After a question word the news is a past event — "Why a cable cut… slowed…"; "How the Internet Works in Mumbai"
  // explains a subject.)
  const verbTag = /^(?:how|what|why|when|where|who|which)\b/i.test(part.trim()) ? "PastTense" : "Verb";
  return terms.some((t, i) => i > 0 && t.tags.includes(verbTag) && !/^(?:in|of|and|or|to|for|&)$/.test(t.text) && !/^(?:and|or|&)$/.test(terms[i - 1]!.text));
}

/**
 * The country a material is about: the country it mentions most, when that is at least twice the next. Asking it
 * ("Performance audit developed in _____ from the 1960s", "_____'s framework for river disputes") gives itself away.
 */
function homeCountryKey(corpus: Corpus, pm: ProcessedMaterial): string | null {
  const counts = pm.entities
    .filter((e) => e.kind === "place" && nameSubtype(e.name) === "country")
    .map((e) => ({ key: corpus.aliases.key(e.name), n: e.mentions.length }))
    .sort((a, b) => b.n - a.n);
  const [first, second] = counts;
  return first && first.n >= 3 && first.n >= 2 * (second?.n ?? 0) ? first.key : null;
}

/** At least this many sentences name a term before a statement about it is asked as "which term?". */
const TERM_MIN_SENTENCES = 3;
/** A term named in more than this share of the material's sentences is the material's own subject. */
const TERM_TOPIC_SHARE = 0.25;

/**
 * Term slots: the name of the concept a sentence is about, when the sentence opens with it as its
 * subject ("_____ are transitional replacements…", "Unlike X, most _____ are broken down…") and the
 * material keeps using it (a treaty, an institution, a doctrine, a class of substances). Unlike the
 * other name slots, the material's own main terms are asked here: a statement that characterises
 * one of several related terms tests which one it is. The material's other terms of the same shape
 * (an abbreviation for an abbreviation, a plural for a plural) are its distractors.
 */
function termSlots(corpus: Corpus, pm: ProcessedMaterial, standalone: Set<number>, refOf: (pm: ProcessedMaterial, s: Sentence | number) => SentenceRef | undefined): Slot[] {
  const out: Slot[] = [];
  const surface = new Map<string, string>();
  const addName = (name: string, key: string) => {
    const n = name.replace(/^the\s+/i, "").trim();
    if (n.length >= 2 && /^[A-Z]/.test(n) && !surface.has(n)) surface.set(n, key);
  };
  for (const e of pm.entities) {
    // A named place is asked as a place; a body the reader typed as a place ("Lok Sabha") is a term.
    if (e.kind === "person" || (e.kind === "place" && nameSubtype(e.name) !== "other")) continue;
    const key = corpus.aliases.key(e.name);
    for (const n of [e.name, ...e.aliases]) addName(n, key);
  }
  for (const a of pm.acronyms) addName(a.short, corpus.aliases.key(a.short));
  if (!surface.size) return out;
  const names = [...surface.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // The subject opens the sentence, or follows one leading phrase ("Like CFCs, ", "Unlike the CFCs, however, most ").
  const subject = new RegExp(`^((?:(?:[A-Z][^,;:"]{0,60},\\s+(?:however,\\s+)?)?(?:the\\s+|most\\s+|many\\s+|all\\s+)?))(${names.join("|")})(?:\\s+\\([^)]{1,60}\\))?\\s+(?=[a-z])`, "i");
  for (const s of pm.sentences) {
    if (!standalone.has(s.index)) continue;
    const m = subject.exec(s.text);
    if (!m) continue;
    const answer = m[2]!;
    // One ordinary word ("The Act allowed…", naming the Rowlatt Act) is a back-reference, not the term's name.
    if (!/\s/.test(answer) && !isAcronym(answer.replace(/s$/, ""))) continue;
    // A people ("the British") is not a term; a single word that is one is guessed, not learnt.
    if (!/^[A-Z]/.test(answer) || (!/\s/.test(answer) && !isAcronym(answer.replace(/s$/, "")) && (isPeopleNoun(answer) || isAdjectiveWord(answer)))) continue;
    // A leading phrase is an adverbial ("Like CFCs,", "Under the Act,"), never a clause of its own.
    const lead = s.tokens.filter((t) => t.start < s.start + m[1]!.length);
    if (lead.length && lead[0]!.pos !== "ADP" && !/^(?:Unlike|Like|Despite)$/i.test(s.text.slice(lead[0]!.start - s.start, lead[0]!.end - s.start)) && lead.some((t) => t.pos === "AUX" || (t.pos === "VERB" && !/(?:ed|en|ing)$/.test(s.text.slice(t.start - s.start, t.end - s.start))))) continue;
    const key = surface.get(answer) ?? corpus.aliases.key(answer);
    // A term the material keeps using: a passing name is not a concept to learn.
    const named = corpus.byTerm.get(`@${key}`)?.length ?? 0;
    if (named < TERM_MIN_SENTENCES) continue;
    // A term in more than a quarter of all sentences is what the whole material is about: its blank is a give-away.
    if (named > corpus.refs.length * TERM_TOPIC_SHARE) continue;
    // The term the title names, by any of its names, is the whole text's subject: "_____ is…" in a text about it gives
    // itself away ("The _____ did not arise in a vacuum" → NGT, in "The National Green Tribunal: …").
    const entity = pm.entities.find((e) => corpus.aliases.key(e.name) === key);
    if (pm.material.title.toLowerCase().includes(answer.toLowerCase()) || (entity && namedInTitle(pm, entity))) continue;
    const start = s.start + m[1]!.length;
    const end = start + answer.length;
    if (pm.material.text.slice(start, end) !== answer) continue;
    // "The _____ Act, 1935 created…" (Government of India): a name that runs on in capitals is part of a longer one; the
    // government itself is no term to ask (`isGovernment`).
    if (/^\s+(?:\([^)]{1,60}\)\s+)?\p{Lu}/u.test(s.text.slice(m[1]!.length + answer.length)) || isGovernment(answer)) continue;
    // A verb must follow the subject ("HFCs replaced…", "HCFCs are…"), not more of a noun phrase.
    const next = s.tokens.find((t) => t.start >= s.start + m[0].length);
    if (!next || !/^(?:VERB|AUX)$/.test(next.pos)) continue;
    const ref = refOf(pm, s);
    if (!ref) continue;
    const aside = asideAfterBlank(pm.material.text.slice(end, s.end));
    if (aside && glossesBlank(aside, answer)) continue;
    if (spelledByAcronym(pm.material.text.slice(s.start, start), answer, pm.material.text.slice(end, s.end))) continue;
    const rest = `${pm.material.text.slice(s.start, start)} ${pm.material.text.slice(end, s.end)}`;
    if (isAnswerGivenAway(rest, answer, corpus.aliases)) continue;
    out.push({ ref, type: "term", start, end, answer, key });
  }
  return out;
}

/** Distractor candidates of the slot's type from the whole corpus, surface forms deduplicated. */
export interface DistractorPools {
  numbers: Map<string, Array<{ text: string; value: number }>>;
  years: Array<{ text: string; value: number }>;
  entities: Map<SlotType, Array<{ text: string; key: string; isAcronym: boolean }>>;
}

const personEndsCache = new WeakMap<ProcessedMaterial, Set<number>>();
/**
 * Is the figure a person's age: "aged 49", "nearing age 73", "40 years old", or a figure between commas right after a
 * person's name, as a news report gives it ("Shyamlal Kirar, 47, who grows wheat")?
 */
function isAge(pm: ProcessedMaterial, n: ProcessedMaterial["numbers"][number]): boolean {
  const text = pm.material.text;
  const figureStart = n.end - n.figure.length;
  if (/\b(?:aged?|ages)\s+(?:about\s+|around\s+|nearly\s+|over\s+)?$/i.test(text.slice(Math.max(0, n.start - 20), figureStart)) || /^\s*(?:years?|-year)[\s-]old\b/i.test(text.slice(n.end, n.end + 12))) return true;
  const comma = /,\s+$/.exec(text.slice(Math.max(0, figureStart - 3), figureStart));
  if (!comma || !/^\d{1,3}$/.test(n.figure) || !/^\s*,/.test(text.slice(n.end, n.end + 2))) return false;
  let personEnds = personEndsCache.get(pm);
  if (!personEnds) personEndsCache.set(pm, (personEnds = new Set(pm.entities.filter((e) => e.kind === "person").flatMap((e) => e.mentions.map((m) => m.end)))));
  return personEnds.has(figureStart - comma[0].length);
}

/** Is the figure one half of a ratio ("on a 90:10 basis", "a 3:2 split")? */
function isRatioPart(pm: ProcessedMaterial, n: ProcessedMaterial["numbers"][number]): boolean {
  const text = pm.material.text;
  const figureStart = n.end - n.figure.length;
  return /\d\s?:\s?$/.test(text.slice(Math.max(0, figureStart - 3), figureStart)) || /^\s?:\s?\d/.test(text.slice(n.end, n.end + 3));
}

export function buildPools(corpus: Corpus, slots: Slot[]): DistractorPools {
  const numbers = new Map<string, Array<{ text: string; value: number }>>();
  const years: Array<{ text: string; value: number }> = [];
  const seenNum = new Set<string>();
  const seenYear = new Set<string>();
  for (const pm of corpus.materials) {
    for (const n of pm.numbers) {
      // A year before 1900 is an option for years (below), not for counts; a person's age is no count of anything.
      if (!/\d/.test(n.figure) || oldYearPreposition(pm, n) !== undefined || isAge(pm, n)) continue;
      const k = `${n.unit}|${n.value}`;
      if (seenNum.has(k)) continue;
      seenNum.add(k);
      const list = numbers.get(n.unit) ?? [];
      list.push({ text: n.figure, value: n.value });
      numbers.set(n.unit, list);
    }
    for (const e of pm.events) {
      if (e.month !== undefined || seenYear.has(String(e.year))) continue;
      seenYear.add(String(e.year));
      years.push({ text: String(e.year), value: e.year });
    }
  }
  // Years before 1900 asked as years (collectSlots) are options for one another.
  for (const s of slots) {
    if (s.type !== "year" || s.value === undefined || !/^\d{4}$/.test(s.answer) || seenYear.has(s.answer)) continue;
    seenYear.add(s.answer);
    years.push({ text: s.answer, value: s.value });
  }
  const entities = new Map<SlotType, Array<{ text: string; key: string; isAcronym: boolean }>>();
  const seenKey = new Set<string>();
  for (const s of slots) {
    if (!s.key || seenKey.has(`${s.type}|${s.key}`)) continue;
    seenKey.add(`${s.type}|${s.key}`);
    const entity = corpus.aliases.resolve(s.answer);
    const list = entities.get(s.type) ?? [];
    const name = entity?.name ?? s.answer;
    list.push({ text: name, key: s.key, isAcronym: isAcronym(name) });
    if (entity?.acronym && entity.acronym !== name) list.push({ text: entity.acronym, key: s.key, isAcronym: true });
    entities.set(s.type, list);
  }
  for (const list of numbers.values()) list.sort((a, b) => a.value - b.value || a.text.localeCompare(b.text));
  years.sort((a, b) => a.value - b.value);
  for (const list of entities.values()) list.sort((a, b) => hash53(a.text) - hash53(b.text) || a.text.localeCompare(b.text));
  return { numbers, years, entities };
}

/**
 * True when the material states `candidate` for the same slot: some sentence holding the candidate
 * shares most of the slot sentence's other content terms. Such a candidate would be a correct
 * answer, not a distractor.
 */
export function isStatedForSlot(corpus: Corpus, slot: Slot, candidateTerm: string): boolean {
  const answerTerms = new Set([slot.answer.toLowerCase(), `@${slot.key ?? ""}`, String(slot.value ?? "")]);
  const context = [...slot.ref.terms].filter((t) => !answerTerms.has(t) && !/^\d/.test(t));
  if (slot.ref.terms.has(candidateTerm)) return true;
  for (const other of corpus.byTerm.get(candidateTerm) ?? []) {
    if (other === slot.ref) return true;
    const shared = context.filter((t) => other.terms.has(t)).length;
    if (shared >= 3 && shared >= context.length * 0.4) return true;
  }
  return false;
}

function niceNumber(v: number): number {
  if (v >= 100) {
    const mag = 10 ** (Math.floor(Math.log10(v)) - 1);
    return Math.round(v / mag) * mag;
  }
  return Math.max(1, Math.round(v));
}

function formatLike(template: string, value: number): string {
  const prefix = /^[^\d]*/.exec(template)?.[0] ?? "";
  const suffix = /[^\d,.]*$/.exec(template)?.[0] ?? "";
  const hasComma = /\d,\d/.test(template);
  // Lakh grouping ("Rs 1,20,000") stays lakh grouping: "Rs 2,40,000", never "Rs 240,000" beside it.
  const isLakhGrouping = /\d,\d\d,\d{3}\b/.test(template);
  const digits = hasComma ? value.toLocaleString(isLakhGrouping ? "en-IN" : "en-US") : String(value);
  return `${prefix}${digits}${suffix}`;
}

/**
 * Up to `count` distractors of the slot's type that the material does not state for that slot.
 * Figures come from the material first (same unit), then from plausible multiples of the answer.
 */
export function pickDistractors(corpus: Corpus, pools: DistractorPools, slot: Slot, count: number): string[] {
  const out: string[] = [];
  const seed = `${slot.ref.pm.material.id}:${slot.start}`;
  const tie = (key: string) => hash53(seed + key);
  const used = new Set<string>([slot.answer.toLowerCase()]);
  // An option the stem prints ("…, up from 1.21 lakh in the last quarter" with 1.21 lakh offered) is ruled out by reading
  // the stem: no option at all.
  const { sentence } = slot.ref;
  const stem = `${sentence.text.slice(0, slot.start - sentence.start)} ${sentence.text.slice(slot.end - sentence.start)}`;
  const isPrintedInStem = (text: string) => new RegExp(String.raw`(?<![\p{L}\p{N}]|\d[.,])${escapeRegExp(text.trim())}(?![\p{L}\p{N}]|[.,]\d)`, "iu").test(stem);
  const latestYear = Math.max(...corpus.materials.map((m) => Number(/^\d{4}/.exec(m.material.publishedAt ?? "")?.[0] ?? 9999)));
  const take = (text: string, term: string) => {
    if (out.length >= count || used.has(text.toLowerCase()) || /['\u2019]s?$/.test(text)) return;
    // Plausible only: no share above 100 per cent, no year after the material was written.
    if (slot.unit === "percent" && (slot.value ?? 0) <= 100 && Number(leadingNumberTerm(text)) > 100) return;
    if (slot.type === "year" && Number(/\d{4}/.exec(text)?.[0] ?? 0) > latestYear) return;
    if (isStatedForSlot(corpus, slot, term) || isPrintedInStem(text)) return;
    used.add(text.toLowerCase());
    out.push(text);
  };
  // Pools are sorted once (by value, or by hash for names); each slot looks at a bounded window of
  // them, so picking distractors stays linear in the size of the material.
  if (slot.type === "number" && slot.value !== undefined) {
    const pool = pools.numbers.get(slot.unit ?? "count") ?? [];
    const at = lowerBound(pool, slot.value);
    const mag = (v: number) => Math.log10(Math.max(v, 0.5));
    const window = pool
      .slice(Math.max(0, at - 24), at + 24)
      .filter((p) => p.value !== slot.value && sameShape(slot.answer, p.text) && (slot.unit !== "count" || Number.isInteger(p.value) === Number.isInteger(slot.value)))
      // Within one and a half orders of magnitude, money and distances too: "Rs 3" is no option for a benefit of "Rs 6,000".
      .filter((p) => slot.unit === "percent" || Math.abs(mag(p.value) - mag(slot.value!)) <= 1.5)
      .sort((a, b) => Math.round(Math.abs(mag(a.value) - mag(slot.value!)) * 4) - Math.round(Math.abs(mag(b.value) - mag(slot.value!)) * 4) || tie(a.text) - tie(b.text));
    for (const p of window) {
      if (out.length >= count) break;
      take(p.text, leadingNumberTerm(p.text));
    }
    // "Article 243M", "Paragraph 20": a designation's number is no quantity — no multiple of it is an option ("Article 120M").
    const designated = DESIGNATED_NUMBER_BEFORE.test(slot.ref.pm.material.text.slice(Math.max(slot.ref.sentence.start, slot.start - 24), slot.start)) || /\d[A-Z]$/.test(slot.answer);
    for (const factor of designated ? [] : [2, 0.5, 3, 1.5, 0.25, 4]) {
      if (out.length >= count) break;
      const v = niceNumber(slot.value * factor);
      if (v === slot.value) continue;
      const rawAnswer = Number(/[\d,.]+/.exec(slot.answer)?.[0]?.replace(/,/g, "") ?? NaN);
      if (!Number.isFinite(rawAnswer)) break;
      const text = formatLike(slot.answer, niceNumber(rawAnswer * factor));
      take(text, leadingNumberTerm(text));
    }
  } else if (slot.type === "year" && slot.value !== undefined) {
    const month = /^[A-Za-z]+/.exec(slot.answer)?.[0];
    // A span of years ("2017-18", "1876–78") is offered among spans of the same length and form ("2016-17", "2018-19"):
    // a lone range among single years gives itself away.
    const range = /^(\d{4})(\s*[-–]\s*)(\d{2}|\d{4})$/.exec(slot.answer.trim());
    const spanOf = (r: RegExpExecArray) => {
      const from = Number(r[1]);
      let to = r[3]!.length === 2 ? Math.floor(from / 100) * 100 + Number(r[3]) : Number(r[3]);
      if (to < from) to += 100;
      return to - from;
    };
    const span = range ? spanOf(range) : 0;
    const asRange = (y: number) => `${y}${range![2]}${range![3]!.length === 2 ? String((y + span) % 100).padStart(2, "0") : y + span}`;
    const withMonth = (y: number) => (range ? asRange(y) : month && !/^(?:early|late|mid)$/i.test(month) ? `${month} ${y}` : String(y));
    const at = lowerBound(pools.years, slot.value);
    const window = pools.years
      .slice(Math.max(0, at - 12), at + 12)
      .filter((p) => p.value !== slot.value)
      .sort((a, b) => Math.abs(a.value - slot.value!) - Math.abs(b.value - slot.value!) || tie(a.text) - tie(b.text));
    for (const p of window) {
      if (out.length >= count) break;
      take(withMonth(p.value), String(p.value));
    }
    for (const delta of [1, -1, 2, -2, 3, -3]) {
      if (out.length >= count) break;
      take(withMonth(slot.value + delta), String(slot.value + delta));
    }
  } else if (slot.key) {
    const answerIsAcronym = isAcronym(slot.answer);
    // Same semantic type: a country for a country, a forum for a forum, an armed group for an armed group.
    const fullName = (name: string) => corpus.aliases.resolve(name)?.name ?? name;
    const typeOf = (name: string) => (slot.type === "term" ? termShape(name) : slot.type === "actor" ? actorSubtype(fullName(name), corpus.entityKind(name)) : slot.type === "place" ? nameSubtype(fullName(name)) : isPersonName(name) ? "person" : "other");
    const answerType = typeOf(slot.answer);
    if (answerType === "other" && slot.type !== "person") return out;
    // A person's name for a person: never a body or a place read as a name ("Rajya Sabha").
    const isBodyOrPlace = (name: string) => slot.type === "person" && (actorSubtype(fullName(name)) !== "other" || nameSubtype(fullName(name)) !== "other");
    // A term's options are any of the material's names of the same shape ("Rajya Sabha" for "Lok Sabha").
    const candidates = slot.type === "term" ? [...pools.entities.values()].flat() : (pools.entities.get(slot.type) ?? []);
    // Regions that overlap ("West Asia" lies in "Asia", "the Middle East" is "West Asia"): never the answer's, and never two
    // such options side by side (below).
    const overlaps = (a: string, b: string) => answerType === "world-region" && regionsOverlap(fullName(a), fullName(b));
    const pool = candidates.filter((p) => typeOf(p.text) === answerType && !isBodyOrPlace(p.text) && !overlaps(p.text, slot.answer));
    // Closest kind first: a country for a country, a city for a city; a name of similar length.
    const subtype = nameSubtype(slot.answer);
    const words = slot.answer.split(/\s+/).length;
    const closeness = (p: { text: string }) => (nameSubtype(p.text) === subtype ? 0 : 10) + Math.abs(p.text.split(/\s+/).length - words);
    const startAt = pool.length ? hash53(seed) % pool.length : 0;
    const window: typeof pool = [];
    for (let k = 0; k < Math.min(pool.length, 120); k++) {
      const p = pool[(startAt + k) % pool.length]!;
      if (p.key !== slot.key && p.isAcronym === answerIsAcronym && nameKey(p.text) !== nameKey(slot.answer) && !sameBody(p.text, slot.answer)) window.push(p);
    }
    window.sort((a, b) => closeness(a) - closeness(b) || tie(a.text) - tie(b.text));
    // Two names of one family ("Vallabhbhai Patel", "Sardar Patel") may be one person under two names:
    // never the answer's surname, and never two options with one surname.
    const surname = (n: string) => (slot.type === "person" ? (n.split(/\s+/).pop() ?? "").toLowerCase() : "");
    const surnames = new Set([surname(slot.answer)].filter(Boolean));
    for (const p of window) {
      if (out.length >= count) break;
      const s = surname(p.text);
      if (s && surnames.has(s)) continue;
      if (out.some((o) => overlaps(o, p.text))) continue;
      const before = out.length;
      take(p.text, `@${p.key}`);
      if (s && out.length > before) surnames.add(s);
    }
  }
  return out;
}

/** A term's shape, so options look alike: an abbreviation (plural or not), or a name of one or more words. */
function termShape(name: string): string {
  if (isAcronym(name.replace(/s$/, ""))) return /[a-z]s$/.test(name) ? "abbreviations" : "abbreviation";
  // A name of the same kind: its head word ("Rowlatt Act" for "Government of India Act"), or the kind its head says.
  const kind = actorSubtype(name);
  return kind !== "other" ? kind : `head:${nameHead(name).toLowerCase()}`;
}

/**
 * Finer kind of an organisation by its name and extracted kind: an armed group, a forum or
 * agreement, an official body, a party, a company; "other" when nothing says (no distractor then).
 */
export function actorSubtype(name: string, kind?: string): string {
  // The kind is said by the name's head ("Council of Ministers" is a council, "Members of Parliament"
  // are people, "Taliban Foreign Minister" is an office), never by any word inside it.
  const head = nameHead(name);
  // A law or document whatever its words before ("Government of India Act", "Representation of the People Act"); the
  // executive as a whole ("Government of India", "Union Government"), which no agency stands beside as an option.
  if (STATUTE_HEADS.has(head)) return "statute";
  if (GOVERNMENT_HEADS.has(head) && GOVERNMENT_NAME.test(name.trim())) return "government";
  if (OFFICE_HEAD.test(head)) return "office";
  if (kind === "group") return "armed group";
  if (/^(?:Protocol|Convention|Agreement|Accord|Treaty|Amendment|Declaration|Conference|Summit|Pact|Charter|Initiative)$/.test(head)) return "agreement or forum";
  if (/^(?:Party|Congress|League|Front|Dal|Sangh|Samaj|Alliance)$/.test(head)) return "party";
  if (/^(?:Corporation|Company|Inc|Ltd|Limited|Group|Industries)$/.test(head) || /\bBank of\b/.test(name)) return "company";
  // A committee or panel is a body of a house, not one ("Business Advisory Committee" is no option for the "Council of
  // States"); a "House" is a chamber only as "House of…" or the Upper or Lower House — "Parliament House", "Hyderabad
  // House" are buildings.
  if (/^(?:Committee|Panel)$/.test(head)) return "committee or panel";
  if (head === "House" && !/\bHouse of\b|^(?:the\s+)?(?:Upper|Lower)\s+House$/i.test(name)) return "other";
  if (/^(?:Council|Assembly|Cabinet|Parliament|Senate|House|Sabha|Congress)$/.test(head)) return "council or assembly";
  if (/^(?:Programme|Program|Fund|Bank|Facility)$/.test(head)) return "fund or programme";
  if (/^(?:Commission|Agency|Ministry|Department|Secretariat|Authority|Board|Office|Service|Bureau)$/.test(head)) return "agency or department";
  if (/^(?:Organi[sz]ation|Nations|Union)$/.test(head)) return "international organisation";
  if (/^(?:Court|Tribunal)$/.test(head)) return "court";
  if (/^(?:University|College|School|Institute|Academy|Survey)$/.test(head)) return "academic or research institution";
  // An organisation with nothing in its name to say what kind: no distractor of "the same type" can be trusted.
  return "other";
}

const OFFICE_HEAD = /^(?:Minister|Secretary|President|Chief|Spokes(?:person|man|woman)|Ambassador|Governor|General|Envoy|Representative|Chairman|Chairperson|Speaker|Justice|Judge|Viceroy|Commissioner|Members?)$/;

const STATUTE_HEADS = new Set(answerWords.statuteHeads);
const GOVERNMENT_HEADS = new Set(answerWords.governmentHeads);
/** "Government of India", "Union Government", "the Central Government"; not "Dual Government" (a system). */
const GOVERNMENT_NAME = new RegExp(String.raw`^(?:the\s+)?(?:(?:${wordsPattern(answerWords.governmentHeads)})\s+of\s|(?:${wordsPattern(answerWords.governmentModifiers)})\s+(?:${wordsPattern(answerWords.governmentHeads)})$)`, "i");
/** "Union of India", "State of Kerala": a government as a party to a case. */
const CASE_GOVERNMENT_PARTY = new RegExp(String.raw`^(?:the\s+)?(?:${wordsPattern(answerWords.caseGovernmentParties)})\s`);

/** "Government of India", "Union Government", "the Centre": the executive as a whole (not "Government of India Act"). */
export function isGovernment(name: string): boolean {
  return actorSubtype(name) === "government";
}

/**
 * The head word of a name: a statute's last word ("Government of India Act" → Act), else the word before "of"/"for"
 * ("Council of Ministers" → Council), else the last word.
 */
export function nameHead(name: string): string {
  const words = name.replace(/\s*\([^)]*\)/g, "").split(/\s+/).filter(Boolean);
  const last = (words[words.length - 1] ?? "").replace(/[,.]$/, "");
  if (STATUTE_HEADS.has(last)) return last;
  const of = words.findIndex((w, i) => i > 0 && /^(?:of|for|on)$/i.test(w));
  const head = of > 0 ? words[of - 1]! : (words[words.length - 1] ?? "");
  return head.replace(/['\u2019]s$/, "");
}

/** First index whose value is ≥ v in a pool sorted by value. */
function lowerBound(pool: ReadonlyArray<{ value: number }>, v: number): number {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pool[mid]!.value < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const personCache = new Map<string, boolean>();
/** True when compromise reads the name as a person's ("Lal Bahadur Shastri", not "Rajya Sabha"). */
export function isPersonName(name: string): boolean {
  let v = personCache.get(name);
  if (v === undefined) {
    v = nlp(name).has("#Person") && actorSubtype(name) === "other";
    if (personCache.size > 10_000) personCache.clear();
    personCache.set(name, v);
  }
  return v;
}

const adjectiveCache = new Map<string, boolean>();
/** True for a word compromise reads as an adjective ("British"): a modifier, not a name. */
function isAdjectiveWord(word: string): boolean {
  let v = adjectiveCache.get(word);
  if (v === undefined) {
    v = nlp(word).has("#Adjective");
    if (adjectiveCache.size > 10_000) adjectiveCache.clear();
    adjectiveCache.set(word, v);
  }
  return v;
}

const peopleCache = new Map<string, boolean>();
/** True for a word naming a people rather than one actor: a demonym or a plural ("Indians", "Muslims"). */
export function isPeopleNoun(word: string): boolean {
  let v = peopleCache.get(word);
  if (v === undefined) {
    const doc = nlp(word);
    v = doc.has("(#Demonym|#Plural)") && !doc.has("(#Place|#Organization)");
    if (peopleCache.size > 10_000) peopleCache.clear();
    peopleCache.set(word, v);
  }
  return v;
}

const subtypeCache = new Map<string, string>();
/** `place-levels.json`, validated once. */
const placeLevels = z
  .object({ continents: z.array(z.string().min(2)).min(1), regionModifiers: z.array(z.string().min(2)).min(1), worldRegions: z.array(z.string().min(2)), contains: z.record(z.string(), z.array(z.string().min(2))) })
  .parse(placeLevelsData);
/** "West Asia", "Sub-Saharan Africa", "the Middle East": a part of the world, above any country (`place-levels.json`). */
const WORLD_REGION = new RegExp(
  String.raw`^(?:the\s+)?(?:(?:(?:${placeLevels.regionModifiers.map(escapeRegExp).join("|")})\s+){0,2}(?:${placeLevels.continents.map(escapeRegExp).join("|")})|${placeLevels.worldRegions.map(escapeRegExp).join("|")})$`,
  "iu",
);

const placeKey = (name: string) => name.trim().replace(/^the\s+/i, "").toLowerCase();
const CONTAINS = new Map(Object.entries(placeLevels.contains).map(([outer, inner]) => [placeKey(outer), new Set(inner.map(placeKey))]));

/**
 * Do two regions of the world overlap, so that one item never offers both: one name, a bare continent and a region named
 * after it ("Asia", "East Asia"), or two `place-levels.json` lists as one inside or another name for the other ("the Middle
 * East", "West Asia"). Regions of one continent that do not overlap ("East Asia", "Central Asia") may stand together.
 */
export function regionsOverlap(a: string, b: string): boolean {
  const x = placeKey(a);
  const y = placeKey(b);
  if (x === y) return true;
  const bare = (n: string) => placeLevels.continents.some((c) => c.toLowerCase() === n);
  if ((bare(x) || bare(y)) && continentOf(a) !== "" && continentOf(a) === continentOf(b)) return true;
  return !!CONTAINS.get(x)?.has(y) || !!CONTAINS.get(y)?.has(x);
}

/** The continent a world region's name ends in ("West Asia" → "asia", "the Americas" → "america"), or "". */
function continentOf(name: string): string {
  const last = /([\p{L}]+)$/u.exec(name.trim())?.[1]?.toLowerCase() ?? "";
  return placeLevels.continents.some((c) => c.toLowerCase() === last) ? last.replace(/s$/, "") : "";
}

/**
 * Finer kind of a place name, so that a place's options are of one level: country, world region (`place-levels.json`),
 * city, region (compromise's "Region": a state or province — "Uttar Pradesh", "Ontario"), or other.
 */
export function nameSubtype(name: string): string {
  let t = subtypeCache.get(name);
  if (t === undefined) {
    const doc = nlp(name);
    // The whole name must be the place: "Quit India" and "Cabinet Secretary of India" are not countries.
    const whole = (tag: string) => doc.match(`${tag}+`).text().replace(/^the\s+/i, "").trim() === name.replace(/^the\s+/i, "").trim();
    // (A country first: "South Africa" is one.)
    t = whole("#Country") ? "country" : WORLD_REGION.test(name.trim()) ? "world-region" : whole("#City") ? "city" : whole("#Region") ? "region" : "other";
    if (subtypeCache.size > 10_000) subtypeCache.clear();
    subtypeCache.set(name, t);
  }
  return t;
}

function leadingNumberTerm(text: string): string {
  return (/[\d,.]+/.exec(text)?.[0] ?? text).replace(/,/g, "").replace(/\.$/, "");
}

/** Same presentation: a "$…bn" answer gets "$…bn" distractors, a "…%" answer "…%" ones. */
function sameShape(a: string, b: string): boolean {
  const shape = (s: string) => s.replace(/[\d,.]+/g, "#").replace(/\s+/g, " ").toLowerCase();
  return shape(a) === shape(b);
}
