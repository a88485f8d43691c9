import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import { REFERENCE_FEATURES } from "@/lib/grading/features";
import { signalsFor } from "@/lib/grading/heuristic";
import type { WrittenQuestion } from "@/lib/grading/types";

/**
 * A negation can move between a predicate and its opposite word: "the hose is detached from the sprinkler"
 * says "the hose is not attached to the sprinkler", and "the printer is not connected to the laptop" says
 * "the printer is disconnected from the laptop". The point's other words in the negation's scope
 * ("the sprinkler", "the laptop") keep their meaning; they are no denial of the point. Questions and
 * answers invented for these tests.
 */
const item = (id: string, prompt: string, reference: string): WrittenQuestion => ({
  id,
  prompt,
  marks: 4,
  coreDemands: [prompt],
  rubric: [{ id: "ref", point: reference, marks: 4, kind: "content" }],
});

const hose = item("hose1", "Why does no water reach the garden bed?", "The hose is not attached to the sprinkler.");
const printer = item("printer1", "Why does the page never come out?", "The printer is disconnected from the laptop.");

const signal = (question: WrittenQuestion, answerText: string, name: (typeof REFERENCE_FEATURES)[number]) =>
  signalsFor({ question, answerText }).referenceRows?.[0]?.values[REFERENCE_FEATURES.indexOf(name)] ?? NaN;
const score = (question: WrittenQuestion, answerText: string) => gradeWrittenAnswer({ question, answerText }).score;

describe("a negation moved onto an opposite word", () => {
  it("reads the opposite word affirmed as the negated predicate, object and all", () => {
    expect(signal(hose, "The hose is detached from the sprinkler.", "coverage")).toBeGreaterThan(0.95);
    expect(signal(hose, "The hose is detached from the sprinkler.", "contraShare")).toBe(0);
    // The opposite word carries the negation: the answer negates as the reference does.
    expect(signal(hose, "The hose is detached from the sprinkler.", "negationMismatch")).toBe(0);
    expect(score(hose, "The hose is detached from the sprinkler.")).toBeGreaterThanOrEqual(score(hose, "The hose is not attached to the sprinkler.") - 0.5);
  });

  it("reads the negated opposite word as the affirmed predicate, object and all", () => {
    expect(signal(printer, "The printer is not connected to the laptop.", "coverage")).toBeGreaterThan(0.95);
    expect(signal(printer, "The printer is not connected to the laptop.", "contraShare")).toBe(0);
    expect(score(printer, "The printer is not connected to the laptop.")).toBeGreaterThanOrEqual(3);
  });

  it("still reads the plain opposite claim as a contradiction", () => {
    expect(score(hose, "The hose is attached to the sprinkler.")).toBe(0);
    expect(score(hose, "The hose is not detached from the sprinkler.")).toBe(0);
    expect(score(printer, "The printer is connected to the laptop.")).toBe(0);
    expect(score(printer, "The printer is not disconnected from the laptop.")).toBe(0);
  });

  it("does not let a negated noun elsewhere ride on the moved negation", () => {
    // The opposite word is about another thing; the laptop is still denied.
    expect(gradeWrittenAnswer({ question: printer, answerText: "The printer is connected to the laptop." }).flags).toContain("contradiction");
  });
});
