import { z } from "zod";
import economy from "./lexicons/economy.json";
import environment from "./lexicons/environment.json";
import general from "./lexicons/general.json";
import history from "./lexicons/history.json";
import internationalRelations from "./lexicons/international-relations.json";
import polity from "./lexicons/polity.json";
import type { Corpus } from "./corpus";
import { roughStem } from "./text";

/**
 * Subject lexicons (data files in ./lexicons, validated here): dimensions with their signal words and
 * way-forward phrases, demand concepts, and written-question templates. The engine knows language,
 * not subjects: a lexicon is used only when the material is plainly on its subject.
 */
const templateSchema = z.object({ marks: z.number().int().positive(), needs: z.array(z.string().min(1)), text: z.string().min(10) });
const lexiconSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  detect: z.string().min(1),
  dimensions: z.array(z.object({ id: z.string().min(1), label: z.string().min(2), words: z.string().min(1), wayForward: z.string().min(3) })).min(1),
  demandConcepts: z.array(z.object({ pattern: z.string().min(1), words: z.string().min(1) })),
  questionTemplates: z.array(templateSchema),
  /** How a conclusion built from the dimensions opens: "The way forward lies in" (or, for history, "The lasting lessons lie in"). */
  conclusionLead: z.string().min(3).default("The way forward lies in"),
});
const generalSchema = z.object({ questionTemplates: z.array(templateSchema).min(1), genericHeadings: z.string(), headingQualifiers: z.string(), closingHeadings: z.string() });

export type QuestionTemplate = z.infer<typeof templateSchema>;

export interface Dimension {
  id: string;
  label: string;
  wayForward: string;
  stems: Set<string>;
}

export interface Lexicon {
  id: string;
  name: string;
  detect: Set<string>;
  dimensions: Dimension[];
  demandConcepts: Array<[RegExp, string]>;
  questionTemplates: QuestionTemplate[];
  conclusionLead: string;
}

function load(raw: unknown): Lexicon {
  const l = lexiconSchema.parse(raw);
  return {
    id: l.id,
    name: l.name,
    detect: new Set(l.detect.split(/\s+/).map(roughStem)),
    dimensions: l.dimensions.map((d) => ({ id: d.id, label: d.label, wayForward: d.wayForward, stems: new Set(d.words.split(/\s+/).map(roughStem)) })),
    demandConcepts: l.demandConcepts.map((c) => [new RegExp(c.pattern), c.words] as [RegExp, string]),
    questionTemplates: l.questionTemplates,
    conclusionLead: l.conclusionLead,
  };
}

/** Every shipped lexicon; the TTP material's vocabulary is `international-relations`, one among several. */
export const LEXICONS: readonly Lexicon[] = [internationalRelations, polity, environment, economy, history].map(load);

const generalData = generalSchema.parse(general);
/** Subject-neutral question templates ({topic}, {aspects}, {aspect1}, {aspect2}, {headline}). */
export const GENERAL_TEMPLATES: readonly QuestionTemplate[] = generalData.questionTemplates;
/** Headings that name a part of any article ("History", "See also"), not an aspect of its subject. */
export const GENERIC_HEADINGS = new Set(generalData.genericHeadings.split(/\s+/));
/**
 * Headings of a material's closing or reform sections ("Conclusion", "Way forward", "Reform debates"), "|"-separated:
 * where a material weighs its subject and says what should be done.
 */
export const CLOSING_HEADINGS = new Set(generalData.closingHeadings.split("|"));
/** Modifiers that make no heading specific ("later developments", "legal framework"): with abstract nouns, a section label. */
export const HEADING_QUALIFIERS = new Set(generalData.headingQualifiers.split(/\s+/));

/** Hits of each lexicon's detect words per sentence needed before its vocabulary is used. */
const MIN_HITS_PER_SENTENCE = 0.34;

/** What one of the question's own subject words counts for, in detect-word hits per sentence of the material. */
const QUESTION_HIT_WEIGHT = 0.25;

const chosen = new WeakMap<Corpus, Map<string, Lexicon | null>>();
/**
 * The lexicon whose subject the material is plainly on — at least one detect-word hit every three
 * sentences — and, among those, the one the material and the question speak most: a GST text says
 * "Parliament" and "tax" alike, and a question on "fiscal federalism" settles it. Null when no lexicon
 * fits (then headings come from the points' own words).
 */
export function lexiconFor(corpus: Corpus, question = ""): Lexicon | null {
  const cache = chosen.get(corpus) ?? new Map<string, Lexicon | null>();
  chosen.set(corpus, cache);
  if (cache.has(question)) return cache.get(question) ?? null;
  const questionStems = (question.toLowerCase().match(/[a-z][a-z-]+/g) ?? []).map(roughStem);
  let best: { l: Lexicon; score: number } | null = null;
  const sentences = Math.max(1, corpus.refs.length);
  for (const l of LEXICONS) {
    let hits = 0;
    for (const stem of l.detect) hits += corpus.byStem.get(stem)?.length ?? 0;
    const rate = hits / sentences;
    if (rate < MIN_HITS_PER_SENTENCE) continue;
    const score = rate + QUESTION_HIT_WEIGHT * questionStems.filter((s) => l.detect.has(s)).length;
    if (!best || score > best.score) best = { l, score };
  }
  cache.set(question, best?.l ?? null);
  return best?.l ?? null;
}

/** Dimensions a set of stems signals under a lexicon, strongest first (ties keep the file's order). */
export function dimensionsIn(lexicon: Lexicon | null, stems: ReadonlySet<string>): Array<{ id: string; label: string; score: number }> {
  if (!lexicon) return [];
  const out: Array<{ id: string; label: string; score: number }> = [];
  for (const d of lexicon.dimensions) {
    let score = 0;
    for (const s of d.stems) if (stems.has(s)) score++;
    if (score > 0) out.push({ id: d.id, label: d.label, score });
  }
  return out.sort((a, b) => b.score - a.score);
}
