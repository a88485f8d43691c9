import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { isDemonym, namesAKind } from "@/lib/material/entities";
import { escapeRegExp } from "@/lib/text/regexp";
import referenceWords from "./reference-words.json";
import institutionWords from "./institution-words.json";

/**
 * The subject a section's heading names, for items whose sentence leans on it: under "The Graded Response Action Plan",
 * "Stage IV applies above 450" says nothing of which plan; "With reference to the Graded Response Action Plan: Stage IV
 * applies above _____." does. A heading names a subject when its head (before a colon or dash, without a trailing
 * bracket) is a name — two words or more, every word capitalised but the small words a name keeps ("Commission for Air
 * Quality Management", "S.R. Bommai v Union of India", "Article 163") — that the text below also writes so, capitals and
 * all. "Why the north suffers most", "The stubble question", "Introduction", a title in title case ("Following The Money")
 * name none.
 */
export interface SectionTopic {
  /** As an item shows it: "the Graded Response Action Plan", "Article 163". */
  phrase: string;
  /** The name without its article: "Graded Response Action Plan". */
  name: string;
  /** The name's own words that say which one it is ("Sarkaria", "Graded", "Response"; not "Commission", "National", "Article"). */
  distinctive: string[];
  /** Its acronym, when the material gives one or its initials make one ("GRAP"). */
  acronyms: string[];
}

/** Small words a name keeps between its capitalised words. */
const NAME_JOINER = /^(?:of|for|and|on|in|the|to|v|vs|v\.|vs\.|de|&)$/;
/**
 * A word of a name that says what kind of body or thing it is, or whose, not which one: a kind word ("Commission",
 * "Plan", `name-words.json`; "Scheme", "Mission", `institution-words.json` programmeWords), a jurisdiction ("National",
 * "Union", `institution-words.json`), a numbered designation
 * ("Article", `reference-words.json`) or a demonym ("Indian").
 */
function isGenericNameWord(word: string): boolean {
  return namesAKind(word) || JURISDICTION.has(word) || DESIGNATION.has(word) || PROGRAMME.has(word) || isDemonym(word);
}
const JURISDICTION = new Set(institutionWords.jurisdiction);
const DESIGNATION = new Set(referenceWords.numberedDesignations);
const PROGRAMME = new Set(institutionWords.programmeWords);

const topicCache = new WeakMap<ProcessedMaterial, Map<number, SectionTopic | null>>();

/** The subject the heading above the sentence names, or null (no heading, or one that names none). */
export function sectionTopic(pm: ProcessedMaterial, sentence: Sentence): SectionTopic | null {
  const headingIndex = pm.blocks[sentence.blockIndex]?.headingIndex;
  if (headingIndex === undefined) return null;
  let byHeading = topicCache.get(pm);
  if (!byHeading) topicCache.set(pm, (byHeading = new Map()));
  if (!byHeading.has(headingIndex)) byHeading.set(headingIndex, readTopic(pm, headingIndex));
  return byHeading.get(headingIndex) ?? null;
}

function readTopic(pm: ProcessedMaterial, headingIndex: number): SectionTopic | null {
  const block = pm.blocks[headingIndex];
  if (!block || block.kind !== "heading") return null;
  const heading = pm.material.text.slice(block.start, block.end).trim();
  const head = heading
    .split(/\s*(?::|\s[–—-]\s)\s*/)[0]!
    .replace(/\s*\([^)]*\)\s*$/, "")
    .trim();
  const article = /^the\s+/i.test(head);
  const name = head.replace(/^(?:the|a|an)\s+/i, "");
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 10) return null;
  if (!words.every((w) => NAME_JOINER.test(w) || /^[\p{Lu}\d]/u.test(w))) return null;
  if (NAME_JOINER.test(words[words.length - 1]!)) return null;
  // The text below writes it so, capitals and all: a name, not a title-case heading.
  const body = pm.blocks.filter((b) => b.kind !== "heading").map((b) => pm.material.text.slice(b.start, b.end));
  const written = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u");
  if (!body.some((text) => written.test(text))) return null;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w) && !NAME_JOINER.test(w));
  const distinctive = capitalised.filter((w) => w.length >= 3 && !isGenericNameWord(w));
  const initials = capitalised.map((w) => w[0]).join("");
  const acronyms = new Set<string>();
  if (initials.length >= 3) acronyms.add(initials);
  for (const a of pm.acronyms) if (a.expansion.replace(/^the\s+/i, "").toLowerCase() === name.toLowerCase()) acronyms.add(a.short);
  // "Article 163": the number is what says which one.
  for (const w of words) if (/^\d/.test(w)) distinctive.push(w);
  // A heading that names a person heads a life or a reign, and what its sentences say is not "with reference to" them.
  const entity = pm.entities.find((e) => [e.name, ...e.aliases].some((a) => a.replace(/^the\s+/i, "").toLowerCase() === name.toLowerCase()));
  if (entity?.kind === "person") return null;
  // "Finance Commission", "Eleventh Schedule", "73rd Amendment" take "the" as the text would; "PM E-DRIVE" does not.
  const needsArticle = article || namesAKind(words[words.length - 1]!) || /^(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|[A-Z][a-z]+(?:-[a-z]+)?th)$/.test(words[0]!);
  return { phrase: needsArticle ? `the ${name}` : name, name, distinctive, acronyms: [...acronyms] };
}

/** "Stage IV", "Phase 2": a part of a whole the name does not say (`reference-words.json` numberedParts). */
const NUMBERED_PART = new RegExp(`^(?:${referenceWords.numberedParts.join("|")})\\s+(?:[IVXL]+|\\d+[A-Z]?)$`);

/** Does the statement name an entity of the material, other than the answers or a numbered part, that its sentence mentions? */
function namesOwnSubject(text: string, pm: ProcessedMaterial, sentence: Sentence, answers: readonly string[]): boolean {
  const answerKeys = answers.map((a) => a.trim().toLowerCase());
  return pm.entities.some(
    (e) =>
      e.mentions.some((m) => m.sentenceIndex === sentence.index) &&
      !answerKeys.includes(e.name.toLowerCase()) &&
      // "Stage IV" (or the "IV" left of it when "Stage" opens the sentence) names no whole.
      !NUMBERED_PART.test(e.name) &&
      !/^(?:[IVXL]+|\d+)$/.test(e.name) &&
      [e.name, ...e.aliases].some((alias) => !answerKeys.includes(alias.toLowerCase()) && hasWord(text, alias.replace(/^the\s+/i, ""))),
  );
}

function hasWord(text: string, word: string, flags = "iu"): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, flags).test(text);
}

/** Does the text already say which subject it is about: the name, its acronym or one of its distinctive words? */
export function mentionsTopic(text: string, topic: SectionTopic): boolean {
  return hasWord(text, topic.name) || topic.acronyms.some((a) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(a)}(?![\\p{L}\\p{N}])`, "u").test(text)) || topic.distinctive.some((w) => hasWord(text, w, "u"));
}

/**
 * The section's subject as an item should name it ("the Graded Response Action Plan"), when the heading above the
 * sentence names one that the item's statement does not — or null. Never when the subject would give an answer away or
 * name a wrong one: an answer (or a value swapped in, or an option) that is the subject, part of it, or its acronym.
 */
export function topicFor(text: string, pm: ProcessedMaterial, sentence: Sentence, answers: readonly string[]): string | null {
  const topic = sectionTopic(pm, sentence);
  if (!topic || mentionsTopic(text, topic)) return null;
  // Only a statement that names nothing of its own leans on the heading for what it is about ("Stage IV applies above
  // _____"): one that names a body, a place or a person ("The Cholas moved…", "Road transport minister _____…") is
  // about that, and a heading put before it would mislead.
  if (namesOwnSubject(text, pm, sentence, answers)) return null;
  // A person asked for ("Road transport minister _____ said…") is what the sentence is about.
  if (answers.some((a) => pm.entities.some((e) => e.kind === "person" && [e.name, ...e.aliases].some((alias) => alias.toLowerCase() === a.trim().toLowerCase())))) return null;
  for (const answer of answers) {
    const a = answer.trim();
    if (!a) continue;
    if (mentionsTopic(a, topic) || hasWord(topic.name, a) || a.toLowerCase().includes(topic.name.toLowerCase())) return null;
    // A figure that is part of the name ("Article 163" for "_____").
    const digits = /\d+/.exec(a)?.[0];
    if (digits && hasWord(topic.name, digits)) return null;
  }
  return topic.phrase;
}

/** "With reference to the Graded Response Action Plan: " before a statement or a cloze card's front. */
export function withTopic(text: string, topic: string | null): string {
  return topic ? `With reference to ${topic}: ${text}` : text;
}

/** The lead an item's subject puts before its instruction or statement (`withTopic`, and "With reference to X, which…"). */
export const TOPIC_LEAD = /^With reference to [^:?\n]+?(?::\s+|,\s+(?=(?:true or false|give the|which|when)\b))/;
