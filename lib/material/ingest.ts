import { AppError } from "@/lib/errors";
import { cleanText, type CleanResult } from "./clean";
import { extractDefinitions } from "./definitions";
import { extractEvents } from "./dates";
import { buildEntities, classifyEntities, findAcronyms, findMentions, readsAsPersonName, type Mention } from "./entities";
import { formatFromFilename, sniffFormat, toPlainText } from "./formats";
import { stableId } from "./hash";
import { extractNumbers } from "./numbers";
import { extractQuotes } from "./quotes";
import { ingestInputSchema, MAX_MATERIAL_BYTES, type Claim, type IngestInput, type MaterialFormat, type ProcessedMaterial } from "./schemas";
import { segmentText } from "./segment";
import { normalizeNameText, normalizeUntrustedText } from "@/lib/text/untrusted";

function utf8Bytes(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const formatMb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * Checks an upload or paste before any work: accepted type (.txt, .md, .html), size within
 * `maxBytes`, text rather than binary. Throws AppError("INVALID") with a message for the user.
 */
export function resolveFormat(input: Pick<IngestInput, "filename" | "format" | "content">, maxBytes = MAX_MATERIAL_BYTES): MaterialFormat {
  const label = input.filename ? `"${input.filename}"` : "The pasted text";
  let format = input.format;
  if (!format && input.filename) {
    const byName = formatFromFilename(input.filename);
    if (!byName) {
      const ext = /\.([^./\\]+)$/.exec(input.filename)?.[1];
      throw new AppError("INVALID", `${label} is not a supported file type${ext ? ` (.${ext})` : ""}: upload a .txt, .md or .html file, or paste the text.`);
    }
    format = byName;
  }
  const bytes = utf8Bytes(input.content);
  if (bytes > maxBytes) throw new AppError("INVALID", `${label} is ${formatMb(bytes)}; the limit is ${formatMb(maxBytes)}. Split it into smaller parts.`);
  if (input.content.includes("\u0000") || /[\u0001-\u0008\u000e-\u001f]{4,}/.test(input.content.slice(0, 10_000)))
    throw new AppError("INVALID", `${label} looks like a binary file, not text: save it as .txt, .md or .html.`);
  return format ?? sniffFormat(input.content);
}

function claimScore(p: { numbers: number; events: number; entities: number; words: number; hasVerb: boolean; startsWithPronoun: boolean; isQuestion: boolean; quoteShare: number }): number {
  let score = Math.min(p.numbers, 3) * 2 + Math.min(p.events, 2) * 1.5 + Math.min(p.entities, 4);
  if (!p.hasVerb) score -= 3;
  if (p.startsWithPronoun) score -= 2;
  if (p.isQuestion) score -= 4;
  if (p.words < 6) score -= 2;
  if (p.words > 45) score -= 1.5;
  score -= p.quoteShare * 2;
  return Math.round(score * 100) / 100;
}

/**
 * Ingests one piece of material: validates, converts HTML/Markdown to text, cleans boilerplate,
 * segments into headings/paragraphs/sentences and extracts entities (with aliases), acronyms,
 * figures, dated events, quotes, definitions and claims. Pure and deterministic: the material id is
 * derived from the source and cleaned text. Throws AppError("INVALID") for unusable input.
 * With `isCleaned`, `content` is a stored material's text, cleaned when it was first read: it is
 * read as it is, so every offset found points into that very text. Cleaning is not idempotent (each
 * pass takes one wire dateline, one repeat of a doubled word, one nested citation marker or one
 * glued date label off a line), so cleaning a stored text again could move offsets away from it.
 */
export function ingestMaterial(rawInput: IngestInput, options: { maxBytes?: number; isCleaned?: boolean } = {}): ProcessedMaterial {
  const parsed = ingestInputSchema.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === "sentenceStarts") throw new AppError("INVALID", `Material has invalid sentence starts: ${issue.path.join(".")} ${issue.message}`);
    throw new AppError("INVALID", `Material is incomplete: ${issue?.path.join(".") || "input"} ${issue?.message ?? ""}`.trim());
  }
  const input = parsed.data;
  const format = resolveFormat(input, options.maxBytes);
  // Binary files are refused above (they carry NUL); what remains is text, normalised at this trust boundary.
  const cleaned: CleanResult = options.isCleaned
    ? { text: input.content, removed: [], sentenceStarts: [] }
    : cleanText(toPlainText(normalizeUntrustedText(input.content), format));
  const label = input.filename ? `"${input.filename}"` : "The pasted text";
  if (!/[\p{L}]{2,}/u.test(cleaned.text)) throw new AppError("INVALID", `${label} has no readable text after cleaning.`);
  const text = cleaned.text;
  // Given starts are offsets into the input; a stored text that cleaning changes again (a trailing line
  // that only now counts as page furniture) keeps those outside the changed part, moved with the text.
  const sentenceStarts = mergeSentenceStarts(cleaned.sentenceStarts, carrySentenceStarts(input.content, text, input.sentenceStarts ?? []));
  const { blocks, sentences } = segmentText(text, sentenceStarts);
  const title =
    input.title?.trim() ||
    cleaned.title ||
    headingTitle(text, blocks) ||
    shortLabel(sentences[0]?.text) ||
    input.source;
  // The title line, when it heads the text, is a heading rather than a sentence to learn from.
  const first = blocks[0];
  let bodySentences = sentences;
  if (first && first.kind === "paragraph" && text.slice(first.start, first.end).trim() === title.trim()) {
    first.kind = "heading";
    bodySentences = sentences.filter((s) => s.blockIndex !== first.index);
    bodySentences.forEach((s, i) => (s.index = i));
    for (const b of blocks.slice(1)) if (b.headingIndex === undefined && b.kind !== "heading") b.headingIndex = first.index;
  }
  const acronyms = findAcronyms(bodySentences, text);
  const mentions: Mention[] = bodySentences.flatMap((s) => findMentions(s));
  const entities = buildEntities(bodySentences, text, acronyms, mentions);
  const quotes = extractQuotes(text, blocks, bodySentences);
  const definitions = bodySentences.flatMap((s) => extractDefinitions(s));
  classifyEntities(entities, text, new Set(quotes.flatMap((q) => (q.speaker ? [q.speaker] : []))));
  resolveSpeakers(quotes, entities, definitions);
  const numbers = bodySentences.flatMap((s) => extractNumbers(s));
  const events = bodySentences.flatMap((s) => extractEvents(s));
  // Which entities each sentence mentions, for claims.
  const entitiesBySentence = new Map<number, Set<string>>();
  for (const e of entities) for (const m of e.mentions) {
    const set = entitiesBySentence.get(m.sentenceIndex) ?? new Set<string>();
    set.add(e.id);
    entitiesBySentence.set(m.sentenceIndex, set);
  }
  const count = <T extends { sentenceIndex: number }>(items: T[]) => {
    const map = new Map<number, number>();
    for (const i of items) map.set(i.sentenceIndex, (map.get(i.sentenceIndex) ?? 0) + 1);
    return map;
  };
  const numbersBy = count(numbers);
  const eventsBy = count(events);
  const quotedChars = new Map<number, number>();
  for (const q of quotes) quotedChars.set(q.sentenceIndex, (quotedChars.get(q.sentenceIndex) ?? 0) + (q.end - q.start));
  const claims: Claim[] = bodySentences.map((s) => {
    const ids = [...(entitiesBySentence.get(s.index) ?? [])];
    const words = s.text.split(/\s+/).length;
    return {
      sentenceIndex: s.index,
      entityIds: ids,
      isQuoted: (quotedChars.get(s.index) ?? 0) > s.text.length * 0.4,
      score: claimScore({
        numbers: numbersBy.get(s.index) ?? 0,
        events: eventsBy.get(s.index) ?? 0,
        entities: ids.length,
        words,
        hasVerb: s.tokens.some((t) => t.pos === "VERB" || t.pos === "AUX"),
        startsWithPronoun: /^(?:It|They|This|These|That|Those|He|She|His|Her|Their|Its|Such)\b/.test(s.text),
        isQuestion: s.text.trimEnd().endsWith("?"),
        quoteShare: Math.min(1, (quotedChars.get(s.index) ?? 0) / Math.max(1, s.text.length)),
      }),
    };
  });
  const id = stableId("mat", input.source, text);
  const outlet = normalizeNameText(input.outlet || cleaned.outlet || "").trim();
  return {
    material: {
      id,
      // Taken from the text when not given (an HTML title, a heading): a one-line name, shown as one.
      title: normalizeNameText(title).trim() || input.source,
      source: input.source,
      ...(outlet ? { outlet } : {}),
      ...(input.publishedAt || cleaned.publishedAt ? { publishedAt: input.publishedAt || cleaned.publishedAt } : {}),
      ...(input.url ? { url: input.url } : {}),
      text,
      ...(sentenceStarts.length ? { sentenceStarts } : {}),
    },
    blocks,
    sentences: bodySentences,
    entities,
    acronyms,
    numbers,
    events,
    quotes,
    definitions,
    claims,
    removed: cleaned.removed,
  };
}

/**
 * Starts given as offsets into `content`, as offsets into its cleaned `text`. Cleaning removes or rewrites
 * whole lines and line prefixes. When it only dropped lines around the text (page furniture above and
 * below), the text is found whole in the content and every start moves with it. Otherwise the two share
 * an unchanged head and tail: a start in the head keeps its offset, one in the tail moves by the change
 * in length, and one inside the changed part is dropped (the segmenter also ignores a start that does
 * not fall on a word).
 */
function carrySentenceStarts(content: string, text: string, given: readonly number[]): number[] {
  if (!given.length || content === text) return [...given];
  const offset = content.indexOf(text);
  if (offset >= 0) return given.flatMap((start) => (start >= offset && start < offset + text.length ? [start - offset] : []));
  const shorter = Math.min(content.length, text.length);
  let head = 0;
  while (head < shorter && content.charCodeAt(head) === text.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shorter - head && content.charCodeAt(content.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  const shift = text.length - content.length;
  return given.flatMap((start) => (start < head ? [start] : start >= content.length - tail ? [start + shift] : []));
}

/** Two lists of sentence starts (character offsets) as one, ascending and without repeats. */
function mergeSentenceStarts(found: readonly number[], given: readonly number[]): number[] {
  return [...new Set([...found, ...given])].sort((a, b) => a - b);
}

/** A first heading long enough to be a title (not "Introduction" or a byline). */
function headingTitle(text: string, blocks: ProcessedMaterial["blocks"]): string | undefined {
  const b = blocks[0];
  if (!b || b.kind !== "heading") return undefined;
  const line = text.slice(b.start, b.end).trim();
  const words = line.split(/\s+/);
  if (/^(?:core demands?(?: of the question)?|introduction|body|conclusion|answer|abstract|summary|contents|table of contents)$/i.test(line)) return undefined;
  const hasLowercaseWord = words.some((w) => /^[a-z]{3,}/.test(w));
  if (words.length >= 5 || (words.length >= 3 && hasLowercaseWord)) return line;
  // A short heading names the subject ("The Vijayanagara Empire", "Mughal Administration") unless it is a
  // kicker in capitals ("EXPLAINER", "OPINION") or a byline: "By …", a name with its role after a comma, or a
  // person's name ("Dr. Jane Roe").
  const isKicker = !/\p{Ll}/u.test(line);
  // ("Cabinet Mission Plan, 1946": a comma before a year or a span of years dates the subject; it is no byline.)
  const byline = line.includes(",") && !/^[^,]+,\s*(?:c\.\s*)?\d{3,4}(?:\s*[–-]\s*\d{2,4})?(?:\s*(?:CE|BCE|AD|BC))?$/.test(line);
  return isKicker || /^by\s/i.test(line) || byline || readsAsPersonName(line) ? undefined : line;
}

/** Speakers named by surname ("Ali told DW") take the full name and role known for them. */
function resolveSpeakers(quotes: ProcessedMaterial["quotes"], entities: ProcessedMaterial["entities"], definitions: ProcessedMaterial["definitions"]): void {
  const byAlias = new Map<string, ProcessedMaterial["entities"][number]>();
  for (const e of entities) for (const a of e.aliases) byAlias.set(a, e);
  for (const q of quotes) {
    if (!q.speaker) continue;
    const entity = byAlias.get(q.speaker);
    if (entity && entity.kind === "person" && entity.name.split(/\s+/).length > q.speaker.split(/\s+/).length) q.speaker = entity.name;
    // A described role ("an Islamabad-based analyst") beats a bare title ("Analyst").
    const def = definitions.find((d) => d.term === q.speaker || d.term.endsWith(` ${q.speaker}`));
    if (def && (!q.role || q.role.split(/\s+/).length < 2)) q.role = def.definition;
  }
  for (const e of entities) {
    if (e.kind !== "person") continue;
    const def = definitions.find((d) => e.aliases.includes(d.term));
    if (def) e.role = def.definition;
  }
}

/** The opening words of a sentence as a stand-in title: at most ten words, cut at a word. */
function shortLabel(sentence: string | undefined): string | undefined {
  if (!sentence) return undefined;
  const words = sentence.replace(/[.!?]$/, "").split(/\s+/);
  return words.length <= 10 ? words.join(" ") : `${words.slice(0, 10).join(" ").replace(/[,;:]$/, "")}...`;
}
