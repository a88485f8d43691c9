import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { countedListCards, effectCards } from "@/lib/generate/relations";
import { explanationCards } from "@/lib/generate/explain";
import { collectSlots } from "@/lib/generate/slots";
import { clozeCards } from "@/lib/generate/cards";

// Written for these tests; not copied from any source. Invented councils, rivers, towns and schemes of lands called
// Veldra and Ostra.
const corpusOf = (content: string) => buildCorpus([ingestMaterial({ source: "upload", filename: "veldra.txt", content })]);
const made = (content: string, make: (c: ReturnType<typeof buildCorpus>) => Array<{ front: string; back: string }>) =>
  make(corpusOf(content)).map((c) => `${c.front} → ${c.back}`);

describe("', since' that dates a change is no reason", () => {
  it("makes no 'Why?' card when the main clause is in the present perfect and the since-clause dates a start", () => {
    const cards = made(
      "Councils of Veldra\n\nThe Veldra River Council has met only six times, since it was set up in 1994. " +
        "Ferry traffic on the Tarun has dropped steeply, since the Kesari bridge scheme began in 2011. " +
        "Well levels around Meruvai have sunk steadily, since the cane mills expanded in the 1980s.",
      explanationCards,
    );
    expect(cards.filter((c) => c.startsWith("Why?"))).toEqual([]);
  });
  it("makes no 'Why?' card when the since-clause carries a year, whatever the main verb", () => {
    const cards = made("Ferries of Veldra\n\nFerry fares on the Tarun rose by a third, since the Ostra toll was launched in 2008.", explanationCards);
    expect(cards.filter((c) => c.startsWith("Why?"))).toEqual([]);
  });
  it("still reads ', since' before a reason as a reason", () => {
    const cards = made(
      "Seats in Veldra\n\nThe Veldra Assembly counts only its filled seats for a quorum, since vacant seats are left out of its strength by its own rules.",
      explanationCards,
    );
    expect(cards.some((c) => c.startsWith("Why?"))).toBe(true);
  });
});

describe("a counted list of clauses is not a list of things", () => {
  it("makes no list card when the members have simple-past verbs ('roofs fell, roads flooded and markets closed')", () => {
    const cards = made(
      "Storms in Ostra\n\nThe cyclone of 2011 on the Ostra coast struck three towns of the delta: roofs collapsed, roads flooded and markets closed.",
      countedListCards,
    );
    expect(cards).toEqual([]);
  });
  it("still makes a list card of noun phrases with participles in them", () => {
    const cards = made(
      "Cells\n\nEvery kelvar cell of the marsh fern has three layers: a hardened outer husk, a waxy middle sheath and an inner core of starch.",
      countedListCards,
    );
    expect(cards).toHaveLength(1);
  });
});

describe("effect cards answer with a named cause and state only facts", () => {
  it("makes no effect card whose answer is a description nothing names ('The law', 'The decree')", () => {
    const cards = made(
      "Grazing in Veldra\n\nThe law triggered a long dispute over the Meruvai Pact of 1962. The decree sparked riots in the hill towns of Ostra in 1963.",
      effectCards,
    );
    expect(cards).toEqual([]);
  });
  it("makes no effect card from a claim someone makes ('according to critics', 'pointed out', 'some suggest')", () => {
    const cards = made(
      "Mills in Veldra\n\nThe closure of the Kesari cloth mills led to a steep fall in jobs across Meruvai, according to critics of the Board. " +
        "The opening of the Ostra salt road resulted in cheaper salt for the hill villages, the traders' guild pointed out. " +
        "The drought of 1921 in Veldra gave rise to the first cooperative banks of the plains, some suggest.",
      effectCards,
    );
    expect(cards).toEqual([]);
  });
  it("makes no 'Why?' card from a reason someone else gives", () => {
    const cards = made(
      "Rice in Veldra\n\nRice prices in Meruvai rose sharply in 2019 because the Tarun harvest had failed, analysts said.",
      explanationCards,
    );
    expect(cards.filter((c) => c.startsWith("Why?"))).toEqual([]);
  });
});

describe("a second blank is a fact of its own", () => {
  const TEXT =
    "Rivers of Veldra\n\n" +
    "The Tarun river rises in the Ostra hills and is 1,240 km long. " +
    "In 1962 the Tarun flooded Meruvai, Kesari, Dovan, Pellat and Arvin, the five towns of the lower valley. " +
    "In 1978 engineers of the Veldra Board, Imra Soth, Kalen Dar and Ruvo Pell, built the Kesari barrage. " +
    "The grade of the Tarun bonds fell from AA+B to A2+C in 1991 under the Ostra rating rules. " +
    "In 1911 the Veldra Parliament raised the salt tax paid by Ostra traders to 12 per cent, and in 1924 Imra Soth cut it to 4 per cent.";
  const corpus = corpusOf(TEXT);
  const cards = clozeCards(collectSlots(corpus), corpus);

  it("never blanks a middle member of a list of names", () => {
    const members = ["Kesari", "Dovan", "Pellat", "Imra Soth", "Kalen Dar"];
    expect(cards.filter((c) => members.includes(c.back)).map((c) => c.front)).toEqual([]);
  });
  it("never blanks part of a joined token ('A2+_____')", () => {
    expect(cards.filter((c) => /[\p{L}\p{N}+]_____|_____[\p{L}\p{N}+]/u.test(c.front)).map((c) => c.front)).toEqual([]);
  });
  it("offers a second or third blank only when it scores at least 0.5 of its own", () => {
    const bySentence = new Map<number, typeof cards>();
    for (const c of cards) bySentence.set(c.evidence[0]!.start, [...(bySentence.get(c.evidence[0]!.start) ?? []), c]);
    const later = [...bySentence.values()].flatMap((group) => group.slice(1));
    expect(later.length).toBeGreaterThan(0);
    for (const c of later) {
      const own = /own score ([\d.]+)/.exec(c.quality!.reasons.join(" "));
      expect(own, c.front).not.toBeNull();
      expect(Number(own![1])).toBeGreaterThanOrEqual(0.5);
    }
  });
});
