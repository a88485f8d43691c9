import { describe, expect, it } from "vitest";
import { analyze, areAliases, quantityKeys } from "@/lib/nlp";

const keysOf = (text: string) => {
  const a = analyze(text);
  return new Set([...quantityKeys(text, a.tokens).values()].flat());
};

describe("quantityKeys", () => {
  it.each([
    ["for twenty years", "for two decades"],
    ["for 20 years", "for two decades"],
    ["over the past decade", "for ten years"],
    ["within a fortnight", "within two weeks"],
    ["in the last century", "over a hundred years"],
  ])("gives %s and %s the same duration key", (a, b) => {
    const shared = [...keysOf(a)].filter((k) => k.startsWith("#dur:") && keysOf(b).has(k));
    expect(shared.length).toBeGreaterThan(0);
  });

  it("gives a figure the same key in digits and in words", () => {
    expect(keysOf("twenty states")).toContain("#n:20");
    expect(keysOf("20 states")).toContain("#n:20");
    expect(keysOf("the thousand rupee note")).toContain("#n:1000");
    expect(keysOf("the 1,000 rupee note")).toContain("#n:1000");
  });

  it("keeps different durations apart", () => {
    const two = [...keysOf("for two decades")].filter((k) => k.startsWith("#dur:"));
    const three = [...keysOf("for three decades")].filter((k) => k.startsWith("#dur:"));
    expect(two).not.toEqual(three);
  });

  it("reads words that name an object's built-in properties as plain words", () => {
    expect(keysOf("the constructor of the dam took a valueOf years")).toEqual(new Set());
    expect(keysOf("the __proto__ of hasownproperty tostring")).toEqual(new Set());
  });

  it("leaves years alone (a year is its own key)", () => {
    expect([...keysOf("in 2016")]).toEqual([]);
  });
});

describe("capitals as metonyms for their countries", () => {
  it.each([
    ["Canberra", "Australia"],
    ["Seoul", "South Korea"],
    ["Brussels", "European Union"],
    ["Hanoi", "Vietnam"],
  ])("%s = %s", (a, b) => {
    expect(areAliases(a, b)).toBe(true);
  });

  it("keeps North and South Korea apart", () => {
    expect(areAliases("Seoul", "Pyongyang")).toBe(false);
  });
});
