/**
 * "Make a card from what I missed": one learner's own flashcard built from a missed rubric point of a
 * written answer or a missed quiz question, in the model answer's (or the explanation's) own words,
 * carrying the source sentences. Saved with `addLearnerCard` (lib/db/learner-cards.ts), which puts
 * it in the learner's "Missed points" set, due at once and then scheduled toward their exam date.
 */

export interface CardEvidence {
  materialId: string;
  start: number;
  end: number;
  quote: string;
}

export interface LearnerCardDraft {
  /** What the card was made from, so offering it twice makes one card: "rubric-point:<id>", "question:<id>". */
  originKey: string;
  front: string;
  back: string;
  evidence: CardEvidence[];
}

const MAX_FRONT = 600;
const MAX_BACK = 1_200;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/**
 * A card from a written answer's missed rubric point: the front asks for the point the question
 * needed (under its model-answer heading when there is one), the back gives the model answer's
 * wording with its example.
 */
export function cardFromMissedPoint(input: {
  rubricPointId: string;
  questionPrompt: string;
  heading: string | null;
  pointText: string;
  example: string | null;
  evidence: readonly CardEvidence[];
}): LearnerCardDraft {
  const where = input.heading ? ` (${input.heading})` : "";
  return {
    originKey: `rubric-point:${input.rubricPointId}`,
    front: clip(`Which point${where} does this question need? ${input.questionPrompt.trim()}`, MAX_FRONT),
    back: clip([input.pointText.trim(), input.example ? `Example: ${input.example.trim()}` : ""].filter(Boolean).join(" "), MAX_BACK),
    evidence: [...input.evidence],
  };
}

/** A card from a missed quiz question: the question on the front, the right answer and its explanation on the back. */
export function cardFromMissedQuestion(input: {
  questionId: string;
  prompt: string;
  correctAnswer: string;
  explanation: string | null;
  evidence: readonly CardEvidence[];
}): LearnerCardDraft {
  return {
    originKey: `question:${input.questionId}`,
    front: clip(input.prompt.trim(), MAX_FRONT),
    back: clip([input.correctAnswer.trim(), input.explanation?.trim() ?? ""].filter(Boolean).join(" — "), MAX_BACK),
    evidence: [...input.evidence],
  };
}
