import { wordKey } from "./analyze";
import type { Token } from "./analyze";
import { z } from "zod";
import oppositesData from "./data/opposites.json";
import { antonymsOf, isKnownWord, relatedWords } from "./wordnet";
import { isStopword } from "./stopwords";

/**
 * Lexical expansion for alignment: the matching keys (stems of lemmas) that count as the same
 * word as a given lemma, with a strength in (0, 1]. Derivations ("ideology" ↔ "ideological") are
 * near-identical, WordNet synonyms of the first senses slightly weaker, similar adjectives weaker.
 */
export const RELATION_STRENGTH = { self: 1, derived: 0.9, synonym: 0.8, similar: 0.6, hypernym: 0.5 } as const;

const expansionCache = new Map<string, ReadonlyMap<string, number>>();

/**
 * Keys related to `lemma` (itself included at strength 1). Single words only; cached per lemma.
 * Hypernyms are off by default: on the development set they added as many false matches as true.
 * Measured again with hyponyms and hypernyms of the first two senses (strength 0.4–0.6, with and
 * without requiring a window already anchored by closer matches), with derivational siblings
 * ("legislator" → "legislate" → "legislature") and with synonyms of derivations: none raised
 * held-out per-point kappa or the new-question check set, and unanchored taxonomy let off-topic
 * essays reach a third of the marks. They stay out.
 */
export function expandLemma(lemma: string, maxSenses = 3, withHypernyms = false): ReadonlyMap<string, number> {
  const cacheKey = `${lemma}|${maxSenses}|${withHypernyms ? 1 : 0}`;
  const hit = expansionCache.get(cacheKey);
  if (hit) return hit;
  const out = new Map<string, number>();
  out.set(wordKey(lemma), RELATION_STRENGTH.self);
  if (/^[a-z][a-z-]*$/.test(lemma) && lemma.length > 2) {
    const put = (word: string, strength: number) => {
      if (/\s/.test(word) || isStopword(word)) return;
      const key = wordKey(word);
      if ((out.get(key) ?? 0) < strength) out.set(key, strength);
    };
    try {
      for (const r of relatedWords(lemma, { maxSenses, withHypernyms })) put(r.word, RELATION_STRENGTH[r.relation]);
      // One more hop along derivations of synonyms ("spurn" → "reject" → "rejection") at a discount.
      for (const r of relatedWords(lemma, { maxSenses: 1 })) {
        if (r.relation !== "synonym" || /\s/.test(r.word)) continue;
        for (const d of relatedWords(r.word, { maxSenses: 1 })) {
          if (d.relation === "derived") put(d.word, RELATION_STRENGTH.synonym * RELATION_STRENGTH.derived);
        }
      }
    } catch {
      // WordNet missing or unreadable: exact and alias matching still work.
    }
  }
  expansionCache.set(cacheKey, out);
  return out;
}

/** Particles of English phrasal verbs ("give up", "carry out", "soak up", "wash away"). */
const PARTICLES = new Set(["up", "out", "in", "off", "down", "over", "back", "away", "on", "through", "aside", "about"]);

const phraseCache = new Map<string, ReadonlyMap<string, number> | null>();

/**
 * Matching keys of a phrasal verb WordNet knows: "pv:soak_up" itself at 1 (always the first key),
 * then its synonyms and derivations ("absorb", "absorption"…) at their usual strengths; null when
 * the pair is not one.
 */
export function expandPhrasalVerb(verbLemma: string, particle: string): ReadonlyMap<string, number> | null {
  const phrase = `${verbLemma}_${particle}`;
  const hit = phraseCache.get(phrase);
  if (hit !== undefined) return hit;
  let out: Map<string, number> | null = null;
  try {
    if (isKnownWord(phrase)) {
      out = new Map([[`pv:${phrase}`, 1]]);
      for (const r of relatedWords(phrase.replace("_", " "))) {
        if (/\s/.test(r.word) || isStopword(r.word) || r.word === verbLemma) continue;
        const key = wordKey(r.word);
        const strength = r.relation === "hypernym" ? 0 : RELATION_STRENGTH[r.relation];
        if (strength > 0 && (out.get(key) ?? 0) < strength) out.set(key, strength);
      }
    }
  } catch {
    out = null;
  }
  phraseCache.set(phrase, out);
  return out;
}

/**
 * Phrasal verbs in a token stream: verb token → the phrase's matching keys (see
 * `expandPhrasalVerb`). The particle must follow the verb directly ("soaked up", not "soaked it up").
 */
export function phrasalVerbKeys(tokens: readonly Token[]): Map<Token, ReadonlyMap<string, number>> {
  const out = new Map<Token, ReadonlyMap<string, number>>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const verb = tokens[i] as Token;
    const particle = tokens[i + 1] as Token;
    if (verb.pos !== "VERB" || !PARTICLES.has(particle.lower)) continue;
    const keys = expandPhrasalVerb(verb.lemma, particle.lower);
    if (keys) out.set(verb, keys);
  }
  return out;
}

const oppositesSchema = z.object({ about: z.string(), pairs: z.array(z.tuple([z.string().min(1), z.string().min(1)])) });
let opposites: Map<string, string[]> | null = null;

/** The opposites lexicon (`data/opposites.json`), validated once, as lemma → opposite lemmas. */
function getOpposites(): Map<string, string[]> {
  if (opposites) return opposites;
  const parsed = oppositesSchema.parse(oppositesData);
  const map = new Map<string, string[]>();
  const add = (a: string, b: string) => map.set(a, [...(map.get(a) ?? []), b]);
  for (const [a, b] of parsed.pairs) {
    add(a.toLowerCase(), b.toLowerCase());
    add(b.toLowerCase(), a.toLowerCase());
  }
  opposites = map;
  return map;
}

const antonymCache = new Map<string, ReadonlyMap<string, number>>();

/**
 * Matching keys of words asserting the opposite of `lemma`: WordNet antonyms of its first two
 * senses and of its synonyms' first sense, plus the opposites lexicon, each at strength 1.
 */
export function antonymKeys(lemma: string): ReadonlyMap<string, number> {
  const hit = antonymCache.get(lemma);
  if (hit) return hit;
  const out = new Map<string, number>();
  if (/^[a-z][a-z-]*$/.test(lemma) && lemma.length > 2) {
    const words = new Set<string>(getOpposites().get(lemma) ?? []);
    try {
      for (const w of antonymsOf(lemma, 2)) words.add(w);
    } catch {
      // WordNet unreadable: the lexicon still applies.
    }
    const self = wordKey(lemma);
    for (const w of words) {
      if (/\s/.test(w) || isStopword(w)) continue;
      const key = wordKey(w);
      if (key !== self) out.set(key, 1);
    }
  }
  antonymCache.set(lemma, out);
  return out;
}
