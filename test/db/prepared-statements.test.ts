// Prepared statements on PostgreSQL: each distinct SQL text gets one stable name, so a connection parses
// and plans it once; a bounded number of texts per process; and a failing statement leaves its connection
// usable. The database half runs when DATABASE_URL is set (CI's PostgreSQL pass); PGlite has no pool.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgresDb } from "@/lib/db/client";
import { statementNames } from "@/lib/db/statement-names";
import { createMigratedTestDatabase, SERVER_URL, type TestDatabase } from "./postgres";

describe("statement names", () => {
  it("gives one text one name, and two texts two names, each a valid PostgreSQL identifier", () => {
    const nameOf = statementNames(10);
    const a = nameOf({ sql: `SELECT id FROM "User" WHERE id = $1` });
    expect(a).toMatch(/^[a-z_][a-z0-9_]{0,62}$/);
    expect(nameOf({ sql: `SELECT id FROM "User" WHERE id = $1` })).toBe(a);
    expect(nameOf({ sql: `SELECT id FROM "User" WHERE email = $1` })).not.toBe(a);
  });

  it("names no more than its limit of texts: later texts run unnamed, earlier ones keep their names", () => {
    const nameOf = statementNames(2);
    const first = nameOf({ sql: "SELECT 1" });
    const second = nameOf({ sql: "SELECT 2" });
    expect(nameOf({ sql: "SELECT 3" })).toBe("");
    expect(nameOf({ sql: "SELECT 1" })).toBe(first);
    expect(nameOf({ sql: "SELECT 2" })).toBe(second);
  });
});

describe.skipIf(!SERVER_URL)("prepared statements on a PostgreSQL connection", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createMigratedTestDatabase("prepared");
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** The statements the (single) connection of `handle` holds prepared, as pg_prepared_statements lists them. */
  const prepared = async (handle: ReturnType<typeof openPostgresDb>) =>
    handle.client.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements ORDER BY name`;

  it("prepares each statement once on its connection, and nothing when preparing is off", async () => {
    const preparing = openPostgresDb(database.url, 1);
    const plain = openPostgresDb(database.url, 1, false);
    try {
      for (let i = 0; i < 3; i++) await preparing.client.user.count({ where: { email: `nobody-${i}@example.com` } });
      const names = (await prepared(preparing)).map((r) => r.name);
      // The count (one text, whatever its argument) and the listing itself.
      expect(names.filter((n) => n.startsWith("crux_"))).toHaveLength(2);
      await plain.client.user.count();
      expect(await prepared(plain)).toEqual([]);
    } finally {
      await preparing.close();
      await plain.close();
    }
  });

  it("keeps the connection usable after a prepared statement fails to run or to parse", async () => {
    const handle = openPostgresDb(database.url, 1);
    try {
      const divide = (by: number) => handle.client.$queryRawUnsafe<{ q: number }[]>("SELECT 10 / $1::int AS q", by);
      await expect(divide(0)).rejects.toThrow(/division by zero/);
      expect(await divide(5)).toEqual([{ q: 2 }]);
      // A text that fails to parse (its table does not exist yet) is parsed again on its next run.
      const read = () => handle.client.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "LaterTable"`);
      await expect(read()).rejects.toThrow();
      await handle.client.$executeRawUnsafe(`CREATE TABLE "LaterTable" (id int)`);
      expect(await read()).toEqual([{ n: 0 }]);
    } finally {
      await handle.close();
    }
  });
});
