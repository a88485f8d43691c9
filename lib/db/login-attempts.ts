import { getDb } from "./client";

/** Failed sign-in times for each key since `since`, newest first. */
export async function listRecentLoginFailures(keys: string[], since: Date): Promise<Map<string, Date[]>> {
  const db = await getDb();
  const rows = await db.loginAttempt.findMany({
    where: { key: { in: keys }, isSucceeded: false, createdAt: { gt: since } },
    select: { key: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const byKey = new Map<string, Date[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(row.key)?.push(row.createdAt);
  return byKey;
}

/** Records one sign-in attempt per key; a success clears the key's earlier failures. */
export async function recordLoginAttempt(keys: string[], isSucceeded: boolean, now: Date): Promise<void> {
  const db = await getDb();
  await db.$transaction([
    ...(isSucceeded ? [db.loginAttempt.deleteMany({ where: { key: { in: keys }, isSucceeded: false } })] : []),
    db.loginAttempt.createMany({ data: keys.map((key) => ({ key, isSucceeded, createdAt: now })) }),
    // Keep the table small: rows older than a day no longer matter to any window.
    db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } }),
  ]);
}
