import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import { analyseAnswer } from "@/lib/grading/answer";
import { computeGamingSignals, GAMING_THRESHOLDS, isOffTopic, type GamingSignals } from "@/lib/grading/gaming";
import { prepareQuestion } from "@/lib/grading/prepare";
import type { WrittenQuestion } from "@/lib/grading/types";

/**
 * Relevance judged against what the question asks, on a subject written for these tests (the
 * decline of honeybee colonies; the question, note and answers are invented here).
 */
const question: WrittenQuestion = {
  id: "bees1",
  prompt: "Why are honeybee colonies collapsing across Europe, and what can be done to protect pollinators?",
  marks: 8,
  wordLimit: 150,
  rubric: [
    { id: "c1", point: "Explains that neonicotinoid pesticides sprayed on crops weaken the bees' navigation and immunity.", marks: 1, kind: "content" },
    { id: "c2", point: "Explains that the parasitic varroa mite spreads viruses that kill whole hives over winter.", marks: 1, kind: "content" },
    { id: "c3", point: "Explains that monoculture farming removes the wildflowers that feed bees through the season.", marks: 1, kind: "content" },
    { id: "c4", point: "Suggests banning the most harmful pesticides and planting flower strips along field margins.", marks: 1, kind: "content" },
    { id: "c5", point: "Suggests breeding mite-resistant bees and treating hives against varroa.", marks: 1, kind: "content" },
    { id: "s1", point: "Introduction that sets the context", marks: 1, kind: "structure" },
    { id: "s2", point: "Conclusion with a way forward", marks: 2, kind: "structure" },
  ],
};

const note = {
  id: "bees-note",
  text:
    "Beekeepers across Europe report losing a third of their colonies in bad winters. Neonicotinoid pesticides, " +
    "applied to seeds of oilseed rape and maize, reach the nectar and impair the foraging bees' sense of direction " +
    "and their resistance to disease. The varroa mite, which arrived from Asia, feeds on developing bees and carries " +
    "deformed wing virus; untreated hives usually die within three years. Vast fields of a single crop bloom for " +
    "a few weeks and then offer nothing, so colonies starve in late summer. The European Union restricted three " +
    "neonicotinoids in 2018. Farmers are paid to sow strips of wildflowers at field edges, and breeders select " +
    "queens whose workers groom mites off one another.",
};

/** An answer to the question, thin and in its writer's own plain words. */
const weakOnTopic =
  "Bees are dying a lot, my grandad says, and he has kept them for forty years in our village. Farmers use chemicals on their crops and the bees get lost and sick. " +
  "There is also a small bug that lives on them and gives them illnesses, so many hives do not make it " +
  "to spring. Big farms grow only one plant, so bees go hungry. We should stop using the worst chemicals " +
  "and grow more flowers, and keepers should look after their hives better.";

/** An answer to another question (coral reefs) that borrows the shape of a good answer. */
const otherQuestion =
  "Coral reefs are bleaching across the tropics. Introduction: warmer seas push corals to expel the algae that " +
  "colour and feed them. First, marine heatwaves driven by climate change last longer each decade. Second, " +
  "runoff of silt and sewage clouds the water and smothers the reef. Third, overfishing removes the grazing fish " +
  "that keep seaweed in check. For example, the Great Barrier Reef bleached in 2016, 2017 and 2020. " +
  "Way forward: cut carbon emissions, create marine protected areas and restore reefs by growing coral in " +
  "nurseries. In conclusion, reefs can recover only if the oceans stop warming.";

const signalsOf = (text: string) => {
  const prepared = prepareQuestion(question, [note]);
  return computeGamingSignals(analyseAnswer(text, prepared), prepared);
};

describe("relevance against the question's demands", () => {
  it("keeps a weak answer in plain words on-topic because what it says is what the points ask about", () => {
    const s = signalsOf(weakOnTopic);
    // Most of its words are neither the question's nor the note's…
    expect(s.topicShare).toBeLessThan(GAMING_THRESHOLDS.topicShare);
    // …but what it says is what the points ask about.
    expect(s.demandShare).toBeGreaterThanOrEqual(GAMING_THRESHOLDS.demandShare);
    const r = gradeWrittenAnswer({ question, answerText: weakOnTopic, materials: [note] });
    expect(r.flags).not.toContain("off_topic");
  });

  it("gives an answer to another question no credit and no structure marks, however well built", () => {
    const s = signalsOf(otherQuestion);
    expect(s.topicShare).toBeLessThan(GAMING_THRESHOLDS.topicShare);
    expect(s.demandShare).toBeLessThan(GAMING_THRESHOLDS.demandShare);
    const r = gradeWrittenAnswer({ question, answerText: otherQuestion, materials: [note] });
    expect(r.flags).toContain("off_topic");
    expect(r.score / r.maxScore).toBeLessThanOrEqual(0.15);
    const structure = r.points.filter((p) => p.kind === "structure");
    expect(structure.length).toBeGreaterThan(0);
    for (const p of structure) expect(p.awarded).toBe(0);
  });

  it("calls an answer off-topic by vocabulary only when its content weight is also not the question's business", () => {
    const base: GamingSignals = {
      restateShare: 0, newKeyCount: 20, listWordShare: 0, entityCoverage: 1, topicShare: 0.2, demandShare: 0.1,
      emptyHeadings: 0, vacuousLabels: 0, restatingWordShare: 0, hollowWordShare: 0,
    };
    expect(isOffTopic(base, 0, true)).toBe(true);
    expect(isOffTopic({ ...base, demandShare: 0.3 }, 0, true)).toBe(false);
    expect(isOffTopic({ ...base, topicShare: 0.6 }, 0, true)).toBe(false);
  });
});
