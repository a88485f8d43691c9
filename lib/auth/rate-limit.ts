/**
 * Guessing limits for sign-in and sign-up. Pure: the caller loads each key's bucket, asks, and
 * stores the bucket these functions return (lib/db/rate-limits.ts does so atomically).
 *
 * Sign-in is throttled so that guessing is slow without handing an attacker a lockout:
 * - per (account, address) pair, growing delays: the first few failures are free, then each one
 *   doubles the wait (5 s, 10 s, 20 s … up to 15 minutes). An attacker's failures slow only their
 *   own address; the owner signing in from their own address is not affected.
 * - per account, a ceiling far above what a person types (100 failures an hour from all addresses
 *   together). It holds off a distributed attack but never an address the owner has already
 *   signed in from (a "known" pair), so even then the owner keeps their way in.
 * - per address, a ceiling across all accounts (50 failures in 15 minutes), against one address
 *   trying a common password on many accounts.
 * Sign-up is limited per address (20 accounts an hour).
 * Changing one's own name is limited per account (5 changes a day): each change reaches every
 * roster and gradebook of the person's classes, so a script renaming in a loop would keep them cold.
 */
export interface Bucket {
  count: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
  lastSucceededAt: Date | null;
}

export type RateLimitVerdict = { isAllowed: true } | { isAllowed: false; retryAfterMs: number };

export interface DelayPolicy {
  /** Failures without any wait. */
  freeFailures: number;
  /** Wait after the first failure past the free ones; doubles with each further failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A pair with no failure for this long starts over. */
  forgetAfterMs: number;
  /** An address that signed in to the account within this time is the owner's ("known"). */
  knownForMs: number;
}

export interface WindowPolicy {
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SIGN_IN_PAIR_POLICY: DelayPolicy = { freeFailures: 3, baseDelayMs: 5_000, maxDelayMs: 15 * MINUTE, forgetAfterMs: DAY, knownForMs: 30 * DAY };
export const SIGN_IN_ACCOUNT_POLICY: WindowPolicy = { max: 100, windowMs: HOUR };
export const SIGN_IN_ADDRESS_POLICY: WindowPolicy = { max: 50, windowMs: 15 * MINUTE };
export const SIGN_UP_ADDRESS_POLICY: WindowPolicy = { max: 20, windowMs: HOUR };
export const RENAME_ACCOUNT_POLICY: WindowPolicy = { max: 5, windowMs: DAY };

/** Buckets untouched for this long matter to no policy and may be deleted. */
export const BUCKET_RETENTION_MS = 31 * DAY;

export const rateLimitKeys = {
  signInPair: (email: string, address: string) => `sign-in:pair:${email}|${address}`,
  signInAccount: (email: string) => `sign-in:account:${email}`,
  signInAddress: (address: string) => `sign-in:address:${address}`,
  signUpAddress: (address: string) => `sign-up:address:${address}`,
  renameAccount: (userId: string) => `rename:account:${userId}`,
};

/** The wait after `failures` consecutive failures of one pair (0 while still free). */
export function delayAfterFailures(failures: number, policy: DelayPolicy = SIGN_IN_PAIR_POLICY): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.freeFailures));
}

const emptyBucket = (now: Date): Bucket => ({ count: 0, windowStartedAt: now, blockedUntil: null, lastSucceededAt: null });

function isBlocked(bucket: Bucket | null, now: Date): RateLimitVerdict {
  if (bucket?.blockedUntil && bucket.blockedUntil > now) return { isAllowed: false, retryAfterMs: bucket.blockedUntil.getTime() - now.getTime() };
  return { isAllowed: true };
}

/** Whether a pair may try now: refused while its delay runs. */
export function checkPair(bucket: Bucket | null, now: Date): RateLimitVerdict {
  return isBlocked(bucket, now);
}

/**
 * The pair's bucket once an attempt is charged to it — before the password is checked, so that
 * parallel guesses cannot all slip through one free slot. A success then calls `clearPairFailures`.
 */
export function chargePairAttempt(bucket: Bucket | null, now: Date, policy: DelayPolicy = SIGN_IN_PAIR_POLICY): Bucket {
  const isStale = !bucket || now.getTime() - bucket.windowStartedAt.getTime() > policy.forgetAfterMs;
  const base = isStale ? { ...emptyBucket(now), lastSucceededAt: bucket?.lastSucceededAt ?? null } : bucket;
  const count = base.count + 1;
  const delay = delayAfterFailures(count, policy);
  return { ...base, count, blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null, windowStartedAt: isStale ? now : base.windowStartedAt };
}

/** The pair's bucket after a successful sign-in: failures forgotten, the address now known. */
export function clearPairFailures(bucket: Bucket | null, now: Date): Bucket {
  return { ...(bucket ?? emptyBucket(now)), count: 0, windowStartedAt: now, blockedUntil: null, lastSucceededAt: now };
}

/** True when the account's owner signed in from this pair's address recently. */
export function isKnownPair(bucket: Bucket | null, now: Date, policy: DelayPolicy = SIGN_IN_PAIR_POLICY): boolean {
  return !!bucket?.lastSucceededAt && now.getTime() - bucket.lastSucceededAt.getTime() <= policy.knownForMs;
}

function currentWindow(bucket: Bucket | null, now: Date, policy: WindowPolicy): Bucket {
  if (!bucket || now.getTime() - bucket.windowStartedAt.getTime() >= policy.windowMs) return { ...emptyBucket(now), lastSucceededAt: bucket?.lastSucceededAt ?? null };
  return bucket;
}

/** Whether a fixed-window ceiling still has room. */
export function checkWindow(bucket: Bucket | null, now: Date, policy: WindowPolicy): RateLimitVerdict {
  const current = currentWindow(bucket, now, policy);
  if (current.count < policy.max) return { isAllowed: true };
  return { isAllowed: false, retryAfterMs: Math.max(1000, current.windowStartedAt.getTime() + policy.windowMs - now.getTime()) };
}

/** The bucket with one more failure (or use) counted in its window. */
export function countInWindow(bucket: Bucket | null, now: Date, policy: WindowPolicy): Bucket {
  const current = currentWindow(bucket, now, policy);
  return { ...current, count: current.count + 1 };
}

/** "20 seconds" / "3 minutes" / "23 hours" style wording for a retry delay, rounded up. */
export function describeRetryAfter(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return seconds === 1 ? "a second" : `${seconds} seconds`;
  }
  const minutes = Math.ceil(ms / 60_000);
  if (minutes <= 90) return minutes === 1 ? "a minute" : `${minutes} minutes`;
  return `${Math.ceil(ms / HOUR)} hours`;
}
