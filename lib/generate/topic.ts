import type { Entity, ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import { isDemonym, namesAKind } from "@/lib/material/entities";
import nlp from "compromise";
import { escapeRegExp } from "@/lib/text/regexp";
import { getSynsets, isKnownWord } from "@/lib/nlp/wordnet";
import { DESIGNATION_WORDS, leansOnSubject, referenceWords } from "./context";
import institutionWords from "./institution-words.json";
import topicWords from "./topic-words.json";

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
  /** Read from the material's title (`documentTopic`), not from the heading over the sentence. */
  ofWholeMaterial?: boolean;
  /**
   * The year the title writes after the name, when it says which one ("1935" in "Government of India Act, 1935": several
   * Government of India Acts exist); `phrase` carries it ("the Government of India Act, 1935"), `name` does not.
   */
  dated?: { year: string; separator: string };
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
  return namesAKind(word) || JURISDICTION.has(word) || DESIGNATION_WORDS.has(word) || PROGRAMME.has(word) || isDemonym(word);
}
const JURISDICTION = new Set(institutionWords.jurisdiction);
const PROGRAMME = new Set(institutionWords.programmeWords);

const topicCache = new WeakMap<ProcessedMaterial, Map<number, SectionTopic | null>>();

/**
 * The subject the heading above the sentence names; under a heading that names none ("Why this topic matters",
 * "Timelines") or with no heading at all, the subject of the whole material (`documentTopic`); null when neither names
 * one, under a heading that names a person (a life or a reign: its sentences are about that person) and under one over
 * what came before the subject ("Background", "Earlier laws").
 */
export function sectionTopic(pm: ProcessedMaterial, sentence: Sentence): SectionTopic | null {
  const headingIndex = pm.blocks[sentence.blockIndex]?.headingIndex;
  if (headingIndex === undefined) return documentTopic(pm);
  let byHeading = topicCache.get(pm);
  if (!byHeading) topicCache.set(pm, (byHeading = new Map()));
  if (!byHeading.has(headingIndex)) {
    const read = readTopic(pm, headingIndex);
    byHeading.set(headingIndex, read === PERSON_HEADING ? null : (read ?? (isBackgroundHeading(pm, headingIndex) || namesOtherThing(pm, headingIndex) ? null : documentTopic(pm))));
  }
  return byHeading.get(headingIndex) ?? null;
}

/** "Background", "Earlier laws", "Precursors": a section on what came before the subject (`reference-words.json` backgroundHeadings). */
const BACKGROUND_HEADING = new RegExp(`^(?:${referenceWords.backgroundHeadings.map(escapeRegExp).join("|")})\\b`, "i");
function isBackgroundHeading(pm: ProcessedMaterial, headingIndex: number): boolean {
  const block = pm.blocks[headingIndex];
  return !!block && BACKGROUND_HEADING.test(pm.material.text.slice(block.start, block.end).trim());
}

/**
 * Is the heading a name of the material other than its subject ("Amul" over a section of "Operation Flood, 1970–1996")?
 * Its section is about that, and no "with reference to" the whole material's subject. (A heading that only mentions a
 * name — "EVMs and VVPATs", "Land revenue under Alauddin" — still falls back to it.)
 */
function namesOtherThing(pm: ProcessedMaterial, headingIndex: number): boolean {
  const block = pm.blocks[headingIndex];
  if (!block) return false;
  const head = headOf(pm.material.text.slice(block.start, block.end).trim()).replace(/^(?:the|a|an)\s+/i, "");
  const whole = documentTopic(pm);
  if (!head || (whole && (mentionsTopic(head, whole) || hasWord(whole.name, head, "u")))) return false;
  return pm.entities.some((e) => [e.name, ...e.aliases].some((alias) => alias.replace(/^the\s+/i, "") === head));
}

/** A heading's head: after its outline number, before a colon or dash, without a trailing bracket ("2. Phase II (1981–1985)" → "Phase II"). */
function headOf(heading: string): string {
  return heading
    .replace(/^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\p{Lu})/u, "")
    .split(/\s*(?::|\s[–—-]\s)\s*/)[0]!
    .replace(/\s*\([^)]*\)\s*$/, "")
    .trim();
}

/** What `readTopic` returns for a heading that names one of the material's people. */
const PERSON_HEADING = Symbol("person heading");

function readTopic(pm: ProcessedMaterial, headingIndex: number): SectionTopic | typeof PERSON_HEADING | null {
  const block = pm.blocks[headingIndex];
  if (!block || block.kind !== "heading") return null;
  const head = headOf(pm.material.text.slice(block.start, block.end).trim());
  const article = /^the\s+/i.test(head);
  const name = head.replace(/^(?:the|a|an)\s+/i, "");
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 10) return null;
  if (!words.every((w) => NAME_JOINER.test(w) || /^[\p{Lu}\d]/u.test(w))) return null;
  if (NAME_JOINER.test(words[words.length - 1]!)) return null;
  // A heading that names a person heads a life or a reign, and what its sentences say is not "with reference to" them.
  if (personNamesOf(pm).has(name.toLowerCase())) return PERSON_HEADING;
  // The text below writes it so, capitals and all: a name, not a title-case heading.
  const written = writtenInBody(pm, name);
  if (!written.found) return null;
  return topicNamed(pm, name, article || written.withThe);
}

/** The topic a name the body writes stands for: its distinctive words, its acronyms and whether it takes "the". */
function topicNamed(pm: ProcessedMaterial, name: string, withThe: boolean): SectionTopic {
  const words = name.split(/\s+/);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w) && !NAME_JOINER.test(w));
  const distinctive = capitalised.filter((w) => w.length >= 3 && !isGenericNameWord(w));
  const initials = capitalised.map((w) => w[0]).join("");
  const acronyms = new Set<string>();
  if (initials.length >= 3) acronyms.add(initials);
  for (const a of pm.acronyms) if (expands(a, name)) acronyms.add(a.short);
  // "Article 163": the number is what says which one.
  for (const w of words) if (/^\d/.test(w)) distinctive.push(w);
  // "Finance Commission", "Eleventh Schedule", "73rd Amendment", and a name the text writes after "the" ("the Green
  // Revolution") take "the"; "PM E-DRIVE" does not.
  // "Section 29A", "Article 356" take none, whatever the body writes before them ("the Section 29A bar").
  if (words.length === 2 && DESIGNATION_WORDS.has(words[0]!) && /^\d/.test(words[1]!)) return { phrase: name, name, distinctive, acronyms: [...acronyms] };
  const needsArticle = withThe || namesAKind(words[words.length - 1]!) || /^(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|[A-Z][a-z]+(?:-[a-z]+)?th)$/.test(words[0]!);
  return { phrase: needsArticle ? `the ${name}` : name, name, distinctive, acronyms: [...acronyms] };
}

/** How many of a title part's words are read for names, and how many a name may have. */
const TITLE_WORDS_READ = 30;
const NAME_WORDS_READ = 12;

/** Kind words a text may call a name by ("the Code", "the Act"; `reference-words.json` namedKinds). */
const NAMED_KINDS = new Set(referenceWords.namedKinds);

/** Is the acronym's expansion this name ("the National Food Security Act" for "National Food Security Act")? */
function expands(acronym: ProcessedMaterial["acronyms"][number], name: string): boolean {
  return acronym.expansion.replace(/^the\s+/i, "").toLowerCase() === name.toLowerCase();
}

/** The kind word a name of two words or more ends in, by which a text may call it alone ("the Code"), or null. */
function kindWordOf(name: string): string | null {
  const last = name.split(/\s+/).at(-1)!;
  return /\s/.test(name) && (namesAKind(last) || NAMED_KINDS.has(last)) ? last : null;
}

/** A name of the title must be written this often outside headings to be what the whole material is about. */
const DOCUMENT_TOPIC_MIN_TIMES = 2;

const documentTopicCache = new WeakMap<ProcessedMaterial, SectionTopic | null>();

/**
 * What the whole material is about, when its title names one subject that the text below keeps naming: "Cabinet Mission
 * Plan, 1946", "Insolvency and Bankruptcy Code, 2016" (with "the Code" counted for it), "The National Green Tribunal:
 * Origins, Powers and the Limits of a Green Court". The title's names are its runs of capitalised words (with the small
 * words a name keeps), each cut to the longest part the body writes so, capitals and all ("The Green Revolution in India"
 * → "Green Revolution") or in sentence case ("The Ahom Kingdom of Assam" → "the Ahom kingdom"), and counted where the
 * body writes it whole (not in "Green Revolution Fund"), by its acronym, or by its kind word alone. One of them is the
 * subject when it has two words or more (or one, when it is the title's whole first part: "The Sundarbans: Life and Risk
 * in the World's Largest Mangrove Delta"), is not a person, is written at least twice, and at least twice as often as any
 * other name of the title but a place ("… in India" says where, not what) or its own acronym — so "Directive Principles
 * of State Policy and Fundamental Duties" or "Operation Flood, Amul and India's Dairy Cooperatives", which name two
 * subjects of like weight, a headline ("Coal to gas: India bets on syngas…") and a title made up from the first sentence
 * name none.
 */
export function documentTopic(pm: ProcessedMaterial): SectionTopic | null {
  if (!documentTopicCache.has(pm)) documentTopicCache.set(pm, readDocumentTopic(pm));
  return documentTopicCache.get(pm) ?? null;
}

function readDocumentTopic(pm: ProcessedMaterial): SectionTopic | null {
  const title = recasedTitle(pm, pm.material.title ?? "");
  // A title the material was given, or its first line: not the file's name nor the first words of its first sentence,
  // which stand in for a title when there is none ("The Supreme Court struck down the electoral bonds scheme…").
  const isHeading = pm.blocks.some((b) => b.kind === "heading" && pm.material.text.slice(b.start, b.end).trim() === (pm.material.title ?? "").trim());
  const firstSentence = pm.sentences[0]?.text.replace(/[.!?]$/, "") ?? "";
  if (!title || title === pm.material.source || (!isHeading && (/(?:\.\.\.|…)$/.test(title) || firstSentence === title))) return null;
  const names: Array<{ name: string; withThe: boolean; times: number }> = [];
  for (const part of title.split(/\s*(?:[,:;()[\]|]|\s[–—-]\s)\s*/)) {
    // (A name has a dozen words at most; a longer run is no title's name, and every prefix of it would be looked up.)
    const words = part.split(/\s+/).filter(Boolean).slice(0, TITLE_WORDS_READ);
    let i = 0;
    while (i < words.length) {
      // (Nor on a preposition: "In India" says where, whatever its case.)
      if (!/^[\p{Lu}\d]/u.test(words[i]!) || PREPOSITIONS.has(words[i]!.toLowerCase())) {
        i++;
        continue;
      }
      // The run of a name's words from here: capitalised words and the joiners between them.
      let end = i;
      while (end + 1 < words.length && end + 1 - i < NAME_WORDS_READ && (/^[\p{Lu}\d]/u.test(words[end + 1]!) || NAME_JOINER.test(words[end + 1]!))) end++;
      while (end > i && NAME_JOINER.test(words[end]!)) end--;
      // Its longest part from here that the body writes, ending on a capitalised word.
      let taken = 0;
      const article = /^(?:the|a|an)$/i.test(words[i]!);
      const from = article ? i + 1 : i;
      for (let last = end; last >= from && !taken; last--) {
        if (NAME_JOINER.test(words[last]!)) continue;
        const name = words.slice(from, last + 1).join(" ").replace(/['’]s$/, "");
        // A year or a figure ("1946" in "Cabinet Mission Plan, 1946") dates the subject; it names none.
        if (/^[\d\s–-]+$/.test(name)) continue;
        const written = writtenInBody(pm, name, true);
        if (written.found) {
          names.push({ name, withThe: article || written.withThe, times: written.times });
          taken = last + 1;
          continue;
        }
        // A title in title case names what the body writes in sentence case after a proper word: "The Ahom Kingdom of
        // Assam" is "the Ahom kingdom" there.
        const sentenceCase = sentenceCaseInBody(pm, name);
        if (sentenceCase) {
          names.push({ ...sentenceCase, withThe: article || sentenceCase.withThe });
          taken = last + 1;
        }
      }
      i = taken || i + 1;
    }
  }
  // The title's parts, cut at a colon or a spaced dash ("The Sundarbans: Life and Risk in…").
  const titleParts = title.split(/\s*(?::|\s[–—-]\s)\s*/);
  const firstPart = (titleParts[0] ?? "").trim().replace(/^(?:the|a|an)\s+/i, "");
  // A word the body writes in small letters more often than with its capital ("Ragi", "Mangrove" in a title-case
  // subtitle) is a common noun, no name to rival the subject (the title's own first part, "Jhum: …", stays).
  for (let k = names.length - 1; k >= 0; k--) {
    const word = names[k]!.name;
    if (/\s/.test(word) || !/^\p{Lu}\p{Ll}/u.test(word) || word === firstPart) continue;
    const lower = pm.material.text.match(new RegExp(String.raw`(?<![\p{L}\p{N}-])${escapeRegExp(word.toLowerCase())}(?![\p{L}\p{N}-])`, "gu"))?.length ?? 0;
    if (lower >= names[k]!.times) names.splice(k, 1);
  }
  // A name's acronym counts as the name ("NFSA" for the National Food Security Act), and so does its kind word when no
  // other name of the title ends in it ("the Code" for the Insolvency and Bankruptcy Code).
  for (const n of names) {
    for (const a of pm.acronyms) if (expands(a, n.name)) n.times += writtenInBody(pm, a.short).times;
    const kind = kindWordOf(n.name);
    if (kind && names.filter((o) => o.name.split(/\s+/).at(-1) === kind).length === 1) n.times += shortNameTimes(pm, kind);
  }
  const places = new Set(pm.entities.filter((e) => e.kind === "place").flatMap((e) => [e.name, ...e.aliases].map((a) => a.toLowerCase())));
  // "… in India", "… in West Bengal" says where, not what; "India and the Maldives" names two places of like weight, which
  // a subject must outweigh, and is none itself.
  // (A name ending in a kind word — "Odisha Millets Mission", read as a place for its first word — is a body, not a place.)
  const isPlace = (name: string) => places.has(name.toLowerCase()) || (!kindWordOf(name) && name.split(/\s+/).filter((w) => !NAME_JOINER.test(w)).every((w) => places.has(w.toLowerCase())));
  const joinsPlaces = (name: string) => /\sand\s/.test(name) && name.split(/\s+and\s+(?:the\s+)?/).every(isPlace);
  // An acronym the title gives its name ("National Green Tribunal (NGT)") is that name, not a rival.
  // (So is one the title brackets right after the name, when the material's list of acronyms does not have it.)
  const acronymOfAnother = (n: (typeof names)[number]) =>
    pm.acronyms.some((a) => a.short === n.name && names.some((o) => o !== n && expands(a, o.name))) ||
    names.some((o) => o !== n && /^[\p{Lu}\d]{2,}$/u.test(n.name) && title.includes(`${o.name} (${n.name})`));
  const most = (list: typeof names) => list.reduce<(typeof names)[number] | undefined>((a, b) => (!a || b.times > a.times ? b : a), undefined);
  const rivals = names.filter((n) => !acronymOfAnother(n) && !joinsPlaces(n.name));
  // A subject that is no place comes first ("Operation Barga in West Bengal"); a title that names only places may be
  // about one ("The Western Ghats"), beside which a one-word place ("… in India") says where.
  // One word is a subject only when it is the title's whole first part ("The Sundarbans: Life and Risk in…", "Amul: …"),
  // a name and no dictionary word ("Flooding: Harlow Counts the Cost" has none), before no headline ("Harlow: Why Floods
  // Keep Coming Back");
  // then a lone word further on ("… Largest Mangrove Delta") says what kind, not what about, and cannot lead. In any other
  // title a lone word that outweighs the rest ("Nets Across the Line: Why the Palk Bay Fisheries Dispute…", a headline)
  // leaves it with no subject.
  const isOneWordTitle = names.some((n) => n.name === firstPart && !/\s/.test(n.name)) && !isKnownWord(firstPart.toLowerCase()) && !isHeadline(title.slice(title.indexOf(firstPart) + firstPart.length));
  const canLead = (n: (typeof names)[number]) => !isOneWordTitle || /\s/.test(n.name) || n.name === firstPart;
  let best = most(rivals.filter((n) => !isPlace(n.name) && canLead(n)));
  let competing = rivals.filter((n) => !isPlace(n.name) || joinsPlaces(n.name));
  if (!best) {
    best = most(rivals.filter(canLead));
    competing = rivals.filter((n) => /\s/.test(n.name) || !isPlace(n.name));
  }
  competing = [...competing, ...names.filter((n) => joinsPlaces(n.name))];
  if (!best || best.times < DOCUMENT_TOPIC_MIN_TIMES || (!/\s/.test(best.name) && !(isOneWordTitle && best.name === firstPart))) {
    // A title that names no subject but places (or nothing) may name it in common nouns ("Priority Sector Lending in
    // India"). (A name that only closes the first part after "in" says where: "Canal Credit Lending in Karn".)
    const closesFirstPart = saysWhereAtEnd(titleParts[0] ?? "", isPlace)?.[1];
    return names.every((n) => isPlace(n.name) || n.name === closesFirstPart) ? commonNounTopic(pm, title, isPlace) : null;
  }
  if (personNamesOf(pm).has(best.name.toLowerCase())) return null;
  // ("The Pala Dynasty of Bengal and Bihar": places joined right after the subject's "of" or "in" say where it was.)
  const saysWhere = (n: (typeof names)[number]) => joinsPlaces(n.name) && new RegExp(String.raw`${escapeRegExp(best!.name)}\s+(?:of|in)\s+(?:the\s+)?${escapeRegExp(n.name)}`, "i").test(title);
  if (competing.some((n) => n !== best && n.name !== best.name && n.times * 2 > best.times && !saysWhere(n))) return null;
  // "Cooperative Federalism and the NITI Aayog", "Ramsar Convention and the wetlands of India": the part of the title
  // that names it joins a second subject to it, whether the body writes that one as a name or not.
  // ("The Green Revolution in Punjab and Haryana": places joined to each other after it say where.)
  // (Found whatever its case: "the Ahom kingdom" is the title's "Ahom Kingdom".)
  const bestName = new RegExp(escapeRegExp(best.name), "i");
  const bestPart = titleParts.find((p) => bestName.test(p)) ?? "";
  // A headline's name is its subject only where the news is about it (`isHeadlineSubject`: "Namma Metro fares go up…");
  // "Why the Palk Bay Fisheries Dispute Refuses to Go Away" is about a dispute, and a place is where news happened.
  // (Its own name hidden first: "The Forest Rights Act", "The Assisted Reproductive Technology Act" are no verbs.)
  if (isHeadline(bestPart.replace(bestName, " it ")) && ((isPlace(best.name) && !kindWordOf(best.name)) || !isHeadlineSubject(bestPart.replace(bestName, " \u0001 ")))) return null;
  let part = bestPart.replace(bestName, " \u0001 ");
  for (const place of [...places].sort((a, b) => b.length - a.length)) part = part.replace(new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(place)}(?![\p{L}])`, "giu"), " \u0002 ");
  for (const m of part.matchAll(/(\S+)\s+(?:and|&)\s+(?:the\s+)?(\S+)/gi)) if (!(m[1] === "\u0002" && m[2] === "\u0002")) return null;
  const topic = topicNamed(pm, best.name, best.withThe);
  // A title in capitals shows no word of its name to be distinctive: a word the body also writes in another name ("Education"
  // of "National Education Policy 2020" in "the Higher Education Commission of India") does not say the item is about it.
  if (title !== pm.material.title) topic.distinctive = topic.distinctive.filter((w) => !writtenInAnotherName(pm, w, best.name));
  return { ...withTitleYear(pm, topic, title), ofWholeMaterial: true };
}

/** Does the body write `word` inside a name other than `name`, next to another capitalised word ("Higher Education Commission")? */
function writtenInAnotherName(pm: ProcessedMaterial, word: string, name: string): boolean {
  const { body } = bodyIndexOf(pm);
  const rest = body.replace(new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(name)}(?![\p{L}\p{N}])`, "giu"), " ");
  const joiners = String.raw`(?:[^\S\n]+(?:of|on|for|and|the|in)(?![\p{L}]))*[^\S\n]+`;
  const w = escapeRegExp(word);
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?!(?:The|A|An)[^\p{L}])\p{Lu}[\p{L}-]*${joiners}${w}(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])${w}${joiners}\p{Lu}`, "u").test(rest);
}

/** Kind words whose names a year completes ("Act", "Rules", "Treaty"; `topic-words.json` datedKinds). */
const DATED_KINDS = new Set(topicWords.datedKinds);
/** What may stand between a name and its year: "X Act, 1935", "X Act 1935", "X Act of 1935", "X Act (1935)". */
const YEAR_AFTER = String.raw`(,[^\S\n]*|[^\S\n]+(?:of[^\S\n]+)?|[^\S\n]*\([^\S\n]*)((?:1[5-9]|20)\d\d)(?![\p{L}\p{N}])`;

/**
 * The topic with the year the title writes after its name ("Government of India Act, 1935"), when the body writes the name
 * with that year too and the year says which one: the name ends in a kind word a year completes (`datedKinds`: "Act",
 * "Rules", "Treaty"), or the body also writes it with another year ("the Cabinet Mission Plan" keeps none unless a second
 * plan of that name is dated elsewhere). Otherwise the topic as it was.
 */
function withTitleYear(pm: ProcessedMaterial, topic: SectionTopic, title: string): SectionTopic {
  const inTitle = new RegExp(escapeRegExp(topic.name) + YEAR_AFTER, "iu").exec(title);
  if (!inTitle) return topic;
  const year = inTitle[2]!;
  const { body } = bodyIndexOf(pm);
  const years = [...body.matchAll(new RegExp(escapeRegExp(topic.name) + YEAR_AFTER, "gu"))].map((m) => m[2]!);
  if (!years.includes(year)) return topic;
  if (!DATED_KINDS.has(topic.name.split(/\s+/).at(-1)!) && !years.some((y) => y !== year)) return topic;
  const separator = /\(/.test(inTitle[1]!) || inTitle[1]!.trim() === "," ? ", " : inTitle[1]!.includes("of") ? " of " : " ";
  return { ...topic, phrase: `${topic.phrase}${separator}${year}`, distinctive: topic.distinctive, dated: { year, separator } };
}

/**
 * A title in capitals ("CARBON CREDIT TRADING SCHEME (CCTS) AND CARBON MARKETS IN INDIA") as the body writes its words:
 * each longest run of two words or more that the body writes, in any case, takes the body's spelling (one with its
 * later words capitalised, a name's, over a common noun phrase's: "Carbon Credit Trading Scheme"); a word left over
 * keeps its capitals when it is one of the material's acronyms and takes the body's commonest spelling otherwise ("and",
 * "India"). A title with small letters is returned as it is.
 */
/** Words that open no name ("In India" at a sentence's start says where; `topic-words.json` prepositions). */
const PREPOSITIONS = new Set(topicWords.prepositions);
function opensWithPreposition(phrase: string): boolean {
  return PREPOSITIONS.has(phrase.split(/\s+/)[0]!.toLowerCase());
}

export function recasedTitle(pm: ProcessedMaterial, title: string): string {
  if (/\p{Ll}/u.test(title) || !/\p{Lu}{2}/u.test(title)) return title;
  const { body } = bodyIndexOf(pm);
  const words = [...title.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].slice(0, TITLE_WORDS_READ);
  const acronyms = new Set(pm.acronyms.map((a) => a.short));
  const spellingIn = (phrase: string): string | null => {
    // (Not where the body writes it in capitals too: a heading the reader took for a line.)
    // (A capital on a sentence's first word says nothing of a name: "In India, food…" is "in India"; a preposition opens
    // no name, `topic-words.json` prepositions.)
    const found = [...body.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])${phrase.split(/\s+/).map(escapeRegExp).join(String.raw`[^\S\n]+`)}(?![\p{L}\p{N}])`, "giu"))]
      .map((m) => (opensWithPreposition(m[0]) ? m[0].charAt(0).toLowerCase() + m[0].slice(1) : m[0]))
      .filter((f) => /\p{Ll}/u.test(f));
    if (!found.length) return null;
    const named = found.find((f) => f.split(/\s+/).slice(1).every((w) => NAME_JOINER.test(w) || /^[\p{Lu}\p{N}]/u.test(w)));
    if (named) return named;
    const counts = new Map<string, number>();
    for (const f of found) counts.set(f, (counts.get(f) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  };
  let out = "";
  let last = 0;
  let i = 0;
  while (i < words.length) {
    let taken = 0;
    let spelling: string | null = null;
    // The longest run from here, its words joined by spaces only in the title.
    let end = i;
    while (end + 1 < words.length && /^\s+$/.test(title.slice(words[end]!.index + words[end]![0].length, words[end + 1]!.index))) end++;
    for (let j = end; j > i && !spelling; j--) {
      const phrase = title.slice(words[i]!.index, words[j]!.index + words[j]![0].length);
      spelling = spellingIn(phrase);
      if (spelling) taken = j - i + 1;
    }
    const w = words[i]!;
    if (!spelling) {
      taken = 1;
      spelling = acronyms.has(w[0]) ? w[0] : (spellingIn(w[0]) ?? w[0].toLowerCase());
    }
    const from = w.index;
    const to = words[i + taken - 1]!.index + words[i + taken - 1]![0].length;
    out += title.slice(last, from) + spelling;
    last = to;
    i += taken;
  }
  return out + title.slice(last);
}

/** A subject a title names in common nouns must be written this often outside headings, in any case. */
const COMMON_TOPIC_MIN_TIMES = 3;

/**
 * The subject a title names in common nouns — "Priority Sector Lending in India", "E-Waste Management in India: Study
 * Notes", "Anti-defection law (India)": the title's first part (before a colon, a bracket or a spaced dash), without a
 * closing "in <place>", when the body writes it, in any case and not as the start of a longer name ("the Veldra Canal
 * Scheme" is no "Veldra Canal"), at least COMMON_TOPIC_MIN_TIMES times; shown as the body writes it most ("priority
 * sector lending"), with "the" when the body mostly puts one before it. None for a headline
 * ("Ranakpur Unveils Sweeping Heat Plan…"), for two subjects joined by "and" ("Cooperative Federalism and the NITI
 * Aayog"), for one word, a place or a person. Only its whole phrase and its acronym ("PSL") say an item names it.
 */
function commonNounTopic(pm: ProcessedMaterial, title: string, isPlace: (name: string) => boolean): SectionTopic | null {
  const firstPart = (title.split(/\s*(?:[:([\]|]|\s[–—-]\s)\s*/)[0] ?? "").trim().replace(/^(?:the|a|an)\s+/i, "");
  if (!firstPart || isHeadline(firstPart)) return null;
  // "… in India", "… in Independent India", "… in Karn": where, not what.
  const where = saysWhereAtEnd(firstPart, isPlace);
  const phrase = where ? firstPart.slice(0, where.index).trim() : firstPart;
  const words = phrase.split(/\s+/);
  if (words.length < 2 || words.length > 6 || /\s(?:and|&)\s/i.test(phrase) || isPlace(phrase) || personNamesOf(pm).has(phrase.toLowerCase())) return null;
  const { body } = bodyIndexOf(pm);
  const written = new Map<string, number>();
  let withThe = 0;
  for (const m of body.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}-])${words.map(escapeRegExp).join(String.raw`[^\S\n]+`)}(?![\p{L}\p{N}-])`, "giu"))) {
    // Written as a name, it must not open a longer one ("the Veldra Canal Scheme" is no "Veldra Canal").
    if (/\p{Lu}\S*$/u.test(m[0]) && /^[^\S\n]+(?:of[^\S\n]+)?\p{Lu}/u.test(body.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
    written.set(m[0], (written.get(m[0]) ?? 0) + 1);
    if (/(?:^|[^\p{L}])the[^\S\n]+$/iu.test(body.slice(Math.max(0, m.index - 5), m.index))) withThe++;
  }
  const times = [...written.values()].reduce((a, b) => a + b, 0);
  if (times < COMMON_TOPIC_MIN_TIMES) return null;
  // As the body writes it inside sentences: a spelling in small letters over one capitalised only to open a sentence.
  const spellings = [...written].sort((a, b) => b[1] - a[1] || Number(/^\p{Ll}/u.test(b[0])) - Number(/^\p{Ll}/u.test(a[0])));
  const lower = spellings.find(([w]) => /^\p{Ll}/u.test(w));
  const name = (lower && lower[1] * 2 >= spellings[0]![1] ? lower : spellings[0]!)[0];
  const acronyms = pm.acronyms.filter((a) => a.expansion.replace(/^the\s+/i, "").toLowerCase() === name.toLowerCase()).map((a) => a.short);
  return { phrase: withThe * 2 > times ? `the ${name}` : name, name, distinctive: [], acronyms: [...new Set(acronyms)], ofWholeMaterial: true };
}

/** A closing "in <place>" of a title part: a place the material names, or capitalised words ending it ("in Karn"). */
function saysWhereAtEnd(part: string, isPlace: (name: string) => boolean): RegExpExecArray | null {
  const where = /\s+in\s+(?:the\s+)?((?:\p{Lu}[\p{L}-]*\s+)*\p{Lu}[\p{L}-]*)$/u.exec(part) ?? /\s+in\s+(?:the\s+)?(.+)$/iu.exec(part);
  if (!where) return null;
  const tail = where[1]!;
  return /^(?:\p{Lu}[\p{L}-]*\s+)*\p{Lu}[\p{L}-]*$/u.test(tail) || isPlace(tail.split(/\s+/).at(-1)!) ? where : null;
}

/**
 * Does a title's text read as a headline: a question word first ("Why Floods Keep Coming Back") or a verb in the present
 * or past ("Harlow Counts the Cost", "India bets on syngas")? ("Life and Risk in…", "Origins, Powers and the Limits of…"
 * name things.)
 */
export function isHeadline(text: string): boolean {
  const t = text.replace(/^[\s:,;–—-]+/, "").toLowerCase();
  if (/^(?:why|how|what|when|where|who|which|can|will|is|are|does|do)\b/.test(t)) return true;
  // (A word after "and" is a noun joined to the one before: "Goods and Services Tax", "Life and Risk".)
  return nlp(t)
    .verbs()
    .out("array")
    .some((v: string) => (/\s/.test(v) || /(?:[^s]s|ed)$/.test(v)) && !new RegExp(String.raw`(?:^|\s)(?:and|or|&)\s+${escapeRegExp(v)}\b`).test(t));
}

/**
 * Is the name (marked \u0001 in the title's part) what a headline's news is about: in the words before its first verb
 * ("Namma Metro fares go up after…", "Three Years On, Project Cheetah Counts…"), after no preposition there ("a cable
 * cut in the Red Sea slowed…" is about a cable cut), and followed there by words in small letters only ("Why the Orrin
 * Mission Dispute Refuses…" names a longer thing, the dispute)?
 */
function isHeadlineSubject(part: string): boolean {
  const at = part.indexOf("\u0001");
  // (Cut at a comma first: "Three Years On, …" sets the scene before the subject.)
  const before = part.slice(0, at).split(",").at(-1)!;
  if (/\b(?:in|of|on|at|by|for|from|with|over|after|before|against|between|to)\s/i.test(before)) return false;
  // In title case the tagger cannot tell "Counts" from "Dispute": a capitalised word right after the name must read as its
  // verb, a present in -s or a past in -ed ("Project Cheetah Counts…", not "…Mission Dispute Refuses…").
  const next = /^\s*(\S+)/.exec(part.slice(at + 1))?.[1] ?? "";
  if (/^\p{Lu}/u.test(next)) return /^\p{Lu}\p{Ll}+(?:[^s]s|ed)$/u.test(next) || /^(?:Is|Was|Has|Had|To|Will|Can|May|Must)$/.test(next);
  // In sentence case, the first verb phrase's own verb, its last verb word ("fares go": the tagger takes a noun before a
  // verb into the phrase), with nothing capitalised between ("the Namma Metro Rail Corporation's board approved…").
  const t = part.replace("\u0001", "it").toLowerCase();
  const terms = (nlp(t).verbs().json() as Array<{ terms: Array<{ text: string; tags: string[] }> }>)[0]?.terms ?? [];
  const verb = terms.filter((term) => term.tags.includes("Verb")).at(-1)?.text;
  const verbAt = verb ? t.slice(at + 2).search(new RegExp(String.raw`(?<![\p{L}])${escapeRegExp(verb.toLowerCase())}(?![\p{L}])`, "u")) : -1;
  return verbAt >= 0 && !/\p{Lu}/u.test(part.slice(at + 1, at + 1 + verbAt));
}

/** "Stage IV", "Phase 2": a part of a whole the name does not say (`reference-words.json` numberedParts). */
const NUMBERED_PART = new RegExp(`^(?:${referenceWords.numberedParts.join("|")})\\s+(?:[IVXL]+|\\d+[A-Z]?)$`);

const personNamesCache = new WeakMap<ProcessedMaterial, Set<string>>();
/** Every name and alias of the material's people, lower case. */
function personNamesOf(pm: ProcessedMaterial): Set<string> {
  let names = personNamesCache.get(pm);
  if (!names) {
    names = new Set(pm.entities.filter((e) => e.kind === "person").flatMap((e) => [e.name, ...e.aliases].map((a) => a.toLowerCase())));
    personNamesCache.set(pm, names);
  }
  return names;
}

const entitiesBySentence = new WeakMap<ProcessedMaterial, Map<number, Entity[]>>();
/** The entities a sentence mentions, indexed once per material. */
function entitiesIn(pm: ProcessedMaterial, sentenceIndex: number): Entity[] {
  let bySentence = entitiesBySentence.get(pm);
  if (!bySentence) {
    bySentence = new Map();
    for (const e of pm.entities) {
      for (const m of e.mentions) {
        const list = bySentence.get(m.sentenceIndex) ?? [];
        if (!list.includes(e)) list.push(e);
        bySentence.set(m.sentenceIndex, list);
      }
    }
    entitiesBySentence.set(pm, bySentence);
  }
  return bySentence.get(sentenceIndex) ?? [];
}

/** Does the statement name an entity of the material, other than the answers or a numbered part, that its sentence mentions? */
function namesOwnSubject(text: string, pm: ProcessedMaterial, sentence: Sentence, answers: readonly string[], peopleAct: boolean): boolean {
  const answerKeys = answers.map((a) => a.trim().toLowerCase());
  return entitiesIn(pm, sentence.index).some(
    (e) =>
      !answerKeys.includes(e.name.toLowerCase()) &&
      // People act within a section's subject ("_____ and Ibrahim Khan Gardi were captured" under "Third Battle of
      // Panipat"); a body, a place or a thing named is what a statement is about instead. (Under a heading that names
      // nothing, a person named is what the statement is about: "Jawaharlal Nehru was born in _____" under "Key figures"
      // is no fact of the Cabinet Mission Plan.)
      !(peopleAct && e.kind === "person") &&
      // "Stage IV" (or the "IV" left of it when "Stage" opens the sentence) names no whole.
      !NUMBERED_PART.test(e.name) &&
      !/^(?:[IVXL]+|\d+)$/.test(e.name) &&
      [e.name, ...e.aliases].some((alias) => !answerKeys.includes(alias.toLowerCase()) && hasWord(text, alias.replace(/^the\s+/i, ""))),
  );
}

interface BodyIndex {
  /** The text outside headings, its blocks joined by line breaks. */
  body: string;
  /** Where words that open with a capital or a digit start in it, by their first three characters. */
  starts: Map<string, number[]>;
}
const bodyCache = new WeakMap<ProcessedMaterial, BodyIndex>();
/** Indexed once per material, so each heading is looked up where one of its words occurs, not by a scan of the text. */
function bodyIndexOf(pm: ProcessedMaterial): BodyIndex {
  let index = bodyCache.get(pm);
  if (!index) {
    const body = pm.blocks
      .filter((b) => b.kind !== "heading")
      .map((b) => pm.material.text.slice(b.start, b.end))
      .join("\n");
    const starts = new Map<string, number[]>();
    for (const m of body.matchAll(/(?<![\p{L}\p{N}.])[\p{Lu}\p{N}]\S*/gu)) {
      const key = m[0].slice(0, 3);
      const list = starts.get(key);
      if (list) list.push(m.index);
      else starts.set(key, [m.index]);
    }
    bodyCache.set(pm, (index = { body, starts }));
  }
  return index;
}

/** How often the body writes "the <Kind>" on its own ("the Code provides…"; not "the Code of Civil Procedure", "the Code Bill"). */
function shortNameTimes(pm: ProcessedMaterial, kind: string): number {
  const { body } = bodyIndexOf(pm);
  return [...body.matchAll(new RegExp(String.raw`(?<![\p{L}])[Tt]he ${escapeRegExp(kind)}(?![\p{L}\p{N}])(?!\s+(?:of\s)?\p{Lu})`, "gu"))].length;
}

/**
 * "Ahom kingdom" for the title's "Ahom Kingdom": the name with its first word as written and the rest in lower case, where
 * the body writes it so inside a sentence (after a word in lower case, so not a sentence's first words: "Land reforms
 * began…") — or null.
 */
function sentenceCaseInBody(pm: ProcessedMaterial, name: string): { name: string; withThe: boolean; times: number } | null {
  const words = name.split(/\s+/);
  if (words.length < 2 || !words.slice(1).some((w) => /^\p{Lu}\p{Ll}/u.test(w))) return null;
  const lowered = [words[0]!, ...words.slice(1).map((w) => (/^\p{Lu}\p{Ll}+$/u.test(w) ? w.toLowerCase() : w))].join(" ");
  const { body, starts } = bodyIndexOf(pm);
  let times = 0;
  let withThe = false;
  // Looked up where the first word (capitalised in both) starts, not by a scan of the body.
  for (const at of starts.get(lowered.slice(0, 3)) ?? []) {
    if (!body.startsWith(lowered, at) || /[\p{L}\p{N}]/u.test(body.charAt(at + lowered.length))) continue;
    if (/^[^\S\n]+(?:of[^\S\n]+)?\p{Lu}/u.test(body.slice(at + lowered.length, at + lowered.length + 6))) continue;
    const before = /(\p{Ll}+)[^\S\n]+$/u.exec(body.slice(Math.max(0, at - 30), at));
    if (!before) continue;
    times++;
    if (before[1] === "the") withThe = true;
  }
  return times ? { name: lowered, withThe, times } : null;
}

/**
 * Does a name stand as a noun phrase of its own where `after` (the text right after it) begins — before punctuation, a
 * verb ("said", "runs", "was"), a preposition — and not as a word describing the next noun ("the RKVY guidelines",
 * "The UNESCO list"), whose article is that noun's? The next word is read in its phrase by compromise.
 */
function standsAlone(name: string, after: string): boolean {
  const next = /^[^\S\n]+(\p{Ll}[\p{Ll}-]*)([^\S\n]+\p{L}+)?/u.exec(after);
  if (!next) return true;
  const phrase = `${name} ${next[1]}${next[2] ?? ""}`;
  let isNoun = nextNounCache.get(phrase);
  if (isNoun === undefined) {
    const tags = taggedTerms(phrase).find((t) => t.text === next[1])?.tags ?? [];
    isNoun = tags.includes("Noun") && !tags.includes("Verb");
    if (nextNounCache.size > 10_000) nextNounCache.clear();
    nextNounCache.set(phrase, isNoun);
  }
  return !isNoun;
}
const nextNounCache = new Map<string, boolean>();

/** Each word of `text` as compromise reads it in its phrase, with its tags ("Noun", "Verb", "PastTense"…). */
export function taggedTerms(text: string): Array<{ text: string; tags: string[] }> {
  return (nlp(text).terms().json() as Array<{ terms: Array<{ text: string; tags: string[] }> }>).map((t) => ({ text: t.terms[0]?.text ?? "", tags: t.terms[0]?.tags ?? [] }));
}

/**
 * Does a definition card ask "What is the X?": an abbreviation or a name of several words takes "the" as the material
 * writes it ("the NPCI", "the National Green Tribunal"; "IN-SPACe", "Operation Prosperity Guardian", "Panchayati Raj"
 * without), and by default when the body never writes it whole; a one-word name takes none.
 */
export function definedTermTakesThe(pm: ProcessedMaterial, term: string): boolean {
  return (/^[A-Z]{2,}/.test(term) || term.split(/\s+/).length > 1) && (takesTheInBody(pm, term) ?? true);
}
/** "the nearby Elephant Stables", "the powerful Grain Board": "the", then one word (read in WordNet as describing), then the name. */
const THE_AND_ONE_WORD = /(?:^|[^\p{L}])[Tt]he[^\S\n]+(\p{Ll}[\p{Ll}-]*)[^\S\n]+$/u;

/**
 * Whether the text writes `name` (a whole name, capitals and all) after "the" in at least half of the places where it
 * stands as a noun phrase of its own, with no "a" or "an" before it: "the National Green Tribunal", "the NPCI", but
 * "IN-SPACe", "Operation Prosperity Guardian", "Panchayati Raj", "Article 370" ("The UNESCO list", "the RKVY funds" say
 * nothing of it). Null when the body never writes it so.
 */
export function takesTheInBody(pm: ProcessedMaterial, name: string): boolean | null {
  const { body } = bodyIndexOf(pm);
  let counted = 0;
  let withThe = 0;
  for (const at of mentionsInBody(pm, name, true)) {
    if (!standsAlone(name, body.slice(at + name.length, at + name.length + 40))) continue;
    const before = body.slice(Math.max(0, at - 40), at);
    if (/(?:^|[^\p{L}])[Aa]n?[^\S\n]+$/u.test(before)) continue;
    counted++;
    const described = THE_AND_ONE_WORD.exec(before)?.[1];
    if (/(?:^|[^\p{L}])[Tt]he[^\S\n]+$/u.test(before) || (described && isDescribingWord(described))) withThe++;
  }
  return counted > 0 ? withThe * 2 >= counted : null;
}

/** A word WordNet knows as an adjective at least as often as a noun ("nearby", "powerful", "national"; not "rockets", "role"). */
function isDescribingWord(word: string): boolean {
  const adjective = getSynsets(word, "a").length;
  return adjective > 0 && adjective >= getSynsets(word, "n").length;
}

/** Where the text outside headings writes `name` as a whole (capitals and all): its offsets in the body. */
function mentionsInBody(pm: ProcessedMaterial, name: string, asWholeName: boolean): number[] {
  const { body, starts } = bodyIndexOf(pm);
  // Looked up by its rarest capitalised word or figure, so a word every heading shares ("Karn …") costs nothing.
  let places: number[] | undefined;
  let offset = 0;
  for (const m of name.matchAll(/(?<![\p{L}\p{N}.])[\p{Lu}\p{N}]\S*/gu)) {
    const list = starts.get(m[0].slice(0, 3)) ?? [];
    if (!places || list.length < places.length) [places, offset] = [list, m.index];
  }
  const found: number[] = [];
  for (const place of places ?? []) {
    const at = place - offset;
    if (at < 0 || !body.startsWith(name, at) || /[\p{L}\p{N}]/u.test(body.charAt(at - 1)) || /[\p{L}\p{N}]/u.test(body.charAt(at + name.length))) continue;
    // As a whole name: not the start of a longer one ("Inter-State River Water Disputes Act").
    if (asWholeName && /^ (?:\p{Lu}|of \p{Lu})/u.test(body.slice(at + name.length, at + name.length + 5))) continue;
    found.push(at);
  }
  return found;
}

/** How often the text outside headings writes `name` as a whole (capitals and all), and whether "the" comes before it there. */
function writtenInBody(pm: ProcessedMaterial, name: string, asWholeName = false): { found: boolean; withThe: boolean; times: number } {
  const { body } = bodyIndexOf(pm);
  const at = mentionsInBody(pm, name, asWholeName);
  const withThe = at.some((p) => /(?:^|[^\p{L}])the\s+$/iu.test(body.slice(Math.max(0, p - 5), p)));
  return { found: at.length > 0, withThe, times: at.length };
}

function hasWord(text: string, word: string, flags = "iu"): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, flags).test(text);
}

/**
 * Is the text still on the subject where the sentence stands: does the sentence's paragraph, or one of the three
 * paragraphs before it under the same heading, name it (a list counts as one paragraph with the line that introduces
 * it), or is the heading itself that close?
 */
function nearTopic(pm: ProcessedMaterial, sentence: Sentence, topic: SectionTopic): boolean {
  const block = pm.blocks[sentence.blockIndex];
  if (!block) return false;
  const kind = kindWordOf(topic.name);
  let paragraphs = 0;
  for (let i = block.index; i >= 0 && paragraphs <= 3; i--) {
    const b = pm.blocks[i]!;
    if (b.kind === "heading") return b.index === block.headingIndex;
    if (b.headingIndex !== block.headingIndex) return false;
    const text = pm.material.text.slice(b.start, b.end);
    if (mentionsTopic(text, topic) || (kind && new RegExp(String.raw`(?<![\p{L}])[Tt]he ${escapeRegExp(kind)}(?![\p{L}\p{N}])`, "u").test(text))) return true;
    // Entries of one list, and the line that introduces them, are one paragraph.
    const listGoesOn = b.kind === "list_item" && pm.blocks[i - 1]?.kind === "list_item";
    const introducesList = b.kind !== "list_item" && pm.blocks[i + 1]?.kind === "list_item" && i + 1 <= block.index;
    if (!listGoesOn && !introducesList) paragraphs++;
  }
  return false;
}

/** Does the text already say which subject it is about: the name, its acronym or one of its distinctive words ("the 1935 Act" for a dated one)? */
export function mentionsTopic(text: string, topic: SectionTopic): boolean {
  const kind = topic.dated && topic.name.split(/\s+/).at(-1)!;
  return (
    hasWord(text, topic.name) ||
    topic.acronyms.some((a) => hasWord(text, a, "u")) ||
    topic.distinctive.some((w) => hasWord(text, w, "u")) ||
    (!!topic.dated && !!kind && hasWord(text, `${topic.dated.year} ${kind}`))
  );
}

/** Kinds of document, programme or body a material may call its subject by (`topic-words.json` subjectKinds). */
const SUBJECT_KINDS = topicWords.subjectKinds;

/** The head a subject's name ends in that a text may call it by alone ("Act" for the Government of India Act, "Scheme"), or null. */
function subjectHeadOf(topic: SectionTopic): string | null {
  const words = topic.name.split(/\s+/);
  const last = words.at(-1)!;
  return words.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(last) && SUBJECT_KINDS.some((k) => k.heads.includes(last.toLowerCase())) ? last : null;
}

/** Words after a bare head that carry a name on ("the Commission on Centre-State Relations"; `topic-words.json`). */
const NAME_GOES_ON = topicWords.nameGoesOnAfterHead.map(escapeRegExp).join("|");

/**
 * Does `text` name another thing of the subject's kind than the subject: any word of that kind (`subjectKinds`: "the
 * 2019 amendment Act", "an amending law", "Treaty of Sugauli", "a support programme", "another body", "Acts"), but in the
 * subject's own name (undated, or with its own year) and in the bare "the <head>" a text calls it by?
 */
function namesOtherOfKind(text: string, topic: SectionTopic, head: string): boolean {
  const kind = SUBJECT_KINDS.find((k) => k.heads.includes(head.toLowerCase()));
  if (!kind) return true;
  const own = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(topic.name)}(?:${YEAR_AFTER})?(?![\p{L}\p{N}])`, "giu");
  const rest = text
    .replace(own, (m, _sep, year: string | undefined) => (year && year !== topic.dated?.year ? m : " "))
    .replace(new RegExp(String.raw`(?<![\p{L}\p{N}])the[^\S\n]+${escapeRegExp(head)}(?![\p{L}\p{N}'’-])`, "giu"), " ");
  const words = [...kind.heads, ...kind.alsoOfKind].map(escapeRegExp).join("|");
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${words})(?:s|es)?(?![\p{L}\p{N}])`, "iu").test(rest);
}

const datedOtherwiseCache = new WeakMap<ProcessedMaterial, Map<string, boolean>>();
/**
 * Does the material date `name` otherwise than `year` anywhere ("the Government of India Act, 1919", "the 1919 Government
 * of India Act", "the Government of India Acts")? Read once per material, name and year: `namingSubject` asks it for
 * every item.
 */
function datedOtherwise(pm: ProcessedMaterial, name: string, year: string): boolean {
  let known = datedOtherwiseCache.get(pm);
  if (!known) datedOtherwiseCache.set(pm, (known = new Map()));
  const key = `${name}\u0000${year}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const whole = pm.material.text;
  const answer =
    [...whole.matchAll(new RegExp(escapeRegExp(name) + YEAR_AFTER, "giu"))].some((d) => d[2] !== year) ||
    [...whole.matchAll(new RegExp(String.raw`((?:1[5-9]|20)\d\d)[^\S\n]+${escapeRegExp(name)}`, "giu"))].some((d) => d[1] !== year) ||
    new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(name)}s(?![\p{L}\p{N}])`, "iu").test(whole);
  known.set(key, answer);
  return answer;
}

/**
 * The item text made from `sentence` with its subject named where it leans on it (issue 9, blind review of 7 Dec 2026):
 * - a bare "the <head>" whose head is the one the subject's name ends in ("The Act is often listed as…", "the scheme
 *   covers…" under a material on the Government of India Act, 1935 or the Carbon Credit Trading Scheme) becomes the
 *   subject's name ("The Government of India Act, 1935 is often listed as…") — only when nothing of that kind but the
 *   subject is named anywhere before it, in the item or in the material's title, headings and paragraphs
 *   (`namesOtherOfKind`: "the Indian Forest Act, 1927", "an amending law", "the settlement signed at Sugauli", "another
 *   body" leave "the Act", "the treaty", "the commission" as written), and nothing after it says which ("the Act of 1919",
 *   "the scheme (PAT)");
 * - a dated subject's name written without its year ("the Government of India Act was the main channel…") gets the year
 *   the title gives it, unless the material dates that name otherwise anywhere ("…Act, 1919", "the 1919 …Act", "…Acts").
 * Only under a section whose subject is that name (`sectionTopic`); the text as it was otherwise.
 */
export function namingSubject(text: string, pm: ProcessedMaterial, sentence: Sentence): string {
  const topic = sectionTopic(pm, sentence);
  let out = text;
  // Everything the material writes before the sentence: its title, headings and paragraphs.
  const before = pm.material.text.slice(0, sentence.start);
  const head = topic && subjectHeadOf(topic);
  if (topic && head) {
    const bare = new RegExp(String.raw`(?<![\p{L}\p{N}])(the)[^\S\n]+${escapeRegExp(head)}(?![\p{L}\p{N}'’-])`, "iu").exec(out);
    const after = bare ? out.slice(bare.index + bare[0].length) : "";
    if (
      bare &&
      // "the Act of 1919", "the scheme (PAT)", "the Act 2005", "the Scheme Rules", "the Act's…": it says which, or reads ill.
      // ("the Commission on Centre-State Relations": a name goes on.)
      !new RegExp(String.raw`^(?:[^\S\n]*(?:of\b|\(|\d)|[^\S\n]+\p{Lu}|['’]|[^\S\n]+(?:${NAME_GOES_ON})[^\S\n]+(?:the[^\S\n]+)?\p{Lu})`, "u").test(after) &&
      // "the mission districts", "the council area": a word describing the next noun, no subject of its own.
      standsAlone(`the ${head.toLowerCase()}`, after) &&
      // Nothing else of its kind anywhere before, in the item or in the material: "the Act" after "an amending law" or
      // "the Treaty of Sugauli", "the commission" after "another body", may be that one.
      !namesOtherOfKind(out.slice(0, bare.index), topic, head) &&
      !namesOtherOfKind(before, topic, head)
    ) {
      const phrase = /^T/.test(bare[1]!) ? topic.phrase.charAt(0).toUpperCase() + topic.phrase.slice(1) : topic.phrase;
      out = out.slice(0, bare.index) + phrase + after;
      return out;
    }
  }
  // (The whole material's dated subject, under a section about another thing too: "the Government of India Act" the
  // Federal Court's section writes is the Act of the title.)
  const dated = [topic, documentTopic(pm)].find((t) => t?.dated);
  if (dated?.dated) {
    const { year, separator } = dated.dated;
    const m = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(dated.name)}(?![\p{L}\p{N}])`, "u").exec(out);
    // Not where the material dates that name otherwise anywhere ("the Government of India Act, 1919", "the 1919 Government
    // of India Act", "the Government of India Acts").
    const otherYear = datedOtherwise(pm, dated.name, year);
    // Not where it is dated already ("…Act, 1935", "the 1935 Government of India Act"), nor before a possessive.
    if (m && !otherYear && !new RegExp(`^${YEAR_AFTER}`, "u").test(out.slice(m.index + m[0].length)) && !/\d[^\S\n]*$/.test(out.slice(0, m.index)) && !/^['’]/.test(out.slice(m.index + m[0].length))) {
      const at = m.index + m[0].length;
      out = out.slice(0, at) + separator + year + out.slice(at);
    }
  }
  return out;
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
  // _____", "Transport minister _____ said in 2019 that she wanted stricter stages"): one that names a body, a place or a
  // thing ("The Ostra Board enforces…") is about that, and a heading put before it would mislead.
  if (namesOwnSubject(text, pm, sentence, answers, !topic.ofWholeMaterial)) return null;
  // A person asked for is what a statement under a heading that names nothing is about.
  if (topic.ofWholeMaterial && answers.some((a) => personNamesOf(pm).has(a.trim().toLowerCase()))) return null;
  // The text must still be on the subject where the sentence stands (`nearTopic`: its paragraph or one of the three before
  // names it in full, by its acronym or a word of its own, or by its kind word — "the Commission"). A section that has
  // moved on ("The office of Governor… is once again at the centre of controversy" after "The Punchhi Commission") leads
  // nowhere.
  if (!nearTopic(pm, sentence, topic)) return null;
  for (const answer of answers) {
    const a = answer.trim();
    if (!a) continue;
    if (mentionsTopic(a, topic) || hasWord(topic.name, a) || a.toLowerCase().includes(topic.name.toLowerCase())) return null;
    // A figure that is part of the name ("Article 163" for "_____").
    const digits = /\d+/.exec(a)?.[0];
    if (digits && (hasWord(topic.name, digits) || digits === topic.dated?.year)) return null;
  }
  return topic.phrase;
}

/**
 * Does an item made from `text` miss what it is about? Its sentence leaves it out (`leansOnSubject`: "The most prominent
 * figure was _____", "… are also affected.") and neither the item's lead nor the text names the subject of its section or
 * material. Such an item is not made.
 */
export function lacksSubject(text: string, lead: string | null, pm: ProcessedMaterial, sentence: Sentence): boolean {
  if (lead || !leansOnSubject(pm, sentence)) return false;
  const topic = sectionTopic(pm, sentence);
  return !(topic && mentionsTopic(text, topic));
}

/** "With reference to the Graded Response Action Plan: " before a statement or a cloze card's front. */
export function withTopic(text: string, topic: string | null): string {
  return topic ? `With reference to ${topic}: ${text}` : text;
}

/** "With reference to the X, " before an instruction ("which figure completes the statement?"), when the section's subject is needed; the instruction capitalised otherwise. */
export function withTopicLead(topic: string | null, instruction: string): string {
  return topic ? `With reference to ${topic}, ${instruction}` : instruction.charAt(0).toUpperCase() + instruction.slice(1);
}

/** The lead an item's subject puts before its instruction or statement (`withTopic`, and "With reference to X, which…"). */
export const TOPIC_LEAD = /^With reference to [^:?\n]+?(?::\s+|,\s+(?=(?:true or false|give the|which|when|what)\b))/;
