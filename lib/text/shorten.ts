/**
 * Shortening text for display without cutting a character in two: counted and cut by grapheme (what
 * a reader sees as one character — an emoji with its modifiers, a letter with its accents, a
 * surrogate pair), never by UTF-16 code unit.
 */
const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** `text` when it has at most `max` graphemes, else its first `max - 1` and "…" (`max` in all). */
export function shortenText(text: string, max: number): string {
  // A text of no more code units than `max` has no more graphemes either.
  if (text.length <= max) return text;
  const kept: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length === max) return `${kept.slice(0, Math.max(0, max - 1)).join("")}…`;
    kept.push(segment);
  }
  return text;
}
