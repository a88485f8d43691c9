import { z } from "zod";
import type { Corpus, SentenceRef } from "./corpus";
import type { EvidenceSpan } from "./schemas";
import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { evidenceOf, roughStem, sentenceEvidence, STOP_WORDS, wordCount } from "./text";
import aspectsData from "./demand-aspects.json";

const aspectsSchema = z.object({
  aspects: z.string().min(1),
  pointingBack: z.string().min(1),
  aspectCues: z.array(z.object({ aspects: z.string().min(1), cues: z.string().min(1) })),
});
const ASPECTS = aspectsSchema.parse(aspectsData);
/** Stems of the words naming an aspect of a subject ("role", "consequences"), which sentences seldom repeat. */
const ASPECT_STEMS = new Set(ASPECTS.aspects.split("|").map(roughStem));
/** Aspect stem → the stems of the subject-neutral words stating it ("mechanism" → driven, causes, heats…). */
const ASPECT_CUES = new Map<string, string[]>(
  ASPECTS.aspectCues.flatMap((a) => {
    const cues = [...new Set(a.cues.split("|").map(roughStem))];
    return a.aspects.split("|").map((w) => [roughStem(w), cues] as [string, string[]]);
  }),
);
/** "its consequences for…", "their contribution to…": a demand that points back to the subject of the one before. */
const POINTING_BACK = new RegExp(String.raw`^(?:${ASPECTS.pointingBack.split("|").join("|")})\b`, "i");

/** Whether a demand opens by pointing back to the subject of the demand before it ("Its significance for…"). */
export function pointsBack(demand: string): boolean {
  return POINTING_BACK.test(demand.trim());
}

/**
 * What one demand asks about, as weighted stems: its own words that no other demand of the question shares (an aspect
 * word such as "role" at half weight, never required), their strong widenings (given by the caller: the subject
 * lexicon's concepts, weighted 0.5 or more; WordNet's weaker senses wander — "mass" → flock, heap — and are left out), and the
 * words the material itself uses beside them ("agriculture" → crop, sowing, kharif when most sentences naming one name
 * the other). `required` holds the stems of which a sentence must carry one to answer this demand and no other.
 */
export interface DemandFocus {
  weights: Map<string, number>;
  required: Set<string>;
  /**
   * Stems weighted only as an aspect's cue ("cut", "rose" for "consequences"): they say how a sentence speaks of the
   * demand's subject, not that it does, and count only beside a required stem (engine review of 7 Dec 2026, M5).
   */
  cues: Set<string>;
}

/** A sentence's section heading's stems (the heading it falls under), cached per material. */
const headingStemCache = new WeakMap<ProcessedMaterial, Map<number, Set<string>>>();
function headingStemsOf(pm: ProcessedMaterial, sentence: Sentence): Set<string> {
  let perBlock = headingStemCache.get(pm);
  if (!perBlock) headingStemCache.set(pm, (perBlock = new Map()));
  const headingIndex = pm.blocks[sentence.blockIndex]?.headingIndex;
  if (headingIndex === undefined) return new Set();
  let stems = perBlock.get(headingIndex);
  if (!stems) {
    const block = pm.blocks[headingIndex]!;
    const text = pm.material.text.slice(block.start, block.end).replace(/\[edit\]/gi, "");
    perBlock.set(headingIndex, (stems = new Set(wordsOf(text).map(roughStem))));
  }
  return stems;
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z-]+/)
    .flatMap((w) => [w, ...(w.includes("-") ? w.split("-") : [])])
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w));
}

/**
 * The focus of each demand of a question. `demandWords[i]` are demand i's content words (directive words and the
 * question's names already removed); `widen(words)` gives their WordNet/lexicon widenings as stem → weight (< 1).
 * A stem that a large share of the material's sentences carry (over a quarter) is the material's topic, not what a
 * demand asks about, and is not required.
 */
export function demandFoci(demandWords: ReadonlyArray<readonly string[]>, corpus: Corpus, widen: (words: string[]) => Map<string, number>): DemandFocus[] {
  const stemLists = demandWords.map((ws) => ws.map(roughStem));
  const n = corpus.refs.length;
  const df = (stem: string) => corpus.byStem.get(stem)?.length ?? 0;
  const isTopic = (stem: string) => df(stem) > Math.max(6, n * 0.25);
  return demandWords.map((words, i) => {
    const others = new Set(stemLists.flatMap((s, k) => (k === i ? [] : s)));
    const own = words.filter((w) => !others.has(roughStem(w)));
    const weights = new Map<string, number>();
    const required = new Set<string>();
    const cues = new Set<string>();
    const put = (stem: string, w: number, cue = false) => {
      if (stem.length < 3 || others.has(stem)) return;
      if (!cue) cues.delete(stem);
      else if (!weights.has(stem)) cues.add(stem);
      if ((weights.get(stem) ?? 0) < w) weights.set(stem, w);
    };
    for (const w of own) {
      const stem = roughStem(w);
      const aspect = ASPECT_STEMS.has(stem) || ASPECT_CUES.has(stem);
      put(stem, aspect ? 0.5 : 1);
      for (const cue of ASPECT_CUES.get(stem) ?? []) put(cue, 0.5, true);
      if (!aspect && df(stem) > 0 && !isTopic(stem)) required.add(stem);
    }
    // A required word is one that says what the demand is about: of its own words, those at least half as rare in the
    // material as its rarest ("agriculture", not the "valley" a demand on farming in a valley shares with every other).
    const idfs = [...required].map((st) => corpus.stemIdf(st));
    const rarest = Math.max(0, ...idfs);
    for (const st of [...required]) if (corpus.stemIdf(st) < 0.5 * rarest) required.delete(st);
    const widened = widen(own.filter((w) => !ASPECT_STEMS.has(roughStem(w))));
    for (const [stem, w] of widened) {
      if (w < 0.5) continue;
      put(stem, w);
      if (df(stem) > 0 && !isTopic(stem) && weights.get(stem) === w) required.add(stem);
    }
    // The material's own vocabulary for the demand: a word that two or more sentences carrying a required word also carry,
    // at least half of its own sentences and three in ten of that word's, and that no more than a tenth of the material has.
    for (const stem of [...required]) {
      const refs = corpus.byStem.get(stem) ?? [];
      if (refs.length < 2) continue;
      const co = new Map<string, number>();
      for (const r of refs) for (const x of r.stems) if (!x.startsWith("@") && x !== stem && x.length > 2) co.set(x, (co.get(x) ?? 0) + 1);
      for (const [x, k] of co) {
        if (k < 2 || others.has(x) || isTopic(x) || df(x) > n * 0.1 || k / df(x) < 0.5 || k / refs.length < 0.3) continue;
        if (!weights.has(x)) {
          put(x, 0.4);
          required.add(x);
        }
      }
    }
    // A demand on the question's own subject ("the mechanism of the Harl rains": the name is the question's, the
    // material's topic) is told apart by its cue verbs alone; one with a subject of its own only beside that subject's
    // words, and one whose subject the material never names ("the consequences of demonetisation") not by them at all.
    const ownSubject = own.filter((w) => !ASPECT_STEMS.has(roughStem(w)) && !ASPECT_CUES.has(roughStem(w)));
    if (required.size === 0 && !ownSubject.some((w) => df(roughStem(w)) === 0)) cues.clear();
    return { weights, required, cues };
  });
}

/**
 * How well a sentence answers a demand's focus: idf-weighted matches of its stems, and of its section heading's at
 * 0.6 (a sentence under "Impact on agriculture" speaks to a demand on agriculture). `requiredHit` says whether it
 * carries a required stem (in the sentence or, unless `withHeading` is false, its heading).
 */
export function focusFit(ref: SentenceRef, focus: DemandFocus, corpus: Corpus, withHeading = true): { score: number; requiredHit: boolean } {
  let score = 0;
  let cueScore = 0;
  let requiredHit = false;
  const heading = withHeading ? headingStemsOf(ref.pm, ref.sentence) : new Set<string>();
  for (const [stem, w] of focus.weights) {
    const inSentence = ref.stems.has(stem);
    const inHeading = !inSentence && heading.has(stem);
    if (!inSentence && !inHeading) continue;
    const s = (inSentence ? 1 : 0.6) * w * corpus.stemIdf(stem);
    if (focus.cues.has(stem)) cueScore += s;
    else score += s;
    if (focus.required.has(stem)) requiredHit = true;
  }
  // An aspect's cue verbs only break ties between sentences on the demand's subject.
  return { score: requiredHit ? score + cueScore : score, requiredHit };
}

/** A lead-in sentence ending in a colon and the list it introduces, each item one short line of the material. */
export interface MaterialList {
  pm: ProcessedMaterial;
  leadIn: SentenceRef;
  items: Array<{ text: string; start: number; end: number; ref?: SentenceRef }>;
}

const LIST_MARKER = /^\s*(?:[-*\u2022\u2013\u2014\u25aa\u25cf]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+/i;
/** The most words an item of a list may have: longer lines are paragraphs. */
const ITEM_WORDS = 25;

/**
 * The lists of a material: a sentence that ends its paragraph with a colon, followed by two or more lines each either a
 * marked list item or a short line without a sentence's closing stop, one directly under the other (a blank line ends
 * the list, unless the next line is a marked item).
 */
export function materialLists(pm: ProcessedMaterial, refs: readonly SentenceRef[]): MaterialList[] {
  const out: MaterialList[] = [];
  const text = pm.material.text;
  const bySentenceIndex = new Map(refs.map((r) => [r.sentence.index, r]));
  for (const leadIn of refs) {
    const s = leadIn.sentence;
    if (!/:\s*$/.test(s.text)) continue;
    const block = pm.blocks[s.blockIndex];
    if (!block || block.kind === "heading" || text.slice(s.end, block.end).trim()) continue;
    const items: MaterialList["items"] = [];
    let end = block.end;
    for (let b = s.blockIndex + 1; b < pm.blocks.length; b++) {
      const next = pm.blocks[b]!;
      const gap = text.slice(end, next.start);
      const raw = text.slice(next.start, next.end);
      const marked = LIST_MARKER.test(raw);
      if ((gap.match(/\n/g)?.length ?? 0) > 1 && !(marked && items.length)) break;
      const line = raw.replace(LIST_MARKER, "").trim();
      if (!line || wordCount(line) > ITEM_WORDS || (!marked && /[.!?]["'\u2019\u201d)]?$/.test(line))) break;
      const start = next.start + raw.indexOf(line);
      const sentence = pm.sentences.find((x) => x.blockIndex === b);
      items.push({ text: line, start, end: start + line.length, ...(sentence && bySentenceIndex.get(sentence.index) ? { ref: bySentenceIndex.get(sentence.index)! } : {}) });
      end = next.end;
    }
    if (items.length >= 2) out.push({ pm, leadIn, items });
  }
  return out;
}

/**
 * One point made of a list: its lead-in (an aside between dashes and the colon dropped) and as many of its items, in
 * order, as fit `maxWords`, separated by semicolons. Evidence: the lead-in sentence and each item kept, quoted exactly.
 */
export function listPoint(list: MaterialList, maxWords: number): { text: string; evidence: EvidenceSpan[]; itemsKept: number } {
  const lead = list.leadIn.sentence.text
    .replace(/(?:\s*[\u2014\u2013]\s*|\s+-\s+)[^\u2014\u2013]{1,40}?(?:\s*[\u2014\u2013]\s*|\s+-\s+)/g, " ")
    .replace(/\s*,\s*(?:among others|inter alia)\s*,\s*/gi, " ")
    .replace(/\s*:\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  const kept: MaterialList["items"] = [];
  for (const item of list.items) {
    if (kept.length >= 2 && wordCount(`${lead} ${[...kept, item].map((x) => x.text).join(" ")}`) > maxWords) break;
    kept.push(item);
  }
  const text = `${lead}: ${kept.map((x) => x.text.replace(/[;,]$/, "")).join("; ")}.`;
  const evidence = [sentenceEvidence(list.pm, list.leadIn.sentence), ...kept.map((x) => evidenceOf(list.pm, x.start, x.end))];
  return { text, evidence, itemsKept: kept.length };
}
