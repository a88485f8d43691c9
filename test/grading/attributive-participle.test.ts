import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";
import { analyze, isAttributiveParticiple } from "@/lib/nlp";

/**
 * A participle that qualifies a noun ("disclose hidden bad debts") is not what a rubric point asserts: an answer
 * saying the audit made the boards *show* the debts makes the point, and is not read as denying "hide". A subject
 * written for these tests (urban water audits; the question, points and answers are invented here).
 */
const question: WrittenQuestion = {
  id: "wa1",
  prompt: "How did the 2019 water audit change the way city water boards work?",
  marks: 4,
  wordLimit: 150,
  rubric: [
    { id: "c1", point: "The 2019 audit forced the water boards to disclose hidden bad debts.", marks: 1, kind: "content" },
    { id: "c2", point: "Explains that the boards now publish monthly figures on water lost before it reaches homes.", marks: 1, kind: "content" },
    { id: "s1", point: "Introduction that sets the context", marks: 1, kind: "structure" },
    { id: "s2", point: "Conclusion with a way forward", marks: 1, kind: "structure" },
  ],
};

const OPENING = "Indian cities lose a large share of their piped water before it reaches a tap.";
const C2 = "Since then the boards publish monthly figures on the water lost before it reaches homes.";
const grade = (c1: string) => gradeWrittenAnswer({ question, answerText: [OPENING, c1, C2].join(" ") });
const awarded = (r: ReturnType<typeof grade>, id: string) => r.points.find((p) => p.rubricId === id)?.awarded ?? 0;
const contradicts = (r: ReturnType<typeof grade>, id: string) => r.contradictions?.some((c) => c.rubricId === id) ?? false;

describe("a participle that qualifies a noun in a rubric point", () => {
  it("is not the point's claim: an answer saying the audit made the boards show their debts is no contradiction", () => {
    const r = grade("The 2019 audit made the water boards show their real bad debts.");
    expect(contradicts(r, "c1")).toBe(false);
    expect(awarded(r, "c1")).toBeGreaterThan(0);
  });

  it("leaves the point's own verb deciding: an audit that failed to force disclosure earns nothing", () => {
    const r = grade("The 2019 audit did not force the water boards to disclose the hidden bad debts.");
    expect(awarded(r, "c1")).toBe(0);
  });
});

describe("isAttributiveParticiple", () => {
  const at = (text: string, word: string) => {
    const tokens = analyze(text).tokens;
    return isAttributiveParticiple(tokens, tokens.findIndex((t) => t.lower === word));
  };
  it("reads a participle between a verb and the noun it qualifies as a modifier", () => {
    expect(at("The audit forced the boards to disclose hidden bad debts.", "hidden")).toBe(true);
    expect(at("The audit made the boards admit hidden costly leaks.", "hidden")).toBe(true);
  });
  it("keeps a verb after its subject, and a participle after 'be', as what the clause asserts", () => {
    expect(at("The audit forced the boards to disclose hidden bad debts.", "forced")).toBe(false);
    expect(at("The debts were hidden from the auditors for years.", "hidden")).toBe(false);
  });
});
