import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { unresolvedDescription } from "@/lib/generate/descriptions";
import { readAloneIn } from "./helpers";

// Written for this test; not copied from any source. Findings of the engine review of 7 Dec 2026 (H1, M1, L2), on
// invented bodies, treaties and acts of an invented country (Veldra). One line is one paragraph.

function readAlone(content: string, start: string): string | null {
  return readAloneIn(ingestMaterial({ source: "invented.txt", content }), start);
}

describe("no name is put in when another thing of the kind came in between (H1)", () => {
  it("puts in nothing when a new body was introduced under another word before 'the commission'", () => {
    const text = [
      "Reviews of Union-state relations in Veldra",
      "",
      "The Marlow Commission reviewed the relations between the Union and the provinces in 1979. Twenty years later the cabinet appointed a new panel headed by Justice Orin Vale. The commission studied 90 dismissals of provincial governments before reporting in 2004.",
    ].join("\n");
    expect(readAlone(text, "The commission studied")).toBeNull();
  });

  it("puts in nothing when a synonym of the head names another thing in between ('a separate pact' before 'the treaty')", () => {
    const text = [
      "Rivers of the Selka basin",
      "",
      "The Selka Waters Treaty was signed at Dunmore in 1971. In 1984 the two governments concluded a separate pact on the upper dams. The treaty obliges each side to share flood data every monsoon.",
    ].join("\n");
    expect(readAlone(text, "The treaty obliges")).toBeNull();
  });

  it("puts in no name the material brings in with 'a' (a kind proposed, not one body)", () => {
    const text = [
      "Monetary reform in Veldra",
      "",
      "The Harrow Review recommended several changes. Rate decisions should be vested in a Monetary Policy Committee. The committee proposed a five-member body chaired by the Governor.",
    ].join("\n");
    expect(readAlone(text, "The committee proposed") ?? "").not.toMatch(/Monetary Policy Committee/);
    const setUp = [
      "Monetary reform in Veldra",
      "",
      "In 2011 the cabinet agreed to set up a Joint Drafting Committee of five ministers. When the committee failed to agree, the cabinet wrote its own bill.",
    ].join("\n");
    expect(readAlone(setUp, "When the committee failed")).toMatch(/^When the Joint Drafting Committee failed to agree/);
  });

  it("still puts in the one name when nothing else of the kind came in between", () => {
    const text = [
      "Reviews of Union-state relations in Veldra",
      "",
      "The Marlow Commission reviewed the relations between the Union and the provinces in 1979. Its members travelled to every province over four years. The commission studied 90 dismissals of provincial governments before reporting in 1983.",
    ].join("\n");
    expect(readAlone(text, "The commission studied")).toMatch(/^The Marlow Commission studied 90 dismissals/);
    // A word of a name that is a head of the same kind ("Union") brings in no body.
    const named = [
      "Reviews of Union-state relations in Veldra",
      "",
      "In 1979 the cabinet set up the Marlow Commission, chaired by Orin Vale, a former Union Home Secretary. The commission studied 90 dismissals of provincial governments before reporting in 1983.",
    ].join("\n");
    expect(readAlone(named, "The commission studied")).toMatch(/^The Marlow Commission studied 90 dismissals/);
  });
});

describe("a finite verb after a description does not say which one (M1)", () => {
  it("reads a main verb with an object as the clause's verb, not as 'the board set up in…'", () => {
    expect(unresolvedDescription("Under pressure from exporters, the board adopted a ban on rice exports.")).toBe("the board");
    expect(unresolvedDescription("Despite protests, the tribunal reached a verdict allotting 300 units of water to Ostra.")).toBe("the tribunal");
    expect(unresolvedDescription("Both chambers approved the budget in March.")).toBe("Both chambers");
    expect(unresolvedDescription("The commission submitted its report in 2010 after six years of work.")).toBe("The commission");
  });

  it("reads a date after an object as the verb's date, not the noun's", () => {
    expect(unresolvedDescription("Veldra signed the treaty in 1960.")).toBe("the treaty");
  });

  it("keeps a participle that does say which one", () => {
    expect(unresolvedDescription("The committee set up in 1950 recommended a second chamber.")).toBeNull();
    expect(unresolvedDescription("The report tabled in 2012 recommended a second chamber.")).toBeNull();
    expect(unresolvedDescription("The committee appointed in 1950 has six members.")).toBeNull();
    expect(unresolvedDescription("The summit in 2019 ended without a joint statement.")).toBeNull();
    expect(unresolvedDescription("Veldra recruited soldiers to fight the war in _____ on the crown's side.")).toBeNull();
  });
});

describe("a name put in keeps the year the material gives it (L2)", () => {
  it("puts in 'the Provinces of Veldra Act 1858', not a name several acts share", () => {
    const text = [
      "Acts of the Veldra parliament",
      "",
      "The Provinces of Veldra Act 1858 transferred the provinces from the trading company to the crown. The act created the office of a Secretary for the Provinces.",
    ].join("\n");
    expect(readAlone(text, "The act created")).toMatch(/^The Provinces of Veldra Act 1858 created the office/);
    const comma = [
      "Acts of the Veldra parliament",
      "",
      "The Provinces of Veldra Act, 1935 gave the provinces elected ministries. The act also set up a federal court.",
    ].join("\n");
    expect(readAlone(comma, "The act also")).toMatch(/^The Provinces of Veldra Act, 1935 also set up/);
  });

  it("puts in nothing when two acts of that name and different years came before", () => {
    const text = [
      "Acts of the Veldra parliament",
      "",
      "The Provinces of Veldra Act 1858 transferred the provinces to the crown. The Provinces of Veldra Act 1919 gave them elected councils. The act created the office of a Secretary for the Provinces.",
    ].join("\n");
    expect(readAlone(text, "The act created")).toBeNull();
  });
});
