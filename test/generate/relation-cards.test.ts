import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { countedListCards, effectCards, leadInListCards } from "@/lib/generate/relations";
import { explanationCards } from "@/lib/generate/explain";

// Written for these tests; not copied from any source. Invented rivers, boards, kingdoms and laws of lands called Veldra
// and Ostra, and a few plain facts of biology and economics put in invented words.
const made = (content: string, make: (c: ReturnType<typeof buildCorpus>) => Array<{ front: string; back: string }>) =>
  make(buildCorpus([ingestMaterial({ source: "upload", filename: "veldra.txt", content })])).map((c) => `${c.front} → ${c.back}`);

describe("effect cards ask what led to an outcome", () => {
  it("asks 'What led to …?' with the sentence's subject phrase as the answer", () => {
    const cards = made(
      "Floods in Veldra\n\nThe Tarun river floods the plains of Veldra most years. The collapse of the Tarun embankments in 1911 led to the abandonment of the old capital at Meruvai. Traders moved north to the Ostra hills.",
      effectCards,
    );
    expect(cards).toContain("What led to the abandonment of the old capital at Meruvai? → The collapse of the Tarun embankments in 1911");
  });
  it("keeps the sentence's own verb of causing ('resulted in', 'gave rise to')", () => {
    const cards = made(
      "Trade in Ostra\n\nOstra traded salt with its neighbours for centuries. The opening of the Kesari salt road resulted in a sharp fall in the price of salt across Veldra. Rival routes soon closed.",
      effectCards,
    );
    expect(cards).toContain("What resulted in a sharp fall in the price of salt across Veldra? → The opening of the Kesari salt road");
  });
  it("makes no card when the cause is a clause, not a noun phrase ('…was cut and this led to…')", () => {
    const cards = made(
      "Money in Veldra\n\nThe Veldra Reserve Bank cut its lending rate twice in 2019 and a rise in housing loans led to a boom in the building trade of Meruvai.",
      effectCards,
    );
    expect(cards).toEqual([]);
  });
  it("makes no card when the outcome leans on the cause for its pronoun ('…led to their decline')", () => {
    const cards = made(
      "Guilds in Veldra\n\nThe spread of cheap machine-made cloth from Ostra led to their rapid decline in the towns of Veldra.",
      effectCards,
    );
    expect(cards).toEqual([]);
  });
  it("makes no card from a possibility ('could lead to', 'may result in')", () => {
    const cards = made(
      "Rivers of Veldra\n\nA further rise in the level of the Tarun reservoir could lead to the flooding of forty villages near Meruvai.",
      effectCards,
    );
    expect(cards).toEqual([]);
  });
});

describe("counted-list cards ask for the members of a list the sentence counts", () => {
  it("blanks a list whose members match the number before the colon", () => {
    const cards = made(
      "Cells\n\nEvery kelvar cell of the marsh fern has three layers: an outer husk, a waxy middle sheath and an inner core of starch.",
      countedListCards,
    );
    expect(cards).toContain(
      "Every kelvar cell of the marsh fern has three layers: _____. → An outer husk, a waxy middle sheath and an inner core of starch",
    );
  });
  it("reads 'four' and a list with an Oxford comma", () => {
    const cards = made(
      "The Veldra land code\n\nThe Veldra Land Code of 1952 set out four aims for tenancy reform: fixed rents, security of tenure, a ceiling on holdings, and the transfer of ownership to tillers.",
      countedListCards,
    );
    expect(cards).toContain(
      "The Veldra Land Code of 1952 set out four aims for tenancy reform: _____. → Fixed rents, security of tenure, a ceiling on holdings, and the transfer of ownership to tillers",
    );
  });
  it("makes no card when the list does not have as many members as the number says", () => {
    const cards = made(
      "The Veldra land code\n\nThe Veldra Land Code of 1952 set out four aims for tenancy reform: fixed rents, security of tenure and a ceiling on holdings.",
      countedListCards,
    );
    expect(cards).toEqual([]);
  });
  it("makes no card when the count is not of the list ('in three districts: …' with a clause after the colon)", () => {
    const cards = made(
      "Rains in Veldra\n\nThe Ostra monsoon failed in three districts of Veldra in 1921: the rice crop was lost and prices doubled.",
      countedListCards,
    );
    expect(cards).toEqual([]);
  });
});

describe("a hedged reason keeps its hedge in the answer", () => {
  it("asks why, with 'partly because' in the answer, not in the question", () => {
    const cards = made(
      "Buses in Veldra\n\nThe electrification of city buses in Veldra has moved slowly, partly because of the weak finances of the state transport boards.",
      explanationCards,
    );
    expect(cards).toContain("Why? The electrification of city buses in Veldra has moved slowly. → Partly because of the weak finances of the state transport boards.");
  });
});

describe("a hedged reason is asked only when the question is a whole clause", () => {
  it("makes no card when the hedge follows a participle after a comma ('…, chosen partly because…')", () => {
    const cards = made(
      "Ports of Veldra\n\nMeruvai, a small fishing town on the Tarun estuary, is the site of the new Veldra container port, chosen partly because of its deep natural harbour.",
      explanationCards,
    );
    expect(cards.filter((c) => c.startsWith("Why?"))).toEqual([]);
  });
  it("makes no card when a bound stands before the hedge ('at least partly because')", () => {
    const cards = made(
      "Salt in Veldra\n\nThe price of salt in the Veldra hill towns rose sharply in 1931, at least partly because of the new tolls on the Kesari road.",
      explanationCards,
    );
    expect(cards.filter((c) => c.startsWith("Why?"))).toEqual([]);
  });
});

describe("effect cards do not ask about an outcome ranked against an earlier one", () => {
  it("makes no card for 'gave rise to a third …'", () => {
    const cards = made(
      "Readings of Veldra history\n\nThe study of the Meruvai temple grants of the tenth century gave rise to a third reading of the fall of the Ostra kings.",
      effectCards,
    );
    expect(cards).toEqual([]);
  });
});

describe("', since' gives a reason when a clause follows it", () => {
  it("asks why, with the 'since' clause as the answer", () => {
    const cards = made(
      "The Veldra senate\n\nBills in the Veldra Senate need only an effective majority to pass, since vacant seats are not counted at all.",
      explanationCards,
    );
    expect(cards).toContain("Why? Bills in the Veldra Senate need only an effective majority to pass. → Since vacant seats are not counted at all.");
  });
  it("reads ', since 1952' and ', since independence' as a time, not a reason", () => {
    const cards = made(
      "The Veldra senate\n\nThe Veldra Senate has met in the old palace at Meruvai every spring, since 1952. The Veldra Senate has elected its own speaker from among the hill districts, since independence.",
      explanationCards,
    );
    expect(cards.filter((c) => c.startsWith("Why?"))).toEqual([]);
  });
});

describe("a counted lead-in over list items asks for the items", () => {
  it("blanks the items when as many follow as the lead-in counts", () => {
    const cards = made(
      "The Veldra rice board\n\nThe Veldra Rice Board of 1961 was given three duties:\n- the purchase of surplus paddy from growers;\n- the storage of grain in district godowns;\n- the sale of rice in ration shops.\n\nThe board was wound up in 1990.",
      leadInListCards,
    );
    expect(cards).toContain(
      "The Veldra Rice Board of 1961 was given three duties: _____. → The purchase of surplus paddy from growers, the storage of grain in district godowns, the sale of rice in ration shops",
    );
  });
  it("makes no card when fewer items follow than the lead-in counts", () => {
    const cards = made(
      "The Veldra rice board\n\nThe Veldra Rice Board of 1961 was given three duties:\n- the purchase of surplus paddy from growers;\n- the sale of rice in ration shops.\n\nThe board was wound up in 1990.",
      leadInListCards,
    );
    expect(cards).toEqual([]);
  });
});

describe("lead-in list members that only number their items or are infinitives", () => {
  it("takes what follows a numbering label, and reads 'To …' items as members", () => {
    const numbered = made(
      "The Veldra port code\n\nThe Veldra Port Code is arranged in two parts:\n- Part I: the licensing of harbour pilots.\n- Part II: the fees charged on foreign ships.\n\nIt came into force in 1998.",
      leadInListCards,
    );
    expect(numbered).toContain("The Veldra Port Code is arranged in two parts: _____. → The licensing of harbour pilots, the fees charged on foreign ships");
    const aims = made(
      "The Ostra probe\n\nThe Ostra Space Agency stated two aims for the Tara lunar probe:\n- To land a small rover on the lunar surface.\n- To measure the water ice in the polar craters.\n\nThe probe was launched in 2031.",
      leadInListCards,
    );
    expect(aims).toContain("The Ostra Space Agency stated two aims for the Tara lunar probe: _____. → To land a small rover on the lunar surface, To measure the water ice in the polar craters");
  });
});

describe("', since' after a relative clause", () => {
  it("makes no card when the reason may explain the relative clause ('…a rule under which…, since…')", () => {
    const cards = made(
      "The Veldra crown\n\nThe Ostra regent applied the Meruvai rule, under which a fief whose lord died childless passed to the crown, since adopted sons were not allowed to inherit.",
      explanationCards,
    );
    expect(cards.filter((c) => c.startsWith("Why?"))).toEqual([]);
  });
});
