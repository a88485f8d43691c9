import { z } from "zod";
import type { ProcessedMaterial, Sentence, Token } from "@/lib/material/schemas";
import { escapeRegExp } from "@/lib/text/regexp";
import { tagged } from "./descriptions";
import referentNeedsData from "./referent-needs.json";
import discourseData from "./discourse-referents.json";
import pronounCues from "./pronoun-cues.json";

/**
 * Referents other than a definite description's (issue 9; `descriptions.ts` reads "the treaty", "the matter"). A blind
 * examiner's largest class of items that did not stand on their own: a word that needs something the item does not give.
 *
 * - a numbered provision with no text named ("Section 19", "clause (b)", "Paragraph 7": of which Act, which Schedule?);
 * - a role with no complement ("the chairperson", "Patron-in-Chief", "member secretary": of what?);
 * - a natural kind named only by its class ("the tree", "the species", "the weed": which one?);
 * - a verb that needs an object used with none ("Over 300 delegates attended.", "the ministers who attended…");
 * - an unnamed thing received or won ("received an award in 2019": which award? the answer tests nothing);
 * - a report named only by a blank ("The _____ assessment found…": one of several fits);
 * - an opening that ties the statement to one not shown ("Likewise, …", "Further orders…");
 * - a blank at one end of a span of examples ("tiger reserves from _____ to Mudumalai"): a second answer fits.
 *
 * Two uses, as in `descriptions.ts`: `withResolvedReferents` (through context.ts `inContext`) names the text a provision
 * belongs to only when that is certain ("Section 6" → "Section 6 of the Biological Diversity Act" when the paragraph
 * names that Act before it and no other text, and no word for a law other than in its name: `ownerOf`); kinds are never
 * filled;
 * `unresolvedReferent` (through quality.ts `itemDefect`) finds in an item's own text what still needs a referent, and the
 * item is dropped with that reason. The words are data (`referent-needs.json`).
 */

const needs = z
  .object({
    provisions: z.record(z.string(), z.array(z.string())),
    containerWords: z.array(z.string()),
    relationalNouns: z.array(z.string()),
    organisationWords: z.array(z.string()),
    kindNouns: z.array(z.string()),
    kindPlurals: z.record(z.string(), z.string()),
    objectVerbs: z.array(z.string()),
    placeholderObjects: z.array(z.string()),
    placeholderVerbs: z.array(z.string()),
    reportNouns: z.array(z.string()),
    connectiveOpeners: z.array(z.string()),
    contrastLeads: z.array(z.string()),
    amendingVerbs: z.array(z.string()),
    ordinals: z.array(z.string()),
    lawWords: z.array(z.string()),
    ownerNotKinds: z.array(z.string()),
    ownerNotNameWords: z.array(z.string()),
    months: z.array(z.string()),
    notKindNames: z.array(z.string()),
    clauseVerbs: z.array(z.string()),
    roleLeadNotNames: z.array(z.string()),
    roleNounCues: z.array(z.string()),
    roleModifiers: z.array(z.string()),
    ordinaryRoles: z.array(z.string()),
    compositionVerbs: z.array(z.string()),
    eventNouns: z.array(z.string()),
    eventVerbs: z.array(z.string()),
    kindIdioms: z.array(z.string()),
    exampleLeads: z.array(z.string()),
    secondOfKind: z.array(z.string()),
    notProvisionAfter: z.array(z.string()),
    placingVerbs: z.array(z.string()),
    containerAbbreviations: z.record(z.string(), z.tuple([z.string(), z.string()])),
    notContainerNameTails: z.array(z.string()),
    numberedContainers: z.array(z.string()),
  })
  .parse(referentNeedsData);

const MONTHS = "(?:" + needs.months.join("|") + ")";
const alt = (words: readonly string[]) => words.map((w) => escapeRegExp(w).replace(/ /g, String.raw`\s+`)).sort((a, b) => b.length - a.length).join("|");
const L = String.raw`\p{L}\p{M}`;

// ---------------------------------------------------------------------------------------------------------------------
// Provisions

const DESIGNATIONS = Object.keys(needs.provisions);
const UNITS = alt(needs.notProvisionAfter);
/**
 * "Section 4(1)", "Sections 10 and 12", "clause (b)", "Paragraph _____", "Regulation VII"; in small letters only one
 * provision, with a number ("paragraph 6", "section 19(1)") not followed by a unit — "weaker sections 12 per cent"
 * cites nothing.
 */
const NUMBER = String.raw`(?:(?:\d+|_____)[A-Z]{0,2}(?:\(\w{1,4}\))*|\(\w{1,4}\)(?:\(\w{1,4}\))*|[IVX]{2,6}|I)(?![\p{L}\p{N}])`;
const LEGAL_NUMBER = String.raw`(?:(?:\d+|_____)(?:[A-Z]{1,2}(?:\(\w{1,4}\))*|(?:\(\w{1,4}\))+)|\(\w{1,4}\)(?:\(\w{1,4}\))*)(?![\p{L}\p{N}])|(?:\d+|_____)(?=\s+(?:of|under)\b|\s*,\s*\p{Lu}{2,})`;
const PROVISION = new RegExp(
  String.raw`(?<![${L}-])(?:(${alt(DESIGNATIONS)})s?\s+${NUMBER}(?:\s*(?:,|and|or|to)\s*${NUMBER})*|(${alt(DESIGNATIONS.map((d) => d.toLowerCase()))})\s+(?:${LEGAL_NUMBER}|${NUMBER}))(?!\s+(?:${UNITS})(?![${L}]))`,
  "gu",
);
/** The designation a PROVISION match cites. */
const designationOf = (m: RegExpMatchArray) => (m[1] ?? m[2])!;
/** What follows a provision that already says whose it is ("… of the Act", "… of this Act", ", IPC", "under the Code"). */
const PROVISION_OWNED_AFTER = /^\s*of\b|^\s*(?:in|under)\s+(?:the|this|that|its)\s+(?:[\w()-]+\s+){0,6}?(?:Act|Code|Rules|Regulations|Schedule|Constitution|Ordinance|Bill|act|code|law|rules|schedule)\b|^\s*,?\s*\(?\p{Lu}{2,}\b/u;
/** A provision put into a text ("added clauses (4) and (5) to Article 368", "inserting Section 61A … into the … Act"): placed, not cited. */
const PLACED_AFTER = new RegExp(String.raw`^[^.;]{0,80}?\b(?:to|into|in)\s+(?:the\s+|this\s+|that\s+)?(?:[\w()'’,-]+\s+){0,8}?(?:Act|Code|Rules|Regulations|Schedule|Constitution|Ordinance|Bill|Article\s+\d)`, "u");
const PLACING_BEFORE = new RegExp(String.raw`(?<![${L}])(?:${alt(needs.placingVerbs)})\s+(?:(?:a|an|the|new|two|three|\w+ly)\s+){0,2}$`, "iu");
const isPlaced = (text: string, at: number, end: number) => PLACING_BEFORE.test(text.slice(Math.max(0, at - 40), at)) && PLACED_AFTER.test(text.slice(end));
/**
 * A text named in the item: a capitalised container word ("… of the Act", "the Tenth Schedule", "Article 31"), or a small
 * one after "the" ("the anti-defection law"; not "rules of natural justice", "a law").
 */
const CONTAINER_WORD = new RegExp(
  String.raw`(?<![${L}])(?:${alt(needs.containerWords.map((w) => w.charAt(0).toUpperCase() + w.slice(1)))})(?![${L}])|(?<![${L}])[Tt]he\s+(?:[\p{L}\p{M}-]+\s+){0,3}(?:${alt(needs.containerWords)})(?![${L}])|(?<![${L}])(?:${alt(Object.keys(needs.containerAbbreviations))})(?![${L}])`,
  "u",
);

/**
 * Does the text name a text a provision may be part of before the provision at `at` ("The Biological Diversity Act also
 * empowers … under Section 37", "With reference to the anti-defection law: Paragraph 2 …")? One named only after it
 * ("Under Section 22, a Lok Adalat has the powers of a civil court under the Code of Civil Procedure") is another text.
 */
function namesContainerBefore(text: string, at: number): boolean {
  return CONTAINER_WORD.test(text.slice(0, at).replace(PROVISION, ""));
}

/** The designation's canonical key ("Section" for "sections", "sub-section"). */
function designationKey(word: string): string | undefined {
  const w = word.toLowerCase();
  return DESIGNATIONS.find((d) => d.toLowerCase() === w);
}

const CONTRAST_BEFORE = new RegExp(String.raw`(?<![${L}])(?:${alt(needs.contrastLeads)})\s+(?:the\s+)?$`, "iu");
/** "Its Section 44(3)", "substituted Section 8(1)(j)": a provision whose text is another's, or changed by the one named. */
const OWNER_OR_CHANGE_BEFORE = new RegExp(String.raw`(?:(?<![${L}])(?:its|their|whose)\s+|(?<![${L}])(?:${alt(needs.amendingVerbs)})\s+(?:the\s+)?)$`, "iu");

/** Every kind of text any provision may be part of ("Act", "Schedule", "Article"…). */
const ALL_KINDS = [...new Set(Object.values(needs.provisions).flat())];
const NOT_NAME_TAIL = new RegExp(String.raw`^(?:the\s+)?(?:${alt(needs.notContainerNameTails)})$`, "iu");

/**
 * The names of texts of these kinds ("Act", "Schedule") a text gives, as written ("Contempt of Courts Act, 1971", "Tenth
 * Schedule", "Biological Diversity (Amendment) Act", "Code of Criminal Procedure", "Model Code of Conduct", "Article 368",
 * "IPC"), with a key that ignores the year and the article; and whether it uses such a word in a way none of these
 * readings names ("the 1986 Act") — a text named, but not which.
 */
function containerNames(text: string, kinds: readonly string[]): { names: Array<{ name: string; key: string }>; unread: boolean } {
  const names: Array<{ name: string; key: string }> = [];
  const spans: Array<[number, number]> = [];
  const add = (name: string, at: number, end: number) => {
    names.push({ name, key: name.replace(/,?\s+(?:1[5-9]|20)\d\d$/, "").toLowerCase().replace(/\s+/g, " ") });
    spans.push([at, end]);
  };
  const kindAlt = alt(kinds);
  const caps = String.raw`(?:\p{Lu}[${L}'’-]*|\d+(?:st|nd|rd|th)|\([\p{Lu}][${L}\s]*\))`;
  const year = String.raw`(,?\s+(?:1[5-9]|20)\d\d)?`;
  // Kind first: "Code of Criminal Procedure", "Model Code of Conduct", "Rules of Business" (not "… of the Constitution").
  for (const m of text.matchAll(new RegExp(String.raw`(?<![${L}])((?:\p{Lu}[${L}'’-]*\s+){0,3})(${kindAlt})\s+of\s+((?:the\s+)?\p{Lu}[${L}'’-]*(?:\s+(?:and\s+|&\s+)?\p{Lu}[${L}'’-]*){0,4})${year}`, "gu"))) {
    if (NOT_NAME_TAIL.test(m[3]!) || new RegExp(String.raw`(?<![${L}])(?:${alt(ALL_KINDS)}|Constitution)$`, "u").test(m[3]!)) continue;
    const lead = m[1]!.replace(/^(?:(?:The|This|That|Its|Their|A|An|Under|In|Of|By)\s+)+/, "");
    add(`${lead}${m[2]} of ${m[3]}${m[4] ?? ""}`, m.index + m[0].indexOf(m[2]!, m[1]!.length) - lead.length, m.index + m[0].length);
  }
  // Kind and number: "Article 368", "Schedule VII".
  for (const m of text.matchAll(new RegExp(String.raw`(?<![${L}])(${alt(kinds.filter((k) => needs.numberedContainers.includes(k)))})\s+(\d+[A-Z]{0,2}|[IVX]{1,6})(?![${L}\d(])`, "gu"))) {
    if (!needs.numberedContainers.some((k) => k === m[1])) continue;
    add(`${m[1]} ${m[2]}`, m.index, m.index + m[0].length);
  }
  // Abbreviations: "IPC", "CrPC".
  for (const [abbr, [name, kind]] of Object.entries(needs.containerAbbreviations)) {
    if (!kinds.includes(kind!)) continue;
    for (const m of text.matchAll(new RegExp(String.raw`(?<![${L}])${escapeRegExp(abbr)}(?![${L}])`, "gu"))) {
      names.push({ name: name!, key: name!.toLowerCase() });
      spans.push([m.index, m.index + m[0].length]);
    }
  }
  const within = (at: number) => spans.some(([a, b]) => at >= a && at < b);
  // "Section 8(2) allows access, notwithstanding the Official Secrets Act": a text set against, not the one discussed.
  let unread = spans.some(([a]) => CONTRAST_BEFORE.test(text.slice(Math.max(0, a - 40), a)));
  const re = new RegExp(String.raw`(?<![${L}])((?:${caps}\s+(?:(?:of|and|for|on|to|the|&)\s+)*){1,8})(${kindAlt})(?![${L}])${year}`, "gu");
  for (const m of text.matchAll(re)) {
    const kindAt = m.index + m[1]!.length;
    if (within(kindAt)) continue;
    let lead = m[1]!.replace(/^(?:(?:The|This|That|These|Those|Its|Their|A|An|Under|In|Of|By|From|With|Section|Sections|Clause|Rule|Paragraph)\s+)+/, "");
    // A lead of joiners only ("of the Act") or none names nothing.
    if (!/^\p{Lu}|^\d/u.test(lead.trim())) continue;
    lead = lead.trimEnd();
    // "Structure of the Code": a joiner right before the kind makes it "the Code", a description, not a name's end.
    if (/(?:^|\s)(?:of|and|for|on|to|the|&)$/.test(lead)) continue;
    // "Provisions of the Tenth Schedule": the name starts at its ordinal.
    lead = lead.replace(new RegExp(String.raw`^.*\bof\s+the\s+(?=(?:${alt(needs.ordinals)}|\d+(?:st|nd|rd|th))\s*$)`, "u"), "");
    if (CONTRAST_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index + m[0].indexOf(lead)))) unread = true;
    add(`${lead} ${m[2]}${m[3] ?? ""}`, m.index + m[0].indexOf(lead), m.index + m[0].length);
  }
  // A kind word in capitals that none of these reads ("the 1986 Act", "Act 7"), not a mention back ("the Act", "an Act").
  for (const m of text.matchAll(new RegExp(String.raw`(?<![${L}])(?:${kindAlt})(?![${L}])`, "gu"))) {
    if (within(m.index)) continue;
    const before = text.slice(0, m.index);
    if (/(?:^|[^\p{L}])(?:the|this|that|said|such|an?|any|every|each|its|their|other|same|parent|new|principal|amending|amended)\s+$|^\s*$/iu.test(before)) continue;
    // After a joiner that ends a description ("Structure of the Code") or a designation ("Section 3 of the Act").
    if (/\b(?:of|the)\s+$/i.test(before)) continue;
    unread = true;
  }
  return { names, unread };
}

/** The one text of these kinds that `texts` name (by key), "none", or null when they name several or one none can read. */
function onlyContainer(texts: readonly string[], kinds: readonly string[]): string | null | "none" {
  const byKey = new Map<string, string>();
  for (const t of texts) {
    const { names, unread } = containerNames(t, kinds);
    if (unread) return null;
    for (const c of names) if (!byKey.has(c.key) || c.name.length > byKey.get(c.key)!.length) byKey.set(c.key, c.name);
  }
  if (byKey.size === 0) return "none";
  return byKey.size === 1 ? [...byKey.values()][0]! : null;
}

const LAW_WORD = new RegExp(String.raw`(?<![${L}])(?:${alt(needs.lawWords)})(?![${L}])`, "iu");
const NOT_OWNER_KIND = new RegExp(String.raw`(?<![${L}])(?:${alt(needs.ownerNotKinds)})(?:,?\s+(?:1[5-9]|20)\d\d)?$`, "u");
const NOT_OWNER_NAME_WORD = new RegExp(String.raw`(?<![${L}])(?:${alt(needs.ownerNotNameWords)})(?![${L}])`, "iu");

/**
 * Is `owner` certainly the text a provision of `sentence` is part of? Not a Rules or Regulations (their "Section 6" is
 * the parent Act's), not an Amendment Act (its sections change another Act's), and the paragraph, from its start to the
 * end of the sentence, uses no word for a law outside the owner's own name: "… in the Code", "a separate law", "a 1974
 * law", "the Act" may each be the text the provision is part of.
 */
function isCertainOwner(pm: ProcessedMaterial, sentence: Sentence, owner: string): boolean {
  if (NOT_OWNER_KIND.test(owner) || NOT_OWNER_NAME_WORD.test(owner)) return false;
  const paragraph = pm.sentences.filter((s) => s.blockIndex === sentence.blockIndex && s.index <= sentence.index).map((s) => s.text).join(" ");
  const names = [owner, owner.replace(/,?\s+(?:1[5-9]|20)\d\d$/, "")].map((n) => escapeRegExp(n).replace(/\s+/g, String.raw`\s+`));
  const rest = paragraph.replace(new RegExp(String.raw`(?<![${L}])(?:${names.join("|")})(?![${L}])`, "giu"), " ");
  return !LAW_WORD.test(rest);
}

/**
 * The text a provision with no owner is part of, or null: the one text its paragraph names before it (earlier sentences
 * and the sentence up to the provision), when the paragraph, all of it, names no other and none it cannot read, and the
 * owner is certain (`isCertainOwner`). Never a heading's or the title's: "Section 24" under "The Environment (Protection)
 * Act, 1986" in a paragraph about "a 1974 law" is that law's. "Section 8(2) … notwithstanding the Official Secrets Act"
 * is left alone: the sentence names a second Act.
 */
function ownerOf(pm: ProcessedMaterial, sentence: Sentence, before: string, kinds: readonly string[]): string | null {
  const block = pm.sentences.filter((s) => s.blockIndex === sentence.blockIndex);
  // A paragraph where a provision is changed ("Its Section 44(3) substituted Section 8(1)(j)") speaks of two texts' provisions.
  if (block.some((s) => [...s.text.matchAll(PROVISION)].some((m) => OWNER_OR_CHANGE_BEFORE.test(s.text.slice(Math.max(0, m.index - 30), m.index))))) return null;
  const all = onlyContainer(block.map((s) => s.text), kinds);
  if (!all || all === "none") return null;
  const named = onlyContainer([...block.filter((s) => s.index < sentence.index).map((s) => s.text), before], kinds);
  if (!named || named === "none" || named.toLowerCase() !== all.toLowerCase()) return null;
  return isCertainOwner(pm, sentence, named) ? named : null;
}

/**
 * "Section 6 requires…" → "Section 6 of the Biological Diversity Act requires…": the text a provision with no owner is
 * part of, when the material says so beyond doubt (`ownerOf`). Left as written otherwise (the screen then drops the
 * item); a plural ("Sections 3 and 4") is never filled.
 */
function withProvisionOwners(t: string, pm: ProcessedMaterial, sentence: Sentence): string {
  let out = t;
  for (const m of [...t.matchAll(PROVISION)].reverse()) {
    if (namesContainerBefore(t, m.index)) continue;
    const key = designationKey(designationOf(m));
    if (!key) continue;
    const end = m.index + m[0].length;
    const after = t.slice(end);
    if (PROVISION_OWNED_AFTER.test(after) || isPlaced(t, m.index, end)) continue;
    if (OWNER_OR_CHANGE_BEFORE.test(t.slice(Math.max(0, m.index - 30), m.index))) continue;
    // A plural or a list ("Sections 3 and 4", "Section 3, 4"): never filled.
    if (m[0].split(/\s+/)[0]!.length > designationOf(m).length || !/^\S+\s+\S+$/.test(m[0])) continue;
    const owner = ownerOf(pm, sentence, t.slice(0, m.index), needs.provisions[key]!);
    if (!owner) continue;
    // "of Article 32", "of the Tenth Schedule".
    const numbered = new RegExp(String.raw`^(?:${alt(needs.numberedContainers)})\s`, "u").test(owner);
    out = `${out.slice(0, end)} of ${numbered ? "" : "the "}${owner}${out.slice(end)}`;
  }
  return out;
}

/** A numbered provision the item gives no owner of ("Section _____ requires…"), or null. */
function provisionWithoutOwner(text: string): string | null {
  for (const m of text.matchAll(PROVISION)) {
    if (namesContainerBefore(text, m.index)) continue;
    if (!designationKey(designationOf(m))) continue;
    const end = m.index + m[0].length;
    if (PROVISION_OWNED_AFTER.test(text.slice(end)) || isPlaced(text, m.index, end)) continue;
    return m[0];
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------------
// Natural kinds

const KIND_PLURAL = new Map(Object.entries(needs.kindPlurals));
const pluralOf = (k: string) => KIND_PLURAL.get(k) ?? `${k}s`;
const KIND_FORMS = new Map<string, string>();
for (const k of needs.kindNouns) {
  KIND_FORMS.set(k, k);
  KIND_FORMS.set(pluralOf(k), k);
}
/** "the tree", "The species", "the weeds": a kind noun right after "the", nothing between. */
const BARE_KIND = new RegExp(String.raw`(?<![${L}])([Tt]he)\s+(${alt([...KIND_FORMS.keys()])})(?![${L}-])`, "gu");
/** What after a kind noun says which one ("the species of frog", "the tree known as…", "the species Panthera…"), or makes it a compound's modifier ("the tree cover", "the plant's output"). */
const KIND_SAID_AFTER = /^(?:\s+(?:of|that|which|whose|known|called|named|found|native|endemic|listed|introduced)\b|\s+\p{Lu}|\s*[("“]|\s*,\s+\p{Lu}|-|['’])/u;

/** Words before a kind noun that rank, count or describe, never name ("the same species", "cut trees", "these weeds"). */
const NOT_A_KIND_NAME = new RegExp(String.raw`^(?:${alt(needs.notKindNames)})$`, "i");

/**
 * The names a text gives a thing of this kind, `[original, key]`: a compound of nouns or names before the kind noun
 * ("khejri trees", "Lantana weed"), a copula with the kind as its complement ("Lantana camara is an invasive shrub", "The
 * snow leopard is a species of big cat"), or a name before a binomial in brackets ("the Asiatic cheetah (Acinonyx
 * jubatus)" for "the species"). `tokens` index `text` from `base`.
 */
function kindNamesIn(text: string, tokens: readonly Token[], base: number, kind: string): Array<[string, string]> {
  const forms = new Set([kind, pluralOf(kind)]);
  const out: Array<[string, string]> = [];
  const word = (k: number) => text.slice(tokens[k]!.start - base, tokens[k]!.end - base);
  tokens.forEach((t, k) => {
    if (t.start - base < 0 || t.end - base > text.length || !forms.has(word(k).toLowerCase())) return;
    let first = k;
    while (first > 0 && k - first < 2 && /^(?:NOUN|PROPN)$/.test(tokens[first - 1]!.pos) && !NOT_A_KIND_NAME.test(word(first - 1)) && tokens[first - 1]!.end - base >= 0) first--;
    if (first === k) return;
    const name = text.slice(tokens[first]!.start - base, tokens[k - 1]!.end - base);
    if (!/[\s-]/.test(name) && name.length < 3) return;
    // "Rohida and ber trees", "Invasive fish such as the catfish and tilapia": more than one kind is meant.
    const joined = first > 0 && tokens[first - 1]!.end - base >= 0 && /^(?:and|or|&|,)$/i.test(word(first - 1));
    if (joined || new RegExp(String.raw`^\s+(?:${alt(needs.exampleLeads)})(?![${L}])`, "iu").test(text.slice(t.end - base))) {
      out.push([name, name.toLowerCase()], ["", AMBIGUOUS]);
      return;
    }
    // "Invasive fish were…": a capitalised first word that is an adjective in small letters describes, never names.
    const atStart = !/[\p{L}\p{N}]/u.test(text.slice(0, tokens[first]!.start - base).replace(/^\s*(?:The|the)\s*$/, ""));
    if (atStart && !/\s/.test(name) && tagged(`the ${name.toLowerCase()} ${word(k)}`)[1]?.pos === "ADJ") {
      out.push(["", AMBIGUOUS]);
      return;
    }
    out.push([name, name.toLowerCase()]);
  });
  const kindForms = alt([...forms]);
  for (const m of text.matchAll(new RegExp(String.raw`(?:^|[.;]\s+|,\s+)(?:The\s+|the\s+)?((?:[${L}][${L}'’-]*\s+){0,2}[${L}][${L}'’-]*)\s+(is|are|was|were)\s+(?:an?|the)?\s*(?:[\w-]+\s+){0,3}(${kindForms})(?![${L}-])`, "gu"))) {
    const name = m[1]!.trim();
    if (name.split(/\s+/).some((w) => NOT_A_KIND_NAME.test(w)) || /^(?:it|they|which|who|there|he|she|we)$/i.test(name)) continue;
    // "Mangroves are salt-tolerant trees": a class, not one kind the paragraph names.
    if (/^(?:are|were)$/.test(m[2]!) && m[3]!.toLowerCase() === pluralOf(kind) && pluralOf(kind) !== kind) {
      out.push(["", AMBIGUOUS]);
      continue;
    }
    out.push([name, name.toLowerCase()]);
  }
  if (kind === "species") {
    // The whole run of capitalised words before a binomial ("the Great Indian Bustard (Ardeotis nigriceps)"), or one or two small words.
    for (const m of text.matchAll(new RegExp(String.raw`((?:\p{Lu}[${L}'’-]*\s+){1,5}|(?:[${L}][${L}'’-]*\s+)?[${L}][${L}'’-]*\s+)\(\s*\p{Lu}[a-z]+\s+[a-z]{3,}(?:\s+[a-z]{3,})?\s*\)`, "gu"))) {
      const words = m[1]!.trim().split(/\s+/).filter((w) => !NOT_A_KIND_NAME.test(w));
      if (words.length) out.push([words.join(" "), words.join(" ").toLowerCase()]);
    }
  }
  // "Prosopis juliflora, another invasive, …": a second thing of the kind after the first.
  if (new RegExp(String.raw`(?<![${L}])(?:${alt(needs.secondOfKind)})(?![${L}])`, "iu").test(text)) out.push(["", AMBIGUOUS]);
  return out;
}

/** The key `kindNamesIn` gives when a text names more than one thing of the kind, or one it cannot say. */
const AMBIGUOUS = "\u0000ambiguous";

/** A kind noun used as a compound's modifier ("the tree cover of…", "the fish catch fell"): no thing of the kind is meant. */
function isCompoundModifier(tokens: readonly Token[], k: number, form: string, kind: string): boolean {
  // A plural ("the trees") is no modifier; a singular is, before a noun or a verb-tagged noun that a verb or "of" follows.
  if (form !== kind) return false;
  const next = tokens[k + 1];
  const after = tokens[k + 2];
  return !!next && /^(?:NOUN|VERB)$/.test(next.pos) && !!after && (/^(?:VERB|AUX)$/.test(after.pos) || after.lemma === "of");
}

/** A kind named only by its class ("the trees", "The species"), nothing in the item saying which one, or null. */
function bareKind(text: string): string | null {
  const found = [...text.matchAll(BARE_KIND), ...text.matchAll(DESCRIBED_KIND)].sort((a, b) => a.index - b.index);
  for (const m of found) {
    const phrase = m[0];
    const form = m[m.length - 1]!.toLowerCase();
    // "the big fish eat the small ones": an idiom, not a natural kind.
    if (KIND_IDIOM.test(text.slice(m.index))) continue;
    if (KIND_SAID_AFTER.test(text.slice(m.index + phrase.length))) continue;
    const kind = KIND_FORMS.get(form)!;
    const tokens = tagged(text);
    const headStart = m.index + phrase.length - form.length;
    const k = tokens.findIndex((t) => t.start === headStart);
    if (k >= 0 && isCompoundModifier(tokens, k, form, kind)) continue;
    // "the thorny tree", "the invasive weed": only adjectives between, none that picks one out ("the tallest tree").
    if (m.length > 3) {
      const mods = tokens.filter((t) => t.start > m.index + 3 && t.end < headStart);
      if (!mods.length || mods.some((t) => t.pos !== "ADJ" || /est$/i.test(text.slice(t.start, t.end)) || NOT_A_KIND_NAME.test(text.slice(t.start, t.end)))) continue;
    }
    // Named earlier in the item: "Khejri trees are sacred…; the trees…", "Lantana camara is a weed… the weed…".
    const own = text.slice(0, m.index);
    if (kindNamesIn(own, tokens.filter((t) => t.end <= m.index), 0, kind).some(([, key]) => key !== AMBIGUOUS)) continue;
    return phrase;
  }
  return null;
}

const KIND_IDIOM = new RegExp(String.raw`^(?:the\s+)(?:${alt(needs.kindIdioms)})(?![${L}])`, "iu");

/** "The thorny tree", "the invasive weed": a kind noun after one or two words in small letters (read as adjectives above). */
const DESCRIBED_KIND = new RegExp(String.raw`(?<![${L}])([Tt]he)\s+((?:[a-z][a-z-]*\s+){1,2})(${alt([...KIND_FORMS.keys()])})(?![${L}-])`, "gu");

// ---------------------------------------------------------------------------------------------------------------------
// Roles, objects, placeholders, reports, openings

const RELATIONAL = new RegExp(String.raw`(?<![${L}-])(${alt(needs.relationalNouns)})s?(?![${L}-])`, "giu");
const ORGANISATION_WORD = new RegExp(String.raw`(?<![${L}])(?:${alt(needs.organisationWords)})s?(?![${L}])`, "iu");
/** An acronym ("ISRO", "NITI", "NTCA") names a body. */
const ACRONYM = /(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/u;
/** A role's complement after it: "of the Board", "for Kerala", "to the President", "(NITI Aayog)"; not "of the rank of…". */
const ROLE_SAID_AFTER = new RegExp(String.raw`^\s*(?:of|for)\s(?!(?:the\s+)?(?:rank|level|grade|status|standing|age|pay)\b)|^\s*(?:to|at|in|on)\s+(?:the\s+|a\s+|an\s+)?(?!${MONTHS}\b)(?:\p{Lu}|[a-z]{4,}\s+(?:of|for)\b)|^\s*\(`, "u");

const ROLE_LEAD_NOT_NAME = new RegExp(String.raw`^(?:${alt(needs.roleLeadNotNames)})$`);
const ROLE_NOUN_USE = new RegExp(String.raw`(?:\b(?:${alt(needs.roleNounCues)})\s+(?:(?:${alt(needs.roleModifiers)})\s+){0,2})$`, "i");
const ORDINARY_ROLES = new Set(needs.ordinaryRoles);
const ORDINARY_ROLE_AFTER = /^\s+(?:to|towards|toward|on|in|and|with|against|down|up|first)\b/i;
/** A capitalised subject composed of the roles that follow ("The Lokpal consists of a Chairperson"). */
const COMPOSED_OF = new RegExp(String.raw`(?:^|[.;]\s+)(?:The\s+)?\p{Lu}[${L}-]*(?:\s+\p{Lu}[${L}-]*){0,3}\s+(?:${alt(needs.compositionVerbs)})\s+(?:[\w-]+\s+){0,8}$`, "u");

/** A role whose "of what" the item never says ("was the first vice-chairperson", "the member secretary"), or null. */
function roleWithoutComplement(text: string): string | null {
  if (ORGANISATION_WORD.test(text) || ACRONYM.test(text.replace(/_____/g, ""))) return null;
  for (const m of text.matchAll(RELATIONAL)) {
    if (ROLE_SAID_AFTER.test(text.slice(m.index + m[0].length))) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    // "the Board's chairperson", "Kerala's head": a possessor says whose; "its chairman" after a blank: the blank is the body.
    if (/['’]s\s+(?:[\w-]+\s+){0,2}$/.test(before) || (/\b(?:its|their)\s+(?:[\w-]+\s+){0,2}$/i.test(before) && text.slice(0, m.index).includes("_____"))) continue;
    // "NITI Aayog Vice-Chairperson", "the _____ budget head": a name or a blank in the phrase before the role.
    const lead = /(\p{Lu}[\p{L}\p{M}'’-]*)\s+$|(_____)\s+(?:[a-z-]+\s+)?$/u.exec(before);
    if (lead && (lead[2] || !ROLE_LEAD_NOT_NAME.test(lead[1]!))) continue;
    // Only a noun: after an article, a possessive, "as" or a verb of becoming, or a title in capitals ("head" is a verb too).
    const nounUse = ROLE_NOUN_USE.test(before);
    if (!nounUse && !/^\p{Lu}/u.test(m[0])) continue;
    // A word with an ordinary sense besides the role ("at their head", "the head to the north", "treated as its head",
    // "their heads"): a role only as "the head" (capitalised or after "the"), singular, not before a preposition of place.
    if (ORDINARY_ROLES.has(m[1]!.toLowerCase()) && (m[0].length > m[1]!.length || !/(?:^|[^\p{L}])the\s+(?:[\w-]+\s+){0,2}$/iu.test(before) || /\bwith\s+the\s+$/i.test(before) || ORDINARY_ROLE_AFTER.test(text.slice(m.index + m[0].length)))) continue;
    // "The Lokpal consists of a Chairperson and…": the body the sentence is about has the role.
    if (COMPOSED_OF.test(text.slice(0, m.index))) continue;
    return m[0];
  }
  return null;
}

const EVENT_BEFORE = new RegExp(String.raw`(?<![${L}])(?:${alt(needs.eventNouns)})s?(?![${L}])`, "iu");
const OBJECT_VERB = new RegExp(String.raw`(?<![${L}])(${alt(needs.objectVerbs)})(?![${L}])`, "gu");
/** What ends a clause with no object: the end, a stop or comma, a conjunction, or a date or blank after "in"/"on". */
const NO_OBJECT_AFTER = new RegExp(String.raw`^(?:\s*[.,;:!]|\s*$|\s+(?:and|but|while|whereas|although|though|because)\b|\s+(?:in|on|during|since|by|after|before)\s+(?:\d|_____|${MONTHS}\b)|\s+(?:last|this|next)\s+(?:year|month|week)\b)`);
/** The main verb right after a relative clause's verb ("who attended agreed…"): the clause had no object. */
const RELATIVE_ENDS = new RegExp(String.raw`^\s+(?:[a-z]+ed|${alt(needs.clauseVerbs)})(?![${L}])`, "u");

/** A verb that needs an object with none in the item ("delegates from 40 countries attended.", "who attended agreed"), or null. */
function verbWithoutObject(text: string): string | null {
  for (const m of text.matchAll(OBJECT_VERB)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    // A passive ("was signed in 1960", "were hosted") has its object as its subject.
    if (/\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:\w+ly\s+)?$/i.test(before)) continue;
    // "… was completed and inaugurated in 2018": the passive's participles joined.
    if (/\b(?:is|are|was|were|be|been|being)\s+(?:[\w-]+,?\s+){1,4}(?:and|or)\s+$/i.test(before)) continue;
    // A participle before a noun ("the signed agreement") or after one ("the countries visited by…") is no finite verb.
    const after = text.slice(m.index + m[0].length);
    if (/^\s+by\b/.test(after)) continue;
    // "… which India ratified in 2019", "which India signed in 2016 and ratified in October 2016": the relative pronoun
    // is the object, back to it within its clause.
    if (/\b(?:which|whom|what)\b[^;:.()]*$/i.test(text.slice(0, m.index)) || /\bthat\s+(?:[\w-]+\s+){1,4}$/i.test(before)) continue;
    // "the 2016 meeting …, and all the chief ministers who attended agreed": the event is named in the statement before.
    if (EVENT_BEFORE.test(text.slice(0, m.index)) && needs.eventVerbs.includes(m[0])) continue;
    // "The Pact was an agreement signed on 24 September…": a participle after a clause's own verb modifies a noun.
    const clause = text.slice(0, m.index).split(/[,;:(]/).pop()!;
    if (/\b(?:is|are|was|were|has|have|had)\b/i.test(clause)) continue;
    // "… universal ratification; even the newest member, South Sudan, ratified in 2013": the noun of the verb named it.
    if (new RegExp(String.raw`(?<![${L}])${escapeRegExp(m[0].slice(0, 5))}[${L}]*`, "iu").test(text.slice(0, Math.max(0, m.index - 1)).replace(/\S+\s*$/, ""))) continue;
    if (NO_OBJECT_AFTER.test(after)) return m[0];
    // "The ministers who attended agreed…": a relative clause that ends at the verb.
    if (/\b(?:who|that|which)\s+(?:also\s+)?$/i.test(before) && RELATIVE_ENDS.test(after)) return m[0];
  }
  return null;
}

const PLACEHOLDER = new RegExp(
  String.raw`(?<![${L}])(?:${alt(needs.placeholderVerbs)})\s+(?:an?|one|another)\s+((?:[a-z][a-z-]*\s+){0,2})(?:${alt(needs.placeholderObjects)})s?(?![${L}-])`,
  "gu",
);
/** What names the thing after it: "for…", "of…", "named…", a name or a title in quotes. */
const PLACEHOLDER_NAMED_AFTER = /^\s*(?:(?:for|of|from|named|called|known|titled|instituted|worth|at|in\s+recognition|in\s+(?:his|her|their|its|the)\s+(?:[\w-]+\s+)?(?:name|honou?r|memory))\b|[("“]|,?\s+(?:the\s+)?\p{Lu})/u;

/** An unnamed thing received or won ("received an award in 2019"), or null. */
function unnamedPlaceholder(text: string): string | null {
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (PLACEHOLDER_NAMED_AFTER.test(text.slice(m.index + m[0].length))) continue;
    return m[0];
  }
  return null;
}

/** "The _____ assessment found…", "as the _____ case showed": what a report (or case) found, the report said only by its blank — several may have found it. */
const BLANK_REPORT = new RegExp(String.raw`(?<![${L}])[Tt]he\s+_____\s+(?:(?!(?:of|in|on|for|to|by|at|under|with|and|or)\s)[a-z-]+\s+){0,2}(?:${alt(needs.reportNouns)})s?\s+(?:(?:had|has|have|also|later|then)\s+)?(?:found|noted|showed|shown|said|says|estimated|reported|concluded|observed|warned|projected|recorded|suggested|stated|revealed|highlighted)(?![${L}])`, "u");

/**
 * "tiger reserves from _____ to Mudumalai", "states from Punjab to _____": an end of a span of examples, which any other
 * member of the span would fill as well. (A route's or a range's own ends — "runs from _____ to Mombasa", "rose from
 * _____ to 9 per cent" — have no plural before them.)
 */
const SPAN_OF_EXAMPLES = /\b([a-z]{3,}s)\s+from\s+(?:_____\s+to\s+(?:the\s+)?\p{Lu}|(?:the\s+)?\p{Lu}[\p{L}\p{M}-]*(?:\s+\p{Lu}[\p{L}\p{M}-]*)*\s+to\s+_____)/u;

const CONNECTIVE_OPENER = new RegExp(String.raw`^(?:${alt(needs.connectiveOpeners)})(?:\s*,|\s+(?!(?:than|to|from|of)\b)[a-z][a-z-]*s\b)`, "iu");

// ---------------------------------------------------------------------------------------------------------------------
// Claims that lean on the text before them (`discourse-referents.json`)

const discourse = z
  .object({
    restatingVerbs: z.array(z.string()),
    summingPhrases: z.array(z.string()),
    restatingManners: z.array(z.string()),
    copyingPhrases: z.array(z.string()),
    assentVerbs: z.array(z.string()),
    shellNouns: z.record(z.string(), z.array(z.string())),
    shellModifiers: z.array(z.string()),
    shellIdioms: z.array(z.string()),
    seriesNouns: z.array(z.string()),
    seriesModifiers: z.array(z.string()),
    seriesOwners: z.array(z.string()),
    shortNameKinds: z.array(z.string()),
    mentionedThings: z.array(z.string()),
  })
  .parse(discourseData);
const EXPLETIVE_IT = z.object({ expletiveIt: z.array(z.string()) }).parse(pronounCues).expletiveIt.map((p) => new RegExp(p, "u"));

/** A verb of an earlier clause of the item, before `at`: what "did the same", "agreed" may stand for is in the item. */
function earlierClauseVerb(s: string, at: number): boolean {
  const before = s.slice(0, at);
  const boundary = [...before.matchAll(/[,;:]|(?<![\p{L}])(?:and|but|while|when|after|before|as|because|since|although|though|whereas|if|once|until)(?![\p{L}])/giu)].at(-1);
  if (!boundary) return false;
  return tagged(s).some((t) => t.end <= boundary.index && (t.pos === "VERB" || t.pos === "AUX"));
}

const RESTATING = new RegExp(String.raw`(?<![${L}])(?:${alt(discourse.restatingVerbs)})(?:\s+(${alt(discourse.restatingManners)}))?(?![${L}])`, "giu");
const SUMMING = new RegExp(String.raw`(?<![${L}])(?:${alt(discourse.summingPhrases)})(?![${L}])`, "giu");
const COPYING = new RegExp(String.raw`(?<![${L}])(?:${alt(discourse.copyingPhrases)})(?![${L}])`, "giu");
const ASSENT = new RegExp(String.raw`(?<![${L}])(?:${alt(discourse.assentVerbs)})(?![${L}])`, "gu");
/** A date after a verb: "in 1931", "on 4 March 1950", "in _____". */
const DATE_AFTER = String.raw`(?:\s+(?:in|on|during|by)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+)?(?:${MONTHS}\s+)?(?:\d{4}(?:-\d{2,4})?|_____))?`;
const ASSENT_ENDS = new RegExp(String.raw`^${DATE_AFTER}\s*(?:[.;!]|$)`, "u");

/**
 * A claim that is only a pointer to a statement the item does not show — "put it more bluntly" (what was put?), "did the
 * same", "followed suit" (as what?), "The Assembly agreed in 1931." (to what?) — or null. A colon or a quotation after a
 * restating verb gives what was said; an earlier clause with its own verb gives what was copied or agreed to.
 */
function leansOnDiscourse(s: string): string | null {
  for (const m of s.matchAll(RESTATING)) {
    const after = s.slice(m.index + m[0].length);
    if (/^\s*(?:[:"“‘']|,?\s*(?:that|as follows)\b)/u.test(after)) continue;
    if (m[1] || /^\s*(?:[.;!]|$)/.test(after)) return m[0];
  }
  // "summed it up in one line": what was summed up is the text before, unless a colon or a quotation gives it; "summed up"
  // with an object of its own ("summed up the debate") is a claim.
  for (const m of s.matchAll(SUMMING)) {
    const after = s.slice(m.index + m[0].length);
    if (/^\s*(?:[:"“‘']|,?\s*(?:that|as follows)\b)/u.test(after)) continue;
    if (/\bit\b/i.test(m[0]) || /^\s*(?:[.;!,)]|$|(?:in|at|with|by|for|on|during|when|thus|so|neatly|well|best|briefly)(?![\p{L}]))/u.test(after)) return m[0];
  }
  for (const m of s.matchAll(COPYING)) {
    if (/^\s+than\b/.test(s.slice(m.index + m[0].length))) continue;
    if (earlierClauseVerb(s, m.index)) continue;
    return m[0];
  }
  for (const m of s.matchAll(ASSENT)) {
    const before = s.slice(0, m.index);
    // A passive ("was agreed in 1987"), "as agreed", "had refused": no claim of its own; "the terms which Veldra refused".
    if (/(?:^|[^\p{L}])(?:is|are|was|were|be|been|being|as|if|had|has|have)\s+(?:\w+ly\s+)?$/iu.test(before)) continue;
    if (/(?:^|[^\p{L}])(?:which|that|what|whom|whatever)(?![\p{L}])[^;:.]*$/iu.test(before)) continue;
    if (!ASSENT_ENDS.test(s.slice(m.index + m[0].length))) continue;
    if (earlierClauseVerb(s, m.index)) continue;
    return m[0];
  }
  return null;
}

const SHELL_MODIFIERS = String.raw`(?:(?:${alt(discourse.shellModifiers)}|\w+est)\s+)*`;
const SHELL = new RegExp(String.raw`(?<![${L}])((?:[Tt]he|[Tt]hat)\s+${SHELL_MODIFIERS})(${alt(Object.keys(discourse.shellNouns))})(s?)(?![${L}-])`, "gu");
const SHELL_IDIOMS = discourse.shellIdioms.map((i) => new RegExp(String.raw`(?<![${L}])${escapeRegExp(i).replace(/ /g, String.raw`\s+`)}(?![${L}])`, "giu"));
/** A copula after the noun, perhaps after a phrase of place or time ("The central question in food policy since 1997 has been whether…"). */
const COPULA = /^(?:\s+(?:in|since|for|during|at|on|before|after)\s+[^,;:.()]{1,60}?)?\s+(?:is|was|are|were|has been|have been|had been|will be|remains|remained|became|becomes)\s+(?:(?:not|also|still|simply|now|then|often|perhaps|rather|always|long)\s+)*/iu;
/** What opens a later clause of the item, after which a shell noun may stand for what an earlier clause said ("…, though the point is debated"). */
const LATER_CLAUSE = /;|(?<![\p{L}])(?:and|but|though|although|while|whereas|yet)(?![\p{L}])/giu;
/** A past participle ("was retold", "was settled"): a copula with one says what happened to the thing, not what it is. */
const PARTICIPLE_FORM = /^(?:[a-z]+(?:ed|en|wn)|told|retold|made|held|set|put|kept|left|met|felt|found|brought|bought|thought|taught|sought|sold|won|lost|paid|said|laid|led|built|sent|spent|shut|cut|hit|run|begun|done|seen)$/;
const CONTENT_AFTER_COPULA = /^(?:that|whether|how|why|what|who|where|when|to|a|an|the|its|their|his|her|this|these|those|one|two|three|four|five|\d|_____|:|"|“)(?![\p{L}])/iu;

/**
 * A noun that stands for a statement or a content ("the difference", "the problem", "the story", "that point") with that
 * content nowhere in the item — "knows the difference", "The problem persisted until 1988" — or null. The content is
 * given by a word after it of the noun's own (`shellNouns`: "the difference between…", "the question of…"), a copula
 * with a noun phrase or a clause ("The question is whether…", "The problem was a shortage of…"; not "was solved"), a
 * colon, a bracket or a name after it, a word before it that names its kind ("the Kashmir question"), or the same noun
 * earlier in the item.
 */
function shellWithoutContent(s: string): string | null {
  for (const m of s.matchAll(SHELL)) {
    const noun = m[2]!.toLowerCase();
    const start = m.index;
    const end = m.index + m[0].length;
    if (SHELL_IDIOMS.some((re) => [...s.matchAll(re)].some((i) => i.index <= end && i.index + i[0].length >= end - m[2]!.length - m[3]!.length))) continue;
    const after = s.slice(end);
    if (/^\s*(?:[:(—–]|,\s+(?:the\s+)?\p{Lu})|^\s+\p{Lu}/u.test(after)) continue;
    if (new RegExp(String.raw`^\s+(?:${alt(discourse.shellNouns[noun]!)}|which|whose)(?![${L}])`, "iu").test(after)) continue;
    const tokens = tagged(s);
    const k = tokens.findIndex((t) => t.start === end - m[2]!.length - m[3]!.length);
    // "the question hour", "the point system": a compound's first noun.
    if (k >= 0 && /^(?:NOUN|PROPN)$/.test(tokens[k + 1]?.pos ?? "") && !/^(?:was|is)$/i.test(s.slice(tokens[k + 1]!.start, tokens[k + 1]!.end))) continue;
    const copula = COPULA.exec(after);
    if (copula) {
      const rest = after.slice(copula[0].length);
      const next = tokens.find((t) => t.start >= end + copula[0].length);
      if (CONTENT_AFTER_COPULA.test(rest) || (next && /^(?:NOUN|PROPN|NUM|PRON)$/.test(next.pos) && !PARTICIPLE_FORM.test(s.slice(next.start, next.end)))) continue;
      // "The problem was waterlogging.", "…was overgrazing, which…": a bare noun in -ing that ends the clause names the
      // content; one the lemmatiser takes to a verb's stem is a progressive ("was growing", "was worsening") and does not.
      if (next && /^\p{Ll}+ing\s*(?:[,.;:]|$)/u.test(rest) && next.lemma.toLowerCase() === s.slice(next.start, next.end).toLowerCase()) continue;
    }
    if (new RegExp(String.raw`(?<![${L}])${noun}s?(?![${L}])`, "iu").test(s.slice(0, start))) continue;
    // "…the only proper way to decide the question": the object of an infinitive that modifies, not the claim.
    if (/(?:^|[^\p{L}])to\s+[a-z]+\s+$/u.test(s.slice(0, start))) continue;
    // "…which would place him early in the second century, though the point is debated": an earlier clause with its own
    // verb may say what the noun stands for.
    const clause = [...s.slice(0, start).matchAll(LATER_CLAUSE)].at(-1);
    if (clause && tokens.some((t) => t.end <= clause.index && (t.pos === "VERB" || t.pos === "AUX"))) continue;
    return m[0].trim();
  }
  return null;
}

const SUBJECT_PRONOUN = /^(?:it|they|its|their)$/i;
const OPENING_WORD = /^(?:After|Before|In|On|During|Until|Till|By|From|Since|Despite|Under|At|Within|Throughout|Over|Through|Between|Among|For|With|Without|Across|Beyond|Unlike|Following|Upon|Amid|Later|Earlier|Today|Initially|Originally|Eventually|Finally|Subsequently|Thereafter|Meanwhile|Ultimately|Historically|Formally|Legally)$/;
/** Time words, which no pronoun stands for ("In 1950, it…", "In December its…"). */
const TIME_WORD = new RegExp(String.raw`^(?:\d[\d-]*s?|${MONTHS}|year|years|decade|century|period|time|independence|partition)$`, "iu");

/** A plural noun as tagged: "armies" (lemma "army"), "Cholas", "Morvians"; "the French", "the Dutch" (a people named by its adjective). */
function pluralHead(tokens: readonly Token[], s: string, k: number, first: number): boolean {
  const t = tokens[k]!;
  const w = s.slice(t.start, t.end);
  if (/(?:ss|us|is)$/i.test(w)) return false;
  if (t.pos === "NOUN") return /s$/i.test(w) && t.lemma.toLowerCase() !== w.toLowerCase();
  if (/^\p{Lu}/u.test(w) && /s$/.test(w)) return true;
  return k === first + 1 && /^the$/i.test(s.slice(tokens[first]!.start, tokens[first]!.end)) && t.pos === "ADJ";
}

/**
 * Is a possessive in the opening phrase ("At its height…, the Chola state controlled…", "Despite their defeat…, the French
 * kept…") the subject's that follows the phrase's comma — a name, or a determiner and a noun, then its verb, agreeing in
 * number ("its" singular, "their" plural)? "Since 1991, their share fell": no subject after the comma could own it.
 */
function ownerAfterOpening(s: string, tokens: readonly Token[], p: number): boolean {
  const word = (k: number) => (tokens[k] ? s.slice(tokens[k]!.start, tokens[k]!.end) : "");
  if (!OPENING_WORD.test(word(0))) return false;
  const comma = tokens.findIndex((_, k) => k > p && word(k) === ",");
  if (comma < 0 || tokens.slice(p + 1, comma).some((t, k) => (t.pos === "VERB" || t.pos === "AUX") && /^\p{Ll}/u.test(word(p + 1 + k)))) return false;
  const first = comma + 1;
  let k = first;
  if (/^(?:the|this|that|these|those)$/i.test(word(k))) k++;
  const start = k;
  while (tokens[k] && (/^(?:NOUN|PROPN)$/.test(tokens[k]!.pos) || /^\p{Lu}/u.test(word(k)) || (tokens[k]!.pos === "ADJ" && k > first))) k++;
  if (k === start || (start === first && !/^\p{Lu}/u.test(word(start)))) return false;
  const verb = tokens[k]?.pos === "ADV" ? k + 1 : k;
  if (!tokens[verb] || (tokens[verb]!.pos !== "VERB" && tokens[verb]!.pos !== "AUX")) return false;
  const v = word(verb).toLowerCase();
  const plural = /^(?:are|were|have)$/.test(v) ? true : /^(?:is|was|has)$/.test(v) ? false : pluralHead(tokens, s, k - 1, first);
  return plural === /^their$/i.test(word(p));
}

/**
 * A pronoun of the item's own statement ("it", "they", "its", "their") that nothing in the item stands before: one before
 * any noun or blank of the statement ("Since 1991 its share…"), or the subject after an opening phrase that has no verb of
 * its own ("Under the Indian Independence Act, 1947, it served…": the phrase only sets the scene; "After the Compact was
 * signed, it came into force" has a clause of its own). Never an "it" of what follows ("In 1950, it was decided that…").
 */
function pronounWithoutNoun(statement: string): string | null {
  // (A quotation's pronoun is the speaker's: "That means its future depends on…".)
  const s = statement.replace(/["“][^"”]*["”]/g, (q) => q.replace(/[\p{L}\p{N}]/gu, "x"));
  const tokens = tagged(s);
  const word = (k: number) => (tokens[k] ? s.slice(tokens[k]!.start, tokens[k]!.end) : "");
  const p = tokens.findIndex((_, k) => SUBJECT_PRONOUN.test(word(k)));
  if (p < 0) return null;
  const w = word(p);
  if (/^it$/i.test(w) && EXPLETIVE_IT.some((re) => re.test(`It${s.slice(tokens[p]!.end)}`))) return null;
  const nounBefore = tokens.slice(0, p).some((t, k) => (t.pos === "NOUN" || (t.pos === "PROPN" && (k > 0 || !OPENING_WORD.test(word(k)))) || word(k) === "_____") && !TIME_WORD.test(word(k)));
  if (p > 0 && !nounBefore) return /^(?:its|their)$/i.test(w) && ownerAfterOpening(s, tokens, p) ? null : w;
  // (After a semicolon the pronoun is a second clause's: "For Beijing, a calmer frontier matters…; for Delhi, it offers…".)
  if (p === 0 || !OPENING_WORD.test(word(0)) || word(p - 1) !== "," || s.slice(0, tokens[p]!.start).includes(";")) return null;
  // (A capitalised word is part of a name, whatever its tag: "the Indian Independence Act" has no verb.)
  if (tokens.slice(0, p).some((t, k) => (t.pos === "VERB" || t.pos === "AUX" || t.pos === "SCONJ") && /^\p{Ll}/u.test(word(k)))) return null;
  if (/^(?:it|they)$/i.test(w)) {
    const next = tokens[p + 1]?.pos === "ADV" ? tokens[p + 2] : tokens[p + 1];
    if (!next || (next.pos !== "VERB" && next.pos !== "AUX")) return null;
  }
  return w;
}

const SERIES = new RegExp(String.raw`(?<![${L}])[Tt]he\s+(?:${alt(discourse.seriesModifiers)})\s+(?:[a-z][a-z-]*\s+)?(?:${alt(discourse.seriesNouns)})(?![${L}-])`, "gu");
const SERIES_OWNER = new RegExp(String.raw`(?<![${L}])(?:${alt(discourse.seriesOwners)})s?(?![${L}])`, "iu");
const ACRONYM_ONLY = /(?<![\p{L}])\p{Lu}{2,}(?![\p{L}])/u;
const MENTIONED = new RegExp(String.raw`(?<![${L}])[Tt]he\s+((?:[a-z][a-z-]*\s+){0,2})(${alt(discourse.mentionedThings)})s?(?![${L}-])`, "gu");
const BARE_NAMED_KIND = new RegExp(String.raw`(?<![${L}])[Tt]he\s+(${alt(discourse.shortNameKinds)})(?![${L}-])`, "gu");
/** What after a phrase names it: "of…", "for…", "called…", a name, a bracketed name, a year. */
const NAMED_AFTER = /^\s+(?:of|for|on|under|called|named|known|titled|entitled)\b|^\s+\p{Lu}|^\s*\(\s*\p{Lu}|^\s*,\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}-]*(?:\s+\p{Lu}[\p{L}\p{M}-]*)*\s*,|^\s*,?\s+(?:1[5-9]|20)\d\d\b|^\s*["“‘]/u;

/**
 * A definite phrase that needs a mention the item does not give — a place in a series ("the first phase", "the second
 * cycle") with no owner before it (a word of `seriesOwners`, an acronym; a topic lead counts) or after it; a thing a text
 * brings in once ("the portal", "the app") with no name; a capitalised short name ("The Bill", "the Act") with no full
 * name of its kind before it in the item — or null. `line` is one line of the item, its lead included.
 */
function unmentionedDefinite(line: string): string | null {
  for (const m of line.matchAll(SERIES)) {
    const after = line.slice(m.index + m[0].length);
    if (NAMED_AFTER.test(after) || /^\s+(?:in|at)\s+(?:the\s+)?\p{Lu}/u.test(after)) continue;
    const k = tagged(line).find((t) => t.start === m.index + m[0].length + (after.length - after.trimStart().length));
    if (k && /^(?:NOUN|PROPN)$/.test(k.pos)) continue;
    const before = line.slice(0, m.index).replace(/_____/g, "");
    if (SERIES_OWNER.test(before) || ACRONYM_ONLY.test(before)) continue;
    return m[0];
  }
  for (const m of line.matchAll(MENTIONED)) {
    const after = line.slice(m.index + m[0].length);
    // ("cleaning the portal of duplicates": an "of" of the verb's, not a name; "the helpline 1800…": its number names it.)
    if ((NAMED_AFTER.test(after) && !/^\s+of\s+(?!(?:the\s+)?\p{Lu})/u.test(after)) || /^\s+\d/.test(after)) continue;
    const before = line.slice(0, m.index).replace(/_____/g, "");
    if (SERIES_OWNER.test(before) || ACRONYM_ONLY.test(before)) continue;
    if (new RegExp(String.raw`(?<![${L}])${escapeRegExp(m[2]!)}(?![${L}])`, "iu").test(line.slice(0, m.index))) continue;
    return m[0];
  }
  for (const m of line.matchAll(BARE_NAMED_KIND)) {
    const kind = m[1]!;
    const after = line.slice(m.index + m[0].length);
    if (NAMED_AFTER.test(after)) continue;
    // A full name of the kind before it ("The Salt Cess Bill of 1934… the Bill"), or one brought in in small letters ("a bill…").
    const before = line.slice(0, m.index);
    if (new RegExp(String.raw`(?:\p{Lu}[${L}'’-]*|\d+(?:st|nd|rd|th)|\))\s+(?:(?:of|for|on|and|the|&)\s+)*${kind}(?![${L}])|(?<![${L}])${kind.toLowerCase()}s?(?![${L}])|(?<![${L}])${kind}s(?![${L}])`, "u").test(before)) continue;
    // Or one later in the line that says which: "The Bill was introduced by Nehru as the Hindu Code Bill".
    if (new RegExp(String.raw`(?<![${L}])(?:as|called|named|titled|entitled|later|renamed)\s+(?:the\s+)?(?:\p{Lu}[${L}'’-]*\s+)(?:(?:of|for|on|and|the|&|\p{Lu}[${L}'’-]*)\s+)*${kind}(?![${L}])`, "u").test(after)) continue;
    if (kind === "Act" && ACRONYM_ONLY.test(before)) continue;
    return m[0];
  }
  return null;
}

/** A topic lead on a line of the item ("With reference to Andhra Pradesh: …"), a noun any pronoun of the item may stand for. */
const TOPIC_LEAD_LINE = /^(?:\d+\.\s*)?With reference to [^:?\n]+?(?::\s+|,\s+)/m;

/** The statements an item shows, without its instruction or topic lead (one per line of a prelims item). */
function statementsOf(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.replace(/^\d+\.\s*/, "").replace(/^With reference to [^:?\n]+?(?::\s+|,\s+)/, "").replace(/^(?:True or false\?|When\?|Why\?|Give the (?:missing figure|figure the material states):|Which (?:figure|date|person|place|name) completes the statement\?|Consider the following statements:)\s*/i, "").trim())
    .filter(Boolean);
}

/**
 * What in an item's text still needs a referent the item does not give — the reason it is dropped — or null. `text` is
 * all the item shows (its lead, statement, options and answer): a lead or an option may give the referent; `answers`, the
 * item's answers, give no body for a role.
 */
export function unresolvedReferent(text: string, answers: readonly string[] = []): string | null {
  const provision = provisionWithoutOwner(text);
  if (provision) return `cites a provision without the text it is part of ("${provision}")`;
  const kind = bareKind(text);
  if (kind) return `names a natural kind only by its class ("${kind}"), never which one`;
  // (A body an answer names is no complement of a role the statement shows: "Patron-in-Chief is…; Executive Chairman is a
  // _____ judge" → "Supreme Court" says nothing of what the patron is patron of.)
  const role = roleWithoutComplement(text.split("\n").filter((line) => !answers.includes(line.trim())).join("\n"));
  if (role) return `names a role without what it is of ("${role}")`;
  for (const line of text.split("\n").filter((l) => !answers.includes(l.trim()))) {
    const definite = unmentionedDefinite(line.replace(/^\d+\.\s*/, ""));
    if (definite) return `names a thing the text brought in before, never which one or of what ("${definite}")`;
  }
  for (const s of statementsOf(text)) {
    // (An answer continues the stem — "Why? … → Because they…" — and is read with it.)
    if (!answers.includes(s)) {
      const discourse = leansOnDiscourse(s);
      if (discourse) return `refers back to a statement it does not show ("${discourse}")`;
      const shell = shellWithoutContent(s);
      if (shell) return `a noun that stands for a statement refers back to one the item does not show ("${shell}")`;
      // (A topic lead names what the pronoun stands for: "With reference to the Mauryan Empire: Under Ashoka, it extended…".)
      const pronoun = TOPIC_LEAD_LINE.test(text) ? null : pronounWithoutNoun(s);
      if (pronoun) return `a pronoun with nothing in the item it stands for ("${pronoun}")`;
    }
    const verb = verbWithoutObject(s);
    if (verb) return `a verb that needs an object has none ("${verb}")`;
    const placeholder = unnamedPlaceholder(s);
    if (placeholder) return `leans on an unnamed thing ("${placeholder.trim()}")`;
    const report = BLANK_REPORT.exec(s);
    if (report) return `names a report only by its blank ("${report[0]}"): more than one fits`;
    const span = SPAN_OF_EXAMPLES.exec(s);
    // (The word before "from" a plural noun, as tagged: "villages from…", not "runs from…".)
    // (Nor a figure's range: "raised the capital from _____ to Rs 200 crore".)
    if (span && !/\d/.test(s.slice(span.index, span.index + span[0].length + 12)) && tagged(s).find((t) => t.start === span.index)?.pos === "NOUN") return `blanks one end of a span of examples ("${span[0]}"): other names fit as well`;
    const opener = CONNECTIVE_OPENER.exec(s);
    if (opener) return `opens by tying itself to a statement it does not show ("${opener[0].trim()}")`;
  }
  return null;
}

/**
 * The item text `t` made from `sentence` with what the material says beyond doubt put in: a provision's Act or Schedule
 * (see above). A kind ("the trees", "the bird") is never filled: a paragraph may name two, or one by a description.
 */
export function withResolvedReferents(t: string, pm: ProcessedMaterial, sentence: Sentence): string {
  return withProvisionOwners(t, pm, sentence);
}
