// Each process prunes the gradebook change log soon after it starts (a random moment in its first
// five minutes), then hourly: a process restarted more often than hourly still prunes.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const pruned = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/server/gradebook", () => ({
  pruneGradebookChanges: () => {
    pruned.count++;
    return Promise.resolve(0);
  },
}));

const { startGradebookChangePruner } = await import("@/lib/server/gradebook-pruner");

const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
  pruned.count = 0;
  delete (globalThis as { cruxGradebookPruner?: unknown }).cruxGradebookPruner;
});

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { cruxGradebookPruner?: unknown }).cruxGradebookPruner;
});

describe("the gradebook change pruner", () => {
  it.each([0, 0.5, 0.999])("prunes within five minutes of its start, then every hour (random %s)", async (r) => {
    startGradebookChangePruner(() => r);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(pruned.count).toBe(1);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(pruned.count).toBe(2);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(pruned.count).toBe(3);
  });

  it("starts once per process", async () => {
    startGradebookChangePruner(() => 0);
    startGradebookChangePruner(() => 0);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(pruned.count).toBe(1);
  });
});
