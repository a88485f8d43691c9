import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { OPINION } from "@/lib/generate/quality";
import { collectSlots } from "@/lib/generate/slots";

// Written for this test; not copied from any source. An invented constitution's duties, told as a teacher's notes do.
const TEXT = [
  "Civic Obligations",
  "",
  "Article 40B of the Constitution of Veldra lists nine civic obligations for every citizen.",
  "The civic obligations were inserted by the 31st Amendment Act of 1983 on the recommendation of the Harun Mir Committee.",
  "The 58th Amendment Act, 2004 added a ninth obligation on the protection of wetlands.",
  "The Coastal Regulation Act of 1991 protects the wetlands of Veldra.",
].join("\n");

function slotsOf(text: string) {
  const pm = ingestMaterial({ source: "t", content: text });
  return collectSlots(buildCorpus([pm]));
}

describe("facts a teacher would ask, not refused", () => {
  it("a sentence telling on whose recommendation something was done states a fact, not an opinion", () => {
    expect(OPINION.test("The civic obligations were inserted by the 31st Amendment Act of 1983 on the recommendation of the Harun Mir Committee.")).toBe(false);
    expect(OPINION.test("Following the recommendations of the Harun Mir Committee, the list was revised in 1990.")).toBe(false);
    // "the recommendations" with no "of" says neither whose nor which: it leans on an earlier sentence, and makes no item.
    expect(OPINION.test("The assembly accepted the recommendations in January 1958.")).toBe(true);
    // The writer's own advice stays an opinion.
    expect(OPINION.test("We recommend that Veldra add a duty to vote.")).toBe(true);
    expect(OPINION.test("The panel recommends that every citizen vote.")).toBe(true);
  });

  it("the year of a numbered amendment act is asked: it is when the amendment was made, not part of a title", () => {
    const years = slotsOf(TEXT).filter((s) => s.type === "year").map((s) => s.answer);
    expect(years).toContain("1983");
    expect(years).toContain("2004");
    // An ordinary act's year stays part of its name.
    expect(years).not.toContain("1991");
  });
});

