import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { readAloneIn } from "./helpers";

// Written for this test; not copied from any source. Invented river boards: "Dravana has one, the …" counts what an
// earlier sentence named ("river boards"); read alone, "one" of what? The sentence makes no item.
const BOARDS = [
  "River boards of the southern plateau",
  "",
  "The Plateau Rivers Act of 1962 allows neighbouring states to set up joint river boards for shared basins. Eleven such boards work today.",
  "",
  "Dravana has one, the Upper Sarayu Valley Board. Kelambu has three: the Neelvan Basin Board, the Tiruvar Basin Board and the Kottai Lakes Board.",
  "",
  "The Neelvan Basin Board was the first to publish its water accounts, in 1978. Each board has two members from every state it serves.",
].join("\n");

describe("a spelled-out number standing for a noun only an earlier sentence names", () => {
  const pm = ingestMaterial({ source: "boards.txt", content: BOARDS });

  it.each([["Dravana has one"], ["Kelambu has three"]])("makes no item of '%s, the …'", (start) => {
    expect(readAloneIn(pm, start)).toBeNull();
  });

  it("still reads a number that counts a noun of its own ('has two members')", () => {
    expect(readAloneIn(pm, "Each board has two members")).not.toBeNull();
  });

  it("asks no card or question about the boards that 'one' and 'three' stand for", () => {
    const set = generateStudySet([pm]);
    const texts = [...set.cards.map((c) => c.front), ...set.questions.map((q) => q.prompt)];
    expect(texts.filter((t) => /\bhas (?:one|three)\b/.test(t))).toEqual([]);
  });
});

describe("the pronoun 'one' after an article is no number standing for an earlier noun", () => {
  it("still reads '…is harder to police than a narrowly targeted one, because…'", () => {
    const pm = ingestMaterial({
      source: "invented.txt",
      content: "Ration shops in Velar serve most households. A common view is that a scheme that serves most households is harder to capture than a narrowly targeted one, because more families watch it.",
    });
    expect(readAloneIn(pm, "A common view")).not.toBeNull();
  });
});
