import type { Block, Sentence } from "./schemas";
import { tokenizeSentences } from "./nlp";

const LIST_MARKER = /^(?:[-*\u2022\u25aa\u25cf]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/;

/**
 * True for a line that reads as a heading: short, no closing full stop, and either in capitals,
 * mostly capitalised words, or a bare label ("Introduction", "Core Demand of the Question").
 */
export function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed || LIST_MARKER.test(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  if (words.length > 16 || /[.!;,:"]$/.test(trimmed) || /^eg\b|^e\.g\./i.test(trimmed)) return false;
  const letters = trimmed.replace(/[^A-Za-z]/g, "");
  if (letters.length >= 4 && letters === letters.toUpperCase()) return true;
  const content = words.filter((w) => /^[A-Za-z]/.test(w) && !/^(?:of|the|a|an|and|or|in|on|at|to|for|with|by|from|vs|via|as|its)$/i.test(w));
  const capitalised = content.filter((w) => /^[A-Z]/.test(w)).length;
  if (trimmed.endsWith("?")) return content.length > 0 && capitalised / content.length >= 0.75;
  if (words.length <= 4) return capitalised >= 1;
  return content.length > 0 && capitalised / content.length >= 0.6;
}

export interface Segmentation {
  blocks: Block[];
  sentences: Sentence[];
}

/**
 * Splits cleaned text into blocks (one per line: heading, paragraph or list item) and the
 * paragraphs and list items into sentences, all with [start, end) offsets into `text`.
 * A list marker ("- ", "1. ") is left outside its sentence.
 */
export function segmentText(text: string): Segmentation {
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  let headingIndex: number | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) {
      const index = blocks.length;
      const isHeading = isHeadingLine(line);
      const marker = LIST_MARKER.exec(line);
      const kind: Block["kind"] = isHeading ? "heading" : marker ? "list_item" : "paragraph";
      blocks.push({ index, kind, start: lineStart, end: lineEnd, ...(headingIndex !== undefined && !isHeading ? { headingIndex } : {}) });
      if (isHeading) headingIndex = index;
      else {
        const bodyStart = lineStart + (marker ? marker[0].length : 0);
        for (const s of tokenizeSentences(text, bodyStart, lineEnd)) {
          sentences.push({ index: sentences.length, blockIndex: index, start: s.start, end: s.end, text: text.slice(s.start, s.end), tokens: s.tokens });
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return { blocks, sentences };
}
