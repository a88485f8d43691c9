import { openingPronounAntecedent, subjectPronounAntecedent, withSubjectName } from "./antecedent";
import type { Card, CardKind, EvidenceSpan } from "./schemas";
import { stableId } from "@/lib/material/hash";
import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { stemOf } from "@/lib/material/nlp";
import { isContextFree } from "./readability";
import { z } from "zod";
import referenceWordsData from "./reference-words.json";
import { escapeRegExp } from "@/lib/text/regexp";

export const STOP_WORDS = new Set(
  "a an the and or but if of to in on at by for with from as into onto over under about after before since during while than then so such that this these those it its they them their he him his she her we our you your i me my is are was were be been being has have had do does did will would can could may might must shall should not no nor also very more most less least much many some any all each every both either neither other another own same only just even still yet too here there when where why how what which who whom whose whether up down out off again further once because until against between through above below per via within without upon among amid across along around toward towards said says say told tell according one two three".split(
    " ",
  ),
);

/** Connectives that, before a comma, only tie a sentence to the one before ("In comparison, …"): `reference-words.json`. */
const DETACHABLE_CONNECTIVES = z.array(z.string().regex(/^[a-z][a-z ]*[a-z]$/, "a phrase in small letters")).parse(referenceWordsData.detachableConnectives);

/**
 * Phrases that open on a word cut as a connective but make one idiom with the word after it ("so far", "thus far", "yet
 * another": `reference-words.json` connectiveIdioms): cutting "So" from "So far the Bank…" leaves "Far the Bank…".
 */
export const CONNECTIVE_IDIOMS = z.array(z.string().regex(/^[a-z]+(?: [a-z]+)+$/, "two words or more in small letters")).parse(referenceWordsData.connectiveIdioms);
const NOT_A_CONNECTIVE = CONNECTIVE_IDIOMS.map((p) => p.split(" ").map(escapeRegExp).join(String.raw`\s+`)).join("|");

/** Leading connectives that tie a sentence to its neighbours; dropped when it must stand alone. */
const LEADING_CONNECTIVE = new RegExp(
  String.raw`^(?:(?!(?:${NOT_A_CONNECTIVE})\b)(?:(?:(?:but(?!\s+for\b)|and)\b|(?:yet|however|nonetheless|nevertheless|moreover|furthermore|meanwhile|still|also|thus|hence|therefore|indeed|conversely|at the same time|on the other hand|on one hand|recently|even so|for its part|after all|in fact|of course|consequently|accordingly|then|eg|e\.g\.|for example|for instance|so|instead|in contrast|in response|in turn|as a result|in addition|in consequence)(?:\b|(?<=\.))(?!\s+(?:to|of|with|from|that)\b)),?:?|(?:${DETACHABLE_CONNECTIVES.join("|")}),)\s+)+`,
  "i",
);
const PRONOUN_START = /^(?:it|they|them|this|these|that|those|he|she|his|her|their|its|such|the latter|the former|both|which|here|there)\b/i;

import { wordCount } from "./words";

export { wordCount };

/** A word that opens in lower case by its spelling ("mRNA", "pH", "e-NAM"), not because a sentence was cut. */
const LOWER_CASE_BY_SPELLING = /^[("'“‘]*[a-z]{1,3}-?[A-Z]/;

/** Removes leading connectives ("But", "However,") and capitalises the rest. */
export function standaloneText(text: string): string {
  const t = text.replace(LEADING_CONNECTIVE, "").trim();
  return t && !LOWER_CASE_BY_SPELLING.test(t) ? t[0]!.toUpperCase() + t.slice(1) : t;
}

/**
 * Does `statement` open on the rest of an idiom whose first word its source `quote` has just before it ("Far the Bank has…"
 * from "So far the Bank has…")? Whatever cut the word, the item opens on a broken phrase.
 */
export function opensOnClippedIdiom(statement: string, quote: string): boolean {
  return CONNECTIVE_IDIOMS.some((idiom) => {
    const [first, ...rest] = idiom.split(" ");
    const tail = rest.join(" ");
    if (!new RegExp(String.raw`^${escapeRegExp(tail)}\b`, "i").test(statement.trim())) return false;
    // The idiom opens the quote, or follows one or two words the item cut too ("But so far…").
    return new RegExp(String.raw`^[^\p{L}]*(?:\p{L}+,?\s+){0,2}?${escapeRegExp(first!)}\s+${escapeRegExp(tail)}\b`, "iu").test(quote.trim());
  });
}

/**
 * Is the sentence the material's own headline ("After Galwan: where the border stands, and why…"), with no full stop? A
 * material whose title was taken from its first sentence ("The Montreal Protocol is a treaty….") keeps that sentence.
 */
export function isTitleLine(pm: ProcessedMaterial, sentence: Sentence): boolean {
  // Only the first sentence, where a title taken from the text comes from; only in a text whose sentences end in full
  // stops (in notes written without them, a line without one is no headline).
  const endsInStop = (s: Sentence) => /[.!?]["')\]]*$/.test(s.text.trim());
  if (sentence.index !== 0 || endsInStop(sentence)) return false;
  if (!pm.sentences.some(endsInStop)) return false;
  const raw = (pm.material.title ?? "").trim();
  const title = raw.replace(/(?:\.\.\.|…)$/, "").trim();
  if (title.length < 12) return false;
  return raw === title ? sentence.text.trim() === title : sentence.text.startsWith(title);
}

/**
 * True when a sentence can be read without its neighbours: it has a verb, is a statement, does not
 * open with a pronoun or demonstrative, is not mostly quotation, and is 7–50 words long.
 */
export function isStandalone(sentence: Sentence, pm?: ProcessedMaterial, options: { subjectPronouns?: boolean } = {}): boolean {
  if (pm && isTitleLine(pm, sentence)) return false;
  // "It was agreed in 1987", right after "The Montreal Protocol is…": the pronoun reads as its name. For items
  // (`subjectPronouns`, shown through `inContext`), an opening "It"/"They"/"Its"/"Their" is read by
  // `subjectPronounAntecedent`, which checks that nothing else could be meant.
  const subject = pm && options.subjectPronouns && /^(?:It|They|Its|Their)\s/.test(sentence.text) ? subjectPronounAntecedent(pm, sentence) : null;
  const antecedent = pm && !(options.subjectPronouns && /^(?:It|They|Its|Their)\s/.test(sentence.text)) ? openingPronounAntecedent(pm, sentence, { persons: true }) : null;
  const text = standaloneText(subject ? withSubjectName(sentence.text, subject) : antecedent ? sentence.text.replace(/^(?:It|They|He|She)\b/, antecedent) : sentence.text);
  const words = wordCount(text);
  if (words < 7 || words > 50) return false;
  // A piece of a longer sentence laid out as a list ("one officer nominated by the Board; and"): it opens in lower case or
  // ends where the sentence goes on.
  if ((/^[("'“‘]*[a-z]/.test(sentence.text) && !LOWER_CASE_BY_SPELLING.test(sentence.text)) || /(?:[,;:]|[,;]\s*(?:and|or)|\s(?:and|or))\s*$/.test(sentence.text.trim())) return false;
  if (text.endsWith("?") || PRONOUN_START.test(text)) return false;
  if (/^(?:how|why|what|whether|which|who)\b/i.test(text)) return false; // a question's demand, not a fact
  if (/^the (?:group|organi[sz]ation|movement|outfit|militants|country|party|latter|former|sources|officials|day before|strikes|attack|move|report)\b/i.test(text)) return false; // which one?
  if (!sentence.tokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) return false;
  if (/^"/.test(text) || (text.match(/"/g)?.length ?? 0) % 2 === 1) return false;
  if (/\b(?:this|these|those) (?:groups?|moves?|developments?|measures?|incidents?|efforts?|attacks?)\b/i.test(text)) return false;
  if (/\[|\.\.\./.test(text)) return false;
  return isContextFree(text);
}

export function evidenceOf(pm: ProcessedMaterial, start: number, end: number): EvidenceSpan {
  return { materialId: pm.material.id, start, end, quote: pm.material.text.slice(start, end) };
}

/** A card, its id made from what it shows. */
export function makeCard(kind: CardKind, front: string, back: string, evidence: EvidenceSpan[], quality?: Card["quality"]): Card {
  return { id: stableId("card", kind, front, back), kind, front, back, evidence, ...(quality ? { quality } : {}) };
}

export function sentenceEvidence(pm: ProcessedMaterial, sentence: Sentence): EvidenceSpan {
  return evidenceOf(pm, sentence.start, sentence.end);
}

/** Content lemmas of a text span's tokens (nouns, verbs, adjectives, proper nouns, numbers). */
export function contentLemmas(sentence: Sentence): string[] {
  const out: string[] = [];
  for (const t of sentence.tokens) {
    if (!(t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "VERB" || t.pos === "ADJ" || t.pos === "NUM")) continue;
    const l = t.lemma.replace(/[^a-z0-9-]/g, "");
    if (l.length < 2 || STOP_WORDS.has(l)) continue;
    out.push(l);
  }
  return out;
}

/** Porter2 stem of a single word (wink-nlp), for word lists such as the dimension lexicon. */
export function roughStem(word: string): string {
  return stemOf(word.toLowerCase().replace(/[^a-z0-9-]/g, ""));
}

/** Content stems of a free text (questions typed by a teacher, answer points): no stop words, no single letters. */
export function stemsOf(text: string): string[] {
  const words = text.split(/[^A-Za-z0-9\u00c0-\u024f'-]+/).flatMap((w) => w.split("-"));
  const kept = words.filter((w) => w.length > 1 && !STOP_WORDS.has(w.toLowerCase().replace(/'s$/, "")));
  return kept.map((w) => stemOf(w.replace(/'s$/i, "").replace(/'/g, ""))).filter((w) => w.length > 1);
}

/** Content stems of an ingested sentence, from the stems computed once at ingest. */
export function sentenceStems(sentence: Sentence): string[] {
  const out: string[] = [];
  for (const t of sentence.tokens) {
    if (t.pos === "PUNCT" || t.pos === "SYM" || t.pos === "SPACE") continue;
    const word = sentence.text.slice(t.start - sentence.start, t.end - sentence.start).toLowerCase();
    if (word.length < 2 || STOP_WORDS.has(word) || !/[a-z0-9]/.test(word) || /^'/.test(word)) continue;
    out.push(t.stem);
  }
  return out;
}

/** Deterministic order from a seed: sorts by the hash of seed+item. */
export function seededOrder<T>(items: T[], seed: string, key: (t: T) => string, hash: (s: string) => number): T[] {
  return [...items].sort((a, b) => hash(seed + key(a)) - hash(seed + key(b)));
}

export function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

export function endWithPeriod(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Words that open a list of examples: the list names some of the members, never all. */
const EXAMPLES_INTRO = /\b(?:(?:including|such as|among them|notably|for example|for instance)\b|e\.g\.),?\s+/gi;
/** A member of the list: a name of capitalised words (with the small words names keep), with its article. */
const LIST_MEMBER = /^(?:the\s+)?\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*(?:\s+(?:(?:of|and|the|for|on|in|de|la|du|al)\s+)*(?:\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*|\d+[\p{L}]?|&|d['’]\p{Lu}[\p{L}\p{M}]*))*$/u;

/**
 * The list of examples the name after `before` (its sentence up to the name) is a member of — "including Iran,
 * Tajikistan and ", "such as the " — with the words that opened it and how many members come before the name; null when
 * it is in none. Every part between the list's opening words and the name must be a name, joined by commas, "and" or
 * "or": "such as Iran, which …" is no list.
 */
export function examplesListAt(before: string): { opener: string; membersBefore: number } | null {
  let opened = -1;
  let opener = "";
  for (const m of before.matchAll(EXAMPLES_INTRO)) {
    opened = m.index + m[0].length;
    opener = m[0].replace(/[,\s]+$/, "").toLowerCase();
  }
  if (opened < 0 || before.length - opened > 200) return null;
  const parts = before.slice(opened).split(/\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/);
  const last = parts.pop()!;
  const isList = /^(?:the\s+)?$/i.test(last) && parts.every((p) => p.split(/\s+/).length <= 8 && LIST_MEMBER.test(p));
  return isList ? { opener, membersBefore: parts.length } : null;
}

/** Another member of a list after a name: ", Patel", "and Patel", "or the Bank" — not an appositive or clause (", who knew Persian"). */
export const ANOTHER_MEMBER_AFTER = /^\s*(?:,\s*(?:(?:and|or)\s+)?(?:the\s+)?\p{Lu}|(?:and|or)\b)/u;

/** Is the name after `before` a member of a list of examples (see `examplesListAt`)? */
export function isInExamplesList(before: string): boolean {
  return examplesListAt(before) !== null;
}
