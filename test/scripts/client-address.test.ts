import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { addressKey, compileTrustProxy, stampClientAddress } from "@/scripts/client-address.mjs";
import { clientAddressOf } from "@/lib/server/client-address";

const SECRET = "test-secret-0123456789";

/** A request as Node's http server hands it over: a socket with a peer address, and headers. */
function request(remoteAddress: string, headers: Record<string, string> = {}): IncomingMessage {
  const socket = Object.assign(new EventEmitter(), { remoteAddress });
  return Object.assign(new EventEmitter(), { socket, connection: socket, headers: { ...headers } }) as unknown as IncomingMessage;
}

function addressSeenByApp(req: IncomingMessage, trustProxy?: string): string {
  stampClientAddress(req, compileTrustProxy(trustProxy), SECRET);
  return clientAddressOf(req.headers, SECRET);
}

describe("the client address the app sees", () => {
  it("is the socket's peer, whatever X-Forwarded-For claims", () => {
    expect(addressSeenByApp(request("127.0.0.2", { "x-forwarded-for": "203.0.113.9" }))).toBe("127.0.0.2");
    expect(addressSeenByApp(request("::ffff:127.0.0.1", { "x-forwarded-for": "10.0.0.1, 10.0.0.2" }))).toBe("127.0.0.1");
  });

  it("replaces a client's own copy of the address headers", () => {
    const forged = request("192.0.2.7", { "x-crux-client-address": "198.51.100.1", "x-crux-client-mac": "forged" });
    expect(addressSeenByApp(forged)).toBe("192.0.2.7");
  });

  it("believes X-Forwarded-For only from a proxy TRUST_PROXY names, and only up to the first untrusted hop", () => {
    expect(addressSeenByApp(request("127.0.0.1", { "x-forwarded-for": "203.0.113.9" }), "loopback")).toBe("203.0.113.9");
    expect(addressSeenByApp(request("10.1.2.3", { "x-forwarded-for": "203.0.113.9" }), "loopback")).toBe("10.1.2.3");
    // A client that prepends a forged hop is still identified by the address the proxy saw.
    expect(addressSeenByApp(request("127.0.0.1", { "x-forwarded-for": "1.2.3.4, 203.0.113.9" }), "127.0.0.1")).toBe("203.0.113.9");
    expect(addressSeenByApp(request("127.0.0.1", { "x-forwarded-for": "203.0.113.9" }), "false")).toBe("127.0.0.1");
  });

  it("groups IPv6 clients by their /64 network", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:bbbb::9")).toBe("2001:db8:1:2::/64");
    expect(addressKey(undefined)).toBe("unknown");
  });

  it("is unknown when the headers were not stamped by Crux's server (or the MAC is wrong)", () => {
    expect(clientAddressOf({ "x-crux-client-address": "198.51.100.1" }, SECRET)).toBe("unknown");
    const req = request("192.0.2.8");
    stampClientAddress(req, compileTrustProxy(undefined), "another-secret");
    expect(clientAddressOf(req.headers, SECRET)).toBe("unknown");
  });

  it("refuses a TRUST_PROXY that is not a list of addresses", () => {
    expect(() => compileTrustProxy("my-load-balancer")).toThrow(/TRUST_PROXY/);
  });
});
