import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import { comparisonVerdict, readComparisonClaims } from "@/lib/grading/comparisons";
import type { WrittenQuestion } from "@/lib/grading/types";
import { analyze } from "@/lib/nlp";

/**
 * A comparison may only take credit away when it certainly says the opposite of the point: the same
 * two things, named the same way, on the same dimension, swapped — and no other sentence of the answer
 * says the point. Everything else is left to the rest of the grader. Sentences written for these tests.
 */
const verdict = (reference: string, answer: string) => comparisonVerdict(readComparisonClaims(analyze(reference).tokens), analyze(answer).tokens);
const question = (id: string, point: string): WrittenQuestion => ({ id, prompt: "Compare them.", marks: 4, rubric: [{ id: "ref", point, marks: 4, kind: "content" }] });
const grade = (q: WrittenQuestion, answerText: string) => gradeWrittenAnswer({ question: q, answerText });

describe("an answer that also states the point", () => {
  it("keeps its credit when another of its sentences is read as swapped", () => {
    for (const [point, answerText] of [
      ["Saturn is bigger than Mars.", "Saturn is bigger than Mars. Mars is denser than Saturn. Mars is bigger than Saturn's smallest moon."],
      ["Oak is stronger than pine.", "Oak is stronger than pine. Pine is stronger than oak per kilogram."],
      ["Silver is a better conductor than plastic.", "Silver is a better conductor than plastic. Plastic is better than silver for kettle handles."],
      // Even a plain swap in a second sentence: the answer says the point, the grader's estimate stands.
      ["The bucket holds more water than the mug.", "The bucket holds more water than the mug. The mug holds more water than the bucket."],
    ] as const) {
      const r = grade(question(`keep-${point.length}`, point), answerText);
      expect(r.score, answerText).toBeGreaterThan(0);
      expect(r.flags, answerText).not.toContain("contradiction");
    }
  });

  it("keeps a point's credit in a rubric of several points the same way", () => {
    const q: WrittenQuestion = {
      id: "two-points-cmp",
      prompt: "Which container would you take to fetch water, and why?",
      marks: 4,
      rubric: [
        { id: "a", point: "The bucket holds more water than the mug.", marks: 2, kind: "content" },
        { id: "b", point: "The mug is lighter than the bucket.", marks: 2, kind: "content" },
      ],
    };
    const r = grade(q, "The bucket holds more water than the mug. The mug holds more water than the bucket. The mug is lighter than the bucket.");
    expect(r.points.find((p) => p.rubricId === "a")?.awarded ?? 0).toBeGreaterThan(0);
  });
});

describe("the sides of a comparison", () => {
  it("must name the point's things, head noun and all, with no qualifier after them", () => {
    for (const [point, answer] of [
      ["The steel bucket holds more water than the glass mug.", "The glass mug holds more water than the plastic bucket."],
      ["Saturn is bigger than Mars.", "Mars is bigger than the moons of Saturn."],
      ["Saturn is bigger than Mars.", "Mars is bigger than Saturn's moons."],
      ["Silver conducts heat more quickly than plastic.", "Plastic conducts heat more quickly than silver foil."],
      ["Horses run faster than dogs over short distances.", "Dogs run faster than horses over long distances."],
      ["Silver is a better conductor than plastic.", "Plastic is better than silver for the handle."],
      ["The steel bucket holds more water than the glass mug.", "The glass mug holds more water than the steel bucket's lid."],
      // A qualifier later in the sentence may restrict the comparison too.
      ["Horses run faster than dogs.", "Dogs run faster than horses, but only over long distances."],
      ["Oak is stronger than pine.", "Pine is stronger than oak, per kilogram."],
      ["Oak is stronger than pine.", "Pine is stronger than oak, if it is dry."],
      ["Oak is stronger than pine.", "Pine is stronger than oak, not the other way round."],
      ["Oak is stronger than pine.", "Pine is stronger than oak is wrong."],
      // … and so may what comes before its clause: a denial, a report, a circumstance.
      ["Oak is stronger than pine.", "It is not true that pine is stronger than oak."],
      ["Oak is stronger than pine.", "Some people think that pine is stronger than oak."],
      ["Saturn is bigger than Mars.", "In the small model, Mars is bigger than Saturn."],
    ] as const) {
      expect(verdict(point, answer), answer).toBe(0);
    }
  });

  it("still finds a plain swap, and a side named by fewer of its words", () => {
    expect(verdict("The steel bucket holds more water than the glass mug.", "The glass mug holds more water than the steel bucket.")).toBe(-1);
    expect(verdict("The steel bucket holds more water than the glass mug.", "The mug holds more water than the bucket.")).toBe(-1);
    expect(verdict("Saturn is bigger than Mars.", "Mars is bigger than Saturn.")).toBe(-1);
  });
});

describe("the dimension of a comparison", () => {
  it("must be the same on both: a noun one compares and the other does not leaves it unsure", () => {
    for (const [point, answer] of [
      ["Spring mornings are warmer than autumn mornings.", "Autumn evenings are warmer than spring evenings."],
      ["Coal is cheaper than gas.", "Gas boilers are cheaper than coal boilers."],
      ["Silver is a better conductor than plastic.", "Plastic is better than silver as an insulator."],
      ["Saturn is bigger than Mars.", "Mars has bigger volcanoes than Saturn."],
      ["Asia is bigger than Europe.", "Europe has a bigger population density than Asia."],
    ] as const) {
      expect(verdict(point, answer), answer).toBe(0);
    }
  });

  it("reads 'greater' as 'more'", () => {
    const [more] = readComparisonClaims(analyze("The bucket holds more water than the mug.").tokens) ?? [];
    const [greater] = readComparisonClaims(analyze("The bucket holds a greater volume than the mug.").tokens) ?? [];
    expect(greater?.scale).toBe(more?.scale);
  });
});

describe("the repro answers of the review", () => {
  it("are not zeroed for a comparison the reader cannot be sure of", () => {
    for (const [point, answerText] of [
      ["Jupiter is bigger than Earth.", "Jupiter is bigger than Earth. Earth is denser than Jupiter. Earth is bigger than Jupiter's largest moon."],
      ["The iron pan holds more water than the tin cup.", "The tin cup holds more water than the plastic pan."],
      ["Lions run faster than zebras over short distances.", "Zebras run faster than lions over long distances."],
      ["Summer days are longer than winter days.", "Winter nights are longer than summer nights."],
      ["Diesel is cheaper than petrol.", "Petrol cars are cheaper than diesel cars."],
      ["Copper is a better conductor than iron.", "Iron is better than copper at making magnets."],
    ] as const) {
      const r = grade(question(`repro-${answerText.length}`, point), answerText);
      expect(r.score, answerText).toBeGreaterThan(0);
    }
  });
});

describe("note-form answers with 'more … than' in them", () => {
  it("are claims, not keyword stuffing", () => {
    for (const [point, answerText] of [
      [
        "In a warmer solution the ions move faster, so they meet more often and the reaction speeds up.",
        "Warmer solution ions greater speed more meetings than colder solution",
      ],
      ["A short thick cable has less resistance than a long thin cable, so more current flows.", "Short thick cable low resistance high current more flow than long thin cable"],
      ["Cork is chosen for the mat because it is a poor conductor of heat.", "Cork as mat material poor heat conductor safe surface"],
    ] as const) {
      const r = grade(question(`note-${answerText.length}`, point), answerText);
      expect(r.flags, answerText).not.toContain("keyword_stuffing");
    }
  });
});

describe("modifiers of what is compared", () => {
  it("are part of it: a swap with another modifier is not the opposite", () => {
    for (const [point, answer] of [
      ["Norway has a higher direct tax share than Chile.", "Chile has a higher indirect tax share than Norway."],
      ["The town has a larger young population than the village.", "The village has a larger old population than the town."],
      ["The farm keeps more healthy brown hens than the zoo.", "The zoo keeps more healthy white hens than the farm."],
    ] as const) {
      expect(verdict(point, answer), answer).toBe(0);
    }
    expect(verdict("Norway has a higher direct tax share than Chile.", "Chile has a higher direct tax share than Norway.")).toBe(-1);
  });
});

describe("a modal or an adverb of time or frequency before the comparative", () => {
  it("makes the comparison unsure", () => {
    for (const answer of [
      "The canal can be wider than the river.",
      "The canal must be wider than the river.",
      "The canal will be wider than the river.",
      "The canal is often wider than the river.",
      "The canal is occasionally wider than the river.",
      "The canal will soon be wider than the river.",
      "The canal was once wider than the river.",
    ]) {
      expect(verdict("The river is wider than the canal.", answer), answer).toBe(0);
    }
  });

  it("but a degree word does not", () => {
    expect(verdict("The river is wider than the canal.", "The canal is much wider than the river.")).toBe(-1);
  });

  it("and a past tense read against a present point is a statement of history, not the opposite", () => {
    expect(verdict("The town has more shops than the village.", "The village had more shops than the town.")).toBe(0);
    expect(verdict("The town has more shops than the village.", "The village has more shops than the town.")).toBe(-1);
  });
});

describe("a swap qualified by the sentence or bullet next to it", () => {
  it("is left to the rest of the grader", () => {
    for (const [point, answerText] of [
      ["The senate has more powers than the assembly.", "The assembly sets the budget. The assembly has more powers than the senate. That holds only in wartime."],
      ["The senate has more powers than the assembly.", "The senate names the judges. For treaties the roles are reversed. The assembly has more powers than the senate."],
      ["The senate has more powers than the assembly.", "- The senate names the judges\n- The assembly has more powers than the senate\n- only in wartime"],
      ["The port handles more cargo than the airport.", "The port leads today. In 1920 things were different. The airport handles more cargo than the port."],
    ] as const) {
      const r = grade(question(`ctx-${answerText.length}`, point), answerText);
      expect(r.score, answerText).toBeGreaterThan(0);
    }
  });

  it("while a plain swap with neutral neighbours still loses the point", () => {
    const r = grade(question("ctx-plain", "The senate has more powers than the assembly."), "The senate names the judges. The assembly has more powers than the senate. The assembly meets in spring.");
    expect(r.flags).toContain("contradiction");
  });
});
