// The client address of each request, as only the server that owns the socket can know it, handed
// to the app in two request headers that no client can forge:
//   x-crux-client-address  the address (IPv4, or an IPv6 /64 network — one home or phone gets a whole /64)
//   x-crux-client-mac      HMAC-SHA256 of it under NEXTAUTH_SECRET
// Any copy of either header a client sent is replaced. The app (lib/server/client-address.ts)
// accepts the address only with a valid MAC, so running `next start` directly, without this
// server, cannot be abused by a client sending its own header.
//
// TRUST_PROXY names the reverse proxies whose X-Forwarded-For may be believed (proxy-addr's syntax:
// addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`, comma-separated). Unset, the
// socket's peer address is the client and X-Forwarded-For is ignored.
import { createHmac } from "node:crypto";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";

export const CLIENT_ADDRESS_HEADER = "x-crux-client-address";
export const CLIENT_MAC_HEADER = "x-crux-client-mac";

/** Compiles TRUST_PROXY into proxy-addr's trust function; throws a readable Error when invalid. */
export function compileTrustProxy(value) {
  const list = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (list.length === 0 || (list.length === 1 && ["false", "0", "no", "none"].includes(list[0].toLowerCase()))) return () => false;
  try {
    return proxyaddr.compile(list);
  } catch (e) {
    throw new Error(`TRUST_PROXY is not a list of proxy addresses (${e instanceof Error ? e.message : String(e)}): ${value}`);
  }
}

/** The rate-limiting identity of an address: IPv4 as is (mapped IPv6 unwrapped), IPv6 as its /64 network. */
export function addressKey(address) {
  if (!address || !ipaddr.isValid(address)) return "unknown";
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = parsed.toNormalizedString().split(":").slice(0, 4);
  return `${parts.join(":")}::/64`;
}

export function macOf(address, secret) {
  return createHmac("sha256", secret).update(`crux-client-address:${address}`).digest("base64url");
}

/** Replaces the client-address headers of an incoming request with the real, signed address. */
export function stampClientAddress(req, trust, secret) {
  const address = addressKey(proxyaddr(req, trust));
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  req.headers[CLIENT_MAC_HEADER] = macOf(address, secret);
  return address;
}
