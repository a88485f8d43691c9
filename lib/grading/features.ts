import { findNumbers, firstPersonOpinionEnd, isInterrogative, tokenHypothetical } from "@/lib/nlp";
import type { AnalysedAnswer, AnswerUnit } from "./answer";
import { alignPoint, alignWhole, negatesByOpposite, type PointAlignment } from "./content";
import type { PreparedPoint, PreparedQuestion } from "./prepare";

/**
 * The signals the learned scoring model combines (see `model.ts` and `scripts/train-grader.ts`).
 * Each is a plain number computed from the answer and one rubric point or reference answer; the
 * model's weights, not hand-set thresholds, decide how much each counts.
 */

/** Signals for a short-answer item: the answer against one reference answer. */
export const REFERENCE_FEATURES = [
  "coverage", // weighted share of the reference's terms the answer asserts (question words count a quarter)
  "ownCoverage", // the same, counting only terms the question does not already contain (all terms when none is the reference's own)
  "windowCoverage", // best single sentence or adjacent pair
  "precision", // share of the answer's own (non-question) content weight that matches the reference (all of it when it has none of its own)
  "f1", // harmonic mean of ownCoverage and precision
  "ideaShare", // share of the reference's separate ideas the answer makes (1 idea → coverage-based)
  "contradiction", // coverage of the unit that asserts the opposite (negation, antonym) — 0 when none
  "contraShare", // share of the reference's weight one sentence asserts with the opposite polarity
  "roleSwap", // 1 when the answer swaps who does what to whom
  "numberAgreement", // +1 the reference's figures all appear, −1 the answer gives other figures, 0 neither
  "bigrams", // share of the reference's adjacent content-word pairs the answer repeats
  "questionShare", // share of the answer's content words that are the question's
  "substanceLength", // log(1 + words), counted only as far as the answer makes the reference's ideas (ideaShare / 0.3, capped at 1)
  "lengthRatio", // log of answer content words over reference content words
  "noAnswer", // 1 for "I don't know", empty or near-empty answers
  "ideaCount", // how many separate ideas the reference makes (1 for a one-idea reference)
  "negationMismatch", // 1 when exactly one of the answer and the reference negates something (wherever it aligns), unless an opposite word carries it
] as const;

/** Signals for one rubric point of a structured (UPSC-style) answer. */
export const POINT_FEATURES = [
  "window", // the point's best agreeing sentence or pair
  "whole", // the point's terms asserted anywhere in the answer
  "ownWindow", // best window counting only terms the question does not contain
  "quality", // the answer's mean window coverage over its other content points (the halo)
  "contradiction", // coverage of a unit asserting the opposite, when it outweighs the window
  "claimShape", // mean claim factor of the window's units (lists and headings < 1)
  "matchedTerms", // log(1 + point terms matched in the window)
  "tooShort", // answer under a third of the word limit
] as const;

export type ReferenceFeatureName = (typeof REFERENCE_FEATURES)[number];
export type PointFeatureName = (typeof POINT_FEATURES)[number];

/**
 * Whether the units assert the point's polarity: a word of the point stands in a clause the writer
 * asserts (not a question, nor a "whether"/"if" clause or reported belief) with the point's polarity —
 * negated where the point is, and, when the point denies something, one of its denied words denied.
 * A point made only of the question's words says no more than its polarity: a copy of the question
 * ("Explain whether the pump is connected to the tank.") or "I don't know whether …" asserts none.
 */
export function assertsPointPolarity(point: PreparedPoint, units: readonly AnswerUnit[]): boolean {
  const deniesSomething = point.terms.some((t) => t.isNegated);
  for (const u of units) {
    // A question by its word order asserts nothing; a statement typed with a "?" still does.
    if (/\?\s*$/.test(u.tokens.length ? (u.tokens[u.tokens.length - 1]?.text ?? "") : "") && isInterrogative(u.tokens)) continue;
    // "I think/believe … X": the writer's own opinion asserts X; the clause is read as if it stood alone.
    const opinionEnd = firstPersonOpinionEnd(u.tokens);
    const own = opinionEnd >= 0 ? tokenHypothetical(u.tokens.slice(opinionEnd)) : null;
    for (let i = 0; i < u.tokens.length; i++) {
      const t = u.tokens[i];
      const hypothetical = own && i >= opinionEnd ? own[i - opinionEnd] : u.hypothetical[i];
      if (!t || !t.isWord || hypothetical) continue;
      const isNegated = u.negated[i] ?? false;
      for (const [ti, , isAntonym] of point.termIndex.get(t.key) ?? []) {
        const term = point.terms[ti];
        if (!term || (deniesSomething && !term.isNegated)) continue;
        if ((isNegated === term.isNegated) !== isAntonym) return true;
      }
    }
  }
  return false;
}

/**
 * Weighted share of the point's terms the strengths match, counting only terms the question does not
 * contain. A point made only of the question's words ("the pump is not connected to the tank" for
 * "is the pump connected to the tank?") has no words of its own: then all its terms count (as in
 * `coverage`), or an answer saying exactly the point would read as saying nothing of it. A copy of the
 * question then covers the point completely: the grader gives nothing to an answer that does not
 * assert the point's polarity (`ReferenceSignals.saysNothing`).
 */
function ownCoverage(point: PreparedPoint, strengths: readonly number[] | undefined, promptKeys: ReadonlySet<string>): number {
  if (!strengths) return 0;
  let got = 0;
  let total = 0;
  point.terms.forEach((t, i) => {
    if (promptKeys.has(t.key)) return;
    total += t.weight;
    got += (strengths[i] ?? 0) * t.weight;
  });
  if (total > 0) return got / total;
  return weightedScore(point, strengths);
}

/**
 * Share of the answer's own content weight (words the question does not contain) that matches the
 * point; for an answer made only of the question's words, the share of all its content weight (the
 * question's words are then what it says, and they may be the point's).
 */
function answerPrecision(point: PreparedPoint, answer: AnalysedAnswer, prepared: PreparedQuestion, ownOnly = true): number {
  let got = 0;
  let total = 0;
  for (const u of answer.units) {
    for (const [key, ti] of u.keys) {
      if (ownOnly && prepared.promptKeys.has(key)) continue;
      const w = prepared.idf(key) * (u.keyFactors.get(key) ?? 1);
      total += w;
      // An opposite word counts when its polarity makes it agree ("not the same" for "different").
      const isNegated = u.negated[ti] ?? false;
      let hit = point.termIndex.get(key)?.some((h) => !h[2] || isNegated !== (point.terms[h[0]]?.isNegated ?? false)) ?? false;
      if (!hit) for (const [k, [tj]] of u.extraKeys) if (tj === ti && point.termIndex.get(k)?.some((h) => !h[2])) hit = true;
      if (hit) got += w;
    }
  }
  if (total > 0) return got / total;
  return ownOnly ? answerPrecision(point, answer, prepared, false) : 0;
}

function contentKeySequence(keys: Iterable<string>): string[] {
  return [...keys];
}

function bigramShare(point: PreparedPoint, answer: AnalysedAnswer): number {
  const pointKeys = contentKeySequence(point.terms.map((t) => t.key));
  if (pointKeys.length < 2) return 0;
  const pairs = new Set<string>();
  for (const u of answer.units) {
    const keys = [...u.keys.keys()];
    for (let i = 0; i + 1 < keys.length; i++) {
      pairs.add(`${keys[i]}|${keys[i + 1]}`);
      pairs.add(`${keys[i + 1]}|${keys[i]}`);
    }
  }
  let got = 0;
  for (let i = 0; i + 1 < pointKeys.length; i++) if (pairs.has(`${pointKeys[i]}|${pointKeys[i + 1]}`)) got++;
  return got / (pointKeys.length - 1);
}

function numberAgreement(point: PreparedPoint, answer: AnalysedAnswer): number {
  const pointNumbers = new Set(findNumbers(point.point.point).map((n) => n.value));
  if (!pointNumbers.size) return 0;
  const answerNumbers = new Set(answer.units.flatMap((u) => u.numbers.map((n) => n.value)));
  if (!answerNumbers.size) return 0;
  let hits = 0;
  for (const v of pointNumbers) if (answerNumbers.has(v)) hits++;
  if (hits === pointNumbers.size) return 1;
  return hits === 0 ? -1 : 0;
}

const NO_ANSWER_RE = /^\s*(?:(?:i\s+)?(?:do\s*n[o']?t|dont|don't)\s+(?:really\s+)?(?:know|understand|remember|get it)|no\s+idea|not\s+sure|idk|\?+|none|no\s+(?:answer|submission|response)|empty\s+submission)\b/i;

/** Share of the answer's content-word occurrences that are question words. */
export function questionShare(answer: AnalysedAnswer, prepared: PreparedQuestion): number {
  let n = 0;
  let q = 0;
  for (const u of answer.units) {
    for (const t of u.tokens) {
      if (!t.isWord || t.isStop) continue;
      n++;
      if (prepared.promptKeys.has(t.key)) q++;
    }
  }
  return n ? q / n : 0;
}

/**
 * An idea is a claim: it relates at least two things. A window that matches only one of the
 * idea's own words (not the question's) names a topic of the idea without making it.
 */
export const MIN_IDEA_OWN_MATCHES = 2;

/** Count of the point's terms, not question words, that a window's strengths match. */
export function ownMatches(point: PreparedPoint, strengths: readonly number[] | undefined, promptKeys: ReadonlySet<string>): number {
  if (!strengths) return 0;
  let n = 0;
  point.terms.forEach((t, i) => {
    if ((strengths[i] ?? 0) > 0 && !promptKeys.has(t.key)) n++;
  });
  return n;
}

/**
 * Whether a window makes an idea: more than `MIN_IDEA_OWN_MATCHES` of its own words, or exactly
 * that many covering the idea in full (`IDEA_FULL_COVERAGE`) or including what the idea asserts
 * (its verb) when it has one — "storms" and "coast" in one
 * sentence name the topic of "mangroves shield the coast by absorbing storm surges" without making it.
 */
/** An idea window covering this share of the idea's weight makes it in full (see `ideaShare`). */
export const IDEA_FULL_COVERAGE = 0.3;

function weightedScore(point: PreparedPoint, strengths: readonly number[]): number {
  let got = 0;
  point.terms.forEach((t, i) => (got += (strengths[i] ?? 0) * t.weight));
  return point.totalWeight > 0 ? got / point.totalWeight : 0;
}

function makesIdea(idea: PreparedPoint, strengths: readonly number[] | undefined, promptKeys: ReadonlySet<string>): boolean {
  const own = ownMatches(idea, strengths, promptKeys);
  if (!strengths || own < MIN_IDEA_OWN_MATCHES) return false;
  if (own > MIN_IDEA_OWN_MATCHES || weightedScore(idea, strengths) >= IDEA_FULL_COVERAGE) return true;
  const predicates = idea.terms.map((t, i) => (t.isPredicate ? i : -1)).filter((i) => i >= 0);
  return !predicates.length || predicates.some((i) => (strengths[i] ?? 0) > 0);
}

/**
 * Mean credit-like score of a reference's ideas: each idea's window coverage over 0.3, capped at
 * 1 — and, when the reference holds several ideas, nothing for an idea whose window matches fewer
 * than `MIN_IDEA_OWN_MATCHES` of its own words.
 */
function ideaShare(point: PreparedPoint, answer: AnalysedAnswer, whole: PointAlignment, promptKeys: ReadonlySet<string>): { share: number } {
  if (!point.ideas?.length) return { share: Math.min(1, whole.score / 0.6) };
  let sum = 0;
  for (const idea of point.ideas) {
    const a = alignPoint(idea, answer);
    if (makesIdea(idea, a.strengths, promptKeys)) sum += Math.min(1, a.score / IDEA_FULL_COVERAGE);
  }
  return { share: sum / point.ideas.length };
}

export interface ReferenceSignals {
  values: number[];
  whole: PointAlignment;
  /**
   * The reference is made only of the question's words and the answer does not assert its polarity:
   * it says nothing the question does not (a copy of it, "I don't know whether …").
   */
  saysNothing: boolean;
}

/** The reference-answer signals (in `REFERENCE_FEATURES` order) of an answer against one reference. */
export function referenceSignals(point: PreparedPoint, answer: AnalysedAnswer, prepared: PreparedQuestion, qShare: number): ReferenceSignals {
  const anywhere = alignWhole(point, answer);
  const ideaResult = ideaShare(point, answer, anywhere, prepared.promptKeys);
  const whole = anywhere;
  const window = alignPoint(point, answer);
  const own = ownCoverage(point, whole.strengths, prepared.promptKeys);
  const precision = answerPrecision(point, answer, prepared);
  const f1 = own + precision > 0 ? (2 * own * precision) / (own + precision) : 0;
  const contentWords = answer.units.reduce((s, u) => s + u.keys.size, 0);
  const text = answer.text.trim();
  const noAnswer = contentWords < 1 || NO_ANSWER_RE.test(text) ? 1 : 0;
  const contra = whole.contradiction;
  const ideas = ideaResult.share;
  const values: Record<ReferenceFeatureName, number> = {
    coverage: whole.score,
    ownCoverage: own,
    windowCoverage: window.score,
    precision,
    f1,
    ideaShare: ideas,
    contradiction: contra && contra.kind === "polarity" ? contra.coverage : 0,
    contraShare: whole.contraShare ?? 0,
    roleSwap: contra && contra.kind === "roles" ? 1 : 0,
    numberAgreement: numberAgreement(point, answer),
    bigrams: bigramShare(point, answer),
    questionShare: qShare,
    // Longer answers are more often right, but length alone must not earn marks (an off-topic essay).
    substanceLength: Math.log1p(answer.wordCount) * Math.min(1, ideas / 0.3),
    lengthRatio: Math.log((1 + contentWords) / (1 + point.terms.length)),
    noAnswer,
    ideaCount: Math.max(1, point.ideas?.length ?? 0),
    // A negation carried by an opposite word counts as one ("separated" says "not connected").
    negationMismatch: point.terms.some((t) => t.isNegated) !== answer.units.some((u) => u.negated.some(Boolean)) && !negatesByOpposite(point, answer) ? 1 : 0,
  };
  const hasOwnWords = point.terms.some((t) => !prepared.promptKeys.has(t.key));
  return { values: REFERENCE_FEATURES.map((f) => values[f]), whole, saysNothing: !hasOwnWords && !assertsPointPolarity(point, answer.units) };
}

export interface PointSignalInput {
  point: PreparedPoint;
  window: PointAlignment;
  whole: PointAlignment;
  quality: number;
  isTooShort: boolean;
  promptKeys: ReadonlySet<string>;
}

/** The rubric-point signals (in `POINT_FEATURES` order). */
export function pointSignals(input: PointSignalInput): number[] {
  const { window, whole } = input;
  const contra = window.contradiction;
  const claimShape = window.units.length ? window.units.reduce((s, u) => s + u.claimFactor, 0) / window.units.length : 0;
  const values: Record<PointFeatureName, number> = {
    window: window.score,
    whole: whole.score,
    ownWindow: ownCoverage(input.point, window.strengths, input.promptKeys),
    quality: input.quality,
    contradiction: contra && contra.coverage > window.score ? contra.coverage : 0,
    claimShape,
    matchedTerms: Math.log1p(window.matchedTerms.length),
    tooShort: input.isTooShort ? 1 : 0,
  };
  return POINT_FEATURES.map((f) => values[f]);
}

/** Reference signals of an answer against every reference of a reference-mode question (one row each). */
export function referenceSignalRows(answer: AnalysedAnswer, prepared: PreparedQuestion): ReferenceSignals[] {
  const qShare = questionShare(answer, prepared);
  return prepared.references.map((r) => referenceSignals(r, answer, prepared, qShare));
}
