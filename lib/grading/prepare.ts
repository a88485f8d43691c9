import { readComparisonClaims, type ComparisonClaim } from "./comparisons";
import {
  analyze,
  antonymKeys,
  argumentSlots,
  claimRoles,
  type Comparison,
  entityLabels,
  readComparison,
  type ArgumentSlot,
  isAttributiveParticiple,
  isPredicativeAdjective,
  tokenHypothetical,
  tokenPolarity,
  SpellingVocabulary,
  expandLemma,
  findNumbers,
  getDefaultAliasIndex,
  quantityKeys,
  segmentUnits,
  subjectKeys,
  type AliasIndex,
  type Analysis,
  type NumberMention,
  type Token,
} from "@/lib/nlp";
import { z } from "zod";
import { hash53 } from "@/lib/material/hash";
import listPromptData from "./data/list-prompts.json";
import rubricMetaData from "./data/rubric-meta.json";
import type { PointPhrase } from "./feedback";
import type { GradingMaterial, RubricPoint, WrittenQuestion } from "./types";

/**
 * Everything about a question that does not depend on the answer, computed once and cached:
 * the alias index (built-in + acronyms learnt from the question and material), idf weights over
 * the material sentences and rubric points, each content point's weighted terms with their
 * synonym expansions, the structure points' roles, and the material's sentences for fact checks.
 */

export type StructureRole = "introduction" | "conclusion" | "examples" | "word_limit" | "body" | "other";

export interface PointTerm {
  key: string;
  lemma: string;
  weight: number;
  /** Answer keys that count as this term, with strength in (0, 1]. */
  matches: ReadonlyMap<string, number>;
  /** From an example clause ("e.g. …", parentheses): optional detail rather than the claim. */
  isExample: boolean;
  isEntity: boolean;
  /** The point asserts this term negated ("are not connected", "failed to curb"). */
  isNegated: boolean;
  /** Whether the term's polarity matters: not for names and figures, which a negation does not flip. */
  isPolar: boolean;
  /** A verb of the point: what it asserts, as opposed to what it is about ("sudden ban" is not asserted). */
  isPredicate: boolean;
  /** Answer keys of the term's antonyms ("fail" for "succeed"): a match with the opposite polarity. */
  antonyms: ReadonlyMap<string, number>;
  /**
   * An opposable word qualifying the noun after it ("in different paths", "a closed path"): in a point
   * without a verb of its own it is what the point asserts of the thing.
   */
  isQuality: boolean;
}

/**
 * Who does what to whom in a point: the names before its main predicate (agents) and after it
 * (targets), swapped for a passive ("X is sheltered by Y"). Present when the point names at least
 * one agent and one target.
 */
export interface PointRoles {
  /** Index into `terms` of the predicate. */
  predicate: number;
  agents: Set<string>;
  targets: Set<string>;
}

/** Per term of a point: its slot (null for names and words without one) and its clause's index. */
export interface PointSlots {
  slots: Array<ArgumentSlot | null>;
  clauses: number[];
  /** Per term: the direction of change the point gives it (1 grows, -1 shrinks, 0 none; see `argumentSlots`). */
  directions: number[];
}

export interface PreparedPoint {
  point: RubricPoint;
  role: StructureRole | "content";
  terms: PointTerm[];
  totalWeight: number;
  /** The material sentences that make this point (coverage ≥ SUPPORT_MIN_COVERAGE), best first. */
  supportSentences: MaterialSentence[];
  /** Best coverage of the point by any single material sentence (0 without material). */
  materialCoverage: number;
  /** Inverted index: answer key → [term index, strength, is an antonym] triples, for fast alignment. */
  termIndex: Map<string, Array<[number, number, boolean]>>;
  roles?: PointRoles;
  /** Per term: the part it plays in the point's clause (agent, target, source, goal) and which clause. */
  slots?: PointSlots;
  /**
   * Per predicate term: the keys of its subject in the point's own clause ("Bulb A is not connected" →
   * "bulb", "a"; `subjectKeys`). A negation moved onto an opposite word counts only for the same subject.
   */
  subjects?: Map<number, string[]>;
  /** The comparison the point makes ("the black pan absorbs more sunlight than the white pan"), if any. */
  comparison?: Comparison;
  /** Every comparison the point makes, read strictly (`comparisons.ts`); null when one is unsure. */
  comparisonClaims?: ComparisonClaim[] | null;
  /**
   * A reference answer's separate ideas (its sentences and coordinated clauses), each prepared as a
   * point of its own; present only for the single content point of a reference-answer-only rubric
   * that makes two or more ideas.
   */
  ideas?: PreparedPoint[];
  /** The point's wording for feedback sentences (filled lazily by the grader, answer-independent). */
  phrase?: PointPhrase;
  /** Its clauses' wording, for naming the part an answer leaves out (filled lazily). */
  clausePhrases?: Map<string, PointPhrase>;
  /** What to show when the point is missed (filled lazily by the grader, answer-independent). */
  missed?: { modelAnswer?: string; source?: { materialId: string; start: number; end: number; quote: string } };
}

export interface MaterialSentence {
  materialId: string;
  start: number;
  end: number;
  /** The sentence itself (`material.text.slice(start, end)`). */
  quote: string;
  keys: Set<string>;
  tokens: Token[];
  numbers: NumberMention[];
}

export interface PreparedQuestion {
  question: WrittenQuestion;
  aliases: AliasIndex;
  idf: (key: string) => number;
  promptKeys: Set<string>;
  /** Keys of prompt + core demands + rubric + model answer: the question's vocabulary. */
  topicKeys: Set<string>;
  /** Named entities (alias concepts) of the prompt — the subject an on-topic answer must be about. */
  promptEntities: Set<string>;
  points: PreparedPoint[];
  materials: MaterialSentence[];
  /** Keys seen anywhere in the material. */
  materialKeys: Set<string>;
  /** Inverted index: key → indices into `materials`. */
  materialIndex: Map<string, number[]>;
  modelAnswer?: Analysis;
  /**
   * Reference-answer mode (a rubric with a single content point): that point and every other
   * reference answer the question lists (`referenceAnswers`), each prepared as a point with its
   * ideas. An answer is judged against the reference it matches best.
   */
  references: PreparedPoint[];
  /** The prompt asks for a list of things (`asksForList`). */
  asksForList: boolean;
  /** The question's own words (prompt, rubric, references, model answer, material) for reading misspellings. */
  vocabulary: SpellingVocabulary;
  /** Prompt, core demands, rubric, references and model answer joined: a word they capitalise in mid-sentence is a name (`analyze`). */
  nameContext: string;
  /** The question's texts joined, for telling a rubric point's names from words capitalised by position (filled lazily). */
  feedbackContext?: string;
}

/** Words that describe what the rubric expects rather than the claim itself. */
const rubricMetaSchema = z.object({ about: z.string(), words: z.array(z.string().min(1)).min(1) });
/** Words of rubric and question phrasing that say what to do, not what to say (`data/rubric-meta.json`). */
const RUBRIC_META = new Set(rubricMetaSchema.parse(rubricMetaData).words.map((w) => w.toLowerCase()));

const CONTENT_POS = new Set(["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"]);

/** How a prompt asks for a list of things (`data/list-prompts.json`). */
const listPromptSchema = z.object({
  about: z.string(),
  verbs: z.array(z.string().min(1)).min(1),
  openers: z.array(z.string().min(1)),
  counted: z.array(z.string().min(1)),
  claimWords: z.array(z.string().min(1)),
  skip: z.array(z.string().min(1)),
  claimOpeners: z.array(z.string().min(1)),
});
const LIST_PROMPTS = listPromptSchema.parse(listPromptData);
const lower = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase()));
const LIST_VERBS = lower(LIST_PROMPTS.verbs);
const LIST_OPENERS = lower(LIST_PROMPTS.openers);
const LIST_COUNTED = lower(LIST_PROMPTS.counted);
const CLAIM_WORDS = lower(LIST_PROMPTS.claimWords);
const LIST_SKIP = lower(LIST_PROMPTS.skip);
/** The imperative verbs and question words with which a clause asks for a claim. */
const CLAIM_OPENERS = lower(LIST_PROMPTS.claimOpeners);

/** A prompt's clauses: split at sentence ends, ";", ":", and a coordinating "and" / "then". */
function promptClauses(prompt: string): Token[][] {
  return prompt
    .split(/[.?!;:\n]+|,?\s+(?:and|then)\s+/i)
    .map((c) => analyze(c).tokens.filter((t) => t.isWord))
    .filter((c) => c.length > 0);
}

/** The object of a listing verb is counted or plural ("the three states", "at least four", "the planets"). */
function isCountedObject(clause: readonly Token[], from: number): boolean {
  for (let i = from; i < clause.length && i < from + 5; i++) {
    const t = clause[i];
    if (!t) break;
    if (CLAIM_WORDS.has(t.lower)) return false;
    if (LIST_COUNTED.has(t.lower) || /^\d+$/.test(t.lower)) return true;
    if (LIST_SKIP.has(t.lower) || t.pos === "ADJ" || t.pos === "ADV") continue;
    // The first noun decides: a plural one names several things; a name or a possessive ("Newton's
    // first law") names one.
    return t.pos === "NOUN" && t.lemma !== t.lower;
  }
  return false;
}

/**
 * Whether a question asks for a list of things: a sentence or clause of its prompt opens with an
 * imperative listing verb whose object is counted or plural ("Name the 3 service classes …", "Please
 * state at least 4 objectives", "List the planets"), and no clause asks for a claim ("explain",
 * "describe", "why", "how"). Not a verb inside a clause ("What does the law state?"), a noun before a
 * colon ("State government: …"), nor a listing verb asking for a claim ("State why ice floats", "Give a
 * reason …", "State Newton's first law").
 */
export function asksForList(prompt: string): boolean {
  const clauses = promptClauses(prompt);
  const opening = (clause: readonly Token[]): number => {
    let i = 0;
    while (i < clause.length && LIST_OPENERS.has(clause[i]?.lower ?? "")) i++;
    return i;
  };
  if (clauses.some((c) => CLAIM_OPENERS.has(c[opening(c)]?.lower ?? ""))) return false;
  return clauses.some((c) => {
    const i = opening(c);
    return LIST_VERBS.has(c[i]?.lower ?? "") && isCountedObject(c, i + 1);
  });
}

export function classifyStructurePoint(text: string): StructureRole {
  const t = text.toLowerCase();
  if (/word limit|\bwords?\b.*\blimit|within (?:the )?\d+[- ]words?|\d+-word/.test(t)) return "word_limit";
  if (/\bintroduc|\bopening\b|\bintro\b/.test(t)) return "introduction";
  if (/\bconclu|way forward|way out|\bending\b/.test(t)) return "conclusion";
  if (/\bexamples?\b|\bdata\b|\bfigures?\b|statistic|\bcase stud/.test(t)) return "examples";
  if (/core demand|\bbody\b|each (?:part|demand)|addresses/.test(t)) return "body";
  return "other";
}

const cache = new Map<string, PreparedQuestion>();
const CACHE_LIMIT = 256;

/**
 * A material's text may change under the same id (a direct update or a restore; generation jobs no
 * longer re-clean stored material, but nothing forbids it), so the key carries a digest of the whole text — the stored checksum when the caller passes it, else a hash
 * computed here — not only its id, length or opening: a stale preparation would match answers against
 * words the material no longer has and point at offsets that moved.
 */
function cacheKey(question: WrittenQuestion, materials: readonly GradingMaterial[]): string {
  const m = materials
    .map((x) => `${x.id}:${x.text.length}:${x.checksum ?? hash53(x.text).toString(36)}:${x.sentenceStarts?.length ? hash53(x.sentenceStarts.join(",")).toString(36) : ""}`)
    .join("|");
  return JSON.stringify([question.id, question.prompt, question.rubric, question.coreDemands, question.modelAnswer, question.referenceAnswers, m]);
}

/**
 * The same question object graded again (a class's answers, a batch, the benchmark) finds its
 * preparation by identity, without serialising the rubric into a key: the fields the string key
 * reads are compared by reference, the materials element by element. A question or material
 * changed in place (rather than replaced by a new object) is therefore not noticed here:
 * callers treat them as immutable, as every caller in the project does (they are parsed afresh).
 */
interface IdentityEntry {
  prompt: string;
  rubric: WrittenQuestion["rubric"];
  coreDemands: WrittenQuestion["coreDemands"];
  modelAnswer: WrittenQuestion["modelAnswer"];
  referenceAnswers: WrittenQuestion["referenceAnswers"];
  materials: readonly GradingMaterial[];
  materialTexts: readonly string[];
  materialStarts: readonly (readonly number[] | undefined)[];
  prepared: PreparedQuestion;
}
const byIdentity = new WeakMap<WrittenQuestion, IdentityEntry[]>();
/** Material sets remembered per question object (a question is graded with one set, or a few). */
const IDENTITY_ENTRIES = 4;

function identityHit(question: WrittenQuestion, materials: readonly GradingMaterial[]): PreparedQuestion | undefined {
  const entries = byIdentity.get(question);
  if (!entries) return undefined;
  for (const e of entries) {
    if (
      e.prompt === question.prompt &&
      e.rubric === question.rubric &&
      e.coreDemands === question.coreDemands &&
      e.modelAnswer === question.modelAnswer &&
      e.referenceAnswers === question.referenceAnswers &&
      e.materials.length === materials.length &&
      e.materials.every((m, i) => m === materials[i] && e.materialTexts[i] === m.text && e.materialStarts[i] === m.sentenceStarts)
    ) {
      return e.prepared;
    }
  }
  return undefined;
}

/** Prepares (or fetches from the cache) the answer-independent data of a question. */
export function prepareQuestion(question: WrittenQuestion, materials: readonly GradingMaterial[] = []): PreparedQuestion {
  const known = identityHit(question, materials);
  if (known) return known;
  const key = cacheKey(question, materials);
  let prepared = cache.get(key);
  if (!prepared) {
    prepared = buildPrepared(question, materials);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, prepared);
  }
  const entries = byIdentity.get(question) ?? [];
  if (entries.length >= IDENTITY_ENTRIES) entries.shift();
  entries.push({
    prompt: question.prompt,
    rubric: question.rubric,
    coreDemands: question.coreDemands,
    modelAnswer: question.modelAnswer,
    referenceAnswers: question.referenceAnswers,
    materials: [...materials],
    materialTexts: materials.map((m) => m.text),
    materialStarts: materials.map((m) => m.sentenceStarts),
    prepared,
  });
  byIdentity.set(question, entries);
  return prepared;
}

function contentKeys(tokens: Token[]): string[] {
  return tokens.filter((t) => t.isWord && !t.isStop && CONTENT_POS.has(t.pos)).map((t) => t.key);
}

function buildPrepared(question: WrittenQuestion, materials: readonly GradingMaterial[]): PreparedQuestion {
  const aliases = getDefaultAliasIndex().clone();
  aliases.learnFrom(question.prompt);
  for (const p of question.rubric) aliases.learnFrom(p.point);
  for (const m of materials) aliases.learnFrom(m.text);
  if (question.modelAnswer) aliases.learnFrom(question.modelAnswer);

  // Material sentences: the background corpus for idf and the reference for fact checks.
  const materialSentences: MaterialSentence[] = [];
  const materialKeys = new Set<string>();
  for (const m of materials) {
    const analysis = analyze(m.text, aliases);
    const segments = segmentUnits(m.text, m.sentenceStarts);
    let ti = 0;
    for (const seg of segments) {
      const tokens: Token[] = [];
      while (ti < analysis.tokens.length && (analysis.tokens[ti]?.start ?? 0) < seg.start) ti++;
      let tj = ti;
      while (tj < analysis.tokens.length && (analysis.tokens[tj]?.start ?? 0) < seg.end) {
        const tok = analysis.tokens[tj];
        if (tok) tokens.push(tok);
        tj++;
      }
      ti = tj;
      const keys = new Set(contentKeys(tokens));
      if (keys.size < 3) continue;
      for (const k of keys) materialKeys.add(k);
      materialSentences.push({
        materialId: m.id,
        start: seg.start,
        end: seg.end,
        quote: m.text.slice(seg.start, seg.end),
        keys,
        tokens,
        numbers: findNumbers(m.text.slice(seg.start, seg.end)).map((n) => ({ ...n, start: n.start + seg.start, end: n.end + seg.start })),
      });
    }
  }

  // A word the question's own texts capitalise in mid-sentence is a name wherever it opens a sentence.
  const nameContext = [question.prompt, ...(question.coreDemands ?? []), ...question.rubric.map((p) => p.point), ...(question.referenceAnswers ?? []), question.modelAnswer ?? ""].join("\n");
  const promptAnalysis = analyze(question.prompt, aliases, nameContext);
  const promptKeys = new Set(contentKeys(promptAnalysis.tokens));
  const promptEntities = new Set(promptAnalysis.tokens.filter((t) => t.concept).map((t) => t.concept as string));
  const pointAnalyses = question.rubric.map((p) => analyze(p.point, aliases, nameContext));
  const demandAnalyses = (question.coreDemands ?? []).map((d) => analyze(d, aliases, nameContext));
  const modelAnswer = question.modelAnswer ? analyze(question.modelAnswer, aliases, nameContext) : undefined;

  // Document frequency over material sentences, rubric points and the prompt (Sparck Jones idf).
  const df = new Map<string, number>();
  const docs: Set<string>[] = [
    ...materialSentences.map((s) => s.keys),
    ...pointAnalyses.map((a) => new Set(contentKeys(a.tokens))),
    promptKeys,
  ];
  for (const d of docs) for (const k of d) df.set(k, (df.get(k) ?? 0) + 1);
  const n = docs.length;
  const idf = (k: string) => Math.log(1 + (n + 1) / ((df.get(k) ?? 0) + 0.5));

  const topicKeys = new Set<string>(promptKeys);
  for (const a of [...pointAnalyses, ...demandAnalyses, ...(modelAnswer ? [modelAnswer] : [])]) {
    for (const k of contentKeys(a.tokens)) topicKeys.add(k);
  }

  const isReferenceRubric = question.rubric.filter((p) => p.kind === "content").length === 1;
  const points: PreparedPoint[] = question.rubric.map((point, i) => {
    const analysis = pointAnalyses[i] as Analysis;
    if (point.kind === "content") {
      const prepared = preparePointText(point, analysis, promptKeys, idf, isReferenceRubric ? aliases : undefined);
      const support = findSupport(prepared.terms, prepared.totalWeight, materialSentences);
      return { ...prepared, supportSentences: support.sentences, materialCoverage: support.best };
    }
    const terms = buildTerms(analysis, promptKeys, idf);
    return {
      point,
      role: classifyStructurePoint(point.point),
      terms,
      totalWeight: terms.reduce((s, t) => s + t.weight, 0),
      supportSentences: [],
      materialCoverage: 0,
      termIndex: buildTermIndex(terms),
    };
  });

  const references: PreparedPoint[] = [];
  const referencePoint = isReferenceRubric ? points.find((p) => p.role === "content") : undefined;
  if (referencePoint) {
    references.push(referencePoint);
    const seen = new Set([referencePoint.point.point.trim().toLowerCase()]);
    (question.referenceAnswers ?? []).forEach((text, i) => {
      const norm = text.trim().toLowerCase();
      if (!norm || seen.has(norm)) return;
      seen.add(norm);
      const point = { ...referencePoint.point, id: `${referencePoint.point.id}~${i + 1}`, point: text };
      references.push(preparePointText(point, analyze(text, aliases, nameContext), promptKeys, idf, aliases));
    });
  }

  const vocabulary = new SpellingVocabulary();
  for (const a of [promptAnalysis, ...pointAnalyses, ...demandAnalyses, ...(modelAnswer ? [modelAnswer] : [])]) {
    for (const t of a.tokens) if (t.isWord && !t.concept) vocabulary.add(t.lower);
  }
  for (const r of references) for (const t of r.terms) if (!t.isEntity) vocabulary.add(t.lemma);
  for (const sentence of materialSentences) for (const t of sentence.tokens) if (t.isWord && !t.concept) vocabulary.add(t.lower);

  return {
    question,
    aliases,
    nameContext,
    references,
    asksForList: asksForList(question.prompt),
    vocabulary,
    idf,
    promptKeys,
    topicKeys,
    promptEntities,
    points,
    materials: materialSentences,
    materialKeys,
    materialIndex: buildMaterialIndex(materialSentences),
    modelAnswer,
  };
}

function buildTermIndex(terms: PointTerm[]): Map<string, Array<[number, number, boolean]>> {
  const index = new Map<string, Array<[number, number, boolean]>>();
  const put = (k: string, entry: [number, number, boolean]) => {
    const list = index.get(k);
    if (list) list.push(entry);
    else index.set(k, [entry]);
  };
  terms.forEach((t, i) => {
    for (const [k, s] of t.matches) put(k, [i, s, false]);
    for (const [k, s] of t.antonyms) if (!t.matches.has(k)) put(k, [i, s, true]);
  });
  return index;
}

/**
 * A content point (or a reference answer, or one idea of it) prepared for alignment: weighted
 * terms, inverted index, roles; with `ideaAliases`, also its separate ideas.
 */
function preparePointText(
  point: RubricPoint,
  analysis: Analysis,
  promptKeys: Set<string>,
  idf: (k: string) => number,
  ideaAliases?: AliasIndex,
): PreparedPoint {
  const terms = buildTerms(analysis, promptKeys, idf);
  const roles = buildRoles(analysis, terms);
  const slots = buildSlots(analysis, terms);
  const subjects = new Map<number, string[]>();
  terms.forEach((term, t) => {
    if (!term.isPredicate) return;
    const at = analysis.tokens.findIndex((tok) => tok.key === term.key);
    if (at >= 0) subjects.set(t, subjectKeys(analysis.tokens, at));
  });
  const ideas = ideaAliases ? buildIdeas(point, ideaAliases, promptKeys, idf) : undefined;
  const comparison = readComparison(analysis.tokens, tokenPolarity(analysis.tokens));
  return {
    point,
    role: "content",
    terms,
    totalWeight: terms.reduce((s, t) => s + t.weight, 0),
    supportSentences: [],
    materialCoverage: 0,
    termIndex: buildTermIndex(terms),
    ...(roles ? { roles } : {}),
    ...(slots ? { slots } : {}),
    ...(subjects.size ? { subjects } : {}),
    ...(comparison ? { comparison } : {}),
    comparisonClaims: readComparisonClaims(analysis.tokens),
    ...(ideas ? { ideas } : {}),
  };
}

/** The point's roles (see `PointRoles`) from its own sentence; undefined when it names no agent and target. */
function buildRoles(analysis: Analysis, terms: PointTerm[]): PointRoles | undefined {
  const roles = claimRoles(analysis.tokens);
  if (!roles) return undefined;
  const predicate = terms.findIndex((t) => t.key === roles.predicateKey);
  if (predicate < 0) return undefined;
  return { predicate, agents: roles.agents, targets: roles.targets };
}

/**
 * Each term's slot in the point (see `argumentSlots`) and the clause it sits in: those of its first
 * occurrence, none when the point uses the word in two different slots. Names are left out: their
 * roles are read by `claimRoles`, and an alias met on both sides of a clause tells nothing.
 * Undefined when no clause of the point has an agent and a target, a source or a goal (nothing to
 * reverse).
 */
function buildSlots(analysis: Analysis, terms: PointTerm[]): PointSlots | undefined {
  const reading = argumentSlots(analysis.tokens, (t) => RUBRIC_META.has(t.lower));
  const byKey = new Map<string, { slot: ArgumentSlot | null; clause: number }>();
  /** A word's direction of change; 0 when the point gives it both. */
  const directionByKey = new Map<string, number>();
  analysis.tokens.forEach((t, i) => {
    const d = reading.directions[i] ?? 0;
    if (d) directionByKey.set(t.key, directionByKey.has(t.key) && directionByKey.get(t.key) !== d ? 0 : d);
    const slot = reading.slots[i];
    // A capital opening the sentence is no sign of a name ("Parrotfish graze algae").
    const prev = analysis.tokens[i - 1];
    const isName = !!t.concept || (t.pos === "PROPN" && !!prev && prev.isWord);
    if (!slot || isName) return;
    const seen = byKey.get(t.key);
    if (!seen) byKey.set(t.key, { slot, clause: reading.clauses[i] ?? 0 });
    else if (seen.slot !== slot) seen.slot = null;
  });
  const slots = terms.map((t) => byKey.get(t.key)?.slot ?? null);
  const clauses = terms.map((t) => byKey.get(t.key)?.clause ?? -1);
  const directions = terms.map((t) => directionByKey.get(t.key) ?? 0);
  const reversible = new Set<number>();
  const kinds = new Map<number, Set<ArgumentSlot>>();
  slots.forEach((s, i) => {
    if (!s) return;
    const c = clauses[i] ?? -1;
    const set = kinds.get(c) ?? new Set<ArgumentSlot>();
    set.add(s);
    kinds.set(c, set);
  });
  for (const [c, set] of kinds) if ((set.has("agent") && set.has("target")) || set.has("source") || set.has("goal")) reversible.add(c);
  return reversible.size || directions.some((d) => d !== 0) ? { slots, clauses, directions } : undefined;
}

function buildMaterialIndex(sentences: MaterialSentence[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    for (const k of s.keys) {
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
  });
  return index;
}

/** An idea of a reference answer needs this many content terms; shorter clauses join the one before. */
const MIN_IDEA_TERMS = 3;

/**
 * Splits a reference answer into its ideas: sentences, semicolon and colon clauses, and clauses
 * joined by ", and" / ", but" / ", while" / ", so" / ", aiming" / ", because" / ", which".
 */
export function splitIdeas(text: string): string[] {
  const pieces = text
    .split(/(?<=[.!?])\s+|[;:]\s*|,\s+(?=(?:and|but|while|whereas|so|yet|aiming|because|which)\b)/i)
    .map((p) => p.trim())
    .filter(Boolean);
  return pieces;
}

function buildIdeas(point: RubricPoint, aliases: AliasIndex, promptKeys: Set<string>, idf: (k: string) => number): PreparedPoint[] | undefined {
  const ideas: Array<{ text: string; analysis: Analysis; terms: PointTerm[] }> = [];
  for (const piece of splitIdeas(point.point)) {
    const analysis = analyze(piece, aliases);
    const terms = buildTerms(analysis, promptKeys, idf);
    const last = ideas[ideas.length - 1];
    if (last && (terms.length < MIN_IDEA_TERMS || last.terms.length < MIN_IDEA_TERMS)) {
      last.text = `${last.text} ${piece}`;
      last.analysis = analyze(last.text, aliases);
      last.terms = buildTerms(last.analysis, promptKeys, idf);
    } else ideas.push({ text: piece, analysis, terms });
  }
  if (ideas.length < 2) return undefined;
  return ideas.map((idea, i) => preparePointText({ ...point, id: `${point.id}#${i + 1}`, point: idea.text }, idea.analysis, promptKeys, idf));
}

/** Share of a point's weight a material sentence must cover to count as making the point. */
export const SUPPORT_MIN_COVERAGE = 0.25;
const SUPPORT_MAX_SENTENCES = 3;

/** Weighted share of the point's terms present in a set of keys (synonyms counted). */
export function coverage(terms: PointTerm[], totalWeight: number, keys: ReadonlySet<string>): number {
  if (totalWeight <= 0) return 0;
  let got = 0;
  for (const t of terms) {
    let best = 0;
    for (const [k, s] of t.matches) if (s > best && keys.has(k)) best = s;
    got += best * t.weight;
  }
  return got / totalWeight;
}

/** The material sentences that best make a point, and the best single-sentence coverage. */
function findSupport(terms: PointTerm[], totalWeight: number, sentences: MaterialSentence[]): { sentences: MaterialSentence[]; best: number } {
  const all = sentences.map((s) => ({ s, c: coverage(terms, totalWeight, s.keys) })).sort((a, b) => b.c - a.c);
  const scored = all.filter((x) => x.c >= SUPPORT_MIN_COVERAGE).slice(0, SUPPORT_MAX_SENTENCES);
  return { sentences: scored.map((x) => x.s), best: all[0]?.c ?? 0 };
}

/** Weight of a term from the question prompt: question words are nearly free. */
export const PROMPT_TERM_FACTOR = 0.25;
/** Weight of a term in an example clause ("e.g. …", parentheses): optional detail. */
export const EXAMPLE_TERM_FACTOR = 0.5;

function buildTerms(analysis: Analysis, promptKeys: Set<string>, idf: (k: string) => number): PointTerm[] {
  const text = analysis.text;
  // Example clauses: parentheses and what follows "e.g." / "such as" up to the end of the clause.
  const exampleSpans: Array<[number, number]> = [];
  for (const m of text.matchAll(/\([^)]*\)/g)) exampleSpans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  for (const m of text.matchAll(/\b(?:e\.g\.|eg\.|such as|for example|for instance|like)\s[^.;:]*/gi)) {
    exampleSpans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  const inExample = (t: Token) => exampleSpans.some(([a, b]) => t.start >= a && t.end <= b);
  const quantities = quantityKeys(text, analysis.tokens);
  const negated = tokenPolarity(analysis.tokens);
  // What the point only supposes or reports ("Pakistan's bet that Kabul would act") is neither
  // asserted nor denied: an answer's polarity on it can not contradict the point.
  const hypothetical = tokenHypothetical(analysis.tokens);
  // Labels ("bulb A", "terminal 1") say which of several like things the point is about; like the
  // question's words they are usually given by the context ("they are in different paths"), so
  // they count a quarter. An answer about another labelled thing still misses the point's claim.
  const labels = entityLabels(analysis.tokens);
  const byKey = new Map<string, PointTerm>();
  for (const [ti, t] of analysis.tokens.entries()) {
    if (!t.isWord || t.isStop || !CONTENT_POS.has(t.pos)) continue;
    if (RUBRIC_META.has(t.lower) || RUBRIC_META.has(t.lemma)) continue;
    const isExample = inExample(t);
    let weight = idf(t.key);
    if (promptKeys.has(t.key)) weight *= PROMPT_TERM_FACTOR;
    else if (labels.has(t.lower)) weight *= PROMPT_TERM_FACTOR;
    if (isExample) weight *= EXAMPLE_TERM_FACTOR;
    const existing = byKey.get(t.key);
    if (existing) {
      if (weight > existing.weight) {
        existing.weight = weight;
        existing.isExample = isExample;
      }
      continue;
    }
    const matches = new Map<string, number>(t.concept ? [] : expandLemma(t.lemma));
    matches.set(t.key, 1);
    for (const k of quantities.get(t) ?? []) matches.set(k, 1);
    const isEntity = !!t.concept || t.pos === "PROPN";
    const isPolar = !isEntity && t.pos !== "NUM" && !/^\d/.test(t.key) && !hypothetical[ti];
    byKey.set(t.key, {
      key: t.key,
      lemma: t.lemma,
      weight,
      matches,
      isExample,
      isEntity,
      isNegated: negated[ti] ?? false,
      isPolar,
      // What the point asserts: its verbs (not a participle qualifying a noun: "recognise hidden bad loans") and
      // predicative adjectives outside example clauses.
      isPredicate: isPolar && !isExample && ((t.pos === "VERB" && !isAttributiveParticiple(analysis.tokens, ti)) || isPredicativeAdjective(analysis.tokens, ti)),
      antonyms: isPolar ? antonymKeys(t.lemma) : new Map(),
      isQuality:
        isPolar &&
        !isExample &&
        (t.pos === "ADJ" || isAttributiveParticiple(analysis.tokens, ti)) &&
        analysis.tokens[ti + 1]?.pos === "NOUN" &&
        antonymKeys(t.lemma).size > 0,
    });
  }
  return [...byKey.values()];
}
