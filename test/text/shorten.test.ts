import { describe, expect, it } from "vitest";
import { shortenText } from "@/lib/text/shorten";

describe("shortenText", () => {
  it("keeps a text of at most the limit, and cuts a longer one to the limit with an ellipsis", () => {
    expect(shortenText("abcde", 5)).toBe("abcde");
    expect(shortenText("abcdef", 5)).toBe("abcd…");
  });

  it("never cuts a character in two: a surrogate pair, an emoji with its modifier, a letter with its accents", () => {
    // 88 letters, then a character of two code units at the cut.
    const text = `${"x".repeat(88)}𝒜 and more after it`;
    expect(shortenText(text, 90)).toBe(`${"x".repeat(88)}𝒜…`);
    expect(shortenText(`${"x".repeat(88)}👍🏽👍🏽 tail`, 90)).toBe(`${"x".repeat(88)}👍🏽…`);
    expect(shortenText(`${"x".repeat(88)}e\u0301\u0302 tail`, 90)).toBe(`${"x".repeat(88)}e\u0301\u0302…`);
  });

  it("counts characters, not code units: a text of emoji within the limit is whole", () => {
    const flags = "🇮🇳".repeat(50);
    expect(flags.length).toBe(200);
    expect(shortenText(flags, 90)).toBe(flags);
  });
});
