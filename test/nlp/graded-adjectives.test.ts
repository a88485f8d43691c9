import { describe, expect, it } from "vitest";
import { analyze, gradedBase } from "@/lib/nlp";

/**
 * A comparative or superlative is read as its base adjective, so "the darkest tile" matches "dark"
 * as "the brightest tile" matches "bright". Sentences invented for these tests.
 */
const keyOf = (text: string, word: string) => analyze(text).tokens.find((t) => t.lower === word)?.key;

describe("comparatives and superlatives read as their base adjective", () => {
  it("gives a superlative the lemmatiser leaves alone the key of its base", () => {
    expect(keyOf("Pick the darkest tile for the roof.", "darkest")).toBe(keyOf("Pick a dark tile for the roof.", "dark"));
  });

  it("finds the base through a doubled consonant, a y spelt i, or a dropped e", () => {
    expect(gradedBase("darkest")).toBe("dark");
    expect(gradedBase("wettest")).toBe("wet");
    expect(gradedBase("tidiest")).toBe("tidy");
    expect(gradedBase("ripest")).toBe("ripe");
  });

  it("leaves words that only look graded", () => {
    expect(gradedBase("forest")).toBeNull();
    expect(gradedBase("master")).toBeNull();
    expect(gradedBase("interest")).toBeNull();
    expect(keyOf("The forest is dense.", "forest")).toBe("forest");
  });

  it("reads a graded word that opens a sentence as its base too", () => {
    const opening = analyze("Wettest fields flood first.").tokens.find((t) => t.lower === "wettest");
    expect(opening?.key).toBe(keyOf("The field is wet.", "wet"));
    expect(analyze("Darkest roofs warm up fastest.").tokens[0]?.key).toBe(keyOf("A dark roof warms up.", "dark"));
  });

  it("restores a lost e before taking the bare stem", () => {
    expect(gradedBase("cutest")).toBe("cute");
    expect(gradedBase("finest")).toBe("fine");
    expect(gradedBase("rarest")).toBe("rare");
    // A doubled consonant keeps the short vowel, and a stem ending in two consonants has no lost e.
    expect(gradedBase("wettest")).toBe("wet");
    expect(gradedBase("darkest")).toBe("dark");
  });
});
