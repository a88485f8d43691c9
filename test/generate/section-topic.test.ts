import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { itemDefect } from "@/lib/generate/quality";
import { documentTopic, sectionTopic, topicFor } from "@/lib/generate/topic";
import { sentenceStarting } from "./helpers";

// Written for this test; not copied from any source. The seventh blind review found items such as "Stage IV applies
// above _____" that never say which plan: the heading above the sentence named it.

const text = [
  "Clean air in Veldra",
  "",
  "The Karn Emergency Air Plan",
  "The Karn Emergency Air Plan (KEAP) was notified in 2017 for the Karn region by the Ostra Board.",
  "Stage IV, called severe plus, applies above 450.",
  "The Ostra Board enforces the plan in Dorra and in 14 other districts.",
  "Transport minister Mira Osk said in 2019 that she wanted stricter stages.",
  "",
  "Why winters are worse",
  "Cold air traps smoke near the ground, and readings above 400 are common.",
  "",
  "Following The Money",
  "Spending reached 60 per cent of the allocation in 2023.",
  "",
  "Dorra Water Commission",
  "The Dorra Water Commission was set up in 1998 to settle water claims in Karn.",
  "Sixteen reports have been issued since 1998.",
  "",
  "Arno Dask",
  "Arno Dask chaired the Dorra Water Commission until 2004, and his first report asked for 12 new gauges.",
].join("\n");
const pm = ingestMaterial({ source: "air.txt", content: text });

describe("topicFor: the subject a heading names, for a statement that names nothing of its own", () => {
  it("gives a heading's name, with its article, to a statement that names nothing", () => {
    const stage = sentenceStarting(pm, "Stage IV");
    expect(topicFor("Stage IV, called severe plus, applies above _____.", pm, stage, ["450"])).toBe("the Karn Emergency Air Plan");
    // No "The" in the heading, but a body's name ends in a kind word: "the Dorra Water Commission".
    const reports = sentenceStarting(pm, "Sixteen reports");
    expect(topicFor("Sixteen reports have been issued since _____.", pm, reports, ["1998"])).toBe("the Dorra Water Commission");
  });
  it("gives none when the answer is the subject, part of it or its acronym (a give-away)", () => {
    const stage = sentenceStarting(pm, "Stage IV");
    expect(topicFor("Stage IV, called severe plus, applies under the _____.", pm, stage, ["Karn Emergency Air Plan"])).toBeNull();
    expect(topicFor("Stage IV, called severe plus, applies under the _____.", pm, stage, ["KEAP"])).toBeNull();
    expect(topicFor("Stage IV, called severe plus, applies in _____.", pm, stage, ["Karn"])).toBeNull();
  });
  it("gives none when the statement already names the subject, or names a body of its own", () => {
    const stage = sentenceStarting(pm, "Stage IV");
    expect(topicFor("Stage IV of the KEAP applies above _____.", pm, stage, ["450"])).toBeNull();
    const board = sentenceStarting(pm, "The Ostra Board enforces");
    expect(topicFor("The Ostra Board enforces the plan in Dorra and in _____ other districts.", pm, board, ["14"])).toBeNull();
  });
  it("gives it when the statement names only people, who act within the subject", () => {
    const minister = sentenceStarting(pm, "Transport minister");
    expect(topicFor("Transport minister _____ said in 2019 that she wanted stricter stages.", pm, minister, ["Mira Osk"])).toBe("the Karn Emergency Air Plan");
    expect(topicFor("Transport minister Mira Osk said in _____ that she wanted stricter stages.", pm, minister, ["2019"])).toBe("the Karn Emergency Air Plan");
  });
  it("gives none under a heading that names nothing, a title-case heading, or a person's name", () => {
    expect(topicFor("Cold air traps smoke near the ground, and readings above _____ are common.", pm, sentenceStarting(pm, "Cold air"), ["400"])).toBeNull();
    expect(topicFor("Spending reached _____ of the allocation in 2023.", pm, sentenceStarting(pm, "Spending reached"), ["60 per cent"])).toBeNull();
    expect(topicFor("His first report asked for _____ new gauges.", pm, sentenceStarting(pm, "Arno Dask chaired"), ["12"])).toBeNull();
  });
  it("puts the subject before the item, and the item is still kept", () => {
    const set = generateStudySet([pm]);
    const items = [...set.cards.map((c) => ({ item: c, shows: c.front })), ...set.questions.map((q) => ({ item: q, shows: q.prompt }))];
    const stageItems = items.filter((i) => i.item.evidence.some((e) => e.quote.startsWith("Stage IV")));
    expect(stageItems.length).toBeGreaterThan(0);
    for (const { item, shows } of stageItems) {
      expect(shows).toMatch(/With reference to the Karn Emergency Air Plan[,:]/);
      expect(itemDefect(item)).toBeNull();
    }
    // Nothing under "Why winters are worse" is given a subject it never had.
    for (const { shows } of items) expect(shows).not.toMatch(/With reference to (?:the )?(?:Why|Following|Arno)/);
  });
});

describe("itemDefect reads the statement behind a subject's lead", () => {
  const evidence = [{ materialId: "m", start: 0, end: 10, quote: "Stage IV applies above 450." }];
  it.each([
    "With reference to the Karn Emergency Air Plan: This reluctance is rooted in _____.",
    "With reference to the Karn Emergency Air Plan, when? This reluctance grew after the floods.",
  ])("still finds an opening reference in %j", (front) => {
    expect(itemDefect({ id: "c", kind: "cloze", front, back: "x", evidence })).toBe("opens with an unresolved reference");
  });
  it("finds it behind the lead of a true/false item too", () => {
    expect(itemDefect({ id: "q", kind: "true_false", prompt: "True or false? With reference to the Karn Emergency Air Plan: This reluctance is rooted in 2017.", answer: "true", explanation: "e", marks: 1, timeLimitSec: 30, evidence })).toBe("opens with an unresolved reference");
  });
});

describe("blank-words.json: no blank on a word several answers fit", () => {
  it("asks for neither 'the Centre' nor an era ('BCE')", () => {
    const history = ingestMaterial({
      source: "karn.txt",
      content: [
        "Housing and history in Karn",
        "",
        "In 2015 the Centre launched the Karn Housing Mission with an outlay of Rs 40,000 crore.",
        "The Dorra stupa was built around 250 BCE under the patronage of the Ostra dynasty.",
        "The Karn Housing Mission built 1.2 million homes by 2022.",
      ].join("\n"),
    });
    const set = generateStudySet([history]);
    const keys = [...set.cards.map((c) => c.back), ...set.questions.flatMap((q) => (q.options ?? []).filter((o) => o.correct).map((o) => o.text))];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).not.toContain("Centre");
    expect(keys).not.toContain("BCE");
  });
});

describe("topicFor: the article as the text writes the name, and headings looked up without a scan per heading", () => {
  // Written for this test, after a code review: "With reference to Green Revolution" lacked the text's own "the".
  const pm = ingestMaterial({
    source: "karn.txt",
    content: ["Farming in Karn", "", "Dorra Green Drive", "The Dorra Green Drive began in Karn in 1966.", "Yields rose by 40 per cent in five years."].join("\n"),
  });
  it("says 'the Dorra Green Drive' when the text says so", () => {
    expect(topicFor("Yields rose by _____ in five years.", pm, sentenceStarting(pm, "Yields rose"), ["40 per cent"])).toBe("the Dorra Green Drive");
  });
  // (How long it takes is a figure of `npm run bench:generate`, "3,000 name headings".)
  it("finds the subject of each of 3,000 headings that share their words", () => {
    const parts = ["Canals of Karn"];
    for (let i = 0; i < 3000; i++) parts.push(`Karn Canal Board ${i}`, `The Karn Canal Board ${i} met in ${1900 + (i % 100)} and bought ${i % 7} new gauges.`);
    const big = ingestMaterial({ source: "big.txt", content: parts.join("\n") }, { maxBytes: 5_000_000 });
    const named = big.sentences.filter((s) => sectionTopic(big, s)).length;
    expect(named).toBe(3000);
  });
});

describe("documentTopic: what the whole material is about, for sections whose heading names nothing", () => {
  // Written for this test; not copied from any source. The ninth blind review found "Never says whose milk production",
  // "Operation Flood is never named, so 'When?' can't be answered": items under headings such as "Background" that lean
  // on the subject of the whole text.
  const body = [
    "Background",
    "Before the Veldra Canal Scheme, farmers in Karn drew water from open wells.",
    "The Veldra Canal Scheme was approved by the Ostra Board in 1961.",
    "Work on the Veldra Canal Scheme began in 1964 under engineer Mira Osk.",
    "",
    "Outcomes",
    "The irrigated area rose from 12,000 hectares to 40,000 hectares by 1980.",
    "Mira Osk retired in 1979 after the main channel was finished.",
    "The Veldra Canal Scheme still supplies 31 villages.",
    "",
    "Arno Dask",
    "Arno Dask led the farmers' union and asked for 12 more gauges in 1983.",
  ];
  const material = (title: string) => ingestMaterial({ source: "veldra.txt", content: [title, "", ...body].join("\n") });

  it("is the one name of the title that the text keeps naming, with the article the text gives it", () => {
    for (const title of ["The Veldra Canal Scheme", "Veldra Canal Scheme (Karn)", "The Veldra Canal Scheme: Origins, Works and Results", "Veldra Canal Scheme, 1961"]) {
      expect(documentTopic(material(title))?.phrase, title).toBe("the Veldra Canal Scheme");
    }
  });
  it("leads a statement under a heading that names nothing, but not one that asks for a person", () => {
    const pm = material("The Veldra Canal Scheme: Origins, Works and Results");
    expect(topicFor("The irrigated area rose from _____ to 40,000 hectares by 1980.", pm, sentenceStarting(pm, "The irrigated area"), ["12,000 hectares"])).toBe("the Veldra Canal Scheme");
    // (A person asked for under a heading that names nothing is what the statement is about — a code review.)
    expect(topicFor("_____ retired in 1979 after the main channel was finished.", pm, sentenceStarting(pm, "Mira Osk retired"), ["Mira Osk"])).toBeNull();
    // Not over a statement that names a body of its own, nor under a heading that names a person.
    expect(topicFor("Before the Veldra Canal Scheme, farmers in _____ drew water from open wells.", pm, sentenceStarting(pm, "Before the"), ["Karn"])).toBeNull();
    expect(topicFor("Arno Dask led the farmers' union and asked for _____ more gauges in 1983.", pm, sentenceStarting(pm, "Arno Dask led"), ["12"])).toBeNull();
  });
  it("is none when the title joins a second subject, names none the text keeps naming, or is a headline", () => {
    for (const title of [
      "The Veldra Canal Scheme and the Ostra Board",
      "Veldra Canal Scheme and farming in Karn",
      "Water for Karn",
      "Canals to fields: how Karn learned to irrigate",
      "Mira Osk",
      "Karn",
      // Written only inside a longer name ("the Veldra Canal Scheme"), "Veldra Canal" is not what the text keeps naming.
      "The Veldra Canal: A History",
    ]) {
      expect(documentTopic(material(title)), title).toBeNull();
    }
  });
});

describe("documentTopic after the tenth blind review", () => {
  // Written for this test; not copied from any source. The tenth review's examiners found items about a law the text
  // calls "the Code" throughout ("'the Code' is not identified", "does not say which law") and about a kingdom written
  // "the Ahom kingdom" under the title "The Ahom Kingdom of Assam"; and "With reference to the Section 29A".
  const code = (title: string, extra: string[] = []) =>
    ingestMaterial({
      source: "code.txt",
      content: [
        title,
        "",
        "The Veldra Canal Code was passed in 2016 to settle water debts.",
        "",
        "Background",
        "For decades a board heard water disputes for years, and the Ostra Board was its last form.",
        "",
        "Timelines",
        "The Code requires a dispute to end within 180 days.",
        "An amendment in 2019 added an outer limit of 330 days.",
        "",
        "Section 12",
        "The Code lets a farmer file a claim above ₹1 lakh under Section 12.",
        "The Section 12 threshold was raised to ₹5 lakh in 2020.",
        ...extra,
      ].join("\n"),
    });
  it("counts 'the Code' as the name the title gives, and leads a statement under a heading that names nothing", () => {
    const pm = code("Veldra Canal Code, 2016");
    expect(documentTopic(pm)?.phrase).toBe("the Veldra Canal Code");
    expect(topicFor("An amendment in _____ added an outer limit of 330 days.", pm, sentenceStarting(pm, "An amendment in 2019"), ["2019"])).toBe("the Veldra Canal Code");
  });
  it("gives no lead under a heading over what came before the subject", () => {
    const pm = code("Veldra Canal Code, 2016");
    expect(topicFor("For decades a board heard water disputes for years, and the _____ was its last form.", pm, sentenceStarting(pm, "For decades"), ["Ostra Board"])).toBeNull();
  });
  it("names a numbered designation without an article", () => {
    const pm = code("Veldra Canal Code, 2016");
    // The body writes "the Section 12 threshold"; the lead is "With reference to Section 12", never "to the Section 12".
    expect(topicFor("The threshold was raised to _____ in 2020.", pm, sentenceStarting(pm, "The Section 12 threshold"), ["₹5 lakh"])).toBe("Section 12");
  });
  it("reads a title in title case as the name the body writes in sentence case", () => {
    const pm = ingestMaterial({
      source: "ahom.txt",
      content: [
        "The Karn Kingdom of Veldra (1228-1826)",
        "",
        "The Karn kingdom ruled the valley for six centuries.",
        "Its founder crossed the hills in 1228, and the Karn kingdom grew by absorbing local chiefdoms.",
        "",
        "Administration",
        "Every adult man owed labour service for a third of the year.",
      ].join("\n"),
    });
    expect(documentTopic(pm)?.phrase).toBe("the Karn kingdom");
    expect(topicFor("Every adult man owed labour service for _____ of the year.", pm, sentenceStarting(pm, "Every adult man"), ["a third"])).toBe("the Karn kingdom");
  });
});

describe("topicFor: a section that has moved on from its heading's subject", () => {
  // Written for this test. The tenth blind review found "With reference to the Punchhi Commission: The office of Governor,
  // which every commission tried to reform, is once again at the centre of controversy" — paragraphs after the
  // commission's own, in the same section, on something else.
  const pm = ingestMaterial({
    source: "karn.txt",
    content: [
      "Reforms in Karn",
      "",
      "The Dorra Water Commission",
      "",
      "The Dorra Water Commission was set up in 2007 and reported in 2010 in seven volumes.",
      "",
      "It asked for fixed terms for canal officers, and 40 of its 273 proposals were accepted.",
      "",
      "Most states ignored the report, and the debate moved to the courts.",
      "",
      "In 2020 the High Court heard a dispute over canal fees.",
      "",
      "Fees rose by 30 per cent in 2023, and farmers protested in 14 districts.",
    ].join("\n"),
  });
  it("leads a statement in the paragraphs that still name the subject", () => {
    expect(topicFor("It asked for fixed terms for canal officers, and _____ of its 273 proposals were accepted.", pm, sentenceStarting(pm, "It asked for"), ["40"])).toBe("the Dorra Water Commission");
  });
  it("leads none three paragraphs on, where nothing names it", () => {
    expect(topicFor("Fees rose by _____ in 2023, and farmers protested in 14 districts.", pm, sentenceStarting(pm, "Fees rose"), ["30 per cent"])).toBeNull();
  });
});

describe("documentTopic and its lead after a code review", () => {
  // Written for this test; not copied from any source.
  const material = (content: string[]) => ingestMaterial({ source: "veldra.txt", content: content.join("\n") });
  it("reads no subject from a title made up of the first sentence's words", () => {
    const pm = material([
      "The High Court of Veldra struck down the canal bond scheme in February 2024 after years of hearings on the bonds.",
      "",
      "The High Court of Veldra said the scheme hid donors. The High Court of Veldra ordered disclosure. The scheme was launched in 2018.",
    ]);
    expect(documentTopic(pm)).toBeNull();
  });
  it("leads no statement about a person, or asking for one, under a heading that names nothing", () => {
    const pm = material(["Veldra Canal Code, 2016", "", "The Veldra Canal Code was passed in 2016. The Veldra Canal Code governs water debts.", "", "Key figures", "", "Arno Dask was born in Pell in 1950, and the Code was his work."]);
    const dask = sentenceStarting(pm, "Arno Dask was born");
    expect(topicFor("Arno Dask was born in _____.", pm, dask, ["1950"])).toBeNull();
    expect(topicFor("_____ was born in Pell in 1950.", pm, dask, ["Arno Dask"])).toBeNull();
  });
  it("leads no statement under a heading that names something else of the material", () => {
    // ("Amul" under the title "Operation Flood": a one-word heading names no section subject of its own, but its section is
    // about it.)
    const pm = material(["Veldra Canal Code, 2016", "", "The Veldra Canal Code was passed in 2016. The Veldra Canal Code governs water debts. Dorra sued under it.", "", "Dorra", "", "Daily hearings reached 400 by 2019, and Dorra grew."]);
    expect(topicFor("Daily hearings reached _____ by 2019.", pm, sentenceStarting(pm, "Daily hearings"), ["400"])).toBeNull();
  });
  it("takes a title's acronym for its name, not a rival", () => {
    const pm = material([
      "Veldra Water Tribunal (VWT): Origins and Powers",
      "",
      "The Veldra Water Tribunal (VWT) was set up in 2010. The VWT hears canal cases. The VWT has five benches. The VWT fines polluters.",
      "",
      "The Veldra Water Tribunal sits in Pell.",
    ]);
    expect(documentTopic(pm)?.phrase).toBe("the Veldra Water Tribunal");
  });
});

describe("documentTopic and nearTopic after a second code review", () => {
  // Written for this test; not copied from any source.
  it("finds the title's name whatever its case when checking for a second subject", () => {
    const pm = ingestMaterial({
      source: "karn.txt",
      content: ["The Karn Kingdom and Its Neighbours", "", "The Karn kingdom ruled the valley for six centuries.", "Its founder crossed the hills in 1228, and the Karn kingdom grew."].join("\n"),
    });
    expect(documentTopic(pm)).toBeNull();
  });
  it("counts a list and the line that introduces it as one paragraph", () => {
    const pm = ingestMaterial({
      source: "karn.txt",
      content: [
        "Veldra Canal Code, 2016",
        "",
        "The Veldra Canal Code was passed in 2016. The Veldra Canal Code governs water debts.",
        "",
        "Key provisions",
        "",
        "The Veldra Canal Code provides for the following:",
        "- a board of seven members;",
        "- a chair chosen by a panel;",
        "- a term of five years for each member;",
        "- an inquiry into each complaint within 60 days;",
        "- a fine of up to 40,000 rupees.",
      ].join("\n"),
    });
    const last = pm.sentences.find((s) => s.text.startsWith("a fine of up to"))!;
    expect(topicFor("a fine of up to _____ rupees.", pm, last, ["40,000"])).toBe("the Veldra Canal Code");
  });
});

describe("acronym cards carry the subject of their section or material", () => {
  // Written for this test. Blind examiners found "What does BRT stand for?" (Bus Rapid Transit?) and "What does LRA stand
  // for?" with nothing to say which field they are from.
  it("asks 'With reference to the Veldra Canal Code, what does OWT stand for?'", () => {
    const pm = ingestMaterial({
      source: "code.txt",
      content: [
        "Veldra Canal Code, 2016",
        "",
        "The Veldra Canal Code was passed in 2016. The Veldra Canal Code governs water debts.",
        "",
        "Tribunals",
        "",
        "Disputes under the Code go to the Ostra Water Tribunal (OWT), which sits in Pell and has five benches across the state.",
      ].join("\n"),
    });
    const set = generateStudySet([pm]);
    const card = set.cards.find((c) => c.kind === "acronym" && c.front.includes("OWT"));
    expect(card?.front).toBe("With reference to the Veldra Canal Code, what does OWT stand for?");
    expect(itemDefect(card!)).toBeNull();
  });
});

describe("documentTopic: a subject the title names in common nouns (fourteenth blind review: 'never says this is priority sector lending')", () => {
  // Written for this test; not copied from any source.
  const body = [
    "Origins",
    "Canal credit lending began in Karn after the banks were taken over in 1970.",
    "In 1975 banks were asked to lend a quarter of their advances under canal credit lending.",
    "A sub-target of 9 per cent was introduced for small growers in 1981.",
    "",
    "Reforms",
    "The Karn Bank revised the rules of canal credit lending in 2008 and again in 2019.",
    "Under the 2008 framework, loans to growers were classed as direct or indirect.",
  ];
  const material = (title: string) => ingestMaterial({ source: "karn.txt", content: [title, "", ...body].join("\n") });

  it("is the title's first part, without 'in <place>', as the text writes it", () => {
    for (const title of ["Canal Credit Lending in Karn", "Canal Credit Lending: Study Notes", "Canal credit lending (Karn)"]) {
      expect(documentTopic(material(title))?.phrase, title).toBe("canal credit lending");
    }
  });
  it("leads a statement that names nothing of its own", () => {
    const pm = material("Canal Credit Lending in Karn");
    const s = pm.sentences.find((x) => x.text.startsWith("Under the 2008"))!;
    expect(topicFor("Under the _____ framework, loans to growers were classed as direct or indirect.", pm, s, ["2008"])).toBe("canal credit lending");
    const t = pm.sentences.find((x) => x.text.startsWith("In 1975"))!;
    // (It names the subject itself.)
    expect(topicFor("In _____ banks were asked to lend a quarter of their advances under canal credit lending.", pm, t, ["1975"])).toBeNull();
  });
  it("is none for a headline, two subjects, one word, or a phrase the text seldom writes", () => {
    for (const title of ["Karn Revises Canal Credit Lending After Drought", "Canal Credit Lending and the Karn Bank", "Lending in Karn", "Canal Credit Reform in Karn"]) {
      expect(documentTopic(material(title)), title).toBeNull();
    }
  });
});
