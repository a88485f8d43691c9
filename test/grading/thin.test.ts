import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";
import { gradeProbeSet } from "./probe";

/**
 * A short answer that states something of several points without making any of them: examiners give
 * it a few half marks, and so does the grader (from the learned model's expected credit), while a
 * short answer about something else still earns nothing. A question on city buses written for
 * these tests.
 */
const question: WrittenQuestion = {
  id: "bus2",
  prompt: "Examine why fewer people ride city buses and suggest how a city can win riders back.",
  marks: 10,
  wordLimit: 150,
  coreDemands: ["Why fewer people ride city buses.", "How a city can win bus riders back."],
  rubric: [
    { id: "b1", point: "Private car ownership has grown with rising incomes while bus ridership declined.", marks: 1, kind: "content" },
    { id: "b2", point: "Cheap or free parking in the city centre encourages commuters to drive.", marks: 1, kind: "content" },
    { id: "b3", point: "Buses are slow and unreliable because they are stuck in the same traffic as cars.", marks: 1, kind: "content" },
    { id: "b4", point: "Dedicated bus lanes and signal priority make buses faster and more reliable.", marks: 1, kind: "content" },
    { id: "b5", point: "Congestion charges or higher parking fees make driving costlier and fund better bus services.", marks: 1, kind: "content" },
    { id: "b6", point: "Frequent services, integrated tickets and real-time information make buses easier to use.", marks: 1, kind: "content" },
    { id: "s1", point: "The introduction sets the context.", marks: 1, kind: "structure" },
    { id: "s2", point: "The conclusion offers a way forward.", marks: 2, kind: "structure" },
    { id: "s3", point: "The answer stays within the word limit.", marks: 1, kind: "structure" },
  ],
};

const grade = (answerText: string) => gradeWrittenAnswer({ question, answerText });

describe("thin but relevant short answers", () => {
  it("gives a few half marks to a short answer that touches several points without making any", () => {
    const r = grade("Buses are important for cities. Many people now drive cars because they have more money, and the buses are often late. Parking is easy to find. The city should make buses better so that people use them again.");
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThanOrEqual(r.maxScore * 0.3);
    for (const p of r.points) expect([0, p.max / 2]).toContain(p.awarded);
  });

  it("gives nothing to a short answer about something else", () => {
    expect(grade("Cricket is a popular sport in India. Many people watch the matches on television and the players earn a lot of money. The city should build more stadiums.").score).toBe(0);
  });

  it("gives the probe set's weak on-topic answer part of its hand mark", () => {
    const weak = gradeProbeSet().filter((g) => g.category === "weak");
    expect(weak.length).toBeGreaterThan(0);
    for (const g of weak) {
      expect(g.score).toBeGreaterThan(0);
      expect(g.score).toBeLessThanOrEqual(g.mark);
    }
  });
});
