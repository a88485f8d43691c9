/**
 * Per-point feedback as a teacher would write it: a sentence built from the rubric point's own
 * wording, never a list of words. The grader's own sentence is kept when it is one; a word list
 * (as older grades stored: "the point also needs: chill, post-2021, result") is replaced.
 */
import { asClause } from "../grading/heuristic";
import { isStructurePraise, structureShortfallFeedback } from "../grading/structure";

/** True when `text` is a bare list of words or short phrases rather than a sentence. */
export function isWordList(text: string): boolean {
  const body = text.includes(":") ? text.slice(text.lastIndexOf(":") + 1) : text;
  const items = body.split(/,|;/).map((s) => s.trim().replace(/[.!?]+$/, "")).filter(Boolean);
  if (items.length >= 3 && items.every((item) => item.split(/\s+/).length <= 3)) return true;
  // No sentence at all: nothing that ends like one and fewer than four words.
  return text.trim().split(/\s+/).length < 4 && !/[.!?]$/.test(text.trim());
}

/** Words that start a sentence only by position; any other capital (Kabul, TTP, UN) is a name and stays. */
const SENTENCE_ONLY_CAPITAL = /^(?:the|a|an|it|its|this|that|these|those|there|such|some|many|most|both|each|every|their|his|her|our|any|no|in|on|by|for|with|as|after|before|since|while|when|if)$/i;

/** The point's wording as a clause to follow "that", keeping the capital of a name. */
function pointClause(point: string): string {
  const clause = asClause(point);
  const first = clause.split(/\s+/)[0] ?? "";
  if (SENTENCE_ONLY_CAPITAL.test(first)) return clause;
  const original = point.trim().replace(/[.;:!?]+$/, "");
  const at = original.toLowerCase().indexOf(clause.toLowerCase());
  return at >= 0 ? original.slice(at, at + clause.length) : clause;
}

export interface FeedbackPoint {
  point: string;
  kind: "content" | "structure";
  awarded: number;
  max: number;
  /** The grader's (or an earlier grade's) feedback for this point. */
  feedback: string;
}

/** One or two sentences on what the answer did with the point and, when marks were lost, what it needed. */
export function teacherFeedback(p: FeedbackPoint): string {
  const given = p.feedback.trim();
  const isSentence = given.length > 0 && !isWordList(given);
  const clause = pointClause(p.point);
  if (p.kind === "structure") {
    if (p.awarded >= p.max) return isSentence ? given : "This part of the structure is in place.";
    // Praise stored beside a lower mark (older grades) says the opposite of the mark.
    if (isSentence && !isStructurePraise(given)) return given;
    return structureShortfallFeedback(p.point, p.awarded > 0);
  }
  if (p.awarded >= p.max) return isSentence ? given : "You make this point clearly.";
  if (p.awarded <= 0) return `Your answer did not mention that ${clause}.`;
  if (isSentence && !/^Your answer does not make this point\.?$/i.test(given)) return given;
  return `You make part of this point; to earn it fully, show that ${clause}.`;
}
