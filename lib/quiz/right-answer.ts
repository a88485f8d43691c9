/**
 * The right answer of an objective question in words, for results and for cards made from a missed
 * question: the correct options with their letters, or the expected value with its unit and tolerance.
 */
export interface AnswerKey {
  kind: string;
  options: readonly { text: string; isCorrect: boolean }[];
  expected: string | null;
  tolerance: number | null;
  unit: string | null;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** "(a) 2007" — an option with its letter in the author's order. */
export function optionLabel(index: number, text: string): string {
  return `(${LETTERS[index] ?? index + 1}) ${text}`;
}

export function isChoiceKind(kind: string): boolean {
  return kind === "single_choice" || kind === "multiple_choice";
}

export function rightAnswerText(key: AnswerKey): string {
  if (isChoiceKind(key.kind)) {
    return key.options
      .map((o, i) => ({ o, i }))
      .filter(({ o }) => o.isCorrect)
      .map(({ o, i }) => optionLabel(i, o.text))
      .join("; ");
  }
  if (key.kind === "true_false") return key.expected?.trim().toLowerCase() === "false" ? "False" : "True";
  const value = (key.expected ?? "").split(/\s*\|\s*/)[0] ?? "";
  const unit = key.unit ? ` ${key.unit}` : "";
  return key.kind === "numeric" && key.tolerance ? `${value}${unit} (± ${key.tolerance})` : `${value}${unit}`;
}

/**
 * The question as a card's front shows it: the prompt, then the options of a choice item. A true/false item says so once,
 * whether or not its prompt already opens with "True or false?" (or "True or false:").
 */
export function questionWithOptions(kind: string, prompt: string, options: readonly { text: string }[]): string {
  const shown = kind === "true_false" ? `True or false? ${prompt.replace(/^true or false\s*[:?]?\s*/i, "")}` : prompt;
  return [shown, ...(isChoiceKind(kind) ? options.map((o, i) => optionLabel(i, o.text)) : [])].join("\n");
}
