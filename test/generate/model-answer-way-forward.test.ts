import { describe, expect, it } from "vitest";
import { generateModelAnswer } from "@/lib/generate";
import { ingestMaterial } from "@/lib/material/ingest";

// A made-up subject: floods in the river city of Talvera. Most sentences state the problem; three say what should be
// done. A section that answers "suggest a way forward" is made of what the material prescribes, not of more problems.
const FLOODS = [
  "Floods in Talvera",
  "",
  "Talvera is a river city of 4 million people on the Osk delta in the republic of Merovia.",
  "Urban floods in Talvera have grown more frequent since 2010 as rainfall over the Osk delta has become heavier.",
  "In 2022 a single night of rain flooded 40 per cent of Talvera's streets and closed its port for six days.",
  "Builders in Talvera have filled in 300 hectares of the delta's wetlands that once soaked up flood water.",
  "The storm drains of Talvera were laid in 1950 and carry less than half the water of a heavy storm today.",
  "Slum dwellers on the banks of the Osk lose their homes and their wages in almost every flood season.",
  "The Merovian flood agency blamed the 2022 floods on blocked drains and unplanned building on the floodplain.",
  "The city council and the national flood agency dispute which of them should pay for new drains in Talvera.",
  "Insurance losses from urban floods in Talvera reached 900 million crowns in 2022, the highest on record.",
  "Clogged canals in Talvera's old quarter overflow within an hour of heavy rain and flood nearby markets.",
  "",
  "What should be done",
  "",
  "Merovia must restore the wetlands of the Osk delta and ban new building on the floodplain of the Osk river.",
  "Talvera should rebuild its storm drains to carry the water of the heaviest storm expected in fifty years.",
  "Flood warnings in Talvera need to reach slum dwellers by text message at least a day before heavy rain.",
  "Merovia should also insure the homes of the poor in Talvera against floods through a public scheme.",
].join("\n");

const PRESCRIBES = /\b(?:must|should|need to|needs to)\b/;

describe("a way forward asked for is answered by what the material prescribes", () => {
  const pm = ingestMaterial({ source: "talvera.txt", content: FLOODS });
  const answer = generateModelAnswer("Discuss the causes and consequences of urban floods in Talvera, and suggest a way forward. (15 marks)", [pm]);
  const forward = answer.body.find((s) => /way forward/i.test(s.heading));

  it("has a section for the way forward", () => {
    expect(forward).toBeDefined();
  });
  it("puts only prescriptions under the way forward", () => {
    for (const p of forward?.points ?? []) expect(p.evidence[0]!.quote).toMatch(PRESCRIBES);
  });
  it("still closes on a way forward of the material's own, not one the body already gave", () => {
    expect(answer.conclusion).toMatch(PRESCRIBES);
    const bodyQuotes = new Set(answer.body.flatMap((s) => s.points.map((p) => p.evidence[0]!.quote)));
    for (const q of bodyQuotes) expect(answer.conclusion).not.toContain(q.slice(0, 40));
  });
  it("keeps every point traceable to the sentence it is cut from", () => {
    for (const s of answer.body) for (const p of s.points) expect(p.evidence.length).toBeGreaterThan(0);
  });
});

// A material that prescribes once but tells of measures already at work (a scheme launched, a programme that pays
// for results): the way forward builds on those, and still never on more statements of the problem.
const EROSION = [
  "Soil erosion in the Dravon hills",
  "",
  "The Dravon hills are a farming district of 600,000 people on the steep slopes of the Kessan range in Merovia.",
  "Soil erosion in the Dravon hills strips about 20 tonnes of topsoil from each hectare of farmland every year.",
  "Heavy rain on bare slopes after the harvest washes soil from Dravon farms into the Kessan river.",
  "Farm yields in the Dravon hills fell by a quarter between 2005 and 2020 as eroded fields lost their fertility.",
  "Silt from eroded Dravon slopes has filled a third of the Kessan reservoir since it was built in 1990.",
  "Landslides on cleared Dravon slopes destroyed 200 homes in the monsoon of 2021.",
  "In 2019 the Merovian government launched the Green Terraces scheme to pay Dravon farmers for building stone terraces.",
  "Under the Green Terraces programme, farmers who keep grass on their slopes through the rains receive a yearly grant.",
  "Dravon farmers must plant cover crops after every harvest so that no slope is left bare in the rains.",
].join("\n");

describe("a way forward the material prescribes once is built on its measures already at work", () => {
  const pm = ingestMaterial({ source: "dravon.txt", content: EROSION });
  const answer = generateModelAnswer("Discuss the causes and effects of soil erosion in the Dravon hills, and suggest a way forward. (15 marks)", [pm]);
  const forward = answer.body.find((s) => /way forward/i.test(s.heading));
  const MEASURE_OR_PRESCRIPTION = /\b(?:must|scheme|programme)\b/;

  it("gives the way forward at least two points", () => {
    expect(forward?.points.length ?? 0).toBeGreaterThanOrEqual(2);
  });
  it("makes every way-forward point a prescription or a measure of the material's", () => {
    for (const p of forward?.points ?? []) expect(p.evidence[0]!.quote).toMatch(MEASURE_OR_PRESCRIPTION);
  });
});

// Findings told in long sentences, one prescription: the answer takes the longer sentences rather than stop short of
// its word limit once its short ones run out.
const LAKE = [
  "The shrinking of Lake Ovar",
  "",
  "Lake Ovar is the largest freshwater lake of the republic of Merovia and supplies water to 2 million people in the Ovar basin.",
  "The surface of Lake Ovar has shrunk by 30 per cent since 1980, as farms in the Ovar basin have drawn more water from its rivers every decade.",
  "Cotton farms in the Ovar basin use about 70 per cent of the water that flows into Lake Ovar, most of it through open canals that lose a third to seepage.",
  "Fish catches on Lake Ovar fell from 40,000 tonnes in 1985 to 6,000 tonnes in 2020, and three fishing towns on its eastern shore have lost half their people.",
  "Salt blown from the dry bed of Lake Ovar settles on fields up to 200 kilometres away and has cut cotton and wheat yields across the lower Ovar basin.",
  "Summer temperatures around Lake Ovar have risen by two degrees since 1980, because the smaller lake no longer cools the air over the surrounding plains.",
  "Doctors in the Ovar basin report rates of asthma and kidney disease well above the Merovian average, which they link to dust and salt from the dry lake bed.",
  "The rivers feeding Lake Ovar cross three provinces of Merovia, and the provinces have never agreed how much water each may take from them in a dry year.",
  "Dams built on the upper Ovar rivers in the 1990s store water for hydropower in winter and release too little of it for the lake in the summer months.",
  "Wells in the villages around Lake Ovar have turned salty since 2000, and families in the lower Ovar basin now buy drinking water carried in by tanker.",
  "The Merovian water ministry must line the canals of the Ovar basin and share the rivers' water among the three provinces by a binding agreement.",
].join("\n");

describe("an answer whose short sentences run out takes its longer ones", () => {
  const pm = ingestMaterial({ source: "ovar.txt", content: LAKE });
  const answer = generateModelAnswer("Discuss the causes and consequences of the shrinking of Lake Ovar, and suggest a way forward. (15 marks)", [pm]);
  it("comes within a fifth of its 250-word limit", () => {
    expect(answer.wordCount).toBeGreaterThanOrEqual(200);
    expect(answer.wordCount).toBeLessThanOrEqual(250);
  });
});
