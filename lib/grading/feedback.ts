import { analyze, getSynsets, isCapitalisedMidSentence, lemmatizeWord, type Token } from "@/lib/nlp";

/**
 * A rubric point's wording as it can stand inside a feedback sentence ("The answer did not mention
 * …"), read the way a teacher would quote it:
 * - the rubric's lead that describes the expectation ("Explains that", "Describes", "Notes how") is
 *   dropped — after "that" what remains is a clause; "how", "why" and "whether" stay, they make one;
 *   a later "and notes that" becomes "and that";
 * - a leading label ("Ocean acidification: Rising CO₂ makes …") is cut when a sentence follows it;
 * - the capitals are the rubric's own: only a first word capitalised by its position is lower-cased
 *   (see `isCapitalisedByPosition`), never a name ("China's", "Iran's", "El Niño");
 * - it is a clause when it has a finite verb outside a relative or "that" clause and outside
 *   brackets ("Iran's offer to facilitate dialogue" has none: a noun phrase), read in the part
 *   before a colon (what follows a colon elaborates).
 * Pure and deterministic; one wink-nlp pass over the point (the grader computes it once per point).
 */
export interface PointPhrase {
  text: string;
  isClause: boolean;
  /** No sentence on its own: it opens with a verb (no subject) or ends on a preposition, article or conjunction. */
  isFragment: boolean;
}

/** Rubric phrasing that describes the expectation rather than the claim; group 1 is the word that opens what follows. */
const RUBRIC_LEAD_RE =
  /^(?:(?:the\s+)?(?:answer|student|candidate)\s+)?(?:(?:should|must|may|could|would|will|can)\s+)?(?:explains?|notes?|describes?|shows?|identif(?:y|ies)|mentions?|argues?|states?|recognises?|recognizes?|points? out|suggests?|discuss(?:es)?|assess(?:es)?|outlines?|highlights?|examines?|analy[sz]es?|evaluates?|gives?|proposes?|provides?|offers?|includes?|cites?|compares?|concludes?|links?)\s+(?!of\b)(?:(that)\s+|(how|why|whether)\s+)?/i;
const INNER_LEAD_RE = /(,?\s+and\s+)(?:also\s+)?(?:explains?|notes?|shows?|mentions?|argues?|states?|recognises?|recognizes?|points? out|suggests?)\s+that\s+/gi;

/** Words capitalised only because they open a sentence. */
const FUNCTION_WORDS = new Set(
  `the a an it its this that these those there they their his her our we such some many most much more less few
  several both each every all any no not only even also one other another in on at by for with within without
  from into over under between among during after before since until while when where if as because although
  though unless how why what whether which who`.split(/\s+/),
);
const FINITE_AUX = new Set([
  "is", "are", "was", "were", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should",
  "can", "could", "may", "might", "must", "'s", "’s", "'re", "’re", "isn't", "aren't", "wasn't", "weren't", "won't", "cannot",
]);
const SUBORDINATE = new Set(["which", "who", "whom", "whose", "that", "where"]);

/** True when the tokens (one clause's worth of text) carry a finite verb outside brackets, relative and "that" clauses. */
function hasFiniteVerb(tokens: readonly Token[]): boolean {
  let depth = 0;
  // A relative or "that" clause runs to the end of its clause (commas inside it list things).
  let isSubordinate = false;
  let prev: Token | undefined;
  let beforePrev: Token | undefined;
  // Nothing but a noun phrase so far: where a clause's verb the tagger took for a noun can stand.
  let onlySubjectBefore = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const before = tokens[i - 1];
    if (t.text === "(" || t.text === "[") depth++;
    else if ((t.text === ")" || t.text === "]") && depth > 0) depth--;
    else if (depth === 0) {
      if (t.text === ";") isSubordinate = false;
      else if (SUBORDINATE.has(t.lower)) isSubordinate = true;
      // A first word has no subject before it ("Sustained diplomacy …"), and "engagement-led" is a compound.
      else if (!isSubordinate && prev && !(before?.text === "-" && before.end === t.start) && isFinite(t, prev, tokens[i + 1], beforePrev, onlySubjectBefore)) return true;
    }
    if (t.isWord) {
      beforePrev = prev;
      prev = t;
      if (!/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(t.pos) && !/^['’]s$/.test(t.text)) onlySubjectBefore = false;
    }
  }
  return false;
}

/** What may follow a verb the tagger took for a noun: an article, a describing word, a preposition, a figure, a pronoun. */
const AFTER_VERB = new Set(["DET", "ADJ", "ADV", "ADP", "NUM", "PRON", "PART"]);

function isFinite(t: Token, prev: Token, next: Token | undefined, beforePrev?: Token, onlySubjectBefore = false): boolean {
  if (t.pos === "AUX") return FINITE_AUX.has(t.lower);
  // The tagger reads "the tree blocks the light", "light travels faster", "Article 21 guarantees the right" and "policy
  // rested on" with a noun for the verb: a word in -s or -ed that WordNet knows as a verb, right after the noun phrase
  // that opens the text (a noun, a name or a name's number; not a plural or a possessive: "the bank's rates policy")
  // and before what follows a verb, is one.
  // (A figure counts only as the number of a name, "Article 21"; "three causes of…" counts causes.)
  const isNumberOfName = prev.pos === "NUM" && /^\d+[A-Z]?$/.test(prev.text) && !!beforePrev && /^\p{Lu}/u.test(beforePrev.text);
  // (Only right after the clause's subject: in "a pledge to phase out coal plants by 2035" the plants are a noun.)
  if (onlySubjectBefore && t.pos === "NOUN" && next && AFTER_VERB.has(next.pos) && (/^(?:NOUN|PROPN|ADJ)$/.test(prev.pos) || isNumberOfName)) {
    // (A word in -s before a preposition is a plural noun as often as a verb — "schemes for women", "loans to farmers" —
    // so only one before an article, a describing word, an adverb, a figure or a pronoun counts.)
    if (/[^su]s$/.test(t.lower) && next.pos !== "ADP" && !/s$/.test(prev.lower) && getSynsets(lemmatizeWord(t.lower), "v").length > 0) return true;
    if (/ed$/.test(t.lower) && next.lower !== "by" && getSynsets(t.lower.replace(/e?d$/, ""), "v").length + getSynsets(t.lower.replace(/d$/, ""), "v").length > 0) return true;
  }
  if (t.pos !== "VERB") return false;
  if (prev.lower === "to" || prev.pos === "DET" || prev.pos === "ADP") return false;
  if (/ing$/.test(t.lower)) return false;
  // "depletion caused by free power": a participle, not the clause's verb.
  if (/(?:ed|en)$/.test(t.lower) && next?.lower === "by") return false;
  return true;
}

function splitLabel(text: string): { label: string; rest: string } | null {
  const m = /^([^:]{2,80}?):\s+(\S[\s\S]*)$/.exec(text);
  if (!m || m[1]!.trim().split(/\s+/).length > 6 || RUBRIC_LEAD_RE.test(m[1]!)) return null;
  const label = analyze(m[1]!).tokens;
  if (hasFiniteVerb(label) || label[0]?.pos === "VERB") return null;
  return { label: m[1]!, rest: m[2]! };
}

function head(tokens: readonly Token[], text: string): Token[] {
  const colon = text.indexOf(": ");
  return colon < 0 ? [...tokens] : tokens.filter((t) => t.end <= colon);
}

/** The point's wording for a feedback sentence; `context` is the question's other texts (prompt, rubric, model answer), for telling names from words capitalised by position. */
export function pointPhrase(point: string, context = ""): PointPhrase {
  // A reference answer's "Yes, …" or "No, …" answers the question; what follows is the point.
  let text = point.trim().replace(/\s+/g, " ").replace(/[.;:!?]+$/, "").replace(/^(?:yes|no)[,.]\s+(?=\S)/i, "");
  const labelled = splitLabel(text);
  if (labelled) {
    const rest = analyze(labelled.rest).tokens;
    // A sentence, not a verb phrase without its subject ("Gives an assessment: accepts that …").
    const isSentence = /^\p{Lu}/u.test(labelled.rest) || rest[0]?.pos !== "VERB";
    if (isSentence && hasFiniteVerb(head(rest, labelled.rest))) text = labelled.rest;
  }
  // "Mention of the Paris Agreement", "Reference to Article 356": what is to be mentioned is the point.
  text = text.replace(/^(?:an?\s+)?(?:mention|reference|discussion|explanation|description)\s+(?:of|to)\s+(?=\S)/i, "");
  let isClauseByLead = false;
  const lead = RUBRIC_LEAD_RE.exec(text);
  if (lead && lead[0].length < text.length) {
    isClauseByLead = lead[1] !== undefined;
    text = text.slice(lead[0].length);
    if (lead[2]) text = `${lead[2].toLowerCase()} ${text}`;
  }
  text = text.replace(INNER_LEAD_RE, "$1that ");
  text = withFirstWordCase(text, context);
  const tokens = analyze(text).tokens;
  const isClause = isClauseByLead || (!lead?.[2] && hasFiniteVerb(head(tokens, text)));
  const words = tokens.filter((t) => t.isWord);
  // "deepens the distrust" lacks its subject; "Rising seas threaten …" opens with a participle, not a verb.
  // ("Lists three causes", "Uses evidence…": a rubric's own verb in -s the tagger may take for a name or a noun, when
  // nothing else in the point is a verb.)
  const opensWithVerb =
    !isClauseByLead &&
    !lead?.[2] &&
    ((words[0]?.pos === "VERB" && !/(?:ing|ed)$/.test(words[0].lower)) || (!isClause && !!words[0] && /^\p{L}\p{Ll}+[^su]s$/u.test(words[0].text) && words[1]?.pos !== "VERB" && getSynsets(lemmatizeWord(words[0].lower), "v").length > 0 && !isKnownNounFirst(words[0].lower)));
  const isFragment = opensWithVerb || FRAGMENT_END.has(words[words.length - 1]?.pos ?? "");
  return { text, isClause, isFragment: isFragment || isSeveralSentences({ text, isClause, isFragment }) };
}

/** "Floods destroyed…", "Prices rose…": a plural noun first, which WordNet gives a noun sense before any verb use. */
function isKnownNounFirst(word: string): boolean {
  const lemma = lemmatizeWord(word);
  return getSynsets(lemma, "n").length > getSynsets(lemma, "v").length;
}

function withFirstWordCase(text: string, context: string): string {
  // A possessive ("China's"), the first word of a name of several ("El Niño", "Supreme Court") or of a numbered one
  // ("Article 21", "Section 377") is a name; so is a one-letter label ("X and Y are independent").
  if (/^(?![AI]\b)\p{Lu}(?![\p{L}\p{N}'’.])/u.test(text)) return text;
  const m = /^(\p{Lu}\p{Ll}*)(?![\p{L}\p{N}])(?!['’]s(?!\p{L}))(?!\s+\p{Lu}\p{Ll})(?!\s+\d)/u.exec(text);
  const word = m?.[1];
  if (!word) return FUNCTION_WORDS.has(/^\p{Lu}\p{Ll}*/u.exec(text)?.[0].toLowerCase() ?? "") ? text[0]!.toLowerCase() + text.slice(1) : text;
  return isCapitalisedByPosition(word, text, context) ? word.toLowerCase() + text.slice(word.length) : text;
}

/**
 * A first word is capitalised only by its position when it is a function word, or the question's
 * texts write it in lower case, or (when they never write it mid-sentence with a capital) WordNet
 * knows it as a common word: a verb, adjective or adverb, or a noun whose first sense is not an
 * instance ("India" is one — an instance of a country; "Marine" is not).
 */
function isCapitalisedByPosition(word: string, text: string, context: string): boolean {
  const lower = word.toLowerCase();
  // "A and C are in the same path": a label, not the article.
  if (word === "A" && /^A(?:\s+(?:and|or|is|are|was|were|has|had)\b|[,;:.)])/.test(text)) return false;
  if (FUNCTION_WORDS.has(lower)) return true;
  if (new RegExp(`(?<!\\p{L})${lower}(?!\\p{L})`, "u").test(`${context}\n${text.slice(word.length)}`)) return true;
  if (isCapitalisedMidSentence(word, context)) return false;
  if (MONTHS_AND_DAYS.test(lower)) return false;
  const lemma = lemmatizeWord(lower);
  if ((["v", "a", "r"] as const).some((pos) => getSynsets(lemma, pos).length > 0)) return true;
  const noun = getSynsets(lemma, "n")[0];
  return !!noun && !noun.pointers.some((p) => p.symbol === "@i");
}

const MONTHS_AND_DAYS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

const FRAGMENT_END = new Set(["ADP", "DET", "CCONJ", "SCONJ", "PART"]);

/** What "did not mention" (or "does not fully state") takes: "that <clause>" or the noun phrase itself. */
export function mentionOf(phrase: PointPhrase): string {
  return phrase.isClause ? `that ${phrase.text}` : phrase.text;
}

/** A point of several sentences cannot follow "that": it is quoted after a colon instead. */
function isSeveralSentences(phrase: PointPhrase): boolean {
  return /(?<!\b(?:e\.g|i\.e|etc|vs|cf|viz|\p{L}))[.!?]\s+\p{Lu}/u.test(phrase.text);
}

function asSentences(phrase: PointPhrase): string {
  return phrase.text[0]!.toUpperCase() + phrase.text.slice(1);
}

/** Feedback on a point the answer did not make, from the point's phrase (the student's and the teacher's view alike). */
export function missedPointFeedback(phrase: PointPhrase): string {
  // (A fragment — a point that opens with its verb, "Calculates the mean" — is quoted too: "did not mention" cannot take it.)
  return isSeveralSentences(phrase) || phrase.isFragment ? `The answer did not make this point: ${asSentences(phrase)}.` : `The answer did not mention ${mentionOf(phrase)}.`;
}

/** Feedback on a point the answer made in part, when no one part of it is what is missing. */
export function partlyMadeFeedback(phrase: PointPhrase): string {
  return isSeveralSentences(phrase) || phrase.isFragment
    ? `The answer touches on this point but does not fully make it: ${asSentences(phrase)}.`
    : `The answer touches on this point but does not fully state ${mentionOf(phrase)}.`;
}
