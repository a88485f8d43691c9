import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { buildCorpus } from "@/lib/generate/corpus";
import { openingPronounAntecedent } from "@/lib/generate/antecedent";
import { inContext } from "@/lib/generate/context";
import { itemDefect, scoreItem } from "@/lib/generate/quality";
import { nameKey } from "@/lib/material/entities";
import type { Card } from "@/lib/generate/schemas";

// Written for this test; not copied from any source. Names with letters outside ASCII ("Ō", "ā", "É", "Î"), each beside
// an ASCII twin that must read exactly as before: a Latin-script name is read whole, diacritics and all.
const cloze = (front: string, back = "x"): Card => ({ id: "c", kind: "cloze", front, back, evidence: [{ materialId: "m", start: 0, end: 10, quote: front }], quality: { score: 0.8, reasons: [] } });

describe("Latin-script names with diacritics are read whole", () => {
  const TEXT = [
    // One paragraph each: an opening "It" is read only after a sentence of its own paragraph.
    "The Tōhoku Fisheries Compact is a treaty among the coastal states of the north. It was signed in 1990 by six states.",
    "The Kyushu Timber Accord is a treaty among the forest states of the south. It was signed in 1991 by five states.",
    "Hiroshi Ōta led the dock union of Sendai in the strike of 1951. Ōta's strike closed the port of Sendai for a month in 1951.",
    "Kenji Mori led the rail union of Sendai in the strike of 1952. Mori's strike closed the railway of Sendai for a week in 1952.",
    "The honorific Mahātmā was first given to the leader in 1915.",
  ].join("\n");
  const pm = ingestMaterial({ source: "names.txt", content: TEXT });
  const names = pm.entities.map((e) => e.name);

  it("extracts a name with a non-ASCII letter whole, as its ASCII twin", () => {
    expect(names).toEqual(expect.arrayContaining(["Tōhoku Fisheries Compact", "Kyushu Timber Accord", "Hiroshi Ōta", "Kenji Mori", "Mahātmā"]));
    expect(names).not.toContain("T");
    expect(names).not.toContain("Mah");
  });
  it("classifies a forename and surname with a non-ASCII letter as a person, as its ASCII twin", () => {
    expect(pm.entities.find((e) => e.name === "Hiroshi Ōta")?.kind).toBe("person");
    expect(pm.entities.find((e) => e.name === "Kenji Mori")?.kind).toBe("person");
  });
  it("resolves an opening 'It' to a subject whose name has a non-ASCII letter, as its ASCII twin", () => {
    expect(openingPronounAntecedent(pm, pm.sentences[1]!)).toBe("The Tōhoku Fisheries Compact");
    expect(openingPronounAntecedent(pm, pm.sentences[3]!)).toBe("The Kyushu Timber Accord");
  });
  it("reads a surname in the possessive as the full name, whatever its letters", () => {
    expect(inContext(pm.sentences[5]!.text, pm, pm.sentences[5]!)).toBe("Hiroshi Ōta's strike closed the port of Sendai for a month in 1951.");
    expect(inContext(pm.sentences[7]!.text, pm, pm.sentences[7]!)).toBe("Kenji Mori's strike closed the railway of Sendai for a week in 1952.");
  });
});

describe("screening and scoring patterns read non-ASCII capitals as capitals", () => {
  it.each([
    ["Ārthik Nīti: The budget cut the fiscal deficit to _____ in 2020."],
    ["Fiscal Policy: The budget cut the fiscal deficit to _____ in 2020."],
  ])("rejects a heading carried from the source: %s", (front) => {
    expect(itemDefect(cloze(front))).toMatch(/heading or label/);
  });
  it.each([
    ["The delta silted up by 1890 (Ōmura, p. 56), and _____ moved the port."],
    ["The delta silted up by 1890 (Omura, p. 56), and _____ moved the port."],
  ])("rejects a citation marker: %s", (front) => {
    expect(itemDefect(cloze(front))).toMatch(/citation marker/);
  });

  const pm = ingestMaterial({ source: "list.txt", content: "Several economists studied the tariff of 1892 in the port towns." });
  const corpus = buildCorpus([pm]);
  const has = (text: string, asks: "person" | "place", re: RegExp) =>
    scoreItem(corpus, { kind: "cloze", asks, answerName: "Anne Morel", refs: [corpus.refs[0]!], text }).reasons.some((r) => re.test(r));
  it.each([
    ["Several economists, including _____, Émile Laurent and Ōta Hiroshi, studied the tariff of 1892."],
    ["Several economists, including _____, Emile Laurent and Ota Hiroshi, studied the tariff of 1892."],
  ])("marks one name among a list of names: %s", (text) => {
    expect(has(text, "person", /one name among a list/)).toBe(true);
  });
  it.each([
    ["_____'s Île-de-France region exported most of the wine in 1892."],
    ["_____'s Ile-de-France region exported most of the wine in 1892."],
  ])("marks a place the words after the blank give away: %s", (text) => {
    expect(has(text, "place", /give the place away/)).toBe(true);
  });
});

describe("subscripts and superscripts are not letters of a name", () => {
  // Written for this test; not copied from any source.
  const TEXT = [
    "Sulphur oxide (SO) forms in the flue gas of the Dorvan smelter.",
    "Sulphur dioxide (S₂O) forms when the same flue gas cools below 300 degrees.",
    "SO was measured at the Dorvan smelter in 1988.",
    "S₂O was measured at the Dorvan smelter in 1989.",
    "Carbon monoxide (CO) leaks from the kilns, and CO₂ rises from the chimneys.",
    "Ravindra Kelkar¹ opened the smelter in 1961.",
  ].join("\n");
  const pm = ingestMaterial({ source: "gases.txt", content: TEXT });
  const entityOf = (name: string) => pm.entities.find((e) => e.name === name || e.aliases.includes(name));

  it("keys a subscript as its digit, so a formula with one is not the formula without", () => {
    expect(nameKey("S₂O")).toBe("s2o");
    expect(nameKey("S₂O")).not.toBe(nameKey("SO"));
    expect(nameKey("CO₂")).not.toBe(nameKey("CO"));
  });
  it("keeps two formulae that differ by a subscript apart", () => {
    expect(entityOf("SO")).toBeDefined();
    expect(entityOf("S₂O")).toBeDefined();
    expect(entityOf("SO")).not.toBe(entityOf("S₂O"));
    expect(entityOf("CO₂")).not.toBe(entityOf("CO"));
  });
  it("strips a trailing superscript footnote mark from a name", () => {
    expect(nameKey("Ravindra Kelkar¹")).toBe(nameKey("Ravindra Kelkar"));
    expect(pm.entities.map((e) => e.name)).toContain("Ravindra Kelkar");
    expect(pm.entities.map((e) => e.name).join("|")).not.toMatch(/¹/);
    expect(entityOf("Ravindra Kelkar")?.kind).toBe("person");
  });
});
