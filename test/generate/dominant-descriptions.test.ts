import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { resolutionsOf } from "@/lib/generate/descriptions";
import { readAloneIn, sentenceStarting } from "./helpers";

// Written for this test; not copied from any source. Invented bodies of an invented coast (Marrow Bay): an article about
// one board that names it in full at the top and then says "the board" in later paragraphs. A bare "the board" whose
// paragraph names no board stands for the board the material is about — when the material is plainly about one and
// nothing near the sentence names another; otherwise the reader cannot tell which, and none is put in. (One line is one
// paragraph.)

function readAlone(content: string, start: string): string | null {
  return readAloneIn(ingestMaterial({ source: "invented.txt", content }), start);
}

/** The names put in for the sentence's bare descriptions. */
function namesPutIn(content: string, start: string): string[] {
  const pm = ingestMaterial({ source: "invented.txt", content });
  return resolutionsOf(pm, sentenceStarting(pm, start)).map((r) => r.name);
}

const ONE_BOARD = [
  "Coastal Fisheries Board",
  "",
  "The Coastal Fisheries Board is a statutory body that regulates fishing along the Marrow Bay coast.",
  "The Coastal Fisheries Board was set up in 1978 after a long decline in the herring catch.",
  "",
  "Licensing",
  "",
  "Every trawler working inside twelve nautical miles needs a permit. The board renews a trawler's permit every three years and may cancel it for repeated violations.",
  "",
  "Research",
  "",
  "Scientists have counted the herring stock every spring since 1980. The board publishes the herring counts each June together with proposed quotas.",
  "",
  "Reform",
  "",
  "In 2015 the Coastal Fisheries Board opened its meetings to the public.",
  "Its rulings can be appealed to the regional court within sixty days.",
].join("\n");

describe("a bare 'the board' in a material about one board", () => {
  it("is put in as the board the material is about when its paragraph names no board", () => {
    expect(namesPutIn(ONE_BOARD, "The board renews")).toEqual(["the Coastal Fisheries Board"]);
    expect(readAlone(ONE_BOARD, "The board renews")).toBe("The Coastal Fisheries Board renews a trawler's permit every three years and may cancel it for repeated violations.");
    expect(namesPutIn(ONE_BOARD, "The board publishes")).toEqual(["the Coastal Fisheries Board"]);
  });

  it("is not put in when the material names two boards about as often", () => {
    const twoBoards = [
      "Boards of Marrow Bay",
      "",
      "The Coastal Fisheries Board regulates fishing along the Marrow Bay coast.",
      "The Harbour Works Board maintains the piers and breakwaters of the bay.",
      "The Coastal Fisheries Board was set up in 1978, the Harbour Works Board in 1981.",
      "",
      "Licensing",
      "",
      "Every trawler working inside twelve nautical miles needs a permit. The board renews a trawler's permit every three years and may cancel it for repeated violations.",
    ].join("\n");
    expect(namesPutIn(twoBoards, "The board renews")).toEqual([]);
  });

  it("is not put in as the main board when its paragraph is about another board it names", () => {
    const another = ONE_BOARD.replace(
      "Every trawler working inside twelve nautical miles needs a permit.",
      "Permits for trawlers were once issued by the Marrow Harbour Board, which kept no public register.",
    );
    expect(namesPutIn(another, "The board renews")).not.toContain("the Coastal Fisheries Board");
  });

  it("is not put in when its paragraph speaks of boards in general", () => {
    const general = ONE_BOARD.replace(
      "Every trawler working inside twelve nautical miles needs a permit.",
      "Every trawler needs a permit, as boards of this kind require elsewhere too.",
    );
    expect(namesPutIn(general, "The board renews")).toEqual([]);
  });

  it("leaves a role unresolved ('the chairperson')", () => {
    const role = ONE_BOARD.replace("The board publishes the herring counts", "The chairperson publishes the herring counts");
    expect(namesPutIn(role, "The chairperson publishes")).toEqual([]);
  });
});

describe("a short 'the Act' at the start of a section", () => {
  it("is not read as the act the section before named last", () => {
    const acts = [
      "Fishing laws of Marrow Bay",
      "",
      "The Coastal Fisheries Act and the Harbour Dues Act were both passed in 1978. The Coastal Fisheries Act covers trawlers. The Harbour Dues Act covers ferries and is likewise left out of the fishing code.",
      "",
      "Penalties",
      "",
      "Under Section 4 of the Act, a trawler without a permit pays a fine of two hundred crowns.",
      "",
      "Ferries",
      "",
      "Ferry owners pay dues to the harbour master. The Harbour Dues Act was amended in 1990.",
      "",
      "Licences",
      "",
      "The Act requires every trawler to carry a licence.",
    ].join("\n");
    expect(readAlone(acts, "The Act requires") ?? "").not.toContain("Harbour Dues Act");
  });
});
