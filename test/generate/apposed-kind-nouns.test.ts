import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";

// Written for this test; not copied from any source. An invented kingdom whose text names a book, a capital, a village and
// a title the way an encyclopaedia does ("the epic X", "a new capital named X", "his village, X,"): the noun before each
// name says what it is, so none may be read as a person and offered among people ("Which person completes…?").
const KINGDOM = [
  "The Veluri kingdom",
  "",
  "The Veluri kings ruled the upper Kaveri valley from about 1050 to 1240. Their court poet, Arivan Kuttan, wrote the epic Manimozhi Kalam, which tells of a merchant's daughter who crossed the sea.",
  "",
  "King Ravindra Velur moved the court in 1122 to a new capital named Tiruvelur Nagaram, on the bank of the Kaveri. The minister Sembiyan Araiyar founded a school of astronomy there in 1130.",
  "",
  "After a long fast at his village, Kondai Palli, the saint Nambi Arur persuaded the king to build tanks across the valley. Arivan Kuttan also wrote hymns for the temple of Tiruvelur Nagaram.",
].join("\n");

const kindOf = (name: string) => ingestMaterial({ source: "veluri.txt", content: KINGDOM }).entities.find((e) => e.name === name)?.kind;

describe("a common noun in apposition before a name says what kind of thing it names", () => {
  it.each([
    ["Manimozhi Kalam", "the epic Manimozhi Kalam, which…"],
    ["Tiruvelur Nagaram", "a new capital named Tiruvelur Nagaram"],
    ["Kondai Palli", "at his village, Kondai Palli, the saint…"],
  ])("does not read %s as a person (%s)", (name) => {
    expect(kindOf(name)).not.toBe("person");
  });

  it.each([
    ["Arivan Kuttan", "their court poet, Arivan Kuttan"],
    ["Sembiyan Araiyar", "the minister Sembiyan Araiyar"],
    ["Nambi Arur", "the saint Nambi Arur"],
  ])("still reads %s as a person: the noun before it names a kind of person (%s)", (name) => {
    expect(kindOf(name)).toBe("person");
  });

  it("reads 'the movement Gandhi led' as a clause, not as a movement named Gandhi", () => {
    const pm = ingestMaterial({
      source: "invented.txt",
      content: "Tarun Mehra organised weavers in Surat in 1921. Historians still debate the movement Tarun Mehra led, and Tarun Mehra said in 1925 that it had failed.",
    });
    expect(pm.entities.find((e) => e.name === "Tarun Mehra")?.kind).toBe("person");
  });

  it("offers no book, capital or village among the options of a 'which person' item", () => {
    const set = generateStudySet([ingestMaterial({ source: "veluri.txt", content: KINGDOM })]);
    const things = ["Manimozhi Kalam", "Tiruvelur Nagaram", "Kondai Palli"];
    for (const q of set.questions.filter((q) => /which person/i.test(q.prompt))) {
      for (const o of q.options ?? []) expect(things).not.toContain(o.text);
    }
  });
});
