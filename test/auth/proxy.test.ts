import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const BASE = "http://localhost:3000";
const post = (path: string, headers: Record<string, string>) => new NextRequest(`${BASE}${path}`, { method: "POST", headers: { host: "localhost:3000", ...headers } });
const isPassedOn = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe("proxy: cross-site requests to route handlers", () => {
  it("refuses a POST to /api/study-sets from another site, with a clear JSON message", async () => {
    const response = proxy(post("/api/study-sets", { origin: "https://evil.example", cookie: "next-auth.session-token=x" }));
    expect(response.status).toBe(403);
    expect((await response.json()) as unknown).toMatchObject({ ok: false, error: expect.stringMatching(/another site/) as unknown });
  });

  it.each(["/api/jobs/abc", "/api/auth/callback/credentials", "/api/anything-added-later"])("refuses a cross-site POST to %s too", (path) => {
    expect(proxy(post(path, { origin: "https://evil.example" })).status).toBe(403);
  });

  it("passes a same-site POST and a cross-site GET on to the handler", () => {
    expect(isPassedOn(proxy(post("/api/study-sets", { origin: BASE })))).toBe(true);
    expect(isPassedOn(proxy(new NextRequest(`${BASE}/api/jobs/abc`, { headers: { origin: "https://evil.example" } })))).toBe(true);
  });
});

describe("proxy: pages", () => {
  it("sends a signed-out visit to an app page to sign-in, remembering where it was going", () => {
    const response = proxy(new NextRequest(`${BASE}/sets/abc?tab=cards`));
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location")!).searchParams.get("callbackUrl")).toBe("/sets/abc?tab=cards");
  });

  it("passes a signed-out server action's POST on, so the action answers that the session has ended instead of a sign-in page the client cannot read", () => {
    const response = proxy(post("/review", { origin: BASE, "next-action": "7f3a9c" }));
    expect(response.status).toBe(200);
    expect(isPassedOn(response)).toBe(true);
  });

  it("still sends a signed-out POST that is no server action to sign-in", () => {
    expect(proxy(post("/review", { origin: BASE })).status).toBe(307);
  });

  it.each(["/classes/c1/overview", "/classes/c1/assignments/a1/points/p1", "/classes/c1/to-check", "/attempts/t1"])("sends a signed-out visit to the teacher page %s to sign-in", (path) => {
    const response = proxy(new NextRequest(`${BASE}${path}`));
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/signin");
  });

  it("gives every page a Content-Security-Policy with a fresh nonce, and hands the nonce to the render", () => {
    const first = proxy(new NextRequest(`${BASE}/signin`));
    const second = proxy(new NextRequest(`${BASE}/signin`));
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toBe(second.headers.get("content-security-policy"));
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });
});

describe("proxy: unsafe URL segments", () => {
  it.each([
    ["a NUL in a gradebook id", "/classes/c1/assignments/a%00b"],
    ["a lone surrogate (CESU-8 bytes)", "/sets/%ED%A0%80"],
    ["malformed percent-encoding", "/attempts/%E0%A4%A"],
    ["a bidi override", "/classes/%E2%80%AEabc"],
  ])("answers 404 before anything runs for %s", (_what, path) => {
    const response = proxy(new NextRequest(`${BASE}${path}`, { headers: { cookie: "next-auth.session-token=x" } }));
    expect(response.status).toBe(404);
    expect(isPassedOn(response)).toBe(false);
  });

  it("answers a route handler's unsafe path with JSON", async () => {
    const response = proxy(new NextRequest(`${BASE}/api/assignments/a%00/csv`, { headers: { cookie: "next-auth.session-token=x" } }));
    expect(response.status).toBe(404);
    expect((await response.json()) as unknown).toMatchObject({ ok: false });
  });

  it("passes ordinary and non-Latin segments on", () => {
    const response = proxy(new NextRequest(`${BASE}/sets/${encodeURIComponent("ज़ो-📚")}`, { headers: { cookie: "next-auth.session-token=x" } }));
    expect(isPassedOn(response)).toBe(true);
  });
});
