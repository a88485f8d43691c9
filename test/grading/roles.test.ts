import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";
import { analyze, argumentSlots, isChangeReversal, isSlotReversal } from "@/lib/nlp";

/**
 * Who does what to whom when the actors are common nouns, not names: a question on coral reefs
 * written for these tests, with answers that keep, paraphrase or reverse its claims.
 */
const question: WrittenQuestion = {
  id: "reef1",
  prompt: "Examine why coral reefs are declining and suggest how coastal communities can adapt.",
  marks: 4,
  rubric: [
    { id: "r1", point: "Hillside silt smothers seagrass meadows next to the reefs.", marks: 1, kind: "content" },
    { id: "r2", point: "Parrotfish graze algae that would otherwise overgrow the corals.", marks: 1, kind: "content" },
    { id: "r3", point: "Fishers should move from reef fishing to seaweed farming.", marks: 1, kind: "content" },
    { id: "r4", point: "Warmer sea water bleaches corals.", marks: 1, kind: "content" },
  ],
};

const grade = (answerText: string) => gradeWrittenAnswer({ question, answerText });
const awarded = (text: string, id: string) => grade(text).points.find((p) => p.rubricId === id)?.awarded ?? 0;

function slotsOf(sentence: string): Record<string, string | null> {
  const { tokens } = analyze(sentence);
  const { slots } = argumentSlots(tokens);
  const out: Record<string, string | null> = {};
  tokens.forEach((t, i) => {
    if (t.isWord && !t.isStop) out[t.lower] = slots[i] ?? null;
  });
  return out;
}

describe("argument slots", () => {
  it("reads words before the main verb as agents and after it as targets", () => {
    expect(slotsOf("Hillside silt smothers seagrass meadows.")).toMatchObject({ silt: "agent", seagrass: "target", meadows: "target" });
  });

  it("keeps the active roles in a passive, with the agent after 'by'", () => {
    expect(slotsOf("Seagrass meadows are smothered by hillside silt.")).toMatchObject({ silt: "agent", seagrass: "target" });
  });

  it("reads what stands before 'the result of' as the effect and what follows as the cause", () => {
    expect(slotsOf("The loss of seagrass is the result of hillside silt.")).toMatchObject({ silt: "agent", seagrass: "target" });
  });

  it("reads a participle before its noun as a modifier, not the main verb", () => {
    expect(slotsOf("Rising sea temperatures kill corals.")).toMatchObject({ temperatures: "agent", corals: "target" });
  });

  it("reads where a change starts and ends", () => {
    expect(slotsOf("Fishers should move from reef fishing to seaweed farming.")).toMatchObject({ reef: "source", seaweed: "goal" });
  });
});

describe("isSlotReversal", () => {
  it("needs a moved agent and a moved target with nothing kept in place", () => {
    expect(isSlotReversal([{ point: "agent", answer: "target" }, { point: "target", answer: "agent" }])).toBe(true);
    expect(isSlotReversal([{ point: "agent", answer: "target" }])).toBe(false);
    expect(isSlotReversal([{ point: "agent", answer: "target" }, { point: "target", answer: "agent" }, { point: "agent", answer: "agent" }])).toBe(false);
  });

  it("reads a change that runs the other way as a reversal", () => {
    expect(isSlotReversal([{ point: "source", answer: "goal" }])).toBe(true);
    expect(isSlotReversal([{ point: "source", answer: "goal" }, { point: "goal", answer: "goal" }])).toBe(false);
  });
});

describe("common nouns swapped", () => {
  it("credits the claim in its own order", () => {
    expect(awarded("Silt from bare hillsides smothers the seagrass meadows beside the reef.", "r1")).toBe(1);
  });

  it("credits the same claim in the passive", () => {
    expect(awarded("Seagrass meadows beside the reef are smothered by silt washed off hillsides.", "r1")).toBe(1);
  });

  it("gives nothing when the meadows smother the silt", () => {
    const r = grade("Seagrass meadows smother the hillside silt next to the reefs.");
    expect(r.points.find((p) => p.rubricId === "r1")?.awarded).toBe(0);
    expect(r.contradictions).toContainEqual(expect.objectContaining({ rubricId: "r1", kind: "roles" }));
  });

  it("gives nothing when the algae graze the parrotfish", () => {
    expect(awarded("Algae graze the parrotfish that would otherwise overgrow the corals.", "r2")).toBe(0);
  });

  it("gives nothing when the change runs the other way", () => {
    expect(awarded("Fishers should move from seaweed farming to reef fishing.", "r3")).toBe(0);
  });

  it("still credits the change in its own direction, told in other words", () => {
    expect(awarded("Fishers ought to shift from reef fishing towards seaweed farming.", "r3")).toBe(1);
  });

  it("does not read one word in another place as a swap", () => {
    expect(awarded("Corals are bleached when sea water grows warmer.", "r4")).toBeGreaterThan(0);
  });
});

/**
 * What grows and what shrinks, and claims whose writer insists on their direction: a question on
 * city buses written for these tests.
 */
const transit: WrittenQuestion = {
  id: "bus1",
  prompt: "Examine why fewer people ride city buses and suggest how a city can win riders back.",
  marks: 3,
  rubric: [
    { id: "b1", point: "Private car ownership has grown while bus ridership declined.", marks: 1, kind: "content" },
    { id: "b2", point: "Cheap parking encourages commuters to drive into the centre.", marks: 1, kind: "content" },
    { id: "b3", point: "Commuters should shift from private cars to buses.", marks: 1, kind: "content" },
  ],
};
const gradeTransit = (answerText: string) => gradeWrittenAnswer({ question: transit, answerText });
const transitPoint = (text: string, id: string) => {
  const r = gradeTransit(text);
  return { awarded: r.points.find((p) => p.rubricId === id)?.awarded ?? 0, contradicted: (r.contradictions ?? []).some((c) => c.rubricId === id && c.kind === "roles") };
};

function directionsOf(sentence: string): Record<string, number> {
  const { tokens } = analyze(sentence);
  const { directions } = argumentSlots(tokens);
  const out: Record<string, number> = {};
  tokens.forEach((t, i) => {
    if (t.isWord && !t.isStop) out[t.lower] = directions[i] ?? 0;
  });
  return out;
}

describe("direction of change", () => {
  it("reads a verb of rising or falling as said of its subject", () => {
    expect(directionsOf("Bus ridership declined.")).toMatchObject({ ridership: -1 });
    expect(directionsOf("Car ownership has grown.")).toMatchObject({ ownership: 1 });
  });

  it("reads a participle before its noun as said of the noun", () => {
    expect(directionsOf("Shrinking timetables drive riders away.")).toMatchObject({ timetables: -1 });
  });

  it("makes what replaces something grow and what is replaced shrink, also in the passive", () => {
    expect(directionsOf("Minibuses replaced the trams.")).toMatchObject({ minibuses: 1, trams: -1 });
    expect(directionsOf("The trams were replaced by minibuses.")).toMatchObject({ minibuses: 1, trams: -1 });
  });

  it("reads a verb of raising or lowering as said of its object", () => {
    expect(directionsOf("Higher fares reduce bus ridership.")).toMatchObject({ ridership: -1, fares: 0 });
  });

  it("reads nothing from a negated verb or from what is set aside", () => {
    expect(directionsOf("Minibuses did not replace the trams.")).toMatchObject({ minibuses: 0, trams: 0 });
    expect(directionsOf("The levy cut fares rather than increasing subsidies.")).toMatchObject({ fares: -1, subsidies: 0 });
  });

  it("needs a word moving the other way and none kept", () => {
    expect(isChangeReversal([{ point: 1, answer: -1 }])).toBe(true);
    expect(isChangeReversal([{ point: 1, answer: -1 }, { point: -1, answer: -1 }])).toBe(false);
    expect(isChangeReversal([{ point: 1, answer: 0 }])).toBe(false);
  });
});

describe("changes and directions reversed", () => {
  it("credits the change in its own direction", () => {
    expect(transitPoint("Bus ridership declined while private car ownership grew.", "b1").awarded).toBeGreaterThan(0);
  });

  it("gives nothing, and reports the sentence, when buses are said to replace cars", () => {
    for (const text of ["Buses replaced private cars, so car ownership is now rare.", "Private cars were replaced by buses as the way most people travel."]) {
      expect(transitPoint(text, "b1")).toEqual({ awarded: 0, contradicted: true });
    }
  });

  it("gives nothing when the writer insists that the cause is the effect", () => {
    expect(transitPoint("Commuters who drive into the centre led the council to make parking cheap, not the other way round.", "b2")).toEqual({ awarded: 0, contradicted: true });
  });

  it("still credits the cause and effect in their own order, with or without the insistence", () => {
    expect(transitPoint("Cheap parking leads commuters to drive into the centre, not the other way round.", "b2").awarded).toBeGreaterThan(0);
    expect(transitPoint("Because parking is cheap, commuters drive into the centre.", "b2").awarded).toBeGreaterThan(0);
  });

  it("reads a verb of leaving as where a change starts, and 'for' as where it ends", () => {
    expect(transitPoint("Commuters should abandon buses for private cars.", "b3")).toEqual({ awarded: 0, contradicted: true });
    expect(transitPoint("Commuters should abandon private cars for buses.", "b3").awarded).toBeGreaterThan(0);
  });
});
