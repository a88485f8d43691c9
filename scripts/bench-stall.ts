/**
 * npm run bench:stall — does long work stall the server? Starts Crux's server (scripts/server.mjs on
 * the existing production build, `npm run build` first) on a fresh seeded embedded database, signs in
 * as the demo teacher, and samples a light request (the sign-in page's CSRF endpoint) every 100 ms:
 * first with nothing running, then while a 5 MB study set is uploaded and generated. Prints
 * p50/p99/max for both and, last, one JSON line
 * {"idleP99Ms","busyP50Ms","busyP99Ms","busyMaxMs","generationMs"}. Target: busyP99Ms < 100.
 * Material: the project's own test articles, varied into distinct files up to 5 MB.
 * Requests go through node:http with no client timeout, so a stall is measured, never cut short.
 * BENCH_PORT (default 3391), BENCH_MATERIAL_BYTES (default 5 000 000), BENCH_IDLE_SAMPLES (100),
 * BENCH_CPU_PROF_DIR (profile the server).
 */
import { spawn, spawnSync } from "node:child_process";
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { RIVER_ARTICLE, SECOND_ARTICLE } from "../test/server/authoring-fixtures";

const PORT = Number(process.env.BENCH_PORT ?? 3391);
const BASE = `http://127.0.0.1:${PORT}`;
const IDLE_SAMPLES = Number(process.env.BENCH_IDLE_SAMPLES ?? 100);
const TOTAL_BYTES = Number(process.env.BENCH_MATERIAL_BYTES ?? 5_000_000);
const root = path.resolve(import.meta.dirname, "..");

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("✖ No production build: run `npm run build` first.");
  process.exit(2);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "crux-stall-"));
const env: NodeJS.ProcessEnv = { ...process.env, CRUX_DATA_DIR: dataDir, NEXTAUTH_URL: BASE, NEXTAUTH_SECRET: "bench-stall-secret-0123456789abcdef", PORT: String(PORT), MATERIAL_BYTES_PER_DAY: String(TOTAL_BYTES * 4), NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;

const seeded = spawnSync(process.execPath, ["--import", "tsx", "scripts/seed.ts"], { cwd: root, env, stdio: "inherit" });
if (seeded.status !== 0) process.exit(1);
// BENCH_CPU_PROF_DIR=<dir> writes a V8 CPU profile of the server (open it in Chrome DevTools) to find what blocks its event loop.
const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF_DIR)}`] : [];
const server = spawn(process.execPath, [...profile, "scripts/server.mjs"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
async function stop() {
  server.kill("SIGTERM");
  await Promise.race([exited, sleep(15_000)]);
  rmSync(dataDir, { recursive: true, force: true });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cookies = new Map<string, string>();
const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One HTTP request with node:http and no timeout of its own: a stalled server shows up as a long
 * latency rather than an aborted request (fetch's undici client gives up after 300 s without headers).
 */
function request(method: string, pathname: string, options: { headers?: OutgoingHttpHeaders; body?: Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${BASE}${pathname}`, { method, headers: { ...options.headers, ...(options.body ? { "content-length": options.body.length } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

function keep(reply: Reply) {
  for (const c of reply.headers["set-cookie"] ?? []) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}

const json = <T>(reply: Reply) => JSON.parse(reply.body.toString("utf8")) as T;

let failedSamples = 0;
/** One request's latency; a request that fails (a refused or reset connection) counts with the time it took to fail. */
async function csrfLatencyMs(): Promise<number> {
  const t = performance.now();
  try {
    const reply = await request("GET", "/api/auth/csrf");
    if (reply.status !== 200) failedSamples++;
  } catch {
    failedSamples++;
  }
  return performance.now() - t;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: samples.length, p50: +at(0.5).toFixed(1), p99: +at(0.99).toFixed(1), max: +sorted[sorted.length - 1]!.toFixed(1) };
}

/** Samples every 100 ms (each sample starts on schedule, whether or not the previous one answered) until `until` resolves. */
async function sampleWhile(until: Promise<unknown> | number): Promise<number[]> {
  const samples: Promise<number>[] = [];
  let isDone = false;
  if (typeof until !== "number") until.then(() => (isDone = true), () => (isDone = true));
  for (let i = 0; typeof until === "number" ? i < until : !isDone; i++) {
    samples.push(csrfLatencyMs());
    await sleep(100);
  }
  return Promise.all(samples);
}

/** Distinct files from the project's own articles: each paragraph's figures and names varied per copy. */
function material(totalBytes: number): Array<{ name: string; bytes: Buffer }> {
  const base = `${RIVER_ARTICLE}\n\n${SECOND_ARTICLE}`;
  const perFile = 1_600_000;
  const files: Array<{ name: string; bytes: Buffer }> = [];
  let made = 0;
  for (let f = 0; made < totalBytes; f++) {
    const parts: string[] = [];
    let size = 0;
    const limit = Math.min(perFile, totalBytes - made);
    for (let copy = 0; ; copy++) {
      const year = 1950 + ((f * 37 + copy) % 70);
      const text = base.replace(/\b(19|20)\d\d\b/g, String(year)).replace(/\b\d+(\.\d+)?\b/g, (n) => String(Number(n) + copy + f));
      const part = `Part ${f + 1}.${copy + 1}\n\n${text}\n\n`;
      if (size + Buffer.byteLength(part) > limit) break;
      parts.push(part);
      size += Buffer.byteLength(part);
    }
    if (!parts.length) break;
    const bytes = Buffer.from(parts.join(""), "utf8");
    files.push({ name: `bench-${f + 1}.txt`, bytes });
    made += bytes.length;
  }
  return files;
}

/** A multipart/form-data body (RFC 7578) with the form's title and the files. */
function multipart(fields: Record<string, string>, files: Array<{ name: string; bytes: Buffer }>): { body: Buffer; contentType: string } {
  const boundary = `----crux-bench-${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: text/plain\r\n\r\n`), file.bytes, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

let exitCode = 0;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await request("GET", "/api/auth/csrf")).status === 200) break;
    } catch {
      if (i > 600) throw new Error("the server did not start");
    }
    await sleep(200);
  }
  // Sign in as the demo teacher, as the browser's form does.
  const csrf = await request("GET", "/api/auth/csrf");
  keep(csrf);
  const { csrfToken } = json<{ csrfToken: string }>(csrf);
  const signedIn = await request("POST", "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(), origin: BASE },
    body: Buffer.from(new URLSearchParams({ csrfToken, email: "teacher@crux.example", password: "crux-teacher-2026", json: "true" }).toString()),
  });
  keep(signedIn);
  if (![...cookies.keys()].some((k) => k.includes("session-token"))) throw new Error("sign-in failed");

  for (let i = 0; i < 10; i++) await csrfLatencyMs(); // warm up
  const idle = stats(await sampleWhile(IDLE_SAMPLES));

  const files = material(TOTAL_BYTES);
  const upload = multipart({ title: "Stall benchmark" }, files);
  // This process's own event-loop delay while sampling, so a stall here is not blamed on the server.
  const ownDelay = monitorEventLoopDelay({ resolution: 10 });
  ownDelay.enable();
  const started = performance.now();
  let uploadMs = 0;
  const generation = (async () => {
    const created = await request("POST", "/api/study-sets", { body: upload.body, headers: { "content-type": upload.contentType, cookie: cookieHeader(), origin: BASE } });
    uploadMs = performance.now() - started;
    const body = json<{ ok: boolean; jobId?: string; error?: string }>(created);
    if (!body.ok || !body.jobId) throw new Error(`upload refused (${created.status}): ${JSON.stringify(body)}`);
    for (;;) {
      await sleep(1000);
      const polled = json<{ job: { status: string; stage: string | null; error: string | null } }>(await request("GET", `/api/jobs/${body.jobId}`, { headers: { cookie: cookieHeader() } }));
      if (polled.job.status === "succeeded") return polled.job.stage;
      if (polled.job.status === "failed") throw new Error(`generation failed: ${polled.job.error}`);
    }
  })();
  const busySamples = await sampleWhile(generation);
  const stage = await generation;
  const generationMs = Math.round(performance.now() - started);
  const busy = stats(busySamples);
  ownDelay.disable();

  const mb = (files.reduce((n, f) => n + f.bytes.length, 0) / 1_000_000).toFixed(2);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`\nCSRF endpoint latency, sampled every 100 ms (ms)`);
  console.log(`  idle:                         n=${idle.n}  p50 ${idle.p50}  p99 ${idle.p99}  max ${idle.max}`);
  console.log(`  while ${mb} MB generates:  n=${busy.n}  p50 ${busy.p50}  p99 ${busy.p99}  max ${busy.max}`);
  console.log(`  failed requests: ${failedSamples}; the benchmark's own event-loop delay: max ${(ownDelay.max / 1e6).toFixed(0)} ms`);
  console.log(`  generation: ${(generationMs / 1000).toFixed(1)} s from upload to drafts saved (upload answered in ${(uploadMs / 1000).toFixed(1)} s; ${files.length} files; ${stage})`);
  console.log(`  load average (1, 5, 15 min) at the end: ${load} on ${os.cpus().length} cores — figures on a shared machine are inflated by others' work`);
  console.log(JSON.stringify({ idleP99Ms: idle.p99, busyP50Ms: busy.p50, busyP99Ms: busy.p99, busyMaxMs: busy.max, generationMs }));
} catch (e) {
  console.error(`✖ ${e instanceof Error ? e.message : String(e)}`);
  exitCode = 1;
} finally {
  await stop();
}
process.exit(exitCode);
