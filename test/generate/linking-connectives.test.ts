import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { standaloneText } from "@/lib/generate/text";
import { generateStudySet } from "@/lib/generate/study-set";

// Written for this test; not copied from any source. A connective that only ties a sentence to the one before it ("In
// comparison, …", "By contrast, …") is cut when the sentence is shown alone; what follows says the same without it.
describe("a connective that only links a sentence to the one before is cut from an item", () => {
  it.each([
    ["In comparison, the Rivel Accord has failed to cut emissions of soot.", "The Rivel Accord has failed to cut emissions of soot."],
    ["By contrast, judges of the Velar High Court can be removed only by a vote of the Assembly.", "Judges of the Velar High Court can be removed only by a vote of the Assembly."],
    ["Notably, the Ottur Board did not set any deadline for the mills.", "The Ottur Board did not set any deadline for the mills."],
  ])("'%s' reads without its connective", (sentence, alone) => {
    expect(standaloneText(sentence)).toBe(alone);
  });

  it.each([
    ["In comparison with the Rivel Accord, the Ottur Pact set binding targets."],
    ["Besides the river, the valley has two lakes fed by glaciers."],
  ])("keeps '%s', whose opening words say with what", (sentence) => {
    expect(standaloneText(sentence)).toBe(sentence);
  });

  it("makes no card that opens on 'In comparison,'", () => {
    const text = [
      "The Rivel Accord",
      "",
      "The Rivel Accord is an international treaty signed in 1994 to cut emissions of soot from ships in the Tarn Sea. It was ratified by 41 states by 1999 and entered into force in 2001.",
      "The Ottur Pact of 1988 covered only coastal shipping and was abandoned in 1992. In comparison, the Rivel Accord has cut emissions of soot by 60 per cent, where regulation based on the Ottur Pact had failed to do so.",
      "Emissions of soot over the Tarn Sea fell by a third between 2001 and 2010, according to the Tarn Sea Commission. The Tarn Sea Commission monitors ships with 14 coastal stations.",
      "Shipowners were given a fund of 300 million euros to refit 1,200 ships with filters between 2001 and 2008.",
    ].join("\n");
    const set = generateStudySet([ingestMaterial({ source: "rivel.txt", content: text })]);
    const shown = [...set.cards.map((c) => c.front), ...set.questions.map((q) => q.prompt)];
    expect(shown.some((s) => /Ottur Pact had failed/.test(s))).toBe(true);
    expect(shown.filter((s) => /\bIn comparison,/.test(s))).toEqual([]);
  });
});
