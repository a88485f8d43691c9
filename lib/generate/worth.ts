import { z } from "zod";
import type { Entity, ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { sentencePositionAt } from "@/lib/material/segment";
import { escapeRegExp } from "@/lib/text/regexp";
import type { Corpus } from "./corpus";
import type { Card, Question } from "./schemas";
import worthCuesData from "./worth-cues.json";

/**
 * Items not worth studying, whatever their form (issue 9; the blind review of 7 Dec 2026 judged 11 of 55 items trivia or
 * snapshot figures): a private individual a news text quotes as a case or a voice ("Sunita Netam, from Kanker
 * district, …"), a running count with no date ("have been handed to 6.2 crore people so far"), and one entry of a list of
 * per-unit figures ("A about 3.1 lakh; B about 2.9 lakh; and C roughly 3.4 lakh"). Decided from the material's own
 * evidence with the cue words of `worth-cues.json`; an item that asks about one of them is dropped before screening.
 */

const worthCues = z
  .object({
    officeWords: z.array(z.string()),
    occupations: z.array(z.string()),
    caseVerbs: z.array(z.string()),
    kinship: z.array(z.string()),
    runningCounts: z.array(z.string()),
    asOf: z.array(z.string()),
    quarterPeriods: z.array(z.string()),
    designations: z.array(z.string()),
    rankCues: z.array(z.string()),
  })
  .parse(worthCuesData);

const phrases = (words: string[]) => words.map((w) => escapeRegExp(w).replace(/\s+/g, String.raw`\s+`)).join("|");
const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";

/** An office, a title of office or a historical role (`officeWords`); case-insensitive except for initials ("MP"). */
const OFFICE = new RegExp(String.raw`(?<![\p{L}\p{M}-])(?:${phrases(worthCues.officeWords.filter((w) => w !== w.toUpperCase()))})(?![\p{L}\p{M}])|(?<![\p{L}])(?:${phrases(worthCues.officeWords.filter((w) => w === w.toUpperCase()))})(?![\p{L}])`, "iu");
const OCCUPATION = new RegExp(String.raw`(?<![\p{L}\p{M}-])(?:${phrases(worthCues.occupations)})s?(?![\p{L}\p{M}])`, "iu");
/** ", from Kanker district", ", 45,", ", aged 45", ", now 11": a case's place of origin or age in apposition. */
const ORIGIN_OR_AGE = /^,\s+(?:(?:a|an)\s+[\p{L}\p{M}\s-]{0,40}?\s+)?from\s+(?:the\s+)?\p{Lu}|^,\s+(?:aged\s+|now\s+)?\d{1,3}\s*[,.;]|^\s*\(\s*\d{1,3}\s*\)/u;
/** ", who runs a shop", ", who has run a clinic for 14 years": someone introduced by what they do. */
const CASE_CLAUSE = new RegExp(String.raw`^,\s+who\s+(?:also\s+|still\s+)?(?:${phrases(worthCues.caseVerbs)})\b`, "i");
/** "Her son Rohit", "his wife": a relative of someone the material quotes. */
const KIN_BEFORE = new RegExp(String.raw`\b(?:her|his|their|my|our)\s+(?:\d{1,2}-year-old\s+|young\s+|elder\s+|younger\s+)?(?:${phrases(worthCues.kinship)})s?\s*,?\s*$`, "i");
const RUNNING_COUNT = new RegExp(String.raw`(?<![\p{L}])(?:${phrases(worthCues.runningCounts)})(?![\p{L}])`, "iu");
/** A date a count can stand at: a month with its year or day, or an as-of word before a year or financial year. */
const AS_OF_DATE = new RegExp(
  String.raw`\b(?:${MONTHS})\s+(?:\d{1,2},?\s+)?(?:1[5-9]|20)\d{2}\b|\b\d{1,2}\s+(?:${MONTHS})\b|\b(?:${MONTHS})\s+\d{1,2}\b|\b(?:${phrases(worthCues.asOf)})\s+(?:the\s+end\s+of\s+)?(?:(?:${MONTHS})\s+)?(?:1[5-9]|20)\d{2}(?:-\d{2})?\b`,
  "i",
);
const QUARTER = new RegExp(String.raw`(?<![\p{L}])(?:${phrases(worthCues.quarterPeriods)})(?![\p{L}])|\b[Qq][1-4]\b`, "u");

/** The text of a person's apposition: after the name up to the next comma, and the role the material gives. */
function appositionAfter(text: string, end: number, sentenceEnd: number): string {
  const rest = text.slice(end, Math.min(sentenceEnd, end + 160));
  const m = /^,\s+[^,;.]*(?:,\s+(?:\p{Lu}[\p{L}\p{M}.-]*)(?:\s+\p{Lu}[\p{L}\p{M}.-]*)*)?/u.exec(rest);
  return m ? m[0] : "";
}

/** Three words before a mention ("Finance Minister", "Collector"), for a title of office put before the name. */
function wordsBefore(text: string, start: number, sentenceStart: number): string {
  return /(?:\S+\s+){0,3}$/.exec(text.slice(Math.max(sentenceStart, start - 60), start))?.[0] ?? "";
}

const privateCache = new WeakMap<ProcessedMaterial, Entity[]>();

/**
 * The private individuals of a material: people it quotes (or a quoted person's relatives, "Her son Rohit") whom it
 * introduces as a case or a voice — a place of origin or an age in apposition, an ordinary occupation ("a farmer", "a
 * haematologist at …"), a clause of what they do ("who has run a clinic for 14 years") — and to whom it gives no office,
 * title of office or historical role (`officeWords`), nor names in its title. Someone only narrated ("Khudiram Bose, 18,
 * was hanged") is left to the other rules: a history is full of people introduced by their age or origin.
 */
export function privatePersons(pm: ProcessedMaterial): Entity[] {
  const cached = privateCache.get(pm);
  if (cached) return cached;
  const text = pm.material.text;
  const title = pm.material.title ?? "";
  const speakers = new Set(pm.quotes.map((q) => q.speaker).filter((s): s is string => !!s));
  const out: Entity[] = [];
  const kin: Entity[] = [];
  for (const e of pm.entities) {
    if (e.kind !== "person") continue;
    const names = [e.name, ...e.aliases];
    if (names.some((n) => title.includes(n))) continue;
    if (e.role && OFFICE.test(e.role)) continue;
    let office = false;
    let isCase = false;
    const kinAt: number[] = [];
    for (const m of e.mentions) {
      const sentence = pm.sentences[m.sentenceIndex];
      if (!sentence) continue;
      const after = appositionAfter(text, m.end, sentence.end);
      const before = wordsBefore(text, m.start, sentence.start);
      if (OFFICE.test(after) || OFFICE.test(before.replace(/\b(?:Dr|Mr|Mrs|Ms|Prof)\.?\s*$/, ""))) office = true;
      if (ORIGIN_OR_AGE.test(text.slice(m.end, m.end + 80)) || CASE_CLAUSE.test(after) || (/^,\s+(?:a|an)\s/.test(after) && OCCUPATION.test(after))) isCase = true;
      if (KIN_BEFORE.test(text.slice(Math.max(sentence.start, m.start - 40), m.start))) kinAt.push(m.sentenceIndex);
    }
    if (e.role && OCCUPATION.test(e.role)) isCase = true;
    if (office) continue;
    const quoted = names.some((n) => speakers.has(n));
    if (isCase && quoted) out.push(e);
    else if (kinAt.length) kin.push(e);
  }
  // A relative is a case only in a paragraph that names one ("Sunita Netam … Her son Rohit"): "his son Sikandar" in a
  // history is an heir.
  const blockOf = (sentenceIndex: number) => pm.sentences[sentenceIndex]?.blockIndex ?? -1;
  const caseBlocks = new Set(out.flatMap((e) => e.mentions.map((m) => blockOf(m.sentenceIndex))));
  for (const e of kin) if (e.mentions.some((m) => caseBlocks.has(blockOf(m.sentenceIndex)))) out.push(e);
  privateCache.set(pm, out);
  return out;
}

/**
 * "Genetic status cards have been handed to 6.2 crore people so far", "12 lakh children have been vaccinated to date": a
 * figure qualified by a running-count word (`runningCounts`) is true only on the day it was written. Unless the sentence
 * says when the count stood ("as of 31 March 2025", "by June 2026", "till 2024"), it is no fact to learn.
 */
export function isUndatedRunningCount(pm: ProcessedMaterial, sentence: Sentence): boolean {
  // ("in so far as", "so far as practicable", "insofar as" limit a rule; they count nothing.)
  const text = sentence.text.replace(/\b(?:in\s*)?so\s+far\s+as\b|\binsofar\s+as\b/gi, (m) => " ".repeat(m.length));
  if (!RUNNING_COUNT.test(text) || AS_OF_DATE.test(text)) return false;
  // A count, an amount or a share is what runs; the cue must qualify it: in its clause (no comma, semicolon or colon
  // between them), or opening the sentence ("So far, 2.3 crore children …"). "IMD currently uses the 1971-2020 period,
  // for which the average is 87 cm" dates the method, not the figure.
  const cues = [...text.matchAll(new RegExp(RUNNING_COUNT.source, "giu"))].map((m) => m.index);
  return pm.numbers.some((n) => {
    if (n.sentenceIndex !== sentence.index || !(n.unit === "count" || n.unit === "money" || n.unit === "percent") || !/\d/.test(n.figure)) return false;
    const at = n.start - sentence.start;
    return cues.some((c) => c === 0 || !/[,;:]/.test(c < at ? text.slice(c, at) : text.slice(at, c)));
  });
}

/**
 * "Dhubri recorded about 1.2 lakh; Barpeta about 90,000; and Morigaon roughly 45,000", "Uttarakhand follows with 139,
 * Himachal Pradesh with 72, Sikkim with 41", "Madras 30, Bombay 15, Punjab 8": three or more parallel segments, each a
 * name and a figure, at least two of them with the verb left out (the name, then the figure). One entry of such a list is
 * a table's cell, not a fact an examiner asks. A name-finder cannot be trusted to know every district, so the shape
 * decides, not the kind of name; a number's designation ("Article 41; Article 42 …", `designations`) and a year ("Kerala
 * followed in 2003, Punjab in 2004") make no entry.
 */
export function isPerUnitFigureList(pm: ProcessedMaterial, sentence: Sentence): boolean {
  return perUnitFigureList(pm, sentence) !== null;
}

/** The list's entries when the sentence is one (`isPerUnitFigureList`), and its first segment when a rank cue heads it. */
function perUnitFigureList(pm: ProcessedMaterial, sentence: Sentence): { rankedLead: string | null } | null {
  let persons = personNamesCache.get(pm);
  if (!persons) personNamesCache.set(pm, (persons = new Set(pm.entities.filter((e) => e.kind === "person").flatMap((e) => [e.name, ...e.aliases]))));
  const segments = sentence.text.split(/\s*;\s*|,\s+|\s+(?:and|while|whereas)\s+/);
  let entries = 0;
  let elliptical = 0;
  let lead: string | null = null;
  for (const raw of segments) {
    const segment = raw.replace(/^(?:and|while|whereas|but|followed\s+by)\s+/i, "");
    const name = /^(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:and\s+|with\s+)?\p{Lu}[\p{L}\p{M}'’.-]*){0,3})/u.exec(segment)?.[1];
    if (!name || DESIGNATIONS.has(name.split(/\s+/)[0]!) || persons.has(name)) continue;
    const rest = segment.slice(segment.indexOf(name) + name.length);
    // A figure, not a year or a span of years, within a few words of the name.
    const figure = /^(?:\s+[\p{L}-]+){0,6}?\s*\(?\s*(?:₹|Rs\.?\s?|\$)?(\d[\d,.]*)(?![\d,.]|[-–]\d)/u.exec(rest);
    if (!figure || !NON_YEAR_FIGURE.test(figure[1]!)) continue;
    entries++;
    lead ??= segment;
    if (ELLIPTICAL_FIGURE.test(rest)) elliptical++;
  }
  if (entries < 3 || elliptical < 2) return null;
  return { rankedLead: lead && RANK_CUE.test(lead) ? lead : null };
}

const DESIGNATIONS = new Set(worthCues.designations);
const personNamesCache = new WeakMap<ProcessedMaterial, Set<string>>();
/** A figure that is not a year standing alone ("3.1 lakh", "139", "785"; not "2003"). */
const NON_YEAR_FIGURE = /^(?!(?:1\d|20)\d{2}$)\d/;
const RANK_CUE = new RegExp(String.raw`(?<![\p{L}])(?:${phrases(worthCues.rankCues)})(?![\p{L}])`, "iu");
/** The verb left out: the figure, a hedge or "with" before it, right after the name ("Barpeta about 90,000", "Karnataka (563)"). */
const ELLIPTICAL_FIGURE = /^\s*(?:with\s+|at\s+)?(?:about\s+|roughly\s+|nearly\s+|over\s+|around\s+|some\s+|almost\s+|more\s+than\s+|less\s+than\s+|just\s+over\s+)?\(?\s*(?:₹|Rs\.?\s?|\$)?\d/i;

/** Does the item's statement or question fall on a single quarter's period ("in the July–September quarter")? */
export function isQuarterFigure(text: string): boolean {
  return QUARTER.test(text);
}

/** The answers an item asks for, as the learner would write them (none for a true/false or a prelims key). */
function answersOf(item: Card | Question): string[] {
  if ("front" in item) return [item.back];
  if (item.kind === "true_false" || item.prompt.startsWith("Consider the following statements:")) return [];
  return [...(item.options ?? []).filter((o) => o.correct).map((o) => o.text), ...(item.answer ? [item.answer] : [])];
}

/** A year as an answer ("2023", "By 2030", "2025-26"): the date of an event, not the count of a snapshot. */
const YEAR_ANSWER = /^(?:[A-Za-z]+\s+)?(?:1[5-9]|20)\d{2}(?:-\d{2})?$/;

/**
 * Why an item is not worth studying, or null: it asks for a private individual or about a sentence that names one; it
 * asks a running count with no date, or its sentence states one (a true/false or prelims statement); it falls on a list
 * of per-unit figures. Written questions are left alone.
 */
export function worthlessReason(corpus: Corpus): (item: Card | Question) => string | null {
  const byId = new Map(corpus.materials.map((pm) => [pm.material.id, pm]));
  const privateKeys = new Set(corpus.materials.flatMap((pm) => privatePersons(pm)).flatMap((e) => [e.name, ...e.aliases].map((n) => corpus.aliases.key(n))));
  return (item) => {
    if (item.kind === "written") return null;
    const answers = answersOf(item);
    if (answers.some((a) => privateKeys.has(corpus.aliases.key(a.trim())))) return "asks for a private individual the material quotes as a case";
    const asksFigure = answers.length === 0 || answers.some((a) => /\d/.test(a) && !YEAR_ANSWER.test(a.trim()));
    for (const e of item.evidence) {
      const pm = byId.get(e.materialId);
      if (!pm) continue;
      const { at, holds } = sentencePositionAt(pm.sentences, e.start);
      const sentence = holds ? pm.sentences[at] : undefined;
      if (!sentence) continue;
      // An abbreviation's expansion or a term's definition in the sentence ("…, an expert at the Pak Institute for Peace
      // Studies (PIPS), a think tank …") is a fact of its own, not of the person.
      const ownFact = item.kind === "acronym" || ("front" in item && /^What (?:is|are) (?:the |an? )?/.test(item.front) && !privateKeys.has(corpus.aliases.key(item.front.replace(/^What (?:is|are) (?:the |an? )?|\?$/g, ""))));
      if (!ownFact && privatePersons(pm).some((p) => p.mentions.some((m) => m.sentenceIndex === sentence.index))) return "about a private individual the material quotes as a case";
      if (asksFigure && isUndatedRunningCount(pm, sentence)) return 'a running count with no date ("so far"): a snapshot, not a fact';
      const list = asksFigure ? perUnitFigureList(pm, sentence) : null;
      // The head of a ranking ("West Bengal alone accounts for 42 per cent, followed by …") is the list's fact.
      if (list && !(list.rankedLead && answers.length > 0 && answers.every((a) => list.rankedLead!.includes(a)))) return "one entry of a list of per-unit figures";
    }
    return null;
  };
}
