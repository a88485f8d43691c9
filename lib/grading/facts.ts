import { expandLemma, figuresAgree, type NumberMention, type Token } from "@/lib/nlp";
import type { AnalysedAnswer, AnswerUnit } from "./answer";
import type { MaterialSentence, PreparedQuestion } from "./prepare";
import type { FactIssue } from "./types";

/**
 * Fact checks against the material, with precision first. A figure or year in the answer is
 * contradicted only when subject, unit and time match: a material sentence about the same subject
 * — most of the informative words around the figure (synonyms counted) — gives a different figure
 * of the same kind and unit, for the same year when the answer's sentence names one, and no material sentence sharing
 * the figure's names and context gives the answer's figure. Figures the material does not discuss are left alone:
 * outside knowledge is not an error.
 */
export interface FactCheck {
  issues: FactIssue[];
  /** Answer units holding a contradicted figure. */
  badUnits: Set<AnswerUnit>;
  contradicted: Set<NumberMention>;
  /** Figures the material states in the same context: accurate, relevant data. */
  supported: Set<NumberMention>;
}

/** Share of the figure's context weight a material sentence must cover to be about the same subject. */
export const SUBJECT_OVERLAP = 0.5;
/** Context overlap at which a material sentence stating the same figure supports it. */
export const SUPPORT_OVERLAP = 0.3;
/** Content tokens either side of a figure that describe what it counts. */
const CONTEXT_WINDOW = 6;

interface ContextToken {
  token: Token;
  /** Closer words say more about what the figure counts: 1 / (1 + distance / 3). */
  proximity: number;
}

function contextTokens(unit: AnswerUnit, n: NumberMention): ContextToken[] {
  const idx = unit.tokens.findIndex((t) => t.end > n.start);
  if (idx < 0) return [];
  const out: ContextToken[] = [];
  for (let i = Math.max(0, idx - CONTEXT_WINDOW); i < Math.min(unit.tokens.length, idx + CONTEXT_WINDOW + 2); i++) {
    const t = unit.tokens[i];
    if (!t || !t.isWord || t.isStop || /^\d/.test(t.key) || (t.start >= n.start && t.end <= n.end)) continue;
    // Stop at a clause boundary further than two words away.
    out.push({ token: t, proximity: 1 / (1 + Math.abs(i - idx) / 3) });
  }
  return out;
}

/** Per prepared question: a context word → the material sentences holding it or a synonym, with the best strength. */
const strengthCache = new WeakMap<PreparedQuestion, Map<string, Map<number, number>>>();
/**
 * Words remembered per question: only words the material holds (or a synonym of one), so answers full of
 * made-up words cannot grow it; the material's vocabulary is far smaller — a bound, not a working limit.
 */
const STRENGTH_CACHE_LIMIT = 20_000;
/** What a word the material does not hold matches: nothing (shared, never written to). */
const NO_STRENGTHS: ReadonlyMap<number, number> = new Map();

/** Best match strength per material sentence for one context word (answer-independent, so cached per question). */
function sentenceStrengths(t: Token, prepared: PreparedQuestion): ReadonlyMap<number, number> {
  let cache = strengthCache.get(prepared);
  if (!cache) {
    cache = new Map();
    strengthCache.set(prepared, cache);
  }
  const id = t.concept ? `@${t.key}` : `${t.key}\u0000${t.lemma}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const best = new Map<number, number>();
  const expansions: Iterable<[string, number]> = t.concept ? [[t.key, 1]] : [[t.key, 1], ...expandLemma(t.lemma, 2)];
  for (const [k, strength] of expansions) {
    for (const si of prepared.materialIndex.get(k) ?? []) if ((best.get(si) ?? 0) < strength) best.set(si, strength);
  }
  if (best.size === 0) return NO_STRENGTHS;
  if (cache.size >= STRENGTH_CACHE_LIMIT) cache.clear();
  cache.set(id, best);
  return best;
}

/** Overlap of a figure's context with every material sentence that shares a word with it (inverted index). */
function overlaps(context: ContextToken[], prepared: PreparedQuestion): Map<number, { score: number; matched: number }> {
  let total = 0;
  const got = new Map<number, { score: number; matched: number }>();
  const seen = new Set<string>();
  for (const { token: t, proximity } of context) {
    if (seen.has(t.key)) continue;
    seen.add(t.key);
    const w = prepared.idf(t.key) * proximity;
    total += w;
    for (const [si, strength] of sentenceStrengths(t, prepared)) {
      const acc = got.get(si) ?? { score: 0, matched: 0 };
      acc.score += w * strength;
      acc.matched++;
      got.set(si, acc);
    }
  }
  if (total > 0) for (const acc of got.values()) acc.score /= total;
  return got;
}

/** Singular, lower-case form of a unit word ("fighters" → "fighter"). */
const unitKey = (u: string | undefined) => u?.toLowerCase().replace(/(?:es|s)$/, "");

/** Same unit: both figures name none, or both name the same one ("2,500 killed" is not "2,500 attacks"). */
function sameUnit(a: NumberMention, b: NumberMention): boolean {
  if (a.kind === "year" || b.kind === "year") return true;
  return unitKey(a.unit) === unitKey(b.unit);
}

/** Years the answer's sentence names besides the figure itself. */
function unitYears(unit: AnswerUnit, n: NumberMention): Set<number> {
  return new Set(unit.numbers.filter((m) => m !== n && m.kind === "year" && n.kind !== "year").map((m) => m.value));
}

/** Same time: the answer names no year, or the material sentence names one of the answer's years. */
function sameTime(years: ReadonlySet<number>, material: readonly NumberMention[]): boolean {
  if (!years.size) return true;
  return material.some((m) => m.kind === "year" && years.has(m.value));
}

export function checkFacts(answer: AnalysedAnswer, prepared: PreparedQuestion): FactCheck {
  const issues: FactIssue[] = [];
  const badUnits = new Set<AnswerUnit>();
  const contradicted = new Set<NumberMention>();
  const supported = new Set<NumberMention>();
  if (!prepared.materials.length) return { issues, badUnits, contradicted, supported };
  for (const unit of answer.units) {
    for (const n of unit.numbers) {
      const context = contextTokens(unit, n);
      if (context.length < 2) continue;
      // When the figure's context names someone or something, the material sentence must name it too.
      const names = context.filter((c) => c.token.concept || c.token.pos === "PROPN").map((c) => c.token.key);
      // Filtered before anything is built for a sentence: most share one common word and no more.
      const scored: Array<{ s: MaterialSentence; score: number; matched: number }> = [];
      for (const [si, o] of overlaps(context, prepared)) {
        if (o.matched < 2) continue;
        const s = prepared.materials[si] as MaterialSentence;
        if (names.length && !names.some((k) => s.keys.has(k))) continue;
        scored.push({ s, score: o.score, matched: o.matched });
      }
      scored.sort((a, b) => b.score - a.score);
      const sameKind = (m: NumberMention) => m.kind === n.kind;
      if (scored.some((x) => x.score >= SUPPORT_OVERLAP && x.s.numbers.some((m) => sameKind(m) && figuresAgree(m, n)))) supported.add(n);
      const about = scored.filter((x) => x.score >= SUBJECT_OVERLAP);
      const top = about[0];
      if (!top) continue;
      // A year the material mentions anywhere is not a confident fabrication; leave it.
      if (n.kind === "year" && prepared.materials.some((x) => x.numbers.some((m) => m.kind === "year" && m.value === n.value))) continue;
      // The material states this figure in a sentence that shares the figure's names and at least two
      // of its context words → it has a source. Sources often disagree (one outlet's 800,000 deportees,
      // another's million); citing either is not an error.
      const hasSource = scored.some((x) => x.s.numbers.some((m) => sameKind(m) && figuresAgree(m, n)));
      if (hasSource) continue;
      // Precision: a figure is judged only against a material figure of the same unit, stated for the
      // same time (when the answer's sentence names a year, the material's must name it too).
      const years = unitYears(unit, n);
      const judged = about.slice(0, 2).filter((x) => sameTime(years, x.s.numbers));
      const disagreeing = judged.flatMap((x) => x.s.numbers.filter((m) => sameKind(m) && sameUnit(m, n)));
      if (!disagreeing.length) continue;
      const source = judged.find((x) => x.s.numbers.some((m) => sameKind(m) && sameUnit(m, n)))?.s ?? top.s;
      contradicted.add(n);
      badUnits.add(unit);
      const isBlatant =
        n.kind === "year" || disagreeing.every((d) => Math.max(d.value, n.value) >= 2 * Math.max(1e-9, Math.min(d.value, n.value)));
      issues.push({
        isBlatant,
        answer: { start: n.start, end: n.end, quote: answer.text.slice(n.start, n.end) },
        source: { materialId: source.materialId, start: source.start, end: source.end, quote: source.quote },
        reason: `The source gives ${[...new Set(disagreeing.map((d) => d.raw))].join(", ")} where the answer says ${n.raw}.`,
      });
    }
  }
  return { issues, badUnits, contradicted, supported };
}
