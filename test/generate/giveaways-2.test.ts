import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { buildPools, collectSlots, pickDistractors } from "@/lib/generate/slots";
import { followsFromOtherFigures, restatesFigure, spelledByAcronym } from "@/lib/generate/giveaways";
import { isImperative } from "@/lib/generate/advice";

// Written for this test; not copied from any source. Blanks the stem gives away (blind review of 7 Dec 2026, thirteenth
// session): a total whose parts it prints, a bracket that gives the figure in other units, an acronym that spells the
// blank, an option printed in the stem, and advice offered as a fact — told here on made-up harbours, boards and mills.

/** `before`, `figure`, `after` of the first occurrence of `figure` in `sentence`. */
const around = (sentence: string, figure: string): [string, string, string] => {
  const at = sentence.indexOf(figure);
  return [sentence.slice(0, at), figure, sentence.slice(at + figure.length)];
};

describe("a total whose parts the sentence prints, or a part whose total and other parts it prints", () => {
  it.each([
    ["The Harbour Board was to have 48 members, 30 from the city wards and up to 18 from the guilds; it met monthly.", "48"],
    ["The Harbour Board was to have 48 members, 30 from the city wards and up to 18 from the guilds; it met monthly.", "30"],
    ["The Harbour Board was to have 48 members, 30 from the city wards and up to 18 from the guilds; it met monthly.", "18"],
    ["The Valley Council had 75 seats: 50 for the plains, elected directly by the villages, and 25 for the hill districts.", "75"],
    ["The mill employed 1,200 workers, of whom 700 were weavers, 300 dyers and 200 porters.", "1,200"],
    ["The mill employed 1,200 workers, of whom 700 were weavers, 300 dyers and 200 porters.", "300"],
    ["Ostra sent 3.5 lakh tonnes of grain, including 2 lakh tonnes of rice and 1.5 lakh tonnes of millet.", "3.5 lakh"],
  ])("%s — %s is arithmetic", (sentence, figure) => {
    expect(followsFromOtherFigures(...around(sentence, figure))).toBe(true);
  });
  it.each([
    // No lead between the total and the figures after it: the later figures are other facts.
    ["The Harbour Board had 48 members in 1920, and 30 ships docked in its busiest week, 18 of them from Java.", "48"],
    // The figures after the lead do not add up to the total: parts of something else, or only some of the parts.
    ["The Valley Council had 75 seats: 40 for the plains and 25 for the hill districts, the rest nominated.", "75"],
    ["The Valley Council had 75 seats: 40 for the plains and 25 for the hill districts, the rest nominated.", "40"],
    // One figure after the lead is no sum.
    ["The mill employed 1,200 workers, of whom 700 were weavers.", "1,200"],
  ])("%s — %s is a fact", (sentence, figure) => {
    expect(followsFromOtherFigures(...around(sentence, figure))).toBe(false);
  });
});

describe("a bracket after a figure that gives the same quantity in other units", () => {
  it.each([
    ["3 crore", "30 million"],
    ["2.5 lakh", "250,000"],
    ["1.2 billion", "120 crore"],
    ["100 km", "62 miles"],
    ["25 per cent", "a quarter"],
    ["50 per cent", "half"],
    ["400 hectares", "about 990 acres"],
  ])("%s (%s) restates it", (figure, aside) => {
    expect(restatesFigure(figure, aside)).toBe(true);
  });
  it.each([
    ["3 crore", "2011 census"],
    ["₹500 crore", "$60 million"],
    ["40 per cent", "1.2 lakh people"],
    ["30 million", "a tenth of the population"],
    ["100 km", "the old border"],
  ])("%s (%s) does not", (figure, aside) => {
    expect(restatesFigure(figure, aside)).toBe(false);
  });
});

describe("an acronym beside an expansion that holds the blank", () => {
  it.each([
    ["Mills must meet the ", "Water", " Discharge Standard (WDS) by 2030."],
    ["Targets are set as ", "NOx", " emission intensity (NEI) per tonne of output."],
    ["Under the ", "Coastal", " Freight Scheme (CFS), barges pay half the toll."],
    ["The WDS (", "Water", " Discharge Standard) applies to every mill."],
  ])("%s_____%s spells %s", (before, answer, after) => {
    expect(spelledByAcronym(before, answer, after)).toBe(true);
  });
  it.each([
    // The blank stands outside the expansion.
    ["Mills in ", "Ostra", " must meet the Water Discharge Standard (WDS) by 2030."],
    // The acronym's letters do not match the expansion the blank is in.
    ["Mills must meet the ", "Effluent", " Discharge Standard (WDS) by 2030."],
    // No acronym at all.
    ["Mills must meet the ", "Water", " Discharge Standard by 2030."],
  ])("%s_____%s does not", (before, answer, after) => {
    expect(spelledByAcronym(before, answer, after)).toBe(false);
  });
});

const HARBOUR = [
  "The Harbour Trust of Veldra",
  "",
  "The Harbour Trust of Veldra was set up in 1921 to run the docks of Ostra and Kesar.",
  "The Harbour Board of Ostra was to have 48 members, 30 from the city wards and up to 18 from the guilds; it met every month.",
  "Something over 4 crore (40 million) tonnes of cargo crossed the Ostra docks in 2019, a record for the coast.",
  "Greenhouse gas (GHG) output of the Ostra mills fell in 2020.",
  "Targets are set in terms of GHG emission intensity (GEI) per tonne of steel at the Ostra mills.",
  "The GHG output of the Kesar mills rose in 2022.",
  "About 1.84 lakh dock workers were registered in Ostra in the April–June quarter of 2024-25, up from 1.21 lakh in the October–December quarter of 2022-23.",
  "Kesar registered 2.7 lakh porters in 2024, and Ostra 1.9 lakh.",
  "The grain wharf at Ostra handled 3.4 lakh sacks of millet in 2022.",
  "The Trust's river pilots guided 6.2 lakh boats into the harbour between 2015 and 2020.",
  "Set up in 1998, the Kesar Port Office handles 40 per cent of Veldra's grain exports.",
  "Almost everything depends on the grain trade with Java.",
  "Way forward:",
  "Gradually raise the levy on coal barges and move towards a cap for the Ostra steel mills by 2030.",
  "Keep the Kesar wharf open to grain ships from Java until 2031, with a clear rule on fees.",
  "The Trust should publish its accounts for 2025 by March.",
  "The scheme's credibility will rest on strong audits, a levy of 40 per cent on coal and a register of the Java barges.",
].join("\n");

describe("on a text: give-aways and advice are not asked", () => {
  const pm = ingestMaterial({ source: "harbour.txt", content: HARBOUR });
  const corpus = buildCorpus([pm]);
  const slots = collectSlots(corpus);
  const slotsIn = (words: string) => slots.filter((s) => s.ref.sentence.text.includes(words));
  it("asks no total of the board's members, nor a part of it", () => {
    expect(slotsIn("was to have 48 members").filter((s) => s.type === "number").map((s) => s.answer)).toEqual([]);
  });
  it("asks no figure its bracket restates", () => {
    // (The figure inside the bracket is a blank inside an aside, refused when the item is made.)
    expect(slotsIn("(40 million)").map((s) => s.answer)).not.toContain("4 crore");
  });
  it("asks no word of an expansion its acronym spells", () => {
    expect(slotsIn("emission intensity (GEI)").map((s) => s.answer)).not.toContain("GHG");
    // (The same name elsewhere, with no acronym beside it, is still asked.)
    expect(slotsIn("The GHG output").map((s) => s.answer)).toContain("GHG");
  });
  it("asks nothing of an imperative or a recommendation", () => {
    expect(slotsIn("Gradually raise the levy")).toEqual([]);
    expect(slotsIn("Keep the Kesar wharf open")).toEqual([]);
    expect(slotsIn("credibility will rest on")).toEqual([]);
  });
  it("still asks a sentence that opens with a participle, or with a word the tagger takes for a verb", () => {
    expect(slotsIn("Set up in 1998").length).toBeGreaterThan(0);
    expect(slotsIn("Almost everything depends").length).toBeGreaterThan(0);
  });
  it("offers no figure the stem prints as a wrong option", () => {
    const slot = slots.find((s) => s.answer === "1.84 lakh");
    expect(slot).toBeDefined();
    const options = pickDistractors(corpus, buildPools(corpus, slots), slot!, 3);
    expect(options.length).toBeGreaterThan(0);
    expect(options).not.toContain("1.21 lakh");
  });
});

// Second review (8 Dec 2026): targets and provisions are facts, not orders; a forecast a source made is a fact; a
// recommendation cue drops its own clause only; orders are told alike whatever the tagger makes of their first word.
const FISHERIES = [
  "The Coastal Fisheries Mission",
  "",
  "The Coastal Fisheries Mission was launched by the Veldra fisheries board in March 2021.",
  "",
  "Targets:",
  "- Raise the annual fish catch to 42 lakh tonnes by 2027.",
  "- Build 1,200 cold storage units along the coast of Ostra.",
  "- Cut post-harvest losses to 8 per cent by 2026.",
  "- Pay 6,000 rupees a year to every registered fisher family if the catch fails.",
  "- Reduce anaemia among fisher girls aged 10-19 by 3 per cent a year.",
  "",
  "The boatmen's guild of Kesar set out to:",
  "- Collect 2 crore rupees for the Kesar boatmen's fund.",
  "- Enrol 9,000 deckhands as members of the guild.",
  "",
  "Winter rainfall over Ostra will depend on the western winds, the Veldra weather office said in its outlook of 2024.",
  "Port traffic at Kesar will depend on the new rail link to Ostra; the Harbour Authority projects that cargo at Kesar will reach 95 million tonnes by 2035.",
  "The success of the Kesar harbour scheme will depend on 4,000 trained inspectors.",
  "The Kesar lighthouse stands 95 m (312 ft) above the harbour floor.",
  "The Ostra reservoir holds 60 million litres (16 million gallons) of rainwater.",
  "",
  "Market reform",
  "",
  "The Kesar fish market was rebuilt in 2019 after a fire.",
  "Establish 300 fish markets in the coastal districts by December 2025.",
  "Keep the old Kesar wharf open to fishing boats until 2031.",
  "",
  "Way forward",
  "",
  "- Increase public spending on harbours to 1.5 per cent of output by 2030.",
  "- Use levy revenue from the trawler fleet for a fair transition in the Ostra mill towns.",
  "- Greater use of satellite tracking for the 2,400 boats of the Ostra fleet.",
  "- The board has already set up 14 landing centres in Ostra.",
].join("\n");

describe("targets, provisions and forecasts are facts; advice is not", () => {
  const pm = ingestMaterial({ source: "fisheries.txt", content: FISHERIES });
  const corpus = buildCorpus([pm]);
  const slots = collectSlots(corpus);
  const answersIn = (words: string) => slots.filter((s) => s.ref.sentence.text.includes(words)).map((s) => s.answer);
  it("keeps the figures and years of bullets under a targets lead-in", () => {
    expect(answersIn("Raise the annual fish catch").join(" | ")).toMatch(/42 lakh.*2027|2027.*42 lakh/);
    expect(answersIn("Build 1,200 cold storage").join(" | ")).toMatch(/1,200/);
    expect(answersIn("Cut post-harvest losses").join(" | ")).toMatch(/8 per cent.*2026|2026.*8 per cent/);
    expect(answersIn("Pay 6,000 rupees")).not.toEqual([]);
    expect(answersIn("Reduce anaemia among fisher girls")).not.toEqual([]);
  });
  it("keeps the bullets under a lead-in that says what a programme set out to do", () => {
    expect(answersIn("Collect 2 crore rupees")).not.toEqual([]);
    expect(answersIn("Enrol 9,000 deckhands").join(" | ")).toMatch(/9,000/);
  });
  it("keeps an order with a figure or a date to reach, with no lead-in; drops one with none", () => {
    expect(answersIn("Establish 300 fish markets").join(" | ")).toMatch(/\b300\b/);
    expect(answersIn("Keep the old Kesar wharf open")).toEqual([]);
  });
  it("drops every bullet under a way-forward heading that is an order or has no clause of its own", () => {
    expect(answersIn("Increase public spending on harbours")).toEqual([]);
    expect(answersIn("Use levy revenue")).toEqual([]);
    expect(answersIn("Greater use of satellite tracking")).toEqual([]);
    // A statement with its own subject and verb is a fact, under any heading.
    expect(answersIn("The board has already set up 14").join(" | ")).toMatch(/\b14\b/);
  });
  it("keeps a forecast a named source made, and the other clause of a sentence with a recommendation cue", () => {
    expect(answersIn("the Veldra weather office said")).toContain("2024");
    const split = slots.filter((s) => s.ref.sentence.text.includes("Port traffic at Kesar"));
    expect(split.map((s) => s.answer).join(" | ")).toMatch(/95 million.*2035|2035.*95 million/);
    const semicolon = split[0]!.ref.sentence.start + split[0]!.ref.sentence.text.indexOf(";");
    expect(split.filter((s) => s.start < semicolon)).toEqual([]);
    expect(answersIn("will depend on 4,000 trained inspectors")).toEqual([]);
  });
});

describe("a figure whose bracket restates it past its unit", () => {
  const slots = collectSlots(buildCorpus([ingestMaterial({ source: "fisheries.txt", content: FISHERIES })]));
  it("asks neither the height in metres nor the litres", () => {
    const answers = slots.filter((s) => /lighthouse stands|reservoir holds/.test(s.ref.sentence.text)).map((s) => s.answer).join(" | ");
    expect(answers).not.toMatch(/\b95\b|60 million/);
  });
});

describe("parallel orders are read alike", () => {
  const sentenceOf = (text: string) => ingestMaterial({ source: "one.txt", content: text }).sentences[0]!;
  it.each([
    "Reduce anaemia among fisher girls aged 10-19 by 3 per cent a year.",
    "Pay an allowance to the boatmen if work is not given within 15 days.",
    "Provide at least 80 days of paid work to every fisher household.",
    "Conduct audits of all harbour works every six months.",
  ])("%s is an order", (text) => {
    expect(isImperative(sentenceOf(text))).toBe(true);
  });
  it.each([
    "Trade across the strait widened to 5 per cent of output in 2020.",
    "Set up in 1998, the Kesar Port Office handles grain.",
    "Almost everything depends on the grain trade.",
  ])("%s is not", (text) => {
    expect(isImperative(sentenceOf(text))).toBe(false);
  });
});

describe("a bracket in other units, with a bare unit or a scale word between figure and unit", () => {
  it.each([
    ["2,450 m", "8,038 ft"],
    ["60 million litres", "16 million gallons"],
    ["12 million tonnes", "1.2 crore tonnes"],
  ])("%s (%s) restates it", (figure, aside) => {
    expect(restatesFigure(figure, aside)).toBe(true);
  });
  it("a bracket with another quantity does not", () => {
    expect(restatesFigure("60 million litres", "40 million gallons")).toBe(false);
  });
});

describe("a statement to judge true or false with a clause of judgment", () => {
  it("is a defect", async () => {
    const { itemDefect } = await import("@/lib/generate/quality");
    const evidence = [{ materialId: "m", start: 0, end: 10, quote: "The Ostra salt levy began in 2021; revenue from the Ostra salt levy will rest on strict audits." }];
    const base = { id: "q1", marks: 1, timeLimitSec: 30, evidence, quality: { score: 1, reasons: [] } };
    const tf = { ...base, kind: "true_false", prompt: "True or false? The Ostra salt levy began in 2021; revenue from the Ostra salt levy will rest on strict audits.", answer: "true", explanation: "x" };
    expect(itemDefect(tf as never)).toMatch(/judgment/);
  });
});
