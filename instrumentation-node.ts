import type { Instrumentation } from "next";

/**
 * The Node.js server's start-up and error report, imported by ./instrumentation.ts only in the
 * Node.js runtime (never in the Edge bundle).
 */

/**
 * Runs once when a Next.js server starts: opens the embedded database (or stops), then starts the
 * generation dispatcher, which runs queued jobs (and those a restart interrupted) in the engine's
 * worker threads, off every request's path; the quiz sweep, which grades quiz attempts whose time
 * ran out (lib/server/quiz-sweeper.ts); and the hourly pruning of the gradebook change log
 * (lib/server/gradebook-pruner.ts). Never during `next build`.
 */
export async function registerNodeServer(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  await openEmbeddedDatabaseOrStop();
  const { startGenerationDispatcher } = await import("./lib/server/generation-dispatcher");
  startGenerationDispatcher();
  const { startQuizSweeper } = await import("./lib/server/quiz-sweeper");
  startQuizSweeper();
  const { startGradebookChangePruner } = await import("./lib/server/gradebook-pruner");
  startGradebookChangePruner();
}

/**
 * The embedded database is one process's alone (scripts/data-folder-lock.mjs): it is opened (and its
 * folder locked) as the server starts, so that a folder another process took meanwhile, or one that
 * cannot be opened, stops the server with the reason rather than failing every request.
 * (scripts/server.mjs refuses a folder already held before it listens.) PostgreSQL is connected to on
 * first use, as before.
 */
async function openEmbeddedDatabaseOrStop(): Promise<void> {
  const { serverEnv } = await import("./lib/env");
  if (serverEnv().DATABASE_URL) return;
  const { getDb } = await import("./lib/db/client");
  try {
    await getDb();
  } catch (e) {
    console.error(`✖ ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

/**
 * Logs an error Next.js caught with its context, under the digest that the error boundary shows the
 * user as its reference (lib/server/report-error.ts — the same log line as every other masked failure).
 */
export async function reportRequestError(...[error, request, context]: Parameters<Instrumentation.onRequestError>): Promise<void> {
  const { reportServerError } = await import("./lib/server/report-error");
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  reportServerError(`${context.routeType} ${context.routePath}`, error, { method: request.method, path: request.path }, digest);
}
