/**
 * Runs once when a Next.js server starts: picks up generation jobs that a restart interrupted, so
 * no teacher's material waits for someone to reopen its page. Never during `next build`.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { resumeGenerationJobs } = await import("./lib/server/jobs");
  // After start-up, off the request path; failures are recorded on the jobs themselves.
  setTimeout(() => {
    resumeGenerationJobs().catch((e: unknown) => console.error("[crux] resuming generation jobs failed", e));
  }, 1000).unref();
}
