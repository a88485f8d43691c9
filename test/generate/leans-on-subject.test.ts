import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { leansOnSubject } from "@/lib/generate/context";
import { sentenceStarting } from "./helpers";
import { buildCorpus } from "@/lib/generate/corpus";
import { collectSlots } from "@/lib/generate/slots";
import { documentTopic } from "@/lib/generate/topic";

// Written for these tests; not copied from any source. The eleventh blind review found items that never say what they
// are about: "_____ is the State most often named." (for what?), "Large parts of … are also affected." (by what?), "The
// _____ standard sets an acceptable limit of 1.0 milligram per litre" (a limit of what?), and a blank whose key is a kind
// word alone ("Source sustainability: the _____ stresses recharge" → Mission).

/** Every item's text as a learner sees it: card fronts and question prompts with their options. */
function shown(content: string, source = "t.txt"): string[] {
  const set = generateStudySet([ingestMaterial({ source, content })]);
  return [
    ...set.cards.map((c) => `${c.front} => ${c.back}`),
    ...set.questions.filter((q) => q.kind !== "written").map((q) => `${q.prompt} ${(q.options ?? []).map((o) => o.text).join(" | ")} => ${q.answer ?? ""}`),
  ];
}

/** Whether the sentence of `text` that starts with a given opening leans on its subject (`leansOnSubject`). */
function leaningIn(text: string): (start: string) => boolean {
  const pm = ingestMaterial({ source: "boron.txt", content: text });
  return (start) => leansOnSubject(pm, sentenceStarting(pm, start));
}

const PADDING = [
  "The Harlow Basin lies between the Venn Hills and the Corra Sea, and its rivers carry silt from the hills to the coast.",
  "Farmers in the basin have drawn water from shallow wells since the 1960s, and the number of wells rose to 40,000 by 1995.",
  "The Basin Water Agency tested 12,000 wells in 2004 and found boron in 3,100 of them.",
];

describe("leansOnSubject: a sentence that leaves out what it is about", () => {
  const text = [
    "Boron in the wells of the Harlow Basin",
    "",
    ...PADDING,
    "The most prominent campaigner was Ilsa Verro of the Corra Institute of Soil Studies.",
    "Dessa is the district most often named.",
    "Large parts of Orrin, Pell and Tasker are also affected.",
    "Far more people are exposed above 5 than above 10.",
    "The Harlow code sets an acceptable limit of 2.4 milligrams per litre where no other source exists.",
    "The Harlow code sets a limit for boron of 2.4 milligrams per litre.",
    "The largest delta in the world is far to the east of the basin.",
    "The Venn Commission gave its grants to farmers in Orrin, and among them Ilsa Verro was the most prominent.",
    "Critics say the Act has also exposed wider failings in the water agencies.",
    "Its wells offer grants of up to 50 per cent of the cost, subject to a ceiling of 40,000 crowns per farm.",
  ].join("\n\n");
  const leans = leaningIn(text);

  it("reads a ranking with no 'among what' as leaning: its subject or its closing predicate", () => {
    expect(leans("The most prominent campaigner")).toBe(true);
    expect(leans("Dessa is the district")).toBe(true);
  });

  it("reads a ranking that says among what as standing alone", () => {
    expect(leans("The largest delta in the world")).toBe(false);
    expect(leans("The Venn Commission gave")).toBe(false);
  });

  it("reads 'affected' with no 'by' and 'exposed' with no 'to' as leaning, but not an active verb's participle", () => {
    expect(leans("Large parts of Orrin")).toBe(true);
    expect(leans("Far more people are exposed")).toBe(true);
    expect(leans("Critics say the Act has also exposed")).toBe(false);
  });

  it("reads a limit given by its value alone as leaning, one that says of what (or caps its own sentence's offer) as not", () => {
    expect(leans("The Harlow code sets an acceptable limit")).toBe(true);
    expect(leans("The Harlow code sets a limit for boron")).toBe(false);
    expect(leans("Its wells offer grants")).toBe(false);
  });

  it("makes no item from such a sentence when nothing names the subject", () => {
    const items = shown(text, "boron.txt");
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item).not.toMatch(/most prominent campaigner|district most often named|are also affected|exposed above|acceptable limit of/);
    }
  });
});

describe("leansOnSubject after a code review", () => {
  const text = [
    "Boron in the wells of the Harlow Basin",
    "",
    ...PADDING,
    "Dessa is the District most often named.",
    "In 2019, the largest share went to Orrin.",
    "The latest census of wells was conducted in 2011.",
    "The drought also affected the rice crop in Orrin in 2014.",
    "The audit also exposed the failings of the Basin Water Agency.",
    "A cyclone struck Orrin in May 2019, and over 16,000 people in Pell were affected.",
    "Coastal villages were affected when the cyclone struck Orrin in 2019.",
    "The boron subsidy is targeted at small farmers in Orrin.",
    "The scheme was exposed as a fraud in 2018.",
    "The new road has a speed limit of 80 kilometres per hour.",
    "Large parts of Tasker are not affected.",
  ].join("\n\n");
  const leans = leaningIn(text);

  it("reads a capitalised common noun before the ranking, and a ranking after an opening phrase", () => {
    expect(leans("Dessa is the District")).toBe(true);
    expect(leans("In 2019, the largest share")).toBe(true);
  });

  it("reads 'the latest census' as placed in time, not ranked in an unnamed group", () => {
    expect(leans("The latest census")).toBe(false);
  });

  it("reads an active verb with its object, and a sentence whose other verb says what did it, as standing alone", () => {
    expect(leans("The drought also affected")).toBe(false);
    expect(leans("The audit also exposed")).toBe(false);
    expect(leans("A cyclone struck Orrin")).toBe(false);
    expect(leans("Coastal villages were affected when")).toBe(false);
    expect(leans("The boron subsidy is targeted at")).toBe(false);
    expect(leans("The scheme was exposed as")).toBe(false);
    expect(leans("Large parts of Tasker are not affected")).toBe(true);
  });

  it("reads a speed limit as saying what it limits", () => {
    expect(leans("The new road has a speed limit")).toBe(false);
  });
});

describe("leansOnSubject: a lead naming the subject lets the item stand", () => {
  // The material's title names its subject, written often enough to lead a section whose heading names nothing
  // (topic.ts documentTopic).
  const text = [
    "The Kessary Canal Authority",
    "",
    "The Kessary Canal Authority was set up in 1961 to run the Kessary Canal, and the Kessary Canal Authority still runs it.",
    "The Kessary Canal Authority has 14 members, and the Kessary Canal Authority reports to the Varn Assembly.",
    "",
    "Timeline",
    "",
    "The most serious challenge came in 1977, when the Varn Assembly cut the budget by half.",
    "The most serious setback came when the Kessary Canal Authority lost 6 of its 14 members in 1983.",
  ].join("\n");
  const items = shown(text, "canal.txt");

  it("puts the subject before a ranking with no scope instead of dropping it", () => {
    const challenge = items.filter((i) => /most serious challenge/.test(i));
    expect(challenge.length).toBeGreaterThan(0);
    for (const item of challenge) expect(item).toMatch(/^(?:With reference to the Kessary Canal Authority[:,])/);
  });

  it("keeps a ranking whose own words name the subject, without a lead", () => {
    expect(items.some((i) => /most serious setback came when the Kessary Canal Authority/.test(i))).toBe(true);
  });
});

describe("slots: names that are no answer", () => {
  /** The answers the slot reader would blank in the sentence of `text` that starts with `start`. */
  function answersIn(text: string, start: string): string[] {
    const pm = ingestMaterial({ source: "t.txt", content: text });
    const sentence = sentenceStarting(pm, start);
    return collectSlots(buildCorpus([pm])).filter((s) => s.ref.sentence.index === sentence.index).map((s) => s.answer);
  }

  it("never blanks a kind word standing alone for a body the item does not name", () => {
    const text = [
      "Water for every home",
      ...PADDING,
      "The Tarn Water Mission was launched in 2016 to bring piped water to every rural home in Harlow.",
      "In Orrin the Mission stresses recharge and local maintenance by village committees.",
      "In 2018 the Bank lent money to Orrin for new pipes.",
    ].join("\n\n");
    expect(answersIn(text, "In Orrin the Mission")).toContain("Orrin");
    expect(answersIn(text, "In Orrin the Mission")).not.toContain("Mission");
    expect(answersIn(text, "In 2018 the Bank")).not.toContain("Bank");
  });

  it("still blanks a name in single quotes (a closing quote is no possessive)", () => {
    const text = ["Standards for wells", ...PADDING, "The well survey was upheld by the 'Basin Water Agency' in 2009."].join("\n\n");
    expect(answersIn(text, "The well survey was upheld").some((a) => a.endsWith("Water Agency"))).toBe(true);
  });

  it("never blanks a code's prefix, a plural's possessive or a two-word demonym", () => {
    const text = [
      "Standards for wells",
      ...PADDING,
      "The Bureau of Indian Standards' drinking water code, IS 10500, sets the boron limit at 2.4 milligrams per litre.",
      "The Palk Bay is shared by India and Sri Lanka, and Sri Lanka patrols it in the south.",
      "In 2019 the Sri Lanka Navy took four Indian crews to a northern Sri Lankan port.",
    ].join("\n\n");
    const code = answersIn(text, "The Bureau of Indian Standards'");
    expect(code).not.toContain("IS");
    expect(code).not.toContain("Bureau of Indian Standards");
    expect(answersIn(text, "In 2019 the Sri Lanka Navy")).not.toContain("Sri Lankan");
  });

  it("reads 'some hours later' as later than something the item does not show", () => {
    const text = ["Patrols", "", ...PADDING, "Some hours later, news arrives that a patrol has seized four boats near Dessa in 2019."].join("\n\n");
    for (const item of shown(text)) expect(item).not.toMatch(/hours later/);
  });
});

describe("entities: 'on' inside a name only after a word that takes it", () => {
  const text = [
    "The Global Agency for Research on Soils lists boron as a hazard.",
    "Orrin on Monday said talks would resume.",
    "The Varn Panel on Water Quality issued a report in 2019.",
    "The High Court on Article 12 ruled otherwise.",
    "The Committee on Tuesday rejected the bill.",
  ].join(" ");
  const names = ingestMaterial({ source: "on.txt", content: text }).entities.map((e) => e.name);

  it("keeps 'Research on Soils' and 'Panel on Water Quality' inside one name", () => {
    expect(names).toContain("Global Agency for Research on Soils");
    expect(names).toContain("Varn Panel on Water Quality");
  });

  it("ends a name at 'on' after 'the Centre' (the Union government), which is often followed by 'on' and a topic", () => {
    const names = ingestMaterial({ source: "c.txt", content: "Tamil Nadu has argued against the Centre on NEET Exemption since 2017." }).entities.map((e) => e.name);
    expect(names.some((n) => /Centre on/.test(n))).toBe(false);
  });

  it("ends a name at 'on' after any other word, and before a day", () => {
    expect(names).toContain("Orrin");
    expect(names.some((n) => /\bon\b/.test(n) && /Orrin|High Court|Tuesday|Monday/.test(n))).toBe(false);
  });
});

describe("study notes: a label that marks a kind of point, and a date inside an aside", () => {
  const text = [
    "Canal finance in Harlow: study notes",
    ...PADDING,
    "Key idea: The faster repayment under the Harlow canal bonds was clearly visible in the 2022-23 harvest cycle.",
    "Note: The Basin Water Agency meets 6 times a year in Dessa.",
    "A common mistake is stating that the canal cess is still the main source of funds (the bond market has been the main source since 2019).",
  ].join("\n\n");
  const items = shown(text);

  it("cuts 'Key idea:' and 'Note:' before a sentence of their own", () => {
    expect(items.some((i) => /faster repayment under the Harlow canal bonds/.test(i))).toBe(true);
    for (const item of items) expect(item).not.toMatch(/Key idea:|Note:/);
  });

  it("asks no 'When?' of a sentence whose date sits inside a bracketed aside", () => {
    for (const item of items) expect(item).not.toMatch(/main source\s*\)|When\? A common mistake/);
  });
});

describe("documentTopic: one word is the subject when it is the title's whole first part", () => {
  const body = [
    "The Varnas lie where the two rivers meet the sea, and the Varnas are home to 96 islands.",
    "Fishing is the main work in the Varnas, and the Varnas lost 4,000 boats to a storm in 2009.",
    "Honey collectors enter the forest of the Varnas in April each year.",
  ];

  it("reads 'The Varnas: Life and Risk in a Mangrove Delta' as about the Varnas, a lone word further on as no rival", () => {
    const pm = ingestMaterial({ source: "v.txt", content: ["The Varnas: Life and Risk in the Largest Mangrove Delta", "", ...body, "Mangrove roots hold the mud of the islands."].join("\n\n") });
    expect(documentTopic(pm)?.name).toBe("Varnas");
  });

  it("still gives a headline no subject ('Nets Across the Line: Why the Varnas Dispute Refuses to Go Away')", () => {
    const pm = ingestMaterial({ source: "h.txt", content: ["Nets Across the Line: Why the Varnas Fishing Dispute Refuses to Go Away", "", ...body, "The Line was drawn in 1974."].join("\n\n") });
    expect(documentTopic(pm)).toBeNull();
  });
});

describe("definition cards: someone by their office, a place by its head noun, no definition cut inside a clause", () => {
  const text = [
    "The Harlow Charter",
    ...PADDING,
    "Varnak, the chairman of the Drafting Committee, presented the Harlow Charter to the Basin Assembly in 1950.",
    "Varnak later said the Harlow Charter would rarely be used, and Varnak resigned in 1951.",
    "Dessa, the capital of the Orrin kingdom, fell to the Basin army in 1712.",
    "Dessa was rebuilt in 1730, and Dessa grew to 40,000 people by 1800.",
    "Harlow Rule is the popular name for the situation that arises when the Basin government, acting through its council, takes over a district under the Harlow Charter.",
    "Harlow Rule was imposed 12 times between 1950 and 1990, and Harlow Rule was last imposed in 1994.",
  ].join("\n\n");
  const fronts = shown(text).map((i) => i.split(" => ")[0]!);

  it("asks 'Who is…?' of a name that a definition calls a chairman, never 'What is…?'", () => {
    expect(fronts.some((f) => /^What (?:is|was) (?:the )?Varnak\?/.test(f))).toBe(false);
  });

  it("asks no 'What is…?' of a place its definition calls a capital", () => {
    expect(fronts.some((f) => /^What (?:is|was) Dessa\?/.test(f))).toBe(false);
  });

  it("makes no definition card that ends inside a 'when' clause", () => {
    for (const item of shown(text)) expect(item).not.toMatch(/arises when the Basin government$/);
  });
});

describe("definition cards and labels after a second code review", () => {
  it("asks 'What' of a thing whose definition only has a person word before its head, and keeps a definition with 'until 1960'", () => {
    const text = [
      "Prices in Harlow",
      ...PADDING,
      "Dearness is a general rise in the prices of goods and services across the Harlow Basin over a year.",
      "Dearness rose to 9 per cent in 2010, and Dearness fell to 4 per cent by 2015.",
      "Vennar, the main food crop of the Harlow Basin until 1960, was grown on 40,000 farms.",
      "Vennar was replaced by wheat in 1961, and Vennar is now grown on 2,000 farms.",
    ].join("\n\n");
    const fronts = shown(text).map((i) => i.split(" => ")[0]!);
    expect(fronts.some((f) => /^Who (?:is|was) Dearness\?/.test(f))).toBe(false);
    expect(fronts.some((f) => /^What (?:is|was) Vennar\?/.test(f))).toBe(true);
  });

  it("cuts a point label in any case ('KEY IDEA:', 'Exam Tip:')", () => {
    const text = [
      "Canal finance in Harlow: study notes",
      ...PADDING,
      "KEY IDEA: The faster repayment under the Harlow canal bonds was clearly visible in the 2022-23 harvest cycle.",
      "Exam Tip: The Basin Water Agency meets 6 times a year in Dessa.",
    ].join("\n\n");
    const items = shown(text);
    expect(items.some((i) => /faster repayment under the Harlow canal bonds/.test(i))).toBe(true);
    for (const item of items) expect(item).not.toMatch(/KEY IDEA:|Exam Tip:/);
  });

  it("gives no one-word subject from a dictionary word or before a headline", () => {
    const body = ["Harlow lies on the Venn river, and Harlow flooded in 2009 and in 2014.", "Flooding cost Harlow 40 crowns a head in 2014, and flooding closed 12 schools."];
    const dictionaryWord = ingestMaterial({ source: "f.txt", content: ["Flooding: Harlow Counts the Cost", "", ...body, "Flooding returned in 2019."].join("\n\n") });
    const headline = ingestMaterial({ source: "g.txt", content: ["Harlow: Why Floods Keep Coming Back", "", ...body, "Harlow rebuilt its walls in 2016."].join("\n\n") });
    expect(documentTopic(dictionaryWord)).toBeNull();
    expect(documentTopic(headline)).toBeNull();
  });
});

describe("documentTopic after the thirteenth blind review", () => {
  const body = (name: string) => [
    `The ${name} was set up in 2017 in Orrin, and the ${name} now works in 19 districts.`,
    `Farmers sell vennar to the ${name} at a fixed price, and vennar is served in 3,000 schools.`,
    "Vennar needs little water, and vennar grows on poor soils in the hills of Orrin and Pell.",
  ];

  it("reads a body whose name starts with a place as a body ('The Orrin Vennar Mission: Bringing Vennar Back')", () => {
    const pm = ingestMaterial({ source: "m.txt", content: ["The Orrin Vennar Mission: Bringing Vennar Back to the Plate", "", ...body("Orrin Vennar Mission"), "Vennar was once common."].join("\n\n") });
    expect(documentTopic(pm)?.name).toBe("Orrin Vennar Mission");
  });

  it("takes places joined after the subject's 'of' as where it was ('The Tarn Dynasty of Bengal and Bihar')", () => {
    const text = ["The Tarn Dynasty of Bengal and Bihar", "", "The Tarn dynasty ruled over Bengal and Bihar from 750, and the Tarn dynasty built 40 monasteries in Bengal.", "In 810 the armies of Bengal and Bihar marched west, and in 850 the kings of Bengal and Bihar paid tribute.", "Bihar and Bengal fell to the Senas in 1160, and Bihar was lost in 1162."].join("\n\n");
    expect(documentTopic(ingestMaterial({ source: "d.txt", content: text }))?.name).toBe("Tarn dynasty");
  });

  it("gives a headline's name no subject ('Why the Orrin Vennar Mission Dispute Refuses to Go Away')", () => {
    const pm = ingestMaterial({ source: "h.txt", content: ["Nets and Grain: Why the Orrin Vennar Mission Dispute Refuses to Go Away", "", ...body("Orrin Vennar Mission")].join("\n\n") });
    expect(documentTopic(pm)).toBeNull();
  });
});

describe("documentTopic of a news headline", () => {
  const body = [
    "The Vennar Growers Mission was set up in 2017 in Dessa, and the Vennar Growers Mission now works in 19 districts.",
    "Officials said early counts showed a dip of around 5 per cent, although they cautioned that the figures were provisional.",
    "Farmers sell vennar to the Vennar Growers Mission at a fixed price, and vennar is served in 3,000 schools.",
  ];
  const topicOf = (title: string) => documentTopic(ingestMaterial({ source: "n.txt", content: [title, "", ...body].join("\n\n") }))?.name ?? null;

  it("takes the name a headline's news is about ('… fares go up after…', 'Three Years On, … Counts…')", () => {
    expect(topicOf("Vennar Growers Mission fares go up after review; farmers protest")).toBe("Vennar Growers Mission");
    expect(topicOf("Three Years On, Vennar Growers Mission Counts Its Gains")).toBe("Vennar Growers Mission");
  });

  it("leads an item that names nothing of its own with it ('With reference to the Kestrel Metro: …')", () => {
    const news = [
      "Kestrel Metro fares go up after committee report; riders protest",
      "The Kestrel Metro opened in 2011 with 12 stations, and the Kestrel Metro now carries 600,000 riders a day.",
      "Under the revised structure, the minimum fare remains 10 crowns for journeys of up to two kilometres, but fares for most long trips have risen by 40 per cent.",
      "Officials said early counts from the morning peak showed a dip of around 5 per cent at major stations, although they cautioned that the figures were provisional.",
      "A fare fixation committee set up in 2023 recommended the revision, and the Kestrel Metro board approved it in March 2025.",
    ].join("\n\n");
    const leaning = shown(news).filter((i) => /minimum fare remains|dip of around/.test(i));
    expect(leaning.length).toBeGreaterThan(0);
    for (const item of leaning) expect(item).toMatch(/With reference to the Kestrel Metro/);
  });

  it("takes no name that only qualifies what the news is about ('a cut in the …', '… Mission Dispute Refuses…')", () => {
    expect(topicOf("Why a cut in the Vennar Growers Mission angered farmers")).toBeNull();
    expect(topicOf("Why the Vennar Growers Mission Dispute Refuses to Go Away")).toBeNull();
    expect(topicOf("Farmers protest as officials cut the Vennar Growers Mission")).toBeNull();
  });
});

describe("documentTopic after a third code review", () => {
  const material = (title: string, lines: string[]) => ingestMaterial({ source: "t.txt", content: [title, "", ...lines].join("\n\n") });

  it("reads a subject whose own name holds a participle or a plural ('The Forest Rights Act, 2006')", () => {
    const pm = material("The Forest Rights Act, 2006", ["The Forest Rights Act was passed in 2006, and the Forest Rights Act covers 170 districts.", "Claims under the Forest Rights Act reached 40 lakh by 2020."]);
    expect(documentTopic(pm)?.name).toBe("Forest Rights Act");
  });

  it("keeps a one-word first part the body also writes in small letters ('Jhum: Shifting Cultivation in the Hills')", () => {
    const pm = material("Jhum: Shifting Cultivation in the Hills", ["Jhum is practised on 4 lakh hectares, and Jhum fields are left fallow for 10 years.", "Families clear a jhum plot each spring, and a jhum cycle once lasted 20 years.", "Every jhum plot is burnt before sowing."]);
    expect(documentTopic(pm)?.name).toBe("Jhum");
  });

  it("still counts a place ending in a kind word as a place ('The Harappan Civilisation in the Indus Valley')", () => {
    const pm = material("The Harappan Civilisation in the Indus Valley", ["The Harappan Civilisation flourished from 2600 BCE, and the Harappan Civilisation built 1,000 towns.", "The Indus Valley floods each summer, and the Harappan Civilisation traded with Mesopotamia.", "The Indus Valley was home to 5 large cities."]);
    expect(documentTopic(pm)?.name).toBe("Harappan Civilisation");
  });
});

describe("questions: an approximate figure and a span of years (the thirteenth review's Pala text)", () => {
  const content = readFileSync(path.resolve(__dirname, "held-out-texts/pala-dynasty-bengal.txt"), "utf8");
  const set = generateStudySet([ingestMaterial({ source: "pala-dynasty-bengal.txt", content })]);
  const statements = set.questions.filter((q) => q.kind === "true_false" || q.kind === "single_choice");
  const shown = (q: (typeof statements)[number]) => [q.prompt, ...(q.options ?? []).map((o) => o.text)].join(" | ");

  it("offers no year within 10 of an approximate one ('left India around 1040'), as a swap or an option", () => {
    const atisha = statements.filter((q) => /Atisha finally left India around/.test(q.prompt));
    for (const q of atisha) {
      const year = /left India around (\d{4})/.exec(q.prompt)?.[1];
      if (year && year !== "1040") expect(Math.abs(Number(year) - 1040)).toBeGreaterThanOrEqual(10);
      for (const o of q.options ?? []) if (!o.correct) expect(Math.abs(Number(o.text) - 1040)).toBeGreaterThanOrEqual(10);
    }
  });

  it("keeps a swapped year inside its span ('reigned from roughly _____ or 775 to about 810')", () => {
    for (const q of statements.filter((x) => /reigned from roughly/.test(x.prompt))) {
      const year = /reigned from roughly (\d{3,4})/.exec(q.prompt)?.[1];
      if (year) expect(Number(year), shown(q)).toBeLessThan(810);
      for (const o of q.options ?? []) expect(Number(o.text), shown(q)).toBeLessThan(810);
    }
    // (The Mihira Bhoja item of the review, "ruled from about 740 to 885", had a start swapped past its own end.)
    for (const q of statements.filter((x) => /Mihira Bhoja, who ruled from about/.test(x.prompt))) {
      const year = /ruled from about (\d{3,4})/.exec(q.prompt)?.[1];
      if (year) expect(Number(year), shown(q)).toBeLessThan(885);
    }
  });
});
