import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { explanationCards } from "@/lib/generate/explain";

// Written for these tests; not copied from any source. Invented courts, banks and rivers of a country called Veldra.
const cardsOf = (content: string, make: typeof explanationCards = explanationCards) =>
  make(buildCorpus([ingestMaterial({ source: "veldra.txt", content })])).map((c) => `${c.front} → ${c.back}`);

describe("purpose cards give the purpose of the clause they ask about", () => {
  it("makes no card when the purpose may belong to a relative clause's verb ('the order that the board had issued in order to…')", () => {
    const made = cardsOf(
      "Courts of Veldra\n\nThe Veldra High Court quashed the order that the Ostra Water Board had issued in order to close the small tanneries along the river.",
    );
    expect(made.filter((f) => f.startsWith("Why?"))).toEqual([]);
  });
  it("makes no card when a subordinate clause ('although…') stands between the main clause and the purpose", () => {
    const made = cardsOf(
      "Banking in Veldra\n\nThe Veldra Reserve Bank raised its lending rates in 2021 although the Finance Ministry wanted it to hold them so that exports could recover.",
    );
    expect(made.filter((f) => f.startsWith("Why?"))).toEqual([]);
  });
  it("reads ', so that' after a comma with a negated modal as a result, not a purpose", () => {
    const made = cardsOf(
      "Rain in Veldra\n\nThe Ostra monsoon failed almost entirely in 2009, so that farmers in northern Veldra could not plant any rice.",
    );
    expect(made.filter((f) => f.startsWith("Why?"))).toEqual([]);
  });
  it("still asks the purpose of one whole statement", () => {
    const made = cardsOf(
      "Water in Veldra\n\nThe Ostra Water Board opens the gates of the Tarun reservoir every spring in order to let farmers sow paddy before the rains.",
    );
    expect(made).toContain(
      "Why? The Ostra Water Board opens the gates of the Tarun reservoir every spring. → In order to let farmers sow paddy before the rains.",
    );
  });
  it("still asks the purpose of a proposal in a 'that' clause its verb takes, after a comma ('recommended that …, so that …')", () => {
    const made = cardsOf(
      "Law in Veldra\n\nThe Veldra Law Commission recommended that the river rules be written into the statute, so that they would bind every ministry directly.",
    );
    expect(made).toContain(
      "Why? The Veldra Law Commission recommended that the river rules be written into the statute. → So that they would bind every ministry directly.",
    );
  });
});
