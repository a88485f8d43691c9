#!/usr/bin/env node
// Crux's HTTP server: serves the Next.js build (or, with --dev, the development server) from Node's
// own http server, so that each request carries its real client address — the socket's peer, or
// with TRUST_PROXY the address that a named reverse proxy forwarded (scripts/client-address.mjs).
// `next start` gives route handlers headers only, never the socket. It also reads request bodies
// itself first, counted against the cap of where they go, so an oversized one is cut off while it
// streams (Next.js's proxy would read it whole first) and a malformed server-action body gets a
// 400 rather than Next.js's 500 (scripts/request-body.mjs). `npm start`, `npm run app` and the browser tests all serve through here.
//
//   node scripts/server.mjs [--dev] [-p PORT] [-H HOSTNAME]      (PORT / HOSTNAME from the environment too)
import "./load-env.mjs";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { actionBodyProblem, bodyLimitFor, readBodyWithin, refuseRequest, withBody } from "./request-body.mjs";
import { compileTrustProxy, stampClientAddress } from "./client-address.mjs";
import { ensureWritableDataDir } from "./data-dir.mjs";
import { projectRoot } from "./load-env.mjs";

function fail(message) {
  console.error(`✖ ${message}`);
  process.exit(1);
}

const { values } = parseArgs({
  options: { dev: { type: "boolean", default: false }, port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const dev = values.dev;
process.env.NODE_ENV ??= dev ? "development" : "production";
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`Not a port number: ${values.port ?? process.env.PORT}`);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;

const secret = process.env.NEXTAUTH_SECRET;
if (!secret) fail("NEXTAUTH_SECRET is not set. `npm run app` generates one; in production set your own (see .env.example).");

let trust;
try {
  trust = compileTrustProxy(process.env.TRUST_PROXY);
} catch (e) {
  fail(e.message);
}

if (!process.env.DATABASE_URL) {
  try {
    ensureWritableDataDir(path.resolve(projectRoot, process.env.CRUX_DATA_DIR || ".data"));
  } catch (e) {
    fail(e.message);
  }
}

const { default: next } = await import("next");
const app = next({ dev, dir: projectRoot, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

/** Hands a request to Next.js, its body read and checked first within the cap of where it goes (scripts/request-body.mjs). */
async function serve(req, res) {
  let request = req;
  const limit = bodyLimitFor(req);
  if (limit) {
    const read = await readBodyWithin(req, limit.bytes);
    if (!read.ok) {
      const refusal = read.status === 413 ? limit : { message: "The request broke off before it was complete. Nothing was saved." };
      return refuseRequest(res, read.status, refusal, read.isCutOff);
    }
    const problem = typeof req.headers["next-action"] === "string" ? await actionBodyProblem(req.headers, read.body) : null;
    if (problem) return refuseRequest(res, 400, { message: `${problem} Nothing was saved.` }, false);
    request = withBody(req, read.body);
  }
  stampClientAddress(request, trust, secret);
  await handle(request, res);
}

const server = createServer((req, res) => {
  serve(req, res).catch((e) => {
    console.error("[crux] request failed before the app could answer", e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
if (dev) {
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => {
    stampClientAddress(req, trust, secret);
    upgrade(req, socket, head).catch(() => socket.destroy());
  });
}
server.on("error", (e) => fail(`Cannot listen on ${hostname ?? "all interfaces"}:${port}: ${e.code ?? e.message}`));
server.listen(port, hostname, () => {
  console.log(`▶ Crux ${dev ? "(development) " : ""}listening on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
    // lib/db closes the database on the same signals and exits; this is the backstop.
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
