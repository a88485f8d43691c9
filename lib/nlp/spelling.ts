import { distance } from "fastest-levenshtein";
import { z } from "zod";
import indianEnglish from "./data/indian-english.json";
import { isStopword } from "./stopwords";
import { isKnownWord } from "./wordnet";

/**
 * Tolerant reading of how students write:
 * - misspellings: a word that is neither in WordNet nor in the question's own vocabulary (rubric,
 *   reference and model answers, the question, the material) is read as the vocabulary word
 *   within edit distance 1 (words of 4–7 letters) or 2 (8 letters or more) that shares its first
 *   letter or its first two letters swapped — the unique nearest one (Levenshtein 1966; Damerau's
 *   observation that most typing errors are one edit). A known English word is corrected only
 *   from 6 letters and at distance 1 ("batter" → "battery"), since short real words collide.
 * - Indian English, Hinglish and note-form spellings ("govt", "upliftment", "b/w", "kisan") read
 *   as the plain word, from `data/indian-english.json`.
 */

const indianEnglishSchema = z.object({ about: z.string(), words: z.record(z.string(), z.string().min(1)) });
let variants: Map<string, string> | null = null;

/** The plain English word for an Indian English / note-form spelling, if the lexicon lists it. */
export function standardSpelling(word: string): string | undefined {
  variants ??= new Map(Object.entries(indianEnglishSchema.parse(indianEnglish).words).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]));
  return variants.get(word.toLowerCase());
}

export interface SpellingCorrection {
  word: string;
  distance: number;
}

/** Nearest-word lookup over a question's vocabulary, indexed by first letter; results cached. */
export class SpellingVocabulary {
  private readonly byInitial = new Map<string, string[]>();
  private readonly words = new Set<string>();
  private readonly cache = new Map<string, SpellingCorrection | null>();

  add(word: string): void {
    const w = word.toLowerCase();
    if (w.length < 4 || !/^[a-z][a-z-]*$/.test(w) || this.words.has(w) || isStopword(w)) return;
    this.words.add(w);
    const list = this.byInitial.get(w[0] as string);
    if (list) list.push(w);
    else this.byInitial.set(w[0] as string, [w]);
  }

  has(word: string): boolean {
    return this.words.has(word.toLowerCase());
  }

  get size(): number {
    return this.words.size;
  }

  /** The vocabulary word a misspelt `word` stands for, or null (see the module doc for the rule). */
  correct(word: string): SpellingCorrection | null {
    const w = word.toLowerCase();
    const hit = this.cache.get(w);
    if (hit !== undefined) return hit;
    const result = this.lookup(w);
    this.cache.set(w, result);
    return result;
  }

  private lookup(w: string): SpellingCorrection | null {
    if (w.length < 4 || !/^[a-z][a-z-]*$/.test(w) || this.words.has(w) || isStopword(w)) return null;
    const known = safeIsKnown(w);
    if (known && w.length < 6) return null;
    const maxDistance = known ? 1 : w.length >= 8 ? 2 : 1;
    const candidates = [...(this.byInitial.get(w[0] as string) ?? []), ...(w[1] && w[1] !== w[0] ? (this.byInitial.get(w[1]) ?? []) : [])];
    let best: SpellingCorrection | null = null;
    let isTie = false;
    for (const c of candidates) {
      if (Math.abs(c.length - w.length) > maxDistance) continue;
      if (c[0] !== w[0] && !(c[0] === w[1] && c[1] === w[0])) continue;
      const d = distance(w, c);
      if (d > maxDistance || d === 0) continue;
      // An inflected form of a vocabulary word ("terminals", "connected") is not a misspelling of it.
      if (isInflection(w, c) || isInflection(c, w)) continue;
      if (!best || d < best.distance) {
        best = { word: c, distance: d };
        isTie = false;
      } else if (d === best.distance && c !== best.word) isTie = true;
    }
    return best && !isTie ? best : null;
  }
}

function isInflection(longer: string, base: string): boolean {
  if (!longer.startsWith(base.replace(/e$/, ""))) return false;
  const rest = longer.slice(base.replace(/e$/, "").length);
  return ["s", "es", "d", "ed", "ing", "e", "er", "ers"].includes(rest);
}

function safeIsKnown(word: string): boolean {
  try {
    return isKnownWord(word);
  } catch {
    return false;
  }
}
