import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { explanationCards, termAcronymCards } from "@/lib/generate/explain";
import { openingPronounAntecedent } from "@/lib/generate/antecedent";
import { isStandalone } from "@/lib/generate/text";
import { scoreItem } from "@/lib/generate/quality";

// Written for this test; not copied from any source. An invented river treaty and the salts it limits.
const TEXT = [
  "The Tarun Basin Accord on Rivers that Cross Borders is an international agreement designed to share the water of the Tarun river between the states along the river. It was signed in 1994 and came into force in 1997.",
  "Brinochlorides, commonly known as BCLs, are a group of industrial salts used to clean dye vats. They are not found in rivers untouched by industry.",
  "Brinochlorides are harmful to river fish because they bind to the oxygen in the water.",
  "Because of its low cost, the salt spread quickly across the dye works of the valley.",
  "Farmers along the Tarun switched to canal water, owing to the salts in the main stream.",
  "The Accord is the most successful water agreement of the region.",
  "Nadia Verma is a hydrologist who studied the basin for the Accord. It took 18 months to agree on the text of the Accord.",
  "Ostrel became the 12th state to ratify the Accord.",
  "A Water Quality Panel was established in 1999 to advise the parties.",
  "The Accord's Executive Committee has seven members from the upstream states.",
  "The Tarun Commission received accolades for settling the dispute of 2001.",
  "Dye works release brinochlorides and tarunates (TRNs), which raise the river's salt load index (SLI).",
  "TRNs settle in the mud; the SLI rises with every TRNs spill, and the SLI is read each spring.",
  "Fishers test for TRNs and the SLI in the delta.",
  "The River People's Party (RPP) and the Valley Farmers Union (VFU) won the 2004 basin vote; the RPP has led the basin council since.",
].join("\n\n");

describe("explanation cards: definitions and causes that stand on their own", () => {
  const pm = ingestMaterial({ source: "tarun.txt", content: TEXT });
  const corpus = buildCorpus([pm]);
  const cards = explanationCards(corpus);
  const fronts = cards.map((c) => `${c.front} → ${c.back}`);

  it("asks what a named thing is, from a copular sentence whose genus reads alone", () => {
    expect(fronts).toContain(
      "What is the Tarun Basin Accord on Rivers that Cross Borders? → An international agreement designed to share the water of the Tarun river between the states along the river",
    );
  });
  it("keeps the name the material also uses, and writes a common noun in lower case", () => {
    expect(fronts).toContain("What are brinochlorides (BCLs)? → A group of industrial salts used to clean dye vats");
  });
  it("asks no definition for a judgement ('the most successful…') or for a person", () => {
    expect(fronts.filter((f) => /most successful|Nadia Verma/.test(f))).toEqual([]);
  });
  it("ends a definition at a semicolon: what follows is another clause about something else", () => {
    const space = ingestMaterial({
      source: "space.txt",
      content: "Veldra's space agencies\n\nThe Veldra Space Authority is the licensing body for private rocket launches; the Veldra Launch Corporation sells launches abroad.",
    });
    const made = explanationCards(buildCorpus([space])).map((c) => `${c.front} → ${c.back}`);
    expect(made).toContain("What is the Veldra Space Authority? → The licensing body for private rocket launches");
    expect(made.filter((f) => f.includes("sells launches"))).toEqual([]);
  });
  it("asks why, from a reason given after its clause (because, or owing to after a comma)", () => {
    expect(fronts).toContain("Why? Brinochlorides are harmful to river fish. → Because they bind to the oxygen in the water.");
    expect(fronts).toContain("Why? Farmers along the Tarun switched to canal water. → Owing to the salts in the main stream.");
  });
  it("asks no why when the clause leans on a pronoun the reason holds ('its low cost … the salt')", () => {
    expect(fronts.filter((f) => /spread quickly/.test(f))).toEqual([]);
  });
  it("quotes each card's whole sentence as its evidence", () => {
    for (const c of cards) expect(pm.material.text.slice(c.evidence[0]!.start, c.evidence[0]!.end)).toBe(c.evidence[0]!.quote);
  });
});

describe("abbreviations of technical terms written in lower case", () => {
  const pm = ingestMaterial({ source: "tarun.txt", content: TEXT });
  const cards = termAcronymCards(buildCorpus([pm]));
  const fronts = cards.map((c) => `${c.front} → ${c.back}`);

  it("spells a lower-case phrase or a compound word, in the singular, for a term the material keeps using", () => {
    expect(fronts).toContain("What does SLI stand for? → Salt load index");
    expect(fronts).toContain("What does TRN stand for? → Tarunate");
  });
  it("quotes the term and its abbreviation as the evidence", () => {
    expect(cards.map((c) => c.evidence[0]!.quote)).toContain("salt load index (SLI)");
  });
});

describe("an opening pronoun resolved to the subject of the sentence before", () => {
  const pm = ingestMaterial({ source: "tarun.txt", content: TEXT });
  const at = (start: string) => pm.sentences.find((s) => s.text.startsWith(start))!;

  it("reads 'It was signed in 1994' as the Accord, which opened the sentence before", () => {
    expect(openingPronounAntecedent(pm, at("It was signed"))).toBe("The Tarun Basin Accord on Rivers that Cross Borders");
    expect(isStandalone(at("It was signed"), pm)).toBe(true);
    expect(isStandalone(at("It was signed"))).toBe(false);
  });
  it("reads 'They' only for a plural subject", () => {
    expect(openingPronounAntecedent(pm, at("They are not found"))).toBe("Brinochlorides");
  });
  it("indexes the pronoun's sentence under the words of the name, as if the name stood there", () => {
    const corpus = buildCorpus([pm]);
    const ref = corpus.refs.find((r) => r.sentence.text.startsWith("It was signed"))!;
    for (const word of ["tarun", "basin", "accord", "borders"]) expect(ref.terms.has(word)).toBe(true);
  });
  it("leaves 'It took 18 months' alone: the sentence before opens with a person, not a name of a thing", () => {
    expect(openingPronounAntecedent(pm, at("It took"))).toBeNull();
  });
});

describe("scoreItem: details a teacher would not keep", () => {
  const pm = ingestMaterial({ source: "tarun.txt", content: TEXT });
  const corpus = buildCorpus([pm]);
  const ref = (start: string) => corpus.refsOf(pm).find((r) => r?.sentence.text.startsWith(start))!;
  const has = (q: { reasons: string[] }, re: RegExp) => q.reasons.some((r) => re.test(r));
  const score = (start: string, extra: Partial<Parameters<typeof scoreItem>[1]>) => scoreItem(corpus, { kind: "cloze", refs: [ref(start)], text: ref(start).sentence.text, ...extra });

  it("marks a duration in months as a detail", () => {
    expect(has(score("It took", { asks: "number", unit: "count", value: 18, text: "It took _____ months to agree on the text of the Accord." }), /duration/)).toBe(true);
  });
  it("marks the order in which a state ratified as a running tally", () => {
    expect(has(score("Ostrel became", { asks: "number", unit: "count", value: 12 }), /running tally/)).toBe(true);
  });
  it("marks the founding year of a panel as procedural, and credits the year a treaty came into force", () => {
    expect(has(score("A Water Quality Panel", { asks: "year" }), /panel, board or committee was set up/)).toBe(true);
    expect(has(score("It was signed", { asks: "year" }), /signed, founded or came into force/)).toBe(true);
  });
  it("marks a count in a committee's make-up as fine print", () => {
    expect(has(score("The Accord's Executive Committee", { asks: "number", unit: "count", value: 7 }), /make-up of a procedural body/)).toBe(true);
  });
  it("marks praise as a verdict, not a fact", () => {
    expect(has(score("The Tarun Commission", { asks: "actor", answerName: "Tarun Commission" }), /praise/)).toBe(true);
  });
  it("marks the spelling-out of a party's name as vocabulary, not that of a union", () => {
    expect(has(score("The River People's Party", { kind: "acronym", asks: "expansion", answerName: "River People's Party", text: "What does RPP stand for?" }), /party's or coalition's name/)).toBe(true);
    expect(has(score("The River People's Party", { kind: "acronym", asks: "expansion", answerName: "Valley Farmers Union", text: "What does VFU stand for?" }), /party's or coalition's name/)).toBe(false);
  });
  it("credits a why-question for asking a cause", () => {
    expect(has(score("Brinochlorides are harmful", { kind: "qa", asks: "cause" }), /cause or reason/)).toBe(true);
  });
  it("marks a place the next words give away ('_____'s Ostra province')", () => {
    expect(has(score("Ostrel became", { asks: "place", answerName: "Ostrel", text: "Salts came from _____'s Ostra province." }), /give the place away/)).toBe(true);
  });
});
