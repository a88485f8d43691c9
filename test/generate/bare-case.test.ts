import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { readAloneIn } from "./helpers";

// Written for this test; not copied from any source. "The case" of a law text is one particular suit an earlier sentence
// named, not a word that names one thing whatever came before ("the world", "the monsoon").
const SUIT = [
  "The Ottur cane dues",
  "",
  "In 1994 the growers of Ottur sued the Ottur Sugar Mill over dues unpaid for three seasons. The case reached the High Court of Velar in 1999, which ordered the mill to pay the dues with interest.",
  "",
  "In the case of growers with less than two hectares, the dues were paid first. The case for a state price board was made by the growers' union in 2003.",
].join("\n");

describe("'the case' opening a sentence stands for a suit an earlier sentence named", () => {
  const pm = ingestMaterial({ source: "ottur.txt", content: SUIT });

  it("makes no item of 'The case reached the High Court…'", () => {
    expect(readAloneIn(pm, "The case reached")).toBeNull();
  });

  it.each([["In the case of growers"], ["The case for a state price board"]])("still reads '%s…', which says which case", (start) => {
    expect(readAloneIn(pm, start)).not.toBeNull();
  });
});
