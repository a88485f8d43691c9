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

/** "1½", "0", "2" — marks as examiners write them. */
export function formatMarks(n: number): string {
  const whole = Math.floor(n + 1e-9);
  const frac = Math.round((n - whole) * 4) / 4;
  const fracText = frac === 0.5 ? "½" : frac === 0.25 ? "¼" : frac === 0.75 ? "¾" : "";
  if (!fracText) return String(Math.round(n * 100) / 100);
  return whole === 0 ? fracText : `${whole}${fracText}`;
}
