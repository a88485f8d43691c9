/**
 * npm run bench:api — a load generator against a production build of Crux on PostgreSQL.
 *
 * It creates a fresh database (BENCH_DB, default crux_bench_api, on the server of BENCH_ADMIN_URL),
 * migrates and seeds it, adds BENCH_LEARNERS learners (50) each holding BENCH_HISTORY review logs
 * (10 000) over a year, starts scripts/server.mjs on BENCH_PORT (3695) against the existing build
 * (`npm run build` first; BENCH_BUILD=1 builds here), and runs every scenario of
 * scripts/bench-api/scenarios/ twice for BENCH_SECONDS (15) each:
 *   - human pace: every learner acts once every BENCH_PACE_MS (2000 ms);
 *   - saturation: every learner acts again as soon as the last answer arrives (closed loop).
 * Prints p50/p95/p99 latency, throughput, errors and lost writes (acknowledged writes minus rows
 * added, counted in the database after each phase), then one JSON line per scenario and load, each
 * with the machine's 1-minute load average at the end of the phase (`loadAvg`): on a shared machine
 * the figures mean little without it.
 *
 * Flags (after `npm run bench:api --`):
 *   --quick               5 s phases and 2 000 review logs per learner but the first (who keeps 10 000)
 *   --scenario NAME       run only this scenario (repeatable; also BENCH_SCENARIOS="a,b")
 *   --load human|saturation   run only this load
 *   --cpu-prof DIR        start the server with `node --cpu-prof` and write its profile to DIR on exit
 * Each phase line also gives the server's CPU time per request (from /proc, all its processes together;
 * steady under load, unlike latency) and the mean decoded response size. The server runs as
 * scripts/server.mjs decides (WEB_CONCURRENCY, default one process per core on PostgreSQL): the
 * header, every phase line, the table and the JSON lines (`workers`) say how many processes served.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { closeDb, getDb, installDb, openPostgresDb } from "@/lib/db/client";
import { scenarios as allScenarios } from "./bench-api/scenarios";
import { bodyTally, type BenchContext, type BenchLearner, type BenchScenario, type LearnerState } from "./bench-api/types";

const root = path.resolve(import.meta.dirname, "..");
const env = process.env;
const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    scenario: { type: "string", multiple: true },
    load: { type: "string" },
    "cpu-prof": { type: "string" },
  },
});
if (flags.load && flags.load !== "human" && flags.load !== "saturation") throw new Error(`--load is human or saturation, not ${flags.load}`);
const ADMIN_URL = env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = env.BENCH_DB ?? "crux_bench_api";
const PORT = Number(env.BENCH_PORT ?? 3695);
const LEARNERS = Number(env.BENCH_LEARNERS ?? 50);
const HISTORY = Number(env.BENCH_HISTORY ?? 10_000);
/** Review logs of every learner after the first, who always holds HISTORY (the heavy learner). */
const OTHERS_HISTORY = Number(env.BENCH_OTHERS_HISTORY ?? (flags.quick ? 2_000 : HISTORY));
const SECONDS = Number(env.BENCH_SECONDS ?? (flags.quick ? 5 : 15));
const PACE_MS = Number(env.BENCH_PACE_MS ?? 2_000);
const SECRET = "bench-api-secret-not-for-production-0123456789";
const BASE_URL = `http://127.0.0.1:${PORT}`;

if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME)) throw new Error(`BENCH_DB must be a plain lower-case name, not ${DB_NAME}`);
const databaseUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
})();

function log(message: string) {
  console.log(`[bench:api] ${message}`);
}

function run(command: string, args: string[], extraEnv: Record<string, string>) {
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
}

async function recreateDatabase() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await admin.end();
  }
}

async function dropDatabase() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).finally(() => admin.end());
}

/** A next-auth session cookie for a bench user: no password signs in to bench accounts, the bench mints the token. */
async function sessionCookieFor(user: { id: string; name: string; email: string; role: "student" | "teacher" | "admin"; sessionVersion: number }): Promise<string> {
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email, uid: user.id, role: user.role, sv: user.sessionVersion }, secret: SECRET, maxAge: 24 * 3600 });
  return `next-auth.session-token=${token}`;
}

/** The learners, each with a card state per card; the first holds `HISTORY` review logs over the past year, the others `OTHERS_HISTORY`. */
async function createLearners(studySetId: string): Promise<BenchLearner[]> {
  const db = await getDb();
  const cards = await db.card.findMany({ where: { studySetId, status: "accepted" }, orderBy: { position: "asc" }, select: { id: true } });
  const cardIds = cards.map((c) => c.id);
  const learners: BenchLearner[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const email = `bench-learner-${i}@bench.example`;
    const user = await db.user.create({ data: { email, name: `Bench Learner ${i}`, passwordHash: "!bench-no-password", role: "student" } });
    learners.push({ id: user.id, email, cookie: await sessionCookieFor(user), cardIds });
  }
  const ids = learners.map((l) => l.id);
  // Card states: a fifth of each learner's cards due now, the rest over the next 60 days.
  await db.$executeRawUnsafe(
    `INSERT INTO "CardState" (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview")
     SELECT gen_random_uuid()::text, u.id, c.id,
            now() + (CASE WHEN random() < 0.2 THEN -random() * interval '3 days' ELSE random() * interval '60 days' END),
            1 + random() * 90, 3 + random() * 5, 10, 20, 0, ${Math.max(1, Math.round(HISTORY / Math.max(1, cardIds.length)))}, 1, 'review', now() - interval '10 days'
     FROM unnest($1::text[]) AS u(id) CROSS JOIN unnest($2::text[]) AS c(id)`,
    ids,
    cardIds,
  );
  // Review logs: HISTORY for the first learner, OTHERS_HISTORY for the rest, one card state in turn, over the past 365 days.
  await db.$executeRawUnsafe(
    `INSERT INTO "ReviewLog" (id, "userId", "cardId", "cardStateId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs")
     SELECT gen_random_uuid()::text, s."userId", s."cardId", s.id,
            CASE WHEN random() < 0.12 THEN 1 WHEN random() < 0.2 THEN 2 WHEN random() < 0.9 THEN 3 ELSE 4 END,
            'review', now() - g.n * interval '1 minute', 10, 5, 3, 2, 5, 0, now() - random() * interval '365 days', 5000
     FROM (SELECT cs.*, row_number() OVER (PARTITION BY cs."userId" ORDER BY cs.id) - 1 AS k, count(*) OVER (PARTITION BY cs."userId") AS total
           FROM "CardState" cs WHERE cs."userId" = ANY($1::text[])) s
     JOIN generate_series(0, ${Math.max(HISTORY, OTHERS_HISTORY) - 1}) AS g(n)
       ON g.n % s.total = s.k AND g.n < CASE WHEN s."userId" = $2 THEN ${HISTORY} ELSE ${OTHERS_HISTORY} END`,
    ids,
    ids[0],
  );
  // As autovacuum would soon after such an import: planner statistics and the visibility map current
  // (index-only scans over ReviewLog need the latter).
  await db.$executeRawUnsafe(`VACUUM ANALYZE "CardState"`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "ReviewLog"`);
  return learners;
}

async function waitForServer(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${BASE_URL}/signin`, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not start on ${BASE_URL} within ${timeoutMs} ms`);
}

interface PhaseResult {
  scenario: string;
  extra: Record<string, unknown>;
  load: "human pace" | "saturation";
  learners: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rps: number;
  errors: number;
  lost: number;
  requests: number;
  /** The server processes' CPU time (user + system, from /proc, the cluster's primary and workers together) per request of the phase; null where /proc is absent. */
  serverCpuMs: number | null;
  /** Mean decoded response body size of the phase's requests, in bytes. */
  bodyBytes: number;
  /** The machine's 1-minute load average when the phase ended. */
  loadAvg: number;
  /** Server processes that served the phase (scripts/server.mjs's cluster workers, WEB_CONCURRENCY), counted at its end. */
  workers: number;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** CPU time (user + system) process `pid` has used so far, in ms, from /proc/PID/stat (Linux; null elsewhere). */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (USER_HZ, 100 on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** The ids of `pid`'s child processes (its node:cluster workers), from /proc (Linux; none elsewhere). */
function childPids(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  return entries.map(Number).filter((child) => {
    try {
      const stat = readFileSync(`/proc/${child}/stat`, "utf8");
      // ppid is field 4 of stat(5), the second after the command's closing parenthesis.
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
    } catch {
      return false;
    }
  });
}

/** The server's processes: the workers when scripts/server.mjs runs a cluster, else the server process itself. */
function serverProcesses(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  const workers = childPids(pid);
  return workers.length ? workers : [pid];
}

/** CPU time used so far by the server: its own process and all its workers' (null where /proc is absent). */
function serverCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  let total = 0;
  for (const p of [pid, ...childPids(pid)]) {
    const ms = processCpuMs(p);
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runPhase(ctx: BenchContext, scenario: BenchScenario, load: PhaseResult["load"], serverPid: number | undefined): Promise<PhaseResult> {
  const states: LearnerState[] = scenario.prepare ? await scenario.prepare(ctx) : ctx.learners.map(() => ({}));
  const before = scenario.countRows ? await scenario.countRows(ctx, states) : 0;
  const latencies: number[] = [];
  const tallyBefore = { ...bodyTally };
  const cpuBefore = serverCpuMs(serverPid);
  let errors = 0;
  let acked = 0;
  const started = performance.now();
  const endAt = started + SECONDS * 1000;
  const actors = scenario.actorCount ? ctx.learners.slice(0, scenario.actorCount) : ctx.learners;
  await Promise.all(
    actors.map(async (learner, i) => {
      const state = states[i]!;
      let next = started + (load === "human pace" ? Math.random() * PACE_MS : 0);
      for (;;) {
        if (load === "human pace") {
          if (next >= endAt) return;
          const wait = next - performance.now();
          if (wait > 0) await sleep(wait);
        } else if (performance.now() >= endAt) return;
        const t0 = performance.now();
        try {
          const outcome = await scenario.act(ctx, learner, state);
          if (!outcome.isOk) errors++;
          acked += outcome.ackedWrites;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
        next += PACE_MS;
      }
    }),
  );
  const elapsedSec = (performance.now() - started) / 1000;
  const cpuAfter = serverCpuMs(serverPid);
  const after = scenario.countRows ? await scenario.countRows(ctx, states) : 0;
  const sorted = latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    scenario: scenario.name,
    extra: {},
    load,
    learners: actors.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    p99Ms: round(percentile(sorted, 0.99)),
    rps: round(latencies.length / elapsedSec),
    errors,
    lost: scenario.countRows ? Math.max(0, acked - (after - before)) : 0,
    requests: latencies.length,
    serverCpuMs: cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / Math.max(1, latencies.length)),
    bodyBytes: Math.round((bodyTally.bytes - tallyBefore.bytes) / Math.max(1, bodyTally.responses - tallyBefore.responses)),
    loadAvg: round(os.loadavg()[0]!),
    workers: serverProcesses(serverPid).length,
  };
}

async function main() {
  const only = [...(flags.scenario ?? []), ...(env.BENCH_SCENARIOS ?? "").split(",")].map((s) => s.trim()).filter(Boolean);
  const scenarios = only.length ? allScenarios.filter((s) => only.includes(s.name)) : allScenarios;
  if (scenarios.length === 0) throw new Error(`BENCH_SCENARIOS names no scenario (known: ${allScenarios.map((s) => s.name).join(", ")})`);
  if (env.BENCH_BUILD === "1" || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("building (npm run build)…");
    run("npm", ["run", "-s", "build"], {});
  }
  const dbEnv = { DATABASE_URL: databaseUrl };
  log(`database ${DB_NAME}: create, migrate, seed`);
  await recreateDatabase();
  run(process.execPath, [path.join(root, "scripts", "prisma.mjs"), "migrate", "deploy"], dbEnv);
  run(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/seed.ts"], dbEnv);
  installDb(openPostgresDb(databaseUrl));
  const db = await getDb();
  const pack = await db.studySet.findFirst({ where: { isPublic: true, status: "published" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!pack) throw new Error("seeding made no public study pack");
  const t0 = Date.now();
  const learners = await createLearners(pack.id);
  log(`${learners.length} learners, the first with ${HISTORY} review logs, the others ${OTHERS_HISTORY} each, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  let server: ChildProcess | undefined;
  const results: PhaseResult[] = [];
  try {
    const profile = flags["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(flags["cpu-prof"])] : [];
    server = spawn(process.execPath, [...profile, path.join(root, "scripts", "server.mjs"), "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...env, ...dbEnv, NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: BASE_URL },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForServer(60_000);
    log(`server: ${serverProcesses(server.pid).length} process(es) serving (WEB_CONCURRENCY=${env.WEB_CONCURRENCY ?? "unset: one per core"}), ${os.availableParallelism()} cores`);
    const ctx: BenchContext = { baseUrl: BASE_URL, db, learners, studySetId: pack.id, sessionCookieFor };
    // Warm-up: every route compiled and connected once, outside the figures.
    for (const scenario of scenarios) {
      const states = scenario.prepare ? await scenario.prepare(ctx) : learners.map(() => ({}));
      for (let i = 0; i < 5; i++) await scenario.act(ctx, learners[i % learners.length]!, states[i % learners.length]!).catch(() => undefined);
    }
    for (const scenario of scenarios) {
      const loads = (["human pace", "saturation"] as const).filter((l) => !flags.load || l.startsWith(flags.load));
      for (const load of loads) {
        const result = await runPhase(ctx, scenario, load, server.pid);
        if (scenario.extraFields) result.extra = await scenario.extraFields(ctx);
        results.push(result);
        log(
          `${result.scenario.padEnd(22)} ${load.padEnd(10)} ${String(result.learners).padStart(3)} learners  p50 ${result.p50Ms} ms  p95 ${result.p95Ms} ms  p99 ${result.p99Ms} ms  ${result.rps} req/s  ${result.requests} requests  server CPU ${result.serverCpuMs ?? "?"} ms/request (${result.workers} process${result.workers === 1 ? "" : "es"})  ${result.bodyBytes} B/response  errors ${result.errors}  lost ${result.lost}  (load average ${result.loadAvg})`,
        );
      }
    }
  } finally {
    if (server && server.exitCode === null) {
      // Wait for the exit: the CPU profile (--cpu-prof) is written then.
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await Promise.race([exited, sleep(10_000)]);
    }
    await closeDb();
    if (env.BENCH_KEEP_DB !== "1") await dropDatabase().catch(() => undefined);
  }
  console.log("");
  console.log(`${"scenario".padEnd(22)} ${"load".padEnd(10)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"req/s".padStart(8)} ${"errors".padStart(7)} ${"lost".padStart(5)} ${"load avg".padStart(9)} ${"workers".padStart(8)}`);
  for (const r of results) {
    console.log(`${r.scenario.padEnd(22)} ${r.load.padEnd(10)} ${String(r.p50Ms).padStart(8)} ${String(r.p95Ms).padStart(8)} ${String(r.p99Ms).padStart(8)} ${String(r.rps).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.lost).padStart(5)} ${String(r.loadAvg).padStart(9)} ${String(r.workers).padStart(8)}`);
  }
  for (const r of results) {
    console.log(JSON.stringify({ scenario: r.scenario, ...r.extra, load: r.load, learners: r.learners, p50Ms: r.p50Ms, p95Ms: r.p95Ms, p99Ms: r.p99Ms, rps: r.rps, errors: r.errors, lost: r.lost, loadAvg: r.loadAvg, workers: r.workers }));
  }
}

main().catch(async (e: unknown) => {
  console.error("bench:api failed:", e instanceof Error ? e.message : e);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
