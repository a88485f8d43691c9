import type { Block, Sentence } from "./schemas";
import { tokenizeSentences, type TokenizedSentence } from "./nlp";

/** The text of one of a sentence's tokens (offsets are into the whole text); "" for none. */
export function textOfToken(sentence: Sentence, token: Sentence["tokens"][number] | undefined): string {
  return token ? sentence.text.slice(token.start - sentence.start, token.end - sentence.start) : "";
}

/** The text of a sentence's `i`-th token ("" past either end). */
export function tokenText(sentence: Sentence, i: number): string {
  return textOfToken(sentence, sentence.tokens[i]);
}

/**
 * Where offset `pos` falls among `sentences` (in text order, [start, end) offsets): the array position of the
 * sentence holding it (`holds`), or, when none does, the position of the first sentence after it.
 */
export function sentencePositionAt(sentences: ReadonlyArray<{ start: number; end: number }>, pos: number): { at: number; holds: boolean } {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return { at: mid, holds: true };
  }
  return { at: lo, holds: false };
}

/**
 * "- ", "• ", "1. ", "(a) ", and an outline number before a note's entry that opens with a capital ("2.3 Oath…", "4.1.2
 * Powers…"; not the figure of "3.5 million people were displaced", "2.5 per cent of GDP").
 */
const LIST_MARKER = /^(?:[-*\u2022\u25aa\u25cf]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\d{1,2}(?:\.\d{1,2})+\.?(?=\s+(?!(?:Million|Billion|Trillion|Thousand|Lakh|Lakhs|Crore|Crores|Per|Percent)\b)\p{Lu}\p{Ll}))\s+/u;
/** An outline number before a heading ("2.3 Powers of the President"). */
const OUTLINE_NUMBER = /^\d{1,2}(?:\.\d{1,2})+\.?\s+/;

/**
 * True for a line that reads as a heading: short, no closing full stop, and either in capitals,
 * mostly capitalised words, or a bare label ("Introduction", "Core Demand of the Question").
 */
export function isHeadingLine(line: string): boolean {
  const trimmed = line.trim();
  // "2.3 Powers of the President" is a numbered heading; "2.3 Oath (Article 60): administered by…" an entry.
  if (OUTLINE_NUMBER.test(trimmed)) return isHeadingLine(trimmed.replace(OUTLINE_NUMBER, ""));
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

/**
 * A heading in sentence case ("New fault lines: fiscal federalism and the GST Council", "The Inter-State Council and the
 * zonal councils"): a short line of its own — a blank line (or the start) before it and after it — opening with a capital,
 * with no closing punctuation and no verb, over a paragraph of at least 20 words that opens with a capital (not a quotation
 * the line leads into). Not a one-line sentence without its full stop ("The repo rate was kept unchanged at 6.5 per
 * cent"), a figure or formula, nor the last entry of a list written without markers (a short line just before it).
 */
function isSentenceCaseHeading(text: string, lineStart: number, lineEnd: number): boolean {
  const line = text.slice(lineStart, lineEnd).trim();
  if (!/^[\p{Lu}\d]/u.test(line) || /[.!?;,:"')\]\d%]$|\bper cent$/.test(line) || LIST_MARKER.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > 12 || /[.!?]\s+\p{Lu}/u.test(line)) return false;
  if (lineStart > 0 && !/\n[^\S\n]*\n$/.test(text.slice(Math.max(0, lineStart - 2), lineStart))) return false;
  const after = /^\n[^\S\n]*\n\s*([^\n]+)/.exec(text.slice(lineEnd));
  if (!after) return false;
  const next = after[1]!.trim();
  if (!/^\p{Lu}/u.test(next) || LIST_MARKER.test(next) || next.split(/\s+/).length < 20) return false;
  // The line before, if a short line without a full stop too, makes this one the end of a list.
  const previous = /([^\n]*)\n[^\S\n]*\n[^\S\n]*$/.exec(text.slice(Math.max(0, lineStart - 400), lineStart))?.[1]?.trim() ?? "";
  if (previous && previous.split(/\s+/).length <= 12 && !/[.!?:]$/.test(previous) && !isHeadingLine(previous)) return false;
  // A verb makes it a sentence that lost its full stop, not a heading.
  return !tokenizeSentences(text, lineStart, lineEnd).some((s) => s.tokens.some((t) => t.pos === "AUX" || (t.pos === "VERB" && !/ing$/i.test(text.slice(t.start, t.end)))));
}

/** A headline's most words (a longer first line is a sentence that lost its full stop). */
const HEADLINE_MAX_WORDS = 18;

/**
 * A document's headline: its first line, standing alone (a blank line after it) over a body — a paragraph of at least 20
 * words that closes a sentence within its next six lines — a line of 3 to 18 words opening with a capital or a figure, with no closing full
 * stop (a question mark may close it: "Dal dilemma: can India grow its way out of pulse imports?") and no sentence break
 * inside. News writes its headline as a clause, verb and all ("Namma Metro fares go up after committee report; ridership
 * slips…"), which the tests for a heading above refuse; standing first, it is the title, not a sentence of the body.
 */
function isHeadlineLine(text: string, lineStart: number, lineEnd: number): boolean {
  if (text.slice(0, lineStart).trim()) return false;
  const line = text.slice(lineStart, lineEnd).trim();
  // (A closing quotation mark or bracket hides the full stop before it: "“…whatever it takes,” the Governor said.”")
  const closing = line.replace(/["'’”)\]]+$/u, "");
  if (!/^[\p{Lu}\d‘“"']/u.test(line) || /[.!;,:]$/.test(closing) || LIST_MARKER.test(line) || /[.!?]\s+\p{Lu}/u.test(line)) return false;
  // A headline is short, and says no more than its news: a clause ", which…", "according to…" is a sentence's.
  const words = line.split(/\s+/).length;
  if (words < 3 || words > HEADLINE_MAX_WORDS || /,\s+(?:which|who|whose|where)\b|\baccording to\b/i.test(line)) return false;
  const rest = text.slice(lineEnd, lineEnd + 4000);
  if (!/^\n[^\S\n]*\n/.test(rest)) return false;
  // (A standfirst, a byline, a dateline or a section's heading may come between it and the body.)
  const lines = rest.split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 6);
  return lines.some((l) => !LIST_MARKER.test(l) && l.split(/\s+/).length >= 20 && /[.!?]["'’”)]?$/.test(l));
}

export interface Segmentation {
  blocks: Block[];
  sentences: Sentence[];
}

/**
 * Splits cleaned text into blocks (one per line: heading, paragraph or list item) and the
 * paragraphs and list items into sentences, all with [start, end) offsets into `text`.
 * A list marker ("- ", "1. ") is left outside its sentence. A sentence is also split at every offset
 * in `sentenceStarts` (boundaries known from the source, such as a removed citation marker).
 */
export function segmentText(text: string, sentenceStarts: readonly number[] = []): Segmentation {
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
      const isHeading = isHeadingLine(line) || isSentenceCaseHeading(text, lineStart, lineEnd) || (index === 0 && isHeadlineLine(text, lineStart, lineEnd));
      const marker = LIST_MARKER.exec(line);
      const kind: Block["kind"] = isHeading ? "heading" : marker ? "list_item" : "paragraph";
      blocks.push({ index, kind, start: lineStart, end: lineEnd, ...(headingIndex !== undefined && !isHeading ? { headingIndex } : {}) });
      if (isHeading) headingIndex = index;
      else {
        const bodyStart = lineStart + (marker ? marker[0].length : 0);
        for (const s of splitAt(tokenizeSentences(text, bodyStart, lineEnd), sentenceStarts)) {
          sentences.push({ index: sentences.length, blockIndex: index, start: s.start, end: s.end, text: text.slice(s.start, s.end), tokens: s.tokens });
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return { blocks, sentences };
}

/** Splits each sentence at the known sentence starts that fall inside it (at a token boundary). */
function splitAt(sentences: TokenizedSentence[], starts: readonly number[]): TokenizedSentence[] {
  if (!starts.length) return sentences;
  return sentences.flatMap((sentence) => {
    const inside = starts.filter((at) => at > sentence.start && at < sentence.end);
    if (!inside.length) return [sentence];
    const parts: TokenizedSentence[] = [];
    let tokens = sentence.tokens;
    for (const at of inside) {
      const head = tokens.filter((t) => t.start < at);
      const tail = tokens.filter((t) => t.start >= at);
      if (!head.length || !tail.length || tail[0]!.start !== at) continue;
      parts.push({ start: head[0]!.start, end: head[head.length - 1]!.end, tokens: head });
      tokens = tail;
    }
    parts.push({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens });
    return parts;
  });
}
