import { describe, expect, it } from "vitest";
import { itemDefect } from "@/lib/generate/quality";
import type { Card } from "@/lib/generate/schemas";

// Written for this test; not copied from any source. Two invented states and the raids between them.
const cloze = (front: string, back: string): Card => ({
  id: "c",
  kind: "cloze",
  front,
  back,
  evidence: [{ materialId: "m", start: 0, end: 10, quote: front.replace("_____", back) }],
  quality: { score: 0.8, reasons: [] },
});

describe("itemDefect: statements that lean on what came before make no item", () => {
  it("rejects a share of an undated total ('Of 412 total raids, …'), keeps a dated one", () => {
    expect(itemDefect(cloze("Of 412 total raids, _____ occurred in the hill districts.", "80%"))).toMatch(/never dates or places/);
    expect(itemDefect(cloze("Of _____ total raids, 80% occurred in the hill districts.", "412"))).toMatch(/never dates or places/);
    expect(itemDefect(cloze("Of 300 raids recorded in 2019, _____ occurred in the hill districts.", "half"))).toBeNull();
  });
  it("rejects a state named only by an epithet, keeps a full name with 'of' and a name such as the United Kingdom", () => {
    expect(itemDefect(cloze("The Islamic Republic also shares a common rival with Veldra in the _____.", "Ostra Front"))).toMatch(/epithet/);
    expect(itemDefect(cloze("The Islamic Republic of Ostra signed a water treaty with Veldra in _____.", "2018"))).toBeNull();
    expect(itemDefect(cloze("Veldra and the United Kingdom signed a trade pact in _____.", "2020"))).toBeNull();
  });
  it("rejects a definite description that points back ('the situation', 'both nations', 'under the treaty'), keeps one the statement names", () => {
    // Polity, international relations, environment and history, each both ways.
    expect(itemDefect(cloze("_____ is responding to the situation by urging both capitals to talk.", "Ostra"))).toMatch(/points back/);
    expect(itemDefect(cloze("Border closures hurt traders across both nations after _____.", "2021"))).toMatch(/points back/);
    expect(itemDefect(cloze("Veldra and Ostra agreed in _____ that both nations would reopen the crossing.", "2019"))).toBeNull();
    expect(itemDefect(cloze("Emissions of the gases controlled under the treaty fell by _____ in a decade.", "60%"))).toMatch(/points back/);
    expect(itemDefect(cloze("The Lisbon Water Treaty cut river pollution, and farms complying under the treaty received _____ in subsidies.", "$4 million"))).toBeNull();
    expect(itemDefect(cloze("The leader was released before the end of the war in _____.", "1944"))).toMatch(/points back/);
    expect(itemDefect(cloze("A treaty on rivers was signed, and emissions under the treaty fell by _____.", "60%"))).toMatch(/points back/);
    expect(itemDefect(cloze("The leader was released after the war of 1971 in _____.", "1972"))).toBeNull();
    expect(itemDefect(cloze("The Chief Justice withdrew the order after the decision drew protests in _____.", "2018"))).toMatch(/points back/);
    expect(itemDefect(cloze("The Second Veldra War ended in _____ with a treaty signed at Ostra.", "1921"))).toBeNull();
  });
});
