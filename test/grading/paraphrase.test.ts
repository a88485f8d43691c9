import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading";
import { prepareQuestion, splitIdeas } from "@/lib/grading/prepare";

/** A reference-answer-only item on a subject far from the study pack (invented for these tests). */
const mangroves: WrittenQuestion = {
  id: "mangrove-ref",
  prompt: "Why do coastal states in India protect mangrove forests?",
  marks: 4,
  rubric: [
    {
      id: "ref",
      point:
        "Mangroves have shielded the coast for centuries by absorbing storm surges and cyclone winds; their roots trap silt and stop erosion, and they serve as nurseries for fish that support fishing communities.",
      marks: 4,
      kind: "content",
    },
  ],
};
const grade = (answerText: string, question: WrittenQuestion = mangroves) => gradeWrittenAnswer({ question, answerText });

describe("recognising content in other words", () => {
  // An examiner gives this 4/4. The grader reaches half: it links "soaking up" to "absorbing" and
  // "hundreds of years" to "centuries", but not "protected" to "shielded", "sediment" to "silt" or
  // "gales" to "winds" (WordNet hypernym links, measured and left out: see lib/nlp/lexical.ts).
  it("credits a reference answer restated idea by idea in the student's own words", () => {
    const r = grade(
      "For hundreds of years these tidal forests have protected the shoreline, soaking up the tidal surge and the gales of tropical storms. " +
        "Their tangled roots hold sediment so the land does not wash away. " +
        "Young fish grow up among them, which sustains the livelihood of fishermen.",
    );
    expect(r.score).toBeGreaterThanOrEqual(2);
  });

  it("gives a reference answer's ideas no credit for naming one word of each", () => {
    const r = grade("Fish are sold in coastal markets, and storms are common in the Bay of Bengal. Roots of trees are long.");
    expect(r.score).toBeLessThanOrEqual(1);
  });

  it("treats a string of terms without a single function word as stuffing", () => {
    const r = grade("Mangroves coast centuries storm surges cyclone winds roots silt erosion nurseries fish communities.");
    expect(r.flags).toContain("keyword_stuffing");
    expect(r.score).toBe(0);
  });

  it("matches a duration written differently (twenty years = two decades)", () => {
    const question: WrittenQuestion = {
      id: "forest-dur",
      prompt: "How has India's forest cover changed?",
      marks: 2,
      rubric: [
        { id: "c1", point: "Forest cover has risen for two decades through community forestry and plantation drives.", marks: 1, kind: "content" },
        { id: "c2", point: "Dense natural forest has kept shrinking as mines, dams and roads cut into it.", marks: 1, kind: "content" },
      ],
    };
    const paraphrase = "Over the last twenty years tree cover has grown thanks to village forest committees and planting campaigns.";
    const r = grade(paraphrase, question);
    expect(r.points.find((p) => p.rubricId === "c1")?.awarded).toBe(1);
  });
});

describe("reference answers as ideas", () => {
  it("splits at sentences, semicolons and coordinated clauses, not inside lists", () => {
    expect(splitIdeas("Roots trap silt, sand and mud; they stop erosion, and they shelter fish. Mangroves store carbon.")).toEqual([
      "Roots trap silt, sand and mud",
      "they stop erosion",
      "and they shelter fish.",
      "Mangroves store carbon.",
    ]);
  });

  it("joins a clause too short to be an idea to the one before", () => {
    const ideas = prepareQuestion(mangroves).points[0]?.ideas ?? [];
    expect(ideas.length).toBe(3);
    expect(ideas.every((i) => i.terms.length >= 3)).toBe(true);
  });

  it("keeps a one-idea reference answer on whole-answer coverage", () => {
    const single: WrittenQuestion = { ...mangroves, rubric: [{ id: "ref", point: "Mangrove roots trap silt and stop coastal erosion.", marks: 4, kind: "content" }] };
    expect(prepareQuestion(single).points[0]?.ideas).toBeUndefined();
  });
});
