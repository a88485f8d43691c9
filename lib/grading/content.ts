import type { AnalysedAnswer, AnswerUnit } from "./answer";
import type { PreparedPoint } from "./prepare";

/**
 * Content-point alignment (after Sultan et al. 2016, "Fast and easy short answer grading with high
 * accuracy": align content words, weight them by informativeness). Each rubric point is aligned
 * with every answer unit and every pair of adjacent units in the same paragraph; a point term
 * counts when the unit holds the same lemma/stem, an alias of the same entity, a WordNet
 * synonym/derivation (also of an answer's phrasal verb: "soaking up" for "absorbing"), or the same
 * figure or duration in other words ("twenty years" for "two decades"), weighted by idf (question words nearly free) and by how much the unit asserts
 * a claim (term lists and headings count little). The point's score is the best window's share
 * of the point's weight.
 */

export interface PointAlignment {
  /** Weighted share of the point's terms found in the best window, in [0, 1]. */
  score: number;
  /** Units of the best window. */
  units: AnswerUnit[];
  /** Point terms matched in the best window. */
  matchedTerms: string[];
}

/** Mismatched negation ("does not share") keeps only this share of a match. */
const NEGATION_FACTOR = 0.3;
/** A two-unit window must beat a single unit by this margin to be preferred. */
const PAIR_FACTOR = 0.92;

/** Per-term best match strength within one unit (claim factor and negation applied). */
function unitVector(point: PreparedPoint, unit: AnswerUnit): Float64Array {
  const v = new Float64Array(point.terms.length);
  if (unit.claimFactor <= 0) return v;
  const match = (key: string, tokenIndex: number, keyFactor: number) => {
    const hits = point.termIndex.get(key);
    if (!hits) return;
    const negated = unit.tokens[tokenIndex]?.isNegated ?? false;
    const f = unit.claimFactor * keyFactor * (negated ? NEGATION_FACTOR : 1);
    for (const [t, strength] of hits) {
      const s = strength * f;
      if (s > (v[t] ?? 0)) v[t] = s;
    }
  };
  for (const [key, tokenIndex] of unit.keys) match(key, tokenIndex, unit.keyFactors.get(key) ?? 1);
  // A figure, duration or phrasal verb ("twenty years" = "two decades", "soak up" = "absorb")
  // counts as its token's key does: inside a term list it stays a list.
  for (const [key, [tokenIndex, strength]] of unit.extraKeys) {
    const token = unit.tokens[tokenIndex];
    match(key, tokenIndex, strength * (token ? (unit.keyFactors.get(token.key) ?? 1) : 1));
  }
  return v;
}

function weighted(point: PreparedPoint, a: Float64Array, b?: Float64Array): number {
  let got = 0;
  for (let i = 0; i < point.terms.length; i++) {
    const s = b ? Math.max(a[i] ?? 0, b[i] ?? 0) : (a[i] ?? 0);
    if (s > 0) got += s * (point.terms[i]?.weight ?? 0);
  }
  return point.totalWeight > 0 ? got / point.totalWeight : 0;
}

function matchedTerms(point: PreparedPoint, a: Float64Array, b?: Float64Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < point.terms.length; i++) {
    if ((a[i] ?? 0) > 0 || (b?.[i] ?? 0) > 0) out.push(point.terms[i]?.lemma ?? "");
  }
  return out;
}

/** Best alignment of one point with the answer (or with a subset of its units). */
export function alignPoint(point: PreparedPoint, answer: Pick<AnalysedAnswer, "units">): PointAlignment {
  const units = answer.units;
  const vectors = units.map((u) => unitVector(point, u));
  let best = { score: 0, i: -1, pair: false };
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as AnswerUnit;
    const v = vectors[i] as Float64Array;
    const single = weighted(point, v);
    if (single > best.score) best = { score: single, i, pair: false };
    const next = units[i + 1];
    if (next && (next.paragraph === u.paragraph || u.isHeading)) {
      const pair = weighted(point, v, vectors[i + 1]) * PAIR_FACTOR;
      if (pair > best.score) best = { score: pair, i, pair: true };
    }
  }
  if (best.i < 0) return { score: 0, units: [], matchedTerms: [] };
  const a = vectors[best.i] as Float64Array;
  const b = best.pair ? vectors[best.i + 1] : undefined;
  const chosen = [units[best.i] as AnswerUnit, ...(best.pair ? [units[best.i + 1] as AnswerUnit] : [])];
  return { score: best.score, units: chosen, matchedTerms: matchedTerms(point, a, b) };
}

/** Credit level for an alignment score: full at or above `full`, half at or above `half`. */
export function creditFor(score: number, thresholds: { full: number; half: number }): 0 | 0.5 | 1 {
  if (score >= thresholds.full) return 1;
  if (score >= thresholds.half) return 0.5;
  return 0;
}

/**
 * Coverage of a point by the whole answer (each term's best match anywhere), for reference-answer
 * grading where one long point holds several ideas that may sit in different sentences.
 */
export function alignWhole(point: PreparedPoint, answer: Pick<AnalysedAnswer, "units">): PointAlignment {
  const units = answer.units;
  const total = new Float64Array(point.terms.length);
  const used: AnswerUnit[] = [];
  for (const u of units) {
    const v = unitVector(point, u);
    let contributes = false;
    for (let i = 0; i < v.length; i++) {
      if ((v[i] ?? 0) > (total[i] ?? 0)) {
        total[i] = v[i] ?? 0;
        contributes = true;
      }
    }
    if (contributes) used.push(u);
  }
  return { score: weighted(point, total), units: used, matchedTerms: matchedTerms(point, total) };
}
