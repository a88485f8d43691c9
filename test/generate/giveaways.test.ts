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
    ["also called Rana III", "Kirti Rana"],
    ["or Kesarganj", "Kesaria"],
    ["now Kestrel Bay", "Port Aldous"],
    ["modern Kesarganj", "Kesaria"],
    ['"lord of the hills"', "Girinath"],
    ["literally lord of the hills", "Girinath"],
    ["NRDA", "National River Development Agency"],
    ["Orbital Dust Spectrometer", "ODS"],
    ["Pali: Suvannabhumi", "Golden Land"],
  ])("(%s) beside %j glosses it", (aside, answer) => {
    expect(glossesBlank(aside, answer)).toBe(true);
  });
  it.each([
    ["reigned 1120-1150", "Kirti Rana"],
    ["a Jain order", "Kharataras"],
    ["then a member of the council", "Edmund Pryce"],
    ["south Veldra", "Kesaria"],
  ])("(%s) beside %j does not", (aside, answer) => {
    expect(glossesBlank(aside, answer)).toBe(false);
  });
  // A bare capitalised aside is a party, a role, a language, a part or a region, not another name of the blank.
  it.each([
    ["Reform League", "Edmund Pryce"],
    ["Farmers' Front", "Hallam Voss"],
    ["then Governor", "Edmund Pryce"],
    ["later Chancellor", "Hallam Voss"],
    ["Chief Justice", "Mira Osei"],
    ["Latin", "sacred grove"],
    ["Chapter IV", "Right of Petition"],
    ["Joint", "Veldran Defence Staff"],
    ["Source: Harbour Board", "tidal silt"],
    ["Note: estimated", "tidal silt"],
    ["or more", "three dockyards"],
    ["Ostrava", "Kesaria"],
  ])("(%s) beside %j is no other name", (aside, answer) => {
    expect(glossesBlank(aside, answer)).toBe(false);
  });
  it("pairs an abbreviation with its expansion only when every initial matches", () => {
    expect(glossesBlank("NRB", "National River Development Agency")).toBe(false);
    expect(glossesBlank("NAB", "National Agricultural Bank")).toBe(true);
    expect(glossesBlank("Northern Railway Board", "NDF")).toBe(false);
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
    ["A hike of 50 basis points took the repo rate from ", "6", " per cent to 6.5 per cent."],
    ["A hike of 50 basis points took the repo rate from 6 per cent to ", "6.5", " per cent."],
    ["The duty was raised by 2 percentage points to ", "10", " per cent from 8 per cent."],
    ["Wheat output doubled from 40 million tonnes to ", "80", " million tonnes in a decade."],
    ["A hike of ", "50", " basis points took the repo rate from 6 per cent to 6.5 per cent."],
  ])("%j %j %j follows by arithmetic", (before, figure, after) => {
    expect(followsFromOtherFigures(before, figure, after)).toBe(true);
  });
  it.each([
    ["The bank raised the policy rate from 4 per cent to ", "6", " per cent in 2022."],
    ["Exports rose to ", "20", " billion dollars from 12 billion dollars in 2020."],
    ["The duty was raised by ", "2", " per cent in 2019."],
  ])("%j %j %j is a fact of its own", (before, figure, after) => {
    expect(followsFromOtherFigures(before, figure, after)).toBe(false);
  });
  // A size told of another change, in another clause or by figures that do not bear it out, settles nothing.
  it.each([
    ["Freight traffic grew by 9 per cent in 2021, and the port's share of exports slipped from ", "3.2", " to 2.8 per cent."],
    ["Freight traffic grew by 9 per cent in 2021, and the port's share of exports slipped from 3.2 to ", "2.8", " per cent."],
    ["A cut of ", "25", " basis points came as mortgage rates moved from 4.1 to 4.6 per cent."],
    ["A cut of 25 basis points came as mortgage rates moved from ", "4.1", " to 4.6 per cent."],
    ["Wages rose by 2 percentage points in 2019; savings went from ", "6", " to 8 per cent of income."],
    ["Tin output doubled from 40 tonnes to ", "95", " tonnes."],
  ])("%j %j %j stays", (before, figure, after) => {
    expect(followsFromOtherFigures(before, figure, after)).toBe(false);
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
  // A span of years after a change, a second change or a further step is not the end of a range the first pair starts.
  it.each([
    ["Literacy rose from ", "", " to 61.3 per cent of adults from 1991 to 2011."],
    ["Literacy rose from 52 to ", "61.3", " per cent of adults from 1991 to 2011."],
    ["The bond yield went from ", "", " to 3.6 per cent in March and then to 5.1 per cent in June."],
    ["The bond yield went from 3 to ", "3.6", " per cent in March and then to 5.1 per cent in June."],
    ["The bond yield went from 3 to ", "3.6", " per cent in March before climbing to 5.1 per cent in June."],
    ["The herd grew from 12 to ", "30", " animals by 2010 to 2015."],
    ["The toll was raised from 8 to ", "9", " dollars in 2011 to 12 dollars in 2016."],
  ])("%j %j %j is a change end", (before, figure, after) => {
    expect(isRangeEnd(before, after, figure || undefined)).toBe(false);
  });
  it("reads the unit the slot's figure carries, as the generator takes it", () => {
    expect(isRangeEnd("Unemployment stayed at about 7 to ", " for years.", "8 per cent")).toBe(true);
    expect(isRangeEnd("The band of 1 to ", " around the goal was set in 2019.", "3 per cent")).toBe(true);
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
  "The Chinese pilgrim Sung Yun, who spent four years in the kingdom, described the Eastern Province (Sanskrit: Purvadesha) as rich and peaceful.",
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
    const card = set.cards.find((c) => c.back === "Kesaria");
    expect(card?.quality?.score).toBeTypeOf("number");
    return card!.quality!.score;
  };
  it("scores '_____ (north Veldra)' below the same blank with no aside", () => {
    expect(scoreOfKesaria("Kesaria (north Veldra)")).toBeLessThan(scoreOfKesaria("Kesaria") - 0.05);
  });
});

describe("on a whole text: figures and names the review found wrongly dropped or kept", () => {
  const content = [
    "The Harbour Economy of Veldra",
    "",
    "The harbour's share of the kingdom's trade rose from 18 to 27.5 per cent from 1995 to 2015.",
    "The harbour's customs duty went from 5 to 5.5 per cent in 2001 and then to 7 per cent in 2004.",
    "Freight traffic grew by 9 per cent in 2021, and the harbour's share of exports slipped from 3.4 to 2.6 per cent.",
    "Port wages stayed at about 3 to 4 per cent above farm wages for most of the century.",
    "The governor Edmund Pryce (Reform League) opened the new dry dock in 2009.",
  ].join("\n");
  const pm = ingestMaterial({ source: "harbour.txt", content });
  const slots = collectSlots(buildCorpus([pm]));
  const numbersOf = (pattern: RegExp) => slots.filter((s) => s.type === "number" && pattern.test(s.ref.sentence.text)).map((s) => s.answer.replace(/\s*per cent$/, ""));
  it("keeps both ends of a change told with a span of years", () => {
    expect(numbersOf(/from 1995 to 2015/)).toEqual(expect.arrayContaining(["18", "27.5"]));
  });
  it("keeps both ends of the first step of a change made in steps", () => {
    expect(numbersOf(/and then to/)).toEqual(expect.arrayContaining(["5", "5.5"]));
  });
  it("keeps the ends of a change whose clause states no size", () => {
    expect(numbersOf(/slipped from/)).toEqual(expect.arrayContaining(["3.4", "2.6"]));
  });
  it("asks no end of a bare range, the unit carried by the slot", () => {
    expect(numbersOf(/about 3 to 4/)).not.toContain("4");
  });
  it("keeps a person whose aside names a party", () => {
    expect(slots.map((s) => s.answer)).toContain("Edmund Pryce");
  });
});
