/**
 * Shared offline NLP helpers (no network, heavy resources loaded lazily and once):
 * - `analyze` — tokens with offsets, lemmas, Porter2 stems, POS, negation (wink-nlp) and alias concepts
 * - `segmentUnits` / `segmentParagraphs` — lines, bullets and sentences with offsets
 * - `AliasIndex` — entity aliases and acronyms (TTP = Tehreek-e-Taliban Pakistan = Pakistani Taliban)
 * - `findNumbers` — figures with kind and unit ("2,500", "six thousand", "66 per cent", "$60bn", "2,600km")
 * - `quantityKeys` — value keys so that "twenty years" matches "two decades" and "20" matches "twenty"
 * - `relatedWords` / `expandLemma` / `phrasalVerbKeys` — WordNet synonyms and derivations, also of phrasal verbs
 * - `countWords`, `normalizeChars`, `foldDiacritics` — examiner word count and same-length normalisation
 */
export * from "./aliases";
export * from "./analyze";
export * from "./capitals";
export * from "./claims";
export * from "./comparison";
export * from "./labels";
export * from "./lexical";
export * from "./normalize";
export * from "./numbers";
export * from "./quantities";
export * from "./segment";
export * from "./spelling";
export * from "./stopwords";
export * from "./wordnet";
