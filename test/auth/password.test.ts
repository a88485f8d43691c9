import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { checkNewPassword } from "@/lib/auth/password-policy";

describe("password hashing", () => {
  it("stores argon2id, never the password", async () => {
    const stored = await hashPassword("river lamp quiet 74");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain("river");
    expect(needsRehash(stored)).toBe(false);
  });

  it("counts every byte: a 73-byte password with a different last byte does not match", async () => {
    const base = "x".repeat(72);
    expect(Buffer.byteLength(`${base}a`)).toBe(73);
    const stored = await hashPassword(`${base}a`);
    expect(await verifyPassword(`${base}a`, stored)).toBe(true);
    expect(await verifyPassword(`${base}b`, stored)).toBe(false);
    expect(await verifyPassword(base, stored)).toBe(false);
  });

  it("counts every byte of a long multi-byte password too", async () => {
    const base = "पासवर्ड".repeat(12); // well past 72 bytes in UTF-8
    const stored = await hashPassword(`${base}1`);
    expect(await verifyPassword(`${base}2`, stored)).toBe(false);
    expect(await verifyPassword(`${base}1`, stored)).toBe(true);
  });

  it("still verifies an earlier bcrypt hash, and asks for it to be replaced", async () => {
    const legacy = await bcrypt.hash("correct horse battery", 4);
    expect(await verifyPassword("correct horse battery", legacy)).toBe(true);
    expect(await verifyPassword("correct horse batterz", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it("never matches a malformed or empty stored hash", async () => {
    expect(await verifyPassword("anything", "")).toBe(false);
    expect(await verifyPassword("anything", "$argon2id$v=19$broken")).toBe(false);
    expect(await verifyPassword("anything", "plain-text")).toBe(false);
  });
});

describe("new password policy", () => {
  it.each([
    ["password", /heavily used.*Try three or four unrelated words/],
    ["12345678", /heavily used.*Try three or four unrelated words/],
    ["        ", /not just spaces/],
    ["qwertyuiop", /./],
    ["short1!", /at least 8 characters/],
    ["Priya2026!", /./],
  ])("refuses %j with a clear reason", (password, reason) => {
    const verdict = checkNewPassword(password, ["Priya Sharma", "priya@example.com"]);
    expect(verdict.isAcceptable).toBe(false);
    if (!verdict.isAcceptable) expect(verdict.problem).toMatch(reason);
  });

  it.each(["river lamp quiet 74", "Tr0ub4dor&3-horse", "crux-student-2026"])("accepts %j", (password) => {
    expect(checkNewPassword(password, ["Priya Sharma", "priya@example.com"])).toEqual({ isAcceptable: true });
  });

  it("refuses a password over the length limit", () => {
    expect(checkNewPassword("a-long-passphrase ".repeat(12)).isAcceptable).toBe(false);
  });
});
