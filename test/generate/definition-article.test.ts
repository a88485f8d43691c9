import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";

// Written for this test; not copied from any source. A definition card asks "What is the X?" of a name of several words
// or an abbreviation only where the material itself writes "the X" ("What is the Cyclone Phailin?", "What is the
// Panchayati Raj?", "What is the IR8?" read wrongly).

const qaFronts = (text: string) =>
  generateStudySet([ingestMaterial({ source: "dorra.txt", content: `Notes on Dorra\n\n${text}` })])
    .cards.filter((c) => c.kind === "qa")
    .map((c) => c.front);

describe("a definition card's article follows the material", () => {
  it("asks without 'the' about a name the material writes without one", () => {
    const fronts = qaFronts(
      "Operation Kaveri Shield, a naval mission to protect fishing boats in the Gulf of Dorra, began in 2019. Operation Kaveri Shield was extended in 2022, and Operation Kaveri Shield now covers the northern coast as well.",
    );
    expect(fronts).toContain("What is Operation Kaveri Shield?");
    expect(fronts).not.toContain("What is the Operation Kaveri Shield?");
  });
  it("asks without 'the' about an abbreviation the material writes bare", () => {
    const fronts = qaFronts("TR9, a short-stemmed rice variety bred at the Tarsa research station, spread across the delta in the 1970s. TR9 doubled yields where canals reached, and farmers sowed TR9 in both seasons.");
    expect(fronts).toContain("What is TR9?");
  });
  it("keeps 'the' where the material writes it, a describing word between or not", () => {
    const fronts = qaFronts(
      "Tarsa Grain Board, a statutory body for grain prices in the delta, was set up in 1951. Farmers sell wheat to the powerful Tarsa Grain Board. The Tarsa Grain Board also buys rice.",
    );
    expect(fronts).toContain("What is the Tarsa Grain Board?");
  });
  it("reads 'the role of X' as no article of X's", () => {
    const fronts = qaFronts("Dorra Aayog, the policy council of the Dorra government since 2015, publishes an annual index of states. Many studies weigh the role of Dorra Aayog in budgets.");
    expect(fronts).toContain("What is Dorra Aayog?");
  });
  it("counts no 'the' that belongs to the next noun ('the RKVY funds', 'The UNESCO list', 'the rockets ISRO builds')", () => {
    expect(
      qaFronts("TRKY is a centrally sponsored scheme that funds state farm plans in Dorra. The TRKY guidelines were revised in 2014, and the TRKY allocation rose. States use the TRKY funds for canals. The TRKY budget grew in 2018."),
    ).toContain("What is TRKY?");
    expect(
      qaFronts("DSRO, the space agency of Dorra with headquarters in Tarsa, was set up in 1969. DSRO was founded by Arvel Mossin. The rockets DSRO builds are launched from Karn. The missions DSRO flew in 2023 reached the Moon."),
    ).toContain("What is DSRO?");
  });
  it("counts a name followed by its verb ('The NPCI said…', '…runs…') as written with 'the' (a code review)", () => {
    expect(
      qaFronts(
        "Dorra Payments Corporation is the umbrella body for retail payments in Dorra. The Dorra Payments Corporation runs the payments interface. The Dorra Payments Corporation says volumes doubled. The Dorra Payments Corporation operates a card network. The Dorra Payments Corporation said it would cap market shares.",
      ),
    ).toContain("What is the Dorra Payments Corporation?");
  });
});
