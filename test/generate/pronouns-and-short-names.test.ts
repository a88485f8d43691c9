import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { readAloneIn, sentenceStarting } from "./helpers";

// Written for this test; not copied from any source. An invented state's canal, its laws and its rulers.
const TEXT = [
  "The Koravi Canal",
  "",
  "The Koravi Canal Project was approved in 1981 to carry water to the dry districts of Veldra.",
  "The Ostran Development Bank agreed in 1985 to help finance it.",
  "The Veldra Farmers' Union opposed it, citing the loss of grazing land.",
  "The Koravi water award was notified in 2020, but three districts have challenged it before the High Court.",
  "Many district rules have been framed under it, including the rules on well permits.",
  "Foreign travellers refer to him as the Water King.",
  "The Koravi Canal Board was created in 1990, and twelve districts sent their engineers to it.",
  "In the dry districts it was widely accepted that canal water had raised farm incomes.",
  "Unlike the earlier plans of 1960 and 1972, which had treated the river mainly as a source of power, it made drinking water the first priority.",
  "When the Koravi Canal Project was completed in 1994, it carried water to 400 villages.",
  "",
  "Laws of Veldra",
  "",
  "The Veldra Water Rights Act was passed in 1988 to fix each district's share of the canal water.",
  "The Act requires every district to publish its share each year.",
  "The Panchayats (Extension to Canal Areas) Act of 1996 gave village councils a say over local channels.",
  "The Act requires every village council to meet twice a year on water.",
  "The Government of Veldra Act of 1950 set up the state's first water department.",
  "The Act also created the post of water commissioner.",
  "",
  "Rulers and offices",
  "",
  "Lakhu Sultan ruled the river country from 1320 to 1340.",
  "The Sultan was the head of state and the final judge of water disputes.",
  "The Centre pays for half of every new canal in the state.",
  "The Koravi Space Applications Centre maps the canal every year.",
  "The Centre also sets the rules for sharing canal water between districts.",
  "Under the canal scheme, costs are shared between the Centre and the districts.",
  "The Board cut the water charge in 2001 because the harvest had failed for a second year.",
].join("\n");

describe("a pronoun with nothing in its own sentence to stand for makes no item", () => {
  const pm = ingestMaterial({ source: "canal.txt", content: TEXT });

  it("refuses an object pronoun whose only candidate is the subject acting on it ('agreed to help finance it', 'opposed it')", () => {
    expect(readAloneIn(pm, "The Ostran Development Bank agreed")).toBeNull();
    expect(readAloneIn(pm, "The Veldra Farmers' Union opposed it")).toBeNull();
  });
  it("refuses 'it' after plural nouns only, and 'him' with no person before it", () => {
    expect(readAloneIn(pm, "Many district rules have been framed under it")).toBeNull();
    expect(readAloneIn(pm, "Foreign travellers refer to him")).toBeNull();
  });
  it("refuses a subject pronoun after a long opening phrase ('Unlike the earlier plans…, which…, it made…')", () => {
    expect(readAloneIn(pm, "Unlike the earlier plans")).toBeNull();
  });
  it("keeps a pronoun the sentence itself gives a noun for, and the 'it' of 'it was widely accepted that'", () => {
    expect(readAloneIn(pm, "The Koravi water award was notified")).not.toBeNull();
    expect(readAloneIn(pm, "The Koravi Canal Board was created in 1990")).not.toBeNull();
    expect(readAloneIn(pm, "In the dry districts it was widely accepted")).not.toBeNull();
  });
  it("makes no item that shows a refused sentence", () => {
    const set = generateStudySet([pm]);
    const shown = [...set.cards.map((c) => `${c.front} ${c.back}`), ...set.questions.map((q) => q.prompt)].join("\n");
    expect(shown).not.toMatch(/help finance it|framed under it|refer to him as|opposed it, citing/);
  });
});

describe("a short 'the Act' stands for the name the material gave last, or the item is not made", () => {
  const pm = ingestMaterial({ source: "canal.txt", content: TEXT });

  it("names the one Act named just before: 'The Act requires…' → 'The Veldra Water Rights Act requires…'", () => {
    expect(readAloneIn(pm, "The Act requires every district")).toMatch(/^The Veldra Water Rights Act requires every district/);
  });
  it("does not put an earlier Act in for one whose name it cannot read, and reads 'Government of Veldra Act' whole", () => {
    const read = readAloneIn(pm, "The Act requires every village council");
    expect(read).toBeNull();
    expect(readAloneIn(pm, "The Act also created the post")).toMatch(/^The Government of Veldra Act also created/);
  });
  it("never puts a name that ends in an office or body for 'the Sultan', nor one named once for 'the Centre' used on its own throughout", () => {
    expect(readAloneIn(pm, "The Sultan was the head")).toBe(sentenceStarting(pm, "The Sultan was the head").text);
    expect(readAloneIn(pm, "Under the canal scheme")).toMatch(/between the Centre and the districts/);
  });
  it("asks 'Why?' with the subject's name resolved ('The Board cut…' → 'The Koravi Canal Board cut…'), the reason as the answer", () => {
    const set = generateStudySet([pm]);
    const why = set.cards.find((c) => c.front.startsWith("Why?") && /cut the water charge/.test(c.front));
    expect(why?.front).toBe("Why? The Koravi Canal Board cut the water charge in 2001.");
    expect(why?.back).toBe("Because the harvest had failed for a second year.");
  });
});

describe("a list item with no verb of its own states nothing by itself and makes no item", () => {
  // Written for this test; not copied from any source. An invented canon of river songs.
  const text = [
    "The river songs of Veldra",
    "",
    "1. The Koravi Cycle by Anu Tarel",
    "a. A sequel to the Lake Songs, telling the story of Mira, daughter of a ferryman, who becomes a canal engineer.",
    "b. Tarel, whose name means one who crosses the river.",
    "c. Anu Tarel describes the building of the first canal in 1320.",
    "d. Ongoing floods increase the danger to the old canal towns.",
    "e. Reed flutes, used in weddings and harvest songs, with Dorra the main maker.",
  ].join("\n");
  const pm = ingestMaterial({ source: "songs.txt", content: text });

  it("refuses 'A sequel to…, telling…, who becomes…' and 'Tarel, whose name means…'", () => {
    expect(readAloneIn(pm, "A sequel to the Lake Songs")).toBeNull();
    expect(readAloneIn(pm, "Tarel, whose name means")).toBeNull();
    // (The tenth blind review: "Urad, used in idli, dosa and dal makhani, with Myanmar the dominant supplier" was set as a
    // true/false statement.)
    expect(readAloneIn(pm, "Reed flutes, used in weddings")).toBeNull();
  });
  it("keeps a list item that states something, even when the tagger reads its verb as a noun ('floods increase')", () => {
    expect(readAloneIn(pm, "Anu Tarel describes the building")).not.toBeNull();
    expect(readAloneIn(pm, "Ongoing floods increase the danger")).not.toBeNull();
  });
});

describe("what the pronoun and short-name checks leave alone", () => {
  // Written for this test; not copied from any source. Invented laws, birds and markets.
  const text = [
    "Water and markets in Ostra",
    "",
    "Under the Ostran Water Rights Act, every district has a fixed share of the canal.",
    "The Act requires every district to publish its share each year.",
    "The Representation of the Voters Act was passed by the Ostran Assembly in 1951.",
    "The Act requires every candidate to declare criminal cases.",
    "The Ostran Forest Act was passed in 1988.",
    "The 1995 Act raised the charge for felling trees.",
    "The Act requires every felling to be recorded.",
    "The Ostran Mining Act was passed in 1990.",
    "This Act came into force in 1992.",
    "The Act requires every mine to pay a royalty.",
    "In Ostra, the Senate has one hundred members.",
    "The Southern Union was founded in 2002 by nine coastal states.",
    "The Southern Union meets in Koravi every year.",
    "The Union has 55 member states.",
    "Scientists tagged a cuckoo and tracked it across Ostra.",
    "Every voter must show their identity card at the booth.",
    "Many farmers grow rice to sell it in local markets.",
    "The Ostran Grazing Act was later amended to strengthen it.",
    "Many farmers say it's hard to get water in summer.",
    "The angry crowd outside the court shouted 'Hang him!' at the accused.",
  ].join("\n");
  const pm = ingestMaterial({ source: "ostra.txt", content: text });

  it("names the Act after 'Under the …Act', the whole 'Representation of the Voters Act' (never 'the Voters Act'), and refuses 'the Act' after one it cannot read ('The 1995 Act')", () => {
    expect(readAloneIn(pm, "The Act requires every district")).toMatch(/^The Ostran Water Rights Act requires/);
    expect(readAloneIn(pm, "The Act requires every candidate")).toMatch(/^The Representation of the Voters Act requires/);
    expect(readAloneIn(pm, "The Act requires every felling")).toBeNull();
  });
  it("reads 'This Act' as a reference, not another name: the Act is still the one named", () => {
    expect(readAloneIn(pm, "The Act requires every mine")).toMatch(/^The Ostran Mining Act requires/);
  });
  it("keeps a kind word the material never names in full, and names a union the material names more often than it says 'the Union'", () => {
    expect(readAloneIn(pm, "In Ostra, the Senate has")).not.toBeNull();
    expect(readAloneIn(pm, "The Union has 55")).toMatch(/^The Southern Union has 55/);
  });
  it("keeps 'tracked it' after a cuckoo, singular 'their', 'rice to sell it', a passive with an adverb, 'it's hard to', a quoted 'him'", () => {
    for (const start of [
      "Scientists tagged a cuckoo",
      "Every voter must show",
      "Many farmers grow rice",
      "The Ostran Grazing Act was later amended",
      "Many farmers say it's hard",
      "The angry crowd outside the court",
    ]) expect(readAloneIn(pm, start), start).not.toBeNull();
  });
});

describe("a short name is put in only as the name the material gave, read whole", () => {
  // Written for this test; not copied from any source. Invented bodies, laws and offices.
  const text = [
    "Bodies of Ostra",
    "",
    "In 2019 Rao became the Chairman of the Ostran Finance Commission.",
    "The Commission submitted its report in 2020.",
    "The Ostran Rural Water Supply Guarantee Act was passed in 2005.",
    "The Act requires every village to have a tap.",
    "The Protection of Children from Forest Fires Act was passed in 2010.",
    "The Act requires every school to hold a fire drill.",
    "The Koravi Space Applications Centre was set up in 1972.",
    "The Koravi Space Applications Centre maps the forests every year.",
    "Farmers grow millet in the dry districts.",
    "Rain came late in most districts in 2015.",
    "The subsidy on seed was cut by the Centre in 2015.",
    "Laws of Veldra",
    "",
    "The Government of Veldra Act of 1950 set up a water department.",
    "The Act created the post of water commissioner.",
  ].join("\n");
  const pm = ingestMaterial({ source: "bodies.txt", content: text });

  it("puts in the body, not its office-holder: 'The Commission submitted…' → 'The Ostran Finance Commission submitted…'", () => {
    expect(readAloneIn(pm, "The Commission submitted")).toMatch(/^The Ostran Finance Commission submitted/);
  });
  it("reads a long name whole, and refuses 'the Act' after a name it would have to cut ('…Children from Forest Fires Act')", () => {
    expect(readAloneIn(pm, "The Act requires every village")).toMatch(/^The Ostran Rural Water Supply Guarantee Act requires/);
    expect(readAloneIn(pm, "The Act requires every school")).toBeNull();
  });
  it("leaves 'the Centre' as written when the sentences before do not name the centre meant", () => {
    expect(readAloneIn(pm, "The subsidy on seed")).toMatch(/cut by the Centre in 2015/);
  });
  it("reads a name after a heading as a name, not a book's title", () => {
    expect(readAloneIn(pm, "The Act created the post")).toMatch(/^The Government of Veldra Act created/);
  });
  it("refuses 'The Act requires…' in a material that names no Act", () => {
    const none = ingestMaterial({ source: "mines.txt", content: "Mines in Ostra\n\nMines in Ostra pay a royalty to the state.\nThe Act requires every mine to pay a royalty in 2020." });
    expect(readAloneIn(none, "The Act requires every mine")).toBeNull();
  });
});

describe("the 'it' of what follows, and a list item's verb after a 'who' clause", () => {
  // Written for this test; not copied from any source.
  const text = [
    "Water in Ostra",
    "",
    "Many farmers say it is very hard to get water in summer.",
    "Engineers in Ostra say it can be argued that canal water failed.",
    "Many engineers say it takes water to forty villages.",
    "The officer who found it reported to the police in 2019.",
    "- Farmers who hold land pay little tax.",
  ].join("\n");
  const pm = ingestMaterial({ source: "water.txt", content: text });

  it("keeps the 'it' of 'it is very hard to', 'it can be argued that'", () => {
    expect(readAloneIn(pm, "Many farmers say it is very hard")).not.toBeNull();
    expect(readAloneIn(pm, "Engineers in Ostra say it can be argued")).not.toBeNull();
  });
  it("refuses an 'it' that is somebody's thing ('it takes water to forty villages', 'who found it')", () => {
    expect(readAloneIn(pm, "Many engineers say it takes water")).toBeNull();
    expect(readAloneIn(pm, "The officer who found it")).toBeNull();
  });
  it("keeps a list item whose verb follows a 'who' clause", () => {
    expect(readAloneIn(pm, "Farmers who hold land")).not.toBeNull();
  });
});

describe("study notes: a label before its point, and list entries that are no statements", () => {
  // Written for this test; not copied from any source. Invented notes on a state's fisheries.
  const text = [
    "Fisheries of Ostra: revision notes",
    "",
    "Fish quality and spoilage: state surveys by the Koravi Food Board have found that most samples are safe.",
    "Coastline: traditionally given as about 1,200 km.",
    "Schemes to remember:",
    "1. Ostran Boat Plan Phase I (2012-2019), a Koravi Bank-assisted scheme implemented by the Fisheries Board to replace old boats in 40 villages.",
    "2. The Koravi Cooperatives Act, which since 2004 has allowed fishers' companies, a hybrid of cooperative and company law.",
    "3. The Fisheries Board gave 900 new boats to fishers in 2016.",
  ].join("\n");
  const pm = ingestMaterial({ source: "fish.txt", content: text });

  it("cuts a label in sentence case before a point with its own subject and verb", () => {
    expect(readAloneIn(pm, "Fish quality and spoilage:")).toBe("State surveys by the Koravi Food Board have found that most samples are safe.");
  });
  it("keeps a label that is the point's subject ('Coastline: traditionally given as…')", () => {
    expect(readAloneIn(pm, "Coastline:")).toMatch(/^Coastline: traditionally/);
  });
  it("refuses a list entry whose only verbs are participles or a name's word ('…a scheme implemented by…', 'The … Act, which…')", () => {
    expect(readAloneIn(pm, "Ostran Boat Plan Phase I")).toBeNull();
    expect(readAloneIn(pm, "The Koravi Cooperatives Act, which")).toBeNull();
    expect(readAloneIn(pm, "The Fisheries Board gave 900")).not.toBeNull();
  });
});

describe("a note's label is cut only where the point does not lean on it", () => {
  // Written for this test; not copied from any source.
  const text = [
    "Notes on crops",
    "",
    "Tea exports: the volume fell by half between 2018 and 2020.",
    "Rice exports: their value fell sharply in 2020 after the ban.",
    "Soil quality: pH levels have fallen in most districts since 1990.",
    "Main crops: rice grown in the delta and wheat grown in the hills.",
    "- Many workers migrated from the hills to the plains in 1990.",
    "- Small farmers own most of the land in the hill districts.",
  ].join("\n");
  const pm = ingestMaterial({ source: "crops.txt", content: text });

  it("keeps the label when the point points back to it ('the volume', 'their value') or is no clause ('rice grown in…')", () => {
    expect(readAloneIn(pm, "Tea exports:")).toMatch(/^Tea exports: the volume/);
    expect(readAloneIn(pm, "Rice exports:") ?? "Rice exports:").toMatch(/^Rice exports:/);
    expect(readAloneIn(pm, "Main crops:") ?? "Main crops:").toMatch(/^Main crops:/);
  });
  it("cuts it before a clause of its own, keeping the point's spelling ('pH levels')", () => {
    expect(readAloneIn(pm, "Soil quality:")).toBe("pH levels have fallen in most districts since 1990.");
  });
  it("keeps list entries whose verb is a simple past or a verb the tagger reads as an adjective", () => {
    expect(readAloneIn(pm, "Many workers migrated")).not.toBeNull();
    expect(readAloneIn(pm, "Small farmers own")).not.toBeNull();
  });
});

describe("a short name the text around it and the whole material settle differently", () => {
  // Written for this test; not copied from any source. The tenth blind review's examiners found "The Inter-State Council
  // is chaired by the Union Finance Minister" (the text meant the GST Council, named just before) and "On Article 356 the
  // Administrative Reforms Commission was blunt" (the section was headed "The Sarkaria Commission"): the name the
  // material mostly uses was put in over the one the text around the sentence named.
  const text = [
    "Councils and commissions of Veldra",
    "",
    "The Veldra Reforms Commission reported in 1969. The Veldra Reforms Commission asked for a council of states. The Veldra Reforms Commission also wrote on Governors. The Veldra Reforms Commission was wound up in 1970.",
    "",
    "The Karn Inquiry Commission",
    "",
    "In 1983 the government set up an inquiry under Justice Arno Dask, and it reported in 1988.",
    "",
    "On Article 40 the Commission was blunt, and it asked for restraint.",
    "",
    "Councils",
    "",
    "The Veldra States Council was set up in 1990. The Veldra States Council meets rarely. The Veldra States Council is advisory. The Veldra States Council has a standing committee.",
    "",
    "The 2016 amendment created the Veldra Tax Council under Article 79. The Council is chaired by the finance minister and includes the state ministers.",
  ].join("\n");
  const pm = ingestMaterial({ source: "invented.txt", content: text });
  it("makes no item when the sentences just before name one and the material mostly another", () => {
    expect(readAloneIn(pm, "The Council is chaired")).toBeNull();
  });
  it("makes no item when the section's heading names one and the material mostly another", () => {
    expect(readAloneIn(pm, "On Article 40 the Commission")).toBeNull();
  });
  it("still puts in the name the text around the sentence gives when the material agrees", () => {
    const agreeing = ingestMaterial({ source: "invented.txt", content: text.replace("The 2016 amendment created the Veldra Tax Council under Article 79.", "The Veldra States Council met in 2016.") });
    expect(readAloneIn(agreeing, "The Council is chaired")).toBe("The Veldra States Council is chaired by the finance minister and includes the state ministers.");
  });
});

describe("a short name under a heading that names two of its kind", () => {
  // Written for this test (a second code review): "The Sarkaria Commission and the Punchhi Commission" over "The Commission
  // recommended…" was read as the Punchhi Commission, the one the heading named last.
  it("makes no item", () => {
    const pm = ingestMaterial({
      source: "invented.txt",
      content: [
        "Commissions of Veldra",
        "",
        "The Karn Inquiry Commission and the Dorra Review Commission",
        "",
        "Both bodies studied the canal law for years. Their reports ran to many volumes.",
        "",
        "The Commission recommended fixed terms for canal officers in 1988.",
      ].join("\n"),
    });
    expect(readAloneIn(pm, "The Commission recommended")).toBeNull();
  });
});

describe("'When was X formed?' cards", () => {
  // Written for this test: an invented scheme whose founding sentence opens with "It".
  const SCHEME = [
    "The Dalvan Grain Scheme",
    "",
    "The Dalvan Grain Scheme predates the Food Act of Veldra by a decade. It was launched in March 2004 to reach the poorest families in the hill districts.",
    "The Veldra Seed Board was established in 1999 to certify seed for the hill districts.",
  ].join("\n");

  it("are asked of a name, never of a pronoun ('When was It launched?')", () => {
    const fronts = generateStudySet([ingestMaterial({ source: "scheme.txt", content: SCHEME })], { isWrittenGenerationOff: true }).cards.map((c) => c.front);
    expect(fronts.filter((f) => /^When was /.test(f))).not.toContainEqual(expect.stringMatching(/^When was (?:It|They|This|These|That)\b/));
    expect(fronts.some((f) => /\b(?:It|They|Its|Their)\b/.test(f.replace(/^\S+/, "")))).toBe(false);
  });
});
