import { describe, expect, it } from "vitest";
import { itemDefect } from "@/lib/generate/quality";
import type { Question } from "@/lib/generate/schemas";
import { clozeCard as card } from "./helpers";

// Written for this test; not copied from any source. Invented states, assemblies, canals and missions: an item is read
// alone, so its main claim may not be "put it more bluntly", "knows the difference" or "did the same" (what was put, what
// difference, the same as what?), a pronoun must have its noun in the item, and "the first phase", "the portal", "the
// Bill" must say of what.

const statement = (text: string): Question => ({
  id: "q",
  kind: "true_false",
  prompt: `True or false? ${text}`,
  answer: "true",
  explanation: "",
  marks: 1,
  timeLimitSec: 30,
  evidence: [{ materialId: "m", start: 0, end: text.length, quote: text }],
});

describe("discourse-dependent predicates: the claim is only a pointer to a statement before", () => {
  it("drops restating, agreeing and copying predicates with no content of their own (history, polity, economics)", () => {
    for (const item of [
      statement("Professor Ilse Marr, who has taught agrarian history at Tarn for twenty years, put it more bluntly."),
      statement("The Morvian finance secretary put it differently in his budget speech."),
      card("The Veldra Assembly agreed in _____.", "1931"),
      card("Morvia did the same in _____.", "1962"),
      card("The Sarn planning board followed suit in _____.", "1974"),
      statement("The Tarn salt inspector said so in a letter of 1911."),
    ]) expect(itemDefect(item), JSON.stringify(item)).toMatch(/statement it does not show|refers back/);
  });

  it("keeps the same verbs when the item gives what they are about", () => {
    for (const item of [
      card("The Veldra Assembly agreed to a second chamber in _____.", "1931"),
      card("The two chambers of Morvia agreed on a joint salt budget in _____.", "1962"),
      card("Veldra raised its salt tariff in 1921, and Morvia did the same in _____.", "1923"),
      card("The Morvian Assembly put it to a vote in _____.", "1950"),
      card("Trade with the _____ declined after the 3rd century, but trade with Kell continued.", "Tarn League"),
      card("Veldra objected, citing the Salt Convention, and imposed a duty on _____ in 1992.", "Morvian salt"),
      statement('Professor Ilse Marr put it bluntly: "landlords grew richer on canal water".'),
    ]) expect(itemDefect(item), JSON.stringify(item)).toBeNull();
  });
});

describe("shell nouns: 'the difference', 'the problem', 'the story' need their content in the item", () => {
  it("drops a shell noun whose content only the text before gives (environment, economics, history)", () => {
    for (const item of [
      card("_____, a weaver from the Sarn valley, knows the difference.", "Anila Dorr"),
      card("The problem persisted in the Tarn delta until _____.", "1988"),
      card("The story was retold by the poet _____ in 1921.", "Oren Haskel"),
      card("The Morvian Assembly conceded that point in _____.", "1957"),
      card("The main difference lies in the _____ season.", "dry"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toMatch(/refers back/);
  });

  it("keeps shell nouns that carry their own content", () => {
    for (const item of [
      card("The question of statehood for Veldra was settled in _____.", "1956"),
      card("The difference between the two Houses of Morvia lies in _____ bills.", "money"),
      card("The question is whether the Tarn council may levy a cess on _____.", "salt"),
      card("The problem was a shortage of _____ in the Sarn canal districts.", "silt traps"),
      card("The case for a second chamber in Veldra was made by _____.", "Oren Haskel"),
      card("The whole story of the Sarn canal was told by _____ in 1930.", "Ilse Marr"),
      card("The point where the Sarn meets the Tarn is called _____.", "Dorr Sangam"),
      card("The story of the Tarn salt march was first told by _____.", "Ilse Marr"),
      card("The central question in Morvian farm policy since _____ has been whether to target or to universalise.", "1997"),
      card("Kell's copper plates are dated to year 41 of an era often read as the Tarn era, though the point is _____.", "debated"),
      card("The Veldra High Court quashed the order in _____, holding that a floor vote was the only proper way to decide the question.", "2016"),
      card("_____ and Kell have each been put under central rule nine times, with Sarn and Dorr also high on the list.", "Veldra"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toBeNull();
  });
});

describe("pronouns of the stem: 'it', 'they', 'its' with no noun of the item before them", () => {
  it("drops a subject pronoun after an opening phrase with no clause of its own (history, polity)", () => {
    for (const item of [
      card("Under the Tarn Compact of 1931, it served as the interim charter of both Veldra and _____.", "Morvia"),
      card("Under the Morvian Union Act, 1931, it served, with changes, as the interim charter of both Veldra and _____.", "Kell"),
      card("In 1950, they were merged into the Sarn Valley Authority by _____.", "Oren Haskel"),
      card("After independence, its members were nominated by the _____.", "Governor"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toMatch(/pronoun/);
  });

  it("keeps pronouns whose noun the item gives, and an 'it' that stands for nothing", () => {
    for (const item of [
      card("After the Tarn Compact was signed, it came into force in _____.", "1932"),
      card("In 1950, it was decided that the Sarn canal would be extended to _____.", "Kell"),
      card("The Morvian Assembly passed the Salt Act in 1921 and amended it in _____.", "1934"),
      card("In Ashoka's reign his edicts were carved on _____ pillars.", "stone"),
      card("For Veldra, a calm northern border matters while it bargains with Morvia; for _____, it offers room to trade.", "Kell"),
      card('Who said: "That means its future depends on village commons, not on fences."?', "Ilse Marr, a Tarn forest officer"),
      card("Why? Salt and kerosene remain outside the Morvian sales tax.", "Because they remain large sources of the provinces' own revenue."),
    ]) expect(itemDefect(item), JSON.stringify(item)).toBeNull();
  });
});

describe("a place in a series or a thing of the text: 'the first phase', 'the portal', 'the Bill'", () => {
  it("drops one the item never says of what (environment, economics, polity)", () => {
    for (const item of [
      statement("Districts reported in the first phase that some wells were counted twice."),
      card("Cleaning the portal of duplicate entries took most of _____.", "2019"),
      card("The second cycle covered _____ mills in six sectors.", "412"),
      card("The Bill was steered through the Morvian Assembly by _____ in 1934.", "Oren Haskel"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toMatch(/of what|which one/);
  });

  it("keeps one whose owner the item names", () => {
    for (const item of [
      card("The first phase of the Veldra Wetland Mission covered _____ districts.", "12"),
      card("With reference to the Veldra Wetland Mission: the first phase covered _____ districts.", "12"),
      card("The Tarn Groundwater Mission runs the Jaldhara portal, which lists _____ wells.", "8,000"),
      card("The Salt Cess Bill was steered through the Morvian Assembly by _____ in 1934.", "Oren Haskel"),
      card("The Morvian Salt Cess Bill of 1934 was opposed by _____; the Bill passed in 1935.", "Ilse Marr"),
      card("The first session of the Veldra Assembly was held at _____.", "Kell"),
      statement("Reports on state-owned firms of Morvia are examined by the Committee on Public Undertakings."),
      card("Claims can be filed through the Kisan Raksha app, the national helpline 1800-220, or any branch of a _____ bank.", "cooperative"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toBeNull();
  });
});

describe("review of 7 Dec 2026: a possessive that points forward, a topic lead, and consistent opening pronouns", () => {
  it("keeps an 'its'/'their' in an opening phrase when a subject of the same number follows the comma (history, polity, economics)", () => {
    for (const item of [
      card("At its height under King Varo, the Sarn kingdom held the whole _____ coast.", "western"),
      card("In its first ten years, the Tarn Salt Mission trained _____ inspectors.", "4,000"),
      card("At its core, Veldra Jal Yojana gives every village a share of _____ water.", "canal"),
      card("In its report of 1931, the Morvian Franchise Committee proposed a _____ chamber.", "second"),
      card("Despite their defeat at Kell, the Morvians kept the port of _____.", "Dorr"),
      card("During their rule, the Sarn kings built stone dams on the _____.", "Tarn"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toBeNull();
  });

  it("still drops a possessive with no subject after it that could own it, or one of the wrong number", () => {
    for (const item of [
      card("Since 1991, their share of Morvian exports fell to _____ per cent.", "12"),
      card("At its height in 1750, Sarn armies raided as far as _____.", "Kell"),
      card("In their first year, the Tarn Salt Mission trained _____ inspectors.", "400"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toMatch(/pronoun/);
  });

  it("counts a topic lead as what the pronoun stands for, wherever the pronoun is", () => {
    for (const item of [
      card("With reference to the Veldra kingdom: In 1956, its capital was moved to _____.", "Kell"),
      card("With reference to the Tarn Salt Mission: Under the 1962 rules, it covered _____ districts.", "14"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toBeNull();
  });

  // (An opening pronoun that context.ts `inContext` could resolve has been given its name before the item is checked; one
  // it could not is refused by quality.ts, as one after an opening phrase is refused here.)
  it("drops an unresolved pronoun that opens the item, as it drops one after an opening phrase", () => {
    for (const item of [
      card("They were called the Veldra Moderates by _____.", "Oren Haskel"),
      card("Its members were nominated by the _____.", "Governor"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toMatch(/pronoun|unresolved reference/);
  });

  it("drops a bare 'agreed' but keeps 'agreed to'/'agreed on' with their object (polity)", () => {
    for (const item of [card("The two chambers of Morvia agreed in _____.", "1951"), statement("The two chambers of the Veldra Assembly agreed.")])
      expect(itemDefect(item), JSON.stringify(item)).toMatch(/statement it does not show/);
    for (const item of [
      card("The two chambers of Morvia agreed to a joint sitting in _____.", "1951"),
      card("The Sarn and Tarn boards agreed on a single water tariff in _____.", "1977"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toBeNull();
  });

  it("keeps a copula with a bare noun, and 'The Bill' with its full name later in the line", () => {
    for (const item of [
      card("The problem was waterlogging, which the Sarn canal board tackled in _____.", "1962"),
      card("The Bill was moved by _____ as the Morvian Salt Cess Bill in 1934.", "Oren Haskel"),
    ]) expect(itemDefect(item), JSON.stringify(item)).toBeNull();
  });

  it("still drops a copula with a progressive verb, which says what happened, not what the problem was", () => {
    expect(itemDefect(card("The problem was growing in the Sarn delta until _____.", "1988"))).toMatch(/refers back/);
  });

  it("drops 'summed it up' and a bare 'summed up', keeps 'summed up' with an object", () => {
    for (const item of [card("_____ summed it up in one line.", "Ilse Marr"), card("_____ summed up in a single sentence in 1930.", "Oren Haskel")])
      expect(itemDefect(item), JSON.stringify(item)).toMatch(/statement it does not show/);
    expect(itemDefect(card("_____ summed up the salt debate of 1930 in the Morvian Assembly.", "Oren Haskel"))).toBeNull();
  });
});
