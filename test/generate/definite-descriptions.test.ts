import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { itemDefect } from "@/lib/generate/quality";
import { unresolvedDescription } from "@/lib/generate/descriptions";
import type { Card, Question } from "@/lib/generate/schemas";
import { clozeCard as card, readAloneIn } from "./helpers";

// Written for this test; not copied from any source. Two invented countries (Ostra, Veldra), their rivers, their
// treaties and a legislature's committees: an item lifts one sentence, so a definite description in it ("the treaty",
// "the committee", "both channels", "Ostra's decision") must say which one, be rewritten as the one name the sentences
// just before in its paragraph gave it, or the item is not made. (One line is one paragraph.)

function readAlone(content: string, start: string): string | null {
  return readAloneIn(ingestMaterial({ source: "invented.txt", content }), start);
}

function shown(item: Card | Question): string {
  return "front" in item ? `${item.front}\n${item.back}` : [item.prompt, ...(item.options ?? []).map((o) => o.text), item.answer ?? ""].join("\n");
}

function itemsOf(content: string): Array<Card | Question> {
  const set = generateStudySet([{ source: "invented.txt", content }], { isWrittenGenerationOff: true });
  return [...set.cards, ...set.questions];
}

const TREATY = [
  "Rivers of the Selka basin",
  "",
  "Ostra and Veldra share the six rivers of the Selka basin, which rise in the Karn hills.",
  "",
  [
    "The Selka Waters Treaty was signed by the two governments at Dunmore in 1971 after nine years of talks.",
    "The treaty gives Ostra the unrestricted use of the three northern rivers, and Veldra the three southern ones.",
    "Under the treaty, Veldra may build run-of-the-river plants on the northern rivers up to a storage of 1.2 million acre feet.",
  ].join(" "),
].join("\n");

const COMMITTEE = [
  "Financial committees of the Veldra legislature",
  "",
  [
    "The Public Spending Committee examines the audit reports laid before the Veldra legislature.",
    "The committee has 22 members, elected every year by proportional representation.",
    "Since 1984 the chairman of the committee has been drawn from the opposition benches.",
  ].join(" "),
].join("\n");

describe("resolving a definite description to the one name the sentences before gave", () => {
  it("rewrites 'the treaty' as the treaty the paragraph named (river diplomacy)", () => {
    expect(readAlone(TREATY, "The treaty gives")).toBe(
      "The Selka Waters Treaty gives Ostra the unrestricted use of the three northern rivers, and Veldra the three southern ones.",
    );
    expect(readAlone(TREATY, "Under the treaty")).toMatch(/^Under the Selka Waters Treaty, Veldra may build/);
  });

  it("rewrites 'the committee' as the committee named just before, and keeps the evidence quote as the source writes it (polity)", () => {
    expect(readAlone(COMMITTEE, "The committee has")).toBe("The Public Spending Committee has 22 members, elected every year by proportional representation.");
    // "the chairman of the committee" says which chairman; its "the committee" is the one named.
    expect(readAlone(COMMITTEE, "Since 1984")).toBe("Since 1984 the chairman of the Public Spending Committee has been drawn from the opposition benches.");
    const items = itemsOf(COMMITTEE);
    const rewritten = items.filter((i) => i.evidence.some((e) => e.quote.startsWith("The committee has")));
    expect(rewritten.length).toBeGreaterThan(0);
    for (const item of rewritten) {
      expect(shown(item)).toContain("Public Spending Committee");
      expect(item.evidence.some((e) => e.quote.startsWith("The committee has 22"))).toBe(true);
    }
  });
});

describe("failing closed on a description no name settles", () => {
  it("makes no item of 'the treaty' when the sentences before named two treaties (river diplomacy)", () => {
    const text = [
      "Water sharing between Ostra and Veldra",
      "",
      "The Selka Waters Treaty of 1971 divided the six rivers of the basin. The Karn Hills Treaty of 1984 added rules for the two dams upstream. The treaty obliges each side to share flood data every monsoon.",
    ].join("\n");
    expect(readAlone(text, "The treaty obliges")).toBeNull();
    expect(itemsOf(text).filter((i) => /\bthe treaty\b/i.test(shown(i)))).toEqual([]);
  });

  it("drops an item whose description names nothing before it, with the reason recorded (law and courts)", () => {
    expect(itemDefect(card("In _____ Ostra took the matter to an arbitral tribunal.", "2004"))).toMatch(/description.*"the matter"/);
    expect(itemDefect(card("After years of delay the tribunal body decided to proceed with both channels at once in _____.", "2019"))).toMatch(/"both channels"/);
    expect(itemDefect(card("An arbitral tribunal held in _____ that Ostra's decision did not limit its own powers.", "2021"))).toMatch(/"Ostra's decision"/);
    expect(itemDefect(card("In _____ a special court acquitted four officials in the main bribery case.", "2015"))).toMatch(/"the main bribery case"/);
    expect(itemDefect(card("Since _____ the chairman has been drawn from the opposition benches.", "1984"))).toMatch(/"the chairman"/);
  });

  it("makes no item of a sentence whose only name for the scheme is 'the scheme' (economy)", () => {
    const text = [
      "Farm credit in Veldra",
      "",
      "Veldra's farm ministry has run several credit programmes for smallholders since the 1990s.",
      "",
      "By 2020 the scheme had reached 4.5 million farmers across 212 districts.",
    ].join("\n");
    expect(itemsOf(text).filter((i) => /\bthe scheme\b/i.test(shown(i)))).toEqual([]);
  });
});

describe("descriptions that say which one, or need no referent, are kept", () => {
  it("keeps a description its own noun phrase specifies", () => {
    expect(unresolvedDescription("Since 1984 the chairman of the Public Spending Committee has come from the opposition.")).toBeNull();
    expect(unresolvedDescription("The treaty of Dunmore ended the second river war in 1971.")).toBeNull();
    expect(unresolvedDescription("The case against the Karn Mining Company was filed in 2009.")).toBeNull();
    expect(unresolvedDescription("The decision to close the Karn canal was taken in 2012.")).toBeNull();
    expect(unresolvedDescription("The decision that the dams must release water in winter was upheld in 2013.")).toBeNull();
    expect(unresolvedDescription("The Dunmore matter was settled by a neutral expert in 2007.")).toBeNull();
    expect(unresolvedDescription("The committee set up in 1950 recommended a second chamber.")).toBeNull();
  });

  it("keeps a description the item itself names before it", () => {
    expect(unresolvedDescription("The Public Spending Committee has twenty-two members, and the committee meets every week.")).toBeNull();
    expect(unresolvedDescription("The Public Spending Committee elects the chairman from the opposition benches.")).toBeNull();
    expect(unresolvedDescription("Ostra and Veldra both claim the island, and both governments sent envoys in 1999.")).toBeNull();
  });

  it("keeps generic and kind-level uses that need no referent (polity, economy, environment, science)", () => {
    for (const sentence of [
      "The government raised the minimum support price for wheat in 2019.",
      "The economy grew by 7 per cent in 2018, helped by a good monsoon.",
      "The federal system divides legislative power between the Union and the states.",
      "The peace process stalled after the elections of 2008.",
      "The prime minister chairs the council of ministers.",
      "The immune system produces antibodies against the virus.",
    ]) expect(unresolvedDescription(sentence)).toBeNull();
    const text = [
      "The Veldra economy",
      "",
      "Veldra's exports of rice doubled between 2005 and 2015.",
      "",
      "In 2016 the government cut the export duty on rice to 5 per cent, and the economy grew by 6 per cent.",
    ].join("\n");
    expect(readAlone(text, "In 2016 the government")).toBe("In 2016 the government cut the export duty on rice to 5 per cent, and the economy grew by 6 per cent.");
  });

  it("does not put in a name from a series the sentence may place elsewhere (history)", () => {
    const text = [
      "The Ostra Congress",
      "",
      "The Karn session of 1906 called for self-rule within the empire. At Dunmore in December 1907 the session broke up in disorder and the party split.",
    ].join("\n");
    expect(readAlone(text, "At Dunmore")).toBeNull();
  });
});
