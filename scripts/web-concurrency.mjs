// How many server processes scripts/server.mjs runs (node:cluster workers sharing one port).
// Next.js renders on one event loop per process, so one process queues every request behind the
// page being rendered; with PostgreSQL the app keeps no state of its own between requests (sessions,
// rate limits, quiz deadlines and generation jobs with their leases are rows in the database), so
// several processes can serve the same port, one per core. The embedded database (PGlite) lives
// inside one process: without DATABASE_URL there is always exactly one.
import { availableParallelism } from "node:os";

const MAX_WORKERS = 64;
/**
 * The default's ceiling: each process keeps its own DATABASE_POOL_SIZE connections (10 by default) and
 * its own generation engine, so one per core on a large host would pass PostgreSQL's default
 * max_connections (100); more than four is a choice to make with WEB_CONCURRENCY.
 */
const DEFAULT_MAX_WORKERS = 4;

/**
 * The number of server processes for `env` (WEB_CONCURRENCY, DATABASE_URL): WEB_CONCURRENCY when
 * set, else one per available core up to four with PostgreSQL; always 1 in development or on the embedded
 * database. Returns `{ workers, note }`, the note saying why a requested count was not used;
 * throws an Error for a value that is not a whole number from 1 to 64.
 */
export function webConcurrency(env, { dev = false, cores = availableParallelism() } = {}) {
  const raw = env.WEB_CONCURRENCY?.trim();
  let requested;
  if (raw) {
    requested = Number(raw);
    if (!Number.isInteger(requested) || requested < 1 || requested > MAX_WORKERS) {
      throw new Error(`WEB_CONCURRENCY must be a whole number of server processes from 1 to ${MAX_WORKERS}, not "${env.WEB_CONCURRENCY}".`);
    }
  }
  if (dev) return { workers: 1, note: requested > 1 ? "the development server runs as one process; WEB_CONCURRENCY is ignored" : null };
  if (!env.DATABASE_URL) {
    return { workers: 1, note: requested > 1 ? "the embedded database (no DATABASE_URL) lives in one process; WEB_CONCURRENCY is ignored" : null };
  }
  const workers = requested ?? Math.max(1, Math.min(DEFAULT_MAX_WORKERS, cores));
  const pool = Number(env.DATABASE_POOL_SIZE ?? 10);
  const connections = Number.isFinite(pool) ? workers * pool : null;
  return {
    workers,
    note:
      connections !== null && connections > 90
        ? `${workers} server processes × DATABASE_POOL_SIZE ${pool} = ${connections} PostgreSQL connections: keep it under the server's max_connections (100 by default)`
        : null,
  };
}
