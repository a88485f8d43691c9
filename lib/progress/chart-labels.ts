/**
 * Layout of category labels beside horizontal bars. A category axis under vertical bars drops labels
 * that overlap (four rubric dimensions do not fit under a 390 px phone's chart), so the category
 * charts put one bar per row with its label wrapped beside it, and grow in height with the rows.
 */

/** A piece of a label that may start a line: a word, or the part of a word after a dash ("Pakistan–" | "Afghanistan"). */
interface Piece {
  text: string;
  /** Whether a space separates it from the piece before (false after a dash inside a word). */
  isSpaced: boolean;
}

/** Dashes after which a word may break (hyphen, non-breaking and soft variants aside, en and em dash). */
const BREAK_AFTER_DASH = /(?<=\p{L}[-\u2010\u2013\u2014])(?=\p{L})/u;

function piecesOf(label: string): Piece[] {
  return label
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => word.split(BREAK_AFTER_DASH).map((text, i) => ({ text, isSpaced: i === 0 })));
}

const joined = (pieces: readonly Piece[]) => pieces.map((p, i) => (i > 0 && p.isSpaced ? ` ${p.text}` : p.text)).join("");

/** A word longer than a whole line, shortened with "…" to fit it (it is never continued on the next line). */
const shortened = (text: string, width: number) => (text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text);

/** The last line kept when a label needs more lines than allowed: it ends with "…", dropping whole pieces to make room. */
function withEllipsis(pieces: readonly Piece[], width: number): string {
  let kept = [...pieces];
  while (kept.length > 1 && joined(kept).length + 1 > width) kept = kept.slice(0, -1);
  const text = joined(kept);
  return text.length + 1 > width ? `${text.slice(0, Math.max(1, width - 1))}…` : `${text}…`;
}

/**
 * Splits a label into lines of at most `maxChars` characters, breaking only between words or after a
 * dash inside a word ("Pakistan–" / "Afghanistan conflict"), never inside a word: a word longer than
 * a line stands on a line of its own, shortened with "…". Past `maxLines` the last line ends with "…".
 * An empty label gives [""].
 */
export function wrapLabel(label: string, maxChars: number, maxLines = 3): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  for (const piece of piecesOf(label)) {
    if (line.length && joined([...line, piece]).length <= width) {
      line.push(piece);
      continue;
    }
    if (line.length) lines.push(line);
    line = [{ text: shortened(piece.text, width), isSpaced: true }];
  }
  lines.push(line);
  if (lines.length <= maxLines) return lines.map(joined);
  const kept = lines.slice(0, Math.max(1, maxLines));
  return [...kept.slice(0, -1).map(joined), withEllipsis(kept[kept.length - 1]!, width)];
}

/**
 * Height in px of a horizontal bar chart whose rows each fit the tallest wrapped label: recharts gives
 * every category band the same height, so the band is sized for the most lines. At least one line per row.
 */
export function categoryChartHeightPx(lineCounts: readonly number[], { lineHeightPx, rowPaddingPx, axisPx }: { lineHeightPx: number; rowPaddingPx: number; axisPx: number }): number {
  const lines = Math.max(1, ...lineCounts);
  return axisPx + lineCounts.length * (lines * lineHeightPx + rowPaddingPx);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * The date axis under a chart of scores in time order, one point per score at x = its index, from each
 * score's calendar day (YYYY-MM-DD, display time zone): one tick per day, at the day's first score, so
 * several scores on one day share a single label instead of repeating it. Labels are short enough to fit
 * a 390 px phone — "7 Dec", with the year ("7 Dec ’26") only when the scores span more than one year —
 * so every tick's label differs from the others. The chart drops ticks that would still overlap.
 */
export function scoreDayTicks(dayKeys: readonly string[]): { ticks: number[]; labels: string[] } {
  const years = new Set(dayKeys.map((k) => k.slice(0, 4)));
  const label = (key: string) => {
    const [year, month, day] = key.split("-");
    return `${Number(day)} ${MONTHS[Number(month) - 1] ?? "?"}${years.size > 1 ? ` ’${year!.slice(2)}` : ""}`;
  };
  const ticks: number[] = [];
  const labels: string[] = [];
  dayKeys.forEach((key, i) => {
    if (i > 0 && dayKeys[i - 1] === key) return;
    ticks.push(i);
    labels.push(label(key));
  });
  return { ticks, labels };
}

/**
 * Space (px) the plot must leave after the last point for its tick label, which is centred under it and
 * was clipped at the chart's right edge ("7 Dec 20" of "7 Dec 2026"): half the longest label at `charPx`
 * per character, and a few px to spare.
 */
export function endLabelRoomPx(labels: readonly string[], charPx = 7): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return Math.ceil((longest * charPx) / 2) + 4;
}
