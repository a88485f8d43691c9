import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { JWT } from "next-auth/jwt";
import { cache } from "react";
import { AppError } from "../errors";
import type { Role } from "../auth/schemas";
import { getSessionUser, type UserRecord } from "../db/users";
import { isServedOverHttps, SESSION_MAX_AGE_SEC } from "./auth-options";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

/** A token older than this is re-issued (where a response can set cookies), so an active session keeps rolling as next-auth's does. */
const REISSUE_AFTER_SEC = 24 * 3600;

/** The session cookie's value; next-auth splits a token over 4 kB into `name.0`, `name.1`, …. */
function sessionCookieValue(jar: Awaited<ReturnType<typeof cookies>>, name: string): string | undefined {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .flatMap((c) => (c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)) ? [{ i: Number(c.name.slice(name.length + 1)), value: c.value }] : []))
    .sort((a, b) => a.i - b.i);
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

async function reissue(jar: Awaited<ReturnType<typeof cookies>>, name: string, token: JWT, secret: string, isSecure: boolean): Promise<void> {
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  const value = await encodeSessionToken({ token: claims, secret, maxAge: SESSION_MAX_AGE_SEC });
  try {
    jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: isSecure, expires: new Date(Date.now() + SESSION_MAX_AGE_SEC * 1000) });
  } catch {
    // A server component cannot set cookies; the next action or route handler re-issues it.
  }
}

/**
 * The signed-in user, re-read from the database once per request (pages, actions and route
 * handlers all come through here; React's cache shares it between a page and its layout); null
 * when signed out, when the account is gone, or when the token's session version is no longer the
 * account's (signed out elsewhere, password changed). The token is next-auth's session JWT, read
 * directly: next-auth's getServerSession would also re-read the account in its jwt callback and
 * re-encrypt the token on every call.
 */
export const getCurrentUser = cache(async (): Promise<UserRecord | null> => {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const isSecure = isServedOverHttps();
  const name = `${isSecure ? "__Secure-" : ""}next-auth.session-token`;
  const jar = await cookies();
  const raw = sessionCookieValue(jar, name);
  if (!raw) return null;
  let token: JWT | null;
  try {
    token = await decodeSessionToken({ token: raw, secret });
  } catch {
    return null; // not ours, tampered with, or expired
  }
  if (!token?.uid) return null;
  const found = await getSessionUser(token.uid);
  if (!found || found.sessionVersion !== (token.sv ?? -1)) return null;
  const iat = typeof token.iat === "number" ? token.iat : 0;
  if (Date.now() / 1000 - iat > REISSUE_AFTER_SEC) await reissue(jar, name, token, secret, isSecure);
  return found.user;
});

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<UserRecord> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}

/** For actions and route handlers: the signed-in user, or an UNAUTHENTICATED AppError. */
export async function requireActor(roles?: readonly Role[]): Promise<UserRecord> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (roles && !roles.includes(user.role)) throw new AppError("FORBIDDEN", "Your account cannot do that.");
  return user;
}
