import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { dedupeCards, timelineCards } from "@/lib/generate/cards";
import { buildCorpus } from "@/lib/generate/corpus";
import { collectSlots, buildPools, pickDistractors } from "@/lib/generate/slots";
import { isEvidenceExact, type Card } from "@/lib/generate/schemas";

// Written for these tests in the style of a news explainer; not copied from any source.
const ARTICLE = [
  "Why the Kora dam divides the valley",
  "The Kora dam displaced 4,000 families in 2019, according to the River Authority.",
  "The Valley Farmers Union (VFU) was founded in 2008 by cotton growers from the lower basin.",
  "Officials later said the reservoir would irrigate 52,000 hectares by 2030.",
  "A 2021 survey found that 38% of displaced households had no title to their land.",
  "\"The compensation never reached the families who needed it most,\" said Meera Rao, a lawyer at the Basin Rights Centre.",
  "In March 2022, the upstream province cut water releases by 15 per cent during a drought.",
  "The downstream province responded by suspending its share of the dam's maintenance budget of $12 million.",
  "Teachers in Lorin reported that 300 pupils had left school since the resettlement.",
  "The Basin Rights Centre has filed 14 petitions on behalf of the families.",
].join("\n");

describe("generateStudySet on a small article", () => {
  const pm = ingestMaterial({ source: "kora.txt", filename: "kora.txt", content: ARTICLE });
  const set = generateStudySet([pm]);
  const byId = new Map([[pm.material.id, pm.material]]);

  it("backs every item with an exact quote of the cleaned text", () => {
    const spans = [...set.cards.flatMap((c) => c.evidence), ...set.questions.flatMap((q) => q.evidence)];
    expect(spans.length).toBeGreaterThan(5);
    for (const span of spans) expect(isEvidenceExact(span, byId)).toBe(true);
  });

  it("makes cloze cards that delete the figure, year or name, with the answer out of sight", () => {
    const cloze = set.cards.filter((c) => c.kind === "cloze");
    expect(cloze.length).toBeGreaterThanOrEqual(2);
    for (const c of cloze) expect(c.front.replace("_____", "").includes(c.back)).toBe(false);
    // The figure is asked, by a cloze card or — one item per sentence — by the timed question on its sentence.
    const asked = [...cloze.map((c) => c.back), ...set.questions.flatMap((q) => [q.answer ?? "", ...(q.options ?? []).filter((o) => o.correct).map((o) => o.text)])];
    expect(asked.some((a) => /^4,?000$/.test(a))).toBe(true);
  });

  it("makes an acronym card and a timeline card, and no who-said card for a lawyer's complaint (not an office-holder's policy)", () => {
    expect(set.cards).toContainEqual(expect.objectContaining({ kind: "acronym", front: "What does VFU stand for?", back: "Valley Farmers Union" }));
    expect(set.cards.filter((c) => c.kind === "who_said")).toEqual([]);
    // The year is asked, never the month ("In March 2022, …" → 2022). (The screened set keeps two
    // items per sentence, so the timeline card is checked where it is made.)
    const corpus = buildCorpus([pm]);
    expect(timelineCards(corpus.materials, corpus).some((c) => c.back === "2022")).toBe(true);
    expect(set.cards.some((c) => /March/.test(c.back))).toBe(false);
  });

  it("asks 'When?' only of a point in time and an event: 'since 2016', 'by 2030' keep their preposition; 'prior to 2020' or a state that held for years makes no timeline card", () => {
    // Written for this test; not copied from any source. History, economy and environment.
    const text = [
      "Prior to 2020, the rebel movement was weakened by a long army campaign in the northern hills.",
      "Since 2016, the central bank has set a formal inflation target for the whole economy.",
      "By 2030, the state government plans to restore a million hectares of degraded forest land.",
      "In 1974, the coastal state created its first marine reserve around the coral islands.",
      "In 1931, Ravi Dhar was the leader of the largest farmers' union in the province.",
      "In 1952, Ravi Dhar was the first chief minister elected by the new assembly.",
      "In 1972, the port city of Ostra was the venue of the first regional conference on the sea.",
      "In 2023, Veldra was the fourth country to land a rover softly on the Moon.",
      "Until 1950, the colonial act served as the working constitution of the dominion of Veldra.",
    ].join("\n");
    const corpus = buildCorpus([ingestMaterial({ source: "ranges.txt", content: text })]);
    const backs = timelineCards(corpus.materials, corpus).map((c) => c.back);
    expect(backs).toContain("Since 2016");
    expect(backs).toContain("1974");
    // "Prior to 2020" pins no time; "By 2030" (a target) and "Until 1950" (an end) do, with their preposition.
    expect(backs.some((b) => /2020/.test(b))).toBe(false);
    expect(backs).toContain("By 2030");
    // A state that held for years ("was the leader of …") has no one answer to "When?"; "was the first …", "the fourth
    // country to …", "the venue of …" are events.
    expect(backs).not.toContain("1931");
    expect(backs).toContain("1952");
    expect(backs).toContain("1972");
    expect(backs).toContain("2023");
  });

  it("makes no 'When?' card whose cut leaves a preposition without its object or a clause without its date", () => {
    // Written for this test; not copied from any source. Space and agriculture.
    const text = [
      "Two uncrewed test flights of the Veldran capsule are to precede the first crewed flight, now targeted for 2029.",
      "Fertiliser output grew through state plants and cooperatives such as the Veldra Farmers Cooperative, established in 1967.",
      "The Veldran capsule made its first uncrewed test flight from Marrow Island in 2026.",
      "Fertiliser output grew further through cooperatives such as the Keld Fertiliser Cooperative, set up by the government in 1980.",
      "The Marrow Conference, convened by the governor at the hill lodge, failed in 1945.",
    ].join("\n");
    const corpus = buildCorpus([ingestMaterial({ source: "capsule.txt", content: text })]);
    const cards = timelineCards(corpus.materials, corpus);
    // "…, failed in 1945" dates the sentence's own verb after an aside, and stays.
    expect(cards.map((c) => c.back)).toEqual(["2026", "1945"]);
  });
  it("gives timed questions a time limit and an explanation that cites the source", () => {
    const timed = set.questions.filter((q) => q.kind !== "written");
    expect(timed.length).toBeGreaterThanOrEqual(3);
    for (const q of timed) {
      expect(q.timeLimitSec).toBeGreaterThan(0);
      expect(q.explanation).toContain("Source (");
    }
  });

  it("is deterministic", () => {
    expect(generateStudySet([ingestMaterial({ source: "kora.txt", filename: "kora.txt", content: ARTICLE })])).toEqual(set);
  });
});

describe("pickDistractors", () => {
  it("never offers a figure the material states for the same slot", () => {
    const pm = ingestMaterial({
      source: "d.txt",
      content: [
        "The Kora dam displaced 4,000 families from the valley in 2019, officials said.",
        "A later census found the Kora dam had displaced 5,000 families from the valley.",
        "The new school in Lorin has 300 pupils.",
        "The canal network covers 52,000 hectares.",
        "Some 900 wells were dug by farmers.",
        "The province employs 7,000 teachers.",
      ].join("\n"),
    });
    const corpus = buildCorpus([pm]);
    const slots = collectSlots(corpus);
    const slot = slots.find((s) => s.answer === "4,000")!;
    expect(slot).toBeDefined();
    const distractors = pickDistractors(corpus, buildPools(corpus, slots), slot, 3);
    expect(distractors).toHaveLength(3);
    expect(distractors).not.toContain("5,000");
  });
});

describe("dedupeCards", () => {
  const card = (id: string, front: string, back: string): Card => ({ id, kind: "cloze", front, back, evidence: [{ materialId: "m", start: 0, end: 1, quote: "x" }] });
  it("keeps one of two cards that ask the same fact in nearly the same words", () => {
    const cards = dedupeCards([
      card("a", "Pakistan carried out air strikes on _____'s major cities, escalating months of border clashes.", "Afghanistan"),
      card("b", "Pakistan carried out air strikes on _____'s major cities overnight, officials said on Friday, escalating months of border clashes.", "Afghanistan"),
    ]);
    expect(cards.map((c) => c.id)).toEqual(["a"]);
  });
  it("keeps cards with the same answer to different questions", () => {
    expect(dedupeCards([card("a", "The dam was finished in _____.", "2019"), card("b", "The census was taken in _____.", "2019")])).toHaveLength(2);
  });
});
