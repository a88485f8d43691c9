import { describe, expect, it } from "vitest";
import { isBlankAnswer, isSameAnswer, toObjectiveResponse } from "@/lib/quiz/answers";
import { defaultTimeLimitSec, listThemes, selectQuizQuestions, shuffled } from "@/lib/quiz/selection";

const candidates = [
  { id: "q1", themes: ["Dawn"], timeLimitSec: 45 },
  { id: "q2", themes: ["FT"], timeLimitSec: 30 },
  { id: "q3", themes: ["Dawn", "FT"], timeLimitSec: 90 },
  { id: "q4", themes: ["UN"], timeLimitSec: 60 },
];

/** A deterministic generator (mulberry32) so random draws can be pinned. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("selectQuizQuestions", () => {
  it("asks every question in set order", () => {
    expect(selectQuizQuestions(candidates, { by: "all" }, Math.random).map((c) => c.id)).toEqual(["q1", "q2", "q3", "q4"]);
  });

  it("draws N distinct questions at random", () => {
    const picked = selectQuizQuestions(candidates, { by: "random", count: 3 }, seeded(7)).map((c) => c.id);
    expect(new Set(picked).size).toBe(3);
    expect(picked.every((id) => candidates.some((c) => c.id === id))).toBe(true);
  });

  it("draws at most what the set has", () => {
    expect(selectQuizQuestions(candidates, { by: "random", count: 10 }, seeded(1))).toHaveLength(4);
  });

  it("keeps only the missed questions, in set order", () => {
    expect(selectQuizQuestions(candidates, { by: "missed" }, Math.random, new Set(["q4", "q2"])).map((c) => c.id)).toEqual(["q2", "q4"]);
  });

  it("keeps the questions drawn from one theme", () => {
    expect(selectQuizQuestions(candidates, { by: "theme", theme: "FT" }, Math.random).map((c) => c.id)).toEqual(["q2", "q3"]);
    expect(listThemes(candidates)).toEqual([
      { theme: "Dawn", count: 2 },
      { theme: "FT", count: 2 },
      { theme: "UN", count: 1 },
    ]);
  });

  it("adds up question time limits for the default quiz time", () => {
    expect(defaultTimeLimitSec(candidates)).toBe(225);
  });

  it("shuffles without losing or repeating items", () => {
    expect(shuffled([1, 2, 3, 4, 5], seeded(3)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("quiz answers", () => {
  it("treats an empty choice or whitespace as blank", () => {
    expect(isBlankAnswer({ optionIds: [], text: "  " })).toBe(true);
    expect(isBlankAnswer({ text: "0" })).toBe(false);
  });

  it("compares answers regardless of option order", () => {
    expect(isSameAnswer({ optionIds: ["a", "b"] }, { optionIds: ["b", "a"] })).toBe(true);
    expect(isSameAnswer({ optionIds: ["a"] }, { optionIds: ["b"] })).toBe(false);
  });

  it("gives the objective grader the response shape of each kind", () => {
    expect(toObjectiveResponse("single_choice", { optionIds: ["x"] })).toBe("x");
    expect(toObjectiveResponse("multiple_choice", { optionIds: ["x", "y"] })).toEqual(["x", "y"]);
    expect(toObjectiveResponse("numeric", { text: " 2,500 " })).toBe("2,500");
    expect(toObjectiveResponse("true_false", {})).toBeNull();
  });
});
