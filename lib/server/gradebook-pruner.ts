import "server-only";
import { pruneGradebookChanges } from "./gradebook";
import { reportServerError } from "./report-error";

/**
 * Every hour each app process prunes the gradebook change log (model GradebookChange) of rows older
 * than any cached gradebook can need (lib/server/gradebook.ts). Several processes may prune at once:
 * a deletion is safe at any time, and what one removed the others find gone.
 */
const PRUNE_MS = 3_600_000;
/**
 * The first run comes soon after the start, at a random moment in the first few minutes: a process
 * restarted (deployed) more often than hourly still prunes, and processes started together do not
 * all prune at the same moment.
 */
const FIRST_PRUNE_MIN_MS = 30_000;
const FIRST_PRUNE_SPREAD_MS = 270_000;

type Timer = ReturnType<typeof setTimeout> | ReturnType<typeof setInterval>;
const globalForPruner = globalThis as unknown as { cruxGradebookPruner?: { timer: Timer; isRunning: boolean } };

export function startGradebookChangePruner(random: () => number = Math.random): void {
  if (globalForPruner.cruxGradebookPruner) return;
  const s: { timer: Timer; isRunning: boolean } = { timer: setTimeout(first, FIRST_PRUNE_MIN_MS + Math.floor(random() * FIRST_PRUNE_SPREAD_MS)), isRunning: false };
  s.timer.unref();
  globalForPruner.cruxGradebookPruner = s;

  function first() {
    s.timer = setInterval(() => void prune(), PRUNE_MS);
    s.timer.unref();
    void prune();
  }

  async function prune() {
    if (s.isRunning) return;
    s.isRunning = true;
    try {
      await pruneGradebookChanges();
    } catch (e) {
      reportServerError("gradebook change pruning", e);
    } finally {
      s.isRunning = false;
    }
  }
}
