import "server-only";
import { pruneGradebookChanges } from "./gradebook";
import { reportServerError } from "./report-error";

/**
 * Every hour each app process prunes the gradebook change log (model GradebookChange) of rows older
 * than any cached gradebook can need (lib/server/gradebook.ts). Several processes may prune at once:
 * a deletion is safe at any time, and what one removed the others find gone.
 */
const PRUNE_MS = 3_600_000;

const globalForPruner = globalThis as unknown as { cruxGradebookPruner?: { timer: ReturnType<typeof setInterval>; isRunning: boolean } };

export function startGradebookChangePruner(): void {
  if (globalForPruner.cruxGradebookPruner) return;
  const s = { timer: setInterval(() => void prune(), PRUNE_MS), isRunning: false };
  s.timer.unref();
  globalForPruner.cruxGradebookPruner = s;

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
