import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/nlp";

const tokenOf = (text: string, word: string) => analyze(text).tokens.find((t) => t.text === word);

describe("a capitalised first word the tagger reads as a name", () => {
  it.each([
    ["Mice carry the seeds away.", "Mice", "mouse"],
    ["Cold air sinks. Geese fly south in winter.", "Geese", "goose"],
    ["- Wolves hunt in packs", "Wolves", "wolf"],
    ["Heavier stones sink faster", "Heavier", "heavy"],
  ])("%s: %s is read as %s", (text, word, lemma) => {
    expect(tokenOf(text, word)?.lemma).toBe(lemma);
  });

  it("matches the common word elsewhere: a first-word comparative keys as its adjective", () => {
    expect(tokenOf("Heavier stones sink faster", "Heavier")?.key).toBe(analyze("a heavy stone").tokens[1]?.key);
  });

  it("keeps a name the text also capitalises in mid-sentence", () => {
    const tokens = analyze("Wells dug the first shaft. The town later thanked Wells for it.").tokens.filter((t) => t.text === "Wells");
    expect(tokens).toHaveLength(2);
    for (const t of tokens) expect(t.lemma).toBe("wells");
  });
});
