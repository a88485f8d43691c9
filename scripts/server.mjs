#!/usr/bin/env node
// Crux's HTTP server: serves the Next.js build (or, with --dev, the development server) from Node's
// own http server, so that each request carries its real client address — the socket's peer, or
// with TRUST_PROXY the address that a named reverse proxy forwarded (scripts/client-address.mjs).
// `next start` gives route handlers headers only, never the socket. It also reads request bodies
// itself first, counted against the cap of where they go, so an oversized one is cut off while it
// streams (Next.js's proxy would read it whole first) and a malformed server-action body gets a
// 400 rather than Next.js's 500 (scripts/request-body.mjs). `npm start`, `npm run app` and the browser tests all serve through here.
//
// With DATABASE_URL it runs WEB_CONCURRENCY processes (default: one per core) with node:cluster,
// all on the one port (scripts/web-concurrency.mjs says why and when): this primary process only
// forks the workers, restarts one that dies and, on SIGTERM or SIGINT, stops them all and exits
// once they have. On the embedded database, and with --dev, it serves in this one process.
//
//   node scripts/server.mjs [--dev] [-p PORT] [-H HOSTNAME]      (PORT / HOSTNAME from the environment too)
import "./load-env.mjs";
import cluster from "node:cluster";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { authSecretFor } from "./auth-secret.mjs";
import { actionBodyProblem, bodyLimitFor, readBodyWithin, refuseRequest, withBody } from "./request-body.mjs";
import { compileTrustProxy, stampClientAddress } from "./client-address.mjs";
import { ensureWritableDataDir } from "./data-dir.mjs";
import { DataFolderInUseError, dataFolderHolder } from "./data-folder-lock.mjs";
import { projectRoot } from "./load-env.mjs";
import { webConcurrency } from "./web-concurrency.mjs";

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

// NEXTAUTH_SECRET, else on the embedded database the secret `npm run app` generated into the data folder
// (scripts/auth-secret.mjs); the app itself (next-auth, lib/server/session.ts) reads it from the environment.
const auth = authSecretFor(process.env, path.resolve(projectRoot, process.env.CRUX_DATA_DIR || ".data"));
if (auth.problem) fail(auth.problem);
const secret = auth.secret;
process.env.NEXTAUTH_SECRET = secret;

let trust;
try {
  trust = compileTrustProxy(process.env.TRUST_PROXY);
} catch (e) {
  fail(e.message);
}

if (!process.env.DATABASE_URL) {
  const dataDir = path.resolve(projectRoot, process.env.CRUX_DATA_DIR || ".data");
  try {
    ensureWritableDataDir(dataDir);
  } catch (e) {
    fail(e.message);
  }
  // The embedded database is one process's (scripts/data-folder-lock.mjs): a folder another live process
  // holds stops this server before it listens. (The app takes the lock itself when it opens the database.)
  const pgliteDir = path.join(dataDir, "pglite");
  const holder = dataFolderHolder(pgliteDir);
  if (holder) fail(new DataFolderInUseError(pgliteDir, holder, false).message);
}

let concurrency;
try {
  concurrency = webConcurrency(process.env, { dev });
} catch (e) {
  fail(e.message);
}
if (concurrency.note) console.warn(`[crux] ${concurrency.note}`);
const where = `http://${hostname ?? "localhost"}:${port}`;

if (concurrency.workers > 1 && cluster.isPrimary) {
  runPrimary(concurrency.workers);
} else {
  await serveHere();
}

/**
 * The cluster's primary: forks `count` workers and keeps that many running. A worker that dies after
 * it was listening is replaced (after a second if it lived less than ten, so a crash loop does not
 * spin); one that dies before it ever listened (port taken, build missing, database unreachable)
 * stops the whole server with its exit code, as a single process would have. SIGTERM/SIGINT: each
 * worker is sent SIGTERM and closes as a single process does; the primary exits when all have
 * (SIGKILL to any left after 10 s).
 */
function runPrimary(count) {
  let isStopping = false;
  let listening = 0;
  let isServing = false;
  const startedAt = new Map();
  const hasListened = new Set();
  /** Workers whose process has not exited yet, counted here: cluster.workers drops a worker on exit or disconnect, in either order. */
  const live = new Map();

  function fork() {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    live.set(worker.id, worker);
  }

  function stopAll(exitCode) {
    if (isStopping) return;
    isStopping = true;
    process.exitCode = exitCode;
    const done = () => process.exit(exitCode);
    if (live.size === 0) return done();
    for (const worker of live.values()) worker.process.kill("SIGTERM");
    const backstop = setTimeout(() => {
      for (const worker of live.values()) worker.process.kill("SIGKILL");
      done();
    }, 10_000);
    cluster.on("exit", () => {
      if (live.size > 0) return;
      clearTimeout(backstop);
      done();
    });
  }

  cluster.on("listening", (worker) => {
    if (hasListened.has(worker.id)) return;
    hasListened.add(worker.id);
    if (++listening === count) {
      isServing = true;
      console.log(`▶ Crux listening on ${where} (${count} server processes)`);
    }
  });
  // Registered before stopAll's own listener, so `live` is current when that one runs.
  cluster.prependListener("exit", (worker) => live.delete(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    if (isStopping) return;
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    // At start-up a process that dies before listening (port taken, build missing) stops Crux, as a
    // single process would; once Crux has served, a replacement that fails early is retried (below).
    if (!hasListened.has(worker.id) && !isServing) {
      console.error(`✖ A server process stopped before it was serving (${how}); stopping Crux.`);
      return stopAll(code || 1);
    }
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    hasListened.delete(worker.id);
    console.error(`[crux] server process ${worker.process.pid} stopped (${how}); starting another.`);
    if (lived < 10_000) setTimeout(() => !isStopping && fork(), 1000);
    else fork();
  });
  for (let i = 0; i < count; i++) fork();
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => stopAll(0));
}

/** Serves on this process's own event loop: the only process, or one of the cluster's workers. */
async function serveHere() {
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
    // A cluster's primary announces the server once every worker listens.
    if (cluster.isPrimary) console.log(`▶ Crux ${dev ? "(development) " : ""}listening on ${where}`);
  });

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      server.close();
      server.closeIdleConnections();
      // lib/db closes the database on the same signals and exits; this is the backstop.
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}
