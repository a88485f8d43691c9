import { describe, expect, it } from "vitest";
import { decodeUploadedText } from "@/lib/material/encoding";

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("decodeUploadedText", () => {
  it("reads UTF-8, with or without its byte-order mark", () => {
    expect(decodeUploadedText(utf8("café in Zürich — “quoted” 🙂"), "a.txt")).toEqual({ text: "café in Zürich — “quoted” 🙂", encoding: "utf-8" });
    expect(decodeUploadedText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("plain")]), "a.txt").text).toBe("plain");
  });

  it("converts a Windows-1252 file instead of storing replacement characters", () => {
    const bytes = latin1("The caf\xe9 in Z\xfcrich charged \x805 for a \x93na\xefve\x94 coffee \x96 so the committee said on Tuesday.");
    const { text, encoding } = decodeUploadedText(bytes, "notes.txt");
    expect(encoding).toBe("windows-1252");
    expect(text).toBe("The café in Zürich charged €5 for a “naïve” coffee – so the committee said on Tuesday.");
    expect(text).not.toContain("\ufffd");
  });

  it("converts a short Latin-1 line", () => {
    expect(decodeUploadedText(latin1("caf\xe9 in Z\xfcrich"), "short.txt").text).toBe("café in Zürich");
  });

  it("reads UTF-16 with a byte-order mark", () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from("Zürich", "utf16le")]);
    expect(decodeUploadedText(le, "u16.txt").text).toBe("Zürich");
  });

  it("refuses a non-Western legacy encoding, naming the file", () => {
    const shiftJis = new Uint8Array([0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd, 0x90, 0xa2, 0x8a, 0x45, 0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd]);
    expect(() => decodeUploadedText(shiftJis, "japan.txt")).toThrow(/“japan\.txt” is not UTF-8 .*Shift_JIS/);
  });
});
