import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";
import { missedPointFeedback, pointPhrase } from "@/lib/grading/feedback";

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

describe("content feedback is a sentence a teacher would write", () => {
  // On tourism and local pollution: it misses heatwaves, runoff and fishing, and touches on acidity.
  const answer =
    "Reefs are in trouble. Tourists visit reefs in large numbers and boats drop anchors on the corals, breaking them. " +
    "Divers touch the corals and sunscreen chemicals wash into the water near popular beaches. Coastal hotels dump " +
    "sewage into lagoons, and new ports dredge the seabed, which clouds the water. These local pressures weaken corals " +
    "so that they bleach more easily. Some countries now limit the number of visitors to each reef and ban anchoring in " +
    "protected zones. Marine parks should be enlarged and tourism taxed to pay for reef rangers, and hotels should " +
    "treat their sewage before it reaches the sea.";
  const r = grade(answer);
  const point = (id: string) => r.points.find((p) => p.rubricId === id);

  it("grades the answer as the checks below assume", () => {
    expect(r.flags).not.toContain("off_topic");
    expect(["c1", "c2", "c3", "c4"].map((id) => point(id)?.awarded)).toEqual([0, 0, 1, 0]);
  });

  it("names a missed noun-phrase point without a 'that' and keeps its name capitalised", () => {
    expect(point("c2")?.feedback).toBe("The answer did not mention Australia's decision to cap farm runoff into the Great Barrier Reef lagoon.");
  });

  it("lower-cases a common word that opens a missed clause", () => {
    expect(point("c1")?.feedback).toBe(
      "The answer did not mention that marine heatwaves push sea temperatures above what corals tolerate, so they expel the algae that feed them.",
    );
  });

  it("drops the rubric's lead ('Explains that') and keeps the clause", () => {
    expect(point("c4")?.feedback).toBe("The answer did not mention that overfishing removes the grazing fish that keep seaweed from smothering reefs.");
  });

  it("cuts a point's label before its sentence when naming the part left out", () => {
    expect(point("c3")?.feedback).toBe("The answer makes part of this point, but not that rising carbon dioxide makes sea water more acidic.");
  });

  it("words every point for the student and the teacher alike, never 'you'", () => {
    for (const p of r.points) expect(p.feedback).not.toMatch(/\b(?:you|your)\b/i);
  });
});

describe("a missed point's wording, whatever the rubric's phrasing (pointPhrase, missedPointFeedback)", () => {
  const missed = (point: string) => missedPointFeedback(pointPhrase(point));

  it.each([
    ["Sound travels faster in water than in air.", "The answer did not mention that sound travels faster in water than in air."],
    ["Public borrowing raises long-term interest rates", "The answer did not mention that public borrowing raises long-term interest rates."],
    ["Akbar's revenue system rested on measured land", "The answer did not mention that Akbar's revenue system rested on measured land."],
    ["Article 19 protects the freedom of speech", "The answer did not mention that Article 19 protects the freedom of speech."],
    ["P and Q are parallel lines", "The answer did not mention that P and Q are parallel lines."],
  ])("keeps 'that' before a clause the tagger reads as nouns, and a numbered or one-letter name's capital: %s", (point, expected) => {
    expect(missed(point)).toBe(expected);
  });

  it.each(["Uses data from the census", "Calculates the median wage", "Defines sovereignty", "Lists two functions of the Senate"])(
    "quotes a point that opens with its own verb rather than 'did not mention' it: %s",
    (point) => {
      expect(missed(point)).toBe(`The answer did not make this point: ${point}.`);
    },
  );

  it("reads 'Mention of …' and 'Should mention that …' as what is to be mentioned", () => {
    expect(missed("Mention of the Kyoto Protocol")).toBe("The answer did not mention the Kyoto Protocol.");
    expect(missed("Should mention that exports fell by 4 per cent")).toBe("The answer did not mention that exports fell by 4 per cent.");
  });

  it("keeps a noun phrase without 'that' ('three causes of…' counts causes, 'the bank's rates policy' is a noun)", () => {
    expect(missed("Kenya's appeal for a ceasefire")).toBe("The answer did not mention Kenya's appeal for a ceasefire.");
    expect(missed("Three causes of the famine")).toBe("The answer did not mention three causes of the famine.");
    expect(missed("Chile's promise to close coal plants by 2040")).toBe("The answer did not mention Chile's promise to close coal plants by 2040.");
    for (const point of ["Government schemes for women", "Farm loans to tenants", "Oil imports from Russia", "Policy changes after 1991"]) {
      expect(missed(point)).toBe(`The answer did not mention ${point.charAt(0).toLowerCase()}${point.slice(1)}.`);
    }
  });
});

describe("a short answer that says the opposite of a reference", () => {
  // Reference mode: the learned score's credit is continuous, and the mark shown is rounded.
  const floating: WrittenQuestion = {
    id: "float1",
    prompt: "Why does a bowl of clay float when a lump of the same clay sinks?",
    marks: 4,
    rubric: [{ id: "ref", point: "The bowl displaces more water than the lump, so the buoyant force equals its weight.", marks: 4, kind: "content" }],
  };

  it("is told it says the opposite when its mark rounds to nothing, not that it did not mention the point", () => {
    const r = gradeWrittenAnswer({ question: floating, answerText: "The bowl does not displace more water than the lump." });
    const point = r.points.find((p) => p.rubricId === "ref");
    expect(r.flags).toContain("contradiction");
    expect(point?.awarded).toBe(0);
    expect(point?.feedback).toMatch(/says the opposite of this point/);
  });
});
