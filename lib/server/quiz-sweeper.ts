import "server-only";
import { finaliseExpiredQuizAttempts } from "../db/quizzes";
import { reportServerError } from "./report-error";

/**
 * The periodic sweep beside the lazy check: every minute each app process grades quiz attempts
 * whose deadline and grace have passed, so a teacher's gradebook and the learner's history show them
 * graded even when nobody opens them. Several processes may sweep at once: finalising is a guarded
 * status change, so each attempt is graded exactly once.
 */
const SWEEP_MS = 60_000;

const globalForSweeper = globalThis as unknown as { cruxQuizSweeper?: { timer: ReturnType<typeof setInterval>; isRunning: boolean } };

export function startQuizSweeper(): void {
  if (globalForSweeper.cruxQuizSweeper) return;
  const s = { timer: setInterval(() => void sweep(), SWEEP_MS), isRunning: false };
  s.timer.unref();
  globalForSweeper.cruxQuizSweeper = s;

  async function sweep() {
    if (s.isRunning) return;
    s.isRunning = true;
    try {
      await finaliseExpiredQuizAttempts(new Date());
    } catch (e) {
      reportServerError("quiz sweep", e);
    } finally {
      s.isRunning = false;
    }
  }
}
