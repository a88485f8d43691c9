import { describe, expect, it } from "vitest";
import { gradeObjective } from "@/lib/grading";
import type { Question } from "@/lib/generate/schemas";

const base = {
  explanation: "From the notes.",
  marks: 2,
  timeLimitSec: 60,
  evidence: [{ materialId: "m", start: 0, end: 5, quote: "notes" }],
};
const options = (correct: string[]) =>
  ["a", "b", "c", "d"].map((id) => ({ id, text: `option ${id}`, correct: correct.includes(id) }));

describe("gradeObjective", () => {
  const single: Question = { ...base, id: "s", kind: "single_choice", prompt: "Pick one", options: options(["b"]) };
  const multi: Question = { ...base, id: "m", kind: "multiple_choice", prompt: "Pick all", options: options(["a", "c"]) };

  it.each([
    ["b", 2],
    ["a", 0],
    ["", 0],
    ["z", 0],
  ])("single choice %j earns %d", (response, score) => {
    expect(gradeObjective(single, response).score).toBe(score);
  });

  it.each([
    [["a", "c"], 2],
    [["a"], 1],
    [["a", "b"], 0],
    [["a", "c", "d"], 1],
    [["a", "b", "c", "d"], 0],
    [[], 0],
  ])("multiple choice %j earns %d (each wrong choice cancels a right one)", (response, score) => {
    expect(gradeObjective(multi, response).score).toBe(score);
  });

  it.each([
    [true, 2],
    ["True", 2],
    ["false", 0],
  ])("true/false %j earns %d", (response, score) => {
    const q: Question = { ...base, id: "t", kind: "true_false", prompt: "Statement", answer: "true" };
    expect(gradeObjective(q, response).score).toBe(score);
  });

  it.each([
    ["6,000", 2],
    ["six thousand", 2],
    [5950, 2],
    ["5,900", 0],
    ["many", 0],
  ])("numeric %j against 6000 ± 50 earns %d", (response, score) => {
    const q: Question = { ...base, id: "n", kind: "numeric", prompt: "How many?", answer: "6000", tolerance: 50 };
    expect(gradeObjective(q, response).score).toBe(score);
  });

  it.each([
    ["TTP", true],
    ["Tehrik-e-Taliban Pakistan", true],
    ["the Pakistani Taliban", true],
    ["tehreek e taliban pakistan", true],
    ["Tehreek-e-Talibn Pakistan", true],
    ["ISKP", false],
    ["", false],
  ])("short answer %j for Tehreek-e-Taliban Pakistan is correct: %s", (response, ok) => {
    const q: Question = { ...base, id: "sa", kind: "short_answer", prompt: "Which group?", answer: "Tehreek-e-Taliban Pakistan" };
    expect(gradeObjective(q, response).isCorrect).toBe(ok);
  });

  it("accepts any of the alternatives separated by |", () => {
    const q: Question = { ...base, id: "sa2", kind: "short_answer", prompt: "Port?", answer: "Chabahar | Chah Bahar" };
    expect(gradeObjective(q, "chah bahar").isCorrect).toBe(true);
  });

  it("refuses to grade a written question as objective", () => {
    const q: Question = { ...base, id: "w", kind: "written", prompt: "Discuss" };
    expect(() => gradeObjective(q, "text")).toThrow(/gradeWrittenAnswer/);
  });
});
