import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material";
import { buildCorpus } from "@/lib/generate/corpus";
import { qaCards } from "@/lib/generate/cards";
import { generateObjectiveQuestions } from "@/lib/generate/questions";
import { itemDefect, scoreItem } from "@/lib/generate/quality";
import type { Question } from "@/lib/generate/schemas";
import { actorSubtype, buildPools, collectSlots, pickDistractors } from "@/lib/generate/slots";

// Texts written for these tests (an invented state, Veldra); not copied from any source.
const AUDIT = [
  "The Auditor General of Veldra",
  "",
  "The Auditor General of Veldra audits the accounts of the state and of its public companies.",
  "Article 41 creates the office and deals with its appointment and tenure.",
  "The Article provides that the Auditor General shall not be removed except in like manner as a judge of the High Court.",
  "Article 42 provides that the Auditor General shall perform such duties as the Assembly may prescribe by law.",
  "The Assembly exercised its power under Article 42 by enacting the Audit Act of 1971.",
  "The certificate of the Auditor General is final on the net proceeds of taxes, as laid down in Article 79.",
  "Each year the Auditor General certifies the Finance Accounts and the Appropriation Accounts of the Union and of every province.",
  "The Audit Act of 1971 provided that the salary would be equal to that of a judge of the High Court, a benchmark later revised along with judicial salaries.",
  "The office heads the Veldra Audit and Accounts Department and is the supreme audit institution of the state.",
  "The audit conducted by the Veldra Audit and Accounts Department is classified into three categories.",
  "The Veldra Audit and Accounts Department employs about 40,000 people in 60 field offices.",
  "The High Court of Veldra heard the coal allocation case in 2014 and cancelled most allocations.",
  "The finance minister resigned and was arrested by the Veldra Bureau of Investigation in 2011.",
  "The Veldra Bureau of Investigation filed charges against eleven officials in 2012.",
  "The Government of Veldra Act of 1935 gave the Auditor General a measure of independence.",
  "The Government of Veldra Act of 1935 also created the Federal Court.",
  "The Government of Veldra announced in 2015 that it would publish every audit report online.",
  "The Government of Veldra created the Veldra Revenue Service in 1962.",
  "The Veldra Revenue Service collects the land tax and the sales tax.",
  "The Public Accounts Committee examines the audit reports each year.",
  "The Public Accounts Committee has twenty-two members elected each year.",
].join("\n");

describe("garbled extraction: a blank or a definition cut at the wrong boundary fails closed", () => {
  const pm = ingestMaterial({ source: "audit.txt", content: AUDIT });
  const corpus = buildCorpus([pm]);
  const slots = collectSlots(corpus);

  it("never blanks a numbered designation's word without its number ('The _____ provides…' → Article)", () => {
    expect(slots.some((s) => /^(?:the\s+)?Article$/i.test(s.answer))).toBe(false);
  });

  it("never takes the start of a longer name as a term ('The _____ Act, 1935 created…')", () => {
    const text = [
      "Audit in Veldra",
      "",
      "The Government of Veldra Act, 1935 created a federal court and provincial assemblies.",
      "The Government of Veldra appoints the Auditor General on the advice of the council.",
      "The Government of Veldra announced in 2015 that it would publish every audit report online.",
      "The Government of Veldra created the Veldra Revenue Service in 1962.",
      "The Veldra Revenue Service collects the land tax.",
      "The Veldra Revenue Service employs 9,000 officers.",
      "The federal court heard its first case in 1937.",
      "The provincial assemblies met for the first time in 1937.",
      "The Auditor General reports to the Assembly every year.",
      "The Assembly debates the audit reports in its winter session.",
      "The Assembly has 200 members elected for five years.",
      "The council advises the governor on appointments.",
    ].join("\n");
    const own = ingestMaterial({ source: "gov.txt", content: text });
    const slots = collectSlots(buildCorpus([own]));
    expect(slots.some((s) => s.answer === "Government of Veldra" && /Act, 1935/.test(s.ref.sentence.text))).toBe(false);
  });

  it("never blanks a person's name with a plural title read into it ('Governors Ravi Dhar')", () => {
    const text = [
      "The central bank of Veldra",
      "",
      "The bank's monetary committee has six members and meets every two months.",
      "Ex officio members have included Governors Ravi Dhar (2016-2018) and Mira Sen (2018-2024), with the deputy governors.",
      "Ravi Dhar resigned in December 2018.",
      "Mira Sen cut the policy rate to 4 per cent in 2020.",
    ].join("\n");
    const own = ingestMaterial({ source: "bank.txt", content: text });
    const slots = collectSlots(buildCorpus([own]));
    expect(slots.some((s) => /^Governors\b/.test(s.answer))).toBe(false);
  });

  it("never blanks a name whose 'of' phrase the sentence coordinates with another ('… of the State and of every district')", () => {
    expect(slots.some((s) => /^(?:the\s+)?Appropriation Accounts of the Union$/.test(s.answer))).toBe(false);
  });

  it("makes no 'What is X?' card from a description that follows X as the object of 'of' and is no kind of X", () => {
    const fronts = qaCards([pm], corpus).map((c) => `${c.front} → ${c.back}`);
    expect(fronts.some((f) => /benchmark/i.test(f))).toBe(false);
  });

  it("keeps a description after 'of X' that names a kind of X (a person for a person)", () => {
    const other = ingestMaterial({
      source: "bhabha.txt",
      content: [
        "The atomic programme of Veldra",
        "",
        "With the support of Homi Rao, the founder of the atomic research centre at Trombay, the government built three reactors.",
        "Homi Rao also chaired the atomic energy board until 1966.",
        "Homi Rao died in an air crash in 1966.",
      ].join("\n"),
    });
    const fronts = qaCards([other], buildCorpus([other])).map((c) => c.front);
    expect(fronts).toContain("Who is Homi Rao?");
  });
});

describe("options of one kind: a statute is never offered among bodies", () => {
  const pm = ingestMaterial({ source: "audit.txt", content: AUDIT });
  const corpus = buildCorpus([pm]);
  const slots = collectSlots(corpus);

  it("types a name by its final statute word before any 'of' ('Government of Veldra Act' is a statute, not a government)", () => {
    expect(actorSubtype("Government of Veldra Act")).toBe("statute");
    expect(actorSubtype("Representation of the People Act")).toBe("statute");
    expect(actorSubtype("Council of Ministers")).toBe("council or assembly");
    expect(actorSubtype("Veldra Bureau of Investigation")).toBe("agency or department");
    // A government is no agency among agencies: it is the whole executive.
    expect(actorSubtype("Government of Veldra")).not.toBe(actorSubtype("Veldra Bureau of Investigation"));
    // A research centre or an agency named "…Administration" is no government; nor is a system called "Dual Government".
    expect(actorSubtype("Space Applications Centre")).not.toBe("government");
    expect(actorSubtype("Dual Government")).not.toBe("government");
    expect(actorSubtype("Union Government")).toBe("government");
  });

  it("offers no Act beside the agency that made an arrest", () => {
    const pools = buildPools(corpus, slots);
    const slot = slots.find((s) => s.answer === "Veldra Bureau of Investigation" && /arrested/.test(s.ref.sentence.text));
    expect(slot).toBeDefined();
    const options = pickDistractors(corpus, pools, slot!, 3);
    expect(options.some((o) => /\bAct$/.test(o))).toBe(false);
    expect(options.some((o) => /^Government of Veldra$/.test(o))).toBe(false);
  });
});

describe("a key another of the material's names also fits is not asked", () => {
  it("never blanks the government as actor, nor one party of a case's name", () => {
    const pm = ingestMaterial({ source: "audit.txt", content: AUDIT + "\nIn Veldra Farmers Union v. Union of Veldra the High Court declined to quash the appointment of the Auditor General in 2013." });
    const slots = collectSlots(buildCorpus([pm]));
    // Where the sentence has another blank ("announced in _____"), the government is not asked; where it has none ("The
    // Government of Veldra appoints…" below), it stays, scored low.
    expect(slots.some((s) => s.answer === "Government of Veldra" && /announced/.test(s.ref.sentence.text))).toBe(false);
    expect(slots.some((s) => s.answer === "Union of Veldra")).toBe(false);
    // The other party names the case, and is asked.
    expect(slots.some((s) => s.answer === "Veldra Farmers Union")).toBe(true);
    // The statute whose name opens on "Government of" is still asked, and the sentence's year still is.
    expect(slots.some((s) => s.answer === "Government of Veldra Act")).toBe(true);
    expect(slots.some((s) => s.answer === "2015" && /announced/.test(s.ref.sentence.text))).toBe(true);
  });

  it("no blank on a body in an agent frame ('conducted by the _____') when the material says another heads it", () => {
    const pm = ingestMaterial({ source: "audit.txt", content: AUDIT });
    const slots = collectSlots(buildCorpus([pm]));
    expect(slots.some((s) => s.answer === "Veldra Audit and Accounts Department" && /conducted by/.test(s.ref.sentence.text))).toBe(false);
    // Outside an agent frame the body is its own answer.
    expect(slots.some((s) => s.answer === "Veldra Audit and Accounts Department" && /employs/.test(s.ref.sentence.text))).toBe(true);
  });

  it("no blank on one of two places the material contrasts ('X …, while Y …') unless the statement names the other", () => {
    const pm = ingestMaterial({
      source: "cables.txt",
      content: [
        "Undersea cables and Veldra",
        "",
        "Most international cables reach Veldra at a handful of landing stations on its two coasts.",
        "The largest cluster of landing stations is in Portan, and the second major hub is in Belmar.",
        "Traffic landing in Portan tends to flow westward, towards the Gulf and Europe, while Belmar serves routes to Singapore and East Asia.",
        "When the western route is disrupted, operators send some traffic eastward via Belmar and across the Pacific.",
        "Veldra opened its first landing station in 1998.",
      ].join("\n"),
    });
    const slots = collectSlots(buildCorpus([pm]));
    expect(slots.some((s) => s.answer === "Belmar" && /eastward via/.test(s.ref.sentence.text))).toBe(false);
    // The contrast itself names both: either may be asked there.
    expect(slots.some((s) => s.answer === "Portan" && /while Belmar/.test(s.ref.sentence.text))).toBe(true);
  });
});

describe("trivial blanks score low", () => {
  const pm = ingestMaterial({ source: "audit.txt", content: AUDIT });
  const corpus = buildCorpus([pm]);
  const refOf = (start: string) => corpus.refsOf(pm).find((r) => r.sentence.text.startsWith(start))!;
  const has = (q: { reasons: string[] }, re: RegExp) => q.reasons.some((r) => re.test(r));

  it("marks a blank that hides the government as the actor, not a named body", () => {
    const ref = refOf("The Government of Veldra announced");
    const q = scoreItem(corpus, { kind: "cloze", asks: "actor", answerName: "Government of Veldra", refs: [ref], text: "The _____ announced in 2015 that it would publish every audit report online." });
    expect(has(q, /obvious actor/)).toBe(true);
    const named = scoreItem(corpus, { kind: "cloze", asks: "actor", answerName: "Veldra Bureau of Investigation", refs: [refOf("The Veldra Bureau of Investigation filed")], text: "The _____ filed charges against eleven officials in 2012." });
    expect(has(named, /obvious actor/)).toBe(false);
    // A statute that opens on "Government of" is a law to learn, not the government.
    const law = scoreItem(corpus, { kind: "cloze", asks: "actor", answerName: "Government of Veldra Act", refs: [refOf("The Government of Veldra Act of 1935 gave")], text: "The _____ of 1935 gave the Auditor General a measure of independence." });
    expect(has(law, /obvious actor/)).toBe(false);
  });

  it("marks a year that dates only an aside ('…, held in Delhi in October _____, was presented…')", () => {
    const games = ingestMaterial({ source: "games.txt", content: ["Audits of Veldra", "", "The audit of the Veldra Games, held in Portan in October 2010, was presented to the Assembly in 2011.", "The Veldra Games cost four times the budget."].join("\n") });
    const c = buildCorpus([games]);
    const ref = c.refsOf(games)[0]!;
    const aside = scoreItem(c, { kind: "cloze", asks: "year", refs: [ref], text: "The audit of the Veldra Games, held in Portan in October _____, was presented to the Assembly in 2011." });
    expect(has(aside, /aside/)).toBe(true);
    const main = scoreItem(c, { kind: "cloze", asks: "year", refs: [ref], text: "The audit of the Veldra Games, held in Portan in October 2010, was presented to the Assembly in _____." });
    expect(has(main, /aside/)).toBe(false);
    // An aside that dates a milestone ("which India ratified in _____", "who had become emperor in _____") is asked as any year.
    for (const text of ["The Ostra Convention, which Veldra ratified in _____, bans mercury in dams.", "Aran Dev, who had become king in _____, moved the capital to Portan."]) {
      expect(has(scoreItem(c, { kind: "cloze", asks: "year", refs: [ref], text }), /aside/), text).toBe(false);
    }
  });

  it("marks 'Who is X?' when the role names only what the material mentions nowhere else", () => {
    const text = [
      "The Ostra Waters Treaty",
      "",
      "The Ostra Waters Treaty divides the rivers of the Ostra basin between Veldra and Dorra.",
      "In 1951 Mark Dale, the former head of the Tennessee Valley Authority in the United States, visited the basin and proposed joint development.",
      "The World Bank brokered the Ostra Waters Treaty over nine years of talks.",
      "The World Bank appoints a neutral expert when the two sides disagree on a dam.",
      "Eugene Stone, the president of the World Bank, signed the Ostra Waters Treaty as a witness in 1960.",
      "The Ostra Waters Treaty gave Veldra the eastern rivers and Dorra the western rivers.",
    ].join("\n");
    const ostra = ingestMaterial({ source: "ostra.txt", content: text });
    const c = buildCorpus([ostra]);
    const cards = qaCards([ostra], c);
    const dale = cards.find((card) => card.front === "Who is Mark Dale?");
    const stone = cards.find((card) => card.front === "Who is Eugene Stone?");
    expect(dale && has(dale.quality!, /unlinked/)).toBe(true);
    expect(stone && has(stone.quality!, /unlinked/)).toBe(false);
  });
});

describe("hedged or attributed opinion makes no true/false statement", () => {
  const item = (quote: string, prompt = `True or false? ${quote}`): Question => ({
    id: "q",
    kind: "true_false",
    prompt,
    answer: "false",
    explanation: "",
    marks: 1,
    timeLimitSec: 30,
    evidence: [{ materialId: "m", start: 0, end: quote.length, quote }],
  });
  it("refuses a true/false item on what an unnamed group thinks, says or fears", () => {
    for (const quote of [
      "Some analysts worry that Dorra could cite the Kell dam in future to justify its own dams on the Ostra.",
      "Experts say the Belmar dam has cut the flow of the Ostra by 30 per cent.",
      "Many observers expect the Ostra accord to outlast the Kell dam.",
      "The Kell dam, according to some critics, was built without a survey in 2009.",
      "The Sarn canal, it is widely feared, will dry up by 2030.",
    ]) expect(itemDefect(item(quote)), quote).toMatch(/unnamed group/);
  });
  it("keeps statements of fact, and a view a named body holds", () => {
    for (const quote of [
      "Veldra built the Belmar dam on the Ostra in 2011.",
      "The World Bank says Veldra and Dorra meet every year.",
      "Analysts at the Veldra Institute published the flow data in 2012.",
    ]) expect(itemDefect(item(quote)), quote).toBeNull();
  });
  it("still asks a hedged sentence's value as a choice or a cloze, never as true/false", () => {
    const text = [
      "The Ostra dams",
      "",
      "Some analysts worry that the Kell dam, finished in 2009, could be cited by Portan in future to justify its own dams on the Ostra.",
      "Experts say that the Belmar dam has cut the flow of the Ostra by 30 per cent in the dry season.",
      "Dorra built the Kell dam on the Ostra in 2009, and Portan built the Sarn dam in 2012.",
      "Veldra built the Belmar dam on the Ostra in 2011.",
      "Veldra and Dorra signed the Ostra accord in 1960.",
      "Portan and Veldra signed the Sarn accord in 1972.",
    ].join("\n");
    const pm = ingestMaterial({ source: "ostra.txt", content: text });
    const corpus = buildCorpus([pm]);
    const questions = generateObjectiveQuestions(corpus, collectSlots(corpus));
    const hedged = questions.filter((q) => /analysts worry|Experts say/.test(q.prompt));
    expect(hedged.length).toBeGreaterThan(0);
    expect(hedged.some((q) => q.kind === "true_false" || /^Consider the following statements/.test(q.prompt))).toBe(false);
  });
});
