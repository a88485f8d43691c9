import type { Block, Quote, Sentence } from "./schemas";
import { isDemonym } from "./entities";
import { sentencePositionAt } from "./segment";

/** Verbs after which a following name is the speaker ("said Asif Durrani"); "told X" names the listener. */
const SAY_BEFORE_NAME = String.raw`(?:said|says|added|adds|wrote|writes|stated|noted|argued|explained|insisted|observed|asserted|declared|remarked|stressed)`;
const SAY = String.raw`(?:saying|said|says|told|tells|added|adds|stated|states|noted|notes|warned|warns|wrote|writes|argued|argues|explained|insisted|insists|claimed|claims|remarked|observed|asserted|declared|announced|maintained|acknowledged|conceded|stressed|urged)`;
const NAME = String.raw`(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen)\.?\s+)?[A-Z][\w'-]+(?:\s+(?:bin\s+|al-|de\s+)?[A-Z][\w'-]+){0,3}`;
const TITLE_PREFIX = /^(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|President|Prime Minister|Minister|Analyst|Chief|General|Ambassador|Governor|Mayor|Senator|Professor|Director)\.?\s+)+/;

const stripTitle = (name: string) => name.replace(TITLE_PREFIX, "").trim();

/** Role words that may precede a name: "Iranian Foreign Minister", "foreign ministry spokeswoman". */
function splitRoleAndName(phrase: string): { name: string; role?: string } {
  const words = phrase.trim().split(/\s+/);
  const isRoleWord = (w: string) => roleWord.test(w) || isDemonym(w);
  const roleWord = /^(?:Governor|Mayor|Chairman|Chairwoman|Chair|CEO|Professor|Senator|Judge|Justice|Commissioner|Director|Foreign|Interior|Deputy|Prime|Minister|President|Secretary|General|Chief|Former|Acting|Senior|Special|Army|Defen[cs]e|Finance|Information|Analyst|Ambassador|Spokesperson|Spokesman|Spokeswoman|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Prof\.?)$/;
  let i = 0;
  while (i < words.length - 1 && isRoleWord(words[i]!)) i++;
  const name = words.slice(i).join(" ");
  const role = words
    .slice(0, i)
    .filter((w) => !/^(?:Dr|Mr|Mrs|Ms|Prof)\.?$/.test(w))
    .join(" ");
  return role ? { name, role } : { name };
}

interface Attribution {
  speaker: string;
  role?: string;
  start: number;
  end: number;
}

/**
 * Finds who is credited in the unquoted part of a paragraph: "said NAME, ROLE", "NAME, ROLE, said",
 * "ROLE NAME said", "NAME told OUTLET", "according to NAME"; "he/she said" resolves to `lastSpeaker`.
 */
function findAttribution(masked: string, offset: number, lastSpeaker: Attribution | null, lastNamed: Attribution | null): Attribution | null {
  let m = new RegExp(String.raw`\b${SAY_BEFORE_NAME}\s+(${NAME})(?:,\s+((?:an?|the|[A-Z][\w-]*'s)\s[^,.;"]{3,160}?)(?=,|\.|;|$))?`).exec(masked);
  if (m && !/^(?:He|She|They|It|The|This|That|On|In|At)\b/.test(m[1]!)) {
    const { name, role } = splitRoleAndName(m[1]!);
    return { speaker: stripTitle(name), ...(m[2] ? { role: m[2].trim() } : role ? { role } : {}), start: offset + m.index, end: offset + m.index + m[0].length };
  }
  m = new RegExp(String.raw`(${NAME}),\s+((?:an?|the|[A-Z][\w-]*'s)\s[^"]{3,160}?),\s+${SAY}\b`).exec(masked);
  if (m) {
    const { name } = splitRoleAndName(m[1]!);
    return { speaker: stripTitle(name), role: m[2]!.trim(), start: offset + m.index, end: offset + m.index + m[0].length };
  }
  m = new RegExp(String.raw`((?:[a-z]+\s+){0,3}(?:spokes(?:person|man|woman)|analyst|minister|official|expert|researcher|ambassador)\s+)?(${NAME})\s+(?:also\s+|further\s+|later\s+)?${SAY}\b`).exec(masked);
  if (m && !/^(?:He|She|They|It|The|This|That|But|And)$/.test(m[2]!)) {
    const { name, role } = splitRoleAndName(m[2]!);
    const lowerRole = m[1]?.trim();
    const fullRole = [lowerRole, role].filter(Boolean).join(" ") || undefined;
    return { speaker: stripTitle(name), ...(fullRole ? { role: fullRole } : {}), start: offset + m.index, end: offset + m.index + m[0].length };
  }
  m = new RegExp(String.raw`\b((?:the\s+)?(?:[A-Z][\w-]+\s+)?(?:[a-z]+\s+){0,2}(?:minister|spokes(?:person|man|woman)|official|president|chief|envoy|ambassador|commander))\b[^"]{0,80}?\b${SAY}`).exec(masked);
  if (m && /^(?:the\s+)?[A-Z]/.test(m[1]!)) {
    const speaker = m[1]!.replace(/^the\s+/, "");
    return { speaker: speaker[0]!.toUpperCase() + speaker.slice(1), start: offset + m.index, end: offset + m.index + m[0].length };
  }
  m = /\baccording to (?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})/.exec(masked);
  if (m) return { speaker: stripTitle(m[1]!), start: offset + m.index, end: offset + m.index + m[0].length };
  m = new RegExp(String.raw`\b(?:he|she)\s+${SAY}\b|\b${SAY}\s+(?:he|she)\b`, "i").exec(masked);
  // "…former finance minister Lena Okafor, argue that … ' she told …": a person named earlier in the paragraph.
  const named = m ? [...masked.slice(0, m.index).matchAll(/(?:^|[^.!?]\s)((?:[a-z]+\s+){0,3}(?:minister|governor|analyst|expert|researcher|official|spokes(?:person|man|woman)|economist|professor|director|chief|ambassador|leader)\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\b(?!\s+(?:said|told))/g)].pop() : undefined;
  if (m && named && !/^(?:The|A|An|In|On|At|But|And)\b/.test(named[2]!)) {
    const role = named[1]?.trim().replace(/^(?:including|and|with|by|as|like|such as|of)\s+/, "");
    return { speaker: stripTitle(named[2]!), ...(role ? { role } : {}), start: offset + m.index, end: offset + m.index + m[0].length };
  }
  const antecedent = lastNamed ?? lastSpeaker;
  if (m && antecedent) return { ...antecedent, start: offset + m.index, end: offset + m.index + m[0].length };
  return null;
}

/**
 * Direct quotations in paragraphs with speaker and role. A paragraph that is nothing but a quotation
 * continues the previous paragraph's speaker. Quotes of fewer than three words are kept (scare
 * quotes carry meaning) but rarely have a speaker.
 */
export function extractQuotes(text: string, blocks: Block[], sentences: Sentence[]): Quote[] {
  const out: Quote[] = [];
  const sentenceAt = (pos: number) => {
    const { at, holds } = sentencePositionAt(sentences, pos);
    return holds ? sentences[at]!.index : Math.max(0, Math.min(sentences.length - 1, at));
  };
  let lastSpeaker: Attribution | null = null;
  let lastNamed: Attribution | null = null;
  let previousBlockHadQuote = false;
  const roles = new Map<string, string>();
  for (const block of blocks) {
    if (block.kind === "heading") continue;
    const body = text.slice(block.start, block.end);
    const found = [...body.matchAll(/"([^"\n]{2,}?)"/g)];
    // The person a later "he said" refers to: a paragraph opening "Name Surname, role, …".
    const opener = /^((?:[A-Z][\w'-]+\s+){1,3}[A-Z][\w'-]+),\s+((?:an?|the|[A-Z][\w-]*'s)\s[^,."]{3,120}),/.exec(body);
    if (opener) lastNamed = { speaker: opener[1]!, role: opener[2]!, start: block.start, end: block.start + opener[0].length };
    if (!found.length) {
      const mention = findAttribution(body, block.start, null, null);
      if (mention && /^[A-Z]/.test(mention.speaker)) lastNamed = mention;
      previousBlockHadQuote = false;
      continue;
    }
    const masked = body.replace(/"[^"\n]*"/g, (q) => " ".repeat(q.length));
    const isOnlyQuote = masked.trim().length === 0;
    let attribution = findAttribution(masked, block.start, lastSpeaker, lastNamed);
    if (!attribution && isOnlyQuote && previousBlockHadQuote && lastSpeaker) attribution = lastSpeaker;
    if (attribution) {
      const known = [...roles.keys()].find((k) => k === attribution!.speaker || k.endsWith(` ${attribution!.speaker}`));
      if (known) attribution = { ...attribution, speaker: known, role: attribution.role ?? roles.get(known) };
      if (attribution.role && !roles.has(attribution.speaker)) roles.set(attribution.speaker, attribution.role);
      if (!attribution.role && roles.has(attribution.speaker)) attribution = { ...attribution, role: roles.get(attribution.speaker) };
      if (!roles.has(attribution.speaker)) roles.set(attribution.speaker, attribution.role ?? "");
    }
    // Speaker binding per quotation: the attribution in the quote's own sentence wins; failing that,
    // the paragraph's only speaker. When the paragraph credits several people and the quote's own
    // sentence names none, the speaker is ambiguous and none is given (no who-said card is made).
    const blockSentences = sentences.filter((s) => s.start >= block.start && s.end <= block.end);
    const sentenceAttribution = new Map<number, Attribution | null>();
    const ownAttribution = (index: number) => {
      if (!sentenceAttribution.has(index)) {
        const s = sentences[index]!;
        const own = findAttribution(masked.slice(s.start - block.start, s.end - block.start), s.start, null, null);
        sentenceAttribution.set(index, own && /^[A-Z]/.test(own.speaker) ? own : null);
      }
      return sentenceAttribution.get(index) ?? null;
    };
    const speakersInBlock = new Set(blockSentences.map((s) => ownAttribution(s.index)?.speaker).filter((x): x is string => !!x));
    for (const q of found) {
      const inner = q[1]!;
      const lead = inner.length - inner.trimStart().length;
      const trimmed = inner.trim().replace(/[,]$/, "");
      const start = block.start + q.index + 1 + lead;
      const sentenceIndex = sentenceAt(start);
      const own = blockSentences.some((s) => s.index === sentenceIndex) ? ownAttribution(sentenceIndex) : null;
      const known = own ? [...roles.keys()].find((k) => k === own.speaker || k.endsWith(` ${own.speaker}`)) : undefined;
      const bound = own ? { ...own, ...(known ? { speaker: known } : {}), ...(own.role ?? (known ? roles.get(known) : undefined) ? { role: own.role ?? roles.get(known!) } : {}) } : speakersInBlock.size > 1 ? null : attribution;
      out.push({
        start,
        end: start + trimmed.length,
        sentenceIndex,
        text: trimmed,
        ...(bound ? { speaker: bound.speaker } : {}),
        ...(bound?.role ? { role: bound.role } : {}),
        ...(bound ? { attribution: { start: bound.start, end: bound.end } } : {}),
      });
    }
    if (attribution) {
      lastSpeaker = attribution;
      lastNamed = null;
    }
    previousBlockHadQuote = true;
  }
  return out;
}
