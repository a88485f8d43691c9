import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { collectSlots } from "@/lib/generate/slots";
import { clozeCards } from "@/lib/generate/cards";
import { screenItems, sentenceKeysOf } from "@/lib/generate/quality";

// Written for these tests; not copied from any source. Invented boards, rivers and towns of a land called Veldra.
const TEXT =
  "Rice in Veldra\n\n" +
  "About 40 per cent of the rice of Veldra is grown on the flood plains of the Tarun river. " +
  "The Ostra Rice Board buys 40 per cent of the crop of the Meruvai district at a price fixed by the Veldra Parliament. " +
  "Farmers in the hills grow millets and pulses instead.";

describe("a sentence whose first blank repeats another item's answer offers its next blank", () => {
  const pm = ingestMaterial({ source: "upload", filename: "veldra-rice.txt", content: TEXT });
  const corpus = buildCorpus([pm]);
  const cards = clozeCards(collectSlots(corpus), corpus);
  const second = pm.sentences.find((s) => s.text.startsWith("The Ostra Rice Board"))!;
  const fromSecond = cards.filter((c) => c.evidence[0]!.start === second.start);

  it("makes more than one cloze for a sentence with several blanks, the later ones scored below the first", () => {
    expect(fromSecond.length).toBeGreaterThan(1);
    const [first, ...rest] = fromSecond;
    for (const c of rest) expect(c.quality!.score).toBeLessThan(first!.quality!.score);
  });

  it("keeps one item for that sentence, asking for something no other item asks", () => {
    const kept = screenItems(cards, [], sentenceKeysOf([pm])).cards;
    const keptSecond = kept.filter((c) => c.evidence[0]!.start === second.start);
    expect(keptSecond).toHaveLength(1);
    expect(keptSecond[0]!.back).not.toMatch(/40 per cent/);
  });
});
