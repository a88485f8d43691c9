import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { AliasIndex, getDefaultAliasIndex } from "./aliases";
import { isCapitalisedMidSentence } from "./capitals";
import { normalizeChars } from "./normalize";
import { isStopword, NEGATORS } from "./stopwords";
import { getSynsets, isKnownWord } from "./wordnet";

/**
 * Token-level analysis with wink-nlp (tokens, part of speech, lemmas, negation), plus alias
 * concepts: tokens inside an alias mention ("Tehreek-e-Taliban Pakistan") are merged into one
 * token whose `key` is the concept ("@ttp"). Every token keeps [start, end) offsets into the
 * input string. The wink model loads lazily, once per process (~60 ms).
 */

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  lemma: string;
  /** Porter2 stem of the lemma, or the alias concept ("@ttp"); the matching key. */
  key: string;
  /** Universal POS tag from wink (NOUN, VERB, PROPN, ADJ, NUM, PUNCT…); "PROPN" for alias concepts. */
  pos: string;
  isNegated: boolean;
  /** Letters or digits (not punctuation, symbols or spaces). */
  isWord: boolean;
  isStop: boolean;
  /** Alias concept when this token is a named entity the alias index knows. */
  concept?: string;
}

export interface Analysis {
  text: string;
  tokens: Token[];
  /** Sentence spans from wink's sentence boundary detection, as [start, end) offsets. */
  sentences: Array<{ start: number; end: number }>;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlpInstance: Nlp | null = null;

function getNlp(): Nlp {
  nlpInstance ??= winkNLP(model, ["sbd", "pos", "negation"]);
  return nlpInstance;
}

const stemCache = new Map<string, string>();

/** Porter2 stem of one word (lower-cased); cached. */
export function stemWord(word: string): string {
  const lower = word.toLowerCase();
  const hit = stemCache.get(lower);
  if (hit !== undefined) return hit;
  const nlp = getNlp();
  const doc = nlp.readDoc(lower);
  const stems = doc.tokens().out(nlp.its.stem as never) as string[];
  const stem = stems.length === 1 ? (stems[0] ?? lower) : stems.join(" ");
  stemCache.set(lower, stem);
  return stem;
}

const lemmaCache = new Map<string, string>();

/** Lemma of one word ("fought" → "fight", "organisations" → "organization"); cached. */
export function lemmatizeWord(word: string): string {
  const lower = word.toLowerCase();
  const hit = lemmaCache.get(lower);
  if (hit !== undefined) return hit;
  const nlp = getNlp();
  const lemmas = nlp.readDoc(lower).tokens().out(nlp.its.lemma as never) as string[];
  const lemma = lemmas.length === 1 ? (lemmas[0] ?? lower) : lower;
  lemmaCache.set(lower, lemma);
  return lemma;
}

const gradedCache = new Map<string, string | null>();

/**
 * The base adjective of a comparative or superlative the lemmatiser left as it is ("darkest" →
 * "dark", "wettest" → "wet", "tidiest" → "tidy", "ripest" → "ripe"), as it does for most ("brightest"
 * → "bright"): a word WordNet does not know, ending in "-er" or "-est", whose stem (with a doubled
 * final consonant undone, "i" read as "y", or an "e" restored) is an adjective WordNet knows. A known
 * word ("forest", "master", "interest") is left alone. Null when there is no such base.
 */
export function gradedBase(word: string): string | null {
  const hit = gradedCache.get(word);
  if (hit !== undefined) return hit;
  let out: string | null = null;
  const m = /^([a-z]{2,})(est|er)$/.exec(word);
  if (m && !isKnownWord(word)) {
    const stem = m[1] as string;
    // A stem ending in one vowel and one consonant ("cut" of "cutest", "fin" of "finest") lost an
    // "e": a doubled consonant would have kept the short vowel ("wettest"), so "cute" comes first.
    const lostE = /(^|[^aeiou])[aeiou][b-df-hj-np-tv-z]$/.test(stem);
    const candidates = [...(lostE ? [`${stem}e`, stem] : [stem]), /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : "", stem.endsWith("i") ? `${stem.slice(0, -1)}y` : "", `${stem}e`];
    out = candidates.find((c) => c.length >= 2 && getSynsets(c, "a").length > 0) ?? null;
  }
  gradedCache.set(word, out);
  return out;
}

/** Matching key of a word: the stem of its lemma. */
export function wordKey(word: string): string {
  return stemWord(lemmatizeWord(word));
}

/**
 * Analyses `text` into tokens with offsets, lemmas, stems, POS, negation and alias concepts.
 * Quotes and dashes are normalised for the tagger without changing offsets. `nameContext` is the
 * texts `text` is read against (a question's prompt, rubric and references): a word they capitalise
 * in mid-sentence is a name there, and keeps its form when it opens one of `text`'s sentences.
 */
export function analyze(text: string, aliases: AliasIndex = getDefaultAliasIndex(), nameContext = ""): Analysis {
  const nlp = getNlp();
  const its = nlp.its;
  const normalized = normalizeChars(text);
  const doc = nlp.readDoc(normalized);
  const values = doc.tokens().out(its.value) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const poses = doc.tokens().out(its.pos) as string[];
  const negations = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const raw: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? "";
    let start = normalized.indexOf(value, cursor);
    if (start < 0) {
      // wink may expand contractions ("n't" → "not"); fall back to the next non-space char.
      start = cursor;
      while (start < normalized.length && /\s/.test(normalized[start] ?? "")) start++;
    }
    const end = Math.min(normalized.length, start + value.length);
    cursor = end;
    const pos = poses[i] ?? "X";
    const tagged = (lemmas[i] ?? value).toLowerCase();
    const lemma = pos === "ADJ" || pos === "ADV" ? (gradedBase(tagged) ?? tagged) : tagged;
    const isWord = /[\p{L}\p{N}]/u.test(value);
    const stemOfLemma = isWord ? stemWord(lemma) : lemma;
    raw.push({
      start,
      end,
      text: text.slice(start, end),
      lower: value.toLowerCase(),
      lemma,
      key: NEGATORS.has(lemma) ? "not" : stemOfLemma,
      pos,
      isNegated: negations[i] === true,
      isWord,
      isStop: !isWord || isStopword(lemma) || isStopword(value.toLowerCase()),
    });
  }
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  lemmatizeInitialCapitals(raw, text, spans, nameContext);
  const tokens = mergeGeographicNames(mergeAliases(raw, text, aliases.find(normalized)), text);
  const sentences = spans.map(([a, b]) => ({
    start: tokens.length ? (raw[a]?.start ?? 0) : 0,
    end: raw[b]?.end ?? text.length,
  }));
  return { text, tokens, sentences };
}

/**
 * The tagger reads a capitalised first word ("Louder sound.", "Mice eat grain.") as a name and
 * leaves it inflected, so it would not match "loud" or "mouse". Such a word, first in its sentence
 * or its line, gets its common-word lemma (lower case) when that lemma is an English word (WordNet)
 * and is not a stop word ("Canning" is not "can"), and neither the text nor `nameContext` writes it
 * capitalised in mid-sentence, where only a name would be ("… thanked Wells", "… in Greater Mumbai").
 * Its part of speech stays the tagger's. Mutates `raw` in place; linear in the text.
 */
function lemmatizeInitialCapitals(raw: Token[], text: string, spans: Array<[number, number]>, nameContext: string): void {
  const initial = new Set<number>();
  for (const [a, b] of spans) {
    // Only within the sentence: a run of sentences without a word must not scan on to the text's end.
    let i = a;
    while (i <= b && i < raw.length && !raw[i]?.isWord) i++;
    if (i <= b && i < raw.length) initial.add(i);
  }
  // The first word of a line (a bullet, a heading, an answer without a full stop) starts a sentence too.
  let lineHasWord = false;
  let prevEnd = 0;
  raw.forEach((t, i) => {
    if (text.slice(prevEnd, t.start).includes("\n")) lineHasWord = false;
    if (t.isWord && !lineHasWord) initial.add(i);
    lineHasWord ||= t.isWord;
    prevEnd = Math.max(prevEnd, t.end);
  });
  let midSentence: Set<string> | null = null;
  for (const i of initial) {
    const t = raw[i];
    if (!t || t.pos !== "PROPN" || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) continue;
    // A comparative or superlative opening the sentence ("Darkest tiles …") is read as its base, as mid-sentence.
    const word = lemmatizeWord(t.lower).toLowerCase();
    const lemma = gradedBase(word) ?? word;
    if (lemma === t.lemma || isStopword(lemma) || !isKnownWord(lemma)) continue;
    // Capitalised again where no sentence starts: a recurring name, kept as it is.
    midSentence ??= new Set(raw.filter((u, j) => u.isWord && !initial.has(j)).map((u) => u.text));
    if (midSentence.has(t.text) || isCapitalisedMidSentence(t.text, nameContext)) continue;
    t.lemma = lemma;
    t.key = NEGATORS.has(lemma) ? "not" : stemWord(lemma);
    t.isStop = isStopword(t.lower);
  }
}

function mergeAliases(tokens: Token[], text: string, matches: ReturnType<AliasIndex["find"]>): Token[] {
  if (!matches.length) return tokens;
  const out: Token[] = [];
  let m = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    while (m < matches.length && (matches[m]?.end ?? 0) <= t.start) m++;
    const match = matches[m];
    if (match && t.start >= match.start && t.start < match.end) {
      // Merge every token that starts inside this alias mention.
      let j = i;
      let negated = t.isNegated;
      while (j + 1 < tokens.length && (tokens[j + 1]?.start ?? Infinity) < match.end) {
        j++;
        negated = negated || (tokens[j]?.isNegated ?? false);
      }
      const last = tokens[j] ?? t;
      const end = Math.max(last.end, match.end);
      out.push({
        start: match.start,
        end,
        text: text.slice(match.start, end),
        lower: text.slice(match.start, end).toLowerCase(),
        lemma: match.concept,
        key: match.concept,
        pos: "PROPN",
        isNegated: negated,
        isWord: true,
        isStop: false,
        concept: match.concept,
      });
      i = j;
      m++;
    } else {
      out.push(t);
    }
  }
  return out;
}

const GEO_NOUN_RE =
  /^(?:Line|Sea|Ocean|River|Valley|Mountains?|Hills|Range|Strait|Gulf|Pass|Port|Corridor|Province|District|Basin|Desert|Plateau|Canal|Bay|Islands?|Peninsula|Border)$/;

/**
 * "Durand Line", "Khyber Pass", "Red Sea": a capitalised name followed by a capitalised geographic
 * noun is one place. Merged into one token so that "line" or "sea" elsewhere does not match it.
 */
function mergeGeographicNames(tokens: Token[], text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (next && !t.concept && /^\p{Lu}/u.test(t.text) && t.isWord && GEO_NOUN_RE.test(next.text) && next.start - t.end <= 1) {
      const surface = text.slice(t.start, next.end);
      out.push({
        ...t,
        end: next.end,
        text: surface,
        lower: surface.toLowerCase(),
        lemma: surface.toLowerCase(),
        key: `${t.key}_${next.lower}`,
        pos: "PROPN",
        isStop: false,
      });
      i++;
    } else out.push(t);
  }
  return out;
}

/** Content tokens: words that are not stopwords (numbers and alias concepts included). */
export function contentTokens(analysis: Analysis): Token[] {
  return analysis.tokens.filter((t) => t.isWord && !t.isStop);
}
