import "server-only";
import { hkdf } from "node:crypto";
import { randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/**
 * next-auth's session token format (a JWE, "dir" + A256GCM, keyed by HKDF-SHA256 of the secret —
 * next-auth/jwt's encode/decode) with the derived key computed once per secret instead of on every
 * request: next-auth derives it on each encode and decode, which was the largest single cost of a
 * signed-in request in `npm run bench:api --cpu-prof`. Tokens are interchangeable with next-auth's.
 */
const DEFAULT_MAX_AGE_SEC = 30 * 24 * 3600;
const keys = new Map<string, Promise<Uint8Array>>();

function encryptionKey(secret: string | Buffer, salt: string): Promise<Uint8Array> {
  const cacheKey = `${typeof secret === "string" ? secret : secret.toString("base64")}\u0000${salt}`;
  let key = keys.get(cacheKey);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Promise<Uint8Array>((resolve, reject) =>
      hkdf("sha256", secret, salt, info, 32, (error, derived) => (error ? reject(error) : resolve(new Uint8Array(derived)))),
    );
    keys.set(cacheKey, key);
  }
  return key;
}

/** Encrypts a session token (same claims as next-auth: iat, exp = now + maxAge seconds, a fresh jti). */
export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE_SEC, salt = "" }: JWTEncodeParams): Promise<string> {
  const nowSec = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token as JWTPayload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(nowSec)
    .setExpirationTime(nowSec + maxAge)
    .setJti(randomUUID())
    .encrypt(await encryptionKey(secret, salt));
}

/** Decrypts a session token; throws when it was not made with this secret or has expired (15 s tolerance, as next-auth). */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
