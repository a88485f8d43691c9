import type { Token } from "./analyze";

/**
 * Labels that name one of several like things in a diagram or set-up: "bulb A", "terminals 1 and
 * 2", "switch Z", "A, B and C". Science and engineering answers turn on which labelled thing they
 * speak of ("terminal 1" is not "terminal 3"), so the grader compares them as identities, not as
 * words. A label is a single letter or a one- or two-digit whole number that follows a noun
 * ("bulb a", "terminal 1") or stands in a list with another label ("A and C"); any other single
 * letter except "a" and "i" is a label wherever it stands. "a" after a noun is a label only when no
 * content word follows it ("bulb a is on", not "contains a battery"); a figure followed by a word
 * is a quantity ("20 meters"), a letter right after a figure its unit ("30m"), and a letter joined
 * to a word by a hyphen part of a name ("D-cell").
 */
const LIST_JOINERS = new Set([",", "and", "or", "nor", "&", "/", "to"]);

const isCandidate = (t: Token | undefined) => !!t && t.isWord && (/^[a-z]$/i.test(t.text) || /^\d{1,2}$/.test(t.text));
const isContent = (t: Token | undefined) => !!t && t.isWord && !t.isStop && !isCandidate(t);
const isArticleLike = (t: Token) => /^[ai]$/i.test(t.text);

export function entityLabels(tokens: readonly Token[]): Set<string> {
  const labels = new Set<string>();
  const isLabel = new Array<boolean>(tokens.length).fill(false);
  const afterNoun = (i: number) => {
    const prev = tokens[i - 1];
    return !!prev && isContent(prev) && /^(?:NOUN|PROPN)$/.test(prev.pos);
  };
  /** A figure followed by a word is a quantity ("20 meters"); a letter after a figure is its unit ("30m"). */
  const isQuantity = (i: number) => {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    // "D-cell", "X-ray": a letter joined to a word by a hyphen is part of a name.
    if (next && next.text === "-" && next.start === t.end) return true;
    return /^\d/.test(t.text) ? isContent(next) : /^\d/.test(tokens[i - 1]?.text ?? "");
  };
  // First pass: labels that stand on their own (after a noun, or a letter other than a / i).
  tokens.forEach((t, i) => {
    if (!isCandidate(t) || isQuantity(i)) return;
    const next = tokens[i + 1];
    if (isArticleLike(t)) isLabel[i] = afterNoun(i) && !isContent(next);
    else if (/^\d/.test(t.text)) isLabel[i] = afterNoun(i);
    else isLabel[i] = true;
  });
  // Second pass: candidates joined to a label by a list word ("A and C", "terminals 1 and 2").
  for (let changed = true; changed; ) {
    changed = false;
    tokens.forEach((t, i) => {
      if (isLabel[i] || !isCandidate(t) || isQuantity(i)) return;
      const joinedBefore = LIST_JOINERS.has(tokens[i - 1]?.lower ?? "") && isLabel[i - 2];
      const joinedAfter = LIST_JOINERS.has(tokens[i + 1]?.lower ?? "") && isLabel[i + 2] && !(isArticleLike(t) && isContent(tokens[i + 1]));
      if (joinedBefore || joinedAfter) {
        isLabel[i] = true;
        changed = true;
      }
    });
  }
  tokens.forEach((t, i) => {
    if (isLabel[i]) labels.add(t.text.toLowerCase());
  });
  return labels;
}
