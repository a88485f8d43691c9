/**
 * npm run worker — a generation worker process: claims queued study-set generation jobs from the
 * database and runs them (the engine in its worker threads, ENGINE_THREADS of them), renewing each
 * job's lease while it works. Start as many as you like, on as many machines as share one PostgreSQL
 * database (DATABASE_URL): claims are atomic (FOR UPDATE SKIP LOCKED), a job whose worker dies is
 * taken over once its lease lapses and its earlier partial drafts are replaced, never duplicated.
 * On the embedded database (no DATABASE_URL) it refuses: PGlite allows one process, the app's own.
 * Stops cleanly on SIGINT/SIGTERM after the jobs it holds finish.
 */
import "../scripts/load-env.mjs";
import { closeDb } from "@/lib/db/client";
import { claimNextGenerationJob } from "@/lib/db/jobs";
import { closeEnginePool, engineThreadCount } from "@/lib/server/engine-pool";
import { JOB_LEASE_MS, runClaimedGenerationJob } from "@/lib/server/jobs";

const IDLE_POLL_MS = Number(process.env.WORKER_POLL_MS ?? 2_000);

if (!process.env.DATABASE_URL) {
  console.error("✖ npm run worker needs DATABASE_URL (PostgreSQL). On the embedded database the app runs jobs itself.");
  process.exit(2);
}

let isStopping = false;
const running = new Set<Promise<void>>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    isStopping = true;
    console.log(`◼ ${signal}: finishing ${running.size} job(s), then stopping`);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const slots = engineThreadCount();
console.log(`▶ Crux generation worker: ${slots} job(s) at a time`);

while (!isStopping) {
  if (running.size >= slots) {
    await Promise.race(running);
    continue;
  }
  let claim;
  try {
    claim = await claimNextGenerationJob(new Date(), JOB_LEASE_MS);
  } catch (e) {
    console.error("[crux] claiming a job failed; retrying", e);
    await sleep(IDLE_POLL_MS);
    continue;
  }
  if (!claim) {
    await sleep(IDLE_POLL_MS);
    continue;
  }
  const jobId = claim.job.id;
  const started = Date.now();
  const run = runClaimedGenerationJob(claim).then(
    (outcome) => console.log(`job ${jobId}: ${outcome} in ${((Date.now() - started) / 1000).toFixed(1)} s`),
    (e: unknown) => console.error(`[crux] job ${jobId} stopped`, e),
  );
  const tracked: Promise<void> = run.finally(() => running.delete(tracked));
  running.add(tracked);
}
await Promise.all(running);
await closeEnginePool();
await closeDb();
