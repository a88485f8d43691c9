import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { conceptCards } from "@/lib/generate/concept";
import { explanationCards } from "@/lib/generate/explain";
import { generateStudySet } from "@/lib/generate/study-set";

// Written for this test; not copied from any source. An invented explainer on dry spells, river gates and crop cover.
const TEXT = [
  "Dry spells and the Veldra plains",
  "A flash drought is a rapid onset of dry conditions that develops within a few weeks of normal rainfall. Farmers in Veldra fear a flash drought more than a late monsoon.",
  "A tidal surge barrier, or TSB, is a movable gate that closes a river mouth against storm tides. Veldra built its first tidal surge barrier at Ostra in 2011.",
  "Index insurance refers to cover that pays out when a measured index such as rainfall crosses a set threshold. Index insurance now covers 40,000 farmers in Veldra.",
  "Engineers at the Veldra Water Board tracked soil moisture deficit, the shortfall between the water a crop needs and the water held in the root zone, on every farm. The soil moisture deficit rose sharply in May.",
  "The Veldra Water Board opens the gates of the Ostra reservoir every spring in order to let farmers sow paddy before the rains.",
  "Crop cover is a better deal than cash aid for most farmers in the plains.",
  "Index insurance is a reminder that risk can be shared across a whole district.",
  "The survey covered crop loans, a scheme for fishers, and market access in the plains.",
  "Planners worry about glacial moraine, the heap of rock that a glacier pushes ahead of it.",
].join("\n\n");

describe("concept cards: what a term of the subject means, from the material's own defining sentence", () => {
  const pm = ingestMaterial({ source: "dry-spells.txt", content: TEXT });
  const corpus = buildCorpus([pm]);
  const made = conceptCards(corpus).map((c) => `${c.front} → ${c.back}`);

  it("asks what a lower-case term is, from a copular sentence whose subject is the term", () => {
    expect(made).toContain("What is a flash drought? → A rapid onset of dry conditions that develops within a few weeks of normal rainfall");
  });
  it("keeps the abbreviation the sentence gives the term ('X, or TSB, is…')", () => {
    expect(made).toContain("What is a tidal surge barrier (TSB)? → A movable gate that closes a river mouth against storm tides");
  });
  it("reads a defining verb ('refers to')", () => {
    expect(made).toContain("What is index insurance? → Cover that pays out when a measured index such as rainfall crosses a set threshold");
  });
  it("reads an appositive that defines a term the material keeps using", () => {
    expect(made).toContain("What is soil moisture deficit? → The shortfall between the water a crop needs and the water held in the root zone");
  });
  it("makes no definition of a verdict, a discourse noun, a list item or a description with an unresolved pronoun", () => {
    expect(made.filter((f) => /better deal|reminder|scheme for fishers|heap of rock/.test(f))).toEqual([]);
  });
  it("every card quotes its evidence exactly", () => {
    for (const c of conceptCards(corpus)) for (const e of c.evidence) expect(pm.material.text.slice(e.start, e.end)).toBe(e.quote);
  });
});

describe("purpose cards: a clause and what it is done for", () => {
  it("asks why, from 'in order to'", () => {
    const pm = ingestMaterial({ source: "dry-spells.txt", content: TEXT });
    const fronts = explanationCards(buildCorpus([pm])).map((c) => `${c.front} → ${c.back}`);
    expect(fronts).toContain("Why? The Veldra Water Board opens the gates of the Ostra reservoir every spring. → In order to let farmers sow paddy before the rains.");
  });
});

describe("concept cards in a study set", () => {
  it("survive the screens and compete with a blank on the same sentence by their score", () => {
    const set = generateStudySet([{ source: "dry-spells.txt", content: TEXT }], { isWrittenGenerationOff: true });
    const fronts = set.cards.map((c) => c.front);
    expect(fronts).toContain("What is a flash drought?");
    expect(fronts).toContain("What is a tidal surge barrier (TSB)?");
  });
});

describe("concept cards: the article, a list inside the description, an absolute phrase", () => {
  // Written for this test; not copied from any source.
  const NOTES = [
    "Revenue in the Ostran kingdom",
    "The kingdom appointed a tarvak, the keeper of weights and measures, in every market town. Each tarvak reported to the treasury.",
    "Rates were fixed per khetal, the crown claiming half of the produce. A khetal was a strip of irrigated land.",
    "The council called for a general pardh, a day of fasting, prayer and closure of shops, in the spring of the drought year. A pardh could last a week.",
    "Traders watched the policy lending rate, the rate at which the treasury lends to guilds against pledged grain. The lending rate rose twice.",
  ].join("\n\n");
  const pm = ingestMaterial({ source: "ostra.txt", content: NOTES });
  const made = conceptCards(buildCorpus([pm])).map((c) => `${c.front} → ${c.back}`);

  it("asks 'What is the X?' for a singular the sentence writes after 'the', and a term of art the material defines once", () => {
    expect(made).toContain("What is the lending rate? → The rate at which the treasury lends to guilds against pledged grain");
  });
  it("keeps the description's own list of nouns after a comma", () => {
    expect(made).toContain("What is a pardh? → A day of fasting, prayer and closure of shops");
  });
  it("reads no absolute phrase ('the crown claiming half…') as a description", () => {
    expect(made.filter((f) => /crown claiming/.test(f))).toEqual([]);
  });
});

describe("concept cards: an office is someone", () => {
  it("asks 'Who is…?' when the description's head is a person's (an office, a role)", () => {
    // Written for this test; not copied from any source.
    const pm = ingestMaterial({ source: "ostra.txt", content: "Offices of the Ostran court\n\nOstran kings appointed the varmadhipa, the head of the nine granaries, from among the senior scribes." });
    const made = conceptCards(buildCorpus([pm])).map((c) => `${c.front} → ${c.back}`);
    expect(made).toContain("Who is the varmadhipa? → The head of the nine granaries");
    // (An office is "the" office even where the sentence writes no article before it.)
    const bare = ingestMaterial({ source: "ostra.txt", content: "Offices of the Ostran court\n\nOstran kings appointed a scribe as varmadhipa, the head of the nine granaries, for life." });
    expect(conceptCards(buildCorpus([bare])).map((c) => c.front)).toContain("Who is the varmadhipa?");
  });
});

describe("purpose cards: a clause that says what it is about", () => {
  it("makes none from a clause that names nothing ('Storage sheds were built' — for what?)", () => {
    // Written for this test; not copied from any source.
    const pm = ingestMaterial({ source: "sheds.txt", content: "Grain in the plains\n\nStorage sheds and drying floors were built in every block so that small farmers could hold back their harvest." });
    expect(explanationCards(buildCorpus([pm])).filter((c) => c.front.startsWith("Why?"))).toEqual([]);
  });
});

describe("concept cards: a name given at the end of a sentence ('… is called X')", () => {
  // Written for this test; not copied from any source.
  const NOTES = [
    "Revenue in the Ostran kingdom",
    "Pasture held in common by a whole village was known as gochar. Every village kept some gochar for its cattle.",
    "The grain of a harvest set aside for seed is called the seed reserve. Officials checked the seed reserve each autumn.",
    "An early attempt to survey the hills was called off after the rains.",
    "Recovering them from old ledgers is called record mining.",
  ].join("\n\n");
  const made = conceptCards(buildCorpus([ingestMaterial({ source: "ostra.txt", content: NOTES })])).map((c) => `${c.front} → ${c.back}`);

  it("asks what the name means, the description before it the answer", () => {
    expect(made).toContain("What was gochar? → Pasture held in common by a whole village");
    expect(made).toContain("What is the seed reserve? → The grain of a harvest set aside for seed");
  });
  it("reads no phrasal verb ('called off') and no description with a pronoun", () => {
    expect(made.filter((f) => /survey the hills|record mining/.test(f))).toEqual([]);
  });
});

describe("concept cards: an opening phrase is no term", () => {
  it("reads no appositive where the comma closes a sentence's opening phrase", () => {
    // Written for this test; not copied from any source.
    const pm = ingestMaterial({ source: "ostra.txt", content: "Learning in Ostra\n\nAfter years of decline following the fall of the coastal kingdom in the late ninth century, a revival known as the second flowering drew heavily on Ostran monasteries. Each century left its own script." });
    expect(conceptCards(buildCorpus([pm])).map((c) => c.front)).toEqual([]);
  });
});
