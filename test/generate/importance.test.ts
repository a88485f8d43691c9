import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { ENOUGH_ITEMS, scoreItem, screenItems, WEAK_ITEM_SCORE } from "@/lib/generate/quality";
import type { Card, Question } from "@/lib/generate/schemas";

const TEXT = [
  "The Kestria Water Board regulates every dam on the Orlen river.",
  "The Kestria Water Board approved the Orlen dam in 2019 after a decade of protests.",
  "The Kestria Water Board fined the builders for delays in 2021.",
  "Engineers from Halvard Consulting surveyed the site in 2017.",
  "By March 2024, 65 villages had been connected to the canal network.",
  "The dam displaced 4,000 families from the valley.",
  "Villagers celebrated the tenth anniversary of the first protest in 2022.",
].join("\n");

describe("scoreItem: how much a fact matters to the material", () => {
  const pm = ingestMaterial({ source: "dam.txt", content: TEXT });
  const corpus = buildCorpus([pm]);
  const ref = (i: number) => corpus.refsOf(pm)[i]!;
  const score = (i: number, extra: Partial<Parameters<typeof scoreItem>[1]>) =>
    scoreItem(corpus, { kind: "cloze", refs: [ref(i)], text: ref(i).sentence.text, ...extra });

  it("scores a blank on a body the material keeps naming above one it names once", () => {
    const central = score(1, { asks: "actor", answerName: "Kestria Water Board" });
    const passing = score(3, { asks: "actor", answerName: "Halvard Consulting" });
    expect(passing.reasons).toContain("−0.15 a name the material mentions only once");
    expect(central.reasons.some((r) => /mentions only once/.test(r))).toBe(false);
  });
  it("marks a running tally ('By March 2024, 65 villages had been connected') as soon out of date", () => {
    expect(score(4, { asks: "number", unit: "count", value: 65 }).reasons).toContain("−0.15 a running tally, soon out of date");
    expect(score(5, { asks: "number", unit: "count", value: 4000 }).reasons.some((r) => /running tally/.test(r))).toBe(false);
  });
  it("marks an anniversary", () => {
    expect(score(6, { asks: "year" }).reasons).toContain("−0.20 an anniversary or commemoration");
  });
  it("marks a research body or data source as the answer", () => {
    expect(scoreItem(corpus, { kind: "cloze", asks: "actor", answerName: "Orlen Institute for Peace Studies", refs: [ref(0)], text: "x" }).reasons).toContain("−0.20 a research body or data source, not an actor");
  });
});

describe("screenItems: a set that has enough items drops its weakest", () => {
  const card = (i: number, score: number): Card => ({
    id: `c${i}`,
    kind: "cloze",
    front: `Fact number ${i} about topic${i} is _____.`,
    back: `answer${i}`,
    evidence: [{ materialId: "m", start: i * 100, end: i * 100 + 50, quote: `sentence ${i}` }],
    quality: { score, reasons: [] },
  });
  it("keeps every item of a small set, however weak", () => {
    const cards = Array.from({ length: 20 }, (_, i) => card(i, 0.4));
    expect(screenItems(cards, []).cards).toHaveLength(20);
  });
  it("drops weak items, weakest first, but never below ENOUGH_ITEMS", () => {
    const strong = Array.from({ length: 40 }, (_, i) => card(i, 0.8));
    const weak = Array.from({ length: 20 }, (_, i) => card(100 + i, i < 10 ? 0.4 : 0.55));
    const kept = screenItems([...strong, ...weak], []).cards;
    expect(kept).toHaveLength(ENOUGH_ITEMS);
    expect(kept.filter((c) => (c.quality?.score ?? 0) < WEAK_ITEM_SCORE).every((c) => c.quality?.score === 0.55)).toBe(true);
  });
  it("keeps one of a card and a question on one sentence, and a weaker new fact beside it (no cut-down: the set has exactly ENOUGH_ITEMS)", () => {
    const strong = Array.from({ length: 38 }, (_, i) => card(i, 0.8));
    // c100 and q100 are a card and a question on one sentence (same evidence); c102 is another fact, 0.05 weaker.
    const first = card(100, 0.6);
    const second: Question = { id: "q100", kind: "true_false", prompt: "True or false? Fact number 100 about topic100 is answer100.", answer: "true", explanation: "", marks: 1, timeLimitSec: 30, evidence: first.evidence, quality: { score: 0.6, reasons: [] } };
    const set = screenItems([...strong, first, card(102, 0.55)], [second]);
    const kept = [...set.cards, ...set.questions].map((c) => c.id);
    expect(kept).toHaveLength(ENOUGH_ITEMS);
    expect(kept).toContain("c102");
    expect(kept.filter((id) => id === "c100" || id === "q100")).toHaveLength(1);
  });
  it("among weak items of one score, drops the one with named defects first", () => {
    const strong = Array.from({ length: 39 }, (_, i) => card(i, 0.8));
    const flawed = { ...card(100, 0.6), quality: { score: 0.6, reasons: ["+0.15 asks for the actor", "−0.20 a procedural or advisory body"], penalty: 0.2 } };
    const plain = { ...card(101, 0.6), quality: { score: 0.6, reasons: ["+0.10 asks for a year", "+0.05 touches the material's main subject"], penalty: 0 } };
    const kept = screenItems([...strong, flawed, plain], []).cards.map((c) => c.id);
    expect(kept).toContain("c101");
    expect(kept).not.toContain("c100");
  });
  it("never drops an item at or above WEAK_ITEM_SCORE", () => {
    const cards = Array.from({ length: 70 }, (_, i) => card(i, WEAK_ITEM_SCORE));
    expect(screenItems(cards, []).cards).toHaveLength(70);
  });
});
