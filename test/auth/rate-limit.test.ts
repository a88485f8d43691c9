import { describe, expect, it } from "vitest";
import { checkRateLimit, describeRetryAfter, SIGN_IN_POLICY } from "@/lib/auth/rate-limit";

const NOW = new Date("2026-03-01T10:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

describe("checkRateLimit", () => {
  it("allows sign-in below the failure limit", () => {
    expect(checkRateLimit([1, 2, 3, 4].map(minutesAgo), NOW)).toEqual({ isAllowed: true });
  });

  it("blocks the attempt after five recent failures and says when to retry", () => {
    const verdict = checkRateLimit([1, 2, 3, 4, 10].map(minutesAgo), NOW);
    expect(verdict.isAllowed).toBe(false);
    // The oldest counted failure (10 min ago) leaves the 15-minute window in 5 minutes.
    if (!verdict.isAllowed) expect(verdict.retryAfterMs).toBe(5 * 60_000);
  });

  it("ignores failures older than the window", () => {
    expect(checkRateLimit([1, 2, 3, 4, 16, 20].map(minutesAgo), NOW)).toEqual({ isAllowed: true });
  });

  it("counts a failure exactly at the window's edge as expired", () => {
    expect(checkRateLimit([1, 2, 3, 4, SIGN_IN_POLICY.windowMs / 60_000].map(minutesAgo), NOW).isAllowed).toBe(true);
  });

  it.each([
    [30_000, "a minute"],
    [60_000, "a minute"],
    [61_000, "2 minutes"],
    [14 * 60_000 + 1, "15 minutes"],
  ])("words a %d ms wait as %s", (ms, words) => {
    expect(describeRetryAfter(ms)).toBe(words);
  });
});
