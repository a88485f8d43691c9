import { describe, expect, it } from "vitest";
import type { WrittenQuestion } from "@/lib/grading";
import { gradeWithDiagnostics } from "@/lib/grading/heuristic";
import { analyseAnswer } from "@/lib/grading/answer";
import { alignPoint, alignWhole } from "@/lib/grading/content";
import { prepareQuestion } from "@/lib/grading/prepare";

/** A short item invented for this test: one claim, with an answer that agrees in one sentence and denies in another. */
const question: WrittenQuestion = {
  id: "kettle",
  prompt: "Why does the kettle stop heating?",
  marks: 4,
  rubric: [{ id: "ref", point: "The thermostat opens the circuit when the water boils", marks: 4, kind: "content" }],
};
const answer = "The water boils. Then the thermostat opens the circuit. It does not close the circuit again. Kettles are often white.";

describe("alignments read once per answer unit", () => {
  it("give the same result however often and in whatever order a point is aligned", () => {
    const prepared = prepareQuestion(question);
    const point = prepared.references[0] ?? prepared.points[0]!;
    const fresh = analyseAnswer(answer, prepared);
    const whole = alignWhole(point, fresh);
    const window = alignPoint(point, fresh);
    // Aligned again on the same units (cached matches), and on a fresh reading of the same text.
    expect(alignWhole(point, fresh)).toEqual(whole);
    expect(alignPoint(point, fresh)).toEqual(window);
    const again = analyseAnswer(answer, prepared);
    expect(alignPoint(point, again).score).toBe(window.score);
    expect(alignWhole(point, again).score).toBe(whole.score);
    expect(window.score).toBeGreaterThan(0);
    // A unit that shares no word with the point matches nothing.
    expect(alignPoint(point, { units: again.units.slice(-1) }).score).toBe(0);
  });

  it("grades an answer the same the second time", () => {
    const first = gradeWithDiagnostics({ question, answerText: answer });
    const second = gradeWithDiagnostics({ question, answerText: answer });
    expect(second).toEqual(first);
  });
});

describe("a question's preparation, cached", () => {
  const material = { id: "note", text: "Kettles switch off when a bimetallic thermostat bends and opens the circuit." };

  it("is reused for the same question object and material", () => {
    expect(prepareQuestion(question, [material])).toBe(prepareQuestion(question, [material]));
  });

  it("is reused for an equal question passed as a new object", () => {
    expect(prepareQuestion({ ...question, rubric: question.rubric.map((p) => ({ ...p })) })).toBe(prepareQuestion(question));
  });

  it("is made afresh when the rubric, the material or its text differ", () => {
    const base = prepareQuestion(question, [material]);
    const otherRubric = { ...question, rubric: [{ ...question.rubric[0]!, point: "The element cools when the power is cut" }] };
    expect(prepareQuestion(otherRubric, [material])).not.toBe(base);
    expect(prepareQuestion(question)).not.toBe(base);
    expect(prepareQuestion(question, [{ ...material, text: `${material.text} It clicks.` }])).not.toBe(base);
  });

  it("grades the same whichever way the question reaches it", () => {
    const copy = JSON.parse(JSON.stringify(question)) as WrittenQuestion;
    expect(gradeWithDiagnostics({ question: copy, answerText: answer })).toEqual(gradeWithDiagnostics({ question, answerText: answer }));
  });
});

describe("the question-preparation cache", () => {
  it("prepares again when a material's text changes under the same id, length and opening", () => {
    const opening = "The kettle manual describes each of the parts in the order a repairer meets them. ";
    const before = { id: "manual", text: `${opening}The thermostat opens the circuit.` };
    const after = { id: "manual", text: `${opening}The switchgear opens the circuit.` };
    expect(after.text.length).toBe(before.text.length);
    // Fresh question objects each time, as the server parses them per request: only the key can match.
    const first = prepareQuestion({ ...question }, [before]);
    const second = prepareQuestion({ ...question }, [after]);
    expect(second).not.toBe(first);
    expect(prepareQuestion({ ...question }, [{ ...before }])).toBe(first);
    const keysOf = (p: typeof first) => [...p.materialKeys];
    expect(keysOf(first).some((k) => k.startsWith("thermostat"))).toBe(true);
    expect(keysOf(second).some((k) => k.startsWith("thermostat"))).toBe(false);
  });
});

describe("the question-preparation cache with stored checksums", () => {
  it("keys on the checksum the caller passes, so a changed text comes with a changed checksum", () => {
    const text = "A bimetal strip bends as it heats and opens the circuit of the kettle.";
    const stored = { id: "strip", text, checksum: "sha-of-first-text" };
    const first = prepareQuestion({ ...question }, [stored]);
    expect(prepareQuestion({ ...question }, [{ ...stored }])).toBe(first);
    expect(prepareQuestion({ ...question }, [{ ...stored, checksum: "sha-of-second-text" }])).not.toBe(first);
  });
});
