import { wordKey } from "./analyze";
import { relatedWords } from "./wordnet";
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
