import { describe, expect, it } from "vitest";
import { isSameSiteRequest } from "@/lib/auth/origin";

const base = { method: "POST", origin: null, fetchSite: null, host: "localhost:3000", publicUrl: "https://crux.school.example" };

describe("isSameSiteRequest", () => {
  it.each([
    ["a same-host Origin", { origin: "http://localhost:3000" }, true],
    ["the configured public origin (behind a TLS proxy)", { origin: "https://crux.school.example", host: "127.0.0.1:3000" }, true],
    ["a cross-site Origin", { origin: "https://evil.example" }, false],
    ["a look-alike host", { origin: "http://localhost:3000.evil.example" }, false],
    ["another port on the same host", { origin: "http://localhost:4000" }, false],
    ["Origin: null (sandboxed frame)", { origin: "null" }, false],
    ["a garbage Origin", { origin: "not a url" }, false],
    ["no Origin but Sec-Fetch-Site: cross-site", { fetchSite: "cross-site" }, false],
    ["no Origin but Sec-Fetch-Site: same-site (a sibling subdomain)", { fetchSite: "same-site" }, false],
    ["no Origin, Sec-Fetch-Site: same-origin", { fetchSite: "same-origin" }, true],
    ["a non-browser client (neither header)", {}, true],
    ["a cross-site GET (reads change nothing)", { method: "GET", origin: "https://evil.example" }, true],
    ["a cross-site DELETE", { method: "delete", origin: "https://evil.example" }, false],
  ])("%s → %s", (_label, over, expected) => {
    expect(isSameSiteRequest({ ...base, ...over })).toBe(expected);
  });
});
