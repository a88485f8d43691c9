/**
 * Layout of category labels beside horizontal bars. A category axis under vertical bars drops labels
 * that overlap (four rubric dimensions do not fit under a 390 px phone's chart), so the category
 * charts put one bar per row with its label wrapped beside it, and grow in height with the rows.
 */

/**
 * Splits a label into lines of at most `maxChars` characters, breaking between words and cutting a
 * word longer than a line. Past `maxLines` the last line ends with "…". An empty label gives [""].
 */
export function wrapLabel(label: string, maxChars: number, maxLines = 3): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const lines: string[] = [];
  let line = "";
  for (const word of label.trim().split(/\s+/).filter(Boolean)) {
    let rest = word;
    if (line && line.length + 1 + rest.length <= width) {
      line = `${line} ${rest}`;
      continue;
    }
    if (line) lines.push(line);
    while (rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = rest;
  }
  lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept[kept.length - 1]!;
  kept[kept.length - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}

/**
 * Height in px of a horizontal bar chart whose rows each fit the tallest wrapped label: recharts gives
 * every category band the same height, so the band is sized for the most lines. At least one line per row.
 */
export function categoryChartHeightPx(lineCounts: readonly number[], { lineHeightPx, rowPaddingPx, axisPx }: { lineHeightPx: number; rowPaddingPx: number; axisPx: number }): number {
  const lines = Math.max(1, ...lineCounts);
  return axisPx + lineCounts.length * (lines * lineHeightPx + rowPaddingPx);
}
