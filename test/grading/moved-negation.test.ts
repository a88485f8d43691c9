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

/**
 * The review's probe of the moved negation (its questions and answers, not course material): every one of
 * these answers is wrong or weak, and none may score more than it did before the negation could move
 * (the scores out of 4 noted here). An opposite word in another sentence or clause, about another thing,
 * under a negation that frames it, or next to the point's own predicate with the opposite polarity moves
 * nothing.
 */
const probe = {
  r0: item("r0", "Why does bulb A not light?", "Bulb A is not connected to the battery."),
  r1: item("r1", "Why was the bill not treated as a money bill?", "The bill was not connected to the finance bill."),
  r2: item("r2", "Why does the bulb stay dark?", "The wire is disconnected from the bulb."),
  r3: item("r3", "What happens to stomata at night?", "The stomata are not open at night."),
  r4: item("r4", "What happens to imports when the rupee weakens?", "Imports do not increase when the rupee weakens."),
  r5: item("r5", "Why does the pump not fill the tank?", "The pump is not connected to the tank."),
  r6: item("r6", "Why is the Rajya Sabha called a permanent house?", "The Rajya Sabha is not dissolved."),
};

const probeAnswers: Array<[keyof typeof probe, string, number]> = [
  ["r0", "Bulb A is separated from the switch, but the battery is connected.", 0],
  ["r0", "Bulb A is separated from the switch and the battery works.", 1.5],
  ["r0", "Bulb A is separated from the switch.", 1.5],
  ["r0", "Bulb A is not separated from the battery.", 0],
  ["r0", "Bulb A is not disconnected from the battery.", 0],
  ["r0", "The switch is separated from the battery, and bulb A is connected to the battery.", 0],
  ["r0", "Bulb A is connected to the battery but separated from the switch.", 2],
  ["r0", "Bulb A is connected to the battery, and bulb B is separated from it.", 2],
  ["r0", "Unlike bulb A, bulb B is separated from the battery.", 1.5],
  ["r0", "Neither bulb A nor bulb B is separated from the battery.", 2],
  ["r0", "It is not true that bulb A is separated from the battery.", 2],
  ["r0", "Bulb B is separated from the battery.", 1],
  ["r0", "Bulb A is not broken; it is connected to the battery.", 0],
  ["r1", "The bill was separated from the budget, but it was connected to the finance bill.", 0],
  ["r1", "The bill was not separated from the finance bill.", 0],
  ["r1", "The bill was separated from the budget, not from the finance bill.", 3.5],
  ["r2", "The bulb is not connected to the switch; the wire is fine.", 3],
  ["r2", "The wire is not disconnected from the bulb.", 0],
  ["r2", "The wire is connected to the bulb, not to the battery.", 0],
  ["r2", "The switch is not connected, so the wire is still attached to the bulb.", 3],
  ["r2", "The switch is not connected to the battery, but the wire is on the bulb.", 3],
  ["r2", "The wire is not connected to the battery, but it is on the bulb.", 3],
  ["r3", "The stomata are closed during the day, not at night.", 3.5],
  ["r3", "The stomata are closed in the morning and open at night.", 3.5],
  ["r3", "The stomata are closed in the morning, and at night they are open.", 3.5],
  ["r3", "The stomata are not closed at night.", 0],
  ["r4", "Imports fall when the rupee strengthens.", 0],
  ["r4", "Imports do not fall when the rupee weakens.", 1],
  ["r4", "Exports fall, but imports increase when the rupee weakens.", 0],
  ["r4", "Imports decrease when the rupee strengthens and increase when the rupee weakens.", 2.5],
  ["r5", "The pump is separated from the hose but connected to the tank.", 3.5],
  ["r5", "The hose is separated from the pump, which is connected to the tank.", 4],
  ["r5", "The valve is separated, and the tank and the pump are connected.", 3.5],
  ["r5", "The pump is separated from the hose and the tank is full.", 2.5],
  ["r6", "The Rajya Sabha is dissolved like the Lok Sabha.", 0],
  ["r6", "Unlike the Lok Sabha, the Rajya Sabha is dissolved.", 0],
  ["r0", "Bulb A is connected to the battery; the switch is separated.", 0],
  ["r0", "Bulb A is connected to the battery and separated.", 2.5],
  ["r0", "The switch is separated from the battery. Bulb A is connected to the battery.", 2],
];

describe("the moved negation stays in the opposite word's own clause", () => {
  it.each(probeAnswers)("%s: %s scores at most %d", (ref, answerText, before) => {
    expect(score(probe[ref], answerText)).toBeLessThanOrEqual(before);
  });

  it("keeps the gain of the opposite word with the point's subject and object in its clause", () => {
    expect(score(probe.r0, "Bulb A is separated from the battery.")).toBeGreaterThanOrEqual(3);
  });
});

describe("a moved negation is read only where the opposite word makes the point's claim", () => {
  const right = () => score(hose, "The hose is detached from the sprinkler.");

  it("does not let an opposite word elsewhere turn a plain denial into agreement", () => {
    // The reference's own predicate with the other polarity is the answer's claim.
    const both = "The tap is detached from the sprinkler, and the hose is attached to the sprinkler.";
    expect(score(hose, both)).toBe(0);
    expect(gradeWrittenAnswer({ question: hose, answerText: both }).flags).toContain("contradiction");
    expect(score(hose, "The hose is attached to the sprinkler; the tap is detached.")).toBeLessThanOrEqual(2);
    expect(score(hose, "The tap is detached from the sprinkler. The hose is attached to the sprinkler.")).toBeLessThan(right());
  });

  it("moves the negation only for the point's own subject, outside any negation that frames it", () => {
    expect(right()).toBeGreaterThanOrEqual(3);
    expect(score(hose, "Hose B is detached from the sprinkler.")).toBeLessThanOrEqual(2);
    expect(score(hose, "Unlike the hose, the tap is detached from the sprinkler.")).toBeLessThanOrEqual(2);
    expect(score(hose, "It is not true that the hose is detached from the sprinkler.")).toBeLessThan(right());
    expect(score(hose, "Neither the hose nor the tap is detached from the sprinkler.")).toBeLessThan(right());
  });

  it("does not carry the point's object from another clause", () => {
    // "the sprinkler" sits in the clause after "but": the negation moved onto "detached" says nothing of it.
    expect(score(hose, "The hose is detached from the tap, but the sprinkler is fine.")).toBeLessThanOrEqual(2);
    expect(signal(hose, "The hose is detached from the tap, but the sprinkler is fine.", "negationMismatch")).toBe(1);
    expect(signal(printer, "The printer is not connected to the router, and the laptop is on.", "negationMismatch")).toBe(1);
  });
});
