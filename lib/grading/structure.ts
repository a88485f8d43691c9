import type { NumberMention } from "@/lib/nlp";
import type { AnalysedAnswer, AnswerUnit } from "./answer";
import { alignPoint } from "./content";
import { classifyStructurePoint, coverage, type PreparedPoint, type PreparedQuestion, type StructureRole } from "./prepare";

/**
 * Structure points, read the way UPSC-style examiners read them:
 * - introduction: the opening paragraph (after an "Introduction" heading) sets the context — it is
 *   on the question's subject, says something specific (a date, a figure, a named actor) and is
 *   more than a line;
 * - conclusion: the closing paragraph looks forward (should / must / need / way forward…); generic
 *   calls for peace earn half, concrete measures that echo the point's examples earn full;
 * - examples: figures, dates and named events that the material supports (or, with no material,
 *   that the answer states precisely); contradicted figures earn nothing;
 * - word limit: see `wordLimitCredit`.
 * Each returns a credit level in [0, 1] of the point's marks plus the evidence units, and feedback
 * for that level: praise only for full credit; below it, what is missing and what would earn it.
 */
export interface StructureOutcome {
  credit: number;
  units: AnswerUnit[];
  feedback: string;
}

const MONTH_RE = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;

const FORWARD_RE =
  /\b(should|must|needs?|needed|ought|way forward|way ahead|way out|the need of the hour|can help|could help|would help|requires?|call(?:s)? for|has to|have to|imperative|essential|best bet|better options?|remedy|solution lies|only then|only if)\b/i;
const CONCLUSION_MARKER_RE =
  /^(?:conclusion|in conclusion|to conclude|way forward|way ahead|hence|thus|therefore|overall|in the end|ultimately|finally|summing up|to sum up|in sum|in short|in brief|in a nutshell|to summari[sz]e|needed)\b/i;

function firstParagraphUnits(answer: AnalysedAnswer): AnswerUnit[] {
  const units = answer.units;
  if (!units.length) return [];
  let start = 0;
  // Skip a bare "Introduction" heading.
  if (units[0]?.isHeading && units[0].wordCount <= 2) start = 1;
  const para = units[start]?.paragraph;
  const out = units.slice(start).filter((u) => u.paragraph === para);
  // A one-paragraph answer: its first two sentences stand for the introduction.
  return out.length === units.length ? out.slice(0, 2) : out.slice(0, 4);
}

function lastParagraphUnits(answer: AnalysedAnswer): AnswerUnit[] {
  const units = answer.units;
  const last = units[units.length - 1];
  if (!last) return [];
  const para = last.paragraph;
  let out = units.filter((u) => u.paragraph === para);
  if (out.length === units.length) out = out.slice(-2);
  // "Conclusion" heading alone on its line: take what follows.
  return out.filter((u) => !(u.isHeading && u.wordCount <= 2));
}

function topicalShare(units: AnswerUnit[], prepared: PreparedQuestion): number {
  let n = 0;
  let topical = 0;
  for (const u of units) {
    for (const k of u.keys.keys()) {
      n++;
      if (prepared.topicKeys.has(k) || prepared.materialKeys.has(k)) topical++;
    }
  }
  return n ? topical / n : 0;
}

/** Introduction credit in {0, ½, ¾, 1}: on the subject, specific, and echoing the context the point names. */
export function introductionCredit(
  point: PreparedPoint,
  answer: AnalysedAnswer,
  prepared: PreparedQuestion,
  badUnits: ReadonlySet<AnswerUnit> = new Set(),
): StructureOutcome {
  const units = firstParagraphUnits(answer).slice(0, 2);
  const words = units.reduce((s, u) => s + u.wordCount, 0);
  if (!units.length || words < 10) return { credit: 0, units, feedback: `The answer has no introduction that sets the context: ${EARNS.introduction}.` };
  if (units.some((u) => badUnits.has(u))) return { credit: 0, units, feedback: "The introduction states a fact the sources contradict: open with facts they support." };
  const topical = topicalShare(units, prepared);
  // Specific: a date or figure, or an actor the question itself does not name.
  const specific =
    units.some((u) => u.numbers.length > 0) ||
    units.some((u) => u.tokens.some((t) => t.concept && !prepared.promptEntities.has(t.concept)));
  const align = alignPoint(point, { ...answer, units }).score;
  const restate = units.reduce((s, u) => s + u.promptShare, 0) / units.length;
  let credit = 0;
  if (topical >= INTRO_TOPICAL) {
    if (specific) credit = 1;
    else credit = align >= INTRO_ALIGN ? 0.75 : 0.5;
  }
  if (restate > 0.7) credit = Math.min(credit, 0.25);
  const feedback =
    credit >= 1
      ? "The introduction sets the context."
      : credit > 0
        ? "The introduction could set the context more specifically (dates, actors, the trigger)."
        : `The opening does not set the question's context: ${EARNS.introduction}.`;
  return { credit, units, feedback };
}

/** Share of an introduction's words that must belong to the question's vocabulary or the material. */
const INTRO_TOPICAL = 0.5;
/** Alignment with the introduction point's own wording (its named context) for full credit. */
const INTRO_ALIGN = 0.12;

/** Coverage of the conclusion point's wording (its named measures) that makes a way forward concrete. */
const CONCLUSION_CONCRETE = 0.2;

/** Conclusion credit in {0, ½, 1}: forward-looking at all, then concrete. */
export function conclusionCredit(point: PreparedPoint, answer: AnalysedAnswer): StructureOutcome {
  const units = lastParagraphUnits(answer);
  if (!units.length || answer.units.length < 2) return { credit: 0, units: [], feedback: `The answer has no conclusion: ${EARNS.conclusion}.` };
  const text = units.map((u) => answer.text.slice(u.start, u.end)).join(" ");
  if (/\b(?:and|or|but|the|a|an|to|of|with|for|that)\s*$/i.test(text.trim())) {
    return { credit: 0, units, feedback: `The answer breaks off before a conclusion: finish it and ${EARNS.conclusion}.` };
  }
  const isForward = FORWARD_RE.test(text) || CONCLUSION_MARKER_RE.test(text);
  if (!isForward) return { credit: 0, units, feedback: "The ending does not offer a way forward: close with concrete measures that follow from the points made." };
  const keys = new Set<string>();
  for (const u of units) for (const k of u.keys.keys()) keys.add(k);
  const align = coverage(point.terms, point.totalWeight, keys);
  const credit = align >= CONCLUSION_CONCRETE ? 1 : 0.5;
  return {
    credit,
    units,
    feedback: credit >= 1 ? "The conclusion offers a concrete way forward." : "The way forward is generic; name concrete measures.",
  };
}

/**
 * Examples/data credit in {0, ½, 1}: distinct figures and dates that the material states in the
 * same context (with no material: figures in on-topic sentences). Two or more → full, one → half.
 */
export function examplesCredit(
  answer: AnalysedAnswer,
  prepared: PreparedQuestion,
  facts: { contradicted: ReadonlySet<NumberMention>; supported: ReadonlySet<NumberMention> },
): StructureOutcome {
  const units: AnswerUnit[] = [];
  const seen = new Set<string>();
  const hasMaterial = prepared.materials.length > 0;
  for (const u of answer.units) {
    if (u.claimFactor < 0.5) continue;
    for (const n of u.numbers) {
      if (facts.contradicted.has(n)) continue;
      if (hasMaterial ? !facts.supported.has(n) : topicalShare([u], prepared) < 0.5) continue;
      const key = `${n.kind}:${n.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!units.includes(u)) units.push(u);
    }
  }
  // Named places, people and events the material also names count half a figure each (at most one figure's worth).
  const names = new Set<string>();
  for (const u of answer.units) {
    if (u.claimFactor < 0.5) continue;
    for (const t of u.tokens) {
      if (t.pos !== "PROPN" || t.concept || !/^\p{Lu}/u.test(t.text) || t.text.length < 3) continue;
      if (MONTH_RE.test(t.lower) || prepared.promptKeys.has(t.key)) continue;
      if (hasMaterial ? !prepared.materialKeys.has(t.key) : topicalShare([u], prepared) < 0.5) continue;
      if (!names.has(t.key) && names.size < 2) {
        names.add(t.key);
        if (!units.includes(u)) units.push(u);
      }
    }
  }
  const count = seen.size + names.size / 2;
  const hasErrors = facts.contradicted.size > 0;
  let credit = count >= 2 ? 1 : count >= 1 ? 0.5 : 0;
  if (hasErrors) credit = Math.min(credit, 0.5);
  return {
    credit,
    units: units.slice(0, 3),
    feedback:
      credit >= 1
        ? "Points are supported with accurate figures, dates or events."
        : hasErrors
          ? credit > 0
            ? "Some figures or dates contradict the sources: check them and add accurate ones."
            : "The figures or dates given contradict the sources: check them and support the points with accurate ones."
          : credit > 0
            ? "Add more concrete, accurate examples or data."
            : `The answer gives no concrete examples or data: ${EARNS.examples}.`,
  };
}

/**
 * Word-limit credit. Rule: within the limit → full; up to 10 % over → half; beyond → none.
 * The mark rewards a genuine attempt, so answers under a third of the limit (or gamed) get none.
 */
export function wordLimitCredit(wordCount: number, wordLimit: number | undefined, isGamed: boolean): StructureOutcome {
  if (isGamed) return { credit: 0, units: [], feedback: "No credit for length: the answer does not genuinely attempt the question." };
  const limit = wordLimit ?? Infinity;
  const floor = Number.isFinite(limit) ? limit / 3 : 0;
  if (wordCount < floor) return { credit: 0, units: [], feedback: `The answer is too short to earn this mark (${wordCount} words): write at least ${Math.ceil(floor)} words.` };
  if (wordCount <= limit) return { credit: 1, units: [], feedback: `Within the word limit (${wordCount}/${limit} words).` };
  if (wordCount <= limit * 1.1) return { credit: 0.5, units: [], feedback: `Slightly over the word limit (${wordCount}/${limit} words).` };
  return { credit: 0, units: [], feedback: `The answer runs over the word limit (${wordCount}/${limit} words): keep within ${limit}.` };
}

/** What earns each structure mark, as an instruction that can follow a colon. */
const EARNS = {
  introduction: "open with when and where it happens, who is involved, and a key fact or figure",
  conclusion: "end with a way forward — concrete measures that follow from the points made",
  examples: "back the points with accurate figures, dates or named events",
} as const;

const STRUCTURE_NAME = { introduction: "introduction", conclusion: "conclusion", examples: "examples and data" } as const;

/**
 * Feedback for a structure mark the grader's reading gave but the grade withholds (or rounds away):
 * the reason, and what would earn it. `reason`: the answer is under a third of the word limit, it
 * states figures the sources contradict, or the point's share rounds to nothing.
 */
export function withheldStructureFeedback(role: StructureRole | "content", reason: "too_short" | "unreliable" | "too_thin"): string {
  if (role !== "introduction" && role !== "conclusion" && role !== "examples") {
    return reason === "too_short" ? "No marks for this point: the answer is too short to be a full answer." : "No marks for this point.";
  }
  const name = STRUCTURE_NAME[role];
  if (reason === "too_short") return `No marks for the ${name}: an answer under a third of the word limit is too short to earn this mark; write a full answer and ${EARNS[role]}.`;
  if (reason === "unreliable") return `No marks for the ${name}: the answer states figures or dates the sources contradict; check them and ${EARNS[role]}.`;
  return `The ${name} ${role === "examples" ? "are" : "is"} too thin to earn a mark: ${EARNS[role]}.`;
}

/**
 * What a structure point the answer did not earn in full needed, from the point's wording alone (for a
 * grade whose stored feedback is missing, a word list, or praise that disagrees with the mark).
 */
export function structureShortfallFeedback(pointText: string, isPartial: boolean): string {
  const role = classifyStructurePoint(pointText);
  const got = isPartial ? "full marks for" : "the mark for";
  if (role === "introduction" || role === "conclusion" || role === "examples") return `The answer did not earn ${got} the ${STRUCTURE_NAME[role]}: ${EARNS[role]}.`;
  if (role === "word_limit") return `The answer did not earn ${got} length: write a full answer within the word limit.`;
  const asked = pointText.trim().replace(/[.;:!?]+$/, "");
  return `The answer did not earn ${got} this point: the marking scheme asks for this — ${/^[A-Z][a-z]/.test(asked) ? asked[0]!.toLowerCase() + asked.slice(1) : asked}.`;
}

/** True for the grader's lines that praise a structure point earned in full (never right beside a lower mark). */
export function isStructurePraise(feedback: string): boolean {
  return STRUCTURE_PRAISE.some((line) => feedback.trim().startsWith(line));
}

const STRUCTURE_PRAISE = ["The introduction sets the context.", "The conclusion offers a concrete way forward.", "Points are supported with accurate", "Within the word limit ("];
