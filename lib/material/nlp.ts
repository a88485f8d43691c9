import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Token } from "./schemas";

type Wink = ReturnType<typeof winkNLP>;
let wink: Wink | null = null;

/** The wink-nlp instance, loaded once on first use (the model takes ~100 ms to load). */
export function getWink(): Wink {
  wink ??= winkNLP(model, ["sbd", "pos"]);
  return wink;
}

export interface TokenizedSentence {
  start: number;
  end: number;
  tokens: Token[];
}

/**
 * Splits `text.slice(start, end)` into sentences with wink-nlp and returns absolute offsets into
 * `text` for every sentence and token. Offsets are recovered from wink's lossless token stream
 * (value + preceding spaces) and checked against the text, so quotes always match exactly.
 */
export function tokenizeSentences(text: string, start: number, end: number): TokenizedSentence[] {
  const nlp = getWink();
  const its = nlp.its;
  const slice = text.slice(start, end);
  const doc = nlp.readDoc(slice);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const stems = doc.tokens().out(its.stem as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const offsets: Array<[number, number]> = [];
  let cursor = 0;
  for (const value of values) {
    let at = slice.startsWith(value, cursor) ? cursor : slice.indexOf(value, cursor);
    if (at < 0) {
      // wink normalised the token (rare: odd unicode); skip over it by length.
      at = cursor;
    }
    offsets.push([at, at + value.length]);
    cursor = at + value.length;
    while (cursor < slice.length && /\s/.test(slice[cursor]!)) cursor++;
  }
  const sentences: TokenizedSentence[] = [];
  for (const [first, last] of spans) {
    const tokens: Token[] = [];
    for (let i = first; i <= last; i++) {
      const [s, e] = offsets[i]!;
      if (pos[i] === "SPACE") continue;
      tokens.push({
        start: start + s,
        end: start + e,
        pos: pos[i] ?? "X",
        lemma: (lemmas[i] ?? values[i] ?? "").toLowerCase(),
        stem: (stems[i] ?? values[i] ?? "").toLowerCase(),
      });
    }
    if (!tokens.length) continue;
    // A sentence ends where the text leaves a space: a break with none before a digit or a small letter ("PM2.5", "v2.0",
    // "Section 3.2") falls inside a word or a figure, so the two pieces are one sentence ("…in 1947.The Constitution…"
    // stays two).
    const previous = sentences[sentences.length - 1];
    if (previous && previous.end === tokens[0]!.start && /^[\p{N}\p{Ll}]/u.test(text.slice(tokens[0]!.start))) {
      previous.tokens.push(...tokens);
      previous.end = tokens[tokens.length - 1]!.end;
      continue;
    }
    sentences.push({ start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens });
  }
  return sentences;
}

const stemCache = new Map<string, string>();

/** Porter2 stems (wink-nlp) of the words of a free text, lower-cased, in order; punctuation dropped. */
export function stemWords(text: string): string[] {
  const nlp = getWink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const stems = doc.tokens().out(its.stem as unknown as typeof its.value) as string[];
  const out: string[] = [];
  values.forEach((v, i) => {
    if (!/[\p{L}\p{N}]/u.test(v)) return;
    out.push((stems[i] ?? v).toLowerCase());
  });
  return out;
}

/** Porter2 stem of one word, cached. */
export function stemOf(word: string): string {
  const lower = word.toLowerCase();
  let stem = stemCache.get(lower);
  if (stem === undefined) {
    stem = stemWords(lower)[0] ?? lower;
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(lower, stem);
  }
  return stem;
}
