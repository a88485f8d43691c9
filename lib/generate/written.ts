import { stableId } from "@/lib/material/hash";
import type { Corpus } from "./corpus";
import type { Question } from "./schemas";
import { sentenceEvidence } from "./text";
import { tokenizeSentences } from "@/lib/material/nlp";
import { isPersonName, nameSubtype } from "./slots";
import { GENERAL_TEMPLATES, GENERIC_HEADINGS, HEADING_QUALIFIERS, lexiconFor, type QuestionTemplate } from "./lexicons";
import { STOP_WORDS } from "./text";
import { getSynsets, isAbstractNoun } from "@/lib/nlp/wordnet";
import { lemmatizeWord } from "@/lib/nlp/analyze";
import { escapeRegExp } from "@/lib/text/regexp";
import type { ProcessedMaterial } from "@/lib/material/schemas";

/** Exam directives, longest first so "critically analyse" wins over "analyse". */
export const DIRECTIVES = [
  "critically analyse", "critically analyze", "critically examine", "critically evaluate", "critically discuss", "critically assess", "critically comment",
  "analyse", "analyze", "examine", "discuss", "evaluate", "assess", "explain", "elucidate", "comment", "describe", "enumerate", "illustrate",
  "justify", "suggest", "outline", "highlight", "compare", "contrast", "review", "account for", "bring out", "identify", "trace",
] as const;

/** Answer size by marks (UPSC Mains convention): 10 marks → 150 words / 7 min, 15 → 250 / 11. */
export function writtenLimits(marks: number): { wordLimit: number; timeLimitSec: number } {
  if (marks >= 15) return { wordLimit: 250, timeLimitSec: 11 * 60 };
  if (marks >= 10) return { wordLimit: 150, timeLimitSec: 7 * 60 };
  return { wordLimit: Math.max(50, marks * 15), timeLimitSec: Math.max(120, Math.round(marks * 42)) };
}

export interface ParsedQuestion {
  text: string;
  directive: string;
  /** What the answer must address, one per demand of the question. */
  demands: string[];
  /** A heading for a demand the parser phrased itself ("Limitations and challenges"); else undefined. */
  headings: Array<string | undefined>;
  marks: number;
  wordLimit: number;
}

/**
 * Reads a written question: its directive ("critically examine"), its demands (split at "and" between
 * verb phrases, at sentences and at "suggest"), and marks/word limit when the text states them
 * ("(15 marks)", "in 250 words"); `marks` defaults to 15.
 */
export function parseQuestion(text: string, marks?: number): ParsedQuestion {
  const clean = text.replace(/\s+/g, " ").trim();
  const statedMarks = /\(?\b(\d{1,2})\s*marks?\b\)?/i.exec(clean);
  const statedWords = /\b(?:in|within|about)?\s*(\d{2,4})\s*words\b/i.exec(clean);
  const m = marks ?? (statedMarks ? Number(statedMarks[1]) : 15);
  const limits = writtenLimits(m);
  const body = clean.replace(/\(?\b\d{1,2}\s*marks?\b\)?/gi, "").replace(/\(?\b(?:in|within|about)?\s*\d{2,4}\s*words\b\)?/gi, "").trim();
  const lower = body.toLowerCase();
  const found = DIRECTIVES.map((d) => ({ d, at: lower.search(new RegExp(`\\b${d}\\b`)) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at || b.d.length - a.d.length);
  const directive = (found[0]?.d ?? (/^(?:how|why|what|to what extent)\b/i.test(body) ? "analyse" : "discuss")).replace("analyze", "analyse");
  const sentences = body.split(/(?<=[.?!])\s+/).filter(Boolean);
  // The context sentence (no directive) names the subject; later pronouns ("these clashes") point to it.
  const directiveSentences = sentences.filter((s) => DIRECTIVES.some((d) => new RegExp(`\\b${d}\\b`, "i").test(s)) || /^(?:how|why|what|to what extent)\b/i.test(s));
  const demandSource = directiveSentences.length ? directiveSentences : sentences;
  const demands: string[] = [];
  for (const s of demandSource) {
    const rest = s.replace(new RegExp(`^.*?\\b(?:${DIRECTIVES.join("|")})\\b[,:]?\\s*`, "i"), "").replace(/[.?!]+$/, "").trim();
    const suggest = /,?\s*\band\s+(suggest|recommend|propose)\b\s*(.*)$/i.exec(rest);
    if (suggest) {
      const head = rest.slice(0, suggest.index).trim();
      const context = sentences.filter((x) => !demandSource.includes(x)).join(" ").replace(/[.?!]+$/, "");
      if (head) demands.push(head);
      else if (context) demands.push(`${directiveLabel(found[0]?.d ?? "examine")}: ${context}`);
      demands.push(`${suggest[1]} ${suggest[2]}`.trim());
      continue;
    }
    // "Trace X, and assess Y": a second directive starts a second demand.
    const second = new RegExp(String.raw`,?\s+and\s+(?=(?:${DIRECTIVES.filter((d) => !/^(?:suggest|compare|contrast)$/.test(d)).join("|")})\b)`, "i").exec(rest);
    if (second) {
      const head = rest.slice(0, second.index).trim();
      const tail = rest.slice(second.index + second[0].length).replace(new RegExp(String.raw`^(?:${DIRECTIVES.join("|")})\b\s*`, "i"), "").trim();
      if (head.split(/\s+/).length >= 2 && tail.split(/\s+/).length >= 2) {
        demands.push(head, tail);
        continue;
      }
    }
    // "how X destabilise A and complicate B" → two demands sharing the subject.
    const split = splitSharedSubject(rest);
    if (split) {
      demands.push(...split);
      continue;
    }
    // Split noun-phrase demands at "and their/the/how…", never inside a quoted title.
    const masked = rest.replace(/"[^"]*"|\u201c[^\u201d]*\u201d/g, (q) => q.replace(/ and /g, " \u0000nd "));
    const parts = masked
      .split(/,?\s+and\s+(?=(?:their|its|the|how|why|what|whether)\b)/i)
      .map((p) => p.replace(/\u0000nd/g, "and"))
      .filter((p) => p.split(/\s+/).length >= 3);
    if (parts.length > 1) demands.push(...parts);
    else if (rest) demands.push(rest);
  }
  if (!demands.length) demands.push(body.replace(/[.?!]+$/, ""));
  // "Critically examine this claim": the claim is the context sentence before the directive.
  // (What is left of a stated "(15 marks, 250 words)" — a stray comma — is no part of the claim.)
  const context = sentences.filter((x) => !demandSource.includes(x) && /\p{L}{2}/u.test(x)).join(" ").replace(/(?:\s*[.?!,;:]+)+\s*$/, "").trim();
  for (let i = 0; i < demands.length; i++) {
    if (context && /^(?:this|the|these|that|such)\s+(?:claim|statement|view|assertion|argument|observation|contention|remark|proposition|description|characterisation|characterization)s?$/i.test(demands[i]!.trim())) {
      demands[i] = `Whether ${context[0]!.toLowerCase()}${context.slice(1)}`;
    }
  }
  const headings = demands.map(() => undefined as string | undefined);
  // A critical directive over a single demand asks for both sides: what supports it and what limits it.
  if (/^critically|^(?:evaluate|assess)$/.test(directive) && demands.length === 1 && m >= 10) {
    const subject = demands[0]!;
    demands.splice(0, 1, `Achievements and strengths: ${subject}`, `Limitations and challenges: ${subject}`);
    headings.splice(0, 1, "Achievements and strengths", "Limitations and challenges");
  }
  const wordLimit = statedWords ? Number(statedWords[1]) : limits.wordLimit;
  return { text: clean, directive, demands: demands.map((d) => d[0]!.toUpperCase() + d.slice(1)), headings, marks: m, wordLimit };
}

function directiveLabel(d: string): string {
  return d[0]!.toUpperCase() + d.slice(1);
}

/**
 * "how these clashes destabilise A and complicate B" → ["how these clashes destabilise A",
 * "how these clashes complicate B"]: the second verb after "and" shares the first clause's subject.
 */
function splitSharedSubject(text: string): string[] | null {
  const [sentence] = tokenizeSentences(text, 0, text.length);
  if (!sentence) return null;
  const tokens = sentence.tokens;
  const lead = /^(how|why|whether|the extent to which|to what extent)\s+/i.exec(text);
  const firstVerb = tokens.findIndex((t, i) => i > 0 && t.start >= (lead?.[0].length ?? 0) && t.pos === "VERB");
  if (firstVerb < 0) return null;
  for (let i = firstVerb + 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (text.slice(t.start, t.end).toLowerCase() !== "and") continue;
    const next = tokens[i + 1]!;
    if (next.pos !== "VERB") continue;
    const subject = text.slice(0, tokens[firstVerb]!.start);
    return [text.slice(0, t.start).trim().replace(/,$/, ""), `${subject}${text.slice(next.start)}`.trim()];
  }
  // The tagger may read the first verb as a noun ("how these clashes strain relations and complicate…"):
  // after "how these <noun>", the next word is the verb when a verb follows "and" later on.
  const subjectMatch = /^((?:how|why|whether)\s+(?:these|the|this|those|such|its|their)\s+[\w-]+\s+)[a-z]+\s/i.exec(text);
  if (subjectMatch) {
    for (let i = 1; i + 1 < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.start <= subjectMatch[0].length || text.slice(t.start, t.end).toLowerCase() !== "and" || tokens[i + 1]!.pos !== "VERB") continue;
      return [text.slice(0, t.start).trim().replace(/,$/, ""), `${subjectMatch[1]}${text.slice(tokens[i + 1]!.start)}`.trim()];
    }
  }
  return null;
}

/** A written-answer question with its limits; evidence is the material the answer should draw on. */
export function writtenQuestion(text: string, marks: number, evidence: Question["evidence"]): Question {
  const limits = writtenLimits(marks);
  const parsed = parseQuestion(text, marks);
  return {
    id: stableId("q", "written", text),
    kind: "written",
    prompt: text,
    explanation: `A ${parsed.directive} question: ${parsed.demands.join("; ")}. A model answer and its rubric accompany it.`,
    marks,
    timeLimitSec: limits.timeLimitSec,
    wordLimit: parsed.wordLimit,
    evidence,
  };
}

/** A sentence that prescribes: what should or must be done, what someone recommends or calls for. */
const PRESCRIPTION = /\b(?:should|must|ought to|needs? to|recommend(?:s|ed|ations?)?|call(?:s|ed)? for|urg(?:es?|ed)|way forward|proposals?|propose[sd]?|reforms? (?:is|are) needed)\b/i;
/** Prescribing sentences a material needs before a question asks for a way forward. */
const MIN_PRESCRIPTIONS = 2;

/** Fills a template's {slots}; null when one it needs is missing. */
function fill(template: QuestionTemplate, values: Record<string, string | undefined>): string | null {
  if (template.needs.some((n) => !values[n])) return null;
  return template.text.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? "");
}

/** "Prime Minister of India" → "the Prime Minister of India"; a person's name or "The …" stays. */
function topicPhrase(title: string, corpus: Corpus): string {
  const t = title.replace(/[.?!]$/, "").trim();
  if (/^the\s/i.test(t)) return `the${t.slice(3)}`;
  if (corpus.entityKind(t) === "person" || isPersonName(t)) return t;
  return `the ${t}`;
}

/**
 * A word the material's body writes capitalised inside a sentence and never in small letters ("Kigali", "Buddhism",
 * "RIDF", "Amul"): a name. ("Later" or "Compensation" in a heading are capitalised only because they open it.)
 */
function isNameIn(word: string, body: string): boolean {
  const w = word.replace(/['’]s$/, "");
  if (!/^\p{Lu}/u.test(w)) return false;
  const inside = new RegExp(String.raw`[\p{Ll},;] +${escapeRegExp(w)}(?![\p{L}\p{M}])`, "u").test(body);
  const lower = w.toLowerCase();
  return inside && (lower === w || !new RegExp(String.raw`(?<![\p{L}\p{M}])${escapeRegExp(lower)}(?![\p{L}\p{M}])`, "u").test(body));
}

/** An abstraction in WordNet ("terms", "purposes", "assessment", "decline") or a word that labels a part of any article. */
function isLabelNoun(word: string): boolean {
  const w = word.toLowerCase();
  return GENERIC_HEADINGS.has(w) || HEADING_QUALIFIERS.has(w) || isAbstractNoun(lemmatizeWord(w));
}

/**
 * Does one part of a heading ("Terms", "horizontal devolution", "spread of the movement") name something of the subject?
 * It does when it carries a name, when its head noun is a thing ("fund", "temples", "hydrofluorocarbons"), or when an
 * abstract head has a modifier that says which ("horizontal devolution", "judicial decisions", "the bad-loan problem").
 * It does not when all it has is an abstraction ("purposes", "assessment", "decline"), a heading word of any article
 * ("Political Background") or a qualifier that makes none specific ("later developments", "regional spread").
 */
function namesSubject(part: string, body: string): boolean {
  const words = part.split(/\s+/).filter(Boolean);
  if (words.some((w) => isNameIn(w, body))) return true;
  const headPhrase = words.slice(0, (words.findIndex((w, i) => i > 0 && /^(?:of|from|to|in|under|for|with|on|by|at|during|after|before|since)$/i.test(w)) + 1 || words.length + 1) - 1).filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  const head = headPhrase[headPhrase.length - 1];
  if (!head) return false;
  if (GENERIC_HEADINGS.has(head.toLowerCase())) return false;
  if (!isLabelNoun(head)) return true;
  return headPhrase.slice(0, -1).some((m) => !HEADING_QUALIFIERS.has(m.toLowerCase()) && (getSynsets(m.toLowerCase(), "a").length > 0 || !isLabelNoun(m)));
}

/**
 * A heading's parts (split at commas and "and") that name something of the subject, joined again; null when none does.
 * "Terms and purposes", "Assessment", "Policy history", "Criticism and debate" label a section of an article, as
 * "Background" or "History" do: a question "with reference to" them asks about nothing in particular. Nor is a line
 * that opens on a preposition or a question word ("From Wikipedia…", "Why this topic matters") a noun phrase.
 */
function subjectPartsOf(heading: string, body: string): string | null {
  if (/^(?:from|by|for|with|in|on|at|to|of|about|under|see|why|how|what|when|where|who|which|whether)\b/i.test(heading)) return null;
  const parts = heading.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter(Boolean);
  const kept = parts.filter((part) => namesSubject(part, body));
  if (!kept.length) return null;
  return kept.length === parts.length ? heading : joinList(kept);
}

/** An article heading as an aspect of its subject: "Executive powers[edit]" → "executive powers". */
function aspectOf(rawHeading: string, body: string): string | null {
  const full = rawHeading.replace(/\s*\[[^\]]*\]\s*$/, "").replace(/\s*\([^)]*\)\s*$/, "").trim();
  if (!full || full.split(/\s+/).length > 6 || GENERIC_HEADINGS.has(full.toLowerCase()) || /[^\p{L}\s,'-]/u.test(full) || !/\s/.test(full) && full.length < 6) return null;
  const h = subjectPartsOf(full, body);
  if (!h) return null;
  // Keep names capitalised ("Kigali Amendment", "Amul today"), lower-case a common first word ("Executive powers").
  const first = h.split(/\s+/)[0]!;
  const isName = h.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).length >= 2 || isNameIn(first, body);
  // …but a leading article reads mid-sentence in lower case ("The Sangama Dynasty" → "the Sangama Dynasty").
  if (isName) return /^The\s/.test(h) ? `the${h.slice(3)}` : h;
  return `${first.toLowerCase()}${h.slice(first.length)}`;
}

function joinList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Exam-style written questions (a 15-mark and a 10-mark one) from templates that are data
 * (lib/generate/lexicons): the subject lexicon's own templates when the material is on its subject
 * and names what they need (an actor between two countries, for international relations); otherwise
 * subject-neutral ones built from the material's title and its section headings, or its headline.
 */
export function generateWrittenQuestions(corpus: Corpus): Question[] {
  const top = corpus.refs.slice().sort((a, b) => b.terms.size - a.terms.size)[0];
  // A written question needs material to answer it from: a few lines of chatter make none.
  if (!top || corpus.refs.length < 6) return [];
  const counts = new Map<string, { name: string; kind: string; n: number }>();
  for (const pm of corpus.materials) for (const e of pm.entities) {
    const key = corpus.aliases.key(e.name);
    const entity = corpus.aliases.resolve(e.name) ?? e;
    const prev = counts.get(key) ?? { name: entity.name, kind: e.kind, n: 0 };
    prev.n += e.mentions.length;
    counts.set(key, prev);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  const actorEntry = ranked.find((e) => e.kind === "organization" || e.kind === "group");
  const countries = ranked.filter((e) => e.kind === "place" && nameSubtype(e.name) === "country");
  const actorEntity = actorEntry ? corpus.aliases.resolve(actorEntry.name) : undefined;
  const actor = actorEntry ? (actorEntity?.acronym && actorEntity.acronym !== actorEntry.name ? `${actorEntry.name} (${actorEntity.acronym})` : actorEntry.name) : undefined;
  const main = corpus.materials[0]!;
  const title = main.material.title;
  // Aspects: the headings of the longest sections (a section runs to the next heading). Names are read in the body, not
  // in the headings themselves ("Expansion and Consolidation" capitalises its words because it is a heading).
  const bodyText = main.blocks.filter((b) => b.kind !== "heading").map((b) => main.material.text.slice(b.start, b.end)).join("\n");
  const sections = main.blocks.flatMap((b, i) => {
    if (b.kind !== "heading" || i === 0) return [];
    const next = main.blocks.findIndex((x, j) => j > i && x.kind === "heading");
    const body = main.blocks.slice(i + 1, next < 0 ? undefined : next).reduce((n, x) => n + (x.end - x.start), 0);
    const aspect = aspectOf(main.material.text.slice(b.start, b.end), bodyText);
    return aspect && body > 300 ? [{ aspect, body, order: i }] : [];
  });
  const aspects = [...new Set(sections.sort((a, b) => b.body - a.body).slice(0, 3).sort((a, b) => a.order - b.order).map((x) => x.aspect))];
  // "Suggest a way forward" only where the material prescribes one: a history of an empire has no remedy to
  // ask for, and a model answer would have to invent one.
  const prescriptions = corpus.materials.reduce((n, pm) => n + pm.sentences.filter((s) => PRESCRIPTION.test(s.text)).length, 0);
  const isHeadline = title.split(/\s+/).length > 7 || /[?:]/.test(title) || /^(?:why|how|what|when|who|where|which|is|are|can|will|should|does|do)\b/i.test(title);
  const values: Record<string, string | undefined> = {
    actor,
    country1: countries[0]?.name,
    country2: countries[1]?.name,
    wayForward: prescriptions >= MIN_PRESCRIPTIONS ? "yes" : undefined,
    ...(isHeadline ? { headline: title.replace(/[.?!]$/, "") } : { topic: topicPhrase(title, corpus) }),
    ...(!isHeadline && aspects.length >= 2 ? { aspects: joinList(aspects), aspect1: aspects[0], aspect2: aspects[1] } : {}),
  };
  const evidenceOfMaterial = (pm: ProcessedMaterial) => (pm.sentences[0] ? [sentenceEvidence(pm, pm.sentences[0])] : [sentenceEvidence(top.pm, top.sentence)]);
  const lexicon = lexiconFor(corpus);
  const out: Question[] = [];
  for (const marks of [15, 10]) {
    const templates = [...(lexicon?.questionTemplates ?? []), ...GENERAL_TEMPLATES].filter((t) => t.marks === marks);
    for (const template of templates) {
      const text = fill(template, values);
      if (!text) continue;
      out.push(writtenQuestion(text, marks, template.needs.includes("actor") ? [sentenceEvidence(top.pm, top.sentence)] : evidenceOfMaterial(main)));
      break;
    }
  }
  return out;
}
