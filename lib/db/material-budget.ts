import { getDb } from "./client";

/** Bytes (UTF-8) of material text that `ownerId` stored after `since`: what their daily budget counts. */
export async function materialBytesSince(ownerId: string, since: Date): Promise<number> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ bytes: bigint | number | null }>>`
    SELECT COALESCE(SUM(octet_length("text")), 0)::bigint AS bytes FROM "Material" WHERE "ownerId" = ${ownerId} AND "createdAt" > ${since}`;
  return Number(rows[0]?.bytes ?? 0);
}
