import { analyseAnswer, type AnalysedAnswer, type AnswerUnit } from "./answer";
import { alignPoint, alignWhole, creditFor } from "./content";
import { checkFacts } from "./facts";
import { computeGamingSignals, isHollowHeadings, isKeywordStuffing, isOffTopic, isRestatement, type GamingSignals } from "./gaming";
import { prepareQuestion, type PreparedPoint, type PreparedQuestion } from "./prepare";
import { conclusionCredit, examplesCredit, introductionCredit, wordLimitCredit, type StructureOutcome } from "./structure";
import type {
  AnswerEvidence,
  Grader,
  GradingFlag,
  MaterialEvidence,
  PointResult,
  WrittenAnswerInput,
  WrittenGradeResult,
} from "./types";

/**
 * The deterministic grader. Global calibration (fitted once on the development set and checked
 * with each question held out in turn, see scripts/bench-grade.ts): a content point earns full
 * credit when the best aligned window of the answer covers at least `full` of the point's
 * informative weight, half credit from `half`.
 *
 * Examiners read an answer as a whole: a borderline sentence in an answer that makes its other
 * points clearly is read charitably, the same sentence in a thin answer is not (the halo effect,
 * Thorndike 1920). The thresholds therefore shift by `haloShift × (quality − ½)`, where quality is
 * the answer's mean point coverage (each point's alignment / `qualityScale`, capped at 1).
 */
export const CONTENT_THRESHOLDS = { full: 0.3, half: 0.26, haloShift: 0.3, qualityScale: 0.2 };

/**
 * A few lines can show that the student knows a point but not explain it: in an answer under a
 * third of the word limit, a point mentioned at this alignment earns half credit, never full.
 */
export const SHORT_ANSWER_MENTION = 0.1;
/**
 * From this many contradicted figures on (or one blatant one), content credit is halved and the
 * data and introduction marks withheld.
 */
export const UNRELIABLE_FACT_ISSUES = 2;
/**
 * Reference-answer mode: a rubric with a single content point (typically the whole reference
 * answer, as in public short-answer grading sets) is graded by the whole answer's coverage of it,
 * with credit in quarter steps reaching full marks at `REFERENCE_FULL_COVERAGE`.
 */
export const REFERENCE_FULL_COVERAGE = 0.6;
/** Matched terms (outside the question's words) an idea of a reference answer needs for any credit. */
export const MIN_IDEA_MATCHES = 2;
/** Below this many words an answer's vocabulary is too small to call it off-topic by vocabulary alone. */
export const MIN_WORDS_FOR_TOPIC_SHARE = 30;

export interface GradeDiagnostics {
  signals: GamingSignals;
  alignments: Record<string, number>;
  /** Mean content-point coverage in [0, 1] (the halo's "quality"). */
  quality: number;
}

/** Grades a written answer against its rubric; pure and synchronous (offline, a few ms). */
export function gradeWrittenAnswer(input: WrittenAnswerInput): WrittenGradeResult {
  return gradeWithDiagnostics(input).result;
}

export type ContentThresholds = typeof CONTENT_THRESHOLDS;

/** Grades and also returns the signals behind the grade; `thresholds` overrides the calibration (benchmark cross-validation). */
export function gradeWithDiagnostics(
  input: WrittenAnswerInput,
  calibration: ContentThresholds = CONTENT_THRESHOLDS,
): { result: WrittenGradeResult; diagnostics: GradeDiagnostics } {
  const { question } = input;
  const prepared = prepareQuestion(question, input.materials ?? []);
  const answer = analyseAnswer(input.answerText, prepared);
  const flags = new Set<GradingFlag>();
  const signals = computeGamingSignals(answer, prepared);
  const alignments: Record<string, number> = {};

  const contentPoints = prepared.points.filter((p) => p.role === "content");
  const isReferenceMode = contentPoints.length === 1;

  const isContentLike = (pp: PreparedPoint) => pp.role === "content" || pp.role === "body" || pp.role === "other";
  const aligned = new Map(
    prepared.points
      .filter(isContentLike)
      .map((pp) => [pp.point.id, isReferenceMode && pp.role === "content" ? alignWhole(pp, answer) : alignPoint(pp, answer)] as const),
  );
  const contentScores = contentPoints.map((pp) => aligned.get(pp.point.id)?.score ?? 0);
  const quality = contentScores.length
    ? contentScores.reduce((s, x) => s + Math.min(1, x / calibration.qualityScale), 0) / contentScores.length
    : 0;
  const isEmpty = answer.wordCount === 0;
  if (isEmpty) flags.add("empty_answer");
  const offTopic =
    !isEmpty &&
    isOffTopic(
      answer.wordCount >= MIN_WORDS_FOR_TOPIC_SHARE ? signals : { ...signals, topicShare: 1 },
      prepared.promptEntities.size,
      prepared.materials.length > 0,
      quality,
    );
  const restates = !isEmpty && !offTopic && isRestatement(signals, answer.wordCount);
  const stuffed = !isEmpty && isKeywordStuffing(signals);
  if (offTopic) flags.add("off_topic");
  if (restates) flags.add("restates_question");
  if (stuffed) flags.add("keyword_stuffing");
  const hollowHeadings = !isEmpty && isHollowHeadings(signals, answer.units.length);
  if (hollowHeadings || signals.emptyHeadings >= 2) flags.add("headings_without_substance");
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
  const wordLimit = question.wordLimit;
  if (wordLimit && answer.wordCount > wordLimit) flags.add("over_word_limit");
  // Without a word limit there is no length to fall short of (short-answer items are short by design).
  const isTooShort = !!wordLimit && answer.wordCount > 0 && answer.wordCount < wordLimit / 3;
  if (isTooShort) flags.add("too_short");

  const facts = checkFacts(answer, prepared);
  if (facts.issues.length) flags.add("factual_error");
  // A blatant error (a wrong year, a figure off by half or more), or several errors, make an
  // examiner distrust the rest of the answer.
  const isUnreliable = facts.issues.some((i) => i.isBlatant) || facts.issues.length >= UNRELIABLE_FACT_ISSUES;

  const shift = calibration.haloShift * (quality - 0.5);
  const thresholds = { full: calibration.full - shift, half: calibration.half - shift };

  const points: PointResult[] = prepared.points.map((pp) => {
    const max = pp.point.marks;
    if (isContentLike(pp)) {
      const isReference = isReferenceMode && pp.role === "content";
      let align = aligned.get(pp.point.id) ?? { score: 0, units: [], matchedTerms: [] };
      alignments[pp.point.id] = align.score;
      let referenceCredit = 0;
      if (isReference) {
        const reference = gradeReference(pp, align, answer, prepared, calibration);
        referenceCredit = reference.credit;
        align = { ...align, units: reference.units };
      }
      let credit: number = isReference
        ? referenceCredit
        : isTooShort
          ? align.score >= SHORT_ANSWER_MENTION
            ? 0.5
            : 0
          : creditFor(align.score, thresholds);
      let feedback: string | null = null;
      if (isGamed) {
        credit = 0;
        feedback = gamedFeedback;
      }
      if (isUnreliable) credit = credit >= 1 ? 0.5 : 0;
      const hitsBadFact = align.units.some((u) => facts.badUnits.has(u));
      if (credit > 0 && hitsBadFact) {
        credit = 0;
        feedback = "Not credited: the figure given here contradicts the source material.";
      }
      feedback ??= contentFeedback(credit, pp, align.matchedTerms, prepared);
      return pointResult(pp, max, credit, credit > 0 ? align.units : [], feedback, answer, prepared, align.score);
    }
    let outcome: StructureOutcome;
    switch (pp.role) {
      case "introduction":
        outcome = introductionCredit(pp, answer, prepared, facts.badUnits);
        break;
      case "conclusion":
        outcome = conclusionCredit(pp, answer);
        break;
      case "examples":
        outcome = examplesCredit(answer, prepared, facts);
        break;
      case "word_limit":
        outcome = wordLimitCredit(answer.wordCount, wordLimit, isGamed);
        break;
      default:
        outcome = { credit: 0, units: [], feedback: "" };
    }
    let credit = outcome.credit;
    if (isGamed) outcome.feedback = gamedFeedback;
    if (isUnreliable && (pp.role === "introduction" || pp.role === "examples")) credit = 0;
    // A few lines have no introduction, body or conclusion to speak of.
    if (isGamed || (isTooShort && pp.role !== "word_limit")) credit = 0;
    return pointResult(pp, max, credit, credit > 0 ? outcome.units : [], outcome.feedback, answer, prepared);
  });

  const score = roundTo(points.reduce((s, p) => s + p.awarded, 0), 0.25);
  const maxScore = question.rubric.reduce((s, p) => s + p.marks, 0);
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
    },
    diagnostics: { signals, alignments, quality },
  };
}

/**
 * Credit for a reference-answer-only rubric: the whole answer's coverage of the reference (quarter
 * steps, full at `REFERENCE_FULL_COVERAGE`), or — when the reference makes several ideas and this
 * is higher — the share of its ideas the answer makes, each judged like a rubric point (same
 * thresholds and halo, so an idea in the student's own words counts as a point would), rounded to
 * the nearest quarter. Whole coverage alone undercounts paraphrase: an excellent answer in other
 * words shares only a third to a half of a long reference's words.
 */
function gradeReference(
  pp: PreparedPoint,
  whole: { score: number; units: AnswerUnit[] },
  answer: AnalysedAnswer,
  prompt: Pick<PreparedQuestion, "promptKeys">,
  calibration: ContentThresholds,
): { credit: number; units: AnswerUnit[] } {
  const coverageCredit = Math.min(1, Math.floor((whole.score / REFERENCE_FULL_COVERAGE) * 4 + 1e-9) / 4);
  if (!pp.ideas?.length) return { credit: coverageCredit, units: whole.units };
  const ideas = pp.ideas.map((idea) => alignPoint(idea, answer));
  // The same halo as for rubric points, over the ideas; but an idea needs two of its own words (not
  // the question's): a clause of three terms is not made by naming one ("the Speaker decides…").
  const quality = ideas.reduce((sum, a) => sum + Math.min(1, a.score / calibration.qualityScale), 0) / ideas.length;
  const shift = calibration.haloShift * (quality - 0.5);
  const thresholds = { full: calibration.full - shift, half: calibration.half - shift };
  const credits = ideas.map((a, i) => {
    const idea = pp.ideas?.[i];
    const own = idea ? idea.terms.filter((t) => a.matchedTerms.includes(t.lemma) && !prompt.promptKeys.has(t.key)).length : 0;
    return own >= MIN_IDEA_MATCHES ? creditFor(a.score, thresholds) : 0;
  });
  const ideaCredit = Math.round((credits.reduce<number>((sum, c) => sum + c, 0) / credits.length) * 4) / 4;
  if (ideaCredit <= coverageCredit) return { credit: coverageCredit, units: whole.units };
  const units = [...new Set(ideas.flatMap((a, i) => ((credits[i] ?? 0) > 0 ? a.units : [])))].sort((a, b) => a.index - b.index);
  return { credit: ideaCredit, units };
}

function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}

/** One line for the student: what the point needed that the answer's best passage did not say. */
function contentFeedback(credit: number, pp: PreparedPoint, matched: string[], prepared: PreparedQuestion): string {
  if (credit >= 1) return "Made clearly.";
  const name = (lemma: string) => (lemma.startsWith("@") ? (prepared.aliases.displayName(lemma) ?? lemma.slice(1)) : lemma);
  const got = new Set(matched);
  const missing = pp.terms
    .filter((t) => !got.has(t.lemma) && !t.isExample && !prepared.promptKeys.has(t.key))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 4)
    .map((t) => name(t.lemma));
  if (credit > 0) return `Partly made${missing.length ? `; the point also needs: ${missing.join(", ")}` : ""}.`;
  return "Not made in the answer.";
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
  const awarded = roundTo(credit * max, max >= 2 ? 0.5 : 0.25);
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
