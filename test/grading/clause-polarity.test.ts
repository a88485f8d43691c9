import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";
import { analyze, tokenClauses } from "@/lib/nlp";

/**
 * Polarity is judged on the clause that makes the point, not on a negation or a contrast word
 * elsewhere in the sentence. A subject written for these tests (mangrove restoration on India's
 * coasts; the question, points and answers are invented here).
 */
const question: WrittenQuestion = {
  id: "mg1",
  prompt: "Why are mangrove forests being restored along India's coasts, and who should do it?",
  marks: 6,
  wordLimit: 150,
  rubric: [
    { id: "c1", point: "Explains that mangrove forests absorb the force of cyclone waves.", marks: 1, kind: "content" },
    { id: "c2", point: "Explains that shrimp farms cleared large stretches of mangrove along the coast in the 1990s.", marks: 1, kind: "content" },
    { id: "c3", point: "Suggests that fishing cooperatives replant mangroves with funds from the state forest department.", marks: 1, kind: "content" },
    { id: "s1", point: "Introduction that sets the context", marks: 1, kind: "structure" },
    { id: "s2", point: "Conclusion with a way forward", marks: 2, kind: "structure" },
  ],
};

const OPENING = "Mangroves line long stretches of India's eastern coast, and cyclones strike it almost every year.";
const C1 = "Mangrove forests absorb the force of cyclone waves.";
const C2 = "Shrimp farms cleared large stretches of mangrove along the coast in the 1990s.";
const C3 = "Fishing cooperatives should replant mangroves with funds from the state forest department, so that the forests grow back.";

const grade = (c1: string, c3 = C3) => gradeWrittenAnswer({ question, answerText: [OPENING, c1, C2, c3].join(" ") });
const awarded = (r: ReturnType<typeof grade>, id: string) => r.points.find((p) => p.rubricId === id)?.awarded ?? 0;
const contradicts = (r: ReturnType<typeof grade>, id: string) => r.contradictions?.some((c) => c.rubricId === id) ?? false;

describe("a negation or contrast in another clause of the sentence", () => {
  it("credits the plain sentence (the baseline)", () => {
    const r = grade(C1);
    expect(contradicts(r, "c1")).toBe(false);
    expect(awarded(r, "c1")).toBe(1);
  });

  it.each([
    ["a negated clause before ';'", "Coastal insurers do not absorb the losses of fishing families; the forests act as a cushion against the force of cyclone waves."],
    ["a negated clause before 'but'", "Insurers never absorb such losses, but the forests act as a cushion against the force of cyclone waves."],
    ["a 'failed to' clause after 'while'", "The forests act as a cushion against the force of cyclone waves, while sea walls failed to absorb the cost of repairs."],
  ])("credits the clause that makes the point and reports no contradiction: %s", (_, sentence) => {
    const r = grade(sentence);
    expect(contradicts(r, "c1")).toBe(false);
    expect(awarded(r, "c1")).toBeGreaterThan(0);
  });
});

describe("a clause that denies the point", () => {
  it("is caught even when another clause affirms the point's verb about something else", () => {
    const r = grade("Mangrove forests do not absorb the force of cyclone waves, although the mud flats absorb rain.");
    expect(contradicts(r, "c1")).toBe(true);
    expect(awarded(r, "c1")).toBe(0);
  });

  it.each([
    ["'do not'", "Mangrove forests do not absorb the force of cyclone waves."],
    ["'failed to', then another clause", "Mangrove forests failed to absorb the force of cyclone waves; the surge flattened the huts."],
  ])("is still caught: %s", (_, sentence) => {
    const r = grade(sentence);
    expect(contradicts(r, "c1")).toBe(true);
    expect(awarded(r, "c1")).toBe(0);
  });

  it("is still caught with 'refused to', then another clause", () => {
    const r = grade(C1, "Fishing cooperatives refused to replant mangroves with funds from the state forest department; officials blamed the delays.");
    expect(contradicts(r, "c3")).toBe(true);
    expect(awarded(r, "c3")).toBe(0);
  });
});

describe("tokenClauses", () => {
  const clausesOf = (text: string) => {
    const tokens = analyze(text).tokens;
    const clauses = tokenClauses(tokens);
    const out: string[][] = [];
    tokens.forEach((t, i) => {
      if (t.isWord) (out[clauses[i] ?? 0] ??= []).push(t.lower);
    });
    return out.filter(Boolean).map((words) => words.join(" "));
  };

  it("splits a sentence at ';' and at a contrasting conjunction", () => {
    expect(clausesOf("Insurers do not pay; mangroves break the surge, but sea walls crack.")).toEqual(["insurers do not pay", "mangroves break the surge", "but sea walls crack"]);
  });

  it("keeps a coordinated subject in the clause of its verb", () => {
    expect(clausesOf("Shrimp farms and salt pans along the coast did not spare the mangroves.")).toHaveLength(1);
  });
});
