import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { readAloneIn } from "./helpers";
import { generateStudySet } from "@/lib/generate/study-set";
import { inContext } from "@/lib/generate/context";

// Written for this test; not copied from any source. Invented reefs, craters, lakes, mills and rivers: a card is read
// alone, so "the vessel", "the crater", "the lake" must say which one, or the card is not made.

/** inContext of the sentence of `content` that starts with `start`. */
function readAlone(content: string, start: string): string | null {
  return readAloneIn(ingestMaterial({ source: "invented.txt", content }), start);
}

describe("inContext: a bare 'the <noun>' standing for one an earlier sentence brought in", () => {
  it("makes no item of 'the vessel' when an earlier paragraph brought in 'a cargo vessel' (marine ecology)", () => {
    const text = [
      "Surveys of the Pellan Reef",
      "",
      "A cargo vessel ran aground on the northern edge of the Pellan Reef in March 2018.",
      "",
      "Divers reported in 2019 that the vessel had crushed about 2 hectares of living coral.",
    ].join("\n");
    expect(readAlone(text, "Divers reported")).toBeNull();
  });

  it("makes no item of 'the crater' after the opening sentence named one crater: the noun is not rewritten as the name (astronomy)", () => {
    const text = [
      "Dating a lunar crater",
      "",
      "The Kessler Crater on the far side of the Moon is about 40 km across.",
      "",
      "Samples returned in 2021 showed that the crater formed about 800 million years ago.",
    ].join("\n");
    expect(readAlone(text, "Samples returned")).toBeNull();
  });

  it("makes no item of 'after the strike ended' when the lead named 'the Calder Mill strike' (labour history)", () => {
    const text = [
      "The Calder Mill strike of 1912 closed the weaving sheds of Harlow for eleven weeks.",
      "",
      "Wages in the district rose by 8 per cent in the year after the strike ended.",
    ].join("\n");
    expect(readAlone(text, "Wages in the district")).toBeNull();
  });

  it("makes no item of 'the lake' when two lakes were named (geography)", () => {
    const text = [
      "Fisheries of the Dunmore basin",
      "",
      "Morrow Lake and Tessel Lake both lie in the Dunmore basin, 30 km apart.",
      "",
      "Anglers report that the lake has lost half of its trout since 2012.",
    ].join("\n");
    expect(readAlone(text, "Anglers report")).toBeNull();
  });
});

describe("inContext: definite nouns that say which one, or need no earlier sentence, are left alone", () => {
  it("keeps 'the monsoon' after 'a weak monsoon': a noun that names one thing anyway (agriculture)", () => {
    const text = ["Farming in Veldra", "", "A weak monsoon in 2015 cut the rice harvest of Veldra by a fifth.", "", "Farmers in Veldra now sow drought-tolerant millets before the monsoon arrives."].join("\n");
    expect(readAlone(text, "Farmers in Veldra")).toBe("Farmers in Veldra now sow drought-tolerant millets before the monsoon arrives.");
  });
  it("keeps 'the dam' the sentence itself brings in, and 'the faction led by …', which says which (civil engineering, politics)", () => {
    const dam = ["Water for Sarn", "", "A dam was built across the Sarn river in 2004.", "", "A second dam was begun in 2011, and the dam now supplies water to 40 villages."].join("\n");
    expect(readAlone(dam, "A second dam")).not.toBeNull();
    const faction = ["Party splits in Ostra", "", "A faction loyal to the governor left the Ostra People's Party in 2019.", "", "In 2021 the faction led by Mira Osk won the party's name in court."].join("\n");
    expect(readAlone(faction, "In 2021")).toBe("In 2021 the faction led by Mira Osk won the party's name in court.");
  });
  it("keeps a plural that an earlier singular brought in ('a district council' … 'the councils'): a set, not that one (local government)", () => {
    const text = ["Councils in Veldra", "", "Veldra has 14 districts, and a district council runs each of them.", "", "Since 2016 the councils have levied a tax of 1 per cent on land sales."].join("\n");
    expect(readAlone(text, "Since 2016")).toBe("Since 2016 the councils have levied a tax of 1 per cent on land sales.");
  });
});

describe("inContext: likened to, or more than, what only an earlier sentence tells", () => {
  it.each([
    ["census", "The 2021 census of the Harl Islands drew similar criticism from demographers."],
    ["petroleum geology", "A further 12 wells were drilled in the Osk basin in 2022."],
    ["botany", "The western survey of the Marra plateau gives a considerably higher count of 900 species."],
    ["monetary policy", "In June 2019 the Veldra central bank lowered its policy rate by a larger 50 basis points."],
  ])("makes no item (%s): %s", (_subject, sentence) => {
    const text = ["Notes", "", "The opening paragraph of these notes says little.", "", sentence].join("\n");
    expect(readAlone(text, sentence.slice(0, 12))).toBeNull();
  });
  it.each([
    ["entomology", "Beetles, weevils and other similar insects damage about a tenth of stored grain in Veldra."],
    ["astronomy", "Comets in the outer belt are similar to asteroids in their rocky composition."],
    ["licensing", "In 2020 the board renewed the mine's licence for a further ten years, to 2030."],
    ["ornithology", "Hawks in the Marra hills hunt from a higher perch than owls do."],
  ])("keeps a comparison the sentence itself completes (%s): %s", (_subject, sentence) => {
    const text = ["Notes", "", "The opening paragraph of these notes says little.", "", sentence].join("\n");
    expect(readAlone(text, sentence.slice(0, 12))).toBe(sentence);
  });
});

describe("inContext: 'the <noun>' a possessive brought in, and a bare 'the <noun>' as the subject", () => {
  it("makes no item of 'the report' a few sentences after 'the board submitted its report' (public health)", () => {
    const text = [
      "Clinics in Veldra",
      "",
      "In 1998 the state set up a board to review rural clinics. The board submitted its report in 2001, making 60 recommendations. Nurses' unions welcomed most of them. Doctors' bodies objected to two.",
      "",
      "The health ministry changed hands in 2002. Its new minister, Oren Dask, came from the finance ministry. Budgets for clinics were cut in 2003. A hiring freeze followed in 2004. Elections in 2005 ended the government's term before it could act on the report, but three districts adopted its ideas.",
    ].join("\n");
    expect(readAlone(text, "Elections in 2005")).toBeNull();
  });
  it("keeps a general statement whose subject is a bare 'the <noun>' nothing earlier brought in (polity, biology)", () => {
    const polity = ["The Union executive", "", "India has a parliamentary form of government.", "", "The president is elected by an electoral college of elected legislators."].join("\n");
    expect(readAlone(polity, "The president is")).toBe("The president is elected by an electoral college of elected legislators.");
    const biology = ["Cells", "", "All living things are made of cells.", "", "The nucleus holds most of the genetic material of a eukaryotic cell."].join("\n");
    expect(readAlone(biology, "The nucleus holds")).not.toBeNull();
  });
  // A sentence that opens on a bare "the <noun>" is refused even when no earlier sentence brought the noun in: "The deal",
  // "The vacuum", "The result" stand for what the sentences before were about. Kept: a general statement in the simple
  // present about a singular noun the material names there for the first time ("The nucleus holds…" above).
  it("makes no item of a sentence whose subject is a bare 'the <noun>' the sentences before were about (trade, history, economy)", () => {
    const trade = ["Lithium abroad", "", "In 2024 Veldra's state miner agreed with the province of Ostra to explore five lithium blocks.", "", "The deal was valued at about 200 million dollars."].join("\n");
    expect(readAlone(trade, "The deal was")).toBeNull();
    const history = ["The Keld dynasty", "", "King Arno of Keld died in 1204 without a son.", "", "The vacuum was filled by his cousin Tovan, a general of the northern army."].join("\n");
    expect(readAlone(history, "The vacuum was")).toBeNull();
    const economy = ["Farm credit", "", "Veldra wrote off the crop loans of small farmers in 2008.", "", "The results have been mixed, with fresh borrowing falling in most districts."].join("\n");
    expect(readAlone(economy, "The results have")).toBeNull();
  });
  it("makes no item of a sentence opening on a bare noun ranked only by the text around it ('The third factor', 'The immediate trigger', 'The highest point')", () => {
    const text = [
      "The Orlan uprising of 1907",
      "",
      "Farmers in the Orlan valley rose against the salt tax in May 1907. Grain prices had doubled since 1904. The immediate trigger was the arrest of the village headman Tovan Keld.",
      "",
      "A new tax on cotton had already angered weavers. The third factor was the closure of the valley's only bank.",
      "",
      "The valley lies between two ranges. The highest point is Mount Arno, at 2,400 metres.",
      "",
      "Troops reached the valley in June 1907. The final blow came from a famine in 1908.",
    ].join("\n");
    for (const start of ["The immediate trigger", "The third factor", "The highest point", "The final blow"]) expect(readAlone(text, start)).toBeNull();
  });
  it("makes no item when dropping the opening connective leaves a bare 'the <noun>' as the subject ('But the deal…')", () => {
    const text = ["Lithium abroad", "", "In 2024 Veldra's state miner agreed with the province of Ostra to explore five lithium blocks.", "", "But the deal was delayed by a court case in 2025."].join("\n");
    expect(readAlone(text, "But the deal")).toBeNull();
  });
  it("makes no item of a narrative sentence whose subject is a bare 'the <noun>' after a pointing word, a plural, or a verb chain", () => {
    const lead = "Notes\n\nVeldra adopted its constitution in 1950. Prices rose in 2021.\n\n";
    for (const sentence of [
      "The final report was tabled in the assembly in 2021.",
      "The two men met at Ostra in 2021.",
      "The sources said the talks had failed.",
      "The army marched to Delhi and captured the fort.",
      "The deal helped boost exports of rice.",
      "The ship and its crew were released in 2024.",
      "The reason is simple.",
    ])
      expect(readAlone(lead + sentence, sentence.slice(0, 14)), sentence).toBeNull();
  });
  it("keeps a textbook's general statement in the present about a thing the material names for the first time (polity, biology, geography)", () => {
    const lead = "Notes for revision\n\nVeldra adopted its constitution in 1950.\n\n";
    for (const sentence of [
      "The preamble declares Veldra a sovereign democratic republic.",
      "The vice-president is the ex officio chairman of the upper house.",
      "The liver is the largest gland in the human body.",
      "The troposphere is the lowest layer of the atmosphere.",
      "The chief minister is appointed by the governor.",
    ])
      expect(readAlone(lead + sentence, sentence.slice(0, 14)), sentence).toBe(sentence);
  });
  it("reads the tense from the clause's own verb and plurals as written (biology, polity)", () => {
    const lead = "Notes for revision\n\nVeldra adopted its constitution in 1950.\n\n";
    for (const sentence of [
      "The heart has four chambers, two atria and two ventricles.",
      "The nucleus, surrounded by a double membrane, contains most of the genetic material.",
      "The collegium, which has five members, recommends judges to the government.",
      "The species is the basic unit of classification in biology.",
      "The oesophagus carries food from the mouth to the stomach.",
    ])
      expect(readAlone(lead + sentence, sentence.slice(0, 14)), sentence).toBe(sentence);
    expect(readAlone(lead + "The committee has not met since 2019.", "The committee has")).toBeNull();
  });
  it("refuses what the text has in mind under another word, or a sentence in brackets (trade, weather)", () => {
    expect(readAlone("Trade\n\nVeldra and Ostra signed a trade pact in 2019.\n\nThe agreement lowers tariffs on rice.", "The agreement")).toBeNull();
    expect(readAlone("Weather\n\nA cyclone hit Ostra in 2019.\n\nThe storm is remembered as the worst in a century.", "The storm")).toBeNull();
    expect(readAlone("Mining\n\nVeldra signed a mining deal in 2010.\n\n(The deal was later cancelled by the court in 2012.)", "(The deal")).toBeNull();
  });
  it("keeps a bare noun that a name or a date after it places (polity, history)", () => {
    const lead = "Notes\n\nVeldra adopted its constitution in 1950.\n\n";
    for (const sentence of ["The duties under Article 51A are not enforceable in any court.", "The famine during 1943 killed about three million people in Bengal."])
      expect(readAlone(lead + sentence, sentence.slice(0, 14)), sentence).toBe(sentence);
  });
  it("makes no item of one point of a list the item does not show ('Second, …', 'Fourth, …') (polity)", () => {
    const text = "The Governor of Veldra\n\nThe reformers made four proposals. Second, the Governor of Veldra should be chosen from outside the state.";
    expect(readAlone(text, "Second,")).toBeNull();
  });
  it("puts a possessive full name in for a short one without an article: 'India's Constitution', never 'the India's Constitution' (polity)", () => {
    const text = "The Governor in Veldra's Constitution\n\nArticle 154 vests the executive power of the state in the Governor, in accordance with the Constitution.";
    const read = readAlone(text, "Article 154");
    expect(read).not.toMatch(/the Veldra's/);
  });
  it("reads a short name two full names end in as the one the material is about, and refuses it when none dominates (polity)", () => {
    const about = [
      "The Veldra Tax Council",
      "",
      "The Ostra Trade Council was consulted once in 2018.",
      "",
      "The Veldra Tax Council was set up in 2017. The Veldra Tax Council meets every quarter. The Veldra Tax Council has 33 members. The Veldra Tax Council also sets rates.",
      "",
      "Every decision of the Council is taken by a three-fourths majority.",
    ].join("\n");
    expect(readAlone(about, "Every decision")).toBe("Every decision of the Veldra Tax Council is taken by a three-fourths majority.");
    // (The tenth blind review: when the sentence just before names the other council, the reader cannot tell which is
    // meant — "The Inter-State Council is chaired by the Union Finance Minister" was the GST Council named just before.)
    const justNamedTheOther = about.replace("The Ostra Trade Council was consulted once in 2018.\n\n", "").replace("\n\nEvery decision", "\n\nThe Ostra Trade Council was consulted once in 2018.\n\nEvery decision");
    expect(justNamedTheOther).toContain("The Ostra Trade Council was consulted once in 2018.\n\nEvery decision");
    expect(readAlone(justNamedTheOther, "Every decision")).toBeNull();
    const even = [
      "Two councils",
      "",
      "The Veldra Tax Council was set up in 2017. The Ostra Trade Council was set up in 2018.",
      "",
      "Every decision of the Council is taken by a three-fourths majority.",
    ].join("\n");
    expect(readAlone(even, "Every decision")).toBeNull();
  });
  it("keeps a dated sentence whose year is before 1900 (history)", () => {
    const text = "The Mughals\n\nBabur founded the Mughal Empire in northern India.\n\nThe First Battle of Panipat was fought on 21 April 1526.";
    expect(readAlone(text, "The First Battle")).toBe("The First Battle of Panipat was fought on 21 April 1526.");
  });
  it("gives one verdict whatever the item puts in the sentence: a blank or a swapped value does not bring a refused opening back", () => {
    const text = ["The Keld dynasty", "", "King Arno of Keld died in 1204 without a son.", "", "The vacuum was filled by his cousin Tovan, a general of the northern army."].join("\n");
    const pm = ingestMaterial({ source: "invented.txt", content: text });
    const sentence = pm.sentences.find((s) => s.text.startsWith("The vacuum"))!;
    expect(inContext(sentence.text.replace("vacuum", "_____"), pm, sentence)).toBeNull();
    expect(inContext(sentence.text.replace("Tovan", "_____"), pm, sentence)).toBeNull();
  });
  it("keeps a bare 'the <noun>' subject that is a kind the material speaks of as a kind (ecology)", () => {
    const text = ["Big cats", "", "Cheetahs hunt by day on open grassland.", "", "Most cheetahs live less than ten years in the wild.", "", "The cheetah is the fastest land animal, reaching about 100 km an hour."].join("\n");
    expect(readAlone(text, "The cheetah is")).not.toBeNull();
  });
  it("keeps a bare 'the <noun>' subject that a participle's phrase names, or that heads a name a verb tag splits (education, law)", () => {
    const education = ["Seminaries", "", "Religious schools spread in Veldra in the nineteenth century.", "", "The seminary founded at Orlan in 1867 by Tovan Keld aimed to revive classical learning."].join("\n");
    expect(readAlone(education, "The seminary founded")).not.toBeNull();
    const law = ["Environmental law", "", "Courts in Veldra have shaped environmental law since 1980.", "", "The polluter pays principle requires the person who pollutes to bear the cost of restoring the environment."].join("\n");
    expect(readAlone(law, "The polluter pays")).not.toBeNull();
  });
  it("keeps 'The monsoon brings…': a noun that names one thing anyway (climate)", () => {
    const text = ["Seasons", "", "Rice is sown in Veldra in early summer.", "", "The monsoon brings about 80 per cent of the yearly rain of Veldra."].join("\n");
    expect(readAlone(text, "The monsoon")).toBe("The monsoon brings about 80 per cent of the yearly rain of Veldra.");
  });
});

describe("inContext: a bare 'the <noun>' is never rewritten as a name (a reviewer's counter-examples)", () => {
  // Each of these was rewritten into a false statement when the noun took the name of an earlier introduction.
  it("does not read 'the house' as the Lok Sabha when the Rajya Sabha is meant (polity)", () => {
    const text = ["Parliament", "", "The Lok Sabha is a popular house elected every five years under Article 83.", "", "The Rajya Sabha, by contrast, is never dissolved, and one-third of the members of the house retire every second year."].join("\n");
    expect(readAlone(text, "The Rajya Sabha")).toBeNull();
  });
  it("does not read a depositor's 'the bank' as the Reserve Bank (economy)", () => {
    const text = ["Banking", "", "The Reserve Bank of India was established in 1935.", "", "When a depositor withdraws cash from a savings account, the bank pays out of its own vault rather than from the reserve."].join("\n");
    expect(readAlone(text, "When a depositor")).toBeNull();
  });
  it("does not take 'There' in 'There was a severe crisis' for a name (economic history)", () => {
    const text = ["The 1991 crisis", "", "There was a severe crisis in India in 1991.", "", "India pledged 47 tonnes of gold with the Bank of England in July 1991 to survive the crisis."].join("\n");
    expect(readAlone(text, "India pledged")).toBeNull();
  });
});

describe("inContext: a pronoun after an opening clause", () => {
  it("refuses 'it' after an opening clause: the clause's noun is not always the one meant (history)", () => {
    const text = ["Famine codes", "", "The provincial government faced repeated famines.", "", "After the harvest failed in 1876, it imposed a new famine code."].join("\n");
    expect(readAlone(text, "After the harvest")).toBeNull();
  });
  it("still refuses 'it' after a phrase with no clause ('After a vote in the assembly, it was passed…') (law)", () => {
    const text = ["A law on water", "", "A water bill was tabled in Veldra in 1993.", "", "After a vote in the assembly, it was passed in 1994 with 61 votes."].join("\n");
    expect(readAlone(text, "After a vote")).toBeNull();
  });
});

describe("inContext: the held-in-mind rule after a code review", () => {
  // Written for this test: the reviewer's counter-examples, in invented places.
  const text = [
    "Karn notes",
    "",
    "The Karn council met in 2010.",
    "Parliament referred the bill to a select committee in 2019.",
    "Floods hit Karn and Dorra in 2020, and the problem crossed borders.",
    "Farmers said the scheme failed in most districts of Karn.",
    "When an acid reacts with a base, the reaction produces a salt and water.",
    "Plants bend towards light and the response is called phototropism.",
    "After independence it was used to irrigate fields in Karn.",
    "In August 1971 Karn signed the treaty with the Ostra Union to secure its position.",
    "By the end of the 1950s it was widely held that the Karn charter was a lawyers' paradise.",
  ].join("\n");
  it.each([["Parliament referred"], ["Floods hit Karn"], ["Farmers said"], ["After independence it was used"]])("makes no item of %j (a verb's phrase, a verb, an 'it' that points back)", (start) => {
    expect(readAlone(text, start)).toBeNull();
  });
  it.each([["When an acid reacts"], ["Plants bend towards light"], ["In August 1971 Karn signed"], ["By the end of the 1950s"]])("keeps %j (a science statement's 'the reaction'; 'the treaty with the Ostra Union'; 'it was widely held that')", (start) => {
    expect(readAlone(text, start)).not.toBeNull();
  });
});

describe("inContext: a pronoun after an opening phrase with no comma (seventh blind review)", () => {
  // Written for this test. The examiners: "'Tilak took it to Poona' has no antecedent for 'it'"; the colonial-revenue set
  // asked "After the defeat of … in _____ he was posted to …" without saying who.
  const text = [
    "Officers of Karn",
    "",
    "Arno Dask joined the Karn revenue service in 1780.",
    "After the fall of Ostra in 1799 he was posted to the Dorra districts.",
    "In practice it centralised control in the capital of Karn.",
    "By the end of the 1830s it was widely accepted that land revenue in Karn was too high.",
    "In 1802 the Karn Board announced that it had surveyed 300 villages.",
    "In 1805 Mira Osk took charge of the Dorra districts.",
  ].join("\n");
  it.each([["After the fall of Ostra"], ["In practice it centralised"]])("makes no item of %j", (start) => {
    expect(readAlone(text, start)).toBeNull();
  });
  it.each([["By the end of the 1830s it was widely accepted"], ["In 1802 the Karn Board announced"], ["In 1805 Mira Osk"]])("keeps %j (an 'it' of what follows, a pronoun in a clause of its own, a name)", (start) => {
    expect(readAlone(text, start)).not.toBeNull();
  });
});

describe("inContext: 'similar' between two things the sentence names", () => {
  it("keeps 'Venus and Earth have similar masses' (astronomy)", () => {
    const text = ["Planets", "", "The inner planets are rocky.", "", "Venus and Earth have similar masses and densities."].join("\n");
    expect(readAlone(text, "Venus and Earth")).toBe("Venus and Earth have similar masses and densities.");
  });
});

describe("inContext: a possessive inside the opening noun phrase", () => {
  it("makes no item of 'A large share of its timber exports…': whose exports? (forestry)", () => {
    const text = ["Forests of Veldra", "", "Veldra is a small coastal state with dense teak forests.", "", "A large share of its timber exports goes to Ostra by sea, and the trade grew by 9 per cent in 2019."].join("\n");
    expect(readAlone(text, "A large share")).toBeNull();
  });
  it("keeps 'Karn and its suburbs…': the possessive stands for a noun before it (urban studies)", () => {
    // (Written "The city and its suburbs…" until a bare "the <noun>" opening stopped making items: which city?)
    const text = ["Karn", "", "Karn is the capital of Veldra.", "", "Karn and its suburbs had 2.4 million residents at the census of 2011."].join("\n");
    expect(readAlone(text, "Karn and")).not.toBeNull();
  });
});

describe("definition cards: a definition that leans on an earlier sentence", () => {
  // Written for this test (geography). A second review found "What is Anamudi? → The highest peak of the range" made
  // from a definition whose "the range" only an earlier sentence explains (two ranges are named).
  const text = (peak: string) =>
    [
      "Mountains of India",
      "",
      "The Western Ghats are a range of mountains along the west coast of India. They run for about 1,600 km from Gujarat to Kerala.",
      "",
      `Anamudi, ${peak}, rises to 2,695 metres in Kerala. The Aravalli is a range of fold mountains in Rajasthan.`,
    ].join("\n");
  const qaFronts = (peak: string) => generateStudySet([ingestMaterial({ source: "t", content: text(peak) })]).cards.filter((c) => c.kind === "qa").map((c) => c.front);

  it("makes no 'What is X?' card from 'the highest peak of the range'", () => {
    expect(qaFronts("the highest peak of the range")).not.toContain("What is Anamudi?");
  });
  it("still makes it when the definition names the range", () => {
    expect(qaFronts("the highest peak of the Western Ghats")).toContain("What is Anamudi?");
  });
});

describe("inContext: a noun the material keeps calling 'the <noun>' is its running name for one thing", () => {
  // Written for this test (public finance, an invented auditor). Blind examiners marked "The office holds no executive
  // power…" not well-formed: the material never names the office in a way the rule for earlier introductions sees.
  const auditor = [
    "The Auditor of Veldra",
    "",
    "Among the bodies set up by the Charter of Veldra, few are as unusual as the Auditor of Veldra.",
    "",
    "The office holds no power to punish anyone, and it depends on the legislature to act on its findings.",
    "",
    "The office was created in 1921 and given a charter of its own in 1952.",
    "",
    "Its reports reach the legislature every year, and the office publishes them within a month of tabling.",
    "",
    "The Public Accounts Committee of Veldra examines the reports in 2024 and later years.",
  ].join("\n");

  it("makes no item of 'The office was created in 1921…' when three sentences call it 'the office'", () => {
    expect(readAlone(auditor, "The office was created")).toBeNull();
    expect(readAlone(auditor, "The office holds")).toBeNull();
  });

  it("keeps a noun used bare in only two sentences (forestry)", () => {
    const text = [
      "Teak in Veldra",
      "",
      "Veldra exported 9,000 tonnes of teak in 2019.",
      "",
      "The trade grew by 9 per cent in 2019.",
      "",
      "Ostra bought most of the trade in 2020.",
    ].join("\n");
    expect(readAlone(text, "Ostra bought")).not.toBeNull();
  });

  it("keeps 'the state' used again and again for the State (reference-words.json generalNouns; constitutional law)", () => {
    const text = [
      "Directive principles of Veldra",
      "",
      "The Charter of Veldra asks the state to secure a living wage for workers.",
      "",
      "Article 41 directs the state to provide free legal aid to the poor.",
      "",
      "Article 44 asks the state to promote cottage industries in rural areas.",
    ].join("\n");
    expect(readAlone(text, "Article 44 asks")).not.toBeNull();
  });

  it("does not count 'the title \"…\"', 'the period 2021-26' or 'the land they farmed': each says which one (history, public finance)", () => {
    const text = [
      "Kings and tenants of Veldra",
      "",
      "King Aran took the title \"Lord of the Seas\" in 1120.",
      "",
      "His son took the title \"Lord of the Hills\" in 1150.",
      "",
      "Grants for the period 2021-26 rose, and grants for the period 2026-31 rose again.",
      "",
      "The Veldra Tenancy Act of 1955 made tenants owners of the land they farmed, and in 1972 the title \"Protector of Tenants\" went to its author.",
    ].join("\n");
    expect(readAlone(text, "The Veldra Tenancy Act")).not.toBeNull();
  });

  it("does not read 'the ozone depleting substances' as a bare 'the ozone' (atmospheric chemistry)", () => {
    const text = [
      "Ozone treaties",
      "",
      "The Ostra Protocol of 1989 controls the ozone depleting substances used in refrigerators.",
      "",
      "Veldra phased out the ozone depleting substances in aerosols by 1996.",
      "",
      "Ostra phased out the ozone depleting substances in foams by 2010.",
    ].join("\n");
    expect(readAlone(text, "Ostra phased out")).not.toBeNull();
  });
});

describe("inContext: a designation the material numbers, used without its number", () => {
  // Written for this test (constitutional law). "The Article provides…" reached blind examiners after the material had
  // cited two articles by number.
  const text = (opening: string) =>
    [
      "The Auditor of Veldra",
      "",
      "Article 48 of the Charter of Veldra creates the office of the Auditor, and Article 49 sets out its duties.",
      "",
      `${opening} that the Auditor shall not be removed except by a vote of two-thirds of the legislature in 1952.`,
    ].join("\n");

  it("makes no item of 'The Article provides…' when the material cites Article 48 and Article 49", () => {
    expect(readAlone(text("The Article provides"), "The Article provides")).toBeNull();
  });
  it("keeps 'Article 48 provides…'", () => {
    expect(readAlone(text("Article 48 provides"), "Article 48 provides")).not.toBeNull();
  });
});

describe("inContext: a short name in the possessive", () => {
  // Written for this test (economic history). "The Commission's expenditure…" was shown with two commissions in the material.
  it("makes no item of 'The Commission's budget…' when two commissions were named before", () => {
    const text = [
      "Commissions of Veldra",
      "",
      "The Veldra Election Commission and the Veldra Delimitation Commission were set up in 1950; the two commissions share a secretariat.",
      "",
      "The Commission's budget is voted by the legislature every year since 1952.",
    ].join("\n");
    expect(readAlone(text, "The Commission's budget")).toBeNull();
  });
});

describe("inContext: a person's title used as a name", () => {
  // Written for this test (medieval history). The ninth blind review found "the Sadashivrao Bhau's cavalry" and "the
  // Sadashivrao Bhau decided…": the material's "the Bhau" put in as the person's name with the article kept.
  const text = [
    "The Karn campaign",
    "",
    "In 1760 the Ostra ruler sent an army north under Arno Bhau, with his son as nominal commander.",
    "",
    "Arno Bhau occupied Pell in August 1760, and in October he took Dorra.",
    "",
    "By January 1761 the Ostra camp was short of food, and the Bhau decided to break out towards Pell.",
    "",
    "Tosh Dask's infantry attacked the left wing, and the Bhau's cavalry in the centre drove back the Dorra horse.",
  ].join("\n");
  it("puts the name in without 'the'", () => {
    expect(readAlone(text, "Tosh Dask's infantry")).toBe("Tosh Dask's infantry attacked the left wing, and Arno Bhau's cavalry in the centre drove back the Dorra horse.");
    expect(readAlone(text, "By January 1761")).not.toContain("the Arno Bhau");
  });
  it("puts no name in for 'the Shah's' unless one of the two sentences before named him (a code review)", () => {
    const far = [
      "The Karn court",
      "",
      "Arno Shah ruled Karn from 1719 to 1748.",
      "",
      "The court grew weak. Revenue fell. Nobles quarrelled over land.",
      "",
      "The Shah's army sacked Dorra in 1739.",
    ].join("\n");
    expect(readAlone(far, "The Shah's army")).toBe("The Shah's army sacked Dorra in 1739.");
  });
});

describe("inContext: the running-name rule and class talk", () => {
  // Written for this test (economics, history). A code review found generic singulars refused by a first version.
  it("keeps 'The firm maximises profit…' in a text that speaks of firms as a kind far more often", () => {
    const text = [
      "Firms and markets",
      "",
      "In most markets, firms sell goods to households, and small firms outnumber large ones.",
      "",
      "Under perfect competition, firms take the price as given, and new firms enter when profits are high.",
      "",
      "In the long run, firms that make losses leave the market, and firms with high costs leave first.",
      "",
      "Under monopoly, firms set the price, and firms with patents may earn rents for years.",
      "",
      "In practice, small firms borrow at higher rates than large firms.",
      "",
      "Like other exporters, firms that sell abroad face exchange-rate risk.",
      "",
      "In oligopoly, firms watch each other's prices.",
      "",
      "The firm maximises profit where marginal cost equals marginal revenue, a rule stated by Alfred Marshall in 1890.",
      "",
      "The firm hires workers until the wage equals their marginal product, as Marshall showed in 1890.",
      "",
      "The firm shuts down when the price falls below average variable cost, a point made in 1890.",
    ].join("\n");
    expect(readAlone(text, "The firm maximises")).not.toBeNull();
  });
  it("still refuses 'After the war they rebuilt…' once the material named a war", () => {
    const text = ["Ostra", "", "The Veldra War broke out in 1912 between Ostra and Veldra.", "", "After the war they rebuilt the bridges of Ostra in 1920."].join("\n");
    expect(readAlone(text, "After the war")).toBeNull();
  });
  it("keeps 'The state must protect monuments…' in a text that calls the State 'the state' throughout (generalNouns)", () => {
    const text = [
      "Directive principles of Veldra",
      "",
      "The state must protect monuments of national importance under Article 49 of 1950.",
      "",
      "The state shall endeavour to secure a uniform civil code under Article 44 of 1950.",
      "",
      "The state shall separate the judiciary from the executive under Article 50 of 1950.",
    ].join("\n");
    expect(readAlone(text, "The state must protect")).not.toBeNull();
  });
  it("reads 'for the period 2021-26' as saying which period", () => {
    const text = [
      "Grants of Veldra",
      "",
      "Grants for the period 2016-21 rose by 10 per cent in 2016.",
      "",
      "Grants for the period 2021-26 rose by 12 per cent in 2021.",
      "",
      "Grants for the period 2026-31 were set at 4,000 crore rupees in 2025.",
    ].join("\n");
    expect(readAlone(text, "Grants for the period 2026-31")).not.toBeNull();
  });
});

describe("inContext: short names inside longer names, and designations that are not numbered", () => {
  it("does not rewrite 'The People's Party…' as another name ending in 'People' (politics)", () => {
    const text = ["Parties of Veldra", "", "The Veldra People's Theatre Association staged plays in 1943.", "", "The People's Party won the election of 1970 in Veldra."].join("\n");
    expect(readAlone(text, "The People's Party")).toBe("The People's Party won the election of 1970 in Veldra.");
  });
  it("refuses 'The Article provides…' when the articles are cited after 'Under' (constitutional law)", () => {
    const text = ["The Auditor of Veldra", "", "Under Article 48 the Auditor is appointed, and under Article 49 the Auditor audits every account.", "", "The Article provides that the Auditor serves six years from 1952."].join("\n");
    expect(readAlone(text, "The Article provides")).toBeNull();
  });
  it("keeps 'The Apollo programme ended in 1972' although Apollo 11 and Apollo 13 are numbered (a name, not a designation)", () => {
    const text = ["Moon landings", "", "Apollo 11 landed on the Moon in 1969, and Apollo 13 turned back in 1970.", "", "The Apollo programme ended in 1972 after six landings."].join("\n");
    expect(readAlone(text, "The Apollo programme")).not.toBeNull();
  });
});

describe("inContext: a name with 'of' brings in its head noun", () => {
  // Written for this test (geography, history).
  it("makes no item of 'the gulf' after 'the Gulf of Veldra' named it", () => {
    const text = ["Storms of Veldra", "", "Most cyclones of the region form over the Gulf of Veldra in May.", "", "In 2019 a cyclone crossed the gulf in two days."].join("\n");
    expect(readAlone(text, "In 2019 a cyclone")).toBeNull();
  });
  it("keeps 'the president' after 'the President of Veldra': an office the material speaks of in general (generalNouns)", () => {
    const text = ["Offices of Veldra", "", "The President of Veldra is elected for five years.", "", "In 1952 the prime minister first advised the president on appointments."].join("\n");
    expect(readAlone(text, "In 1952 the prime minister")).not.toBeNull();
  });
});

describe("inContext: designations cited in the plural", () => {
  it("refuses 'The Article provides…' when the material cites 'Articles 148, 149 and 151' (constitutional law)", () => {
    const text = ["The Auditor of Veldra", "", "Articles 148, 149 and 151 of the Charter of Veldra deal with the Auditor.", "", "The Article provides that the Auditor serves six years from 1952."].join("\n");
    expect(readAlone(text, "The Article provides")).toBeNull();
  });
});

describe("inContext: a bare 'the <noun>' of what the text has in mind, inside the sentence (seventh blind review)", () => {
  // Written for this test. The examiners: "'The judgment' is never identified", "'the bill' is never named",
  // "'the campaign' is not identified" — nouns that stand in a sentence's middle for one the text had in mind.
  const text = [
    "Courts and councils in Veldra",
    "",
    "In 2019 the High Court of Karn heard the Ostra water case.",
    "State governments hailed the judgment as a landmark for the rivers of Karn.",
    "The Karn Assembly met on 18 November 2023 and passed the bills again.",
    "Supporters said the amendment would speed up the Dorra canal works.",
    "Parliament set up the Dorra Canal Board in 2004, and the board was given 40 engineers.",
    "A commission was set up in 1998, and the commission reported in 2001.",
    "The Karn Assembly passed the bill on water rights in 2012.",
    "The governor returned the bills passed by the Karn Assembly in 2020.",
    "The council launched the programme Clean Rivers for Karn in 2015.",
    "The Karn council began the campaign towards metered water in 2016.",
  ].join("\n");
  it.each([
    ["State governments hailed the judgment"],
    ["The Karn Assembly met on 18 November 2023"],
    ["Supporters said the amendment"],
  ])("makes no item of %j", (start) => {
    expect(readAlone(text, start)).toBeNull();
  });
  it.each([
    // The sentence brought the noun in itself.
    ["A commission was set up in 1998"],
    // Something after it says which one: a phrase, a participle, a name.
    ["The Karn Assembly passed the bill on water rights"],
    ["The governor returned the bills passed"],
    ["The council launched the programme Clean Rivers"],
    ["The Karn council began the campaign towards"],
  ])("keeps %j", (start) => {
    expect(readAlone(text, start)).not.toBeNull();
  });
});
