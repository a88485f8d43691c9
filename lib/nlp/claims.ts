import type { Token } from "./analyze";

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
 * clause. Cues (after Morante & Daelemans 2009's cue list, reduced to what student answers use):
 * "not", "n't", "never", "no", "none", "nor", "neither", "without", "hardly", "barely", "cannot",
 * "no longer", "fail(ed) to", "refuse(d) to", "unable to", "lack of", "far from", "deny/denied".
 * A cue negates the content tokens that follow it up to a clause boundary (punctuation or a
 * subordinating / contrasting conjunction). Two cues in one clause cancel ("not unable to").
 */

const SIMPLE_CUES = new Set(["not", "n't", "never", "no", "none", "nor", "neither", "without", "hardly", "barely", "cannot", "nobody", "nothing", "nowhere"]);
/** Verbs that negate the infinitive after them: "failed to curb", "refused to act". */
const INFINITIVE_CUES = new Set(["fail", "refuse", "decline", "neglect"]);
/**
 * "unable to", "lack of", "far from", "deny(ing)", and the verbs and adjectives whose object or
 * infinitive does not happen ("suspicion prevents intelligence-sharing" = "there is no
 * intelligence-sharing"; "unwilling to act" = "not ready to act").
 */
const NEXT_WORD_CUES = new Set(["unable", "lack", "deny", "absence", "prevent", "unwilling", "reluctant", "preclude"]);
/** Words that open a hypothetical clause: what it says is neither asserted nor denied ("if they act, …"). */
const HYPOTHETICAL_CUES = new Set(["if", "unless", "whether"]);
const BOUNDARY_WORDS = new Set(["but", "while", "whereas", "although", "though", "because", "since", "so", "which", "who", "whom", "whose", "that", "yet", "however", "when", "where", "if", "unless"]);

/** True for a token that ends a clause for negation purposes. */
function isBoundary(t: Token): boolean {
  if (!t.isWord) return /[,;:.!?()]|->|→/.test(t.text);
  return BOUNDARY_WORDS.has(t.lower);
}

/** True when the token itself is a negation cue (its own polarity is not "negated"). */
export function isNegationCue(t: Token, next?: Token): boolean {
  if (SIMPLE_CUES.has(t.lower) || SIMPLE_CUES.has(t.lemma)) return true;
  if (INFINITIVE_CUES.has(t.lemma) && next?.lower === "to") return true;
  if (NEXT_WORD_CUES.has(t.lemma)) return true;
  if (t.lower === "far" && next?.lower === "from") return true;
  return false;
}

/**
 * For each token, whether it lies inside an odd number of negation scopes within its clause.
 * Stop words, punctuation and the cues themselves come back false.
 */
export function tokenPolarity(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let open = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isBoundary(t)) {
      open = 0;
      continue;
    }
    if (isNegationCue(t, tokens[i + 1])) {
      // "not only … but also" adds to the claim rather than negating it.
      const next = tokens[i + 1];
      if (t.lower === "not" && next?.lower === "only") continue;
      open++;
      continue;
    }
    if (open % 2 === 1 && t.isWord && !t.isStop) out[i] = true;
  }
  return out;
}

/**
 * For each token, whether it lies in a hypothetical clause ("if they act against the TTP, …"):
 * from "if", "unless" or "whether" to the clause's end. Such a clause asserts nothing, so it can
 * not contradict a point by polarity (its words still match the point's terms).
 */
export function tokenHypothetical(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.isWord && HYPOTHETICAL_CUES.has(t.lower)) {
      open = true;
      continue;
    }
    if (isBoundary(t)) open = false;
    else if (open) out[i] = true;
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

const BE_FORMS = new Set(["be", "is", "are", "was", "were", "been", "being", "get", "got"]);

/** Names (alias concepts, proper nouns) of a token list: their matching keys. */
function isName(t: Token): boolean {
  return !!t.concept || (t.pos === "PROPN" && t.isWord && !t.isStop);
}

/**
 * Agents and targets around the predicate at `predicateIndex`, within its clause: names before it
 * are agents, names after it targets; a passive ("is sheltered by", "were expelled by") swaps them.
 */
export function rolesAround(tokens: readonly Token[], predicateIndex: number): { agents: Set<string>; targets: Set<string> } {
  let from = predicateIndex;
  while (from > 0 && !isClauseEnd(tokens[from - 1] as Token)) from--;
  let to = predicateIndex;
  while (to + 1 < tokens.length && !isClauseEnd(tokens[to + 1] as Token)) to++;
  const before = new Set<string>();
  const after = new Set<string>();
  for (let i = from; i <= to; i++) {
    const t = tokens[i] as Token;
    if (i === predicateIndex || !isName(t)) continue;
    (i < predicateIndex ? before : after).add(t.key);
  }
  const prev = tokens[predicateIndex - 1];
  const prev2 = tokens[predicateIndex - 2];
  const isPassive =
    (BE_FORMS.has(prev?.lower ?? "") || BE_FORMS.has(prev2?.lower ?? "")) &&
    tokens.slice(predicateIndex + 1, predicateIndex + 5).some((t) => t.lower === "by") &&
    /(?:ed|en|wn|ung|ught|elt|ept)$/.test(tokens[predicateIndex]?.lower ?? "");
  return isPassive ? { agents: after, targets: before } : { agents: before, targets: after };
}

function isClauseEnd(t: Token): boolean {
  return (!t.isWord && /[;:.!?]/.test(t.text)) || (t.isWord && BOUNDARY_WORDS.has(t.lower) && t.lower !== "that");
}

/**
 * The roles of a claim: its first main verb with a name on each side. Returns null when no verb
 * has both an agent and a target (most claims, whose roles cannot be swapped).
 */
export function claimRoles(tokens: readonly Token[]): ClaimRoles | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.pos !== "VERB" || t.isStop || !t.isWord) continue;
    const { agents, targets } = rolesAround(tokens, i);
    if (agents.size && targets.size) return { predicateKey: t.key, predicateIndex: i, agents, targets };
  }
  return null;
}

/**
 * True when the answer's clause around `predicateIndex` swaps the point's roles: a point agent
 * stands as the target or a point target as the agent, and the point's own arrangement is absent.
 */
export function isRoleSwap(point: { agents: ReadonlySet<string>; targets: ReadonlySet<string> }, tokens: readonly Token[], predicateIndex: number): boolean {
  const { agents, targets } = rolesAround(tokens, predicateIndex);
  const has = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((k) => b.has(k));
  const kept = has(point.agents, agents) && has(point.targets, targets);
  if (kept) return false;
  return has(point.agents, targets) || has(point.targets, agents);
}
