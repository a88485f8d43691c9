import type { Sentence } from "@/lib/material/schemas";

type Token = Sentence["tokens"][number];

/** Prepositions that open the phrase a participle takes ("charged on…", "acquired by…", "built in 1911"). */
const PARTICIPLE_PREPOSITIONS = new Set(["by", "on", "in", "at", "for", "from", "under", "during", "with", "to", "into", "across", "over", "of"]);

/** The subjects a past form follows when it is the clause's own verb ("wells dried", "they left", "2,000 died"). */
const SUBJECT_TAGS = new Set(["NOUN", "PROPN", "PRON", "NUM"]);

/**
 * Is `tokens[i]` (a sentence's tokens in order, `text` starting at material offset `base`) a finite verb — one that makes
 * a clause of its own? An auxiliary or modal is ("was", "could"); so is a verb in its base or present form ("cut",
 * "rises"). A gerund is not ("rising"), nor an infinitive ("to rise"). A past form ("dried", "fell", "built") is finite
 * when its subject stands right before it ("wells dried", "prices fell"), a participle otherwise ("a hardened husk",
 * "had been built" — the auxiliary is the finite verb there). Where no clause can stand — a subject noun phrase ("The
 * policy adopted in 1991 led to…") — `pastIsParticiple` reads every past form as a participle.
 */
export function isFiniteVerb(text: string, base: number, tokens: readonly Token[], i: number, pastIsParticiple = false): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (t.pos === "AUX") return true;
  if (t.pos !== "VERB") return false;
  const word = (k: number) => text.slice(tokens[k]!.start - base, tokens[k]!.end - base).toLowerCase();
  const w = word(i);
  if (/ing$/.test(w)) return false;
  if (i > 0 && word(i - 1) === "to") return false;
  const pastForm = w !== t.lemma.toLowerCase() && !/s$/.test(w);
  if (!pastForm) return true;
  if (pastIsParticiple) return false;
  let p = i - 1;
  while (p >= 0 && tokens[p]!.pos === "ADV") p--;
  if (p < 0 || !SUBJECT_TAGS.has(tokens[p]!.pos)) return false;
  // "the fees charged on foreign ships", "the land acquired by the state": after a noun phrase its determiner opens, a past
  // form followed by a preposition's phrase reads as a participle describing the noun.
  let d = p;
  while (d >= 0 && ["NOUN", "PROPN", "ADJ", "NUM"].includes(tokens[d]!.pos)) d--;
  const determined = d >= 0 && (tokens[d]!.pos === "DET" || /^(?:its|their|his|her|our)$/.test(word(d)));
  return !(determined && tokens[i + 1]?.pos === "ADP" && PARTICIPLE_PREPOSITIONS.has(word(i + 1)));
}

/** Does the span [from, to) of the sentence's text hold a finite verb (`isFiniteVerb`)? */
export function hasFiniteVerb(sentence: Sentence, from: number, to: number, pastIsParticiple = false): boolean {
  const tokens = sentence.tokens.filter((t) => t.pos !== "SPACE");
  return tokens.some((t, i) => t.start - sentence.start >= from && t.end - sentence.start <= to && isFiniteVerb(sentence.text, sentence.start, tokens, i, pastIsParticiple));
}
