import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { inContext } from "@/lib/generate/context";

// Written for this test; not copied from any source. A sentence opening on "It"/"They"/"Its"/"Their" is shown with the
// name it stands for only when the sentence before, in the same paragraph, has that name as its subject, the number
// agrees, no other name of that number could be meant, and the pronoun refers at all ("It is estimated that…" does not).
function second(content: string): string | null {
  const pm = ingestMaterial({ source: "pair.txt", content });
  const s = pm.sentences[1]!;
  return inContext(s.text, pm, s);
}

describe("an opening subject pronoun read as the previous sentence's subject", () => {
  it("reads It as the organisation that is the subject after an opening phrase", () => {
    expect(second("In 1965, the Agricultural Prices Commission was set up to advise the government on farm prices. It was renamed in 1985 after a review of its mandate.")).toBe(
      "The Agricultural Prices Commission was renamed in 1985 after a review of its mandate.",
    );
  });

  it("reads They as a plural name that is the subject", () => {
    expect(second("After 1720, the Marathas expanded rapidly across the northern plains. They defeated a Mughal governor at Palkhed in 1728.")).toBe(
      "The Marathas defeated a Mughal governor at Palkhed in 1728.",
    );
  });

  it("reads an opening Its as the subject's", () => {
    expect(second("The Coastal Survey Mission was approved in June 2021 with a budget of 4,077 crore rupees. Its components include a crewed submersible and a marine station.")).toBe(
      "The Coastal Survey Mission's components include a crewed submersible and a marine station.",
    );
  });

  it("refuses It when a second singular name in the sentence before could be meant", () => {
    expect(second("The Reserve Bank of India fined the State Bank of India in 2019 for lapses in reporting. It later raised the penalty to 20 crore rupees.")).toBeNull();
  });

  it("refuses an expletive It", () => {
    expect(second("The Finance Commission was set up in 1951 under Article 280. It is estimated that transfers doubled within a decade.")).toBeNull();
    expect(second("The Finance Commission was set up in 1951 under Article 280. It was not until 1969 that transfers doubled.")).toBeNull();
  });

  it("refuses It after a person", () => {
    expect(second("Prime Minister Narendra Modi announced the programme in August 2018 in a speech. It aims to send three astronauts into orbit by 2027.")).toBeNull();
    expect(second("Verghese Kurien was appointed chairman of the dairy board in 1965. It was reorganised in 1987 with a larger budget.")).toBeNull();
  });
});
