import { z } from "zod";
import type { ProcessedMaterial, Sentence, Token } from "@/lib/material/schemas";
import { tokenizeSentences } from "@/lib/material/nlp";
import { escapeRegExp } from "@/lib/text/regexp";
import { DOMINANT_NAME_RATIO, namedAt, settleShortName, timesNamed } from "./short-names";
import referentHeadsData from "./referent-heads.json";
import referenceWordsData from "./reference-words.json";

/**
 * Definite descriptions that need a referent (issue 9, blind review of 7 Dec 2026: 13 of 21 "not well-formed" verdicts).
 * An item lifts one sentence; a definite noun phrase in it — "the treaty", "the matter", "both tracks", "India's decision",
 * "the main criminal case", "the chairman" — names one particular thing only when something says which. A phrase says so
 * itself with a name or a figure before its head ("the Kishenganga matter", "the 1960 treaty", "the 2G case"), a
 * classifying word before a structure or a role ("the peace process", "the federal system", "the finance minister"), a
 * noun before any other head ("the trade deal"), or a phrase after it ("the treaty of Salbai", "the chairman of the PAC",
 * "the case against X", "the decision to…", "the decision that…", "the committee set up in 1950", "the bill (2019)"); an
 * adjective or a word that only ranks ("the main criminal case", "the bilateral treaty", "the final report") does not. The
 * heads are data (`referent-heads.json`): nouns of documents, decisions, events, bodies, roles, projects and structures;
 * nouns a text uses for one thing of its field or for the kind ("the government", "the monsoon", "the state") are not
 * among them.
 *
 * Two uses: `resolutionsOf` (through context.ts `inContext`) puts in the one name the sentences just before gave a bare
 * "the <head>" ("the Indus Waters Treaty" for "the treaty"); `unresolvedDescription` (through quality.ts `itemDefect`)
 * finds, in an item's own text, a description nothing in the item says which of — the item is then dropped, its reason
 * recorded.
 */

const referentHeads = z
  .object({
    documents: z.array(z.string().regex(/^[a-z-]+$/)),
    decisions: z.array(z.string().regex(/^[a-z-]+$/)),
    events: z.array(z.string().regex(/^[a-z-]+$/)),
    bodies: z.array(z.string().regex(/^[a-z-]+$/)),
    roles: z.array(z.string().regex(/^[a-z-]+$/)),
    projects: z.array(z.string().regex(/^[a-z-]+$/)),
    structures: z.array(z.string().regex(/^[a-z-]+$/)),
    governmentBodies: z.array(z.string().regex(/^[a-z-]+$/)),
    ownedByABody: z.array(z.string().regex(/^[a-z-]+$/)),
    pluralHeads: z.array(z.string().regex(/^[a-z-]+$/)),
    irregularPlurals: z.record(z.string(), z.string()),
    idioms: z.array(z.string().min(1)),
    sameThing: z.record(z.string(), z.array(z.string().regex(/^[a-z-]+$/))),
    personalEvents: z.array(z.string().regex(/^[a-z-]+$/)),
    uniqueDescriptions: z.array(z.string().regex(/^[a-z -]+$/)),
  })
  .parse(referentHeadsData);

type HeadKind = "documents" | "decisions" | "events" | "bodies" | "roles" | "projects" | "structures";
const HEAD_KINDS: HeadKind[] = ["documents", "decisions", "events", "bodies", "roles", "projects", "structures"];

/** Every head word, singular, with its kind. */
const KIND_OF = new Map<string, HeadKind>();
for (const kind of HEAD_KINDS) for (const w of referentHeads[kind]) KIND_OF.set(w, kind);
const PLURAL_HEADS = new Set(referentHeads.pluralHeads);
const SINGULAR_OF = new Map(Object.entries(referentHeads.irregularPlurals).map(([s, p]) => [p, s]));
const SAME_THING = new Map(Object.entries(referentHeads.sameThing).map(([w, others]) => [w, new Set(others)]));
const PERSONAL_EVENTS = new Set(referentHeads.personalEvents);
const UNIQUE_DESCRIPTIONS = new Set(referentHeads.uniqueDescriptions);
const IDIOMS = referentHeads.idioms.map((i) => new RegExp(String.raw`(?<![\p{L}\p{M}])${escapeRegExp(i).replace(/ /g, String.raw`\s+`)}(?![\p{L}\p{M}])`, "giu"));

/** Words between a determiner and its noun that do not say which one ("the final report", "the main case", "the same scheme"). */
const NON_SPECIFYING = new Set(
  [...referenceWordsData.pointingModifiers, ...referenceWordsData.orderingModifiers, "same", "whole", "very", "present", "proposed", "previous", "existing", "eventual", "actual", "particular", "relevant", "respective", "concerned", "aforesaid", "aforementioned", "above", "below", "following", "preceding", "subsequent", "old", "older", "newer", "recent", "ongoing", "pending", "controversial", "landmark", "historic"].map((w) => w.toLowerCase()),
);
/** A past participle: regular, or one of the common irregular ones. */
const PARTICIPLE = /^(?:[a-z]+(?:ed|en)|taken|made|given|held|done|set|put|brought|sought|won|paid|laid|led|kept|sent|sold|told|taught|found|shown|drawn|grown|known|seen|begun|spent|lost|cut|built|run)$/;
/** Words that place a thing among others the text gave ("the main…", "the other…", "the new…"). */
const ORDERING = new Set([...referenceWordsData.orderingModifiers, "new", "latest", "final", "same", "previous", "present", "current", "original"].map((w) => w.toLowerCase()));
/** A date after "on": "on 31 August 1920", "on 6 June". */
const ON_A_DATE = /^\s*on\s+(?:\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/;
/** Words after which "the …" is a predicate ("as the principal agency", "was the chairman"). */
const PREDICATE_BEFORE = /^(?:as|is|was|are|were|be|been|being|became|become|becomes|remains|remained)$/i;
/** Words that compare with a thing the text gave ("the other…", "the same…", "the new…"). */
const COMPARING = /^(?:other|another|same|remaining|former|latter|new|next|previous|latest|earlier|later)$/i;
const COUNT_WORDS = /^(?:two|three|four|five|six|seven|eight|nine|ten)$/i;
/** Verbs whose participle after a head says which one ("the committee set up in 1950", "the treaty signed at Karachi"). */
const CREATION_PARTICIPLE =
  /^(?:set|constituted|formed|established|appointed|created|launched|signed|passed|enacted|introduced|proposed|announced|tabled|issued|headed|chaired|led|built|commissioned|submitted|filed|brought|concluded|negotiated|reached|adopted|approved|framed|drafted|known|called|named|titled|entitled|dubbed|involving|concerning|regarding|relating|related|covering|linking|connecting)$/i;

export interface Description {
  /** Offsets of the whole phrase (determiner to head) in the text read. */
  start: number;
  end: number;
  /** The phrase as written ("the treaty", "both tracks", "India's decision"). */
  text: string;
  /** The head noun, singular, lower case. */
  head: string;
  kind: HeadKind;
  determiner: "the" | "both" | "either" | "neither" | "possessive";
  /** "the <head>" with nothing between: the only form a name may be put in for. */
  bare: boolean;
  /** Offset of the head token and of the determiner's token, in the text read. */
  headStart: number;
  /** Index of the determiner's token (for an antecedent inside the item: only words before it count). */
  firstToken: number;
}

/** The head word's singular and kind, or null for a word that is no head of the lexicon. */
function headOf(word: string, lemma: string): { head: string; kind: HeadKind; plural: boolean } | null {
  const lower = word.toLowerCase();
  for (const [cand, plural] of [
    [lower, false],
    [SINGULAR_OF.get(lower), true],
    [lemma, lemma !== lower],
    [lower.replace(/ies$/, "y"), true],
    [lower.replace(/(?:ches|shes|sses|xes)$/, (m) => m.slice(0, -2)), true],
    [lower.replace(/s$/, ""), true],
  ] as Array<[string | undefined, boolean]>) {
    if (!cand) continue;
    const kind = KIND_OF.get(cand);
    if (kind) return { head: cand, kind, plural: plural && !PLURAL_HEADS.has(lower) && cand !== lower };
    if (PLURAL_HEADS.has(cand)) return { head: cand, kind: "events", plural: false };
  }
  return null;
}

const NOUN_PHRASE_POS = new Set(["NOUN", "PROPN", "ADJ", "NUM"]);
const PRONOUN_POSSESSOR = /^(?:it|its|they|their|he|his|she|her|we|our|you|your|one|who|whose)$/i;

/**
 * The descriptions in a run of tokens that need a referent and say none themselves, in order. `text` is what the tokens'
 * offsets index after subtracting `base` (a sentence's tokens index the material's text).
 */
export function findDescriptions(text: string, tokens: readonly Token[], base = 0): Description[] {
  const word = (k: number) => (tokens[k] ? text.slice(tokens[k]!.start - base, tokens[k]!.end - base) : "");
  const pos = (k: number) => tokens[k]?.pos ?? "";
  const found: Description[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = word(i).toLowerCase();
    let determiner: Description["determiner"];
    if (w === "the") determiner = "the";
    else if (/^(?:both|either|neither)$/.test(w) && !/^(?:of|the|these|those|sides?)$/i.test(word(i + 1)) && pos(i + 1) !== "PUNCT") determiner = w as "both" | "either" | "neither";
    else if (/^['’]s?$/.test(w) && isDefinitePossessor(i - 1, word, pos)) determiner = "possessive";
    else continue;
    // The noun phrase: modifiers, then the head (the last noun of the run).
    let k = i + 1;
    let head = -1;
    while (k < tokens.length) {
      const wk = word(k);
      const p = pos(k);
      // "the neutral expert process", "the _____ case", "the ozone-depleting substance", "the 1960 treaty".
      // (A verb in -ed after a word of the phrase is the clause's own: "the civic elite hampered organisation".)
      const modifierVerb = p === "VERB" && (/ing$/.test(wk) || (/ed$/.test(wk) && (k === i + 1 || pos(k - 1) === "ADV"))) && /^(?:NOUN|ADJ)$/.test(pos(k + 1));
      if (wk === "_____" || NOUN_PHRASE_POS.has(p) || modifierVerb || (p === "ADV" && /^(?:most|least|more|less)$/i.test(wk) && pos(k + 1) === "ADJ")) {
        if (p === "NOUN" || (p !== "PROPN" && p !== "NUM" && wk !== "_____" && headOf(wk, tokens[k]!.lemma))) head = k;
        else if (p === "PROPN" || p === "NUM") head = -1;
        k++;
        // A possessive ends the phrase: "the committee's report" is read as "the committee", then "… 's report".
        if (/^['’]s?$/.test(word(k))) break;
        continue;
      }
      break;
    }
    if (head < 0 || head !== k - 1) continue;
    const headWord = word(head);
    // ("the canal-irrigated land": a word of a compound, not a head.)
    if (!/^[a-z]/.test(headWord) || /^-/.test(text.slice(tokens[head]!.end - base))) continue;
    const read = headOf(headWord, tokens[head]!.lemma);
    if (!read) continue;
    const mods = Array.from({ length: head - i - 1 }, (_, m) => i + 1 + m);
    const counted = mods.some((m) => COUNT_WORDS.test(word(m)));
    // Number: "both tracks", "either side"; "the two committees"; "the talks"; "the decision" — not "the reforms", a kind.
    if (determiner === "both" || determiner === "neither") {
      if (!read.plural) continue;
    } else if (determiner === "either") {
      if (read.plural) continue;
    } else if (read.plural && !counted) continue;
    if (isSpecifiedBefore(mods, word, pos, read.kind, read.head, determiner)) continue;
    const after = text.slice(tokens[head]!.end - base);
    if (isSpecifiedAfter(after, i, head, word, pos, read.kind, determiner)) continue;
    // "…with the Odisha State Civil Supplies Corporation as the principal agency", "X became the chairman": a predicate
    // says what the thing it follows is, and points to nothing ("…has become the other major forum" still compares).
    if (determiner === "the" && PREDICATE_BEFORE.test(word(i - 1)) && !mods.some((m) => COMPARING.test(word(m)))) continue;
    // "the national movement", "the Union government": one thing in the field whatever came before.
    if (UNIQUE_DESCRIPTIONS.has([...mods, head].map((m) => word(m).toLowerCase()).join(" "))) continue;
    const first = determiner === "possessive" ? i - 1 : i;
    // "India's decision": from the possessor on; "the committee's chairman": from its "the".
    let startTok = first;
    if (determiner === "possessive") while (startTok > 0 && /^(?:PROPN|NOUN)$/.test(pos(startTok - 1)) && /^\p{Lu}/u.test(word(startTok - 1))) startTok--;
    if (determiner === "possessive" && /^the$/i.test(word(startTok - 1))) startTok--;
    const start = tokens[startTok]!.start - base;
    const end = tokens[head]!.end - base;
    if (IDIOMS.some((re) => [...text.matchAll(re)].some((m) => m.index <= tokens[i]!.start - base && m.index + m[0].length >= end))) continue;
    found.push({
      start,
      end,
      text: text.slice(start, end),
      head: read.head,
      kind: read.kind,
      determiner,
      bare: determiner === "the" && head === i + 1,
      headStart: tokens[head]!.start - base,
      firstToken: startTok,
    });
  }
  return found;
}

/**
 * Is the word before a possessive's "'s" a possessor that makes the phrase definite: a name ("India's decision", not
 * "an MP's vote") or a head of the lexicon after "the" ("the tribunal's decision"; not "the world's assembly", "the
 * state's monetary authority", whose possessor names the kind, nor "leaders' summit", a compound)?
 */
function isDefinitePossessor(k: number, word: (k: number) => string, pos: (k: number) => string): boolean {
  const w = word(k);
  if (k < 0 || !/^(?:PROPN|NOUN)$/.test(pos(k)) || PRONOUN_POSSESSOR.test(w)) return false;
  let first = k;
  while (first > 0 && /^\p{Lu}/u.test(word(first - 1)) && /^(?:PROPN|NOUN)$/.test(pos(first - 1))) first--;
  if (/^\p{Lu}/u.test(w)) return !/^(?:a|an|any|each|every|one|no|another)$/i.test(word(first - 1));
  return /^the$/i.test(word(k - 1)) && KIND_OF.has(w.toLowerCase());
}

/** Do the words between the determiner and the head say which one? */
function isSpecifiedBefore(mods: number[], word: (k: number) => string, pos: (k: number) => string, kind: HeadKind, head: string, determiner: Description["determiner"]): boolean {
  // A word that picks one out of a set the text gave ("the main bribery case", "the new trade deal", "the other major
  // forum") leaves only a name or a figure to say which.
  const picks = mods.some((m) => ORDERING.has(word(m).toLowerCase()));
  return mods.some((m) => {
    const w = word(m);
    // A name, a figure, a year, a blank for one: "the Kishenganga matter", "the 1960 treaty", "the 2G case", "the iCET framework".
    if (/\p{Lu}/u.test(w) || /\d/.test(w) || w === "_____") return true;
    if (picks || NON_SPECIFYING.has(w.toLowerCase()) || COUNT_WORDS.test(w)) return false;
    // A superlative has its own scope: "the largest party", "the most influential movement".
    if (/^(?:most|least)$/i.test(w) || (pos(m) === "ADJ" && /est$/.test(w))) return true;
    // A structure or a role of a kind: "the federal system", "the peace process", "the prime minister"; a government's
    // office of a kind: "the foreign ministry" (`governmentBodies`); a possessor's thing of a kind: "BloombergNEF's
    // annual survey".
    if (kind === "structures" || kind === "roles" || GOVERNMENT_BODIES.has(head) || determiner === "possessive") return true;
    // A noun before another head names its kind: "the trade deal", "the coal block case" (an adjective does not: "the
    // main criminal case", "the bilateral treaty").
    return pos(m) === "NOUN" && /^[a-z][a-z-]*$/.test(w);
  });
}

/** Does what follows the head say which one? */
function isSpecifiedAfter(after: string, det: number, head: number, word: (k: number) => string, pos: (k: number) => string, kind: HeadKind, determiner: Description["determiner"]): boolean {
  const headWord = word(head).toLowerCase();
  // "the treaty of Salbai", "the case against…", "the dispute between…", "the deal with Iran", "the chairman of the PAC".
  // ("launched the movement on 31 August 1920": a date is the verb's, not the noun's.)
  if (/^\s*(?:of|for|on|between|against|over|about|regarding|concerning|involving|with|under|within|among|towards?|behind|into|affecting|beyond|outside|inside|near|along|through|around|per)\b/i.test(after) && !ON_A_DATE.test(after)) return true;
  // "the attack in Pahalgam", "the summit in 2019", "the case in the Supreme Court", "the judgment by the Court".
  // ("took the dispute to the Supreme Court": where the verb took it, not which dispute.)
  // ("the war in _____" hides a place's name; "publishes the decision in the _____" hides where the verb puts it.)
  // ("India signed the treaty in 1960": after a verb a year is the verb's, when the phrase has nothing else — "ended the
  // second river war in 1971" still reads as that war; a blank may hide a place, "to fight the war in _____".)
  const afterVerb = /^(?:VERB|AUX)$/.test(pos(det - 1)) && head === det + 1;
  if (/^\s+(?:in|at|from|by|during|since|before|after|across)\s+(?:(?:the\s+)?(?:\p{Lu}|\d)|_____)/u.test(after) && !(afterVerb && /^\s+(?:in|during|since|before|after)\s+\d/.test(after))) return true;
  // "the levy and collection of GST": two heads that share the phrase after them.
  if (/^\s+(?:and|or)\s+(?:the\s+)?[a-z-]+\s+(?:of|for|on|between|against)\b/.test(after)) return true;
  // "the decision to hold…": an infinitive ("took the matter to a court" is the verb's phrase).
  if (/^to$/i.test(word(head + 1)) && /^(?:VERB|AUX)$/.test(pos(head + 2))) return true;
  // "the decision that…", "the committee which…": a restrictive clause (after a comma it only adds).
  if (/^\s+(?:that|which|who|whom|whose|where|when|whereby|under which|by which)\b/i.test(after)) return true;
  // "the committee set up in 1950", "the report tabled in Parliament", "the scheme launched by…", "the route known as…".
  // ("The board adopted a ban…", "Both chambers approved the budget": a verb with an object is the clause's own.)
  const next = word(head + 1);
  if (pos(head + 1) === "VERB" && (CREATION_PARTICIPLE.test(next) || (/(?:ed|en)$/.test(next) && /^by$/i.test(word(head + 2)))) && !takesAnObject(head + 1, word, pos)) return true;
  // "…on the action taken on it", "…seized the assets held in…": after a verb or a preposition the phrase is an object,
  // and a participle with its own phrase after it is a reduced clause, not the verb ("the court ruled in 2018").
  const objectOf = /^(?:VERB|ADP|AUX)$/.test(pos(det - 1)) && !/^(?:that|and|but|or)$/i.test(word(det - 1));
  if (objectOf && pos(head + 1) === "VERB" && PARTICIPLE.test(next) && /^(?:ADP|PART)$/.test(pos(head + 2))) return true;
  // "the committee (PAC)", "the act (1986)", "the scheme “Ujjwala”", "the bench 5": a name, a figure, a quoted title.
  if (/^\s*\(\s*(?:\p{Lu}|\d)/u.test(after) || /^\s*["“‘']\s*\p{Lu}/u.test(after) || /^\s+\d/.test(after)) return true;
  // "the programme Bringing Green Revolution to Eastern India", "the decision India took": a name after the head.
  if (/^[^\S\n]+\p{Lu}/u.test(after)) return true;
  // "the treaty, the Indus Waters Treaty,": an apposed name.
  if (/^\s*,\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}-]*(?:\s+\p{Lu}[\p{L}\p{M}-]*)*\s*(?:,|\)|$)/u.test(after) && !/^\s*,\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}-]*\s+(?:is|was|has|had|said|says)\b/u.test(after)) return true;
  // A role or a body a possessor says whose ("India's envoy", "the Peshwa's court"), or what happens to a person once
  // ("Urjit Patel's resignation"; `personalEvents`).
  if (determiner === "possessive" && (kind === "roles" || kind === "bodies" || PERSONAL_EVENTS.has(headWord))) return true;
  return false;
}

/**
 * Is the verb at `v` followed by an object ("adopted a ban", "approved the budget", "submitted its report", "set up a
 * panel"), so that it is a clause's finite verb and no participle of a reduced clause ("set up in 1950", "tabled in
 * Parliament", "headed by…", "known as…")? Words in -ing ("the case involving…") always modify.
 */
function takesAnObject(v: number, word: (k: number) => string, pos: (k: number) => string): boolean {
  if (/ing$/i.test(word(v))) return false;
  let k = v + 1;
  if (/^(?:up|out|down|off)$/i.test(word(k)) && /^(?:ADP|PART|ADV)$/.test(pos(k))) k++;
  return pos(k) === "DET" || pos(k) === "PRON" || /^(?:a|an|the|its|their|his|her|this|these|that|those)$/i.test(word(k));
}

/** Any head word of the lexicon, singular or plural, in lower case. */
const HEAD_WORD = new RegExp(
  String.raw`(?<![\p{L}\p{M}])(?:${[...KIND_OF.keys(), ...PLURAL_HEADS, ...SINGULAR_OF.keys()].flatMap((w) => [w, w.replace(/y$/, "ies")]).map(escapeRegExp).join("|")})(?:e?s)?(?![\p{L}\p{M}])`,
  "u",
);

const taggedCache = new Map<string, Token[]>();
/** An item text's tokens (wink-nlp, the material's tagger), kept for the texts seen last. */
export function tagged(text: string): Token[] {
  let tokens = taggedCache.get(text);
  if (!tokens) {
    tokens = tokenizeSentences(text, 0, text.length).flatMap((s) => s.tokens);
    if (taggedCache.size > 5000) taggedCache.clear();
    taggedCache.set(text, tokens);
  }
  return tokens;
}

/** Two names joined ("Mumbai and Chennai", "the neutral expert and the Court of Arbitration") for a "both …" to stand for. */
const TWO_NAMED = /(?:\p{Lu}[\p{L}\p{M}'’-]*|_____|\b[a-z]+)\s+(?:and|&)\s+(?:the\s+)?(?:\p{Lu}|_____)/u;
/** Does a verb's lemma open like the noun ("decide" / "decision", "appoint" / "appointment", "ban" / "ban")? */
function sharesStem(verb: string, noun: string): boolean {
  let n = 0;
  while (n < verb.length && n < noun.length && verb[n] === noun[n]) n++;
  return n >= Math.min(4, noun.length) && n >= 0.6 * Math.min(verb.length, noun.length);
}

/** Nouns said whose by any body the item names ("the budget" beside "the Kessary Canal Authority"). */
const OWNED_BY_A_BODY = new Set(referentHeads.ownedByABody);
const GOVERNMENT_BODIES = new Set(referentHeads.governmentBodies);
/** Body nouns, any case: "the chairman" is the chairman of one the item names. */
const BODY_WORDS = new Set(referentHeads.bodies);

/**
 * The first definite description in an item's text that needs a referent and that nothing before it in the item
 * provides — no earlier word with the same head ("The Public Accounts Committee … the committee", "a treaty … the
 * treaty", "With reference to the Indus Waters Treaty: … the treaty"), no body for a role to belong to ("…Committee …
 * the chairman"), no two names or a count for "both …" — or null.
 */
export function unresolvedDescription(text: string): string | null {
  // (Tagging is the cost: a text with no head word of the lexicon in lower case is not read.)
  if (!HEAD_WORD.test(text)) return null;
  const tokens = tagged(text);
  for (const d of findDescriptions(text, tokens)) {
    const before = tokens.slice(0, d.firstToken);
    const sameHead = before.some((t) => {
      const read = headOf(text.slice(t.start, t.end), t.lemma);
      return read?.head === d.head || (!!read && !!SAME_THING.get(d.head)?.has(read.head)) || !!SAME_THING.get(d.head)?.has(t.lemma.toLowerCase());
    });
    if (sameHead) continue;
    // "The Council decided…, and the decision…": the verb the noun is made from.
    if (before.some((t) => t.pos === "VERB" && sharesStem(t.lemma.toLowerCase(), d.head))) continue;
    if ((d.kind === "roles" || OWNED_BY_A_BODY.has(d.head)) && before.some((t) => BODY_WORDS.has(t.lemma.toLowerCase()) || BODY_WORDS.has(text.slice(t.start, t.end).toLowerCase()))) continue;
    if ((d.determiner === "both" || d.determiner === "neither" || d.determiner === "either") && (TWO_NAMED.test(text.slice(0, d.start)) || before.some((t) => COUNT_WORDS.test(text.slice(t.start, t.end))))) continue;
    return d.text;
  }
  return null;
}

/** A name put in for a bare "the <head>" of a sentence. */
export interface Resolution {
  /** Offset of the head's token in the material's text (the sentence checks of context.ts skip it). */
  headStart: number;
  /** The description as the sentence writes it ("the treaty", "The committee"). */
  phrase: string;
  /** Which occurrence of the phrase (case aside) in the sentence's text it is. */
  occurrence: number;
  /** The name to put in, with its article ("the Indus Waters Treaty"). */
  name: string;
}

const resolutionCache = new WeakMap<ProcessedMaterial, Map<number, Resolution[]>>();

/**
 * The bare "the <head>"s of a sentence (a head of the lexicon, nothing between, nothing after that says which) that its
 * paragraph names one way only: the sentences of the paragraph before it name the head only in one proper name, its head
 * capitalised ("the Indus Waters Treaty", "the Public Accounts Committee", "the Court of Arbitration"), or as a bare
 * "the <head>" again. Any other mention — a second name, "a treaty", "treaties", "the 1932 treaty", a name of a series
 * ("the Calcutta session", which "At Surat… the session" is not), a word inside a longer name ("National Company Law
 * Tribunal") — and none is put in: the reader could not tell which. Nor is a name from another paragraph: a reviewer's
 * counter-examples ("the bank" of a depositor after a paragraph on the Reserve Bank, "the house" meaning the Rajya Sabha
 * after one on the Lok Sabha) crossed paragraphs. A word the sentence itself has before the phrase is its own
 * antecedent. Roles and possessives are never resolved (which body's chairman, what India decided, is not said by a
 * name of the same head). Read once per sentence.
 */
export function resolutionsOf(pm: ProcessedMaterial, sentence: Sentence): Resolution[] {
  let bySentence = resolutionCache.get(pm);
  if (!bySentence) resolutionCache.set(pm, (bySentence = new Map()));
  let found = bySentence.get(sentence.index);
  if (found) return found;
  found = [];
  const text = pm.material.text;
  for (const d of findDescriptions(text, sentence.tokens)) {
    if (!d.bare || d.kind === "roles") continue;
    const own = sentence.tokens.slice(0, sentence.tokens.findIndex((t) => t.start === d.start)).some((t) => headOf(text.slice(t.start, t.end), t.lemma)?.head === d.head);
    if (own) continue;
    const name = antecedentName(pm, sentence, d.head);
    if (!name) continue;
    const phrase = text.slice(d.start, d.end);
    const re = new RegExp(String.raw`(?<![\p{L}\p{M}])${escapeRegExp(phrase)}(?![\p{L}\p{M}])`, "giu");
    const occurrence = [...sentence.text.matchAll(re)].findIndex((m) => m.index + sentence.start === d.start);
    if (occurrence < 0) continue;
    found.push({ headStart: d.headStart, phrase, occurrence, name });
  }
  bySentence.set(sentence.index, found);
  return found;
}

/** Does the sentence have a name put in for the description whose head starts at `headStart`? */
export function isResolvedHead(pm: ProcessedMaterial, sentence: Sentence, headStart: number): boolean {
  return resolutionsOf(pm, sentence).some((r) => r.headStart === headStart);
}

/** Modals and words of proposing: what a sentence with them brings in may not exist yet. */
const PROPOSING = /^(?:should|would|could|might|must|may|ought|shall|propos\w*|recommend\w*|suggest\w*|urg\w*)$/i;
/** Small words inside a name ("Goods and Services Tax", "Court of Arbitration"). */
const JOINER = /^(?:of|and|for|on|the|&)$/;
/** Capitalised words that open a sentence or a clause without being part of a name. */
const FUNCTION_CAPITAL = /^(?:The|A|An|In|On|At|By|For|Of|As|But|And|Under|With|From|To|Its|Their|This|That|These|Those|Both|After|Before|When|While|Since|Although|Though|If|Unlike|During|Its|His|Her)$/;

/**
 * The one name the text just before the sentence gives a thing of this head, with its article, or null (none, several, or
 * another mention of the head that is no such name). When the paragraph, the sentence itself included, mentions the head
 * only as a bare "the <head>" (no name, no "a tribunal", no "tribunals"), the name is the one the material's capitalised
 * short name would stand for at this sentence (`settleShortName` for "Tribunal": the material is about one tribunal, and
 * nothing just before or in the section's heading names another), that it names DOMINANT_NAME_RATIO times by here and
 * names in its lead;
 * null when that decision keeps the word or fails, or the name is not the material's running one.
 */
function antecedentName(pm: ProcessedMaterial, sentence: Sentence, head: string): string | null {
  const names = new Set<string>();
  for (let i = sentence.index - 1; i >= 0; i--) {
    const s = pm.sentences[i]!;
    if (s.blockIndex !== sentence.blockIndex) break;
    const mentions = mentionsOf(pm, s, head);
    if (mentions === null) return null;
    for (const n of mentions) names.add(n);
  }
  if (names.size === 0) {
    const own = mentionsOf(pm, sentence, head);
    if (own === null || own.length) return null;
    const settled = settleShortName(pm, sentence, head.charAt(0).toUpperCase() + head.slice(1));
    // A lower-case word is weaker evidence than a capitalised short name: the name must be the material's running one,
    // named in full (or by its acronym) DOMINANT_NAME_RATIO times by here — one headline, one "Bank Rate", one "River
    // System", one foreign "Government Accountability Office" is no subject the text keeps calling "the <head>".
    // And the material's subject: named by the end of its lead (its first paragraph), not a body a later part turns to
    // ("the court" of a case summary is not the Supreme Court an essay on another body cites).
    if (typeof settled !== "object" || timesNamed(pm, sentence, settled.name) < DOMINANT_NAME_RATIO) return null;
    const lead = pm.blocks.find((b) => b.kind !== "heading");
    if (!lead || !namedAt(pm, settled.name).some((at) => at < lead.end)) return null;
    names.add(settled.name);
  }
  if (names.size !== 1) return null;
  const name = [...names][0]!;
  return /['’]s\b/.test(name) ? null : `the ${name}`;
}

const mentionCache = new WeakMap<ProcessedMaterial, Map<string, string[] | null>>();
/**
 * The names a sentence gives a thing of this head ("Indus Waters Treaty", "Court of Arbitration"); [] for none or only
 * bare "the <head>"s; null when it mentions the head another way ("a treaty", "treaties", "the 1932 treaty", "the treaty
 * of Salbai" as a common noun phrase).
 */
function mentionsOf(pm: ProcessedMaterial, s: Sentence, head: string): string[] | null {
  let cache = mentionCache.get(pm);
  if (!cache) mentionCache.set(pm, (cache = new Map()));
  const key = `${s.index}:${head}`;
  if (cache.has(key)) return cache.get(key)!;
  const text = pm.material.text;
  const word = (k: number) => (s.tokens[k] ? text.slice(s.tokens[k]!.start, s.tokens[k]!.end) : "");
  const names: string[] = [];
  let other = false;
  s.tokens.forEach((t, k) => {
    const w = word(k);
    const read = headOf(w, t.lemma);
    if (!read) return;
    if (read.head !== head) {
      // "…Commission… a new panel headed by… the commission", "…Treaty… a separate pact… the treaty": a word the lexicon
      // takes for the same thing, or a new thing of the same kind brought in ("a/an/another …"), may be what the
      // description means; the reader could not tell which.
      // (A capitalised word inside a name, "a former Union Law Secretary", brings in no body.)
      const newOfKind = read.kind === KIND_OF.get(head) && /^[a-z]/.test(w) && introducedIndefinitely(k, word, s.tokens);
      if (SAME_THING.get(head)?.has(read.head) || SAME_THING.get(read.head)?.has(head) || newOfKind) other = true;
      return;
    }
    // "National Company Law Tribunal", "97th Constitutional Amendment Act": a word inside a longer name is no name of its
    // own, but the reader may take the short word for that longer thing: another mention.
    if (/^\p{Lu}/u.test(w) && /^\p{Lu}/u.test(word(k + 1))) {
      other = true;
      return;
    }
    // "…Waters Treaty": capitalised words before the head (small joiners inside), not a sentence's opening "The".
    let first = k;
    let j = k - 1;
    while (j >= 0 && (/^\p{Lu}/u.test(word(j)) || (JOINER.test(word(j)) && j > 0 && /^\p{Lu}/u.test(word(j - 1))))) {
      if (FUNCTION_CAPITAL.test(word(j)) || (j === 0 && !/^\p{Lu}/u.test(w))) break;
      if (!JOINER.test(word(j))) first = j;
      j--;
    }
    // "Court of Arbitration", "Treaty of Salbai": a capitalised head followed by "of" and a name.
    // ("Committee of the Veldra legislature" is no name: a common noun ends the "of" phrase.)
    let last = k;
    if (/^\p{Lu}/u.test(w) && word(k + 1) === "of") {
      let m = k + 2;
      if (word(m) === "the") m++;
      while (m < s.tokens.length && /^\p{Lu}/u.test(word(m))) last = m++;
      if (last > k && /^[a-z]/.test(word(m)) && s.tokens[m]?.pos === "NOUN") {
        other = true;
        return;
      }
    }
    // "Government of India Act 1858", "…Act, 1935": the year is part of the name (several acts share the rest).
    if (/^\p{Lu}/u.test(w)) {
      const year = /^(?:1[0-9]|20)\d\d$/;
      if (year.test(word(last + 1))) last += 1;
      else if (word(last + 1) === "," && year.test(word(last + 2))) last += 2;
    }
    if (first < k || last > k) {
      // Only a proper name, its head capitalised, is put in: "the Calcutta session", "the Akali movement" are one of a
      // series the sentence at hand may place elsewhere ("At Surat… the session broke up"). Nor a name the engine
      // cannot read whole ("97th Constitutional Amendment", "(Amendment) Act").
      const unreadable = /^(?:NUM)$/.test(s.tokens[first - 1]?.pos ?? "") || /[\d)-]$/.test(word(first - 1));
      // "…should be vested in a Monetary Policy Committee. The committee proposed…": a name brought in with "a" beside a
      // modal or a word of proposing is a kind proposed, no body yet, and the description may mean another ("set up a
      // Joint Drafting Committee", "signed a … Agreement" bring in the one thing).
      const indefinite = /^(?:a|an)$/i.test(word(first - 1)) && s.tokens.some((_, m) => PROPOSING.test(word(m)));
      if (read.plural || !/^\p{Lu}/u.test(w) || unreadable || indefinite) other = true;
      else names.push(text.slice(s.tokens[first]!.start, s.tokens[last]!.end));
      return;
    }
    // A bare "the <head>" (or "this <head>") continues the chain; anything else is another mention.
    if (!read.plural && /^(?:the|this)$/i.test(word(k - 1)) && !/^\s*(?:of|for|on|between|against)\b/.test(text.slice(t.end, t.end + 12))) return;
    other = true;
  });
  const result = other ? null : names;
  cache.set(key, result);
  return result;
}

/** Does the noun phrase ending at token `k` open with an indefinite determiner ("a new panel", "another accord")? */
function introducedIndefinitely(k: number, word: (k: number) => string, tokens: readonly Token[]): boolean {
  let j = k - 1;
  while (j >= 0 && /^(?:ADJ|NOUN|ADV|NUM|VERB)$/.test(tokens[j]!.pos) && !/^(?:a|an|another)$/i.test(word(j))) j--;
  return j >= 0 && /^(?:a|an|another)$/i.test(word(j));
}

/**
 * The item text `t` (made from `sentence`, perhaps with a blank, a swapped value or an opening cut) with the names of
 * `resolutionsOf` put in: each phrase where the sentence has it, found by its place among the same phrase's occurrences
 * (left as written when the item has a different number of them — a blank over one, say — which the screen then reads).
 */
export function withResolvedDescriptions(t: string, pm: ProcessedMaterial, sentence: Sentence): string {
  let out = t;
  for (const r of resolutionsOf(pm, sentence)) {
    const re = new RegExp(String.raw`(?<![\p{L}\p{M}])${escapeRegExp(r.phrase)}(?![\p{L}\p{M}])`, "giu");
    const inSentence = [...sentence.text.matchAll(re)].length;
    const inItem = [...out.matchAll(re)];
    if (inItem.length !== inSentence) continue;
    const m = inItem[r.occurrence];
    if (!m) continue;
    const name = /^T/.test(m[0]) ? r.name.charAt(0).toUpperCase() + r.name.slice(1) : r.name;
    out = out.slice(0, m.index) + name + out.slice(m.index + m[0].length);
  }
  return out;
}
