/**
 * A flashcard made from a quiz question the learner missed: the question on the front (with its
 * options for choice items), the right answer and the explanation on the back. The card keeps the
 * question's evidence, so it cites the same source sentence.
 */
export interface MissedQuestion {
  kind: string;
  prompt: string;
  options: { text: string; isCorrect: boolean }[];
  expected: string | null;
  tolerance: number | null;
  unit: string | null;
  explanation: string;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** The right answer in words: the correct options' texts, or the expected value with its unit and tolerance. */
export function rightAnswerText(q: MissedQuestion): string {
  if (q.kind === "single_choice" || q.kind === "multiple_choice") {
    return q.options
      .map((o, i) => ({ o, i }))
      .filter(({ o }) => o.isCorrect)
      .map(({ o, i }) => `(${LETTERS[i] ?? i + 1}) ${o.text}`)
      .join("; ");
  }
  if (q.kind === "true_false") return q.expected?.trim().toLowerCase() === "false" ? "False" : "True";
  const value = (q.expected ?? "").split(/\s*\|\s*/)[0] ?? "";
  const unit = q.unit ? ` ${q.unit}` : "";
  return q.kind === "numeric" && q.tolerance ? `${value}${unit} (± ${q.tolerance})` : `${value}${unit}`;
}

/** Front and back of the card for a missed question. */
export function missedQuestionCard(q: MissedQuestion): { front: string; back: string } {
  const choices = q.kind === "single_choice" || q.kind === "multiple_choice" ? q.options.map((o, i) => `(${LETTERS[i] ?? i + 1}) ${o.text}`) : [];
  const front = [q.kind === "true_false" ? `True or false? ${q.prompt}` : q.prompt, ...choices].join("\n");
  const back = `${rightAnswerText(q)}\n\n${q.explanation}`.trim();
  return { front, back };
}
