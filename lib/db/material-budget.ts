import { getDb } from "./client";

/**
 * Bytes (UTF-8) of material text that `ownerId` stored after `since`: what their daily budget counts —
 * including material stored then and deleted since with its study set (DeletedMaterial), so deleting
 * a set gives no budget back.
 */
export async function materialBytesSince(ownerId: string, since: Date): Promise<number> {
  const db = await getDb();
  const rows = await db.$queryRaw<Array<{ bytes: bigint | number | null }>>`
    SELECT ((SELECT COALESCE(SUM(octet_length("text")), 0) FROM "Material" WHERE "ownerId" = ${ownerId} AND "createdAt" > ${since})
          + (SELECT COALESCE(SUM("bytes"), 0) FROM "DeletedMaterial" WHERE "ownerId" = ${ownerId} AND "storedAt" > ${since}))::bigint AS bytes`;
  return Number(rows[0]?.bytes ?? 0);
}
