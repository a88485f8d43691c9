import { stableId } from "@/lib/material/hash";
import { isAcronym } from "@/lib/material/entities";
import type { Corpus, SentenceRef } from "./corpus";
import type { EvidenceSpan, ModelAnswer, RubricPoint } from "./schemas";
import { evidenceOf, roughStem, sentenceEvidence, standaloneText, stemsOf, wordCount } from "./text";
import { parseQuestion, type ParsedQuestion } from "./written";
import { nameSubtype } from "./slots";

/** Analytical dimensions a UPSC answer is expected to range over, with the words that signal them. */
export const DIMENSIONS = [
  { id: "ideological", label: "Ideological affinity", words: "ideology ideological ideologically ally alliance brotherly brother religious religion sharia jihad jihadist islamist sympathetic sympathy kinship comrade guest alignment convergence historic shared creed" },
  { id: "security", label: "Cross-border militancy", words: "attack militant militancy terror terrorism terrorist strike airstrike fighter insurgency insurgent violence sanctuary haven hideout cross-border operation military offensive kill killed security soldier troops retaliation clash clashes raid" },
  { id: "political", label: "Political and diplomatic trust", words: "relation relations diplomatic diplomacy trust distrust talks dialogue recognition recognise recognize ambassador visit engagement pressure hope expectation optimism concern patience hostility tension tensions bilateral ties miscalculation" },
  { id: "sovereignty", label: "Sovereignty and legitimacy", words: "sovereignty sovereign independent independently independence legitimacy legitimate interference recognition recognise recognize defiance defiant autonomy proxy deny denied" },
  { id: "economic", label: "Economic and trade leverage", words: "trade economic economy port ports tariff tariffs investment investments corridor landlocked transit market markets lifeline connectivity embargo goods crossing crossings" },
  { id: "humanitarian", label: "Civilian and humanitarian costs", words: "civilian civilians refugee refugees deport deported deportation casualty casualties death deaths humanitarian displaced expelled families" },
  { id: "regional", label: "Regional and international dimension", words: "regional region international global neighbour neighbours neighbor mediate mediation mediator ceasefire multilateral council nations world collective trilateral rivalry" },
] as const;
export type DimensionId = (typeof DIMENSIONS)[number]["id"];

const DIMENSION_STEMS = DIMENSIONS.map((d) => ({ ...d, stems: new Set(d.words.split(" ").map(roughStem)) }));

const WAY_FORWARD: Record<DimensionId, string> = {
  ideological: "separating ideological affinity from state policy",
  security: "institutionalised border management and intelligence-sharing",
  political: "regular high-level dialogue to rebuild trust",
  sovereignty: "respect for sovereignty and for commitments already made",
  economic: "economic incentives and connectivity that give every side a stake in stability",
  humanitarian: "protection of civilians and vulnerable groups",
  regional: "multilateral mediation through regional and international forums",
};

export function dimensionOf(stems: ReadonlySet<string>): { id: DimensionId; label: string; score: number } | null {
  let best: { id: DimensionId; label: string; score: number } | null = null;
  for (const d of DIMENSION_STEMS) {
    let score = 0;
    for (const s of d.stems) if (stems.has(s)) score++;
    if (score > 0 && (!best || score > best.score)) best = { id: d.id, label: d.label, score };
  }
  return best;
}

/**
 * Shortens a material sentence into an answer point: drops leading connectives, attribution
 * ("…, analysts said", "according to …"), quotation marks and parentheses, and cuts a long sentence
 * at a clause boundary near `maxWords`.
 */
export function compressSentence(text: string, maxWords = 30): string {
  let t = standaloneText(text.replace(/"/g, ""))
    .replace(/,?\s*(?:according to|as per)\s+[^,.;]+/gi, "")
    .replace(/,\s*(?:said|says|added|told)\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][^,.;]*(?:,\s*(?:an?|the)\s[^,.;]+)?(?=[,.;]|$)/g, "")
    .replace(/,\s*(?:he|she|they|it)\s+(?:said|says|added|told)(?:\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?(?=[.,;]|$)/g, "")
    .replace(/,\s*(?:[a-z]+\s+){0,2}(?:analysts?|officials?|experts?|sources?)(?:\s+in\s+[A-Z][\w-]*(?:\s+and\s+[A-Z][\w-]*)?)?\s+(?:said|say|says)(?:\s+on\s+[A-Z]\w+)?\b/gi, "")
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/ - [^-]{3,160}? - /g, " ")
    .replace(/\[([^\]]+)\]/g, "$1")
    .replace(/"/g, "")
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([,.;])/g, "$1")
    .trim();
  if (t.split(/\s+/).length > maxWords) {
    // A leading subordinate clause ("While …, the onus rests with …") goes first: the main clause carries the claim.
    const lead = /^(?:While|Although|Though|As|Since|Despite|Even as|With|Given|Whereas|If|Unless|Because)\b[^,]{3,200},\s+(?=[a-z]*\s*[A-Za-z])/.exec(t);
    if (lead && t.slice(lead[0].length).split(/\s+/).length >= 6 && !/^(?:and|or|but|nor)\b/i.test(t.slice(lead[0].length))) t = t.slice(lead[0].length).replace(/^./, (c) => c.toUpperCase());
  }
  const words = t.split(/\s+/);
  if (words.length > maxWords) {
    // Cut only at a clause boundary (never mid-phrase), keeping at least eight words.
    const boundaries = [...t.matchAll(/(?:,|;| -| –)\s+(?=(?:which|while|whereas|who|as|after|before|when|because|with|including|especially|particularly|leaving|drawing|threatening|restricting|escalating|provoking|adding|saying|many|away)\b)|;\s+|:\s+/g)]
      .map((m) => m.index)
      .filter((i) => t.slice(0, i).split(/\s+/).length >= 8);
    const within = boundaries.filter((i) => t.slice(0, i).split(/\s+/).length <= maxWords);
    const cut = within.length ? within[within.length - 1]! : boundaries[0];
    if (cut !== undefined) t = t.slice(0, cut);
  }
  t = t.replace(/[,;:\s-]+$/, "");
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * Sentences that state a relation (strains, undermines, hinders, refuses, mediates…) make better
 * analytical points than purely descriptive ones; bare statistics belong in examples instead.
 */
const ANALYTIC = /\b(?:strain\w*|undermin\w*|complicat\w*|hinder\w*|erod\w*|deepen\w*|fuel\w*|prevent\w*|refus\w*|den(?:y|ies|ied)|reluctan\w*|unwilling\w*|distrust|mistrust|suspicion|concern\w*|threat\w*|rival\w*|mediat\w*|disrupt\w*|tension\w*|hostil\w*|support\w*|sanctuar\w*|safe haven|ally|allies|alignment|ties|leverage|pressure\w*|retaliat\w*|destabili[sz]\w*|escalat\w*|obstacle\w*|miscalculation|legitimacy|sovereign\w*|isolat\w*|depend\w*|cooperat\w*)\b/gi;
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
function pointText(sentence: SentenceRef["sentence"], maxWords: number): string {
  const opening = standaloneText(sentence.text);
  const text = /^(?:This|These|That|Those)\s/.test(opening) && startsWithDemonstrativeNoun(sentence, opening) ? opening.replace(/^\w+/, "The") : sentence.text;
  return compressSentence(text, maxWords);
}

/** Target length of one body point's statement, in words (nine points fit a 250-word answer). */
const POINT_WORDS = 18;

interface Candidate {
  ref: SentenceRef;
  stems: Set<string>;
  dimension: ReturnType<typeof dimensionOf>;
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

/**
 * An example for a point: a sentence elsewhere in the material that shares the point's informative
 * words and carries a figure or a date, shortened; failing that, a figure from the point's paragraph.
 */
function exampleFor(corpus: Corpus, ref: SentenceRef, used: ReadonlySet<SentenceRef>, nameStems: ReadonlySet<string>): { text: string; evidence: EvidenceSpan; ref: SentenceRef } | null {
  // What the point is about, beyond the names every sentence shares.
  const informative = [...ref.stems].filter((s) => corpus.stemIdf(s) > 1.5 && !s.startsWith("@") && !nameStems.has(s) && !STOP_STEMS.has(s));
  const topical = [...ref.stems].filter((s) => corpus.stemIdf(s) > 0.8 && !s.startsWith("@") && !nameStems.has(s) && !STOP_STEMS.has(s));
  let best: { r: SentenceRef; score: number } | null = null;
  const seen = new Set<SentenceRef>();
  for (const stem of informative) {
    for (const r of corpus.byStem.get(stem) ?? []) {
      if (seen.has(r) || r === ref || used.has(r)) continue;
      seen.add(r);
      if (!/\d/.test(r.sentence.text) || /\b(?:I|[Ww]e|[Oo]ur|[Yy]ou)\b/.test(r.sentence.text)) continue;
      const hasFact = r.pm.numbers.some((n) => n.sentenceIndex === r.sentence.index) || r.pm.events.some((e) => e.sentenceIndex === r.sentence.index);
      if (!hasFact) continue;
      let score = 0;
      let shared = 0;
      for (const x of informative)
        if (r.stems.has(x)) {
          score += corpus.stemIdf(x);
          shared++;
        }
      // A neighbouring sentence usually instantiates the point; one elsewhere must share more with it.
      if (shared >= 3 && (!best || score > best.score)) best = { r, score };
    }
  }
  // A dated or numbered sentence close by (same paragraph, or within three sentences and on the
  // same subject) usually instantiates the point.
  const nearby = ref.pm.sentences
    .filter((s) => s.index !== ref.sentence.index && Math.abs(s.index - ref.sentence.index) <= 3)
    .sort((a, b) => Math.abs(a.index - ref.sentence.index) - Math.abs(b.index - ref.sentence.index));
  for (const s of nearby) {
    const r = corpus.refs.find((x) => x.pm === ref.pm && x.sentence === s);
    if (!r || used.has(r) || /\b(?:I|[Ww]e|[Oo]ur|[Yy]ou)\b/.test(s.text)) continue;
    const isSameBlock = s.blockIndex === ref.sentence.blockIndex;
    if (!isSameBlock && !topical.some((x) => r.stems.has(x))) continue;
    const hasFact = ref.pm.numbers.some((n) => n.sentenceIndex === s.index) || ref.pm.events.some((e) => e.sentenceIndex === s.index);
    const text = pointText(s, 18);
    if (hasFact && /\d/.test(text) && wordCount(text) <= 22) return { text, evidence: sentenceEvidence(ref.pm, s), ref: r };
  }
  if (best && best.score >= 4) {
    const text = compressSentence(best.r.sentence.text, 16);
    if (wordCount(text) <= 20) return { text, evidence: sentenceEvidence(best.r.pm, best.r.sentence), ref: best.r };
  }
  const pm = ref.pm;
  const n = pm.numbers.find((x) => x.sentenceIndex === ref.sentence.index && /\d/.test(x.figure) && x.subject && x.unit !== "distance" && x.unit !== "duration");
  if (n) {
    const year = n.year ? ` (${n.year})` : "";
    return { text: `${n.text} ${n.subject}${year}`.replace(/\s+/g, " "), evidence: evidenceOf(pm, ref.sentence.start, ref.sentence.end), ref };
  }
  return null;
}

/** A demand as a section heading: at most twelve words, cut before a dash, colon list or comma. */
function shortHeading(demand: string): string {
  const d = demand.replace(/[.?]$/, "");
  if (d.split(/\s+/).length <= 12) return d;
  const cut = /^(.{12,}?)(?:\s+[-\u2013\u2014]\s+|,\s+|\s+\()/.exec(d)?.[1] ?? d.split(/\s+/).slice(0, 12).join(" ");
  return cut.split(/\s+/).length <= 14 ? cut : cut.split(/\s+/).slice(0, 12).join(" ");
}

/** Words too general to tie an example to a point. */
const STOP_STEMS = new Set(["year", "month", "week", "day", "time", "recent", "said", "also", "since", "first", "new", "last", "report", "data", "accord"].map(roughStem));

/** Counts answer words the way examiners do: headings, points and examples; bullets are not words. */
export function modelAnswerWordCount(answer: Pick<ModelAnswer, "introduction" | "body" | "conclusion">): number {
  return (
    wordCount(answer.introduction) +
    wordCount(answer.conclusion) +
    answer.body.reduce((sum, s) => sum + wordCount(s.heading) + s.points.reduce((p, x) => p + wordCount(x.text) + wordCount(x.example ?? ""), 0), 0)
  );
}

/** Rubric from a model answer: one content point per body point plus four structure points. */
export function deriveRubric(answer: Pick<ModelAnswer, "body" | "questionId">, marks: number, wordLimit: number): RubricPoint[] {
  const structureMarks = marks >= 15 ? { intro: 1, examples: 2, conclusion: 2, limit: 1 } : { intro: 1, examples: 1, conclusion: 1, limit: 1 };
  const structureTotal = structureMarks.intro + structureMarks.examples + structureMarks.conclusion + structureMarks.limit;
  const points = answer.body.flatMap((s) => s.points);
  const contentTotal = Math.max(points.length * 0.5, marks - structureTotal);
  const each = Math.max(0.5, Math.round((contentTotal / Math.max(1, points.length)) * 2) / 2);
  const content: RubricPoint[] = points.map((p, i) => ({
    id: `${answer.questionId}-c${i + 1}`,
    point: p.example ? `${p.text} (e.g. ${p.example.replace(/\.$/, "")})` : p.text,
    marks: each,
    kind: "content",
  }));
  const structure: RubricPoint[] = [
    { id: `${answer.questionId}-s1`, point: "The introduction sets the context before the analysis, with a key fact or figure.", marks: structureMarks.intro, kind: "structure" },
    { id: `${answer.questionId}-s2`, point: "Points are supported by accurate, specific examples or data (figures, dates, named events) from the material.", marks: structureMarks.examples, kind: "structure" },
    { id: `${answer.questionId}-s3`, point: "The conclusion offers a balanced, forward-looking way out.", marks: structureMarks.conclusion, kind: "structure" },
    { id: `${answer.questionId}-s4`, point: `The answer addresses every demand of the question within the ${wordLimit}-word limit.`, marks: structureMarks.limit, kind: "structure" },
  ];
  return [...content, ...structure];
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
export function generateModelAnswer(questionText: string, corpus: Corpus, options: ModelAnswerOptions = {}): ModelAnswer & { wordCount: number; wordLimit: number; marks: number; question: string } {
  const parsed: ParsedQuestion = parseQuestion(questionText, options.marks);
  const questionId = options.questionId ?? stableId("q", "written", questionText);
  const qStems = queryStems(parsed.text, corpus);
  const candidates: Candidate[] = [];
  for (const ref of corpus.refs) {
    const text = ref.sentence.text;
    const words = wordCount(text);
    if (words < 8 || words > 60 || text.trim().endsWith("?")) continue;
    if (/\b(?:I|[Ww]e|us|[Oo]ur|[Mm]y|[Yy]ou)\b/.test(text)) continue;
    // A bare pronoun subject cannot be read alone; "This reluctance …" can, as "The reluctance …".
    const opening = standaloneText(text);
    if (/^(?:it|they|he|she|such)\b/i.test(opening)) continue;
    if (/^(?:this|these|those|that)\b/i.test(opening) && !startsWithDemonstrativeNoun(ref.sentence, opening)) continue;
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
  type Point = { text: string; example?: string; evidence: EvidenceSpan[]; score: number; dim: DimensionId | null; dimScore: number; demand: number };
  // Topic relevance against the whole question; candidates far below the best are off-topic.
  const topical = candidates.map((c) => ({ c, topic: score(c, new Set()) })).filter((x) => x.topic > 0);
  const maxTopic = Math.max(0, ...topical.map((x) => x.topic));
  const questionEntities = [...qStems].filter((q) => q.startsWith("@"));
  const relevant = topical.filter((x) => x.topic >= maxTopic * 0.1 || questionEntities.some((q) => x.c.stems.has(q)));
  // Names every sentence shares (the question's own actors) say nothing about which demand a sentence serves.
  const nameStems = new Set(questionEntities.flatMap((k) => stemsOf(corpus.aliases.resolve(k.slice(1))?.aliases.join(" ") ?? "")));
  for (const m of parsed.text.matchAll(/\b[A-Z][\w'-]+/g)) for (const x of stemsOf(m[0])) nameStems.add(x);
  const demandStems = parsed.demands.map((d) => new Set(stemsOf(d).filter((x) => x.length > 2 && !DIRECTIVE_STEMS.has(x) && !nameStems.has(x))));
  const demandFit = (c: Candidate, i: number) => {
    let s = 0;
    for (const d of demandStems[i] ?? []) if (c.stems.has(d)) s += corpus.stemIdf(d);
    return s;
  };
  // A demand about third parties ("regional powers", "the world") is answered by sentences naming
  // actors the question does not; a demand to suggest or recommend, by prescriptive sentences.
  const isThirdPartyDemand = parsed.demands.map((d) => /\b(?:regional|international|global|world|powers?|countries|neighbou?rs|actors|stakeholders|external|third)\b/i.test(d));
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
  const PRESCRIPTIVE = /\b(?:must|should|need(?:s)? to|ought|option|approach|strategy|incentiv\w*|calls? for|way forward|would help|can help|could help|key to)\b/i;
  const demandScore = (c: Candidate, topic: number, i: number) =>
    (1 + Math.log1p(topic) + 1.5 * Math.log1p(demandFit(c, i))) *
    (1 + Math.min(c.dimension?.score ?? 0, 3) * 0.3) *
    analyticWeight(c.ref.sentence.text) *
    (isThirdPartyDemand[i] ? (thirdParty(c) ? 2.5 : 0.5) : 1) *
    (isRemedyDemand[i] ? (PRESCRIPTIVE.test(c.ref.sentence.text) ? 1.8 : 0.6) : PRESCRIPTIVE.test(c.ref.sentence.text) ? 0.85 : 1) *
    (isEvaluativeDemand[i] && EVALUATIVE.test(c.ref.sentence.text) ? 1.6 : 1) *
    (isResponseDemand[i] ? (RESPONSE.test(c.ref.sentence.text) ? 1.8 : 0.7) : 1);
  // Shorter answers get shorter points and no dimension labels, so that enough of them fit.
  const pointWords = parsed.wordLimit >= 200 ? POINT_WORDS : 15;
  const useLabels = parsed.wordLimit >= 200;
  const eligible = relevant.filter((x) => wordCount(compressSentence(x.c.ref.sentence.text, pointWords)) <= pointWords + 6);
  // Round-robin over demands; within a demand, maximal marginal relevance (Carbonell & Goldstein 1998):
  // a sentence too close to a chosen one is skipped, and a dimension already used counts less.
  const points: Point[] = [];
  const dimUse = parsed.demands.map(() => new Map<string, number>());
  for (let round = 0; points.length < targetPoints && round < targetPoints; round++) {
    let progressed = false;
    for (let i = 0; i < parsed.demands.length && points.length < targetPoints; i++) {
      let best: { c: Candidate; s: number } | null = null;
      for (const { c, topic } of eligible) {
        if (used.has(c.ref) || chosenStems.some((x) => similarity(x, c.stems) > 0.5)) continue;
        const dim = c.dimension?.id ?? "none";
        const s2 = demandScore(c, topic, i) / (1 + 0.6 * (dimUse[i]!.get(dim) ?? 0));
        if (!best || s2 > best.s) best = { c, s: s2 };
      }
      if (!best) continue;
      progressed = true;
      const dim = best.c.dimension?.id ?? null;
      dimUse[i]!.set(dim ?? "none", (dimUse[i]!.get(dim ?? "none") ?? 0) + 1);
      used.add(best.c.ref);
      chosenStems.push(best.c.stems);
      // A dimension label only where the sentence clearly belongs to it.
      const label = useLabels && (best.c.dimension?.score ?? 0) >= 2 ? best.c.dimension?.label : undefined;
      const body = pointText(best.c.ref.sentence, pointWords);
      const example = exampleFor(corpus, best.c.ref, used, nameStems);
      if (example && example.ref !== best.c.ref) used.add(example.ref);
      const evidence = [sentenceEvidence(best.c.ref.pm, best.c.ref.sentence)];
      if (example && example.evidence.start !== evidence[0]!.start) evidence.push(example.evidence);
      points.push({
        text: label ? `${label}: ${body}` : body,
        ...(example && !body.includes(example.text) ? { example: example.text } : {}),
        evidence,
        score: best.s,
        dim,
        dimScore: best.c.dimension?.score ?? 0,
        demand: i,
      });
    }
    if (!progressed) break;
  }
  const dimsCovered = new Set<DimensionId>(points.flatMap((p) => (p.dim && p.dimScore >= 2 ? [p.dim] : [])));
  const sections = parsed.demands
    .map((d, i) => ({ heading: shortHeading(d), points: points.filter((p) => p.demand === i) }))
    .filter((s) => s.points.length);
  // Introduction: context (a dated, relevant sentence) and a key figure.
  const introRanked = candidates
    .filter((c) => !used.has(c.ref))
    .map((c) => ({ c, s: score(c, new Set()) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s);
  const CONTEXT_CUE = /\b(?:since|took (?:over|power|control)|takeover|return(?:ed)? to power|'s return|came to power|years? after|ascendance|history|historic|formed|founded|began)\b/i;
  const nonNameFit = (c: Candidate) => [...c.stems].filter((x) => qStems.has(x) && !nameStems.has(x) && !x.startsWith("@")).length;
  const shortEnough = (c: Candidate, n: number) => wordCount(compressSentence(c.ref.sentence.text, n)) <= n + 4;
  const contextC =
    introRanked.filter((x) => shortEnough(x.c, 24)).find((x) => /\b(?:19|20)\d{2}\b/.test(x.c.ref.sentence.text) && CONTEXT_CUE.test(x.c.ref.sentence.text))?.c ??
    introRanked.filter((x) => shortEnough(x.c, 24)).find((x) => /\b(?:19|20)\d{2}\b/.test(x.c.ref.sentence.text))?.c ??
    introRanked[0]?.c;
  const figureC = introRanked.find((x) => x.c !== contextC && shortEnough(x.c, 16) && nonNameFit(x.c) > 0 && x.c.ref.pm.numbers.some((n) => n.sentenceIndex === x.c.ref.sentence.index && /\d/.test(n.figure) && n.unit !== "duration"))?.c;
  const introBudget = Math.round(parsed.wordLimit * 0.16);
  const introParts = [contextC, figureC].filter((c): c is Candidate => !!c).map((c, i) => pointText(c.ref.sentence, i === 0 ? 24 : 16));
  while (introParts.length > 1 && wordCount(introParts.join(" ")) > introBudget) introParts.pop();
  if (!introParts.length) {
    // Nothing dated or on-topic left: open with the most informative unused statement of the material.
    const best = candidates
      .filter((c) => !used.has(c.ref) && shortEnough(c, 24))
      .map((c) => ({ c, s: c.ref.pm.claims[c.ref.sentence.index]?.score ?? 0 }))
      .sort((a, b) => b.s - a.s)[0];
    if (best) introParts.push(compressSentence(best.c.ref.sentence.text, 24));
  }
  const introduction = introParts.join(" ") || `${parsed.demands[0]}.`;
  // Conclusion: a prescriptive sentence from the material, and a way forward across the dimensions used.
  const prescriptive = candidates
    .filter((c) => /\b(?:must|should|need(?:s)? to|calls? for|way forward|requires?|only way)\b/i.test(c.ref.sentence.text) && !used.has(c.ref))
    .filter((c) => wordCount(compressSentence(c.ref.sentence.text, 16)) <= 20)
    .map((c) => ({ c, s: score(c, new Set()) }))
    .sort((a, b) => b.s - a.s)[0]?.c;
  const forward = [...dimsCovered].slice(0, parsed.wordLimit >= 200 ? 3 : 2).map((d) => WAY_FORWARD[d]);
  const forwardText = forward.length
    ? `The way forward lies in ${forward.length > 1 ? `${forward.slice(0, -1).join(", ")} and ${forward[forward.length - 1]}` : forward[0]}.`
    : "The way forward lies in sustained, evidence-based policy and cooperation among those affected.";
  const conclusionParts = [prescriptive ? pointText(prescriptive.ref.sentence, 16) : "", forwardText].filter(Boolean);
  if (conclusionParts.length > 1 && wordCount(conclusionParts.join(" ")) > parsed.wordLimit * 0.18) conclusionParts.shift();
  const conclusion = conclusionParts.join(" ");
  // Fit the word limit: drop examples of the weakest points, then the weakest points.
  const answer = {
    questionId,
    directive: parsed.directive,
    coreDemands: parsed.demands,
    introduction,
    body: sections.map((s) => ({ heading: s.heading, points: s.points })),
    conclusion,
  };
  const fit = () => modelAnswerWordCount(answer) <= parsed.wordLimit;
  const byWeakness = () =>
    sections.flatMap((s) => s.points.map((p) => ({ s, p }))).sort((a, b) => a.p.score - b.p.score);
  // Keep the example of the strongest point that has one (examiners want at least one concrete
  // example or figure, and points carry figures of their own); drop the others first, then the
  // weakest points, then the last example.
  const exampleKeepers = new Set(
    byWeakness()
      .reverse()
      .filter(({ p }) => p.example)
      .slice(0, parsed.wordLimit >= 200 ? 1 : 0)
      .map(({ p }) => p),
  );
  for (const { p } of byWeakness()) {
    if (fit()) break;
    if (p.example && !exampleKeepers.has(p)) delete p.example;
  }
  while (!fit()) {
    // Drop the weakest point of the fullest section, so every demand keeps its share.
    const fullest = sections.slice().sort((a, b) => b.points.length - a.points.length)[0];
    if (!fullest || fullest.points.length <= 1) break;
    const weakest = fullest.points.slice().sort((a, b) => a.score - b.score)[0]!;
    fullest.points.splice(fullest.points.indexOf(weakest), 1);
  }
  for (const { p } of byWeakness()) {
    if (fit()) break;
    if (p.example) delete p.example;
  }
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

