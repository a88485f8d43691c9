import {
  analyze,
  countWords,
  findNumbers,
  lemmatizeWord,
  phrasalVerbKeys,
  quantityKeys,
  segmentUnits,
  standardSpelling,
  tokenHypothetical,
  tokenPolarity,
  wordKey,
  type NumberMention,
  type Token,
} from "@/lib/nlp";
import type { PreparedQuestion } from "./prepare";

/**
 * The answer as an examiner reads it: units (sentences, bullets, headings) with their content
 * keys, whether they assert something (a verb) or merely list terms, and the figures they cite.
 */
export interface AnswerUnit {
  index: number;
  start: number;
  end: number;
  paragraph: number;
  line: number;
  isBullet: boolean;
  tokens: Token[];
  /** Content keys → first token index within `tokens`. */
  keys: Map<string, number>;
  /** Content keys → how much a match on them counts (a label's words count as a heading's). */
  keyFactors: Map<string, number>;
  /**
   * Further matching keys → [token index, strength]: values of figures and durations ("#n:20" for
   * "twenty", "#dur:7300" for "twenty years" or "two decades") and phrasal verbs with their one-word
   * synonyms ("soaking up" → "absorb"). Kept apart from `keys` so that they match point terms
   * without changing the answer's vocabulary signals (restatement, topic share).
   */
  extraKeys: Map<string, [number, number]>;
  /** Per token: inside a negated clause ("not connected", "failed to curb"). */
  negated: readonly boolean[];
  /** Content keys that occur negated / affirmed in the unit (a key may do both). */
  negatedKeys: Set<string>;
  affirmedKeys: Set<string>;
  /** A leading verbless label ("Safe havens:", "Sovereignty -") followed by the claim. */
  hasLabel: boolean;
  /** A label followed by nothing on the subject ("Safe havens: this is important."). */
  isVacuousLabel: boolean;
  wordCount: number;
  hasVerb: boolean;
  /** A short line without a claim ("Why coercion failed", "Responses:"). */
  isHeading: boolean;
  /** Share of the unit's words in verbless comma/semicolon fragments of ≤ 3 words: term lists. */
  listShare: number;
  /** Words in those fragments (0 unless the unit strings together four or more of them). */
  listWords: number;
  /** Share of the unit's content keys that come from the question prompt. */
  promptShare: number;
  numbers: NumberMention[];
  /** How much a match inside this unit counts, in [0, 1]: lists, headings and restatement count little. */
  claimFactor: number;
  /** Per token: it stands where the writer asserts nothing (a condition, "whether" clause, reported belief). */
  hypothetical: readonly boolean[];
}

export interface AnalysedAnswer {
  text: string;
  units: AnswerUnit[];
  wordCount: number;
  contentKeyCount: number;
  /** Distinct content keys across the answer. */
  keys: Set<string>;
  paragraphs: number;
}

const VERB_POS = new Set(["VERB", "AUX"]);
/**
 * A relation stated in note form: an arrow chain ("tax cuts -> revenue shrank") or an equation or
 * (in)equality ("rho = 9/10", "P_B ≈ 0.05"): what a verb would say, so not a heading or a term list.
 */
const ARROW_RE = /-->|->|=>|→|⇒/;
const RELATION_SIGN_RE = /-->|->|=>|→|⇒|(?<![=<>!])=(?![=>])|≈|≤|≥/g;
/** Longest operand of a formula-like (in)equality, in plain words (figures and symbols are free): "rho = 9/10", "P(X=3) = 20 * 0.6^3", "density = mass / volume". */
export const FORMULA_OPERAND_MAX_TOKENS = 2;

interface RelationShape {
  /** The unit states a relation in note form: an arrow, or an (in)equality between formula-like operands. */
  isRelation: boolean;
  /** The unit's stretches between the signs that count, each read on its own for a term list. */
  sides: Array<[number, number]>;
  /**
   * The unit's stretches between every sign, a formula's or not: an "=" that is no formula ("black pan
   * absorbs more sunlight = warmer water") still separates what it joins for the term-list test.
   */
  signSides: Array<[number, number]>;
}

/**
 * Where a unit states a relation with a sign instead of a verb. An arrow links claims or terms of any
 * length ("tax cuts -> revenue shrank"). An "=", "≈", "≤" or "≥" counts only between short operands —
 * each side, up to a function word, a comma or another sign, something and at most
 * `FORMULA_OPERAND_MAX_TOKENS` plain words; figures and symbols are free ("rho = 9/10", "0.6^3 * 0.4^3 =
 * 0.0138", "the probability ≈ 0.05 because …") —, or a string of bare terms with an "=" at one end would
 * pass for a relation ("sunlight chlorophyll … glucose oxygen = food").
 */
function relationShape(unitText: string, tokens: Token[], offset: number): RelationShape {
  const signs: Array<[number, number]> = [];
  const allSigns: Array<[number, number]> = [];
  for (const m of unitText.matchAll(RELATION_SIGN_RE)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    allSigns.push([at, end]);
    if (ARROW_RE.test(m[0]) || isFormulaRelation(unitText, tokens, offset, at, end)) signs.push([at, end]);
  }
  const between = (cuts: Array<[number, number]>): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let last = 0;
    for (const [a, b] of cuts) {
      out.push([last, a]);
      last = b;
    }
    out.push([last, unitText.length]);
    return out;
  };
  return { isRelation: signs.length > 0, sides: between(signs), signSides: between(allSigns) };
}

/** Whether the (in)equality sign at [at, end) of the unit links two short operands. */
function isFormulaRelation(unitText: string, tokens: Token[], offset: number, at: number, end: number): boolean {
  // A comma between digits is a decimal comma ("25,6 µs"), not a boundary.
  const boundary = /,(?!\d)|[;:]|-->|->|=>|→|⇒|=|≈|≤|≥/g;
  // The operand before the sign runs back to the last boundary, the one after it on to the next.
  const before = unitText.slice(0, at);
  let from = 0;
  for (const m of before.matchAll(boundary)) from = (m.index ?? 0) + m[0].length;
  const afterText = unitText.slice(end);
  const next = afterText.search(boundary);
  const to = end + (next < 0 ? afterText.length : next);
  /** How many plain words the operand has (figures, symbols and operators are not counted); −1 when it is empty. */
  const plainWords = (start: number, stop: number, fromEnd: boolean): number => {
    const pieces = [...unitText.slice(start, stop).matchAll(/\S+/g)].map((m) => [start + (m.index ?? 0), start + (m.index ?? 0) + m[0].length] as const);
    if (fromEnd) pieces.reverse();
    let n = 0;
    let any = false;
    for (const [a, b] of pieces) {
      // A function word ends the operand ("the probability ≈ 0.05 because …").
      if (tokens.some((t) => t.isWord && t.isStop && t.start >= offset + a && t.end <= offset + b)) break;
      const piece = unitText.slice(a, b);
      if (!/[\p{L}\p{N}]/u.test(piece)) continue;
      any = true;
      // "0.6^3", "P(X=0)", "x", "P_B" are a formula's symbols; "density", "sunlight" are words.
      if (/^[\p{L}'’-]{3,}$/u.test(piece)) n++;
    }
    return any ? n : -1;
  };
  const left = plainWords(from, at, true);
  const right = plainWords(end, to, false);
  return left >= 0 && right >= 0 && left <= FORMULA_OPERAND_MAX_TOKENS && right <= FORMULA_OPERAND_MAX_TOKENS;
}
const CONTENT_POS = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"]);

/** Weight of a match inside a term list (keyword stuffing) relative to a real sentence. */
export const LIST_CLAIM_FACTOR = 0.1;
/** Weight of a term inside a list of four or more verbless fragments within a sentence. */
export const LIST_IN_SENTENCE_FACTOR = 0.1;
/** Weight of a match inside a heading. */
export const HEADING_CLAIM_FACTOR = 0.25;

/**
 * Reads each word as the student meant it: an Indian English or note-form spelling as its plain
 * word, a misspelling as the question's own word it is one or two edits from (see lib/nlp/spelling).
 * The token keeps its offsets and text; its lemma and key become the intended word's. When a
 * misspelling was corrected, the text is tagged again with the intended words in place and every
 * token takes the part of speech of that reading: a misspelt verb ("bees polinate the flowers")
 * leaves the tagger no verb, and a line without one would be read as a heading.
 */
function readAsMeant(text: string, tokens: Token[], prepared: PreparedQuestion): Token[] {
  const corrected = new Map<number, string>();
  const read = tokens.map((t, i) => {
    if (!t.isWord || t.concept || t.isStop) return t;
    const plain = standardSpelling(t.lower);
    if (plain) return { ...t, lemma: plain, key: wordKey(plain) };
    if (prepared.topicKeys.has(t.key) || prepared.materialKeys.has(t.key)) return t;
    const fix = prepared.vocabulary.correct(t.lower);
    if (!fix) return t;
    corrected.set(i, /^\p{Lu}/u.test(t.text) ? fix.word.charAt(0).toUpperCase() + fix.word.slice(1) : fix.word);
    const lemma = lemmatizeWord(fix.word);
    return { ...t, lemma, key: wordKey(lemma) };
  });
  return corrected.size ? retagCorrected(text, read, corrected, prepared) : read;
}

/** `tokens` with the parts of speech of `text` re-read with the `corrected` words (token index → word) in place. */
function retagCorrected(text: string, tokens: Token[], corrected: Map<number, string>, prepared: PreparedQuestion): Token[] {
  let fixedText = "";
  let from = 0;
  const spans: Array<[number, number]> = [];
  let shift = 0;
  tokens.forEach((t, i) => {
    const word = corrected.get(i);
    const start = t.start + shift;
    if (word !== undefined) {
      fixedText += text.slice(from, t.start) + word;
      from = t.end;
      shift += word.length - (t.end - t.start);
    }
    spans.push([start, t.end + shift]);
  });
  fixedText += text.slice(from);
  const byStart = new Map(analyze(fixedText, prepared.aliases, prepared.nameContext).tokens.map((r) => [r.start, r]));
  return tokens.map((t, i) => {
    const [start, end] = spans[i] ?? [-1, -1];
    const r = byStart.get(start);
    return r && r.end === end && r.pos !== t.pos ? { ...t, pos: r.pos } : t;
  });
}

export function analyseAnswer(text: string, prepared: PreparedQuestion): AnalysedAnswer {
  const raw = analyze(text, prepared.aliases, prepared.nameContext);
  const analysis = { ...raw, tokens: readAsMeant(text, raw.tokens, prepared) };
  const segments = segmentUnits(text);
  const quantities = quantityKeys(text, analysis.tokens);
  const phrasal = phrasalVerbKeys(analysis.tokens);
  const units: AnswerUnit[] = [];
  let ti = 0;
  const allKeys = new Set<string>();
  let contentKeyCount = 0;
  for (const seg of segments) {
    while (ti < analysis.tokens.length && (analysis.tokens[ti]?.end ?? 0) <= seg.start) ti++;
    const tokens: Token[] = [];
    let tj = ti;
    while (tj < analysis.tokens.length && (analysis.tokens[tj]?.start ?? 0) < seg.end) {
      const t = analysis.tokens[tj];
      if (t) tokens.push(t);
      tj++;
    }
    ti = tj;
    const unitText = text.slice(seg.start, seg.end);
    const negated = tokenPolarity(tokens);
    const negatedKeys = new Set<string>();
    const affirmedKeys = new Set<string>();
    const hypothetical = tokenHypothetical(tokens);
    tokens.forEach((t, i) => {
      // A hypothetical clause ("if they act, …") asserts nothing: its words may agree with a
      // point's terms of either polarity but never contradict one.
      if (hypothetical[i]) {
        negatedKeys.add(t.key);
        affirmedKeys.add(t.key);
      } else (negated[i] ? negatedKeys : affirmedKeys).add(t.key);
    });
    const labelEnd = findLabelEnd(unitText, tokens, seg.start);
    const relation = relationShape(unitText, tokens, seg.start);
    const { share: listShare, spans: listSpans } = computeListShare(unitText, tokens, seg.start, seg.isBullet, relation);
    const keys = new Map<string, number>();
    const keyFactors = new Map<string, number>();
    let bodyTopical = 0;
    let bodyOnTopic = 0;
    tokens.forEach((t, i) => {
      if (!(t.isWord && !t.isStop && CONTENT_POS.has(t.pos))) return;
      if (!keys.has(t.key)) keys.set(t.key, i);
      const inLabel = t.start < labelEnd;
      const isOnTopic = prepared.promptKeys.has(t.key) || prepared.topicKeys.has(t.key) || prepared.materialKeys.has(t.key);
      if (!inLabel && isOnTopic) bodyOnTopic++;
      if (!inLabel && !prepared.promptKeys.has(t.key) && isOnTopic) bodyTopical++;
    });
    const hasLabel = labelEnd > seg.start;
    // Nothing on the subject after the label beyond the question's own words ("Causes: there
    // were many causes of the crisis."); a note-form claim after a label is substance.
    const isVacuousLabel = hasLabel && bodyTopical < 2 && bodyOnTopic < 3;
    // A label counts in full when a claim follows it, as a heading's words when nothing does;
    // terms strung into a list inside a sentence count half (the sentence's claim is elsewhere).
    tokens.forEach((t) => {
      if (!keys.has(t.key)) return;
      let f = isVacuousLabel && t.start < labelEnd ? HEADING_CLAIM_FACTOR : 1;
      if (listSpans.some(([a, b]) => t.start >= a && t.end <= b)) f = Math.min(f, LIST_IN_SENTENCE_FACTOR);
      if ((keyFactors.get(t.key) ?? 0) < f) keyFactors.set(t.key, f);
    });
    const extraKeys = new Map<string, [number, number]>();
    const putExtra = (k: string, i: number, strength: number) => {
      if ((extraKeys.get(k)?.[1] ?? 0) < strength) extraKeys.set(k, [i, strength]);
    };
    tokens.forEach((t, i) => {
      for (const k of quantities.get(t) ?? []) putExtra(k, i, 1);
      for (const [k, strength] of phrasal.get(t) ?? []) putExtra(k, i, strength);
      // A negating verb ("failed", "refused", "denied") keys as "not"; its own word also matches
      // (as the antonym of "succeed", "agree", "admit").
      if (t.key === "not" && t.isWord && t.lemma !== "not" && t.lemma !== "no") putExtra(wordKey(t.lemma), i, 1);
    });
    for (const k of keys.keys()) allKeys.add(k);
    contentKeyCount += keys.size;
    const wordCount = countWords(unitText);
    // "->" / "=>" / "→" chains state a relation (cause → effect), and so does "=" between formula-like
    // operands: note form's verb.
    const hasArrow = relation.isRelation;
    const hasVerb = hasArrow || tokens.some((t) => VERB_POS.has(t.pos));
    // A bullet or an arrow chain with three or more content words is a claim in note form, not a
    // heading or a term list (many candidates write that way).
    const isNoteClaim = (seg.isBullet || hasArrow) && keys.size >= 3 && listShare < 0.6;
    const isHeading = !isNoteClaim && wordCount <= 8 && !/[.!?]$/.test(unitText.trim()) && (!hasVerb || /:$/.test(unitText.trim()));
    let promptHits = 0;
    for (const k of keys.keys()) if (prepared.promptKeys.has(k)) promptHits++;
    const promptShare = keys.size ? promptHits / keys.size : 0;
    const numbers = findNumbers(unitText).map((n) => ({ ...n, start: n.start + seg.start, end: n.end + seg.start }));
    let claimFactor = 1;
    if (listShare >= 0.6) claimFactor = LIST_CLAIM_FACTOR;
    else if (isHeading) claimFactor = HEADING_CLAIM_FACTOR;
    else if (!hasVerb && wordCount > 8 && !isNoteClaim) claimFactor = 0.6;
    units.push({
      index: units.length,
      start: seg.start,
      end: seg.end,
      paragraph: seg.paragraph,
      line: seg.line,
      isBullet: seg.isBullet,
      tokens,
      keys,
      keyFactors,
      extraKeys,
      negated,
      negatedKeys,
      affirmedKeys,
      hasLabel,
      isVacuousLabel,
      wordCount,
      hasVerb,
      isHeading,
      listShare,
      listWords: Math.round(listShare * wordCount),
      promptShare,
      numbers,
      claimFactor,
      hypothetical,
    });
  }
  const paragraphs = units.length ? (units[units.length - 1]?.paragraph ?? 0) + 1 : 0;
  return { text, units, wordCount: countWords(text), contentKeyCount, keys: allKeys, paragraphs };
}

/**
 * End offset (absolute) of a leading label: up to eight verbless words before ":" or a spaced dash,
 * e.g. "Safe havens - …", "Economic interdependence: …". Returns `offset` when there is none.
 */
function findLabelEnd(unitText: string, tokens: Token[], offset: number): number {
  const m = /^([^:.!?;]{2,80}?)(?::|\s[-–—]\s)/.exec(unitText);
  if (!m || !m[1]) return offset;
  const label = m[1];
  if (countWords(label) > 8) return offset;
  const end = offset + label.length;
  if (tokens.some((t) => t.start < end && VERB_POS.has(t.pos))) return offset;
  return offset + m[0].length;
}

/**
 * Share of words sitting in verbless fragments of a comma/semicolon/colon-separated list with at
 * least three such fragments — the shape of "ideology, ISKP, strategic miscalculation, guests".
 */
function computeListShare(
  unitText: string,
  tokens: Token[],
  offset: number,
  isBullet: boolean,
  relation: RelationShape,
): { share: number; spans: Array<[number, number]> } {
  const parts: Array<{ start: number; end: number; words: number }> = [];
  let last = 0;
  for (const m of unitText.matchAll(/[,;:]|\s-\s|\band\b/g)) {
    parts.push({ start: last, end: m.index ?? 0, words: 0 });
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push({ start: last, end: unitText.length, words: 0 });
  let total = 0;
  let listed = 0;
  let fragments = 0;
  const spans: Array<[number, number]> = [];
  for (const p of parts) {
    const slice = unitText.slice(p.start, p.end);
    const words = countWords(slice);
    if (!words) continue;
    total += words;
    const partTokens = tokens.filter((t) => t.start >= offset + p.start && t.end <= offset + p.end);
    const hasVerb = partTokens.some((t) => VERB_POS.has(t.pos));
    if (!hasVerb && words <= 3) {
      listed += words;
      fragments++;
      spans.push([offset + p.start, offset + p.end]);
    }
  }
  // Six or more words without a single function word ("Legislator party whip Speaker merger …") are
  // a term list however they are separated; real sentences, even telegraphic ones, have some.
  // Note form ("tax cuts -> revenue shrank") drops function words but keeps a verb or an arrow; each
  // side of its signs is then read on its own: a side of six bare terms is a term list, the unit's
  // share of it that side's words ("food -> sunlight chlorophyll carbon dioxide water glucose oxygen"
  // is a term list; "… → drop package Reverse path Broadcast purpose: like RPF but …" a long note whose
  // bare stretch counts little).
  const bareWords = (from: number, to: number): number => {
    const words = tokens.filter((t) => t.isWord && t.start >= offset + from && t.end <= offset + to);
    // On a side of a sign, figures and one-letter symbols are a formula's ("(1-rho)*rho^N/(1-rho^(N+1))").
    const terms = relation.isRelation ? words.filter((t) => /^\p{L}[\p{L}'’-]+$/u.test(t.text)) : words;
    return terms.length >= 6 && !words.some((t) => t.isStop) ? words.length : 0;
  };
  const isNoteForm = relation.isRelation || (isBullet && tokens.some((t) => t.pos === "VERB"));
  if (!isNoteForm) {
    // Six bare terms on one side of a sign are a term list; the sign's two sides together are not one.
    if (relation.signSides.some(([a, b]) => bareWords(a, b))) return { share: 1, spans: [[offset, offset + unitText.length]] };
  } else if (relation.isRelation) {
    const allWords = tokens.filter((t) => t.isWord).length;
    let bare = 0;
    const bareSpans: Array<[number, number]> = [];
    for (const [a, b] of relation.sides) {
      const n = bareWords(a, b);
      if (!n) continue;
      bare += n;
      bareSpans.push([offset + a, offset + b]);
    }
    const fragmentShare = fragments >= 4 && total ? listed / total : 0;
    if (bare && allWords) {
      const share = Math.max(bare / allWords, fragmentShare);
      return { share, spans: share >= 0.6 ? [[offset, offset + unitText.length]] : [...bareSpans, ...(fragmentShare ? spans : [])] };
    }
  }
  // Stuffing is many short verbless fragments; two or three terms after a heading are telegraphic style.
  if (fragments < 4 || !total) return { share: 0, spans: [] };
  return { share: listed / total, spans };
}
