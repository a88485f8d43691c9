import { z } from "zod";
import { checkSentenceStarts, materialSchema } from "@/lib/generate/schemas";

/** Largest accepted material, in bytes of UTF-8 (about 300 pages of prose). */
export const MAX_MATERIAL_BYTES = 2_000_000;

export const materialFormats = ["text", "markdown", "html"] as const;
export type MaterialFormat = (typeof materialFormats)[number];

/** What a teacher pastes or uploads. `filename` picks the format (.txt/.md/.html); pasted text has none. */
export const ingestInputSchema = z.object({
  title: z.string().trim().max(300).optional(),
  source: z.string().trim().min(1).max(300),
  outlet: z.string().trim().max(200).optional(),
  publishedAt: z.string().trim().max(40).optional(),
  url: z.string().trim().max(2000).optional(),
  filename: z.string().trim().max(300).optional(),
  format: z.enum(materialFormats).optional(),
  content: z.string(),
  /**
   * Offsets into `content` where a sentence certainly starts: the `sentenceStarts` a stored (already
   * cleaned) material was saved with, so that its re-read splits where the first read did. Ascending,
   * each inside `content`.
   */
  sentenceStarts: z.array(z.number().int().nonnegative()).optional(),
}).superRefine((input, ctx) => checkSentenceStarts(input.sentenceStarts, input.content.length, ctx));
export type IngestInput = z.infer<typeof ingestInputSchema>;

/** Half-open character range `[start, end)` into a material's cleaned text. */
export const spanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof spanSchema>;

export const blockKinds = ["heading", "paragraph", "list_item"] as const;
export const blockSchema = spanSchema.extend({
  index: z.number().int().nonnegative(),
  kind: z.enum(blockKinds),
  /** The heading this block falls under (index into blocks), if any. */
  headingIndex: z.number().int().nonnegative().optional(),
});
export type Block = z.infer<typeof blockSchema>;

export const tokenSchema = spanSchema.extend({ pos: z.string(), lemma: z.string(), stem: z.string() });
export type Token = z.infer<typeof tokenSchema>;

export const sentenceSchema = spanSchema.extend({
  index: z.number().int().nonnegative(),
  blockIndex: z.number().int().nonnegative(),
  text: z.string(),
  tokens: z.array(tokenSchema),
});
export type Sentence = z.infer<typeof sentenceSchema>;

export const entityKinds = ["person", "place", "organization", "group", "other"] as const;
export type EntityKind = (typeof entityKinds)[number];
export const entitySchema = z.object({
  id: z.string(),
  /** The fullest name seen (an expansion rather than its acronym). */
  name: z.string(),
  kind: z.enum(entityKinds),
  /** Every surface form that refers to it, including spelling variants and acronyms. */
  aliases: z.array(z.string()),
  acronym: z.string().optional(),
  mentions: z.array(spanSchema.extend({ sentenceIndex: z.number().int() })),
  /** Role or description from an appositive ("Pakistan's chief of army staff"). */
  role: z.string().optional(),
});
export type Entity = z.infer<typeof entitySchema>;

export const acronymSchema = z.object({
  short: z.string(),
  expansion: z.string(),
  sentenceIndex: z.number().int(),
  span: spanSchema,
});
export type Acronym = z.infer<typeof acronymSchema>;

export const numberFactSchema = spanSchema.extend({
  sentenceIndex: z.number().int(),
  /** The figure as written, with qualifier and unit: "more than 2,500", "66 per cent", "$60bn". */
  text: z.string(),
  /** The bare figure as written: "2,500", "66 per cent", "$60bn" (what a cloze deletes). */
  figure: z.string(),
  value: z.number(),
  unit: z.enum(["count", "percent", "money", "distance", "year", "duration", "other"]),
  qualifier: z.string().optional(),
  /** What is counted: "civilians", "TTP fighters", "increase in terrorism". */
  subject: z.string().optional(),
  /** Year the figure refers to, when the sentence names one. */
  year: z.number().int().optional(),
});
export type NumberFact = z.infer<typeof numberFactSchema>;

export const datedEventSchema = spanSchema.extend({
  sentenceIndex: z.number().int(),
  /** The date phrase as written: "December 2024", "2007". */
  label: z.string(),
  year: z.number().int(),
  month: z.number().int().min(1).max(12).optional(),
  /** Day of the month when the phrase names one ("8 November 2016", "November 8, 2016"). */
  day: z.number().int().min(1).max(31).optional(),
  /** A financial year ("2017-18", "FY18") or a quarter of one ("Q4'16-17"); `year` is its first year. */
  isFiscal: z.boolean().optional(),
  quarter: z.number().int().min(1).max(4).optional(),
  /** Sortable key, "2024-12". */
  sortKey: z.string(),
  /** The sentence with the date phrase removed, for timeline cards. */
  event: z.string(),
});
export type DatedEvent = z.infer<typeof datedEventSchema>;

export const quoteSchema = spanSchema.extend({
  sentenceIndex: z.number().int(),
  text: z.string(),
  speaker: z.string().optional(),
  role: z.string().optional(),
  /** Where the speaker is named (may be another sentence for continued quotes). */
  attribution: spanSchema.optional(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const definitionSchema = spanSchema.extend({
  sentenceIndex: z.number().int(),
  term: z.string(),
  definition: z.string(),
  /** Where the term itself stands; the definition span is [start, end). */
  termSpan: spanSchema,
});
export type Definition = z.infer<typeof definitionSchema>;

export const claimSchema = z.object({
  sentenceIndex: z.number().int(),
  /** Higher is more informative: named actors, figures, dates, a predicate. */
  score: z.number(),
  entityIds: z.array(z.string()),
  isQuoted: z.boolean(),
});
export type Claim = z.infer<typeof claimSchema>;

export const removedSchema = z.object({ text: z.string(), reason: z.string() });

export const processedMaterialSchema = z.object({
  material: materialSchema,
  blocks: z.array(blockSchema),
  sentences: z.array(sentenceSchema),
  entities: z.array(entitySchema),
  acronyms: z.array(acronymSchema),
  numbers: z.array(numberFactSchema),
  events: z.array(datedEventSchema),
  quotes: z.array(quoteSchema),
  definitions: z.array(definitionSchema),
  claims: z.array(claimSchema),
  /** Lines dropped as page boilerplate, with why — shown to the teacher for review. */
  removed: z.array(removedSchema),
});
export type ProcessedMaterial = z.infer<typeof processedMaterialSchema>;
