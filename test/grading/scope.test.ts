import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";
import { analyze, tokenPolarity } from "@/lib/nlp";

/**
 * Where a negation stops and how an answer ends, on a subject written for these tests (sand mining
 * in rivers; the question, points and answers are invented here).
 */
const question: WrittenQuestion = {
  id: "sand1",
  prompt: "Why has illegal sand mining spread along India's rivers, and how can it be curbed?",
  marks: 6,
  wordLimit: 150,
  rubric: [
    {
      id: "c1",
      point: "Explains that river sand mining is in effect unregulated because village councils issue permits without any survey of the riverbed.",
      marks: 1,
      kind: "content",
    },
    { id: "c2", point: "Explains that booming construction in cities keeps demand and prices for river sand high.", marks: 1, kind: "content" },
    { id: "c3", point: "Suggests manufactured sand from crushed rock and satellite tracking of sand trucks.", marks: 1, kind: "content" },
    { id: "s1", point: "Introduction that sets the context", marks: 1, kind: "structure" },
    { id: "s2", point: "Conclusion with a way forward", marks: 2, kind: "structure" },
  ],
};

const negatedWords = (text: string) => {
  const tokens = analyze(text).tokens;
  const negated = tokenPolarity(tokens);
  return tokens.filter((_, i) => negated[i]).map((t) => t.lower);
};

describe("the reach of a negation", () => {
  it("does not carry a negation into a clause opened by 'how'", () => {
    const negated = negatedWords("Nobody checks how much sand is dredged from the river.");
    expect(negated).toContain("checks");
    expect(negated).not.toContain("dredged");
  });

  it("keeps the negation on the verb it governs", () => {
    expect(negatedWords("The councils do not survey the riverbed.")).toContain("survey");
  });
});

describe("denying a long point", () => {
  const body =
    "Demand from city construction keeps river sand prices high. Crushed-rock sand and satellite tracking of trucks can replace and police it.";

  it("credits a long point whose paraphrase negates a single adverb of it", () => {
    const r = gradeWrittenAnswer({
      question,
      answerText: `Sand is dug from riverbeds across India. Village councils issue permits without any survey of the riverbed, so nobody effectively checks how much sand is mined. ${body}`,
    });
    expect(r.contradictions?.some((c) => c.rubricId === "c1")).toBe(false);
    expect(r.points.find((p) => p.rubricId === "c1")?.awarded).toBeGreaterThan(0);
  });

  it("still denies a long point when the answer negates its claim", () => {
    const r = gradeWrittenAnswer({
      question,
      answerText: `Sand is dug from riverbeds across India. Village councils do not issue permits, and sand mining is not unregulated but surveyed and regulated. ${body}`,
    });
    expect(r.points.find((p) => p.rubricId === "c1")?.awarded).toBe(0);
  });
});

describe("the ending", () => {
  it("reads 'In short, … only if …' as a conclusion with a way forward", () => {
    const r = gradeWrittenAnswer({
      question,
      answerText:
        "Illegal sand mining has stripped many Indian rivers, lowering their beds and weakening bridges.\n\n" +
        "Village councils issue permits without any survey of the riverbed, so the mining is in effect unregulated. Booming construction in cities keeps demand and prices for river sand high.\n\n" +
        "Manufactured sand from crushed rock and satellite tracking of sand trucks can reduce the pressure.\n\n" +
        "In short, the rivers will recover only if sand from crushed rock and tracked trucks replace the unregulated permits.",
    });
    expect(r.points.find((p) => p.rubricId === "s2")?.awarded).toBeGreaterThan(0);
  });
});
