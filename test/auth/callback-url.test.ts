import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it.each([
    ["/sets/abc?tab=cards#top", "/sets/abc?tab=cards#top"],
    ["/home", "/home"],
    [`${ORIGIN}/classes`, "/classes"],
    ["sets", "/sets"],
  ])("keeps the same-site destination %j", (value, expected) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(expected);
  });

  it.each([
    "/\\evil.example/phish", // what /signin?callbackUrl=/%5Cevil.example/phish decodes to
    "\\\\evil.example/phish",
    "//evil.example/phish",
    "/\t/evil.example",
    "https://evil.example/phish",
    "http://localhost:3000@evil.example/",
    "http://user:pass@localhost:3000/home",
    "javascript:alert(1)",
    "data:text/html,hi",
    "http://localhost:3001/home",
    "",
    "x".repeat(3000),
  ])("never lets %j send the browser off-site", (value) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe("/home");
  });

  it("takes the first of repeated parameters and ignores non-strings", () => {
    expect(safeCallbackPath(["/sets", "//evil.example"], ORIGIN)).toBe("/sets");
    expect(safeCallbackPath(undefined, ORIGIN)).toBe("/home");
    expect(safeCallbackPath({ href: "/sets" }, ORIGIN)).toBe("/home");
  });
});
