import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { namesAKind, readsAsPersonName } from "@/lib/material/entities";
import { escapeRegExp } from "@/lib/text/regexp";
import { firstSenseNamesAPerson, namesAPerson } from "@/lib/nlp/wordnet";
import { z } from "zod";
import referenceWordsData from "./reference-words.json";
import blankWords from "./blank-words.json";

/**
 * What a short name ("the Act", "the Tribunal") stands for across the material: one decision (`settleShortName`) for
 * context.ts (capitalised short names) and descriptions.ts (a bare lower-case "the tribunal" its paragraph says nothing of).
 */

/** Kind words of which a text may name several ("the Act", "the Court"): `reference-words.json` namedKinds. */
export const NAMED_KINDS = new Set(z.object({ namedKinds: z.array(z.string()) }).parse(referenceWordsData).namedKinds);
/** Words a text uses for a body everyone reading it knows ("the Centre", "the Constitution"), named or not. */
const SHARED_REFERENTS = new Set(z.array(z.string()).parse(blankWords.sharedReferents));

const FUNCTION_WORD = /^(?:The|A|An|In|On|At|By|For|Of|As|But|And|Under|With|From|To|Its|Their|This|That)$/;


/** A named mention of a head word ("…Water Rights Act") and the full name read there, or null for one the engine cannot read. */
interface NameReading {
  at: number;
  full: string | null;
}
const readingCache = new WeakMap<ProcessedMaterial, Map<string, NameReading[]>>();
/** Small words that join the words of one name ("Protection of Children from Forest Fires Act"); after "and", "in", "to" only without "the". */
const NAME_RUNS_ON = /\p{Lu}[\p{L}\p{M}\p{N}'-]*[^\S\n]+(?:(?:from|against|with|between|under|by|at)[^\S\n]+(?:the[^\S\n]+)?|(?:and|in|to)[^\S\n]+)$/u;
/**
 * Every named mention of `head` in the material, in order, with the full name read there: capitalised words before the
 * head, joined by "of", "for" or "on" ("Government of India Act", "Representation of the People Act"). Null where the
 * name cannot be read: a bracket or a year before the head ("…Scheduled Areas) Act", "the 1995 Act"), a name that runs on
 * to the left over more capitalised words or another small word ("Protection of Children from Forest Fires Act"). The
 * name after the small word is read instead of the whole when the whole is a heading, a book's title, an office or a part
 * of something the material names on its own ("Chairman of the Finance Commission", "Constitution Bench of the Supreme
 * Court", "his work The Causes of the Indian Revolt"), or takes no "the". "This Act", "each Commission" are no names.
 * Found once per material and head word, so resolving stays linear in the material however many sentences ask.
 */
function nameReadings(pm: ProcessedMaterial, head: string): NameReading[] {
  let byHead = readingCache.get(pm);
  if (!byHead) readingCache.set(pm, (byHead = new Map()));
  let readings = byHead.get(head);
  if (readings) return readings;
  const text = pm.material.text;
  const read = new Map<number, string | null>();
  // (A name does not run across a line break: a heading above "The Veldra Election Commission" is not part of it.)
  const re = new RegExp(String.raw`\b((?:[A-Z][\w'-]+[^\S\n]+(?:(?:of|for|on)[^\S\n]+(?:the[^\S\n]+)?)?){1,6})${escapeRegExp(head)}\b`, "g");
  for (const m of text.matchAll(re)) {
    const at = m.index + m[0].length;
    const words = m[1]!.trim().split(/\s+/);
    let i = 0;
    while (i < words.length && FUNCTION_WORD.test(words[i]!)) i++;
    let lead = words.slice(i);
    if (!lead.length || lead.some((w) => FUNCTION_WORD.test(w))) continue;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    if (i === 0 && (NAME_RUNS_ON.test(before) || /\p{Lu}[\p{L}\p{M}\p{N}'-]*[^\S\n]+$/u.test(before))) {
      read.set(at, null);
      continue;
    }
    const joined = lead.findLastIndex((w) => /^(?:of|for|on|the)$/.test(w));
    if (joined >= 0) {
      const tail = lead.slice(joined + 1);
      const inHeading = pm.blocks.some((b) => b.kind === "heading" && b.start <= m.index && m.index < b.end);
      const afterThe = /\bthe\s+$/i.test(before) || /^the\s/i.test(m[1]!);
      // "his work The Causes of the Indian Revolt": a capitalised "The" after a word of the sentence opens a title.
      const title = /^The\s/.test(m[1]!) && /[\p{Ll},][^\S\n]+$/u.test(before);
      const office = namesAPerson(lead[0]!.toLowerCase());
      if (inHeading || !afterThe || title || office || (tail.length && namedAt(pm, `${tail.join(" ")} ${head}`).length > 0)) lead = tail;
      if (!lead.length) continue;
    }
    read.set(at, `${lead.join(" ")} ${head}`);
  }
  readings = [];
  for (const m of text.matchAll(new RegExp(String.raw`(?:[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'-]*|\))[^\S\n]+${escapeRegExp(head)}\b`, "gu"))) {
    if (DETERMINER_BEFORE_HEAD.test(m[0])) continue;
    const at = m.index + m[0].length;
    readings.push({ at, full: read.get(at) ?? null });
  }
  byHead.set(head, readings);
  return readings;
}

/**
 * The full names a short definite name ("the Fund") may stand for: the distinct names ending in the same word that the
 * material used before `before` ("Multilateral Fund"), latest last (`nameReadings`).
 */
export function antecedentsOf(pm: ProcessedMaterial, head: string, before: number): string[] {
  const found: string[] = [];
  for (const n of nameReadings(pm, head)) {
    if (n.at > before) break;
    if (!n.full) continue;
    const at = found.indexOf(n.full);
    if (at >= 0) found.splice(at, 1);
    found.push(n.full);
  }
  return found;
}

/** A determiner that makes "This Act", "Each Commission" a reference, not a name. */
const DETERMINER_BEFORE_HEAD = /^(?:The|This|That|These|Those|A|An|Each|Every|Its|Their|His|Her|Such|Any|No|Our|Either|Neither|Both|Same)\s/;
/** The index of the first of `readings` (in the text's order) that comes after `offset`. */
function firstReadingAfter(readings: readonly NameReading[], offset: number): number {
  let lo = 0;
  let hi = readings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (readings[mid]!.at <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last named mention of `head` before `before` (`nameReadings`), if there is one. */
function lastReading(pm: ProcessedMaterial, head: string, before: number): NameReading | undefined {
  const readings = nameReadings(pm, head);
  return readings[firstReadingAfter(readings, before) - 1];
}

/**
 * Is `full` the name the material gave last, before `before` (and at or after `from`), to a thing of its head word — no
 * other name ending in the word after it, even one the engine cannot read ("the Panchayats (Extension to the Scheduled
 * Areas) Act", "the 1995 Act")? Then a short "the Act" after it stands for it.
 */
function isLastNamed(pm: ProcessedMaterial, head: string, full: string, before: number, from = 0): boolean {
  const last = lastReading(pm, head, before);
  return !!last && last.full === full && last.at >= from;
}

const shortUseCache = new WeakMap<ProcessedMaterial, Map<string, number>>();
/** Does the material say "the <head>" on its own (no capitalised word before the head) before it first names `full`? */
function isUsedInShortBefore(pm: ProcessedMaterial, head: string, full: string): boolean {
  let firstShort = shortUseCache.get(pm);
  if (!firstShort) shortUseCache.set(pm, (firstShort = new Map()));
  let at = firstShort.get(head);
  if (at === undefined) {
    at = Infinity;
    // Headings aside: "The Fund and its critics" heads a section, it does not use the short name in the text.
    for (const m of pm.material.text.matchAll(new RegExp(String.raw`\b[Tt]he ${head}\b`, "g"))) {
      if (pm.blocks.some((b) => b.kind === "heading" && b.start <= m.index && m.index < b.end)) continue;
      at = m.index;
      break;
    }
    firstShort.set(head, at);
  }
  const fullAt = pm.material.text.indexOf(full);
  return fullAt >= 0 && at < fullAt;
}

/**
 * Of the full names a short name may stand for, the one the material is about: named (in full or by its acronym) at least
 * DOMINANT_NAME_RATIO times as often as any other up to the sentence at hand, or the only one named on its own at all. A
 * name inside a longer one ("East India Company" in "French East India Company") is not counted for it, and a name only
 * ever the tail of a longer one ("People Act" of "Representation of the People Act") is no candidate. Null when none is.
 */
function dominantName(pm: ProcessedMaterial, sentence: Sentence, candidates: string[]): string | null {
  const counts = candidates
    .map((c) => ({ c, all: timesNamed(pm, sentence, c) }))
    .filter((x) => x.all > 0)
    .sort((a, b) => b.all - a.all);
  if (counts.length === 1 || (counts.length > 1 && counts[0]!.all >= DOMINANT_NAME_RATIO * Math.max(1, counts[1]!.all))) return counts[0]!.c;
  return null;
}

/** How often the material names `name` on its own (`namedAt`), in full or by its acronym, up to the sentence's end. */
export function timesNamed(pm: ProcessedMaterial, sentence: Sentence, name: string): number {
  const count = (n: string) => namedAt(pm, n).filter((at) => at < sentence.end).length;
  const acronym = pm.entities.find((e) => e.name === name)?.acronym;
  return count(name) + (acronym ? count(acronym) : 0);
}

const namedAtCache = new WeakMap<ProcessedMaterial, Map<string, number[]>>();
/**
 * Where the material names `name` on its own, in order: not inside a longer name ("East India Company" in "French East
 * India Company") nor as the tail of one ("People Act" of "Representation of the People Act"). Built once per name.
 */
export function namedAt(pm: ProcessedMaterial, name: string): number[] {
  let byName = namedAtCache.get(pm);
  if (!byName) namedAtCache.set(pm, (byName = new Map()));
  let at = byName.get(name);
  if (!at) {
    const own = new RegExp(String.raw`(?<!(?:\b(?!The\b)\p{Lu}[\p{L}'’-]*|\b(?:of|of the|and|for|on))\s)\b${escapeRegExp(name)}\b`, "gu");
    at = [...pm.material.text.matchAll(own)].map((m) => m.index);
    byName.set(name, at);
  }
  return at;
}


/**
 * What one full name ending in the head word does for a short "the <head>": "named" — it stands for it (the material
 * named it in full first, and last before the sentence); "own" — the short name is a word of its own, left as written:
 * used on its own before the full name came ("the Speaker" before a "Deputy Speaker"), or an office whose fuller names
 * are a person who holds it or another office ("the Sultan" is never "the Razia Sultan"); "unsettled" — a name the
 * material gave later, or one it cannot read, may be the one meant.
 */
function singleAntecedent(pm: ProcessedMaterial, head: string, full: string, before: number): "named" | "own" | "unsettled" {
  if (isUsedInShortBefore(pm, head, full) || firstSenseNamesAPerson(head) || readsAsPersonName(full)) return "own";
  return isLastNamed(pm, head, full, before) ? "named" : "unsettled";
}

/**
 * The name one of the two sentences just before gave to a thing of the head word, when they name only that one and it
 * was named last: "The Ostran Mining Act was passed in 1990. This Act came into force in 1992. The Act requires every
 * mine…". Null when they name none, two ("The Tax Council was set up in 2017. The Trade Council… Every decision of the
 * Council…" is either), or one the engine cannot read.
 */
function namedJustBefore(pm: ProcessedMaterial, sentence: Sentence, head: string): string | null {
  const named = namesJustBefore(pm, sentence, head);
  return named.length === 1 ? named[0]! : null;
}

/**
 * Every name the two sentences just before give to a thing of the head word ("" for one the engine cannot read). Only
 * sentences of the sentence's own section count: the last lines of the section before are not just before a section's
 * first sentence ("…The Indian Forest Act is likewise excluded." does not say which act "Composition / Under Section 4 of
 * the Act" means).
 */
function namesJustBefore(pm: ProcessedMaterial, sentence: Sentence, head: string): string[] {
  const section = (s: Sentence) => pm.blocks[s.blockIndex]?.headingIndex;
  let from = sentence.index;
  while (from > 0 && from > sentence.index - 2 && section(pm.sentences[from - 1]!) === section(sentence)) from--;
  const previous = pm.sentences[from];
  if (!previous || previous.index === sentence.index) return [];
  // The readings are in the text's order: only those after the earlier sentence's start are looked at.
  const readings = nameReadings(pm, head);
  const named = new Set<string>();
  for (let i = firstReadingAfter(readings, previous.start); i < readings.length && readings[i]!.at <= sentence.start; i++) named.add(readings[i]!.full ?? "");
  return [...named];
}

/**
 * Is "the <head>" a word of its own here, whatever full names end in it: a word a text uses for a body or office
 * everyone reading it knows (`sharedReferents`: "the Centre", "the Company", "the Government"), unless one of the two
 * sentences just before named the one meant ("The Southern Union was founded in 2002. The Union has 55 members."): "the
 * Centre" beside a "Space Applications Centre" named elsewhere is the Union government. A wrong name is worse than none.
 */
function usedOnItsOwn(pm: ProcessedMaterial, sentence: Sentence, head: string, candidates: string[]): boolean {
  return SHARED_REFERENTS.has(head) && candidates.length > 0 && !namedJustBefore(pm, sentence, head);
}

/**
 * What a short "the <head>" the sentence does not name in full stands for, one decision for `resolveShortNames` and
 * `resolveKindSubjects`: `{ name }` to put in, "keep" to leave it as written, "fail" when the reader cannot tell which.
 * No full name: "fail" for a kind a text names several of ("The Act requires…" in a material naming no act:
 * `namedKinds`), "keep" otherwise ("the Senate"). A word everyone reading knows ("the Centre") is kept
 * (`usedOnItsOwn`). One full name: as `singleAntecedent` settles it ("the Speaker" used on its own before a "Deputy
 * Speaker" is an office of its own; "the Act" after a name the engine cannot read fails for a kind word). Two or more:
 * "the Act" is either of them when the word says a kind of thing (an act, a court, a commission: `namesAKind`) or the
 * material uses it as a common noun — unless the material is about one of them (`dominantName`: "the Act" in an essay
 * on the National Food Security Act that once names the Food Corporations Act) or the sentences just before named one
 * (`namedJustBefore`); "the Taliban" is a name of its own and kept.
 */
export function settleShortName(pm: ProcessedMaterial, sentence: Sentence, head: string): { name: string } | "keep" | "fail" {
  const candidates = antecedentsOf(pm, head, sentence.start);
  if (!candidates.length) return NAMED_KINDS.has(head) ? "fail" : "keep";
  if (usedOnItsOwn(pm, sentence, head, candidates)) return "keep";
  const kind = namesAKind(head);
  if (candidates.length === 1) {
    const settled = singleAntecedent(pm, head, candidates[0]!, sentence.start);
    if (settled === "named") return { name: candidates[0]! };
    return settled === "unsettled" && kind ? "fail" : "keep";
  }
  if (!kind && !new RegExp(String.raw`\b${head.toLowerCase()}s?\b`).test(pm.material.text)) return "keep";
  // What the text around the sentence names (the sentences just before, the section's heading) and what the material is
  // about must agree: "The Council is chaired by the Union Finance Minister" right after "the GST Council" in an essay
  // that mostly names the Inter-State Council, or "the Commission" under "The Sarkaria Commission" in one that mostly
  // names the Administrative Reforms Commission, may be either.
  const near = new Set(namesJustBefore(pm, sentence, head));
  const heading = namedInHeading(pm, sentence, candidates);
  if (heading !== null) near.add(heading);
  const dominant = dominantName(pm, sentence, candidates);
  // (A name just before that the engine cannot read, "", may be the one meant.)
  if (near.size > 1 || near.has("") || (near.size === 1 && dominant && !near.has(dominant))) return "fail";
  const name = near.size === 1 ? [...near][0]! : dominant;
  return name ? { name } : "fail";
}

/**
 * The one candidate the heading of the sentence's section names as its subject ("The Sarkaria Commission"); "" when the
 * heading names more than one of them ("The Sarkaria and Punchhi Commissions", "The Sarkaria Commission and the Punchhi
 * Commission") or one only inside a longer name ("The 2013 Land Acquisition Act" is no "Land Acquisition Act" of 1894):
 * either may be meant; null when it names none.
 */
function namedInHeading(pm: ProcessedMaterial, sentence: Sentence, candidates: string[]): string | null {
  const headingIndex = pm.blocks[sentence.blockIndex]?.headingIndex;
  const block = headingIndex === undefined ? undefined : pm.blocks[headingIndex];
  if (!block || block.kind !== "heading") return null;
  const heading = pm.material.text.slice(block.start, block.end);
  const inside = candidates.filter((c) => new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(c)}(?![\p{L}\p{N}])`, "u").test(heading));
  if (!inside.length) return null;
  const whole = inside.filter((c) => new RegExp(String.raw`^(?:[Tt]he\s+)?${escapeRegExp(c)}(?:\s*(?:[:(–—-]|$))`, "u").test(heading.trim()));
  return inside.length === 1 && whole.length === 1 ? whole[0]! : "";
}

/** How many times as often as any other full name the material must name one for its short name to stand for it. */
export const DOMINANT_NAME_RATIO = 3;
