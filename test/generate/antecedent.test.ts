import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { openingPronounAntecedent } from "@/lib/generate/antecedent";
import { generateStudySet } from "@/lib/generate/study-set";

// Written for this test; not copied from any source. An opening demonstrative ("This treaty", "These goods") is
// never read as the name that opened the sentence before: the previous sentence may name two of its kind, a
// modifier may share the noun, the noun may be a time word or half of a name split on "and". Such sentences make
// no item (a resolution would put a false fact in a card).
const PAIRS: [string, string][] = [
  ["The Treaty of Versailles was signed in 1919 with Germany, and the Treaty of Trianon followed with Hungary.", "This treaty took away two-thirds of the territory of Hungary in 1920."],
  ["The Lok Sabha passed the farm bills in September 2020 after the Rajya Sabha had debated them.", "This sabha has 245 members, of whom 12 are nominated by the President."],
  ["The Supreme Court overturned the ruling of the Allahabad High Court in 2018.", "This court had upheld the ban on the festival in 2015."],
  ["The Chipko Movement was a forest conservation movement in the Garhwal hills.", "This forest lost a third of its cover between 1970 and 1990."],
  ["The International Year of Millets was declared by the United Nations for 2023.", "This year saw record millet exports of 600 million dollars."],
  ["The Goods and Services Tax replaced eleven state levies in 2017.", "These goods were taxed at 28% in 2018."],
  ["The Paris Agreement replaced an earlier agreement, the Kyoto Protocol, in 2015.", "This agreement bound only the rich countries to cut emissions by 2012."],
];

describe("an opening demonstrative is not resolved to the previous sentence's subject", () => {
  it.each(PAIRS)("%s → %s stays unresolved", (first, second) => {
    const pm = ingestMaterial({ source: "pair.txt", content: `${first} ${second}` });
    const s = pm.sentences[1]!;
    expect(s.text.startsWith(second.split(" ")[0]!)).toBe(true);
    expect(openingPronounAntecedent(pm, s)).toBeNull();
  });

  it("makes no item from such a sentence", () => {
    const content = PAIRS.map(([a, b]) => `${a} ${b}`).join("\n\n");
    const set = generateStudySet([{ source: "pairs.txt", content }]);
    const seconds = PAIRS.map(([, b]) => b.slice(0, 30));
    const items = [...set.cards, ...set.questions];
    for (const item of items) {
      for (const ev of item.evidence ?? []) {
        for (const b of seconds) expect(ev.quote).not.toContain(b);
      }
    }
    const texts = JSON.stringify(items);
    expect(texts).not.toMatch(/Versailles[^"]*took away|Lok Sabha[^"]*245 members|Supreme Court[^"]*upheld the ban|Chipko Movement[^"]*lost a third|Paris Agreement[^"]*bound only/);
  });
});
