import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The client address that Crux's server (scripts/server.mjs, scripts/client-address.mjs) stamped
 * on the request: the socket's peer, or the forwarded address when TRUST_PROXY names the proxy.
 * Accepted only with a valid MAC under NEXTAUTH_SECRET, so a client cannot supply its own; a
 * request that did not come through that server (e.g. `next dev` run directly) is "unknown".
 */
export const CLIENT_ADDRESS_HEADER = "x-crux-client-address";
export const CLIENT_MAC_HEADER = "x-crux-client-mac";
export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

let warned = false;

/** The verified client address of a request (its rate-limiting identity), or "unknown". */
export function clientAddressOf(headers: HeaderSource, secret = process.env.NEXTAUTH_SECRET): string {
  const address = headerOf(headers, CLIENT_ADDRESS_HEADER);
  const mac = headerOf(headers, CLIENT_MAC_HEADER);
  if (address && mac && secret) {
    const expected = createHmac("sha256", secret).update(`crux-client-address:${address}`).digest();
    const given = Buffer.from(mac, "base64url");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return address;
  }
  if (!warned && process.env.NODE_ENV === "production") {
    warned = true;
    console.warn("[crux] a request arrived without a verified client address: serve Crux with `npm start` (scripts/server.mjs), not `next start`.");
  }
  return UNKNOWN_ADDRESS;
}
