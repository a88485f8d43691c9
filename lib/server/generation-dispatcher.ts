import { claimNextGenerationJob } from "../db/jobs";
import { engineThreadCount } from "./engine-pool";
import { JOB_LEASE_MS, runClaimedGenerationJob } from "./jobs";

/**
 * Runs queued generation jobs in this process, as many at once as the engine pool has threads.
 * Nothing here is tied to a request: a route that queues a job wakes the dispatcher and returns; the
 * dispatcher claims jobs from the database (so several app instances and `npm run worker`
 * processes share them safely) and also looks every `POLL_MS` for jobs queued elsewhere or left by
 * a crashed worker whose lease lapsed. `GENERATION_IN_APP=0` leaves all jobs to `npm run worker`.
 */
const POLL_MS = 15_000;

interface DispatcherState {
  running: number;
  isDraining: boolean;
  isWakeWanted: boolean;
  timer?: NodeJS.Timeout;
}

const globalForDispatcher = globalThis as unknown as { cruxGenerationDispatcher?: DispatcherState };

function state(): DispatcherState {
  return (globalForDispatcher.cruxGenerationDispatcher ??= { running: 0, isDraining: false, isWakeWanted: false });
}

/** False when this process must not run jobs itself (`GENERATION_IN_APP=0`). */
export function isInAppGenerationEnabled(): boolean {
  return process.env.GENERATION_IN_APP !== "0";
}

async function drain(s: DispatcherState): Promise<void> {
  if (s.isDraining) {
    s.isWakeWanted = true;
    return;
  }
  s.isDraining = true;
  try {
    do {
      s.isWakeWanted = false;
      while (s.running < engineThreadCount()) {
        const claim = await claimNextGenerationJob(new Date(), JOB_LEASE_MS);
        if (!claim) break;
        s.running++;
        void runClaimedGenerationJob(claim)
          .catch((e: unknown) => console.error(`[crux] generation job ${claim.job.id} stopped`, e))
          .finally(() => {
            s.running--;
            wakeGenerationDispatcher();
          });
      }
    } while (s.isWakeWanted);
  } catch (e) {
    console.error("[crux] looking for generation jobs failed", e);
  } finally {
    s.isDraining = false;
  }
}

/** Asks the dispatcher to look for jobs now (after a job was queued); returns at once. */
export function wakeGenerationDispatcher(): void {
  if (!isInAppGenerationEnabled()) return;
  const s = state();
  setImmediate(() => void drain(s));
}

/** Starts the periodic look for jobs (once per process; the server's instrumentation calls it). */
export function startGenerationDispatcher(): void {
  if (!isInAppGenerationEnabled()) return;
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => void drain(s), POLL_MS);
  s.timer.unref();
  wakeGenerationDispatcher();
}
