import { z } from "zod";
import type { Token } from "@/lib/nlp";
import comparativesData from "./data/comparatives.json";

/**
 * What a comparison claims, read strictly enough to judge an answer by: "the copper rod carries more
 * heat than the glass rod" puts copper above glass on "carry … heat". Antonyms and converses are
 * normalised onto one scale with a direction: "glass conducts heat more slowly than copper" and
 * "copper conducts heat more quickly than glass" are the same claim; "Earth is smaller than Jupiter"
 * is "Jupiter is bigger than Earth". Anything the reader is not sure of (no verb before the
 * comparative, a negation other than "not as … as", a hedge or condition, a number or a pronoun for a
 * side, "twice as much as", a plain "as … as") reads as no comparison. The cue words and antonym
 * scales are data (`data/comparatives.json`).
 */
export interface ComparisonClaim {
  /** The thing placed higher on the scale. */
  greater: ComparedThing;
  /** The thing placed lower. */
  lesser: ComparedThing;
  /** The scale: "amount" for "more/less/fewer (noun)", else the canonical word ("big" for "smaller"). */
  scale: string;
  /** Lemmas of the clause's content verbs before the comparative ("carry", "conduct"); empty for a copula. */
  verbs: string[];
  /**
   * Content keys of what is compared between the verb and "than", its modifiers included ("heat" in
   * "carries more heat than", "direct", "tax", "share" in "has a higher direct tax share than").
   */
  nouns: string[];
  /** Its first verb is in a past tense ("had", "was", "recorded"): it may tell of another time. */
  past: boolean;
}

/** One side of a comparison: a plain noun phrase ("the tin cup"), no qualifier after its head. */
interface ComparedThing {
  /** Content keys of its words, the words both sides share included ("tin", "cup"). */
  keys: string[];
  /** Its head noun's key ("cup"), or a label after it ("b" in "bulb B"). */
  head: string;
}

const dataSchema = z.object({
  more: z.array(z.string().min(1)).min(1),
  less: z.array(z.string().min(1)).min(1),
  irregular: z.record(z.string(), z.string()),
  scales: z.array(z.object({ up: z.array(z.string().min(1)).min(1), down: z.array(z.string().min(1)) })).min(1),
  hedges: z.array(z.string().min(1)),
  multipliers: z.array(z.string().min(1)),
  negations: z.array(z.string().min(1)),
  focus: z.array(z.string().min(1)),
  intensifiers: z.array(z.string().min(1)),
  particles: z.array(z.string().min(1)),
  asIdioms: z.array(z.string().min(1)),
  asDegree: z.array(z.string().min(1)),
  agents: z.array(z.string().min(1)),
  qualifiers: z.array(z.string().min(1)),
  leads: z.array(z.string().min(1)),
  clauseBreaks: z.array(z.string().min(1)),
  modals: z.array(z.string().min(1)),
  timeWords: z.array(z.string().min(1)),
  degree: z.array(z.string().min(1)),
  pastForms: z.array(z.string().min(1)),
  contextCues: z.array(z.string().min(1)),
});

interface Lexicon {
  more: Set<string>;
  less: Set<string>;
  irregular: Map<string, string>;
  /** Word → canonical scale word and its sign on that scale ("slow" → ["fast", −1]). */
  scale: Map<string, [string, number]>;
  hedges: Set<string>;
  multipliers: Set<string>;
  negations: Set<string>;
  focus: Set<string>;
  intensifiers: Set<string>;
  /** Particles of a phrasal verb ("heat up"): a word before one is a verb the tagger may read as a noun. */
  particles: Set<string>;
  /** Words after "as" that make an idiom, not an equality ("as well as", "as such"). */
  asIdioms: Set<string>;
  /** Degree words of "as much as": an amount, not a scale word. */
  asDegree: Set<string>;
  /** Words that bring in a passive's agent ("by"): the sides are not where they are read. */
  agents: Set<string>;
  /** Words after a comparison in its sentence that may restrict it ("but only", "per kilogram"). */
  qualifiers: Set<string>;
  /** Connectives that may stand before a comparison's clause in its sentence ("so", "because"). */
  leads: Set<string>;
  /** Words that open another clause ("so", "that", "which"). */
  clauseBreaks: Set<string>;
  /** Modal verbs ("can", "will"): a comparison under one is a possibility, not a fact. */
  modals: Set<string>;
  /** Words of time or frequency ("sometimes", "soon", "once"): the comparison holds at some times only. */
  timeWords: Set<string>;
  /** Adverbs of degree that may stand before a comparative without changing its claim ("much", "far"). */
  degree: Set<string>;
  /** Past forms of auxiliaries ("was", "had"); a verb in "-ed" is past too. */
  pastForms: Set<string>;
  /** Cues in a neighbouring sentence that may qualify a comparison, as word sequences ("not so", "in <year>"). */
  contextCues: string[][];
}

let lexicon: Lexicon | null = null;
function lex(): Lexicon {
  if (lexicon) return lexicon;
  const d = dataSchema.parse(comparativesData);
  const scale = new Map<string, [string, number]>();
  for (const s of d.scales) {
    const name = s.up[0] as string;
    for (const w of s.up) scale.set(w, [name, 1]);
    for (const w of s.down) scale.set(w, [name, -1]);
  }
  lexicon = {
    more: new Set(d.more),
    less: new Set(d.less),
    irregular: new Map(Object.entries(d.irregular)),
    scale,
    hedges: new Set(d.hedges),
    multipliers: new Set(d.multipliers),
    negations: new Set(d.negations),
    focus: new Set(d.focus),
    intensifiers: new Set(d.intensifiers),
    particles: new Set(d.particles),
    asIdioms: new Set(d.asIdioms),
    asDegree: new Set(d.asDegree),
    agents: new Set(d.agents),
    qualifiers: new Set(d.qualifiers),
    leads: new Set(d.leads),
    clauseBreaks: new Set(d.clauseBreaks),
    modals: new Set(d.modals),
    timeWords: new Set(d.timeWords),
    degree: new Set(d.degree),
    pastForms: new Set(d.pastForms),
    contextCues: d.contextCues.map((c) => c.toLowerCase().split(/\s+/)),
  };
  return lexicon;
}

/** The scale word of an "-er" comparative listed in the data ("bigger" → "big", "heavier" → "heavy"). */
function erBase(word: string): string | null {
  const L = lex();
  const irregular = L.irregular.get(word);
  if (irregular) return irregular;
  if (!word.endsWith("er") || word.length < 4) return null;
  const stem = word.slice(0, -2);
  const candidates = [stem, word.slice(0, -1), stem.endsWith("i") ? `${stem.slice(0, -1)}y` : "", /(.)\1$/.test(stem) ? stem.slice(0, -1) : ""];
  return candidates.find((c) => c && L.scale.has(c)) ?? null;
}

/** The scale word of an adverb in "-ly" or an adjective after "more"/"less" ("slowly" → "slow"). */
function plainBase(token: Token): string {
  const w = token.lower;
  const L = lex();
  if (L.scale.has(w)) return w;
  if (w.endsWith("ily") && L.scale.has(`${w.slice(0, -3)}y`)) return `${w.slice(0, -3)}y`;
  if (w.endsWith("ly") && L.scale.has(w.slice(0, -2))) return w.slice(0, -2);
  const er = erBase(w); // "more faster", "more heavier"
  if (er) return er;
  return token.lemma.toLowerCase();
}

function scaleOf(word: string): [string, number] {
  return lex().scale.get(word) ?? [word, 1];
}

function isBreak(t: Token): boolean {
  return (!t.isWord && /[,;:.!?()"“”\-–—]/.test(t.text)) || t.pos === "SCONJ" || t.pos === "CCONJ" || lex().clauseBreaks.has(t.lower);
}

const SIDE_POS = new Set(["NOUN", "PROPN", "ADJ"]);
const NOUN_POS = new Set(["NOUN", "PROPN"]);
/** The most words read as the subject before the verb ("pots with copper bottoms and lids"). */
const MAX_SUBJECT = 7;
/** How far "than" or the second "as" may stand from the comparative word. */
const MAX_SPAN = 4;

function isSentenceEnd(x: Token | undefined): boolean {
  return !!x && !x.isWord && /[.!?]/.test(x.text);
}

/** Where each token's sentence starts and ends (the index of its closing mark, or the text's length). */
interface Sentences {
  start: Int32Array;
  end: Int32Array;
}

function sentencesOf(tokens: readonly Token[]): Sentences {
  const n = tokens.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  for (let i = 0, s = 0; i < n; i++) {
    start[i] = s;
    if (isSentenceEnd(tokens[i])) s = i + 1;
  }
  for (let i = n - 1, e = n; i >= 0; i--) {
    if (isSentenceEnd(tokens[i])) e = i;
    end[i] = e;
  }
  return { start, end };
}

/**
 * Whether the sentence of the comparison at `m` hedges, conditions, restricts or denies it: a question,
 * a hedge before it ("if", "may"), or after it a hedge, qualifier or negation ("…, but only over short
 * distances", "…, per kilogram", "…, if it is thin", "…, not the other way round", "… is wrong").
 */
function isSentenceHedged(tokens: readonly Token[], m: number, sentences: Sentences): boolean {
  const L = lex();
  const s = sentences.start[m] ?? 0;
  const e = sentences.end[m] ?? tokens.length;
  if (tokens[e]?.text === "?") return true;
  for (let i = s; i < m; i++) if (L.hedges.has((tokens[i] as Token).lower)) return true;
  for (let i = m + 1; i < e; i++) {
    const w = (tokens[i] as Token).lower;
    if (L.hedges.has(w) || L.qualifiers.has(w) || L.negations.has(w)) return true;
  }
  return false;
}

/** One comparison read at `m` (the comparative word), or null when the reading is not sure. */
function readAt(tokens: readonly Token[], m: number, sentences: Sentences): ComparisonClaim | null | undefined {
  const L = lex();
  const t = tokens[m] as Token;
  // The comparative: "more/less (adj|adv)? (nouns)? than", "-er (nouns)? than", "not … as (adj|adv|much|many) (nouns)? as".
  let sign = 0;
  let scale = "amount";
  let k = -1;
  let isAs = false;
  let j = m + 1;
  if (L.more.has(t.lower) || L.less.has(t.lower)) {
    sign = L.more.has(t.lower) ? 1 : -1;
    const next = tokens[j];
    if (next && (next.pos === "ADJ" || next.pos === "ADV") && next.lower !== "than") {
      const [name, s] = scaleOf(plainBase(next));
      scale = name;
      sign *= s;
      j++;
    }
  } else if (t.lower === "as") {
    const next = tokens[j];
    if (!next || !(next.pos === "ADJ" || next.pos === "ADV") || L.asIdioms.has(next.lower)) return undefined;
    isAs = true;
    if (!L.asDegree.has(next.lower)) {
      const [name, s] = scaleOf(plainBase(next));
      scale = name;
      sign = s;
    } else sign = 1;
    j++;
  } else {
    const base = erBase(t.lower);
    if (!base) return undefined;
    const [name, s] = scaleOf(base);
    scale = name;
    sign = s;
  }
  // "than" (or the second "as") within a few words, with nothing but the compared nouns between.
  for (let i = j; i < tokens.length && i <= m + MAX_SPAN; i++) {
    const u = tokens[i] as Token;
    if (isBreak(u)) break;
    if (isAs ? u.lower === "as" : u.lower === "than") {
      k = i;
      break;
    }
  }
  if (k < 0) return undefined;
  const nouns: string[] = [];
  for (; j < k; j++) {
    const u = tokens[j] as Token;
    // A modifier is part of what is compared: "a higher direct tax share" is not "a higher indirect tax share".
    if (SIDE_POS.has(u.pos) && u.isWord && !u.isStop) nouns.push(u.key);
    else if (u.pos !== "DET") return null;
  }
  // The clause around the comparison.
  let from = m;
  while (from > 0 && !isBreak(tokens[from - 1] as Token)) from--;
  let to = k + 1;
  while (to < tokens.length && !isBreak(tokens[to] as Token)) to++;
  // Before the clause, its sentence may hold only connectives: "It is not true that …", "Some think
  // that …", "In the model, …" may deny, report or restrict what the clause says.
  const start = sentences.start[from] ?? 0;
  if (tokens.slice(start, from).some((x) => x.isWord && !L.leads.has(x.lower))) return null;
  const before = tokens.slice(from, m);
  if (before.some((x) => L.hedges.has(x.lower)) || isSentenceHedged(tokens, m, sentences)) return null;
  // A modal or a word of time or frequency: a possibility or a claim for some times only ("can be
  // bigger", "is sometimes bigger", "will soon be bigger", "was once bigger").
  if (before.some((x) => L.modals.has(x.lower) || L.timeWords.has(x.lower))) return null;
  // Negation: only "not as … as" is read (it turns the equality into "less"); "not only" adds.
  const nots = before.filter((x, i) => L.negations.has(x.lower) && !L.focus.has(before[i + 1]?.lower ?? ""));
  if (tokens.slice(k + 1, to).some((x) => L.negations.has(x.lower))) return null;
  if (isAs) {
    if (nots.length !== 1) return null; // a plain "as … as" (equality) or a double negation: not read
    if (before.some((x) => L.multipliers.has(x.lower) || x.pos === "NUM")) return null;
    sign = -sign;
  } else if (nots.length) return null;
  // A multiplier ("twice", "three times") makes it another claim than an order.
  if (before.some((x) => L.multipliers.has(x.lower))) return null;
  // Subject, then the predicate from the first verb: a comparison with no verb before it is not read.
  // A noun the tagger reads as a verb stands after a determiner or modifier and right before the verb
  // ("the iron pan holds").
  const isVerb = (i: number) => {
    const x = before[i] as Token;
    if (isPhrasalVerb(before, i)) return true;
    if (x.pos !== "VERB" && x.pos !== "AUX") return false;
    const prev = before[i - 1];
    const next = before[i + 1];
    return !(x.pos === "VERB" && next?.pos === "VERB" && prev && ["DET", "ADJ", "NOUN", "PROPN"].includes(prev.pos));
  };
  const v = before.findIndex((_, i) => isVerb(i));
  if (v <= 0) return null;
  const subject = before.slice(0, v);
  // A long stretch before the verb is more than the thing compared: not sure where that thing starts.
  if (subject.length > MAX_SUBJECT) return null;
  const predicate = before.slice(v);
  if (predicate.some((x) => L.agents.has(x.lower))) return null; // a passive's agent: the sides are not where read
  // Between the verb and the comparative only a degree word may stand ("is much bigger"); another
  // adverb may make it a claim for some times or cases only ("is sometimes bigger", "is rarely bigger").
  if (predicate.some((x) => x.pos === "ADV" && !L.degree.has(x.lower) && !L.negations.has(x.lower))) return null;
  const verb = predicate[0] as Token;
  const past = L.pastForms.has(verb.lower) || (verb.pos === "VERB" && verb.lower !== verb.lemma.toLowerCase() && verb.lower.endsWith("ed"));
  const verbs = predicate.filter((x, i) => (x.pos === "VERB" || x.pos === "NOUN") && !x.isStop && isVerb(v + i)).map((x) => x.lemma.toLowerCase());
  // What is compared: the predicate's nouns, less an intensifier before the comparative ("a lot", "way").
  predicate.forEach((x, i) => {
    if (SIDE_POS.has(x.pos) && x.isWord && !x.isStop && !isVerb(v + i) && !L.intensifiers.has(x.lower)) nouns.push(x.key);
  });
  // "than in the end", "than before", "than when …": a circumstance, not a thing, is the other side.
  const first = tokens.slice(k + 1, to).find((x) => x.pos !== "DET");
  if (!first || !["NOUN", "PROPN", "ADJ", "VERB"].includes(first.pos)) return null;
  // The other side: words after "than"/"as" up to a verb of its own ("than glass does").
  const after: Token[] = [];
  for (let i = k + 1; i < to; i++) {
    const u = tokens[i] as Token;
    const ending = i + 1 >= to;
    const prev = tokens[i - 1];
    // "than the iron pan." — a last word tagged as a verb after a modifier, in its plain form, is the
    // noun it ends on ("than the monsoon replaces" keeps its verb).
    if (u.pos === "VERB" && ending && u.lower === u.lemma.toLowerCase() && prev && ["DET", "ADJ", "NOUN", "PROPN"].includes(prev.pos)) {
      after.push({ ...u, pos: "NOUN" });
      continue;
    }
    if (u.pos === "VERB" || u.pos === "AUX") break;
    after.push(u);
  }
  // A number or figure on a side compares with a quantity, not a thing; a pronoun names nothing here.
  if ([...subject, ...after].some((x) => x.pos === "NUM" || /\d/.test(x.text) || x.pos === "PRON")) return null;
  // Each side is a plain noun phrase: a qualifier ("over long distances", "for the handle", "Jupiter's
  // moons", "as an insulator") may change what is compared, so the reader is not sure of it. After
  // the other side only its own verb may follow ("than glass does").
  const plain = (x: Token) => !x.isWord || x.pos === "DET" || SIDE_POS.has(x.pos) || x.pos === "VERB";
  if (!subject.every(plain) || !after.every(plain)) return null;
  const rest = tokens.slice(k + 1 + after.length, to);
  if (rest.some((x) => x.isWord && x.pos !== "VERB" && x.pos !== "AUX")) return null;
  // A comparative on a side names the thing by its base ("the heavier block" = "the heavy block").
  // A capital letter after a noun is a label ("bulb A", "pan C."), not an article.
  const side = (xs: readonly Token[]) =>
    xs.flatMap((x, i) => {
      if (/^[A-Z]\.?$/.test(x.text) && i > 0 && NOUN_POS.has(xs[i - 1]?.pos ?? "")) return [x.text.charAt(0).toLowerCase()];
      return x.isWord && !x.isStop && SIDE_POS.has(x.pos) ? [erBase(x.lower) ?? x.key] : [];
    });
  // Before the first verb, a word tagged as a verb is a noun the tagger misread.
  const leftTokens = subject.map((x) => (x.pos === "VERB" ? { ...x, pos: "NOUN" } : x));
  const left = side(leftTokens);
  const right = side(after);
  // Sides that do not differ compare nothing.
  if (!left.some((x) => !right.includes(x)) || !right.some((x) => !left.includes(x))) return null;
  const leftHead = headOf(leftTokens);
  const rightHead = headOf(after);
  if (!leftHead || !rightHead) return null;
  const [g, l] = sign > 0 ? [{ keys: left, head: leftHead }, { keys: right, head: rightHead }] : [{ keys: right, head: rightHead }, { keys: left, head: leftHead }];
  return { greater: g, lesser: l, scale, verbs: [...new Set(verbs)], nouns: [...new Set(nouns)], past };
}

/** The head of a side: its last noun, or a capital-letter label after it ("bulb B"); null if none. */
function headOf(xs: readonly Token[]): string | null {
  for (let i = xs.length - 1; i >= 0; i--) {
    const x = xs[i] as Token;
    if (/^[A-Z]\.?$/.test(x.text) && i > 0 && NOUN_POS.has(xs[i - 1]?.pos ?? "")) return x.text.charAt(0).toLowerCase();
    if (x.isWord && NOUN_POS.has(x.pos) && !x.isStop) return x.key;
    if (x.isWord) return null; // a side ending on an adjective or another word: its head is not named
  }
  return null;
}

/**
 * Every comparison the tokens (a sentence, a clause or a point's text) make, or null when one of them
 * could not be read with confidence (then nothing should be concluded from the comparisons at all).
 */
export function readComparisonClaims(all: readonly Token[]): ComparisonClaim[] | null {
  const tokens = withoutAsides(all);
  const out: ComparisonClaim[] = [];
  // Sentence bounds once for the text; a hedged sentence is looked at only for a comparison read in it.
  const sentences = sentencesOf(tokens);
  for (let m = 0; m < tokens.length; m++) {
    const t = tokens[m] as Token;
    if (!t.isWord) continue;
    const claim = readAt(tokens, m, sentences);
    // A comparison that could not be read: not sure of this text's comparisons.
    if (claim === null) return null;
    // "more heavier" is one comparison, read at both words.
    if (claim && !out.some((c) => JSON.stringify(c) === JSON.stringify(claim))) out.push(claim);
  }
  return out;
}

/** A word the tagger read as a noun after the subject and before a particle ("collectors heat up"). */
function isPhrasalVerb(tokens: readonly Token[], i: number): boolean {
  const x = tokens[i];
  const prev = tokens[i - 1];
  return !!x && x.pos === "NOUN" && lex().particles.has(tokens[i + 1]?.lower ?? "") && !!prev && (prev.pos === "NOUN" || prev.pos === "PROPN");
}

/**
 * The tokens without a parenthesis of words ("the pan holds more water (by volume) than the cup"); one holding
 * a figure ("(20 cm)") stays, and breaks the clause, since it may be a side of its own.
 */
function withoutAsides(tokens: readonly Token[]): readonly Token[] {
  if (!tokens.some((t) => t.text === "(")) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.text === "(") {
      const close = tokens.findIndex((u, j) => j > i && u.text === ")");
      const inner = close > i ? tokens.slice(i + 1, close) : [];
      if (close > i && close - i <= 6 && !inner.some((u) => /\d/.test(u.text) || u.text === "(")) {
        i = close;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
const within = (a: readonly string[], b: readonly string[]) => a.every((x) => b.includes(x));

/**
 * The same compared words: the verbs and the nouns between the verb and "than" are the same on both
 * ("carries more heat" and "carries less heat"; not "has bigger mountains" for "is bigger"). A
 * dimension one side names and the other does not is not established: no opposite is read. An
 * agreement (which takes no credit away) only needs the nouns of one within the other's ("conducts
 * more slowly" for "conducts heat more quickly").
 */
function sameCompared(a: ComparisonClaim, b: ComparisonClaim, strict: boolean): boolean {
  return sameSet(a.verbs, b.verbs) && (strict ? sameSet(a.nouns, b.nouns) : within(a.nouns, b.nouns) || within(b.nouns, a.nouns));
}

/**
 * Whether the answer's side names the reference's thing: the same head noun, and every word of it is
 * one of the reference side's ("the cup" for "the tin cup"; not "the plastic pan" for "the iron pan",
 * nor "copper oxide" for "copper").
 */
function names(answer: ComparedThing, reference: ComparedThing): boolean {
  return answer.head === reference.head && answer.keys.every((x) => reference.keys.includes(x));
}

/**
 * What an answer's comparison says of a reference's: +1 the same claim (the same thing placed higher,
 * however worded), −1 the opposite (the sides swapped on the same dimension), 0 nothing to tell.
 */
function claimAgreement(reference: ComparisonClaim, answer: ComparisonClaim): -1 | 0 | 1 {
  const same = names(answer.greater, reference.greater) && names(answer.lesser, reference.lesser);
  const swapped = names(answer.greater, reference.lesser) && names(answer.lesser, reference.greater);
  if (same === swapped || !sameCompared(reference, answer, swapped)) return 0;
  // A past comparison against a present point tells of another time ("Bihar had a higher literacy
  // rate than Kerala" in 1951): not the point's opposite.
  if (reference.scale === answer.scale) return same ? 1 : answer.past && !reference.past ? 0 : -1;
  // The same verb on another scale ("conducts heat more", "conducts heat more quickly") agrees when it
  // puts the things in the same order; the reader is not sure enough of the dimension to say the
  // opposite. Only scales the data knows: an adverb it does not list may mean the opposite ("more poorly").
  const isKnown = (c: ComparisonClaim) => c.scale === "amount" || lex().scale.has(c.scale);
  return same && reference.verbs.length > 0 && isKnown(reference) && isKnown(answer) ? 1 : 0;
}

/**
 * What the one comparison of an answer's sentence says of a point's comparisons: −1 it places the
 * point's things the other way round on a dimension the point compares them on (and agrees with none
 * of the point's comparisons), +1 it agrees with one, 0 otherwise — including when the sentence makes
 * no comparison, several, or one the reader is not sure of.
 */
export function comparisonVerdict(point: readonly ComparisonClaim[] | null, sentence: readonly Token[]): -1 | 0 | 1 {
  if (!point?.length) return 0;
  const claims = claimsOf(sentence);
  if (claims?.length !== 1) return 0;
  const claim = claims[0] as ComparisonClaim;
  const verdicts = point.map((p) => claimAgreement(p, claim));
  if (verdicts.includes(1)) return 1;
  return verdicts.includes(-1) ? -1 : 0;
}

/** The comparisons of a unit's tokens, read once however many points ask. */
const claimCache = new WeakMap<readonly Token[], ComparisonClaim[] | null>();
function claimsOf(tokens: readonly Token[]): ComparisonClaim[] | null {
  if (claimCache.has(tokens)) return claimCache.get(tokens) ?? null;
  const claims = readComparisonClaims(tokens);
  claimCache.set(tokens, claims);
  return claims;
}

/**
 * Whether a sentence or bullet may qualify a comparison next to it: it holds a cue of restriction,
 * contrast or another time ("only under …", "the position is reversed", "In 1951 …", "However, …").
 */
export function qualifiesNeighbour(tokens: readonly Token[] | undefined): boolean {
  if (!tokens?.length) return false;
  const words = tokens.filter((t) => t.isWord);
  const fits = (cue: string, t: Token) => (cue === "<year>" ? /^\d{3,4}s?$/.test(t.text) : t.lower === cue);
  return lex().contextCues.some((cue) => words.some((_, i) => cue.every((c, k) => !!words[i + k] && fits(c, words[i + k] as Token))));
}
