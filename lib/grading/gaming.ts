import type { AnalysedAnswer } from "./answer";
import type { PreparedQuestion } from "./prepare";

/**
 * Answer-level signals of gaming, each a number in [0, 1] with a threshold that turns it into a
 * flag. They read the answer's shape, not its keywords: how much of it is the question's own
 * words, how much is verbless term lists, whether it is about the question's subject at all.
 */
export interface GamingSignals {
  /** Share of the answer's content-word occurrences that are question words. */
  restateShare: number;
  /** Distinct content keys the answer adds beyond the question's own words. */
  newKeyCount: number;
  /** Share of the answer's words inside term lists. */
  listWordShare: number;
  /** Share of the prompt's named entities (alias concepts) the answer mentions; 1 when the prompt names none. */
  entityCoverage: number;
  /** Share of the answer's content keys found in the question's vocabulary or the material. */
  topicShare: number;
  /**
   * Share of the answer's own content weight (each distinct key by its rarity, idf) that the
   * question's demands explain: the prompt's words and the content points' terms with their
   * synonyms. A precision, not a coverage: a weak answer on the question says little but says it in
   * the points' words; an answer to another question spends its words on things no point asks for.
   */
  demandShare: number;
  /** Headings followed by nothing of substance (another heading, a term list or the end). */
  emptyHeadings: number;
  /** Labels followed by nothing on the subject ("Safe havens: this is important."). */
  vacuousLabels: number;
  /** Share of the words in sentences that mostly repeat the question's words. */
  restatingWordShare: number;
  /** Share of the words in hollow units: term lists, restating sentences and headings. */
  hollowWordShare: number;
}

export const GAMING_THRESHOLDS = {
  /** Restating: most content words are the question's and little is added. */
  restateShare: 0.45,
  restateMaxNewKeysPerWord: 0.22,
  /** Stuffing: this share of the words sits in verbless term lists. */
  listWordShare: 0.2,
  /** Stuffing also when some term lists sit in a mostly hollow answer. */
  listWordShareWithHollow: 0.15,
  hollowWordShare: 0.4,
  /** Restating: this share of the words is in sentences made of the question's words. */
  restatingWordShare: 0.6,
  /** Off-topic: the answer names under half of the question's entities… */
  entityCoverage: 0.5,
  /** …or under this share of its vocabulary belongs to the question or material… */
  topicShare: 0.35,
  /** …or, with no material to widen the question's vocabulary, under this share… */
  topicShareWithoutMaterial: 0.15,
  /** …unless at least this share of its content weight is what the question's demands ask about. */
  demandShare: 0.2,
};

const demandKeyCache = new WeakMap<PreparedQuestion, ReadonlySet<string>>();

/**
 * What the question's demands ask about: the prompt's words and every key that matches a content
 * point's term other than as its opposite (synonyms included). Answer-independent: once per question.
 */
function demandKeysOf(prepared: PreparedQuestion): ReadonlySet<string> {
  let keys = demandKeyCache.get(prepared);
  if (!keys) {
    const set = new Set(prepared.promptKeys);
    for (const p of prepared.points) {
      if (p.role !== "content") continue;
      for (const [k, hits] of p.termIndex) if (hits.some((h) => !h[2])) set.add(k);
    }
    keys = set;
    demandKeyCache.set(prepared, keys);
  }
  return keys;
}

export function computeGamingSignals(answer: AnalysedAnswer, prepared: PreparedQuestion): GamingSignals {
  let occurrences = 0;
  let promptOccurrences = 0;
  let listWords = 0;
  let emptyHeadings = 0;
  let vacuousLabels = 0;
  let restatingWords = 0;
  let hollowWords = 0;
  const mentioned = new Set<string>();
  for (let i = 0; i < answer.units.length; i++) {
    const u = answer.units[i];
    if (!u) continue;
    for (const t of u.tokens) {
      if (!t.isWord || t.isStop) continue;
      occurrences++;
      if (prepared.promptKeys.has(t.key)) promptOccurrences++;
      if (t.concept) mentioned.add(t.concept);
    }
    const isList = u.listShare >= 0.6;
    const isRestating = u.promptShare >= 0.75 && u.keys.size >= 3;
    listWords += isList ? u.wordCount : u.listWords;
    if (isRestating) restatingWords += u.wordCount;
    if (isList || isRestating || u.isHeading || u.isVacuousLabel) hollowWords += u.wordCount;
    else hollowWords += u.listWords;
    if (u.isHeading) {
      const next = answer.units[i + 1];
      if (!next || next.isHeading || next.listShare >= 0.6) emptyHeadings++;
    }
    // A bare heading ("Causes:") is judged by what follows it (emptyHeadings), not as a label.
    if (u.isVacuousLabel && !u.isHeading) vacuousLabels++;
  }
  let newKeys = 0;
  let topical = 0;
  for (const k of answer.keys) {
    if (!prepared.promptKeys.has(k)) newKeys++;
    if (prepared.topicKeys.has(k) || prepared.materialKeys.has(k)) topical++;
  }
  let covered = 0;
  for (const e of prepared.promptEntities) if (mentioned.has(e)) covered++;
  const demandKeys = demandKeysOf(prepared);
  let weight = 0;
  let demanded = 0;
  for (const k of answer.keys) {
    const w = prepared.idf(k);
    weight += w;
    if (demandKeys.has(k)) demanded += w;
  }
  return {
    restateShare: occurrences ? promptOccurrences / occurrences : 0,
    newKeyCount: newKeys,
    listWordShare: answer.wordCount ? listWords / answer.wordCount : 0,
    entityCoverage: prepared.promptEntities.size ? covered / prepared.promptEntities.size : 1,
    topicShare: answer.keys.size ? topical / answer.keys.size : 0,
    demandShare: weight > 0 ? demanded / weight : 0,
    emptyHeadings,
    vacuousLabels,
    restatingWordShare: answer.wordCount ? restatingWords / answer.wordCount : 0,
    hollowWordShare: answer.wordCount ? hollowWords / answer.wordCount : 0,
  };
}

export function isRestatement(s: GamingSignals, wordCount: number): boolean {
  if (s.restatingWordShare >= GAMING_THRESHOLDS.restatingWordShare) return true;
  return s.restateShare >= GAMING_THRESHOLDS.restateShare && s.newKeyCount <= GAMING_THRESHOLDS.restateMaxNewKeysPerWord * Math.max(wordCount, 1);
}

export function isKeywordStuffing(s: GamingSignals): boolean {
  if (s.listWordShare >= GAMING_THRESHOLDS.listWordShare) return true;
  return s.listWordShare >= GAMING_THRESHOLDS.listWordShareWithHollow && s.hollowWordShare >= GAMING_THRESHOLDS.hollowWordShare;
}

/**
 * Copied headings without substance: at least two headings or labels with nothing on the subject
 * under them, making up at least this share of the answer's units.
 */
export const EMPTY_HEADING_UNIT_SHARE = 0.4;

export function isHollowHeadings(s: GamingSignals, unitCount: number): boolean {
  const hollow = s.emptyHeadings + s.vacuousLabels;
  return hollow >= 2 && hollow >= EMPTY_HEADING_UNIT_SHARE * unitCount;
}

/**
 * Off-topic: the answer is not about the question's subject. When the prompt names two or more
 * entities, an answer naming under half of them is off-topic (an essay on another conflict reuses
 * the vocabulary but not the actors) unless it nonetheless makes most rubric points (`quality`,
 * the mean point coverage, at least `OFF_TOPIC_MAX_QUALITY`); otherwise the answer is off-topic
 * when little of its vocabulary belongs to the question or material (`topicShare`) and little of
 * its content weight is what the question's demands ask about (`demandShare`): a weak answer in
 * plain words of its own stays on-topic when what it does say is the points' business.
 */
export const OFF_TOPIC_MAX_QUALITY = 0.65;

export function isOffTopic(s: GamingSignals, promptEntityCount: number, hasMaterial: boolean, quality = 0): boolean {
  if (promptEntityCount >= 2 && s.entityCoverage < GAMING_THRESHOLDS.entityCoverage && quality < OFF_TOPIC_MAX_QUALITY) return true;
  const offVocabulary = s.topicShare < (hasMaterial ? GAMING_THRESHOLDS.topicShare : GAMING_THRESHOLDS.topicShareWithoutMaterial);
  return offVocabulary && s.demandShare < GAMING_THRESHOLDS.demandShare;
}
