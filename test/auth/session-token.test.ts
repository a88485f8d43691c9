// The session token with a cached key stays next-auth's format: tokens made by either side open on
// the other, a wrong secret or a tampered token is refused, and an expired one is refused.
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "@/lib/server/session-token";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const claims = { sub: "u1", uid: "u1", role: "student" as const, sv: 3, name: "Asha", email: "asha@crux.example" };

describe("session tokens", () => {
  it("open a token next-auth issued", async () => {
    const token = await encode({ token: claims, secret: SECRET });
    expect(await decodeSessionToken({ token, secret: SECRET })).toMatchObject(claims);
  });

  it("are tokens next-auth opens, with next-auth's claims", async () => {
    const token = await encodeSessionToken({ token: claims, secret: SECRET, maxAge: 60 });
    const payload = await decode({ token, secret: SECRET });
    expect(payload).toMatchObject(claims);
    expect(payload?.exp).toBe((payload?.iat as number) + 60);
    expect(payload?.jti).toEqual(expect.any(String));
  });

  it("refuse a token made with another secret", async () => {
    const token = await encode({ token: claims, secret: `${SECRET}-other` });
    await expect(decodeSessionToken({ token, secret: SECRET })).rejects.toThrow();
  });

  it("refuse a tampered token", async () => {
    const token = await encodeSessionToken({ token: claims, secret: SECRET });
    const parts = token.split(".");
    parts[3] = parts[3]!.startsWith("A") ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    await expect(decodeSessionToken({ token: parts.join("."), secret: SECRET })).rejects.toThrow();
  });

  it("refuse an expired token", async () => {
    const token = await encodeSessionToken({ token: claims, secret: SECRET, maxAge: -60 });
    await expect(decodeSessionToken({ token, secret: SECRET })).rejects.toThrow();
  });

  it("read no token as no session", async () => {
    expect(await decodeSessionToken({ token: undefined, secret: SECRET })).toBeNull();
  });
});
