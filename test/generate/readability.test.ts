import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import { isAnswerGivenAway, isContextFree, keyClauseOf } from "@/lib/generate/readability";
import { isEvidenceExact } from "@/lib/generate/schemas";

// Snippets written for these tests in the style of a news report (fictional places and people).
describe("isContextFree", () => {
  it.each([
    ["As it turned out within weeks following the statement, gunmen crossed the river and attacked a survey camp."],
    ["To address this growing worry, ministers from Valdoria and Kestria met in Orlen."],
    ["The idea is to make the frontier a shared market rather than a front line."],
    ["Officials welcomed the move in a brief note to reporters."],
  ])("rejects a sentence that leans on an earlier one: %s", (text) => {
    expect(isContextFree(text)).toBe(false);
  });
  it.each([
    ["Kestria closed the Orlen crossing in March 2024 after a convoy was ambushed."],
    ["Exports through the valley rose by 12 per cent this year, customs data show."],
    ["The decision to close the crossing cost traders an estimated $40 million."],
  ])("accepts a sentence that stands alone: %s", (text) => {
    expect(isContextFree(text)).toBe(true);
  });
});

describe("isAnswerGivenAway", () => {
  it("sees a demonym of the blanked country elsewhere in the sentence", () => {
    expect(isAnswerGivenAway("As Norwegian investment expands in the north,  is likely to step up patrols.", "Norway")).toBe(true);
  });
  it("sees the blanked country's capital", () => {
    expect(isAnswerGivenAway(" said on Monday it was worried, adding that Beijing was talking to both sides.", "China")).toBe(true);
  });
  it("lets an unrelated name through", () => {
    expect(isAnswerGivenAway(" signed the river accord with Chile in 2019.", "Peru")).toBe(false);
  });
});

describe("keyClauseOf", () => {
  it("keeps a short quotation whole", () => {
    const text = "Neither side can afford another closed winter";
    expect(keyClauseOf(text)).toEqual({ start: 0, end: text.length });
  });
  it("cuts a long quotation at a clause boundary within the word limit", () => {
    const text =
      "All the reports tell us that the Front has used the valley as a base for years, and the patrols have seen its fighters cross at night, which is why the talks broke down in the first place";
    const clause = keyClauseOf(text, 25)!;
    expect(text.slice(clause.start, clause.end)).toBe("All the reports tell us that the Front has used the valley as a base for years");
  });
  it("drops a quotation that breaks off mid-phrase", () => {
    expect(keyClauseOf("Valdoria is losing patience with a government which refuses to act against")).toBeNull();
  });
});

const REPORT = [
  "Valdoria and Kestria clash over the river valley",
  "Kestria closed the Orlen crossing in March 2024 after a convoy carrying grain was ambushed near the bridge.",
  "As it turned out within weeks following the statement, gunmen crossed the river and attacked a survey camp run by Tarsian engineers, leaving 2 dead.",
  "As Tarsian investment expands in the valley, Tarsia is likely to press both capitals to secure its engineers.",
  '"All the reports tell us that the Front has used the valley as a base for years, and the patrols have seen its fighters cross at night, which is why the talks broke down in the first place," said Mira Olsen, a senior fellow at the Orlen Institute for Frontier Studies of the University of Kestria.',
  '"Valdoria will not allow the Front to use the valley as a base for its raids, and the patrols will stay on the river until the talks resume, whatever the cost to the treasury," said Tomas Varga, Valdoria\'s interior minister.',
  '"All the reports tell us that the Front has used the valley as a base for years," said Anna Kovac, Valdoria\'s defence minister.',
  '"Valdoria will never allow the Front to cross the river again," said Piotr Lenz, Valdoria\'s former interior minister.',
  "The Valdorian army lists 1,200 armoured vehicles and 300 aircraft, according to 2024 figures from the Orlen Institute.",
  "Tarsia offered in May 2024 to host talks between the two governments in its capital, Belmor.",
].join("\n");

describe("study-set items are readable out of context", () => {
  const pm = ingestMaterial({ source: "report.txt", content: REPORT });
  const set = generateStudySet([pm], { isWrittenGenerationOff: true });
  const items = [...set.cards.map((c) => c.front), ...set.questions.map((q) => q.prompt)];

  it("builds no cloze or true/false item from a sentence that refers back to 'the statement'", () => {
    expect(items.filter((t) => /following the statement/.test(t))).toEqual([]);
  });
  it("drops a blank whose answer the same sentence names by its adjective", () => {
    expect(items.filter((t) => /Tarsian investment expands/.test(t) && /_____/.test(t))).toEqual([]);
  });
  it("makes no who-said card for a commentator's words: who said them is trivia", () => {
    expect(set.cards.filter((c) => c.kind === "who_said" && /Mira Olsen/.test(c.back))).toEqual([]);
  });
  it("makes no who-said card for an office-holder's description, or a former office-holder's words: only policy statements", () => {
    expect(set.cards.filter((c) => c.kind === "who_said" && /Anna Kovac|Piotr Lenz/.test(c.back))).toEqual([]);
  });
  it("trims a long who-said policy statement of an office-holder to its key clause, with exact evidence", () => {
    const card = set.cards.find((c) => c.kind === "who_said");
    expect(card?.front).toBe('Who said: "Valdoria will not allow the Front to use the valley as a base for its raids"?');
    expect(card?.back).toBe("Tomas Varga, Valdoria's interior minister");
    const byId = new Map([[pm.material.id, pm.material]]);
    for (const e of card?.evidence ?? []) expect(isEvidenceExact(e, byId)).toBe(true);
  });
});
