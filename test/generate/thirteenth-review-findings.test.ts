import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { inContext } from "@/lib/generate/context";
import { actorSubtype, collectSlots } from "@/lib/generate/slots";
import { buildCorpus } from "@/lib/generate/corpus";
import { sharesCircle } from "@/lib/generate/questions";

// Written for this test; not copied from any source. Faults the thirteenth blind review found in definition cards,
// short names and options ("What is Shiva? → An indication of how…", "What is the CE? → The epoch of the Saka era",
// "What is Utkalas? → The people of Orissa, the Gurjaras…", "the National Food and Agriculture Organization",
// "Parliament House" offered for a house of Parliament), told here in other subjects.

const qaFronts = (text: string) =>
  generateStudySet([ingestMaterial({ source: "dorra.txt", content: `Notes on Dorra\n\n${text}` })])
    .cards.filter((c) => c.kind === "qa")
    .map((c) => `${c.front} → ${c.back}`);

describe("an appositive defines the name before it only when it describes that name", () => {
  it("makes no card of a noun that sums up the clause before it", () => {
    const fronts = qaFronts(
      "Shiva was worshipped at Tarsa from early times. The rulers of Dorra gave land to priests of Shiva in 905. His Tarsa copper plate records that he built a thousand shrines of Shiva, an indication of how the later Dorra kings joined personal faith in the Buddha with support for temple worship.",
    );
    expect(fronts.filter((f) => /Shiva\?/.test(f))).toEqual([]);
  });
  it("makes no card of one item of a list of noun phrases", () => {
    const fronts = qaFronts(
      "The age saw the building of the great shrine at Tarsa, the perfection of copper casting into a fine art of the region, a flowering of Dorran poetry, and a system of village councils recorded in many inscriptions. The Tarsa shrine was finished in 1010.",
    );
    expect(fronts.filter((f) => /Tarsa\?/.test(f))).toEqual([]);
  });
  it("reads a list of pairs that share one verb as the first pair only", () => {
    const fronts = qaFronts("The Velans were the herders of the eastern hills, the Marans almost certainly the boatmen of the delta, and the Sura chief probably a vassal of the Dorra king. The Velans and the Marans paid tribute in cattle.");
    expect(fronts.filter((f) => /Marans|Sura chief/.test(f.split(" → ")[1] ?? ""))).toEqual([]);
  });
  it("makes no card of the unit or era after a figure", () => {
    const fronts = qaFronts("Many scholars dated the start of the Tarsa reign to 312 DE, the epoch of the Dorra era. The reading of 48.2 degrees Fahrenheit, the coldest ever measured in Tarsa, came in 1902.");
    expect(fronts.filter((f) => /What is (?:the )?(?:DE|Fahrenheit)\?/.test(f))).toEqual([]);
  });
  it("still defines a person named after a year", () => {
    const fronts = qaFronts("In 1951 Arvel Mossin, the former head of the Tarsa River Authority in Dorra, visited the delta and wrote a report on flood control.");
    expect(fronts).toContain("Who is Arvel Mossin? → The former head of the Tarsa River Authority in Dorra");
  });
});

describe("a short 'the <Word>' that opens a longer name is left as written", () => {
  it("does not put another name ending in the word in for it", () => {
    const text = [
      "Grain in Dorra",
      "",
      "Under the National Grain Security Act, provinces may hand out millet in place of rice.",
      "In 2021 the Dorra Assembly named 2023 the Year of Millets, with the Grain and Seed Organization as the lead agency.",
    ].join("\n");
    const pm = ingestMaterial({ source: "grain.txt", content: text });
    const sentence = pm.sentences.find((s) => s.text.startsWith("In 2021"))!;
    expect(inContext(sentence.text, pm, sentence)).toContain("the Grain and Seed Organization");
    expect(inContext(sentence.text, pm, sentence)).not.toContain("National Grain and Seed");
  });
});

describe("options are bodies of the same kind", () => {
  it("keeps committees apart from houses, and a building from a chamber", () => {
    expect(actorSubtype("Rules Committee")).not.toBe(actorSubtype("Council of States"));
    expect(actorSubtype("Assembly House")).toBe("other");
    expect(actorSubtype("Upper House")).toBe(actorSubtype("Council of States"));
  });
});

describe("'How many…?' asks only for what was counted", () => {
  it("leaves out a second clause after ', and'", () => {
    const fronts = qaFronts("About 9 crore rural households keep cattle in Dorra, and women do most of the work of caring for the animals.");
    expect(fronts.filter((f) => f.startsWith("How many") && /women/.test(f))).toEqual([]);
  });
});

describe("a sentence that follows something unshown is not read alone", () => {
  const text = [
    "Reforms in Dorra",
    "",
    "The Dorra Assembly passed a model law on grain markets in 2017.",
    "A companion law on leasing followed in 2018.",
    "A milk strike followed, lasting about twelve days, during which no milk was sent to Tarsa.",
    "Other provinces followed suit within a year.",
    "The Tarsa Dairy was followed by a dozen cooperative dairies in 1950.",
  ].join("\n");
  const pm = ingestMaterial({ source: "reforms.txt", content: text });
  const read = (start: string) => {
    const s = pm.sentences.find((x) => x.text.startsWith(start))!;
    return inContext(s.text, pm, s);
  };
  it("drops 'X followed (in 2018)', 'followed, lasting…' and 'followed suit'", () => {
    expect(read("A companion law")).toBeNull();
    expect(read("A milk strike")).toBeNull();
    expect(read("Other provinces")).toBeNull();
  });
  it("keeps 'was followed by' with what followed", () => {
    expect(read("The Tarsa Dairy")).not.toBeNull();
  });
  it("drops a list line that opens with its verb ('Linked 18 milksheds…')", () => {
    const notes = ingestMaterial({ source: "notes.txt", content: "Operation Dorra\n\nPhase I of the programme:\n- Linked 18 milksheds in the provinces with the four big markets of Tarsa, Velan, Marr and Kost.\n" });
    const s = notes.sentences.find((x) => x.text.includes("Linked 18"))!;
    expect(inContext(s.text, notes, s)).toBeNull();
  });
});

// Written for these tests: two circles of people that the material never names together.
const TWO_CIRCLES = [
  "Two movements",
  "",
  "In Dorra, Arvel Mossin and Tamsin Korr led the boycott of the salt courts in 1921.",
  "Arvel Mossin and Tamsin Korr were jailed at Tarsa in 1922.",
  "Ravi Sandhar and Ilse Varn gave up their legal practices in Dorra, and so did Tamsin Korr in Velan.",
  "In Kost, far to the north, Baron Edrik Hald and Count Ovar Selm led the Kost Grand Assembly in 1920.",
  "Baron Edrik Hald and Count Ovar Selm signed the Kost Charter in 1923.",
];

describe("a name swapped into a false statement belongs to the sentence's circle", () => {
  const text = TWO_CIRCLES.join("\n");
  const corpus = buildCorpus([ingestMaterial({ source: "movements.txt", content: text })]);
  const slot = collectSlots(corpus).find((s) => s.type === "person" && s.answer === "Ravi Sandhar")!;
  it("swaps in a person named beside one of the sentence's other names, never one of another circle", () => {
    expect(slot).toBeDefined();
    expect(sharesCircle(corpus, slot, "Arvel Mossin")).toBe(true);
    expect(sharesCircle(corpus, slot, "Count Ovar Selm")).toBe(false);
    expect(sharesCircle(corpus, slot, "Baron Edrik Hald")).toBe(false);
  });
  it("never swaps in a name the sentence already gives", () => {
    expect(sharesCircle(corpus, slot, "Tamsin Korr")).toBe(false);
  });
});

describe("after a code review: the rules above leave good items alone", () => {
  it("keeps a definition that holds a list of names, a stacked clause, a 'measure of', a name after a year", () => {
    expect(qaFronts("The Quad Forum is an informal strategic forum of India, the United States, Japan and Australia. The Quad Forum met in Tokyo in 2022.")).toContain(
      "What is the Quad Forum? → An informal strategic forum of India, the United States, Japan and Australia",
    );
    expect(qaFronts("The talks were led by Arvel Mossin, the foreign minister of Dorra from 1920, a post Mossin held until 1931.")).toContain("Who is Arvel Mossin? → The foreign minister of Dorra from 1920");
    expect(qaFronts("The Gini Index, a measure of inequality in income across households, fell in Dorra in 2019. The Gini Index is published each year.")).toContain(
      "What is the Gini Index? → A measure of inequality in income across households",
    );
    expect(qaFronts("The convention was adopted in 1972 by UNESCO, the cultural agency of the United Nations in Paris. UNESCO keeps a list of sites.").filter((f) => f.includes("cultural agency"))).toHaveLength(1);
  });
  it("drops a definition whose term opens a clause, or that is a clause or an absolute phrase", () => {
    expect(qaFronts("If the Tarsa index is the thermometer, the Dorra Response Plan, known as DRP, is the prescription chart for the city.").filter((f) => /What is the If/.test(f))).toEqual([]);
    expect(qaFronts("By convention, the Secretary of either the Upper House or the Lower House of Dorra is appointed as Returning Officer, the two being chosen in rotation.").filter((f) => /being chosen/.test(f))).toEqual([]);
    // (Fifteenth blind review: "What is the In the United Kingdom the Attorney General?", "What are the Below the…?"; a name
    // that opens with such a word stays a term.)
    expect(qaFronts("Near Field Communication (NFC) is a short-range wireless technology used for payments in Dorra. Near Field Communication is common in Tarsa.")).toContain(
      "What is Near Field Communication? → A short-range wireless technology used for payments in Dorra",
    );
    expect(qaFronts("In the Kost Republic the Chief Counsel is a member of the government and sits in the Kost Assembly as a politician. The Chief Counsel of Dorra is not.").filter((f) => /What (?:is|are) the In\b/.test(f))).toEqual([]);
    expect(qaFronts("Below the Chief Counsel are the Deputy Counsels of Dorra, a body whose number has grown over the years. The Deputy Counsels argue cases in Tarsa.").filter((f) => /What (?:is|are) the Below\b/.test(f))).toEqual([]);
  });
  it("asks 'How many…?' of a list written with a final comma, and stops before a second that-clause", () => {
    expect(qaFronts("About 40 lakh farmers grow wheat, rice, and pulses in the Tarsa plains of Dorra.")).toContain("How many farmers grow wheat, rice, and pulses in the Tarsa plains of Dorra? → About 40 lakh");
    const fronts = qaFronts("A Dorra report said that 146 persons had been shut in and that only 23 survived until the morning.");
    expect(fronts.filter((f) => f.startsWith("According to"))).toHaveLength(1);
    expect(fronts.filter((f) => /and that/.test(f))).toEqual([]);
  });
});

describe("after a code review: 'followed' is read as the clause's verb only", () => {
  const lines = [
    "The Dorra Assembly passed a model law on grain markets in 2017.",
    "In 2018, a companion law on leasing followed.",
    "The procedure followed in the Dorra Assembly is laid down in its Rules of Business.",
    "Every member of the Dorra Assembly knows that the Rules of Business must be followed.",
    "Arvel Mossin followed in the footsteps of his teacher in the Dorra Assembly.",
    "The policy followed during the war by the Dorra government was one of neutrality.",
    "Ahmedabad adopted a heat plan in 2013 and dozens of cities in Dorra have since followed.",
    "Tarsa and Velan followed suit in 2019.",
  ];
  const pm = ingestMaterial({ source: "r.txt", content: `Reforms in Dorra\n\n${lines.join("\n")}` });
  const read = (l: string) => {
    const s = pm.sentences.find((x) => x.text === l)!;
    return inContext(s.text, pm, s);
  };
  it("drops it after an opening phrase and with a subject of two names", () => {
    expect(read(lines[1]!)).toBeNull();
    expect(read(lines[7]!)).toBeNull();
  });
  it("keeps a passive, a participle, 'followed in the footsteps' and a later clause", () => {
    for (const l of lines.slice(2, 7)) expect(read(l), l).not.toBeNull();
  });
});

describe("after a code review: a name the material keeps naming sets no circle", () => {
  it("does not let a common place put a far name in the sentence's circle", () => {
    const text = [
      ...TWO_CIRCLES,
      "In 1925 Count Ovar Selm visited Dorra on a trade mission.",
      ...Array.from({ length: 12 }, (_, i) => `The Dorra salt tax was raised again in ${1890 + i}.`),
    ].join("\n");
    const corpus = buildCorpus([ingestMaterial({ source: "movements.txt", content: text })]);
    const slot = collectSlots(corpus).find((s) => s.type === "person" && s.answer === "Ravi Sandhar")!;
    expect(sharesCircle(corpus, slot, "Count Ovar Selm")).toBe(false);
    expect(sharesCircle(corpus, slot, "Arvel Mossin")).toBe(true);
  });
});

describe("fourteenth blind review: an abbreviation of a plural term is expanded in the singular", () => {
  it("reads 'canal credit companies (CCCs)' as 'Canal credit company', not 'Canal credit companie'", () => {
    const text = [
      "Lending in Dorra",
      "",
      "Banks in Dorra may buy pools of loans made by canal credit companies (CCCs) and count them towards their targets.",
      "Lending to CCCs for on-lending to farmers was allowed from 2019.",
      "Co-lending between banks and CCCs began in 2018 and was revised in 2020.",
    ].join("\n");
    const cards = generateStudySet([ingestMaterial({ source: "l.txt", content: text })]).cards.filter((c) => c.kind === "acronym");
    expect(cards.map((c) => c.back)).toContain("Canal credit company");
  });
});

describe("fourteenth blind review: 'By what other name…' asks only of a name the material gives another", () => {
  it("needs the whole other name, in a sentence naming the thing, not a name inside a phrase of place", () => {
    const fronts = qaFronts(
      [
        "Mission Tarsa restored 20,000 village tanks in Dorra from 2015, and Mission Tarsa is run by the irrigation department.",
        "Inside the fort stand four stone gateways, known as the Tarsa Kala Gates, which once surrounded a temple.",
        "The young radicals of Arvel Mossin's circle at Velan College, known as Young Dorra, challenged orthodoxy in the 1830s.",
        "Velan College was founded in 1817.",
        "The Kaveri-like river Mahadra, known as the Mandra in Kost, flows into the Western Sea.",
        "After the death of the last ruler in 1851, his adopted son Dhondu Rao, known as Nana Rao, was denied the pension.",
        "Dhondu Rao led the rising at Tarsa in 1857.",
      ].join("\n"),
    );
    const other = fronts.filter((f) => f.startsWith("By what other name"));
    expect(other.filter((f) => /Mission Tarsa|Velan College/.test(f))).toEqual([]);
    expect(other.filter((f) => /\bthe the\b/.test(f))).toEqual([]);
    expect(other.some((f) => /^By what other name is Dhondu Rao commonly known\? → Nana Rao$/.test(f))).toBe(true);
  });
});

describe("fourteenth and fifteenth blind reviews: a name after 'the' is no person's", () => {
  it("asks 'the author of the _____' and 'the Gathasaptashati, or _____' as a term (cloze only), not as a person", () => {
    // Written for this test (the works' names are real, the sentences are not the reviews' texts).
    const text = [
      "Courts of the Deccan",
      "",
      "Jayapa became commander of the royal elephant corps and the author of the Nritta Ratnavali in 1240.",
      "The best-known literary work of the period is the Gathasaptashati, or Gaha Sattasai, an anthology of short poems attributed to King Hala.",
      "Jayapa served Ganapatideva at Warangal from 1231.",
      "The Nritta Ratnavali is a treatise on dance.",
    ].join("\n");
    const slots = collectSlots(buildCorpus([ingestMaterial({ source: "c.txt", content: text })]));
    const at = (answer: string, sentence: string) => slots.find((s) => s.answer === answer && s.ref.sentence.text.startsWith(sentence))?.type;
    expect(at("Nritta Ratnavali", "Jayapa became")).toBe("term");
    expect(at("Gaha Sattasai", "The best-known")).toBe("term");
    expect(at("King Hala", "The best-known")).toBe("person");
    expect(at("Nritta Ratnavali", "The Nritta")).toBe("term");
  });
  it("keeps a person's other name a person (a code review)", () => {
    const text = [
      "Leaders of India",
      "",
      "Mohandas Karamchand Gandhi, or Mahatma Gandhi, returned from South Africa in 1915.",
      "In 1984 the Indira Gandhi assassination led to riots in Delhi.",
      "Indira Gandhi was prime minister in 1975.",
    ].join("\n");
    const slots = collectSlots(buildCorpus([ingestMaterial({ source: "l.txt", content: text })]));
    expect(slots.find((s) => s.answer === "Mahatma Gandhi")?.type).toBe("person");
    expect(slots.find((s) => s.answer === "Indira Gandhi" && s.ref.sentence.text.startsWith("Indira Gandhi was"))?.type).toBe("person");
  });
});

describe("fourteenth and fifteenth blind reviews: coaching-note labels are cut", () => {
  it("cuts 'Prelims pointer:', 'Prelims fact:' and 'Mains angle:' before a sentence of their own", () => {
    const pm = ingestMaterial({
      source: "n.txt",
      content: [
        "Cooperative Credit in Dorra: Study Notes",
        "",
        "Prelims pointer: The 2020 amendment of the Dorra Banking Act covers urban cooperative banks in Tarsa.",
        "Prelims fact: The Dorra Language Rules, 1976 classify the provinces into three regions.",
        "Mains angle: The Dorra Assembly has debated dual control of cooperative banks since 1966.",
      ].join("\n"),
    });
    const read = (label: string) => {
      const s = pm.sentences.find((x) => x.text.startsWith(label))!;
      return inContext(s.text, pm, s);
    };
    expect(read("Prelims pointer:")).toBe("The 2020 amendment of the Dorra Banking Act covers urban cooperative banks in Tarsa.");
    expect(read("Prelims fact:")).toBe("The Dorra Language Rules, 1976 classify the provinces into three regions.");
    expect(read("Mains angle:")).toBe("The Dorra Assembly has debated dual control of cooperative banks since 1966.");
  });
  it("keeps a label before a word in small letters (a code review: no lower-case fragment)", () => {
    const pm = ingestMaterial({ source: "n.txt", content: "Notes on Dorra\n\nKey concept: the rule applies to every province of Dorra from 1990." });
    const s = pm.sentences[pm.sentences.length - 1]!;
    expect(inContext(s.text, pm, s) ?? "").not.toMatch(/^the rule/);
  });
});
