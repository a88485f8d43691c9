import { describe, expect, it } from "vitest";
import { generateModelAnswer } from "@/lib/generate";
import { buildCorpus } from "@/lib/generate/corpus";
import { endsMidClause, headingFromPoint, isForward, isMeasure } from "@/lib/generate/model-answer";
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

// --- A way forward asked for never vanishes; rules, past calls and old measures are no way forward. ---

const wayForwardSection = (answer: ReturnType<typeof generateModelAnswer>) => answer.body.find((s) => /way forward/i.test(s.heading));
const closesOnWayForward = (conclusion: string) => /\b(?:way forward|must|should|needs? to|recommend\w*)\b/i.test(conclusion);

// A fishing-quota law told as a story of its working; its only reform is a standing body's recommendation, reported in
// the past tense.
const QUOTAS = [
  "Fishing quotas in Norland",
  "",
  "Norland is an island republic of 3 million people whose coastal villages live largely on cod and herring.",
  "The Quota Act of 2009 divided the national catch into shares that boat owners could buy and sell at auction.",
  "By 2018 four trading houses in the capital held more than half of all quota shares in Norland.",
  "Small boat owners in the northern fjords sold their shares when fuel prices rose in 2012.",
  "Fish stocks off Norland recovered after the Quota Act, and cod catches rose by a fifth between 2010 and 2020.",
  "Villages in the northern fjords lost a third of their young people as fishing jobs moved to larger ports.",
  "The Coastal Review Commission recommended replacing the quota auction with community licences held by fjord villages.",
  "Trading houses in Norland argue that the auction has made the fleet more efficient and the catch more valuable.",
].join("\n");

describe("a way forward asked for never vanishes", () => {
  const pm = ingestMaterial({ source: "quotas.txt", content: QUOTAS });
  const answer = generateModelAnswer("Critically examine the fishing quota system of Norland, and suggest a way forward. (15 marks)", [pm]);
  it("answers the demand with the standing body's recommendation, though told in the past tense", () => {
    const quotes = (wayForwardSection(answer)?.points ?? []).map((p) => p.evidence[0]?.quote ?? "");
    expect(quotes.some((q) => /Review Commission recommended/.test(q)) || /Review Commission recommended|community licences/.test(answer.conclusion)).toBe(true);
    expect(wayForwardSection(answer)).toBeDefined();
  });
  it("closes on a way forward", () => {
    expect(closesOnWayForward(answer.conclusion)).toBe(true);
  });
});

// A historical narrative with nothing to prescribe: the section and the conclusion still give a way forward.
const LIGHTHOUSES = [
  "The lighthouses of the Varn coast",
  "",
  "The Varn coast of the old kingdom of Estmark was lit by forty stone lighthouses built between 1790 and 1860.",
  "The keepers of the Varn lighthouses lived with their families on rocks that supply boats reached once a month.",
  "Storms in the winter of 1822 wrecked eleven merchant ships on the reefs north of the Varn estuary.",
  "The crown paid for the towers from a toll charged on every ship entering the Varn harbours.",
  "Keepers burned whale oil until 1851 and coal gas in the larger towers after that year.",
  "Shipowners complained that the tolls of the Varn harbours were twice those of the southern ports.",
].join("\n");

describe("a way forward asked for of a material that prescribes nothing", () => {
  const pm = ingestMaterial({ source: "varn.txt", content: LIGHTHOUSES });
  const answer = generateModelAnswer("Critically examine the lighthouses of the Varn coast, and suggest a way forward. (15 marks)", [pm]);
  it("still has a way-forward section with a point", () => {
    expect(wayForwardSection(answer)?.points.length ?? 0).toBeGreaterThanOrEqual(1);
  });
  it("still closes on a way forward", () => {
    expect(closesOnWayForward(answer.conclusion)).toBe(true);
  });
});

// Rules stated with "must" (a procedure, a condition of office) are not prescriptions, and a sentence cut mid-clause
// never closes the answer.
const HARBOURS = [
  "Safety in the harbours of Osterby",
  "",
  "Osterby is a port city of 900,000 people whose harbours handle most of the grain exports of the republic of Kald.",
  "Accidents on the quays of Osterby killed 64 dock workers between 2019 and 2023, twice the toll of the decade before.",
  "A dock death must be reported to the harbour coroner by the shift master, and many deaths, especially among day labourers, are logged as illness.",
  "A harbour master must hold a pilot's licence and must have served ten years at sea.",
  "Cranes on the older quays of Osterby were installed in the 1970s and have no automatic brakes.",
  "Day labourers in Osterby work twelve-hour shifts without training in the handling of heavy loads.",
  "A crane driver on the quays of Osterby must be certified by the port authority and must be re-examined every two years.",
  "The port authority should replace the cranes of the older quays of Osterby within five years.",
].join("\n");

describe("a rule is not a way forward", () => {
  const pm = ingestMaterial({ source: "osterby.txt", content: HARBOURS });
  const answer = generateModelAnswer("Discuss the causes of accidents in the harbours of Osterby, and suggest a way forward. (15 marks)", [pm]);
  it("puts no rule under the way forward", () => {
    for (const p of wayForwardSection(answer)?.points ?? []) expect(p.evidence[0]?.quote ?? "").not.toMatch(/must (?:be reported|be certified|hold|have served)/);
  });
  it("closes on a prescription, not on a rule or a clause cut short", () => {
    expect(answer.conclusion).not.toMatch(/must (?:be reported|be certified|hold|have)/);
    expect(answer.conclusion).not.toMatch(/,\s+and many deaths\.?$/);
    for (const s of answer.body) for (const p of s.points) expect(endsMidClause(p.text)).toBe(false);
    expect(closesOnWayForward(answer.conclusion)).toBe(true);
  });
  it("tells a rule from a prescription", () => {
    expect(isForward("A dock death must be reported to the coroner by the shift master.")).toBe(false);
    expect(isForward("A harbour master must hold a pilot's licence.")).toBe(false);
    expect(isForward("A minister must have the support of a majority of the assembly.")).toBe(false);
    expect(isForward("The port authority must strengthen its inspections of the quays.")).toBe(true);
    expect(isForward("Safety rules must be enforced on every quay.")).toBe(true);
    expect(isForward("The Dock Safety Board recommended a ban on night shifts.")).toBe(true);
    expect(isForward("Workers were given the option of a shorter shift.")).toBe(false);
    expect(endsMidClause("A dock death must be reported by the shift master, and many deaths.")).toBe(true);
    expect(endsMidClause("The port should replace its cranes, and the city should train its workers.")).toBe(false);
    // A measure's noun is no verb of its working: "…under the harbour relief funds." tells of no measure at work.
    expect(isMeasure("Crane accidents are not among the losses covered under the harbour relief funds.")).toBe(false);
    expect(isMeasure("Under the Safe Quays programme, the port authority pays for brakes on every old crane.")).toBe(true);
  });
});

// A history of a canal: an old plan, a project of a past decade and a call "argued" in that past are no way forward.
const CANAL = [
  "The Merrin canal",
  "",
  "The Merrin canal links the inland city of Dorrow to the sea through 140 kilometres of locks in the duchy of Halm.",
  "The canal plan of 12 March 1851 provided for a toll on every barge to repay the duchy's loans.",
  "From the mid-1870s the Halm Waterways Project funded new locks at Dorrow and two reservoirs in the hills.",
  "Barge owners protested in 1868, arguing that the duchy should lower the tolls on grain barges.",
  "In 1871 barge owners were given the option of paying tolls once a year instead of at every lock.",
  "Railways reached Dorrow in 1882, and traffic on the canal fell by half within a decade.",
  "Floods in 1889 broke three locks and closed the canal for a whole season.",
  "The Merrin canal carried less than a tenth of the goods reaching Dorrow by 1900.",
  "Today the canal is used mostly by pleasure boats, and the duchy must decide whether to keep its locks open.",
  "Historians today argue that the canal should be kept as a working monument of the duchy's industrial age.",
].join("\n");

describe("past calls and old measures are not a way forward", () => {
  const pm = ingestMaterial({ source: "merrin.txt", content: CANAL });
  const answer = generateModelAnswer("Critically examine the history of the Merrin canal, and suggest a way forward. (15 marks)", [pm]);
  it("puts no old plan, past project, past call or bare option under the way forward", () => {
    for (const p of wayForwardSection(answer)?.points ?? []) expect(p.evidence[0]?.quote ?? "").not.toMatch(/plan of 12 March|mid-1870s|protested in 1868|option of paying/);
  });
  it("still answers the way forward", () => {
    expect(wayForwardSection(answer)?.points.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(closesOnWayForward(answer.conclusion)).toBe(true);
  });
});

describe("a heading keeps a hyphenated word whole", () => {
  it("never ends on a hyphen nor cuts a word at one", () => {
    const pm = ingestMaterial({ source: "drive.txt", content: "The Harbour Renewal Drive\n\nThe Harbour Renewal Drive takes the form of a time-bound programme for dredging and quay repairs." });
    const corpus = buildCorpus([pm]);
    const heading = headingFromPoint("The Harbour Renewal Drive, begun in 2021, takes the form of a time-bound programme for dredging and quay repairs.", corpus, new Set(["harbour", "renew", "drive"]), new Set());
    expect(heading ?? "").not.toMatch(/-(?:\s|$)|(?:^|\s)-/);
  });
});
