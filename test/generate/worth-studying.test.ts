import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { ITEMS_PER_ANSWER, itemDefect, scoreItem, screenItems, sentenceKeysOf } from "@/lib/generate/quality";
import { collectSlots } from "@/lib/generate/slots";
import { generateStudySet } from "@/lib/generate/study-set";
import { isOnlyQuoted } from "@/lib/generate/cards";
import type { Card, Question } from "@/lib/generate/schemas";

// Written for this test; not copied from any source. A chief minister's office, told the way an encyclopaedia does.
const TEXT = [
  "The Chief Minister of Veldra is the head of the state government of Veldra.",
  "The chief minister leads the council of ministers and advises the governor.",
  "A chief minister must win a vote of confidence in the state assembly within a month.",
  "The chief minister chairs the Water Allocation Panel (WAP), which meets every quarter.",
  "The WAP publishes an annual report on the canals.",
  "The WAP was set up in 1994 to settle disputes between districts.",
  "The Veldra Farmers Union (VFU) opposed the canal tax in 2003.",
  "In the 2019 election, the Veldra People's Party won 112 of 200 seats in the assembly.",
  "The chief minister cut the canal tax by 40% in 2019.",
  "In 2021, the chief minister's office reported that the canals irrigated 2 million hectares.",
  "Ravi Dhar served as chief minister for nine consecutive years.",
  "The new government took some concrete steps.",
  "With the assembly now behind him, and Punjab support for the canal plan, Ravi Dhar won a second term in 2012.",
  "Punjab built its own canals in 2008.",
  "Norway's recently became the first country to fund the canal plan.",
  "Norway lent the state engineers for the canal plan in 2015.",
  "The canal plan is popular, said Mira Sen, an analyst at the International Crisis Group.",
  "The International Crisis Group has studied the canal plan since 2016.",
].join("\n");

describe("scoreItem: what a demanding teacher would not keep scores lower", () => {
  const pm = ingestMaterial({ source: "veldra.txt", content: TEXT });
  const corpus = buildCorpus([pm]);
  const ref = (i: number) => corpus.refsOf(pm)[i]!;
  const score = (i: number, extra: Partial<Parameters<typeof scoreItem>[1]>) => scoreItem(corpus, { kind: "cloze", refs: [ref(i)], text: ref(i).sentence.text, ...extra });
  const has = (q: { reasons: string[] }, re: RegExp) => q.reasons.some((r) => re.test(r));

  it("marks a procedural body as the answer, also when the blank is its abbreviation", () => {
    expect(has(score(4, { asks: "actor", answerName: "WAP", text: "The _____ publishes an annual report on the canals." }), /procedural or advisory body/)).toBe(true);
    expect(has(score(6, { asks: "actor", answerName: "Veldra Farmers Union", text: "The _____ (VFU) opposed the canal tax in 2003." }), /procedural/)).toBe(false);
  });
  it("scores what an abbreviation stands for as vocabulary, however often the material uses it", () => {
    for (const [sentence, answerName, initials] of [[3, "Water Allocation Panel", "WAP"], [6, "Veldra Farmers Union", "VFU"]] as const) {
      const quality = score(sentence, { kind: "acronym", asks: "expansion", answerName, text: `What does ${initials} stand for?` });
      expect(has(quality, /vocabulary, not a fact of the subject/)).toBe(true);
      expect(has(quality, /abbreviation the material keeps using/)).toBe(false);
    }
  });
  it("marks a blank the statement says is one of several ('including'), or a diplomatic appeal many could have made; not an act one actor did", () => {
    const fits = (text: string, asks: "actor" | "place" | "person" = "actor") => has(score(5, { asks, answerName: "Veldra Farmers Union", text }), /more than one name fits/);
    // International relations, polity, history — each both ways.
    expect(fits("International observers including the _____ share the state's concern about the canal.")).toBe(true);
    expect(fits("_____ has urged both sides to settle the canal dispute through talks.", "place")).toBe(true);
    expect(fits("_____ has urged Veldra and Ostra to settle the canal dispute through talks.", "place")).toBe(true);
    expect(fits("_____, which borders both provinces, has offered to help mediate the dispute.", "place")).toBe(true);
    expect(fits("In 2022, _____ expressed concern over the canal tax.", "place")).toBe(true);
    // "also" mostly means "in addition"; acts one actor did are facts.
    expect(fits("The _____ also decides the postings of senior police officers.")).toBe(false);
    expect(fits("_____ is also known as the Iron Man of Veldra.", "person")).toBe(false);
    expect(fits("_____ called for complete independence at its session in 1929.")).toBe(false);
    expect(fits("_____ condemned the massacre and returned his knighthood.", "person")).toBe(false);
    expect(fits("_____ signed the canal treaty with Veldra in 1994.", "place")).toBe(false);
  });
  it("marks a blank that abbreviates the material's own subject ('CM' in a text on the chief minister)", () => {
    expect(has(score(10, { asks: "actor", answerName: "CM", text: "Ravi Dhar served as _____ for nine consecutive years." }), /own subject, abbreviated/)).toBe(true);
  });
  it("marks a head count of seats as an inventory, not a figure with its unit", () => {
    expect(has(score(7, { asks: "number", unit: "count", value: 112 }), /inventory/)).toBe(true);
    expect(has(score(8, { asks: "number", unit: "percent", value: 40 }), /inventory/)).toBe(false);
    expect(has(score(8, { asks: "number", unit: "percent", value: 40 }), /figure with its unit/)).toBe(true);
  });
  it("marks the year something was reported, not the year it happened", () => {
    expect(has(score(9, { asks: "year" }), /when something was reported/)).toBe(true);
    expect(has(score(8, { asks: "year" }), /when something was reported/)).toBe(false);
  });
  it("marks a definition too vague to learn, not one that tells its term apart", () => {
    expect(has(score(0, { kind: "qa", asks: "definition", role: "a coalition of many political parties", text: "What is the Front?" }), /too vague/)).toBe(true);
    expect(has(score(0, { kind: "qa", asks: "definition", role: "the state's premier civil service", text: "What is the Service?" }), /too vague/)).toBe(true);
    expect(has(score(0, { kind: "qa", asks: "definition", role: "the head of the state government of Veldra", text: "What is the Chief Minister of Veldra?" }), /too vague/)).toBe(false);
    // A quantifier in a later detail does not make the genus vague.
    expect(
      has(score(0, { kind: "qa", asks: "definition", role: "a regional compact designed to protect river deltas by limiting the dredging of several channels", text: "What is the Delta Compact?" }), /too vague/),
    ).toBe(false);
    expect(has(score(0, { kind: "qa", asks: "definition", role: "an alliance of several farmer unions", text: "What is the Front?" }), /too vague/)).toBe(true);
  });
  it("marks a count of office-holders since a year as a running tally", () => {
    expect(has(score(10, { asks: "number", unit: "count", value: 14, text: "Since 1957, there have been _____ different chief ministers." }), /running tally/)).toBe(false);
    const tally = ingestMaterial({ source: "tally.txt", content: "Since 1957, there have been 14 different chief ministers of the state of Veldra." });
    const c2 = buildCorpus([tally]);
    expect(scoreItem(c2, { kind: "cloze", asks: "number", unit: "count", value: 14, refs: [c2.refs[0]!], text: "Since 1957, there have been _____ different chief ministers of the state of Veldra." }).reasons.some((r) => /running tally/.test(r))).toBe(true);
  });
  it("marks an answer the statement already half names", () => {
    expect(has(score(1, { asks: "actor", answerName: "Council of Ministers", text: "The chief minister leads the _____ of ministers and advises the governor." }), /already names most of the answer/)).toBe(true);
  });
  it("never says a true/false statement gives its answer away: it shows its name by design", () => {
    const statement = "True or false? The chief minister leads the council of ministers and advises the governor.";
    expect(has(score(1, { kind: "true_false", asks: "actor", answerName: "Council of Ministers", text: statement }), /already names most of the answer/)).toBe(false);
  });
});

// Written for this test; not copied from any source. Named institutions whose names hold a panel, board, committee,
// service or office word, beside the ad-hoc machinery of a process, on polity, economy, environment and security.
describe("scoreItem: a procedural body is the machinery of a process, not an institution with such a word in its name", () => {
  const TEXT = [
    "The Central Board of Indirect Taxes (CBIC) administers customs duties across Veldra.",
    "The CBIC issues rulings on customs duties every year.",
    "The Goods and Services Tax (GST) replaced eleven state levies in Veldra in 2015.",
    "The GST raised the revenue of Veldra by 12% in its first year.",
    "The Public Estimates Committee (PEC) scrutinises the budget of every ministry in Veldra.",
    "The Securities Board of Veldra (SBV) regulates the stock exchanges of Veldra.",
    "The SBV was established in 1990 to protect investors.",
    "The Intergovernmental Panel on River Basins (IPRB) publishes assessments of river basins shared by nations.",
    "The IPRB warned that the basins were drying.",
    "The Indian Forest Service (IFoS) manages the reserved forests of Veldra.",
    "The Dredging Review Panel (DRP) meets twice a year to examine dredging permits.",
    "The Dredging Review Panel was set up in 2004 to advise the river authority.",
    "The Dredging Review Panel has 9 members.",
    "A Technical Working Group (TWG) drafts the tariff schedules for the customs talks.",
    "The TWG reported to the ministers on customs duties.",
    "More than 300 civilians and security personnel were killed in attacks in the border districts in 2022.",
    "The army of Veldra has 140,000 active personnel.",
  ].join("\n");
  const pm = ingestMaterial({ source: "institutions.txt", content: TEXT });
  const corpus = buildCorpus([pm]);
  const ref = (i: number) => corpus.refsOf(pm)[i]!;
  const score = (i: number, extra: Partial<Parameters<typeof scoreItem>[1]>) => scoreItem(corpus, { kind: "cloze", refs: [ref(i)], text: ref(i).sentence.text, ...extra });
  const has = (q: { reasons: string[] }, re: RegExp) => q.reasons.some((r) => re.test(r));
  const PROCEDURAL = /procedural or advisory body/;

  it.each([
    [0, "actor", "Central Board of Indirect Taxes"],
    [1, "actor", "CBIC"],
    [3, "expansion", "Goods and Services Tax"],
    [4, "actor", "Public Estimates Committee"],
    [5, "expansion", "Securities Board of Veldra"],
    [8, "actor", "IPRB"],
    [9, "expansion", "Indian Forest Service"],
  ] as const)("sentence %i: the %s '%s' is a named institution, not a procedural body", (i, asks, answerName) => {
    expect(has(score(i, { asks, answerName, text: "The _____ is named here." }), PROCEDURAL)).toBe(false);
  });
  it.each([
    [10, "actor", "Dredging Review Panel"],
    [11, "expansion", "Dredging Review Panel"],
    [14, "actor", "TWG"],
    [13, "expansion", "Technical Working Group"],
  ] as const)("sentence %i: the %s '%s' is an ad-hoc or advisory panel and still marked", (i, asks, answerName) => {
    expect(has(score(i, { asks, answerName, text: "The _____ is named here." }), PROCEDURAL)).toBe(true);
  });
  it("marks the founding year of an advisory panel, and credits that of a regulator as a milestone", () => {
    expect(has(score(11, { asks: "year" }), /year a panel, board or committee was set up/)).toBe(true);
    expect(has(score(6, { asks: "year" }), /year a panel, board or committee was set up/)).toBe(false);
    expect(has(score(6, { asks: "year" }), /signed, founded or came into force/)).toBe(true);
  });
  it("marks the make-up of an advisory panel as fine print, not a figure on a named tax", () => {
    expect(has(score(12, { asks: "number", unit: "count", value: 9 }), /make-up of a procedural body/)).toBe(true);
    expect(has(score(2, { asks: "number", unit: "count", value: 11 }), /make-up of a procedural body/)).toBe(false);
  });
  it("reads a toll of lives lost as a casualty figure, and a force's strength as an inventory", () => {
    expect(has(score(15, { asks: "number", unit: "count", value: 300, text: "More than _____ civilians and security personnel were killed in attacks in the border districts in 2022." }), /inventory/)).toBe(false);
    expect(has(score(16, { asks: "number", unit: "count", value: 140000, text: "The army of Veldra has _____ active personnel." }), /inventory/)).toBe(true);
  });
});

// Written for this test; not copied from any source. A casualty word spares a head count only when it governs the
// blanked figure, not when it stands elsewhere in the sentence.
describe("a toll of lives lost is no inventory; a count of forces or seats beside a casualty word still is", () => {
  const rows: Array<[string, number, string, boolean]> = [
    // [sentence, value, blanked text, inventory penalty expected]
    ["In the Marsh War, 4,200 soldiers, porters and villagers were killed at the Orlin ford in 1911.", 4200, "In the Marsh War, _____ soldiers, porters and villagers were killed at the Orlin ford in 1911.", false],
    ["Raiders killed 85 soldiers of the Orlin garrison in 1912.", 85, "Raiders killed _____ soldiers of the Orlin garrison in 1912.", false],
    ["The Orlin mutiny left 630 troops dead in 1913.", 630, "The Orlin mutiny left _____ troops dead in 1913.", false],
    ["The ferry attack cost 310 lives, and the death toll of 310 troops was the worst of 1914.", 310, "The ferry attack cost 310 lives, and the death toll of _____ troops was the worst of 1914.", false],
    ["The Marsh League, holding 88 seats in the council, killed the dam bill in 1921.", 88, "The Marsh League, holding _____ seats in the council, killed the dam bill in 1921.", true],
    ["The pact limited the garrisons to 7,000 troops, but it was a dead letter by 1930.", 7000, "The pact limited the garrisons to _____ troops, but it was a dead letter by 1930.", true],
    ["Veldra keeps 9,000 troops near the Dead Marsh.", 9000, "Veldra keeps _____ troops near the Dead Marsh.", true],
    ["The governor sent 20,000 troops to the hills after raiders killed 12 herders in 1931.", 20000, "The governor sent _____ troops to the hills after raiders killed 12 herders in 1931.", true],
    ["The Marsh League won 140 seats in 1935 despite the deaths of fishermen in the floods.", 140, "The Marsh League won _____ seats in 1935 despite the deaths of fishermen in the floods.", true],
  ];
  const pm = ingestMaterial({ source: "tolls.txt", content: rows.map(([sentence]) => sentence).join("\n") });
  const corpus = buildCorpus([pm]);
  it.each(rows.map((row, i) => [i, ...row] as const))("sentence %i: %s", (i, _sentence, value, text, penalised) => {
    const ref = corpus.refsOf(pm)[i]!;
    const q = scoreItem(corpus, { kind: "cloze", asks: "number", unit: "count", value, refs: [ref], text });
    expect(q.reasons.some((r) => /inventory/.test(r))).toBe(penalised);
  });
  it("reads a how-many question as asking the figure", () => {
    const ref = corpus.refsOf(pm)[0]!;
    const q = scoreItem(corpus, { kind: "qa", asks: "number", value: 4200, refs: [ref], text: "How many soldiers, porters and villagers were killed at the Orlin ford in 1911?" });
    expect(q.reasons.some((r) => /inventory/.test(r))).toBe(false);
  });
});

// Written for this test; not copied from any source. Sentences from polity, history, geography and environment where a
// blank stands after "report", "audit", "according to", "such as", "unlike", "neither … nor" or before "'s": each is a
// fact a UPSC aspirant studies, and none may lose points for where its blank stands.
describe("scoreItem: where a blank stands in another subject's sentence costs it nothing", () => {
  const POLITY = [
    "The Public Accounts Committee (PAC) examines the audit reports of the Comptroller and Auditor General (CAG).",
    "The PAC has 22 members drawn from both Houses of Parliament.",
    "The PAC is chaired by a member of the opposition.",
    "The accounts of the Union are subject to audit by the CAG.",
    "The Finance Commission submits its report to the President every five years.",
    "The Governor sends a report to the President when the constitutional machinery of a state fails.",
    "The Supreme Court can review its own judgments under Article 137.",
    "According to the Preamble, India is a sovereign, socialist, secular and democratic republic.",
    "Unlike the Lok Sabha, the Rajya Sabha is a permanent body that is not subject to dissolution.",
    "Neither the President nor the Prime Minister can overrule the Speaker on a money bill.",
    "The Sarkaria Commission report of 1988 reviewed the relations between the Union and the states.",
    "The Securities and Exchange Board of India (SEBI) regulates the securities market.",
    "SEBI was given statutory powers in 1992.",
    "SEBI can impose penalties on listed companies.",
    "The Goods and Services Tax (GST) replaced many indirect taxes in 2017.",
    "The GST Council recommends the rates of GST.",
    "GST is levied on the supply of goods and services.",
  ].join("\n");
  const OTHER = [
    "The Arthashastra was compiled by Kautilya.",
    "Kesari was published by Bal Gangadhar Tilak.",
    "Harappan sites such as Lothal had a dockyard.",
    "Assam's Kaziranga National Park shelters two-thirds of the world's one-horned rhinoceroses.",
    "The Intergovernmental Panel on Climate Change (IPCC) publishes assessment reports on climate change.",
    "The IPCC was set up in 1988 by the WMO and UNEP.",
    "The IPCC's sixth assessment was completed in 2023.",
    "The Global Gender Gap Report is published by the World Economic Forum.",
  ].join("\n");
  const corpora = [POLITY, OTHER].map((content) => {
    const pm = ingestMaterial({ source: "subject.txt", content });
    return { pm, corpus: buildCorpus([pm]) };
  });
  const scored = (text: number, sentence: number, input: Omit<Parameters<typeof scoreItem>[1], "refs" | "kind"> & { kind?: Parameters<typeof scoreItem>[1]["kind"] }) => {
    const { pm, corpus } = corpora[text]!;
    return scoreItem(corpus, { kind: "cloze", refs: [corpus.refsOf(pm)[sentence]!], ...input });
  };
  // The only penalties these items may carry are about the answer or the material, never about the blank's neighbours.
  const GENERAL = /mentions only once|main subject|procedural or advisory body|already names most of the answer/;
  const has = (q: { reasons: string[] }, re: RegExp) => q.reasons.some((r) => re.test(r));
  const penalties = (q: { reasons: string[] }) => q.reasons.filter((r) => r.startsWith("−") && !GENERAL.test(r));

  it.each([
    [0, 0, "actor", "Public Accounts Committee", "The _____ examines the audit reports of the CAG."],
    [0, 3, "actor", "CAG", "The accounts of the Union are subject to audit by the _____."],
    [0, 4, "actor", "Finance Commission", "The _____ submits its report to the President every five years."],
    [0, 5, "person", "Governor", "The _____ sends a report to the President when the constitutional machinery of a state fails."],
    [0, 6, "actor", "Supreme Court", "The _____ can review its own judgments under Article 137."],
    [0, 7, "term", "Preamble", "According to the _____, India is a sovereign, socialist, secular and democratic republic."],
    [0, 8, "actor", "Rajya Sabha", "Unlike the Lok Sabha, the _____ is a permanent body that is not subject to dissolution."],
    [0, 9, "person", "Prime Minister", "Neither the President nor the _____ can overrule the Speaker on a money bill."],
    [0, 10, "actor", "Sarkaria Commission", "The _____ report of 1988 reviewed the relations between the Union and the states."],
    [1, 0, "person", "Kautilya", "The Arthashastra was compiled by _____."],
    [1, 1, "person", "Bal Gangadhar Tilak", "Kesari was published by _____."],
    [1, 2, "place", "Lothal", "Harappan sites such as _____ had a dockyard."],
    [1, 3, "place", "Assam", "_____'s Kaziranga National Park shelters two-thirds of the world's one-horned rhinoceroses."],
    [1, 4, "actor", "IPCC", "The _____ publishes assessment reports on climate change."],
    [1, 7, "actor", "World Economic Forum", "The Global Gender Gap Report is published by the _____."],
  ] as const)("text %i, sentence %i: the %s '%s' loses nothing for where its blank stands", (text, sentence, asks, answerName, blanked) => {
    expect(penalties(scored(text, sentence, { asks, answerName, text: blanked }))).toEqual([]);
    // Nor as a true/false statement on the same sentence.
    const statement = `True or false? ${blanked.replace("_____", answerName)}`;
    expect(penalties(scored(text, sentence, { kind: "true_false", asks, answerName, text: statement }))).toEqual([]);
  });
  it.each([
    [0, 11, "Securities and Exchange Board of India", "SEBI"],
    [0, 14, "Goods and Services Tax", "GST"],
    [0, 0, "Public Accounts Committee", "PAC"],
    [1, 4, "Intergovernmental Panel on Climate Change", "IPCC"],
  ] as const)("text %i, sentence %i: %s, spelt out, is vocabulary but no procedural body", (text, sentence, answerName, initials) => {
    const quality = scored(text, sentence, { kind: "acronym", asks: "expansion", answerName, text: `What does ${initials} stand for?` });
    expect(has(quality, /procedural/)).toBe(false);
    expect(has(quality, /vocabulary, not a fact of the subject/)).toBe(true);
  });
});

describe("itemDefect and screenItems: fail closed, one answer once", () => {
  const card = (id: string, front: string, back: string, start: number, score = 0.8): Card => ({
    id,
    kind: "cloze",
    front,
    back,
    evidence: [{ materialId: "m", start, end: start + 40, quote: front.replace("_____", back) }],
    quality: { score, reasons: [] },
  });
  it("rejects a statement whose predicate says nothing checkable", () => {
    expect(itemDefect(card("a", "The government elected in _____ took some concrete steps.", "1998", 0))).toMatch(/nothing checkable/);
    expect(itemDefect(card("b", "The government elected in _____ cut the canal tax by 40%.", "1998", 0))).toBeNull();
  });
  it("rejects a true/false statement whose altered value sits in an aside", () => {
    const tf = (prompt: string, quote: string): Question => ({ id: "tf", kind: "true_false", prompt, answer: "false", explanation: "", marks: 1, timeLimitSec: 30, evidence: [{ materialId: "m", start: 0, end: quote.length, quote }], quality: { score: 0.8, reasons: [] } });
    expect(itemDefect(tf("True or false? The latest (2011) canal survey found the canals silted.", "The latest (2013) canal survey found the canals silted."))).toMatch(/aside/);
    expect(itemDefect(tf("True or false? The latest (2013) canal survey found 40% of the canals silted.", "The latest (2013) canal survey found 60% of the canals silted."))).toBeNull();
  });
  it("asks for one name in at most ITEMS_PER_ANSWER items, cards and timed questions together", () => {
    expect(ITEMS_PER_ANSWER).toBe(1);
    const fronts = [
      "The _____ abolished the colonial canal tax after widespread farmer protests across twelve districts.",
      "Engineers hired by the _____ completed the northern hydroelectric dam despite monsoon floods and landslides.",
      "Striking teachers marched outside the headquarters of the _____ demanding pension reform and salary arrears.",
      "During the budget session, the _____ defeated an opposition motion over rising electricity tariffs.",
    ];
    const cards = fronts.map((f, i) => card(`n${i}`, f, "VPP", i * 100, 0.8 - i * 0.01));
    const kept = screenItems(cards.slice(0, 3), [
      {
        id: "q",
        kind: "single_choice",
        prompt: `Which organisation completes the statement? ${fronts[3]}`,
        options: [{ id: "a", text: "VPP", correct: true }, { id: "b", text: "Veldra Farmers' Front", correct: false }],
        explanation: "",
        marks: 1,
        timeLimitSec: 45,
        evidence: [{ materialId: "m", start: 300, end: 340, quote: fronts[3]!.replace("_____", "VPP") }],
        quality: { score: 0.75, reasons: [] },
      },
    ]);
    expect([...kept.cards, ...kept.questions].map((c) => c.id)).toEqual(["n0"]);
    expect(kept.dropped).toContainEqual({ id: "q", reason: "another item already asks for this answer" });
  });
  it("asks a fact once: a card and a timed question on one sentence, or on two sentences telling it, are one item", () => {
    const question = (id: string, prompt: string, answer: string, start: number, quote: string, kind: Question["kind"] = "single_choice", score = 0.7): Question => ({
      id,
      kind,
      prompt,
      ...(kind === "true_false" ? { answer } : { options: [{ id: "a", text: answer, correct: true }, { id: "b", text: "1936", correct: false }] }),
      explanation: "",
      marks: 1,
      timeLimitSec: 30,
      evidence: [{ materialId: "m", start, end: start + quote.length, quote }],
      quality: { score, reasons: [] },
    });
    const strike = card("strike", "The canal workers of Veldra struck for higher wages in _____.", "1942", 0);
    const otherSentence = question("q1", "Which date completes the statement? The strike by Veldra's canal workers for higher wages began in _____.", "1942", 500, "The strike by Veldra's canal workers for higher wages began in 1942.");
    const sameSentence = question("q2", "Which date completes the statement? The canal workers of Veldra struck for higher wages in _____.", "1942", 0, "The canal workers of Veldra struck for higher wages in 1942.");
    expect(screenItems([strike], [otherSentence]).questions.map((q) => q.id)).toEqual([]);
    const one = screenItems([strike], [sameSentence]);
    expect([...one.cards, ...one.questions].map((i) => i.id)).toEqual(["strike"]);
    expect(one.dropped).toContainEqual({ id: "q2", reason: "another item already asks about this sentence" });
    // A true/false statement states no answer of its own: a year its sentence carries does not make it a repeat of the
    // card that asks that year (it tests the office or the event, and nearly every polity or history sentence has a year).
    const tf = question("tf", "True or false? The strike by Veldra's canal workers for higher wages began in 1944.", "false", 500, "The strike by Veldra's canal workers for higher wages began in 1942.", "true_false");
    expect(screenItems([strike], [tf]).questions.map((q) => q.id)).toEqual(["tf"]);
  });
  // Written for this test; not copied from any source. Environment and economy sentences, one with an abbreviation defined inline.
  describe("one source sentence, whatever span of it an item quotes", () => {
    const TEXT = [
      "The Wetland Restoration Act (WRA) gave 2 million fishers rights over village ponds in 2008, because the ponds were silting.",
      "The WRA is enforced by the district courts.",
      "The Farm Credit Scheme (FCS) lent 40 billion rupees to small farmers in 2012.",
    ].join("\n");
    const pm = ingestMaterial({ source: "sentences.txt", content: TEXT });
    const id = pm.material.id;
    const span = (quote: string) => {
      const start = pm.material.text.indexOf(quote);
      return { materialId: id, start, end: start + quote.length, quote };
    };
    const first = pm.material.text.split("\n")[0]!;
    const acronym: Card = { id: "acr", kind: "acronym", front: "What does WRA stand for?", back: "Wetland Restoration Act", evidence: [span("Wetland Restoration Act (WRA)")], quality: { score: 0.8, reasons: [] } };
    const figure: Card = { id: "fig", kind: "cloze", front: first.replace("2 million", "_____"), back: "2 million", evidence: [span(first)], quality: { score: 0.85, reasons: [] } };
    // A "Why?" card quotes the clause that gives the reason, not the whole sentence.
    const why: Card = { id: "why", kind: "qa", front: "Why? The WRA gave fishers rights over village ponds.", back: "Because the ponds were silting.", evidence: [span("because the ponds were silting")], quality: { score: 0.8, reasons: [] } };
    const tf: Question = { id: "tf", kind: "true_false", prompt: `True or false? ${first.replace("2008", "2011")}`, answer: "false", explanation: "", marks: 1, timeLimitSec: 30, evidence: [span(first)], quality: { score: 0.75, reasons: [] } };
    it("keys a span inside a sentence to the sentence it stands in", () => {
      const keyOf = sentenceKeysOf([pm]);
      expect(keyOf(why.evidence[0]!)).toBe(keyOf(figure.evidence[0]!));
      expect(keyOf(span("Farm Credit Scheme (FCS)"))).not.toBe(keyOf(figure.evidence[0]!));
    });
    it("gives one item per sentence when a second card quotes only a clause of it", () => {
      const kept = screenItems([figure, why], [tf], sentenceKeysOf([pm]));
      expect([...kept.cards, ...kept.questions].map((i) => i.id)).toEqual(["fig"]);
      expect(kept.dropped).toContainEqual({ id: "why", reason: "another item already asks about this sentence" });
      expect(kept.dropped).toContainEqual({ id: "tf", reason: "another item already asks about this sentence" });
    });
    it("lets an acronym card stand beside its sentence's item: it asks what the name stands for, not what the sentence tells", () => {
      const kept = screenItems([figure, acronym], [tf], sentenceKeysOf([pm]));
      expect([...kept.cards, ...kept.questions].map((i) => i.id)).toEqual(["fig", "acr"]);
    });
    it("keeps the acronym card apart also when the name opens its sentence without an article", () => {
      const bare = ingestMaterial({ source: "bare.txt", content: ["Canal Lining Fund (CLF) paid 3 million rupees to village councils in 2014.", "The CLF is audited every year by the state."].join("\n") });
      const at = (quote: string) => {
        const start = bare.material.text.indexOf(quote);
        return { materialId: bare.material.id, start, end: start + quote.length, quote };
      };
      const line = bare.material.text.split("\n")[0]!;
      const acr: Card = { id: "acr", kind: "acronym", front: "What does CLF stand for?", back: "Canal Lining Fund", evidence: [at("Canal Lining Fund (CLF)")], quality: { score: 0.8, reasons: [] } };
      const fig: Card = { id: "fig", kind: "cloze", front: line.replace("3 million", "_____"), back: "3 million", evidence: [at(line)], quality: { score: 0.85, reasons: [] } };
      const yes: Question = { id: "tf", kind: "true_false", prompt: `True or false? ${line.replace("2014", "2016")}`, answer: "false", explanation: "", marks: 1, timeLimitSec: 30, evidence: [at(line)], quality: { score: 0.75, reasons: [] } };
      const kept = screenItems([fig, acr], [yes], sentenceKeysOf([bare]));
      expect([...kept.cards, ...kept.questions].map((i) => i.id)).toEqual(["fig", "acr"]);
    });
  });
  it("keeps a true/false item on an office whose sentence also has a year a card already asks", () => {
    const question = (id: string, prompt: string, answer: string, start: number, quote: string): Question => ({
      id,
      kind: "true_false",
      prompt,
      answer,
      explanation: "",
      marks: 1,
      timeLimitSec: 30,
      evidence: [{ materialId: "m", start, end: start + quote.length, quote }],
      quality: { score: 0.7, reasons: [] },
    });
    const year = card("year", "The Constitution of India came into force on 26 January _____.", "1950", 0);
    const office = question("office", "True or false? In 1950, the President of India became the constitutional head of the Union executive.", "true", 300, "In 1950, the President of India became the constitutional head of the Union executive.");
    const vice = question("vice", "True or false? The Vice-President chairs the Lok Sabha since the Constitution came into force in 1950.", "false", 600, "The Vice-President chairs the Rajya Sabha since the Constitution came into force in 1950.");
    expect(screenItems([year], [office, vice]).questions.map((q) => q.id)).toEqual(["office", "vice"]);
  });
  it("asks for a year in one card only, keeping the best", () => {
    const kept = screenItems(
      [card("x", "The canal opened in _____ after a decade of protests.", "2019", 0, 0.7), card("y", "Ravi Dhar lost the election of _____ to the opposition alliance.", "2019", 100, 0.8)],
      [],
    ).cards;
    expect(kept.map((c) => c.id)).toEqual(["y"]);
  });
  const choice = (id: string, prompt: string, start: number, quote: string, score: number, evidence = [{ materialId: "m", start, end: start + quote.length, quote }]): Question => ({
    id,
    kind: "single_choice",
    prompt,
    options: [{ id: "a", text: "x", correct: true }, { id: "b", text: "y", correct: false }],
    explanation: "",
    marks: 1,
    timeLimitSec: 45,
    evidence,
    quality: { score, reasons: [] },
  });
  it("of equal scores, keeps the form whose family has fewer items, so one item per sentence leaves both cards and timed questions", () => {
    const cards = [0, 1, 2].map((i) => card(`c${i}`, `Canal number ${i + 1} of Veldra was dug by the _____ in the dry season.`, `Guild ${i}`, i * 100, 0.7));
    const questions = [0, 1, 2].map((i) => choice(`q${i}`, `Which body completes the statement? Canal number ${i + 1} of Veldra was dug by the _____ in the dry season.`, i * 100, `Canal number ${i + 1} of Veldra was dug by the Guild ${i} in the dry season.`, 0.7));
    const kept = screenItems(cards, questions);
    expect(kept.cards.map((c) => c.id)).toEqual(["c0", "c2"]);
    expect(kept.questions.map((q) => q.id)).toEqual(["q1"]);
  });
  it("lets a prelims item (three statements) that is not weak claim its sentences before a single-fact item on one of them", () => {
    const quotes = ["The Veldra canal opened in 1931.", "The Ostra dam was built by the Guild.", "Veldra's canal tax was abolished in 1950."];
    const evidence = quotes.map((quote, i) => ({ materialId: "m", start: i * 100, end: i * 100 + quote.length, quote }));
    const prelims = choice("prelims", ["Consider the following statements:", ...quotes.map((q, i) => `${i + 1}. ${q}`), "Which of the statements given above is/are correct?"].join("\n"), 0, quotes[0]!, 0.7, evidence);
    const cloze = card("cloze", "The Ostra dam was built by the _____.", "Guild", 100, 0.9);
    const other = card("other", "The Marrow bridge was finished in _____.", "1960", 400, 0.9);
    const kept = screenItems([cloze, other], [prelims]);
    expect([...kept.cards, ...kept.questions].map((i) => i.id).sort()).toEqual(["other", "prelims"]);
  });
  const prelimsOn = (id: string, first: number, key: string, score: number): Question => {
    const quotes = [0, 1, 2].map((k) => `Statement ${first + k} says the Veldra canal number ${first + k} opened in ${1900 + first + k}.`);
    return {
      ...choice(id, ["Consider the following statements:", ...quotes.map((q, k) => `${k + 1}. ${q}`), "Which of the statements given above is/are correct?"].join("\n"), 0, quotes[0]!, score, quotes.map((quote, k) => ({ materialId: "m", start: (first + k) * 100, end: (first + k) * 100 + quote.length, quote }))),
      options: [{ id: "a", text: key, correct: true }, { id: "b", text: "1 only", correct: false }],
    };
  };
  it("keeps two prelims items with the same key on different sentences: '2 and 3 only' names statements, not a fact", () => {
    const kept = screenItems([], [prelimsOn("p1", 0, "2 and 3 only", 0.8), prelimsOn("p2", 3, "2 and 3 only", 0.8)]);
    expect(kept.questions.map((q) => q.id)).toEqual(["p1", "p2"]);
  });
  it("lets a weak prelims item claim no sentence before a stronger item: the cut-down could then leave the sentence empty", () => {
    const filler = Array.from({ length: 41 }, (_, i) => card(`f${i}`, `Filler fact ${i} of Veldra's canals names the _____ as its builder.`, `Builder ${i}`, 10_000 + i * 100, 0.8));
    const strong = card("strong", "Statement 1 says the Veldra canal number 1 opened in _____.", "1901", 100, 0.9);
    const kept = screenItems([...filler, strong], [prelimsOn("weak", 0, "1 and 2 only", 0.6)]);
    expect(kept.cards.map((c) => c.id)).toContain("strong");
  });
  it("reads '2,000 crore' as an amount, not the year 2000, and '50%' as a share, not the count 50", () => {
    const amount = (id: string, front: string, start: number) => card(id, front, "₹2,000 crore", start, 0.8);
    const amounts = screenItems([amount("a1", "The Veldra canal fund lent _____ to farmers in the dry districts.", 0), amount("a2", "The Ostra dam cost the state exchequer _____ over a decade of construction.", 100)], []);
    expect(amounts.cards.map((c) => c.id)).toEqual(["a1"]);
    const share = card("share", "Women hold _____ of the seats in Veldra's village councils.", "50%", 0, 0.8);
    const count = card("count", "The Ostra harbour has _____ berths for cargo ships of every size.", "50", 100, 0.8);
    expect(screenItems([share, count], []).cards.map((c) => c.id)).toEqual(["share", "count"]);
    // "18000 tonnes" is a quantity, not the year 1800; "the 1990s" a decade, not the year 1990: each is asked once.
    const tonnes = [0, 1].map((i) => card(`t${i}`, i ? "Veldra imported _____ of seed wheat from Ostra for the dry districts." : "The Ostra famine relief shipped _____ of grain to the hill towns.", "18000 tonnes", i * 100, 0.8));
    expect(screenItems(tonnes, []).cards.map((c) => c.id)).toEqual(["t0"]);
  });
});

describe("collectSlots: blanks a learner would only guess", () => {
  const pm = ingestMaterial({ source: "veldra.txt", content: TEXT });
  const slots = collectSlots(buildCorpus([pm]));

  it("does not blank a one-word name used as a modifier ('_____ support')", () => {
    expect(slots.some((s) => s.answer === "Punjab" && s.ref.sentence.text.includes("Punjab support"))).toBe(false);
    expect(slots.some((s) => s.answer === "Punjab" && s.ref.sentence.text.startsWith("Punjab built"))).toBe(true);
  });
  it("does not blank a possessive that owns no noun (a slip in the source)", () => {
    expect(slots.some((s) => s.answer === "Norway" && s.ref.sentence.text.startsWith("Norway's"))).toBe(false);
    expect(slots.some((s) => s.answer === "Norway" && s.ref.sentence.text.startsWith("Norway lent"))).toBe(true);
  });
  it("does not blank where a commentator works", () => {
    expect(slots.some((s) => s.answer === "International Crisis Group" && s.ref.sentence.text.includes("analyst at"))).toBe(false);
  });
});

// Written for this test; not copied from any source. Whose a body is shows before its head word; after it, the words
// name its subject. Two names joined by "and" are two names.
describe("procedural bodies: ownership is read before the head word, names are not joined across 'and'", () => {
  const NAMES = [
    "Expert Committee on Public Health",
    "Review Panel on Federal Grants",
    "Expert Committee on Indian Fisheries",
    "Central Board of Canal Tolls",
    "Indian Salt Service",
    "Royal Military Academy",
    "National Defence Academy",
    "Veldra Academy of Sciences",
    "Marsh Academy of Arts and Sciences",
  ];
  const lines = [
    ...NAMES.map((n) => `The ${n} issued a ruling on the canals of the delta in 1990.`),
    "The Silt Review Panel and the National Canal Authority were set up in 2004.",
    "The National Canal Authority and the Silt Review Panel were set up in 2005.",
    "The National Canal Authority was set up in 2006.",
  ];
  const pm = ingestMaterial({ source: "bodies.txt", content: lines.join("\n") });
  const corpus = buildCorpus([pm]);
  const refs = corpus.refsOf(pm);
  const reasons = (i: number, answerName: string) =>
    scoreItem(corpus, { kind: "cloze", asks: "actor", answerName, refs: [refs[i]!], text: "The _____ issued a ruling on the canals of the delta in 1990." }).reasons;
  const has = (rs: string[], re: RegExp) => rs.some((r) => re.test(r));
  const PROCEDURAL = /procedural or advisory body/;
  const SOURCE = /research body or data source/;

  it.each([
    [0, "Expert Committee on Public Health"],
    [1, "Review Panel on Federal Grants"],
    [2, "Expert Committee on Indian Fisheries"],
  ] as const)("sentence %i: a jurisdiction word or demonym after the head word names the subject: '%s' stays procedural", (i, name) => {
    expect(has(reasons(i, name), PROCEDURAL)).toBe(true);
  });
  it.each([
    [3, "Central Board of Canal Tolls"],
    [4, "Indian Salt Service"],
  ] as const)("sentence %i: a jurisdiction word or demonym before the head word makes '%s' an institution", (i, name) => {
    expect(has(reasons(i, name), PROCEDURAL)).toBe(false);
  });
  it.each([
    [5, "Royal Military Academy"],
    [6, "National Defence Academy"],
  ] as const)("sentence %i: '%s' is a school, neither procedural nor a research body", (i, name) => {
    const rs = reasons(i, name);
    expect(has(rs, PROCEDURAL)).toBe(false);
    expect(has(rs, SOURCE)).toBe(false);
  });
  it.each([
    [7, "Veldra Academy of Sciences"],
    [8, "Marsh Academy of Arts and Sciences"],
  ] as const)("sentence %i: '%s' is a research body, not a procedural one", (i, name) => {
    const rs = reasons(i, name);
    expect(has(rs, SOURCE)).toBe(true);
    expect(has(rs, PROCEDURAL)).toBe(false);
  });
  it("reads a panel named beside an authority, joined by 'and', as a panel: its founding year is procedural", () => {
    const year = (i: number) => scoreItem(corpus, { kind: "cloze", asks: "year", refs: [refs[i]!], text: refs[i]!.sentence.text.replace(/\d{4}/, "_____") }).reasons;
    expect(has(year(9), /year a panel, board or committee was set up/)).toBe(true);
    expect(has(year(10), /year a panel, board or committee was set up/)).toBe(true);
    expect(has(year(11), /year a panel, board or committee was set up/)).toBe(false);
  });
});

describe("'Who is X?' cards: not for someone the material only quotes", () => {
  // Written for this test (banking). Blind examiners marked "Who is <a quoted official>?" as trivia a learner cannot know.
  const text = [
    "Banking in Veldra",
    "",
    "Aran Dev, the founder of the Veldra Central Bank, drafted its first charter in 1921.",
    "",
    "Aran Dev later served two terms as finance minister of Veldra.",
    "",
    "\"Digital payments now reach every district,\" said Kiran Rao, a deputy general manager at the Veldra Central Bank.",
    "",
    "Kiran Rao told reporters that fraud complaints had doubled in 2024.",
  ].join("\n");
  const fronts = generateStudySet([ingestMaterial({ source: "t", content: text })]).cards.map((c) => c.front);

  it("makes no 'Who is Kiran Rao?' card", () => {
    expect(fronts).not.toContain("Who is Kiran Rao?");
  });
  it("still asks who the founder is", () => {
    expect(fronts).toContain("Who is Aran Dev?");
  });
  it("makes no card for someone quoted with 'According to …', and keeps one for a founder the material quotes", () => {
    const quoted = [
      "Prices in Veldra",
      "",
      "According to Mira Sen, the chief economist of the Veldra Central Bank, inflation fell to 4 per cent in 2024.",
      "",
      "Inflation in Ostra rose to 9 per cent in 2024, Mira Sen said.",
      "",
      "Aran Dev, the founder of the Veldra Home League, said in 1916 that self-rule was the people's birthright.",
    ].join("\n");
    const cards = generateStudySet([ingestMaterial({ source: "t", content: quoted })]).cards.map((c) => c.front);
    expect(cards).not.toContain("Who is Mira Sen?");
    expect(cards).toContain("Who is Aran Dev?");
  });
  it("counts only the person's own speech: a quote about the bank, and 'Historians say X abolished…', are judged right", () => {
    const text = [
      "Reform in Veldra",
      "",
      "Kiran Rao, a deputy general manager at the Veldra Central Bank, said the bank added a million accounts in 2024.",
      "",
      "Historians say Arun Dev, a reformer from Ostra, abolished the dowry tax in 1856.",
    ].join("\n");
    const pm = ingestMaterial({ source: "t", content: text });
    expect(isOnlyQuoted(pm, "Kiran Rao", "a deputy general manager at the Veldra Central Bank")).toBe(true);
    expect(isOnlyQuoted(pm, "Arun Dev", "a reformer from Ostra")).toBe(false);
  });
});
