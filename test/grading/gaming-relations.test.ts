import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import type { WrittenQuestion } from "@/lib/grading/types";

/**
 * A relation sign is note form's verb only where it relates something: an arrow between claims or
 * terms, an "=" between formula-like operands. A string of bare terms beside a sign is still a term
 * list. Questions and answers written for these tests.
 */
const item = (prompt: string, reference: string): WrittenQuestion => ({
  id: "rel",
  prompt,
  marks: 4,
  rubric: [{ id: "ref", point: reference, marks: 4, kind: "content" }],
});

const boats = item(
  "Why does a wooden raft stay afloat while a pebble goes to the bottom of the pond?",
  "The raft is less dense than water, so it pushes aside its own weight of water before it is submerged; the pebble is denser than water.",
);
const lungs = item(
  "Explain how oxygen gets from the air into the blood.",
  "Air breathed into the lungs reaches the alveoli, where oxygen diffuses through their thin walls into the blood in the capillaries.",
);

describe("a relation sign beside a term list", () => {
  it("does not make a string of bare terms after '=' a claim", () => {
    const r = gradeWrittenAnswer({ question: boats, answerText: "raft = wood dense less water pushes weight pebble denser bottom" });
    expect(r.flags).toContain("keyword_stuffing");
    expect(r.score).toBe(0);
  });

  it("does not make a string of bare terms before '=' a claim", () => {
    const r = gradeWrittenAnswer({ question: lungs, answerText: "lungs alveoli thin walls diffusion capillaries oxygen = blood" });
    expect(r.flags).toContain("keyword_stuffing");
    expect(r.score).toBe(0);
  });

  it("reads each side of an arrow: six bare terms on one side are a term list", () => {
    const r = gradeWrittenAnswer({ question: lungs, answerText: "blood -> lungs alveoli thin walls diffusion capillaries oxygen" });
    expect(r.flags).toContain("keyword_stuffing");
    expect(r.score).toBe(0);
  });

  it("reads a bare side that makes most of the line as a term list, a short one in a long note as a weak stretch", () => {
    const r = gradeWrittenAnswer({ question: lungs, answerText: "We breathe in air -> lungs alveoli thin walls diffusion capillaries oxygen" });
    expect(r.flags).toContain("keyword_stuffing");
    expect(r.score).toBe(0);
    const note = gradeWrittenAnswer({
      question: lungs,
      answerText:
        "Air is breathed in through the nose and the windpipe → it reaches the tiny air sacs of the lungs, the alveoli → oxygen diffuses through their thin walls into the capillaries around them → red cells haemoglobin heart arteries body tissues",
    });
    expect(note.flags).not.toContain("keyword_stuffing");
    expect(note.score).toBeGreaterThan(0);
  });

  it("keeps arrow chains of short claims and formula-like equations as note form", () => {
    const chain = gradeWrittenAnswer({ question: lungs, answerText: "air -> lungs -> alveoli; oxygen diffuses through thin walls -> capillaries -> blood" });
    expect(chain.flags).not.toContain("keyword_stuffing");
    expect(chain.score).toBeGreaterThan(0);
    const formula = gradeWrittenAnswer({ question: boats, answerText: "density = mass / volume; raft density < water density so the raft floats, the pebble is denser and sinks" });
    expect(formula.flags).not.toContain("keyword_stuffing");
    expect(formula.score).toBeGreaterThan(0);
    const worked = gradeWrittenAnswer({ question: boats, answerText: "P(raft) = 0,6 * 1000 = 600 kg/m3 and P(pebble) = 2,5 * 1000 = 2500 kg/m3, so the raft floats and the pebble sinks." });
    expect(worked.flags).not.toContain("keyword_stuffing");
  });
});

describe("a reference made only of the question's words", () => {
  const valve = item("Say whether the valve is open when the boiler is cold.", "The valve is not open when the boiler is cold.");

  it("gives nothing to a copy of the question or to a non-answer about it", () => {
    for (const answerText of ["Say whether the valve is open when the boiler is cold.", "I am not sure whether the valve is open when the boiler is cold.", "Is the valve open when the boiler is cold?"]) {
      const r = gradeWrittenAnswer({ question: valve, answerText });
      expect(r.score, answerText).toBe(0);
    }
  });

  it("still credits an answer that asserts the reference's polarity", () => {
    expect(gradeWrittenAnswer({ question: valve, answerText: "The valve is not open when the boiler is cold." }).score).toBe(4);
    expect(gradeWrittenAnswer({ question: valve, answerText: "No, it stays shut: the valve is not open while the boiler is cold." }).score).toBeGreaterThan(0);
    expect(gradeWrittenAnswer({ question: valve, answerText: "The valve is open when the boiler is cold." }).score).toBe(0);
  });
});

describe("an '=' that is not a formula inside a claim with a verb", () => {
  const trays = item("Which tray of sand warms faster under the lamp?", "The dark tray absorbs more light than the pale tray, so its sand gets warmer.");

  it("splits the term-list test at the sign, as an arrow does", () => {
    const withArrow = gradeWrittenAnswer({ question: trays, answerText: "dark tray absorbs more light -> warmer sand" });
    const withEquals = gradeWrittenAnswer({ question: trays, answerText: "dark tray absorbs more light = warmer sand" });
    expect(withEquals.flags).not.toContain("keyword_stuffing");
    expect(withEquals.score).toBeGreaterThan(0);
    expect(withEquals.score).toBe(withArrow.score);
  });
});
