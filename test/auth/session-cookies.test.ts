import { afterEach, describe, expect, it, vi } from "vitest";

const original = process.env.NEXTAUTH_URL;
afterEach(() => {
  process.env.NEXTAUTH_URL = original;
  vi.resetModules();
});

async function authOptionsFor(publicUrl: string) {
  process.env.NEXTAUTH_URL = publicUrl;
  vi.resetModules();
  return (await import("@/lib/server/auth-options")).authOptions;
}

describe("session cookies", () => {
  it("are Secure when the app is served over HTTPS", async () => {
    expect((await authOptionsFor("https://crux.school.example")).useSecureCookies).toBe(true);
  });

  it("are not marked Secure on plain HTTP (a browser would drop them)", async () => {
    expect((await authOptionsFor("http://localhost:3000")).useSecureCookies).toBe(false);
  });

  it("last thirty days and are JWTs carrying the session version", async () => {
    const options = await authOptionsFor("http://localhost:3000");
    expect(options.session).toMatchObject({ strategy: "jwt", maxAge: 30 * 24 * 3600 });
    const token = await options.callbacks!.jwt!({ token: {}, user: { id: "u1", role: "student", sessionVersion: 4, email: "a@b.c" }, account: null } as never);
    expect(token).toMatchObject({ uid: "u1", role: "student", sv: 4 });
  });
});
