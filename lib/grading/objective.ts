import type { Question } from "@/lib/generate/schemas";
import { aliasKey, areAliases, foldDiacritics, getDefaultAliasIndex, findNumbers, type AliasIndex } from "@/lib/nlp";

/**
 * Exact grading of objective items. Responses by kind:
 * - single_choice: the chosen option id (string);
 * - multiple_choice: the chosen option ids (string[]);
 * - true_false: boolean or "true"/"false";
 * - numeric: number or text such as "2,500", "six thousand", "66 per cent";
 * - short_answer: free text, compared normalised and alias-aware.
 */
export type ObjectiveResponse = string | string[] | number | boolean | null | undefined;

export interface ObjectiveResult {
  questionId: string;
  score: number;
  maxScore: number;
  /** Fraction of the marks earned, in [0, 1]. */
  credit: number;
  isCorrect: boolean;
  /** Why the response earned what it did, for the student. */
  feedback: string;
  /** The ids of the correct options (choice items) or the expected answer (other kinds). */
  expected: string[];
}

function result(q: Question, credit: number, feedback: string, expected: string[]): ObjectiveResult {
  const c = Math.max(0, Math.min(1, credit));
  return {
    questionId: q.id,
    score: Math.round(c * q.marks * 100) / 100,
    maxScore: q.marks,
    credit: c,
    isCorrect: c === 1,
    feedback,
    expected,
  };
}

/**
 * Grades one objective response. Multiple-choice partial credit rule: with C correct options,
 * each correct option chosen earns 1/C of the marks and each wrong option chosen takes 1/C away,
 * floored at zero (so choosing every option earns nothing, and guessing is not rewarded).
 * Numeric: correct when |response − answer| ≤ tolerance (default 0). Short answer: correct when the
 * normalised response equals the answer or one of its " | "-separated alternatives, names the
 * same entity (TTP = Tehreek-e-Taliban Pakistan), states the same number, or differs by a typo
 * (one edit from 5 letters, two from 10). An empty response earns nothing.
 */
export function gradeObjective(question: Question, response: ObjectiveResponse, aliases: AliasIndex = getDefaultAliasIndex()): ObjectiveResult {
  const options = question.options ?? [];
  const correctIds = options.filter((o) => o.correct).map((o) => o.id);
  switch (question.kind) {
    case "single_choice": {
      if (typeof response !== "string" || !response) return result(question, 0, "No option chosen.", correctIds);
      if (!options.some((o) => o.id === response)) return result(question, 0, "The chosen option is not one of this question's options.", correctIds);
      const ok = correctIds.includes(response);
      return result(question, ok ? 1 : 0, ok ? "Correct." : "Not the correct option.", correctIds);
    }
    case "multiple_choice": {
      const chosen = Array.isArray(response) ? [...new Set(response)] : typeof response === "string" && response ? [response] : [];
      if (!chosen.length) return result(question, 0, "No option chosen.", correctIds);
      const c = correctIds.length || 1;
      const right = chosen.filter((id) => correctIds.includes(id)).length;
      const wrong = chosen.length - right;
      const credit = Math.max(0, (right - wrong) / c);
      const feedback =
        credit === 1 ? "Correct." : `${right} of ${correctIds.length} correct option(s) chosen${wrong ? `, ${wrong} wrong option(s) chosen (each cancels one)` : ""}.`;
      return result(question, credit, feedback, correctIds);
    }
    case "true_false": {
      const expected = (question.answer ?? correctIds[0] ?? "").trim().toLowerCase();
      const given = typeof response === "boolean" ? String(response) : typeof response === "string" ? response.trim().toLowerCase() : "";
      if (!given) return result(question, 0, "No answer given.", [expected]);
      const norm = (s: string) => (["true", "t", "yes", "1"].includes(s) ? "true" : ["false", "f", "no", "0"].includes(s) ? "false" : s);
      const ok = norm(given) === norm(expected);
      return result(question, ok ? 1 : 0, ok ? "Correct." : `The statement is ${norm(expected)}.`, [norm(expected)]);
    }
    case "numeric": {
      const expectedText = question.answer ?? "";
      const expected = toNumber(expectedText);
      const given = typeof response === "number" ? response : typeof response === "string" ? toNumber(response) : null;
      if (expected === null) throw new Error(`numeric question ${question.id} has no numeric answer`);
      if (given === null) return result(question, 0, "No number given.", [expectedText]);
      const tolerance = question.tolerance ?? 0;
      const ok = Math.abs(given - expected) <= tolerance + 1e-9;
      return result(question, ok ? 1 : 0, ok ? "Correct." : `Expected ${expectedText}${tolerance ? ` (± ${tolerance})` : ""}.`, [expectedText]);
    }
    case "short_answer": {
      const expectedText = question.answer ?? "";
      const given = typeof response === "string" ? response : typeof response === "number" ? String(response) : "";
      if (!given.trim()) return result(question, 0, "No answer given.", [expectedText]);
      const alternatives = expectedText.split(/\s*\|\s*/).filter(Boolean);
      const ok = alternatives.some((alt) => isSameShortAnswer(given, alt, aliases));
      return result(question, ok ? 1 : 0, ok ? "Correct." : `Expected: ${alternatives[0] ?? expectedText}.`, alternatives);
    }
    case "written":
      throw new Error("written questions are graded with gradeWrittenAnswer");
  }
}

function toNumber(text: string): number | null {
  const trimmed = text.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const found = findNumbers(trimmed);
  return found.length === 1 ? (found[0]?.value ?? null) : null;
}

/** Normalises a short answer: diacritics, case, punctuation, leading articles and extra spaces. */
export function normalizeShortAnswer(text: string): string {
  return foldDiacritics(text)
    .replace(/[\u2018\u2019'"`.,;:!?()[\]{}]/g, " ")
    .replace(/[\u2010-\u2015-]/g, " ")
    .replace(/^\s*(?:the|a|an)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when two short answers say the same thing under normalisation, aliases, numbers or a typo. */
export function isSameShortAnswer(given: string, expected: string, aliases: AliasIndex = getDefaultAliasIndex()): boolean {
  const a = normalizeShortAnswer(given);
  const b = normalizeShortAnswer(expected);
  if (!a || !b) return false;
  if (a === b || aliasKey(a) === aliasKey(b)) return true;
  if (areAliases(given.trim(), expected.trim(), aliases) || areAliases(a, b, aliases)) return true;
  const na = toNumber(given);
  const nb = toNumber(expected);
  if (na !== null && nb !== null) return na === nb;
  const maxEdits = b.length >= 10 ? 2 : b.length >= 5 ? 1 : 0;
  return maxEdits > 0 && editDistance(a, b, maxEdits) <= maxEdits;
}

/** Levenshtein distance, stopping early once it exceeds `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length] ?? cap + 1;
}
