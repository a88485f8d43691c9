import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";

/**
 * The subject an opening "It"/"They" stands for, as encyclopaedic prose uses it: "The Montreal Protocol
 * is a treaty… It was agreed in 1987." → "The Montreal Protocol". Resolved only when the sentence
 * before, in the same paragraph, opens with a name as its subject (a verb right after the name, or after
 * its parenthesis or "commonly known as" aside), the pronoun is the subject of its own sentence, and
 * the number agrees (It: a singular name; They: a plural one). "It" is never a person; with `persons`, an opening
 * "He"/"She" is read as the one person the sentence before opens with (`openingPersonAntecedent`). Never a guess:
 * anything else is null, and the sentence makes no item.
 */
const CAP_WORD = String.raw`\p{Lu}[\p{L}\p{M}\p{N}_'-]*`;
const NAME = String.raw`${CAP_WORD}(?:\s+(?:(?:of|on|for|the|that|and|to|in|&)\s+)*${CAP_WORD}){0,9}`;
const OPENING_SUBJECT = new RegExp(
  String.raw`^((?:The\s+)?${NAME})(?:\s*\([^()]{1,160}\))?(?:,\s+(?:also|commonly|popularly)\s+(?:known as|called|referred to as)\s+[^,]{2,60},)?\s+(?:is|are|was|were|has|have|had|pose|poses|became|remains|remain|contains?|includes?|provides?|consists?|[a-z]+ed)\b`,
  "u",
);
const NOT_A_SUBJECT = /^(?:The\s+)?(?:It|They|He|She|This|That|These|Those|There|Here|However|But|And|A|An|In|On|At|Since|When|While|As|If|Then|Yet|So|Also|Its|Their|His|Her|Such|Both|Each|All|Some|Many|Most|After|Before|During|Under|By|From|For|With|Although|Though|Unlike|Like)\b/;

export function openingPronounAntecedent(pm: ProcessedMaterial, sentence: Sentence, options: { persons?: boolean } = {}): string | null {
  if (options.persons && /^(?:He|She)\s+[a-z]/.test(sentence.text)) return soleOpeningPerson(pm, sentence);
  const pronoun = /^(It|They)\s+[a-z]/.exec(sentence.text)?.[1];
  if (!pronoun) return null;
  // The pronoun must be the subject: a verb or auxiliary follows it (possibly after an adverb).
  const next = sentence.tokens.filter((t) => t.pos !== "PUNCT" && t.pos !== "SPACE").slice(1, 3);
  if (!next.some((t) => t.pos === "VERB" || t.pos === "AUX")) return null;
  const previous = pm.sentences[sentence.index - 1];
  if (!previous || previous.blockIndex !== sentence.blockIndex) return null;
  const m = OPENING_SUBJECT.exec(previous.text);
  if (!m || NOT_A_SUBJECT.test(m[1]!)) return null;
  const name = m[1]!;
  const bare = name.replace(/^The\s+/, "");
  const entity = pm.entities.find((e) => e.name === bare || e.aliases.includes(bare));
  if (entity?.kind === "person") return null;
  // One word: a name or a term the material keeps using, not a capitalised common word.
  if (!/\s/.test(bare) && !entity && pm.sentences.filter((s) => s.text.includes(bare)).length < 2) return null;
  // The head noun carries the number: "Accord" in "Accord on Rivers that Cross Borders".
  const head = bare.split(/\s+(?:of|on|for|that|to|in|and|&)\s+/)[0]!.split(/\s+/).at(-1)!;
  const plural = /(?<![su])s$/.test(head) && !/^[A-Z][a-z]+ (?:States|Nations|Islands|Emirates)$/.test(bare);
  if ((pronoun === "They") !== plural) return null;
  return name;
}

/** The persons a sentence names (entities read as persons with a mention inside it). */
function personsNamedIn(pm: ProcessedMaterial, sentence: Sentence): Set<string> {
  return new Set(pm.entities.filter((e) => e.kind === "person" && e.mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end)).map((e) => e.name));
}

/**
 * The person an opening "He"/"She" stands for, where nothing else could be meant: the sentence before, in the same
 * paragraph, opens with the name of a person as its subject and names no other person ("Gandhi returned to India in
 * 1915. He was imprisoned many times…" → "Gandhi"); or it opens with "He"/"She" itself, read the same way, up to `depth`
 * sentences back, each naming no other person (`soleOpeningPerson` adds: no other person-like name, a person or a name after a title such as
 * "Justice" or "Lord", in the paragraph so far). The pronoun must be the subject (a verb follows it). Anything else is
 * null, and the sentence makes no item.
 */
function openingPersonAntecedent(pm: ProcessedMaterial, sentence: Sentence, depth: number): string | null {
  const next = sentence.tokens.filter((t) => t.pos !== "PUNCT" && t.pos !== "SPACE").slice(1, 3);
  if (!next.some((t) => t.pos === "VERB" || t.pos === "AUX")) return null;
  const previous = pm.sentences[sentence.index - 1];
  if (!previous || previous.blockIndex !== sentence.blockIndex || depth <= 0) return null;
  const named = personsNamedIn(pm, previous);
  if (/^(?:He|She)\s+[a-z]/.test(previous.text)) {
    if (named.size) return null;
    return openingPersonAntecedent(pm, previous, depth - 1);
  }
  const m = OPENING_SUBJECT.exec(previous.text);
  if (!m || NOT_A_SUBJECT.test(m[1]!) || /^The\s/.test(m[1]!)) return null;
  const name = m[1]!;
  const entity = pm.entities.find((e) => e.kind === "person" && (e.name === name || e.aliases.includes(name)));
  if (!entity || named.size !== 1 || !named.has(entity.name)) return null;
  return name;
}

/**
 * `openingPersonAntecedent`, failing closed: the pronoun carries no gender the names can be checked against, so its
 * person must be the only person-like name in the paragraph so far, the pronoun's own sentence included ("Gandhi began
 * the march… Sarojini Naidu led the raid… He was arrested…" names two, and is refused).
 */
function soleOpeningPerson(pm: ProcessedMaterial, sentence: Sentence): string | null {
  const name = openingPersonAntecedent(pm, sentence, 3);
  if (!name) return null;
  const entity = pm.entities.find((e) => e.kind === "person" && (e.name === name || e.aliases.includes(name)));
  const paragraph = pm.sentences.filter((s) => s.blockIndex === sentence.blockIndex && s.index <= sentence.index);
  const persons = new Set(paragraph.flatMap((s) => [...personLikeNamesIn(pm, s)]));
  if (!entity || persons.size !== 1 || !persons.has(entity.name)) return null;
  return name;
}

/** A capitalised name after a title that only persons bear ("Justice A. N. Ray", "Lord Mountbatten", "Dr Ambedkar"). */
const TITLED_NAME = new RegExp(
  String.raw`\b(?:Justice|Lord|Lady|Sir|Dame|Dr|Shri|Sri|Smt|Mr|Mrs|Ms|Mx|General|Gen|Colonel|Col|Major|Captain|Capt|Admiral|Marshal|Pandit|Maulana|Acharya|Swami|Sant|Begum|Maharaja|Maharani|Raja|Rani|Nawab|Sultan|Emperor|Empress|King|Queen|Prince|Princess|Professor|Prof)\.?\s+((?:\p{Lu}[\p{L}\p{M}'-]*\.?\s*)+)`,
  "gu",
);

/**
 * The persons a sentence names, as the entity finder reads them, and any capitalised name after a person's title that
 * the finder did not read as a person (each counted once, as its entity where the name or an alias is one).
 */
function personLikeNamesIn(pm: ProcessedMaterial, sentence: Sentence): Set<string> {
  const names = personsNamedIn(pm, sentence);
  for (const m of sentence.text.matchAll(TITLED_NAME)) {
    const raw = m[1]!.trim().replace(/(?<!\b\p{Lu})\.$/u, "");
    const known = pm.entities.find((e) => e.kind === "person" && (e.name === raw || e.aliases.includes(raw) || e.name.endsWith(` ${raw}`)));
    names.add(known?.name ?? raw);
  }
  return names;
}
