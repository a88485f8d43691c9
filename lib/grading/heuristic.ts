import { analyseAnswer, type AnalysedAnswer, type AnswerUnit } from "./answer";
import { alignPointBoth, type PointAlignment } from "./content";
import { checkFacts } from "./facts";
import { mentionOf, missedPointFeedback, partlyMadeFeedback, pointPhrase, type PointPhrase } from "./feedback";
import { pointSignals, referenceSignalRows, type ReferenceSignals } from "./features";
import { asLogistic, confidenceFor, getGraderModel, predictLogistic, referenceItemCredit, type GraderModel } from "./model";
import { computeGamingSignals, isHollowHeadings, isKeywordStuffing, isOffTopic, isRestatement, type GamingSignals } from "./gaming";
import { prepareQuestion, type PreparedPoint, type PreparedQuestion } from "./prepare";
import { conclusionCredit, examplesCredit, introductionCredit, structureShortfallFeedback, withheldStructureFeedback, wordLimitCredit, type StructureOutcome } from "./structure";
import type {
  AnswerEvidence,
  ContradictionFinding,
  Grader,
  GradingFlag,
  MaterialEvidence,
  PointResult,
  WrittenAnswerInput,
  WrittenGradeResult,
} from "./types";

/**
 * The deterministic grader. Each content point's credit comes from the learned model
 * (`model.ts`, fitted by `npm run train:grader`): the point's signals (its best agreeing window,
 * its coverage anywhere, the answer's quality — examiners read a borderline sentence in a strong
 * answer charitably, the halo effect of Thorndike 1920 —, contradiction, claim shape) give an
 * estimate of the credit an examiner gives, and the model's two cut points turn it into 0, ½ or
 * full credit. Short-answer items (one content point: a reference answer) get the model's
 * estimate against the best-matching reference answer directly, in half-mark steps.
 */

/** The halo's "quality": each content point's window coverage over this value, capped at 1, averaged. */
export const QUALITY_SCALE = 0.2;
/**
 * A few lines can show that the student knows a point but not explain it: in an answer under a
 * third of the word limit, a point earns at most half credit.
 */
export const SHORT_ANSWER_MAX_CREDIT = 0.5;
/**
 * From this many contradicted figures on (or one blatant one), content credit is halved and the
 * data and introduction marks withheld.
 */
export const UNRELIABLE_FACT_ISSUES = 2;
/**
 * Structure follows substance: an answer that earns no content credit and whose best passages
 * cover, on average, under 6 % of each content point's weight (quality < 0.3 with `QUALITY_SCALE`
 * 0.2; a point it contradicts counts 0) has nothing for an introduction, examples or a conclusion to frame.
 */
export const SUBSTANCE_MIN_QUALITY = 0.3;
/** Below this many words an answer's vocabulary is too small to call it off-topic by vocabulary alone. */
export const MIN_WORDS_FOR_TOPIC_SHARE = 30;
/**
 * A sentence contradicts a point (and earns it nothing, reported to the student) when it shares at
 * least this share of the point's weight and asserts its opposite (see content.ts).
 */
export const CONTRADICTION_MIN_COVERAGE = 0.25;

/**
 * A short answer whose every word shared with the reference stands in the one sentence that denies it
 * ("the bowl does not displace more water than the lump" against "the bowl displaces more water than
 * the lump, …"): it makes the opposite claim and nothing besides. `whole` is the answer's alignment
 * with its best reference; an answer that also agrees elsewhere keeps the learned score's credit.
 */
export function onlyDenies(whole: PointAlignment): boolean {
  const c = whole.contradiction;
  return !!c && c.coverage >= CONTRADICTION_MIN_COVERAGE && whole.units.every((u) => u === c.unit);
}
/**
 * Provisional: the answer's expected disagreement with a careful examiner — each point's
 * (1 − confidence) × half its marks, summed — reaches this share of the total marks, or a
 * short-answer item's estimate sits in the uncertain band.
 */
export const PROVISIONAL_EXPECTED_ERROR = 0.1;
export const PROVISIONAL_MIN_CONFIDENCE = 0.6;

export interface GradeDiagnostics {
  signals: GamingSignals;
  alignments: Record<string, number>;
  /** The learned model's credit estimate per content point, before the cuts. */
  estimates: Record<string, number>;
  /** The model's signal vector per content point (point mode) — what `train:grader` fits on. */
  pointSignals: Record<string, number[]>;
  /** Reference mode: the signal vector against each reference answer. */
  referenceSignals?: number[][];
  /** Mean content-point coverage in [0, 1] (the halo's "quality"). */
  quality: number;
}

/** Grades a written answer against its rubric; pure and synchronous (offline, a few ms). */
export function gradeWrittenAnswer(input: WrittenAnswerInput): WrittenGradeResult {
  return gradeWithDiagnostics(input).result;
}

/** Grades and also returns the signals behind the grade; `model` overrides the shipped model (training and cross-validation). */
export function gradeWithDiagnostics(
  input: WrittenAnswerInput,
  model: GraderModel = getGraderModel(),
): { result: WrittenGradeResult; diagnostics: GradeDiagnostics } {
  const { question } = input;
  const prepared = prepareQuestion(question, input.materials ?? []);
  const answer = analyseAnswer(input.answerText, prepared);
  const flags = new Set<GradingFlag>();
  const signals = computeGamingSignals(answer, prepared);
  const alignments: Record<string, number> = {};
  const estimates: Record<string, number> = {};
  const pointSignalMap: Record<string, number[]> = {};

  const contentPoints = prepared.points.filter((p) => p.role === "content");
  const isReferenceMode = contentPoints.length === 1 && prepared.references.length > 0;
  const wordLimit = question.wordLimit;
  // Without a word limit there is no length to fall short of (short-answer items are short by design).
  const isTooShort = !!wordLimit && answer.wordCount > 0 && answer.wordCount < wordLimit / 3;
  const content = contentSignals(prepared, answer, isTooShort);
  const { windows, quality } = content;
  const isEmpty = answer.wordCount === 0;
  if (isEmpty) flags.add("empty_answer");
  const offTopic =
    !isEmpty &&
    !isReferenceMode &&
    isOffTopic(
      answer.wordCount >= MIN_WORDS_FOR_TOPIC_SHARE ? signals : { ...signals, topicShare: 1 },
      prepared.promptEntities.size,
      prepared.materials.length > 0,
      quality,
    );
  // A short answer may repeat the question's words and still be right ("the harder mineral
  // scratches the softer one"): on short-answer items the model weighs restatement instead.
  const restates = !isEmpty && !offTopic && !isReferenceMode && isRestatement(signals, answer.wordCount);
  // A short-answer item that asks for a list ("Name the three service classes", "State four
  // differences") is answered by one: its verbless terms and labels are the form asked for, and the
  // model judges them against the reference. Everywhere else a term list is stuffing.
  const isListAsked = isReferenceMode && prepared.asksForList;
  const stuffed = !isEmpty && !isListAsked && isKeywordStuffing(signals);
  if (offTopic) flags.add("off_topic");
  if (restates) flags.add("restates_question");
  if (stuffed) flags.add("keyword_stuffing");
  const hollowHeadings = !isEmpty && !isListAsked && isHollowHeadings(signals, answer.units.length);
  if (hollowHeadings || (!isListAsked && signals.emptyHeadings >= 2)) flags.add("headings_without_substance");
  const isGamed = offTopic || restates || stuffed || isEmpty || hollowHeadings;
  const gamedFeedback = isEmpty
    ? "No answer was written."
    : offTopic
      ? "No credit: the answer is not about this question."
      : restates
        ? "No credit: the answer restates the question without answering it."
        : stuffed
          ? "No credit: terms are listed without claims that explain them."
          : "No credit: headings are given without anything under them.";
  if (wordLimit && answer.wordCount > wordLimit) flags.add("over_word_limit");
  if (isTooShort) flags.add("too_short");

  const facts = checkFacts(answer, prepared);
  if (facts.issues.length) flags.add("factual_error");
  // A blatant error (a wrong year, a figure off by half or more), or several errors, make an
  // examiner distrust the rest of the answer.
  const isUnreliable = facts.issues.some((i) => i.isBlatant) || facts.issues.length >= UNRELIABLE_FACT_ISSUES;

  const pointModel = asLogistic(model.point);
  const { half: halfCut, full: fullCut } = model.point.cuts;
  const contradictions: ContradictionFinding[] = [];
  let referenceRows: number[][] | undefined;

  const contentOutcomes = new Map<string, { credit: number; confidence: number; feedback: string | null; units: AnswerUnit[]; matched: string[] }>();
  for (const pp of prepared.points.filter(isContentLike)) {
    const window = windows.get(pp.point.id) ?? { score: 0, units: [], matchedTerms: [] };
    alignments[pp.point.id] = window.score;
    let credit: number;
    let confidence: number;
    let units = window.units;
    let matched = window.matchedTerms;
    let contradiction = window.contradiction;
    let referenceWhole: PointAlignment | undefined;
    if (isReferenceMode && pp.role === "content") {
      const rows = content.referenceRows ?? [];
      referenceRows = rows.map((r) => r.values);
      const refModel = asLogistic(model.reference);
      let best = { p: 0, i: 0 };
      rows.forEach((r, i) => {
        const p = predictLogistic(refModel, r.values);
        if (p > best.p) best = { p, i };
      });
      const chosen = rows[best.i];
      // A reference made only of the question's words says no more than its polarity: an answer that
      // does not assert it (a copy of the question, "I don't know whether …") says nothing of it.
      credit = isEmpty || chosen?.saysNothing ? 0 : referenceItemCredit(best.p, chosen?.values ?? []);
      confidence = confidenceFor(best.p, [0.5], model.reference.confidence);
      units = chosen?.whole.units ?? [];
      matched = chosen?.whole.matchedTerms ?? [];
      // A comparison made the other way round is reported whatever the estimate (the words it shares
      // with the reference are the things compared, not the claim); it is one only when no other
      // sentence of the answer agrees with the point (`matchesOf` in content.ts).
      contradiction = best.p < 0.5 || chosen?.whole.contradiction?.onComparison ? chosen?.whole.contradiction : undefined;
      referenceWhole = chosen?.whole;
      estimates[pp.point.id] = best.p;
    } else {
      const x = content.pointSignals.get(pp.point.id) ?? [];
      pointSignalMap[pp.point.id] = x;
      const p = predictLogistic(pointModel, x);
      estimates[pp.point.id] = p;
      credit = p >= fullCut ? 1 : p >= halfCut ? 0.5 : 0;
      confidence = confidenceFor(p, [halfCut, fullCut], model.point.confidence);
      if (isTooShort) credit = Math.min(credit, SHORT_ANSWER_MAX_CREDIT);
    }
    let feedback: string | null = null;
    // In point mode the contradicting sentence must outweigh the point's best agreeing one; in
    // reference mode it is reported only when the answer is judged wrong (see above).
    const outweighs = isReferenceMode || (contradiction?.coverage ?? 0) > window.score;
    if (contradiction && contradiction.coverage >= CONTRADICTION_MIN_COVERAGE && outweighs) {
      // The answer asserts the opposite of the point (or swaps who does what to whom): nothing for it.
      const unit = contradiction.unit;
      contradictions.push({
        rubricId: pp.point.id,
        kind: contradiction.kind,
        answer: { start: unit.start, end: unit.end, quote: answer.text.slice(unit.start, unit.end) },
      });
      // In reference mode the learned score keeps its credit (a reported contradiction is one the score
      // already judges more likely wrong than right), except when the answer makes the opposite claim:
      // it gives a thing the opposite of the point's quality (the words it shares with the point are the
      // thing, not the claim), or all it shares with the reference is in the sentence denying it. Then
      // nothing for it, as in point mode. An answer awarded nothing is told why.
      if (!isReferenceMode || contradiction.onQuality || contradiction.onComparison || (referenceWhole && onlyDenies(referenceWhole))) credit = 0;
      if (awardedMarks(credit, pp.point.marks) <= 0) feedback = contradictionFeedback(contradiction.onComparison ? "comparison" : contradiction.kind, answer.text.slice(unit.start, unit.end));
    }
    if (isGamed) {
      credit = 0;
      feedback = gamedFeedback;
    }
    if (isUnreliable && credit > 0) {
      credit = credit >= 1 ? 0.5 : 0;
      feedback ??=
        credit > 0
          ? "Marked down to half: the answer states figures or dates the sources contradict, so its points earn at most half."
          : "Not credited: the answer states figures or dates the sources contradict, so a point it makes only in part earns nothing.";
    }
    const hitsBadFact = units.some((u) => facts.badUnits.has(u));
    if (credit > 0 && hitsBadFact) {
      credit = 0;
      feedback = "Not credited: the figure given here contradicts the source material.";
    }
    contentOutcomes.set(pp.point.id, { credit, confidence, feedback, units, matched });
  }
  if (contradictions.length) flags.add("contradiction");
  if (!isReferenceMode && !isGamed && !isUnreliable && isTooShort) giveThinCredit(contentPoints, contentOutcomes, estimates, new Set(contradictions.map((c) => c.rubricId)));

  // Structure marks follow substance: an answer that earns nothing for content has no
  // introduction, examples or conclusion worth marks (headings over filler, another question).
  const contentCredit = [...contentOutcomes.entries()].reduce((s, [id, o]) => s + (prepared.points.find((p) => p.point.id === id)?.role === "content" ? o.credit : 0), 0);
  // An on-topic weak answer that touches the points without earning them still has a body for its
  // introduction and conclusion to frame (examiners give it structure marks): the rule needs both
  // no content credit and a low halo quality.
  // A point the answer contradicts adds nothing to its substance.
  const contradicted = new Set(contradictions.map((c) => c.rubricId));
  const substance = contentPoints.length
    ? contentPoints.reduce((s, pp) => s + (contradicted.has(pp.point.id) ? 0 : Math.min(1, (windows.get(pp.point.id)?.score ?? 0) / QUALITY_SCALE)), 0) / contentPoints.length
    : 0;
  const isWithoutSubstance = !isGamed && contentPoints.length > 0 && contentCredit === 0 && substance < SUBSTANCE_MIN_QUALITY;
  if (isWithoutSubstance) flags.add("no_content_credit");
  // An answer that asserts the opposite of half or more of the content points has no substance
  // for an introduction, examples or a conclusion to frame: its structure earns nothing either.
  const isMostlyContradicted = !isGamed && contentPoints.length > 0 && !isReferenceMode && contradicted.size >= contentPoints.length / 2;
  const withholdsStructure = isWithoutSubstance || isMostlyContradicted;

  const points: PointResult[] = prepared.points.map((pp) => {
    const max = pp.point.marks;
    const outcome = contentOutcomes.get(pp.point.id);
    if (outcome) {
      const feedback = outcome.feedback ?? contentFeedback(outcome.credit, pp, prepared, outcome.matched);
      return pointResult(pp, max, outcome.credit, outcome.credit > 0 ? outcome.units : [], feedback, answer, prepared, outcome.confidence);
    }
    let structure: StructureOutcome;
    switch (pp.role) {
      case "introduction":
        structure = introductionCredit(pp, answer, prepared, facts.badUnits);
        break;
      case "conclusion":
        structure = conclusionCredit(pp, answer);
        break;
      case "examples":
        structure = examplesCredit(answer, prepared, facts);
        break;
      case "word_limit":
        structure = wordLimitCredit(answer.wordCount, wordLimit, isGamed || withholdsStructure);
        break;
      default:
        structure = { credit: 0, units: [], feedback: "" };
    }
    let credit = structure.credit;
    if (isGamed) structure.feedback = gamedFeedback;
    else if (isWithoutSubstance) structure.feedback = "No structure marks: the answer earns nothing for content, so there is nothing for an introduction, examples or a conclusion to frame.";
    else if (isMostlyContradicted) structure.feedback = "No structure marks: the answer asserts the opposite of most of the points, so there is nothing sound for an introduction, examples or a conclusion to frame.";
    let feedback = structure.feedback;
    if (isGamed || withholdsStructure) credit = 0;
    if (isUnreliable && (pp.role === "introduction" || pp.role === "examples") && credit > 0) {
      credit = 0;
      feedback = withheldStructureFeedback(pp.role, "unreliable");
    }
    // A few lines have no introduction, body or conclusion to speak of.
    if (isTooShort && pp.role !== "word_limit" && credit > 0) {
      credit = 0;
      feedback = withheldStructureFeedback(pp.role, "too_short");
    }
    // The feedback speaks of the mark awarded: a level that rounds to nothing is not praised.
    if (credit > 0 && awardedMarks(credit, max) <= 0) {
      credit = 0;
      feedback = withheldStructureFeedback(pp.role, "too_thin");
    }
    return pointResult(pp, max, credit, credit > 0 ? structure.units : [], feedback, answer, prepared, 1);
  });

  const score = roundTo(points.reduce((s, p) => s + p.awarded, 0), 0.25);
  const maxScore = question.rubric.reduce((s, p) => s + p.marks, 0);
  const { confidence, isProvisional, provisionalReasons } = assessConfidence(points, maxScore, isReferenceMode);
  return {
    result: {
      questionId: question.id,
      score,
      maxScore,
      points,
      flags: [...flags],
      wordCount: answer.wordCount,
      wordLimit,
      factIssues: facts.issues,
      grader: "heuristic",
      contradictions,
      confidence,
      isProvisional,
      provisionalReasons,
    },
    diagnostics: { signals, alignments, estimates, pointSignals: pointSignalMap, ...(referenceRows ? { referenceSignals: referenceRows } : {}), quality },
  };
}

/**
 * Thin but relevant answers. The point model's estimate is the expected share of a point's marks
 * (it is fitted on the examiners' credit), so the sum of the estimates is the content an examiner
 * is expected to give. Cutting each estimate separately gives nothing to an answer that states
 * something of many points without making any of them ("farmers use a lot of water", "the
 * government should act"), where examiners give a few half marks. Such an answer's content total
 * is therefore the estimates' sum over the points it does not contradict, rounded down to half
 * marks, given as half credit to the points estimated highest. Nothing is fixed by hand: the floor
 * is the model's own expectation.
 */
function giveThinCredit(
  contentPoints: readonly PreparedPoint[],
  outcomes: Map<string, { credit: number; feedback: string | null }>,
  estimates: Readonly<Record<string, number>>,
  contradicted: ReadonlySet<string>,
): void {
  let expected = 0;
  let awarded = 0;
  const open: Array<{ id: string; marks: number; p: number }> = [];
  for (const pp of contentPoints) {
    const o = outcomes.get(pp.point.id);
    if (!o || contradicted.has(pp.point.id)) continue;
    const p = estimates[pp.point.id] ?? 0;
    expected += p * pp.point.marks;
    awarded += o.credit * pp.point.marks;
    if (o.credit === 0 && o.feedback === null) open.push({ id: pp.point.id, marks: pp.point.marks, p });
  }
  // Only an answer the cuts leave with nothing: where some points are credited, the cuts already
  // weigh the rest (measured: flooring every answer moved development QWK from 0.965 to 0.956).
  if (awarded > 0) return;
  let extra = Math.floor((expected - awarded) * 2) / 2;
  open.sort((a, b) => b.p - a.p);
  for (const o of open) {
    const half = o.marks / 2;
    if (extra < half) break;
    const outcome = outcomes.get(o.id);
    if (outcome) outcome.credit = 0.5;
    extra -= half;
  }
}

const isContentLike = (pp: PreparedPoint) => pp.role === "content" || pp.role === "body" || pp.role === "other";

export interface ContentSignals {
  /** Each content-like point's best agreeing window. */
  windows: Map<string, PointAlignment>;
  quality: number;
  /** Point mode: the learned model's signals per content-like point. */
  pointSignals: Map<string, number[]>;
  /** Reference mode: the signals against each reference answer. */
  referenceRows?: ReferenceSignals[];
}

/** Everything the learned model reads about the answer's content (no model needed: training uses it too). */
export function contentSignals(prepared: PreparedQuestion, answer: AnalysedAnswer, isTooShort: boolean): ContentSignals {
  const contentPoints = prepared.points.filter((p) => p.role === "content");
  const isReferenceMode = contentPoints.length === 1 && prepared.references.length > 0;
  const both = new Map(prepared.points.filter(isContentLike).map((pp) => [pp.point.id, alignPointBoth(pp, answer)] as const));
  const windows = new Map([...both].map(([id, b]) => [id, b.window] as const));
  const scores = contentPoints.map((pp) => windows.get(pp.point.id)?.score ?? 0);
  const quality = scores.length ? scores.reduce((s, x) => s + Math.min(1, x / QUALITY_SCALE), 0) / scores.length : 0;
  const pointSignalMap = new Map<string, number[]>();
  for (const pp of prepared.points.filter(isContentLike)) {
    if (isReferenceMode && pp.role === "content") continue;
    const { window, whole } = both.get(pp.point.id) ?? alignPointBoth(pp, answer);
    pointSignalMap.set(pp.point.id, pointSignals({ point: pp, window, whole, quality, isTooShort, promptKeys: prepared.promptKeys }));
  }
  return {
    windows,
    quality,
    pointSignals: pointSignalMap,
    ...(isReferenceMode ? { referenceRows: referenceSignalRows(answer, prepared) } : {}),
  };
}

/** The signals of one answer (training, benchmark cross-validation): no grading, no model. */
export function signalsFor(input: WrittenAnswerInput): ContentSignals & { isReferenceMode: boolean } {
  const prepared = prepareQuestion(input.question, input.materials ?? []);
  const answer = analyseAnswer(input.answerText, prepared);
  const wordLimit = input.question.wordLimit;
  const isTooShort = !!wordLimit && answer.wordCount > 0 && answer.wordCount < wordLimit / 3;
  const signals = contentSignals(prepared, answer, isTooShort);
  return { ...signals, isReferenceMode: signals.referenceRows !== undefined };
}

/**
 * The total's confidence: 1 − the expected share of marks a careful examiner would move (each
 * point's (1 − confidence) × half its marks). Provisional when that expected change reaches
 * `PROVISIONAL_EXPECTED_ERROR` of the marks, or any point's confidence is under
 * `PROVISIONAL_MIN_CONFIDENCE` on a short-answer item (its one point is the whole mark).
 */
export function assessConfidence(
  points: readonly PointResult[],
  maxScore: number,
  isReferenceMode: boolean,
): { confidence: number; isProvisional: boolean; provisionalReasons: string[] } {
  let expectedChange = 0;
  const reasons: string[] = [];
  for (const p of points) {
    if (p.kind !== "content" || p.confidence === undefined) continue;
    expectedChange += (1 - p.confidence) * (p.max / 2);
  }
  const share = maxScore > 0 ? expectedChange / maxScore : 0;
  const confidence = Math.round(Math.max(0, 1 - share) * 1000) / 1000;
  const weakest = points.filter((p) => p.kind === "content" && p.confidence !== undefined).sort((a, b) => (a.confidence ?? 1) - (b.confidence ?? 1))[0];
  let isProvisional = share >= PROVISIONAL_EXPECTED_ERROR;
  if (isProvisional) reasons.push(`the marks of several points are uncertain (about ${Math.round(expectedChange * 2) / 2} of ${maxScore} marks could change)`);
  if (isReferenceMode && weakest && (weakest.confidence ?? 1) < PROVISIONAL_MIN_CONFIDENCE) {
    isProvisional = true;
    reasons.push("the answer is partly right, where automatic marking is least reliable");
  }
  return { confidence, isProvisional, provisionalReasons: reasons };
}

function contradictionFeedback(kind: "polarity" | "roles" | "comparison", quote: string): string {
  const short = quote.length > 160 ? `${quote.slice(0, 157)}…` : quote;
  if (kind === "comparison") return `Not credited: the answer's sentence “${short}” compares the things in this point the other way round, which says the opposite of it.`;
  return kind === "roles"
    ? `Not credited: the answer's sentence “${short}” reverses who does what to whom in this point.`
    : `Not credited: the answer's sentence “${short}” says the opposite of this point.`;
}

function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}

/** The marks a point of `max` marks awards for `credit` (a share of it): half marks, or quarters on a point under 2. */
function awardedMarks(credit: number, max: number): number {
  return roundTo(credit * max, max >= 2 ? 0.5 : 0.25);
}

/**
 * One sentence, as a teacher would write it and worded so that it reads right to the student and to
 * the teacher ("The answer …"): made clearly; partly made, naming the part of the point (its clause)
 * the answer's best passage leaves out; or not made, saying what the point says.
 */
function contentFeedback(credit: number, pp: PreparedPoint, prepared: PreparedQuestion, matched: string[]): string {
  // The level the student sees is the awarded mark (reference items' credit is continuous).
  const max = pp.point.marks;
  const awarded = awardedMarks(credit, max);
  // A structure point read like content (body, coverage of the demands) is met, not "made".
  if (pp.point.kind === "structure") return awarded >= max ? "This part of the structure is in place." : structureShortfallFeedback(pp.point.point, awarded > 0);
  if (awarded >= max) return "The answer makes this point clearly.";
  const phrase = phraseOf(pp, prepared);
  if (awarded <= 0) return missedPointFeedback(phrase);
  const missing = missingClause(pp, phrase, new Set(matched));
  const part = missing ? clausePhrase(pp, missing, prepared) : null;
  return part && !part.isFragment ? `The answer makes part of this point, but not ${mentionOf(part)}.` : partlyMadeFeedback(phrase);
}

function phraseOf(pp: PreparedPoint, prepared: PreparedQuestion): PointPhrase {
  pp.phrase ??= pointPhrase(pp.point.point, feedbackContext(prepared));
  return pp.phrase;
}

/** A clause of the point as a phrase of its own (a point has few clauses: cached on the point). */
function clausePhrase(pp: PreparedPoint, clause: string, prepared: PreparedQuestion): PointPhrase {
  pp.clausePhrases ??= new Map();
  let phrase = pp.clausePhrases.get(clause);
  if (!phrase) {
    phrase = pointPhrase(clause, feedbackContext(prepared));
    pp.clausePhrases.set(clause, phrase);
  }
  return phrase;
}

function feedbackContext(prepared: PreparedQuestion): string {
  const q = prepared.question;
  prepared.feedbackContext ??= [q.prompt, ...(q.coreDemands ?? []), ...q.rubric.map((p) => p.point), q.modelAnswer ?? "", ...prepared.materials.map((m) => m.quote)].join("\n");
  return prepared.feedbackContext;
}

/** The clause of the point whose words the answer matched least (only when the point has two or more clauses). */
function missingClause(pp: PreparedPoint, phrase: PointPhrase, matched: ReadonlySet<string>): string | null {
  // Split between clauses, never inside brackets.
  const text = phrase.text;
  let depth = 0;
  const masked = text.replace(/./g, (ch) => {
    if (ch === "(") depth++;
    const out = depth > 0 ? "_" : ch;
    if (ch === ")" && depth > 0) depth--;
    return out;
  });
  const cuts = [0];
  for (const m of masked.matchAll(/;\s*|,\s+(?=(?:and|but|so|which|while|because|as|since|leaving|making|letting)\b)|\s+(?=(?:because|so that|which|while|whereas)\b)/gi)) cuts.push(m.index, m.index + m[0].length);
  cuts.push(text.length);
  const clauses: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 2) clauses.push(text.slice(cuts[i], cuts[i + 1]).trim());
  const candidates = clauses.filter((c) => c.split(/\s+/).length >= 3);
  if (candidates.length < 2) return null;
  if (clauses.length < 2) return null;
  let worst: { clause: string; share: number } | null = null;
  for (const clause of candidates) {
    const lower = clause.toLowerCase();
    const terms = pp.terms.filter((t) => !t.isExample && lower.includes(t.lemma.slice(0, Math.max(4, t.lemma.length - 2))));
    if (!terms.length) continue;
    const share = terms.filter((t) => matched.has(t.lemma)).length / terms.length;
    if (!worst || share < worst.share) worst = { clause, share };
  }
  return worst && worst.share < 1 ? worst.clause.replace(/^(?:and|but|so that|so|which|while|whereas|because|as|since)\s+/i, "") : null;
}

function evidenceOf(units: AnswerUnit[], answer: AnalysedAnswer): AnswerEvidence[] {
  return units.map((u) => ({ start: u.start, end: u.end, quote: answer.text.slice(u.start, u.end) }));
}

function pointResult(
  pp: PreparedPoint,
  max: number,
  credit: number,
  units: AnswerUnit[],
  feedback: string,
  answer: AnalysedAnswer,
  prepared: PreparedQuestion,
  confidence?: number,
): PointResult {
  const awarded = awardedMarks(credit, max);
  const result: PointResult = {
    rubricId: pp.point.id,
    kind: pp.point.kind,
    awarded,
    max,
    evidence: evidenceOf(units, answer),
    feedback,
  };
  if (confidence !== undefined) result.confidence = Math.round(confidence * 1000) / 1000;
  if (awarded < max && pp.point.kind === "content") {
    // Answer-independent: computed once per point and kept on the prepared question.
    pp.missed ??= { modelAnswer: bestModelSentence(pp, prepared), source: bestMaterialSentence(pp) };
    const missed: PointResult["missed"] = {};
    if (pp.missed.modelAnswer) missed.modelAnswer = pp.missed.modelAnswer;
    if (pp.missed.source) missed.source = { ...pp.missed.source };
    if (missed.modelAnswer || missed.source) result.missed = missed;
  }
  return result;
}

function termCoverage(pp: PreparedPoint, keys: Iterable<string>): number {
  const set = new Set(keys);
  let got = 0;
  for (const t of pp.terms) {
    let best = 0;
    for (const [k, s] of t.matches) if (set.has(k) && s > best) best = s;
    got += best * t.weight;
  }
  return pp.totalWeight ? got / pp.totalWeight : 0;
}

function bestModelSentence(pp: PreparedPoint, prepared: PreparedQuestion): string | undefined {
  const model = prepared.modelAnswer;
  if (!model) return pp.point.point;
  let best: { s: number; text: string } | null = null;
  for (const sent of model.sentences) {
    const keys = model.tokens.filter((t) => t.start >= sent.start && t.end <= sent.end).map((t) => t.key);
    const s = termCoverage(pp, keys);
    if (!best || s > best.s) best = { s, text: model.text.slice(sent.start, sent.end) };
  }
  return best && best.s > 0.2 ? best.text : pp.point.point;
}

function bestMaterialSentence(pp: PreparedPoint): MaterialEvidence | undefined {
  const best = pp.supportSentences[0];
  return best ? { materialId: best.materialId, start: best.start, end: best.end, quote: best.quote } : undefined;
}

/** The heuristic grader behind the shared `Grader` interface. */
export const heuristicGrader: Grader = {
  name: "heuristic",
  gradeWrittenAnswer: (input) => Promise.resolve(gradeWrittenAnswer(input)),
};
