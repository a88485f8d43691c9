import { describe, expect, it } from "vitest";
import { buildCorpus } from "@/lib/generate/corpus";
import { demandFoci, focusFit } from "@/lib/generate/demand-focus";
import { ingestMaterial } from "@/lib/material/ingest";

// Written for this test; not copied from any source. An invented economy (engine review of 7 Dec 2026, M5): a demand's
// aspect word ("consequences") brings in the subject-neutral verbs that state it ("cut", "rose", "led"); they say how a
// sentence speaks of the demand's subject, never that it does. A demand whose subject the material never names
// ("demonetisation") must not fit a sentence by those verbs alone.
const TEXT = [
  "The Vostrian economy",
  "",
  "The Vostrian economy grew by six per cent a year between 2010 and 2020, led by services and manufacturing.",
  "The Vostrian tax council cut rates on many household goods in 2019 to revive consumer demand.",
  "The currency reform of 2016 withdrew most banknotes and hurt small traders who dealt in cash.",
  "The currency reform of 2016 also moved many payments onto digital platforms.",
  "Exports of Vostrian textiles doubled after the tax council lowered duties on cotton yarn.",
  "Inflation in Vostria stayed below four per cent for most of the decade.",
].join("\n");

describe("aspect cue verbs only break ties between sentences on the demand's subject (M5)", () => {
  const pm = ingestMaterial({ source: "vostria.txt", content: TEXT });
  const corpus = buildCorpus([pm]);
  const ref = (start: string) => corpus.refsOf(pm).find((r) => r.sentence.text.startsWith(start))!;

  it("gives no fit to a sentence that only carries a cue verb of a demand whose subject is absent", () => {
    const [focus] = demandFoci([["consequences", "demonetisation"]], corpus, () => new Map());
    expect(focusFit(ref("The Vostrian tax council cut"), focus!, corpus).score).toBe(0);
  });

  it("still counts the cue verbs for a sentence on the demand's subject", () => {
    const [focus] = demandFoci([["consequences", "currency", "reform"]], corpus, () => new Map());
    const withCue = focusFit(ref("The currency reform of 2016 withdrew"), focus!, corpus);
    const withoutCue = focusFit(ref("The currency reform of 2016 also"), focus!, corpus);
    expect(withCue.requiredHit).toBe(true);
    expect(withCue.score).toBeGreaterThan(withoutCue.score);
    expect(focusFit(ref("The Vostrian tax council cut"), focus!, corpus).score).toBe(0);
  });
});
