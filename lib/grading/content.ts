import { comparisonVerdict, qualifiesNeighbour } from "./comparisons";
import { argumentSlots, comparisonAgreement, isFramedByNegation, readComparison, samePredicate, isChangeReversal, isRoleSwap, isSlotReversal, subjectKeys, tightClause, tokenClauses, tokenHypothetical, type ArgumentSlot, type SlotReading, type Token } from "@/lib/nlp";
import type { AnalysedAnswer, AnswerUnit } from "./answer";
import type { PointSlots, PreparedPoint } from "./prepare";

/**
 * Content-point alignment (after Sultan et al. 2016, "Fast and easy short answer grading with high
 * accuracy": align content words, weight them by informativeness). Each rubric point is aligned
 * with every answer unit and every pair of adjacent units in the same paragraph; a point term
 * counts when the unit holds the same lemma/stem, an alias of the same entity, a WordNet
 * synonym/derivation (also of an answer's phrasal verb: "soaking up" for "absorbing"), or the same
 * figure or duration in other words ("twenty years" for "two decades"), weighted by idf (question
 * words nearly free) and by how much the unit asserts a claim (term lists and headings count little).
 *
 * A match counts for the point only when it asserts what the point asserts: the same polarity
 * ("connected" for "connected", "not connected" or "separated" against it), and the same roles
 * (an agent of the point is not the target in the answer). Matches with the opposite polarity
 * (negation, an antonym, "failed to") and every match of a clause that swaps the point's roles
 * go to a separate "contradiction" vector: a unit whose contradicting matches outweigh its
 * agreeing ones, in the clause that makes the point (not a negation elsewhere in the sentence),
 * contradicts the point.
 */

export interface PointAlignment {
  /** Weighted share of the point's terms asserted in the best window, in [0, 1]. */
  score: number;
  /** Units of the best window. */
  units: AnswerUnit[];
  /** Point terms matched in the best window. */
  matchedTerms: string[];
  /** The answer's strongest contradiction of the point, when one unit asserts its opposite. */
  contradiction?: Contradiction;
  /** Per point term: the agreeing match strength behind `score` (for the learned model's signals). */
  strengths?: readonly number[];
  /** Largest weighted share of the point's polar terms one unit asserts with the opposite polarity. */
  contraShare?: number;
}

export interface Contradiction {
  unit: AnswerUnit;
  /** Weighted share of the point's terms the contradicting unit shares (either polarity). */
  coverage: number;
  /** Why: the opposite polarity (negation or antonym) or swapped roles. */
  kind: "polarity" | "roles";
  /**
   * A short point without a verb of its own asserts a quality of a thing, and the unit gives the thing the
   * opposite quality ("on the same circuit", "not on different circuits" for "on different circuits").
   */
  onQuality: boolean;
  /** The unit places the things a comparison of the point compares the other way round (`comparisons.ts`). */
  onComparison?: boolean;
}

/**
 * A point of at most this many content terms is read as a single claim (a short reference answer,
 * "Bulb A is in a closed path with the battery"); longer rubric points hold several claims.
 */
const SINGLE_CLAIM_TERMS = 8;

/** A two-unit window must beat a single unit by this margin to be preferred. */
const PAIR_FACTOR = 0.92;

/**
 * Per-term strengths are plain arrays, not typed arrays: a match is computed for every (unit,
 * point) pair that shares a key, and allocating a typed array's backing store costs several times
 * more than a small array of doubles (measured: the typed arrays were a twentieth of the grading time).
 */
function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

interface UnitMatch {
  agree: number[];
  contra: number[];
  kind: "polarity" | "roles" | null;
  /** Weighted share of the point's terms this unit asserts with the opposite polarity. */
  contraShare: number;
  /** The unit's one comparison places the point's compared things the other way round. */
  onComparison?: boolean;
  /** The match before that comparison was read as the point's opposite (kept for `weighComparisons`). */
  beforeComparison?: UnitMatch;
  /** The unit's one comparison agrees with one of the point's. */
  agreesByComparison?: boolean;
  /** An opposite word of the point's predicate carried a negation of the point's or the answer's ("separated" for "not connected"). */
  negationByOpposite?: boolean;
  /** The same unit read without a moved negation (present when one moved). */
  withoutMovedNegation?: UnitMatch;
  /** The unit asserts the point's own predicate word with the opposite polarity ("connected" for "not connected"). */
  opposesOwnPredicate?: boolean;
}

/** A unit that shares no key with a point: nothing agrees, nothing contradicts (one per point, read-only). */
const emptyMatches = new WeakMap<PreparedPoint, UnitMatch>();

function emptyMatch(point: PreparedPoint): UnitMatch {
  let m = emptyMatches.get(point);
  if (!m) {
    m = { agree: zeros(point.terms.length), contra: zeros(point.terms.length), kind: null, contraShare: 0 };
    emptyMatches.set(point, m);
  }
  return m;
}

/** Whether any of the unit's keys (or figure/phrasal keys) is in the point's term index. */
function sharesKey(point: PreparedPoint, unit: AnswerUnit): boolean {
  const index = point.termIndex;
  for (const key of unit.keys.keys()) if (index.has(key)) return true;
  for (const key of unit.extraKeys.keys()) if (index.has(key)) return true;
  return false;
}

/**
 * Per-point matches of a unit, computed once per (unit, point) pair: features and structure marks
 * align the same pairs again. Kept on the unit itself (a property only this module reads), so the
 * cache dies with the answer: a module-level WeakMap keyed by every unit of every answer made
 * each young-generation garbage collection trace its entries (measured: a fifth more time in
 * scavenges over the speed benchmark).
 */
type MatchMemoUnit = AnswerUnit & { pointMatchMemo?: Map<PreparedPoint, UnitMatch>; slotMemo?: SlotReading };

/** Per-term best agreeing and contradicting match strength within one unit (claim factor applied). Read-only: cached and shared. */
function unitMatch(point: PreparedPoint, unit: AnswerUnit): UnitMatch {
  const memo = unit as MatchMemoUnit;
  let byPoint = memo.pointMatchMemo;
  if (!byPoint) {
    byPoint = new Map();
    memo.pointMatchMemo = byPoint;
  }
  let m = byPoint.get(point);
  if (!m) {
    m = unit.claimFactor <= 0 || !sharesKey(point, unit) ? emptyMatch(point) : computeUnitMatch(point, unit);
    byPoint.set(point, m);
  }
  return m;
}

/** The working state of one unit-against-point match. */
interface MatchState {
  point: PreparedPoint;
  unit: AnswerUnit;
  /** The content keys read (the unit's, or one clause's): key → first token index. */
  keys: ReadonlyMap<string, number>;
  agree: number[];
  contra: number[];
  denied: number[];
  /** Agreeing matches after the unit's first negated word: the part of the clause a negation speaks to. */
  agreeInScope: number[];
  /** Terms matched by a word the answer uses as a predicate (a verb, not "the cost of pumping"): 1 or 0. */
  asPredicate: number[];
  /** Per term: the answer token that agrees with it (for the slot check), or -1. */
  agreeingToken: number[];
  firstNegated: number;
  predicateToken: number;
  /** Whether the unit asserts the point's predicate: looked up once, and only for an opposite word. */
  matchesPredicate: boolean | undefined;
  /** Whether a negation or an opposite word met one of the point's polar terms: only then can a clause oppose it. */
  hasPolarCue: boolean;
  /**
   * How an opposite word carried the point's predicate with agreeing polarity, if it did: "absorbed" when
   * the point negates its predicate and the answer affirms the opposite ("separated" for "not
   * connected"), "added" when the point affirms it and the answer negates the opposite ("not connected"
   * for "separated"). The negation then moved onto or off the predicate's word, and the point's other
   * words in its scope keep their meaning with the other polarity (`settleMovedNegation`).
   */
  movedNegation: Array<{ how: "absorbed" | "added"; token: number; term: number }>;
  /** The point's own predicate word met with the opposite polarity: then no negation moved. */
  opposesOwnPredicate: boolean;
  /** Whether a negation may move at all (false: the reading without it, for an answer that also denies the predicate). */
  allowMoved: boolean;
  /** The point's other words matched with the other polarity only: term → [strength, token, how the polarity differs]. */
  polarityOnly: Map<number, [number, number, "absorbed" | "added"]>;
  /** The point's other words matched by an opposite word with the other polarity: term → [strength, token, how]. */
  oppositeThroughNegation: Map<number, [number, number, "absorbed" | "added"]>;
}

function newState(point: PreparedPoint, unit: AnswerUnit, keys: ReadonlyMap<string, number>, firstNegated: number, allowMoved = true): MatchState {
  const n = point.terms.length;
  return {
    point,
    unit,
    keys,
    agree: zeros(n),
    contra: zeros(n),
    denied: zeros(n),
    agreeInScope: zeros(n),
    asPredicate: zeros(n),
    agreeingToken: new Array<number>(n).fill(-1),
    firstNegated,
    predicateToken: -1,
    matchesPredicate: undefined,
    hasPolarCue: false,
    movedNegation: [],
    opposesOwnPredicate: false,
    allowMoved,
    polarityOnly: new Map(),
    oppositeThroughNegation: new Map(),
  };
}

function put(v: number[], t: number, s: number): void {
  if (s > (v[t] ?? 0)) v[t] = s;
}

function assertsPredicate(st: MatchState): boolean {
  if (st.matchesPredicate === undefined) {
    const { point } = st;
    st.matchesPredicate = [...st.keys.keys()].some((k) => point.termIndex.get(k)?.some(([t, , isAntonym]) => !isAntonym && point.terms[t]?.isPredicate));
  }
  return st.matchesPredicate;
}

/** Applies one answer key's matches (`hits`: the point's term index entry for it) to the state. */
function matchKey(st: MatchState, hits: ReadonlyArray<readonly [number, number, boolean]>, tokenIndex: number, keyFactor: number, affirmed: boolean, negated: boolean): void {
  const { point, unit, agree, contra } = st;
  const f = unit.claimFactor * keyFactor;
  // A word that is itself one of the point's terms (or a synonym of one) stands for that term,
  // not for the opposite of another: "public support" in the answer is the point's "support",
  // not the antonym of its "undermine".
  const isOwnTerm = hits.some(([, , isAntonym]) => !isAntonym);
  for (const [t, strength, isAntonym] of hits) {
    const term = point.terms[t];
    if (!term || (isAntonym && isOwnTerm)) continue;
    const s = strength * f;
    if (point.roles?.predicate === t && st.predicateToken < 0) st.predicateToken = tokenIndex;
    if (isPredicateUse(unit.tokens, tokenIndex)) st.asPredicate[t] = 1;
    if (!term.isPolar) {
      put(agree, t, s);
      if (st.agreeingToken[t] === -1) st.agreeingToken[t] = tokenIndex;
      continue;
    }
    if (isAntonym || negated) st.hasPolarCue = true;
    // An opposite word that only qualifies a thing ("the negative terminal", "at the far end")
    // names another thing when the clause asserts the point's predicate: its negation speaks to
    // the predicate and does not turn the word back into the point's ("not connected to the
    // negative terminal" is not "connected to the positive"). Without the predicate the word
    // carries the claim ("not in an open path" = "in a closed path").
    if (isAntonym && !term.isPredicate && assertsPredicate(st) && isAttributiveUse(unit.tokens, tokenIndex)) {
      put(contra, t, s);
      continue;
    }
    // Agreement: the same word with the point's polarity, or its antonym with the other one.
    const wanted = term.isNegated !== isAntonym;
    const agrees = wanted ? negated : affirmed;
    const opposes = wanted ? affirmed : negated;
    if (agrees && isAntonym && !term.isPredicate) {
      // An opposite word agreeing through the other polarity ("in a closed path" for "not in an open
      // path") unless that negation moved onto the predicate's opposite (`settleMovedNegation`).
      const prior = st.oppositeThroughNegation.get(t);
      if (!prior || s > prior[0]) st.oppositeThroughNegation.set(t, [s, tokenIndex, term.isNegated ? "absorbed" : "added"]);
    } else if (agrees) {
      put(agree, t, s);
      if (st.agreeingToken[t] === -1) st.agreeingToken[t] = tokenIndex;
      if (st.firstNegated >= 0 && tokenIndex > st.firstNegated) put(st.agreeInScope, t, s);
      // Only a word the answer uses as a predicate carries the negation ("there is a gap in the
      // connection" does not say "not separated by a gap").
      if (isAntonym && term.isPredicate && isPredicateUse(unit.tokens, tokenIndex) && isVerbOrAdjective(unit.tokens[tokenIndex])) st.movedNegation.push({ how: term.isNegated ? "absorbed" : "added", token: tokenIndex, term: t });
    } else if (opposes && !isAntonym && !term.isPredicate) {
      // Decided once every word is read: a noun in the scope of a negation the answer's opposite
      // word absorbed is no denial of it (`settleMovedNegation`).
      const prior = st.polarityOnly.get(t);
      if (!prior || s > prior[0]) st.polarityOnly.set(t, [s, tokenIndex, term.isNegated ? "absorbed" : "added"]);
    } else if (opposes) {
      put(contra, t, s);
      if (!isAntonym && term.isPredicate) st.opposesOwnPredicate = true;
      // The answer's own negation of the point's word ("do not make paddy profitable"), as
      // opposed to an antonym or a negation on the point's side ("protect … from attacks").
      if (!isAntonym && !term.isNegated) put(st.denied, t, s);
    }
  }
}

/**
 * The point's words read with the other polarity only because the negation moved: "the pump is
 * separated from the tank" says "the pump is not connected to the tank" ("separated" carries the
 * negation, so "tank" stands affirmed where the point has it under "not"), and "the pump is not
 * connected to the tank" says "the pump is separated from the tank". When an opposite word matched
 * the point's predicate with agreeing polarity, a word of the point whose polarity differs in the
 * same way agrees if it stands in that opposite word's own clause (`tightClause`: no comma,
 * conjunction, subordinating word or other verb between them); otherwise it opposes as before. The
 * move counts only for the point's own subject ("bulb B is separated" does not move the negation of
 * "bulb A is not connected"), not under a negation that frames the clause ("it is not true that …",
 * "neither … nor …"), and not when the unit also gives the point's own predicate word the opposite
 * polarity ("connected to the tank; the switch is separated"). An opposite word of a thing the point
 * names agrees through the other polarity ("in a closed path" for "not in an open path") only while
 * the negation has not moved onto the predicate: it cannot count twice. Returns whether it moved
 * ("moved"), and whether it moved with the point's other words ("carried": one of them stands in the
 * opposite word's clause, or the point has none), which alone makes the answer negate as the point does
 * ("Bulb A is separated from the switch" does not say what "Bulb A is not connected to the battery" says).
 */
function settleMovedNegation(st: MatchState): "carried" | "moved" | null {
  const tokens = st.unit.tokens;
  const moves = st.allowMoved && !st.opposesOwnPredicate ? st.movedNegation.filter((m) => movesNegation(st.point, tokens, m.token, m.term)) : [];
  const spans = moves.map((m) => ({ how: m.how, span: tightClause(tokens, m.token) }));
  let carried = false;
  for (const [t, [s, tokenIndex, how]] of st.polarityOnly) {
    if (spans.some((m) => m.how === how && tokenIndex >= m.span[0] && tokenIndex <= m.span[1])) {
      carried = true;
      put(st.agree, t, s);
      if (st.agreeingToken[t] === -1) st.agreeingToken[t] = tokenIndex;
      if (st.firstNegated >= 0 && tokenIndex > st.firstNegated) put(st.agreeInScope, t, s);
      continue;
    }
    put(st.contra, t, s);
    if (how === "added") put(st.denied, t, s);
  }
  // An opposite word of another of the point's words agrees through the other polarity only while
  // that negation is the point's or the answer's own: once it moved onto the predicate's opposite
  // it is spent there ("connected to the positive terminal" does not say "not separated from the
  // negative terminal").
  for (const [t, [s, tokenIndex, how]] of st.oppositeThroughNegation) {
    if (moves.some((m) => m.how === how)) {
      put(st.contra, t, s);
      continue;
    }
    put(st.agree, t, s);
    if (st.agreeingToken[t] === -1) st.agreeingToken[t] = tokenIndex;
    if (st.firstNegated >= 0 && tokenIndex > st.firstNegated) put(st.agreeInScope, t, s);
  }
  if (!moves.length) return null;
  return carried || !st.point.terms.some((term) => term.isPolar && !term.isPredicate) ? "carried" : "moved";
}

/**
 * Whether the opposite word at `i` (of the point's predicate term `t`) can carry the point's negation:
 * its subject is the point's (the same words, when the point names one) and no negation outside its
 * clause frames it.
 */
function movesNegation(point: PreparedPoint, tokens: readonly Token[], i: number, t: number): boolean {
  if (isFramedByNegation(tokens, i)) return false;
  const wanted = point.subjects?.get(t);
  if (!wanted?.length) return true;
  const got = new Set(subjectKeys(tokens, i));
  const want = new Set(wanted);
  return got.size === want.size && [...want].every((k) => got.has(k));
}

function computeUnitMatch(point: PreparedPoint, unit: AnswerUnit, allowMoved = true): UnitMatch {
  const n = point.terms.length;
  const st = newState(point, unit, unit.keys, unit.negated.indexOf(true), allowMoved);
  const { agree, contra, agreeingToken } = st;
  const out: UnitMatch = { agree, contra, kind: null, contraShare: 0 };
  const index = point.termIndex;
  for (const [key, tokenIndex] of unit.keys) {
    const hits = index.get(key);
    if (hits) matchKey(st, hits, tokenIndex, unit.keyFactors.get(key) ?? 1, unit.affirmedKeys.has(key), unit.negatedKeys.has(key));
  }
  // A figure, duration or phrasal verb ("twenty years" = "two decades", "soak up" = "absorb")
  // counts as its token's key does: inside a term list it stays a list.
  for (const [key, [tokenIndex, strength]] of unit.extraKeys) {
    const hits = index.get(key);
    if (!hits) continue;
    const token = unit.tokens[tokenIndex];
    const isNegated = unit.negated[tokenIndex] ?? false;
    matchKey(st, hits, tokenIndex, strength * (token ? (unit.keyFactors.get(token.key) ?? 1) : 1), !isNegated, isNegated);
  }
  const moved = settleMovedNegation(st);
  if (moved) out.withoutMovedNegation = computeUnitMatch(point, unit, false);
  if (moved === "carried") out.negationByOpposite = true;
  if (st.opposesOwnPredicate) out.opposesOwnPredicate = true;
  const verdict = polarityVerdict(st, false);
  out.contraShare = verdict.contraShare;
  const isNamedSwap = !!point.roles && st.predicateToken >= 0 && isRoleSwap(point.roles, unit.tokens, st.predicateToken);
  if (isNamedSwap || (point.slots && reversesSlots(point.slots, unit, agreeingToken))) {
    // Who does what to whom is reversed: nothing in this clause asserts the point.
    for (let t = 0; t < n; t++) {
      contra[t] = Math.max(contra[t] ?? 0, agree[t] ?? 0);
      agree[t] = 0;
    }
    out.kind = "roles";
  } else if (st.hasPolarCue ? carryingClauseOpposes(point, unit, verdict.opposes, allowMoved) : verdict.opposes) {
    out.kind = "polarity";
  }
  // A comparison is read as a whole: made the other way round ("the white pan does not absorb as much
  // as the black pan" for "the black pan absorbs more than the white pan") it negates or swaps the
  // point's words and still asserts the point. The reading only clears a contradiction, and only when
  // both compare by the same predicate with corresponding sides; it never raises one (a comparison it
  // misreads — "twice as much as", a converse with an antonym — is left to the polarity reading above).
  if (out.kind && point.comparison) {
    const comparison = readComparison(unit.tokens, unit.negated);
    if (comparison && samePredicate(point.comparison, comparison) && comparisonAgreement(point.comparison, comparison) === 1) {
      for (let t = 0; t < n; t++) {
        agree[t] = Math.max(agree[t] ?? 0, contra[t] ?? 0);
        contra[t] = 0;
      }
      out.kind = null;
      out.contraShare = 0;
    }
  }
  applyComparisonClaims(point, unit, out);
  return out;
}

/**
 * The strict comparison reading (`comparisons.ts`): a sentence whose one comparison places the point's
 * compared things the other way round on the same dimension ("the glass rod carries more heat than the
 * copper rod" for "copper carries more heat than glass") asserts the opposite; one that places them the
 * same way however worded ("glass conducts more slowly than copper") asserts the point. Anything the
 * reader is not sure of changes nothing.
 */
function applyComparisonClaims(point: PreparedPoint, unit: AnswerUnit, out: UnitMatch): void {
  if (!point.comparisonClaims?.length) return;
  const verdict = comparisonVerdict(point.comparisonClaims, unit.tokens);
  if (verdict === 0) return;
  const { agree, contra } = out;
  if (verdict === -1) {
    out.beforeComparison = { ...out, agree: [...agree], contra: [...contra] };
    // A contradiction the polarity or role reading found keeps its kind; the comparison confirms it.
    if (!out.kind) {
      for (let t = 0; t < point.terms.length; t++) {
        contra[t] = Math.max(contra[t] ?? 0, agree[t] ?? 0);
        agree[t] = 0;
      }
      out.kind = "polarity";
    }
    out.onComparison = true;
    return;
  }
  out.agreesByComparison = true;
  if (out.kind) {
    for (let t = 0; t < point.terms.length; t++) {
      agree[t] = Math.max(agree[t] ?? 0, contra[t] ?? 0);
      contra[t] = 0;
    }
    out.kind = null;
    out.contraShare = 0;
  }
}

/** What a match state says of the point's polarity. */
interface PolarityVerdict {
  /** The words read assert the point's opposite. */
  opposes: boolean;
  /** Weighted share of the point's polar terms asserted with the opposite polarity. */
  contraShare: number;
  /** The point's predicate decided (it is there, and in a clause about the point's things). */
  byPredicate: boolean;
}

/**
 * Whether the words of a match state (a unit's or one clause's) assert the opposite of the point.
 * What the point asserts (its verbs and predicative adjectives) decides; the nouns it is about do
 * not ("the fertiliser ban failed to cut harvests" denies "the ban cut harvests", "workers were
 * attacked" does not deny "protecting workers from attacks"). A short point is one claim, whose
 * nouns carry it when its verb is a copula ("not in a closed path" denies "is in a closed path").
 * When the words carry none of a long point's predicates, only their own negation of the point's
 * words ("MSP does not make paddy the most profitable crop") denies the point; an opposite word or
 * a negation on the point's side ("protect … from attacks") then decides nothing.
 * `isClause`: the state holds one clause, whose predicate speaks of the point only when the clause
 * also names something the point is about (one of its other terms, not an example's): "the powers
 * do not share priorities" does not deny "shared concern about terrorist groups".
 */
function polarityVerdict(st: MatchState, isClause: boolean): PolarityVerdict {
  const { point, agree, contra, denied, agreeInScope, asPredicate } = st;
  const n = point.terms.length;
  let contraWeight = 0;
  let agreeWeight = 0;
  let deniedWeight = 0;
  let agreeInScopeWeight = 0;
  let contraPredicate = 0;
  let agreePredicate = 0;
  let predicates = 0;
  let others = 0;
  let contraQuality = 0;
  let agreeQuality = 0;
  for (let t = 0; t < n; t++) {
    const term = point.terms[t];
    if (!term) continue;
    const isMatched = (agree[t] ?? 0) > 0 || (contra[t] ?? 0) > 0;
    if (isMatched && term.isPredicate && asPredicate[t]) predicates++;
    else if (isMatched && !term.isExample) others++;
    if (!term.isPolar) continue;
    const isContra = (contra[t] ?? 0) > (agree[t] ?? 0);
    if (isContra) contraWeight += (contra[t] ?? 0) * term.weight;
    else agreeWeight += (agree[t] ?? 0) * term.weight;
    if (isContra) deniedWeight += (denied[t] ?? 0) * term.weight;
    else agreeInScopeWeight += (agreeInScope[t] ?? 0) * term.weight;
    if (term.isPredicate && asPredicate[t]) {
      if (isContra) contraPredicate += (contra[t] ?? 0) * term.weight;
      else agreePredicate += (agree[t] ?? 0) * term.weight;
    }
    if (term.isQuality) {
      if (isContra) contraQuality += (contra[t] ?? 0) * term.weight;
      else agreeQuality += (agree[t] ?? 0) * term.weight;
    }
  }
  const contraShare = point.totalWeight > 0 ? contraWeight / point.totalWeight : 0;
  const hasPredicate = contraPredicate + agreePredicate > 0 && (!isClause || others > 0 || predicates > 1);
  // A short point without a verb of its own asserts the quality it gives a thing ("in different
  // paths"): the same thing with the opposite quality ("in the same path") is the opposite claim,
  // however many of the point's other words it shares.
  const hasQuality = contraQuality + agreeQuality > 0;
  const opposes = hasPredicate
    ? contraPredicate > agreePredicate
    : n <= SINGLE_CLAIM_TERMS
      ? hasQuality
        ? contraQuality > agreeQuality
        : contraWeight > agreeWeight
      : deniedWeight > agreeInScopeWeight;
  return { opposes, contraShare, byPredicate: hasPredicate };
}

/**
 * Whether the clause of the unit that makes the point asserts its opposite: polarity is judged on
 * that clause, not on a negation or an opposite word elsewhere in the sentence. The clause that
 * makes the point is the one with the point's predicate about the point's things (see
 * `polarityVerdict`), else the one carrying most of the point's weight (its terms in either
 * polarity). "Rivalries fragment cooperation; the powers do not share priorities, but the statement
 * shows concern about terrorist groups" does not deny "shared concern about terrorist groups", and
 * "wetlands do not absorb floodwater, though drains absorb rain" does deny "wetlands absorb
 * floodwater". A unit of one clause, or one whose deciding clauses rank equally and disagree, keeps
 * the whole unit's reading (`unitOpposes`).
 */
function carryingClauseOpposes(point: PreparedPoint, unit: AnswerUnit, unitOpposes: boolean, allowMoved: boolean): boolean {
  const { tokens } = unit;
  const clauseOf = tokenClauses(tokens);
  if ((clauseOf[tokens.length - 1] ?? 0) === 0) return unitOpposes;
  const hypothetical = tokenHypothetical(tokens);
  const index = point.termIndex;
  // Each clause's own keys (first token), and which of them it affirms and negates.
  const clauses = new Map<number, { keys: Map<string, number>; affirmed: Set<string>; negated: Set<string>; firstNegated: number }>();
  const clauseAt = (c: number) => {
    let entry = clauses.get(c);
    if (!entry) {
      entry = { keys: new Map(), affirmed: new Set(), negated: new Set(), firstNegated: -1 };
      clauses.set(c, entry);
    }
    return entry;
  };
  tokens.forEach((t, i) => {
    const entry = clauseAt(clauseOf[i] ?? 0);
    const isNegated = unit.negated[i] ?? false;
    if (hypothetical[i]) {
      entry.affirmed.add(t.key);
      entry.negated.add(t.key);
    } else (isNegated ? entry.negated : entry.affirmed).add(t.key);
    if (isNegated && entry.firstNegated < 0) entry.firstNegated = i;
    if (t.isWord && !t.isStop && unit.keys.has(t.key) && !entry.keys.has(t.key)) entry.keys.set(t.key, i);
  });
  // Content weights are shares in [0, 1]: a clause with the point's predicate ranks above any without.
  let best: { rank: number; opposes: boolean; isTie: boolean } | undefined;
  for (const [c, entry] of clauses) {
    const st = newState(point, unit, entry.keys, entry.firstNegated, allowMoved);
    for (const [key, tokenIndex] of entry.keys) {
      const hits = index.get(key);
      if (hits) matchKey(st, hits, tokenIndex, unit.keyFactors.get(key) ?? 1, entry.affirmed.has(key), entry.negated.has(key));
    }
    for (const [key, [tokenIndex, strength]] of unit.extraKeys) {
      const hits = index.get(key);
      if (!hits || clauseOf[tokenIndex] !== c) continue;
      const token = tokens[tokenIndex];
      const isNegated = unit.negated[tokenIndex] ?? false;
      matchKey(st, hits, tokenIndex, strength * (token ? (unit.keyFactors.get(token.key) ?? 1) : 1), !isNegated, isNegated);
    }
    settleMovedNegation(st);
    const content = weighted(point, st.agree, st.contra);
    if (content <= 0) continue;
    const { opposes, byPredicate } = polarityVerdict(st, true);
    const rank = byPredicate ? 1 + content : content;
    if (!best || rank > best.rank) best = { rank, opposes, isTie: false };
    else if (rank === best.rank && opposes !== best.opposes) best.isTie = true;
  }
  return !best || best.isTie ? unitOpposes : best.opposes;
}

/**
 * True when one clause of the answer unit reverses the point's roles or direction (see
 * `isSlotReversal`), judged on the point's words that clause agrees with, or when the unit has the
 * point's growing things shrinking or the reverse (see `isChangeReversal`).
 */
function reversesSlots(point: PointSlots, unit: AnswerUnit, agreeingToken: readonly number[]): boolean {
  // Nothing to compare (no agreeing word has a slot or a direction in the point): no reading needed.
  let hasEvidence = false;
  for (let t = 0; t < agreeingToken.length && !hasEvidence; t++) {
    if ((agreeingToken[t] ?? -1) >= 0 && (point.slots[t] || point.directions[t])) hasEvidence = true;
  }
  if (!hasEvidence) return false;
  // The unit's slot reading, made once (on the unit, like its point matches).
  const memo = unit as MatchMemoUnit;
  memo.slotMemo ??= argumentSlots(unit.tokens);
  const reading = memo.slotMemo;
  // One claim of the point against one clause of the answer.
  const byClause = new Map<string, Array<{ point: ArgumentSlot; answer: ArgumentSlot }>>();
  for (let t = 0; t < point.slots.length; t++) {
    const slot = point.slots[t];
    const at = agreeingToken[t] ?? -1;
    if (!slot || at < 0) continue;
    const answer = reading.slots[at];
    if (!answer) continue;
    const key = `${point.clauses[t] ?? 0}:${reading.clauses[at] ?? 0}`;
    const list = byClause.get(key) ?? [];
    list.push({ point: slot, answer });
    byClause.set(key, list);
  }
  for (const found of byClause.values()) if (isSlotReversal(found, reading.assertsDirection)) return true;
  // What grows and what shrinks, over the whole unit.
  const changes: Array<{ point: number; answer: number }> = [];
  for (let t = 0; t < point.directions.length; t++) {
    const d = point.directions[t] ?? 0;
    const at = agreeingToken[t] ?? -1;
    if (d && at >= 0) changes.push({ point: d, answer: reading.directions[at] ?? 0 });
  }
  return isChangeReversal(changes);
}

/**
 * True unless the answer uses the word at `i` as a noun phrase's head after a preposition or a
 * determiner ("the cost of pumping", "the pumping"): the tagger's verb/noun label is too noisy to
 * rely on ("let rainwater drain"), the word before it is not.
 */
function isPredicateUse(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !(prev && (prev.pos === "ADP" || prev.pos === "DET"));
}

/** A verb or adjective (the tagger's reading): a noun ("the connection") asserts no predicate. */
function isVerbOrAdjective(token: Token | undefined): boolean {
  return token?.pos === "VERB" || token?.pos === "ADJ" || token?.pos === "AUX";
}

/** A word that qualifies a noun ("the negative terminal", "a closed path"), not what a clause asserts. */
function isAttributiveUse(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return !isPredicateUse(tokens, i) || (tokens[i]?.pos === "ADJ" && !!next && (next.pos === "NOUN" || next.pos === "PROPN"));
}

function weighted(point: PreparedPoint, a: readonly number[], b?: readonly number[]): number {
  let got = 0;
  for (let i = 0; i < point.terms.length; i++) {
    const s = b ? Math.max(a[i] ?? 0, b[i] ?? 0) : (a[i] ?? 0);
    if (s > 0) got += s * (point.terms[i]?.weight ?? 0);
  }
  return point.totalWeight > 0 ? got / point.totalWeight : 0;
}

function matchedTerms(point: PreparedPoint, a: readonly number[], b?: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < point.terms.length; i++) {
    if ((a[i] ?? 0) > 0 || (b?.[i] ?? 0) > 0) out.push(point.terms[i]?.lemma ?? "");
  }
  return out;
}

/** The unit that contradicts the point most strongly (coverage of its terms in either polarity). */
function strongestContradiction(point: PreparedPoint, units: readonly AnswerUnit[], matches: readonly UnitMatch[]): Contradiction | undefined {
  let best: Contradiction | undefined;
  matches.forEach((m, i) => {
    if (!m.kind) return;
    const coverage = weighted(point, m.agree, m.contra);
    if (best && coverage <= best.coverage) return;
    // Only a short point without a verb of its own is the claim of its quality (see `polarityVerdict`).
    const isQualityClaim = point.terms.length <= SINGLE_CLAIM_TERMS && !point.terms.some((term) => term.isPredicate);
    const onQuality = m.kind === "polarity" && isQualityClaim && point.terms.some((term, t) => term.isQuality && (m.contra[t] ?? 0) > (m.agree[t] ?? 0));
    best = { unit: units[i] as AnswerUnit, coverage, kind: m.kind, onQuality, ...(m.onComparison ? { onComparison: true } : {}) };
  });
  return best;
}

/**
 * Every unit's match with the point, a comparison read as swapped weighed against the rest of the
 * answer: it says the point's opposite only when no other unit agrees with the point — by a comparison
 * read as the same claim, or by matching the point's terms, uncontradicted, at least as fully as the
 * swapped unit did ("Jupiter is bigger than Earth. Earth is bigger than Jupiter's largest moon."
 * states the point). Otherwise the swapped unit's match is what the other readings made of it.
 */
function matchesOf(point: PreparedPoint, units: readonly AnswerUnit[]): UnitMatch[] {
  // A swap next to a sentence or bullet that may qualify it ("This is true only under …", "In 1951 the
  // order was different.") is not sure to say the opposite: what the other readings made of it stands.
  // An answer that also gives the point's own predicate the opposite polarity anywhere ("The switch is
  // separated. Bulb A is connected to the battery.") moves no negation (`settleMovedNegation`).
  const own = units.map((u) => unitMatch(point, u));
  const deniesPredicate = own.some((m) => m.opposesOwnPredicate);
  const matches = units.map((u, i) => {
    const m = deniesPredicate ? ((own[i] as UnitMatch).withoutMovedNegation ?? (own[i] as UnitMatch)) : (own[i] as UnitMatch);
    return m.onComparison && (qualifiesNeighbour(units[i - 1]?.tokens) || qualifiesNeighbour(units[i + 1]?.tokens)) ? (m.beforeComparison ?? m) : m;
  });
  const swapped = matches.filter((m) => m.onComparison);
  if (!swapped.length) return matches;
  const swappedCover = Math.min(...swapped.map((m) => weighted(point, (m.beforeComparison ?? m).agree)));
  const agreed = matches.some((m) => !m.onComparison && (m.agreesByComparison || (!m.kind && weighted(point, m.agree) >= swappedCover)));
  return agreed ? matches.map((m) => m.beforeComparison ?? m) : matches;
}

/** Best alignment of one point with the answer (or with a subset of its units). */
/**
 * Whether a unit of the answer carries a negation through an opposite word of the point's predicate ("the
 * pump is separated from the tank" for "the pump is not connected to the tank", and the other way round):
 * the answer and the point then say the same with a negation on one side only. (An opposite quality, "the
 * door is shut" for "the door is not open", is not counted: measured, it raised wrong answers as often as
 * right ones.)
 */
export function negatesByOpposite(point: PreparedPoint, answer: Pick<AnalysedAnswer, "units">): boolean {
  const matches = answer.units.map((u) => unitMatch(point, u));
  return !matches.some((m) => m.opposesOwnPredicate) && matches.some((m) => !!m.negationByOpposite);
}

export function alignPoint(point: PreparedPoint, answer: Pick<AnalysedAnswer, "units">): PointAlignment {
  return windowOf(point, answer.units, matchesOf(point, answer.units));
}

/** The best window and the whole-answer coverage of one point, sharing one pass over the units. */
export function alignPointBoth(point: PreparedPoint, answer: Pick<AnalysedAnswer, "units">): { window: PointAlignment; whole: PointAlignment } {
  const matches = matchesOf(point, answer.units);
  const opposition = oppositionOf(point, answer.units, matches);
  return { window: windowOf(point, answer.units, matches, opposition), whole: wholeOf(point, answer.units, matches, opposition) };
}

/** What the answer says against the point: its strongest contradicting unit and the largest contradicted share. */
interface Opposition {
  contradiction: Contradiction | undefined;
  contraShare: number;
}

function oppositionOf(point: PreparedPoint, units: readonly AnswerUnit[], matches: readonly UnitMatch[]): Opposition {
  return { contradiction: strongestContradiction(point, units, matches), contraShare: Math.max(0, ...matches.map((m) => m.contraShare)) };
}

function windowOf(point: PreparedPoint, units: readonly AnswerUnit[], matches: readonly UnitMatch[], opposition = oppositionOf(point, units, matches)): PointAlignment {
  let best = { score: 0, i: -1, pair: false };
  const singles = matches.map((m) => weighted(point, m.agree));
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as AnswerUnit;
    const v = (matches[i] as UnitMatch).agree;
    const single = singles[i] ?? 0;
    if (single > best.score) best = { score: single, i, pair: false };
    const next = units[i + 1];
    // Strengths and weights are never negative: two units that match nothing make a pair that matches nothing.
    if (next && (next.paragraph === u.paragraph || u.isHeading) && (single > 0 || (singles[i + 1] ?? 0) > 0)) {
      const pair = weighted(point, v, matches[i + 1]?.agree) * PAIR_FACTOR;
      if (pair > best.score) best = { score: pair, i, pair: true };
    }
  }
  const { contradiction, contraShare } = opposition;
  if (best.i < 0) return { score: 0, units: [], matchedTerms: [], contraShare, ...(contradiction ? { contradiction } : {}) };
  const a = (matches[best.i] as UnitMatch).agree;
  const b = best.pair ? matches[best.i + 1]?.agree : undefined;
  const chosen = [units[best.i] as AnswerUnit, ...(best.pair ? [units[best.i + 1] as AnswerUnit] : [])];
  const strengths = b ? a.map((x, i) => Math.max(x, b[i] ?? 0)) : a;
  return { score: best.score, units: chosen, matchedTerms: matchedTerms(point, a, b), strengths, contraShare, ...(contradiction ? { contradiction } : {}) };
}

/** Credit level for an alignment score: full at or above `full`, half at or above `half`. */
export function creditFor(score: number, thresholds: { full: number; half: number }): 0 | 0.5 | 1 {
  if (score >= thresholds.full) return 1;
  if (score >= thresholds.half) return 0.5;
  return 0;
}

/**
 * Coverage of a point by the whole answer (each term's best agreeing match anywhere), for
 * reference-answer grading where one long point holds several ideas that may sit in different
 * sentences; also the strongest contradiction.
 */
export function alignWhole(point: PreparedPoint, answer: Pick<AnalysedAnswer, "units">): PointAlignment {
  return wholeOf(point, answer.units, matchesOf(point, answer.units));
}

function wholeOf(point: PreparedPoint, units: readonly AnswerUnit[], matches: readonly UnitMatch[], opposition = oppositionOf(point, units, matches)): PointAlignment {
  const total = zeros(point.terms.length);
  const used: AnswerUnit[] = [];
  units.forEach((u, ui) => {
    const v = (matches[ui] as UnitMatch).agree;
    let contributes = false;
    for (let i = 0; i < v.length; i++) {
      if ((v[i] ?? 0) > (total[i] ?? 0)) {
        total[i] = v[i] ?? 0;
        contributes = true;
      }
    }
    if (contributes) used.push(u);
  });
  const { contradiction, contraShare } = opposition;
  return { score: weighted(point, total), units: used, matchedTerms: matchedTerms(point, total), strengths: total, contraShare, ...(contradiction ? { contradiction } : {}) };
}
