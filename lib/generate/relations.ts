import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { inContext, leansOnSubject } from "./context";
import type { Corpus } from "./corpus";
import { refOf } from "./explain";
import { isAttributed, isOpinion, scoreItem } from "./quality";
import { unresolvedDescription } from "./descriptions";
import cues from "./relation-cues.json";
import type { Card } from "./schemas";
import { capitalize, isStandalone, makeCard, sentenceEvidence, standaloneText, wordCount } from "./text";
import { hasFiniteVerb } from "./verbs";
import { escapeRegExp } from "@/lib/text/regexp";
import nlp from "compromise";

/**
 * Relation cards: what a sentence ties together beyond a single name or figure, for the many sentences that read alone
 * but hold nothing to blank.
 * - Effect: "<cause, a noun phrase> led to <outcome>." → "What led to <outcome>?" / the cause. The sentence's own verb of
 *   causing is kept ("resulted in", "gave rise to": `relation-cues.json` causingVerbs); the cause is the subject noun
 *   phrase (no verb of its own, so no clause — "…cut its rate and a rise in loans led to…" — and no modal: "could lead
 *   to" is a possibility), the outcome reads alone (no pronoun that only the cause could supply: "…led to their decline").
 * - Counted list: "<statement> three <nouns>: A, B and C." → "<statement> three <nouns>: _____." / the list, only when
 *   the list has as many members as the number says and each member is a noun phrase (no verb: "…in three districts: the
 *   crop was lost and prices doubled" is a clause, not the list counted).
 * Only from a sentence that reads alone (`isStandalone`, `inContext`), states a fact (no opinion) and says what it is
 * about (`leansOnSubject`).
 */

type Token = Sentence["tokens"][number];

const CAUSING = [...cues.causingVerbs].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
const CAUSE_SPLIT = new RegExp(String.raw`^(.+?)\s+(${CAUSING})\s+(?!by\b)(.+?)\.?$`);
const CAUSING_ANYWHERE = new RegExp(String.raw`\b(?:${CAUSING})\b`, "g");
const HAS_CAUSING = new RegExp(String.raw`\b(?:${CAUSING})\b`);
/** A pronoun or demonstrative the item would show without what it stands for. */
const LEANING_WORD = /\b(?:it|its|they|them|their|he|his|him|she|her|this|these|those|we|our|you|your)\b/i;
/** A word that ranks or likens a thing to one only an earlier sentence names ("a third reading", "another rise", "similar
 * protests"). */
const LIKENED_WORD = /\b(?:another|other|second|third|fourth|fifth|further|similar|same|latter|former)\b/i;
/** After a comma in an outcome, what opens a second phrase or clause (cut there) rather than the next member of a list. */
const SECOND_PHRASE = /^(?:which|who|whose|where|when|while|whereas|although|though|but|as|with|and\s+(?:the|a|an|it|they|this|its|their|in|by)\b|[a-z]+ing\b)/;

/** The tokens of `sentence` inside the span [from, to) of its text. */
function tokensIn(sentence: Sentence, from: number, to: number): Token[] {
  return sentence.tokens.filter((t) => t.start - sentence.start >= from && t.end - sentence.start <= to && t.pos !== "SPACE");
}

function wordOf(sentence: Sentence, t: Token): string {
  return sentence.text.slice(t.start - sentence.start, t.end - sentence.start);
}


/**
 * The sentence with its verb of causing tagged as a verb: wink reads "led" in "…embankments in 1911 led to…" as a noun,
 * and a sentence with no verb reads as no statement. The cue phrase, word for word, is the verb the card is built on.
 */
function withCausingVerb(sentence: Sentence): Sentence {
  const m = HAS_CAUSING.exec(sentence.text);
  if (!m) return sentence;
  const at = sentence.start + m.index;
  const tokens = sentence.tokens.map((t) => (t.start === at && t.pos !== "VERB" ? { ...t, pos: "VERB" as Token["pos"] } : t));
  return tokens.some((t, i) => t !== sentence.tokens[i]) ? { ...sentence, tokens } : sentence;
}

/** The sentence as an item may show it, or null when it does not read alone or states no fact. */
function readableText(pm: ProcessedMaterial, sentence: Sentence): string | null {
  if (!isStandalone(sentence, pm, { subjectPronouns: true }) || isOpinion(sentence.text)) return null;
  const text = inContext(sentence.text, pm, sentence);
  if (!text || leansOnSubject(pm, sentence)) return null;
  return text;
}

/** Where the sentence's own words start once a leading connective ("However, ") is dropped, as `standaloneText` drops it. */
function standaloneOffset(sentence: Sentence): number {
  return sentence.text.length - standaloneText(sentence.text).length;
}

function effectCard(corpus: Corpus, pm: ProcessedMaterial, sentence: Sentence, text: string): Card | null {
  // "…led to a fall in growth, according to critics": who claims the link is part of the fact; the card would drop them.
  if (isAttributed(sentence.text)) return null;
  // One verb of causing, in the sentence as written and as shown.
  if ((sentence.text.match(CAUSING_ANYWHERE)?.length ?? 0) !== 1) return null;
  const source = CAUSE_SPLIT.exec(standaloneText(sentence.text));
  const shown = CAUSE_SPLIT.exec(text);
  if (!source || !shown || source[2] !== shown[2]) return null;
  const verb = shown[2]!;
  const cause = shown[1]!.trim();
  let outcome = shown[3]!.trim();
  // The cause is a noun phrase: no comma, no verb of its own (a participle may describe it), opening on a determiner, an
  // adjective, a noun or a figure (not a preposition's phrase: "In 1911 the collapse…"; not a pronoun).
  const offset = standaloneOffset(sentence);
  const causeTokens = tokensIn(sentence, offset, offset + source[1]!.trimEnd().length);
  const first = causeTokens[0];
  if (!first || !["DET", "ADJ", "NOUN", "PROPN", "NUM"].includes(first.pos)) return null;
  if (/[,;:()"]/.test(cause) || hasFiniteVerb(sentence, offset, offset + source[1]!.trimEnd().length, true) || !causeTokens.some((t) => t.pos === "NOUN" || t.pos === "PROPN")) return null;
  if (LEANING_WORD.test(cause) || wordCount(cause) < 2 || wordCount(cause) > 20) return null;
  // "The law triggered…": a description only the sentences before resolve is no answer.
  if (unresolvedDescription(cause)) return null;
  // The outcome ends at a second phrase after a comma ("…, which…", "…, forcing…"); a list after it stays whole.
  const comma = outcome.search(/[,;]\s/);
  if (comma >= 0) {
    const rest = outcome.slice(comma + 2).trim();
    if (outcome[comma] === ";" || SECOND_PHRASE.test(rest)) outcome = outcome.slice(0, comma);
  }
  outcome = outcome.replace(/[,;:\s]+$/, "");
  if (/[:;"()]/.test(outcome) || LEANING_WORD.test(outcome) || LIKENED_WORD.test(outcome) || LIKENED_WORD.test(cause) || wordCount(outcome) < 3 || wordCount(outcome) > 25) return null;
  // The outcome is what the verb brings about, a noun phrase: its own finite verb would make it a clause ("caused prices
  // to rise" keeps "to rise", an infinitive, and is read as the thing caused).
  const outcomeAt = standaloneText(sentence.text).indexOf(outcome);
  if (outcomeAt < 0) return null;
  if (hasFiniteVerb(sentence, offset + outcomeAt, offset + outcomeAt + outcome.length)) return null;
  const front = `What ${verb} ${outcome}?`;
  const q = scoreItem(corpus, { kind: "qa", asks: "cause", refs: refOf(corpus, pm, sentence), text: front });
  return makeCard("qa", front, capitalize(cause), [sentenceEvidence(pm, sentence)], q);
}

const COUNT_WORDS: Record<string, number> = cues.countWords;
const COUNTED = new RegExp(String.raw`^(.*?\b(${Object.keys(COUNT_WORDS).join("|")}|[2-9]|1[0-2])\s+([^:;]+?)):\s+([^:]+?)\.?$`, "i");

/** The members of a list, split at commas and a last "and"/"or" ("A, B and C", "A, B, and C", "A and B"). */
function listMembers(list: string): string[] {
  const parts = list.split(/\s*,\s+/);
  const last = parts.pop()!;
  const tail = last.replace(/^(?:and|or)\s+/, "");
  if (tail !== last) return [...parts, tail];
  const split = /^(.+)\s+(?:and|or)\s+(.+)$/.exec(last);
  return split ? [...parts, split[1]!, split[2]!] : [...parts, last];
}

function countedListCard(corpus: Corpus, pm: ProcessedMaterial, sentence: Sentence, text: string): Card | null {
  if ((text.match(/:/g)?.length ?? 0) !== 1) return null;
  const m = COUNTED.exec(text);
  if (!m) return null;
  const lead = m[1]!.trim();
  const count = COUNT_WORDS[m[2]!.toLowerCase()] ?? Number(m[2]);
  const counted = m[3]!.trim();
  const list = m[4]!.trim();
  // The counted noun phrase closes the lead ("three objectives for tenancy laws"), a few words at most.
  if (wordCount(counted) > 8 || wordCount(lead) < 6) return null;
  const members = listMembers(list);
  if (members.length !== count || members.some((x) => wordCount(x) < 1 || wordCount(x) > 12) || wordCount(list) > 45) return null;
  // Where the lead and the list lie in the sentence as written (a resolved name in the lead shifts nothing after it).
  const written = standaloneText(sentence.text);
  const colon = written.indexOf(":");
  if (colon < 0 || written.slice(colon + 1).trim().replace(/\.$/, "") !== list) return null;
  const offset = standaloneOffset(sentence);
  const leadTokens = tokensIn(sentence, offset, offset + colon);
  // The lead is a statement (a finite verb; compromise's reading where wink tags "set out" a noun), the list noun phrases
  // (none).
  if (!(hasFiniteVerb(sentence, offset, offset + colon) || nlp(lead).verbs().length > 0) || hasFiniteVerb(sentence, offset + colon + 1, sentence.text.length)) return null;
  // The counted words name things: a noun after the number.
  const countAt = leadTokens.findIndex((t) => wordOf(sentence, t).toLowerCase() === m[2]!.toLowerCase());
  if (countAt < 0 || !leadTokens.slice(countAt + 1).some((t) => t.pos === "NOUN")) return null;
  if (LEANING_WORD.test(list)) return null;
  const front = `${lead}: _____.`;
  const q = scoreItem(corpus, { kind: "cloze", asks: "statement", refs: refOf(corpus, pm, sentence), text: front });
  return makeCard("cloze", front, capitalize(list), [sentenceEvidence(pm, sentence)], q);
}

/**
 * A counted lead-in that ends its paragraph with a colon, over a list laid out as items ("ISRO stated three objectives:"
 * then three list items): "ISRO stated three objectives: _____." / the items, only when as many items follow as the number
 * says. Each member is its item's first sentence, or the label before its colon ("Registration: producers must…" →
 * "Registration"), a noun phrase of at most fourteen words (no finite verb). The evidence is the lead-in and each member's
 * sentence.
 */
/** A label that only numbers a list item: "Part I", "Stage one", "Chapter 3", "Phase II". */
const NUMBERING_LABEL = /^(?:Part|Chapter|Stage|Phase|Section|Step|Tier|Level|Schedule|Round|Category|Group|Type)\s+(?:[IVXLC]+|\d+[A-Z]?|one|two|three|four|five|six|seven|eight|nine|ten)$/i;

function leadInListCard(corpus: Corpus, pm: ProcessedMaterial, sentence: Sentence): Card | null {
  const block = pm.blocks[sentence.blockIndex];
  if (!block || block.kind !== "paragraph" || !/:\s*$/.test(sentence.text) || isOpinion(sentence.text)) return null;
  if (pm.sentences[sentence.index + 1]?.blockIndex === sentence.blockIndex) return null;
  const written = sentence.text.trim().replace(/:$/, "");
  const count = new RegExp(String.raw`\b(${Object.keys(COUNT_WORDS).join("|")}|[2-9]|1[0-2])\s+`, "i").exec(written);
  if (!count || wordCount(written) < 4 || written.includes(":")) return null;
  const n = COUNT_WORDS[count[1]!.toLowerCase()] ?? Number(count[1]);
  // A noun after the number: "three objectives", "four principal changes" ("There were five:" counts what only the
  // sentence before names).
  const after = tokensIn(sentence, count.index + count[0].length, written.length);
  if (!after.some((t) => t.pos === "NOUN")) return null;
  // The lead-in reads alone as the statement it opens (its colon aside).
  const shown = inContext(`${written}.`, pm, sentence);
  if (!shown || leansOnSubject(pm, sentence)) return null;
  const members: Array<{ text: string; sentence: Sentence }> = [];
  for (let b = sentence.blockIndex + 1; b < pm.blocks.length && pm.blocks[b]!.kind === "list_item"; b++) {
    const first = pm.sentences.find((x) => x.blockIndex === b);
    if (!first) return null;
    // A label that only numbers its item ("Part I: preliminary matters…", "Stage one: …") gives way to what follows it.
    const label = /^([^:]{2,80}):\s/.exec(first.text);
    const numbered = !!label && NUMBERING_LABEL.test(label[1]!.trim());
    const from = numbered ? label![0].length : 0;
    const text = (label && !numbered && wordCount(label[1]!) <= 6 ? label[1]! : first.text.slice(from)).trim().replace(/[.;,]+$/, "").replace(/[;,]?\s+(?:and|or)$/, "");
    // (An infinitive is a member: "To demonstrate a safe landing".)
    const finite = hasFiniteVerb(first, from, from + text.length);
    if (wordCount(text) > 14 || finite || LEANING_WORD.test(text) || /:|\betc\b/.test(text)) return null;
    members.push({ text, sentence: first });
  }
  if (members.length !== n) return null;
  const front = `${shown.replace(/\.$/, "")}: _____.`;
  const back = members.map((m) => m.text).join(members.some((m) => m.text.includes(",")) ? "; " : ", ");
  const q = scoreItem(corpus, { kind: "cloze", asks: "statement", refs: refOf(corpus, pm, sentence), text: front });
  const evidence = [sentence, ...members.map((m) => m.sentence)].map((x) => sentenceEvidence(pm, x));
  return makeCard("cloze", front, capitalize(back), evidence, q);
}

/** Counted lead-ins over a list of items ("…three objectives:" and three list items). */
export function leadInListCards(corpus: Corpus): Card[] {
  const out: Card[] = [];
  for (const pm of corpus.materials) {
    for (const sentence of pm.sentences) {
      if (!/:\s*$/.test(sentence.text)) continue;
      const c = leadInListCard(corpus, pm, sentence);
      if (c && c.front.length <= 600 && c.back.length <= 300) out.push(c);
    }
  }
  return out;
}

/** Effect cards ("What led to…?") for every sentence that reads on its own. */
export function effectCards(corpus: Corpus): Card[] {
  return relationCards(corpus, effectCard, (s) => HAS_CAUSING.test(s.text));
}

/** Counted-list cards ("…three layers: _____.") for every sentence that reads on its own. */
export function countedListCards(corpus: Corpus): Card[] {
  return relationCards(corpus, countedListCard, (s) => s.text.includes(":"));
}

/** The cards `make` reads from each sentence that `mayHold` lets through (a cheap test before the sentence is read). */
function relationCards(corpus: Corpus, make: (corpus: Corpus, pm: ProcessedMaterial, sentence: Sentence, text: string) => Card | null, mayHold: (sentence: Sentence) => boolean): Card[] {
  const out: Card[] = [];
  for (const pm of corpus.materials) {
    for (const written of pm.sentences) {
      if (!mayHold(written)) continue;
      const sentence = withCausingVerb(written);
      const text = readableText(pm, sentence);
      if (!text) continue;
      const c = make(corpus, pm, sentence, text);
      if (c && c.front.length <= 600 && c.back.length <= 300) out.push(c);
    }
  }
  return out;
}
