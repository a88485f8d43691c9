/**
 * Material engine: ingest pasted or uploaded text into a cleaned, segmented, annotated material.
 *   ingestMaterial({ title?, source, outlet?, publishedAt?, filename?, content, sentenceStarts? }) → ProcessedMaterial
 * See lib/generate/README.md.
 */
export { ingestMaterial, resolveFormat } from "./ingest";
export { cleanText, parseDateLabel } from "./clean";
export { normalizeText } from "./normalize";
export { segmentText, isHeadingLine } from "./segment";
export { nameKey, isAcronym, initialsMatch } from "./entities";
export { createAliasResolver, type AliasResolver } from "./aliases";
export * from "./schemas";
