import { describe, expect, it } from "vitest";
import { generateModelAnswer } from "@/lib/generate";
import { buildCorpus } from "@/lib/generate/corpus";
import { materialLists, pointsBack } from "@/lib/generate/demand-focus";
import { isEvidenceExact } from "@/lib/generate/schemas";
import { ingestMaterial } from "@/lib/material/ingest";

// A made-up subject, so that nothing but the mechanism can place the sentences: the Harl valley's rains, what drives
// them and what they do to farming. Every sentence names the rains, so the topic alone cannot tell the demands apart.
const RAINS = [
  "The Harl Rains",
  "",
  "The Harl rains are the summer rains of the Harl valley in the republic of Vostria.",
  "The Harl rains are driven by moist winds that blow in from the Seren Sea when the Vostrian plateau heats up in May.",
  "Summer heating of the Vostrian plateau lowers air pressure over the Harl valley and pulls moist winds inland.",
  "The Harl rains fall when moist winds rise against the Kell mountains, cool and condense into heavy clouds.",
  "A warm current in the Seren Sea weakens the winds behind the Harl rains in some years and delays the onset of rain.",
  "Agriculture in the Harl valley depends on the Harl rains, because two thirds of Harl farmland has no canal irrigation.",
  "Late Harl rains in 2019 cut the millet harvest of the Harl valley by a third and pushed up grain prices in Vostria.",
  "Agriculture in the Harl valley also suffered in 2021, when heavy Harl rains flooded rice fields and destroyed crops on 12,000 hectares.",
  "Harl farmers sow rice and millet as soon as the Harl rains arrive, and a good season lifts rural incomes across Vostria.",
  "Reservoirs in the Harl valley fill during the Harl rains and supply Vostrian towns with drinking water in winter.",
  "Scientists expect warmer seas to make the Harl rains more erratic in the coming decades.",
].join("\n");

const MECHANISM = /driven by moist winds|heating of the Vostrian plateau|rise against the Kell|warm current/;
const AGRICULTURE = /Agriculture in the Harl valley|millet harvest|farmers sow|flooded rice fields|rural incomes/i;

describe("a model answer gives each demand the sentences that answer it", () => {
  const pm = ingestMaterial({ source: "harl.txt", content: RAINS });
  const answer = generateModelAnswer("Explain the mechanism of the Harl rains and examine their consequences for agriculture in the Harl valley. (15 marks)", [pm]);
  const sectionText = (i: number) => answer.body[i]?.points.map((p) => `${p.text} ${p.example ?? ""}`).join(" ") ?? "";

  it("has one section per demand", () => {
    expect(answer.body.map((s) => s.heading)).toEqual([expect.stringMatching(/mechanism/i), expect.stringMatching(/agriculture/i)]);
  });
  it("puts no sentence on farming under the mechanism", () => {
    expect(sectionText(0)).not.toMatch(AGRICULTURE);
    expect(sectionText(0)).toMatch(MECHANISM);
  });
  it("puts no sentence on what drives the rains under their consequences for agriculture", () => {
    expect(sectionText(1)).not.toMatch(MECHANISM);
    expect(sectionText(1)).toMatch(AGRICULTURE);
  });
  it("uses no sentence of the material twice across the answer's sections", () => {
    const quotes = answer.body.flatMap((s) => s.points.flatMap((p) => p.evidence.map((e) => `${e.materialId}:${e.start}`)));
    expect(new Set(quotes).size).toBe(quotes.length);
  });
});

// A list the material gives — a lead-in ending in a colon, one item per line — is what a question on it asks for.
const OFFICE = [
  "The Chancellor of Vostria",
  "",
  "The Chancellor of Vostria is the head of the government of the republic and leads the council of ministers.",
  "The Chancellor is elected by the national assembly for a term of five years and may serve two terms.",
  "The Chancellor chairs the cabinet, sets its agenda and allocates portfolios among the ministers of the council.",
  "The Chancellor can ask the President to dissolve the national assembly before its term ends.",
  "",
  "The Chancellor recommends to the President the names for the appointment of:",
  "the Auditor General of Vostria",
  "the members of the Vostrian Elections Board",
  "the chair of the Public Service Board",
  "the governor of the Vostrian Reserve Bank",
  "",
  "Appointments to the senior civil service are decided by a cabinet committee that the Chancellor chairs.",
  "Critics say the Chancellor's control over appointments weakens the independence of the boards.",
].join("\n");

describe("a question on a list gets the material's list as one point", () => {
  const pm = ingestMaterial({ source: "chancellor.txt", content: OFFICE });

  it("finds the lead-in and its four items", () => {
    const [list] = materialLists(pm, buildCorpus([pm]).refsOf(pm));
    expect(list?.leadIn.sentence.text).toMatch(/names for the appointment of:$/);
    expect(list?.items.map((x) => x.text)).toEqual([
      "the Auditor General of Vostria",
      "the members of the Vostrian Elections Board",
      "the chair of the Public Service Board",
      "the governor of the Vostrian Reserve Bank",
    ]);
  });

  const answer = generateModelAnswer("Examine the role of the Chancellor of Vostria in appointments to constitutional bodies. (10 marks)", [pm]);
  const points = answer.body.flatMap((s) => s.points);
  const listPoint = points.find((p) => /Auditor General/.test(p.text));

  it("answers with the lead-in and its items in one point", () => {
    expect(listPoint?.text).toMatch(/^The Chancellor recommends to the President the names for the appointment of: the Auditor General of Vostria; the members of the Vostrian Elections Board; .*Reserve Bank\.$/);
  });
  it("quotes the lead-in and every item exactly", () => {
    const byId = new Map([[pm.material.id, pm.material]]);
    expect(listPoint?.evidence.length).toBe(5);
    for (const e of listPoint?.evidence ?? []) expect(isEvidenceExact(e, byId)).toBe(true);
  });
  it("leaves the lead-in out as a point of its own", () => {
    expect(points.filter((p) => /names for the appointment of/.test(p.text))).toHaveLength(1);
  });
  it("reads no list where a colon ends a paragraph followed by a paragraph", () => {
    const prose = ingestMaterial({ source: "p.txt", content: "The Chancellor said this:\n\nThe Chancellor leads the council of ministers and chairs the cabinet of the republic." });
    expect(materialLists(prose, buildCorpus([prose]).refsOf(prose))).toEqual([]);
  });
});

describe("a conclusion gives the material's verdict on the question's subject", () => {
  const TEXT = [
    "The Dalmar Accord",
    "",
    "The Dalmar Accord is a water-sharing treaty signed by Vostria and Kestria in 1994 to divide the waters of the Dal river.",
    "The Accord set up a joint river commission that meets twice a year to settle disputes over the river.",
    "Under the Accord, Kestria receives 60 per cent of the Dal's flow in the dry season and Vostria the rest.",
    "The joint commission has resolved 14 disputes since 1994 without recourse to arbitration.",
    "Upstream dams built by Vostria after 2010 have cut the dry-season flow reaching Kestria by a fifth.",
    "Kestrian farmers complain that the commission ignores groundwater, which the Accord does not cover.",
    "The Dalmar Accord has led to mixed results for the farmers of both countries.",
    "The joint river commission must bring groundwater under the Dalmar Accord before wells run dry.",
    "Vostria should release more water from its upstream dams in years of drought.",
  ].join("\n");
  const answer = generateModelAnswer("Critically examine the working of the Dalmar Accord. (15 marks)", [ingestMaterial({ source: "dal.txt", content: TEXT })]);

  it("opens the conclusion on the material's own verdict, before its way forward", () => {
    expect(answer.conclusion).toMatch(/^On balance, the Dalmar Accord has led to mixed results[^.]*\. As a way forward, /);
  });
  it("does not also keep the verdict as a point of the body", () => {
    expect(answer.body.flatMap((s) => s.points).some((p) => /mixed results/.test(p.text))).toBe(false);
  });
});

describe("pointsBack", () => {
  it.each([
    ["Its significance for climate change mitigation", true],
    ["Their contribution to the freedom struggle", true],
    ["The significance of the Kigali Amendment", false],
    ["Italy's role in the treaty", false],
  ])("%s → %s", (demand, expected) => {
    expect(pointsBack(demand)).toBe(expected);
  });
});
