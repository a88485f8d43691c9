import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { buildCorpus } from "@/lib/generate/corpus";
import { scoreItem } from "@/lib/generate/quality";
import { isRangeEnd } from "@/lib/generate/slots";
import { inContext } from "@/lib/generate/context";

// Written for this test; not copied from any source. Faults blind examiners found on texts the project had never seen
// (seed 5270), told here in other subjects.

describe("isRangeEnd: one end of a range is half a fact", () => {
  it.each([
    ["could cost between ", " and 4.5 per cent of output by 2030."],
    ["could cost between 2.5 and ", " per cent of output by 2030."],
    ["a band from 2 to ", " per cent around the target."],
    ["inflation of ", " to 6 per cent is tolerated."],
    ["between $", " and $9 million a year."],
  ])("reads %j … %j as a range end", (before, after) => {
    expect(isRangeEnd(before, after)).toBe(true);
  });
  it.each([
    ["the tax was cut by ", " per cent in 2019."],
    ["the rate rose from 4 per cent in 2020 and stood at ", " per cent in 2022."],
    ["between the two wars, ", " soldiers were demobilised."],
    ["the plan ran from 1995 to ", "."],
  ])("does not read %j … %j as one", (before, after) => {
    expect(isRangeEnd(before, after)).toBe(false);
  });
});

describe("a figure from a report, survey or estimate scores as one the next report replaces", () => {
  const text = [
    "Heat and work in Veldra",
    "",
    "A 2023 assessment by the Veldra Policy Centre reviewed 37 heat plans across 18 districts.",
    "The state labour office estimated that heat cost farm workers 12 per cent of their working hours in 2022.",
    "The Veldra Heat Code of 2015 caps outdoor work at 6 hours a day in summer.",
    "The Koravi dam stores 4.2 billion cubic metres of water.",
  ].join("\n");
  const pm = ingestMaterial({ source: "heat.txt", content: text });
  const corpus = buildCorpus([pm]);
  const score = (i: number, blanked: string) => scoreItem(corpus, { kind: "cloze", asks: "number", refs: [corpus.refsOf(pm)[i]!], text: blanked });
  const flagged = (q: { reasons: string[] }) => q.reasons.some((r) => /report, survey or estimate/.test(r));

  it("marks a count a report made and a share an office estimated", () => {
    expect(flagged(score(0, "A 2023 assessment by the Veldra Policy Centre reviewed _____ heat plans across 18 districts."))).toBe(true);
    expect(flagged(score(1, "The state labour office estimated that heat cost farm workers _____ of their working hours in 2022."))).toBe(true);
  });
  it("leaves a figure a law sets or a thing measures as it is", () => {
    expect(flagged(score(2, "The Veldra Heat Code of 2015 caps outdoor work at _____ a day in summer."))).toBe(false);
    expect(flagged(score(3, "The Koravi dam stores _____ of water."))).toBe(false);
  });
});

describe("one figure is asked in at most two cards and two questions, as one name is", () => {
  const text = [
    "Inflation targeting in Veldra",
    "",
    "The Veldra Monetary Act of 2016 set an inflation target of 4 per cent for the central bank.",
    "The central bank must explain to the assembly why inflation stayed above 4 per cent for three quarters.",
    "In 2021 the assembly kept the target of 4 per cent for five more years.",
    "The bank's rate committee has met in Karnal since 2017 to review the target of 4 per cent.",
    "Critics of the bank argued in 2019 that a target of 4 per cent was too low for a growing economy.",
    "Food makes up 46 per cent of the price index that the central bank watches.",
  ].join("\n");
  const set = generateStudySet([ingestMaterial({ source: "target.txt", content: text })]);
  const answers = [...set.cards.map((c) => c.back), ...set.questions.flatMap((q) => [q.answer ?? "", ...(q.options ?? []).filter((o) => o.correct).map((o) => o.text)])];
  it("asks '4 per cent' no more than twice per family", () => {
    const cards = set.cards.filter((c) => /^4 per cent$/.test(c.back)).length;
    const questions = set.questions.filter((q) => q.answer === "4" || (q.options ?? []).some((o) => o.correct && /^4 per cent$/.test(o.text))).length;
    expect(cards).toBeLessThanOrEqual(2);
    expect(questions).toBeLessThanOrEqual(2);
    expect(answers.some((a) => /4 per cent|^4$/.test(a))).toBe(true);
  });
});

describe("inContext: a bare 'the <noun>' that stands for what the sentence before named more narrowly", () => {
  const text = [
    "Shipping in the Koravi Strait",
    "",
    "Attacks on merchant ships set off the Koravi Strait crisis in 2023. Freight rates doubled within a month as the crisis deepened.",
    "Chilwa Lake is the largest brackish water lagoon of Veldra. Fishermen say the lake has lost a third of its catch since 2010.",
    "The law requires every ship to carry a pilot in the strait. Courts have upheld the law in several cases since 1990.",
  ].join("\n");
  const pm = ingestMaterial({ source: "strait.txt", content: text });
  const at = (start: string) => pm.sentences.find((s) => s.text.startsWith(start))!;
  it("refuses 'as the crisis deepened' after 'the Koravi Strait crisis', and 'the lake' after 'Chilwa Lake'", () => {
    expect(inContext(at("Freight rates").text, pm, at("Freight rates"))).toBeNull();
    expect(inContext(at("Fishermen say").text, pm, at("Fishermen say"))).toBeNull();
  });
  it("keeps 'the law' after 'The law requires…': the sentence before named it no more narrowly", () => {
    expect(inContext(at("Courts have upheld").text, pm, at("Courts have upheld"))).not.toBeNull();
  });
});
