import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { OPINION } from "@/lib/generate/quality";
import { collectSlots } from "@/lib/generate/slots";
import { explanationCards } from "@/lib/generate/explain";

// Written for this test; not copied from any source. An invented constitution's duties, told as a teacher's notes do.
const TEXT = [
  "Civic Obligations",
  "",
  "Article 40B of the Constitution of Veldra lists nine civic obligations for every citizen.",
  "The civic obligations were inserted by the 31st Amendment Act of 1983 on the recommendation of the Harun Mir Committee.",
  "The 58th Amendment Act, 2004 added a ninth obligation on the protection of wetlands.",
  "The Coastal Regulation Act of 1991 protects the wetlands of Veldra.",
].join("\n");

function slotsOf(text: string) {
  const pm = ingestMaterial({ source: "t", content: text });
  return collectSlots(buildCorpus([pm]));
}

describe("facts a teacher would ask, not refused", () => {
  it("a sentence telling on whose recommendation something was done states a fact, not an opinion", () => {
    expect(OPINION.test("The civic obligations were inserted by the 31st Amendment Act of 1983 on the recommendation of the Harun Mir Committee.")).toBe(false);
    expect(OPINION.test("Following the recommendations of the Harun Mir Committee, the list was revised in 1990.")).toBe(false);
    // "the recommendations" with no "of" says neither whose nor which: it leans on an earlier sentence, and makes no item.
    expect(OPINION.test("The assembly accepted the recommendations in January 1958.")).toBe(true);
    // The writer's own advice stays an opinion.
    expect(OPINION.test("We recommend that Veldra add a duty to vote.")).toBe(true);
    expect(OPINION.test("The panel recommends that every citizen vote.")).toBe(true);
  });

  it("the year of a numbered amendment act is asked: it is when the amendment was made, not part of a title", () => {
    const years = slotsOf(TEXT).filter((s) => s.type === "year").map((s) => s.answer);
    expect(years).toContain("1983");
    expect(years).toContain("2004");
    // An ordinary act's year stays part of its name.
    expect(years).not.toContain("1991");
  });
});

describe("what a lower-case term is, from the appositive that defines it", () => {
  // Written for this test; not copied from any source.
  const WATER = [
    "Water in Veldra",
    "",
    "Most rainwater in the hill districts of Veldra is held back by check dams, the low barriers built across small streams to slow the run-off.",
    "The state has built more than 4,000 check dams since 1990.",
    "The river also carries silt, the fine soil washed down from the hills, and gravel.",
    "Salinity rises along the coast every summer.",
    "Engineers lined the canals with bricks, the same kind used in the old city.",
    "Farmers in the plains test their fields for salinity, the build-up of salt in the upper layer of soil.",
  ].join("\n");

  function qaOf(text: string) {
    const pm = ingestMaterial({ source: "t", content: text });
    const corpus = buildCorpus([pm]);
    return explanationCards(corpus).map((c) => `${c.front} → ${c.back}`);
  }

  it("asks what a term the material keeps using is, answered by its appositive", () => {
    const cards = qaOf(WATER);
    expect(cards).toContain("What are check dams? → The low barriers built across small streams to slow the run-off");
    expect(cards).toContain("What is salinity? → The build-up of salt in the upper layer of soil");
  });

  it("makes none from an item of a list, a description that points back, or a passing word", () => {
    const cards = qaOf(WATER).join("\n");
    expect(cards).not.toMatch(/silt/i);
    expect(cards).not.toMatch(/bricks/i);
    // Named once: a passing word, not a term of the subject.
    expect(qaOf("Water in Veldra\n\nThe river carries silt, the fine soil washed down from the hills of the north.\nThe hills are green.").join("\n")).not.toMatch(/silt/i);
  });
});

describe("what a lower-case term is: lists and cut terms make none", () => {
  it("refuses an appositive inside a list of noun phrases, or a term cut short", () => {
    const pm = ingestMaterial({
      source: "t",
      content: [
        "Reservoir Notes",
        "",
        "The open questions concern the method of allocation, the reach of audit over new canals, and the timing of releases that farmers depend on.",
        "The method of allocation changed in 2004.",
        "Engineers track the seasonal monthly mean, the average flow of the wettest month of the year at a given gauge.",
        "The monthly mean sets the release.",
        "The lake shrank because of silting and the closing of its outlet, the spread of weeds and the decline in fish catch.",
        "Its outlet was dredged in 2011.",
        "The governor decides, in his discretion, the share of canal royalties payable to the district boards.",
        "The discretion of the governor is wide.",
      ].join("\n"),
    });
    const cards = explanationCards(buildCorpus([pm])).map((c) => c.front).join("\n");
    expect(cards).not.toMatch(/allocation|mean|outlet|discretion/);
  });
});
