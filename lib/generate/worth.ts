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
    presentCues: z.array(z.string()),
    progressWords: z.array(z.string()),
    publicActs: z.array(z.string()),
    asOf: z.array(z.string()),
    quarterPeriods: z.array(z.string()),
    quarterQualifiers: z.array(z.string()),
    fiscalYears: z.array(z.string()),
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
/** "currently", "at present": a running count only beside a word of cumulative progress (`progressWords`). */
const PRESENT_CUE = new RegExp(String.raw`(?<![\p{L}])(?:${phrases(worthCues.presentCues)})(?![\p{L}])`, "iu");
const PROGRESS = new RegExp(String.raw`(?<![\p{L}])(?:${phrases(worthCues.progressWords)})(?![\p{L}])`, "iu");
/** An achievement or public act ("founded", "led", "won the prize"): whoever the sentence names with it is a subject. */
const PUBLIC_ACT = new RegExp(String.raw`(?<![\p{L}])(?:${phrases(worthCues.publicActs)})(?![\p{L}])`, "iu");
/** A date a count can stand at: a month with its year or day, or an as-of word before a year or financial year. */
const AS_OF_DATE = new RegExp(
  String.raw`\b(?:${MONTHS})\s+(?:\d{1,2},?\s+)?(?:1[5-9]|20)\d{2}\b|\b\d{1,2}\s+(?:${MONTHS})\b|\b(?:${MONTHS})\s+\d{1,2}\b|\b(?:${phrases(worthCues.asOf)})\s+(?:the\s+end\s+of\s+)?(?:(?:${MONTHS})\s+)?(?:1[5-9]|20)\d{2}(?:-\d{2})?\b`,
  "i",
);
/**
 * A calendar or financial quarter: "the quarter ending June", "the July-September quarter", "Q2", "the first quarter of
 * 2025-26" or "… of the financial year" — never a fraction ("a quarter of households") nor an era ("the first quarter
 * of the nineteenth century").
 */
const MONTH_WORD = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const QUARTER = new RegExp(
  [
    String.raw`(?<![\p{L}])(?:${phrases(worthCues.quarterPeriods)})(?![\p{L}])`,
    String.raw`(?<![\p{L}])${MONTH_WORD}\s*(?:-|–|—|to)\s*${MONTH_WORD}\s+quarter(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:${phrases(worthCues.quarterQualifiers)})\s+quarter\s+of\s+(?:the\s+|this\s+|last\s+)?(?:current\s+)?(?:(?:${phrases(worthCues.fiscalYears)})(?![\p{L}])|(?:19|20)\d{2}(?![\ds]|\s+(?:century|centuries)))`,
    String.raw`(?<![\p{L}\d])Q[1-4](?![\p{L}\d])`,
  ].join("|"),
  "iu",
);

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

interface PrivateCase {
  person: Entity;
  /** The sentences that are the case itself: where the material introduces the person, their quotes, a relative's mention. */
  sentences: Set<number>;
}

const privateCache = new WeakMap<ProcessedMaterial, PrivateCase[]>();

/** The sentence with its quotations blanked, so that a quoted "we won nothing" is no public act of the speaker. */
function narration(pm: ProcessedMaterial, sentence: Sentence): string {
  let text = sentence.text;
  for (const q of pm.quotes) {
    const from = Math.max(q.start, sentence.start) - sentence.start;
    const to = Math.min(q.end, sentence.end) - sentence.start;
    if (to > from) text = text.slice(0, from) + " ".repeat(to - from) + text.slice(to);
  }
  return text;
}

/**
 * The private individuals of a material: ordinary people it quotes as a human-interest case (or a case's relatives, "Her
 * son Rohit") — a place of origin or an age in apposition, an ordinary occupation ("a farmer", "a shopkeeper"), a clause
 * of what they do ("who has run a shop for 14 years") — and to whom it gives no office, title of office or historical
 * role (`officeWords`). The people a text is about are never private: anyone named with an achievement or public act
 * outside a quote (`publicActs`: "founded", "led", "won the prize"), named in three or more sentences, or named in the
 * title or the lead sentence. Someone only narrated ("Khudiram Bose, 18, was hanged") is left to the other rules.
 */
export function privatePersons(pm: ProcessedMaterial): Entity[] {
  return privateCases(pm).map((c) => c.person);
}

function privateCases(pm: ProcessedMaterial): PrivateCase[] {
  const cached = privateCache.get(pm);
  if (cached) return cached;
  const text = pm.material.text;
  const title = pm.material.title ?? "";
  // The lead: the first sentence long enough to be prose (a dateline or a headline is not).
  const lead = pm.sentences.find((s) => s.text.split(/\s+/).length >= 8 && !title.includes(s.text.trim()));
  const speakers = new Set(pm.quotes.map((q) => q.speaker).filter((s): s is string => !!s));
  const cases: PrivateCase[] = [];
  const kin: Array<{ person: Entity; at: Array<{ sentenceIndex: number; start: number }> }> = [];
  for (const e of pm.entities) {
    if (e.kind !== "person") continue;
    const names = [e.name, ...e.aliases];
    const mentionedIn = new Set(e.mentions.map((m) => m.sentenceIndex));
    const isSubject =
      names.some((n) => title.includes(n)) ||
      [...mentionedIn].some((i) => pm.sentences[i] && PUBLIC_ACT.test(narration(pm, pm.sentences[i])));
    if (isSubject || (e.role && OFFICE.test(e.role))) continue;
    let office = false;
    const caseAt = new Set<number>();
    const kinAt: Array<{ sentenceIndex: number; start: number }> = [];
    for (const m of e.mentions) {
      const sentence = pm.sentences[m.sentenceIndex];
      if (!sentence) continue;
      const after = appositionAfter(text, m.end, sentence.end);
      const before = wordsBefore(text, m.start, sentence.start);
      if (OFFICE.test(after) || OFFICE.test(before.replace(/\b(?:Dr|Mr|Mrs|Ms|Prof)\.?\s*$/, ""))) office = true;
      if (ORIGIN_OR_AGE.test(text.slice(m.end, m.end + 80)) || CASE_CLAUSE.test(after) || (/^,\s+(?:a|an)\s/.test(after) && OCCUPATION.test(after))) caseAt.add(m.sentenceIndex);
      if (KIN_BEFORE.test(text.slice(Math.max(sentence.start, m.start - 40), m.start))) kinAt.push({ sentenceIndex: m.sentenceIndex, start: m.start });
    }
    if (office) continue;
    const quoted = names.some((n) => speakers.has(n));
    const roleIsCase = !!e.role && OCCUPATION.test(e.role);
    if ((caseAt.size > 0 || roleIsCase) && quoted) {
      for (const q of pm.quotes) if (q.speaker && names.includes(q.speaker)) caseAt.add(q.sentenceIndex);
      // Named in the lead, the text is about them — unless the lead is the case itself, the anecdote a feature opens on
      // ("'The water reaches us twice a month,' said X, a farmer from Y, …").
      if (lead !== undefined && mentionedIn.has(lead.index) && !caseAt.has(lead.index)) continue;
      // Named in three or more sentences, one of them narration beyond the case's description and quotes: a subject.
      if (mentionedIn.size >= 3 && [...mentionedIn].some((i) => !caseAt.has(i))) continue;
      cases.push({ person: e, sentences: caseAt });
    } else if (kinAt.length) kin.push({ person: e, at: kinAt });
  }
  // A relative is a case only of a case: the person named last before "Her son Rohit" in the paragraph must be private.
  // "her husband Jyotirao" beside a subject of the text is a subject's relative, not a case.
  const privateSet = new Set(cases.map((c) => c.person));
  const persons = pm.entities.filter((e) => e.kind === "person");
  for (const k of kin) {
    const sentencesOf = new Set<number>();
    for (const at of k.at) {
      const block = pm.sentences[at.sentenceIndex]?.blockIndex;
      let nearest: { person: Entity; start: number } | null = null;
      for (const p of persons) {
        if (p === k.person) continue;
        for (const m of p.mentions) {
          if (m.start >= at.start || pm.sentences[m.sentenceIndex]?.blockIndex !== block) continue;
          if (!nearest || m.start > nearest.start) nearest = { person: p, start: m.start };
        }
      }
      if (nearest && privateSet.has(nearest.person)) sentencesOf.add(at.sentenceIndex);
    }
    if (sentencesOf.size) cases.push({ person: k.person, sentences: sentencesOf });
  }
  privateCache.set(pm, cases);
  return cases;
}

/**
 * "Genetic status cards have been handed to 6.2 crore people so far", "12 lakh children have been vaccinated to date": a
 * figure qualified by a running-count word (`runningCounts`) is true only on the day it was written. Unless the sentence
 * says when the count stood ("as of 31 March 2025", "by June 2026", "till 2024"), it is no fact to learn.
 */
export function isUndatedRunningCount(pm: ProcessedMaterial, sentence: Sentence): boolean {
  // ("in so far as", "so far as practicable", "insofar as" limit a rule; they count nothing.)
  const text = sentence.text.replace(/\b(?:in\s*)?so\s+far\s+as\b|\binsofar\s+as\b/gi, (m) => " ".repeat(m.length));
  // "currently", "at present" count only beside a word of cumulative progress ("At present, 1.2 lakh villages are
  // connected"); "The Schedule currently lists 29 functions", "The state currently has 28 districts" are fixed facts.
  const cue = PROGRESS.test(text) ? new RegExp(`${RUNNING_COUNT.source}|${PRESENT_CUE.source}`, "iu") : RUNNING_COUNT;
  if (!cue.test(text) || AS_OF_DATE.test(text)) return false;
  // A count, an amount or a share is what runs; the cue must qualify it: in its clause (no comma, semicolon or colon
  // between them), or opening the sentence ("So far, 2.3 crore children …"). "IMD currently uses the 1971-2020 period,
  // for which the average is 87 cm" dates the method, not the figure.
  const cues = [...text.matchAll(new RegExp(cue.source, "giu"))].map((m) => m.index);
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

/** The pattern of `name` as a whole word. */
const wholeName = (name: string) => new RegExp(String.raw`(?<![\p{L}\p{M}])${escapeRegExp(name)}(?![\p{L}\p{M}])`, "u");

/** A year as an answer ("2023", "By 2030", "2025-26"): the date of an event, not the count of a snapshot. */
const YEAR_ANSWER = /^(?:[A-Za-z]+\s+)?(?:1[5-9]|20)\d{2}(?:-\d{2})?$/;

/**
 * Why an item is not worth studying, or null: it asks for a private individual or about a sentence that names one; it
 * asks a running count with no date, or its sentence states one (a true/false or prelims statement); it falls on a list
 * of per-unit figures. Written questions are left alone.
 */
export function worthlessReason(corpus: Corpus): (item: Card | Question) => string | null {
  const byId = new Map(corpus.materials.map((pm) => [pm.material.id, pm]));
  const privateNameList = corpus.materials.flatMap((pm) => privatePersons(pm)).flatMap((e) => [e.name, ...e.aliases]);
  const privateKeys = new Set(privateNameList.map((n) => corpus.aliases.key(n)));
  const privateNames = privateNameList.filter((n) => n.length >= 3).map(wholeName);
  return (item) => {
    if (item.kind === "written") return null;
    const answers = answersOf(item);
    if (answers.some((a) => privateKeys.has(corpus.aliases.key(a.trim())))) return "asks for a private individual the material quotes as a case";
    // A private individual in the item's own wording whom its evidence does not name is a wrong actor ("X called the dam
    // a temple", false: it was Y): a distractor no learner should weigh.
    const wording = "front" in item ? `${item.front} ${item.back}` : `${item.prompt} ${(item.options ?? []).map((o) => o.text).join(" ")}`;
    const evidenceText = item.evidence.map((e) => e.quote).join(" ");
    if (privateNames.some((n) => n.test(wording) && !n.test(evidenceText))) return "names a private individual the material quotes as a case as a wrong actor";
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
      if (!ownFact && privateCases(pm).some((c) => c.sentences.has(sentence.index))) return "about a private individual the material quotes as a case";
      if (asksFigure && isUndatedRunningCount(pm, sentence)) return 'a running count with no date ("so far"): a snapshot, not a fact';
      const list = asksFigure ? perUnitFigureList(pm, sentence) : null;
      // The head of a ranking ("West Bengal alone accounts for 42 per cent, followed by …") is the list's fact.
      if (list && !(list.rankedLead && answers.length > 0 && answers.every((a) => list.rankedLead!.includes(a)))) return "one entry of a list of per-unit figures";
    }
    return null;
  };
}
