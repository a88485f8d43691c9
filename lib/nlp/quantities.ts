import type { Token } from "./analyze";
import { findNumbers } from "./numbers";

/**
 * Value keys for figures and durations, so that the same quantity written differently matches:
 * "20", "twenty" → `#n:20`; "twenty years", "two decades", "20 yrs" → `#dur:7300` (days);
 * "a fortnight" = "two weeks"; "thousand rupee notes" → `#n:1000`. A key is attached to the token that carries the quantity (the
 * number's last token, or the time unit of a duration), for alignment next to its lemma key.
 */

// Maps, not object literals: every token's word is looked up, and an object would answer for
// "constructor" or "toString" from its prototype.
const DAYS_PER_UNIT = new Map<string, number>(Object.entries({
  day: 1, days: 1, week: 7, weeks: 7, fortnight: 14, fortnights: 14, month: 30, months: 30,
  year: 365, years: 365, yr: 365, yrs: 365, decade: 3650, decades: 3650, century: 36500, centuries: 36500,
}));

const BARE_SCALES = new Map<string, number>(Object.entries({ hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, lakh: 100_000, crore: 10_000_000 }));

/** Words that make a bare time unit a count of one ("a decade", "the past year"). */
const ONE_RE = /(?:^|\s)(?:a|an|one|single|past|last|previous|next|whole|full|entire)\s+$/i;

/** Extra matching keys for tokens that carry a figure or a duration (token → keys). */
export function quantityKeys(text: string, tokens: readonly Token[]): Map<Token, string[]> {
  const out = new Map<Token, string[]>();
  const add = (t: Token | undefined, key: string) => {
    if (!t) return;
    const list = out.get(t);
    if (list) {
      if (!list.includes(key)) list.push(key);
    } else out.set(t, [key]);
  };
  // Tokens are in text order: binary search for the first token starting at or after an offset.
  const firstAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid]?.start ?? Infinity) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const tokenAt = (start: number) => {
    for (let i = firstAtOrAfter(start); i < tokens.length; i++) if (tokens[i]?.isWord) return tokens[i];
    return undefined;
  };
  const lastTokenIn = (start: number, end: number) => {
    let last: Token | undefined;
    for (let i = firstAtOrAfter(start); i < tokens.length && (tokens[i]?.start ?? Infinity) < end; i++) {
      const t = tokens[i] as Token;
      if (t.end <= end && t.isWord) last = t;
    }
    return last;
  };
  const counted = new Set<Token>();
  const mentions = findNumbers(text);
  const insideNumber = new Set<Token>();
  for (const n of mentions) {
    for (let i = firstAtOrAfter(n.start); i < tokens.length && (tokens[i]?.end ?? Infinity) <= n.end; i++) insideNumber.add(tokens[i] as Token);
  }
  for (const n of mentions) {
    if (n.kind === "year") continue; // a year is its own key already ("2016")
    const numberToken = lastTokenIn(n.start, n.end);
    add(numberToken, `${n.kind === "percent" ? "#pct" : "#n"}:${n.value}`);
    const unitToken = tokenAt(n.end);
    const perUnit = unitToken ? DAYS_PER_UNIT.get(unitToken.lower) : undefined;
    if (unitToken && perUnit && n.kind === "quantity" && /^\s*-?\s*$/.test(text.slice(n.end, unitToken.start))) {
      add(unitToken, `#dur:${Math.round(n.value * perUnit)}`);
      counted.add(unitToken);
    }
  }
  // A bare scale word is a round figure ("thousand rupee notes" = "1,000 rupee notes").
  for (const t of tokens) {
    const scale = BARE_SCALES.get(t.lower);
    if (!scale || out.has(t) || insideNumber.has(t)) continue;
    add(t, `#n:${scale}`);
    const unitToken = tokenAt(t.end);
    const perUnit = unitToken ? DAYS_PER_UNIT.get(unitToken.lower) : undefined;
    if (unitToken && perUnit && /^\s*$/.test(text.slice(t.end, unitToken.start))) {
      add(unitToken, `#dur:${scale * perUnit}`);
      counted.add(unitToken);
    }
  }
  for (const t of tokens) {
    const perUnit = DAYS_PER_UNIT.get(t.lower);
    if (!perUnit || counted.has(t)) continue;
    if (ONE_RE.test(text.slice(Math.max(0, t.start - 20), t.start))) add(t, `#dur:${perUnit}`);
  }
  return out;
}
