import type { Bucket } from "../auth/rate-limit";
import { BUCKET_RETENTION_MS } from "../auth/rate-limit";
import { getDb } from "./client";
import { isUniqueViolation } from "./errors";

/** The stored buckets of `keys` (missing keys are absent from the map). */
export async function getRateLimitBuckets(keys: readonly string[]): Promise<Map<string, Bucket>> {
  const db = await getDb();
  const rows = await db.rateLimitBucket.findMany({
    where: { key: { in: [...keys] } },
    select: { key: true, count: true, windowStartedAt: true, blockedUntil: true, lastSucceededAt: true },
  });
  return new Map(rows.map(({ key, ...bucket }) => [key, bucket]));
}

const MAX_TRIES = 8;

/**
 * Atomically replaces one key's bucket with `change(current)`; `change` returns null to leave it
 * as it is (the caller's limit refused). Optimistic concurrency on the row's version: of several
 * requests racing on one key, each sees the bucket the previous one left, exactly as if they had
 * come one after another. Returns the bucket written, or null when `change` refused.
 */
export async function changeRateLimitBucket(key: string, change: (current: Bucket | null) => Bucket | null): Promise<Bucket | null> {
  const db = await getDb();
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const row = await db.rateLimitBucket.findUnique({ where: { key } });
    const next = change(row ? { count: row.count, windowStartedAt: row.windowStartedAt, blockedUntil: row.blockedUntil, lastSucceededAt: row.lastSucceededAt } : null);
    if (!next) return null;
    if (!row) {
      try {
        await db.rateLimitBucket.create({ data: { key, ...next } });
        return next;
      } catch (e) {
        if (isUniqueViolation(e)) continue; // created meanwhile by a parallel request: read it again
        throw e;
      }
    }
    const { count } = await db.rateLimitBucket.updateMany({ where: { key, version: row.version }, data: { ...next, version: row.version + 1 } });
    if (count === 1) return next;
  }
  // Constant contention on one key is itself a flood: refuse rather than let it through.
  return null;
}

/** Deletes buckets no policy still looks at. */
export async function deleteStaleRateLimitBuckets(now: Date): Promise<void> {
  const db = await getDb();
  await db.rateLimitBucket.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - BUCKET_RETENTION_MS) } } });
}
