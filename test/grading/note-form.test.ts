import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import { analyseAnswer } from "@/lib/grading/answer";
import { prepareQuestion } from "@/lib/grading/prepare";
import type { WrittenQuestion } from "@/lib/grading/types";

/**
 * An equation states a relation as an arrow does ("speed = 120 km / 2 h = 60 km/h"): a worked answer
 * written line by line in equations is a chain of claims, not headings or a term list. A question
 * written for these tests.
 */
const trip: WrittenQuestion = {
  id: "trip1",
  prompt: "A train covers 120 km in 2 hours. How long does it need for 300 km at the same average speed?",
  marks: 4,
  rubric: [{ id: "ref", point: "The average speed is 120 km / 2 h = 60 km/h, so 300 km take 300 / 60 = 5 hours.", marks: 4, kind: "content" }],
};
const worked = "speed = 120 / 2 = 60 km/h\ntime = 300 / 60\ntime = 5 h";

describe("equations in note form", () => {
  it("reads a line with an equals sign as a claim, not a heading", () => {
    const units = analyseAnswer(worked, prepareQuestion(trip)).units;
    expect(units.length).toBe(3);
    for (const u of units) {
      expect(u.hasVerb).toBe(true);
      expect(u.isHeading).toBe(false);
    }
    expect(analyseAnswer("Average speed\nJourney time", prepareQuestion(trip)).units.every((u) => u.isHeading)).toBe(true);
  });

  it("does not zero a worked answer as headings without substance", () => {
    const r = gradeWrittenAnswer({ question: trip, answerText: worked });
    expect(r.flags).not.toContain("headings_without_substance");
    expect(r.score).toBeGreaterThan(0);
  });
});
