import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { scoreItem } from "@/lib/generate/quality";
import { generateStudySet } from "@/lib/generate/study-set";
import { isPerUnitFigureList, isQuarterFigure, isUndatedRunningCount, privatePersons, worthlessReason } from "@/lib/generate/worth";
import type { ProcessedMaterial } from "@/lib/material/schemas";
import type { Card, Question } from "@/lib/generate/schemas";
import { sentenceStarting } from "./helpers";

// Written for these tests; not copied from any source. A dated news story on floods: a minister, a quoted villager and
// his daughter, a running count with no date, one with a date, and a list of per-district figures.
const FLOOD = [
  "Guwahati, 14 August 2026",
  "",
  "Floods in lower Veldra leave thousands in relief camps; state seeks central aid",
  "",
  "The Sarju crossed the danger mark at Dhubri on Monday for the third time this monsoon, and the Veldra State Disaster Management Authority said the water had entered more than 900 villages in six districts. Dhubri recorded about 1.2 lakh displaced people; Barpeta about 90,000; and Morigaon roughly 45,000.",
  "",
  "Relief kits have been handed to 3.4 lakh families so far. The Revenue Minister of Veldra, Jogen Bora, said the state would ask the Centre for ₹2,400 crore from the National Disaster Response Fund. \"We have asked for help before the water recedes, not after,\" Bora said.",
  "",
  "Ramesh Oraon, a farmer from Barpeta district, lost his paddy crop for the second year running in 2026. \"The water came at night and stayed for nine days,\" he said. His daughter Mina, who is 14, has not been to school since July.",
  "",
  "The National Disaster Response Fund was set up under the Disaster Management Act, 2005, and is financed by the Union government. As of 31 March 2026, 4.2 crore houses had been completed under the rural housing scheme across the country.",
].join("\n");

// A vaccination drive: running counts with and without the date they stood at.
const VACCINATION = [
  "The Ostra Measles Drive was launched in 2023 to vaccinate every child under five in the state.",
  "So far, 2.3 crore children have been vaccinated under the drive.",
  "Till 30 June 2026, 2.1 crore children had received both doses.",
  "By 2025, the drive had reached 1.4 crore children in tribal districts.",
  "The state health department currently runs 4,800 vaccination posts.",
  "At present, 1.9 crore children have been vaccinated against rubella.",
  "The drive has to date cost ₹640 crore, according to the department.",
  "Vaccination cover for the second dose rose to 91 per cent in 2025.",
].join("\n");

// A history: people introduced by age or origin, and heirs named as relatives, none of them quoted as a case.
const HISTORY = [
  "Raja Veer Singh, from the hill fort of Kesri, ruled the kingdom of Ostra from 1602 to 1641.",
  "His son Amar Singh succeeded him in 1641 and moved the capital to Palam.",
  "Bhagwan Das, 18, a student from Palam, was hanged by the British in 1908 for the bombing of a magistrate's carriage.",
  "The rebels of 1908 were tried at Palam; Bhagwan Das became a symbol of the national movement.",
].join("\n");

const materialOf = (text: string, source = "news.txt") => ingestMaterial({ source, content: text });

/** A cloze card on a sentence of `pm` that starts with `start`: `answer` blanked, the sentence its evidence. */
function clozeOn(pm: ProcessedMaterial, start: string, answer: string): Card {
  const s = sentenceStarting(pm, start);
  return { id: "c", kind: "cloze", front: s.text.replace(answer, "_____"), back: answer, evidence: [{ materialId: pm.material.id, start: s.start, end: s.end, quote: s.text }], quality: { score: 0.8, reasons: [] } };
}

describe("private individuals: a person quoted as a case is never an answer, nor their sentence an item", () => {
  const pm = materialOf(FLOOD);
  const corpus = buildCorpus([pm]);
  const names = privatePersons(pm).map((e) => e.name);

  it("finds the quoted villager and his daughter, never the minister", () => {
    expect(names).toContain("Ramesh Oraon");
    expect(names).toContain("Mina");
    expect(names).not.toContain("Jogen Bora");
  });
  it("finds no private individual in a history, whose people are narrated, not quoted", () => {
    expect(privatePersons(materialOf(HISTORY, "history.txt"))).toEqual([]);
  });
  it("drops an item that asks for the villager or about his sentence, keeps the minister's", () => {
    const worthless = worthlessReason(corpus);
    expect(worthless(clozeOn(pm, "Ramesh Oraon", "Ramesh Oraon"))).toMatch(/private individual/);
    expect(worthless(clozeOn(pm, "Ramesh Oraon", "2026"))).toMatch(/private individual/);
    expect(worthless(clozeOn(pm, "The Revenue Minister", "₹2,400 crore"))).toBeNull();
    expect(worthless(clozeOn(pm, "The Revenue Minister", "Jogen Bora"))).toBeNull();
  });
  it("keeps an abbreviation spelt out in a quoted case's sentence: its own fact, not the person's", () => {
    const expert = materialOf([
      "Kesri, 3 May 2026",
      "",
      "Canal tax returns to the assembly",
      "",
      "The Kesri canal was opened in 1961 to water the dry western districts of the state.",
    "\"The canal will not pay for itself,\" said Anil Varma, a trader who sells seed to the Centre for Water Studies (CWS) in Palam.",
      "The Centre for Water Studies has tracked canal finances since 1998.",
    ].join("\n"), "expert.txt");
    expect(privatePersons(expert).map((e) => e.name)).toContain("Anil Varma");
    const s = sentenceStarting(expert, "\"The canal");
    const acronym: Card = { id: "a", kind: "acronym", front: "What does CWS stand for?", back: "Centre for Water Studies", evidence: [{ materialId: expert.material.id, start: s.start + s.text.indexOf("Centre"), end: s.start + s.text.indexOf("(CWS)") + 5, quote: "Centre for Water Studies (CWS)" }], quality: { score: 0.5, reasons: [] } };
    expect(worthlessReason(buildCorpus([expert]))(acronym)).toBeNull();
  });
  it("leaves no item in the study set on the villager", () => {
    const set = generateStudySet([pm], { isWrittenGenerationOff: true });
    const items = [...set.cards.map((c) => `${c.front} ${c.back} ${c.evidence.map((e) => e.quote).join(" ")}`), ...set.questions.map((q) => `${q.prompt} ${q.answer ?? ""} ${(q.options ?? []).map((o) => o.text).join(" ")} ${q.evidence.map((e) => e.quote).join(" ")}`)];
    expect(items.filter((t) => /Oraon|Mina\b/.test(t))).toEqual([]);
  });
});

describe("undated running counts: a figure 'so far' with no date is a snapshot, not a fact", () => {
  const pm = materialOf(VACCINATION, "vaccination.txt");
  const corpus = buildCorpus([pm]);
  const running = (start: string) => isUndatedRunningCount(pm, sentenceStarting(pm, start));

  it("tells an undated count from one that says when it stood", () => {
    expect(running("So far")).toBe(true);
    expect(running("At present, 1.9 crore children")).toBe(true);
    expect(running("The drive has to date")).toBe(true);
    expect(running("Till 30 June 2026")).toBe(false);
    expect(running("By 2025")).toBe(false);
    expect(running("Vaccination cover")).toBe(false);
    expect(running("The Ostra Measles Drive")).toBe(false);
  });
  it("drops a figure item on an undated count, keeps a dated one and the year of a launch", () => {
    const worthless = worthlessReason(corpus);
    expect(worthless(clozeOn(pm, "So far", "2.3 crore"))).toMatch(/running count/);
    expect(worthless(clozeOn(pm, "Till 30 June 2026", "2.1 crore"))).toBeNull();
    expect(worthless(clozeOn(pm, "The Ostra Measles Drive", "2023"))).toBeNull();
    const flood = materialOf(FLOOD);
    const floodWorthless = worthlessReason(buildCorpus([flood]));
    expect(floodWorthless(clozeOn(flood, "Relief kits", "3.4 lakh"))).toMatch(/running count/);
    expect(floodWorthless(clozeOn(flood, "As of 31 March 2026", "4.2 crore"))).toBeNull();
  });
  it("reads no running count where the cue dates something else, in another clause", () => {
    const method = materialOf("The agency currently uses the 1991 to 2020 period, for which the average is 94 centimetres.\nIt is the largest payout reported so far, and it follows a pilot that covered fewer than 5,000 women.", "method.txt");
    expect(method.sentences.some((s) => isUndatedRunningCount(method, s))).toBe(false);
  });
  it("reads no running count in 'so far as practicable' or 'in so far as'", () => {
    const rule = materialOf("Seats shall, so far as practicable, number 30 in each district.\nThe rule applies in so far as 12 members agree.", "rule.txt");
    expect(rule.sentences.some((s) => isUndatedRunningCount(rule, s))).toBe(false);
  });
});

describe("per-unit figure lists: one entry of a list of parallel figures is a table's cell", () => {
  const list = (text: string) => {
    const pm = materialOf(text, "list.txt");
    return isPerUnitFigureList(pm, pm.sentences[0]!);
  };
  it("finds three or more parallel '<name> <figure>' segments, whatever kind the names are tagged", () => {
    expect(list("Dhubri recorded about 1.2 lakh displaced people; Barpeta about 90,000; and Morigaon roughly 45,000.")).toBe(true);
    expect(list("Kesri follows with 139 wells, Palam with 72, Ostra with 58 and Veldra with 30.")).toBe(true);
  });
  it("finds none in a sequence of years, a list of provisions or two entries", () => {
    expect(list("Kesri followed in 2003, Palam in 2004 and Ostra in 2005.")).toBe(false);
    expect(list("Three dynasties ruled in turn: the Kesris (1206-1290), the Palams (1290-1320) and the Ostras (1320-1414).")).toBe(false);
    expect(list("Article 41 deals with the right to work; Article 42 with maternity relief; and Article 43 with a living wage.")).toBe(false);
    expect(list("Kesri reported 2.7 lakh carriers, and Palam 1.9 lakh.")).toBe(false);
  });
  it("drops a figure inside the list, keeps the head of a ranking", () => {
    const pm = materialOf(FLOOD);
    const worthless = worthlessReason(buildCorpus([pm]));
    expect(worthless(clozeOn(pm, "Dhubri recorded", "90,000"))).toMatch(/per-unit figures/);
    expect(worthless(clozeOn(pm, "Dhubri recorded", "1.2 lakh"))).toMatch(/per-unit figures/);
    const ranked = materialOf("Kesri alone accounts for about 42 per cent of the cover, followed by Palam with about 24 per cent, Ostra with 12 per cent and Veldra with 9 per cent.", "ranked.txt");
    expect(worthlessReason(buildCorpus([ranked]))(clozeOn(ranked, "Kesri alone", "42 per cent"))).toBeNull();
    expect(worthlessReason(buildCorpus([ranked]))(clozeOn(ranked, "Kesri alone", "24 per cent"))).toMatch(/per-unit figures/);
  });
});

describe("a single quarter's operational figure scores lower than an annual one", () => {
  it("marks a figure of one quarter", () => {
    const pm = materialOf("About 1.8 lakh patients received the medicine in the July-September quarter of 2026-27.\nAbout 6.5 lakh patients received the medicine in 2025-26.", "quarter.txt");
    const corpus = buildCorpus([pm]);
    const [quarter, annual] = corpus.refsOf(pm);
    const reasons = (ref: typeof quarter) => scoreItem(corpus, { kind: "cloze", asks: "number", unit: "count", value: 180000, refs: [ref!], text: ref!.sentence.text }).reasons;
    expect(reasons(quarter).some((r) => /one quarter's/.test(r))).toBe(true);
    expect(reasons(annual).some((r) => /one quarter's/.test(r))).toBe(false);
  });
});

describe("'currently' and 'at present' make a running count only beside a word of progress", () => {
  // A state's fixed make-up said in the present tense, beside a tally of a drive.
  const pm = materialOf(
    [
      "Veldra currently has 41 districts and 6 divisions.",
      "The Ostra Charter at present recognises 14 official languages.",
      "The Third List currently names 32 subjects for the councils.",
      "At present, 2.6 lakh households have been connected to piped water.",
      "The board has currently issued 9.4 lakh soil cards to farmers.",
      "So far, 48 towns have adopted the rule.",
    ].join("\n"),
    "present.txt",
  );
  const corpus = buildCorpus([pm]);
  const running = (start: string) => isUndatedRunningCount(pm, sentenceStarting(pm, start));

  it("reads a fixed number in the present tense as a fact", () => {
    expect(running("Veldra currently has")).toBe(false);
    expect(running("The Ostra Charter")).toBe(false);
    expect(running("The Third List")).toBe(false);
    expect(worthlessReason(corpus)(clozeOn(pm, "Veldra currently has", "41"))).toBeNull();
  });
  it("reads a tally of connections or cards issued as a running count, and 'so far' as before", () => {
    expect(running("At present, 2.6 lakh")).toBe(true);
    expect(running("The board has currently issued")).toBe(true);
    expect(running("So far, 48 towns")).toBe(true);
    expect(worthlessReason(corpus)(clozeOn(pm, "At present, 2.6 lakh", "2.6 lakh"))).toMatch(/running count/);
  });
});

describe("the people a text is about are never private", () => {
  // A reformer quoted and introduced by origin, who founded something; her husband; a prize-winning expert quoted; a
  // cultivator who brought a leader to a district, named again; and one ordinary quoted trader.
  const pm = materialOf(
    [
      "Reform Movements of Ostra",
      "",
      "The nineteenth century saw schools, journals and societies spread across the towns of Ostra and its hill districts.",
      "Kamla Devi, a teacher from Palam, opened a school for girls in 1851 with her husband Hari Devi. \"Learning frees the mind,\" Kamla Devi wrote in her journal. Hari Devi founded the Ostra Sabha in 1862.",
      "",
      "Veer Nath, an economist at the Kesri Institute, shared the 2019 Ostra Prize for work on famines. \"Famines are made by policy,\" Veer Nath said.",
      "",
      "In 1917 the Sabha took up the cause of the indigo growers at the request of Lal Mohan, an indigo cultivator from Kesri. \"The indigo rule must end,\" Lal Mohan told the Sabha. Lal Mohan brought the Sabha's leaders to Kesri in 1917.",
      "",
      "Gopal Rai, a trader from Tarsa, said the Sabha's schools were far from his village. \"My children walk six miles,\" Gopal Rai said. The Kesri canal was dug in 1911 and the Tarsa canal in 1923.",
    ].join("\n"),
    "reform.txt",
  );
  const names = privatePersons(pm).map((e) => e.name);

  it("spares anyone named with an achievement or public act, and a subject's relative", () => {
    expect(names).not.toContain("Kamla Devi");
    expect(names).not.toContain("Hari Devi");
    expect(names).not.toContain("Veer Nath");
    expect(names).not.toContain("Lal Mohan");
  });
  it("still finds the ordinary trader quoted as a human-interest case", () => {
    expect(names).toContain("Gopal Rai");
  });
  it("keeps the items on the subjects' facts", () => {
    const worthless = worthlessReason(buildCorpus([pm]));
    expect(worthless(clozeOn(pm, "Kamla Devi, a teacher", "1851"))).toBeNull();
    expect(worthless(clozeOn(pm, "Hari Devi founded", "Hari Devi"))).toBeNull();
    expect(worthless(clozeOn(pm, "Veer Nath, an economist", "2019"))).toBeNull();
  });
});

describe("only the case itself goes: its answer, its quotes, its description — and a wrong actor", () => {
  const pm = materialOf(
    [
      "Canals of Veldra",
      "",
      "The Veldra canal was dug between 1902 and 1911 to water the dry uplands of the west.",
      "\"The water saved my shop,\" said Gopal Rai, a trader from Tarsa who sells grain at the canal market. The canal market at Tarsa, where Gopal Rai trades, was opened in 1915 by the Veldra Board.",
      "",
      "Chief Engineer Arun Sethi called the canal the lifeline of the west in 1911.",
    ].join("\n"),
    "canal.txt",
  );
  const corpus = buildCorpus([pm]);
  const worthless = worthlessReason(corpus);

  it("drops the case's answer and description, keeps another fact of a sentence that names him", () => {
    expect(privatePersons(pm).map((e) => e.name)).toContain("Gopal Rai");
    expect(worthless(clozeOn(pm, "\"The water saved", "Tarsa"))).toMatch(/private individual/);
    expect(worthless(clozeOn(pm, "The canal market at Tarsa", "1915"))).toBeNull();
  });
  it("drops a true/false whose statement makes the case the actor of another's act", () => {
    const s = sentenceStarting(pm, "Chief Engineer");
    const tf: Question = { id: "q", kind: "true_false", prompt: "Gopal Rai called the canal the lifeline of the west in 1911.", answer: "false", explanation: s.text, marks: 1, timeLimitSec: 30, evidence: [{ materialId: pm.material.id, start: s.start, end: s.end, quote: s.text }] };
    expect(worthless(tf)).toMatch(/wrong actor/);
    expect(worthless({ ...tf, prompt: "Arun Sethi called the canal the lifeline of the west in 1911.", answer: "true" })).toBeNull();
  });
});

describe("a quarter is a period only when it is a calendar or financial one", () => {
  it("tells a reporting quarter from a fraction or an era", () => {
    expect(isQuarterFigure("Sales rose 4 per cent in the April-June quarter.")).toBe(true);
    expect(isQuarterFigure("Output fell in Q3 as the mines shut.")).toBe(true);
    expect(isQuarterFigure("Exports in the quarter ending September were flat.")).toBe(true);
    expect(isQuarterFigure("Credit grew in the first quarter of 2024-25.")).toBe(true);
    expect(isQuarterFigure("A quarter of households in Kesri have no tap.")).toBe(false);
    expect(isQuarterFigure("Three quarters of the seats went to the alliance.")).toBe(false);
    expect(isQuarterFigure("The movement spread in the first quarter of the twentieth century.")).toBe(false);
  });
});
