import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { collectSlots, isRangeEnd } from "@/lib/generate/slots";
import { generateStudySet } from "@/lib/generate/study-set";
import { asideAfterBlank, followsFromOtherFigures, glossesBlank, locatesPlace } from "@/lib/generate/giveaways";

// Written for this test; not copied from any source. Blanks whose stem gives them away (blind review of 7 Dec 2026,
// twelfth session), told here on made-up places, rulers and banks.

describe("an aside right after a blank that names the blanked thing another way", () => {
  it.each([
    ["Suvarnabhumi", "Golden Land", false],
    ["Golden Land", "Suvarnabhumi", false],
    ["also called Rana III", "Kirti Rana", false],
    ["now Kestrel Bay", "Port Aldous", true],
    ["modern Kesarganj", "Kesaria", true],
    ['"lord of the hills"', "Girinath", false],
    ["NRDA", "National River Development Agency", false],
    ["Orbital Dust Spectrometer", "ODS", false],
    ["Pali: Suvannabhumi", "Golden Land", false],
  ])("(%s) beside %j glosses it", (aside, answer, isPlace) => {
    expect(glossesBlank(aside, answer, isPlace)).toBe(true);
  });
  it.each([
    ["reigned 1120-1150", "Kirti Rana", false],
    ["a Jain order", "Kharataras", false],
    ["then a member of the council", "Edmund Pryce", false],
    ["south Veldra", "Kesaria", true],
  ])("(%s) beside %j does not", (aside, answer, isPlace) => {
    expect(glossesBlank(aside, answer, isPlace)).toBe(false);
  });
  it("reads a bare name after a place as its region when the material names it elsewhere, as another name when not", () => {
    expect(glossesBlank("Veldra", "Kesaria", true, true)).toBe(false);
    expect(glossesBlank("Veldra", "Kesaria", true, false)).toBe(true);
  });
  it("takes only the aside after the blank: one before it glosses the word before it", () => {
    expect(asideAfterBlank(" (Suvarnabhumi) as rich.")).toBe("Suvarnabhumi");
    expect(asideAfterBlank(" was rich (in spices).")).toBeNull();
  });
});

describe("an aside that locates a blanked place", () => {
  it.each([["south Veldra"], ["near Ostrapur"], ["the upper Sarn valley"], ["the south"]])("(%s) locates", (aside) => {
    expect(locatesPlace(aside, true)).toBe(true);
  });
  it.each([["a port town"], ["1842"], ["reigned 1120-1150"]])("(%s) does not", (aside) => {
    expect(locatesPlace(aside, true)).toBe(false);
  });
});

describe("a figure the sentence's other figures settle", () => {
  it.each([
    ["A hike of 50 basis points took the repo rate from ", " per cent to 6.5 per cent."],
    ["A hike of 50 basis points took the repo rate from 6 per cent to ", " per cent."],
    ["The duty was raised by 2 percentage points to ", " per cent from 8 per cent."],
    ["Wheat output doubled from 40 million tonnes to ", " million tonnes in a decade."],
    ["A hike of ", " basis points took the repo rate from 6 per cent to 6.5 per cent."],
  ])("%j … %j follows by arithmetic", (before, after) => {
    expect(followsFromOtherFigures(before, after)).toBe(true);
  });
  it.each([
    ["The bank raised the policy rate from 4 per cent to ", " per cent in 2022."],
    ["Exports rose to ", " billion dollars from 12 billion dollars in 2020."],
    ["The duty was raised by ", " per cent in 2019."],
  ])("%j … %j is a fact of its own", (before, after) => {
    expect(followsFromOtherFigures(before, after)).toBe(false);
  });
});

describe("one end of a rough range", () => {
  it.each([
    ["Yields fell from about 30 to ", " quintals before the drought to around 22 quintals after it."],
    ["Yields fell from about ", " to 32 quintals before the drought to around 22 quintals after it."],
    ["the lending spread usually lies between about ", " and 80 basis points."],
    ["The tolerance band of 2 to ", " per cent was set in 2016."],
  ])("%j … %j is a range end", (before, after) => {
    expect(isRangeEnd(before, after)).toBe(true);
  });
  it("keeps a change made in steps: each value is a fact", () => {
    expect(isRangeEnd("The bank raised the rate from 4 per cent to ", " per cent in 2022, and to 6.5 per cent in 2023.")).toBe(false);
    expect(isRangeEnd("The bank raised the policy rate from 4 per cent to ", " per cent.")).toBe(false);
  });
});

const TEXT = [
  "The Veldran Kingdom",
  "",
  "The Veldran Kingdom ruled the coast of the Sarn river from the 9th to the 13th century.",
  "The Chinese pilgrim Sung Yun, who spent four years in the kingdom, described the Eastern Province (Purvadesha) as rich and peaceful.",
  "A cut of 25 basis points lowered the Veldran central bank's policy rate from 6.75 per cent to 6.5 per cent in 2024.",
  "Average rice yields in the Sarn delta fell from about 30 to 32 quintals a hectare before 1990 to around 25 quintals afterwards.",
  "The Veldran Kingdom minted gold coins at Ostrapur and traded with the ports of Java and Champa.",
  "North Veldra was known for its dyers and weavers.",
].join("\n");

describe("on a text: glossed, derived and range-end blanks are not offered", () => {
  const pm = ingestMaterial({ source: "veldra.txt", content: TEXT });
  const slots = collectSlots(buildCorpus([pm]));
  const answers = slots.map((s) => s.answer);
  it("asks no name its own aside translates", () => {
    expect(answers).not.toContain("Eastern Province");
  });
  it("asks no end of a change whose size the sentence states, nor the size", () => {
    expect(slots.filter((s) => /basis points/.test(s.ref.sentence.text) && s.type === "number").map((s) => s.answer)).toEqual([]);
  });
  it("asks no end of the rough range a change starts from", () => {
    expect(answers.filter((a) => /^(?:30|32)$/.test(a))).toEqual([]);
  });
});

describe("on a text: a blanked place its aside locates scores lower", () => {
  const scoreOfKesaria = (place: string) => {
    const content = [
      "The Veldran Kingdom",
      "",
      "The Veldran Kingdom ruled the coast of the Sarn river from the 9th to the 13th century.",
      `The guild of dyers migrated from ${place} to the capital and built a temple to the river goddess.`,
      "The Veldran Kingdom minted gold coins at Ostrapur and traded with the ports of Java and Champa.",
      "North Veldra was known for its dyers and weavers.",
    ].join("\n");
    const pm = ingestMaterial({ source: "veldra.txt", content });
    const set = generateStudySet([pm], { isWrittenGenerationOff: true } as never);
    return set.cards.find((c) => c.back === "Kesaria")?.quality?.score ?? 0;
  };
  it("scores '_____ (north Veldra)' below the same blank with no aside", () => {
    expect(scoreOfKesaria("Kesaria (north Veldra)")).toBeLessThan(scoreOfKesaria("Kesaria") - 0.05);
  });
});
