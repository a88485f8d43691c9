import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";

// Written for this test; not copied from any source. An invented state's water board, told the way a reference work does.
const TEXT = [
  "The Veldra Water Board",
  "",
  "In response to the drought of 2019, the Veldra Water Board cut the canal tax by 40 per cent.",
  "As a result of the floods of 2011, the Board built 120 new embankments along the Koravi river.",
  "The Board's rationing rule has been criticised as confusing, particularly when districts received different shares, and because the rule was never debated in the assembly.",
  "Farmers' unions have said that the Board applies its rules inconsistently, in part because its officers rarely visit the districts.",
  "The Board has seven members:",
  "- the Chief Engineer of Veldra, who chairs it;",
  "- one officer of the Revenue Department nominated by the Governor of Veldra in 1998; and",
  "- five members elected by the district councils.",
  "The Veldra Water Board was set up in 1962 to share the waters of the Koravi river among the districts.",
  "No law on groundwater had been passed by the Veldra Assembly as of 2024.",
  "The Board opened its first laboratory in Karnal in 1971.",
  "The Board cut the canal tax again in 2021 because the monsoon had failed for a second year.",
].join("\n");

describe("items never show a piece of a sentence as if it were whole", () => {
  const set = generateStudySet([ingestMaterial({ source: "board.txt", content: TEXT })]);
  const texts = [...set.cards.map((c) => `${c.front}\n${c.back}`), ...set.questions.filter((q) => q.kind !== "written").map((q) => q.prompt)];

  it("keeps 'In response to' and 'As a result of' whole: the connective is dropped only when it stands alone", () => {
    expect(texts.filter((t) => /(?:^|\? )(?:To|Of) the (?:drought|floods)/.test(t))).toEqual([]);
    expect(texts.some((t) => /In response to the drought of 2019|As a result of the floods of 2011/.test(t))).toBe(true);
  });
  it("makes no 'Why?' card whose question ends on the reason's first word ('…, and.', '…, in part.')", () => {
    const why = set.cards.filter((c) => c.front.startsWith("Why?"));
    expect(why.filter((c) => /(?:,\s*and|in part|,)\.$/.test(c.front))).toEqual([]);
    expect(why.some((c) => /monsoon had failed/.test(c.back))).toBe(true);
  });
  it("makes no item from a list item that continues a sentence (opens in lower case, ends in '; and')", () => {
    expect(texts.filter((t) => /officer of the Revenue Department|Chief Engineer of Veldra, who chairs/.test(t))).toEqual([]);
  });
  it("asks no 'When?' of a state of affairs dated 'as of' a year", () => {
    expect(set.cards.filter((c) => c.kind === "timeline" && /groundwater/.test(c.front))).toEqual([]);
  });
});

describe("the material's headline is no fact", () => {
  // Written for this test; not copied from any source.
  const text = [
    "EXPLAINER",
    "",
    "After the flood: where Veldra's canals stand in 2024, and why repair is only half the job",
    "",
    "The Koravi flood of 2019 destroyed 300 kilometres of canals in Veldra.",
    "The Veldra Water Board rebuilt 120 kilometres of them by 2022 with a loan from the Asian Development Bank.",
    "Cash Reserve Fund: the share of its income that the Board must keep for repairs, set at 10 per cent in 2020.",
    "Farmers in the southern districts still wait for water because the Board has rebuilt only the main canals.",
    "The Board plans to finish the repairs by 2027, the state's irrigation minister told the assembly in 2024.",
  ].join("\n");
  const set = generateStudySet([ingestMaterial({ source: "flood.txt", content: text })], { questions: ["Discuss the repair of Veldra's canals after the Koravi flood of 2019."], marks: 15 });
  it("asks nothing of the headline and puts it in no model answer", () => {
    const shown = [...set.cards.map((c) => c.front), ...set.questions.map((q) => q.prompt), ...set.modelAnswers.flatMap((a) => a.body.flatMap((s) => s.points.map((p) => p.text)))];
    expect(shown.filter((t) => /only half the job/.test(t))).toEqual([]);
  });
  it("gives a point that opens with a label of its own no second label", () => {
    for (const p of set.modelAnswers.flatMap((a) => a.body.flatMap((s) => s.points))) expect(p.text).not.toMatch(/^[^:]{2,60}:\s+[^:]{2,60}:\s/);
  });
});

describe("a name is never cut at an initial", () => {
  // Written for this test; not copied from any source.
  const text = [
    "Defections in Veldra",
    "",
    "The resulting Committee on Defections, chaired by the Union Home Minister Y. B. Chavan and including representatives of political parties, submitted its report in 1969.",
    "The committee was set up after the assembly elections of 1967, in which many legislators changed sides.",
    "Later, the Law Minister P. V. Rao proposed a bill on defections in 1973, which lapsed.",
  ].join("\n");
  const set = generateStudySet([ingestMaterial({ source: "initials.txt", content: text })]);
  it("asks no blank that ends on an initial ('_____. B. Chavan') or starts after one", () => {
    const shown = [...set.cards.map((c) => `${c.front} → ${c.back}`), ...set.questions.map((q) => `${q.prompt} → ${q.answer ?? (q.options ?? []).filter((o) => o.correct).map((o) => o.text).join()}`)];
    expect(shown.filter((t) => /_____\.\s*\p{Lu}\.|\p{Lu}\.\s+_____|→ [^\n]*\s\p{Lu}$/u.test(t))).toEqual([]);
  });
});
