/**
 * Helpers for the "own words" check: a text is reduced to lower-case word tokens (apostrophes
 * dropped, every other non-alphanumeric character a separator), and two texts "share a run" when
 * some n consecutive tokens of one appear consecutively in the other.
 */
export function toWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w.length > 0);
}

/** Every run of `n` consecutive words of `text`, joined by single spaces. */
export function wordRuns(text: string, n: number): Set<string> {
  const words = toWords(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) runs.add(words.slice(i, i + n).join(" "));
  return runs;
}

/** The runs of `n` words that `candidate` shares with `source` (empty when none). */
export function sharedRuns(candidate: string, source: ReadonlySet<string>, n: number): string[] {
  return [...wordRuns(candidate, n)].filter((run) => source.has(run));
}
