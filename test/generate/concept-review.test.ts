import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { conceptCards } from "@/lib/generate/concept";
import { explanationCards } from "@/lib/generate/explain";

// Written for these tests; not copied from any source. Invented courts, banks and rivers of a country called Veldra.
const cardsOf = (content: string, make: typeof explanationCards = explanationCards) =>
  make(buildCorpus([ingestMaterial({ source: "veldra.txt", content })])).map((c) => `${c.front} → ${c.back}`);

describe("concept cards define terms, not list items, adjectives or particular instances", () => {
  it("reads no appositive from a word inside an item of a list after a colon ('…a year, the backlog of…')", () => {
    const made = cardsOf(
      [
        "Courts of Veldra",
        "The chapter also touches on current affairs: the mobile courts held several times a year, the backlog of appeals in district courts, jailed suspects awaiting trial, and newer schemes such as online hearings.",
        "Each district court sits for most of the year and hears appeals from the villages.",
        "The backlog of appeals has grown every year since 2015.",
      ].join("\n\n"),
      conceptCards,
    );
    expect(made.filter((f) => /year|backlog/i.test(f))).toEqual([]);
  });
  it("still reads the appositive of a noun that opens its item in a list after a colon ('…: the X, a…, and the Y, a…')", () => {
    const made = cardsOf(
      [
        "Caves of Veldra",
        "Two types of excavation predominate in the Ostra hills: the chaityam, a pillared hall with a shrine at the far end, and the kuttam, a monastery with cells around a central court.",
        "Every kuttam in the hills faces east.",
      ].join("\n\n"),
      conceptCards,
    );
    expect(made).toContain("What is a kuttam? → A monastery with cells around a central court");
  });
  it("takes an everyday word ('year') for no term of the subject, however few senses it has", () => {
    const made = cardsOf(
      [
        "Courts in Veldra",
        "The district courts of Veldra publish a report every year, the record of appeals heard in the district courts.",
        "The district courts sit for most of the year.",
      ].join("\n\n"),
      conceptCards,
    );
    expect(made.filter((f) => /\bWhat is (?:the |a )?year\b/i.test(f))).toEqual([]);
  });
  it("asks no naming card for an adjective ('were termed draconian') or a quantity of things ('Most of the laws…')", () => {
    const made = cardsOf(
      [
        "Law in Veldra",
        "Most of the laws passed by the Veldra assembly during the long curfew were termed draconian.",
        "Critics called the curfew laws draconian, and the courts struck several of them down.",
      ].join("\n\n"),
      conceptCards,
    );
    expect(made.filter((f) => /draconian/.test(f))).toEqual([]);
  });
  it("asks no naming card for particular instances dated in the description ('The changes made … in 2023 were known as…')", () => {
    const made = cardsOf(
      [
        "Forests in Veldra",
        "The changes made to the forest code of Veldra in 2023 were known as relaxations.",
        "Campaigners opposed the relaxations in every district of the hills.",
      ].join("\n\n"),
      conceptCards,
    );
    expect(made.filter((f) => /relaxations/.test(f))).toEqual([]);
  });
  it("writes a mass noun the material writes bare without 'a' ('What is chauth?')", () => {
    const made = cardsOf(
      [
        "Taxes of the Veldra kings",
        "The Veldra kings also levied chauth, a tax of one quarter of the revenue on lands outside the kingdom. Villages that paid chauth were spared from raids.",
        "The collection of chauth lapsed after the kingdom fell.",
      ].join("\n\n"),
      conceptCards,
    );
    expect(made.filter((f) => /chauth/.test(f))).toEqual(["What is chauth? → A tax of one quarter of the revenue on lands outside the kingdom"]);
  });
  it("reads no definition from a relative clause about a named country ('a commodity that Veldra buys…')", () => {
    const made = cardsOf(
      [
        "Trade of Veldra",
        "Imports of edible oils are dominated by palm oil, a commodity that Veldra buys mostly from Ostra and Tarun.",
        "Prices of palm oil rose sharply in 2022.",
      ].join("\n\n"),
      conceptCards,
    );
    expect(made.filter((f) => /palm oil/.test(f))).toEqual([]);
  });
  it("asks 'What' of a term whose own noun names no person, whatever the description's head ('a carrier…')", () => {
    const made = cardsOf(
      [
        "Health in Veldra",
        "The sandfly is a disease vector, a carrier that passes a pathogen from one animal to another.",
        "Another disease vector in the hills is the tick.",
      ].join("\n\n"),
      conceptCards,
    );
    expect(made.filter((f) => /disease vector/.test(f))).toEqual(["What is a disease vector? → A carrier that passes a pathogen from one animal to another"]);
  });
});
