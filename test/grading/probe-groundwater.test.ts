import { describe, expect, it } from "vitest";
import { gradeProbeSet } from "./probe";

/**
 * The project's own UPSC-style probe set (fixtures/probe-groundwater: a 15-mark question on
 * groundwater depletion, twenty answers written and marked by hand before grading). The bands are
 * the issue's: negated ≤ 30 % and off-topic or wrong-question ≤ 15 % of the marks; bullet-only
 * ≥ 70 % and misspelt or paraphrased ≥ 75 % of the hand mark; the answer reversing causes, effects and
 * directions ≤ 30 % as well. `npm run bench:grade` prints every band.
 */
const graded = gradeProbeSet();
const of = (category: string) => graded.filter((g) => g.category === category);

describe("probe set: groundwater depletion (written and marked for these tests)", () => {
  it.each(of("negated").map((g) => [g.id, g.share] as const))("gives the answer negating every claim (%s) at most 30 %% of the marks", (_id, share) => {
    expect(share).toBeLessThanOrEqual(0.3);
  });

  it.each(of("actor_swapped").map((g) => [g.id, g.share, g.flags] as const))("gives the answer reversing causes, effects and directions (%s) at most 30 %% of the marks, flagged as contradicting", (_id, share, flags) => {
    expect(share).toBeLessThanOrEqual(0.3);
    expect(flags).toContain("contradiction");
  });

  it.each([...of("off_topic"), ...of("wrong_question")].map((g) => [g.id, g.category, g.share] as const))("gives %s (%s) at most 15 %% of the marks", (_id, _c, share) => {
    expect(share).toBeLessThanOrEqual(0.15);
  });

  it("flags as off-topic the off-topic and wrong-question answers and no answer on the question, however weak", () => {
    const flagged = graded.filter((g) => g.flags.includes("off_topic")).map((g) => g.category);
    expect(flagged.sort()).toEqual(["off_topic", "wrong_question"]);
  });

  it.each(of("bullets_only").map((g) => [g.id, g.ofMark] as const))("gives the note-form bullets (%s) at least 70 %% of the hand mark", (_id, ofMark) => {
    expect(ofMark).toBeGreaterThanOrEqual(0.7);
  });

  it.each([...of("excellent_misspelt"), ...of("misspelt_average"), ...of("excellent_paraphrased"), ...of("paraphrased_good")].map((g) => [g.id, g.ofMark] as const))("gives the misspelt or paraphrased answer %s at least 75 %% of the hand mark", (_id, ofMark) => {
    expect(ofMark).toBeGreaterThanOrEqual(0.75);
  });

  it.each([...of("excellent"), ...of("indian_english")].map((g) => [g.id, g.ofMark] as const))("gives the excellent answer %s at least 90 %% of the hand mark", (_id, ofMark) => {
    expect(ofMark).toBeGreaterThanOrEqual(0.9);
  });

  it.each(["keyword_stuffed", "restates_question", "filler_headings"].flatMap(of).map((g) => [g.id, g.category, g.share] as const))("gives %s (%s) at most 20 %% of the marks", (_id, _c, share) => {
    expect(share).toBeLessThanOrEqual(0.2);
  });
});
