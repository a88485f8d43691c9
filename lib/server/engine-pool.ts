import path from "node:path";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { AppError } from "../errors";
import type { IngestInput } from "../material/schemas";
import type { DraftSetOutcome, DraftSetRequest, EngineRefusal, EngineTask, IngestOutcome } from "../generate/thread-tasks";

/**
 * The content engine's worker threads (piscina). Ingesting material and generating a study set are
 * seconds of synchronous CPU work: run on the server's event loop they would stall every other
 * request (a 1.9 MB upload once held `/api/auth/csrf` for 71 s). The pool is process-wide, made on
 * first use, and its threads load the engine once each (scripts/engine-thread.mjs).
 */
const globalForPool = globalThis as unknown as { cruxEnginePool?: Piscina<EngineTask, IngestOutcome[] | DraftSetOutcome> };

/** Threads in the pool: `ENGINE_THREADS` (default 1 — the machine's other cores serve requests). */
export function engineThreadCount(): number {
  const n = Number(process.env.ENGINE_THREADS ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : 1;
}

function pool() {
  globalForPool.cruxEnginePool ??= new Piscina<EngineTask, IngestOutcome[] | DraftSetOutcome>({
    filename: pathToFileURL(path.resolve(process.cwd(), "scripts", "engine-thread.mjs")).href,
    minThreads: 0,
    maxThreads: engineThreadCount(),
    // A thread loads the engine in about 3 s: keep it a while for the next job.
    idleTimeout: 5 * 60_000,
  });
  return globalForPool.cruxEnginePool;
}

function raise(refusal: EngineRefusal): never {
  throw new AppError(refusal.code, refusal.message);
}

/** Ingests each input in a worker thread; a refusal (bad type, binary, no text) comes back as that input's outcome. */
export async function ingestInThread(inputs: IngestInput[]): Promise<IngestOutcome[]> {
  return (await pool().run({ kind: "ingest", inputs })) as IngestOutcome[];
}

/** Generates a generation job's draft set in a worker thread; an expected failure throws AppError. */
export async function draftStudySetInThread(request: DraftSetRequest): Promise<Extract<DraftSetOutcome, { ok: true }>> {
  const outcome = (await pool().run({ kind: "draft-set", request })) as DraftSetOutcome;
  return outcome.ok ? outcome : raise(outcome);
}

/** Stops the pool's threads (tests, and the worker process on exit). */
export async function closeEnginePool(): Promise<void> {
  const existing = globalForPool.cruxEnginePool;
  globalForPool.cruxEnginePool = undefined;
  if (existing) await existing.destroy();
}
