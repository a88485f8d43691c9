/**
 * Splits a written answer (or any text) into units an examiner reads as one statement: lines
 * (headings, bullets, numbered points) and the sentences within them. Offsets are [start, end)
 * into the input, trimmed of surrounding spaces and bullet markers.
 */

export interface Segment {
  start: number;
  end: number;
  /** Index of the paragraph (block of lines separated by a blank line) the unit belongs to. */
  paragraph: number;
  /** Index of the line within the whole text. */
  line: number;
  /** True when the unit starts with a bullet or number marker ("-", "•", "1.", "a)"). */
  isBullet: boolean;
}

const ABBREVIATIONS = new Set([
  "e.g", "i.e", "eg", "ie", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "st", "no", "govt", "gov", "dept", "approx",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "inc", "ltd",
  "co", "fig", "cf", "al",
]);

const BULLET_RE = /^\s*(?:[-*•▪◦‣–—>]+|\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|\(?[ivxIVX]{1,4}[.)]|\([+\-]\))\s+/;

/**
 * Sentence-level units of a text, split at line breaks and sentence-final punctuation, and at
 * `sentenceStarts` (ascending offsets into `text` where a sentence is known to start, such as a
 * stored material's boundaries vouched for by a citation marker its cleaning removed: "…World War
 * I. Its veterans…" reads as one sentence by punctuation alone).
 */
export function segmentUnits(text: string, sentenceStarts: readonly number[] = []): Segment[] {
  const out: Segment[] = [];
  let nextStart = 0; // index into sentenceStarts of the first start not yet passed
  let paragraph = 0;
  let lineIndex = 0;
  let pos = 0;
  const lines = text.split("\n");
  let prevBlank = false;
  for (const line of lines) {
    const lineStart = pos;
    pos += line.length + 1;
    if (!line.trim()) {
      if (!prevBlank && out.length) paragraph++;
      prevBlank = true;
      continue;
    }
    prevBlank = false;
    const bullet = BULLET_RE.exec(line);
    let offset = bullet ? bullet[0].length : 0;
    while (offset < line.length && /\s/.test(line[offset] ?? "")) offset++;
    const isBullet = !!bullet;
    let sentStart = offset;
    for (let i = offset; i < line.length; i++) {
      while (nextStart < sentenceStarts.length && sentenceStarts[nextStart]! < lineStart + i) nextStart++;
      if (sentenceStarts[nextStart] === lineStart + i && i > sentStart) {
        push(out, line, lineStart, sentStart, i, paragraph, lineIndex, isBullet && sentStart === offset);
        sentStart = i;
      }
      const ch = line[i];
      if (ch !== "." && ch !== "!" && ch !== "?") continue;
      const next = line[i + 1];
      if (next !== undefined && next !== " " && next !== '"' && next !== "'") continue;
      // The next sentence should start with a capital, digit, quote or bracket.
      const rest = line.slice(i + 1).trimStart();
      if (rest && !/^["'(\[\p{Lu}\d]/u.test(rest)) continue;
      if (ch === ".") {
        const wordBefore = /([\p{L}.]+)$/u.exec(line.slice(sentStart, i))?.[1]?.toLowerCase() ?? "";
        if (ABBREVIATIONS.has(wordBefore) || /^[\p{L}]$/u.test(wordBefore) || /^(?:[\p{L}]\.)+[\p{L}]$/u.test(wordBefore)) continue;
        if (/\d$/.test(line.slice(0, i)) && /^\d/.test(line.slice(i + 1))) continue;
      }
      push(out, line, lineStart, sentStart, i + 1, paragraph, lineIndex, isBullet && sentStart === offset);
      sentStart = i + 1;
    }
    push(out, line, lineStart, sentStart, line.length, paragraph, lineIndex, isBullet && sentStart === offset);
    lineIndex++;
  }
  return out;
}

/**
 * A run-on "sentence" longer than this many words is cut at clause boundaries (",", ";", ":",
 * " and ", " but ") into pieces of at least `MIN_PIECE_WORDS`, so that no single unit can stand
 * for a whole unpunctuated answer.
 */
export const MAX_UNIT_WORDS = 60;
const MIN_PIECE_WORDS = 25;

function push(
  out: Segment[],
  line: string,
  lineStart: number,
  from: number,
  to: number,
  paragraph: number,
  lineIndex: number,
  isBullet: boolean,
) {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(line[a] ?? "")) a++;
  while (b > a && /\s/.test(line[b - 1] ?? "")) b--;
  if (b <= a || !/[\p{L}\p{N}]/u.test(line.slice(a, b))) return;
  const words = line.slice(a, b).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words > MAX_UNIT_WORDS) {
    // Cut at the first clause boundary after MIN_PIECE_WORDS words, then recurse on the rest.
    const re = /[\p{L}\p{N}]+/gu;
    re.lastIndex = a;
    let count = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) && m.index < b) {
      count++;
      if (count < MIN_PIECE_WORDS) continue;
      const rest = line.slice(m.index + m[0].length, b);
      const boundary = /^(?:\s*[,;:]|\s+(?=(?:and|but|while|whereas|because|so)\s))/i.exec(rest);
      if (boundary && words - count >= MIN_PIECE_WORDS / 2) {
        const cut = m.index + m[0].length + boundary[0].length;
        out.push({ start: lineStart + a, end: lineStart + cut - (boundary[0].trim() ? 0 : boundary[0].length), paragraph, line: lineIndex, isBullet });
        push(out, line, lineStart, cut, b, paragraph, lineIndex, false);
        return;
      }
    }
  }
  out.push({ start: lineStart + a, end: lineStart + b, paragraph, line: lineIndex, isBullet });
}

/** Paragraph spans (blocks separated by blank lines), trimmed. */
export function segmentParagraphs(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    if (!raw.trim()) continue;
    const lead = raw.length - raw.trimStart().length;
    const start = (m.index ?? 0) + lead;
    out.push({ start, end: start + raw.trim().length });
  }
  return out;
}
