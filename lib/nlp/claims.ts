import { z } from "zod";
import type { Token } from "./analyze";
import { antonymKeys } from "./lexical";
import claimCuesData from "./data/claim-cues.json";

/**
 * What a sentence claims beyond its words: polarity (is the claim negated?) and roles (who does
 * what to whom). Used by the grader to tell an answer that asserts a rubric point from one that
 * shares its words but asserts the opposite ("the strikes failed", "Pakistan shelters the TTP"
 * for "the Taliban shelter the TTP").
 */

/**
 * Polarity of each token of a sentence: whether the claim the token takes part in is negated.
 * wink's own negation flag runs to the end of the sentence ("not connected to the positive
 * terminal … and the bulb lights" negates everything after "not"); a claim's negation ends at the
 * clause. The cue words are data (`data/claim-cues.json`, validated here): plain negations ("not",
 * "never", "without"), verbs that negate their infinitive ("failed to", "refused to"), words whose
 * object does not happen ("unable to", "lack of", "prevents sharing"), and preventive verbs ("keep
 * X from becoming", "protect X from attacks": what follows "from" is negated, X is not). A cue
 * negates the content tokens that follow it up to a clause boundary (punctuation or a
 * subordinating / contrasting conjunction). Two cues in one clause cancel ("not unable to").
 */

const cueListSchema = z.object({ about: z.string(), words: z.array(z.string().min(1)).min(1) });
const claimCuesSchema = z.object({
  about: z.string(),
  negation: cueListSchema,
  infinitiveNegation: cueListSchema,
  nextWordNegation: cueListSchema,
  preventive: cueListSchema,
  hypotheticalOpeners: cueListSchema,
  reportVerbs: cueListSchema,
  hedgingModals: cueListSchema,
  assertingWhenNegated: cueListSchema,
  clauseBoundaries: cueListSchema,
  clauseOpenersBeforeClause: cueListSchema,
  passiveAuxiliaries: cueListSchema,
  inverseCausal: cueListSchema,
  sourceMarkers: cueListSchema,
  goalMarkers: cueListSchema,
  riseVerbs: cueListSchema,
  fallVerbs: cueListSchema,
  raiseVerbs: cueListSchema,
  lowerVerbs: cueListSchema,
  replaceVerbs: cueListSchema,
  leaveVerbs: cueListSchema,
  reversalAssertions: cueListSchema,
  contrastiveNegation: cueListSchema,
  opinionVerbs: cueListSchema,
  firstPersonSubjects: cueListSchema,
  interrogativeOpeners: cueListSchema,
});

interface ClaimCues {
  negation: Set<string>;
  infinitiveNegation: Set<string>;
  nextWordNegation: Set<string>;
  preventive: Set<string>;
  hypotheticalOpeners: Set<string>;
  reportVerbs: Set<string>;
  hedgingModals: Set<string>;
  assertingWhenNegated: Set<string>;
  clauseBoundaries: Set<string>;
  /** "as" …: ends a clause only when a clause follows. */
  clauseOpenersBeforeClause: Set<string>;
  passiveAuxiliaries: Set<string>;
  /** "due to", "result of" …: first word (lemma) → second words (form). */
  inverseCausal: Map<string, Set<string>>;
  sourceMarkers: Set<string>;
  goalMarkers: Set<string>;
  riseVerbs: Set<string>;
  fallVerbs: Set<string>;
  raiseVerbs: Set<string>;
  lowerVerbs: Set<string>;
  replaceVerbs: Set<string>;
  leaveVerbs: Set<string>;
  /** Word sequences ("other way round"). */
  reversalAssertions: string[][];
  /** Word sequences ("rather than"). */
  contrastiveNegation: string[][];
  opinionVerbs: Set<string>;
  firstPersonSubjects: Set<string>;
  interrogativeOpeners: Set<string>;
}

let cues: ClaimCues | undefined;

/** The cue lexicon (`data/claim-cues.json`), validated once. */
export function claimCues(): ClaimCues {
  if (cues) return cues;
  const data = claimCuesSchema.parse(claimCuesData);
  const set = (l: { words: string[] }) => new Set(l.words.map((w) => w.toLowerCase()));
  cues = {
    negation: set(data.negation),
    infinitiveNegation: set(data.infinitiveNegation),
    nextWordNegation: set(data.nextWordNegation),
    preventive: set(data.preventive),
    hypotheticalOpeners: set(data.hypotheticalOpeners),
    reportVerbs: set(data.reportVerbs),
    hedgingModals: set(data.hedgingModals),
    assertingWhenNegated: set(data.assertingWhenNegated),
    clauseBoundaries: set(data.clauseBoundaries),
    clauseOpenersBeforeClause: set(data.clauseOpenersBeforeClause),
    passiveAuxiliaries: set(data.passiveAuxiliaries),
    inverseCausal: pairs(data.inverseCausal.words),
    sourceMarkers: set(data.sourceMarkers),
    goalMarkers: set(data.goalMarkers),
    riseVerbs: set(data.riseVerbs),
    fallVerbs: set(data.fallVerbs),
    raiseVerbs: set(data.raiseVerbs),
    lowerVerbs: set(data.lowerVerbs),
    replaceVerbs: set(data.replaceVerbs),
    leaveVerbs: set(data.leaveVerbs),
    reversalAssertions: data.reversalAssertions.words.map((w) => w.toLowerCase().split(/\s+/)),
    contrastiveNegation: data.contrastiveNegation.words.map((w) => w.toLowerCase().split(/\s+/)),
    opinionVerbs: set(data.opinionVerbs),
    firstPersonSubjects: set(data.firstPersonSubjects),
    interrogativeOpeners: set(data.interrogativeOpeners),
  };
  return cues;
}

function pairs(words: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const w of words) {
    const [first, second] = w.toLowerCase().split(/\s+/);
    if (!first || !second) continue;
    const seconds = out.get(first) ?? new Set<string>();
    seconds.add(second);
    out.set(first, seconds);
  }
  return out;
}

/** True for a token that ends a clause for negation purposes. */
function isBoundary(t: Token): boolean {
  // "->" reaches here as "-" then ">": the arrow of a note-form chain ends the clause.
  if (!t.isWord) return /[,;:.!?()>→—–]/.test(t.text);
  return claimCues().clauseBoundaries.has(t.lower);
}

/**
 * True for "and"/"or" that joins a new clause with its own subject ("farmers had no fertiliser
 * and harvests were cut"): a noun phrase follows it, then a verb. "did not shrink revenue or widen
 * the deficit" joins two verb phrases under one negation, so its "or" does not end the clause.
 */
function opensNewClause(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!t.isWord || (t.lower !== "and" && t.lower !== "or")) return false;
  return clauseFollows(tokens, i);
}

/**
 * True for a word that joins a subordinate clause only when one follows ("did not go off as it is on the
 * same circuit"; `clauseOpenersBeforeClause`), not as a preposition or adverb ("as expected", "as a result").
 */
function opensSubordinateClause(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  return t.isWord && claimCues().clauseOpenersBeforeClause.has(t.lower) && clauseFollows(tokens, i);
}

/** True when a short noun phrase, then a verb, follows token `i`: a clause with its own subject. */
function clauseFollows(tokens: readonly Token[], i: number): boolean {
  let nounPhrase = 0;
  for (let j = i + 1; j < tokens.length && j <= i + 6; j++) {
    const u = tokens[j] as Token;
    if (u.pos === "VERB" || u.pos === "AUX") return nounPhrase > 0 && nounPhrase <= 4;
    // A hyphened compound ("over-extraction", "rice-wheat") is one word of the noun phrase.
    const next = tokens[j + 1];
    const isHyphenJoin = u.text === "-" && !!next && u.start === tokens[j - 1]?.end && next.start === u.end;
    if (isHyphenJoin || (next?.text === "-" && next.start === u.end)) continue;
    if (!["DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"].includes(u.pos)) return false;
    nounPhrase++;
  }
  return false;
}

/** True when the token itself is a negation cue (its own polarity is not "negated"). */
export function isNegationCue(t: Token, next?: Token): boolean {
  const c = claimCues();
  if (c.negation.has(t.lower) || c.negation.has(t.lemma)) return true;
  if (c.infinitiveNegation.has(t.lemma) && next?.lower === "to") return true;
  if (c.nextWordNegation.has(t.lemma)) return true;
  if (t.lower === "far" && next?.lower === "from") return true;
  return false;
}

/**
 * Index of the "from" that a preventive verb at `i` governs within its clause ("keep Afghanistan
 * from becoming …", "protect workers from attacks"), or -1.
 */
function preventedFrom(tokens: readonly Token[], i: number): number {
  const t = tokens[i] as Token;
  if (!t.isWord || !claimCues().preventive.has(t.lemma)) return -1;
  for (let j = i + 1; j < tokens.length && j <= i + 8; j++) {
    const u = tokens[j] as Token;
    if (isBoundary(u)) return -1;
    if (u.lower === "from") return j;
  }
  return -1;
}

/**
 * For each token, whether it lies inside an odd number of negation scopes within its clause.
 * Stop words, punctuation and the cues themselves come back false.
 */
export function tokenPolarity(tokens: readonly Token[]): readonly boolean[] {
  const hit = polarityCache.get(tokens);
  if (hit) return hit;
  const out = readPolarity(tokens);
  polarityCache.set(tokens, out);
  return out;
}

/** Per token array (an answer unit is read by the grader, its slot reader and its fact check): computed once. */
const polarityCache = new WeakMap<readonly Token[], readonly boolean[]>();
const hypotheticalCache = new WeakMap<readonly Token[], readonly boolean[]>();

function readPolarity(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let open = 0;
  /** The negation cue (or the governed "from") that last opened the scope, and for each negated token its cue. */
  let cue = -1;
  const cueOf = new Array<number>(tokens.length).fill(-1);
  /** Negations that open at a "from" a preventive verb governs. */
  const pending = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isBoundary(t) || opensNewClause(tokens, i) || opensSubordinateClause(tokens, i)) {
      open = 0;
      cue = -1;
      pending.clear();
      continue;
    }
    const opens = pending.get(i);
    if (opens) {
      open += opens;
      cue = i;
      continue;
    }
    const from = preventedFrom(tokens, i);
    if (from > 0) {
      // What is kept from happening is negated; who is kept from it is not.
      pending.set(from, (pending.get(from) ?? 0) + 1);
      continue;
    }
    if (isNegationCue(t, tokens[i + 1])) {
      // "not only … but also" adds to the claim rather than negating it.
      const next = tokens[i + 1];
      if (t.lower === "not" && next?.lower === "only") continue;
      open++;
      cue = i;
      continue;
    }
    if (open % 2 === 1 && t.isWord && !t.isStop) {
      out[i] = true;
      cueOf[i] = cue;
    }
  }
  // A negated clause that gives a thing an opposable quality denies the quality, not the thing:
  // "not in the same path" says the paths differ (there is a path), "not in a closed path" that the
  // path is open. Not when the negation is the phrase's own determiner ("no joint action", "not a
  // single party": there is none), nor for a noun qualifying another ("joint security operations": the
  // operations are denied), nor when the quality stands beyond the negated verb's own phrase ("did not
  // go off as it is on the same circuit": the negation is another clause's).
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!out[i] || t.pos !== "NOUN" || !out[i - 1]) continue;
    const next = tokens[i + 1];
    if (next && (next.pos === "NOUN" || next.pos === "PROPN")) continue;
    const q = tokens[i - 1] as Token;
    const c = cueOf[i - 1] ?? -1;
    if (c < 0 || isDeterminerNegation(tokens, c, i - 1) || !inNegatedPhrase(tokens, c, i - 1)) continue;
    if ((q.pos === "ADJ" || isAttributiveParticiple(tokens, i - 1)) && antonymKeys(q.lemma).size > 0) out[i] = false;
  }
  return out;
}

/**
 * True when the negation cue at `c` is the determiner of the noun phrase whose modifier stands at `q`
 * ("no faulty lamp", "not a single party"): the cue is "no"-like (a determiner) or a "not" that no verb or
 * auxiliary governs, and only determiners, adjectives, numbers or adverbs stand between.
 */
function isDeterminerNegation(tokens: readonly Token[], c: number, q: number): boolean {
  const cueToken = tokens[c] as Token;
  const before = tokens[c - 1];
  const governed = before !== undefined && (before.pos === "AUX" || before.pos === "VERB");
  if (cueToken.pos !== "DET" && governed) return false;
  for (let j = c + 1; j < q; j++) if (!["DET", "ADJ", "NUM", "ADV"].includes((tokens[j] as Token).pos)) return false;
  return true;
}

/**
 * True when the quality at `q` stands in the phrase the negation cue at `c` negates: between them no
 * verb or auxiliary other than the negated verb group right after the cue ("not connected in the same
 * path", "have not been placed in different circuits"), and no subordinating word.
 */
function inNegatedPhrase(tokens: readonly Token[], c: number, q: number): boolean {
  let verbGroup = true;
  for (let j = c + 1; j < q; j++) {
    const u = tokens[j] as Token;
    if (u.pos === "SCONJ") return false;
    const isVerb = u.pos === "VERB" || u.pos === "AUX";
    if (isVerb && !verbGroup) return false;
    if (!isVerb && u.pos !== "ADV" && u.pos !== "PART") verbGroup = false;
  }
  return true;
}

/**
 * True for an adjective that is what its clause asserts ("the circuit is closed", "ties are not
 * friendly"): after a form of "be", with only adverbs or a negation between.
 */
export function isPredicativeAdjective(tokens: readonly Token[], i: number): boolean {
  if (tokens[i]?.pos !== "ADJ") return false;
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const t = tokens[j] as Token;
    if (claimCues().passiveAuxiliaries.has(t.lower)) return true;
    if (t.pos !== "ADV" && t.pos !== "PART" && t.lower !== "not" && t.lower !== "n't") return false;
  }
  return false;
}

/**
 * True for a past participle that qualifies the noun after it ("recognise hidden bad loans", "the banned outfit"), not
 * what its clause asserts: tagged a verb, in a form ending in -ed or -en other than its lemma, with a noun or an
 * adjective after it, and before it a determiner, an adjective, a preposition or a verb that is no auxiliary (whose
 * object it then opens). "The review forced banks…" (after a noun) and "loans were hidden" (after "be") stay predicates.
 */
export function isAttributiveParticiple(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!t || t.pos !== "VERB" || !prev || !next || t.lower === t.lemma || !/(?:ed|en)$/.test(t.lower)) return false;
  if (next.pos !== "NOUN" && next.pos !== "ADJ" && next.pos !== "PROPN") return false;
  return prev.pos === "DET" || prev.pos === "ADJ" || prev.pos === "ADP" || (prev.pos === "VERB" && !claimCues().passiveAuxiliaries.has(prev.lower));
}

function isVerbal(t: Token): boolean {
  return t.isWord && (t.pos === "VERB" || t.pos === "AUX");
}

/** True when the modal at `i` is a hedge ("may", "could", "would" …) rather than an asserted refusal ("would not act"). */
function isHedgingModal(tokens: readonly Token[], i: number): boolean {
  const c = claimCues();
  const t = tokens[i] as Token;
  if (!t.isWord || !c.hedgingModals.has(t.lower)) return false;
  const next = tokens[i + 1];
  const isNegated = next?.lower === "not" || next?.lower === "n't";
  return !(isNegated && c.assertingWhenNegated.has(t.lower));
}

/**
 * For each token, whether it lies in a clause the writer does not assert, so that it can not
 * contradict a point by polarity (its words still match the point's terms):
 * - a condition or open question, from "if", "unless" or "whether" to the clause's end;
 * - what someone says, believes, expects or bets ("betting they would turn on them", "Kabul says
 *   it shelters no one"): from the report verb over the reported clause ("that" after the verb
 *   opens it rather than ending it);
 * - a hedged or hypothetical verb phrase after "may", "might", "could", "would", "should"
 *   ("could not" and "would not" assert an inability or a refusal and stay negations).
 * A report's or modal's scope ends at the clause's end or at a new verb after its own verb phrase
 * ("betting they would turn on them was a miscalculation": "was a miscalculation" is asserted).
 */
export function tokenHypothetical(tokens: readonly Token[]): readonly boolean[] {
  const hit = hypotheticalCache.get(tokens);
  if (hit) return hit;
  const out = readHypothetical(tokens);
  hypotheticalCache.set(tokens, out);
  return out;
}

/**
 * Where the clause a writer's own opinion introduces begins ("I think | the pump is off", "We believe
 * that | …"): the index after the opinion verb (and its "that") when the tokens open with a first-person
 * subject and an un-negated opinion verb, else -1. That clause is the writer's assertion.
 */
export function firstPersonOpinionEnd(tokens: readonly Token[]): number {
  const c = claimCues();
  const words = tokens.map((t, i) => ({ t, i })).filter((x) => x.t.isWord);
  const subject = words[0];
  if (!subject || !c.firstPersonSubjects.has(subject.t.lower)) return -1;
  // Up to one adverb or auxiliary between ("I really think", "we do believe").
  for (const verb of words.slice(1, 3)) {
    if (c.opinionVerbs.has(verb.t.lemma.toLowerCase()) && verb.t.pos === "VERB") {
      const between = tokens.slice(subject.i + 1, verb.i);
      if (between.some((x) => isNegationCue(x))) return -1;
      return tokens[verb.i + 1]?.lower === "that" ? verb.i + 2 : verb.i + 1;
    }
  }
  return -1;
}

/** Whether a sentence is a question by its word order: it opens with an auxiliary or a wh-word. */
export function isInterrogative(tokens: readonly Token[]): boolean {
  const first = tokens.find((t) => t.isWord);
  return !!first && claimCues().interrogativeOpeners.has(first.lower);
}

function readHypothetical(tokens: readonly Token[]): boolean[] {
  const c = claimCues();
  const out = new Array<boolean>(tokens.length).fill(false);
  /** "if": to the clause end; "scoped": a report or modal scope that a later verb also ends. */
  let open: "if" | "scoped" | null = null;
  let sawVerb = false;
  let gapAfterVerb = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.isWord && c.hypotheticalOpeners.has(t.lower)) {
      open = "if";
      continue;
    }
    const isReport = t.isWord && t.pos === "VERB" && c.reportVerbs.has(t.lemma);
    if (isReport || isHedgingModal(tokens, i)) {
      if (open !== "if") {
        open = "scoped";
        sawVerb = false;
        gapAfterVerb = false;
      }
      // "expected that Kabul would …": the "that" opens the reported clause.
      if (isReport && tokens[i + 1]?.lower === "that") i++;
      continue;
    }
    if (isBoundary(t) || (open === "scoped" && opensNewClause(tokens, i))) {
      open = null;
      continue;
    }
    if (open === "scoped") {
      if (isVerbal(t)) {
        if (sawVerb && gapAfterVerb) {
          open = null;
          continue;
        }
        sawVerb = true;
      } else if (sawVerb && t.isWord && t.pos !== "ADV" && t.pos !== "PART") gapAfterVerb = true;
    }
    if (open) out[i] = true;
  }
  return out;
}

export interface ClaimRoles {
  /** Matching key of the predicate the roles hang on. */
  predicateKey: string;
  /** Index of the predicate token. */
  predicateIndex: number;
  agents: Set<string>;
  targets: Set<string>;
}


/** Names (alias concepts, proper nouns) of a token list: their matching keys. */
function isName(t: Token): boolean {
  return !!t.concept || (t.pos === "PROPN" && t.isWord && !t.isStop);
}

/**
 * A name that takes part in the clause as a participant, not as a modifier of a common noun:
 * "Afghan refugees", "anti-Pakistan resentment" and "Chinese nationals" name the refugees, the
 * resentment and the nationals, so "Afghan", "Pakistan" and "Chinese" are neither agent nor target.
 */
function isParticipant(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!isName(t)) return false;
  const next = tokens[i + 1];
  const modifies = !!next && next.isWord && !next.isStop && !isName(next) && (next.pos === "NOUN" || next.pos === "ADJ") && next.start - t.end <= 1;
  return !modifies;
}

const PARTICIPLE = /(?:ed|en|wn|ung|ught|elt|ept|ade|eld|ilt|ent|ost|hit|put|set|cut|shot|struck|led|fed|met|held)$/;

/**
 * Agents and targets around the predicate at `predicateIndex`, within its clause: names before it
 * are agents, names after it targets. A passive ("were attacked by militants", "is sheltered by
 * Kabul") keeps the roles of the active claim: its subject is the target and only the names after
 * "by" are agents; a passive without "by" ("workers were attacked") names no agent.
 */
export function rolesAround(tokens: readonly Token[], predicateIndex: number): { agents: Set<string>; targets: Set<string> } {
  let from = predicateIndex;
  while (from > 0 && !isClauseEnd(tokens[from - 1] as Token)) from--;
  let to = predicateIndex;
  while (to + 1 < tokens.length && !isClauseEnd(tokens[to + 1] as Token)) to++;
  // A form of "be"/"get" before the participle, with at most adverbs between: a passive.
  let isPassive = false;
  if (PARTICIPLE.test(tokens[predicateIndex]?.lower ?? "")) {
    for (let i = predicateIndex - 1; i >= from && i >= predicateIndex - 4; i--) {
      const t = tokens[i] as Token;
      if (claimCues().passiveAuxiliaries.has(t.lower)) {
        isPassive = true;
        break;
      }
      if (t.pos !== "ADV" && t.pos !== "PART") break;
    }
  }
  let byAt = -1;
  if (isPassive) {
    for (let i = predicateIndex + 1; i <= to; i++) {
      if (tokens[i]?.lower === "by") {
        byAt = i;
        break;
      }
    }
  }
  const before = new Set<string>();
  const after = new Set<string>();
  const byAgents = new Set<string>();
  for (let i = from; i <= to; i++) {
    if (i === predicateIndex || !isParticipant(tokens, i)) continue;
    const key = (tokens[i] as Token).key;
    if (i < predicateIndex) before.add(key);
    else if (byAt >= 0 && i > byAt) byAgents.add(key);
    else after.add(key);
  }
  return isPassive ? { agents: byAgents, targets: before } : { agents: before, targets: after };
}

function isClauseEnd(t: Token): boolean {
  return (!t.isWord && /[;:.!?]/.test(t.text)) || (t.isWord && claimCues().clauseBoundaries.has(t.lower) && t.lower !== "that");
}

/**
 * The roles of a claim: its first main verb with a name on each side (outside parentheses and
 * hyphened compounds). Returns null when no verb has both an agent and a target (most claims,
 * whose roles cannot be swapped).
 */
export function claimRoles(tokens: readonly Token[]): ClaimRoles | null {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.text === "(") depth++;
    if (t.text === ")") depth = Math.max(0, depth - 1);
    if (t.pos !== "VERB" || t.isStop || !t.isWord) continue;
    // A verb in a parenthesis is an example's, and one hyphened to a name ("China-led") is a
    // modifier: neither is the claim's predicate.
    const prev = tokens[i - 1];
    if (depth > 0 || (prev?.text === "-" && prev.end === t.start)) continue;
    const { agents, targets } = rolesAround(tokens, i);
    if (agents.size && targets.size) return { predicateKey: t.key, predicateIndex: i, agents, targets };
  }
  return null;
}

/**
 * True when the answer's clause around `predicateIndex` swaps the point's roles: a point agent
 * stands as the target or a point target as the agent, and no point agent keeps its place. A name
 * on both sides of the answer's clause (an alias met twice: "Kabul" and "Afghan") tells nothing.
 */
export function isRoleSwap(point: { agents: ReadonlySet<string>; targets: ReadonlySet<string> }, tokens: readonly Token[], predicateIndex: number): boolean {
  const around = rolesAround(tokens, predicateIndex);
  const agents = new Set([...around.agents].filter((k) => !around.targets.has(k)));
  const targets = new Set([...around.targets].filter((k) => !around.agents.has(k)));
  const has = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((k) => b.has(k));
  if (has(point.agents, agents)) return false;
  return has(point.agents, targets) || has(point.targets, agents);
}

/**
 * The part a word plays in its clause: "agent" (what acts or causes), "target" (what is acted on
 * or caused), "source" and "goal" (where a change starts and ends: "from rice to millets").
 */
export type ArgumentSlot = "agent" | "target" | "source" | "goal";

export interface SlotReading {
  /** Per token: its slot, or null (the predicate, stop words, a clause without a predicate). */
  slots: Array<ArgumentSlot | null>;
  /** Per token: the index of its clause within the sentence. */
  clauses: number[];
  /**
   * Per token: the direction of change its clause gives it — 1 it grows ("tube wells multiplied",
   * "growing cities", what "replaced" something), -1 it shrinks ("falling water tables", what was
   * replaced, what is lowered), 0 none said. Negated and hypothetical clauses say none.
   */
  directions: Int8Array;
  /** True when the sentence insists on the direction of its claim ("…, not the other way round"). */
  assertsDirection: boolean;
}

interface ClauseContext {
  slots: Array<ArgumentSlot | null>;
  directions: Int8Array;
  negated: readonly boolean[];
  /** Not asserted: hypothetical, reported, or set aside ("rather than …"). */
  hypothetical: readonly boolean[];
  isPhrasing: (t: Token) => boolean;
}

/** Index of the token ending a phrase of `phrases` that starts at token `i` (words only), or -1. */
function phraseAt(tokens: readonly Token[], i: number, phrases: readonly string[][]): number {
  for (const seq of phrases) {
    let j = i;
    let k = 0;
    while (k < seq.length && j < tokens.length) {
      const t = tokens[j] as Token;
      if (!t.isWord) break;
      if (t.lower !== seq[k]) break;
      k++;
      j++;
    }
    if (k === seq.length) return j - 1;
  }
  return -1;
}

/** True when the tokens hold one of the phrases that insist on a claim's direction ("vice versa"). */
function hasReversalAssertion(tokens: readonly Token[]): boolean {
  const phrases = claimCues().reversalAssertions;
  return tokens.some((_, i) => phraseAt(tokens, i, phrases) >= 0);
}

/**
 * Per token: whether it stands where the writer asserts nothing — in a hypothetical or reported
 * clause (`tokenHypothetical`), or after "rather than" / "instead of" up to the clause's end
 * ("eroding rather than increasing leverage": the increase is set aside).
 */
function unassertedTokens(tokens: readonly Token[]): boolean[] {
  const out = [...tokenHypothetical(tokens)];
  const phrases = claimCues().contrastiveNegation;
  for (let i = 0; i < tokens.length; i++) {
    const end = phraseAt(tokens, i, phrases);
    if (end < 0) continue;
    let j = end + 1;
    for (; j < tokens.length && !isBoundary(tokens[j] as Token); j++) out[j] = true;
    i = j;
  }
  return out;
}

/**
 * True for a participle that modifies the noun after it ("falling water tables", "growing cities",
 * "free or heavily subsidised electricity": an adverb before it stays inside the noun phrase).
 */
function isModifyingParticiple(tokens: readonly Token[], i: number, from: number): boolean {
  const t = tokens[i] as Token;
  if (!/(?:ing|ed)$/.test(t.lower)) return false;
  const opens = (j: number) => {
    const prev = tokens[j - 1];
    return j === from || !prev || prev.pos === "DET" || prev.pos === "ADJ" || prev.pos === "ADP" || prev.pos === "CCONJ";
  };
  const next = tokens[i + 1];
  const opensPhrase = opens(i) || (i - 1 > from && tokens[i - 1]?.pos === "ADV" && opens(i - 1));
  return opensPhrase && !!next && (next.pos === "NOUN" || next.pos === "ADJ" || next.pos === "PROPN");
}

/**
 * True when the token at `i` ends the clause before it and opens the next: ";", ":", ".", "!", "?",
 * a dash between spaces (which ends a label: "Civilian casualties - strikes killed civilians"), a
 * subordinating or contrasting word ("but", "while", "which" …: `clauseBoundaries`), or an
 * "and"/"or" that opens a clause with its own subject. A comma does not: "X, Y and Z" is one clause.
 */
function startsClause(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!t.isWord) {
    if (/[;:.!?]/.test(t.text)) return true;
    // A dash between spaces ends a label ("Civilian casualties - strikes killed civilians").
    return /^[-–—]$/.test(t.text) && (tokens[i - 1]?.end ?? -1) < t.start && (tokens[i + 1]?.start ?? Infinity) > t.end;
  }
  return claimCues().clauseBoundaries.has(t.lower) || opensNewClause(tokens, i);
}

/**
 * Per token, the index of its clause within the sentence (0, 1, …), with the boundaries
 * `argumentSlots` reads: a boundary word or mark belongs to the clause it opens. "Rivalries fragment
 * cooperation; the statement shows shared concern" is two clauses, so that each is judged on its own
 * claim. An "and"/"or" opens a clause only after one with a verb of its own: "Support prices and
 * procurement of rice and wheat do not make paddy profitable" is one clause, whose subject is
 * coordinated.
 */
export function tokenClauses(tokens: readonly Token[]): number[] {
  const clauses = new Array<number>(tokens.length).fill(0);
  let clause = 0;
  let hasVerb = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const isCoordination = t.isWord && (t.lower === "and" || t.lower === "or");
    if (startsClause(tokens, i) && (!isCoordination || hasVerb)) {
      clause++;
      hasVerb = false;
    }
    if (isVerbal(t)) hasVerb = true;
    clauses[i] = clause;
  }
  return clauses;
}

/**
 * Who does what to whom, for every content word of a sentence, clause by clause (Fillmore's case
 * roles, read from word order as a dependency-free approximation): in a clause with a main verb,
 * words before it are agents and words after it targets; a passive ("aquifers are drained by
 * cities") keeps the active roles (its subject is the target, words after "by" the agents); a
 * causal inversion ("paddy is the result of scarcity", "pumping is driven by free power") makes
 * what stands before it the effect and what follows the cause; a noun after "from" is a source and
 * one after "towards"/"into" (or "to" after a source) a goal. Clauses end at ";", ":", ".", a
 * subordinating or relative word, or an "and"/"or" that opens a clause with its own subject. A
 * clause with no main verb (a copula: "maize is a thirsty crop") gives no agents or targets.
 * `isPhrasing` marks words that frame rather than assert ("Explains", "Suggests" in a rubric).
 */
export function argumentSlots(tokens: readonly Token[], isPhrasing: (t: Token) => boolean = () => false): SlotReading {
  const slots = new Array<ArgumentSlot | null>(tokens.length).fill(null);
  const clauses = new Array<number>(tokens.length).fill(0);
  const ctx: ClauseContext = { slots, directions: new Int8Array(tokens.length), negated: tokenPolarity(tokens), hypothetical: unassertedTokens(tokens), isPhrasing };
  let clause = 0;
  let from = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (t && !startsClause(tokens, i)) {
      clauses[i] = clause;
      continue;
    }
    if (i > from) readClause(tokens, from, i - 1, ctx);
    if (t) clauses[i] = clause + 1;
    clause++;
    from = i + 1;
  }
  return { slots, clauses, directions: ctx.directions, assertsDirection: hasReversalAssertion(tokens) };
}

/** Direction of change a verb of rising (1) or falling (-1) gives its subject; 0 for other verbs. */
function intransitiveDirection(t: Token): number {
  const c = claimCues();
  return c.riseVerbs.has(t.lemma) ? 1 : c.fallVerbs.has(t.lemma) ? -1 : 0;
}

/**
 * "falling water tables", "growing cities": a participle of rising or falling before its noun gives
 * the noun phrase that direction.
 */
function readModifyingParticiples(tokens: readonly Token[], from: number, to: number, ctx: ClauseContext): void {
  for (let i = from; i <= to; i++) {
    const t = tokens[i] as Token;
    const d = intransitiveDirection(t);
    if (!d || ctx.negated[i] || ctx.hypothetical[i] || !isModifyingParticiple(tokens, i, from)) continue;
    for (let j = i + 1; j <= to; j++) {
      const u = tokens[j] as Token;
      if (u.pos !== "NOUN" && u.pos !== "PROPN" && u.pos !== "ADJ") break;
      if (u.isWord && !u.isStop) ctx.directions[j] = d;
    }
  }
}

/**
 * The direction of change the clause's main verb gives its participants: a verb of replacing makes
 * its agent grow and its target shrink; a verb of raising or lowering acts on its targets; a verb
 * of rising or falling without a target speaks of its agents. A negated or hypothetical verb says
 * nothing ("canals did not replace tube wells" does not say that tube wells grew).
 */
function readDirections(tokens: readonly Token[], from: number, to: number, predicate: number, ctx: ClauseContext): void {
  const c = claimCues();
  const p = tokens[predicate] as Token;
  if (ctx.negated[predicate] || ctx.hypothetical[predicate]) return;
  let hasTarget = false;
  for (let i = from; i <= to; i++) if (ctx.slots[i] === "target") hasTarget = true;
  const give = (slot: ArgumentSlot, d: number) => {
    for (let i = from; i <= to; i++) if (ctx.slots[i] === slot && ctx.directions[i] === 0 && !ctx.hypothetical[i]) ctx.directions[i] = d;
  };
  if (c.replaceVerbs.has(p.lemma)) {
    give("agent", 1);
    give("target", -1);
  } else if (hasTarget && (c.raiseVerbs.has(p.lemma) || c.lowerVerbs.has(p.lemma))) {
    give("target", c.raiseVerbs.has(p.lemma) ? 1 : -1);
  } else if (!hasTarget && intransitiveDirection(p)) {
    give("agent", intransitiveDirection(p));
  }
}

function readClause(tokens: readonly Token[], from: number, to: number, ctx: ClauseContext): void {
  const c = claimCues();
  const { slots, isPhrasing } = ctx;
  const isContent = (t: Token) => t.isWord && !t.isStop;
  readModifyingParticiples(tokens, from, to, ctx);
  // Source and goal phrases: from a marker to the next preposition, verb or clause end.
  let hasSource = false;
  for (let i = from; i <= to; i++) if (c.sourceMarkers.has((tokens[i] as Token).lower)) hasSource = true;
  let phrase: ArgumentSlot | null = null;
  const inPhrase = new Array<boolean>(to - from + 1).fill(false);
  for (let i = from; i <= to; i++) {
    const t = tokens[i] as Token;
    if (c.sourceMarkers.has(t.lower)) {
      phrase = "source";
      continue;
    }
    const isGoalMarker = c.goalMarkers.has(t.lower) && t.pos === "ADP" && (t.lower !== "to" || hasSource);
    if (isGoalMarker) {
      phrase = "goal";
      continue;
    }
    if (phrase && (t.pos === "ADP" || t.pos === "VERB" || t.pos === "PART")) phrase = null;
    if (phrase && isContent(t)) {
      slots[i] = phrase;
      inPhrase[i - from] = true;
    }
  }
  // A causal inversion: effect before it, cause after it.
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    const seconds = c.inverseCausal.get(t.lower) ?? c.inverseCausal.get(t.lemma);
    if (seconds?.has((tokens[i + 1] as Token).lower)) {
      // A verb after the cause starts what the cause does ("deaths caused by strikes fuel anger
      // and undermine trust": the trust is acted on).
      let afterVerb = false;
      for (let j = from; j <= to; j++) {
        const u = tokens[j] as Token;
        if (j > i + 1 && u.pos === "VERB" && !u.isStop) afterVerb = true;
        if (inPhrase[j - from] || j === i || j === i + 1 || !isContent(u) || isPhrasing(u)) continue;
        slots[j] = j < i || afterVerb ? "target" : "agent";
      }
      return;
    }
  }
  let depth = 0;
  let predicate = -1;
  for (let i = from; i <= to; i++) {
    const t = tokens[i] as Token;
    if (t.text === "(") depth++;
    if (t.text === ")") depth = Math.max(0, depth - 1);
    if (t.pos !== "VERB" || t.isStop || !t.isWord || depth > 0 || isPhrasing(t)) continue;
    const prev = tokens[i - 1];
    if (prev?.text === "-" && prev.end === t.start) continue;
    if (isModifyingParticiple(tokens, i, from)) continue;
    predicate = i;
    break;
  }
  // The tagger reads a bare plural-subject verb as a noun ("meadows smother the silt"): a noun
  // between a noun and a determiner is the verb.
  for (let i = from + 1; predicate < 0 && i < to; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1] as Token;
    if (t.pos === "NOUN" && (prev.pos === "NOUN" || prev.pos === "PROPN") && tokens[i + 1]?.pos === "DET") predicate = i;
  }
  if (predicate < 0) return;
  let isPassive = false;
  if (PARTICIPLE.test((tokens[predicate] as Token).lower)) {
    for (let i = predicate - 1; i >= from && i >= predicate - 4; i--) {
      const t = tokens[i] as Token;
      if (c.passiveAuxiliaries.has(t.lower)) {
        isPassive = true;
        break;
      }
      if (t.pos !== "ADV" && t.pos !== "PART") break;
    }
  }
  let byAt = -1;
  if (isPassive) for (let i = predicate + 1; i <= to && byAt < 0; i++) if ((tokens[i] as Token).lower === "by") byAt = i;
  // A verb of leaving: its object is where a change starts, a "for" after it where it ends
  // ("farmers abandon maize for paddy").
  const leaves = c.leaveVerbs.has((tokens[predicate] as Token).lemma);
  let forAt = -1;
  if (leaves) for (let i = predicate + 1; i <= to && forAt < 0; i++) if ((tokens[i] as Token).lower === "for") forAt = i;
  for (let i = from; i <= to; i++) {
    const t = tokens[i] as Token;
    if (i === predicate || inPhrase[i - from] || !isContent(t) || isPhrasing(t)) continue;
    if (forAt >= 0 && i > forAt && (byAt < 0 || i < byAt)) slots[i] = "goal";
    else if (!isPassive) slots[i] = i < predicate ? "agent" : leaves ? "source" : "target";
    else if (i < predicate) slots[i] = leaves ? "source" : "target";
    else if (byAt >= 0 && i > byAt) slots[i] = "agent";
  }
  readDirections(tokens, from, to, predicate, ctx);
}

/** A point's words by slot: matching keys of its agents, targets, sources and goals. */
export type SlotKeys = Record<ArgumentSlot, ReadonlySet<string>>;

/**
 * True when a clause of an answer reverses who does what to whom in a point. `found` lists, for
 * the point's words the clause matches, the slot the point gives the word and the slot the clause
 * gives it. A reversal needs evidence on both sides — a point agent that acts on nothing in the
 * clause but is acted on, and a point target that acts — with no agent kept in place and fewer
 * targets kept than words moved ("cities drain
 * aquifers" against "aquifers drain the cities"); or a change that runs the other way (a point's
 * source as the clause's goal or its goal as the source, none kept: "from maize to paddy" against
 * "away from paddy towards maize"). One word in another place proves nothing: paraphrase moves
 * words ("farmers get free power and pump" for "free power lets farmers pump").
 */
export function isSlotReversal(found: ReadonlyArray<{ point: ArgumentSlot; answer: ArgumentSlot }>, assertsDirection = false): boolean {
  let agentKept = 0;
  let agentMoved = 0;
  let targetKept = 0;
  let targetMoved = 0;
  let directionKept = 0;
  let directionReversed = 0;
  for (const { point, answer } of found) {
    if (point === "agent" && answer === "agent") agentKept++;
    if (point === "agent" && answer === "target") agentMoved++;
    if (point === "target" && answer === "target") targetKept++;
    if (point === "target" && answer === "agent") targetMoved++;
    if ((point === "source" || point === "goal") && answer === point) directionKept++;
    if ((point === "source" && answer === "goal") || (point === "goal" && answer === "source")) directionReversed++;
  }
  const rolesReversed = agentMoved > 0 && targetMoved > 0 && agentKept === 0 && targetKept < agentMoved + targetMoved;
  // A writer who insists on the direction ("A led to B, not the other way round") and makes the
  // point's cause an effect asserts the reverse, even when the point's effect is not named as cause.
  const insistedReversal = assertsDirection && agentMoved > 0 && agentKept === 0;
  return rolesReversed || insistedReversal || (directionReversed > 0 && directionKept === 0);
}

/**
 * True when an answer's clause says that what the point has growing shrinks, or the reverse
 * ("canal irrigation replaced tube wells" against "tube wells multiplied while canal irrigation
 * stagnated"): `found` pairs, for the point's words the clause matches, the direction of change
 * the point gives the word and the one the clause gives it (1 grows, -1 shrinks). One word moving
 * the other way with none kept is a reversal; a clause that keeps any direction is not.
 */
export function isChangeReversal(found: ReadonlyArray<{ point: number; answer: number }>): boolean {
  let kept = 0;
  let reversed = 0;
  for (const { point, answer } of found) {
    if (!point || !answer) continue;
    if (point === answer) kept++;
    else reversed++;
  }
  return reversed > 0 && kept === 0;
}

/**
 * The tight clause around the word at `i`, as [first, last] token indices: it stops before any
 * punctuation (a comma too), a conjunction ("and", "nor", "because"), a subordinating or relative
 * word (`clauseBoundaries`) and another verb. "The switch is separated from the battery, and bulb A is
 * connected" gives "separated" the words "The switch is separated from the battery"; "Unlike bulb A,
 * bulb B is separated" gives it "bulb B is separated".
 */
export function tightClause(tokens: readonly Token[], i: number): [number, number] {
  const breaks = (k: number) => {
    const t = tokens[k] as Token;
    if (!t.isWord) return !/^['’]$/.test(t.text);
    return t.pos === "CCONJ" || t.pos === "SCONJ" || claimCues().clauseBoundaries.has(t.lower) || (k !== i && t.pos === "VERB");
  };
  let first = i;
  while (first > 0 && !breaks(first - 1)) first--;
  let last = i;
  while (last < tokens.length - 1 && !breaks(last + 1)) last++;
  return [first, last];
}

/**
 * The keys of the subject of the word at `i` in its tight clause (`tightClause`): the words before
 * it, without auxiliaries, adverbs, negations and articles ("The pump is not connected" → "pump";
 * "Bulb A is separated" → "bulb", "a": a letter after a noun is a label, not an article).
 */
export function subjectKeys(tokens: readonly Token[], i: number): string[] {
  const [first] = tightClause(tokens, i);
  const out: string[] = [];
  for (let k = first; k < i; k++) {
    const t = tokens[k] as Token;
    if (!t.isWord || t.pos === "AUX" || t.pos === "PART" || t.pos === "ADV" || isNegationCue(t, tokens[k + 1])) continue;
    const prev = tokens[k - 1];
    const isArticle = (t.lower === "the" || t.lower === "a" || t.lower === "an") && !(k > first && prev && (prev.pos === "NOUN" || prev.pos === "PROPN"));
    if (!isArticle) out.push(t.key);
  }
  return out;
}

/**
 * Whether a negation outside the tight clause of the word at `i` frames it: "it is not true that the
 * pump is separated", "neither the pump nor the hose is separated". A comma, a stop or a subordinating
 * word other than "that" ("not lit because it is separated") ends the frame.
 */
export function isFramedByNegation(tokens: readonly Token[], i: number): boolean {
  const [first] = tightClause(tokens, i);
  for (let k = first - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (isNegationCue(t, tokens[k + 1])) return true;
    if (!t.isWord) {
      if (/[,;:.!?()]/.test(t.text)) return false;
      continue;
    }
    if ((t.pos === "SCONJ" || claimCues().clauseBoundaries.has(t.lower)) && t.lower !== "that") return false;
  }
  return false;
}
