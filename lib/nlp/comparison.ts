import type { Token } from "./analyze";

/**
 * A comparison a clause makes: "the black pan absorbs more sunlight than the white pan" compares the
 * black pan (left) with the white pan (right) in the direction +1. "A does not absorb as much as B"
 * is the converse of "B absorbs more than A": left and right swapped, direction −1.
 */
export interface Comparison {
  /** Content keys of the compared thing before the comparative, less the words both sides share. */
  left: string[];
  /** Content keys of the thing after "than" or the second "as", less the words both sides share. */
  right: string[];
  /** +1 "more … than", −1 "less/fewer … than" or a negated "as … as" or "more"; 0 "as … as". */
  direction: number;
  /**
   * Lemmas of what is compared: the clause's content verbs before "than" or the second "as", and an
   * adjective or adverb inside the comparative ("absorbs more", "conducts heat more quickly").
   */
  predicate: string[];
}

const MORE = new Set(["more", "greater"]);
const LESS = new Set(["less", "fewer"]);
/** How far (in tokens) "than" or the second "as" may stand from the comparative. */
const MAX_SPAN = 8;
const ENTITY_POS = new Set(["NOUN", "PROPN", "ADJ"]);
/** "as well as", "as soon as", "as long as", "as far as" join or time things; they compare nothing. */
const AS_IDIOMS = new Set(["well", "soon", "long", "far"]);
/** Degree words of "as much as" that name no predicate. */
const DEGREE = new Set(["much", "many", "more", "less", "fewer", "greater"]);

function isClauseBreak(t: Token): boolean {
  return (!t.isWord && /[,;:.!?]/.test(t.text)) || t.pos === "SCONJ" || t.pos === "CCONJ" || t.lower === "so";
}

/**
 * The first comparison of the tokens (a sentence or clause), with its direction after the clause's
 * negation (a negating word before the comparative, or `negated`, per token, as `tokenPolarity` gives
 * it); null when there is none or a side is empty.
 */
export function readComparison(tokens: readonly Token[], negated: readonly boolean[] = []): Comparison | null {
  for (let m = 0; m < tokens.length; m++) {
    const t = tokens[m];
    if (!t) continue;
    let base: number | null = null;
    let k = -1;
    for (let j = m + 1; j < tokens.length && j <= m + MAX_SPAN; j++) {
      const u = tokens[j];
      if (!u || isClauseBreak(u)) break;
      if ((MORE.has(t.lower) || LESS.has(t.lower)) && u.lower === "than") {
        base = MORE.has(t.lower) ? 1 : -1;
        k = j;
        break;
      }
      if (t.lower === "as" && u.lower === "as" && j > m + 1 && !(j === m + 2 && AS_IDIOMS.has(tokens[m + 1]?.lower ?? ""))) {
        base = 0;
        k = j;
        break;
      }
    }
    if (base === null) continue;
    let from = m;
    while (from > 0 && !isClauseBreak(tokens[from - 1] as Token)) from--;
    let to = k + 1;
    while (to < tokens.length && !isClauseBreak(tokens[to] as Token)) to++;
    const side = (a: number, b: number) =>
      tokens.slice(a, b).filter((x) => x.isWord && !x.isStop && ENTITY_POS.has(x.pos)).map((x) => x.key);
    const left = side(from, m);
    const right = side(k + 1, to);
    const distinctLeft = left.filter((x) => !right.includes(x));
    const distinctRight = right.filter((x) => !left.includes(x));
    if (!distinctLeft.length || !distinctRight.length) return null;
    // The comparative is negated when its clause's negation comes before it ("does not absorb as much
    // as"); a stop word such as "as" carries no polarity of its own.
    // "not only"/"not just" adds to what it says; it negates nothing.
    const clause = tokens.slice(from, m);
    const isFocus = (i: number) => ["only", "just"].includes(clause[i + 1]?.lower ?? "");
    const nots = clause.map((x, i) => (x.key === "not" ? i : -1)).filter((i) => i >= 0);
    const realNot = nots.some((i) => !isFocus(i));
    const isNegated = realNot || (nots.length === 0 && (negated[m] ?? false));
    const direction = isNegated ? (base === -1 ? 1 : -1) : base;
    // The compared word inside the comparative: an adverb ("more quickly"), or, in a clause without a
    // content verb, an adjective ("is more dense than"); not the object of a verb ("absorbs more light").
    const verbs = clause.filter((x) => x.isWord && !x.isStop && x.pos === "VERB");
    const inner = tokens
      .slice(m + 1, k)
      .filter((x) => x.isWord && !DEGREE.has(x.lower) && (x.pos === "ADV" || (x.pos === "ADJ" && !verbs.length)));
    const predicate = [...verbs, ...inner].map((x) => x.lemma.toLowerCase());
    return { left: distinctLeft, right: distinctRight, direction, predicate: [...new Set(predicate)] };
  }
  return null;
}

/**
 * Whether a comparison says what another says: +1 when it compares the same things in the same
 * order and direction, or in the opposite order and the opposite direction ("the white pan does not
 * absorb as much as the black pan" = "the black pan absorbs more than the white pan"); −1 when it
 * says the opposite; 0 when the sides do not correspond.
 */
export function comparisonAgreement(reference: Comparison, other: Comparison): -1 | 0 | 1 {
  const meets = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
  const same = meets(other.left, reference.left) && meets(other.right, reference.right);
  const swapped = meets(other.left, reference.right) && meets(other.right, reference.left);
  if (same === swapped) return 0;
  const expected = same ? reference.direction : -reference.direction;
  return other.direction === expected ? 1 : -1;
}

/**
 * Whether two comparisons compare by the same predicate: the reference names one, and each of its
 * words is among the other's ("absorbs more" and "does not absorb as much"; not "reflects more", nor
 * "conducts more slowly" for "conducts more quickly").
 */
export function samePredicate(reference: Comparison, other: Comparison): boolean {
  return reference.predicate.length > 0 && reference.predicate.every((x) => other.predicate.includes(x));
}
