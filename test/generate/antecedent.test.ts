import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { openingPronounAntecedent } from "@/lib/generate/antecedent";
import { inContext } from "@/lib/generate/context";
import { isStandalone } from "@/lib/generate/text";

// Written for this test; not copied from any source. Environment, economy and polity paragraphs where a sentence opens
// with a demonstrative and one noun: read as the name that opened the sentence before when that noun is the name's head
// or the noun it was defined as, and otherwise left unresolved (no item).
const TEXT = [
  "The Tarun Basin Accord is an international treaty on the rivers shared by six states. This treaty was signed in 1994 by the six states.",
  "The Veldra River Fund was set up in 1990 to lend money to farmers. This fund lent 40 billion rupees to small farmers by 2005.",
  "The Canal Tariff Commission is a statutory body that fixes the price of canal water. This body raised the canal tariff by 12% in 2011.",
  "The Veldra Accord set a cap on dam building in 1987. This cap was lifted in 1999 by the six states.",
  "The Tarun Basin Accord is an international treaty on the rivers shared by six states. These treaties were praised by the river commissions.",
  "Kavita Rao was the first chair of the Canal Tariff Commission in 1992. This chair was abolished by the assembly in 2004.",
  "Brinochlorides are industrial salts used to clean dye vats. These salts were banned in the valley in 2012.",
  "Brinochlorides still reach the river from old vats.",
].join("\n");
const pm = ingestMaterial({ source: "demonstratives.txt", content: TEXT });
const at = (start: string) => pm.sentences.find((s) => s.text.startsWith(start))!;

describe("an opening demonstrative read as the name that opened the sentence before", () => {
  it.each([
    ["This treaty was signed", "The Tarun Basin Accord", "the noun the name was defined as ('an international treaty')"],
    ["This fund lent", "The Veldra River Fund", "the name's own head ('Fund')"],
    ["This body raised", "The Canal Tariff Commission", "the noun the name was defined as ('a statutory body')"],
    ["These salts were banned", "Brinochlorides", "a plural name defined as 'industrial salts'"],
  ])("'%s' → %s (%s)", (opening, name) => {
    expect(openingPronounAntecedent(pm, at(opening))).toBe(name);
    expect(isStandalone(at(opening), pm)).toBe(true);
  });
  it("writes the name in the demonstrative's place in the item's text", () => {
    const s = at("This fund lent");
    expect(inContext(s.text.replace("40 billion rupees", "_____"), pm, s)).toBe("The Veldra River Fund lent _____ to small farmers by 2005.");
  });
  it.each([
    ["This cap was lifted", "the cap is an object of the sentence before, not its subject"],
    ["These treaties were praised", "'These' is plural; the treaty before is one"],
    ["This chair was abolished", "the sentence before opens with a person"],
  ])("leaves '%s' unresolved, and the sentence makes no item: %s", (opening) => {
    expect(openingPronounAntecedent(pm, at(opening))).toBeNull();
    expect(isStandalone(at(opening), pm)).toBe(false);
  });
});
