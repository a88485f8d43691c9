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

  it("keeps a name whose common-word lemma would be a stop word", () => {
    // "Canning" would otherwise be read as the modal "can" and drop out of matching.
    const t = tokenOf("Canning signed the treaty in the spring.", "Canning");
    expect(t?.lemma).toBe("canning");
    expect(t?.isStop).toBe(false);
  });

  it("keeps a first word that the texts it is read against capitalise in mid-sentence", () => {
    const context = "Most new homes were built in Lesser Poland, not in the south.";
    expect(analyze("Lesser Poland grew fastest.", undefined, context).tokens[0]?.lemma).toBe("lesser");
    // Without that context the same word is read as the comparative it looks like.
    expect(analyze("Lesser Poland grew fastest.").tokens[0]?.lemma).toBe("less");
  });

  it("gives a lower-case lemma when it reads a name as a common word", () => {
    for (const t of analyze("Chad lies south of Libya.").tokens.filter((u) => u.isWord)) expect(t.lemma).toBe(t.lemma.toLowerCase());
  });

  it("finds the first word of a sentence that follows a long run of word-less sentences", () => {
    const text = "? ".repeat(20000) + "Heavier carts need stronger oxen.";
    expect(tokenOf(text, "Heavier")?.lemma).toBe("heavy");
    expect(analyze(text).tokens.filter((t) => t.isWord).map((t) => t.lemma)).toEqual(["heavy", "cart", "need", "strong", "ox"]);
  });
});
