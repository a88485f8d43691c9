import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";

/**
 * Per-point feedback is read beside the mark: a point the answer missed is never praised, and
 * every line is a sentence a teacher would write. A question on coral reefs written for these tests.
 */
const question: WrittenQuestion = {
  id: "reef1",
  prompt: "Examine why coral reefs are bleaching more often and suggest how their decline can be slowed.",
  marks: 12,
  wordLimit: 250,
  coreDemands: ["Why coral reefs bleach more often.", "How the decline of reefs can be slowed."],
  rubric: [
    { id: "c1", point: "Marine heatwaves push sea temperatures above what corals tolerate, so they expel the algae that feed them.", marks: 2, kind: "content" },
    { id: "c2", point: "Australia's decision to cap farm runoff into the Great Barrier Reef lagoon.", marks: 2, kind: "content" },
    { id: "c3", point: "Ocean acidification: Rising carbon dioxide makes sea water more acidic, which weakens coral skeletons.", marks: 2, kind: "content" },
    { id: "c4", point: "Explains that overfishing removes the grazing fish that keep seaweed from smothering reefs.", marks: 2, kind: "content" },
    { id: "s1", point: "The introduction sets the context with a key fact or figure.", marks: 1, kind: "structure" },
    { id: "s2", point: "Examples and data support the points.", marks: 1, kind: "structure" },
    { id: "s3", point: "The conclusion offers a way forward.", marks: 1, kind: "structure" },
    { id: "s4", point: "The answer stays within the word limit.", marks: 1, kind: "structure" },
  ],
};

const grade = (answerText: string) => gradeWrittenAnswer({ question, answerText });

/** The grader's lines for a point it gives full marks; never right for a point given less. */
const PRAISE = /^(?:The introduction sets the context|The conclusion offers a concrete way forward|Points are supported with accurate|Within the word limit)/;

describe("structure feedback agrees with the mark", () => {
  it("does not praise the introduction or conclusion of an answer too short to earn them", () => {
    const r = grade(
      "In 2016 and 2017, marine heatwaves bleached about half of the corals on the Great Barrier Reef in Australia. " +
        "Hot water makes corals expel their algae. Governments should cut emissions and curb farm runoff to protect reefs.",
    );
    const structure = r.points.filter((p) => p.kind === "structure");
    expect(structure.length).toBe(4);
    for (const p of structure) {
      if (p.awarded < p.max) expect(p.feedback).not.toMatch(PRAISE);
    }
    const intro = r.points.find((p) => p.rubricId === "s1");
    expect(intro?.awarded).toBe(0);
    expect(intro?.feedback).toMatch(/introduction/i);
  });
});
