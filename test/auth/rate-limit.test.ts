import { describe, expect, it } from "vitest";
import {
  chargePairAttempt,
  checkPair,
  checkWindow,
  clearPairFailures,
  countInWindow,
  delayAfterFailures,
  describeRetryAfter,
  isKnownPair,
  SIGN_IN_PAIR_POLICY,
  SIGN_UP_ADDRESS_POLICY,
  type Bucket,
} from "@/lib/auth/rate-limit";

const NOW = new Date("2026-03-01T10:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);

/** Charges `n` failures one after another, each as soon as the pair is allowed again. */
function failRepeatedly(n: number): { bucket: Bucket | null; time: Date } {
  let bucket: Bucket | null = null;
  let time = NOW;
  for (let i = 0; i < n; i++) {
    const verdict = checkPair(bucket, time);
    if (!verdict.isAllowed) time = at(time.getTime() - NOW.getTime() + verdict.retryAfterMs);
    bucket = chargePairAttempt(bucket, time);
  }
  return { bucket, time };
}

describe("per (account, address) pair: growing delays", () => {
  it("lets the first three failures through without any wait", () => {
    expect([1, 2].map((n) => delayAfterFailures(n))).toEqual([0, 0]);
    const { bucket, time } = failRepeatedly(2);
    expect(checkPair(bucket, time)).toEqual({ isAllowed: true });
  });

  it("doubles the wait with each failure after that, up to 15 minutes", () => {
    expect([3, 4, 5, 6, 11, 12, 40].map((n) => delayAfterFailures(n) / 1000)).toEqual([5, 10, 20, 40, 900, 900, 900]);
  });

  it("refuses the next attempt while the wait runs, saying how long is left", () => {
    const { bucket, time } = failRepeatedly(5);
    expect(checkPair(bucket, at(time.getTime() - NOW.getTime() + 1_000))).toEqual({ isAllowed: false, retryAfterMs: 19_000 });
    expect(checkPair(bucket, at(time.getTime() - NOW.getTime() + 20_000))).toEqual({ isAllowed: true });
  });

  it("allows eleven guesses in the first half hour and four an hour after that", () => {
    expect(failRepeatedly(11).time.getTime() - NOW.getTime()).toBeLessThan(30 * 60_000);
    expect(failRepeatedly(12).time.getTime() - NOW.getTime()).toBeGreaterThan(30 * 60_000);
    const later = failRepeatedly(16);
    expect((later.time.getTime() - failRepeatedly(12).time.getTime()) / 60_000).toBeCloseTo(60, 0);
  });

  it("forgets failures after a day without any, and a success clears them at once", () => {
    const { bucket } = failRepeatedly(8);
    expect(chargePairAttempt(bucket, at(SIGN_IN_PAIR_POLICY.forgetAfterMs + 3_600_000)).count).toBe(1);
    const cleared = clearPairFailures(bucket, at(3_600_000));
    expect(cleared).toMatchObject({ count: 0, blockedUntil: null });
    expect(checkPair(cleared, at(3_600_000))).toEqual({ isAllowed: true });
  });

  it("remembers an address the owner signed in from as known, for 30 days", () => {
    const known = clearPairFailures(null, NOW);
    expect(isKnownPair(known, at(29 * 86_400_000))).toBe(true);
    expect(isKnownPair(known, at(31 * 86_400_000))).toBe(false);
    expect(isKnownPair(chargePairAttempt(null, NOW), NOW)).toBe(false);
  });
});

describe("fixed-window ceilings", () => {
  it("counts uses up to the limit, then refuses until the window ends", () => {
    let bucket: Bucket | null = null;
    for (let i = 0; i < SIGN_UP_ADDRESS_POLICY.max; i++) {
      expect(checkWindow(bucket, at(i * 1000), SIGN_UP_ADDRESS_POLICY).isAllowed).toBe(true);
      bucket = countInWindow(bucket, at(i * 1000), SIGN_UP_ADDRESS_POLICY);
    }
    expect(checkWindow(bucket, at(60_000), SIGN_UP_ADDRESS_POLICY)).toEqual({ isAllowed: false, retryAfterMs: SIGN_UP_ADDRESS_POLICY.windowMs - 60_000 });
    expect(checkWindow(bucket, at(SIGN_UP_ADDRESS_POLICY.windowMs), SIGN_UP_ADDRESS_POLICY)).toEqual({ isAllowed: true });
    expect(countInWindow(bucket, at(SIGN_UP_ADDRESS_POLICY.windowMs), SIGN_UP_ADDRESS_POLICY).count).toBe(1);
  });
});

describe("describeRetryAfter", () => {
  it.each([
    [400, "a second"],
    [19_000, "19 seconds"],
    [60_000, "a minute"],
    [61_000, "2 minutes"],
    [15 * 60_000, "15 minutes"],
    [60 * 60_000, "60 minutes"],
    [90 * 60_000 + 1, "2 hours"],
    [23 * 3_600_000 - 1, "23 hours"],
  ])("%d ms → %s", (ms, text) => {
    expect(describeRetryAfter(ms)).toBe(text);
  });
});
