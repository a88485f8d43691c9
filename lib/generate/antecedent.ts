import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { tokenText } from "@/lib/material/segment";
import { firstSenseNamesAPerson, isKnownWord } from "@/lib/nlp/wordnet";
import { escapeRegExp } from "@/lib/text/regexp";
import pronounCues from "./pronoun-cues.json";
import blankWords from "./blank-words.json";

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
const NOT_A_SUBJECT = /^(?:The\s+)?(?:What|Which|Who|Whom|Whose|Where|Why|How|Whatever|Whoever|No|Not|Every|Any|Only|Few|Several|Other|Another|Neither|Either|Nor|Or|Thus|Hence|Still|Even|Just|Here|Now|Today|One|Two|Three|It|They|He|She|This|That|These|Those|There|Here|However|But|And|A|An|In|On|At|Since|When|While|As|If|Then|Yet|So|Also|Its|Their|His|Her|Such|Both|Each|All|Some|Many|Most|After|Before|During|Under|By|From|For|With|Although|Though|Unlike|Like)\b/;

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

/** Pleonastic and cleft "It" ("It is estimated that…", "It was not until…", "It was in 1956 that…"): `pronoun-cues.json`. */
const EXPLETIVE_IT = pronounCues.expletiveIt.map((p) => new RegExp(p, "u"));
/** What may open a sentence before its subject: a preposition's phrase, a year or an adverb, up to its comma. */
const OPENING_PHRASE =
  /^(?:(?:In|On|At|By|Under|After|Before|During|Since|From|Through|Within|Following|Until|Till|Over|Across|Between|Despite|Besides|Apart from|Along with|Like|Unlike|As of|Around|Towards|Toward|Upon|Amid|Among|Meanwhile|Later|Earlier|Today|Now|Initially|Originally|Eventually|Finally|Subsequently|Thereafter|Moreover|However|Still|Yet|Thus|Hence|Nonetheless|Nevertheless|Instead|Similarly|Likewise|Ultimately|Consequently|Accordingly|Historically|Formally|Legally|Technically|Administratively|Constitutionally|In practice|In turn|In addition|In short|By contrast|In contrast)\b[^,;:()"]{0,100}|\d{4}(?:-\d{2,4})?),\s+/u;
/** A subject name: "The X Y of Z", optionally after an opening phrase ("In 1965, the Agricultural Prices Commission…"). */
const SUBJECT_NAME = new RegExp(String.raw`^((?:[Tt]he\s+)?${NAME})(?:\s*\([^()]{1,160}\))?(?:,\s+(?:also|commonly|popularly)\s+(?:known as|called|referred to as)\s+[^,]{2,60},)?\s+`, "u");
/** Words that may stand between a subject and its verb ("The Court also held…"). */
const SUBJECT_ADVERB = /^(?:also|then|later|still|now|further|thus|therefore|however|subsequently|eventually|finally|initially|originally|first|soon|quickly|formally|only|alone|itself|themselves|too|in turn|again|never|not|already|duly|promptly|largely|mostly|generally|broadly)$/i;
const MONTH_OR_DAY = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
/** Capitalised words that name no thing a pronoun could stand for. */
const NOT_A_NAME_WORD = /^(?:I|A|An|The|This|That|These|Those|It|Its|They|Their|He|His|She|Her|We|Our|You|Your|CE|BCE|BC|AD|Rs|Mr|Mrs|Ms|Dr|St)$/;

interface NameSpan {
  start: number;
  end: number;
  text: string;
}

/** Does a name's head noun make it plural ("State Development Loans", "the Marathas"; not "United States", "Congress")? */
function isPluralName(bare: string): boolean {
  const head = bare.split(/\s+(?:of|on|for|that|to|in|and|&)\s+/)[0]!.split(/\s+/).at(-1)!;
  return /(?<![su'])s$/.test(head) && !/^[A-Z][a-z]+ (?:States|Nations|Islands|Emirates)$/.test(bare);
}

/**
 * The names a sentence holds outside `skip` (offsets in the sentence): the material's entity mentions and any run of
 * capitalised words not at the sentence's start ("Article 356", "the State Bank of India"), each with its words.
 */
function namesIn(pm: ProcessedMaterial, sentence: Sentence, skip: { start: number; end: number }): NameSpan[] {
  const spans: NameSpan[] = [];
  const outside = (start: number, end: number) => end <= skip.start || start >= skip.end;
  for (const e of pm.entities) {
    for (const m of e.mentions) {
      const start = m.start - sentence.start;
      const end = m.end - sentence.start;
      if (start >= 0 && end <= sentence.text.length && outside(start, end)) spans.push({ start, end, text: sentence.text.slice(start, end) });
    }
  }
  const run = new RegExp(String.raw`${CAP_WORD}(?:\s+(?:(?:of|on|for|the|and|&)\s+)*(?:${CAP_WORD}|\d[\d.]*[A-Z]?))*`, "gu");
  for (const m of sentence.text.matchAll(run)) {
    let start = m.index!;
    let text = m[0];
    // A capitalised word opening the sentence is a name only when the material reads it so ("In 1965", "Under Article 280").
    if (start === 0 && !pm.entities.some((e) => e.mentions.some((x) => x.start === sentence.start))) {
      const rest = /^\S+\s+/.exec(text);
      if (!rest) continue;
      start += rest[0].length;
      text = text.slice(rest[0].length);
    }
    const words = text.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !NOT_A_NAME_WORD.test(w) && !MONTH_OR_DAY.test(w));
    if (!words.length || !outside(start, start + text.length)) continue;
    spans.push({ start, end: start + text.length, text });
  }
  return spans;
}

/** Is the span a person's (an entity read as a person, or a name after a person's title)? */
function isPersonSpan(pm: ProcessedMaterial, sentence: Sentence, span: { start: number; end: number }): boolean {
  const a = sentence.start + span.start;
  const b = sentence.start + span.end;
  if (pm.entities.some((e) => e.kind === "person" && e.mentions.some((m) => m.start < b && m.end > a))) return true;
  for (const m of sentence.text.matchAll(TITLED_NAME)) if (m.index! < span.end && m.index! + m[0].length > span.start) return true;
  // "B. Sivaraman", "S. R. Sen": a name after initials, or an initial itself.
  return (/^\p{Lu}$/u.test(sentence.text.slice(span.start, span.end)) && sentence.text[span.end] === ".") || /(?:^|\s)\p{Lu}\.\s+$/u.test(sentence.text.slice(0, span.start));
}

const BACKGROUND_PREPOSITIONS = new Set(pronounCues.backgroundPrepositions);
const SHARED_REFERENTS = new Set(blankWords.sharedReferents);
const REPLACEMENT_VERBS = new Set(pronounCues.replacementVerbs);

/**
 * Is the name inside a phrase that only sets the scene ("set up by the Union government", "under Article 280", "in
 * Puri, Khordha and Ganjam")? Walking back from it over determiners, adjectives, numbers and the names of a list, the
 * word met is a background preposition (`pronoun-cues.json`), and "by" not after a verb of replacing ("replaced by").
 */
function inBackgroundPhrase(sentence: Sentence, span: { start: number }, notBackground: ReadonlySet<string> = new Set()): boolean {
  const tokens = sentence.tokens;
  let j = tokens.findIndex((t) => t.start - sentence.start >= span.start) - 1;
  while (j >= 0) {
    const w = tokenText(sentence, j).toLowerCase();
    const pos = tokens[j]!.pos;
    // ("and" or a comma only inside a list of names: "in Puri, Khordha and Ganjam", not "began in 1973-74, and the…")
    const list = /^(?:,|and|or|&)$/.test(w);
    if (list && tokens[j - 1]?.pos !== "PROPN") break;
    if (list || pos === "DET" || pos === "ADJ" || pos === "NUM" || pos === "PROPN" || /^(?:'s|\(|\)|north|south|east|west|north-east|north-west|south-east|south-west|central)$/.test(w)) j--;
    else break;
  }
  if (j < 0) return false;
  const word = tokenText(sentence, j).toLowerCase();
  if (!BACKGROUND_PREPOSITIONS.has(word) || notBackground.has(word)) return false;
  if (word === "by") {
    let v = j - 1;
    while (v >= 0 && tokens[v]!.pos === "ADV") v--;
    if (v >= 0 && REPLACEMENT_VERBS.has(tokenText(sentence, v).toLowerCase())) return false;
  }
  return true;
}

export interface SubjectPronoun {
  /** The pronoun as written: "It", "They", "Its" or "Their". */
  pronoun: "It" | "They" | "Its" | "Their";
  /** The name it stands for, as the sentence before writes it ("The Marathas", "the Punchhi Commission"). */
  name: string;
}

/**
 * The name an opening "It"/"They" (the subject) or "Its"/"Their" (opening the subject) stands for, for an item to show
 * in its place: the subject of the sentence before in the same paragraph, when that subject is a name (after an opening
 * phrase if need be: "In 1965, the Agricultural Prices Commission was set up…"), not a person's for "It"/"Its", its
 * number agreeing with the pronoun's (by its head noun and its verb), and no other name of that number in that sentence
 * (nor an object "it"/"them" there) that could be meant instead. A sentence before that itself opens with the pronoun
 * passes its name on, read the same way (up to three back). Never an expletive "It" (`pronoun-cues.json`), never after a
 * list's lead-in or in a list item. Anything else is null, and the sentence makes no item.
 */
export function subjectPronounAntecedent(pm: ProcessedMaterial, sentence: Sentence, depth = 3): SubjectPronoun | null {
  const m = /^(It|They|Its|Their)\s+(?=[a-z])/.exec(sentence.text);
  if (!m || depth <= 0) return null;
  const pronoun = m[1] as SubjectPronoun["pronoun"];
  const plural = pronoun === "They" || pronoun === "Their";
  const words = sentence.tokens.filter((t) => t.pos !== "PUNCT" && t.pos !== "SPACE");
  if (pronoun === "It" || pronoun === "They") {
    // The subject: a verb follows (after an adverb at most).
    const next = words.slice(1, 3);
    if (!(next[0]?.pos === "VERB" || next[0]?.pos === "AUX" || (next[0]?.pos === "ADV" && (next[1]?.pos === "VERB" || next[1]?.pos === "AUX")))) return null;
    if (pronoun === "It" && EXPLETIVE_IT.some((re) => re.test(sentence.text))) return null;
  } else if (!words.slice(1, 4).some((t) => t.pos === "NOUN" || t.pos === "PROPN")) return null;
  const block = pm.blocks[sentence.blockIndex];
  if (!block || block.kind !== "paragraph") return null;
  // "India may use it for agriculture": an object "it"/"them" of its own stands for something the item does not show.
  for (let k = 1; k < sentence.tokens.length; k++) {
    const w = tokenText(sentence, k).toLowerCase();
    const after = sentence.tokens[k + 1];
    if ((plural ? w === "them" : w === "it") && !(after && (after.pos === "VERB" || after.pos === "AUX"))) return null;
  }
  const previous = pm.sentences[sentence.index - 1];
  if (!previous || previous.blockIndex !== sentence.blockIndex || /:\s*$/.test(previous.text)) return null;

  // The subject of the sentence before: its own opening pronoun's name, or a name before its verb.
  let subject: { start: number; end: number; name: string };
  const chained = /^(It|They)\s/.exec(previous.text)?.[1];
  if (chained) {
    if ((chained === "They") !== plural) return null;
    const before = subjectPronounAntecedent(pm, previous, depth - 1);
    if (!before) return null;
    subject = { start: 0, end: chained.length, name: before.name };
  } else {
    const lead = OPENING_PHRASE.exec(previous.text);
    const offset = lead ? lead[0].length : 0;
    const s = SUBJECT_NAME.exec(previous.text.slice(offset));
    if (!s) return null;
    const name = s[1]!;
    if (NOT_A_SUBJECT.test(name) || /'s?\b|’/.test(name) || /\s(?:and|&)\s+(?:the\s+)?\p{Lu}/u.test(name)) return null;
    // A verb right after the name (an adverb may come between).
    const verbAt = previous.start + offset + s[0].length;
    const i = previous.tokens.findIndex((t) => t.start >= verbAt);
    let verb = previous.tokens[i];
    if (verb && verb.pos === "ADV" && SUBJECT_ADVERB.test(tokenText(previous, i))) verb = previous.tokens[i + 1];
    if (!verb || (verb.pos !== "VERB" && verb.pos !== "AUX")) return null;
    const verbWord = previous.text.slice(verb.start - previous.start, verb.end - previous.start);
    if (!/^\p{Ll}/u.test(verbWord)) return null;
    const bare = name.replace(/^[Tt]he\s+/, "");
    // One word: a name, not a capitalised common word ("Historians", "Bleaching") nor a short name that could be any of
    // its kind ("The Committee", "The Union"); a word WordNet does not know must recur ("Buranjis").
    if (!/\s/.test(bare)) {
      const known = isKnownWord(bare.toLowerCase()) || (/s$/.test(bare) && isKnownWord(bare.slice(0, -1).toLowerCase()));
      const entity = pm.entities.find((e) => e.name === bare || e.aliases.includes(bare));
      // ("the Marathas" is a name; "the committee", "a union" in small letters elsewhere make "The Committee" a short one.)
      const small = bare.toLowerCase().replace(/s$/, "");
      if (bare !== name && new RegExp(String.raw`(?<![\p{L}\p{M}])${escapeRegExp(small)}s?(?![\p{L}\p{M}])`, "u").test(pm.material.text)) return null;
      if (known && (!entity || entity.kind === "other") && bare === name) return null;
      // "the Union", "the Centre", "the Crown": a word the text uses for a body several names stand for.
      if (SHARED_REFERENTS.has(bare)) return null;
      if (!entity && pm.sentences.filter((x) => x.text.includes(bare)).length < 2) return null;
    }
    // "the Union Home Minister", "The Speaker": a person's office is no "it".
    const headWord = bare.split(/\s+(?:of|on|for|that|to|in|and|&)\s+/)[0]!.split(/\s+/).at(-1)!.toLowerCase();
    if (!plural && bare.includes(" ") && firstSenseNamesAPerson(headWord)) return null;
    if (isPluralName(bare) !== plural) return null;
    if (/^(?:is|was|has|does)$/.test(verbWord) && plural) return null;
    if (/^(?:are|were|have|do)$/.test(verbWord) && !plural) return null;
    // (The span takes in the name's parenthesis and alias: "(NBA)" is the subject again.)
    subject = { start: offset, end: offset + s[0].trimEnd().length, name };
    if (!plural && isPersonSpan(pm, previous, subject)) return null;
  }

  // Nothing else the pronoun could mean: no other name of its number in the sentence before (a person's aside for
  // "It"), no object "it"/"them" there standing for something else.
  for (const span of namesIn(pm, previous, subject)) {
    if (!plural && isPersonSpan(pm, previous, span)) continue;
    if (isPluralName(span.text.replace(/^[Tt]he\s+/, "")) === plural && !inBackgroundPhrase(previous, span)) return null;
  }
  // Nor a thing the sentence's verb acts on ("…reviewed progress and released a summary. Its main points…"), of the
  // pronoun's number; for "They"/"Their", no other plural noun at all ("…recording forty mangrove species. Their
  // adaptations…"). "X is its chairperson": the "its" is someone else's.
  for (let k = 0; k < previous.tokens.length; k++) {
    const tok = previous.tokens[k]!;
    if (tok.start - previous.start < subject.end || tok.pos !== "NOUN") continue;
    const w = tokenText(previous, k).toLowerCase();
    const isPlural = tok.lemma.toLowerCase() !== w && !/(?:ss|us|is|ics)$/.test(w);
    if (isPlural !== plural) continue;
    if (plural && !inBackgroundPhrase(previous, { start: tok.start - previous.start }, new Set(["of", "between", "among", "amongst"]))) return null;
    let j = k - 1;
    while (j >= 0 && (/^(?:DET|ADJ|NUM|ADV)$/.test(previous.tokens[j]!.pos) || /^(?:its|their)$/i.test(tokenText(previous, j)))) j--;
    // (Not a participle's or an infinitive's object: "…set up to advise the government".)
    if (j >= 0 && previous.tokens[j]!.pos === "VERB" && !/ing$|^(?:called|named|known|termed)$/i.test(tokenText(previous, j)) && !/^to$/i.test(j > 0 ? tokenText(previous, j - 1) : "")) return null;
  }
  if (!plural && /\b(?:is|was|are|were|became|becomes|remains|remained)\s+(?:also\s+)?its\b/.test(previous.text.slice(subject.end))) return null;
  for (let k = 0; k < previous.tokens.length; k++) {
    const w = tokenText(previous, k).toLowerCase();
    if (previous.tokens[k]!.start - previous.start < subject.end) continue;
    const after = previous.tokens[k + 1];
    const objectPronoun = plural ? w === "them" : w === "it" && !(after && (after.pos === "VERB" || after.pos === "AUX"));
    if (objectPronoun) return null;
  }
  return { pronoun, name: subject.name };
}

/** The sentence's text with its opening pronoun replaced by the name it stands for ("Its components…" → "The Coastal Survey Mission's components…"). */
export function withSubjectName(text: string, resolved: SubjectPronoun): string {
  const name = resolved.name.replace(/^the\s/, "The ");
  const possessive = resolved.pronoun === "Its" || resolved.pronoun === "Their" ? (/s$/.test(name) && resolved.pronoun === "Their" ? `${name}'` : `${name}'s`) : name;
  return text.replace(/^(?:It|They|Its|Their)\b/, possessive);
}
