import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material";
import { generateStudySet } from "@/lib/generate";
import { buildCorpus } from "@/lib/generate/corpus";
import { isAnswerGivenAway } from "@/lib/generate/readability";
import { actorSubtype, buildPools, collectSlots, pickDistractors, isPeopleNoun, nameHead, nameSubtype, type Slot } from "@/lib/generate/slots";

const text = [
  "Mohan Rao and the reform of the tax system",
  "",
  "In 1930, Mohan Rao, then aged 61, led a march of thousands of farmers to the coast of Gujarat.",
  "Thousands of Indians joined him on the march to the coast.",
  "Under the Representation of the People Act, 1951, a member who loses the requisite qualifications vacates the seat.",
  "The Planning Commission was abolished in 2014 and replaced by the NITI Aayog.",
  "Vallabhbhai Patel led the Kheda campaign of 1918 against the collection of land revenue.",
  "Sardar Patel later became the first Home Minister of India in 1947.",
  "Jawaharlal Nehru became the first Prime Minister of India in 1947.",
  "Rajendra Prasad became the first President of India in 1950.",
  "B. R. Ambedkar chaired the Drafting Committee of the Constituent Assembly from 1947.",
].join("\n");

describe("slots: a person in the news and half of a ratio", () => {
  const news = [
    "Hail flattens wheat in Dessa district",
    "",
    "At Orrin village, Asha Verma, 47, who grows wheat on four hectares, stood beside a field where the plants lay flat.",
    "Teams of 12 officers each will visit 300 villages over the next 10 days, and 1,300 teams have been formed in all.",
    "Under the Dessa Crop Plan, premiums are shared by the Union and the states on a 75:25 basis.",
    "Farmers pay a premium of 2 per cent for kharif crops and 1.5 per cent for rabi crops under the Dessa Crop Plan.",
    "The Dessa Crop Plan was launched in 2016 and covered 40 lakh farmers by 2023.",
  ].join("\n");
  const pm = ingestMaterial({ source: "news", content: news });
  const corpus = buildCorpus([pm]);
  const slots = collectSlots(corpus);

  it("does not blank an age a report gives after a name ('Asha Verma, 47, who…'), nor that person's name", () => {
    expect(slots.some((s) => s.answer === "47")).toBe(false);
    expect(slots.some((s) => s.answer === "Asha Verma")).toBe(false);
  });

  it("offers no age among a count's options", () => {
    const pools = buildPools(corpus, slots);
    expect([...pools.numbers.values()].flat().some((n) => n.text === "47")).toBe(false);
  });

  it("does not blank half of a ratio ('on a 75:_____ basis')", () => {
    expect(slots.some((s) => s.answer === "25" || s.answer === "75")).toBe(false);
  });
});

describe("slots: what is never asked", () => {
  const pm = ingestMaterial({ source: "own", content: text });
  const slots = collectSlots(buildCorpus([pm]));

  it("does not blank a person's age", () => {
    expect(slots.some((s) => s.answer === "61")).toBe(false);
  });

  it("does not blank the year inside a law's name", () => {
    expect(slots.some((s) => s.answer === "1951")).toBe(false);
  });

  it("does not blank a people named by a plural or demonym", () => {
    expect(slots.some((s) => s.answer === "Indians")).toBe(false);
    expect(isPeopleNoun("Indians")).toBe(true);
    expect(isPeopleNoun("Muslims")).toBe(true);
    expect(isPeopleNoun("Turkey")).toBe(false);
  });
});

describe("semantic types of names", () => {
  it("reads a body's kind from the head of its name, not from any word in it", () => {
    expect(nameHead("Council of Ministers")).toBe("Council");
    expect(actorSubtype("Council of Ministers")).toBe("council or assembly");
    expect(actorSubtype("Members of Parliament")).toBe("office");
    expect(actorSubtype("Taliban Foreign Minister", "group")).toBe("office");
    expect(actorSubtype("National Defence Fund")).toBe("fund or programme");
    expect(actorSubtype("United Nations Environment Programme")).toBe("fund or programme");
    expect(actorSubtype("Technology and Economic Assessment Panel")).toBe("committee or panel");
    // A committee of a house is no option for the house; a building named "House" is no chamber.
    expect(actorSubtype("Business Advisory Committee")).not.toBe(actorSubtype("Council of States"));
    expect(actorSubtype("Parliament House")).toBe("other");
    expect(actorSubtype("House of the People")).toBe("council or assembly");
    expect(actorSubtype("Lower House")).toBe("council or assembly");
    expect(actorSubtype("Central Bureau of Investigation")).toBe("agency or department");
    expect(actorSubtype("Indian National Congress")).toBe("party");
  });

  it("calls a name a country only when the whole name is one", () => {
    expect(nameSubtype("Turkey")).toBe("country");
    expect(nameSubtype("Quit India")).toBe("other");
    expect(nameSubtype("Cabinet Secretary of India")).toBe("other");
  });
});

describe("one fact, one item of each family", () => {
  const set = generateStudySet([ingestMaterial({ source: "own", content: text })]);
  const items = [...set.cards, ...set.questions.filter((q) => q.kind !== "written")];

  it("never offers two names of one family among a question's options", () => {
    const corpus = buildCorpus([ingestMaterial({ source: "own", content: text })]);
    const slots = collectSlots(corpus);
    const pools = buildPools(corpus, slots);
    const persons = slots.filter((s) => s.type === "person");
    expect(persons.length).toBeGreaterThan(0);
    for (const slot of persons) {
      const names = [slot.answer, ...pickDistractors(corpus, pools, slot, 3)];
      const surnames = names.map((n) => n.split(/\s+/).pop());
      expect(new Set(surnames).size, names.join(" | ")).toBe(surnames.length);
    }
  });

  it("makes at most one card and one timed question from one sentence", () => {
    const perSentence = new Map<string, number>();
    for (const item of items) {
      if (item.evidence.length !== 1) continue;
      const key = `${"front" in item ? "card" : "question"}|${item.evidence[0]!.start}`;
      perSentence.set(key, (perSentence.get(key) ?? 0) + 1);
    }
    expect(Math.max(0, ...perSentence.values())).toBeLessThanOrEqual(1);
  });
});

describe("items that stand on their own", () => {
  it("does not ask for a capital the same sentence names by its country", () => {
    expect(isAnswerGivenAway('China said that it was "deeply concerned", adding that  was talking to both sides.', "Beijing")).toBe(true);
    expect(isAnswerGivenAway("The talks were held in  last year.", "Beijing")).toBe(false);
  });

  const own = [
    "The British Raj and the partition of the subcontinent",
    "",
    "British India was governed by the Crown from 1858 until the partition of the subcontinent.",
    "In February 1999, the India and Pakistan signed the Lahore Declaration to reduce the risk of nuclear conflict between them.",
    "Nepal, a landlocked country between India and China, signed a trade treaty with India in 1950.",
    "In 2010, the prime minister's office reported that the prime minister received only monthly allowances.",
  ].join("\n");
  const set = generateStudySet([ingestMaterial({ source: "own", content: own })]);
  const fronts = [...set.cards.map((c) => c.front), ...set.questions.map((q) => q.prompt)];

  it("never lengthens a country's name into another that ends in it", () => {
    expect(fronts.some((f) => /British India and Pakistan/.test(f))).toBe(false);
  });

  it("makes no definition card for a place and no timeline card for the date of a report", () => {
    expect(fronts.some((f) => /^What is Nepal\?/.test(f))).toBe(false);
    expect(fronts.some((f) => /^When\? .*reported/.test(f))).toBe(false);
  });
});

describe("screening of leftovers from the source's layout", () => {
  const own = [
    "Cabinet business in India",
    "",
    "Union cabinet is collectively responsible to the Lok Sabha as per article 75(3) of the Constitution of India.",
    "Work is distributed in terms of the Government of India (Allocation of Business) Rules, 1961, made by the President of India.",
    "Breakdown of Political Trust: Pakistan's expectation of cooperation from Kabul collapsed in 2022 as attacks along the Durand Line rose.",
    "- Collapse of Trade and Transit: Afghan imports through the port of Karachi fell by half in 2023 after Pakistan closed the Torkham crossing.",
  ].join("\n");
  const set = generateStudySet([ingestMaterial({ source: "own", content: own })]);
  const fronts = [...set.cards.map((c) => c.front), ...set.questions.map((q) => q.prompt)];

  it("never glues a blank to a clause number or puts it inside a longer name", () => {
    expect(fronts.filter((f) => /_____\(/.test(f))).toEqual([]);
    expect(fronts.filter((f) => /_____ \(Allocation/.test(f))).toEqual([]);
  });

  it("never carries a source's heading or label into an item", () => {
    expect(fronts.filter((f) => /Breakdown of Political Trust:|Collapse of Trade and Transit/.test(f))).toEqual([]);
  });
  it("asks about a labelled point's own sentence, the label (small words and all) left out", () => {
    // The label joins capitalised words with "of" and "and"; the fact after it stands alone.
    expect(fronts.some((f) => /Afghan imports through the port of Karachi fell by half in/.test(f))).toBe(true);
    expect(fronts.some((f) => /Pakistan's expectation of cooperation from Kabul collapsed/.test(f))).toBe(true);
  });
});

describe("slots: the term a statement characterises", () => {
  const termText = [
    "Fertiliser subsidies in India",
    "",
    "The government pays fertiliser makers a subsidy so that farmers buy nutrients below cost.",
    "Urea is the most used fertiliser, and urea prices are fixed by the government.",
    "Di-ammonium phosphate (DAP) is the second most used fertiliser in the country.",
    "Muriate of potash (MOP) supplies potassium, which Indian soils often lack.",
    "Unlike urea, DAP is sold at prices that companies set under the nutrient-based subsidy scheme.",
    "MOP is imported in full because India has no potash reserves of its own.",
    "The British introduced chemical fertilisers to Indian farms in the early twentieth century.",
    "Farmers often apply too much urea and too little MOP, which harms the soil over time.",
    "Officials say DAP shortages recur every sowing season in several states.",
    "Subsidies on DAP and MOP were raised sharply in 2022 after world prices rose.",
    "The subsidy bill is one of the largest items of the Union budget after food and interest payments.",
    "Neem-coated urea was made compulsory in 2015 to stop its diversion to industrial use.",
    "Soil health cards tell each farmer which nutrients his field needs and in what quantity.",
    "Balanced use of nitrogen, phosphorus and potassium raises yields more than heavy use of one nutrient.",
    "Direct benefit transfer pays the subsidy to companies only after a sale is recorded at the retail point.",
    "Nano urea, a liquid form sprayed on leaves, was launched by a cooperative in 2021.",
    "The Fertiliser Control Order was issued in 1985 to fix the quality of every nutrient sold.",
    "The Order lets inspectors seize fake fertiliser and close the shops that sell it.",
    "Under the Fertiliser Control Order, every bag must carry its nutrient content.",
  ].join("\n");
  const pm = ingestMaterial({ source: "own", content: termText });
  const corpus = buildCorpus([pm]);
  const slots = collectSlots(corpus);
  const terms = slots.filter((s) => s.type === "term");

  it("blanks a term the material keeps using where it opens the sentence as its subject", () => {
    expect(terms.map((s) => s.answer)).toContain("DAP");
    expect(terms.map((s) => s.answer)).toContain("MOP");
    for (const s of terms) expect(corpus.refs.find((r) => r.sentence === s.ref.sentence)?.pm.material.text.slice(s.start, s.end)).toBe(s.answer);
  });

  it("never blanks a people or a subject named in passing", () => {
    expect(terms.some((s) => s.answer === "British")).toBe(false);
    expect(terms.some((s) => /Officials/.test(s.answer))).toBe(false);
    // "The Order lets inspectors…" refers back to the Fertiliser Control Order: one common word is not its name.
    expect(terms.some((s) => s.answer === "Order")).toBe(false);
  });

  it("asks a term by a cloze card only: a statement with a related term swapped in cannot be checked", () => {
    const set = generateStudySet([pm], { isWrittenGenerationOff: true });
    const termStarts = new Set(terms.map((t) => t.ref.sentence.start));
    expect(set.cards.some((c) => c.kind === "cloze" && terms.some((t) => t.answer === c.back))).toBe(true);
    for (const q of set.questions) {
      expect(q.prompt).not.toMatch(/Which term completes/);
      if (q.kind === "true_false" && q.evidence.length === 1 && termStarts.has(q.evidence[0]!.start)) expect(terms.some((t) => q.prompt.includes(t.answer) && !q.evidence[0]!.quote.includes(t.answer))).toBe(false);
    }
  });

  it("offers only terms of the same shape as distractors", () => {
    const pools = buildPools(corpus, slots);
    for (const s of terms) for (const d of pickDistractors(corpus, pools, s, 3)) expect(/^[A-Z]{2,}s?$/.test(d)).toBe(/^[A-Z]{2,}s?$/.test(s.answer));
  });
});

describe("a span of years is asked among spans (seventh blind review: 'the only option written as a year range gives itself away')", () => {
  // Written for this test.
  const pm = ingestMaterial({
    source: "karn.txt",
    content: [
      "Housing in Karn",
      "",
      "In 2017-18 the Karn Housing Mission covered 40 districts of Veldra.",
      "The Ostra Board was set up in 2009 to run the Dorra canal.",
      "The Dorra canal was completed in 2014 and carries water to 300 villages.",
      "Spending on the mission rose to Rs 900 crore in 2021-22.",
    ].join("\n"),
  });
  const corpus = buildCorpus([pm]);
  const slots = collectSlots(corpus);
  it("offers financial years of the same form beside a financial year", () => {
    const slot = slots.find((s) => s.type === "year" && s.answer === "2017-18");
    expect(slot).toBeDefined();
    const options = pickDistractors(corpus, buildPools(corpus, slots), slot!, 3);
    expect(options).toHaveLength(3);
    for (const o of options) {
      expect(o).toMatch(/^\d{4}-\d{2}$/);
      expect(Number(o.slice(5))).toBe((Number(o.slice(0, 4)) + 1) % 100);
    }
  });
  it("keeps single years beside a single year", () => {
    const slot = slots.find((s) => s.type === "year" && s.answer === "2009");
    expect(pickDistractors(corpus, buildPools(corpus, slots), slot!, 3).every((o) => /^\d{4}$/.test(o))).toBe(true);
  });
  it("cuts a financial year's preposition with it from a timeline card ('When? The Karn Housing Mission covered…', not 'In the…')", () => {
    const fronts = generateStudySet([pm]).cards.filter((c) => c.kind === "timeline").map((c) => c.front);
    expect(fronts.some((f) => f.startsWith("When? The Karn Housing Mission covered 40 districts"))).toBe(true);
    expect(fronts.filter((f) => /^When\? In the\b/.test(f))).toEqual([]);
  });
});

describe("a year before 1900 is asked as a year, not a count (seventh blind review: 'In the first years after 1792…' keyed false)", () => {
  // Written for this test.
  const pm = ingestMaterial({
    source: "karn.txt",
    content: [
      "Revenue in old Karn",
      "",
      "In the first years after 1765 the Dorra Company left collection to local officials in Karn.",
      "Regulation IX of 1799 empowered landlords of Karn to seize the crops of tenants.",
      "The Ostra survey of 1827 covered 1500 villages in the Karn uplands.",
      "The Karn famine began in 1876 and killed about 5 million people.",
    ].join("\n"),
  });
  const slots = collectSlots(buildCorpus([pm]));
  const slotFor = (answer: string) => slots.find((s) => s.answer === answer);
  it("reads 'after 1765' and 'of 1799' as years, the one after 'after' as a bound", () => {
    expect(slotFor("1765")).toMatchObject({ type: "year", isOpenRange: true });
    expect(slotFor("1799")?.type).toBe("year");
    expect(slotFor("1799")?.isOpenRange).toBeUndefined();
  });
  it("after a code review: 'an army of 1200 cavalry' is a count, 'the Act of 1784 is…' and 'from 1325 to 1351' are years", () => {
    const more = ingestMaterial({ source: "karn.txt", content: ["Old Karn", "", "Tipu Dask had an army of 1200 cavalry in Karn.", "The Act of 1784 is known as the Karn India Act.", "Arno Dask ruled the Karn Sultanate from 1325 to 1351.", "Mira Osk founded the Dorra sect in the late fifteenth century, traditionally dated to 1485."].join("\n") });
    const found = collectSlots(buildCorpus([more]));
    const typeOf = (answer: string) => found.find((s) => s.answer === answer)?.type;
    // (The eighth blind review: "dated to 1485" was offered 363 and 2,500 as other "years".)
    expect([typeOf("1200"), typeOf("1784"), typeOf("1325"), typeOf("1351"), typeOf("1485")]).toEqual(["number", "year", "year", "year", "year"]);
    // A second code review: a unit after it, an era, a count that rose from one figure to another.
    const counts = ingestMaterial({ source: "karn.txt", content: ["Power in Karn", "", "The Dorra plant has a capacity of 1200 MW and feeds the western grid.", "The Karn hymns were composed around 1500 BCE in the north.", "The number of cooperatives rose from 1100 to 1650 over the decade.", "In 1757 Arno Dask defeated the Ostra army at Pell."].join("\n") });
    const countSlots = collectSlots(buildCorpus([counts]));
    const kindOf = (answer: string) => countSlots.find((s) => s.answer === answer)?.type;
    expect([kindOf("1200"), kindOf("1500"), kindOf("1100"), kindOf("1650"), kindOf("1757")]).toEqual(["number", "number", "number", "number", "year"]);
  });
  it("keeps years out of a count's options when a change verb comes earlier in the sentence", () => {
    // The ninth blind review: "Years (1681, 1707) are mixed in among the mansab figures" — "grew out of" opened the
    // sentence, and was read as "rose from 1100 to 1650".
    const karn = ingestMaterial({
      source: "karn.txt",
      content: [
        "The Karn state",
        "",
        "The Karn state grew out of a small principality in the hills, and it survived a long war against the Ostra emperor between 1681 and 1707.",
        "Under the Treaty of Pell, Arno Dask gave up twenty forts, and his son received a rank of 5,000 horse.",
        "The number of Karn forts rose from 1100 to 1650 over the century.",
        "Ostra power declined rapidly from 1707, and the coast fell to the Dorra Company by 1765.",
        "The number of Dorra wells rose over the century from 1300 to 1450, and Pell's had declined by 1750.",
      ].join("\n"),
    });
    const corpus = buildCorpus([karn]);
    const found = collectSlots(corpus);
    const typeOf = (answer: string) => found.find((s) => s.answer === answer)?.type;
    expect([typeOf("1100"), typeOf("1650")]).toEqual(["number", "number"]);
    expect([typeOf("1681"), typeOf("1707")]).not.toContain("number");
    // (A code review: "declined rapidly from 1707" and "fell to the Dorra Company by 1765" name years, not changed counts.)
    expect(found.filter((s) => s.answer === "1707" || s.answer === "1765").map((s) => s.type)).not.toContain("number");
    // (A second code review: words between the verb and "from" still make a change; "had declined by 1750" a deadline.)
    expect([typeOf("1300"), typeOf("1450")]).toEqual(["number", "number"]);
    expect(found.filter((s) => s.answer === "1750").map((s) => s.type)).not.toContain("number");
    const rank = found.find((s) => s.answer === "5,000");
    expect(rank?.type).toBe("number");
    const options = pickDistractors(corpus, buildPools(corpus, found), rank!, 3);
    expect(options.length).toBeGreaterThan(0);
    expect(options).not.toContain("1681");
    expect(options).not.toContain("1707");
  });
  it("keeps '1500 villages' a count, with counts, not those years, as its options", () => {
    const corpus = buildCorpus([pm]);
    const villages = slotFor("1500");
    expect(villages?.type).toBe("number");
    const options = pickDistractors(corpus, buildPools(corpus, slots), villages!, 3);
    expect(options).not.toContain("1765");
    expect(options).not.toContain("1799");
  });
  it("never swaps a year that is a bound, and offers years beside a year", () => {
    const set = generateStudySet([pm]);
    const prompts = set.questions.map((q) => q.prompt).join("\n");
    expect(prompts).not.toMatch(/after (?!1765)\d{4} the Dorra Company/);
    const dates = set.questions.filter((q) => q.kind === "single_choice" && q.prompt.startsWith("Which date"));
    expect(dates.length).toBeGreaterThan(0);
    for (const q of dates) expect(q.options!.every((o) => /^1[0-9]\d{2}$/.test(o.text))).toBe(true);
  });
});

/** The options offered for the slot of `type` keyed `answer` in a material of `content` (the slot must exist). */
function optionsFor(content: string, type: Slot["type"], answer: string): string[] {
  const corpus = buildCorpus([ingestMaterial({ source: "karn.txt", content })]);
  const slots = collectSlots(corpus);
  const slot = slots.find((s) => s.type === type && s.answer === answer);
  expect(slot).toBeDefined();
  return pickDistractors(corpus, buildPools(corpus, slots), slot!, 3);
}

describe("money options are of the answer's order of magnitude (seventh blind review: 'Rs 3 and Rs 2 offered as a maternity benefit')", () => {
  // Written for this test.
  const content = [
    "Food in Karn",
    "",
    "Rice is sold at Rs 3 a kilogram, wheat at Rs 2 and coarse grain at Rs 1.",
    "Mothers in Karn receive a maternity benefit of Rs 6,000 under the Karn Food Act.",
  ].join("\n");
  it("offers figures near Rs 6,000, not the grain prices", () => {
    const options = optionsFor(content, "number", "Rs 6,000");
    expect(options).toHaveLength(3);
    for (const o of options) expect(["Rs 1", "Rs 2", "Rs 3"]).not.toContain(o);
  });
});

describe("options keep the answer's digit grouping (code review: 'Rs 240,000' beside 'Rs 1,20,000')", () => {
  // Written for this test.
  it("writes every option in lakh grouping", () => {
    const options = optionsFor("Grants in Karn\n\nEach family in Karn receives a housing grant of Rs 1,20,000 under the Karn Housing Act.", "number", "Rs 1,20,000");
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) expect(o).toMatch(/^Rs (?:\d{1,2},)?(?:\d\d,)*\d{3}$|^Rs \d{1,3}$/);
    expect(options.filter((o) => /\d{3},\d{3}/.test(o))).toEqual([]);
  });
});

describe("collectSlots: what a clause denies", () => {
  // Written for this test. The tenth blind review found "The Supreme Court had not abolished Article 279" set as a false
  // statement: it was true all the same, as a denial of any other article is.
  const pm = ingestMaterial({
    source: "karn.txt",
    content: [
      "Karn and its courts",
      "",
      "The Karn High Court had not abolished Article 356, but it made its misuse costly.",
      "The Karn cabinet chose not to consult the Ostra Board, preferring its own engineers.",
      "The Karn High Court did not act until the Dorra Commission asked it to.",
      "The Karn High Court struck down Article 357 in 2004.",
    ].join("\n"),
  });
  const corpus = buildCorpus([pm]);
  const found = collectSlots(corpus);
  const slotFor = (answer: string) => found.find((s) => s.answer === answer);
  it("offers no other values for it: no choice, no swapped statement", () => {
    expect(slotFor("356")?.isOpenRange).toBe(true);
    expect(slotFor("Ostra Board")?.isOpenRange).toBe(true);
    const set = generateStudySet([pm]);
    const offered = set.questions.filter((q) => q.kind !== "written" && /abolished Article|not to consult/.test(q.prompt + (q.options ?? []).map((o) => o.text).join(" ")));
    for (const q of offered) expect(q.kind === "true_false" ? q.answer : "not a choice").not.toBe("false");
    expect(offered.filter((q) => q.kind === "single_choice" || q.kind === "multiple_choice")).toEqual([]);
  });
  it("keeps a value the denial waits for, and one no denial touches", () => {
    expect(slotFor("Dorra Commission")?.isOpenRange).toBeFalsy();
    expect(slotFor("357")?.isOpenRange).toBeFalsy();
  });
});

describe("options never name the answer's own body under another name", () => {
  // Written for this test. The eleventh blind review: "The _____, through the Controller of the Currency, issued paper
  // money" offered "Central Government" beside the key "Government of India".
  it("offers no 'Central Government' for 'Government of India' (blank-words.json sameBodies)", () => {
    const content = [
      "Money in Karn",
      "",
      // (The government is asked only where its sentence offers no other blank: `collectSlots`.)
      "The Government of India issued paper money through a currency office.",
      "The Central Government later passed the Karn Coinage Act in 1906.",
      "The Dorra Board and the Ostra Commission advised the Central Government on notes in 1926.",
      "The Pell Commission reported in 1926, and the Dorra Board met the Pell Commission in 1927.",
    ].join("\n");
    const options = optionsFor(content, "actor", "Government of India");
    expect(options).not.toContain("Central Government");
  });
});
