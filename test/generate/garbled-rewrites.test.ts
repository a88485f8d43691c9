import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { inContext, resolveRelativeDates } from "@/lib/generate/context";
import { explanationCards } from "@/lib/generate/explain";
import { itemDefect } from "@/lib/generate/quality";
import { buildPools, collectSlots, nameSubtype, pickDistractors, regionsOverlap } from "@/lib/generate/slots";
import { opensOnClippedIdiom, standaloneText } from "@/lib/generate/text";
import { clozeCard, sentenceStarting } from "./helpers";

// Written for this test; not copied from any source. Invented places, bodies and figures (issue 9: an item stands on its
// own, and a rewrite that makes it stand alone must not break its phrase).

describe("a connective cut from an item's opening never clips an idiom", () => {
  it.each([
    ["So far the Marsh Board has met only twice, in 2019 and in 2023."],
    ["Thus far no province has adopted the Velar code on river sand."],
    ["Yet another survey found lower salt levels in the delta wells."],
    ["So many traders left the port that the customs house closed in 1871."],
  ])("keeps '%s' whole", (sentence) => {
    expect(standaloneText(sentence)).toBe(sentence);
  });

  it("still cuts a connective that only ties the sentence to the one before", () => {
    expect(standaloneText("So the Marsh Board met again in 2024.")).toBe("The Marsh Board met again in 2024.");
    expect(standaloneText("But so far the Marsh Board has met only twice.")).toBe("So far the Marsh Board has met only twice.");
  });

  it("flags an item that opens on the rest of a clipped idiom, whatever cut it", () => {
    expect(opensOnClippedIdiom("Far the Marsh Board has met only _____.", "So far the Marsh Board has met only twice.")).toBe(true);
    expect(opensOnClippedIdiom("Far from the coast, the Marsh Board met _____.", "Far from the coast, the Marsh Board met twice.")).toBe(false);
    const card = clozeCard("Far the Marsh Board has met only _____ since its founding in 1990.", "twice");
    const quote = "So far the Marsh Board has met only twice since its founding in 1990.";
    expect(itemDefect({ ...card, evidence: [{ ...card.evidence[0]!, quote }] })).toMatch(/clipped idiom/);
  });
});

describe("a relative date is rewritten with the preposition before it, or the item is dropped", () => {
  const published = { year: 2031, month: 3, day: 12 };
  it.each([
    ["Lentil prices stayed low for much of last year after a large harvest.", "Lentil prices stayed low for much of 2030 after a large harvest."],
    ["Salt output has doubled since last year.", "Salt output has doubled since 2030."],
    ["Tea exports were higher than last year.", "Tea exports were higher than in 2030."],
    ["Last year's harvest filled the granaries of Orvel.", "2030's harvest filled the granaries of Orvel."],
    ["The ferry tariff has been frozen since last month.", "The ferry tariff has been frozen since February 2031."],
    ["Last year, the Orvel council banned river sand mining.", "In 2030, the Orvel council banned river sand mining."],
  ])("'%s'", (text, rewritten) => {
    expect(resolveRelativeDates(text, published)).toBe(rewritten);
  });

  it("gives no item when the relative date is the subject ('Last year saw…')", () => {
    expect(resolveRelativeDates("Last year saw the worst floods in Orvel since 1961.", published)).toBeNull();
  });

  it("leaves 'the last week of' alone: the final one, no relative date", () => {
    expect(resolveRelativeDates("Sowing ends in the last week of June in the hill districts.", published)).toBe("Sowing ends in the last week of June in the hill districts.");
  });

  it("flags an item whose date phrase was glued to a preposition", () => {
    expect(itemDefect(clozeCard("Lentil prices stayed low for much of in 2030 after a harvest of _____ tonnes.", "4 million"))).toMatch(/garbled/);
  });
});

describe("a changed figure in a dated text says when", () => {
  const TEXT = [
    "Velarian trade rises on coffee",
    "",
    "Coffee exports from Velaria climbed in February, helped by a strong harvest in the hill districts. Figures released by the Velarian Statistics Office showed that export earnings rose to 8.2 per cent of output in February 2031, up from 7.1 per cent in January and well above the 5.5 per cent recorded in February 2030. Earnings from tea jumped to 3.4 per cent of output from 2.9 per cent a month earlier.",
    "",
    "Shipping costs eased in February 2031 as new vessels entered service on the Orvel coast. Freight rates on the northern route fell to $1,450 per container from $1,900 a month earlier.",
    "",
    "The Velarian central bank targets inflation of 4 per cent, with a band of 2 percentage points on either side. Groundwater in the hill districts falls by about 2 per cent each dry season.",
  ].join("\n");
  const pm = ingestMaterial({ source: "file", filename: "velaria.txt", content: TEXT, publishedAt: "2031-03-12" });
  const alone = (start: string) => {
    const sentence = sentenceStarting(pm, start);
    return inContext(sentence.text, pm, sentence);
  };

  it("drops a figure set against 'a month earlier' when its paragraph names several months", () => {
    expect(alone("Earnings from tea jumped")).toBeNull();
  });
  it("dates it by the one month its paragraph names", () => {
    expect(alone("Freight rates on the northern route")).toBe("In February 2031, freight rates on the northern route fell to $1,450 per container from $1,900 a month earlier.");
  });
  it("keeps a sentence that names its own time, and a rule or a target that changes nothing", () => {
    expect(alone("Figures released by")).toMatch(/February 2031/);
    expect(alone("The Velarian central bank targets")).not.toBeNull();
    expect(alone("Groundwater in the hill districts")).not.toBeNull();
  });
});

describe("a place's options are of one level", () => {
  it.each([
    ["West Africa", "world-region"],
    ["Central Asia", "world-region"],
    ["the Middle East", "world-region"],
    ["South Africa", "country"],
    ["Ontario", "region"],
    ["Uttar Pradesh", "region"],
  ])("%s is a %s", (name, level) => {
    expect(nameSubtype(name)).toBe(level);
  });
  it.each([["Council of Europe"], ["Bank of America"], ["Voice of Africa"]])("%s is no region of the world", (name) => {
    expect(nameSubtype(name)).not.toBe("world-region");
  });
});

describe("a 'Why?' card has one reading", () => {
  const TEXT = [
    "The kings of Orvel",
    "",
    "King Oren ruled Orvel from 1702 to 1731 and fought the Velm league four times.",
    "",
    'The Orvel chronicler Arvel Dunn called King Oren the "Lion of the North", a title many historians consider undeserved, since he never won a pitched battle.',
    "",
    "Grain prices in the Orvel valley rose sharply in 1822, and the river mills closed, because the river froze for four months.",
    "",
    "The Orvel council moved its seat from Tarsk to Velm in 1840 because the old capital flooded every spring.",
    "",
    "However, a large share of the dye works in Velm had to close in 1851 because the river ran dry every summer.",
    "",
    "Barley, flax, and rye are sown across the Orvel uplands because the thin soil there drains quickly.",
  ].join("\n");
  const fronts = explanationCards(buildCorpus([ingestMaterial({ source: "file", filename: "orvel.txt", content: TEXT })])).map((c) => `${c.front} → ${c.back}`);

  it("asks no why when the clause ends on a comment the reason may explain instead", () => {
    expect(fronts.filter((f) => /Lion of the North/.test(f))).toEqual([]);
  });
  it("asks no why when the clause joins two claims", () => {
    expect(fronts.filter((f) => /river mills closed/.test(f))).toEqual([]);
  });
  it("still asks why of one claim", () => {
    expect(fronts).toContain("Why? The Orvel council moved its seat from Tarsk to Velm in 1840. → Because the old capital flooded every spring.");
    // ("However," before the clause is no clause of its own, and what follows its comma no comment.)
    expect(fronts).toContain("Why? A large share of the dye works in Velm had to close in 1851. → Because the river ran dry every summer.");
  });
  it("reads ', and' closing a list in the subject as no second claim", () => {
    expect(fronts).toContain("Why? Barley, flax, and rye are sown across the Orvel uplands. → Because the thin soil there drains quickly.");
  });
});

describe("a time is lent to a changed figure only when it is the figure's own", () => {
  const TEXT = [
    "Salt and tea in Velaria",
    "",
    "The Velarian salt board was set up in 2011 to license the coastal pans. Output from licensed pans has since climbed to 64 per cent of all salt sold.",
    "",
    "Tea planting in the Orvel hills began in 1958. Tea yields in the Orvel hills rose by more than 40 per cent over the next two decades.",
    "",
    "Coffee earnings fell in 2029. Coffee earnings fell to 3 per cent of output from 4 per cent a year earlier.",
    "",
    "Pepper prices rose in May 2030. Chilean pepper exports fell 6 per cent from a year earlier.",
    "",
    "During the 1880s, Velarian salt output rose by 30 per cent as new pans opened. In the eighteenth century, the share of tea in Orvel's trade rose to 45 per cent.",
  ].join("\n");
  const pm = ingestMaterial({ source: "file", filename: "velaria-salt.txt", content: TEXT, publishedAt: "2031-03-12" });
  const alone = (start: string) => {
    const sentence = sentenceStarting(pm, start);
    return inContext(sentence.text, pm, sentence);
  };

  it("lends no year to a figure as it stands now ('has since climbed')", () => {
    expect(alone("Output from licensed pans")).toBeNull();
  });
  it("lends no year to a figure measured over a span ('over the next two decades')", () => {
    expect(alone("Tea yields in the Orvel hills")).toBeNull();
  });
  it("lends no bare year: it may be another event's", () => {
    expect(alone("Coffee earnings fell to 3 per cent")).toBeNull();
  });
  it("keeps a demonym's capital after a lent time", () => {
    expect(alone("Chilean pepper exports")).toBe("In May 2030, Chilean pepper exports fell 6 per cent from a year earlier.");
  });
  it("counts a decade or a century as the figure's own time", () => {
    expect(alone("During the 1880s")).toBe("During the 1880s, Velarian salt output rose by 30 per cent as new pans opened.");
    expect(alone("In the eighteenth century")).toBe("In the eighteenth century, the share of tea in Orvel's trade rose to 45 per cent.");
  });
});

describe("a relative date is rewritten only as a calendar date, and only where it is no subject", () => {
  const published = { year: 2031, month: 3, day: 12 };
  it("rewrites a date inside a sentence, before its verb ('Rainfall this year was…')", () => {
    expect(resolveRelativeDates("Pepper output this year was the highest since 2012.", published)).toBe("Pepper output in 2031 was the highest since 2012.");
  });
  it("keeps 'with' before the date ('compared with last year')", () => {
    expect(resolveRelativeDates("Compared with last year, ferry fares in Orvel doubled.", published)).toBe("Compared with 2030, ferry fares in Orvel doubled.");
  });
  it.each([
    ["This year promises a record pepper crop in Orvel."],
    ["Next year will see the Orvel bridge opened to lorries."],
    ["Over the past year the Orvel index gained 9 per cent."],
    ["The past year was the driest in Orvel since 1961."],
    ["Pepper prices doubled in the last 12 months."],
  ])("gives no item for '%s'", (text) => {
    expect(resolveRelativeDates(text, published)).toBeNull();
  });
  it("rewrites an opening date before a subject of its own", () => {
    expect(resolveRelativeDates("Last year farmers in Orvel planted more pepper.", published)).toBe("In 2030 farmers in Orvel planted more pepper.");
  });
  it("flags 'with in 2030' as garbled", () => {
    expect(itemDefect(clozeCard("Compared with in 2030, ferry fares in Orvel rose by _____.", "half"))).toMatch(/garbled/);
  });
});

describe("region options overlap neither the answer nor each other", () => {
  const TEXT = [
    "Where Velarian salt is sold",
    "",
    "Velarian traders sell most of their salt in East Asia. Smaller cargoes go to Central Asia by rail. The Middle East buys rock salt from the northern mines. Salt for dyeing is shipped to West Asia. Some fine salt reaches South Asia through the port of Orvel. A growing share is sold across Asia as a whole. Latin America took its first cargo in 2029. Eastern Europe has bought Velarian salt since 1990.",
  ].join("\n");
  const corpus = buildCorpus([ingestMaterial({ source: "file", filename: "velaria-salt-trade.txt", content: TEXT })]);
  const slots = collectSlots(corpus);
  const pools = buildPools(corpus, slots);
  const optionsFor = (answer: string) => {
    const slot = slots.find((s) => s.type === "place" && s.answer === answer);
    expect(slot).toBeDefined();
    return [answer, ...pickDistractors(corpus, pools, slot!, 3)];
  };

  it("bars the bare continent and the answer's other names, not every region of its continent", () => {
    const options = optionsFor("East Asia");
    expect(options).not.toContain("Asia");
    expect(options.some((o) => /^(?:Central|South) Asia$/.test(o))).toBe(true);
    expect(optionsFor("West Asia")).not.toContain("Middle East");
  });
  it.each([
    ["Asia", "East Asia", true],
    ["the Middle East", "West Asia", true],
    ["Indochina", "Southeast Asia", true],
    ["Africa", "the Sahel", true],
    ["East Asia", "Central Asia", false],
    ["West Africa", "East Africa", false],
  ])("%s and %s overlap: %s", (a, b, overlap) => {
    expect(regionsOverlap(a, b)).toBe(overlap);
  });
  it("never offers two options that overlap", () => {
    for (const answer of ["East Asia", "Central Asia", "West Asia", "South Asia"]) {
      const options = optionsFor(answer);
      for (const a of options) for (const b of options) if (a !== b) expect(regionsOverlap(a, b), `${a} / ${b}`).toBe(false);
    }
  });
});
