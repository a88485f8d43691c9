import { stableId } from "@/lib/material/hash";
import { isAcronym } from "@/lib/material/entities";
import type { Corpus, SentenceRef } from "./corpus";
import type { EvidenceSpan, ModelAnswer, RubricPoint } from "./schemas";
import { expandLemma } from "@/lib/nlp/lexical";
import { isAbstractNoun } from "@/lib/nlp/wordnet";
import { lemmatizeWord } from "@/lib/nlp/analyze";
import { STOP_WORDS, evidenceOf, isStandalone, isTitleLine, roughStem, sentenceEvidence, standaloneText, stemsOf, wordCount } from "./text";
import { modelAnswerWordCount } from "./words";
import { parseQuestion, type ParsedQuestion } from "./written";

export { modelAnswerWordCount };
import { nameSubtype } from "./slots";
import nlp from "compromise";
import { inContext } from "./context";
import { resolutionsOf } from "./descriptions";
import { openingPronounAntecedent } from "./antecedent";
import { keyTermsOf } from "./quality";
import { CLOSING_HEADINGS, dimensionsIn, lexiconFor, type Lexicon } from "./lexicons";
import { AppError } from "@/lib/errors";
import { escapeRegExp } from "@/lib/text/regexp";
import { demandFoci, focusFit, listPoint, materialLists, pointsBack, type MaterialList } from "./demand-focus";
import forwardCues from "./forward-cues.json";

type DimensionId = string;
type DimensionHit = { id: DimensionId; label: string; score: number };
/**
 * Shortens a material sentence into an answer point: drops leading connectives, attribution
 * ("…, analysts said", "according to …"), quotation marks and parentheses, and cuts a long sentence
 * at a clause boundary near `maxWords`.
 */
export function compressSentence(text: string, maxWords = 30): string {
  // A source that is itself a model answer labels its points ("Cross-border militancy: …"): the label
  // goes, so that a point never carries two.
  let t = standaloneText(text.replace(/"/g, "").replace(/^\s*(?:[-*\u2022]\s*)?[A-Z][\w'&-]*(?:\s+[\w'&-]+){0,5}:\s+(?=["A-Z])/, ""))
    .replace(/,?\s*(?:according to|as per)\s+[^,.;]+/gi, "")
    .replace(/,\s*(?:said|says|added|told)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][^,.;]*(?:,\s*(?:an?|the)\s[^,.;]+)?(?=[,.;]|$)/g, "")
    .replace(/,\s*(?:he|she|they|it)\s+(?:said|says|added|told)(?:\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?(?=[.,;]|$)/g, "")
    .replace(/,\s*(?:[a-z]+\s+){0,2}(?:analysts?|officials?|experts?|sources?)(?:\s+in\s+[A-Z][\w-]*(?:\s+and\s+[A-Z][\w-]*)?)?\s+(?:said|say|says)(?:\s+on\s+[A-Z]\w+)?\b/gi, "")
    .replace(/,\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,4}(?:news agency\s+|agency\s+|newspaper\s+|broadcaster\s+)?(?:reported|said|says|reports)(?:,\s+citing\s+[^,.;]+)?(?=[.;]?$)/, "")
    .replace(/,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}(?:organi[sz]ation|group|agency|institute|think[- ]tank|body|monitor|firm|outlet|newspaper)(?=[.;]?$)/i, "")
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/ - [^-]{3,160}? - /g, " ")
    // An aside between two unspaced dashes ("the prime minister—on the non-binding advice of the Board—decides") goes
    // like one in parentheses.
    .replace(/(?<=\p{L})\u2014[^\u2014.;]{3,160}?\u2014(?=\p{L})/gu, " ")
    .replace(/\[([^\]]+)\]/g, "$1")
    .replace(/"/g, "")
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,.;])/g, "$1")
    .trim();
  if (t.split(/\s+/).length > maxWords) {
    // A leading subordinate clause ("While …, the onus rests with …") goes first: the main clause carries the claim.
    // ("Since 1967 the convention has been that…, a practice intended…" opens on a phrase of time, not a clause: what
    // follows its comma is an appositive, not the main clause.)
    const lead = /^(?:While|Although|Though|As|Since(?!\s+(?:the\s+)?\d)|Despite|Even as|With|Given|Whereas|Because)\b[^,]{3,200},\s+(?=[a-z]*\s*[A-Za-z])(?!(?:a|an)\s)/.exec(t);
    // The first comma may fall inside the clause ("While there were attempts to evade the ban, e.g. by smuggling, …"):
    // what follows must open a main clause, not an instance or an adverbial.
    if (
      lead &&
      t.slice(lead[0].length).split(/\s+/).length >= 6 &&
      !/^(?:e\.g\.|i\.e\.|(?:and|or|but|nor|he|she|it|they|his|her|its|their|this|these|those|that|eg|for (?:example|instance)|such as|including|by|in|on|at|with|from|to|as|which|who)\b)/i.test(t.slice(lead[0].length))
    )
      t = t.slice(lead[0].length).replace(/^./, (c) => c.toUpperCase());
  }
  const words = t.split(/\s+/);
  if (words.length > maxWords) {
    // Cut only at a clause boundary (never mid-phrase), keeping at least eight words.
    // A contrast ("X sees a threat, while Y sees an ally") is the point itself when the sentence is short.
    const contrastBoundary = words.length <= maxWords + 10 ? "" : "while|whereas|";
    const boundaries = [
      ...t.matchAll(
        new RegExp(
          String.raw`(?:,|;| -| –)\s+(?=(?:which|${contrastBoundary}who|as|after|before|when|because|with|including|especially|particularly|leaving|drawing|threatening|restricting|escalating|provoking|adding|saying|many|away)\b|[a-z]{3,}ing\s+(?:the|a|an|more|its|their|his|her|some|many|all|over|at|up|\d))|;\s+|:\s+`,
          "g",
        ),
      ),
    ]
      .map((m) => m.index)
      .filter((i) => t.slice(0, i).split(/\s+/).length >= 8)
      // An insertion the main clause resumes after ("requires the tribunal, while passing any order, to apply three
      // principles") is no boundary: cut there, the verb loses its complement.
      .filter((i) => !/^,\s+(?:[^,;]{1,80},\s+){1,3}to\s+\p{Ll}/u.test(t.slice(i)));
    // A cut must leave a complete clause: a verb, and none missing after "that", "who", "which"… (checked
    // from the preferred cut outwards, so the clause parser runs as little as it can).
    const wordsTo = (i: number) => t.slice(0, i).split(/\s+/).length;
    const within = boundaries.filter((i) => wordsTo(i) <= maxWords).reverse();
    const beyond = boundaries.filter((i) => wordsTo(i) > maxWords);
    const cut = within.find((i) => isCompleteClause(t.slice(0, i))) ?? beyond.find((i) => isCompleteClause(t.slice(0, i)));
    if (cut !== undefined) t = t.slice(0, cut);
  }
  // A trailing connective ("…, therefore.") points at a sentence the point does not carry.
  t = t.replace(/[,;:\s-]+$/, "").replace(/^[,;:\s-]+/, "").replace(/(?:,\s+(?:therefore|however|though|too|also|thus|hence|then|instead|as well)|\s+(?:therefore|however|thus|hence))\.?$/i, "");
  t = t ? t[0]!.toUpperCase() + t.slice(1) : t;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** A defining sentence without its appositives and asides: "X, a protocol to Y, is a treaty…" → "X is a treaty…". */
function definitionText(text: string): string {
  const t = text.replace(/\s*\([^)]*\)/g, "").replace(/,\s+(?:a|an|the)\s[^,]{3,160},\s+(?=(?:is|was|are|were)\b)/i, " ");
  return compressSentence(t, 30);
}

/** A subordinating word opening a clause ("After the Congress declared…"), not a phrase with a year ("Since 1990 …"). */
const SUBORDINATE_OPENING = /^(?:After|Before|While|When|Whenever|Although|Though|Since|If|Because|Until|Unless|Whereas|Once)\b(?!\s+(?:the\s+)?(?:\d|(?:early|late|mid)\b))/;
/** A participle with its object ("Recognizing the opportunity…", "Noting that…"): a word in -ing followed by a determiner. */
const PARTICIPLE_OPENING = /^[A-Z][a-z]+ing\s+(?:the|a|an|that|its|their|his|her|this|these|those|all|each)\b/;

const clauseCache = new Map<string, boolean>();
/** True when a text reads as a finished clause: it has a verb, and a trailing "that/who/which …" has its own. */
export function isCompleteClause(text: string): boolean {
  let v = clauseCache.get(text);
  if (v === undefined) {
    // (A trailing one: "When …" opening the text is a subordinate clause, checked below.)
    const sub = /(?<=\S\s+)(?:that|which|who|whom|whose|because|if|when|where|whereby)\s+([^,;]*)$/i.exec(text);
    const head = sub ? text.slice(0, sub.index) : text;
    // (compromise reads a capitalised preposition as a verb: "Under the Protocol…".)
    const hasVerb = (x: string) => (nlp(x).verbs().out("array") as string[]).some((v) => !/^(?:under|over|after|before|since|as|like|near|round|down|up|out|off|in|on)$/i.test(v.trim()));
    // "After the Congress declared purna swaraj." is a subordinate clause still waiting for its main clause:
    // with a comma, what follows it must have a verb; without one, the sentence needs a second verb
    // ("When the war ended the economy recovered"). "Since 1990 …" and "After 2014 …" are phrases, not
    // clauses. A participle phrase ("Recognizing the opportunity presented for…") needs a main clause
    // after a comma; a name or noun that merely ends in -ing ("Beijing imposed…", "Funding for…") is no participle.
    const opening = text.trim();
    const opensClause = SUBORDINATE_OPENING.test(opening);
    const opensParticiple = PARTICIPLE_OPENING.test(opening);
    const mainClause = /,\s+([^,]+)$/.exec(text)?.[1];
    const verbGroups = (x: string) => (nlp(x).verbs().out("array") as string[]).length;
    const dangling =
      (opensParticiple && (!mainClause || verbGroups(mainClause) === 0)) ||
      (opensClause && (mainClause ? verbGroups(mainClause) === 0 : verbGroups(opening) <= 1));
    v = !dangling && hasVerb(head) && (!sub || hasVerb(sub[1]!)) && !/\b(?:the|a|an|of|to|and|or|in|on|for|with|by)$/i.test(text.trim());
    if (clauseCache.size > 20_000) clauseCache.clear();
    clauseCache.set(text, v);
  }
  return v;
}

/**
 * Sentences that state a relation (strains, undermines, hinders, refuses, mediates…) make better
 * analytical points than purely descriptive ones; bare statistics belong in examples instead.
 */
const ANALYTIC = /\b(?:strain\w*|undermin\w*|complicat\w*|hinder\w*|erod\w*|deepen\w*|fuel\w*|prevent\w*|refus\w*|den(?:y|ies|ied)|reluctan\w*|unwilling\w*|distrust|mistrust|suspicion|concern\w*|threat\w*|rival\w*|mediat\w*|disrupt\w*|tension\w*|hostil\w*|support\w*|sanctuar\w*|safe haven|ally|allies|alignment|ties|leverage|pressure\w*|retaliat\w*|destabili[sz]\w*|escalat\w*|obstacle\w*|miscalculation|legitimacy|sovereign\w*|isolat\w*|depend\w*|cooperat\w*|plung\w*|deteriorat\w*|worsen\w*|sour(?:ed|ing)|breakdown|ruptur\w*|disrupt\w*)\b/gi;
function analyticWeight(text: string): number {
  const hits = text.match(ANALYTIC)?.length ?? 0;
  const figures = text.match(/\d[\d,.]*/g)?.length ?? 0;
  return (1 + Math.min(hits, 3) * 0.25) * (figures >= 2 ? 0.8 : 1);
}

const INTERNATIONAL_BODY = /\b(?:UN|U\.N\.|United Nations|Security Council|General Assembly|European Union|EU|NATO|Nato|SCO|ASEAN|SAARC|African Union|Arab League|G7|G20|BRICS|IMF|World Bank|OIC|Gulf Cooperation Council)\b/;

/** "This reluctance …": a demonstrative followed by a noun (per wink's tags), not "This comes …". */
function startsWithDemonstrativeNoun(sentence: SentenceRef["sentence"], opening: string): boolean {
  const offset = sentence.text.length - opening.length;
  const tokens = sentence.tokens.filter((t) => t.start - sentence.start >= offset);
  return tokens[1]?.pos === "NOUN";
}

/** The point text for a sentence: compressed, with an opening demonstrative made definite. */
/**
 * A prescription as the answer's own way forward: the attribution ("Conservationists argue that …")
 * goes, and a list of "that"-clauses keeps as many whole clauses as fit ("corridors must be protected
 * and communities should share tourism income"); otherwise the sentence compressed as a point.
 */
export function prescriptionText(sentence: SentenceRef["sentence"], maxWords: number): string {
  const lead = /^(?:[A-Z][\w'-]*\s+)(?:[\w'-]+\s+){0,3}(?:argue|argues|argued|say|says|said|recommend|recommends|recommended|suggest|suggests|suggested|urge|urges|urged|believe|believes|hold|holds)\s+that\s+/.exec(sentence.text);
  if (!lead) return pointText(sentence, maxWords);
  const clauses = sentence.text.slice(lead[0].length).replace(/[.!?]+$/, "").split(/,?\s+(?:and\s+)?that\s+|,\s+and\s+that\s+/).map((c) => c.trim()).filter(Boolean);
  const kept: string[] = [];
  for (const c of clauses) {
    if (wordCount([...kept, c].join(" and ")) > maxWords) break;
    kept.push(c);
  }
  if (!kept.length) return pointText(sentence, maxWords);
  const text = kept.length > 1 ? `${kept.slice(0, -1).join(", ")} and ${kept[kept.length - 1]}` : kept[0]!;
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function pointText(sentence: SentenceRef["sentence"], maxWords: number, nameStems?: ReadonlySet<string>): string {
  const opening = standaloneText(sentence.text);
  const text = /^(?:This|These|That|Those)\s/.test(opening) && startsWithDemonstrativeNoun(sentence, opening) ? opening.replace(/^\w+/, "The") : sentence.text;
  const compressed = compressSentence(text, maxWords);
  return nameStems && wordCount(compressed) > maxWords ? tightenPoint(compressed, nameStems) : compressed;
}

const HEDGES = /\s+(?:significantly|increasingly|quickly|reportedly|potentially|largely|currently|recently|repeatedly|effectively|simply|really|very|also)\b/gi;

/**
 * An answer point says what the question's actors do without naming them again: a trailing "between
 * Pakistan and Afghanistan" or "in Afghanistan" adds nothing when the question names both; hedging
 * adverbs go too. Deterministic and meaning-preserving.
 */
export function tightenPoint(text: string, nameStems: ReadonlySet<string>): string {
  const isQuestionName = (phrase: string) => stemsOf(phrase).every((x) => nameStems.has(x));
  let t = text.replace(HEDGES, "");
  t = t.replace(/\s+(?:between)\s+((?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*(?:\s+and\s+(?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*)?)(?=[.;]$)/u, (m, names: string) =>
    isQuestionName(names.replace(/\band\b|\bthe\b/g, " ")) ? "" : m,
  );
  return t;
}

/** Target length of one body point's statement, in words (nine points fit a 250-word answer). */
const POINT_WORDS = 14;

/** True when the sentence holds quoted speech. */
function isQuoted(ref: SentenceRef): boolean {
  const { start, end } = ref.sentence;
  return /^["\[]/.test(ref.sentence.text) || ref.pm.quotes.some((q) => q.start < end && q.end > start && q.end - q.start > 40);
}

interface Candidate {
  ref: SentenceRef;
  stems: Set<string>;
  dimension: DimensionHit | null;
  hasFigure: boolean;
}

function queryStems(text: string, corpus: Corpus): Set<string> {
  const stems = new Set(stemsOf(text).filter((s) => s.length > 2));
  for (const m of text.matchAll(/\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*/g)) {
    const entity = corpus.aliases.resolve(m[0]) ?? (isAcronym(m[0]) ? corpus.aliases.resolve(m[0]) : undefined);
    if (entity) stems.add(`@${corpus.aliases.key(entity.name)}`);
    for (const w of m[0].split(/\s+/)) {
      const e = corpus.aliases.resolve(w);
      if (e) stems.add(`@${corpus.aliases.key(e.name)}`);
    }
  }
  for (const d of DIRECTIVE_STEMS) stems.delete(d);
  return stems;
}

const DIRECTIVE_STEMS = new Set(["analyse", "analyze", "examine", "discuss", "critically", "evaluate", "assess", "explain", "comment", "suggest", "how", "way", "forward", "continue", "region"].map(roughStem));

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/** What an example sentence offers: a dated event, a figure, a named actor or place beyond the question's own. */
function factsOf(r: SentenceRef, topicKeys: ReadonlySet<string>): { date: boolean; figure: boolean; named: boolean } {
  const i = r.sentence.index;
  const date = r.pm.events.some((e) => e.sentenceIndex === i) || DATE_MENTION.test(r.sentence.text);
  const figure = r.pm.numbers.some((n) => n.sentenceIndex === i && /\d/.test(n.figure) && n.unit !== "duration");
  const named = [...r.stems].some((x) => x.startsWith("@") && !topicKeys.has(x));
  return { date, figure, named };
}

const DATE_MENTION = /\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|(?:in|since|by|from|until)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/;
/** A shortened example still states something checkable: a figure, a date, or a name beyond the question's own. */
function carriesFact(text: string, nameStems: ReadonlySet<string>): boolean {
  if (/\d/.test(text) || DATE_MENTION.test(text) || /\b(?:January|February|March|April|June|July|August|September|October|November|December)\b/.test(text)) return true;
  const names = [...text.slice(1).matchAll(/\b\p{Lu}[\p{L}'-]+/gu)].map((m) => m[0]);
  return names.some((n) => !/^(?:The|A|An|In|On|At|For|As|But|And|Eg)$/.test(n) && stemsOf(n).some((x) => !nameStems.has(x)));
}

/** A treaty's preamble ("Recognizing the opportunity presented for…"): a participle phrase with no main clause, not a statement. */
function isParticiplePhrase(text: string): boolean {
  return PARTICIPLE_OPENING.test(standaloneText(text)) && !/,\s+(?:the|a|an|[A-Z])/.test(text);
}

const FIRST_PERSON = /\b(?:I|[Ww]e|[Oo]ur|[Yy]ou|[Mm]y)\b/;

/** A clause that denies or records a failure: "does not point to", "no measure", "failed to". */
const NEGATED = /\b(?:not|no|never|neither|nor|cannot|fail(?:ed|s|ing)? to|\w+n't)\b/i;
/** A party's claim or view reported as theirs, not the writer's finding: "was still arguing that", "testified that". */
const REPORTED_CLAIM = /\b(?:argu(?:e|es|ed|ing)|testif(?:y|ies|ied|ying)|contend(?:s|ed|ing)?|insist(?:s|ed|ing)?|alleg(?:es|ed|ing)|(?:claim|believe|assert|maintain)(?:s|ed|d|ing)?\s+that)\b/i;

/** True when most of a sentence is inside quotation marks: someone's words, not the material's finding. */
function isMostlyQuoted(r: SentenceRef): boolean {
  const { start, end } = r.sentence;
  const inside = r.pm.quotes.reduce((n, q) => n + Math.max(0, Math.min(end, q.end) - Math.max(start, q.start)), 0);
  return inside > (end - start) / 2;
}

/**
 * An example must bear its point out: not one party's quoted words ("At the moment, scientific evidence does not point
 * to the need for … reductions", from an industry chair's letter, under "The Montreal Protocol is working"), and not a
 * claim reported as a party's ("was still arguing that the science was too uncertain to justify any action") that
 * denies what the point asserts, or asserts what it denies.
 */
export function contradictsPoint(example: SentenceRef, point: SentenceRef): boolean {
  if (isMostlyQuoted(example)) return true;
  const e = example.sentence.text;
  return REPORTED_CLAIM.test(e) && NEGATED.test(e) !== NEGATED.test(point.sentence.text);
}

/**
 * An example sentence shortened to its fact: leading connectives and attribution go, then an
 * inserted circumstance (", following …,") and a trailing participle phrase when still too long.
 */
export function exampleText(text: string, maxWords = 14): string {
  let t = compressSentence(text, maxWords);
  if (wordCount(t) > maxWords) t = t.replace(/,\s+(?:following|after|amid|despite|with|according to|in response to|as part of)\s[^,]{3,80},\s+/i, ", ").replace(/^(.{20,}?),\s+\w+ing\s[^,]*\.$/, "$1.");
  if (wordCount(t) > maxWords + 2) t = compressSentence(t, maxWords);
  return t;
}

/**
 * The instance a sentence gives of its own claim: "…, including X" / "…, such as X" / "…, e.g. X" →
 * "X." (capitalised), when X is a concrete phrase of 4–14 words; null otherwise.
 */
export function inlineExample(text: string): string | null {
  const m = /,\s+(?:including|such as|e\.g\.|for example|for instance|notably)\s+([^;]+?)[.;]?$/i.exec(text.replace(/"/g, ""));
  if (!m) return null;
  const phrase = m[1]!.trim();
  const n = wordCount(phrase);
  if (n < 4 || n > 14) return null;
  return `${phrase[0]!.toUpperCase()}${phrase.slice(1)}.`;
}

/**
 * An example for a point (Eg: lines of a UPSC answer): the sentence of the material that best
 * instantiates it — sharing its informative words, close to it (same paragraph, or nearby), on the
 * demand the point serves — and that carries a concrete fact (a date, a figure, a named actor or
 * place). Shortened to its fact; falls back to a figure of the point's own sentence.
 */
function exampleFor(
  corpus: Corpus,
  ref: SentenceRef,
  used: ReadonlySet<SentenceRef>,
  nameStems: ReadonlySet<string>,
  topicKeys: ReadonlySet<string>,
  demandStems: ReadonlySet<string>,
  dimension: DimensionId | null,
  lexicon: Lexicon | null,
  farShared = 4,
): { text: string; evidence: EvidenceSpan; ref: SentenceRef } | null {
  const dimensionsOf = (stems: ReadonlySet<string>) => dimensionsIn(lexicon, stems);
  const dimensionStems = lexicon?.dimensions.find((d) => d.id === dimension)?.stems ?? new Set<string>();
  // Words, not numbers: two sentences that share "2024" are not about the same thing.
  // Demonyms of the question's names ("Kestrian" for Kestria) are names too.
  const longNames = [...nameStems].filter((n) => n.length >= 5);
  const isInformative = (s: string) =>
    !s.startsWith("@") && !/\d/.test(s) && !nameStems.has(s) && !STOP_STEMS.has(s) && !longNames.some((n) => s.startsWith(n)) && corpus.stemIdf(s) > 0.8;
  const informative = [...ref.stems].filter(isInformative).sort((a, b) => corpus.stemIdf(b) - corpus.stemIdf(a));
  const pool = new Set<SentenceRef>();
  // Rarest words first: their posting lists are short, so this stays linear in the material.
  for (const stem of informative.slice(0, 8)) for (const r of (corpus.byStem.get(stem) ?? []).slice(0, 400)) pool.add(r);
  const siblings = corpus.refsOf(ref.pm);
  for (let k = Math.max(0, ref.sentence.index - 4); k <= Math.min(siblings.length - 1, ref.sentence.index + 4); k++) if (siblings[k]) pool.add(siblings[k]!);
  let best: { r: SentenceRef; score: number; text: string } | null = null;
  for (const r of pool) {
    if (r === ref || used.has(r) || FIRST_PERSON.test(r.sentence.text) || r.sentence.text.trim().endsWith("?")) continue;
    if (isParticiplePhrase(r.sentence.text)) continue;
    if (contradictsPoint(r, ref)) continue;
    const facts = factsOf(r, topicKeys);
    if (!facts.date && !facts.figure && !facts.named) continue;
    if (!isStandalone(r.sentence)) continue;
    let shared = 0;
    for (const x of informative) if (r.stems.has(x)) shared += corpus.stemIdf(x);
    const lexical = shared;
    // Words of the point's own dimension ("ally", "guests", "brotherly" for ideology) tie an example to it too.
    for (const x of dimensionStems) if (r.stems.has(x) && !ref.stems.has(x)) shared += 1;
    const sameMaterial = r.pm === ref.pm;
    const distance = sameMaterial ? Math.abs(r.sentence.index - ref.sentence.index) : Infinity;
    const proximity = sameMaterial && r.sentence.blockIndex === ref.sentence.blockIndex ? 2.5 : distance <= 2 ? 1.5 : distance <= 4 ? 0.8 : 0;
    // Far from the point, an example must share a good deal with it; the next sentences usually instantiate it.
    if (proximity === 0 ? shared < farShared : distance > (facts.date || facts.figure ? 2 : 1) && shared <= 0.5) continue;
    // With no word in common, a nearby dated sentence must at least not be about another dimension.
    if (lexical <= 0.5) {
      // An example instantiates its point: a neighbour sharing neither a word of substance nor a word of the point's
      // dimension is the next event of the story ("In 1975, the President imposed an emergency" beside "The prime
      // minister nominates the members of the council").
      if (shared <= 0.5) continue;
      const dims = dimensionsOf(r.stems);
      if (dims.length && !dims.some((d) => d.id === dimension)) continue;
    }
    // A restatement of the point (a lede repeated lower down) is not an example of it.
    if (similarity(r.stems, ref.stems) > 0.6) continue;
    // A name alone is an example only when the sentence is about the same thing.
    if (!facts.date && !facts.figure && (lexical < 2.5 || (dimension && !dimensionsOf(r.stems).some((d) => d.id === dimension)))) continue;
    let onDemand = 0;
    for (const x of demandStems) if (r.stems.has(x)) onDemand += corpus.stemIdf(x);
    const score = shared + proximity + (facts.date ? 1.2 : 0) + (facts.figure ? 1 : 0) + (facts.named ? 0.4 : 0) + 0.3 * onDemand;
    if (best && score <= best.score) continue;
    const text = exampleText(r.sentence.text, 14);
    // The shortened text must still carry the fact.
    if (wordCount(text) > 18 || !carriesFact(text, nameStems) || !isCompleteClause(text.replace(/\.$/, "")) || !keepsFiniteVerb(r.sentence, text)) continue;
    best = { r, score, text };
  }
  // The point's own instance ("…, including cross-border airstrikes on …") when it names one.
  const inline = inlineExample(ref.sentence.text);
  if (inline && (!best || best.score < 4)) return { text: inline, evidence: sentenceEvidence(ref.pm, ref.sentence), ref };
  if (best) return { text: best.text, evidence: sentenceEvidence(best.r.pm, best.r.sentence), ref: best.r };
  const pm = ref.pm;
  const n = pm.numbers.find((x) => x.sentenceIndex === ref.sentence.index && /\d/.test(x.figure) && x.subject && x.unit !== "distance" && x.unit !== "duration");
  // A figure the point already states is not an example of it.
  if (n && !ref.sentence.text.slice(0, n.start - ref.sentence.start).includes(",") && wordCount(ref.sentence.text) <= 24) return null;
  if (n) {
    // The clause that carries the figure ("…, deporting more than 800,000 refugees, …"), when the point leaves it out.
    const clause = ref.sentence.text
      .split(/,\s+/)
      .find((c) => c.includes(n.text))
      ?.replace(/[.;]$/, "")
      .trim();
    // An example is a statement: a bare figure and its noun ("53 terms") is not one.
    if (clause && clause !== ref.sentence.text.replace(/[.;]$/, "") && wordCount(clause) >= 5 && wordCount(clause) <= 14 && !/^(?:and|or|but|which|who)\b/i.test(clause) && isCompleteClause(clause) && keepsFiniteVerb(ref.sentence, clause))
      return { text: `${clause[0]!.toUpperCase()}${clause.slice(1)}.`, evidence: evidenceOf(pm, ref.sentence.start, ref.sentence.end), ref };
  }
  return null;
}

/** Number words a point may state its figure in ("one third of the votes", "three quarters of the world's tigers"). */
const NUMBER_WORDS = /\b(?:half|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|million|billion|lakh|crore|dozen)s?\s+(?:of|per|quarters?|thirds?|fifths?|tenths?|times|million|billion|lakh|crore|hundred|thousand)\b|\b(?:a|one|two)\s+(?:third|quarter|half)\b|\bmajority\b/i;

/** True when a point states something checkable: a figure, a date, or a named actor or instance beyond the question's own names. */
export function statesFact(text: string, nameStems: ReadonlySet<string>): boolean {
  return carriesFact(text.replace(/^[^:]{2,60}:\s+/, ""), nameStems) || NUMBER_WORDS.test(text);
}

/**
 * The example a short material offers when no sentence shares the point's words: the nearest sentence of the same
 * paragraph (or one either side) that reads alone and carries a date or a figure, not about another dimension.
 */
/** A sentence opening on a name and saying what its bearer was ("X Y, born…, was an Indian lawyer…"). */
const PERSON_DEFINITION = /^((?:\p{Lu}[\p{L}.'-]*\s+){0,4}\p{Lu}[\p{L}.'-]*)\s*(?:\([^)]*\)\s*)?(?:,[^,]{1,80},\s*)?\s*(?:was|is)\s+(?:an?|the)\s/u;

/**
 * True when a shortened text keeps a finite verb of its sentence, as the sentence's own tagging reads it: "Eastern India,
 * including Bihar, … and Odisha" (cut before "lagged") and "Deporting more than 800,000 refugees" keep none, whatever a
 * second tagger makes of "Pradesh" or "Deporting". A participle in -ing or "including" is not finite.
 */
export function keepsFiniteVerb(sentence: SentenceRef["sentence"], text: string): boolean {
  const kept = new Set(text.toLowerCase().match(/[\p{L}'-]+/gu) ?? []);
  return sentence.tokens.some((t) => {
    if (t.pos !== "VERB" && t.pos !== "AUX") return false;
    const word = sentence.text.slice(t.start - sentence.start, t.end - sentence.start).toLowerCase();
    return !/ing$/.test(word) && kept.has(word);
  });
}

/** True when two sentences share a word of substance: not a name, not one of the question's own, not a word of time. */
function sharesContent(a: SentenceRef, b: SentenceRef, nameStems: ReadonlySet<string>): boolean {
  for (const x of a.stems) if (x.length > 3 && !x.startsWith("@") && !nameStems.has(x) && !STOP_STEMS.has(x) && !/^\d/.test(x) && b.stems.has(x) && !DIRECTIVE_STEMS.has(x)) return true;
  return false;
}

function nearbyFactExample(
  corpus: Corpus,
  ref: SentenceRef,
  used: ReadonlySet<SentenceRef>,
  nameStems: ReadonlySet<string>,
  dimensionsOf: (stems: ReadonlySet<string>) => DimensionHit[],
  dimension: DimensionId | null,
): { text: string; evidence: EvidenceSpan; ref: SentenceRef } | null {
  const siblings = corpus.refsOf(ref.pm);
  const at = ref.sentence.index;
  const order = [1, -1, 2, -2].map((d) => siblings[at + d]).filter((r): r is SentenceRef => !!r);
  for (const r of order) {
    if (used.has(r) || r === ref || FIRST_PERSON.test(r.sentence.text) || r.sentence.text.trim().endsWith("?") || isParticiplePhrase(r.sentence.text)) continue;
    if (contradictsPoint(r, ref)) continue;
    if (r.sentence.blockIndex !== ref.sentence.blockIndex && Math.abs(r.sentence.index - at) > 1) continue;
    if (!isStandalone(r.sentence, r.pm) || inContext(r.sentence.text, r.pm, r.sentence) === null) continue;
    const dims = dimensionsOf(r.stems);
    if (dimension && dims.length && !dims.some((d) => d.id === dimension)) continue;
    // An example instantiates its point: a dated neighbour that shares no word of substance with it is the next event
    // of the story ("In 1975, the President imposed an emergency" beside "The prime minister nominates the ministers").
    if (!sharesContent(r, ref, nameStems)) continue;
    // "It began with nine reserves" reads as its subject, named in the sentence before ("Project Tiger began…"). An
    // opening "He"/"She" is not resolved here: such an example is left out.
    const antecedent = openingPronounAntecedent(r.pm, r.sentence);
    const text = exampleText(antecedent ? r.sentence.text.replace(/^(?:It|They)\b/, antecedent) : r.sentence.text, 14);
    if (wordCount(text) > 18 || !(/\d/.test(text) || DATE_MENTION.test(text)) || !isCompleteClause(text.replace(/\.$/, "")) || !keepsFiniteVerb(r.sentence, text) || /^(?:It|They|He|She)\b/.test(text)) continue;
    return { text, evidence: sentenceEvidence(r.pm, r.sentence), ref: r };
  }
  return null;
}

/** A demand as a section heading: at most twelve words, cut before a dash, colon list or comma. */
export function shortHeading(demand: string): string {
  const d = demand.replace(/[.?]$/, "");
  const words = d.split(/\s+/);
  // A demand an examiner can read at a glance stays whole: cut, it loses what it asks ("…make the office more than
  // 'first among equals'") or ends mid-phrase ("…ensuring accountability of").
  if (words.length <= 22) return d;
  const aside = /^(.{12,}?)(?:\s+[-\u2013\u2014]\s+|,\s+|\s+\()/.exec(d)?.[1];
  if (aside && aside.split(/\s+/).length <= 22) return aside;
  // Otherwise at the last preposition or conjunction within 22 words, so that the heading ends on a noun.
  for (let n = 22; n >= 4; n--) if (/^(?:of|in|to|for|on|with|over|and|or|by|from|against|between|under|as)$/i.test(words[n] ?? "") && !/^(?:of|in|to|for|on|with|over|and|or|by|from|the|a|an)$/i.test(words[n - 1] ?? "")) return words.slice(0, n).join(" ").replace(/\s+(?:the|a|an|its|their)$/i, "");
  return words.slice(0, 22).join(" ");
}

/** Stems widening a demand, with weights below 1 so the demand's own words still count most. */
function expandDemand(demand: string, own: ReadonlySet<string>, nameStems: ReadonlySet<string>, lexicon: Lexicon | null): Map<string, number> {
  const out = new Map<string, number>();
  const put = (stem: string, w: number) => {
    if (stem.length < 3 || own.has(stem) || nameStems.has(stem) || STOP_STEMS.has(stem)) return;
    if ((out.get(stem) ?? 0) < w) out.set(stem, w);
  };
  const words = demand.toLowerCase().split(/[^a-z-]+/).flatMap((w) => [w, ...w.split("-")]).filter((w) => w.length > 3 && !STOP_WORDS.has(w));
  for (const w of words) {
    if (DIRECTIVE_STEMS.has(roughStem(w))) continue;
    for (const [key, strength] of expandLemma(w, 2)) if (strength < 1) put(key, 0.5 * strength);
    // Relation concepts of the material's subject ("destabilise relations" → distrust, hostility…), when it has a lexicon.
    for (const [re, related] of lexicon?.demandConcepts ?? []) if (re.test(w)) for (const r of related.split(" ")) put(roughStem(r), 0.6);
  }
  return out;
}

/** The first part of "counter-terrorism", "anti-defection", "cross-border": no word of the demand on its own. */
const HYPHEN_PREFIX = /^(?:counter|anti|non|pre|post|multi|inter|intra|co|self|cross|sub|super|semi|pro|re|de|over|under|well)$/;

/** "In June 2024, gunmen killed…": a dated event report instantiates a point better than it makes one. */
const DATED_EVENT_OPENING = /^(?:In|On|Since|By|Last|Earlier|Late|Early)\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d{2}|\w+day)\b/;

const HARM_DEMAND = /\b(?:destabili[sz]\w*|undermin\w*|strain\w*|complicat\w*|hinder\w*|obstruct\w*|weaken\w*|erod\w*|worsen\w*|limited|fail\w*|threat\w*|challenges?|risks?|costs?)\b/i;
const POSITIVE_TREND = /\b(?:success\w*|achiev\w*|recover\w*|universal\w*|ratified by|phased[- ]out|thaw|interdependen\w*|can afford|overtures?|improv\w*|warm\w*|rapprochement|breakthrough|normali[sz]\w*|better relations|welcom\w*|optimis\w*|reconcil\w*|goodwill|resum\w*)\b/i;
const CONTRAST = /\b(?:but|however|yet|soon|despite|although|though|not|never|fail\w*|turned into|instead|elusive|distant|only)\b/i;

/**
 * The names a demand asks about that are narrower than the material's topic: entity keys ("@khilafat movement") and
 * the stems of its capitalised words ("Hindu–Muslim" → hindu, muslim) named in at least one sentence but in under
 * 8 % of them (a name every tenth sentence carries is the topic, and says nothing about this demand).
 */
function anchorsOf(demand: string, corpus: Corpus, topicKeys: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const isNarrow = (key: string) => {
    const n = corpus.byTerm.get(key)?.length ?? corpus.byStem.get(key)?.length ?? 0;
    return n >= 1 && n < Math.max(4, corpus.refs.length * 0.08);
  };
  // The demand's first word is capitalised by position ("How …", "Gandhi's …" is still a name).
  for (const key of queryStems(demand, corpus)) if (key.startsWith("@") && !topicKeys.has(key) && isNarrow(key)) out.add(key);
  for (const m of demand.slice(1).matchAll(/\b\p{Lu}[\p{L}'-]+/gu)) {
    for (const part of m[0].replace(/'s$/, "").split(/[-\u2013\u2014]/)) {
      for (const stem of stemsOf(part)) if (stem.length > 2 && !DIRECTIVE_STEMS.has(stem) && !STOP_STEMS.has(stem) && isNarrow(stem)) out.add(stem);
    }
  }
  return out;
}

/** Prescriptions and offers: the material's own way forward. */
/** Gains a strengths side is made of: growth, protection, firsts and records, institutions created. */
const ACHIEVEMENT = /\b(?:gr[eo]w|grown|growing|rose|risen|increas\w*|doubl\w*|tripl\w*|expand\w*|largest|highest|record|most successful|first\s+(?:universally|ever)|protect\w*|conserv\w*|restor\w*|revived?|creat(?:ed|ing)|established|set up|strengthen\w*|empower\w*|widen\w*|reduc\w*|cut (?:by|down)|curb\w*|avert\w*|prevent\w*|sav(?:ed|ing)|holds? (?:about|nearly|over|more than)?\s*(?:half|a third|three quarters|\d))\b/i;
const FORWARD = /\b(?:must|should|needs? to|need for|calls? (?:for|on)|called (?:for|on)|urg(?:e|es|ed)|offer(?:s|ed)? to|stands? ready|mediat\w*|way forward|holds? the key|key to|only way|it is up to|onus|would help|can help|could help)\b/i;
/** A judgement of a subject as a whole: its success or failure, its significance, its mixed or elusive results (not a bare "but"). */
const VERDICT = /\b(?:mixed|elusive|unless|despite|however|on balance|remains?|success\w*|fail(?:ed|s|ure)?|limited|significan\w*|effective\w*|landmark|milestone|turning point|widely (?:regarded|seen|considered)|led to|resulted in|transform\w*|outweigh\w*|most (?:important|consequential|successful))\b/i;
/** A sentence that weighs: a gain set against a shortfall, a caution, a criticism ("while" is as often mere time or travel). */
const BALANCE = /\b(?:however|but|although|though|despite|yet|unless|remains?|challenges?|critics?|criticis\w*|divided|outweigh\w*|limits?|limited|on balance|mixed|elusive)\b/i;

/** What the material expects, or what lasts: an outlook to close on when it prescribes nothing. */
const OUTLOOK = /\b(?:will|is expected to|are expected to|is likely to|are likely to|projected|future|long[- ]term|legacy|lasting|continues? to|inspir\w*|lessons?|remains? (?:a|an|the|one)|to this day|today)\b/i;
/** A material's own verdict on its subject: what it achieved, led to, or how it is judged. */
const ASSESSMENT = /\b(?:significan\w*|success(?:ful)?|achievements?|helped|led to|resulted in|contribut\w*|transform\w*|shaped|landmark|milestone|turning point|effective\w*|impact\w*|mixed results|widely (?:regarded|seen|considered))\b/i;
/**
 * True when a shortened prescription still reads as a way forward: a complete clause whose own words prescribe (must,
 * should, needs to, calls for…), not in a clause that merely reports a doubt ("whether … should", "if … must").
 */
export function isWayForward(text: string, inClosingSection = false): boolean {
  const cue = forwardCue(text) ?? (inClosingSection ? SECTION_FORWARD.exec(text) : null);
  if (!cue || !isCompleteClause(text)) return false;
  return !/\b(?:whether|if|because|what|how)\s+(?:[\w'-]+\s+){0,8}$/i.test(text.slice(0, cue.index));
}
/**
 * In a material's own closing or reform section ("Way forward", "Reform debates", "Conclusion"), what it proposes need not
 * say "must": "Proposals include strengthening…", "There is a strong case for adding…", "A middle path would involve…".
 */
const SECTION_FORWARD = /\b(?:proposals? (?:include|are)|is essential|are essential|(?:a )?(?:strong )?case for|middle path|would (?:involve|require|help|go a long way)|lesson for|give way to|reforms? (?:include|would))\b/i;
/** True when the sentence stands in a section whose heading closes the material or debates reform (`CLOSING_HEADINGS`). */
function inClosingSection(ref: SentenceRef): boolean {
  const headingIndex = ref.pm.blocks[ref.sentence.blockIndex]?.headingIndex;
  if (headingIndex === undefined) return false;
  const block = ref.pm.blocks[headingIndex]!;
  const heading = ref.pm.material.text.slice(block.start, block.end).replace(/\[edit\]/gi, "").replace(/^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+/, "").replace(/[\s:.]+$/, "").trim().toLowerCase();
  return CLOSING_HEADINGS.has(heading);
}
const STRONG_FORWARD = /\b(?:must|should|needs? to|way forward|holds? the key|onus|only way)\b/i;
const cueAlternation = (words: readonly string[]) => words.map((w) => escapeRegExp(w).replace(/\s+/g, "\\s+")).join("|");
const MEASURE_NOUN = new RegExp(String.raw`\b(?:${cueAlternation(forwardCues.measureNouns)})\b`, "i");
const MEASURE_VERB = new RegExp(String.raw`\b(?:${cueAlternation(forwardCues.measureVerbs)})\b`, "i");
/**
 * A measure already at work ("In 2019 the government launched a scheme to pay farmers for terraces"): what a way forward
 * may build on when the material prescribes too little, unlike one more statement of the problem (forward-cues.json).
 */
export function isMeasure(text: string): boolean {
  // ("…under the disaster response funds.": a word that is a measure's noun as well as its verb is a noun where no
  // object follows it — the end of the clause or a preposition.)
  const verbs = text.replace(NOUN_NOT_VERB, (m) => " ".repeat(m.length));
  return MEASURE_NOUN.test(text) && MEASURE_VERB.test(verbs) && isCompleteClause(text);
}
const NOUN_NOT_VERB = new RegExp(
  String.raw`\b(?:${cueAlternation(forwardCues.measureVerbs.filter((v) => forwardCues.measureNouns.includes(v)))})\b(?=\s*(?:[.,;:)]|$)|\s+(?:for|of|in|on|under|to|from|with|by|at|and|or)\b)`,
  "gi",
);
/**
 * A measure still at work: told in the present or present perfect ("farmers receive a grant", "the scheme has cut
 * losses"), or launched within three years of when the material was written. "The plan of 1947 provided for partition" and "from the
 * mid-1990s the project funded committees" are history, not measures a way forward can build on.
 */
function isCurrentMeasure(ref: SentenceRef, text: string): boolean {
  if (!isMeasure(text)) return false;
  // (An infinitive of purpose — "launched a scheme to pay" — is no present tense.)
  if (nlp(text.replace(/\bto\s+[\p{L}-]+/gu, "to")).has("#PresentTense")) return true;
  // (A measure launched lately is still at work; one that "provided" or "funded" in the past tense is told as history.)
  const years = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
  return MEASURE_LAUNCH.test(text) && years.length > 0 && Math.max(...years) >= writtenYear(ref.pm) - 3;
}
const MEASURE_LAUNCH = new RegExp(String.raw`\b(?:${cueAlternation(forwardCues.launchVerbs)})\b`, "i");
const { ruleMust, recommendingBodies, recommendVerbs } = forwardCues;
/** "must" stating a rule or condition, not a prescription: "must be certified by a doctor", "must have the confidence of…". */
const RULE_MUST = new RegExp(
  String.raw`\bmust\s+(?:not\s+|also\s+|first\s+|only\s+)?(?:be\s+(?!(?:${cueAlternation(ruleMust.changeParticiples)})\b)[\p{L}-]+|(?:${cueAlternation(ruleMust.heads.filter((h) => h !== "be"))})\b)`,
  "giu",
);
/** A standing body's recommendation ("The Law Commission recommended deleting…"): a prescription even when reported in the past. */
const BODY_RECOMMENDS = new RegExp(String.raw`\b(?:${cueAlternation(recommendingBodies.words)})\b[^.;:]{0,120}?\b(?:${cueAlternation(recommendVerbs)})\b`, "i");
/** The cue that makes a sentence prescribe: FORWARD's words once rules are set aside ("must be certified"), or a body's recommendation. */
function forwardCue(text: string): RegExpExecArray | null {
  const unruled = text.replace(RULE_MUST, (m) => " ".repeat(m.length));
  return FORWARD.exec(unruled) ?? BODY_RECOMMENDS.exec(text);
}
/** True when a sentence prescribes in FORWARD's sense (see `forwardCue`). */
export function isForward(text: string): boolean {
  return forwardCue(text) !== null;
}
/** "…, and many deaths.": a text that ends on a conjunction and a phrase with no verb is cut mid-clause. */
export function endsMidClause(text: string): boolean {
  const tail = /,\s+(?:and|or|but|while)\s+([^,;]+?)\.?$/i.exec(text.trim())?.[1];
  return !!tail && (nlp(tail).verbs().out("array") as string[]).length === 0;
}

/**
 * "In 1942, Gandhi urged his people to stop co-operating": a past event told in the past tense, dated years before
 * the material was written, is history, not a way forward for today.
 */
function isPastNarrative(ref: SentenceRef): boolean {
  const text = ref.sentence.text;
  // "The committee objected, arguing that provinces should be free…": a "should" reported in the past tense is a past
  // call when the sentence or its paragraph is dated before the material was written.
  if (REPORTED_PAST_CALL.test(text) && !/\b(?:has|have)\s+(?:long\s+)?(?:argued|insisted|contended|maintained)\b/i.test(text)) {
    const block = ref.pm.blocks[ref.sentence.blockIndex];
    const context = block ? ref.pm.material.text.slice(block.start, ref.sentence.end) : text;
    const years = [...context.matchAll(YEAR)].map((m) => Number(m[1]));
    if (years.length > 0 && Math.max(...years) < writtenYear(ref.pm)) return true;
  }
  if (STRONG_FORWARD.test(text) && !/\b(?:had|was|were)\s+(?:to|needed)\b/.test(text)) return false;
  if (!/\b(?:urged|called (?:for|on)|offered to|demanded|proposed|appealed)\b/.test(text) || /\b(?:has|have)\s+(?:\w+\s+)?(?:urged|called|offered|demanded|proposed|appealed)\b/.test(text)) return false;
  const years = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
  return years.length > 0 && Math.max(...years) <= writtenYear(ref.pm) - 3;
}

const YEAR = /\b(1[6-9]\d{2}|20\d{2})\b/g;
/** A call reported in the past: "argued that … should", "objected, arguing that … should". */
const REPORTED_PAST_CALL = /\b(?:argued|insisted|contended|maintained|arguing|insisting|contending)\s+that\b[^.;]*\b(?:should|must|ought|needs?\s+to|needed\s+to)\b/i;
const writtenYears = new WeakMap<SentenceRef["pm"], number>();
/** The year a material was written: its publication date, else the latest year it mentions. */
function writtenYear(pm: SentenceRef["pm"]): number {
  let y = writtenYears.get(pm);
  if (y === undefined) {
    const published = /^\d{4}/.exec(pm.material.publishedAt ?? "")?.[0];
    y = published ? Number(published) : 0;
    if (!published) for (const m of pm.material.text.matchAll(YEAR)) y = Math.max(y, Number(m[1]));
    writtenYears.set(pm, y);
  }
  return y;
}

/** "Rao, however, did complete…": a person named by a bare surname, whose full name the material gives elsewhere. */
function opensWithBareSurname(corpus: Corpus, text: string): boolean {
  const first = /^(\p{Lu}[\p{L}'-]+)(?:'s)?(?=[\s,])/u.exec(standaloneText(text))?.[1];
  if (!first || /^(?:The|A|An|In|On|At|As|By|For|With|After|Before|Since|During|While|When|Under|From|It|This|These|That)$/.test(first)) return false;
  const entity = corpus.aliases.resolve(first);
  return !!entity && entity.kind === "person" && entity.name !== first && /\s/.test(entity.name) && !/^\p{Lu}[\p{L}'-]+\s+\p{Lu}/u.test(standaloneText(text));
}

/** True when a sentence's opening words are a known name (kept capitalised after "As a way forward, "). */
function startsWithName(corpus: Corpus, opening: string): boolean {
  const run = /^\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*/u.exec(opening)?.[0] ?? "";
  if (!run) return false;
  if (/^[A-Z]{2,}\b/.test(run)) return true;
  const words = run.split(/\s+/);
  for (let n = words.length; n >= 1; n--) if (corpus.aliases.resolve(words.slice(0, n).join(" "))) return true;
  return false;
}

/** Words too general to tie an example to a point. */
const STOP_STEMS = new Set(["year", "month", "week", "day", "time", "recent", "said", "also", "since", "first", "new", "last", "report", "data", "accord"].map(roughStem));

const DETERMINER = /^(?:the|a|an|its|their|his|her|this|these|those|that|such|some|many|most|all|both|each|every|other|another|several|any|no|more|less|few)\s+/i;

/**
 * A heading that summarises a point in its own words: its most informative noun phrase (by idf, names
 * of the question's own actors counting least), two to six words, determiners dropped, not one
 * already used in the answer. Undefined when the point has no such phrase. A lone word is a heading only when the
 * point has no phrase of two: out of its phrase it is as often a stray piece of an idiom ("came into force" → "Force",
 * "per cent" → "Cent", "on Friday") or a bare abstraction ("Idea", "Question") as what the point is about, so it must be
 * a thing in WordNet ("commanders", "hospitals"), written in small letters, and not the object of a preposition.
 */
export function headingFromPoint(body: string, corpus: Corpus, nameStems: ReadonlySet<string>, used: ReadonlySet<string>, questionStems: ReadonlySet<string> = new Set()): string | undefined {
  const clause = body.replace(/\.$/, "");
  const phrases = nlp(clause).nouns().out("array") as string[];
  let best: { text: string; score: number } | undefined;
  let bestLone: { text: string; score: number } | undefined;
  /** The phrase as a heading (determiners, a trailing preposition and punctuation gone), or null when it cannot be one. */
  const asHeading = (raw: string): { text: string; score: number; lone: boolean } | null => {
    let text = raw.replace(/[,;:.]+$/g, "").replace(/^["']|["']$/g, "").trim();
    // ("the form of a time-": the tagger may cut a hyphenated word.) The word is kept whole with the noun it qualifies
    // ("time-bound campaign"); with no such noun after it, the phrase is no heading.
    if (/-$/.test(text)) {
      const at = body.indexOf(text);
      const rest = at < 0 ? null : /^[\p{L}\d]+(?:-[\p{L}\d]+)*\s+(\p{Ll}[\p{L}-]*)/u.exec(body.slice(at + text.length));
      if (!rest || /^(?:of|in|on|at|for|to|by|with|from|against|about|as|and|or|but|that|which|who|is|are|was|were|has|have|had)$/i.test(rest[1]!)) return null;
      text += rest[0];
    }
    // ("and the repair ships": a conjunction the tagger left on the phrase goes with its determiner.)
    while (DETERMINER.test(text) || /^(?:and|or|but)\s+/i.test(text)) text = text.replace(DETERMINER, "").replace(/^(?:and|or|but)\s+/i, "");
    // ("the members of", "the local peasantry against": a preposition the tagger left at the end belongs to the next phrase.)
    while (/\s(?:of|in|on|at|for|to|by|with|from|against|about|as|and|or)$/i.test(text)) text = text.replace(/\s\S+$/, "");
    text = text.replace(/'s$/, "");
    // ("All of the ozone depleting substances": a quantifier's "of" goes with it.)
    text = text.replace(/^of\s+/i, "");
    while (DETERMINER.test(text)) text = text.replace(DETERMINER, "");
    const words = text.split(/\s+/).filter(Boolean);
    // A heading never ends on, or holds, a word cut at its hyphen.
    if (words.some((w) => /^-|-$/.test(w))) return null;
    // A phrase opening on a preposition or a subordinating word ("Unless the issue of…") is not a noun phrase.
    if (/^(?:of|in|on|at|for|to|by|with|from|against|about|as|unless|if|when|while|although|though|because|since|once|whereas)$/i.test(words[0] ?? "")) return null;
    // A pronoun inside ("them Indian") or a span of time as its head ("two years") says nothing of what the point is about.
    if (words.some((w) => /^(?:them|him|us|it|me|they|he|she|we|their|its|his|her)$/i.test(w)) || /^(?:years?|months?|weeks?|days?|decades?|centuries|century|periods?|points?)$/i.test(words[words.length - 1] ?? "")) return null;
    // A figure is not a heading either: "Rs 50,000" says how much, not what the point is about.
    if (!words.length || words.length > 6 || /\d|^(?:Rs|INR|USD|US\$|\$|₹)\b/.test(text) || /^(?:it|they|he|she|we|who|which|what|this|that)$/i.test(text)) return null;
    if (/^(?:point|time|way|part|lot|number|case|fact|kind|sort|type|end|course|result|view|moment|practice|years?|months?|days?|various|much)$/i.test(words[0]!)) return null;
    // A date is not a heading: "September 2024" says when, not what.
    if (/\b(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d{2})\b/.test(text)) return null;
    if (used.has(text.toLowerCase()) || used.has(`${text[0]!.toUpperCase()}${text.slice(1)}`.toLowerCase())) return null;
    const stems = stemsOf(text);
    if (!stems.length) return null;
    // A phrase made of the question's own words ("Successful international environmental agreement") restates the
    // question; it says nothing about what this point adds.
    if (stems.every((st) => questionStems.has(st) || nameStems.has(st))) return null;
    const score = stems.reduce((n, st) => n + corpus.stemIdf(st) * (nameStems.has(st) ? 0.3 : 1), 0);
    if (words.length === 1) {
      const lone = words[0]!;
      if (!/^\p{Ll}[\p{Ll}-]*\p{Ll}$/u.test(lone) || isAbstractNoun(lemmatizeWord(lone)) || new RegExp(String.raw`\b(?:into|in|on|at|per|of|by|for|from|under|within|to|with|about|along|across|through|between|among|against)\s+(?:(?:the|a|an|its|their|his|her|our)\s+)?${escapeRegExp(lone)}\b`, "i").test(body)) return null;
      return { text: lone, score, lone: true };
    }
    return { text, score, lone: false };
  };
  const capitalise = (t: string) => t[0]!.toUpperCase() + t.slice(1);
  // What the point is about is its subject: the noun phrase its main clause opens on, after an opening adverbial ("At
  // various points, zonal benches have been…" → "Zonal benches"; "Heavy use of pesticides has been associated…" →
  // "Heavy use of pesticides"). The rarest noun phrase anywhere in it is as often an incidental detail ("Grain-filling
  // stage" for a point on climate change, "Food and water" for one on pesticides). A subject that is only a name (a
  // person, an act) or only the question's own words gives way to the object of the clause when that is a phrase of its own.
  const main = clause.replace(/^(?:(?:Unless|If|When|While|Although|Though|Because|As|Since|Once|Whereas|Until)\s[^,]{1,120},\s+|(?:In|At|On|By|For|With|Under|After|Before|During|From|Despite|Through|Over|Within|Across|Among)\s[^,]{1,60},\s+|In (?:practice|theory|principle|fact)\s+|(?:However|Moreover|Thus|Meanwhile|Instead|Similarly|Further|Furthermore),\s+)/, "");
  let at = 0;
  const located = phrases.flatMap((raw) => {
    const i = main.indexOf(raw.replace(/[,;:.]+$/, ""), at);
    if (i < 0) return [];
    at = i + raw.length;
    return [{ raw, i }];
  });
  const first = located[0];
  if (first) {
    // "Heavy use of pesticides": the tagger may leave the head noun and its "of" out of the phrase.
    const gap = main.slice(0, first.i);
    let subjectRaw = first.i === 0 ? first.raw : /^(?:[\p{L}-]+\s+){1,3}(?:of|for|on|in)\s+$/u.test(gap) ? `${gap}${first.raw}` : null;
    // "Yields per unit of fertiliser": a head the tagger cut from its modifier takes it back.
    const second = located[1];
    const firstEnd = first.i + first.raw.replace(/[,;:.]+$/, "").length;
    if (subjectRaw && second && /^\s+(?:of|per|for|on|in|to)\s+$/.test(main.slice(firstEnd, second.i))) subjectRaw = main.slice(0, second.i + second.raw.replace(/[,;:.]+$/, "").length);
    const subject = subjectRaw ? asHeading(subjectRaw) : null;
    const isName = (t: string) => t.split(/\s+/).every((w) => /^(?:\p{Lu}|of$|and$|the$)/u.test(w));
    if (subject && !subject.lone && !isName(subject.text)) return capitalise(subject.text);
    const object = located.slice(1).map((x) => asHeading(x.raw)).find((x) => x && !x.lone && !isName(x.text));
    if (object && (!subject || subject.lone || isName(subject.text))) return capitalise(object.text);
    // (A lone word, "World" or "Members", says little: the point's most informative phrase of two words or more first.)
    if (subject && !subject.lone) return capitalise(subject.text);
  }
  for (const raw of phrases) {
    const h = asHeading(raw);
    if (!h) continue;
    if (h.lone) {
      if (!bestLone || h.score > bestLone.score) bestLone = h;
    } else if (!best || h.score > best.score) best = h;
  }
  best ??= bestLone;
  if (!best) return undefined;
  return capitalise(best.text);
}

/**
 * Splits `total` marks into `n` shares in steps of `step` that add up exactly: equal shares, the
 * remainder a step at a time to the first points. Needs n × step ≤ total.
 */
export function splitMarks(total: number, n: number, step = 0.5): number[] {
  const units = Math.round(total / step);
  const base = Math.floor(units / n);
  const extra = units - base * n;
  return Array.from({ length: n }, (_, i) => (base + (i < extra ? 1 : 0)) * step);
}

/**
 * Rubric from a model answer: one content point per body point plus four structure points, adding
 * up to exactly `marks`. Structure takes 6 of 15 marks (4 of 10, proportionally less below); content
 * shares the rest in half marks (quarter marks when points outnumber half marks). Too many points to
 * give each a quarter mark: the weakest-placed (last) points are merged into one "further points" line.
 */
export function deriveRubric(answer: Pick<ModelAnswer, "body" | "questionId">, marks: number, wordLimit: number): RubricPoint[] {
  // Below 10 marks, structure keeps about 40 % in half marks; under 2 marks of it, one structure point.
  const smallStructure = Math.max(0.5, Math.floor(marks * 0.4 * 2) / 2);
  const structureMarks =
    marks >= 15 ? { intro: 1, examples: 2, conclusion: 2, limit: 1 } : marks >= 10 ? { intro: 1, examples: 1, conclusion: 1, limit: 1 } : smallStructure >= 2 ? { intro: smallStructure / 4, examples: smallStructure / 4, conclusion: smallStructure / 4, limit: smallStructure / 4 } : { intro: 0, examples: 0, conclusion: 0, limit: smallStructure };
  const structureTotal = structureMarks.intro + structureMarks.examples + structureMarks.conclusion + structureMarks.limit;
  const contentTotal = marks - structureTotal;
  const rawPoints = answer.body.flatMap((s) => s.points).map((p) => (p.example ? `${p.text} (e.g. ${p.example.replace(/\.$/, "")})` : p.text));
  const maxPoints = Math.max(0, Math.floor(contentTotal / 0.25 + 1e-9));
  const points = rawPoints.length > maxPoints ? (maxPoints > 0 ? [...rawPoints.slice(0, maxPoints - 1), `Further points: ${rawPoints.slice(maxPoints - 1).join(" ")}`] : []) : rawPoints;
  const step = points.length <= contentTotal / 0.5 ? 0.5 : 0.25;
  const shares = points.length ? splitMarks(contentTotal, points.length, step) : [];
  const content: RubricPoint[] = points.map((point, i) => ({ id: `${answer.questionId}-c${i + 1}`, point, marks: shares[i]!, kind: "content" }));
  // With no content point, its marks go to covering the demands.
  const limitMarks = structureMarks.limit + (points.length ? 0 : contentTotal);
  const structure: RubricPoint[] = [
    { id: `${answer.questionId}-s1`, point: "The introduction defines the subject and sets the context before the analysis, with a key fact or figure.", marks: structureMarks.intro, kind: "structure" },
    { id: `${answer.questionId}-s2`, point: "Points are supported by accurate, specific examples or data (figures, dates, named events) from the material.", marks: structureMarks.examples, kind: "structure" },
    { id: `${answer.questionId}-s3`, point: "The conclusion is balanced and offers a forward-looking way out.", marks: structureMarks.conclusion, kind: "structure" },
    { id: `${answer.questionId}-s4`, point: `The answer addresses every demand of the question within the ${wordLimit}-word limit.`, marks: limitMarks, kind: "structure" },
  ];
  return [...content, ...structure.filter((r) => r.marks > 0)];
}

/** Total marks of a rubric, rounded to hundredths (marks are halves and quarters). */
export function rubricTotal(rubric: ReadonlyArray<{ marks: number }>): number {
  return Math.round(rubric.reduce((n, r) => n + r.marks, 0) * 100) / 100;
}

export interface ModelAnswerOptions {
  marks?: number;
  questionId?: string;
}

/**
 * A UPSC-style model answer to any question, drawn only from the corpus: core demands from the
 * question; an introduction with context and a key figure; body points per demand, each labelled
 * by its dimension (ideological, security, political, economic, humanitarian, regional…) and
 * carrying an example or figure where the material has one; a way-forward conclusion; within the
 * word limit; with its rubric. Retrieval is BM25-like (idf-weighted stem overlap with the question and
 * demand, aliases resolved) with a diversity penalty (maximal marginal relevance, Carbonell & Goldstein 1998).
 */
/**
 * A question the engine can answer from this material, or a clear error: words (not an empty string, punctuation
 * or digits), some material, and at least one of the question's own words or names in that material (its text or title).
 */
function assertAnswerable(questionText: string, corpus: Corpus): void {
  const words = (typeof questionText === "string" ? questionText : "").match(/\p{L}{2,}/gu) ?? [];
  if (words.length < 2) throw new AppError("INVALID", "A question needs words: type the question to answer, e.g. \"Discuss the significance of … (15 marks)\".", { question: ["Type the question."] });
  if (!corpus.refs.length) throw new AppError("INVALID", "There is no material to answer from: add material first.");
  const asked = [...queryStems(questionText, corpus)].filter((s) => !STOP_WORDS.has(s));
  const titleStems = new Set(corpus.materials.flatMap((m) => stemsOf(m.material.title ?? "")));
  if (!asked.some((s) => corpus.byTerm.has(s) || titleStems.has(s))) {
    throw new AppError("INVALID", "None of the question's words occur in the material, so it cannot answer it. Rephrase the question, or add material on it.", { question: ["Nothing in the material answers this."] });
  }
}

/**
 * Where a question lists the aspects it wants its subject examined under: "with reference to", "with special reference
 * to", "in the context of", "in the light of", "with regard to", "with emphasis on", "such as", "especially"… The list
 * runs to the end of its sentence.
 */
const ASPECT_LIST = /\b(?:with\s+(?:(?:special|particular|specific)\s+)?(?:reference|regard|respect)\s+to|in\s+(?:the\s+)?(?:context|light)\s+of|with\s+(?:an?\s+)?(?:(?:special|particular)\s+)?(?:emphasis|focus)\s+on|such\s+as|especially|particularly|notably|including)\b[^.?!]*/gi;

/**
 * The question's own subject: the first name it mentions that the material knows, outside any list of aspects. In
 * "Critically examine Mahatma Gandhi with reference to Khilafat movement, non-co-operation and Salt Satyagraha" the
 * subject is Gandhi; the Khilafat movement is one of the aspects, not what the question is about. Undefined when the
 * question names nothing the material knows before its aspect list.
 */
export function subjectName(questionText: string, corpus: Corpus) {
  const aside = [...questionText.matchAll(ASPECT_LIST)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const m of questionText.matchAll(/\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*/g)) {
    if (aside.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const found = corpus.aliases.resolve(m[0].replace(/'s$/, "")) ?? corpus.aliases.resolve(m[0].replace(/^The\s+/, "").replace(/'s$/, ""));
    if (found) return found;
  }
  return undefined;
}

export function generateModelAnswer(questionText: string, corpus: Corpus, options: ModelAnswerOptions = {}): ModelAnswer & { wordCount: number; wordLimit: number; marks: number; question: string } {
  assertAnswerable(questionText, corpus);
  const parsed: ParsedQuestion = parseQuestion(questionText, options.marks);
  // The subject's vocabulary when the material is plainly on one; otherwise headings from the points' own words.
  const lexicon = lexiconFor(corpus, questionText);
  const dimensionsOf = (stems: ReadonlySet<string>) => dimensionsIn(lexicon, stems);
  const dimensionOf = (stems: ReadonlySet<string>) => dimensionsOf(stems)[0] ?? null;
  const questionId = options.questionId ?? stableId("q", "written", questionText);
  const qStems = queryStems(parsed.text, corpus);
  const candidates: Candidate[] = [];
  for (const ref of corpus.refs) {
    const text = ref.sentence.text;
    const words = wordCount(text);
    // A question, or a list's lead-in ("…names for the appointment of:"), says nothing alone (a list is one point: below).
    if (words < 8 || words > 60 || text.trim().endsWith("?") || /:\s*$/.test(text)) continue;
    if (/\b(?:I|[Ww]e|us|[Oo]ur|[Mm]y|[Yy]ou)\b/.test(text)) continue;
    // A bare pronoun subject cannot be read alone; "This reluctance …" can, as "The reluctance …".
    const opening = standaloneText(text);
    // "It is up to …", "It is time …": a dummy subject, not a pronoun pointing back.
    if (/^(?:it|they|he|she|such)\b/i.test(opening) && !/^it is (?:up to|time|important|essential|necessary|imperative|crucial|vital|high time)\b/i.test(opening)) continue;
    if (/^(?:this|these|those|that)\b/i.test(opening) && !startsWithDemonstrativeNoun(ref.sentence, opening)) continue;
    // Every sentence of the answer must read on its own: no pronoun before its noun, no "the figure", no relative date.
    if (inContext(text, ref.pm, ref.sentence) === null) continue;
    // A point, its label and its example are cut from the sentence as written: a "the board" that reads alone only with
    // the name its paragraph gave put in would show bare ("Board: The board found…"; engine review of 7 Dec 2026, H2).
    if (resolutionsOf(ref.pm, ref.sentence).length > 0) continue;
    // The material's headline is no point of an answer.
    if (isTitleLine(ref.pm, ref.sentence)) continue;
    // A line with no lower-case verb is a title or a list lead-in ("Under the Protocol on Substances that Deplete…").
    if (!ref.sentence.tokens.some((t) => (t.pos === "VERB" || t.pos === "AUX") && /^[a-z]/.test(text.slice(t.start - ref.sentence.start, t.end - ref.sentence.start)))) continue;
    const stems = ref.stems;
    candidates.push({ ref, stems, dimension: dimensionOf(stems), hasFigure: /\d/.test(text) });
  }
  const score = (c: Candidate, extra: Set<string>): number => {
    let s = 0;
    for (const q of qStems) if (c.stems.has(q)) s += corpus.stemIdf(q);
    for (const q of extra) if (c.stems.has(q) && !qStems.has(q)) s += 1.5 * corpus.stemIdf(q);
    for (const q of extra) if (c.stems.has(q) && qStems.has(q)) s += 0.5 * corpus.stemIdf(q);
    if (c.dimension) s *= 1 + Math.min(c.dimension.score, 3) * 0.1;
    if (c.hasFigure) s *= 1.05;
    return s;
  };
  const targetPoints = parsed.marks >= 15 ? 9 : parsed.marks >= 10 ? 6 : 4;
  const used = new Set<SentenceRef>();
  const chosenStems: Array<Set<string>> = [];
  type Point = { text: string; example?: string; exampleRef?: SentenceRef; evidence: EvidenceSpan[]; score: number; dim: DimensionId | null; dimScore: number; demand: number; ref: SentenceRef | null };
  const keyTerms = keyTermsOf(corpus);
  const keyTermCount = (c: Candidate) => [...c.ref.terms].filter((t) => keyTerms.has(t)).length;
  // Topic relevance against the whole question; candidates far below the best are off-topic.
  const topical = candidates.map((c) => ({ c, topic: score(c, new Set()) })).filter((x) => x.topic > 0);
  const maxTopic = Math.max(0, ...topical.map((x) => x.topic));
  const questionEntities = [...qStems].filter((q) => q.startsWith("@"));
  // A sentence on the material's own key terms is on the subject even when it does not repeat the
  // question's words ("Poaching for skins and bones remains a threat" in a text on Project Tiger).
  const onKeyTerms = candidates.filter((c) => !topical.some((x) => x.c === c) && keyTermCount(c) >= 1).map((c) => ({ c, topic: maxTopic * 0.1 }));
  // A line of biography ("Mohandas Karamchand Gandhi was an Indian lawyer, anti-colonial nationalist…") says who a person
  // was, not anything a demand asks: it may introduce, never argue.
  const isPersonDefinition = (c: Candidate) => {
    const m = PERSON_DEFINITION.exec(standaloneText(c.ref.sentence.text));
    return !!m && corpus.entityKind(m[1]!) === "person";
  };
  const relevant = [...topical, ...onKeyTerms].filter((x) => (x.topic >= maxTopic * 0.1 || questionEntities.some((q) => x.c.stems.has(q))) && !isPersonDefinition(x.c));
  // Names every sentence shares (the question's own actors) say nothing about which demand a sentence serves.
  // Entities the question names, or that a large share of sentences name: no example is "named" by them.
  const topicKeys = new Set<string>(questionEntities);
  for (const [term, refs] of corpus.byTerm) if (term.startsWith("@") && refs.length >= Math.max(4, corpus.refs.length * 0.08)) topicKeys.add(term);
  const nameStems = new Set(questionEntities.flatMap((k) => stemsOf(corpus.aliases.resolve(k.slice(1))?.aliases.join(" ") ?? "")));
  for (const m of parsed.text.matchAll(/\b[A-Z][\w'-]+/g)) for (const x of stemsOf(m[0])) nameStems.add(x);
  const demandStems = parsed.demands.map((d) => new Set(stemsOf(d).filter((x) => x.length > 2 && !DIRECTIVE_STEMS.has(x) && !nameStems.has(x))));
  // A demand that names something narrower than the material's topic ("the Khilafat movement", "the Kigali
  // Amendment", "Hindu–Muslim unity") is answered by sentences about it: its anchors are its names that a few
  // sentences, not a large share of them, mention.
  const demandAnchors = parsed.demands.map((d) => anchorsOf(d, corpus, topicKeys));
  const hasAnchor = (c: Candidate, i: number) => {
    const anchors = demandAnchors[i]!;
    for (const a of anchors) if (c.stems.has(a)) return true;
    return false;
  };
  // "What is the Kigali Amendment…? Discuss its significance…": a demand pointing back ("its", "their") is about the one
  // name the demand before it is anchored on (not about several: "from Champaran to Quit India… their contribution").
  for (let i = 1; i < parsed.demands.length; i++) {
    const before = demandAnchors[i - 1]!;
    if (demandAnchors[i]!.size === 0 && pointsBack(parsed.demands[i]!) && [...before].filter((a) => a.startsWith("@")).length === 1) demandAnchors[i] = new Set(before);
  }
  const isAnchored = parsed.demands.map((_, i) => demandAnchors[i]!.size > 0 && candidates.filter((c) => hasAnchor(c, i)).length >= 2);
  const questionAnchors = new Set(demandAnchors.flatMap((a) => [...a]));
  // Demand words widened by WordNet (lib/nlp) and by the relation concepts analysts use, at a discount.
  // Near-duplicates are judged on what sentences say, not on the names they all share.
  const contentCache = new Map<Candidate, Set<string>>();
  const contentStems = (c: Candidate) => {
    let v = contentCache.get(c);
    if (!v) contentCache.set(c, (v = new Set([...c.stems].filter((x) => !x.startsWith("@") && !nameStems.has(x) && !STOP_STEMS.has(x)))));
    return v;
  };
  const dimsCache = new Map<Candidate, ReturnType<typeof dimensionsOf>>();
  const dimsOf = (c: Candidate) => {
    let v = dimsCache.get(c);
    if (!v) dimsCache.set(c, (v = dimensionsOf(c.stems)));
    return v;
  };
  const demandExpansions = parsed.demands.map((d, i) => expandDemand(d, demandStems[i]!, nameStems, lexicon));
  // What each demand asks about that the others do not ("consequences for agriculture", not the monsoon they share):
  // a sentence answers a demand when it carries one of those words, their widenings or the material's own words beside
  // them. The parser's own two sides of a critical question ("Achievements…", "Limitations…") share their subject and
  // are told apart by polarity instead.
  const keyNameStems = new Set(stemsOf(subjectName(parsed.text, corpus)?.aliases.join(" ") ?? ""));
  const demandWords = parsed.demands.map((d, i) =>
    parsed.headings[i]
      ? []
      : d
          .toLowerCase()
          .split(/[^a-z-]+/)
          .flatMap((w) => [w, ...(w.includes("-") ? w.split("-").filter((part) => !HYPHEN_PREFIX.test(part)) : [])])
          .filter((w) => w.length > 2 && !STOP_WORDS.has(w) && !DIRECTIVE_STEMS.has(roughStem(w)) && !STOP_STEMS.has(roughStem(w)) && !(parsed.demands.length === 1 && keyNameStems.has(roughStem(w)))),
  );
  // (The question's names count too — "control over the Council of Ministers and Parliament" is what that demand asks
  // about; a name two demands share is no demand's own, and the subject of a one-demand question is its topic.)
  const foci = demandFoci(demandWords, corpus, (ws) => expandDemand(ws.join(" "), new Set(ws.map(roughStem)), nameStems, lexicon));
  const focusCache = new Map<Candidate, Array<ReturnType<typeof focusFit>>>();
  const focusOf = (c: Candidate, i: number) => {
    let v = focusCache.get(c);
    if (!v) focusCache.set(c, (v = foci.map((f) => focusFit(c.ref, f, corpus))));
    return v[i]!;
  };
  // A sentence carrying what another demand asks about, and nothing this one does, belongs to that one; between two
  // demands it both touches, to the one it speaks to much more.
  const focusShare = (c: Candidate, i: number) => {
    const own = focusOf(c, i).score;
    const other = Math.max(0, ...parsed.demands.map((_, k) => (k === i ? 0 : focusOf(c, k).score)));
    return other > 2 * own + 0.5 ? 0.4 : 1;
  };
  const fitCache = new Map<Candidate, number[]>();
  const demandFit = (c: Candidate, i: number) => {
    let fits = fitCache.get(c);
    if (!fits) {
      fits = parsed.demands.map((_, k) => {
        let s = 0;
        for (const d of demandStems[k] ?? []) if (c.stems.has(d)) s += corpus.stemIdf(d);
        for (const [x, w] of demandExpansions[k]!) if (c.stems.has(x)) s += w * corpus.stemIdf(x);
        return s;
      });
      fitCache.set(c, fits);
    }
    return fits[i] ?? 0;
  };
  // A sentence that plainly serves another demand better belongs there, not here.
  const exclusivity = (c: Candidate, i: number) => {
    const own = demandFit(c, i);
    const other = Math.max(0, ...parsed.demands.map((_, k) => (k === i ? 0 : demandFit(c, k))));
    return other > 1.5 * own + 1 ? 0.5 : 1;
  };
  // A demand about harm ("destabilise", "complicate", "limited results") is not served by news of a thaw.
  const isHarmDemand = parsed.demands.map((d) => HARM_DEMAND.test(d));
  const isStrengthDemand = parsed.demands.map((d) => /^(?:achievements?|strengths?|merits?|benefits?|gains?)\b/i.test(d));
  const isLimitDemand = parsed.demands.map((d) => /^(?:limitations?|challenges?|weakness\w*|shortcomings?|drawbacks?|demerits?)\b/i.test(d));
  const SHORTFALL = /\b(?:not|no|fail\w*|limit\w*|illegal|illicit|smuggl\w*|concern\w*|however|but|despite|problem\w*|challenge\w*|criticis\w*|critics?|unresolved|yet to|shortfall|loss(?:es)?|lost|hurt|hit|threat\w*|poach\w*|conflict\w*|declin\w*|complain\w*|without|risks?|shortage\w*|cut)\b/i;
  const polarity = (c: Candidate, i: number) => {
    // An achievement is a gain (grew, protected, ratified by all, the largest share), not a neutral fact.
    if (isStrengthDemand[i]) return SHORTFALL.test(c.ref.sentence.text) ? 0.3 : POSITIVE_TREND.test(c.ref.sentence.text) || ACHIEVEMENT.test(c.ref.sentence.text) ? 1.5 : 0.45;
    // The other side of a critical question is made of shortfalls: a neutral fact is not a limitation.
    if (isLimitDemand[i]) return SHORTFALL.test(c.ref.sentence.text) ? 1.5 : 0.4;
    if (!isHarmDemand[i]) return 1;
    const text = c.ref.sentence.text;
    const positive = POSITIVE_TREND.exec(text);
    // "The optimism soon turned into concern" ends in harm; "However, a thaw…" does not.
    return positive && !CONTRAST.test(text.slice(positive.index + positive[0].length)) ? 0.2 : 1;
  };
  // A demand about third parties ("regional powers", "the world") is answered by sentences naming
  // actors the question does not; a demand to suggest or recommend, by prescriptive sentences.
  const isThirdPartyDemand = parsed.demands.map((d) => /\b(?:regional|international|global|world|powers?|countries|neighbou?rs|actors|stakeholders|external|third)\b/i.test(d));
  // A demand about the two parties' own relations is not answered by what third countries do.
  const isBilateralDemand = parsed.demands.map((d, i) => !isThirdPartyDemand[i] && /\b(?:bilateral|between the two|mutual)\b/i.test(d));
  const isRemedyDemand = parsed.demands.map((d) => /\b(?:suggest|recommend|propose|way forward|measures|alternatives?|remed\w*|solutions?|steps)\b/i.test(d));
  // An evaluative demand ("critically examine", "why … limited results") is answered by reasons,
  // not by a description of what happened.
  const isEvaluativeDemand = parsed.demands.map(
    (d, i) => !isRemedyDemand[i] && (/\bcritically\b|^(?:why|evaluate|assess)\b/i.test(d) || (/critically|evaluate|assess/.test(parsed.directive) && /\b(?:limited|fail\w*|succe\w*|effective\w*|results?|worked)\b/i.test(d))),
  );
  // A demand about responses or reactions is answered by what actors said or did about it.
  const isResponseDemand = parsed.demands.map((d) => /\b(?:respon\w*|reactions?|react\w*|stances?|positions?)\b/i.test(d));
  const RESPONSE = /\b(?:urg\w*|call(?:s|ed)? (?:for|on)|offer\w*|mediat\w*|condemn\w*|express\w*|concern\w*|encourag\w*|facilitat\w*|welcom\w*|warn\w*|demand\w*|appeal\w*|pledg\w*|recogni[sz]\w*|sanction\w*|restraint|ceasefire|dialogue)\b/i;
  const EVALUATIVE = /\b(?:because|due to|as a result|fear\w*|worr\w*|risk\w*|reluctan\w*|unwilling\w*|refus\w*|ideolog\w*|rooted|miscalculat\w*|not succeeded|fail\w*|limited|backfir\w*|counter-?productive|resent\w*|diversif\w*|leverage|dependen\w*|undermin\w*|neither|unintended|consequences?)\b/i;
  // Third parties: other countries and international organisations (not cities, not armed groups).
  const thirdPartyKeys = new Map<string, boolean>();
  const isThirdPartyKey = (key: string) => {
    let v = thirdPartyKeys.get(key);
    if (v === undefined) {
      const entity = corpus.aliases.resolve(key);
      v =
        !!entity &&
        !qStems.has(`@${key}`) &&
        ((entity.kind === "place" && nameSubtype(entity.name) === "country") || entity.aliases.some((a) => INTERNATIONAL_BODY.test(a)));
      thirdPartyKeys.set(key, v);
    }
    return v;
  };
  const thirdParty = (c: Candidate) => [...c.stems].some((x) => x.startsWith("@") && isThirdPartyKey(x.slice(1)));
  const PRESCRIPTIVE = /\b(?:must|should|need(?:s)? to|ought|option|recommend\w*|incentiv\w*|calls? for|way forward|would help|can help|could help|key to|holds? the key|it is up to|reconsider|instead|alternative)\b/i;
  const demandScore = (c: Candidate, topic: number, i: number) =>
    (1 + Math.log1p(topic) + 1.5 * Math.log1p(demandFit(c, i))) *
    (1 + Math.min(c.dimension?.score ?? 0, 3) * 0.3) *
    analyticWeight(c.ref.sentence.text) *
    (isThirdPartyDemand[i] ? (thirdParty(c) ? 2.5 : 0.5) : 1) *
    (isRemedyDemand[i] ? (PRESCRIPTIVE.test(c.ref.sentence.text) ? (STRONG_FORWARD.test(c.ref.sentence.text) ? 2.4 : 1.8) : 0.35) : PRESCRIPTIVE.test(c.ref.sentence.text) ? 0.85 : 1) *
    (isEvaluativeDemand[i] && EVALUATIVE.test(c.ref.sentence.text) ? 1.6 : 1) *
    (isResponseDemand[i] ? (RESPONSE.test(c.ref.sentence.text) ? 1.8 : 0.7) : 1) *
    exclusivity(c, i) *
    polarity(c, i) *
    (isBilateralDemand[i] && thirdParty(c) ? 0.6 : 1) *
    (DATED_EVENT_OPENING.test(c.ref.sentence.text) ? 0.4 : 1) *
    (isAnchored[i] && !hasAnchor(c, i) ? 0.3 : 1) *
    (1 + 0.3 * Math.log1p(focusOf(c, i).score)) *
    focusShare(c, i);
  // Shorter answers get shorter points and no dimension labels, so that enough of them fit.
  const pointWords = parsed.wordLimit >= 200 ? POINT_WORDS : 15;
  const useLabels = parsed.wordLimit >= 200;
  // A sentence that prescribes today (not a past call told as history), and still does once cut to a point.
  const prescribes = (c: Candidate) => {
    const closing = inClosingSection(c.ref);
    if (isPastNarrative(c.ref) || !isWayForward(standaloneText(c.ref.sentence.text), closing)) return false;
    const point = pointText(c.ref.sentence, pointWords, nameStems);
    return !endsMidClause(point) && (isForward(point) || (closing && SECTION_FORWARD.test(point)));
  };
  // A candidate's fit to a demand does not change between rounds; only the diversity penalty does.
  const demandScoreCache = new Map<Candidate, number[]>();
  const cachedDemandScore = (c: Candidate, topic: number, i: number) => {
    let v = demandScoreCache.get(c);
    if (!v) demandScoreCache.set(c, (v = parsed.demands.map((_, k) => demandScore(c, topic, k))));
    return v[i]!;
  };
  const hasRemedyDemand = isRemedyDemand.some(Boolean);
  // Prescriptions run longer than findings; a remedy demand admits them at a few more words.
  const eligible = relevant.filter((x) => wordCount(pointText(x.c.ref.sentence, pointWords, nameStems)) <= pointWords + (hasRemedyDemand && PRESCRIPTIVE.test(x.c.ref.sentence.text) ? 9 : 6));
  // A demand whose own words the material carries (in two sentences or more) is answered only by sentences carrying
  // them; with fewer, by its best sentences as before.
  // (A sentence touching one minor word of a long demand — "constitutional" of "appointments to constitutional and
  // statutory bodies", four words or more of its own — answers it less than a third as well as the best, and does not
  // count; measured against the third best, so that one long sentence naming every word sets no bar. A short demand's
  // every word is what it asks.)
  const ownRequired = (i: number) => [...foci[i]!.required].filter((st) => foci[i]!.weights.get(st) === 1).length;
  const focusFloor = parsed.demands.map((_, i) => (ownRequired(i) >= 4 ? 0.3 * (relevant.map((x) => focusOf(x.c, i).score).sort((a, b) => b - a)[2] ?? 0) : 0));
  const meetsFocus = (c: Candidate, i: number) => focusOf(c, i).requiredHit && focusOf(c, i).score >= focusFloor[i]!;
  const requiresFocus = parsed.demands.map((_, i) => foci[i]!.required.size > 0 && relevant.filter((x) => meetsFocus(x.c, i)).length >= 2);
  // Conclusion: the material's own way forward — what actors must, should or need to do, offers to
  // mediate, calls for restraint — two distinct prescriptions; a generic way forward only as a fallback.
  const forwardText = (c: Candidate) => prescriptionText(c.ref.sentence, inClosingSection(c.ref) ? 30 : 16);
  const pickPrescriptions = (): Candidate[] => {
    const forwardRanked = candidates
      .filter((c) => !used.has(c.ref) && (isForward(c.ref.sentence.text) || (inClosingSection(c.ref) && SECTION_FORWARD.test(c.ref.sentence.text))) && !/\b(?:if|unless|whether)\b/i.test(standaloneText(c.ref.sentence.text).slice(0, 12)) && !isPastNarrative(c.ref))
      // A short answer has room for a short prescription only (a little more for the material's own closing words).
      .filter((c) => wordCount(forwardText(c)) <= (parsed.wordLimit >= 200 ? 20 : 15) + (inClosingSection(c.ref) ? 12 : 0))
      // What the answer says must itself prescribe: a "should" or "must" in a clause that shortening drops ("Because
      // reports must be laid…, the executive controls when…", "…, while critics question whether a tribunal should…")
      // leaves a statement, not a way forward.
      // (Nor does a list item cut from a statute's provisions — "each state must set up…; and" — read as one.)
      .filter((c) => isWayForward(forwardText(c), inClosingSection(c.ref)) && !endsMidClause(forwardText(c)) && isWayForward(standaloneText(c.ref.sentence.text), inClosingSection(c.ref)))
      // The material's own prescription counts when it names the question's subject or the material's key terms
      // ("corridors between reserves must be protected" in a text on Project Tiger).
      // (A material's own closing or reform section is where it says what should be done: its proposals come first.)
      .map((c) => ({ c, s: (score(c, new Set()) + (keyTermCount(c) >= 1 ? 0.5 : 0)) * (STRONG_FORWARD.test(c.ref.sentence.text) ? 1.5 : 1) * (c.dimension ? 1.1 : 1) * (inClosingSection(c.ref) ? 2 : 1) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s);
    const picked: Candidate[] = [];
    for (const { c } of forwardRanked) {
      if (picked.length >= (parsed.wordLimit >= 200 ? 2 : 1)) break;
      if (picked.some((p) => similarity(contentStems(p), contentStems(c)) > 0.4 || (p.dimension && p.dimension.id === c.dimension?.id))) continue;
      picked.push(c);
    }
    return picked;
  };
  // Unless a demand asks for remedies (then the body needs them), the best prescriptions are kept for the conclusion.
  // (With three prescriptions or more, the best still closes the answer and the others answer the demand: the
  // conclusion's way forward is then the material's own, and the remedy section keeps two.)
  const prescriptionCount = hasRemedyDemand ? relevant.filter((x) => prescribes(x.c)).length : 0;
  const remedyByMeasures = hasRemedyDemand && prescriptionCount < 2;
  const reserved = hasRemedyDemand ? (prescriptionCount >= 3 ? pickPrescriptions().slice(0, 1) : []) : pickPrescriptions();
  const reservedRefs = new Set(reserved.map((c) => c.ref));
  for (const r of reservedRefs) used.add(r);
  // An introduction defines before it contextualises: the material's own definition of the
  // question's subject ("The Montreal Protocol is an international treaty…") when it has one.
  // The question's subject: the first name it mentions that the material knows.
  // ("The Montreal Protocol is often described…": a sentence-initial "The" is not part of the name.)
  // Of the question's names, a narrower one (a demand's anchor) is defined first when the material defines it.
  const questionNames = [...parsed.text.matchAll(/\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*/g)]
    .map((m) => corpus.aliases.resolve(m[0].replace(/'s$/, "")) ?? corpus.aliases.resolve(m[0].replace(/^The\s+/, "").replace(/'s$/, "")))
    .filter((e): e is NonNullable<typeof e> => !!e);
  const subjectsInOrder = [...questionNames.filter((e) => questionAnchors.has(`@${corpus.aliases.key(e.name)}`)), ...questionNames];
  // "Mohandas Karamchand Gandhi was an Indian lawyer…" defines "Gandhi": forenames may precede the name.
  // Forenames must be capitalised words (the name itself is matched in any case), so "Many critics
  // argued Gandhi was a…" is an opinion, not a definition.
  const caseless = (n: string) => [...n].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegExp(c))).join("");
  const definesName = (text: string, n: string) =>
    new RegExp(String.raw`^(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}.'-]*\s+){0,3}?${caseless(n)}\b[^.;]{0,200}?\b(?:(?:is|was|are|were|refers to|means)\s+(?:a|an|the|one of)|(?:was|were)\s+(?:formed|founded|established|created|set up|launched|adopted|signed)\s+(?:in|on|by)\s)\b`, "u").test(text);
  const isDefinitionOf = (text: string, subject: (typeof questionNames)[number]) => subject.aliases.filter((a) => a.length >= 3).some((n) => definesName(text, n));
  // A definition may take up to about a seventh of the answer (32 words at 150, 37 at 250).
  const definitionWords = Math.max(32, Math.round(parsed.wordLimit * 0.15));
  let definitionC: Candidate | undefined;
  // The question names the person only as the doer of what it asks about ("Gandhi's support for…", "support by Gandhi").
  const asksWhatPersonDid = (person: (typeof questionNames)[number]) =>
    (questionAnchors.size > 0 && !questionAnchors.has(`@${corpus.aliases.key(person.name)}`)) ||
    person.aliases.filter((a) => a.length >= 3).some((a) => new RegExp(String.raw`\b${escapeRegExp(a)}'s\s`, "u").test(parsed.text));
  for (const subject of subjectsInOrder) {
    // A question on something a person did ("Gandhi's support for the Khilafat movement") is introduced by that, not by
    // the person's biography.
    if (subject.kind === "person" && asksWhatPersonDid(subject)) continue;
    definitionC = candidates
      .filter((c) => !used.has(c.ref) && isDefinitionOf(standaloneText(c.ref.sentence.text), subject) && wordCount(definitionText(c.ref.sentence.text)) <= definitionWords)
      .sort((a, b) => a.ref.sentence.index - b.ref.sentence.index)[0];
    if (definitionC) break;
  }
  // The definition is the introduction's, reserved before the body can take it as a point.
  if (definitionC) used.add(definitionC.ref);
  // The introduction names what the question asks about. A definition of a broader name ("The Montreal Protocol is an
  // international treaty…") does not introduce "the Kigali Amendment" the question opens on: when the material has a
  // sentence naming it (and it is not the material's topic), the introduction sets it in
  // context with that sentence — what it did, when it was adopted — reserved before the body can take it.
  // (Its words, not its entity key: a short name such as "the Amendment" may stand for several amendments. A name the
  // material's title carries is its topic, which the definition and context already introduce.)
  const keyName = subjectName(parsed.text, corpus);
  const keyStems = stemsOf(keyName?.name ?? "").filter((st) => st.length > 2 && !STOP_STEMS.has(st));
  // Its short form counts ("TTP" for Tehreek-e-Taliban Pakistan): a material may seldom spell the name out.
  const keyShortStems = (keyName?.aliases ?? []).filter((a) => isAcronym(a)).flatMap((a) => stemsOf(a));
  const namesKey = (c: Candidate) => keyStems.length > 0 && (keyStems.every((st) => c.stems.has(st)) || keyShortStems.some((st) => c.stems.has(st)));
  const titleStems = new Set(corpus.materials.flatMap((m) => stemsOf(m.material.title ?? "")));
  const keyMentions = candidates.filter(namesKey).length;
  // (A name most sentences carry is the topic too, whatever the title says: the answer is about it throughout.)
  const isNarrowKey = keyMentions > 0 && keyMentions <= Math.max(4, candidates.length / 3) && !keyStems.every((st) => titleStems.has(st));
  const SUBJECT_CUE = /\b(?:adopted|signed|agreed|ratified|came into (?:force|effect)|entered into (?:force|effect)|established|set up|founded|formed|launched|enacted|introduced|under|began|created)\b/i;
  const rankSubject = (pool: Candidate[]) =>
    pool
      // (Only a sentence that defines or sets the subject in context — adopted, came into force, founded… — introduces it:
      // "By the end of 1922 the Khilafat movement had collapsed" tells how it ended, not what it is.)
      .filter((c) => namesKey(c) && !isQuoted(c.ref) && wordCount(compressSentence(c.ref.sentence.text, 24)) <= 28)
      // (Nor does a person's biography introduce what the person did: see the definition above.)
      .filter((c) => !(isPersonDefinition(c) && (questionAnchors.size > 0 || questionNames.some((e) => e.kind === "person" && asksWhatPersonDid(e)))))
      .filter((c) => SUBJECT_CUE.test(c.ref.sentence.text) || (!!keyName && isDefinitionOf(standaloneText(c.ref.sentence.text), keyName)))
      // (Short counts: the sentence sits beside the definition of the broader name in a budget of a few dozen words.)
      .map((c) => ({ c, s: ((score(c, new Set()) + 1) * (SUBJECT_CUE.test(c.ref.sentence.text) ? 1.5 : 1) * (/\b(?:19|20)\d{2}\b/.test(c.ref.sentence.text) ? 1.2 : 1)) / Math.max(1, wordCount(compressSentence(c.ref.sentence.text, 24)) / 14) }))
      .sort((a, b) => b.s - a.s || a.c.ref.sentence.index - b.c.ref.sentence.index)[0]?.c;
  // Round-robin over demands; within a demand, maximal marginal relevance (Carbonell & Goldstein 1998):
  // a sentence too close to a chosen one is skipped, and a dimension already used counts less.
  const points: Point[] = [];
  const chosen: Array<{ c: Candidate; s: number; demand: number }> = [];
  const dimUse = parsed.demands.map(() => new Map<string, number>());
  // Of the dimensions a sentence signals equally strongly, the one this demand has used least.
  const leastUsedDimension = (c: Candidate, use: ReadonlyMap<string, number>): string => {
    const dims = dimsOf(c);
    const top = dims.filter((d) => d.score === dims[0]?.score);
    return top.sort((a, b) => (use.get(a.id) ?? 0) - (use.get(b.id) ?? 0))[0]?.id ?? "none";
  };
  const dimUseAll = new Map<string, number>();
  const actorsUsed = parsed.demands.map(() => new Set<string>());
  const thirdPartyKeysOf = (c: Candidate) => [...c.stems].filter((x) => x.startsWith("@") && isThirdPartyKey(x.slice(1)));
  type Pool = ReadonlyArray<{ c: Candidate; topic: number }>;
  // The best unused candidate of a pool for demand i. `sideFloor`: the least polarity a point needs on either side of a
  // critical question (a neutral fact is neither a limitation nor an achievement, unless the material has nothing else).
  const bestFor = (i: number, pool: Pool, sideFloor = 0.5, accept: (c: Candidate) => boolean = () => true): { c: Candidate; s: number } | null => {
    let best: { c: Candidate; s: number } | null = null;
    for (const { c, topic } of pool) {
      if (used.has(c.ref) || chosenStems.some((x) => similarity(x, contentStems(c)) > 0.5)) continue;
      if (requiresFocus[i] && !meetsFocus(c, i)) continue;
      // News of a thaw never answers a demand about harm, however few points are left; a neutral fact
      // is neither a limitation nor, when it states a shortfall, an achievement (fewer points, right side).
      if (isHarmDemand[i] && polarity(c, i) < 0.3) continue;
      if ((isLimitDemand[i] && polarity(c, i) < 0.5) || (isStrengthDemand[i] && polarity(c, i) < sideFloor)) continue;
      // A demand for a way forward is answered by what the material prescribes, however few such sentences it has: one
      // more statement of the problem under "Suggest a way forward" answers nothing asked (fewer points, right ones).
      // (A material that prescribes too little for the section's two points lends its measures already at work.)
      if (isRemedyDemand[i] && !prescribes(c) && !(remedyByMeasures && isCurrentMeasure(c.ref, pointText(c.ref.sentence, pointWords, nameStems)))) continue;
      // (A point cut mid-clause — "…, and many deaths." — says nothing whole.)
      if (!accept(c) || endsMidClause(pointText(c.ref.sentence, pointWords, nameStems))) continue;
      const dim = leastUsedDimension(c, dimUse[i]!);
      // A dimension already used under this demand counts much less, one used under another demand a little less.
      // Under a demand about third parties, another country's response adds more than a second one from the same.
      const repeatsActor = isThirdPartyDemand[i] && thirdPartyKeysOf(c).length > 0 && thirdPartyKeysOf(c).every((k) => actorsUsed[i]!.has(k));
      const s2 = (cachedDemandScore(c, topic, i) * (repeatsActor ? 0.5 : 1)) / (1 + 0.9 * (dimUse[i]!.get(dim) ?? 0) + 0.3 * (dimUseAll.get(dim) ?? 0));
      if (!best || s2 > best.s) best = { c, s: s2 };
    }
    return best;
  };
  const take = (best: { c: Candidate; s: number }, i: number) => {
    const dim = leastUsedDimension(best.c, dimUse[i]!) as DimensionId | "none";
    if (dim !== "none" && best.c.dimension && best.c.dimension.id !== dim) best.c.dimension = { ...dimensionsOf(best.c.stems).find((d) => d.id === dim)! };
    dimUse[i]!.set(dim, (dimUse[i]!.get(dim) ?? 0) + 1);
    dimUseAll.set(dim, (dimUseAll.get(dim) ?? 0) + 1);
    used.add(best.c.ref);
    chosenStems.push(contentStems(best.c));
    const entry = { c: best.c, s: best.s, demand: i };
    chosen.push(entry);
    for (const k of thirdPartyKeysOf(best.c)) actorsUsed[i]!.add(k);
    return entry;
  };
  const eligibleWide = relevant.filter((x) => wordCount(pointText(x.c.ref.sentence, pointWords + 8, nameStems)) <= pointWords + 14);
  // A demand that its own short sentences leave below its share takes its longer ones before another demand takes its
  // turn ("…foundations of the right to information" is answered in sentences of case law, none short).
  const eligibleLong = relevant.filter((x) => wordCount(pointText(x.c.ref.sentence, pointWords + 16, nameStems)) <= pointWords + 22);
  const demandShare = Math.max(1, Math.floor(targetPoints / parsed.demands.length));
  for (let round = 0; chosen.length < targetPoints && round < targetPoints; round++) {
    let progressed = false;
    for (let i = 0; i < parsed.demands.length && chosen.length < targetPoints; i++) {
      const short = chosen.filter((x) => x.demand === i).length < demandShare;
      const best = bestFor(i, eligible) ?? (requiresFocus[i] && short ? (bestFor(i, eligibleWide, 0.4) ?? bestFor(i, eligibleLong, 0.4)) : null);
      if (!best) continue;
      progressed = true;
      take(best, i);
    }
    if (!progressed) break;
  }
  // A short material may leave a demand empty or with one point under the strict rules: its best sentences then answer it at more
  // words, and a neutral fact may stand as an achievement ("The Pact released political prisoners").
  for (let i = 0; i < parsed.demands.length; i++) {
    while (chosen.filter((x) => x.demand === i).length < 2 && chosen.length < targetPoints) {
      const best = bestFor(i, eligibleWide, 0.4);
      if (!best) break;
      take(best, i);
    }
  }
  // An answer left three points short or more (a way forward the material prescribes little of, a demand its short
  // sentences exhaust) takes the demands' longer sentences in turn: an examiner marks a 250-word answer of 190 down.
  for (let round = 0; chosen.length <= targetPoints - 3 && round < targetPoints; round++) {
    let progressed = false;
    for (let i = 0; i < parsed.demands.length && chosen.length < targetPoints; i++) {
      const best = bestFor(i, eligibleWide, 0.4) ?? bestFor(i, eligibleLong, 0.4);
      if (!best) continue;
      progressed = true;
      take(best, i);
    }
    if (!progressed) break;
  }
  // A list the material gives for what a demand asks about (a lead-in such as "…recommends names for the appointment of:"
  // and its items, one per line) is one point of that demand, its items in order, taking the place of the demand's
  // weakest sentence; each list once, one per demand.
  const listWords = parsed.wordLimit >= 200 ? 55 : 50;
  const lists = corpus.materials.flatMap((pm) => materialLists(pm, corpus.refsOf(pm)));
  const listFor: Array<{ list: MaterialList; point: ReturnType<typeof listPoint> } | undefined> = parsed.demands.map(() => undefined);
  const listsUsed = new Set<MaterialList>();
  for (let i = 0; i < parsed.demands.length; i++) {
    if (!foci[i]!.required.size) continue;
    const ranked = lists
      .filter((l) => !listsUsed.has(l) && !used.has(l.leadIn) && l.items.every((x) => !x.ref || !used.has(x.ref)))
      // (Items with labels of their own — "Type A: cheap …" — would stand under the lead-in's label as a second one.)
      .filter((l) => !l.items.some((x) => /^[^:]{2,60}:\s/.test(x.text)))
      // (The lead-in itself says what the list is of: a heading above it is not enough.)
      .map((l) => ({ l, lead: focusFit(l.leadIn, foci[i]!, corpus, false) }))
      .filter((x) => x.lead.requiredHit && parsed.demands.every((_, k) => k === i || focusFit(x.l.leadIn, foci[k]!, corpus, false).score <= x.lead.score))
      .sort((a, b) => b.lead.score - a.lead.score);
    const best = ranked[0];
    if (!best) continue;
    listsUsed.add(best.l);
    listFor[i] = { list: best.l, point: listPoint(best.l, listWords) };
    used.add(best.l.leadIn);
    for (const item of best.l.items) if (item.ref) used.add(item.ref);
    const own = chosen.filter((x) => x.demand === i);
    const weakest = own.length >= 3 ? own.slice().sort((a, b) => a.s - b.s)[0]! : undefined;
    if (weakest) {
      chosen.splice(chosen.indexOf(weakest), 1);
      used.delete(weakest.c.ref);
    }
  }
  // Labels summarise their own point: the subject lexicon's dimension when the point's own words signal
  // it, else the point's most informative noun phrase. Every label is used once in the whole answer.
  const labelsUsed = new Set<string>();
  const labelOf = (body: string): string | undefined => {
    if (!useLabels) return undefined;
    // The question's own names ("Prime Minister") are in every point retrieved for it: they signal no dimension.
    const bodyStems = new Set(stemsOf(body).filter((x) => !nameStems.has(x)));
    // One word of a dimension is a coincidence as often as not ("financial autonomy" of pollution boards is no "Finance and
    // technology transfer", "amended the conditions of service" no "Binding commitments"): a label needs two, or one
    // the material seldom uses in the phrase the point is about ("International observers … echo…" is the international
    // dimension). Other labels are that phrase.
    const phrase = headingFromPoint(body, corpus, nameStems, labelsUsed, qStems);
    const phraseStems = new Set(stemsOf(phrase ?? ""));
    const distinctive = (id: string) =>
      [...(lexicon?.dimensions.find((x) => x.id === id)?.stems ?? [])].some((st) => phraseStems.has(st) && (corpus.byStem.get(st)?.length ?? 0) < corpus.refs.length / 10);
    const fromLexicon = dimensionsOf(bodyStems).filter((d) => (d.score >= 2 || distinctive(d.id)) && !labelsUsed.has(d.label.toLowerCase()));
    const label = fromLexicon[0]?.label ?? phrase;
    if (label) labelsUsed.add(label.toLowerCase());
    return label;
  };
  // Examples go to the strongest points first, each example sentence used once.
  const examples = new Map<Candidate, ReturnType<typeof exampleFor>>();
  const bare = (t: string) => t.toLowerCase().replace(/[^a-z0-9 ]+/g, "").trim();
  const bodyOf = (c: Candidate) => pointText(c.ref.sentence, pointWords, nameStems);
  const exampleOf = (c: Candidate, demand: number) => {
    const found =
      exampleFor(corpus, c.ref, used, nameStems, topicKeys, demandStems[demand] ?? new Set(), c.dimension?.id ?? null, lexicon) ??
      nearbyFactExample(corpus, c.ref, used, nameStems, dimensionsOf, c.dimension?.id ?? null) ??
      // A point with nothing checkable of its own may take its instance from further afield, when the two share more than a word.
      (statesFact(bodyOf(c), nameStems) ? null : exampleFor(corpus, c.ref, used, nameStems, topicKeys, demandStems[demand] ?? new Set(), c.dimension?.id ?? null, lexicon, 2.5));
    // An example that restates the point ("Eg: Tracks the movement of goods…") is no example.
    return found && !bare(bodyOf(c)).includes(bare(found.text)) ? found : null;
  };
  for (const entry of chosen.slice().sort((a, b) => b.s - a.s)) {
    let example = exampleOf(entry.c, entry.demand);
    // Every point carries something checkable — a figure, a date, a named actor — in its own words or its example.
    // One that has neither gives way to the demand's best point that states a fact, when there is one.
    if (!example && !statesFact(bodyOf(entry.c), nameStems)) {
      const others = chosen.filter((x) => x.demand === entry.demand && x !== entry).length;
      const withFact = (c: Candidate) => statesFact(bodyOf(c), nameStems);
      const found = bestFor(entry.demand, eligible, 0.5, withFact) ?? (others ? null : bestFor(entry.demand, eligibleWide, 0.4, withFact));
      // A replacement much weaker than the point loses more analysis than its figure adds ("Pressure on Kestria has
      // strained ties" stays rather than give way to a minor dated event).
      const replacement = found && found.s >= 0.8 * entry.s ? found : null;
      if (replacement) {
        // The sentence goes back to the pool: a judgement with no figure may still weigh up the conclusion.
        chosen.splice(chosen.indexOf(entry), 1);
        used.delete(entry.c.ref);
        const added = take(replacement, entry.demand);
        example = exampleOf(added.c, added.demand);
        if (example && example.ref !== added.c.ref) used.add(example.ref);
        examples.set(added.c, example);
        continue;
      }
    }
    if (example && example.ref !== entry.c.ref) used.add(example.ref);
    examples.set(entry.c, example);
  }
  for (const { c, s: strength, demand } of chosen) {
    const body = bodyOf(c);
    // A point that opens with a label of its own ("Cash Reserve Ratio: the share of deposits…") takes no second one.
    const label = /^[^:]{2,60}:\s/.test(body) ? undefined : labelOf(body);
    const example = examples.get(c) ?? null;
    const evidence = [sentenceEvidence(c.ref.pm, c.ref.sentence)];
    if (example && (example.evidence.materialId !== evidence[0]!.materialId || example.evidence.start !== evidence[0]!.start)) evidence.push(example.evidence);
    points.push({
      text: label ? `${label}: ${body}` : body,
      ...(example ? { example: example.text, exampleRef: example.ref } : {}),
      evidence,
      score: strength,
      dim: c.dimension?.id ?? null,
      dimScore: c.dimension?.score ?? 0,
      demand,
      ref: c.ref,
    });
  }
  for (let i = parsed.demands.length - 1; i >= 0; i--) {
    const found = listFor[i];
    if (!found) continue;
    // The list answers the demand most directly: it leads its section and is the last point the word limit takes away.
    const strongest = Math.max(0, ...points.filter((p) => p.demand === i).map((p) => p.score));
    points.unshift({ text: found.point.text, evidence: found.point.evidence, score: strongest + 1, dim: null, dimScore: 0, demand: i, ref: found.list.leadIn });
  }
  const wayForwardOf = (id: DimensionId) => lexicon?.dimensions.find((d) => d.id === id)?.wayForward ?? "";
  const dimsCovered = new Set<DimensionId>(points.flatMap((p) => (p.dim && p.dimScore >= 2 ? [p.dim] : [])));
  // A way forward asked for never goes unanswered: when the material neither prescribes, nor recommends, nor tells of a
  // measure at work that fits, the section states the subject lexicon's way forward for the dimensions the answer covers
  // (the engine's own words, so no evidence), else a general one.
  const forwardUsedInBody = new Set<DimensionId>();
  for (let i = 0; i < parsed.demands.length; i++) {
    if (!isRemedyDemand[i] || points.some((p) => p.demand === i)) continue;
    const dims = [...dimsCovered].filter((d) => wayForwardOf(d)).slice(0, 2);
    for (const d of dims) {
      forwardUsedInBody.add(d);
      // (Every label is used once in the whole answer: a dimension the body already labelled goes without.)
      const found = lexicon?.dimensions.find((x) => x.id === d)?.label;
      const label = found && !labelsUsed.has(found.toLowerCase()) ? found : undefined;
      if (label) labelsUsed.add(label.toLowerCase());
      const text = `${wayForwardOf(d)[0]!.toUpperCase()}${wayForwardOf(d).slice(1)}.`;
      points.push({ text: useLabels && label ? `${label}: ${text}` : text, evidence: [], score: 0, dim: d, dimScore: 0, demand: i, ref: null });
    }
    if (!dims.length) points.push({ text: forwardCues.genericPoint, evidence: [], score: 0, dim: null, dimScore: 0, demand: i, ref: null });
  }
  const sections = parsed.demands
    .map((d, i) => ({ heading: parsed.headings[i] ?? shortHeading(d), points: points.filter((p) => p.demand === i) }))
    .filter((s) => s.points.length);
  // Introduction: context (a dated, relevant sentence) and a key figure.
  // An introduction on a narrower subject than the material's ("Gandhi's support for the Khilafat movement") is set
  // in that subject's context, not in the material's general one.
  const introAnchored = (c: Candidate) => questionAnchors.size === 0 || [...questionAnchors].some((a) => c.stems.has(a));
  const biographyOff = questionAnchors.size > 0 || questionNames.some((e) => e.kind === "person" && asksWhatPersonDid(e));
  const introRanked = candidates
    .filter((c) => !used.has(c.ref) && !(biographyOff && isPersonDefinition(c)))
    .map((c) => ({ c, s: score(c, new Set()) * (introAnchored(c) ? 1 : 0.4) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s);
  const CONTEXT_CUE = /\b(?:since|took (?:over|power|control)|takeover|return(?:ed)? to power|'s return|came to power|years? after|ascendance|history|historic|formed|founded|began)\b/i;
  const nonNameFit = (c: Candidate) => [...c.stems].filter((x) => qStems.has(x) && !nameStems.has(x) && !x.startsWith("@")).length;
  const shortEnough = (c: Candidate, n: number) => wordCount(compressSentence(c.ref.sentence.text, n)) <= n + 4;
  const generalContextC =
    introRanked.filter((x) => shortEnough(x.c, 24)).find((x) => /\b(?:19|20)\d{2}\b/.test(x.c.ref.sentence.text) && CONTEXT_CUE.test(x.c.ref.sentence.text))?.c ??
    introRanked.filter((x) => shortEnough(x.c, 24)).find((x) => /\b(?:19|20)\d{2}\b/.test(x.c.ref.sentence.text))?.c ??
    introRanked[0]?.c;
  // The question's own subject, when neither the definition nor the context names it: its best unused sentence, else
  // one a point of the body took, moved here from a section that keeps another point.
  let subjectC: Candidate | undefined;
  if (isNarrowKey && !(definitionC && namesKey(definitionC))) {
    // Beside a definition, only a short sentence: the definition stays (the answer is still set in its broader subject).
    const fits = (c: Candidate) => !definitionC || wordCount(pointText(c.ref.sentence, 24)) <= 20;
    subjectC = rankSubject(candidates.filter((c) => (!used.has(c.ref) || c === generalContextC) && fits(c)));
    if (!subjectC) {
      // A point's own sentence moves from a section that keeps another point; an example's leaves its point without
      // one (another sentence picked now would not be the point's own instance).
      const movable = sections.filter((sec) => sec.points.length >= 2).flatMap((sec) => sec.points.map((p) => p.ref));
      const exampleRefs = sections.flatMap((sec) => sec.points.flatMap((p) => (p.exampleRef ? [p.exampleRef] : [])));
      subjectC = rankSubject(candidates.filter((c) => (movable.includes(c.ref) || exampleRefs.includes(c.ref)) && fits(c)));
      if (subjectC) {
        const moved = subjectC.ref;
        for (const sec of sections) {
          sec.points = sec.points.filter((p) => p.ref !== moved);
          for (const p of sec.points) {
            if (p.exampleRef !== moved) continue;
            delete p.example;
            delete p.exampleRef;
            p.evidence = p.evidence.slice(0, 1);
          }
        }
      }
    }
    if (subjectC) used.add(subjectC.ref);
  }
  // The introduction the answer would have without the subject's sentence: definition, context, key figure.
  const contextC = generalContextC;
  // (A key figure that shortening cuts away — "…to rein in the TTP, deporting more than 800,000…" — is no key figure.)
  const figureC = introRanked.find((x) => x.c !== contextC && x.c !== subjectC && shortEnough(x.c, 16) && nonNameFit(x.c) > 0 && x.c.ref.pm.numbers.some((n) => n.sentenceIndex === x.c.ref.sentence.index && /\d/.test(n.figure) && n.unit !== "duration") && /\d/.test(pointText(x.c.ref.sentence, 16)))?.c;
  const introBudget = Math.round(parsed.wordLimit * (definitionC ? 0.18 : 0.13));
  const introCs = [definitionC, contextC, figureC].filter((c): c is Candidate => !!c);
  const introText = (c: Candidate) => (c === definitionC ? definitionText(c.ref.sentence.text) : pointText(c.ref.sentence, c === contextC || c === subjectC ? 24 : 16));
  while (introCs.length > 1 && wordCount(introCs.map(introText).join(" ")) > introBudget) introCs.pop();
  // The sentence on the question's own subject sits beside them, after the definition and context, never instead.
  if (subjectC && !introCs.includes(subjectC)) {
    const at = figureC ? introCs.indexOf(figureC) : -1;
    introCs.splice(at >= 0 ? at : introCs.length, 0, subjectC);
  }
  const introParts = introCs.map(introText);
  if (!introParts.length) {
    // Nothing dated or on-topic left: open with the most informative unused statement of the material.
    const best = candidates
      .filter((c) => !used.has(c.ref) && shortEnough(c, 24))
      .map((c) => ({ c, s: c.ref.pm.claims[c.ref.sentence.index]?.score ?? 0 }))
      .sort((a, b) => b.s - a.s)[0];
    if (best) introParts.push(compressSentence(best.c.ref.sentence.text, 24));
  }
  const introduction = introParts.join(" ") || `${parsed.demands[0]}.`;
  const prescriptions = hasRemedyDemand ? [...reserved, ...pickPrescriptions()].slice(0, parsed.wordLimit >= 200 ? 2 : 1) : reserved;
  const conclusionParts = prescriptions.map((c, i) => {
    const text = forwardText(c);
    // ("As a way forward, the Law Commission…": a name's leading article is no part of it.)
    return i === 0 ? `As a way forward, ${startsWithName(corpus, text) && !/^The\s/.test(text) ? text : text[0]!.toLowerCase() + text.slice(1)}` : text;
  });
  // A sentence closing the answer reads alone: no bare surname ("Rao, however, …"), nothing left for later.
  // A sentence that could close the answer, said for the first time or again: not the context or figure sentence, not a
  // quotation, readable alone.
  const restates = (c: Candidate) => c !== contextC && c !== subjectC && c !== figureC && !isQuoted(c.ref) && isStandalone(c.ref.sentence, c.ref.pm) && !opensWithBareSurname(corpus, c.ref.sentence.text);
  const closes = (c: Candidate) => !used.has(c.ref) && !DATED_EVENT_OPENING.test(c.ref.sentence.text) && !prescriptions.includes(c) && restates(c);
  // With no prescription in the material, its own outlook closes the answer: what is expected, what lasts or remains.
  // Failing that, its own judgement of the subject's significance or result ("…helped him sideline…", "…led to…").
  // Ranked on the subject (question words, the material's key terms, a demand's anchors), not on any one demand.
  const closingRanked = relevant
    .map((x) => ({ c: x.c, s: x.topic * (introAnchored(x.c) ? 1 : 0.4) + 0.3 * keyTermCount(x.c) }))
    .sort((a, b) => b.s - a.s);
  // A way forward asked for is always in the conclusion too: with no prescription of the material's own, the subject
  // lexicon's way forward (for dimensions the body did not already state it for), else a general one; the material's
  // weighing and outlook go before it.
  const forwardParts = new Set<string>();
  if (hasRemedyDemand && !conclusionParts.length) {
    const forward = [...dimsCovered].filter((d) => !forwardUsedInBody.has(d)).slice(0, parsed.wordLimit >= 200 ? 3 : 2).map((d) => wayForwardOf(d)).filter(Boolean);
    const line = forward.length
      ? `${lexicon?.conclusionLead ?? "The way forward lies in"} ${forward.length > 1 ? `${forward.slice(0, -1).join(", ")} and ${forward[forward.length - 1]}` : forward[0]}.`
      : "The way forward lies in sustained, evidence-based policy and cooperation among those affected.";
    conclusionParts.push(line);
    forwardParts.add(line);
  }
  for (const p of conclusionParts) if (/^As a way forward\b/.test(p) || isWayForward(p)) forwardParts.add(p);
  // Drops one sentence of the conclusion (the last, or the first), never its only way forward when one was asked for.
  const dropConclusionPart = (fromStart: boolean): boolean => {
    const order = conclusionParts.map((_, k) => k);
    if (!fromStart) order.reverse();
    const only = conclusionParts.filter((x) => forwardParts.has(x)).length === 1;
    const k = order.find((j) => !(hasRemedyDemand && only && forwardParts.has(conclusionParts[j]!)));
    if (k === undefined) return false;
    conclusionParts.splice(k, 1);
    return true;
  };
  for (const cue of [OUTLOOK, ASSESSMENT]) {
    if (conclusionParts.length) break;
    const closingC = closingRanked.find((x) => closes(x.c) && cue.test(x.c.ref.sentence.text) && !isPastNarrative(x.c.ref) && shortEnough(x.c, 20))?.c;
    if (closingC) {
      conclusionParts.push(pointText(closingC.ref.sentence, 20));
      used.add(closingC.ref);
    }
  }
  // No remedy is asked for and the material has no outlook or verdict: the answer closes on its subject's most
  // telling sentence left unused, not on a way forward nobody asked for (an empire of the sixteenth century has none).
  // On a short material whose every telling sentence is in the body, the best of them is said again rather than invented.
  if (!conclusionParts.length && !hasRemedyDemand && !lexicon) {
    const closingC = (closingRanked.find((x) => closes(x.c) && shortEnough(x.c, 20)) ?? closingRanked.find((x) => restates(x.c) && shortEnough(x.c, 20)))?.c;
    if (closingC) {
      conclusionParts.push(pointText(closingC.ref.sentence, 20));
      used.add(closingC.ref);
    }
  }
  if (!conclusionParts.length) {
    // The material says nothing about what lies ahead: the subject lexicon's way forward, the engine's own words.
    const forward = [...dimsCovered].slice(0, parsed.wordLimit >= 200 ? 3 : 2).map((d) => wayForwardOf(d)).filter(Boolean);
    conclusionParts.push(
      forward.length
        ? `${lexicon?.conclusionLead ?? "The way forward lies in"} ${forward.length > 1 ? `${forward.slice(0, -1).join(", ")} and ${forward[forward.length - 1]}` : forward[0]}.`
        : "The way forward lies in sustained, evidence-based policy and cooperation among those affected.",
    );
  }
  while (conclusionParts.length > 1 && wordCount(conclusionParts.join(" ")) > parsed.wordLimit * 0.17 && dropConclusionPart(false));
  // A balanced conclusion weighs before it prescribes: the material's own sentence setting a gain
  // against a shortfall (or a caution), placed before the way forward when words allow.
  // A speaker's claim ("[Pakistan has] adopted a military approach…, but that has not succeeded") is
  // one side's voice, not the answer's own balanced judgement.
  // The weighing is the point of the sentence: a leading "While …," stays, and a sentence that loses it is no balance.
  // One sentence is no conclusion: the weighing gets a little more room when it would otherwise be missing.
  // Two sentences of way forward already make the conclusion: the words stay with the body.
  const balanceRoom = parsed.wordLimit * (conclusionParts.length === 1 ? 0.3 : 0);
  for (const { c } of conclusionParts.length === 1 ? closingRanked : []) {
    if (!closes(c) || !BALANCE.test(c.ref.sentence.text) || isForward(c.ref.sentence.text) || !shortEnough(c, 20)) continue;
    const balance = pointText(c.ref.sentence, 26);
    if (!BALANCE.test(balance) || wordCount(`${balance} ${conclusionParts.join(" ")}`) > balanceRoom) continue;
    conclusionParts.unshift(balance);
    used.add(c.ref);
    break;
  }
  // Still one sentence: the material's outlook or verdict rounds it off, before the way forward.
  if (conclusionParts.length === 1) {
    const secondC = closingRanked.find((x) => closes(x.c) && (OUTLOOK.test(x.c.ref.sentence.text) || ASSESSMENT.test(x.c.ref.sentence.text) || BALANCE.test(x.c.ref.sentence.text)) && !isPastNarrative(x.c.ref) && shortEnough(x.c, 18))?.c;
    const second = secondC ? pointText(secondC.ref.sentence, 18) : "";
    if (secondC && wordCount(`${second} ${conclusionParts[0]}`) <= parsed.wordLimit * 0.3) {
      conclusionParts.unshift(second);
      used.add(secondC.ref);
    }
  }
  // A short material may have spent its only weighing sentence on a point: a balanced conclusion is worth more than
  // a section's second point, so the sentence moves to the conclusion when its section keeps another.
  if (conclusionParts.length === 1) {
    const bodyRefs = new Map(chosen.map((x) => [x.c.ref, x]));
    const movable = closingRanked.find((x) => {
      const entry = bodyRefs.get(x.c.ref);
      // (A section of two keeps one when the answer keeps three points in all: a one-sentence conclusion costs more.)
      const section = entry ? sections.find((sec) => sec.points.some((p) => p.ref === x.c.ref)) : undefined;
      if (!section || section.points.length < 2 || sections.reduce((n, sec) => n + sec.points.length, 0) < 4) return false;
      return BALANCE.test(x.c.ref.sentence.text) && !isForward(x.c.ref.sentence.text) && !isQuoted(x.c.ref) && isStandalone(x.c.ref.sentence, x.c.ref.pm) && !opensWithBareSurname(corpus, x.c.ref.sentence.text) && shortEnough(x.c, 20);
    })?.c;
    const moved = movable ? pointText(movable.ref.sentence, 26) : "";
    if (movable && BALANCE.test(moved) && wordCount(`${moved} ${conclusionParts[0]}`) <= parsed.wordLimit * 0.3) {
      conclusionParts.unshift(moved);
      for (const sec of sections) sec.points = sec.points.filter((p) => p.ref !== movable.ref);
    }
  }
  // A conclusion gives a verdict on what was asked: when none of its sentences weighs, the material's own judgement of
  // the question's subject (a sentence naming it, or a demand's anchor, that assesses or weighs — "…led to mixed
  // results", "Unless the issue… is addressed, meaningful improvement… will remain elusive") opens it, "On balance"
  // before it when it has no connective of its own; taken from the body when its section keeps two points.
  const weighs = (t: string) => VERDICT.test(t);
  const onSubject = (c: Candidate) => namesKey(c) || [...questionAnchors].some((a) => c.stems.has(a));
  const namesSubject = (t: string) => {
    const stems = new Set(stemsOf(t));
    return (keyStems.length > 0 && (keyStems.every((st) => stems.has(st)) || keyShortStems.some((st) => stems.has(st)))) || [...questionAnchors].some((a) => stems.has(a));
  };
  if (!conclusionParts.some((part) => !/^As a way forward\b/.test(part) && weighs(part) && namesSubject(part))) {
    const bodyCount = () => sections.reduce((n, sec) => n + sec.points.length, 0);
    const verdictC = closingRanked.find((x) => {
      const c = x.c;
      if (!onSubject(c) || !weighs(c.ref.sentence.text) || isForward(c.ref.sentence.text) || DATED_EVENT_OPENING.test(c.ref.sentence.text) || isPastNarrative(c.ref)) return false;
      // (A surname the question itself uses — "Gandhi's support…" — is no bare surname here.)
      const surnameAsked = nameStems.has(roughStem(/^(\p{Lu}[\p{L}'-]+?)(?:'s)?(?=[\s,])/u.exec(standaloneText(c.ref.sentence.text))?.[1] ?? ""));
      if (c === contextC || c === subjectC || c === figureC || c === definitionC || isQuoted(c.ref) || !isStandalone(c.ref.sentence, c.ref.pm) || (!surnameAsked && opensWithBareSurname(corpus, c.ref.sentence.text)) || !shortEnough(c, 16)) return false;
      if (!used.has(c.ref)) return true;
      const section = sections.find((sec) => sec.points.some((p) => p.ref === c.ref));
      return !!section && section.points.length >= 2 && bodyCount() >= 4;
    })?.c;
    // (Short: a verdict is one sentence, and the body keeps its points.)
    const verdict = verdictC ? pointText(verdictC.ref.sentence, 16) : "";
    if (verdictC && weighs(verdict)) {
      const opened = /^(?:On balance|Overall|However|Thus|Hence|Unless|Although|Though|Despite|While|But|Yet)\b/i.test(verdict)
        ? verdict
        : `On balance, ${/^The\s/.test(verdict) || !startsWithName(corpus, verdict) ? verdict[0]!.toLowerCase() + verdict.slice(1) : verdict}`;
      // Room is made by the second way-forward sentence, never by the first.
      while (conclusionParts.length > 1 && wordCount(`${opened} ${conclusionParts.join(" ")}`) > parsed.wordLimit * 0.3 && dropConclusionPart(false));
      conclusionParts.unshift(opened);
      used.add(verdictC.ref);
      for (const sec of sections) sec.points = sec.points.filter((p) => p.ref !== verdictC.ref);
    }
  }
  const conclusion = conclusionParts.join(" ");
  // Fit the word limit: first trim every demand to its fair share of points, then drop the
  // examples of the weakest points, then further points, then the last examples.
  const answer = {
    questionId,
    directive: parsed.directive,
    coreDemands: parsed.demands,
    introduction,
    body: sections.map((s) => ({ heading: s.heading, points: s.points })),
    conclusion,
  };
  // "Eg:" counts as a word for an examiner counting the script.
  const fit = () => modelAnswerWordCount(answer) + sections.reduce((n, s) => n + s.points.filter((p) => p.example).length, 0) <= parsed.wordLimit;
  // Examples go first from points that state their own figure or name, so that a point keeps something checkable.
  const byWeakness = () =>
    sections
      .flatMap((s) => s.points.map((p) => ({ s, p, hasOwnFact: statesFact(p.text, nameStems) })))
      .sort((a, b) => Number(b.hasOwnFact) - Number(a.hasOwnFact) || a.p.score - b.p.score);
  const dropWeakestOfFullest = (floor: number) => {
    const fullest = sections.slice().sort((a, b) => b.points.length - a.points.length)[0];
    if (!fullest || fullest.points.length <= floor) return false;
    const weakest = fullest.points.slice().sort((a, b) => a.score - b.score)[0]!;
    fullest.points.splice(fullest.points.indexOf(weakest), 1);
    return true;
  };
  // An example that goes takes its sentence out of the point's evidence too.
  const dropExample = (p: Point) => {
    delete p.example;
    p.evidence = p.evidence.slice(0, 1);
  };
  const fairShare = Math.max(2, Math.floor(targetPoints / Math.max(1, sections.length)));
  while (!fit() && dropWeakestOfFullest(fairShare));
  // Examples of the weakest points go first, down to two points in five; then a second conclusion sentence.
  const exampleCount = () => sections.reduce((n, x) => n + x.points.filter((p) => p.example).length, 0);
  const pointCount = () => sections.reduce((n, x) => n + x.points.length, 0);
  for (const { p } of byWeakness()) {
    if (fit() || exampleCount() <= Math.round(pointCount() * 0.4)) break;
    if (p.example) dropExample(p);
  }
  // The conclusion keeps its weighing and its way forward while examples can still go.
  while (!fit() && conclusionParts.length > 2 && dropConclusionPart(false)) answer.conclusion = conclusionParts.join(" ");
  // A point more per section goes before the last examples: an examiner rewards examples.
  while (!fit() && dropWeakestOfFullest(3));
  for (const { p } of byWeakness()) {
    if (fit()) break;
    if (p.example) dropExample(p);
  }
  while (!fit() && dropWeakestOfFullest(2));
  while (!fit() && conclusionParts.length > 1 && dropConclusionPart(true)) answer.conclusion = conclusionParts.join(" ");
  while (!fit() && dropWeakestOfFullest(1));
  if (!fit()) answer.introduction = compressSentence(answer.introduction, 22);
  const body = sections.filter((s) => s.points.length).map((s) => ({ heading: s.heading, points: s.points.map(({ text, example, evidence }) => ({ text, ...(example ? { example } : {}), evidence })) }));
  if (!body.length) body.push({ heading: parsed.demands[0] ?? "Analysis", points: [{ text: "The material does not address this question directly.", evidence: [] }] });
  const final = { ...answer, body };
  return {
    ...final,
    rubric: deriveRubric(final, parsed.marks, parsed.wordLimit),
    wordCount: modelAnswerWordCount(final),
    wordLimit: parsed.wordLimit,
    marks: parsed.marks,
    question: parsed.text,
  };
}

