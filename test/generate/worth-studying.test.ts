import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { itemDefect, parseQualityCues, scoreItem, screenItems } from "@/lib/generate/quality";
import qualityCues from "@/lib/generate/quality-cues.json";
import { collectSlots } from "@/lib/generate/slots";
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
  it("gives an abbreviation credit only when the material keeps using it", () => {
    const kept = ingestMaterial({
      source: "kept.txt",
      content: ["The Canal Equity Index (CEI) ranks the districts of Veldra.", "The CEI fell in 2019.", "The CEI rose again in 2021.", "Veldra's canals irrigate 2 million hectares."].join("\n"),
    });
    const ck = buildCorpus([kept]);
    expect(has(scoreItem(ck, { kind: "acronym", asks: "expansion", answerName: "Canal Equity Index", refs: [ck.refs[0]!], text: "What does CEI stand for?" }), /abbreviation the material keeps using/)).toBe(true);
    expect(has(score(6, { kind: "acronym", asks: "expansion", answerName: "Veldra Farmers Union", text: "What does VFU stand for?" }), /abbreviation/)).toBe(false);
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
  it("marks a blank that names who published a report, not one that acts", () => {
    const source = /source of a report or figure/;
    expect(has(score(4, { asks: "actor", answerName: "WAP", text: "A _____ report from 2021 found that the canals had silted." }), source)).toBe(true);
    expect(has(score(4, { asks: "actor", answerName: "WAP", text: "The canals irrigate 2 million hectares, according to the _____." }), source)).toBe(true);
    expect(has(score(4, { asks: "actor", answerName: "WAP", text: "A study by the _____ found the canals silted." }), source)).toBe(true);
    expect(has(score(4, { asks: "actor", answerName: "WAP", text: "The _____ settles disputes between districts." }), source)).toBe(false);
    // A true/false statement shows no blank: where the answer stands is read from the sentence with its blank.
    expect(has(score(4, { kind: "true_false", asks: "actor", answerName: "WAP", text: "True or false? A WAP report from 2021 found that the canals had silted.", blanked: "A _____ report from 2021 found that the canals had silted." }), source)).toBe(true);
  });
  it("marks a blank that is one example of a kind, or only said to be like something named", () => {
    const example = /one example of a kind/;
    expect(has(score(15, { asks: "place", answerName: "Norway", text: "Donors including _____ lent the state engineers for the canal plan." }), example)).toBe(true);
    expect(has(score(15, { asks: "place", answerName: "Norway", text: "Lenders such as _____ funded the canal plan." }), example)).toBe(true);
    expect(has(score(13, { asks: "place", answerName: "Punjab", text: "Like Haryana, _____ built its own canals in 2008." }), example)).toBe(true);
    expect(has(score(13, { asks: "place", answerName: "Punjab", text: "_____ built its own canals in 2008." }), example)).toBe(false);
    // A figure after "such as" is the figure asked, not an example of a kind.
    expect(has(score(8, { asks: "number", unit: "percent", value: 40, text: "Taxes such as the canal tax were cut by _____ in 2019." }), example)).toBe(false);
  });
  it("marks a blank whose named counterpart in a pair gives it away", () => {
    const pair = /other half of a pair/;
    expect(has(score(2, { asks: "actor", answerName: "State Assembly", text: "A chief minister who is neither a member of the _____ nor the Legislative Council must win a seat." }), pair)).toBe(true);
    expect(has(score(2, { asks: "actor", answerName: "State Assembly", text: "Either the Legislative Council or the _____ may pass the bill first." }), pair)).toBe(true);
    expect(has(score(2, { asks: "actor", answerName: "State Assembly", text: "A chief minister must win a vote of confidence in the _____ within a month." }), pair)).toBe(false);
  });
  it("marks a place blanked as the owner of a name that tells whose it is ('_____'s Ataturk'), not of an institution", () => {
    const owns = /the name the blank owns gives it away/;
    expect(has(score(10, { asks: "place", answerName: "Veldra", text: "_____'s Ravi Dhar served as chief minister for nine consecutive years." }), owns)).toBe(true);
    expect(has(score(6, { asks: "place", answerName: "Veldra", text: "_____'s Veldra Farmers Union opposed the canal tax in 2003." }), owns)).toBe(false);
    expect(has(score(10, { asks: "place", answerName: "Veldra", text: "Ravi Dhar served as chief minister of _____ for nine consecutive years." }), owns)).toBe(false);
  });
  it("gives no abbreviation credit to a party's or a procedural body's initials, however often used", () => {
    const parties = ingestMaterial({
      source: "parties.txt",
      content: [
        "The Veldra People's Party (VPP) won the 2019 election in Veldra.",
        "The VPP cut the canal tax by 40% after the election.",
        "The VPP lost the 2024 election to a farmers' alliance.",
        "The canal tax funds the dams of Veldra.",
      ].join("\n"),
    });
    const c2 = buildCorpus([parties]);
    const q = scoreItem(c2, { kind: "acronym", asks: "expansion", answerName: "Veldra People's Party", refs: [c2.refs[0]!], text: "What does VPP stand for?" });
    expect(has(q, /abbreviation the material keeps using/)).toBe(false);
    expect(has(q, /party's or coalition's name/)).toBe(true);
    // The Water Allocation Panel's initials are used in three sentences, yet a panel is machinery, not a term of the subject.
    expect(has(score(3, { kind: "acronym", asks: "expansion", answerName: "Water Allocation Panel", text: "What does WAP stand for?" }), /abbreviation the material keeps using/)).toBe(false);
  });
  it("never says a true/false statement gives its answer away: it shows its name by design", () => {
    const statement = "True or false? The chief minister leads the council of ministers and advises the governor.";
    expect(has(score(1, { kind: "true_false", asks: "actor", answerName: "Council of Ministers", text: statement }), /already names most of the answer/)).toBe(false);
  });
});

describe("quality-cues.json: subject cue words are data, validated when loaded", () => {
  it("accepts the shipped lists", () => {
    expect(parseQualityCues(qualityCues).exampleMarkers).toContain("including");
  });
  it("refuses an unknown list and an entry a whole-word pattern could never match", () => {
    expect(() => parseQualityCues({ ...qualityCues, extraWords: ["x"] })).toThrow();
    expect(() => parseQualityCues({ ...qualityCues, reportNouns: ["report,"] })).toThrow();
    expect(() => parseQualityCues({ ...qualityCues, pairedConjunctions: [["neither"]] })).toThrow();
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
  it("asks for one name in at most ITEMS_PER_ANSWER cards", () => {
    const fronts = [
      "The _____ abolished the colonial canal tax after widespread farmer protests across twelve districts.",
      "Engineers hired by the _____ completed the northern hydroelectric dam despite monsoon floods and landslides.",
      "Striking teachers marched outside the headquarters of the _____ demanding pension reform and salary arrears.",
      "During the budget session, the _____ defeated an opposition motion over rising electricity tariffs.",
    ];
    const cards = fronts.map((f, i) => card(`n${i}`, f, "VPP", i * 100, 0.8 - i * 0.01));
    const kept = screenItems(cards, []).cards;
    expect(kept.map((c) => c.id)).toEqual(["n0", "n1"]);
  });
  it("asks a fact once across cards and questions told by two sentences, but allows a card and a question on one", () => {
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
    expect(screenItems([strike], [sameSentence]).questions.map((q) => q.id)).toEqual(["q2"]);
    // A true/false answers "true" or "false": the one year of its sentence is the fact it tests.
    const tf = question("tf", "True or false? The strike by Veldra's canal workers for higher wages began in 1944.", "false", 500, "The strike by Veldra's canal workers for higher wages began in 1942.", "true_false");
    expect(screenItems([strike], [tf]).questions.map((q) => q.id)).toEqual([]);
    const otherYear = question("tf2", "True or false? Norway lent Veldra engineers in 2015.", "true", 900, "Norway lent Veldra engineers in 2015.", "true_false");
    expect(screenItems([strike], [otherYear]).questions.map((q) => q.id)).toEqual(["tf2"]);
  });
  it("asks for a year in one card only, keeping the best", () => {
    const kept = screenItems(
      [card("x", "The canal opened in _____ after a decade of protests.", "2019", 0, 0.7), card("y", "Ravi Dhar lost the election of _____ to the opposition alliance.", "2019", 100, 0.8)],
      [],
    ).cards;
    expect(kept.map((c) => c.id)).toEqual(["y"]);
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
