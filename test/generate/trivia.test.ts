import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { scoreItem } from "@/lib/generate/quality";
import { generateStudySet } from "@/lib/generate/study-set";
import { isPerUnitFigureList, isUndatedRunningCount, privatePersons, worthlessReason } from "@/lib/generate/worth";
import type { ProcessedMaterial } from "@/lib/material/schemas";
import type { Card } from "@/lib/generate/schemas";
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
  it("keeps an abbreviation spelt out in a quoted expert's sentence: its own fact, not the expert's", () => {
    const expert = materialOf([
      "Kesri, 3 May 2026",
      "",
      "Canal tax returns to the assembly",
      "",
      "\"The canal will not pay for itself,\" said Anil Varma, an economist at the Centre for Water Studies (CWS) in Palam.",
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
    expect(running("The state health department currently")).toBe(true);
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
