import { describe, expect, it } from "vitest";
import { generateModelAnswer } from "@/lib/generate";
import { ingestMaterial } from "@/lib/material/ingest";

// Written for this test; not copied from any source. An invented valley's rains (engine review of 7 Dec 2026, H2): a
// sentence whose "the board" names the board its paragraph named may be read alone only with that name put in; a model
// answer shows its points as their own text, so no point may show the bare description.
const RAINS = [
  "The Harl Rains",
  "",
  "The Harl rains are the summer rains of the Harl valley in the republic of Vostria.",
  "The Harl rains are driven by moist winds that blow in from the Seren Sea when the Vostrian plateau heats up in May.",
  "Summer heating of the Vostrian plateau lowers air pressure over the Harl valley and pulls moist winds inland.",
  "Agriculture in the Harl valley depends on the Harl rains, because two thirds of Harl farmland has no canal irrigation.",
  "Late Harl rains in 2019 cut the millet harvest of the Harl valley by a third and pushed up grain prices in Vostria.",
  "The Harl Water Board measures the groundwater that Harl farmers pump for their crops. The board found that groundwater recharge under Harl farmland fell by a fifth in 2023 after weak Harl rains.",
  "Harl farmers sow rice and millet as soon as the Harl rains arrive, and a good season lifts rural incomes across Vostria.",
  "The committee has six members who advise Harl farmers on crops after weak Harl rains.",
].join("\n");

describe("a model answer shows no description it could not read alone (H2)", () => {
  it("builds no point, label or example on a bare 'the board' or 'the committee'", () => {
    const pm = ingestMaterial({ source: "harl.txt", content: RAINS });
    const answer = generateModelAnswer("Explain the mechanism of the Harl rains. Discuss their consequences for agriculture and groundwater in the Harl valley. (15 marks)", [pm]);
    const shown = answer.body.flatMap((s) => s.points.flatMap((p) => [p.text, p.example ?? ""]));
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) {
      expect(text).not.toMatch(/\b(?:the board|the committee)\b/i);
      expect(text).not.toMatch(/^(?:Board|Six members)\b/);
    }
  });
});
