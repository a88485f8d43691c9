/**
 * Whether `context` writes `word` (as given, e.g. "Canning") with its capital in mid-sentence:
 * after a lower-case letter, a comma, a semicolon or an opening bracket. Only a name keeps its
 * capital there, so such a word is a name in that context even where it opens a sentence.
 * `word` is matched literally; the context is scanned once (linear in its length).
 */
export function isCapitalisedMidSentence(word: string, context: string): boolean {
  if (!word || !context) return false;
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`[\\p{Ll},;(]\\s+${escaped}(?!\\p{L})`, "u").test(context);
}
