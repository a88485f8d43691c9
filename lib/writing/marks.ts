/** Moderated marks move in halves, as the moderation form offers them. */
export const MARK_STEP = 0.5;

/** The marks a moderation form offers for a point worth `max`: 0, ½, 1, … up to max. */
export function markChoices(max: number, step = MARK_STEP): number[] {
  const out: number[] = [];
  for (let k = 0; k * step <= max + 1e-9; k++) out.push(Math.round(k * step * 100) / 100);
  if (out[out.length - 1] !== max) out.push(max);
  return out;
}

/** True when `awarded` is one of the marks the moderation form offers for a point worth `max`. */
export function isOfferedMark(awarded: number, max: number): boolean {
  return markChoices(max).some((m) => Math.abs(m - awarded) < 1e-9);
}

const FRACTIONS: readonly (readonly [value: number, text: string])[] = [
  [1 / 4, "¼"],
  [1 / 3, "⅓"],
  [1 / 2, "½"],
  [2 / 3, "⅔"],
  [3 / 4, "¾"],
];

/**
 * "1½", "0", "2", "−⅔" — marks as examiners write them: quarters, halves and thirds (prelims marking's
 * −⅔, kept to two decimals as 0.67, reads as ⅔) as fractions, a negative mark with a minus sign, any
 * other value to two decimals.
 */
export function formatMarks(n: number): string {
  const sign = n < 0 ? "−" : "";
  const abs = Math.abs(n);
  const whole = Math.floor(abs + 1e-9);
  const rest = abs - whole;
  if (rest < 1e-6) return `${sign}${whole}`;
  const fraction = FRACTIONS.find(([value]) => Math.abs(rest - value) < 0.005);
  if (fraction) return `${sign}${whole === 0 ? "" : whole}${fraction[1]}`;
  return `${sign}${Math.round(abs * 100) / 100}`;
}

/** "mark" for one mark or a fraction of one (½ mark), else "marks" (0 marks, 2½ marks, −1 mark). */
export function marksNoun(n: number): "mark" | "marks" {
  const abs = Math.abs(n);
  return abs > 1e-9 && abs <= 1 + 1e-9 ? "mark" : "marks";
}

/** "1 mark", "½ mark", "2½ marks": `format` writes the number (formatMarks unless given, e.g. a quiz's own). */
export function formatMarksCount(n: number, format: (n: number) => string = formatMarks): string {
  return `${format(n)} ${marksNoun(n)}`;
}
