import { z } from "zod";
import { escapeRegExp } from "@/lib/text/regexp";
import type { Corpus } from "./corpus";
import cueData from "./name-usage.json";

/**
 * What the material itself says a name is — "the port of X", "X, the capital", "King X", "X's reign", "X has
 * rejected…" — and which numbers it names after a label ("Article 280", "paragraph 4"). Distractors and the
 * swaps that make false statements must be of the answer's type; a general-purpose tagger cannot tell a port
 * from an inland town, a temple from a king, or a state from a capital that speaks for a government, but the
 * sentences around each name usually can. Cues are data (`name-usage.json`).
 */
const cueSchema = z.object({ before: z.array(z.string()), after: z.array(z.string()) });
const dataSchema = z.object({
  personBefore: z.array(z.string()).min(1),
  personAfter: z.array(z.string()).min(1),
  firmBefore: z.array(z.string()),
  firmAfter: z.array(z.string()),
  notPersonHeads: z.array(z.string().min(1)),
  notPersonSuffixes: z.array(z.string().min(2)),
  referenceLabels: z.array(z.string().min(1)).min(1),
  capitalisedReferenceLabels: z.array(z.string().min(1)),
  placeLevels: z.record(z.string(), cueSchema),
  placeRoles: z.record(z.string(), cueSchema),
});
const data = dataSchema.parse(cueData);

interface Cue {
  before: RegExp[];
  after: RegExp[];
}
const compile = (c: z.infer<typeof cueSchema>): Cue => ({ before: c.before.map((p) => new RegExp(p, "u")), after: c.after.map((p) => new RegExp(p, "u")) });
const PERSON: Cue = compile({ before: data.personBefore, after: data.personAfter });
const FIRM: Cue = compile({ before: data.firmBefore, after: data.firmAfter });
const LEVELS = Object.entries(data.placeLevels).map(([name, c]) => [name, compile(c)] as const);
const ROLES = Object.entries(data.placeRoles).map(([name, c]) => [name, compile(c)] as const);
const NOT_PERSON_HEADS = new Set(data.notPersonHeads);
/** Labels written in either case ("Article", "section"), then those only capitalised ("Note 3", never "note 3"). */
const LABELS = [
  ...data.referenceLabels.map((l) => `[${l[0]!.toUpperCase()}${l[0]!.toLowerCase()}]${escapeRegExp(l.slice(1))}`),
  ...data.capitalisedReferenceLabels.map(escapeRegExp),
]
  .sort((a, b) => b.length - a.length)
  .join("|");
/** A label right before a figure: "Article _____", "Articles 14, _____", "paragraph _____". */
const LABEL_BEFORE = new RegExp(String.raw`\b(${LABELS})\.?\s+(?:\d+(?:\.\d+)?[A-Z]{0,3}(?:\(\w+\))?,\s+)*$`, "u");
/** A label and the numbers it names: "Articles 243B, 243D and 280", "paragraph 4". */
const NUMBER = String.raw`\d+(?:\.\d+)?[A-Z]{0,3}`;
const LABELLED_NUMBERS = new RegExp(String.raw`\b(${LABELS})\.?\s+(${NUMBER}(?:(?:,\s*|\s+(?:and|or|to)\s+)${NUMBER})*)\b`, "gu");

/** What the material says of one name, over all its mentions. */
export interface NameUsage {
  /** A title before it or a person's word after it ("King X", "X, who", "X's reign", "X died"). */
  isPerson: boolean;
  /** A firm's word before or after it ("companies such as X", "X's plant", "X, a carmaker"): never a person, whatever its name sounds like. */
  isFirm: boolean;
  /** Place levels the material gives it: settlement, subnational, district. */
  levels: Set<string>;
  /** Roles the material gives it: port, capital, government (a capital or state that speaks and acts), theatre of war. */
  roles: Set<string>;
}

const EMPTY: NameUsage = { isPerson: false, isFirm: false, levels: new Set(), roles: new Set() };
const cache = new WeakMap<Corpus, Map<string, NameUsage>>();

/** What joins two names of one list: a comma, "and", "or", ", and". */
const LIST_GAP = /^(?:,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)$/;

function matches(cue: Cue, before: string, after: string): boolean {
  return cue.before.some((r) => r.test(before)) || cue.after.some((r) => r.test(after));
}

/** Each name's usage across the whole corpus, by alias key; computed once per corpus, linear in the mentions. */
export function nameUsages(corpus: Corpus): Map<string, NameUsage> {
  const cached = cache.get(corpus);
  if (cached) return cached;
  const out = new Map<string, NameUsage>();
  // Names in one list ("A, B and C, who together commanded…", "companies such as A and B") are of one kind: a person's or
  // a firm's word for one is evidence for all.
  const lists: string[][] = [];
  for (const pm of corpus.materials) {
    const text = pm.material.text;
    const mentions: Array<{ key: string; start: number; end: number }> = [];
    for (const e of pm.entities) {
      const key = corpus.aliases.key(e.name);
      const usage = out.get(key) ?? { isPerson: false, isFirm: false, levels: new Set<string>(), roles: new Set<string>() };
      out.set(key, usage);
      for (const m of e.mentions) {
        mentions.push({ key, start: m.start, end: m.end });
        const before = text.slice(Math.max(0, m.start - 40), m.start);
        const after = text.slice(m.end, m.end + 60);
        if (matches(PERSON, before, after)) usage.isPerson = true;
        if (matches(FIRM, before, after)) usage.isFirm = true;
        for (const [level, cue] of LEVELS) if (matches(cue, before, after)) usage.levels.add(level);
        for (const [role, cue] of ROLES) if (matches(cue, before, after)) usage.roles.add(role);
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    let list: string[] = [];
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      const previous = mentions[i - 1];
      if (previous && LIST_GAP.test(text.slice(previous.end, m.start))) list.push(m.key);
      else {
        if (list.length > 1) lists.push(list);
        list = [m.key];
      }
    }
    if (list.length > 1) lists.push(list);
  }
  for (const list of lists) {
    if (list.some((k) => out.get(k)?.isPerson)) for (const k of list) out.get(k)!.isPerson = true;
    if (list.some((k) => out.get(k)?.isFirm)) for (const k of list) out.get(k)!.isFirm = true;
  }
  cache.set(corpus, out);
  return out;
}

/** One name's usage (empty when the material says nothing of it). */
export function usageOf(corpus: Corpus, key: string): NameUsage {
  return nameUsages(corpus).get(key) ?? EMPTY;
}

/**
 * True when the name's last word says it is a thing, a firm or an idea, never a person ("Ola Electric", "Patrolling
 * Points", "Sri Vaishnavism"), or it opens with a reference label ("Part IX").
 */
export function hasNonPersonHead(name: string): boolean {
  const last = name.split(/\s+/).pop() ?? "";
  return NOT_PERSON_HEADS.has(last) || (last.length > 5 && NOT_PERSON_SUFFIX.test(last)) || LABEL_FIRST.test(name);
}
const NOT_PERSON_SUFFIX = new RegExp(`(?:${data.notPersonSuffixes.map(escapeRegExp).join("|")})$`);
const LABEL_FIRST = new RegExp(String.raw`^(?:${LABELS})\s+[\dIVXLC]`, "u");

/** The label a figure is the number of ("article", "section", "paragraph"), from the text right before it; null for a quantity. */
export function referenceLabel(textBefore: string): string | null {
  const m = LABEL_BEFORE.exec(textBefore);
  return m ? normaliseLabel(m[1]!) : null;
}

function normaliseLabel(label: string): string {
  const l = label.toLowerCase();
  return l === "para" ? "paragraph" : l === "entries" ? "entry" : l.replace(/s$/, "");
}

const labelledCache = new WeakMap<Corpus, Map<string, string[]>>();
/**
 * Every number the materials name after each label ("article" → 14, 243B, 280), in order of first mention:
 * the only plausible options for an article's number are the articles the material itself names.
 */
export function labelledNumbers(corpus: Corpus): Map<string, string[]> {
  const cached = labelledCache.get(corpus);
  if (cached) return cached;
  const out = new Map<string, string[]>();
  for (const pm of corpus.materials) {
    for (const m of pm.material.text.matchAll(LABELLED_NUMBERS)) {
      const label = normaliseLabel(m[1]!);
      const list = out.get(label) ?? [];
      for (const n of m[2]!.split(/,\s*|\s+(?:and|or|to)\s+/)) if (n && !list.includes(n)) list.push(n);
      out.set(label, list);
    }
  }
  labelledCache.set(corpus, out);
  return out;
}
