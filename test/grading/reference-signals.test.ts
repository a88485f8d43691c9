import { describe, expect, it } from "vitest";
import { REFERENCE_FEATURES } from "@/lib/grading/features";
import { gradeWrittenAnswer } from "@/lib/grading";
import { onlyDenies, signalsFor } from "@/lib/grading/heuristic";
import { REFERENCE_CREDIT_RANGE, referenceCredit } from "@/lib/grading/model";
import type { WrittenQuestion } from "@/lib/grading/types";

/**
 * The short-answer signals when a reference answer, or an answer, is made only of the question's own
 * words: "Is the pump connected to the tank?" — "The pump is not connected to the tank." Nothing in
 * such a reference lies outside the question, so the share of its own words an answer asserts, and the
 * share of the answer's own words that match it, are read over all of their words instead of being 0
 * (which told the model that an answer saying exactly the reference said nothing of it).
 * A question written for these tests.
 */
const question: WrittenQuestion = {
  id: "pump1",
  prompt: "Explain whether the pump is connected to the tank.",
  marks: 4,
  coreDemands: ["Explain whether the pump is connected to the tank."],
  rubric: [{ id: "ref", point: "The pump is not connected to the tank.", marks: 4, kind: "content" }],
};

const signal = (answerText: string, name: (typeof REFERENCE_FEATURES)[number]) => {
  const rows = signalsFor({ question, answerText }).referenceRows ?? [];
  expect(rows.length).toBe(1);
  return rows[0]!.values[REFERENCE_FEATURES.indexOf(name)]!;
};

describe("reference signals over the question's own words", () => {
  it("reads an answer stating a question-word reference as covering its own words", () => {
    expect(signal("The pump is not connected to the tank.", "ownCoverage")).toBeGreaterThan(0.9);
    expect(signal("The pump is not connected to the tank.", "f1")).toBeGreaterThan(0.9);
  });

  it("reads the precision of an answer made only of question words over those words", () => {
    expect(signal("The pump is not connected to the tank.", "precision")).toBeGreaterThan(0.9);
  });

  it("still tells an answer that says the reference from one that names a single word of it", () => {
    expect(signal("The tank.", "ownCoverage")).toBeLessThan(signal("The pump is not connected to the tank.", "ownCoverage"));
  });

  it("keeps reading own words only when the reference has words beyond the question", () => {
    const other: WrittenQuestion = { ...question, id: "pump2", rubric: [{ id: "ref", point: "The pump is not connected to the tank by any pipe.", marks: 4, kind: "content" }] };
    const rows = signalsFor({ question: other, answerText: "The pump is not connected to the tank." }).referenceRows ?? [];
    // "pipe" is the reference's one word of its own, and the answer does not say it.
    expect(rows[0]!.values[REFERENCE_FEATURES.indexOf("ownCoverage")]).toBe(0);
  });
});

describe("short-answer credit floor", () => {
  it("gives an estimate just above the floor a little credit and none at or below it", () => {
    expect(referenceCredit(REFERENCE_CREDIT_RANGE.low)).toBe(0);
    expect(referenceCredit(REFERENCE_CREDIT_RANGE.low - 0.05)).toBe(0);
    expect(referenceCredit(0.18)).toBeGreaterThan(0);
    expect(referenceCredit(0.9)).toBe(1);
  });
});

describe("a short answer that only denies its reference", () => {
  const heater: WrittenQuestion = {
    id: "heat1",
    prompt: "Why does the black pan warm up faster than the white pan in the sun?",
    marks: 4,
    rubric: [{ id: "ref", point: "The black pan absorbs more sunlight than the white pan, so its water gets warmer.", marks: 4, kind: "content" }],
  };
  const whole = (answerText: string) => signalsFor({ question: heater, answerText }).referenceRows?.[0]?.whole;

  it("is read as denying it when everything it shares with the reference is in the denying sentence", () => {
    expect(onlyDenies(whole("The black pan does not absorb more sunlight than the white pan.")!)).toBe(true);
  });

  it("is not when another sentence agrees with the reference", () => {
    expect(onlyDenies(whole("The black pan does not absorb more sunlight than the white pan. Its water gets warmer.")!)).toBe(false);
    expect(onlyDenies(whole("The black pan absorbs more sunlight than the white pan.")!)).toBe(false);
  });

  it("earns nothing and is told it says the opposite", () => {
    const r = gradeWrittenAnswer({ question: heater, answerText: "The black pan does not absorb more sunlight than the white pan." });
    expect(r.score).toBe(0);
    expect(r.flags).toContain("contradiction");
    expect(r.points[0]?.feedback).toMatch(/says the opposite of this point/);
  });
});

describe("an opinion the writer states as their own", () => {
  const valve: WrittenQuestion = {
    id: "valve1",
    prompt: "Explain whether the valve is open to the drain.",
    marks: 4,
    rubric: [{ id: "ref", point: "The valve is not open to the drain.", marks: 4, kind: "content" }],
  };
  const grade = (answerText: string) => gradeWrittenAnswer({ question: valve, answerText }).score;

  it("asserts the point (its extra words may cost a little, never all the credit)", () => {
    const plain = grade("The valve is not open to the drain.");
    expect(plain).toBeGreaterThan(0);
    for (const answerText of ["I think the valve is not open to the drain.", "We believe that the valve is not open to the drain.", "I reckon the valve is not open to the drain?"]) {
      expect(grade(answerText), answerText).toBeGreaterThanOrEqual(plain - 1);
    }
  });

  it("still asserts nothing when it is a question, a doubt or someone else's belief", () => {
    for (const answerText of ["Is the valve not open to the drain?", "I don't know whether the valve is open to the drain.", "I think the valve might not be open to the drain."]) {
      expect(grade(answerText), answerText).toBe(0);
    }
  });
});
