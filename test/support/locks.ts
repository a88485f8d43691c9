// For race tests on PostgreSQL: wait until other connections are blocked on a row lock.
import { getDb } from "@/lib/db/client";

/** Resolves once at least `n` other connections wait for a lock (PostgreSQL only). */
export async function untilLockWaiters(n: number): Promise<void> {
  const db = await getDb();
  for (let i = 0; i < 400; i++) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`;
    if ((row?.n ?? 0) >= n) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`fewer than ${n} statements came to wait for a lock`);
}
