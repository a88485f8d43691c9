import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { buildCorpus } from "@/lib/generate/corpus";
import { collectSlots } from "@/lib/generate/slots";
import { readAloneIn } from "./helpers";

// Written for this test; not copied from any source. Invented kingdoms, courts, wetlands and elections: an item is read
// alone, so a subject that only the sentences before supply ("The oldest is…", "Most are…", "The majority judgment…",
// "…remains its largest refuge") makes no item, and a card's key must be the only answer that fits.

/** inContext of the sentence of `content` that starts with `start`. */
function readAlone(content: string, start: string): string | null {
  return readAloneIn(ingestMaterial({ source: "invented.txt", content }), start);
}

describe("inContext: a rank or a quantifier with no noun of its own", () => {
  it("makes no item of 'The oldest is…' after a sentence about several panels (art history)", () => {
    const text = ["Several carved panels survive from the Vessan temple.", "", "The oldest is the Lotus Panel of Mirha, where the founder is shown kneeling."].join("\n");
    expect(readAlone(text, "The oldest is")).toBeNull();
  });

  it("makes no item of 'The third, and least known, was…' or 'The other was…' (economic history)", () => {
    const text = [
      "Two revolts shook the Harlan plateau, and the Varda council paid for the army in two ways.",
      "",
      "The third, and least known, was the revolt of the salt workers in 1840.",
      "",
      "The other was a tax on salt levied by the Varda council.",
      "",
      "The most important was a levy on river boats.",
    ].join("\n");
    expect(readAlone(text, "The third, and least")).toBeNull();
    expect(readAlone(text, "The other was")).toBeNull();
    expect(readAlone(text, "The most important was")).toBeNull();
  });

  it("makes no item of 'Most are eventually released…': a quantifier alone counts what an earlier sentence names (prisons)", () => {
    const text = ["Many prisoners were held at the Varn fort.", "", "Most are eventually released after a year."].join("\n");
    expect(readAlone(text, "Most are")).toBeNull();
  });

  it("keeps a rank before a participle and its noun ('The last known Varda king, Tomas III, …')", () => {
    const text = ["The last known Varda king, Tomas III, is last mentioned in inscriptions of around 1279."].join("\n");
    expect(readAlone(text, "The last known")).not.toBeNull();
  });

  it("keeps a rank that says among what ('The oldest of the Vessan panels is…')", () => {
    const text = ["Several carved panels survive from the Vessan temple.", "", "The oldest of the Vessan panels is the Lotus Panel of Mirha, carved in 820."].join("\n");
    expect(readAlone(text, "The oldest of")).not.toBeNull();
  });
});

describe("inContext: an opening 'the <noun>' that the sentences before say which of", () => {
  it("makes no item of 'The majority judgment has been criticised…': a compound's last noun is its head (law)", () => {
    const text = [
      "The Tarsk court heard the Malen case in 1976.",
      "",
      "Five judges sat on the bench.",
      "",
      "The majority judgment has been widely criticised as one of the lowest points in the history of the Tarsk court.",
    ].join("\n");
    expect(readAlone(text, "The majority judgment")).toBeNull();
  });

  it("makes no item of 'The text lists eighteen officials…' about a treatise named sentences before (ancient history)", () => {
    const text = [
      "The Varda manual on statecraft survives in one copy.",
      "",
      "It was found in 1905.",
      "",
      "The text lists eighteen high officials and prescribes salaries ranging from 900 coins for the chief minister down to 6 coins for servants.",
    ].join("\n");
    expect(readAlone(text, "The text lists")).toBeNull();
  });

  it("makes no item of 'The work is divided into fifteen books…' about a treatise, though its verb is in the present (ancient history)", () => {
    const text = [
      "The Varda manual on statecraft is attributed to the minister Kesaran.",
      "",
      "The work is divided into fifteen books, known as parvas, with 150 chapters.",
    ].join("\n");
    expect(readAlone(text, "The work is divided")).toBeNull();
  });

  it("makes no item of 'The conflict ended in a settlement by which…': a verb in the relative clause is not the subject's (diplomacy)", () => {
    const text = [
      "Varda raised an army in 1820.",
      "",
      "Varda and Ostrel fought for two years over the grazing lands of the Kessel valley.",
      "",
      "The conflict ended in a settlement by which the Varda council ceded two villages to Ostrel.",
    ].join("\n");
    expect(readAlone(text, "The conflict ended")).toBeNull();
  });
});

describe("inContext: more of something, or a possessive, that only an earlier sentence explains", () => {
  it("makes no item of 'caused further hardship' (urban history)", () => {
    const text = ["The Tarsk housing board cleared markets in 1976.", "", "Road-widening drives in Tarsk caused further hardship."].join("\n");
    expect(readAlone(text, "Road-widening")).toBeNull();
  });

  it("keeps 'further' before a phrase that says what more ('lost further territory to Ostrel')", () => {
    const text = ["Tomas III of Varda (1572-1586) lost further territory to Ostrel and Kessel."].join("\n");
    expect(readAlone(text, "Tomas III")).not.toBeNull();
  });

  it("keeps 'until further notice', a set phrase", () => {
    const text = ["The Tarsk ferry service was suspended in 1976 until further notice by the Varda council."].join("\n");
    expect(readAlone(text, "The Tarsk ferry")).not.toBeNull();
  });

  it("makes no item of '…remains its largest refuge' when the only names before 'its' are inside the subject (ecology)", () => {
    const text = [
      "The river otter is rare in Varnia.",
      "",
      "The Ormen Wetland Reserve near Kessel in Varnia, set up in 1994, remains its largest refuge.",
    ].join("\n");
    expect(readAlone(text, "The Ormen")).toBeNull();
  });

  it.each([
    ["For Varnia, Ostrel remains its largest trading partner on the northern coast.", "For Varnia"],
    ["In Tarsk province, fishing is its biggest source of income after remittances.", "In Tarsk"],
  ])("keeps a possessive whose antecedent is an opening phrase ending in a comma: %s", (text, start) => {
    expect(readAlone(text, start)).not.toBeNull();
  });

  it("still makes no item when the opening phrase names nothing ('By convention, … is its chairperson')", () => {
    const text = ["The Varda language committee was set up in 1976 with thirty members. By convention, the Tarsk home minister is its chairperson."].join("\n");
    expect(readAlone(text, "By convention")).toBeNull();
  });

  it("still makes no item when an opening phrase is followed by a subject with its own commas", () => {
    const text = ["The river otter is rare in Varnia.", "", "In 1994 the Ormen Wetland Reserve, near Kessel, remains its largest refuge."].join("\n");
    expect(readAlone(text, "In 1994")).toBeNull();
  });

  it("keeps a possessive after a copula whose antecedent comes before the clause ('…, and Kessel is its largest port')", () => {
    const text = ["Varnia has a short coast, and Kessel is its largest port."].join("\n");
    expect(readAlone(text, "Varnia has")).not.toBeNull();
  });
});

describe("keys and options: one answer, of the right kind", () => {
  it("makes no 'By what other name…' card when the material gives two other names joined by 'or' (ancient history)", () => {
    const content = [
      "Kesaran and the Varda kingdom",
      "",
      "The Varda kingdom rose to power in 320 BCE with the help of the Brahmin Kesaran, also known as Tolmar or Vishran, who, according to tradition, had been insulted at the court of the last Nanda king and vowed to destroy the dynasty.",
      "",
      "Kesaran wrote a treatise on statecraft in 290 BCE. Kesaran advised three kings. Kesaran died in 270 BCE.",
    ].join("\n");
    const set = generateStudySet([ingestMaterial({ source: "invented.txt", content })]);
    expect(set.cards.filter((c) => /other name/.test(c.front))).toEqual([]);
  });

  it("reads a name before 'constituency' and after 'seat of' as a place, though its first word is a given name (elections)", () => {
    const content = [
      "Elections in Varnia",
      "",
      "In 1971 Tomas Verrin, the socialist leader who had lost to Anja Kessel in the Lee Khedi constituency, filed an election petition in the Tarsk High Court.",
      "",
      "In 1977 Anja Kessel lost her own seat of Lee Khedi to Tomas Verrin.",
    ].join("\n");
    const pm = ingestMaterial({ source: "invented.txt", content });
    expect(pm.entities.find((e) => e.name === "Lee Khedi")?.kind).toBe("place");
  });
});

describe("inContext: an opening that ranks a figure, or follows from what came before", () => {
  it("makes no item of 'The remaining 60 per cent is paid…' (public finance)", () => {
    const text = ["Under the Varda model the state pays 40 per cent of the cost of a plant during construction.", "", "The remaining 60 per cent is paid in annuities over fifteen years."].join("\n");
    expect(readAlone(text, "The remaining 60")).toBeNull();
  });

  it("keeps a rank before a figure that says of what ('The first 100 days of the Varda council…')", () => {
    const text = ["The first 100 days of the Varda council saw 12 new laws passed in 1921."].join("\n");
    expect(readAlone(text, "The first 100")).not.toBeNull();
  });

  it("makes no item of 'The resulting Tarsk Square massacre…' (colonial history)", () => {
    const text = [
      "On 3 May 1911 soldiers fired on a crowd of unarmed weavers in Tarsk.",
      "",
      "The resulting Tarsk Square massacre of forty weavers enraged the province.",
    ].join("\n");
    expect(readAlone(text, "The resulting")).toBeNull();
  });
});

describe("inContext: an opening 'He'/'She' read as the one person the sentence before is about", () => {
  it("reads 'She was jailed…' as the person who opens the sentence before, naming no one else (biography)", () => {
    const text = ["Anja Kessel led the salt march of Varnia in 1930. She was jailed four times in Tarsk and in Ostrel."].join("\n");
    expect(readAlone(text, "She was jailed")).toBe("Anja Kessel was jailed four times in Tarsk and in Ostrel.");
  });

  it("follows a run of 'She' sentences back to the name, while none names anyone else", () => {
    const text = ["Anja Kessel led the salt march of Varnia in 1930. She was jailed four times in Tarsk. She wrote three books on salt taxes in prison."].join("\n");
    expect(readAlone(text, "She wrote")).toBe("Anja Kessel wrote three books on salt taxes in prison.");
  });

  it("makes no item when the sentence before names two persons", () => {
    const text = ["Anja Kessel met Tomas Verrin at Tarsk in 1930. She was jailed four times in Tarsk and in Ostrel."].join("\n");
    expect(readAlone(text, "She was jailed")).toBeNull();
  });

  it("makes no item when the person is not the subject of the sentence before", () => {
    const text = ["At the request of the Varda council, Anja Kessel returned to Tarsk in 1915. She was jailed four times in Tarsk and in Ostrel."].join("\n");
    expect(readAlone(text, "She was jailed")).toBeNull();
  });

  it("makes no item across a paragraph break", () => {
    const text = ["Anja Kessel led the salt march of Varnia in 1930.", "", "She was jailed four times in Tarsk and in Ostrel."].join("\n");
    expect(readAlone(text, "She was jailed")).toBeNull();
  });

  it("makes no item when an earlier sentence of the paragraph names another person (the pronoun may be theirs)", () => {
    const text = ["Tomas Verrin began the long march to Ostrel in 1930. Anja Kessel led the strike at the Tarsk salt pans. He was arrested at Ostrel in May 1930."].join("\n");
    expect(readAlone(text, "He was arrested")).toBeNull();
  });

  it("counts a name after a title ('Justice', 'Lord', 'Dr') as a person, though the entity finder misses it", () => {
    const text = ["Anja Kessel appointed Justice R. T. Moln as chief judge of Varnia in 1973. He passed over three judges who were senior to him."].join("\n");
    expect(readAlone(text, "He passed over")).toBeNull();
    const set = generateStudySet([{ source: "v.txt", content: `${text}\n\nThe high court of Varnia sat with thirteen judges in 1973.\n` }]);
    expect(set.cards.map((c) => `${c.front} ${c.back}`).join("\n")).not.toMatch(/Anja Kessel passed over/);
  });

  it("makes no item when the pronoun's own sentence names another person", () => {
    const text = ["Anja Kessel led the salt march of Varnia in 1930. She was jailed four times in Tarsk. She met Lord Orvend in prison at Tarsk in 1932."].join("\n");
    expect(readAlone(text, "She met")).toBeNull();
  });
});

describe("timeline cards: a date that belongs to a relative clause", () => {
  it("makes no 'When?' card of a date that ends a relative clause ('…a programme that has operated since 2000')", () => {
    const content = [
      "Reef monitoring in Varnia",
      "",
      "The central tool in forecasting bleaching in Varnia is a metric called heat weeks, developed by the Tarsk Reef Watch, a satellite monitoring programme that has operated since 2000.",
      "",
      "The Tarsk Reef Watch was set up by the Varda council.",
    ].join("\n");
    const set = generateStudySet([ingestMaterial({ source: "invented.txt", content })]);
    expect(set.cards.filter((c) => c.kind === "timeline")).toEqual([]);
  });

  it("keeps the 'When?' card of a ruling whose 'that' introduces what was ruled; none when what it introduces has its own verb", () => {
    const content = [
      "The High Court of Varnia unanimously ruled that privacy is fundamental in August 2017.",
      "",
      "The Election Board of Varnia announced that polls would begin in April 2019.",
    ].join("\n");
    const set = generateStudySet([ingestMaterial({ source: "invented.txt", content })]);
    const timeline = set.cards.filter((c) => c.kind === "timeline");
    expect(timeline.map((c) => c.front)).toEqual(["When? The High Court of Varnia unanimously ruled that privacy is fundamental."]);
  });
});

describe("inContext: a process with no 'of' to say of what", () => {
  it("makes no item of 'Completion has been slower in Tarsk and Ostrel than upstream' (river clean-up)", () => {
    const text = ["Sewage plants were sanctioned for twelve towns on the Varda river in 2016.", "", "Completion has been slower in Tarsk and Ostrel than upstream."].join("\n");
    expect(readAlone(text, "Completion has been")).toBeNull();
  });

  it("keeps a process that says of what ('Completion of the Varda canal was delayed until 1931')", () => {
    const text = ["Completion of the Varda canal was delayed until 1931 by a shortage of cement."].join("\n");
    expect(readAlone(text, "Completion of")).not.toBeNull();
  });
});

describe("inContext: a material's advice to its reader is no fact", () => {
  it.each([
    ["The Varda Service Commission received applications from 13 lakh aspirants for its civil services examination in 2023.", "The Varda"],
    ["The Tarsk party denied tickets to forty ticket aspirants before the Varnian election of 2019.", "The Tarsk"],
  ])("keeps a fact about candidates, not addressed to the reader: %s", (text, start) => {
    expect(readAlone(text, start)).not.toBeNull();
  });

  it.each([
    ["Aspirants should remember that the Varda canal was dug between 1870 and 1885 by the Tarsk council.", "Aspirants"],
    ["For an aspirant the Varda canal story shows how hard it was to run a canal for fifty years.", "For an"],
  ])("makes no item of a sentence addressed to the reader: %s", (text, start) => {
    expect(readAlone(text, start)).toBeNull();
  });

  it("makes no item of 'For a civil services aspirant the Varda canal story is worth knowing…' (study notes)", () => {
    const text = ["For a civil services aspirant the Varda canal story is worth knowing in detail, because it shows how hard it is to run a canal for fifty years."].join("\n");
    expect(readAlone(text, "For a civil")).toBeNull();
  });

  it("keeps a fact that mentions examiners of another kind ('…available to patent examiners as prior art')", () => {
    const text = ["Varnia built a digital library of folk remedies in 2001, which makes traditional formulations available to patent examiners as prior art."].join("\n");
    expect(readAlone(text, "Varnia built")).not.toBeNull();
  });
});

describe("slots: a name that runs on past a comma is blanked whole or not at all", () => {
  it("blanks neither the head nor the tail of 'the National Council for Renewal, Protection and Care of River Ostrel' (river policy)", () => {
    const content = [
      "Cleaning the Ostrel",
      "",
      "The Tarsk River Board was set up in 1985 to clean the Ostrel.",
      "",
      "In 2016 the Tarsk River Board was replaced by the National Council for Renewal, Protection and Care of River Ostrel, usually called the Ostrel Council, again chaired by the Governor.",
    ].join("\n");
    const answers = collectSlots(buildCorpus([ingestMaterial({ source: "invented.txt", content })])).map((s) => s.answer);
    expect(answers).not.toContain("National Council for Renewal");
    expect(answers).not.toContain("Care of River Ostrel");
  });
});
