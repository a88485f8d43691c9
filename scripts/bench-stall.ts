/**
 * npm run bench:stall — does long work stall the server? Starts Crux's server (scripts/server.mjs on
 * the existing production build, `npm run build` first) on a fresh seeded embedded database, signs in
 * as the demo teacher, and samples a light request (the sign-in page's CSRF endpoint) every 100 ms:
 * first with nothing running, then while a 5 MB study set is uploaded and generated. Prints
 * p50/p99/max for both and, last, one JSON line
 * {"idleP99Ms","busyP50Ms","busyP99Ms","busyMaxMs","generationMs"}. Target: busyP99Ms < 100.
 * Material: the project's own test articles, varied into distinct files up to 5 MB.
 */
import { spawn, spawnSync } from "node:child_process";
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
const server = spawn(process.execPath, ["scripts/server.mjs"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
const stop = () => {
  server.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cookies = new Map<string, string>();
const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
function keep(res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}

let failedSamples = 0;
/** One request's latency; a request that fails (a refused or timed-out connection) counts with the time it took to fail. */
async function csrfLatencyMs(): Promise<number> {
  const t = performance.now();
  try {
    const res = await fetch(`${BASE}/api/auth/csrf`, { signal: AbortSignal.timeout(120_000) });
    await res.text();
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
function material(totalBytes: number): File[] {
  const base = `${RIVER_ARTICLE}\n\n${SECOND_ARTICLE}`;
  const perFile = 1_600_000;
  const files: File[] = [];
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
    const body = parts.join("");
    files.push(new File([body], `bench-${f + 1}.txt`, { type: "text/plain" }));
    made += Buffer.byteLength(body);
  }
  return files;
}

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${BASE}/api/auth/csrf`)).ok) break;
    } catch {
      if (i > 600) throw new Error("the server did not start");
    }
    await sleep(200);
  }
  // Sign in as the demo teacher, as the browser's form does.
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(), origin: BASE },
    body: new URLSearchParams({ csrfToken, email: "teacher@crux.example", password: "crux-teacher-2026", json: "true" }),
  });
  keep(signedIn);
  if (![...cookies.keys()].some((k) => k.includes("session-token"))) throw new Error("sign-in failed");

  for (let i = 0; i < 10; i++) await csrfLatencyMs(); // warm up
  const idle = stats(await sampleWhile(IDLE_SAMPLES));

  const files = material(TOTAL_BYTES);
  // This process's own event-loop delay while sampling, so a stall here is not blamed on the server.
  const ownDelay = monitorEventLoopDelay({ resolution: 10 });
  ownDelay.enable();
  const form = new FormData();
  form.set("title", "Stall benchmark");
  for (const file of files) form.append("files", file);
  const started = performance.now();
  const generation = (async () => {
    const created = await fetch(`${BASE}/api/study-sets`, { method: "POST", body: form, headers: { cookie: cookieHeader(), origin: BASE } });
    const body = (await created.json()) as { ok: boolean; jobId?: string; error?: string };
    if (!body.ok || !body.jobId) throw new Error(`upload refused: ${JSON.stringify(body)}`);
    for (;;) {
      await sleep(1000);
      const polled = (await (await fetch(`${BASE}/api/jobs/${body.jobId}`, { headers: { cookie: cookieHeader() } })).json()) as { job: { status: string; stage: string | null; error: string | null } };
      if (polled.job.status === "succeeded") return polled.job.stage;
      if (polled.job.status === "failed") throw new Error(`generation failed: ${polled.job.error}`);
    }
  })();
  const busySamples = await sampleWhile(generation);
  const stage = await generation;
  const generationMs = Math.round(performance.now() - started);
  const busy = stats(busySamples);
  ownDelay.disable();

  const mb = (files.reduce((n, f) => n + f.size, 0) / 1_000_000).toFixed(2);
  console.log(`\nCSRF endpoint latency, sampled every 100 ms (ms)`);
  console.log(`  idle:                         n=${idle.n}  p50 ${idle.p50}  p99 ${idle.p99}  max ${idle.max}`);
  console.log(`  while ${mb} MB generates:  n=${busy.n}  p50 ${busy.p50}  p99 ${busy.p99}  max ${busy.max}`);
  console.log(`  failed requests: ${failedSamples}; the benchmark's own event-loop delay: max ${(ownDelay.max / 1e6).toFixed(0)} ms`);
  console.log(`  generation: ${(generationMs / 1000).toFixed(1)} s, upload to drafts saved (${files.length} files; ${stage})`);
  console.log(JSON.stringify({ idleP99Ms: idle.p99, busyP50Ms: busy.p50, busyP99Ms: busy.p99, busyMaxMs: busy.max, generationMs }));
} catch (e) {
  const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : "";
  console.error(`✖ ${e instanceof Error ? e.message : String(e)}${cause}`);
  process.exitCode = 1;
} finally {
  stop();
}
