import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { inContext, leansOnSubject } from "./context";
import { definedTermTakesThe } from "./topic";
import type { Corpus } from "./corpus";
import cues from "./explanation-cues.json";
import { isAttributed, scoreItem } from "./quality";
import { hasFiniteVerb, isFiniteVerb } from "./verbs";
import type { Card } from "./schemas";
import { capitalize, endWithPeriod, evidenceOf, isStandalone, makeCard, sentenceEvidence, standaloneText, wordCount } from "./text";
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
/** "… because …", ", due to …", "… in order to …": a reason or a purpose after its clause ("due to" only after a comma, not inside a noun phrase). */
/** "… in order to …", "…, so that …": what the clause is done for (`purposeConnectives`), with or without a comma. */
const PURPOSE = alternation(cues.purposeConnectives);
/** ", since vacant seats are excluded…": a reason after a comma, read so only when a finite clause follows (`causeCard`). */
const CLAUSE_CAUSE_AFTER_COMMA = alternation(cues.causeClauseConnectivesAfterComma);
const CLAUSE_CAUSE_CONNECTIVE = new RegExp(String.raw`^(?:${CLAUSE_CAUSE_AFTER_COMMA})$`, "i");
const CAUSE_AFTER = new RegExp(String.raw`^(.+?)(?:,\s+|\s+)(because of|because|${PURPOSE})(,?)\s+(.+?)\.?$|^(.+?),\s+(${CAUSE_AFTER_COMMA})()\s+(.+?)\.?$|^(.+?),\s+(${CLAUSE_CAUSE_AFTER_COMMA})()\s+(.+?)\.?$`, "i");
/** "Because of X, Y.": a reason before its clause (the reason holds no comma, so the split is certain). */
const CAUSE_BEFORE = new RegExp(String.raw`^(${CAUSE})\s+([^,]+),\s+(.+?)\.?$`, "i");

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
export function hasMainCopula(description: string): boolean {
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
  return makeCard("qa", front, capitalize(definition.replace(/[,;:]$/, "")), [sentenceEvidence(pm, sentence)], q);
}

function hasVerb(sentence: Sentence, from: number, to: number): boolean {
  return sentence.tokens.some((t) => t.start - sentence.start >= from && t.start - sentence.start < to && (t.pos === "VERB" || t.pos === "AUX"));
}

/** A cause sentence's parts: the clause, its connective ("because", "as a result of") and comma, the reason. */
function causeParts(text: string): { clause: string; connective: string; comma: string; reason: string; clauseAt: number } | null {
  const after = CAUSE_AFTER.exec(text);
  if (after) return { clause: (after[1] ?? after[5] ?? after[9])!, connective: (after[2] ?? after[6] ?? after[10])!, comma: after[3] ?? after[7] ?? after[11] ?? "", reason: (after[4] ?? after[8] ?? after[12])!, clauseAt: 0 };
  const before = CAUSE_BEFORE.exec(text);
  if (!before) return null;
  const clause = before[3]!;
  return { clause, connective: before[1]!, comma: "", reason: before[2]!, clauseAt: text.length - clause.length - (text.endsWith(".") ? 1 : 0) };
}

const PURPOSE_CONNECTIVE = new RegExp(String.raw`^(?:${PURPOSE})$`, "i");
/** A subordinating word inside a purpose's clause: a second clause the purpose may serve. */
const PURPOSE_SUBORDINATE = new RegExp(String.raw`\b(?:${alternation(cues.purposeClauseSubordinators)})\b`, "i");
/** "…could not sow", "…cannot vote": a negated modal, which tells a result. */
const NEGATED_MODAL = /\b(?:cannot|can't|couldn't|wouldn't|won't|(?:can|could|may|might|will|would|shall|should)\s+not|(?:can|could|would|will)\s+no\s+longer)\b/i;

/**
 * Does a purpose split cleanly: the clause a whole statement of its own (a finite verb; no label before a colon, no
 * relative or question word the purpose could belong to instead — "Fake invoicing, in which shell companies generate
 * invoices… in order to pass on…", "…is how to design the Commission so that…"; seven words or more, so it says what it is
 * about, one clause, with a name in it), and the purpose one phrase (no comma: "in order to help others, at the centre of religious life"). "So that"
 * states a purpose only with a modal ("so that small farmers could rent"); without one it is as often a result ("…were
 * added, so that PSL came to cover agriculture").
 */
function isPurposeClause(sentence: Sentence, clause: string, purpose: string, connective: string): boolean {
  if (/[:;]/.test(clause) || /\b(?:which|who|whom|whose|where|how|what|whether|why)\b/i.test(clause) || wordCount(clause) < 7) return false;
  // "…are useful, but researchers want…", "…was collected in kind, and the grain was stored…", "…, including a longer
  // period…": the purpose may serve only the last part.
  if (/,\s+(?:and|but|while|whereas|including|especially|particularly)\b/i.test(clause)) return false;
  if (/,/.test(purpose)) return false;
  if (/^so that$/i.test(connective) && !/\b(?:can|could|may|might|will|would|shall|should|cannot)\b/i.test(purpose)) return false;
  // "…failed in 2002, so that farmers could not sow": "so that" with a negated modal tells what came of the clause, not
  // what it was done for.
  if (/^so that$/i.test(connective) && NEGATED_MODAL.test(purpose)) return false;
  // "…raised rates although the government wanted it to hold them so that…": a subordinate clause inside the clause may
  // be what the purpose serves.
  if (PURPOSE_SUBORDINATE.test(clause)) return false;
  const at = sentence.text.indexOf(clause);
  if (at < 0) return false;
  const tokens = sentence.tokens.filter((t) => t.start - sentence.start >= at && t.end - sentence.start <= at + clause.length);
  const word = (i: number) => sentence.text.slice(tokens[i]!.start - sentence.start, tokens[i]!.end - sentence.start);
  // One finite verb group ("had been set up" is one): a second one is a second clause the purpose may belong to — a
  // relative clause after a noun ("…struck down the law that Maharashtra had passed in order to…") or a second main verb.
  // A "that" clause a verb takes ("recommended that the principles be incorporated…, so that they would bind…") says what
  // the verb proposes, which is done for the same purpose: its verbs are not counted.
  const finite = (_t: Sentence["tokens"][number], i: number) => isFiniteVerb(sentence.text, sentence.start, tokens, i);
  let groups = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (/^that$/i.test(word(i))) {
      // (The verb may stand before an aside: "proposed, according to Barani, that…".)
      let v = i - 1;
      if (v >= 0 && word(v) === ",") {
        v--;
        while (v >= 0 && word(v) !== ",") v--;
        v--;
      }
      if (v >= 0 && tokens[v]!.pos === "VERB") break;
      return false;
    }
    if (!finite(tokens[i]!, i)) continue;
    let p = i - 1;
    while (p >= 0 && ["ADV", "PART"].includes(tokens[p]!.pos)) p--;
    if (p < 0 || !finite(tokens[p]!, p)) groups++;
  }
  if (groups > 1) return false;
  // It names what it is about (a name: "The Eleventh Amendment of 1961 replaced…", "…'Phase IV' monitoring requires…"):
  // "Cooperative societies and custom hiring centres were set up" (for what?) or "Several species produce seeds…" (of
  // what?) leave it to the sentences before.
  // (A capital that only opens the sentence — "Storage sheds…", tagged as a name — is none.)
  const isName = (t: Sentence["tokens"][number], i: number) => t.pos === "PROPN" && (t.start !== sentence.start || tokens[i + 1]?.pos === "PROPN" || /^[A-Z]{2,}/.test(word(i)));
  if (!tokens.some(isName)) return false;
  return tokens.some(finite);
}

/** A hedge on a reason, closing the clause before it ("…, partly because…"; `reasonHedges`). */
const REASON_HEDGE = new RegExp(String.raw`,?\s+(${alternation(cues.reasonHedges)})$`, "i");
/** A year, a decade or a month: a since-clause that dates ("since the scheme began in 2015", "in the 1980s"). */
const DATED = /\b(?:1[0-9]|20)\d{2}s?\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** A verb of starting in a since-clause (`sinceStartingVerbs`). */
const SINCE_STARTING = new RegExp(String.raw`\b(?:${alternation(cues.sinceStartingVerbs)})\b`, "i");

/** Is the span [from, to) of the sentence a clause in the present perfect ("has met", "have fallen steadily")? */
function isPresentPerfect(sentence: Sentence, from: number, to: number): boolean {
  const tokens = sentence.tokens.filter((t) => t.pos !== "SPACE" && t.start - sentence.start >= from && t.end - sentence.start <= to);
  return tokens.some((t, i) => {
    if (t.pos !== "AUX" || !/^(?:has|have)$/i.test(sentence.text.slice(t.start - sentence.start, t.end - sentence.start))) return false;
    let k = i + 1;
    while (k < tokens.length && (tokens[k]!.pos === "ADV" || tokens[k]!.pos === "PART")) k++;
    return k < tokens.length && (tokens[k]!.pos === "VERB" || tokens[k]!.pos === "AUX");
  });
}

/**
 * Does the clause a reason follows ([from, to) of the sentence) make a second claim the reason may explain instead of the
 * first: a comment on it after its last comma — an appositive with a verb of its own ("…called him the 'Lion of the
 * North', a title many think undeserved, since…") — or a second clause joined to it (", and the port closed", "; the port
 * closed", ", while exports fell")? "Why? <clause>" would then have two readings. (A "which" clause before "since" is
 * refused in `causeCard`; before "because" it is left, as a reason that explains the clause through it.)
 */
function makesSecondClaim(sentence: Sentence, from: number, to: number): boolean {
  const clause = sentence.text.slice(from, to).replace(/[,;:\s]+$/, "");
  const lastComma = clause.lastIndexOf(",");
  if (lastComma > 0) {
    const comment = clause.slice(lastComma + 1).trimStart();
    const at = from + clause.length - comment.length;
    const hasVerb = sentence.tokens.some((t) => t.start - sentence.start >= at && t.start - sentence.start < from + clause.length && t.pos === "VERB");
    // (After a clause with a verb of its own: in "However, a share of the blocks had to be annulled" the part after the
    // comma is the clause.)
    if (/^an?\s/i.test(comment) && hasVerb && hasFiniteVerb(sentence, from, from + lastComma)) return true;
  }
  // A second clause: a finite verb after ", and", ", but", ", while", ", whereas" or a semicolon, after a clause with one of
  // its own ("Wheat, barley, and rye are sown…": the ", and" closes a list in the subject, no clause before it).
  for (const m of clause.matchAll(/(?:,\s+(?:and|but|while|whereas|yet)|;)\s+/gi)) {
    const at = from + m.index + m[0].length;
    if (hasFiniteVerb(sentence, from, from + m.index) && hasFiniteVerb(sentence, at, from + clause.length)) return true;
  }
  return false;
}

function causeCard(corpus: Corpus, pm: ProcessedMaterial, sentence: Sentence, text: string): Card | null {
  // "…, analysts said", "according to critics": a reason someone gives is their claim, not the material's fact.
  if (isAttributed(sentence.text)) return null;
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
  // "…has moved slowly, partly because of…": a hedge on the reason belongs to the answer ("Partly because of…"), not to
  // the clause asked about.
  const hedge = REASON_HEDGE.exec(clause);
  if (hedge) clause = clause.slice(0, hedge.index).replace(/[,;:\s]+$/, "");
  // ("…increased at least partly because…" would leave "…at least."; "…, chosen partly because…" a participle alone.)
  if (hedge && (/\b(?:at least|at most|only|even|not)$/i.test(clause) || /,\s*[\p{L}-]+$/u.test(clause))) return null;
  if (wordCount(clause) < 5 || wordCount(reason) < 3 || wordCount(reason) > 30) return null;
  // "…in different directions, and because …", "…applied inconsistently, in part because …", "…at risk, whether because
  // …": the clause ends in a word that belongs to the reason, and cut there it is a fragment ("…, and.", "…, in part.").
  if (/(?:^|[\s,])(?:and|or|but|nor|whether|either|in part|in large part|partly|largely|mainly|mostly|chiefly|primarily|particularly|especially|merely|solely|not least|only|not|simply|precisely|just|also|even|perhaps|probably|possibly|presumably|apparently)$/i.test(clause)) return null;
  if (!hasVerb(sentence, source.clauseAt, source.clauseAt + source.clause.length)) return null;
  if (makesSecondClaim(sentence, source.clauseAt, source.clauseAt + source.clause.length)) return null;
  if (PURPOSE_CONNECTIVE.test(connective) && !isPurposeClause(sentence, source.clause, reason, connective)) return null;
  // ", since 2010", ", since independence": a time, not a reason. "Since" gives a reason only before a clause of its own —
  // a finite verb before the reason's first comma ("…, since vacant seats are excluded from the count").
  if (CLAUSE_CAUSE_CONNECTIVE.test(connective)) {
    const at = sentence.text.lastIndexOf(`${source.connective} ${source.reason}`) + source.connective.length + 1;
    const to = at + (/^[^,;]*/.exec(source.reason)?.[0].length ?? 0);
    if (at <= source.connective.length || !hasFiniteVerb(sentence, at, to)) return null;
    // "…has met only six times, since it was set up in 1994": since-clause that dates a start (a year, a decade, a
    // verb of starting) or a main clause in the present perfect counts time from then; it gives no reason.
    const since = sentence.text.slice(at, to);
    if (DATED.test(since) || SINCE_STARTING.test(since) || isPresentPerfect(sentence, source.clauseAt, source.clauseAt + source.clause.length)) return null;
    // "…applied the Doctrine of Lapse, under which a state … would pass to the Company, since adoption … would not be
    // recognised": a relative clause before it may be what the reason explains.
    if (/\b(?:which|who|whom|whose|where)\b/i.test(source.clause)) return null;
  }
  // A clause that opens with a pronoun or a connective does not stand as the question.
  const question = capitalize(clause);
  if (standaloneText(question) !== question || /^(?:it|they|this|these|those|he|she|which|who)\b/i.test(question)) return null;
  const front = `Why? ${endWithPeriod(question)}`;
  const back = `${capitalize(`${hedge ? `${hedge[1]!.toLowerCase()} ` : ""}${connective.toLowerCase()}`)}${comma} ${reason.replace(/[,;:\s]+$/, "")}.`;
  const q = scoreItem(corpus, { kind: "qa", asks: "cause", refs: refOf(corpus, pm, sentence), text: front });
  return makeCard("qa", front, back, [sentenceEvidence(pm, sentence)], q);
}

/** The corpus's reference to `sentence` of `pm`, as the one-element list an item's quality input takes (none when absent). */
export function refOf(corpus: Corpus, pm: ProcessedMaterial, sentence: Sentence) {
  const ref = corpus.refsOf(pm).find((r) => r && r.sentence.index === sentence.index);
  return ref ? [ref] : [];
}

/** Definition and cause cards for every sentence that reads on its own. */
export function explanationCards(corpus: Corpus): Card[] {
  const out: Card[] = [];
  for (const pm of corpus.materials) {
    for (const sentence of pm.sentences) {
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
        out.push(makeCard("acronym", front, expansion, [evidenceOf(pm, start, end)], { ...q, score: Math.min(1, Math.round((q.score + 0.15) * 100) / 100), reasons }));
      }
    }
  }
  return out;
}
