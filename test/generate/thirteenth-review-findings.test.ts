import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { inContext } from "@/lib/generate/context";
import { actorSubtype } from "@/lib/generate/slots";

// Written for this test; not copied from any source. Faults the thirteenth blind review found in definition cards,
// short names and options ("What is Shiva? → An indication of how…", "What is the CE? → The epoch of the Saka era",
// "What is Utkalas? → The people of Orissa, the Gurjaras…", "the National Food and Agriculture Organization",
// "Parliament House" offered for a house of Parliament), told here in other subjects.

const qaFronts = (text: string) =>
  generateStudySet([ingestMaterial({ source: "dorra.txt", content: `Notes on Dorra\n\n${text}` })])
    .cards.filter((c) => c.kind === "qa")
    .map((c) => `${c.front} → ${c.back}`);

describe("an appositive defines the name before it only when it describes that name", () => {
  it("makes no card of a noun that sums up the clause before it", () => {
    const fronts = qaFronts(
      "Shiva was worshipped at Tarsa from early times. The rulers of Dorra gave land to priests of Shiva in 905. His Tarsa copper plate records that he built a thousand shrines of Shiva, an indication of how the later Dorra kings joined personal faith in the Buddha with support for temple worship.",
    );
    expect(fronts.filter((f) => /Shiva\?/.test(f))).toEqual([]);
  });
  it("makes no card of one item of a list of noun phrases", () => {
    const fronts = qaFronts(
      "The age saw the building of the great shrine at Tarsa, the perfection of copper casting into a fine art of the region, a flowering of Dorran poetry, and a system of village councils recorded in many inscriptions. The Tarsa shrine was finished in 1010.",
    );
    expect(fronts.filter((f) => /Tarsa\?/.test(f))).toEqual([]);
  });
  it("reads a list of pairs that share one verb as the first pair only", () => {
    const fronts = qaFronts("The Velans were the herders of the eastern hills, the Marans almost certainly the boatmen of the delta, and the Sura chief probably a vassal of the Dorra king. The Velans and the Marans paid tribute in cattle.");
    expect(fronts.filter((f) => /Marans|Sura chief/.test(f.split(" → ")[1] ?? ""))).toEqual([]);
  });
  it("makes no card of the unit or era after a figure", () => {
    const fronts = qaFronts("Many scholars dated the start of the Tarsa reign to 312 DE, the epoch of the Dorra era. The reading of 48.2 degrees Fahrenheit, the coldest ever measured in Tarsa, came in 1902.");
    expect(fronts.filter((f) => /What is (?:the )?(?:DE|Fahrenheit)\?/.test(f))).toEqual([]);
  });
  it("still defines a person named after a year", () => {
    const fronts = qaFronts("In 1951 Arvel Mossin, the former head of the Tarsa River Authority in Dorra, visited the delta and wrote a report on flood control.");
    expect(fronts).toContain("Who is Arvel Mossin? → The former head of the Tarsa River Authority in Dorra");
  });
});

describe("a short 'the <Word>' that opens a longer name is left as written", () => {
  it("does not put another name ending in the word in for it", () => {
    const text = [
      "Grain in Dorra",
      "",
      "Under the National Grain Security Act, provinces may hand out millet in place of rice.",
      "In 2021 the Dorra Assembly named 2023 the Year of Millets, with the Grain and Seed Organization as the lead agency.",
    ].join("\n");
    const pm = ingestMaterial({ source: "grain.txt", content: text });
    const sentence = pm.sentences.find((s) => s.text.startsWith("In 2021"))!;
    expect(inContext(sentence.text, pm, sentence)).toContain("the Grain and Seed Organization");
    expect(inContext(sentence.text, pm, sentence)).not.toContain("National Grain and Seed");
  });
});

describe("options are bodies of the same kind", () => {
  it("keeps committees apart from houses, and a building from a chamber", () => {
    expect(actorSubtype("Rules Committee")).not.toBe(actorSubtype("Council of States"));
    expect(actorSubtype("Assembly House")).toBe("other");
    expect(actorSubtype("Upper House")).toBe(actorSubtype("Council of States"));
  });
});

describe("'How many…?' asks only for what was counted", () => {
  it("leaves out a second clause after ', and'", () => {
    const fronts = qaFronts("About 9 crore rural households keep cattle in Dorra, and women do most of the work of caring for the animals.");
    expect(fronts.filter((f) => f.startsWith("How many") && /women/.test(f))).toEqual([]);
  });
});
