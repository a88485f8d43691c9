/**
 * Per-point feedback as a teacher would write it: a sentence built from the rubric point's own
 * wording, never a list of words, and worded about "the answer" so that it reads right to the
 * student and to the teacher viewing the student's work. The grader's own sentence is kept when it
 * is one and agrees with the mark; a word list (as older grades stored: "the point also needs:
 * chill, post-2021, result"), praise beside a lower mark, and older grades' lines addressed to the
 * student ("You make …", "Your answer does not make this point.") are replaced.
 */
import { missedPointFeedback, partlyMadeFeedback, pointPhrase } from "../grading/feedback";
import { isStructurePraise, structureShortfallFeedback } from "../grading/structure";

/** True when `text` is a bare list of words or short phrases rather than a sentence. */
export function isWordList(text: string): boolean {
  const body = text.includes(":") ? text.slice(text.lastIndexOf(":") + 1) : text;
  const items = body.split(/,|;/).map((s) => s.trim().replace(/[.!?]+$/, "")).filter(Boolean);
  if (items.length >= 3 && items.every((item) => item.split(/\s+/).length <= 3)) return true;
  // No sentence at all: nothing that ends like one and fewer than four words.
  return text.trim().split(/\s+/).length < 4 && !/[.!?]$/.test(text.trim());
}

/** The grader's templated content lines of older grades, written to the student: rebuilt from the point. */
const TEMPLATED_CONTENT = /^(?:You make this point clearly|You make part of this point|You touch on this point|Your answer does not make this point|The answer does not make this point\.?$)/i;
const FULL_PRAISE = /^(?:You|The answer) makes? this point clearly\.?$/i;

export interface FeedbackPoint {
  point: string;
  kind: "content" | "structure";
  awarded: number;
  max: number;
  /** The grader's (or an earlier grade's) feedback for this point. */
  feedback: string;
}

/**
 * One or two sentences on what the answer did with the point and, when marks were lost, what it
 * needed. `context` (the question's prompt, rubric and model answer) tells the point's names from
 * words capitalised only by position.
 */
export function teacherFeedback(p: FeedbackPoint, context = ""): string {
  const given = p.feedback.trim();
  const isSentence = given.length > 0 && !isWordList(given);
  if (p.kind === "structure") {
    if (p.awarded >= p.max) return isSentence ? given : "This part of the structure is in place.";
    // Praise stored beside a lower mark (older grades) says the opposite of the mark.
    if (isSentence && !isStructurePraise(given) && !/^This part of the structure is in place/.test(given)) return given;
    return structureShortfallFeedback(p.point, p.awarded > 0);
  }
  if (p.awarded >= p.max) return isSentence && !TEMPLATED_CONTENT.test(given) ? given : "The answer makes this point clearly.";
  if (isSentence && !TEMPLATED_CONTENT.test(given) && !FULL_PRAISE.test(given)) return given;
  const phrase = pointPhrase(p.point, context);
  return p.awarded <= 0 ? missedPointFeedback(phrase) : partlyMadeFeedback(phrase);
}
