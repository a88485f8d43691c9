import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material";
import { buildCorpus } from "@/lib/generate/corpus";
import { generateObjectiveQuestions } from "@/lib/generate/questions";
import { buildPools, collectSlots, pickDistractors, type Slot } from "@/lib/generate/slots";

/** Invented texts: the options of a choice item and the swap of a false statement must be of the answer's type. */
function setUp(lines: string[]) {
  const pm = ingestMaterial({ source: "own", content: lines.join("\n") });
  const corpus = buildCorpus([pm]);
  const slots = collectSlots(corpus);
  const pools = buildPools(corpus, slots);
  const options = (slot: Slot) => pickDistractors(corpus, pools, slot, 3);
  const sentenceOf = (slot: Slot) => slot.ref.sentence.text;
  return { corpus, slots, options, sentenceOf, questions: () => generateObjectiveQuestions(corpus, slots) };
}

describe("distractors: numbers of provisions", () => {
  const law = setUp([
    "The Coastal Dunes Act",
    "",
    "The Coastal Dunes Act sets out how coastal councils protect sand dunes and the beaches behind them.",
    "The Act covers 18 districts and about 250 beaches along the western coast.",
    "Section 12 requires every coastal council to prepare a shoreline plan within two years.",
    "Section 14 allows a council to charge a fee for vehicles driven onto a beach.",
    "Section 9 defines a protected dune as any dune higher than two metres.",
    "Section 31 sets a fine for removing sand from a protected dune.",
    "Rule 4A requires a permit for any fence built across a dune.",
    "Under Rule 6, a council must publish every permit it grants.",
    "The councils reported 40 breaches of the Act in its first year.",
  ]);
  const sectionSlots = law.slots.filter((s) => s.type === "number" && /^Section \d/.test(law.sentenceOf(s)));

  it("offers for a section's number only the sections the material names, never multiples of it", () => {
    expect(sectionSlots.length).toBeGreaterThan(0);
    for (const slot of sectionSlots) for (const o of law.options(slot)) expect(["9", "12", "14", "31"]).toContain(o);
  });

  it("offers no option for a number with a letter after it when the material names no other such number", () => {
    const rule = law.slots.find((s) => s.type === "number" && s.answer === "4" && /Rule 4A/.test(law.sentenceOf(s)));
    if (rule) expect(law.options(rule)).toEqual([]);
    expect(law.questions().some((q) => /Rule \d+A|Rule _____A/.test(q.prompt) && q.kind !== "numeric")).toBe(false);
  });

  it("never offers a section's number for a count", () => {
    const beaches = law.slots.find((s) => s.answer === "250");
    expect(beaches).toBeDefined();
    for (const o of law.options(beaches!)) expect(["9", "12", "14", "31"]).not.toContain(o);
  });
});

describe("distractors: places by what the material calls them", () => {
  const trade = setUp([
    "Baltic grain trade in the sixteenth century",
    "",
    "The grain trade of the Baltic shaped the economy of northern Europe for two centuries.",
    "Rye grown on the estates of Poland was floated down the rivers to the port of Gdansk.",
    "Merchants from Amsterdam bought most of the grain shipped from the port of Riga.",
    "The port of Tallinn handled flax and timber rather than grain.",
    "Smaller cargoes left the port of Klaipeda in the spring.",
    "Landowners in Krakow financed the river barges that carried the harvest north.",
    "Bankers in Vilnius lent money to the estates against the next harvest.",
    "Traders in Minsk sold salt to the estates in exchange for grain.",
    "The Sound Toll collected at Copenhagen records every ship that left the port of Riga.",
    "Dutch ships carried the grain from Gdansk to Amsterdam in about three weeks.",
    "In 1618, about 100,000 tonnes of rye left the port of Gdansk, the largest cargo of the century.",
    "The trade declined after 1650 as wars closed the rivers and harvests failed.",
  ]);
  const PORTS = ["Gdansk", "Riga", "Tallinn", "Klaipeda"];

  it("offers only ports for a port, never an inland town", () => {
    const portSlots = trade.slots.filter((s) => s.type === "place" && PORTS.includes(s.answer));
    expect(portSlots.length).toBeGreaterThan(0);
    for (const slot of portSlots) for (const o of trade.options(slot)) expect(PORTS).toContain(o);
  });

  it("offers years for a year read as a bare figure, never its double or half", () => {
    const year = trade.slots.find((s) => s.type === "number" && s.answer === "1618");
    expect(year).toBeDefined();
    for (const o of trade.options(year!)) expect(["1650"]).toContain(o);
  });

  it("makes every choice item on a port offer only ports", () => {
    const onPorts = trade.questions().filter((q) => q.kind === "single_choice" && /port of _____/.test(q.prompt));
    expect(onPorts.length).toBeGreaterThan(0);
    for (const q of onPorts) for (const o of q.options ?? []) expect(PORTS).toContain(o.text);
  });
});

describe("distractors: names run together", () => {
  const straits = setUp([
    "The rice trade of Malacca",
    "",
    "The treaty between Johor and the Company opened the river to traders in 1641.",
    "Merchants of Aceh and the Company competed for pepper along the coast.",
    "The Kingdom of Siam sent rice to the port in exchange for cloth.",
    "The Sultanate of Aceh closed its ports to foreign ships in 1650.",
  ]);

  it("offers no option for, and never offers, two names read as one ('Johor and the Company')", () => {
    for (const slot of straits.slots.filter((s) => / and the /.test(s.answer))) expect(straits.options(slot)).toEqual([]);
  });
});

describe("distractors: a capital that speaks for its government is not a venue", () => {
  const dispute = setUp([
    "Export controls and the trade dispute in East Asia",
    "",
    "The dispute over export controls began in July 2019 and lasted almost four years.",
    "Tokyo has insisted that the controls were a matter of national security.",
    "Seoul has rejected that claim and filed a complaint at the World Trade Organization.",
    "Beijing said it would watch the dispute closely because its own factories used the same chemicals.",
    "Officials of both sides first met in Vienna in December 2019.",
    "A second round of talks was held in Geneva in March 2020.",
    "Trade lawyers in Oslo advised the smaller firms that lost orders.",
    "Engineers from Lyon helped the chip makers find new suppliers of the gases.",
  ]);

  it("never offers a capital named as a government for a city named as a meeting place", () => {
    const venues = dispute.slots.filter((s) => s.type === "place" && ["Vienna", "Geneva", "Oslo", "Lyon"].includes(s.answer));
    expect(venues.length).toBeGreaterThan(0);
    for (const slot of venues) for (const o of dispute.options(slot)) expect(["Tokyo", "Seoul", "Beijing"]).not.toContain(o);
  });
});

describe("distractors: people by what the material says of them", () => {
  const kingdom = setUp([
    "The Kandavar kingdom",
    "",
    "The Kandavar kingdom ruled the river plains for about three centuries.",
    "King Vellan Arasu founded the kingdom after defeating the hill chiefs.",
    "Vellan Arasu was succeeded by his son Mutharaya Deva, who extended the kingdom to the sea.",
    "Queen Sembiya Devi, the widow of Mutharaya Deva, built many stone shrines.",
    "Mutharaya Deva moved the capital to Puthur Nagaram, a city on the river.",
    "The court poet Ilango Kavi wrote the Kandal Malai, a long poem on the founding of the kingdom.",
    "The Kandal Malai describes the battles of Vellan Arasu against the hill chiefs.",
    "Queen Sembiya Devi also endowed the shrine at Kottai Puram with land.",
  ]);

  it("never offers a poem or a shrine's town as a person", () => {
    for (const slot of kingdom.slots.filter((s) => s.type === "person")) {
      for (const o of kingdom.options(slot)) expect(["Kandal Malai", "Kottai Puram", "Puthur Nagaram"]).not.toContain(o);
    }
  });

  it("makes no choice or swapped statement for a name nothing shows to be a person's", () => {
    const poem = kingdom.slots.filter((s) => s.answer === "Kandal Malai");
    for (const slot of poem) expect(kingdom.options(slot)).toEqual([]);
  });
});

describe("distractors: a name inside another", () => {
  const houses = setUp([
    "How laws are passed in an Australian state",
    "",
    "A bill usually begins in the Legislative Assembly, the lower house of a state parliament.",
    "In 1978 the Legislative Council became directly elected by the voters of the state.",
    "The Victorian Legislative Assembly passed the first secret ballot law in 1856.",
    "The Senate reviews bills passed by the House of Representatives in Canberra.",
    "The High Court struck down the law on bank nationalisation in 1948.",
    "The Productivity Commission advises the federal government on economic reform.",
  ]);

  it("never offers a name that contains the answer or is contained in it, which may name the same body", () => {
    const named = houses.slots.filter((s) => s.type === "actor" && /Legislative/.test(s.answer));
    expect(named.length).toBeGreaterThan(0);
    for (const slot of named) {
      for (const o of houses.options(slot)) {
        expect(o.includes(slot.answer)).toBe(false);
        expect(slot.answer.includes(o)).toBe(false);
      }
    }
  });

  it("never offers two options one inside the other", () => {
    for (const slot of houses.slots.filter((s) => s.type === "actor")) {
      const options = houses.options(slot);
      for (const a of options) for (const b of options) if (a !== b) expect(b.includes(a)).toBe(false);
    }
  });
});

describe("distractors: people introduced by their office", () => {
  const reform = setUp([
    "Tax reform committees in Freedonia",
    "",
    "Freedonia reformed its sales taxes through a series of committees over two decades.",
    "The first committee, chaired by Tavo Renkaro, proposed a single rate in 1994.",
    "The second committee, chaired by Ulme Desvari, then finance minister of the northern province, proposed two rates in 2001.",
    "A third committee under the chairmanship of Ossi Paltrane drafted the law in 2008.",
    "Kerim Vastolo, then finance minister, introduced the bill in parliament in 2010.",
    "The treaty commits members to the aims of Article 3.2 and Article 4.1 of the charter.",
    "Article 5.3 requires each member to report its tax rates every year.",
  ]);
  const PEOPLE = ["Tavo Renkaro", "Ulme Desvari", "Ossi Paltrane", "Kerim Vastolo"];

  it("reads a name the material says chairs a committee or holds an office as a person's, and offers the others", () => {
    const slot = reform.slots.find((s) => s.type === "person" && s.answer === "Kerim Vastolo");
    expect(slot).toBeDefined();
    const options = reform.options(slot!);
    expect(options.length).toBe(3);
    for (const o of options) expect(PEOPLE).toContain(o);
  });

  it("offers for an article numbered with a decimal the other such articles the material names", () => {
    const slot = reform.slots.find((s) => s.type === "number" && s.answer === "5.3");
    expect(slot).toBeDefined();
    expect([...reform.options(slot!)].sort()).toEqual(["3.2", "4.1"]);
  });
});

describe("distractors: provisions numbered with a letter", () => {
  const code = setUp([
    "The Forest Code",
    "",
    "The Forest Code was amended in 2004 to give villages a say in the use of forests.",
    "Article 112A requires every village council to keep a register of forest land.",
    "Article 112C allows the council to sell dead wood from the forest.",
    "Article 112B sets the share of the proceeds that goes to the village fund.",
    "Article 112F bars any sale of standing trees without the consent of the council.",
    "Article 30 created the forest tribunal, and Article 31-B lets a village appeal to it.",
  ]);

  it("offers for a lettered provision the other lettered provisions the material names", () => {
    const slot = code.slots.find((s) => s.type === "number" && s.answer === "112B");
    expect(slot).toBeDefined();
    const options = code.options(slot!);
    expect(options.length).toBe(3);
    for (const o of options) expect(["112A", "112C", "112F"]).toContain(o);
  });

  it("offers nothing for a number whose letter stays after a hyphen when no other number carries that letter", () => {
    const slot = code.slots.find((s) => s.type === "number" && s.answer === "31");
    if (slot) expect(code.options(slot)).toEqual([]);
  });
});

describe("distractors: people named with their post", () => {
  const talks = setUp([
    "The debt talks of 2023",
    "",
    "Zambia and its creditors reached a deal on its foreign debt in 2023 after three years of talks.",
    "Situmbeko Musokotwane, Zambia's finance minister, led the talks for the government.",
    "The economist Tomas Brandt advised the creditor committee on the size of the write-down.",
    "The talks were chaired by Odile Marchetti, France's treasury chief.",
    "Denny Kalyalya, the central bank's governor, said the deal would lower borrowing costs.",
  ]);
  const PEOPLE = ["Situmbeko Musokotwane", "Tomas Brandt", "Odile Marchetti", "Denny Kalyalya"];

  it("reads 'X, Zambia's finance minister' and 'the economist X' as people, so each gets the other three", () => {
    for (const slot of talks.slots.filter((s) => s.type === "person")) {
      const options = talks.options(slot);
      expect(options.length).toBe(3);
      for (const o of options) expect(PEOPLE).toContain(o);
    }
  });
});

describe("distractors: a firm named like a person", () => {
  const farm = setUp([
    "Farm machinery in the twentieth century",
    "",
    "Henry Ford built the first mass-produced tractor in 1917.",
    "Tractor makers such as John Deere and Massey Ferguson expanded into Europe after 1945.",
    "Cyrus McCormick, the inventor of the mechanical reaper, sold his machines across the Midwest.",
    "Norman Borlaug, an agronomist, bred high-yield wheat in Mexico.",
    "The sales of John Deere grew fastest in the plains of Canada.",
  ]);

  it("never offers a firm the material lists among makers as a person, nor asks it as one", () => {
    for (const slot of farm.slots.filter((s) => s.type === "person")) {
      const options = farm.options(slot);
      for (const o of options) expect(["John Deere", "Massey Ferguson"]).not.toContain(o);
      if (["John Deere", "Massey Ferguson"].includes(slot.answer)) expect(options).toEqual([]);
    }
  });
});
