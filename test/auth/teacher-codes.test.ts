import { describe, expect, it } from "vitest";
import { formatTeacherCode, hashTeacherCode, normalizeTeacherCode, teacherCodeHint } from "@/lib/auth/teacher-codes";

const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);

describe("teacher codes", () => {
  it("reads as four groups of four after a prefix, with no 0/O or 1/I look-alikes", () => {
    const code = formatTeacherCode(bytes);
    expect(code).toMatch(/^TCH(-[2-9A-HJ-NP-Z]{4}){4}$/);
  });

  it("is recognised however it is typed", () => {
    const code = formatTeacherCode(bytes);
    const typed = code.toLowerCase().replace(/-/g, " ");
    expect(hashTeacherCode(typed)).toBe(hashTeacherCode(code));
    expect(hashTeacherCode(normalizeTeacherCode(code))).toBe(hashTeacherCode(code));
    expect(teacherCodeHint(code)).toBe(code.slice(-4));
  });

  it("gives different codes different hashes, and never stores the code itself", () => {
    const other = formatTeacherCode(Uint8Array.from({ length: 16 }, (_, i) => i * 13));
    expect(hashTeacherCode(other)).not.toBe(hashTeacherCode(formatTeacherCode(bytes)));
    expect(hashTeacherCode(other)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("needs enough randomness", () => {
    expect(() => formatTeacherCode(new Uint8Array(8))).toThrow(/16 random bytes/);
  });
});
