import type { ProcessedMaterial, Sentence, Token } from "@/lib/material/schemas";
import { escapeRegExp } from "@/lib/text/regexp";
import { continuesAList } from "./cards";
import { inContext, leansOnSubject, referenceWords, spanPointsBack } from "./context";
import type { Corpus } from "./corpus";
import cues from "./concept-cues.json";
import explanationCues from "./explanation-cues.json";
import { SECOND_DESCRIPTION, closesItsClause, hasMainCopula, namesSomeone, refOf } from "./explain";
import { scoreItem } from "./quality";
import type { Card } from "./schemas";
import { firstSenseNamesAPerson, isKnownWord, senseCount } from "@/lib/nlp/wordnet";
import { capitalize, evidenceOf, isStandalone, makeCard, sentenceEvidence, standaloneText, wordCount } from "./text";

/**
 * Concept cards: what a term of the subject *means* — "What is a glacial lake outburst flood?", "What is latency?" — from
 * the material's own defining sentence, for the plain concepts an explainer teaches and no name, figure or year carries.
 * The capitalised names are `explain.ts`'s and `cards.ts`'s; here the term is a common noun phrase in small letters
 * ("parametric insurance", "cable landing stations"), read from wink's tags:
 * - copular: "<A/An/The?> <term> (, or ABBR,)? is/are <a/an/the, or a bare noun> <genus + what sets it apart>." — the term is the
 *   sentence's subject;
 * - defining verb: "<term> refers to / is defined as / denotes <description>." (`concept-cues.json` definingVerbs);
 * - appositive: "…<term>, <a/an/the> <genus + what sets it apart>(, or the sentence's end)", the term a noun phrase the
 *   material uses in another sentence too, its head agreeing in number with the description's.
 * Never a verdict ("a better deal than…", "a reminder that…": `evaluativeModifiers`, `evaluativeHeads`), a description
 * with a pronoun or a quotation, one cut inside a clause, one item of a list, or a bare genus with nothing after its
 * head to tell the thing from others of its kind. The card scores as any definition (`scoreItem`), so it competes for
 * its sentence with the blanks made from it.
 */

const NOT_A_GENUS = new RegExp(String.raw`^(?:${explanationCues.notAGenus.map(escapeRegExp).join("|")})\b`, "i");
const NOT_TERM_WORD = new Set(cues.notTermWords);
const EVALUATIVE_MODIFIER = new Set(cues.evaluativeModifiers);
const EVALUATIVE_HEAD = new Set(cues.evaluativeHeads);
const QUANTITY_NOUN = new Set(cues.quantityNouns);
const EVERYDAY_NOUN = new Set(cues.everydayNouns);
/** "Most of…", "Many of the new rules…": a quantifier that opens a description takes a share, not a kind. */
const QUANTIFIED = new RegExp(String.raw`^(?:${cues.notTermWords.map(escapeRegExp).join("|")}|half|none|much|one|two|three)\s+of\b`, "i");
const CLAUSE_SUMMARY_HEAD = new Set(referenceWords.clauseSummaryHeads);
/** "<description> is/was (also, commonly) called / known as / termed <name in small letters>." */
const NAMING = new RegExp(String.raw`^(.+?)\s+(is|are|was|were)\s+(?:(?:also|commonly|popularly|generally)\s+)?(${[...cues.namingVerbs].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})\s+(the\s+)?([\p{Ll}][\p{Ll}-]*(?:\s+[\p{Ll}][\p{Ll}-]*){0,4})\.$`, "u");
const DEFINING_VERB = new RegExp(String.raw`^(${[...cues.definingVerbs].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})\s+(.+?)\.?$`, "i");
/** A description that leans on its neighbours or on a pronoun. */
const LEANS_ON_CONTEXT = /\b(?:this|these|those|such(?!\s+as\b)|it|its|they|them|their|he|she|his|her|him|we|our|us|I|you|your)\b/i;
/** A verdict or a hedge, not a definition. */
const OPINION = /\b(?:should|must|ought|might|may|could|would|perhaps|arguably|probably)\b/i;
/** What sets a genus apart after its head: a preposition, a relative clause, a participle or an infinitive. */
const DIFFERENTIA = /^(?:of|that|which|who|whose|where|when|for|to|in|on|at|with|by|from|between|under|over|against|through|across|into|within|without|along|around|near|beyond|[a-z]+ed|[a-z]+ing)$/i;

const wordOf = (s: Sentence, t: Token) => s.text.slice(t.start - s.start, t.end - s.start);
const isArticle = (w: string) => /^(?:a|an|the)$/i.test(w);

/** Is the token a word of a term: an adjective or a noun, in small letters (a capital only where the sentence opens)? */
function termWord(s: Sentence, t: Token, isFirst: boolean): boolean {
  const w = wordOf(s, t);
  if (!["ADJ", "NOUN", "PROPN"].includes(t.pos) || !/^[\p{L}][\p{L}-]*$/u.test(w)) return false;
  if (NOT_TERM_WORD.has(w.toLowerCase()) || EVALUATIVE_MODIFIER.has(w.toLowerCase())) return false;
  return isFirst && t.start === s.start ? /^\p{Lu}?\p{Ll}+(?:-\p{Ll}+)*$/u.test(w) : /^\p{Ll}+(?:-\p{Ll}+)*$/u.test(w);
}

/** How many sentences of the material name the term (its last word also in the plural or the singular). */
function timesNamed(pm: ProcessedMaterial, term: string): number {
  const words = term.toLowerCase().split(/\s+/);
  const last = words.pop()!.replace(/(?:es|s)$/, "");
  const re = new RegExp(String.raw`(?<![\p{L}-])${[...words.map(escapeRegExp), `${escapeRegExp(last)}(?:s|es)?`].join(String.raw`\s+`)}(?![\p{L}-])`, "iu");
  return pm.sentences.filter((s) => re.test(s.text)).length;
}

/** Is the noun token a plural ("stations", not "latency" or "analysis")? */
function isPlural(s: Sentence, t: Token): boolean {
  const w = wordOf(s, t).toLowerCase();
  return t.lemma.toLowerCase() !== w && /s$/.test(w);
}

/**
 * A description that can be learnt as what the term means: a noun phrase of 4–30 words, no pronoun, quotation, verdict or
 * hedge, not cut inside a clause, and with something after its head that tells the thing from others of its kind ("the
 * delay between…", "a movable gate that…"; not "a costly business").
 */
function definitionOf(s: Sentence, raw: string, at: number): string | null {
  let definition = raw.trim().replace(/[.,;:]+$/, "");
  definition = definition.split(/\s*;\s*/)[0]!.split(SECOND_DESCRIPTION)[0]!.trim();
  // "…for economic growth, better livelihoods and jobs, while preserving the health of marine ecosystems": a clause of
  // its own after a comma adds to the description; what it is ends before it.
  definition = definition.split(/,\s+(?=(?:while|whereas|although|though|but|even as|as well as)\s)/i)[0]!.trim();
  if (wordCount(definition) < 4 || wordCount(definition) > 30) return null;
  if (NOT_A_GENUS.test(definition) || LEANS_ON_CONTEXT.test(definition) || OPINION.test(definition) || /["“”]/.test(definition)) return null;
  if (hasMainCopula(definition)) return null;
  if (!closesItsClause(s, s.start + at, s.start + at + definition.length, definition)) return null;
  if (hasOwnFiniteVerb(s, s.start + at, s.start + at + definition.length)) return null;
  const words = definition.split(/\s+/);
  const opener = isArticle(words[0]!) ? 1 : 0;
  // The head: the first noun ("a position a nine-judge bench rejected" → position; "the sudden release of water" →
  // release), in the singular.
  const inside = s.tokens.filter((t) => t.start >= s.start + at && t.end <= s.start + at + definition.length);
  const headToken = inside.find((t, i) => t.pos === "NOUN" || (i === 0 && !isArticle(wordOf(s, t))));
  if (!headToken) return null;
  const head = headToken.lemma.toLowerCase();
  if (EVALUATIVE_HEAD.has(head) || CLAUSE_SUMMARY_HEAD.has(head) || EVALUATIVE_HEAD.has(wordOf(s, headToken).toLowerCase())) return null;
  // The words before the head: no verdict ("a better deal", "the main source").
  const headAt = wordCount(s.text.slice(at, headToken.start - s.start));
  if (headAt >= words.length) return null;
  if (words.slice(opener, headAt).some((w) => EVALUATIVE_MODIFIER.has(w.toLowerCase()) || /^(?:most|least|more|less)$/i.test(w))) return null;
  // "…per bigha, the state claiming one-third…": a noun and its participle after "the" is an absolute phrase, not a
  // description ("a shrine housing statues…" is one).
  const next = inside[inside.indexOf(headToken) + 1];
  if (/^the\s/i.test(definition) && next?.pos === "VERB" && /ing$/i.test(wordOf(s, next))) return null;
  // "a commodity that India buys mostly from Indonesia": a relative clause whose subject is a name tells what the name
  // does with the thing — context, not what the thing is.
  let r = inside.indexOf(headToken) + 1;
  if (inside[r] && /^(?:that|which|whom)$/i.test(wordOf(s, inside[r]!))) r++;
  const subjectAt = r;
  while (inside[r]?.pos === "PROPN") r++;
  if (r > subjectAt && (inside[r]?.pos === "VERB" || inside[r]?.pos === "AUX")) return null;
  // Something after the head that sets the thing apart.
  // (An adverb may come first: "land directly administered by the crown"; a participle is read from its tag too:
  // "pasture held in common…".)
  const after = words.slice(headAt + 1).find((w) => !/^\p{Ll}+ly$/u.test(w));
  const afterToken = inside.slice(inside.indexOf(headToken) + 1).find((t) => t.pos !== "ADV");
  if (!after || (!DIFFERENTIA.test(after.replace(/[^\p{L}-]/gu, "")) && afterToken?.pos !== "VERB")) return null;
  return definition;
}

/**
 * Does a description have a verb of its own outside a relative clause — "the selection of Governors has been an executive
 * decision…", "a point the Supreme Court settled in…", "the court … accepted a plan" — so that it is a clause or sums
 * one up, not a noun phrase? A participle after a noun ("a lake formed by…", "a shrine housing…") and an infinitive
 * ("a policy to…") are the phrase's own; so is any verb after a relative word ("a gate that closes…").
 */
export function hasOwnFiniteVerb(s: Sentence, start: number, end: number): boolean {
  const inside = s.tokens.filter((t) => t.start >= start && t.end <= end);
  // (The first word is the head itself, whatever it is tagged: "cover that pays out…".)
  let participle = -1;
  for (let i = 1; i < inside.length; i++) {
    const t = inside[i]!;
    const w = wordOf(s, t).toLowerCase();
    if (/^(?:that|which|who|whom|whose|where|when|how|why|what)$/.test(w)) return false;
    if (t.pos === "AUX") return true;
    if (t.pos !== "VERB" || /^to$/i.test(wordOf(s, inside[i - 1]!)) || /ing$/.test(w)) continue;
    // (An adverb between the noun and the verb is passed over: "land directly administered by…".)
    let p = i - 1;
    while (p > 0 && inside[p]!.pos === "ADV") p--;
    // (The first word is the head, whatever it is tagged: "Pasture held in common…".)
    const prev = p === 0 ? { ...inside[0]!, pos: "NOUN" } : inside[p]!;
    // "carbon captured and stored by…": a second participle joined to the first.
    if (participle === i - 2 && prev.pos === "CCONJ") continue;
    // A relative clause without "that" inside the phrase ("the shortfall between the water a crop needs and…"): the noun
    // before the verb opens a noun phrase of its own right after another noun.
    let d = i - 1;
    while (d > 0 && ["NOUN", "ADJ", "PROPN", "NUM"].includes(inside[d - 1]!.pos)) d--;
    if (d >= 2 && inside[d - 1]!.pos === "DET" && ["NOUN", "PROPN"].includes(inside[d - 2]!.pos)) continue;
    // A verb right after a common noun with no object after it is a participle ("a lake formed by…", "the water held in
    // the root zone"); with an object ("the government set up the Indian…") or after a name, a pronoun or a figure it is
    // the phrase's own verb ("the original Constitution protected…", "the court in December 2016 accepted…").
    let next = i + 1;
    while (next < inside.length && /^(?:up|out|off|down|back|over)$/i.test(wordOf(s, inside[next]!))) next++;
    const object = inside[next] && ["DET", "PROPN", "NUM", "PRON"].includes(inside[next]!.pos);
    if (prev.pos === "NOUN" && !object) {
      participle = i;
      continue;
    }
    return true;
  }
  return false;
}

/** "What is a flash drought?", "What are cable landing stations?", "What is the heat index (HI)?" */
function frontOf(pm: ProcessedMaterial, article: string, term: string, plural: boolean, abbreviation?: string, isSomeone = false): string {
  // The term as the material writes it inside a sentence: a first word capitalised only by the sentence keeps small letters.
  const lower = term[0]!.toLowerCase() + term.slice(1);
  const writtenLower = new RegExp(String.raw`(?<![\p{L}-])${escapeRegExp(lower)}`, "u").test(pm.material.text);
  const first = term.split(/\s+/)[0]!;
  const midCapital = new RegExp(String.raw`[\p{Ll},;:)]\s+${escapeRegExp(first)}(?![\p{L}-])`, "u").test(pm.material.text);
  const shown = midCapital && !writtenLower ? term : lower;
  const lead = article ? `${article.toLowerCase()} ` : "";
  return `${isSomeone ? "Who" : "What"} ${plural ? "are" : "is"} ${lead}${shown}${abbreviation ? ` (${abbreviation})` : ""}?`;
}

/**
 * Does a description say the term is someone — an office or a role ("the censor of public morals", "the head of the
 * seventy-two departments")? Then the card asks "Who is…?". Read from the head noun: one `explain.ts` knows as a person's
 * (`namesSomeone`), a "head" or "chief" of something, or a noun whose first WordNet sense is a person.
 */
function describesSomeone(s: Sentence, definition: string, at: number, term: string): boolean {
  // "a disease vector, a carrier that…": a term whose own noun WordNet knows is someone's only if that noun's commonest
  // sense is a person ("the muhtasib", unknown, is read from its description).
  const termHead = term.split(/\s+/).at(-1)!.toLowerCase();
  const termLemma = /[^s]s$/.test(termHead) && isKnownWord(termHead.slice(0, -1)) ? termHead.slice(0, -1) : termHead;
  if (isKnownWord(termLemma) && !firstSenseNamesAPerson(termLemma)) return false;
  if (namesSomeone(definition)) return true;
  const inside = s.tokens.filter((t) => t.start >= s.start + at && t.end <= s.start + at + definition.length);
  const head = inside.find((t) => t.pos === "NOUN");
  if (!head) return false;
  const lemma = head.lemma.toLowerCase();
  const after = inside[inside.indexOf(head) + 1];
  return (/^(?:head|chief)$/.test(lemma) && !!after && /^of$/i.test(wordOf(s, after))) || firstSenseNamesAPerson(lemma);
}

/** Is the term a name the material reads as someone or somewhere ("Rohan", "Ostra")? Then it is named, not defined. */
function isNamed(corpus: Corpus, term: string): boolean {
  const kind = corpus.entityKind(term);
  return kind === "person" || kind === "place";
}

/**
 * A term of the subject, not a passing phrase: the material names it again (the defining sentence counts once); it is
 * not a name of someone or somewhere; one word alone is a technical one, not an everyday word of many senses ("office",
 * "practice", "time": at most four in WordNet, as "latency", "moraine", "petition" have), or a word WordNet does not know.
 */
function isTermOfSubject(corpus: Corpus, pm: ProcessedMaterial, term: string): boolean {
  if (isNamed(corpus, term)) return false;
  if (/\s/.test(term)) return timesNamed(pm, term) >= 2;
  if (EVERYDAY_NOUN.has(term.toLowerCase())) return false;
  const senses = senseCount(term.replace(/(?<=[^s])s$/, ""));
  // A word WordNet does not know, in small letters, is a term of art ("muhtasib", "devakula"): defined once is enough.
  return senses === 0 ? /^\p{Ll}/u.test(term) : senses <= MAX_SENSES_OF_ONE_WORD_TERM && timesNamed(pm, term) >= 2;
}

/** How many WordNet senses a one-word term may have ("latency" 3, "deficit" 4; "office" 7, "practice" 10). */
const MAX_SENSES_OF_ONE_WORD_TERM = 4;

/** The copular or defining-verb card of a sentence whose subject is the term. */
function subjectDefinition(corpus: Corpus, pm: ProcessedMaterial, s: Sentence): Card | null {
  const tokens = s.tokens;
  let i = 0;
  let article = "";
  if (tokens[0] && isArticle(wordOf(s, tokens[0]))) {
    article = wordOf(s, tokens[0]);
    i = 1;
  }
  const termAt = i;
  while (i < tokens.length && termWord(s, tokens[i]!, i === termAt)) i++;
  const termTokens = tokens.slice(termAt, i);
  const head = termTokens.at(-1);
  if (!head || head.pos !== "NOUN" || termTokens.length > 6) return null;
  // A one-word term capitalised by the sentence alone, with no article ("Latency is…"), is `explain.ts`'s to read.
  if (!article && termTokens.length === 1) return null;
  if (article && /^\p{Lu}/u.test(wordOf(s, termTokens[0]!))) return null;
  const term = s.text.slice(termTokens[0]!.start - s.start, head.end - s.start);
  let rest = s.text.slice(head.end - s.start);
  // "A glacial lake outburst flood, or GLOF, is…" / "A tidal surge barrier (TSB) is…"
  const abbr = /^(?:,\s+or\s+([A-Z]{2,6}s?),|\s*\(([A-Z]{2,6}s?)\))/.exec(rest);
  const abbreviation = abbr ? (abbr[1] ?? abbr[2]) : undefined;
  if (abbr) rest = rest.slice(abbr[0].length);
  const restAt = s.text.length - rest.trimStart().length;
  rest = rest.trimStart();
  let definition: string | null = null;
  let plural = isPlural(s, head);
  const copula = /^(is|are)\s+(.+)$/.exec(rest);
  if (copula) {
    if ((copula[1] === "are") !== plural) return null;
    const at = restAt + copula[1]!.length + 1;
    // The genus opens with an article, or is a noun of its own ("Blue carbon is carbon captured and stored by…"), not an
    // adjective or a participle ("…is concentrated on…", "…are linked to…").
    const first = s.tokens.find((t) => t.start - s.start >= at);
    if (!/^(?:an?|the)\s/.test(copula[2]!) && first?.pos !== "NOUN") return null;
    definition = definitionOf(s, copula[2]!, at);
  } else {
    const verb = DEFINING_VERB.exec(rest);
    if (!verb || /^(?:that|how|what|whether|when|where|why|who)\b/i.test(verb[2]!)) return null;
    definition = definitionOf(s, verb[2]!, restAt + verb[1]!.length + 1);
    plural = isPlural(s, head);
  }
  if (!definition || !isTermOfSubject(corpus, pm, term)) return null;
  const front = frontOf(pm, article, term, plural, abbreviation, describesSomeone(s, definition, s.text.indexOf(definition), term));
  const q = scoreItem(corpus, { kind: "qa", asks: "definition", role: definition, refs: refOf(corpus, pm, s), text: front });
  return makeCard("qa", front, capitalize(definition), [sentenceEvidence(pm, s)], q);
}

/**
 * Naming cards: "Land directly administered by the crown was known as khalisa." → "What was khalisa?" / "Land directly
 * administered by the crown"; "The ratio of annual extraction to extractable resource is called the stage of extraction."
 * The name (words in small letters, `namingVerbs`) ends the sentence; the description before it is a noun phrase that
 * reads alone (no pronoun, no verb of its own outside a relative clause or a participle).
 */
function namingDefinition(corpus: Corpus, pm: ProcessedMaterial, s: Sentence): Card | null {
  const m = NAMING.exec(s.text);
  if (!m) return null;
  const [, description, verb, , article, term] = m;
  if (!description || !term || wordCount(term) > 5 || /^(?:off|up|out|for|into|upon|on)\b/.test(term)) return null;
  if (isNamed(corpus, term) || (!/\s/.test(term) && senseCount(term) > MAX_SENSES_OF_ONE_WORD_TERM)) return null;
  const first = s.tokens[0];
  if (!first || !["NOUN", "ADJ", "DET", "PROPN"].includes(first.pos) || /^(?:this|that|these|those|such|it|they|what)$/i.test(wordOf(s, first))) return null;
  // "Most of the laws passed during the Emergency were…": a share of some things, not a kind of thing.
  if (QUANTIFIED.test(description)) return null;
  // "…were termed draconian": the name is a noun ("khalisa"), not a verdict's adjective.
  const termEnd = s.start + s.text.length - 1;
  const last = s.tokens.filter((t) => t.end <= termEnd && wordOf(s, t) !== ".").at(-1);
  if (!last || last.pos !== "NOUN") return null;
  // "The amendments made to the forest act in 2023 were known as…": particular acts of a year are named, not defined.
  if (/^the\s/i.test(description) && /\b(?:1[5-9]|20)\d{2}s?\b/.test(description)) return null;
  const definition = definitionOf(s, description, 0);
  if (!definition || definition !== description.trim()) return null;
  const front = `What ${verb} ${article ? "the " : ""}${term}?`;
  const q = scoreItem(corpus, { kind: "qa", asks: "definition", role: definition, refs: refOf(corpus, pm, s), text: front });
  return makeCard("qa", front, capitalize(definition), [sentenceEvidence(pm, s)], q);
}

/** A word between a determiner and its noun: no preposition or conjunction ("the collection of chauth" is bare). */
const MODIFIER_WORD = String.raw`(?!(?:of|in|to|for|on|by|with|from|and|or|as|at|than)\s)[\p{Ll}-]+`;
const INDEFINITE_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])an?\s+(?:${MODIFIER_WORD}\s+){0,2}$`, "iu");
/** Words before a noun that show it counted or pointed at ("a", "each", "its"): a mass noun is written without one. */
const DETERMINER_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:a|an|the|this|that|each|every|one|any|no|another|its|their|his|her|our|your|my|whose|which|what|either|neither|per|[\p{L}]+'s)\s+(?:${MODIFIER_WORD}\s+){0,2}$`, "iu");

/**
 * Does the material write a singular term as a mass noun: at least once with no determiner before it ("…levied chauth",
 * "imports of palm oil") and never after "a"/"an"?
 */
function isWrittenBare(pm: ProcessedMaterial, term: string): boolean {
  const text = pm.material.text;
  const uses = [...text.matchAll(new RegExp(String.raw`(?<![\p{L}-])${escapeRegExp(term)}(?![\p{L}-])`, "giu"))];
  let bare = 0;
  for (const u of uses) {
    const before = text.slice(Math.max(0, u.index - 40), u.index);
    if (INDEFINITE_BEFORE.test(before)) return false;
    if (!DETERMINER_BEFORE.test(before) && !/[,:;(]\s*$/.test(before) && /\p{Ll}\s+$/u.test(before)) bare++;
  }
  return bare > 0;
}

/** Appositive cards: "…higher latency, the delay between sending and receiving data, and…" → "What is latency?" */
function appositiveDefinitions(corpus: Corpus, pm: ProcessedMaterial, s: Sentence): Card[] {
  const out: Card[] = [];
  const tokens = s.tokens;
  for (let k = 1; k < tokens.length - 2; k++) {
    if (wordOf(s, tokens[k]!) !== "," || !isArticle(wordOf(s, tokens[k + 1]!)) || !/^\p{Ll}/u.test(wordOf(s, tokens[k + 2]!))) continue;
    // The noun phrase just before the comma, in small letters.
    let j = k;
    while (j > 0 && termWord(s, tokens[j - 1]!, false)) j--;
    const run = tokens.slice(j, k);
    const head = run.at(-1);
    if (!head || head.pos !== "NOUN" || run.length > 6) continue;
    // What comes before it: not a list ("…, crop loans, a scheme…"), a pair ("X and Y, the two…") or the tail of another
    // noun's "of" ("the refinement of bronze casting, …"), except a quantity ("a handful of cable landing stations, …").
    const before = tokens[j - 1];
    const beforeWord = before ? wordOf(s, before).toLowerCase() : "";
    if (!before || /^(?:,|and|or|nor|;|:)$/.test(beforeWord)) continue;
    if (beforeWord === "of" && !QUANTITY_NOUN.has(wordOf(s, tokens[j - 2] ?? before).toLowerCase().replace(/s$/, ""))) continue;
    // (Nor the last word of a name — "the Ayushman Bharat scheme, an arrangement…" — or a figure's unit.)
    if (before.pos === "NUM" || before.pos === "PROPN" || (before.start !== s.start && /^\p{Lu}/u.test(wordOf(s, before)))) continue;
    // The appositive describes a noun the main clause is about: a verb comes before the term ("…tracked soil moisture
    // deficit, the shortfall…"); with none, the comma closes an opening phrase ("In practice, the selection…").
    // (An earlier comma also shows the term is past any opening phrase: "In India, most cables land at a handful of cable
    // landing stations, the buildings…", where the tagger reads "land" as a noun.)
    if (!tokens.slice(0, j).some((t) => t.pos === "VERB" || t.pos === "AUX" || wordOf(s, t) === ",")) continue;
    // A sentence that opens with a preposition or a subordinating word, with no comma before the term, is still in its
    // opening phrase there ("After a period of decline … in the mid-ninth century, a revival … drew on…").
    if (["ADP", "SCONJ"].includes(tokens[0]!.pos) && !tokens.slice(0, j).some((t) => wordOf(s, t) === ",")) continue;
    // The term: the whole noun phrase (after a word such as "higher"), one the material names in another sentence too, or
    // failing that its end ("the policy repo rate, the rate…" → "repo rate"; "a general pardh, a day of…" → "pardh"),
    // one word alone only as `isTermOfSubject` allows it.
    let term = "";
    let termStart = 0;
    for (let from = j; from < k && !term; from++) {
      const candidate = s.text.slice(tokens[from]!.start - s.start, head.end - s.start);
      if (isTermOfSubject(corpus, pm, candidate)) [term, termStart] = [candidate, tokens[from]!.start];
    }
    if (!term) continue;
    // "…current affairs: the mobile courts held several times a year, the backlog of appeals…, jailed suspects, and…": after
    // a colon that opens a list, a comma separates its items, and what follows a word inside one item is the next item, not
    // its description. (An item's own noun may have one: "…predominate: the chaitya, an apsidal prayer hall…, and the
    // vihara, a monastery with cells…".)
    const colon = s.text.lastIndexOf(":", termStart - s.start);
    if (colon >= 0 && (s.text.slice(colon).match(/,/g)?.length ?? 0) >= 2) {
      const itemStart = Math.max(colon, s.text.lastIndexOf(",", termStart - s.start)) + 1;
      if (!/^\s*(?:(?:and|or)\s+)?(?:(?:the|a|an)\s+)?$/i.test(s.text.slice(itemStart, termStart - s.start))) continue;
    }
    // The description runs to the next comma, semicolon or the sentence's end.
    const from = tokens[k + 1]!.start - s.start;
    const to = s.text.slice(from).search(/[,;:]|\.?$/);
    let raw = s.text.slice(from, from + to);
    // "a day of fasting, prayer and suspension of business": the description's own list of nouns runs on past the
    // comma (words in small letters with no article, joined by "and"/"or", no verb) and is part of it.
    const list = /^,\s+(?!(?:and|or|an?|the|which|who|where|when|while|but)\s)([\p{Ll}][^,;:.]*?\s(?:and|or)\s[^,;:.]+?)(?=[,;:]|\.?$)/u.exec(s.text.slice(from + raw.length));
    if (list) {
      const listAt = s.start + from + raw.length;
      const hasVerb = s.tokens.some((t) => t.start >= listAt && t.end <= listAt + list[0].length && (t.pos === "VERB" || t.pos === "AUX"));
      if (!hasVerb) raw += list[0];
    }
    const end = s.start + from + raw.length;
    if (s.text.slice(from + raw.length).startsWith(",") && continuesAList(pm, s, end)) continue;
    if (/^,\s+(?:and|or)\s+(?:an?|the)\s/.test(s.text.slice(from + raw.length))) continue;
    const definition = definitionOf(s, raw, from);
    if (!definition || spanPointsBack(pm, s.start + from, s.start + from + definition.length)) continue;
    // The description's head agrees in number with the term's ("cable landing stations, the buildings…").
    const defHead = tokens.slice(k + 2).find((t) => t.pos === "NOUN");
    if (!defHead || isPlural(s, defHead) !== isPlural(s, head)) continue;
    // A count noun takes "a", as its description does ("heat action plan, a local blueprint…" → "What is a heat action
    // plan?"); a mass noun none ("latency, the delay…" → "What is latency?").
    // (Not a mass noun the material writes bare elsewhere and never after "a": "…levied chauth", "imports of palm oil".)
    const indefinite = !isPlural(s, head) && /^an?\s/i.test(definition) && !isWrittenBare(pm, term);
    // ("the policy repo rate, the rate…" → "What is the repo rate?", "the muhtasib, the censor…": a singular the sentence
    // writes after "the".)
    const afterThe = !isPlural(s, head) && /^the$/i.test(wordOf(s, tokens[j - 1]!));
    // (An office is "the" office: "Who is the niyogadhipati?")
    const isSomeone = describesSomeone(s, definition, from, term);
    const article = indefinite ? (/^[aeiou]/i.test(term) ? "an" : "a") : afterThe || (isSomeone && !isPlural(s, head)) ? "the" : "";
    const front = frontOf(pm, article, term, isPlural(s, head), undefined, isSomeone);
    const q = scoreItem(corpus, { kind: "qa", asks: "definition", role: definition, refs: refOf(corpus, pm, s), text: front });
    out.push(makeCard("qa", front, capitalize(definition), [evidenceOf(pm, termStart, s.start + from + definition.length)], q));
  }
  return out;
}

/** Concept cards for every sentence that reads on its own as the material writes it. */
export function conceptCards(corpus: Corpus): Card[] {
  const out: Card[] = [];
  for (const pm of corpus.materials) {
    for (const s of pm.sentences) {
      if (!isStandalone(s, pm) || leansOnSubject(pm, s)) continue;
      // Read from the sentence as written: one the engine would have to rewrite to stand alone makes none.
      if (inContext(s.text, pm, s) !== standaloneText(s.text)) continue;
      const subject = subjectDefinition(corpus, pm, s) ?? namingDefinition(corpus, pm, s);
      if (subject) out.push(subject);
      out.push(...appositiveDefinitions(corpus, pm, s));
    }
  }
  return out.filter((c) => c.front.length <= 600 && c.back.length <= 300);
}
