import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { isInExamplesList } from "@/lib/generate/text";
import { collectSlots } from "@/lib/generate/slots";
import { buildCorpus } from "@/lib/generate/corpus";

// Written for this test; not copied from any source.
describe("isInExamplesList: a name inside a list of examples, which names some members, never all", () => {
  it.each([
    "Regional states including Iran, Tajikistan and ",
    "Observers including the ",
    "Several reformers, such as Raja Rammohan Roy and ",
    "Crops such as Wheat, Rice, or ",
    "Port cities, notably ",
    "Neighbours, for example Nepal, ",
    "Neighbours, e.g. Nepal and ",
  ])("reads %j as a list of examples", (before) => {
    expect(isInExamplesList(before)).toBe(true);
  });
  it.each([
    "The treaty was signed by ",
    "Several states, such as Iran, which later joined ",
    "Reforms including land ceilings were pushed through by ",
    "Including the tax, the bill cost more than the budget allowed, said ",
    "Such as it was, the plan passed in ",
  ])("does not read %j as one", (before) => {
    expect(isInExamplesList(before)).toBe(false);
  });
});

describe("a name in a list of examples makes no choice or true/false item", () => {
  const text = [
    "The Koravi Water Compact and its neighbours",
    "",
    "The Koravi Water Compact was signed in 1962 by India and Nepal to share the waters of the Koravi river.",
    "Downstream states including Bangladesh, Bhutan and Myanmar have complained that the Compact ignores their fisheries.",
    "Donors such as Norway and Germany have funded the Compact's flood warning system for two decades.",
    "Nepal built the Karnal barrage on the Koravi river in 1975 with a loan from Japan.",
    "India built the Sonepur canal in 1981 to irrigate its eastern districts.",
    "Japan hosted the signing of the second protocol of the Compact in 1988.",
    "The Compact's secretariat moved from Kathmandu to Dhaka in 1999.",
    "Bangladesh joined the Compact as an observer in 2008 after a long drought.",
    "Norway trained the Compact's hydrologists in 2012.",
    "The Compact was criticised by Sheikh Hasina and Pushpa Kamal Dahal in 2015 for its slow flood warnings.",
    "Regional leaders such as Sheikh Hasina and Jigme Thinley have asked for a river basin authority.",
  ].join("\n");
  const set = generateStudySet([ingestMaterial({ source: "koravi.txt", content: text })]);
  const listed = /Downstream states including|Donors such as|Regional leaders such as/;

  it("asks no single-choice, true/false or prelims statement from the listed names", () => {
    const offending = set.questions.filter((q) => q.kind !== "numeric" && q.kind !== "written" && listed.test(q.prompt));
    expect(offending.map((q) => q.prompt)).toEqual([]);
  });
  it("makes no cloze that blanks a listed name: several names fit, so recall has no one answer", () => {
    const blanksInLists = set.cards.filter((c) => c.kind === "cloze" && /(?:including|such as)(?: [A-Z][\w ]*(?:,| and))* _____/.test(c.front));
    expect(blanksInLists.map((c) => c.front)).toEqual([]);
  });
  it("makes no cloze of '_____ and other …': the list is open (a held-out text a blind examiner reviewed)", () => {
    const content = readFileSync(path.resolve(__dirname, "held-out-texts/mangrove-ecosystems.txt"), "utf8");
    const set = generateStudySet([ingestMaterial({ source: "mangrove-ecosystems.txt", content })]);
    expect(set.cards.filter((c) => c.kind === "cloze" && /_____ and other\b/.test(c.front)).map((c) => c.front)).toEqual([]);
  });
  it("still makes choice and true/false items from the other sentences", () => {
    expect(set.questions.some((q) => q.kind === "single_choice" || q.kind === "true_false")).toBe(true);
  });
});

describe("a name in an open list is an open range for every item kind; an example that opens the sentence is no list", () => {
  // Written for this test (history). A code review found "_____ and other Congress leaders were jailed" asked as a choice.
  const text = [
    "Leaders of Veldra",
    "",
    "Aran Dev founded the Veldra National Party in 1921, and Aran Dev led it until 1947.",
    "",
    "Mira Sen joined the Veldra National Party in 1930, and Mira Sen became its president in 1939.",
    "",
    "Kiran Rao wrote the party's first manifesto in 1925, and Kiran Rao edited its weekly.",
    "",
    "Aran Dev, Kiran Rao and other party leaders were jailed at Ostra Fort.",
    "",
    "Mira Sen, and others, were released from Ostra Fort.",
    "",
    "For example, Kiran Rao was jailed at Ostra Fort twice.",
  ].join("\n");
  const slots = collectSlots(buildCorpus([ingestMaterial({ source: "leaders.txt", content: text })]));
  const slotOf = (sentenceStart: string, answer: string) => slots.find((s) => s.ref.sentence.text.startsWith(sentenceStart) && s.answer === answer);

  it("marks every name of 'A, B and other leaders' and 'A, and others' as one of an open list", () => {
    expect(slotOf("Aran Dev, Kiran Rao and other", "Aran Dev")?.isOpenRange).toBe(true);
    expect(slotOf("Aran Dev, Kiran Rao and other", "Kiran Rao")?.isOpenRange).toBe(true);
    expect(slotOf("Mira Sen, and others", "Mira Sen")?.isOpenRange).toBe(true);
  });
  it("marks the first of 'Japan, the Bank of England and other lenders', and not a name before a clause ', and other …'", () => {
    const more = collectSlots(
      buildCorpus([
        ingestMaterial({
          source: "loans.txt",
          content: [
            "Loans to Veldra",
            "",
            "Loans came from Japan, the Bank of England and other lenders in 1950.",
            "",
            "The treaty was signed by Aran Dev in Ostra, and other leaders later endorsed it in 1951.",
            "",
            "Aran Dev visited Japan in 1952, and Ostra hosted the Bank of England in 1953.",
          ].join("\n"),
        }),
      ]),
    );
    expect(more.find((s) => s.ref.sentence.text.startsWith("Loans came") && s.answer === "Japan")?.isOpenRange).toBe(true);
    expect(more.find((s) => s.ref.sentence.text.startsWith("The treaty was signed") && s.answer === "Ostra")?.isOpenRange).toBeFalsy();
  });
  it("tells a name one of several from a lone example: only the first makes no cloze", () => {
    const listed = collectSlots(
      buildCorpus([
        ingestMaterial({
          source: "courts.txt",
          content: [
            "Courts of Veldra",
            "",
            "Lawyers such as Kiran Rao brought the Veldra river cases in 1985.",
            "",
            "Benches sat in cities such as Ostra and Karn from 1990.",
            "",
            "Kiran Rao argued in Ostra in 1991, and Karn heard Kiran Rao in 1992.",
          ].join("\n"),
        }),
      ]),
    );
    const lone = listed.find((s) => s.ref.sentence.text.startsWith("Lawyers such as") && s.answer === "Kiran Rao");
    expect(lone?.isOpenRange).toBe(true);
    expect(lone?.isOneOfSeveral).toBeFalsy();
    expect(listed.find((s) => s.ref.sentence.text.startsWith("Benches sat") && s.answer === "Ostra")?.isOneOfSeveral).toBe(true);
  });
  it("does not mark a name after a sentence-opening 'For example,'", () => {
    expect(slotOf("For example, Kiran Rao", "Kiran Rao")?.isOpenRange).toBeFalsy();
    expect(slotOf("For example, Kiran Rao", "Kiran Rao")).toBeDefined();
  });
});

describe("the material's own subject is never a blank: the country it is about, and what its title names", () => {
  // Written for this test (public administration). Blind examiners called "Performance audit developed in _____" (India,
  // in a text on India's auditor) and "The case for the _____ rests on…" (the NGT, in a text titled with its full name)
  // give-aways.
  const text = [
    "The Veldra Water Board: origins and powers",
    "",
    "The Veldra Water Board (VWB) was set up in 1990 in India to share river water between states.",
    "",
    "India has many rivers, and India built the Ostra dam on the Kesar river in 1995.",
    "",
    "India and Nepal signed a river treaty in 2000, and India renewed it in 2010.",
    "",
    "The case for the VWB rests on several achievements, such as the Kesar accord of 2012.",
  ].join("\n");
  const slots = collectSlots(buildCorpus([ingestMaterial({ source: "vwb.txt", content: text })]));

  it("asks neither India nor the Water Board", () => {
    expect(slots.filter((s) => /^(?:India|VWB|Veldra Water Board)$/.test(s.answer)).map((s) => `${s.answer}: ${s.ref.sentence.text}`)).toEqual([]);
  });
  it("still asks other names and figures", () => {
    expect(slots.some((s) => s.answer === "Nepal" || s.type === "year")).toBe(true);
  });
});

describe("the title names a subject only when it is a title, and an acronym only as written", () => {
  // Written for this test (public health). A code review found every name of a heading-less text's first sentence
  // blocked, and "WHO" blocked by the "Who" of a title.
  const body = [
    "Kenya and Uganda signed the Nile basin accord in 1999 in Entebbe.",
    "",
    "Kenya built the Turkwel dam in 1991, and Uganda built the Owen Falls dam in 1954.",
    "",
    "The World Health Organization (WHO) tested water in Kenya in 2005, and the WHO tested it again in 2015.",
    "",
    "The WHO reported in 2020 that Uganda had improved its water supply.",
  ];
  const answersOf = (lines: string[]) => collectSlots(buildCorpus([ingestMaterial({ source: "water.txt", content: lines.join("\n") })])).map((s) => s.answer);

  it("does not take a heading-less text's first sentence for its title's subject", () => {
    expect(answersOf(body)).toEqual(expect.arrayContaining(["Kenya"]));
  });
  it("does not read 'Who' in a title as the WHO", () => {
    expect(answersOf(["Who pays for clean water?", "", ...body]).some((a) => /^(?:WHO|World Health Organization)$/.test(a))).toBe(true);
  });
  it("still reads a real title's acronym", () => {
    expect(answersOf(["The WHO and clean water", "", ...body]).some((a) => /^(?:WHO|World Health Organization)$/.test(a))).toBe(false);
  });
});

describe("a lone example followed by an appositive is still a lone example", () => {
  it("does not count ', who knew Persian' as another member of the list", () => {
    const slots = collectSlots(
      buildCorpus([
        ingestMaterial({
          source: "reform.txt",
          content: ["Reform in Veldra", "", "Reformers such as Arun Roy, who knew Persian, opposed the tax in 1829.", "", "Arun Roy founded a school in 1817, and Arun Roy died in 1833."].join("\n"),
        }),
      ]),
    );
    const lone = slots.find((s) => s.ref.sentence.text.startsWith("Reformers such as") && s.answer === "Arun Roy");
    expect(lone?.isOpenRange).toBe(true);
    expect(lone?.isOneOfSeveral).toBeFalsy();
  });
});
