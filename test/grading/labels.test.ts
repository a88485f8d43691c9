import { describe, expect, it } from "vitest";
import type { WrittenQuestion } from "@/lib/grading";
import { analyseAnswer } from "@/lib/grading/answer";
import { alignWhole } from "@/lib/grading/content";
import { prepareQuestion } from "@/lib/grading/prepare";
import { analyze, entityLabels } from "@/lib/nlp";

const labels = (text: string) => [...entityLabels(analyze(text).tokens)].sort();

/** A circuit item invented for these tests. */
const circuit = (point: string, prompt = "Explain your reasoning."): WrittenQuestion => ({
  id: "circuit",
  prompt,
  marks: 4,
  rubric: [{ id: "ref", point, marks: 4, kind: "content" }],
});

describe("labels of like things", () => {
  it("reads letters and small numbers that name a thing, not articles or figures", () => {
    expect(labels("Bulbs A, B and C are on")).toEqual(["a", "b", "c"]);
    expect(labels("A and C are in a path with terminal 1 and 2")).toEqual(["1", "2", "a", "c"]);
    expect(labels("The bulb contains a filament and a battery gives 1.5 volts")).toEqual([]);
    expect(labels("bulb a is on and switch z is open")).toEqual(["a", "z"]);
    expect(labels("The change is 20 meters between A and B, from 300m to 30m")).toEqual(["a", "b"]);
    expect(labels("Connect the D-cell battery to bulb 2")).toEqual(["2"]);
  });

  it("counts a reference's labels a quarter, as the question's own words", () => {
    const ref = prepareQuestion(circuit("Bulbs X and Y are in different paths")).references[0]!;
    const weight = (key: string) => ref.terms.find((t) => t.key === key)?.weight ?? 0;
    expect(weight("x")).toBeCloseTo(weight("differ") / 4, 5);
    // "They" stands for the bulbs: the answer keeps most of the reference's weight.
    const prepared = prepareQuestion(circuit("Bulbs X and Y are in different paths"));
    expect(alignWhole(ref, analyseAnswer("they are in different paths", prepared)).score).toBeGreaterThan(0.6);
  });
});

describe("an opposite word that qualifies a thing", () => {
  it("names another thing, even in a negated clause", () => {
    const q = circuit("Terminal 1 and the positive terminal are not connected", "Why is the voltage 1.5 between terminal 1 and the positive terminal?");
    const prepared = prepareQuestion(q);
    const ref = prepared.references[0]!;
    const positive = ref.terms.findIndex((t) => t.lemma === "positive");
    const wrong = alignWhole(ref, analyseAnswer("Terminal 1 was not connected to the negative terminal.", prepared));
    const right = alignWhole(ref, analyseAnswer("The positive terminal and terminal 1 were not connected.", prepared));
    expect(wrong.strengths?.[positive] ?? 0).toBe(0);
    expect(right.strengths?.[positive] ?? 0).toBeGreaterThan(0);
    expect(wrong.score).toBeLessThan(right.score);
  });

  it("carries the claim when the clause has no predicate of the point", () => {
    const prepared = prepareQuestion(circuit("Bulb X is in a closed path"));
    const ref = prepared.references[0]!;
    const closed = ref.terms.findIndex((t) => t.lemma === "closed" || t.key === "close");
    expect(alignWhole(ref, analyseAnswer("Bulb X is not in an open path", prepared)).strengths?.[closed] ?? 0).toBeGreaterThan(0);
  });
});
