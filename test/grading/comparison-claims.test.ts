import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import { comparisonVerdict, readComparisonClaims } from "@/lib/grading/comparisons";
import type { WrittenQuestion } from "@/lib/grading/types";
import { analyze } from "@/lib/nlp";

/** A 4-mark question whose one rubric point is a reference answer. */
const oneReference = (id: string, prompt: string, point: string): WrittenQuestion => ({ id, prompt, marks: 4, rubric: [{ id: "ref", point, marks: 4, kind: "content" }] });

/**
 * A comparison claims an order: which thing stands higher on which scale. An answer that puts the
 * point's things the other way round on the same scale says the opposite, however many words it shares;
 * one that says the same order in other words (a converse, an antonym) agrees. Sentences and questions
 * written for these tests.
 */
const claims = (s: string) => readComparisonClaims(analyze(s).tokens);
const verdict = (reference: string, answer: string) => comparisonVerdict(claims(reference), analyze(answer).tokens);
/** The matching keys of some words, as the reader keys them (no stems written into the tests). */
const keys = (words: string) => analyze(words).tokens.filter((t) => t.isWord).map((t) => t.key);
/** A compared thing: its words' keys and its head (the last word). */
const thing = (words: string) => ({ keys: keys(words), head: keys(words).at(-1) });

describe("readComparisonClaims", () => {
  it("reads the higher and the lower thing, the scale and the verb", () => {
    expect(claims("The iron pan holds more water than the tin cup.")).toEqual([
      { greater: thing("iron pan"), lesser: thing("tin cup"), scale: "amount", verbs: ["hold"], nouns: keys("water"), past: false },
    ]);
  });

  it("puts an antonym and its converse on one scale", () => {
    // "slower" is "less fast": the tortoise below the hare.
    const hare = { greater: thing("hare"), lesser: thing("tortoise"), scale: "fast" };
    expect(claims("The tortoise is slower than the hare.")).toMatchObject([hare]);
    expect(claims("The hare runs more quickly than the tortoise.")).toMatchObject([hare]);
    expect(claims("The tortoise runs less quickly than the hare.")).toMatchObject([hare]);
    expect(claims("The pebble is smaller than the boulder.")).toMatchObject([{ greater: thing("boulder"), lesser: thing("pebble"), scale: "big" }]);
    expect(claims("The lamp is dimmer than the torch.")).toMatchObject([{ greater: thing("torch"), lesser: thing("lamp"), scale: "bright" }]);
  });

  it("reads a negated 'as … as' as the lesser side", () => {
    expect(claims("The tin cup does not hold as much water as the iron pan.")).toMatchObject([{ greater: thing("iron pan"), lesser: thing("tin cup"), scale: "amount" }]);
  });

  it("is not sure of hedges, multipliers, quantities, plain equality and other negations", () => {
    for (const s of [
      "The tin cup might hold more water than the iron pan.",
      "If the tin cup holds more water than the iron pan, it overflows.",
      "Does the tin cup hold more water than the iron pan?",
      "The iron pan holds three times as much water as the tin cup.",
      "The iron pan holds twice as much water as the tin cup.",
      "The iron pan holds more than 200 millilitres.",
      "The iron pan does not hold more water than the tin cup.",
      "The iron pan holds as much water as the tin cup.",
    ]) {
      const read = claims(s);
      expect(read === null || read.length === 0, s).toBe(true);
    }
    expect(claims("The iron pan, as well as the tin cup, holds water.")).toEqual([]);
  });
});

describe("comparisonVerdict", () => {
  const ref = "The iron pan holds more water than the tin cup.";

  it("finds the sides swapped on the same scale", () => {
    expect(verdict(ref, "The tin cup holds more water than the iron pan.")).toBe(-1);
    expect(verdict(ref, "The iron pan holds less water than the tin cup.")).toBe(-1);
    expect(verdict("Mars is smaller than Saturn.", "Saturn is smaller than Mars.")).toBe(-1);
    expect(verdict("Mars is smaller than Saturn.", "Mars is bigger than Saturn.")).toBe(-1);
    expect(verdict("Steel conducts heat more quickly than wood.", "Wood conducts heat more quickly than steel.")).toBe(-1);
    expect(verdict("Steel conducts heat more quickly than wood.", "Steel conducts heat more slowly than wood.")).toBe(-1);
    expect(verdict("Steel conducts heat more than wood.", "Steel conducts heat less than wood.")).toBe(-1);
  });

  it("agrees with the same order in other words", () => {
    expect(verdict(ref, "The tin cup holds less water than the iron pan.")).toBe(1);
    expect(verdict(ref, "The tin cup does not hold as much water as the iron pan.")).toBe(1);
    expect(verdict("Mars is smaller than Saturn.", "Saturn is much larger than Mars.")).toBe(1);
    expect(verdict("Steel conducts heat more quickly than wood.", "Wood conducts more slowly than steel.")).toBe(1);
    expect(verdict("Steel conducts heat more than wood.", "Wood conducts heat less than steel.")).toBe(1);
  });

  it("tells nothing when the scale, the verb or the sides do not match, or the sentence is unsure", () => {
    expect(verdict(ref, "The tin cup weighs more than the iron pan.")).toBe(0); // another verb
    expect(verdict(ref, "The tin cup is bigger than the iron pan.")).toBe(0); // another scale
    expect(verdict(ref, "The bucket holds more water than the iron pan.")).toBe(0); // a side the point does not name
    expect(verdict(ref, "The tin cup holds twice as much water as the iron pan.")).toBe(0);
    expect(verdict(ref, "Not only does the tin cup hold more water than the iron pan, it is lighter.")).toBe(0);
    expect(verdict(ref, "The tin cup may hold more water than the iron pan.")).toBe(0);
    // Two comparisons in one sentence: not read.
    expect(verdict(ref, "The tin cup holds more water than the iron pan and the pan is heavier than the cup.")).toBe(0);
  });
});

describe("grading a comparison made the other way round", () => {
  const pans = oneReference("pans-cmp", "Which holds more water, the iron pan or the tin cup?", "The iron pan holds more water than the tin cup.");
  const rods = oneReference("rods-cmp", "Compare how well steel and wood conduct heat.", "Steel conducts heat more quickly than wood.");
  const planets = oneReference("planets-cmp", "Compare the sizes of Mars and Saturn.", "Saturn is bigger than Mars.");
  const amount = oneReference("amount-cmp", "Compare how much heat steel and wood conduct.", "Steel conducts more heat than wood.");
  const lamps = oneReference("lamps-cmp", "How do lamps B and D compare when the switch is closed?", "Lamp B is brighter than lamp D because it has a path of its own to the cell.");
  const grade = (q: WrittenQuestion, answerText: string) => gradeWrittenAnswer({ question: q, answerText });

  it("earns nothing for the point and is quoted back as a contradiction", () => {
    for (const [q, answerText] of [
      [pans, "The tin cup holds more water than the iron pan."],
      [rods, "Wood conducts heat more quickly than steel."],
      [rods, "Steel conducts heat more slowly than wood."],
      [planets, "Mars is bigger than Saturn."],
      [amount, "Steel conducts heat less than wood."],
      [lamps, "Lamp D is brighter than lamp B."],
    ] as const) {
      const r = grade(q, answerText);
      expect(r.flags, answerText).toContain("contradiction");
      expect(r.score, answerText).toBe(0);
      expect(r.contradictions?.[0]?.answer.quote, answerText).toBe(answerText);
      expect(r.points[0]?.feedback, answerText).toContain(answerText);
    }
  });

  it("leaves correct answers in other forms alone", () => {
    for (const [q, answerText] of [
      [pans, "The iron pan holds more water than the tin cup."],
      [pans, "The tin cup holds less water than the iron pan."],
      [pans, "The tin cup does not hold as much water as the iron pan."],
      [pans, "The iron pan holds twice as much water as the tin cup."],
      [rods, "Wood conducts heat more slowly than steel."],
      [rods, "Not only does steel conduct heat more quickly than wood, it also keeps it."],
      [planets, "Mars is smaller than Saturn."],
      [amount, "Wood conducts more slowly than steel."],
      [lamps, "Lamp D is dimmer than lamp B."],
    ] as const) {
      const r = grade(q, answerText);
      expect(r.flags, answerText).not.toContain("contradiction");
      expect(r.score, answerText).toBeGreaterThan(0);
    }
  });
});

describe("a bag of terms with 'more … than' in it", () => {
  const rods = oneReference("rods-bag", "Compare how much heat the steel rod and the wooden rod carry from the flame.", "The steel rod carries more heat than the wooden rod, so its far end gets hot first.");
  const grade = (answerText: string) => gradeWrittenAnswer({ question: rods, answerText });

  // Without a verb, "more … than" in a string of terms cannot be told from note form, which states a
  // claim and earns its credit; the comparison reader does not judge it.
  it("leaves a terse comparison, with or without a verb, alone", () => {
    for (const answerText of ["Steel rods carry more heat than wooden rods so far ends get hot first.", "Steel rods heat up faster than wooden rods so far ends get hot first.", "steel rod more heat than wooden rod far end hot first"]) {
      const r = grade(answerText);
      expect(r.flags, answerText).not.toContain("keyword_stuffing");
      expect(r.score, answerText).toBeGreaterThan(0);
    }
  });
});

describe("a comparison in note form", () => {
  const valves = oneReference("valves-note", "When does the relief valve open, and how does it compare with the bypass valve?", "The relief valve opens when the tank pressure rises above the set limit; it reacts faster than the bypass valve.");

  it("is a relation, not a term list", () => {
    for (const answerText of [
      "Closed: tank pressure less than set limit; open: tank pressure greater than set limit.",
      "Relief valve opens at the set limit. Quicker response than the manual bypass valve.",
    ]) {
      const r = gradeWrittenAnswer({ question: valves, answerText });
      expect(r.flags, answerText).not.toContain("keyword_stuffing");
    }
  });
});

describe("a phrasal verb the tagger reads as a noun", () => {
  it("is the verb of the comparison", () => {
    expect(claims("Copper pots heat up faster than steel pots.")).toMatchObject([{ greater: thing("copper pots"), lesser: thing("steel pots"), scale: "fast", verbs: ["heat"] }]);
  });
});

describe("labels and scales", () => {
  it("reads a capital letter after a noun as the thing's label", () => {
    expect(claims("Lamp B is brighter than lamp D because it has its own path.")).toMatchObject([{ greater: { head: "b" }, lesser: { head: "d" }, scale: "bright" }]);
    expect(verdict("Lamp B is brighter than lamp D.", "Lamp D is brighter than lamp B.")).toBe(-1);
    expect(verdict("Lamp B is brighter than lamp D.", "Lamp D is dimmer than lamp B.")).toBe(1);
  });

  it("agrees across scales of one verb only in the same order, and never contradicts across them", () => {
    expect(verdict("Steel conducts more heat than wood.", "Wood conducts more slowly than steel.")).toBe(1);
    expect(verdict("Steel conducts more heat than wood.", "Wood conducts heat more quickly than steel.")).toBe(0);
    expect(verdict("Steel conducts more heat than wood.", "Steel conducts heat more unevenly than wood.")).toBe(0);
  });
});
