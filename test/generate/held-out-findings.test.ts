import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { buildCorpus } from "@/lib/generate/corpus";
import { scoreItem } from "@/lib/generate/quality";
import { buildPools, collectSlots, isRangeEnd, pickDistractors } from "@/lib/generate/slots";
import { examplesListAt } from "@/lib/generate/text";
import { inContext } from "@/lib/generate/context";
import { definitionHead } from "@/lib/generate/explain";
import { namesAPerson } from "@/lib/nlp/wordnet";
import { readAloneIn } from "./helpers";

// Written for this test; not copied from any source. Faults blind examiners found on texts the project had never seen
// (seed 5270), told here in other subjects.

describe("isRangeEnd: one end of a range is half a fact", () => {
  it.each([
    ["could cost between ", " and 4.5 per cent of output by 2030."],
    ["could cost between 2.5 and ", " per cent of output by 2030."],
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

describe("review of these rules: what they must leave alone", () => {
  // Written for this test; not copied from any source. Counter-examples an independent reviewer found.
  it("reads a change 'from 4 per cent to 6.5 per cent' as two facts, not a range", () => {
    expect(isRangeEnd("The bank raised the policy rate from ", " per cent to 6.5 per cent between May 2022 and 2023.")).toBe(false);
    expect(isRangeEnd("The bank raised the policy rate from 4 per cent to ", " per cent between May 2022 and 2023.")).toBe(false);
  });
  it("does not read 'the Estimates Committee' or '45 irrigation projects' as a report's figure; does read a forecast", () => {
    const text = [
      "Parliament and its committees",
      "",
      "The Estimates Committee of Parliament has 30 members drawn from the Lok Sabha.",
      "Under the Jal Jeevan Mission, 45 irrigation projects were completed in Veldra in 2021.",
      "The central bank cut its inflation forecast to 4 per cent for 2025.",
    ].join("\n");
    const pm = ingestMaterial({ source: "committees.txt", content: text });
    const corpus = buildCorpus([pm]);
    const flagged = (i: number, blanked: string) => scoreItem(corpus, { kind: "cloze", asks: "number", refs: [corpus.refsOf(pm)[i]!], text: blanked }).reasons.some((r) => /report, survey or estimate/.test(r));
    expect(flagged(0, "The Estimates Committee of Parliament has _____ members drawn from the Lok Sabha.")).toBe(false);
    expect(flagged(1, "Under the Jal Jeevan Mission, _____ irrigation projects were completed in Veldra in 2021.")).toBe(false);
    expect(flagged(2, "The central bank cut its inflation forecast to _____ for 2025.")).toBe(true);
  });
  it("keeps 'the world' and 'the atmosphere' after 'the developing world': an adjective does not name a thing", () => {
    const text = ["Emissions", "", "Most of the developing world still lacks clean power. China is the largest emitter of carbon dioxide in the world."].join("\n");
    const pm = ingestMaterial({ source: "emissions.txt", content: text });
    const s = pm.sentences.find((x) => x.text.startsWith("China"))!;
    expect(inContext(s.text, pm, s)).not.toBeNull();
  });
  it("reads no clause after a list of examples as one of its members", () => {
    expect(examplesListAt("Emerging economies such as India and Brazil have pushed for reform at the WTO, and ")).toBeNull();
    expect(examplesListAt("Regional states including Iran, Tajikistan and ")?.membersBefore).toBe(2);
  });
});

describe("labels, connectives and lower-case openings: what the review found", () => {
  // Written for this test; not copied from any source.
  const text = [
    "Farm support in Veldra",
    "",
    "Myths of the Kisan Nidhi Scheme: The scheme pays every farmer in Veldra 12,000 rupees a year.",
    "Veldra and Ostra: Both states tested new seed varieties in 2019.",
    "Farm Credit and Insurance: The Kisan Nidhi Scheme paid 6,000 rupees a year to small farmers from 2019.",
    "And with the monsoon failing in 2014, food inflation in Veldra rose above 10 per cent.",
    "mRNA vaccines for cattle were first tested in Veldra in 2021 by the state veterinary institute.",
    "Exports of Veldra's rice fell sharply in 2019, particularly because a drought cut the harvest in half.",
  ].join("\n");
  const set = generateStudySet([ingestMaterial({ source: "farm.txt", content: text })]);
  const shown = [...set.cards.map((c) => `${c.front} ${c.back}`), ...set.questions.map((q) => q.prompt)];
  it("never states a myth as a fact, nor drops the subject two names give ('Both states…')", () => {
    expect(shown.filter((t) => /(?:^|\? )The scheme pays every farmer|(?:^|\? )Both states tested/.test(t))).toEqual([]);
  });
  it("still strips a plain label, and only the conjunction from 'And with…'", () => {
    expect(shown.some((t) => /The Kisan Nidhi Scheme paid/.test(t))).toBe(true);
    expect(shown.filter((t) => /(?:^|\? )And with/.test(t))).toEqual([]);
    expect(shown.some((t) => /With the monsoon failing in/.test(t))).toBe(true);
  });
  it("keeps a sentence that opens in lower case by its spelling ('mRNA'), and makes no cause card cut at 'particularly'", () => {
    expect(shown.some((t) => /mRNA vaccines for cattle/.test(t))).toBe(true);
    expect(shown.filter((t) => /particularly\.$/.test(t))).toEqual([]);
  });
});

describe("second review of these rules", () => {
  // Written for this test; not copied from any source. Counter-examples a second independent reviewer found.
  const generate = (lines: string[]) => {
    const set = generateStudySet([ingestMaterial({ source: "x.txt", content: lines.join("\n") })]);
    return [...set.cards.map((c) => `${c.front} ${c.back}`), ...set.questions.map((q) => q.prompt), ...set.modelAnswers.flatMap((a) => a.body.flatMap((s) => s.points.map((p) => p.text)))];
  };
  it("keeps 'Yet to be ratified', 'Still to be settled' and 'But for' whole: the meaning turns on them", () => {
    const shown = generate([
      "The eastern boundary",
      "",
      "Yet to be ratified by the Chinese government, the Simla Convention of 1914 remains the basis of India's claim.",
      "Still to be settled is the status of the Aksai Chin plateau, which India claims and China has held since 1962.",
      "But for the Supreme Court's stay in 2019, the new law would have applied to 30 states.",
    ]);
    expect(shown.filter((t) => /(?:^|\? |When\? )(?:To be ratified|To be settled|For the Supreme Court's stay)/.test(t))).toEqual([]);
  });
  it("keeps a party's stated position as a position ('China's Stand:')", () => {
    const shown = generate([
      "The boundary question",
      "",
      "China's Stand: Arunachal Pradesh is part of southern Tibet, a claim Beijing has pressed since 1959.",
      "Pakistan's Position: Kashmir is a disputed territory whose status must be settled by a plebiscite held under UN supervision in 1949.",
      "The McMahon Line was drawn at the Simla Conference in 1914 between British India and Tibet.",
    ]);
    expect(shown.filter((t) => /(?:^|\? |When\? |: )(?:Arunachal Pradesh is part of southern Tibet|Kashmir is a disputed territory)/.test(t))).toEqual([]);
  });
  it("reads a band ('varies from _____ to 400 centimetres', 'anything from 2 to _____ per cent') as a range, a change as two facts", () => {
    expect(isRangeEnd("Annual rainfall in the state varies from ", " to 400 centimetres.")).toBe(true);
    expect(isRangeEnd("The committee tolerates anything from 2 to ", " per cent.")).toBe(true);
    expect(isRangeEnd("The bank raised the policy rate from ", " per cent to 6.5 per cent.")).toBe(false);
  });
  it("keeps notes without full stops: a first line that is not a headline stays", () => {
    const shown = generate([
      "The Reserve Bank of India",
      "",
      "The Reserve Bank of India was set up on 1 April 1935 under the Reserve Bank of India Act, 1934",
      "The Reserve Bank of India was nationalised in 1949 by the Government of India",
      "The Reserve Bank of India issues currency notes under Section 22 of the Act",
    ]);
    expect(shown.length).toBeGreaterThan(0);
  });
  it("reads 'Article 14, Article 19 and _____' and 'Côte d'Ivoire, Ghana and _____' as lists", () => {
    expect(examplesListAt("Rights such as Article 14, Article 19 and ")?.membersBefore).toBe(2);
    expect(examplesListAt("Cocoa growers including Côte d'Ivoire, Ghana and ")?.membersBefore).toBe(2);
  });
});

describe("a name its definition calls a thing is asked 'What is…?' (seventh blind review: \"'Who is Bande Mataram?' wrongly asks 'who' of a song\")", () => {
  // Written for this test: a song whose name reads as a person's.
  const text = [
    "Songs of Karn",
    "",
    "In 1905 crowds in Karn sang Robert Osk, a song from the novel Dorrath by Mary Vint, at every protest meeting.",
    "Robert Osk, a song from the novel Dorrath by Mary Vint, was banned by the Karn police in 1906.",
    "The poet Mary Vint wrote the novel Dorrath in 1882.",
  ].join("\n");
  it("asks what the song is, not who", () => {
    const fronts = generateStudySet([ingestMaterial({ source: "karn.txt", content: text })]).cards.map((c) => c.front);
    expect(fronts).toContain("What is Robert Osk?");
    expect(fronts.filter((f) => f.startsWith("Who is Robert Osk"))).toEqual([]);
  });
  it("reads the noun a definition is built on, and whether it names a person", () => {
    expect(definitionHead("a song composed by a poet of Karn")).toBe("song");
    expect(definitionHead("the founder of the Karn Samaj")).toBe("founder");
    expect(definitionHead("a Sanskrit scholar and social reformer")).toBe("scholar");
    expect(definitionHead("a floodplain lake of the Dorra river")).toBe("lake");
    expect(["song", "journal", "lake", "platform", "gateway"].map(namesAPerson)).toEqual([false, false, false, false, false]);
    expect(["poet", "officer", "girl", "founder", "reformer"].map(namesAPerson)).toEqual([true, true, true, true, true]);
    // Person senses that come late ("source", "party", "power") or through an instance ("Hill" for "hill") do not count.
    expect(["source", "party", "power", "hill"].map(namesAPerson)).toEqual([false, false, false, false]);
  });
  it("after a code review: 'a leading figure of…' keeps 'Who is…?', 'an icon of the city' or 'a hymn to the goddess' does not make one, a body's one-word name keeps its card", () => {
    const cardsOf = (line: string) => generateStudySet([ingestMaterial({ source: "karn.txt", content: `Notes on Karn\n\n${line}` })]).cards.filter((c) => c.kind === "qa").map((c) => c.front);
    expect(cardsOf("Gopal Krishna Gokhale, a leading figure of the moderates, founded the Servants of India Society in 1905.")).toContain("Who is Gopal Krishna Gokhale?");
    expect(cardsOf("The Charminar, an icon of the city of Hyderabad, was built in 1591 by Muhammad Quli Qutb Shah.")).not.toContain("Who is Charminar?");
    expect(cardsOf("Bande Mataram, a hymn to the mother goddess, was written by Bankim Chandra Chatterjee in the 1870s.")).not.toContain("Who is Bande Mataram?");
    expect(cardsOf("The Knesset, the unicameral legislature of Israel, has 120 members elected for four years.")).toContain("What is the Knesset?");
  });
  it("keeps one article: 'What is the Society of Karn Makers?', never 'the The'", () => {
    const pm = ingestMaterial({ source: "karn.txt", content: "Makers of Karn\n\nThe Society of Karn Makers, an industry body representing many smaller makers of carts, was set up in 2011 in Dorra." });
    const fronts = generateStudySet([pm]).cards.map((c) => c.front);
    expect(fronts.filter((f) => /\bthe The\b/.test(f))).toEqual([]);
  });
});

describe("the eighth blind review's faults, told in other words", () => {
  // Written for this test.
  const text = [
    "Councils of Karn",
    "",
    "The Karn Forest Act was passed in 2006 after a long campaign.",
    "The Act was a meeting point between the forest movements and the labour movements of Karn.",
    "The council has the power to grant leases of minor minerals, the power to prevent the alienation of land of a Karn Tribe, the power to manage village markets, and the power to control moneylending.",
    "First, the Governor of Karn may direct that any particular Act of the Karn Assembly shall not apply to a Forest Area.",
    "Article 243M of the Karn Charter excluded the Forest Areas from the application of Part IX in 1996.",
    "Article 244 of the Karn Charter covers the Forest Areas, and Article 275 provides grants to them.",
  ].join("\n");
  const pm = ingestMaterial({ source: "karn.txt", content: text });
  const set = generateStudySet([pm]);
  it("makes no 'What is Act?' and no card of one item of a list of powers", () => {
    const fronts = set.cards.map((c) => c.front);
    expect(fronts.filter((f) => /^What (?:is|was) (?:the )?Act\?/.test(f))).toEqual([]);
    expect(set.cards.filter((c) => c.kind === "qa" && /^The power to/.test(c.back))).toEqual([]);
  });
  it("makes no item of a list point that opens 'First, …'", () => {
    expect(readAloneIn(pm, "First, the Governor")).toBeNull();
  });
  it("offers no multiple of an Article's number ('Article 120M')", () => {
    const corpus = buildCorpus([pm]);
    const slots = collectSlots(corpus);
    const slot = slots.find((s) => s.type === "number" && s.answer === "243M");
    expect(slot).toBeDefined();
    expect(pickDistractors(corpus, buildPools(corpus, slots), slot!, 3).filter((o) => /^\d+M$/.test(o))).toEqual([]);
  });
});
