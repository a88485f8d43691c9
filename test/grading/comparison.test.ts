import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";
import { analyze, comparisonAgreement, readComparison, tokenPolarity } from "@/lib/nlp";

/**
 * A comparison is read as a whole: "A is not as X as B" says what "B is more X than A" says, and
 * "A is more X than B" says the opposite. Questions and answers written for these tests.
 */
const read = (s: string) => {
  const a = analyze(s);
  return readComparison(a.tokens, tokenPolarity(a.tokens));
};

describe("readComparison", () => {
  it("reads the compared things and the direction after negation", () => {
    const ref = read("The copper rod carries more heat than the glass rod.");
    expect(ref).toMatchObject({ left: ["copper"], right: ["glass"], direction: 1 });
    const converse = read("The glass rod does not carry as much heat as the copper rod.");
    expect(converse).toMatchObject({ left: ["glass"], right: ["copper"], direction: -1 });
    if (!ref || !converse) throw new Error("no comparison read");
    expect(comparisonAgreement(ref, converse)).toBe(1);
    const fewer = read("The glass rod carries less heat than the copper rod.");
    const turned = read("The glass rod carries more heat than the copper rod.");
    if (!fewer || !turned) throw new Error("no comparison read");
    expect(comparisonAgreement(ref, fewer)).toBe(1);
    expect(comparisonAgreement(ref, turned)).toBe(-1);
  });
});

describe("a comparison made the other way round", () => {
  const rods: WrittenQuestion = {
    id: "rods",
    prompt: "Compare how much heat the copper rod and the glass rod carry from the flame.",
    marks: 4,
    rubric: [{ id: "ref", point: "The copper rod carries more heat than the glass rod, so its far end gets hot first.", marks: 4, kind: "content" }],
  };

  it("is not read as denying the reference", () => {
    for (const answerText of ["The glass rod doesn't carry as much heat as the copper rod, so its end stays cooler.", "The glass rod does not carry as much heat as the copper rod."]) {
      const r = gradeWrittenAnswer({ question: rods, answerText });
      expect(r.flags, answerText).not.toContain("contradiction");
      expect(r.score, answerText).toBeGreaterThan(0);
    }
  });

  it("leaves an answer whose sides or direction alone are turned to the polarity reading", () => {
    // The comparison reader never raises a contradiction (it misreads too many forms to be trusted
    // with one): the negated comparative still contradicts through the clause's polarity, and a
    // turned comparison is never cleared by the reader.
    const r = gradeWrittenAnswer({ question: rods, answerText: "The copper rod doesn't carry as much heat as the glass rod." });
    expect(r.flags).toContain("contradiction");
    expect(r.score).toBe(0);
    const ref = read("The copper rod carries more heat than the glass rod.");
    for (const answerText of ["The glass rod carries more heat than the copper rod.", "The copper rod carries less heat than the glass rod."]) {
      const turned = read(answerText);
      if (!ref || !turned) throw new Error("no comparison read");
      expect(comparisonAgreement(ref, turned), answerText).toBe(-1);
    }
  });
});

describe("the comparison reader only clears a contradiction, and only for the same predicate", () => {
  const pans: WrittenQuestion = {
    id: "pans",
    prompt: "Which tray of sand warms faster under the lamp?",
    marks: 4,
    rubric: [{ id: "ref", point: "The dark tray absorbs more light than the pale tray, so its sand gets warmer.", marks: 4, kind: "content" }],
  };
  const rods: WrittenQuestion = {
    id: "rods2",
    prompt: "Compare how well iron and wood conduct heat.",
    marks: 4,
    rubric: [{ id: "ref", point: "Iron conducts heat more quickly than wood.", marks: 4, kind: "content" }],
  };
  const grade = (q: WrittenQuestion, answerText: string) => gradeWrittenAnswer({ question: q, answerText });

  it("does not read a correct answer with another comparison form as a contradiction", () => {
    for (const answerText of [
      "The dark tray absorbs three times as much light as the pale tray, so its sand gets warmer.",
      "The dark tray, as well as being darker, absorbs more light than the pale tray, so its sand gets warmer.",
    ]) {
      const r = grade(pans, answerText);
      expect(r.flags, answerText).not.toContain("contradiction");
      expect(r.score, answerText).toBeGreaterThan(0);
    }
    for (const answerText of ["Not only does iron conduct heat more quickly than wood, it also holds it.", "Wood conducts heat more slowly than iron."]) {
      const r = grade(rods, answerText);
      expect(r.flags, answerText).not.toContain("contradiction");
      expect(r.score, answerText).toBeGreaterThan(0);
    }
  });

  it("does not confirm a comparison of another predicate", () => {
    const r = grade(pans, "The dark tray reflects more light than the pale tray, so its sand gets warmer.");
    expect(r.score).toBeLessThan(grade(pans, "The dark tray absorbs more light than the pale tray, so its sand gets warmer.").score);
  });

  it("reads the predicate of a comparison and skips 'as well as'", () => {
    expect(read("The dark tray absorbs more light than the pale tray.")?.predicate).toEqual(["absorb"]);
    expect(read("The pale tray does not absorb as much light as the dark tray.")?.predicate).toEqual(["absorb"]);
    expect(read("The dark tray as well as the lid is black.")).toBeNull();
  });
});
