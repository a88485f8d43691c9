/**
 * Sign-in rate limiting: at most `maxFailures` failed sign-ins per key (email, and separately the
 * client address) inside a sliding window. Pure: the caller passes the failures it found and `now`.
 */
export interface RateLimitPolicy {
  maxFailures: number;
  windowMs: number;
}

export const SIGN_IN_POLICY: RateLimitPolicy = { maxFailures: 5, windowMs: 15 * 60 * 1000 };

export type RateLimitVerdict = { isAllowed: true } | { isAllowed: false; retryAfterMs: number };

/** Decides whether another attempt is allowed given the timestamps of recent failures for one key. */
export function checkRateLimit(failures: readonly Date[], now: Date, policy: RateLimitPolicy = SIGN_IN_POLICY): RateLimitVerdict {
  const windowStart = now.getTime() - policy.windowMs;
  const recent = failures.map((d) => d.getTime()).filter((t) => t > windowStart).sort((a, b) => a - b);
  if (recent.length < policy.maxFailures) return { isAllowed: true };
  // The oldest failure that keeps the count at the limit must leave the window first.
  const blocking = recent[recent.length - policy.maxFailures] ?? now.getTime();
  return { isAllowed: false, retryAfterMs: Math.max(1000, blocking + policy.windowMs - now.getTime()) };
}

/** "3 minutes" style wording for a retry delay, rounded up. */
export function describeRetryAfter(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}
