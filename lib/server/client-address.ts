import "server-only";
import { timingSafeEqual } from "node:crypto";
import { CLIENT_ADDRESS_HEADER, CLIENT_MAC_HEADER, macOf } from "@/scripts/client-address.mjs";

/**
 * The client address that Crux's server (scripts/server.mjs, scripts/client-address.mjs) stamped
 * on the request: the socket's peer, or the forwarded address when TRUST_PROXY names the proxy.
 * Accepted only with a valid MAC under NEXTAUTH_SECRET, so a client cannot supply its own; a
 * request that did not come through that server (e.g. `next start` run directly) is "unknown".
 */
export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

let hasWarned = false;

/** The verified client address of a request (its rate-limiting identity), or "unknown". */
export function clientAddressOf(headers: HeaderSource, secret = process.env.NEXTAUTH_SECRET): string {
  const address = headerOf(headers, CLIENT_ADDRESS_HEADER);
  const mac = headerOf(headers, CLIENT_MAC_HEADER);
  if (address && mac && secret) {
    const expected = Buffer.from(macOf(address, secret));
    const given = Buffer.from(mac);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return address;
  }
  if (!hasWarned && process.env.NODE_ENV === "production") {
    hasWarned = true;
    console.warn("[crux] a request arrived without a verified client address: serve Crux with `npm start` (scripts/server.mjs), not `next start`.");
  }
  return UNKNOWN_ADDRESS;
}
