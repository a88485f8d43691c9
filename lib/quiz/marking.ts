/**
 * Marking schemes: marks for a right, a wrong and a blank answer. UPSC Civil Services prelims award
 * +2 for a right answer and take away a third of that (−0.66) for a wrong one; a blank earns 0.
 * A partly right multiple-choice answer (lib/grading/objective credit between 0 and 1) earns that
 * share of the marks for a right answer and is never penalised as wrong.
 */
export interface MarkingScheme {
  correct: number;
  wrong: number;
  blank: number;
}

export const markingSchemePresets = {
  standard: { label: "1 mark per right answer, nothing taken away", scheme: { correct: 1, wrong: 0, blank: 0 } },
  prelims: { label: "UPSC prelims: +2 right, −⅔ wrong, 0 blank", scheme: { correct: 2, wrong: -2 / 3, blank: 0 } },
} as const satisfies Record<string, { label: string; scheme: MarkingScheme }>;

export type MarkingPreset = keyof typeof markingSchemePresets;

export type AnswerOutcome = "correct" | "partial" | "wrong" | "blank";

/** The outcome of one graded answer from its credit in [0, 1] and whether anything was answered. */
export function outcomeOf(credit: number, isBlank: boolean): AnswerOutcome {
  if (isBlank) return "blank";
  if (credit >= 1) return "correct";
  return credit > 0 ? "partial" : "wrong";
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Marks earned by one answer under `scheme`, rounded to hundredths. */
export function marksFor(outcome: AnswerOutcome, credit: number, scheme: MarkingScheme): number {
  switch (outcome) {
    case "correct":
      return round2(scheme.correct);
    case "partial":
      return round2(scheme.correct * credit);
    case "wrong":
      return round2(scheme.wrong);
    case "blank":
      return round2(scheme.blank);
  }
}

export interface QuizTally {
  score: number;
  maxScore: number;
  correct: number;
  partial: number;
  wrong: number;
  blank: number;
}

/** What a quiz of `questionCount` questions is out of: a right answer's marks for every question. */
export function quizMaxScore(markCorrect: number, questionCount: number): number {
  return round2(markCorrect * questionCount);
}

/** Totals of a quiz: the sum of marks (may be negative under negative marking) out of `correct` × questions. */
export function tallyQuiz(answers: readonly { outcome: AnswerOutcome; marks: number }[], scheme: MarkingScheme): QuizTally {
  const count = (o: AnswerOutcome) => answers.filter((a) => a.outcome === o).length;
  return {
    score: round2(answers.reduce((sum, a) => sum + a.marks, 0)),
    maxScore: quizMaxScore(scheme.correct, answers.length),
    correct: count("correct"),
    partial: count("partial"),
    wrong: count("wrong"),
    blank: count("blank"),
  };
}

/** Marks as shown: up to two decimals, a real minus sign ("−0.67", "2", "1.5"). */
export function formatQuizMarks(n: number): string {
  const r = Math.round(n * 100) / 100;
  const text = String(Math.abs(r));
  return r < 0 ? `−${text}` : text;
}
