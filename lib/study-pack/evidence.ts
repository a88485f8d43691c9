import type { EvidenceSpan, Material } from "../generate/schemas";

/**
 * Builds evidence spans from quotes instead of hand-counted offsets: `span(materialId, quote)`
 * finds `quote` in that material's text and returns `{materialId, start, end, quote}` with
 * `text.slice(start, end) === quote`. Throws when the material is unknown or the quote is absent
 * or occurs more than once (an ambiguous span would point the learner at the wrong sentence).
 */
export function createSpanFinder(materials: readonly Material[]) {
  const byId = new Map(materials.map((m) => [m.id, m] as const));
  return function span(materialId: string, quote: string): EvidenceSpan {
    const material = byId.get(materialId);
    if (!material) throw new Error(`Unknown material "${materialId}"`);
    const start = material.text.indexOf(quote);
    if (start < 0) throw new Error(`Quote not found in ${materialId}: "${quote}"`);
    if (material.text.indexOf(quote, start + 1) >= 0) {
      throw new Error(`Quote is ambiguous in ${materialId}: "${quote}"`);
    }
    return { materialId, start, end: start + quote.length, quote };
  };
}
