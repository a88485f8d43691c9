import { describe, expect, it } from "vitest";
import { hasUnsafeText, MAX_MARKS_PER_CHARACTER, normalizeNameText, normalizePersonName, normalizeUntrustedText, untrustedName, untrustedPersonName, untrustedString } from "@/lib/text/untrusted";

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

describe("normalizeNameText", () => {
  it.each([
    ["a right-to-left override opening a title", "\u202eQuiz 1", "Quiz 1"],
    ["left-to-right and right-to-left marks", "\u200eQuiz\u200f 1", "Quiz 1"],
    ["the Arabic letter mark", "Batch\u061c A", "Batch A"],
    ["zero-width spaces, word joiners and the byte-order mark", "\ufeffQu\u200biz\u2060 1", "Quiz 1"],
    ["a soft hyphen", "Ethics\u00ad batch", "Ethics batch"],
    ["hidden tag characters", "Quiz\u{E0041}\u{E0042} 1", "Quiz 1"],
    ["a joiner between Latin letters, beside a space or at an end", "\u200dQu\u200diz \u200c1\u200d", "Quiz 1"],
    ["blank Hangul and Braille letters", "\u3164\u2800\uffa0", ""],
    ["line breaks, tabs and runs of spaces", "Week\n\t 2   quiz", "Week 2 quiz"],
    ["the combining grapheme joiner, the object replacement character and Khmer's invisible vowels", "Qu\u034Fiz\uFFFC \u17B41\u17B5", "Quiz 1"],
    ["a joiner after an emoji's variation selector at an end", "Coders \u2764\uFE0F\u200D", "Coders \u2764\uFE0F"],
  ])("strips %s", (_label, input, expected) => {
    expect(normalizeNameText(input)).toBe(expected);
  });

  it.each([
    ["an emoji ZWJ sequence and a variation selector", "👩‍💻 Coders ❤️ 🏳️‍🌈"],
    ["an emoji flag made of tags", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} team"],
    ["a Persian zero-width non-joiner", "می\u200cخواهم"],
    ["a Devanagari half form's joiner", "क्\u200dष batch"],
    ["Devanagari half forms' joiner and non-joiner at a word's end", "क्\u200d क्\u200c"],
    ["Malayalam's legacy chillu spelling before a space and at the end", "അരുണ്\u200d കുമാര്\u200d"],
    ["a Sinhala conjunct's joiner at the end", "ශ්\u200d"],
    ["Urdu and Hindi", "پاکستان اور भारत"],
    ["the visible Arabic number sign", "\u0600١٢"],
  ])("keeps %s", (_label, input) => {
    expect(normalizeNameText(input)).toBe(input.normalize("NFC"));
  });

  it("makes a name of invisible characters alone empty, so a minimum length refuses it", () => {
    const name = untrustedName().trim().min(1, "Enter your name.");
    expect(name.safeParse("\u202e\u200f\u3164 \u200b").success).toBe(false);
    expect(name.parse(" \u202eAsha\u200f  Verma ")).toBe("Asha Verma");
  });

  it.each([
    ["combining grapheme joiners", "\u034F\u034F\u034F"],
    ["object replacement characters", "\uFFFC\uFFFC\uFFFC"],
    ["Khmer's invisible vowels", "\u17B4\u17B5\u17B4"],
    ["lone combining marks", "\u0301\u0302\u0303"],
    ["a lone combining mark", "\u0301"],
    ["a joiner after a lone virama", "\u0D4D\u200D"],
  ])("refuses a name of %s, though it is long enough", (_label, input) => {
    const title = untrustedName().trim().min(1, "Name the set.");
    const result = title.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/at least one letter or number|Name the set/);
  });

  it("accepts a name with a letter, a digit or a symbol, and an empty optional one", () => {
    const title = untrustedName().trim().max(10, "Too long.").optional();
    for (const ok of ["അരുണ്\u200d", "7", "🙂", "", undefined]) expect(title.safeParse(ok).success).toBe(true);
    expect(title.safeParse("\u0301 ").error?.issues[0]?.message).toBe("Use at least one letter or number.");
  });
});

describe("a person's name (untrustedPersonName)", () => {
  const parse = (name: string) => untrustedPersonName().trim().safeParse(name);

  it.each([
    ["full-width letters", "ｋｉｒａｎ ｒａｏ", "kiran rao"],
    ["a ligature", "Raﬁq", "Rafiq"],
    ["styled mathematical letters", "\u{1D40A}iran", "Kiran"],
    ["a line separator", "A\u2028B", "A B"],
    ["a name already plain", "Zoë Ødegaard", "Zoë Ødegaard"],
    ["Devanagari with a vowel sign and a nasal mark", "कैं", "कैं"],
    ["Malayalam's chillu (consonant, virama, joiner)", "അരുണ്\u200d", "അരുണ്\u200d"],
  ])("keeps %s in compatibility form (NFKC), as at sign-up and when it is changed", (_label, input, expected) => {
    expect(parse(input)).toMatchObject({ success: true, data: expected });
    expect(normalizePersonName(input)).toBe(expected);
  });

  it(`refuses a letter under more than ${MAX_MARKS_PER_CHARACTER} marks in a row, with a message saying so`, () => {
    const piled = parse(`A${"\u0301".repeat(99)}`);
    expect(piled.success).toBe(false);
    expect(piled.error?.issues[0]?.message).toBe(`Use at most ${MAX_MARKS_PER_CHARACTER} accents or marks on one letter.`);
    // Counted once composed: "A" + acute is "Á", so four marks on an "A" leave three.
    expect(parse(`x${"\u0301\u0302\u0303"}`).success).toBe(true);
    expect(parse(`A${"\u0301\u0302\u0303\u0304"}`).success).toBe(true);
    expect(parse(`x${"\u0301\u0302\u0303\u0304"}`).success).toBe(false);
  });

  it("leaves titles to untrustedName, which keeps what NFKC would flatten", () => {
    expect(untrustedName().parse("H₂O and ½")).toBe("H₂O and ½");
  });
});
