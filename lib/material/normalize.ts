/**
 * Character-level normalisation applied before anything else, so that every later offset points
 * into one canonical text: straight quotes and apostrophes, plain hyphens, "..." for ellipses,
 * single spaces inside lines, no trailing blanks, at most one empty line between paragraphs.
 */
export function normalizeText(raw: string): string {
  let text = raw.normalize("NFC");
  text = text.replace(/\r\n?/g, "\n").replace(/[\u2028\u2029]/g, "\n");
  text = text.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "");
  text = text.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g, " ");
  text = text.replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc]/g, "'");
  text = text.replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"');
  // A spaced dash is punctuation; an unspaced one joins words or ranges.
  text = text.replace(/ +[\u2010-\u2015\u2212] +/g, " - ");
  text = text.replace(/(\S)[\u2014\u2015](\S)/g, "$1 - $2");
  text = text.replace(/[\u2010-\u2015\u2212]/g, "-");
  text = text.replace(/\u2026/g, "...").replace(/\.(?: \.){2,}/g, "...");
  text = text.replace(/ {2,}/g, " ");
  text = text
    .split("\n")
    .map((line) => line.trim())
    .join("\n");
  text = text.replace(/\n{3,}/g, "\n\n");
  return text.trim();
}

/**
 * Removes an immediately repeated word ("doesn't doesn't", "for for") left by transcription.
 * Words that may legitimately repeat ("that that", "had had") are kept.
 */
export function collapseRepeatedWords(line: string): string {
  return line.replace(/\b([A-Za-z][A-Za-z']*) \1\b/g, (match, word: string) =>
    /^(that|had|is|do|very|bye|no|so)$/i.test(word) ? match : word,
  );
}
