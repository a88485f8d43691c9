import nlp from "compromise";
import type { Acronym, Entity, EntityKind, Sentence } from "./schemas";
import { stableId } from "./hash";
import { z } from "zod";
import { getSynsets, isKnownWord, namesAPerson } from "@/lib/nlp/wordnet";
import { escapeRegExp } from "@/lib/text/regexp";
import nameWordsData from "./data/name-words.json";

/** Words that may sit inside a multi-word name ("Centre for Research and Security Studies"). */
const NAME_CONNECTORS = new Set(["of", "for", "and", "&", "de", "del", "ul", "e", "bin", "al", "the", "on", "in"]);
const FUNCTION_WORDS = new Set([...NAME_CONNECTORS, "a", "an", "to", "at", "by", "with", "from"]);
const MONTH_OR_DAY =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** The name-word lists (`data/name-words.json`), validated once. */
const nameWord = z.string().regex(/^\p{L}(?:[\p{L}\p{N} '-]*[\p{L}\p{N}])?$/u, "a name word starts and ends with a letter or digit");
const NAME_WORDS = z
  .object({
    about: z.string(),
    organisation: z.array(nameWord),
    armedGroup: z.array(nameWord),
    thing: z.array(nameWord),
    place: z.array(nameWord),
    title: z.array(nameWord),
    personRole: z.array(nameWord),
    personModified: z.array(nameWord),
    thingAfter: z.array(nameWord),
    placesOf: z.array(nameWord),
    epithets: z.array(nameWord),
    onHeads: z.array(nameWord),
    verbsNotInNames: z.array(nameWord),
    questionWordsOpeningTitles: z.array(nameWord),
  })
  .strict()
  .parse(nameWordsData);
/** Nouns that end a name after "the" ("William the Conqueror"). */
const EPITHETS = new Set(NAME_WORDS.epithets);
const anyOf = (words: readonly string[]) => `(?:${words.map(escapeRegExp).join("|")})`;
const anyWordOf = (words: readonly string[], flags = "") => new RegExp(`\\b${anyOf(words)}\\b`, flags);

/** Words that make a name an organisation's ("Council", "Lok Sabha"), with their capital. */
const ORG_WORDS = anyWordOf(NAME_WORDS.organisation);
/** Words that mark an armed or militant group's name, in any case. */
const GROUP_NAMES = anyWordOf(NAME_WORDS.armedGroup, "i");
/** Names of things that are neither actors nor places: agreements, prizes, operations, laws. */
const THING_WORDS = anyWordOf(NAME_WORDS.thing);
const PLACE_WORDS = anyWordOf(NAME_WORDS.place);
/** A title before a name ("Dr", "Minister", "Gen."), as the whole token. */
const TITLE_WORDS = new RegExp(`^${anyOf(NAME_WORDS.title)}\\.?$`);
/** Nouns of a person's role ("analyst", "spokesman") in an apposition after a name, in any case. */
const PERSON_ROLE_NOUNS = anyWordOf(NAME_WORDS.personRole, "i");
/** A ruler's title or a battle, treaty or siege and "of" before a name: the name is a place ("the Nawab of Bengal"). */
const RULED_PLACE_BEFORE = /\b(?:Maharaja|Maharana|Raja|Rana|Nawab|Nizam|Sultan|King|Queen|Rani|Maharani|Prince|Princess|Duke|Emperor|Amir|Ruler|Governor|Kingdom|Battle|Treaty|Siege|Sack)\s+of\s+$/i;
/** "…project", "…dam", "…temple" right after a name: a thing's or a place's (`thingAfter`). */
const THING_AFTER = new RegExp(`^\\)?\\s+${anyOf(NAME_WORDS.thingAfter)}\\b`);
/** "the ports of X and Y", "the cities of X": places (`placesOf`). (Not the second of two names after "in": "T. Prakasam in
 * Andhra and Asaf Ali in Delhi" names a person there.) */
const PLACES_OF_BEFORE = new RegExp(`\\b${anyOf(NAME_WORDS.placesOf)}\\s+of\\s+(?:\\p{Lu}[\\p{L}\\p{M}'-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}'-]*)*\\s+(?:and|or)\\s+)?$`, "u");
/** "the seat of X": a place's, or the person's who holds it ("the seat of Rahul Gandhi"), so counted once only. */
const SEAT_OF_BEFORE = /\bseats?\s+of\s+$/i;
/**
 * A common noun set before a name in apposition, after a determiner and adjectives at most: "the novel Ponniyin Selvan",
 * "a new capital named Gangaikonda Cholapuram", "the title Yavanarajya Sthapanacharya", "his village, Ralegan Siddhi,".
 * Groups: the adjectives, the noun, a comma, "named"/"called".
 */
const APPOSED_NOUN_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|his|her|its|their)\s+((?:[a-z-]+\s+){0,2}?)([a-z]{3,})(,?)\s+((?:named|called)\s+)?$/u;
/** Nouns of time and manner that take a clause without "that" ("the year Gandhi returned", "the way Nehru spoke"). */
const CLAUSE_TAKING_NOUN = /^(?:year|day|month|week|time|moment|night|morning|evening|decade|century|period|era|season|way|reason|place|hour|date|first|last|same|next)$/;

/**
 * Does a common noun in apposition before a mention say that the name is no person's: "the novel Ponniyin Selvan,",
 * "a new capital named Tiruvelur", "at his village, Ralegan Siddhi," — a noun none of whose three commonest senses is a
 * kind of person ("the poet Tikkana", "an officer named Reginald Dyer" stay people)? Read as apposition only where the name
 * ends the phrase (a comma, a full stop, a preposition after it): "the movement Gandhi led" is a clause, not a name's kind.
 */
function isNamedByThingNoun(before: string, after: string): boolean {
  const m = APPOSED_NOUN_BEFORE.exec(before);
  if (!m) return false;
  const [, modifiers, noun, comma, named] = m;
  if (CLAUSE_TAKING_NOUN.test(noun!) || !getSynsets(noun!, "n").length || namesAPerson(noun!)) return false;
  // "the new capital", "the historical novel": adjectives only between the determiner and the noun ("the king sent X" is
  // a clause whose subject is "the king").
  if (modifiers!.split(/\s+/).filter(Boolean).some((w) => getSynsets(w, "n").length > 0 || !getSynsets(w, "a").length)) return false;
  if (named) return true;
  return comma ? /^[,.;]/.test(after) : /^(?:[,.;:)]|\s+(?:in|at|on|near|from|to|of|by|for|with|and|or|which|where|whose)\b)/.test(after);
}

/** Nouns a person's name may qualify after "the" ("the Rajiv Gandhi government", "the Nabam Rebia judgment"). */
const PERSON_MODIFIED = new RegExp(`^\\s+${anyOf(NAME_WORDS.personModified)}\\b`, "i");

/**
 * A capitalised word that is really a common word (sentence-initial "Relations", "Land"): WordNet
 * knows it and compromise does not know it as a name or place.
 */
function isCommonWord(word: string, lemma: string | undefined): boolean {
  const tags = compromiseTags(word);
  if (tags.place || tags.person || tags.org || tags.demonym) return false;
  const w = word.toLowerCase();
  const forms = [lemma ?? w, w, w.replace(/ies$/, "y"), w.replace(/es$/, ""), w.replace(/s$/, "")];
  return forms.some((f) => f.length > 1 && isKnownWord(f));
}

/** "Pakistan-Afghanistan", "US-Taliban": capitalised parts with at least one ordinary word; not "IS-KP". */
function isJoinedNames(parts: string[]): boolean {
  return parts.length > 1 && parts.every((p) => /^\p{Lu}[\p{L}\p{M}]+$/u.test(p)) && parts.some((p) => /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(p));
}

export interface Mention {
  text: string;
  start: number;
  end: number;
  sentenceIndex: number;
}

// Letters with diacritics ("Mahātmā", "Tōhoku", "Émile"): on ASCII text the same as [A-Z] and [A-Za-z0-9]. Digits are
// decimal digits (\p{Nd}) or a formula's subscripts ("N₂O", "CO₂"), never superscripts: "Nehru¹" is "Nehru" and a
// footnote mark.
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{Nd}\u2080-\u2089]`;
// A name whose digits have a decimal part is one word: "PM2.5", not "PM2" and ".5".
const WORD = String.raw`(?:\p{Lu}(?:\.\p{Lu})+\.?|(?:al-|el-|ad-|as-)?\p{Lu}${WORD_CHAR}*(?:(?<=\p{Nd})\.\p{Nd}+)?(?:-(?:\p{Ll}{1,3}-)?\p{Lu}${WORD_CHAR}*)*)`;
const CONNECT = String.raw`(?:\s+(?:(?:of|for|and|&|de|del|ul|bin|on)\s+)?(?:the\s+)?|-)`;
/** "Panel on Climate Change", "Research on Cancer": a word after which "on" stays inside a name (`onHeads`); after any
 * other, "on" ends it ("Pakistan on Monday", "the Supreme Court on Article 370"), as it does before a month or a day. */
const MONTH_OR_DAY_WORD = `${MONTH_OR_DAY.source.replace(/^\^/, "").replace(/\$$/, "")}\\b`;
const ON_INSIDE_NAME = new RegExp(`\\b${anyOf(NAME_WORDS.onHeads)}\\s+on\\s+(?!(?:the\\s+)?${MONTH_OR_DAY_WORD})`, "giu");
/** "…and Gandhi Have Done to…": auxiliaries and verb forms a title-case title puts between names cut a name there. */
const VERBS_IN_TITLE = new RegExp(String.raw`(?:^|\s+)${anyOf(NAME_WORDS.verbsNotInNames)}(?:\s+${anyOf(NAME_WORDS.verbsNotInNames)})*(?=\s|$)\s*`, "g");
/** "What Congress…", "How the Other Half…": a question word opening a capitalised run inside a sentence opens a title. */
const TITLE_QUESTION_WORD = new RegExp(`^${anyOf(NAME_WORDS.questionWordsOpeningTitles)}$`);
/** At most this many capitalised words in one mention: no name is longer, and a run of capitals (a heading in capitals,
 * a 200 KB line of them) then costs linear work, not a quadratic scan of one giant name. */
export const MAX_NAME_WORDS = 12;
const MENTION_RE = new RegExp(`${WORD}(?:${CONNECT}${WORD}){0,${MAX_NAME_WORDS - 1}}`, "gu");

/**
 * Normalises a surface form for matching: lower case, no dots, hyphens or spaces, no leading "the", no trailing
 * superscript footnote mark ("Nehru¹"); compatibility forms folded (NFKC), so a subscript is its digit and
 * "N₂O" keys "n2o", not "no".
 */
export function nameKey(name: string): string {
  return name
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+$/u, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/'s$/, "")
    .replace(/[^a-z0-9\u00c0-\u024f]/g, "");
}

export function isAcronym(word: string): boolean {
  const bare = word.replace(/[.-]/g, "");
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(bare) || /^[A-Z][A-Za-z]?[A-Z]{1,6}$/.test(bare);
}

/**
 * Capitalised-word mentions in a sentence. A sentence-initial word counts only when wink tags it a
 * proper noun; connectors ("of", "for the") are kept inside a name but never at its edges; "and"
 * joins two names only when the whole reads as an institution ("Belt and Road Initiative").
 */
export function findMentions(sentence: Sentence): Mention[] {
  const out: Mention[] = [];
  const text = sentence.text;
  const posAt = new Map<number, string>();
  const lemmaAt = new Map<number, string>();
  for (const t of sentence.tokens) {
    posAt.set(t.start - sentence.start, t.pos);
    lemmaAt.set(t.start - sentence.start, t.lemma);
  }
  // A list item's title-case label ("Cross-Border Militancy: …") is a heading, not a name.
  const label = /^(\p{Lu}[\p{L}\p{M}\p{N}_'-]*(?:\s+[\p{L}\p{M}\p{N}_'-]+){0,8}):\s/u.exec(text);
  const labelEnd = label && label[1]!.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length >= label[1]!.split(/\s+/).length * 0.6 ? label[0].length : 0;
  for (const m of text.matchAll(MENTION_RE)) {
    if (m.index < labelEnd) continue;
    let surface = m[0];
    let at = m.index;
    // "the Immediate Payment Service and the RuPay card network": "and the" starts a second name, even after an
    // institution's word ("Service") that lets "and" stay inside one ("Belt and Road Initiative").
    const pieces =
      /\band\b/.test(surface) && !ORG_WORDS.test(surface)
        ? splitOn(surface, at, /\s+and\s+/g)
        : /\band\s+the\s/.test(surface)
          ? splitOn(surface, at, /\s+and\s+the\s+/g)
          : [[surface, at] as const];
    const cut = pieces.flatMap(([p, a]) => splitOn(p, a, VERBS_IN_TITLE)).flatMap(([p, a]) => splitAtOn(p, a));
    for (const [piece, pieceAt] of cut.flatMap(([p, a]) => splitAtBareThe(text, p, a, posAt))) {
      surface = piece;
      at = pieceAt;
      // "Pakistan-Afghanistan border", "US-Taliban talks": two names joined as a modifier, not a name.
      const firstParts = (surface.split(/\s+/)[0] ?? "").split("-");
      if (isJoinedNames(firstParts)) continue;
      // Drop leading words that are not names: sentence-initial common words, titles, months.
      for (;;) {
        const first = /^[^\s]+/.exec(surface)?.[0] ?? "";
        const isSentenceInitial = at === 0 || /^["'(\[]$/.test(text.slice(Math.max(0, at - 1), at)) || /:\s$/.test(text.slice(Math.max(0, at - 2), at));
        const pos = posAt.get(at);
        const hasMore = /\s/.test(surface);
        const drop =
          (isSentenceInitial && (pos !== "PROPN" || isCommonWord(first, lemmaAt.get(at))) && !isAcronym(first)) ||
          MONTH_OR_DAY.test(first) ||
          (hasMore && TITLE_QUESTION_WORD.test(first)) ||
          /^(?:I|Eg|E\.g|Then|Dr|Mr|Mrs|Ms|Prof)\.?$/.test(first) ||
          (hasMore && TITLE_WORDS.test(first) && /^[^\s]+\s+[A-Z]/.test(surface)) ||
          // "Iranian Foreign Minister X": a demonym before a title; "Pakistani Taliban" stays a name.
          (hasMore && isDemonym(first) && TITLE_WORDS.test(surface.split(/\s+/)[1] ?? ""));
        if (!drop) break;
        const rest = /^[^\s]+\s+(?:(?:of|for|and|&|the)\s+)*/.exec(surface)?.[0].length ?? surface.length;
        at += rest;
        surface = surface.slice(rest);
        if (!surface) break;
      }
      surface = surface.replace(/(?:\s+(?:of|for|and|&|the|de|on|in))+$/, "");
      if (!surface || MONTH_OR_DAY.test(surface)) continue;
      const leadParts = (surface.split(/\s+/)[0] ?? "").split("-");
      if (isJoinedNames(leadParts)) continue;
      const words = surface.split(/\s+/);
      if (words.length === 1) {
        const pos = posAt.get(at);
        if ((pos === "ADJ" && !isAcronym(surface)) || isDemonym(surface)) continue; // demonyms: Pakistani, Afghan
        if (/^(?:I|A|The|It|He|She|We|They|This|That|These|Those|But|And|Or|So|If|As|At|In|On|Of|To|By|For|With|From|Since|When|While|After|Before|However|Yet|Also|Its|Their|His|Her|Our|Your|My|Eg|Note|Yes|No|Not|All|One|Some|Many|Most|Both|Each|Every|Such|More|Less|Any|Here|There|Now|Then|Why|What|Who|How|Where|Which|Unlike|Despite|Under|Over)$/.test(surface))
          continue;
      }
      out.push({ text: surface, start: sentence.start + at, end: sentence.start + at + surface.length, sentenceIndex: sentence.index });
    }
  }
  return out;
}

/**
 * "For officials in Groups C and D the Commission proceeds…", "with many of the attributes of the Pakistan the League
 * wanted": a bare "the" after a noun opens a second name (the subject of the next clause), where a name keeps it only
 * after a connector ("Leader of the Opposition"), after a verb of a title ("Catch the Rain", "to Review the Working of
 * the Constitution") or before an epithet ("Pliny the Elder", "Alexander the Great", "William the Conqueror").
 */
function splitAtBareThe(text: string, surface: string, at: number, posAt: ReadonlyMap<number, string>): Array<readonly [string, number]> {
  const cuts: number[] = [];
  for (const m of surface.matchAll(/\s+the\s+/g)) {
    const before = /(\S+)$/.exec(surface.slice(0, m.index))?.[1] ?? "";
    if (!before || NAME_CONNECTORS.has(before.toLowerCase())) continue;
    const beforePos = posAt.get(at + m.index - before.length);
    if (beforePos !== "NOUN" && beforePos !== "PROPN" && beforePos !== "NUM") continue;
    // "Commission to Review the Working of the Constitution": the word before is a title's verb after all (not "According
    // to Nehru the Congress…": a name the dictionary knows no verb of).
    if (/(?:^|\s)to\s+\S+$/.test(text.slice(0, at + m.index)) && getSynsets(before.toLowerCase(), "v").length > 0) continue;
    // An epithet ends the name: one word the dictionary knows as an adjective ("the Great", "the Elder") or a noun epithet
    // (`data/name-words.json` epithets: "the Conqueror", "the Baptist") — not a people ("In Madras the French…"), a kind
    // ("the League"), an acronym ("the NBA") or an office ("At Simla the Viceroy met Gandhi").
    const after = surface.slice(m.index + m[0].length);
    // ("In Iran the Parthian dynasty fell": an adjective right before a noun of the sentence modifies that noun; "Alfred
    // the Great's reign" keeps its epithet, `data/name-words.json` epithets.)
    const nextPos = posAt.get(nextTokenAt(posAt, at + surface.length) ?? -1);
    const modifiesNext = nextPos === "NOUN";
    if (!/\s/.test(after) && !isDemonym(after) && !namesAKind(after) && (EPITHETS.has(after) || (!modifiesNext && getSynsets(after.toLowerCase(), "a").length > 0))) continue;
    cuts.push(m.index, m.index + m[0].length);
  }
  if (!cuts.length) return [[surface, at]];
  const parts: Array<readonly [string, number]> = [];
  let from = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    parts.push([surface.slice(from, cuts[i]), at + from]);
    from = cuts[i + 1]!;
  }
  parts.push([surface.slice(from), at + from]);
  return parts.filter(([p]) => p.length > 0);
}

/** The offset of the first token at or after `end` (the tokens' offsets are in order). */
function nextTokenAt(posAt: ReadonlyMap<number, string>, end: number): number | undefined {
  for (const offset of posAt.keys()) if (offset >= end) return offset;
  return undefined;
}

/** A name cut at each "on" that no `onHeads` word comes before ("Pakistan on Monday" is two mentions). */
function splitAtOn(surface: string, at: number): Array<readonly [string, number]> {
  if (!/\son\s/.test(surface)) return [[surface, at]];
  const kept = new Set<number>();
  for (const m of surface.matchAll(ON_INSIDE_NAME)) kept.add(m.index + m[0].search(/\son\s/));
  return splitOn(surface, at, /\s+on\s+/g, (index) => kept.has(index));
}

/** The surface cut at each match of `re` (a global regex), except where `keep` says the match stays inside the name. */
function splitOn(surface: string, at: number, re: RegExp, keep: (index: number) => boolean = () => false): Array<readonly [string, number]> {
  const parts: Array<readonly [string, number]> = [];
  let last = 0;
  for (const m of surface.matchAll(re)) {
    if (keep(m.index)) continue;
    parts.push([surface.slice(last, m.index), at + last]);
    last = m.index + m[0].length;
  }
  parts.push([surface.slice(last), at + last]);
  return parts.filter(([p]) => p.length > 0);
}

/** Letters a word can contribute to an acronym: its initial, plus initials of hyphen parts and inner capitals. */
function wordInitials(word: string): string[] {
  const parts = word.split(/-/).filter(Boolean);
  return parts.map((p) => p[0]!.toUpperCase());
}

/**
 * True when `acronym` can be spelt from `words`: every content word gives its initial (hyphen parts
 * and function words may give theirs or be skipped), in order, using all letters.
 */
export function initialsMatch(words: string[], acronym: string): boolean {
  const letters = acronym.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
  const units: Array<{ initials: string[]; isOptional: boolean }> = words.map((w) => ({
    initials: wordInitials(w),
    isOptional: FUNCTION_WORDS.has(w.toLowerCase()) || /^[a-z]/.test(w),
  }));
  const memo = new Map<string, boolean>();
  const go = (wi: number, li: number): boolean => {
    const key = `${wi},${li}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result = false;
    if (wi === units.length) result = li === letters.length;
    else {
      const unit = units[wi]!;
      if (unit.isOptional && go(wi + 1, li)) result = true;
      else {
        // Take the first part's initial (required for content words), then optionally later parts'.
        const first = unit.initials[0];
        if (first && letters[li] === first) {
          const rest = unit.initials.slice(1);
          const tryRest = (ri: number, l: number): boolean => {
            if (ri === rest.length) return go(wi + 1, l);
            if (letters[l] === rest[ri] && tryRest(ri + 1, l + 1)) return true;
            return tryRest(ri + 1, l);
          };
          result = tryRest(0, li + 1);
        }
      }
    }
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/** The shortest run of words ending `words` that spells `acronym` and starts with a content word. */
function expansionBefore(words: string[], acronym: string): string[] | null {
  for (let n = 1; n <= Math.min(words.length, 12); n++) {
    const run = words.slice(words.length - n);
    const first = run[0]!;
    if (FUNCTION_WORDS.has(first.toLowerCase()) || /^[a-z]/.test(first)) continue;
    if (initialsMatch(run, acronym)) return run;
  }
  return null;
}

/** Acronyms with their expansions: "Long Form (LF)", "LF (Long Form)", and "LF, which is the Long … Form". */
export function findAcronyms(sentences: Sentence[], text: string): Acronym[] {
  const out: Acronym[] = [];
  const seen = new Set<string>();
  const push = (short: string, expansion: string, sentenceIndex: number, start: number, end: number) => {
    const key = `${short.replace(/[.-]/g, "")}|${nameKey(expansion)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ short, expansion, sentenceIndex, span: { start, end } });
  };
  for (const s of sentences) {
    for (const m of s.text.matchAll(/\(([A-Z][A-Za-z0-9.&-]{1,9})\)/g)) {
      const short = m[1]!;
      if (!isAcronym(short)) continue;
      const before = s.text.slice(0, m.index).trimEnd();
      const words = before.split(/\s+/).slice(-14);
      const run = expansionBefore(words, short);
      if (!run) continue;
      const expansion = run.join(" ");
      const expStart = s.start + before.length - expansion.length;
      if (text.slice(expStart, expStart + expansion.length) !== expansion) continue;
      push(short, expansion, s.index, expStart, s.start + m.index + m[0].length);
    }
    for (const m of s.text.matchAll(/\b([A-Z][A-Z0-9.&-]{1,8})\s+\(([^()]{4,80})\)/g)) {
      const short = m[1]!;
      const expansion = m[2]!.trim();
      if (!isAcronym(short) || !initialsMatch(expansion.split(/\s+/), short)) continue;
      push(short, expansion, s.index, s.start + m.index, s.start + m.index + m[0].length);
    }
  }
  // Loose form: an acronym explained by capitalised words later in the same sentence.
  const expanded = new Set(out.map((a) => a.short.replace(/[.-]/g, "")));
  for (const s of sentences) {
    for (const m of s.text.matchAll(/\b([A-Z][A-Z0-9-]{1,7})\b/g)) {
      const short = m[1]!;
      const bare = short.replace(/-/g, "");
      if (expanded.has(bare) || !isAcronym(short) || bare.length < 3) continue;
      const after = s.text.slice(m.index + short.length);
      const words = after.split(/\s+/).filter(Boolean).slice(0, 14);
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!.replace(/[,.;:]$/, "");
        if (!/^[A-Z]/.test(w) || w[0] !== bare[0]) continue;
        for (let n = bare.length; n <= Math.min(words.length - i, bare.length + 3); n++) {
          const run = words.slice(i, i + n).map((x) => x.replace(/[,.;:]$/, ""));
          const last = run[run.length - 1]!;
          if (!/^[A-Z]/.test(last)) continue;
          const caps = run.filter((x) => /^[A-Z]/.test(x));
          if (caps.length !== bare.length || !initialsMatch(caps, bare)) continue;
          const expansion = run.join(" ");
          const idx = s.text.indexOf(expansion, m.index + short.length);
          if (idx < 0) continue;
          expanded.add(bare);
          push(short, expansion, s.index, s.start + m.index, s.start + idx + expansion.length);
          break;
        }
        if (expanded.has(bare)) break;
      }
    }
  }
  return out;
}

/** Levenshtein distance, capped: returns cap+1 once exceeded. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

class UnionFind {
  parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

const AKA_RE = /^,?\s*(?:\)\s*,?\s*)?(?:also|commonly|widely|popularly|better|locally)?\s*(?:known|referred to|called)\s+as\s+(?:the\s+)?/;

/**
 * Groups mentions into entities with aliases: acronym ↔ expansion, "X, also known as Y",
 * "It is commonly known as Y" (X = the previous sentence's first name), spelling variants
 * (edit distance ≤ 2 on long names: Tehreek/Tehrik, Qaeda/Qaida), acronym spellings (IS-KP = ISKP)
 * and an acronym one letter longer than another (ISK/ISKP), surnames of named people.
 */
export function buildEntities(sentences: Sentence[], text: string, acronyms: Acronym[], mentions: Mention[]): Entity[] {
  const uf = new UnionFind();
  const surfaceOf = new Map<string, string>(); // key → a surface form
  const countOf = new Map<string, number>();
  for (const m of mentions) {
    const key = nameKey(m.text);
    if (!key) continue;
    if (!surfaceOf.has(key) || m.text.length > surfaceOf.get(key)!.length) surfaceOf.set(key, m.text);
    countOf.set(key, (countOf.get(key) ?? 0) + 1);
  }
  const ensure = (surface: string) => {
    const key = nameKey(surface);
    if (key && !surfaceOf.has(key)) surfaceOf.set(key, surface);
    return key;
  };
  for (const a of acronyms) uf.union(ensure(a.expansion), ensure(a.short));
  // "X, also known as Y" and "It is commonly known as Y".
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentenceIndex) ?? [];
    list.push(m);
    bySentence.set(m.sentenceIndex, list);
  }
  for (const s of sentences) {
    const list = bySentence.get(s.index) ?? [];
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      const between = text.slice(a.end, b.start);
      if (AKA_RE.test(between) && AKA_RE.exec(between)![0].length === between.length) {
        const aKey = nameKey(a.text);
        const bKey = nameKey(b.text);
        if (isAcronym(b.text) && !isAcronym(a.text) && !initialsMatch(a.text.split(/\s+/), b.text.slice(0, a.text.split(/\s+/).length)))
          continue;
        uf.union(aKey, bKey);
      }
    }
    const pron = /^(?:It|They|The group|The organi[sz]ation|The movement)\s+(?:is|are|was|were)\s+(?:also\s+|commonly\s+|widely\s+|popularly\s+|better\s+)?(?:known|referred to|called)\s+as\s+(?:the\s+)?/.exec(s.text);
    if (pron && s.index > 0) {
      const target = list.find((m) => m.start === s.start + pron[0].length);
      const prev = (bySentence.get(s.index - 1) ?? [])[0];
      if (target && prev) uf.union(nameKey(prev.text), nameKey(target.text));
    }
  }
  // Spelling variants and acronym spellings.
  const keys = [...surfaceOf.keys()];
  const acronymKeys = keys.filter((k) => isAcronym(surfaceOf.get(k)!));
  for (let i = 0; i < acronymKeys.length; i++) {
    for (let j = i + 1; j < acronymKeys.length; j++) {
      const a = acronymKeys[i]!;
      const b = acronymKeys[j]!;
      const [short, long] = a.length <= b.length ? [a, b] : [b, a];
      if (short.length >= 3 && long.length === short.length + 1 && long.startsWith(short)) uf.union(long, short);
    }
  }
  // Only compound names are merged on spelling: single words like Pakistan/Pakistani differ in meaning.
  const longKeys = keys.filter((k) => k.length >= 7 && !isAcronym(surfaceOf.get(k)!) && /[-\s]/.test(surfaceOf.get(k)!)).sort();
  const byInitial = new Map<string, string[]>();
  for (const k of longKeys) {
    const list = byInitial.get(k[0]!) ?? [];
    list.push(k);
    byInitial.set(k[0]!, list);
  }
  for (const list of byInitial.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && j < i + 200; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const sa = surfaceOf.get(a)!.split(/\s+/).length;
        const sb = surfaceOf.get(b)!.split(/\s+/).length;
        if (sa !== sb) continue;
        const cap = Math.min(a.length, b.length) >= 14 ? 2 : 1;
        if (a.startsWith(b) || b.startsWith(a)) continue;
        if (editDistance(a, b, cap) <= cap) uf.union(a, b);
      }
    }
  }
  // Initials: an unexpanded acronym equals a multi-word name spelling it (UN = United Nations).
  const byInitials = new Map<string, string[]>();
  for (const k of keys) {
    const words = surfaceOf.get(k)!.split(/\s+/).filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
    if (words.length < 2) continue;
    const initials = words.map((w) => w[0]!.toUpperCase()).join("");
    const list = byInitials.get(initials) ?? [];
    list.push(k);
    byInitials.set(initials, list);
  }
  for (const k of acronymKeys) {
    const candidates = byInitials.get(surfaceOf.get(k)!.replace(/[.-]/g, "").toUpperCase()) ?? [];
    if (candidates.length === 1) uf.union(candidates[0]!, k);
  }
  // Surnames and titled forms of people named in full ("Saikal", "Dr Saikal" → "Amin Saikal").
  const fullNames = keys.filter((k) => {
    const words = surfaceOf.get(k)!.split(/\s+/);
    const surface = surfaceOf.get(k)!;
    // "Afghan Taliban" is not Mr Taliban: a demonym or an armed group's name is not a person's.
    if (isDemonym(words[0] ?? "") || GROUP_NAMES.test(surface)) return false;
    return words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(w)) && !ORG_WORDS.test(surface) && !PLACE_WORDS.test(surface) && !compromiseTags(surface).place;
  });
  const bySurname = new Map<string, string[]>();
  for (const k of fullNames) {
    const last = nameKey(surfaceOf.get(k)!.split(/\s+/).pop()!);
    const list = bySurname.get(last) ?? [];
    list.push(k);
    bySurname.set(last, list);
  }
  for (const k of keys) {
    const words = surfaceOf.get(k)!.split(/\s+/);
    if (words.length !== 1) continue;
    const owners = bySurname.get(k) ?? [];
    if (owners.length === 1 && (countOf.get(k) ?? 0) > 0 && !compromiseTags(surfaceOf.get(k)!).place) uf.union(owners[0]!, k);
  }

  // Assemble.
  const groups = new Map<string, string[]>();
  for (const k of surfaceOf.keys()) {
    const root = uf.find(k);
    const list = groups.get(root) ?? [];
    list.push(k);
    groups.set(root, list);
  }
  const mentionsByKey = new Map<string, Mention[]>();
  for (const m of mentions) {
    const k = nameKey(m.text);
    const list = mentionsByKey.get(k) ?? [];
    list.push(m);
    mentionsByKey.set(k, list);
  }
  const acronymByKey = new Map(acronyms.map((a) => [nameKey(a.short), a.short]));
  const entities: Entity[] = [];
  for (const members of groups.values()) {
    const aliases = new Set<string>();
    for (const k of members) {
      aliases.add(surfaceOf.get(k)!);
      for (const m of mentionsByKey.get(k) ?? []) aliases.add(m.text);
    }
    const list = [...aliases];
    const acronym = list.find((a) => isAcronym(a) && acronymByKey.has(nameKey(a))) ?? list.find((a) => isAcronym(a));
    const full = list.filter((a) => !isAcronym(a));
    const name =
      full.sort((a, b) => (countOf.get(nameKey(b)) ?? 0) * 0 + b.split(/\s+/).length - a.split(/\s+/).length || b.length - a.length)[0] ??
      acronym ??
      list[0]!;
    const ms = members.flatMap((k) => mentionsByKey.get(k) ?? []).sort((a, b) => a.start - b.start);
    entities.push({
      id: stableId("ent", nameKey(name)),
      name,
      kind: "other",
      aliases: list.sort(),
      ...(acronym ? { acronym } : {}),
      mentions: ms.map((m) => ({ start: m.start, end: m.end, sentenceIndex: m.sentenceIndex })),
    });
  }
  return entities.filter((e) => e.mentions.length > 0);
}

const compromiseCache = new Map<string, { person: boolean; place: boolean; org: boolean; demonym: boolean }>();
export function isDemonym(word: string): boolean {
  // Demonyms end in a handful of ways (Pakistani, Afghan, Chinese, Turkish, Arabic, Dutch); only those reach compromise.
  return /(?:i|an|ese|ish|ic|ch|er)$/.test(word) && compromiseTags(word).demonym;
}
const KIND_WORDS = new Set([...NAME_WORDS.organisation, ...NAME_WORDS.thing, ...NAME_WORDS.place]);
/** True for a word that says what kind of thing a name is ("Act", "Commission", "Court", `data/name-words.json`). */
export function namesAKind(word: string): boolean {
  return KIND_WORDS.has(word);
}

/** True when compromise reads the words as a person's name ("Jane Roe", "Dr. Anil Kumar"). */
export function readsAsPersonName(words: string): boolean {
  return compromiseTags(words).person;
}
function compromiseTags(name: string) {
  let tags = compromiseCache.get(name);
  if (!tags) {
    const doc = nlp(name);
    tags = { person: doc.has("#Person"), place: doc.has("#Place"), org: doc.has("#Organization"), demonym: doc.has("#Demonym") };
    if (compromiseCache.size > 20_000) compromiseCache.clear();
    compromiseCache.set(name, tags);
  }
  return tags;
}

/**
 * Decides each entity's kind from its own words (institution and place words, acronyms), from
 * compromise's lexicon, and from how the text uses it (a title before it, a role appositive after it,
 * "in X", "X said"). `speakers` are names attributed to quotes.
 */
export function classifyEntities(entities: Entity[], text: string, speakers: ReadonlySet<string>): void {
  for (const e of entities) {
    const votes: Record<EntityKind, number> = { person: 0, place: 0, organization: 0, group: 0, other: 0 };
    for (const alias of e.aliases) {
      if (ORG_WORDS.test(alias)) votes.organization += 3;
      if (PLACE_WORDS.test(alias)) votes.place += 3;
      if (isAcronym(alias)) votes.organization += 2;
      if (speakers.has(alias)) votes.person += 4;
      const tags = compromiseTags(alias);
      if (tags.person) votes.person += 2;
      if (tags.place) votes.place += 5;
      if (tags.org) votes.organization += 2;
    }
    if (GROUP_NAMES.test(e.aliases.join(" "))) votes.group += 6;
    // How the text uses the name for or against a person: a title, a role, speech, a lifespan or "who" after it; or "the"
    // before a name of two words or more ("the Naba Bidhan", "the Prayaga Prashasti" — a person's name takes no article,
    // unless it qualifies a noun: "the Rajiv Gandhi government"), "in"/"at"/"near" before it ("in Bodh Gaya"), or a
    // case's "v." beside it ("Minerva Mills v. Union of India").
    let forPerson = e.aliases.some((a) => speakers.has(a));
    let againstPerson = 0;
    let caseParty = false;
    const read = e.mentions.slice(0, 30);
    for (const m of read) {
      const before = text.slice(Math.max(0, m.start - 40), m.start);
      const after = text.slice(m.end, m.end + 60);
      if (/\b(?:in|to|from|across|into|near|inside|within|province of|city of|capital of)\s+(?:the\s+)?$/i.test(before)) votes.place += 1;
      if (/^\s+(?:province|district|valley|city|region|border)\b/i.test(after)) votes.place += 2;
      const titled = /(?:^|\s)(?:Dr|Mr|Mrs|Ms|Prof|President|Minister|General|Gen|Senator|Ambassador|Mullah|Mawlawi|spokes\w+|analyst|researcher|expert|chief)\.?\s+$/.test(before);
      const roled = /^,\s+(?:an?|the|[A-Z][\w-]*'s)\s+[^,.]{0,60}?/.test(after) && PERSON_ROLE_NOUNS.test(after.split(/[,.]/)[1] ?? "");
      const speaks = /^\s+(?:said|told|added|says|tells|argued|noted|wrote|stated)\b/.test(after);
      if (titled || roled || speaks) votes.person += 2;
      if (titled || roled || speaks || /^(?:\s*\((?:c\.\s*)?\d{3,4}\s*[-–]\s*\d{2,4}\)|,?\s+who\b)/.test(after)) forPerson = true;
      const mention = text.slice(m.start, m.end);
      const possessive = /^['’]s?\b/.test(after) || /['’]s?$/.test(mention);
      // ("the Armenian Gurgin Khan": the article goes with the demonym; "the Hafiz Gul Bahadur-led group" qualifies a noun.)
      const isLongName = mention.split(/\s+/).length >= 2 && !isDemonym(mention.split(/\s+/)[0]!);
      const afterThe = isLongName && /(?:^|[^\p{L}])the\s+$/u.test(before) && !PERSON_MODIFIED.test(after) && !/^[-–—]/.test(after);
      // ("the Maharaja of Cooch Behar", "the Battle of Plassey": what a ruler rules or a battle is fought at is a place.
      // Not "faith in", "fired at": a word before the preposition that takes a person as well.)
      const placed = (/\b(?:in|at|near|inside|within)\s+$/i.test(before) && !/\b(?:[a-z]+ed|faith|trust|belief|confidence|interest|look|looks|aim|aims)\s+(?:in|at)\s+$/i.test(before)) || RULED_PLACE_BEFORE.test(before);
      // "the Sardar Sarovar project", "(later Indira Sagar) project": a thing a noun says (counted once: "the Jawaharlal
      // Nehru port" among other mentions is still a person); "the ports of Myos Hormos": a place (counted twice, as no
      // person's name follows "the ports of").
      if (!possessive && (PLACES_OF_BEFORE.test(before) || isNamedByThingNoun(before, after))) againstPerson += 2;
      else if (!possessive && (afterThe || placed || SEAT_OF_BEFORE.test(before) || THING_AFTER.test(after))) againstPerson++;
      // A party to a case: "v." or "vs." (with its full stop) between two capitalised names.
      if (/^\s+vs?\.\s+\p{Lu}/u.test(after) || /\p{Lu}[\p{L}.'-]*\s+vs?\.\s+$/u.test(before)) caseParty = true;
    }
    const words = e.name.split(/\s+/);
    if (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(w) && !isKnownWord(w.toLowerCase())) && votes.organization === 0 && votes.place === 0) votes.person += 1;
    if (e.aliases.some((a) => THING_WORDS.test(a)) && !e.aliases.some((a) => ORG_WORDS.test(a))) {
      e.kind = "other";
      continue;
    }
    if (e.aliases.some((a) => a.split(/\s+/).length > 1 && ORG_WORDS.test(a))) votes.organization += 6;
    const isGroup = votes.group > 0;
    if (e.aliases.some((a) => a.split(/\s+/).length <= 2 && !a.includes("-") && compromiseTags(a).place) && votes.organization < 6 && !isGroup) votes.place += 6;
    if (isGroup) votes.group += 10;
    // A party to a case ("Minerva Mills v. Union of India") that nothing else shows to be a person, and that is no place
    // or organisation by its own words, stands for the case here.
    if (caseParty && !forPerson && votes.organization < 6 && !e.aliases.some((a) => PLACE_WORDS.test(a) || compromiseTags(a).place)) {
      e.kind = "other";
      continue;
    }
    // Most of the mentions read must say so: one "the Dalai Lama" among others does not unmake a person.
    if ((againstPerson * 2 > read.length || caseParty) && !forPerson) votes.person = 0;
    const best = (Object.entries(votes) as Array<[EntityKind, number]>).sort((a, b) => b[1] - a[1])[0]!;
    e.kind = best[1] > 0 ? best[0] : "other";
  }
}
