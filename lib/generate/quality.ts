import type { ProcessedMaterial } from "@/lib/material/schemas";
import type { Corpus, SentenceRef } from "./corpus";
import { GARBLED_DATE, RELATIVE_DATE } from "./context";
import type { Card, EvidenceSpan, ItemQuality, Question } from "./schemas";
import { TOPIC_LEAD } from "./topic";
import { ANOTHER_MEMBER_AFTER, STOP_WORDS, examplesListAt, opensOnClippedIdiom } from "./text";
import { isDemonym } from "@/lib/material/entities";
import { unresolvedDescription } from "./descriptions";
import { unresolvedReferent } from "./referents";
import { sentencePositionAt } from "@/lib/material/segment";
import { asideAfterItemBlank, locatesPlace } from "./giveaways";
import institutionWords from "./institution-words.json";
import answerWords from "./answer-words.json";
import { isQuarterFigure } from "./worth";
import { isRecommendation, recommendationClauses } from "./advice";

/**
 * Item quality: every generated card and question carries a score in [0, 1] with the reasons for
 * it, so a reviewer sees the best drafts first and low-scoring drafts start unselected. Before
 * scoring, items that cannot stand on their own are dropped (fail closed): citation markers,
 * unresolved relative dates, a month or weekday as the answer, "X to X" statements, a blank glued to
 * a word, an opinion or recommendation treated as a checkable fact. Then one item, a card or a timed
 * question, per fact and per source sentence; once a set has enough items, the weakest go.
 */

export { LOW_QUALITY_SCORE } from "./quality-threshold";
/**
 * A set with more than this many cards and timed questions has enough: items scoring below
 * `WEAK_ITEM_SCORE` are then dropped, weakest first, down to this many (a small material keeps all it makes).
 */
export const ENOUGH_ITEMS = 40;
/** Below this score an item is a passing detail (a name mentioned once, fine print, an anniversary, a small count). */
export const WEAK_ITEM_SCORE = 0.65;
/**
 * At most this many items, cards and timed questions together, with one name or one figure as their answer (years have
 * their own rule). Blind examiners judged a second item with the same answer a repeat ("Repeats #22 (Article 131)").
 */
export const ITEMS_PER_ANSWER = 1;
/**
 * At most this many items, cards and timed questions together, from one source sentence. A sentence is one fact to a
 * learner: in the blind reviews of 4 and 5 Dec 2026, 224 of 497 "not worth studying" verdicts named a repeat, many of
 * them a card and a timed question on one sentence ("Repeats #9 (Abdur Razzaq, 1443)"), while the items not judged
 * repeats were worth studying more often than not.
 */
export const ITEMS_PER_SENTENCE = 1;

const CITATION = /\[(?:\d{1,4}|[a-z]|edit|citation needed|note \d+)\]|\(\s*\p{Lu}[\p{L}\p{M}\p{N}_'-]+,?\s+pp?\.\s*\d+/iu;
const MONTH_OR_WEEKDAY = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b\.?/;
/** "rose from 20% to 20%", "2004 to 2004": a statement that contradicts itself. */
const X_TO_X = /(?:^|[^\w₹$£€])([\w₹$£€][\w.,%₹$£€-]*(?:\s[\w%]+)?)\s+(?:to|and)\s+\1(?![\w.,%-])/i;
const GLUED_BLANK = /_____\(|_____(?:th|st|nd|rd|s)\b|[A-Za-z0-9]_____|_____[A-Za-z0-9]|\(\s*_____\s*\)|\d\s*[-\u2013]\s*_____|_____\s*[-\u2013]\s*\d/;
const OPENING_REFERENCE = /^(?:It|They|He|She|This|These|That|Those|Such|Its|Their|His|Her|Both|The latter|The former)\b/;
/** "…took some concrete steps.", "made several changes.": a predicate with no content to learn. */
const VAGUE_PREDICATE = /\b(?:some|certain|several|various|many|a few|a number of)\s+(?:\w+\s+)?(?:steps|measures|changes|actions|decisions|initiatives|reforms)\.?$/i;
/** "Of 521 total attacks, …", "Of _____ total attacks, …": a share of a total introduced before. */
const UNDATED_PARTITIVE = /^Of (?:the |its |their )?(?:about |some |over |nearly |around )?(?:\d[\d,.]*|_____)\s/;
/** "The Islamic Republic also shares…", "the Kingdom": a state named by an epithet, never by its name ("… of Iran" is a name). */
const STATE_EPITHET = /\b[Tt]he (?:Islamic )?(?:Republic|Kingdom|Emirate|Federation|Sultanate)\b(?!\s+of\b)/;
/** Recommendations and opinions: true for the writer, not a checkable fact. */
const wordList = (words: string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, String.raw`\s+`)).join("|");
/**
 * "Some analysts worry that…", "Experts say…", "Many observers believe…", "according to critics", "it is widely feared
 * that": a view pinned on an unnamed group. True of what they think; a statement with a value swapped in cannot be shown
 * false from the material, so no true/false or prelims statement is made of it (`answer-words.json`).
 */
export const HEDGED_ATTRIBUTION = new RegExp(
  String.raw`(?:^|[,;:]\s+|\b(?:that|but|and|while|although|though)\s+)(?:(?:some|many|several|a few|certain|most|other)\s+(?:[a-z-]+\s+){0,2})?(?:${wordList(answerWords.hedgedSubjects)})\s+(?:(?:have|had|also|now|increasingly|long|privately|widely|often)\s+){0,2}(?:${wordList(answerWords.hedgeVerbs)})\b|\baccording\s+to\s+(?:some|many|several|certain|other)?\s*(?:[a-z-]+\s+)?(?:${wordList(answerWords.hedgedSubjects)})\b|\bit\s+is\s+(?:widely\s+|often\s+|generally\s+|sometimes\s+)?(?:believed|feared|said|argued|thought|claimed|alleged|suggested|felt)\b`,
  "i",
);

/**
 * "…, according to critics of the government.", "…, the guild pointed out.", "Officials claimed that…": a sentence that
 * reports what someone says (`answer-words.json` reportingVerbs) — true of the speaker, so a card that drops the speaker
 * states the claim as fact.
 */
const REPORTED = new RegExp(
  String.raw`\baccording\s+to\b|,\s+(?:[^,;:]{1,60}?\s+)?(?:${wordList(answerWords.reportingVerbs)})\s*\.?\s*$|\b(?:${wordList(answerWords.reportingVerbs)})\s+that\b`,
  "i",
);

/** Does the sentence pin its statement on someone: a view of an unnamed group (`HEDGED_ATTRIBUTION`) or a claim it reports (`REPORTED`)? */
export function isAttributed(text: string): boolean {
  return HEDGED_ATTRIBUTION.test(text) || REPORTED.test(text);
}

/** "Breakdown of Political and Diplomatic Trust: Pakistan's…": a coaching answer's label, not part of the fact. */
const HEADING_LEAD = /^\p{Lu}[\p{L}\p{M}\p{N}_'-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}\p{N}_'-]*|of|and|the|in|for|on|to|with)){0,7}:\s/u;

/** "An amendment to that Act in 2006", "these reserves", "the same year": a noun that points back, not at a name. */
const INNER_REFERENCE = /\b(?:[Tt]his|[Tt]hese|[Tt]hose)\s+(?!is\b|was\b|are\b|were\b|has\b|had\b|will\b|would\b|can\b|could\b|may\b|means\b|way\b)[A-Za-z]+|\bthat\s+(?:Act|Amendment|Treaty|Protocol|Convention|Agreement|Bill|Order|Constitution|Court|Commission|Committee|[a-z]+(?:'s)?\s+(?:act|law|treaty|amendment|report|scheme|policy))\b|\bthat\s+(?:act|law|treaty|amendment|report|scheme|policy|year|decade|decision|move|step|period|time|agreement|plan|case|war|movement|campaign)\b(?!\s+(?:is|was|are|were|has|had|will|would|can|could|may|must|should)\b)|\bthe same (?:year|day|month|time|period)\b/;

/**
 * "…responding to the situation", "…across both nations", "…under the treaty": a definite description that points back
 * to what an earlier sentence named. A flashcard stands alone, so the item must name it itself. Narrow on purpose: "the
 * decision", "the crisis", "the development of …" usually point inside their own sentence ("The Council decided …; the
 * decision cut prices"), and a qualified phrase ("the situation of rising prices", "the two sides of the membrane", "the
 * two governments, Union and state") names what it means.
 */
const BACK_REFERENCE = /(?<![\p{L}\p{M}])(?:[Tt]he (?:situation|standoff|stand-off|issue at hand|said|aforesaid)|(?:[Bb]oth|[Tt]he two) (?:nations|countries|sides|states|neighbours|neighbors|parties|leaders|governments))(?![\p{L}\p{M}])(?!\s+(?:of|to|in|at|on|over|between|that|which|where|with|for|from)(?![\p{L}\p{M}]))(?!\s*,\s*\p{Lu})/u;
/** "after the war", "under the treaty": a named kind of document or event left unnamed. Case-sensitive on purpose ("\p{Lu}" with the "i" flag matches any letter). */
const UNNAMED_DEFINITE = /(?<![\p{L}\p{M}])(?:[Uu]nder|[Oo]f|[Bb]y|[Ii]n|[Tt]o|[Ff]rom|[Dd]uring|[Aa]fter|[Bb]efore)\s+the\s+(treaty|protocol|agreement|convention|accord|pact|war|act|amendment|bill)(?![\p{L}\p{M}])(?!\s+(?:(?:of|on|for|to|between|in|with|against|at)\s+\p{Lu}|(?:of|in)\s+\d{4}))/gu;
/** Two names joined ("Veldra and Ostra", "Veldra and _____"): a "both …" or "the two …" then has its antecedents in the statement itself. */
const TWO_NAMES = /(?:(?<![\p{L}\p{M}\p{N}'’-])\p{Lu}[\p{L}\p{M}'’-]{0,40}|_____)\s+(?:and|&)\s+(?:the\s+)?(?:\p{Lu}|_____)/u;

/** Does the statement point back to something only an earlier sentence names? */
function pointsBack(statement: string): boolean {
  const back = BACK_REFERENCE.exec(statement);
  if (back && (!/^(?:both|the two)\s/i.test(back[0]) || !TWO_NAMES.test(statement))) return true;
  for (const unnamed of statement.matchAll(UNNAMED_DEFINITE)) {
    const head = unnamed[1]!;
    const Head = head[0]!.toUpperCase() + head.slice(1);
    const rest = statement.slice(0, unnamed.index) + statement.slice(unnamed.index + unnamed[0].length);
    // Named in the statement itself — "the Treaty of Versailles", "the Environment (Protection) Act", "the 42nd
    // Amendment", "the War of 1812" — or introduced there ("fought a war with …", "launched a movement").
    if (new RegExp(String.raw`(?<![\p{L}\p{M}])${Head}(?![\p{L}\p{M}])`, "u").test(rest)) continue;
    if (new RegExp(String.raw`(?<![\p{L}\p{M}])(?:[Aa]n?|[Tt]his|[Ii]ts|[Tt]heir)\s+(?:[\p{L}\p{M}-]+\s+){0,2}${head}(?![\p{L}\p{M}])`, "u").test(rest)) continue;
    return true;
  }
  return false;
}

// "recommend" as a verb is advice; the noun with whose it is, history ("added on the recommendation of the Swaran Singh
// Committee"); a bare "the recommendations" leans on an earlier sentence for whose they were.
export const OPINION =
  /\b(?:should|ought to|needs? to|have to|has to|it is (?:time|imperative|essential|necessary|high time|vital|crucial)|would do well|argues?|argued|arguing|believes?|believed|in (?:my|our|his|her|their) view|arguably|I think|we think|recommend(?:s|ed|ing)?\b|recommendations?\b(?!\s+(?:of|by|made by)\b)|must be|must not|must now|must pursue|must do|can aid|can help|could help|would help|may try|might try|is likely to|are likely to|may well|hopes? to)\b/i;

/**
 * Is the text an opinion or a recommendation, no checkable fact: a modal or a verb of belief (`OPINION`), or a
 * recommendation cue ("will depend on", "the way forward is") that no source is named for, in every clause
 * (`isRecommendation`; a clause that reports a source's forecast, or another clause's fact, is checkable).
 */
export const isOpinion = (text: string) => OPINION.test(text) || isRecommendation(text);

/** What a question or card shows as its statement, without the instruction before it. */
function statementOf(text: string): string {
  return text
    .replace(TOPIC_LEAD, "")
    .replace(/^(?:True or false\?|When\?|Give the (?:missing figure|figure the material states):|Which (?:figure|date|person|place|name) completes the statement\?)\s*/i, "")
    .replace(/^Consider the following statements:\s*/, "")
    .replace(TOPIC_LEAD, "");
}

/** The engine's own words in an item ("give the figure the material states:"), which point to nothing in the material. */
const ITEM_INSTRUCTION = /(?:True or false\?|When\?|Why\?|[Gg]ive the (?:missing figure|figure the material states):|Which (?:figure|date|person|place|name) completes the statement\?|Consider the following statements:|Which of the statements given above (?:is|are) correct\?)\s*/g;

function answersOf(item: Card | Question): string[] {
  if ("front" in item) return [item.back];
  // A prelims item's key ("2 and 3 only", "None of the above") names statements, not a fact: like a true/false item it
  // states no answer of its own.
  if (isPrelims(item)) return [];
  // A numeric item's answer is the bare number; with its unit it is the figure a card or a choice asks ("4 per cent").
  if (item.kind === "numeric" && item.answer && item.unit) return [`${item.answer} ${item.unit}`];
  const correct = (item.options ?? []).filter((o) => o.correct).map((o) => o.text);
  return [...correct, ...(item.answer && item.kind !== "true_false" ? [item.answer] : [])];
}

function visibleTextOf(item: Card | Question): string {
  if ("front" in item) return `${item.front}\n${item.back}`;
  return [item.prompt, ...(item.options ?? []).map((o) => o.text), item.answer ?? ""].join("\n");
}

/** Why an item cannot be used as it stands, or null. Written questions and model answers are checked elsewhere. */
export function itemDefect(item: Card | Question): string | null {
  const text = visibleTextOf(item);
  if (CITATION.test(text)) return "contains a citation marker";
  if (RELATIVE_DATE.test(text)) return "keeps a relative date";
  if (answersOf(item).some((a) => MONTH_OR_WEEKDAY.test(a))) return "tests a month or weekday";
  if (X_TO_X.test(text.replace(/_____/g, "").replace(/\n/g, " "))) return 'states "X to X"';
  if ("prompt" in item && (GLUED_BLANK.test(item.prompt) || /\([^)]*_____[^(]*\)/.test(item.prompt))) return "the blank is part of a word or an aside";
  if ("front" in item && (GLUED_BLANK.test(item.front) || /\([^)]*_____[^(]*\)/.test(item.front))) return "the blank is part of a word or an aside";
  // "The most recent (2004) evaluation…": a value altered inside an aside tests the aside, not the fact.
  if (item.kind === "true_false" && "prompt" in item) {
    const asides = item.prompt.match(/\([^()]*\d[^()]*\)/g) ?? [];
    if (asides.some((a) => !item.evidence.some((e) => e.quote.includes(a)))) return "the altered value is part of an aside";
  }
  const statements = "prompt" in item && item.kind === "single_choice" && /^Consider the following statements/.test(item.prompt)
    ? item.prompt.split("\n").slice(1, -1).map((l) => l.replace(/^\d+\.\s*/, "").replace(TOPIC_LEAD, ""))
    : [statementOf("front" in item ? item.front : item.prompt)];
  // Whatever rewrote the sentence, a phrase it broke: "for much of in 2025", "Far the Bank has…" (from "So far the Bank…").
  if (GARBLED_DATE.test(text)) return 'a date rewritten into a garbled phrase ("for much of in 2025")';
  if (statements.some((s) => item.evidence.some((e) => opensOnClippedIdiom(s, e.quote)))) return 'opens on the rest of a clipped idiom ("Far the…" from "So far the…")';
  if (statements.some((s) => OPENING_REFERENCE.test(s))) return "opens with an unresolved reference";
  if (statements.some((s) => HEADING_LEAD.test(s))) return "carries a heading or label from its source";
  if (statements.some((s) => INNER_REFERENCE.test(s) || (item.kind !== "who_said" && pointsBack(s)))) return "points back to an earlier sentence";
  // "the matter", "both tracks", "India's decision", "the main criminal case": which one, the item never says.
  const description = unresolvedDescription(text.replace(ITEM_INSTRUCTION, ""));
  if (description) return `names a thing only by a description nothing in the item resolves ("${description}")`;
  // "Section _____ requires…", "the first vice-chairperson", "the trees", "delegates attended.": a referent the item never gives.
  const referent = unresolvedReferent(text.replace(ITEM_INSTRUCTION, ""), answersOf(item));
  if (referent) return referent;
  if (statements.some((s) => VAGUE_PREDICATE.test(s))) return "says nothing checkable (\"took some steps\")";
  // "Of 521 total attacks, 95% occurred in…": the total was dated or placed in the sentence before.
  if (statements.some((s) => UNDATED_PARTITIVE.test(s) && !/\b(?:1[5-9]|20)\d{2}\b/.test(s))) return "splits a total the item never dates or places";
  if (statements.some((s) => STATE_EPITHET.test(s))) return "names a state only by an epithet (\"The Islamic Republic\")";
  if (item.kind !== "who_said" && item.kind !== "written" && item.evidence.some((e) => isOpinion(e.quote))) return "treats an opinion or recommendation as a checkable fact";
  // A statement to judge true or false is judged whole: a clause in it that is the writer's judgment ("…; its credibility
  // will rest on robust audits") is no fact, though a cloze may ask the other clause.
  if ((item.kind === "true_false" || statements.length > 1) && statements.some((s) => recommendationClauses(s).length > 0)) return "a true/false statement with a clause of judgment (\"will depend on\"): not checkable";
  if ((item.kind === "true_false" || statements.length > 1) && item.evidence.some((e) => HEDGED_ATTRIBUTION.test(e.quote))) return "a true/false statement of what an unnamed group thinks (\"some analysts worry\"): not checkable";
  return null;
}

/** The material's key terms: the most frequent content lemmas and entity keys, by sentence count. */
const keyTermCache = new WeakMap<Corpus, Set<string>>();
export function keyTermsOf(corpus: Corpus): Set<string> {
  let terms = keyTermCache.get(corpus);
  if (terms) return terms;
  const ranked = [...corpus.byTerm.entries()]
    .filter(([t]) => t.length > 3 && !STOP_WORDS.has(t) && !/^\d/.test(t))
    .map(([t, refs]) => ({ t, n: new Set(refs).size }))
    .filter((x) => x.n >= 2)
    .sort((a, b) => b.n - a.n || a.t.localeCompare(b.t));
  terms = new Set(ranked.slice(0, Math.max(15, Math.round(corpus.refs.length / 6))).map((x) => x.t));
  keyTermCache.set(corpus, terms);
  return terms;
}

const COMMENTATOR = /\b(?:analyst|expert|fellow|scholar|researcher|journalist|commentator|columnist|professor|writer|author|editor|correspondent|think[- ]tank)\b/i;
const REPORT_CONTEXT = /\b(?:report|survey|study|data|figures|statement|paper|estimate|census|index)\b/i;

export interface QualityInput {
  kind: Card["kind"] | Question["kind"] | "multi_statement";
  /** What the item asks for: a figure, a year, an actor… */
  asks?: "number" | "year" | "person" | "place" | "actor" | "term" | "speaker" | "expansion" | "definition" | "cause" | "statement";
  unit?: string;
  value?: number;
  refs: SentenceRef[];
  /** Text the learner reads (for length). */
  text: string;
  /** The speaker's role for who-said cards, the definition for "Who is" cards. */
  role?: string;
  /** The name asked for (a person, body or place, an acronym's expansion), when the answer is one. */
  answerName?: string;
}

/** "A former Pakistani ambassador to the US": someone who speaks for no one now. */
const FORMER_OFFICE = /^(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:former|retired|ex-)/i;
/** Inventories: how many soldiers, tanks, aircraft or seats — the kind of figure an examiner leaves to yearbooks. */
const INVENTORY = /\b(?:personnel|troops|soldiers|tanks|aircraft|helicopters|jets|warships|armou?red (?:fighting )?vehicles|seats)\b/i;
/**
 * "_____ civilians and security personnel were killed": a toll of lives lost counts people, not forces held. Only when
 * the casualty words govern the blanked figure: the counted noun phrase right after the blank, then a passive or
 * intransitive casualty verb in the same clause ("were killed", "died", "lost their lives"); "_____ dead", "_____
 * civilian deaths"; "militants killed _____ pilgrims"; "a death toll of _____". A casualty word elsewhere in the
 * sentence ("120 seats… killed the bill", "troops… after militants killed 40 pilgrims", "a dead letter", "the Dead
 * Sea") leaves the figure an inventory. "How many …?" asks the figure as a blank does.
 */
const NOUN_PHRASE_WORD = String.raw`(?!(?:but|which|who|whom|that|after|before|when|while|as|because|since|though|although|whereas|if|until|despite)\b)[a-z][a-z-]*,?\s+`;
const CASUALTY_GOVERNS_BLANK = [
  new RegExp(String.raw`_____\s+(?:${NOUN_PHRASE_WORD}){0,6}?(?:(?:were|was|are|is|have been|has been|had been|got)\s+(?:[a-z]+ly\s+)?(?:killed|wounded|injured|martyred|massacred|dead|feared dead)|died|perished|lost their lives)\b`),
  /_____\s+(?:[a-z][a-z-]*\s+){0,2}(?:deaths|dead|casualties|fatalities)\b/,
  /\b(?:killed|killing|wounded|injured|massacred|martyred)\s+(?:at least\s+|more than\s+|over\s+|nearly\s+|about\s+|some\s+|almost\s+)?_____/,
  /\b(?:death toll|toll|deaths|casualties|fatalities)\s+(?:of|at|rose to|stood at|reached|climbed to)\s+(?:at least\s+|more than\s+|over\s+|nearly\s+|about\s+|some\s+|almost\s+)?_____/,
];
function casualtyGovernsBlank(text: string): boolean {
  const asked = text.replace(/^(?:According to [^,]{1,120},\s+)?how many\b/i, "_____");
  return CASUALTY_GOVERNS_BLANK.some((re) => re.test(asked));
}
/** A research body or data source as the answer ("Pak Institute for Peace Studies"): where a figure came from, not an actor. */
// An academy only in its research sense ("Academy of Sciences", "Academy of Arts and Sciences"), never a school for
// officers, police or film-makers ("National Defence Academy", "Royal Military Academy").
const SOURCE_BODY = /\b(?:Institute|Academy\s+of\s+(?:(?:Social|Natural|Medical|Agricultural|Political)\s+)?Sciences?(?:\s+and\s+\p{Lu}\p{Ll}+)?|Academy\s+of\s+Arts\s+and\s+Sciences|Institution|Cent(?:re|er)\s+for|Foundation|Observatory|Studies|Think[- ]?tank|Monitor|Database)\b/u;
/** Anniversaries and commemorations: dates a material marks, not events an examiner asks. */
const ANNIVERSARY = /\b(?:anniversar(?:y|ies)|commemorat\w*|centenary|jubilee|celebrat\w*)\b/i;
/** "By December 27, 2018, 65 countries had ratified…", "as of 2024": a running tally, out of date as soon as it is read. */
const RUNNING_TALLY = /\b(?:by|as of|as on|till|until|so far|to date|till date|at present|currently)\b[^.]{0,40}\b(?:had|have|has)\s+(?:been\s+)?\w+ed\b|\b(?:as of|as on|so far|to date|till date)\b|\bsince\s+(?:\d{4}|independence)\b[^.]{0,20}\bthere\s+(?:have|has)\s+been\b/i;
/** "A 2023 assessment … reviewed 37 plans", "X estimated that …", "according to data from …": a figure someone measured or projected. */
// Verbs and phrases only: "the Estimates Committee", "45 irrigation projects", a census or an index figure are not it.
const REPORTED_FIGURE = /\b(?:according to|(?:an?|the|its|their|\d{4})\s+(?:[\w-]+\s+){0,2}(?:report|survey|study|assessment|analysis|forecast)\b(?!\s+(?:Committee|Commission|Act|Bill)\b)|(?:has|have|had|was|were|is|are|be|been)\s+(?:\w+ly\s+)?(?:estimated|projected|forecast)\b|\b(?:estimated|projected|calculated|forecast)\s+that\b|an estimated\b|data (?:from|by|of|compiled|released)|figures (?:from|released|published|compiled))/i;
/** "The IMF estimates India's growth at…", "Estimates put the toll at…": a named body's estimate (case-sensitive: "45 irrigation projects" is no verb). */
const ESTIMATED_BY_NAME = /\b(?:[A-Z]{2,}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\s+(?:estimates|projects|forecasts)\s+(?!(?:that|were|was|are|is|have|has|had|in|of|to|for|under|and|worth|completed|funded|built|approved|sanctioned|launched)\b)|^Estimates\s+put\b/;
/** "Sweden became the 20th Party to ratify": the order of ratification is a running tally too. */
const NTH_TO_JOIN = /\b(?:became|was|is|as) the \d+(?:st|nd|rd|th) (?:country|countries|party|parties|state|states|nation|nations|member|signatory) to (?:ratify|sign|join|accede|adopt)\b/i;
/** "it took 18 months", "within 90 days": a duration in days, weeks or months is a detail; years carry the story. */
const SHORT_DURATION = /_____\s+(?:days?|weeks?|months?)\b/i;
/** "A Technology Panel was established in 1990": the founding year of the machinery around a subject. */
const BODY_FOUNDED = /\b(?:Panel|Board|Committee|Secretariat|Bureau|Working Group|Task Force|Office)\b[^.]{0,60}\b(?:established|set up|created|formed|constituted|founded)\b|\b(?:established|set up|created|formed|constituted|founded)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,5}(?:Panel|Board|Committee|Secretariat|Bureau|Working Group|Task Force|Office)\b/;
/** "_____'s Shandong province": the words after the blank give the place away. */
const PLACE_GIVEN_BY_PART = /_____'s\s+\p{Lu}[\p{L}\p{M}\p{N}_-]*(?:\s+\p{Lu}[\p{L}\p{M}\p{N}_-]*)?\s+(?:province|state|region|district|city|county|prefecture)\b/u;
/** "was agreed in 1987", "came into force in 2019": the year a treaty, law or body began — a milestone an examiner asks. */
const MILESTONE = /\b(?:was|were)\s+(?:\w+\s+)?(?:agreed|signed|adopted|enacted|passed|founded|established|formed|launched|ratified)\b|\b(?:came|entered)\s+into\s+(?:force|effect)\b|\bsigned\s+the\b/i;
/** "received accolades", "was widely praised": praise is a verdict, not a fact to test. */
const PRAISE = /\b(?:received|won|earned|drew)\s+(?:\w+\s+)?(?:accolades|praise|acclaim|plaudits)\b|\b(?:was|were)\s+(?:widely\s+)?(?:praised|lauded|applauded)\b/i;
/** "Bharatiya Janata Party", "United Progressive Alliance": a party's or coalition's full name is vocabulary, not a fact about the subject. */
const PARTY_NAME = /\b(?:Party|Alliance|Front|League|Dal|Morcha)$/;
/** A blank among a list of names ("Several scientists, including _____, Richard Stolarski, Michael McElroy…"): one of many, trivia. */
const BLANK_IN_NAME_LIST = /(?:_____,\s+\p{Lu}[\p{L}\p{M}\p{N}_.'-]*(?:\s+\p{Lu}[\p{L}\p{M}\p{N}_.'-]*)*,?\s+(?:(?:and|or)\s+)?\p{Lu})|(?:\p{Lu}[\p{L}\p{M}\p{N}_.'-]*(?:\s+\p{Lu}[\p{L}\p{M}\p{N}_.'-]*)*,\s+\p{Lu}[\p{L}\p{M}\p{N}_.'-]*(?:\s+\p{Lu}[\p{L}\p{M}\p{N}_.'-]*)*,?\s+(?:and\s+)?_____)/u;

/**
 * "_____ has urged both sides to…", "_____ has offered to help facilitate dialogue", "_____ expressed concern over…", the
 * blank its subject: a diplomatic appeal or reaction many states or bodies voice. Not "called for complete independence"
 * or "condemned the massacre": acts one actor did.
 */
const APPEAL_BY_BLANK = /(?:^|,\s+)(?:The\s+)?_____(?:\s*,[^,]{1,80},)?\s+(?:(?:has|have|had|is|are|was|were)\s+)?(?:also\s+)?(?:urged\s+(?:both|all|the two)\s+(?:sides|parties|countries|nations)|urged\s+\p{Lu}[^.;]{0,60}\s+and\s+\p{Lu}[^.;]{0,40}\s+to\b|call(?:ed|ing)\s+for\s+(?:restraint|calm|dialogue|de-escalation|a ceasefire|an immediate)|offer(?:ed|ing)\s+to\s+(?:mediate|help|facilitate)|expressed\s+(?:concern|hope|alarm|regret)|responding\s+to\s+[^.;]{0,40}\s+by\s+(?:encouraging|urging))/u;
/**
 * "observers including the _____", "donors such as Norway and _____", "such as _____ and Germany": the statement itself
 * says the blank is one of several. A lone example ("Harappan sites such as _____ had a dockyard") is often the one the
 * subject is known by, and keeps its score. (`clozeCards` skips the first kind — `Slot.isOneOfSeveral` — and the choice
 * items skip any name in a list — `Slot.isOpenRange` —, so this remains a guard for any other item whose text blanks one.)
 */
function blankIsOneOfSeveral(text: string): boolean {
  const at = text.indexOf("_____");
  const list = at >= 0 ? examplesListAt(text.slice(0, at)) : null;
  if (!list) return false;
  return list.opener === "including" || list.opener === "among them" || list.membersBefore > 0 || ANOTHER_MEMBER_AFTER.test(text.slice(at + 5));
}
/** "Article _____", "section _____ of the Act": the number names a provision, which an examiner asks. */
const PROVISION_NUMBER = /\b(?:Article|Art\.|Section|Schedule|Part|Amendment|Clause|Rule)s?\s+_____/i;
/** Panels, boards, committees, meetings, secretariats: the machinery around a subject, not its actors (an academy is a school or a learned society). */
const PROCEDURAL_BODY = /\b(?:Panel|Board|Committee|Secretariat|Bureau|Meeting|Working Group|Task Force|Service|Office)s?\b/;
/** A capitalised word, Latin letters with diacritics ("Ārya", "Émile"). */
const CAP = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
/** A proper name: capitalised words, joined by the small words names keep ("Board of India", "Panel on Climate Change"). */
// Never across "and"/"&": "The Dredging Review Panel and the National Water Authority" is two names, and a name's own
// "and" ("Goods and Services Tax") only splits off words that head no body.
const PROPER_NAME = new RegExp(String.raw`${CAP}(?:\s+(?:(?:of|on|for|the|to|in)\s+)*${CAP})*`, "gu");
const alternation = (words: string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
/** Words that say whose a body is: an institution of a state or of nations, not a panel of the material's process. */
const JURISDICTION = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternation(institutionWords.jurisdiction)})(?![\p{L}\p{N}])`, "u");
/** A meeting, a working group, a task force: ad hoc whoever holds it. */
const ALWAYS_PROCEDURAL = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternation(institutionWords.alwaysProcedural)})(?![\p{L}\p{N}])`, "u");

/**
 * Is this proper name a procedural or advisory body — the machinery around a subject (an assessment panel, an executive
 * committee, a meeting of the parties) rather than an institution? The body word must be the name's head ("Services" in
 * "Goods and Services Tax" is not: a tax is no body), and a name that says whose the body is — a jurisdiction word
 * ("Central Board of …", "Public Accounts Committee", "Intergovernmental Panel …"), a demonym ("Indian … Service"), or
 * "of" a place the material names ("… Board of India") — is a named institution of a state or of nations.
 */
function isProceduralBodyName(corpus: Corpus, name: string): boolean {
  if (ALWAYS_PROCEDURAL.test(name)) return true;
  const words = name.trim().split(/\s+/);
  const bodyAt = words.findIndex((w, i) => PROCEDURAL_BODY.test(w) && !/^\p{Lu}/u.test(words[i + 1] ?? ""));
  if (bodyAt < 0) return false;
  // Whose the body is shows in the modifiers before its head word ("Central Board", "Indian Forest Service"); after it
  // they name its subject ("Expert Committee on Public Health", "Review Panel on Federal Grants"), not its owner.
  const modifiers = words.slice(0, bodyAt).join(" ");
  if (JURISDICTION.test(modifiers)) return false;
  if (words.slice(0, bodyAt).some((w) => /^\p{Lu}/u.test(w) && isDemonym(w.replace(/'s$/, "")))) return false;
  // "… Board of India": "of" a place the material names is an owner; "of" anything else is not.
  const owner = /\bof\s+(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*)\s*$/u.exec(name)?.[1];
  return !(owner && corpus.entityKind(owner) === "place");
}

/** Does the sentence name a procedural body (by the test above), not only an institution whose name has a body word? */
function namesProceduralBody(corpus: Corpus, text: string): boolean {
  if (!PROCEDURAL_BODY.test(text)) return false;
  for (const m of text.matchAll(PROPER_NAME)) if (PROCEDURAL_BODY.test(m[0]) && isProceduralBodyName(corpus, m[0].replace(/^The\s+/, ""))) return true;
  return false;
}
/** "released a report that…", "scientists have reported": the date of a publication, not of the event. */
const REPORT_RELEASE = /\b(?:released|published|issued|brought out)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}(?:report|study|assessment|survey|paper|review)\b|\b(?:have|has)\s+reported\b|\breported\s+that\b/i;

/**
 * "A coalition of many political parties", "The country's premier civil service": a genus with a vague
 * quantifier, or a short one with nothing after its head to tell the thing from others of its kind.
 */
function VAGUE_DEFINITION(definition: string): boolean {
  // The quantifier must describe the genus itself ("a coalition of many parties"), not a later detail
  // ("a treaty designed to protect the ozone layer by phasing out the production of numerous substances").
  if (/^(?:(?:an?|the)\s+)?(?:[\w'-]+\s+){1,3}(?:of|among|between)\s+(?:many|several|various|some|numerous|a number of|a few)\b/i.test(definition.trim())) return true;
  const words = definition.trim().split(/\s+/);
  return words.length <= 5 && !/\b(?:of|that|which|who|whose|for|to|in|on|with|by|from|under|designed|used|responsible|set up|created|formed)\b/i.test(words.slice(1).join(" "));
}

/** A name with its other spellings in the material ("TEAP" and "Technology and Economic Assessment Panel"). */
function namesOf(corpus: Corpus, name: string): string[] {
  const entity = corpus.aliases.resolve(name);
  return entity ? [name, entity.name, ...entity.aliases, ...(entity.acronym ? [entity.acronym] : [])] : [name];
}

/** "PM" where "prime minister" fills the material: letters that spell a phrase in at least one sentence in ten. */
function abbreviatesSubject(corpus: Corpus, answer: string): boolean {
  if (!/^[A-Z]{2,5}$/.test(answer)) return false;
  const phrase = new RegExp(`\\b${[...answer].map((c) => `${c}[a-z]+`).join("\\s+")}\\b`, "i");
  const hits = corpus.refs.filter((r) => phrase.test(r.sentence.text)).length;
  return hits >= Math.max(3, corpus.refs.length / 10);
}

/** Most of the answer's own words stand elsewhere in the statement ("the 28th _____ to the Protocol, the Parties…" → "Meeting of the Parties"). */
function givenAwayInPart(statement: string, answer: string): boolean {
  // Only a blank can be given away: a true/false or prelims statement shows its name by design.
  if (!statement.includes("_____")) return false;
  const words = answer.toLowerCase().split(/[^\p{L}\p{M}]+/u).filter((w) => w.length > 2 && !STOP_WORDS.has(w));
  if (words.length < 2) return false;
  const rest = new Set(statement.toLowerCase().replace(/_____/g, " ").split(/[^\p{L}\p{M}]+/u));
  return words.filter((w) => rest.has(w) || rest.has(w.replace(/s$/, "")) || rest.has(`${w}s`)).length * 2 >= words.length;
}

/** How many sentences of the corpus name this entity (through any alias). */
export function mentionCount(corpus: Corpus, name: string): number {
  return corpus.byTerm.get(`@${corpus.aliases.key(name)}`)?.length ?? 0;
}

const GOVERNMENT_HEAD = new RegExp(String.raw`^(?:the\s+)?(?:(?:${wordList(answerWords.governmentHeads)})\s+of\s+.+|(?:${wordList(answerWords.governmentModifiers)})\s+(?:${wordList(answerWords.governmentHeads)}))$`, "iu");
/** "Government of India", "Union Government": the executive as a whole, not a named body ("Dual Government" is a system). */
function isGovernmentName(name: string): boolean {
  // ("Government of India Act" is a statute, named by its last word.)
  return GOVERNMENT_HEAD.test(name.trim()) && !STATUTE_LAST.test(name.trim());
}
const STATUTE_LAST = new RegExp(String.raw`\b(?:${wordList(answerWords.statuteHeads)})$`);

/**
 * Roles that make who someone is worth asking even when the material only quotes them (`isOnlyQuoted`) or names nothing
 * else of the role: a founder, a ruler, the first holder of an office.
 */
export const LASTING_ROLE = /\b(?:founder|the first|the last|king|queen|emperor|empress|ruler|sultan|nawab|prime minister|chief minister|(?<!vice[- ])president of (?:India|the Republic)|governor-general|viceroy|chief justice)\b/i;

/** A year blank inside a participial or relative aside between commas (", held in … _____,", ", which were … in _____,"). */
const YEAR_IN_ASIDE = new RegExp(String.raw`[\p{L}\p{N})],\s+((?:which|who|${wordList(answerWords.detailParticiples)})(?![\p{L}])[^,;()]*_____[^,;()]*),\s+\p{Ll}`, "u");
/** "ratified", "set up", "enacted": a verb that makes the year of an aside a milestone, asked like any other. */
const MILESTONE_VERB = new RegExp(String.raw`(?<![\p{L}])(?:${wordList(answerWords.milestoneVerbs)})(?![\p{L}])`, "iu");
/** Does the year blank date only an aside — a detail, not a milestone? */
function datesAnAside(text: string): boolean {
  const aside = YEAR_IN_ASIDE.exec(text)?.[1];
  return !!aside && !MILESTONE_VERB.test(aside);
}

/**
 * Does a person's role name only things the material names in one sentence at most (its own), with none of its common
 * words among the material's key terms ("the former head of the Tennessee Valley Authority in the United States" in a
 * text on a water treaty)? A role with no name in it is left alone: "a Swiss engineer" says too little to judge.
 */
function isUnlinkedRole(corpus: Corpus, role: string): boolean {
  const names = (role.match(PROPER_NAME) ?? []).map((n) => n.replace(/^The\s+/, "")).filter((n) => n.length > 1);
  if (!names.length) return false;
  if (names.some((n) => mentionCount(corpus, n) > 1)) return false;
  const inNames = new Set(names.flatMap((n) => n.toLowerCase().split(/\s+/)));
  const keyTerms = keyTermsOf(corpus);
  const words = role.toLowerCase().split(/[^\p{L}\p{M}-]+/u).filter((w) => w.length > 3 && !inNames.has(w) && !STOP_WORDS.has(w));
  return !words.some((w) => keyTerms.has(w) || keyTerms.has(w.replace(/s$/, "")));
}

/** A score in [0, 1] with its reasons: what the item asks for, how central its fact is, how readable it is. */
export function scoreItem(corpus: Corpus, input: QualityInput): ItemQuality {
  let score = 0.45;
  const reasons: string[] = [];
  let penalty = 0;
  const add = (delta: number, reason: string) => {
    score += delta;
    if (delta < 0) penalty -= delta;
    reasons.push(`${delta >= 0 ? "+" : "−"}${Math.abs(delta).toFixed(2)} ${reason}`);
  };
  switch (input.asks) {
    case "number":
      if (input.unit && input.unit !== "count") add(0.2, "asks for a figure with its unit");
      else if (PROVISION_NUMBER.test(input.text)) add(0.15, "asks for a provision's number (an article, a section)");
      // A head count (seats won, troops, signatories, volunteers) is fine print unless it is the point: shares and sums carry more.
      else if ((input.value ?? 0) >= 10) add(0.05, "asks for a count");
      else add(-0.1, "asks for a small count");
      break;
    case "year":
      add(0.1, "asks for a year");
      break;
    case "actor":
      add(0.15, "asks for the actor");
      break;
    case "person":
      add(0.05, "asks for a person");
      break;
    case "place":
      add(0.05, "asks for a place");
      break;
    case "term":
      if (input.kind === "qa") break;
      add(0.15, "asks which of the material's terms a statement characterises");
      break;
    case "expansion":
      // What an abbreviation stands for is vocabulary, not a fact of the subject: two blind examiners (issue 9 reviews,
      // seeds 1431 and 2214) judged every such card not worth studying (0 of 15), the subject's own name included. An
      // acronym card is kept only when the set has nothing better.
      add(-0.15, "spells out an abbreviation: vocabulary, not a fact of the subject");
      break;
    case "definition":
      add(0.15, "defines a term of the subject");
      break;
    case "cause":
      add(0.15, "asks for a cause or reason");
      break;
    case "speaker":
      add(0.05, "who stated a policy (an office-holder's commitment, demand or offer)");
      break;
    default:
      break;
  }
  if (input.asks === "definition" && input.role && VAGUE_DEFINITION(input.role)) add(-0.2, "a definition too vague to learn (no distinguishing feature)");
  if ((input.asks === "speaker" || input.asks === "definition") && input.role && (COMMENTATOR.test(input.role) || FORMER_OFFICE.test(input.role))) add(-0.25, "the identity of a commentator or a former official is trivia");
  const sentenceText = input.refs.map((r) => r.sentence.text).join(" ");
  if (input.asks === "year" && REPORT_CONTEXT.test(sentenceText) && /\b(?:report|survey|study|data)\s+(?:of|from|in|published)\b|\b(?:19|20)\d{2}\s+(?:report|survey|study|data)\b/i.test(sentenceText)) add(-0.2, "asks for the date of a report");
  if (input.answerName && (input.asks === "person" || input.asks === "actor" || input.asks === "place" || input.asks === "expansion")) {
    // A name the whole material mentions once is a passing detail, not a fact the material is about.
    if (mentionCount(corpus, input.answerName) <= 1) add(-0.15, "a name the material mentions only once");
    if (input.asks !== "person" && input.asks !== "place" && namesOf(corpus, input.answerName).some((n) => SOURCE_BODY.test(n))) add(-0.2, "a research body or data source, not an actor");
  }
  if (input.answerName && (input.asks === "actor" || input.asks === "term" || input.asks === "expansion" || input.asks === "place") && namesOf(corpus, input.answerName).some((n) => isProceduralBodyName(corpus, n))) add(-0.2, "a procedural or advisory body (a panel, board, committee, meeting), not a main actor");
  if (input.answerName && input.asks !== "expansion" && abbreviatesSubject(corpus, input.answerName)) add(-0.3, "the material's own subject, abbreviated (\"PM\" in a text on the prime minister)");
  if (input.answerName && input.asks !== "expansion" && givenAwayInPart(input.text, input.answerName)) add(-0.15, "the statement already names most of the answer");
  if (ANNIVERSARY.test(sentenceText)) add(-0.2, "an anniversary or commemoration");
  if ((input.asks === "number" || input.asks === "year") && RUNNING_TALLY.test(sentenceText)) add(-0.15, "a running tally, soon out of date");
  if (input.asks === "number" && !PROVISION_NUMBER.test(input.text) && (REPORTED_FIGURE.test(sentenceText) || ESTIMATED_BY_NAME.test(sentenceText))) add(-0.2, "a figure from a report, survey or estimate: the next one replaces it");
  if ((input.asks === "number" || input.asks === "year") && NTH_TO_JOIN.test(sentenceText)) add(-0.15, "the order in which parties joined: a running tally");
  // "About _____ patients were recorded … in the July–September quarter": one quarter's operational figure, which the next
  // quarter's replaces (`quarterPeriods`).
  if (input.asks === "number" && isQuarterFigure(sentenceText)) add(-0.15, "one quarter's operational figure: the next quarter replaces it");
  if (input.asks === "number" && SHORT_DURATION.test(input.text)) add(-0.15, "a duration in days, weeks or months: a detail");
  const isBodyFounded = BODY_FOUNDED.test(sentenceText) && namesProceduralBody(corpus, sentenceText);
  if (input.asks === "year" && isBodyFounded) add(-0.15, "the year a panel, board or committee was set up: procedural");
  if (input.asks === "number" && (!input.unit || input.unit === "count") && !isBodyFounded && namesProceduralBody(corpus, sentenceText)) add(-0.15, "the make-up of a procedural body (a committee, panel, board): fine print");
  if (input.asks === "place" && PLACE_GIVEN_BY_PART.test(input.text)) add(-0.2, "the words after the blank give the place away");
  // "migrated from _____ (south Gujarat) to…": an aside that locates the blanked place hints at a minor name, and the
  // sentence's point is seldom the place; another blank of the sentence goes first.
  const aside = input.asks === "place" || input.asks === "actor" || input.asks === "term" ? asideAfterItemBlank(input.text) : null;
  if (aside && locatesPlace(aside, input.asks === "place")) add(-0.2, "an aside beside the blank locates the place: a hint at a minor name");
  if (input.asks === "expansion" && input.answerName && PARTY_NAME.test(input.answerName.trim())) add(-0.2, "spells out a party's or coalition's name: vocabulary");
  if (input.asks === "year" && MILESTONE.test(sentenceText) && !isBodyFounded) add(0.1, "the year a treaty, law or body was signed, founded or came into force");
  if (input.asks !== "cause" && input.asks !== "definition" && PRAISE.test(sentenceText)) add(-0.1, "praise is a verdict, not a fact to test");
  if (input.asks === "year" && REPORT_RELEASE.test(sentenceText)) add(-0.15, "asks when something was reported, not when it happened");
  if (input.asks === "number" && (!input.unit || input.unit === "count") && INVENTORY.test(sentenceText) && !casualtyGovernsBlank(input.text)) add(-0.15, "a head count of forces, arms or seats: an inventory, not the point");
  // "the _____ announced that it would hold the treaty in abeyance" → Government of India: the executive as a whole is
  // the actor a learner guesses without studying, while the fact to learn stays in the statement.
  if (input.answerName && (input.asks === "actor" || input.asks === "term") && isGovernmentName(input.answerName)) add(-0.25, "blanks an obvious actor (the government), leaving the fact in the statement");
  // "The audit of the Games, held in Delhi in October _____, was presented in 2011", "Sediment loads, which were poorly
  // understood in _____, now shape…": a year inside an aside dates a detail, not what the statement tells.
  if (input.asks === "year" && datesAnAside(input.text)) add(-0.2, "the year dates an aside, not the statement's own fact");
  // "Who is David Lilienthal? → The former head of the Tennessee Valley Authority": a role that names only what the
  // material names nowhere else ties the person to nothing the learner studies (someone the material keeps naming is
  // tied to it by the material itself).
  const asksWho = input.asks === "definition" ? /^Who (?:is|was|are|were) (?:the\s+)?(.+?)\?$/.exec(input.text)?.[1] : undefined;
  if (asksWho && input.role && !LASTING_ROLE.test(input.role) && mentionCount(corpus, asksWho) <= 2 && isUnlinkedRole(corpus, input.role)) add(-0.2, "a person's identity unlinked to the topic: the role names nothing else the material is about");
  const asksName = input.asks === "person" || input.asks === "actor" || input.asks === "place";
  if (asksName && BLANK_IN_NAME_LIST.test(input.text)) add(-0.3, "one name among a list of names");
  if (asksName && blankIsOneOfSeveral(input.text)) add(-0.2, "the statement says the blank is one of several ('including', 'such as A and _____'): more than one name fits");
  if (asksName && APPEAL_BY_BLANK.test(input.text)) add(-0.2, "an appeal or reaction many could have made: more than one name fits the blank");
  const keys = keyTermsOf(corpus);
  const central = new Set<string>();
  for (const r of input.refs) for (const t of r.terms) if (keys.has(t)) central.add(t);
  if (central.size >= 3) add(0.15, "about the material's main subject");
  else if (central.size >= 2) add(0.05, "touches the material's main subject");
  else if (central.size === 1) add(-0.05, "barely touches the material's main subject");
  else add(-0.15, "peripheral to the material's main subject");
  const claim = Math.max(0, ...input.refs.map((r) => r.pm.claims[r.sentence.index]?.score ?? 0));
  if (claim >= 3) add(0.05, "an informative sentence (names, figures, a predicate)");
  // A prelims item is three statements by design: each is judged for length, not their sum.
  const words = input.kind === "multi_statement" ? Math.max(0, ...input.refs.map((r) => r.sentence.text.split(/\s+/).length)) : input.text.split(/\s+/).filter(Boolean).length;
  if (words > 50) add(-0.2, `long (${words} words)`);
  else if (words > 38) add(-0.1, `long-ish (${words} words)`);
  if (input.kind === "multi_statement") add(0.05, "prelims-style statements");
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, reasons, penalty: Math.round(penalty * 100) / 100 };
}

/** Normalised content words of a text, for the one-item-per-fact test. */
function factWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/_+/g, " ")
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter((w) => w.length > 3 && !STOP_WORDS.has(w)),
  );
}

/** The answer as a fact: a short answer holding a year is that year ("Prior to 2020" and "2020" ask one fact). */
function factAnswer(answers: string[]): string {
  const raw = answers.join("|").toLowerCase();
  // A year is four digits as written: "2,000 crore" is an amount, not the year 2000.
  const year = /(?<![\d,.])(1[5-9]\d\d|20\d\d)(?!\d|[,.]\d|s\b|\s*(?:%|per\s*cent|percent|crore|lakh|million|billion|km|kilomet|tonnes?|mw|gw))/.exec(raw)?.[1];
  // "50%", "50 percent" and "50 per cent" are one answer; "50" (a count) is another.
  const text = raw.replace(/(\d),(?=\d)/g, "$1").replace(/\s*(?:%|percent\b)/g, " per cent").replace(/[^\p{L}\p{M}\p{N}]+/gu, " ").trim();
  return year && text.split(" ").length <= 4 ? year : text;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/**
 * The source sentence an evidence span lies in, as a key for `screenItems`: "<materialId>#<sentence start>". A span
 * outside every sentence (it should not happen) keys by its own start.
 */
export function sentenceKeysOf(materials: ProcessedMaterial[]): (evidence: EvidenceSpan) => string {
  const sentencesOf = new Map(materials.map((pm) => [pm.material.id, pm.sentences]));
  return (e) => {
    const sentences = sentencesOf.get(e.materialId) ?? [];
    const { at, holds } = sentencePositionAt(sentences, e.start);
    return `${e.materialId}#${holds ? sentences[at]!.start : e.start}`;
  };
}

/** A prelims item: three statements, and a key that says which are correct. */
function isPrelims(item: Card | Question): boolean {
  return "prompt" in item && item.prompt.startsWith("Consider the following statements:");
}

/**
 * The entries best first, cards and timed questions merged: the higher score goes first, and of two equal scores (scores
 * move in steps of 0.05, so many tie) the family with fewer items kept so far, so that one item per sentence still leaves
 * the set both flashcards and timed questions. `keptOf` is read as the caller keeps items; written questions come first.
 */
function* rankedAcrossFamilies<E extends { item: Card | Question; order: number }>(entries: E[], keptOf: { card: number; question: number }): Generator<E> {
  const best = (a: E, b: E) => (b.item.quality?.score ?? 0) - (a.item.quality?.score ?? 0) || a.order - b.order;
  yield* entries.filter((e) => e.item.kind === "written");
  // A prelims item ("Consider the following statements: …") is the exam's own form and asks three sentences' facts at
  // once: unless it is weak (and may go in the cut-down, leaving its sentences with nothing), it claims its sentences
  // before a single-fact item on one of them.
  const claimsFirst = (e: E) => isPrelims(e.item) && (e.item.quality?.score ?? 0) >= WEAK_ITEM_SCORE;
  yield* entries.filter(claimsFirst).sort(best);
  const cards = entries.filter((e) => "front" in e.item).sort(best);
  const questions = entries.filter((e) => e.item.kind !== "written" && "prompt" in e.item && !claimsFirst(e)).sort(best);
  let c = 0;
  let q = 0;
  while (c < cards.length || q < questions.length) {
    const card = cards[c];
    const question = questions[q];
    const cardScore = Math.round((card?.item.quality?.score ?? -1) * 1e6);
    const questionScore = Math.round((question?.item.quality?.score ?? -1) * 1e6);
    const takeCard = !question || (!!card && (cardScore > questionScore || (cardScore === questionScore && keptOf.card <= keptOf.question)));
    if (takeCard) {
      c++;
      yield card!;
    } else {
      q++;
      yield question!;
    }
  }
}

/**
 * The set's items screened: defective ones dropped, then — best first — at most `ITEMS_PER_SENTENCE` per source
 * sentence and `ITEMS_PER_ANSWER` per answer (a year twice only from sentences that share almost nothing), cards and
 * timed questions together. Every item kept has a quality; the order within cards and within questions is kept.
 */
export function screenItems(
  cards: Card[],
  questions: Question[],
  sentenceKeyOf: (evidence: EvidenceSpan) => string = (e) => `${e.materialId}#${e.start}`,
): { cards: Card[]; questions: Question[]; dropped: Array<{ id: string; reason: string }> } {
  const dropped: Array<{ id: string; reason: string }> = [];
  // One key per source sentence, whatever span of it the evidence quotes (a who-said card's key clause, a "Why?" card's
  // clause). An acronym card quotes "Full Name (FN)" and asks what the name stands for, not what its sentence tells: it
  // is its own fact, keyed by its own span in a namespace of its own (a span opening its sentence — "Full Name (FN)"
  // with no "The" — would otherwise share the sentence's key), outside the sentence's cap and forms.
  const sentenceKeys = (item: Card | Question) =>
    item.kind === "acronym"
      ? item.evidence.map((s) => `acronym:${s.materialId}#${s.start}-${s.end}`)
      : [...new Set(item.evidence.map(sentenceKeyOf))];
  type Entry = { item: Card | Question; order: number };
  const entries: Entry[] = [];
  [...cards, ...questions].forEach((item, order) => {
    if (item.kind === "written") {
      entries.push({ item, order });
      return;
    }
    const defect = itemDefect(item);
    if (defect) dropped.push({ id: item.id, reason: defect });
    else entries.push({ item, order });
  });
  const perSentence = new Map<string, number>();
  const facts = new Map<string, Array<Set<string>>>();
  const kept = new Set<Entry>();
  const keptOf = { card: 0, question: 0 };
  for (const e of rankedAcrossFamilies(entries, keptOf)) {
    if (e.item.kind === "written") {
      kept.add(e);
      continue;
    }
    const sentences = sentenceKeys(e.item);
    if (sentences.some((k) => (perSentence.get(k) ?? 0) >= ITEMS_PER_SENTENCE)) {
      dropped.push({ id: e.item.id, reason: "another item already asks about this sentence" });
      continue;
    }
    // A true/false statement answers "true" or "false", no fact: it is a repeat only by the sentence rule above.
    const fact = factAnswer(answersOf(e.item));
    const words = factWords(e.item.evidence.map((s) => s.quote).join(" "));
    const same = fact ? (facts.get(fact) ?? []) : [];
    // The same year asked twice ("the Taliban's 2021 return" from three sentences) teaches one answer twice, unless the
    // two sentences share almost nothing: two events of one year are two facts.
    const isYear = /^(?:1[5-9]\d\d|20\d\d)$/.test(fact);
    if (isYear && same.some((w) => overlap(w, words) >= 0.2)) {
      dropped.push({ id: e.item.id, reason: "another item already asks for this year" });
      continue;
    }
    // A name or a figure asked again ("Afghan Taliban" in five cards, "4 per cent" in four, a card and a question from two
    // sentences telling one fact) teaches one answer, not the subject.
    if (!isYear && fact && same.length >= ITEMS_PER_ANSWER) {
      dropped.push({ id: e.item.id, reason: "another item already asks for this answer" });
      continue;
    }
    if (fact) facts.set(fact, [...same, words]);
    for (const k of sentences) perSentence.set(k, (perSentence.get(k) ?? 0) + 1);
    keptOf["front" in e.item ? "card" : "question"]++;
    kept.add(e);
  }
  // Once the set has enough, the weakest items go rather than wait, unselected, in the review queue. Scores move in steps
  // of 0.05, so many weak items tie: among equals, the one with the larger named defects goes first (a penalty names a
  // flaw a reviewer would reject — a report's date, a procedural body — a missing bonus only a fact the scores cannot
  // place), then the later in generation order.
  const weak = [...kept]
    .filter((e) => e.item.kind !== "written" && (e.item.quality?.score ?? 0) < WEAK_ITEM_SCORE)
    .sort((a, b) => (a.item.quality?.score ?? 0) - (b.item.quality?.score ?? 0) || (b.item.quality?.penalty ?? 0) - (a.item.quality?.penalty ?? 0) || b.order - a.order);
  for (const gone of weak.slice(0, Math.max(0, keptOf.card + keptOf.question - ENOUGH_ITEMS))) {
    kept.delete(gone);
    dropped.push({ id: gone.item.id, reason: `a weak item (score ${gone.item.quality?.score}) in a set that has enough` });
  }
  const inOrder = entries.filter((e) => kept.has(e)).map((e) => e.item);
  return {
    cards: inOrder.filter((i): i is Card => "front" in i),
    questions: inOrder.filter((i): i is Question => "prompt" in i),
    dropped,
  };
}
