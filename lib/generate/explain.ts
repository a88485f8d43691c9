import { stableId } from "@/lib/material/hash";
import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { inContext, leansOnSubject, referenceWords, spanPointsBack } from "./context";
import { definedTermTakesThe } from "./topic";
import type { Corpus } from "./corpus";
import cues from "./explanation-cues.json";
import { scoreItem } from "./quality";
import type { Card, EvidenceSpan } from "./schemas";
import { capitalize, endWithPeriod, evidenceOf, isStandalone, sentenceEvidence, standaloneText, wordCount } from "./text";
import { escapeRegExp } from "@/lib/text/regexp";
import { isKnownWord } from "@/lib/nlp/wordnet";
import nlp from "compromise";

/**
 * Explanation cards: what a thing *is* and *why* something happens — the items a teacher asks most,
 * which no single blank can carry.
 * - Definition: "<Term> is a/an/the <genus …>." → "What is <term>?" / the genus phrase. The term is a
 *   name the material uses (a multi-word name, or one word it names at least twice), never a person
 *   or a place (named, not defined); the genus is a noun phrase that reads alone (no pronoun, no
 *   demonstrative, no superlative judgement such as "the most successful…").
 * - Cause: "<Clause> because <reason>." (or "Because <reason>, <clause>.") → "Why? <clause>." /
 *   "Because <reason>." Only from a sentence that needs no resolving, with a verb in the clause.
 * Cue words are data (`explanation-cues.json`).
 */

const alternation = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");

const FUNCTION_WORD = String.raw`(?:of|on|for|the|that|and|to|in|&)`;
const CAP_WORD = String.raw`[A-Z][\w'-]*`;
/** "Montreal Protocol on Substances that Deplete the Ozone Layer": capitalised words, function words between them. */
const TERM = String.raw`${CAP_WORD}(?:\s+(?:${FUNCTION_WORD}\s+)*${CAP_WORD}){0,9}`;
const ALIAS = String.raw`(?:,\s+(?:also|commonly|popularly)\s+(?:known as|called|referred to as)\s+(?:the\s+)?(${CAP_WORD}(?:\s+${CAP_WORD}){0,4}),)`;
const GENUS = `(?:${alternation(cues.genusOpeners)})`;
const DEFINITION = new RegExp(String.raw`^(The\s+)?(${TERM})(\s*\([^()]{1,160}\))?${ALIAS}?\s+(is|are|was|were)\s+(${GENUS}\s+[^"]+?)\.?$`);
const NOT_A_GENUS = new RegExp(String.raw`^(?:${alternation(cues.notAGenus)})\b`, "i");
const NOT_A_TERM = /^(?:It|They|He|She|This|That|These|Those|There|Here|However|But|And|A|An|In|On|At|Since|When|While|As|If|Then|Yet|So|Also|Its|Their|His|Her|Such|Both|Each|All|Some|Many|Most)$/;
/** A description that leans on its neighbours or on the term's own pronoun. */
const LEANS_ON_CONTEXT = /\b(?:this|these|those|such|it|its|they|them|their|he|she|his|her|him|we|our|us|I|you|your)\b/i;

const CAUSE = alternation(cues.causeConnectives);
const CAUSE_AFTER_COMMA = alternation(cues.causeConnectivesAfterComma);
/** "… because …", ", due to …": a reason after its clause ("due to" only after a comma, not inside a noun phrase). */
const CAUSE_AFTER = new RegExp(String.raw`^(.+?)(?:,\s+|\s+)(because of|because)(,?)\s+(.+?)\.?$|^(.+?),\s+(${CAUSE_AFTER_COMMA})()\s+(.+?)\.?$`, "i");
/** "Because of X, Y.": a reason before its clause (the reason holds no comma, so the split is certain). */
const CAUSE_BEFORE = new RegExp(String.raw`^(${CAUSE})\s+([^,]+),\s+(.+?)\.?$`, "i");

function card(front: string, back: string, evidence: EvidenceSpan[], quality: Card["quality"], kind: "qa" | "acronym" = "qa"): Card {
  return { id: stableId("card", kind, front, back), kind, front, back, evidence, ...(quality ? { quality } : {}) };
}

/** How many sentences of the material hold this word or name, in any case. */
function timesNamed(pm: ProcessedMaterial, term: string): number {
  const re = new RegExp(String.raw`(?<![\w-])${escapeRegExp(term)}(?![\w-])`, "i");
  return pm.sentences.filter((s) => re.test(s.text)).length;
}

/** A one-word term capitalised only because it opens the sentence ("Hydrochlorofluorocarbons") is a common noun. */
function displayTerm(pm: ProcessedMaterial, term: string, hasArticle: boolean): string {
  const words = term.split(/\s+/);
  // Lower case when the material writes it so, or never capitalises it inside a sentence.
  const lower = new RegExp(String.raw`(?<![\w-])${escapeRegExp(term.toLowerCase())}(?![\w-])`).test(pm.material.text);
  const midCapital = new RegExp(String.raw`[\w,;:)]\s+${escapeRegExp(term)}(?![\w-])`).test(pm.material.text);
  if (words.length === 1 && !/^[A-Z]{2,}/.test(term) && (lower || !midCapital)) {
    return `${hasArticle ? "the " : ""}${term.toLowerCase()}`;
  }
  return hasArticle || definedTermTakesThe(pm, term) ? `the ${term}` : term;
}

/**
 * The noun a definition is built on: the last word before its first preposition, participle, clause or list
 * ("a song composed by…" → "song", "the founder of the Brahmo Samaj" → "founder", "a Sanskrit scholar and reformer" →
 * "scholar"), lower case and singular; undefined when none.
 */
export function definitionHead(definition: string): string | undefined {
  const words = definition.replace(/^(?:an?|the)\s+/i, "").split(/\s+/);
  const chunk: string[] = [];
  for (const w of words) {
    if (/^(?:of|in|at|for|from|with|by|on|to|who|which|that|whose|and|or|but|as|under|between|during|near)$/i.test(w) || /^[a-z]+ed$/.test(w)) break;
    chunk.push(w);
    if (/[,;:)]$/.test(w)) break;
  }
  const last = chunk.at(-1)?.replace(/[^\p{L}-]/gu, "").toLowerCase();
  if (!last) return undefined;
  return /[^s]s$/.test(last) && isKnownWord(last.slice(0, -1)) ? last.slice(0, -1) : last;
}

/** Head nouns that only a person has: a ruler, an office-holder, a kin word that only people take ("the chairman of…", "the
 * widow of…"). Not "general", "architect", "successor", "mother", "sister": "a general rise", "the architect of the plans",
 * "the successor to the Council", "the mother of many languages", "a sister organisation" describe things too. */
export const PERSON_HEAD = /^(?:chairman|chairperson|chairwoman|ruler|king|queen|emperor|empress|sultan|nawab|raja|rani|maharaja|maharani|prince|princess|son|daughter|widow|widower|wife|husband|grandson|granddaughter|poet|poetess|officer|saint|monk|nun|priest|reformer|viceroy|commander|chieftain)$/i;

/** Words that open a clause inside a definition ("…that arises when the Union government"): not "since" or "until",
 * which are prepositions as often ("the main crop until 1960"). */
export const CLAUSE_OPENER = /^(?:when|where|while|because|if|although|unless|whereas)$/i;

/** Does a word-span have a verb of its own after its last clause opener, or no opener? (A participle, "acting", is none.) */
export function closesItsClause(sentence: Sentence, start: number, end: number, text: string): boolean {
  const tokens = sentence.tokens.filter((tok) => tok.start >= start && tok.end <= end);
  const opener = tokens.findLastIndex((tok) => CLAUSE_OPENER.test(text.slice(tok.start - start, tok.end - start)));
  return opener < 0 || tokens.slice(opener + 1).some((tok) => (tok.pos === "VERB" || tok.pos === "AUX") && !/ing$/i.test(text.slice(tok.start - start, tok.end - start)));
}

/** Head nouns of a settlement ("the capital of…", "a brahmadeya village in…"): named, not defined, as a place is. */
export const PLACE_HEAD = /^(?:capital|city|town|village|port|harbour|harbor)$/i;

/**
 * Does a definition describe someone: a ruler, an office-holder or a relative (`PERSON_HEAD`) among its words before its
 * first preposition or participle ("the chairman of…", "the second and most powerful ruler of…", "the widow of…")?
 */
export function namesSomeone(definition: string): boolean {
  // The noun before the first preposition, participle or clause: "the second and most powerful ruler of…" → ruler, "a
  // general rise in prices" → rise, "the king cobra, a snake" → cobra.
  const words = definition.replace(/^(?:an?|the)\s+/i, "").split(/\s+/);
  // (A participle first modifies the head: "the commanding officer of…".)
  const end = words.findIndex((w, i) => /^(?:of|in|at|for|from|with|by|on|to|who|whom|which|that|whose|under|between|during|near|as)$/i.test(w) || (i > 0 && /^[a-z]+(?:ed|ing)$/.test(w)) || /[,;:]$/.test(w));
  const last = end < 0 ? words.at(-1) : /[,;:]$/.test(words[end]!) ? words[end] : words[end - 1];
  return !!last && PERSON_HEAD.test(last.replace(/[^\p{L}-]/gu, ""));
}

/**
 * Does a description have "is/are/was/were" outside a clause of its own ("that are…", "in which coal is…", "what is
 * called…", "how unequal… are"), counting from its last ", and"/", but" (a second clause starts afresh)?
 */
function hasMainCopula(description: string): boolean {
  for (const m of description.matchAll(/\b(?:is|are|was|were)\b/g)) {
    // The clause the verb is in: from the last ", and" / ", but" before it (a second clause starts afresh).
    const before = description.slice(0, m.index);
    const clause = before.slice(Math.max(0, before.search(/,\s+(?:and|but)\s(?!.*,\s+(?:and|but)\s)/)));
    if (!/\b(?:that|which|who|whom|whose|where|when|how|what|why|whether|if|as|than)\b/i.test(clause)) return true;
  }
  return false;
}

/** A plural noun in the singular ("companies" → "company", "banks" → "bank"; compromise's reading, else the final "s" dropped). */
function singular(word: string): string {
  const read = nlp(word).nouns().toSingular().text();
  return read && read !== word ? read : /[^aeiou]ies$/.test(word) ? word.replace(/ies$/, "y") : word.replace(/s$/, "");
}

/** An absolute phrase after a comma ("the two being chosen in rotation", "the last having been…"): no description. */
export const ABSOLUTE_PHRASE = /^(?:[Tt]he|[Aa]n?)\s+(?:(?:two|three|four|first|second|last|latter|former|rest|others|majority|remainder)\s+(?:being|having)|[\p{L}-]+\s+having\s+been)\b/u;
/**
 * What opens a clause or a prepositional phrase, not a term: a subordinating word ("If the AQI is…"), or a preposition
 * before an article or a figure, or with "the" further on ("In the United Kingdom the Attorney General is…", "Below the
 * Solicitor General are…"). A name that opens with such a word stays a term ("Near Field Communication", "Under
 * Secretary", "Below Poverty Line").
 */
const SUBORDINATOR = /^(?:(?:If|When|While|Although|Though|As|Because|Since|Unless|Whereas|Once|After|Before|Whether)\s|(?:In|On|At|By|Below|Above|Under|Beneath|Beyond|During|For|From|With|Within|Without|Among|Across|Between|Besides|Unlike|Like|Despite|Through|Throughout|Towards?|Upon|Over|Near|Outside|Inside)\s+(?:(?:the|a|an|\d)\b|.*\sthe\s))/;
/**
 * Where a description ends and a second one begins after a comma: an article and a word in small letters ("…, a body
 * that…") or an article phrase that pairs a name with another article phrase before the next comma ("…, the Gurjaras
 * almost certainly the Pratiharas") — not a name in a list ("…, the United States, Japan…", "…, the Republic of the Congo and Japan").
 */
export const SECOND_DESCRIPTION = /,\s+(?=(?:and\s+)?(?:[Tt]he|[Aa]n?)\s+(?:\p{Ll}|(?:(?!\b(?:and|or|of)\s)[^,;])*?\s(?:the|a|an)\s))/u;

function definitionCard(corpus: Corpus, pm: ProcessedMaterial, sentence: Sentence, text: string): Card | null {
  const m = DEFINITION.exec(text);
  if (!m) return null;
  const [, article, term, , alias, verb] = m;
  let definition = m[6]!.trim();
  if (NOT_A_TERM.test(term!.split(/\s+/)[0]!) && term!.split(/\s+/).length === 1) return null;
  // "If the AQI is the thermometer, the Graded Response Action Plan… is the prescription chart": a clause's opener is no term.
  if (SUBORDINATOR.test(term!)) return null;
  // A one-word term must be one the material keeps using, not a passing word.
  if (term!.split(/\s+/).length === 1 && timesNamed(pm, term!) < 2) return null;
  const kind = corpus.entityKind(term!);
  if (kind === "person" || kind === "place") return null;
  if (NOT_A_GENUS.test(definition) || LEANS_ON_CONTEXT.test(definition) || /"/.test(definition)) return null;
  // "IN-SPACe is the interface for private activities; NSIL handles…": a semicolon ends the definition, and what follows
  // is another clause about something else.
  definition = definition.split(/\s*;\s*/)[0]!;
  // "The Utkalas were the people of Orissa, the Gurjaras almost certainly the Pratiharas, and…": the verb shared by a list
  // of pairs, or a second description stacked on the first ("…, a body that…"); only the first says what the term is.
  // (A list of names inside the description stays whole: "a forum of India, the United States, Japan and Australia".)
  definition = definition.split(SECOND_DESCRIPTION)[0]!;
  // Too long to learn as one answer: keep the head up to the first comma or semicolon, if it says enough.
  if (wordCount(definition) > 30) {
    const head = definition.split(/[,;]\s+/)[0]!;
    if (wordCount(head) < 5 || wordCount(head) > 30) return null;
    definition = head;
  }
  if (wordCount(definition) < 5) return null;
  // A description with a main verb of its own ("…the thermometer, the Graded Response Action Plan… is the prescription
  // chart", "a state subject, and state laws are unevenly enforced") or an absolute phrase ("the two being chosen…") is not
  // one; a relative clause's verb ("a treaty… phasing out substances that are responsible…") is the description's own.
  if (hasMainCopula(definition) || ABSOLUTE_PHRASE.test(definition)) return null;
  // "…the popular name for the situation that arises when the Union government": cut inside a clause its words open.
  const at = sentence.text.indexOf(definition);
  if (at >= 0 && !closesItsClause(sentence, sentence.start + at, sentence.start + at + definition.length, definition)) return null;
  // "Warangal is the capital of the Kakatiya kingdom": a settlement is named, not defined.
  const head = definitionHead(definition);
  if (head && PLACE_HEAD.test(head)) return null;
  const shown = displayTerm(pm, term!, !!article);
  // "Alauddin Khalji was the second and most powerful ruler of…": a ruler, an office-holder or a relative is someone.
  // (A body's definition may say "the chairman…" of its head: an organisation is asked "What".)
  const front = `${kind !== "organization" && namesSomeone(definition) ? "Who" : "What"} ${verb!.toLowerCase()} ${shown}${alias ? ` (${alias})` : ""}?`;
  const q = scoreItem(corpus, { kind: "qa", asks: "definition", role: definition, refs: refOf(corpus, pm, sentence), text: front });
  return card(front, capitalize(definition.replace(/[,;:]$/, "")), [sentenceEvidence(pm, sentence)], q);
}

function hasVerb(sentence: Sentence, from: number, to: number): boolean {
  return sentence.tokens.some((t) => t.start - sentence.start >= from && t.start - sentence.start < to && (t.pos === "VERB" || t.pos === "AUX"));
}

/** A cause sentence's parts: the clause, its connective ("because", "as a result of") and comma, the reason. */
function causeParts(text: string): { clause: string; connective: string; comma: string; reason: string; clauseAt: number } | null {
  const after = CAUSE_AFTER.exec(text);
  if (after) return { clause: (after[1] ?? after[5])!, connective: (after[2] ?? after[6])!, comma: after[3] ?? after[7] ?? "", reason: (after[4] ?? after[8])!, clauseAt: 0 };
  const before = CAUSE_BEFORE.exec(text);
  if (!before) return null;
  const clause = before[3]!;
  return { clause, connective: before[1]!, comma: "", reason: before[2]!, clauseAt: text.length - clause.length - (text.endsWith(".") ? 1 : 0) };
}

function causeCard(corpus: Corpus, pm: ProcessedMaterial, sentence: Sentence, text: string): Card | null {
  // Read from the sentence as the item shows it ("The Board cut…" with its name resolved, "The Veldra Water Board
  // cut…"), its verb checked where the source has it: both must split the same way at the same connective.
  const source = causeParts(sentence.text);
  const parts = causeParts(text);
  if (!source || !parts || source.connective !== parts.connective || (source.clauseAt === 0) !== (parts.clauseAt === 0)) return null;
  let { clause, reason } = parts;
  const { connective, comma } = parts;
  // The reason ends at a semicolon: what follows is another statement.
  reason = reason.split(/;\s+/)[0]!;
  clause = clause.replace(/[,;:\s]+$/, "");
  if (wordCount(clause) < 5 || wordCount(reason) < 3 || wordCount(reason) > 30) return null;
  // "…in different directions, and because …", "…applied inconsistently, in part because …", "…at risk, whether because
  // …": the clause ends in a word that belongs to the reason, and cut there it is a fragment ("…, and.", "…, in part.").
  if (/(?:^|[\s,])(?:and|or|but|nor|whether|either|in part|in large part|partly|largely|mainly|mostly|chiefly|primarily|particularly|especially|merely|solely|not least|only|not|simply|precisely|just|also|even|perhaps|probably|possibly|presumably|apparently)$/i.test(clause)) return null;
  if (!hasVerb(sentence, source.clauseAt, source.clauseAt + source.clause.length)) return null;
  // A clause that opens with a pronoun or a connective does not stand as the question.
  const question = capitalize(clause);
  if (standaloneText(question) !== question || /^(?:it|they|this|these|those|he|she|which|who)\b/i.test(question)) return null;
  const front = `Why? ${endWithPeriod(question)}`;
  const back = `${capitalize(connective.toLowerCase())}${comma} ${reason.replace(/[,;:\s]+$/, "")}.`;
  const q = scoreItem(corpus, { kind: "qa", asks: "cause", refs: refOf(corpus, pm, sentence), text: front });
  return card(front, back, [sentenceEvidence(pm, sentence)], q);
}

function refOf(corpus: Corpus, pm: ProcessedMaterial, sentence: Sentence) {
  const ref = corpus.refsOf(pm).find((r) => r && r.sentence.index === sentence.index);
  return ref ? [ref] : [];
}

/** How many times the material writes a lower-case term (its plural or singular too), as a whole word. */
function timesWritten(pm: ProcessedMaterial, term: string): number {
  const stem = escapeRegExp(term.replace(/(?<!s)s$/, ""));
  return pm.material.text.match(new RegExp(String.raw`(?<![\w-])${stem}(?:s|es)?(?![\w-])`, "gi"))?.length ?? 0;
}

/** An appositive after a comma: "…, the buildings near the coast where…" up to the next comma, semicolon or the end. */
const APPOSITIVE = /,\s+(the\s+[a-z][^,;:"()]{3,200}?)(?=[,;:]|\.?$)/g;
const CLAUSE_SUMMARY_HEAD = new Set(referenceWords.clauseSummaryHeads);

/**
 * The head noun of a description that is a noun phrase ("the low barriers built across…" → "barriers"), or null when a
 * finite verb follows its nouns ("the report estimated a loss…", "the appointee makes…"): a clause, not a description.
 * A participle that a preposition follows ("built across", "washed down") still describes.
 */
function descriptionHead(sentence: Sentence, start: number, end: number): string | null {
  const tokens = sentence.tokens.filter((t) => t.start - sentence.start >= start && t.end - sentence.start <= end);
  const word = (t: Sentence["tokens"][number]) => sentence.text.slice(t.start - sentence.start, t.end - sentence.start);
  // A hyphenated compound ("build-up", "run-off") is one word, whatever its parts are read as.
  const joined = (k: number) => k > 0 && tokens[k]!.start === tokens[k - 1]!.end && (word(tokens[k]!) === "-" || word(tokens[k - 1]!) === "-");
  let i = 1;
  while (i < tokens.length && ((/^(?:ADJ|NOUN|NUM)$/.test(tokens[i]!.pos) && /^[a-z0-9-]+$/.test(word(tokens[i]!))) || joined(i))) i++;
  let first = i - 1;
  while (first > 1 && joined(first)) first--;
  if (first < 1 || !tokens.slice(first, i).some((t) => t.pos === "NOUN")) return null;
  const next = tokens[i];
  // "the buildings near…", "the barriers built across…", "the delay between…"; not "the report estimated a loss", "the
  // appointee makes", "the chlorine rapidly destroys".
  if (next && (next.pos === "AUX" || next.pos === "ADV" || (next.pos === "VERB" && (/[^s]s$/.test(word(next)) || !/^(?:ADP|PART)$/.test(tokens[i + 1]?.pos ?? ""))))) return null;
  return sentence.text.slice(tokens[first]!.start - sentence.start, tokens[i - 1]!.end - sentence.start);
}
/** Words by which a description points at something said before it ("the same kind", "the latter"). */
const POINTS_BACK = /\b(?:same|latter|former|above|aforesaid|such|other|another|following|previous)\b/i;

/**
 * "…land at a handful of cable landing stations, the buildings near the coast where the undersea line meets the land
 * network." → "What are cable landing stations?" / "The buildings near the coast where…". The term is the run of lower-case
 * nouns (and adjectives) before the comma, cut to the longest end of it the material writes at least twice (a term it
 * keeps using, not a passing word: "higher latency" → "latency"); the description reads alone (no pronoun, nothing that
 * points back, a clause it opens closed), is no person, and ends the sentence or is followed by a clause with a verb —
 * "silt, the fine soil…, and gravel" may be a list, so it makes none.
 */
export function termAppositiveCards(corpus: Corpus, pm: ProcessedMaterial, sentence: Sentence): Card[] {
  const out: Card[] = [];
  const text = sentence.text;
  for (const m of text.matchAll(APPOSITIVE)) {
    const desc = m[1]!.trim();
    const descAt = m.index + m[0].length - m[1]!.length;
    const after = text.slice(descAt + m[1]!.length);
    if (/^,/.test(after)) {
      const rest = after.split(/[;:]/)[0]!;
      if (/^,\s+(?:(?:and|or|but)\s|(?:the|an?)\s)/.test(rest) || /,\s+(?:and|or)\s+(?:the|an?)\s/.test(rest) || !hasVerb(sentence, descAt + m[1]!.length, descAt + m[1]!.length + rest.length)) continue;
    } else if (!/^\.?\s*$/.test(after)) continue;
    // The term: lower-case nouns and adjectives before the comma, the last a noun, at most four.
    const before = sentence.tokens.filter((t) => t.end - sentence.start <= m.index);
    const run: typeof before = [];
    for (let i = before.length - 1; i >= 0 && run.length < 4; i--) {
      const t = before[i]!;
      const word = text.slice(t.start - sentence.start, t.end - sentence.start);
      if (!/^[a-z][a-z-]*$/.test(word) || !(t.pos === "NOUN" || (t.pos === "ADJ" && run.length > 0))) break;
      run.unshift(t);
    }
    if (!run.length) continue;
    // "X and Y, the two…", "such as X, the…", "a, b, the c": the description may cover more than the term, or the term be
    // one of a list.
    const lead = text.slice(0, run[0]!.start - sentence.start);
    // …nor the end of a name ("the Kishanganga project, a…": the name is the term, not "project").
    if (/(?:\b(?:and|or|nor|&|such as|including|like|namely)|,)\s*$/i.test(lead) || /\p{Lu}[\p{L}-]*\s*$/u.test(lead)) continue;
    // "…determines, in his discretion, the share of royalties…": a term inside a phrase set off by commas, or someone's own
    // ("his discretion"), is no term, and what follows its comma is the sentence going on.
    const lastComma = lead.lastIndexOf(",");
    if (/\b(?:his|her|its|their|our|my|your)\s+$/i.test(lead) || (lastComma >= 0 && /^\s*(?:in|at|on|by|with|for|under|of|from|to|after|before|during|within|without)\s/i.test(lead.slice(lastComma + 1)) && !hasVerb(sentence, lastComma, lead.length))) continue;
    let term = "";
    for (let k = 0; k < run.length; k++) {
      const candidate = text.slice(run[k]!.start - sentence.start, run.at(-1)!.end - sentence.start);
      if (run[k]!.pos === "NOUN" && timesWritten(pm, candidate) >= 2) {
        term = candidate;
        break;
      }
      // Only a comparing word may be left out ("higher latency" → "latency"), not part of the term ("monthly mean", "home
      // loan").
      if (!/^(?:[a-z]+(?:er|est)|more|most|less|least|new|greater)$/.test(sentence.text.slice(run[k]!.start - sentence.start, run[k]!.end - sentence.start))) break;
    }
    if (!term) continue;
    const words = wordCount(desc);
    if (words < 5 || words > 30) continue;
    // "the spread of invasive weeds and the decline in fish catch": two noun phrases, one of a list.
    if (/\s(?:and|or)\s+(?:the|an?)\s/.test(desc)) continue;
    if (LEANS_ON_CONTEXT.test(desc) || POINTS_BACK.test(desc) || ABSOLUTE_PHRASE.test(desc) || namesSomeone(desc)) continue;
    if (/\b(?:is|are|was|were|has|have|had|will|would|can|could)\b/.test(desc)) continue;
    if (spanPointsBack(pm, sentence.start + descAt, sentence.start + descAt + desc.length)) continue;
    if (!closesItsClause(sentence, sentence.start + descAt, sentence.start + descAt + desc.length, desc)) continue;
    // A noun phrase whose head agrees with the term ("cable landing stations, the buildings…"); not a clause, nor a noun
    // that sums up the clause before it ("…, the result of…").
    const head = descriptionHead(sentence, descAt, descAt + desc.length);
    const isPlural = /[^s]s$/.test(term);
    if (!head || CLAUSE_SUMMARY_HEAD.has(head) || /[^s]s$/.test(head) !== isPlural) continue;
    const article = /^an?\s/i.test(desc) || new RegExp(String.raw`\b(?:a|an)\s+${escapeRegExp(term)}\b`, "i").test(pm.material.text) ? (/^[aeiou]/i.test(term) ? "an " : "a ") : "";
    const front = isPlural ? `What are ${term}?` : `What is ${article}${term}?`;
    const q = scoreItem(corpus, { kind: "qa", asks: "definition", role: desc, refs: refOf(corpus, pm, sentence), text: front });
    out.push(card(front, capitalize(desc), [sentenceEvidence(pm, sentence)], q));
  }
  return out;
}

/** Definition and cause cards for every sentence that reads on its own. */
export function explanationCards(corpus: Corpus): Card[] {
  const out: Card[] = [];
  for (const pm of corpus.materials) {
    const quoted = pm.quotes.map((q) => [q.start, q.end] as const);
    for (const sentence of pm.sentences) {
      // What a term is, from an appositive that reads alone, whatever the rest of the sentence leans on; never a quote.
      if (!/\?\s*$/.test(sentence.text) && !quoted.some(([a, b]) => sentence.start < b && sentence.end > a)) out.push(...termAppositiveCards(corpus, pm, sentence));
      if (!isStandalone(sentence, pm)) continue;
      const text = inContext(sentence.text, pm, sentence);
      // A definition or cause card has no lead to say what a sentence that leaves it out is about.
      if (!text || leansOnSubject(pm, sentence)) continue;
      const made = [definitionCard(corpus, pm, sentence, text), causeCard(corpus, pm, sentence, text)];
      for (const c of made) if (c && c.front.length <= 600 && c.back.length <= 300) out.push(c);
    }
  }
  return out;
}

const FUNCTION_WORDS = new Set(["of", "and", "the", "for", "on", "in", "to", "&"]);

/** "global warming potential" spells GWP; "hydrofluorocarbons" spells HFC (its parts, in order, from the first letter). */
function spells(words: string[], short: string): boolean {
  const letters = short.replace(/s$/, "").toLowerCase();
  if (words.length === 1) {
    const w = words[0]!.toLowerCase();
    if (letters.length < 3 || w[0] !== letters[0] || w.length < letters.length * 3) return false;
    let at = 0;
    for (const c of letters) {
      at = w.indexOf(c, at);
      if (at < 0) return false;
      at++;
    }
    return true;
  }
  const initials = words.filter((w) => !FUNCTION_WORDS.has(w)).flatMap((w) => w.split("-").filter(Boolean).map((p) => p[0]!)).join("").toLowerCase();
  return initials === letters;
}

/**
 * Abbreviations of technical terms written in lower case — "global warming potential (GWP)",
 * "hydrofluorocarbons (HFCs)" — which the capitalised-name reading misses: a card for each the material
 * keeps using (in at least three sentences), so it is a term of the subject, not a passing one.
 */
export function termAcronymCards(corpus: Corpus): Card[] {
  const out: Card[] = [];
  const done = new Set<string>();
  for (const pm of corpus.materials) {
    const known = new Set(pm.acronyms.map((a) => a.short.replace(/s$/, "").toUpperCase()));
    for (const sentence of pm.sentences) {
      for (const m of sentence.text.matchAll(/\(([A-Z]{2,6})(s?)\)/g)) {
        const short = m[1]! + m[2]!;
        const bare = m[1]!;
        if (bare.length < 3 || known.has(bare) || done.has(bare)) continue;
        const words = sentence.text.slice(0, m.index).trimEnd().split(/\s+/).slice(-6);
        let run: string[] | null = null;
        for (let n = 1; n <= words.length && !run; n++) {
          const candidate = words.slice(words.length - n);
          if (candidate.every((w) => /^[a-z][a-z-]*$/.test(w)) && !FUNCTION_WORDS.has(candidate[0]!) && spells(candidate, short)) run = candidate;
        }
        if (!run) continue;
        const uses = pm.sentences.filter((s) => new RegExp(String.raw`\b${bare}s?\b`).test(s.text)).length;
        if (uses < 3) continue;
        done.add(bare);
        // One term, in the singular: "What does HFC stand for?" → "Hydrofluorocarbon".
        const expansion = capitalize(m[2] ? [...run.slice(0, -1), singular(run.at(-1)!)].join(" ") : run.join(" "));
        const end = sentence.start + m.index + m[0].length;
        const start = end - m[0].length - 1 - run.join(" ").length;
        if (pm.material.text.slice(start, end) !== `${run.join(" ")} ${m[0]}`) continue;
        const front = `What does ${bare} stand for?`;
        const q = scoreItem(corpus, { kind: "acronym", asks: "expansion", refs: refOf(corpus, pm, sentence), text: front });
        const reasons = [...q.reasons, "+0.15 an abbreviation the material keeps using"];
        out.push(card(front, expansion, [evidenceOf(pm, start, end)], { ...q, score: Math.min(1, Math.round((q.score + 0.15) * 100) / 100), reasons }, "acronym"));
      }
    }
  }
  return out;
}
