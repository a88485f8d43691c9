import { describe, expect, it } from "vitest";
import { itemDefect } from "@/lib/generate/quality";
import { clozeCard as cloze, readAloneIn, sentenceStarting } from "./helpers";
import { ingestMaterial } from "@/lib/material/ingest";

// Written for this test; not copied from any source. Two invented states and the raids between them.
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
    expect(itemDefect(cloze("A treaty on rivers was signed, and emissions under the treaty fell by _____.", "60%"))).toBeNull();
    expect(itemDefect(cloze("The leader was released after the war of 1971 in _____.", "1972"))).toBeNull();
    // Narrow on purpose: a description its own sentence explains, qualifies or names is kept.
    expect(itemDefect(cloze("The Council decided in _____ to cut rates, and the decision cut prices of 200 items.", "2017"))).toBeNull();
    expect(itemDefect(cloze("The bank raised the policy rate to _____ per cent to tackle the situation of rising prices.", "6.5"))).toBeNull();
    expect(itemDefect(cloze("The two sides of the membrane differ in pH by _____ units.", "3"))).toBeNull();
    expect(itemDefect(cloze("In a federation the two governments, Union and state, share power under a written _____.", "constitution"))).toBeNull();
    expect(itemDefect(cloze("The Treaty of Ostra was signed in _____, and Veldra lost territory under the treaty.", "1919"))).toBeNull();
    expect(itemDefect(cloze("The Soil (Protection) Act was passed in _____, and rules under the Act regulate waste.", "1986"))).toBeNull();
    expect(itemDefect(cloze("The 42nd Amendment of _____ changed the Preamble, and under the amendment the words were added.", "1976"))).toBeNull();
    expect(itemDefect(cloze("Veldra fought a war with Ostra in _____, and trade fell after the war.", "1965"))).toBeNull();
    expect(itemDefect(cloze("Rebels fought during the war in the hills in _____.", "1971"))).toMatch(/points back/);
    expect(itemDefect(cloze("The leader was freed before the end of the war on 6 May _____.", "1944"))).toMatch(/points back/);
    expect(itemDefect(cloze("In 1999 Veldra and _____ signed a pact in which the two countries ended their feud.", "Ostra"))).toBeNull();
    expect(itemDefect(cloze("The charges under the said clause were dropped in _____.", "2011"))).toMatch(/points back/);
    expect(itemDefect(cloze("Trade rose in _____ after the war, and again after the war in the hills.", "1972"))).toMatch(/points back/);
    expect(itemDefect(cloze("The Second Veldra War ended in _____ with a treaty signed at Ostra.", "1921"))).toBeNull();
  });
});

describe("inContext: a short name stands for a full one only when the full one came first", () => {
  // Written for this test; not copied from any source. An invented assembly and its presiding officers.
  const text = [
    "The Veldra Assembly and its presiding officers",
    "",
    "The Speaker of the Veldra Assembly decides whether a member has defected.",
    "The Speaker must rule on a petition within three months of receiving it.",
    "A member elected Deputy Speaker may leave his party without losing his seat.",
    "The Speaker is bound by the Veldra Code of 1985 when deciding a defection petition.",
    "",
    "The Multilateral Water Fund was set up in 1991 to pay for canals in poor districts.",
    "The Fund has paid for more than 300 canals since its creation.",
  ].join("\n");
  const pm = ingestMaterial({ source: "assembly.txt", content: text });

  it("leaves 'the Speaker' alone after a 'Deputy Speaker' is named: the material used it on its own first", () => {
    expect(readAloneIn(pm, "The Speaker is bound by")).toBe(sentenceStarting(pm, "The Speaker is bound by").text);
  });
  it("still reads 'the Fund' as the Multilateral Water Fund named before it", () => {
    expect(readAloneIn(pm, "The Fund has paid")).toMatch(/^The Multilateral Water Fund has paid/);
  });
});

// Written for this test; not copied from any source. An invented country's payments, space probe and droughts.
describe("sentences that read wrong out of their place make no item, and names and definitions are read as written", () => {
  const text = [
    "Veldra's payments, probes and droughts",
    "",
    "The Veldra Payments Board runs the national payment system of Veldra.",
    "The Board had earlier built the Instant Transfer Service and the CardOne card network in 2012.",
    "To reach Ostra, the Veldran probe used a series of orbit-raising burns around the earth before departing in 2014.",
    "The famine of 1921 was followed by reforms. Then came two consecutive droughts in 1925 and 1926, among the worst of the century.",
    "Two measures followed the droughts. A third stresses water: canal irrigation through the Veldra Canal Scheme of 1931.",
    "A second appeal lies within ninety days to the Veldra Information Commission under the law of 2005.",
    "However, faced with a balance of payments crisis in 1991, Veldra pledged its gold reserves with the Bank of Ostra.",
    "However, growing demand for groundwater in Veldra has lowered the water table by ten metres since 1990.",
    "There were 16 rounds of border talks between Veldra and Ostra by early 2024.",
    "Thus ended the brief cotton boom of Veldra's western districts in 1931.",
    "A second crisis broke out in 1933 when the Ostra banks failed.",
    "Since Lord Keld annexed Marrow, the sepoys of the Veldra army grew restless.",
    "In 1969 the Veldra government set up the space agency under Arno Vell, a physicist trained at Keld University.",
    "A third of Veldra's farmers still lacked canal water in 1940.",
    "Then the Veldra Canal Scheme was extended to the hill districts in 1946.",
  ].join("\n");
  const pm = ingestMaterial({ source: "veldra-payments.txt", content: text });

  it("refuses a sentence whose connective fronts its verb ('Then came two droughts…' is not 'Came two droughts…')", () => {
    expect(readAloneIn(pm, "Then came")).toBeNull();
    // A connective before the subject goes, and the sentence stands.
    expect(readAloneIn(pm, "Then the Veldra")).toMatch(/^The Veldra Canal Scheme was extended/);
  });
  it("refuses 'A third stresses…' (an ordinal standing for what earlier sentences named), keeps 'A third of…' and 'A second appeal…'", () => {
    expect(readAloneIn(pm, "A third stresses")).toBeNull();
    expect(readAloneIn(pm, "A third of")).not.toBeNull();
    expect(readAloneIn(pm, "A second appeal")).not.toBeNull();
  });
  it("keeps a sentence whose cut connective leaves a participle, a noun or an existential 'There were' in front", () => {
    for (const start of ["However, faced with", "However, growing demand", "There were 16 rounds", "Then the Veldra", "A second crisis"]) expect(readAloneIn(pm, start)).not.toBeNull();
  });
  it("refuses any verb a cut connective would leave before its subject ('Thus ended the brief boom')", () => {
    expect(readAloneIn(pm, "Thus ended")).toBeNull();
  });
  it("reads 'the X Service and the Y card network' as two names, not one", () => {
    const names = pm.entities.map((e) => e.name);
    expect(names).toContain("Instant Transfer Service");
    expect(names).toContain("CardOne");
    expect(names.some((n) => / and the /.test(n))).toBe(false);
  });
  it("does not read an opening phrase's name as defined by the main clause ('To reach Ostra, the probe used…')", () => {
    expect(pm.definitions.filter((d) => d.term === "Ostra")).toEqual([]);
    // After a main clause the appositive describes the name: "… under Arno Vell, a physicist trained at Keld University."
    expect(pm.definitions.map((d) => d.term)).toContain("Arno Vell");
    // An opening clause with its own verb is still an opening clause: "Since Lord Keld annexed Marrow, the sepoys…".
    expect(pm.definitions.filter((d) => d.term === "Marrow")).toEqual([]);
  });
});

// Written for this test; not copied from any source. An invented kingdom and its army.
describe("a pronoun after only a date has nothing in the sentence to stand for, and makes no item", () => {
  const text = [
    "Veldra and Ostra",
    "",
    "Arno Vell won the presidency of Veldra in 2023.",
    "In December 2023 his government announced that it would not renew the 2019 agreement under which the Ostran Navy surveyed Veldran waters.",
    "In 2024 Arno Vell and his government renewed the 2019 fisheries agreement with Ostra.",
  ].join("\n");
  const pm = ingestMaterial({ source: "kings.txt", content: text });
  it("refuses 'In December 2023 his government…', keeps 'In 2024 Arno Vell and his government…'", () => {
    expect(readAloneIn(pm, "In December 2023")).toBeNull();
    expect(readAloneIn(pm, "In 2024 Arno")).not.toBeNull();
  });
});
