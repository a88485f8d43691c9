import { describe, expect, it } from "vitest";
import { hasUnsafeText, normalizeUntrustedText, untrustedString } from "@/lib/text/untrusted";

describe("normalizeUntrustedText", () => {
  it.each([
    ["NUL", "a\u0000b", "ab"],
    ["other C0 controls and DEL", "a\u0001\u0007\u000b\u000c\u001b\u007fb", "ab"],
    ["a lone high surrogate", "a\ud83db", "ab"],
    ["a lone low surrogate", "a\ude00b", "ab"],
    ["a trailing high surrogate", "ab\ud83d", "ab"],
    ["bidi overrides and isolates", "\u202eevil\u202c \u2066x\u2069", "evil x"],
  ])("strips %s", (_label, input, expected) => {
    expect(normalizeUntrustedText(input)).toBe(expected);
  });

  it.each([
    ["tab, line feed and carriage return", "a\tb\r\nc"],
    ["emoji with zero-width joiners and variation selectors", "family 👨‍👩‍👧 and ❤️ and 🏳️‍🌈"],
    ["a valid surrogate pair", "𝔸 is U+1D538"],
    ["right-to-left text with its marks", "Urdu: پاکستان\u200f and Hindi: भारत"],
    ["zero-width non-joiner", "می\u200cخواهم"],
  ])("keeps %s", (_label, input) => {
    expect(normalizeUntrustedText(input)).toBe(input.normalize("NFC"));
  });

  it("puts text in normalisation form C", () => {
    expect(normalizeUntrustedText("cafe\u0301")).toBe("café");
  });

  it("reports whether text carries anything it would strip", () => {
    expect(hasUnsafeText("plain")).toBe(false);
    expect(hasUnsafeText("bad\u0000")).toBe(true);
    expect(hasUnsafeText("plain again")).toBe(false);
  });
});

describe("untrustedString", () => {
  it("normalises before later checks, so a name of controls alone is empty", () => {
    const name = untrustedString().trim().min(1, "Enter your name.");
    expect(name.safeParse("\u0000\u0001 ").success).toBe(false);
    expect(name.parse(" Asha\u0000 Verma 🙂 ")).toBe("Asha Verma 🙂");
  });
});
