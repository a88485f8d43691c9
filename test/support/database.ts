// A fresh, migrated database for each test file, installed as the process-wide lib/db client:
//   no DATABASE_URL → an in-memory PGlite loaded from the migrated dump (test/db/embedded-template.ts);
//   DATABASE_URL    → a new PostgreSQL database on that server, migrated, and dropped afterwards.
// Use: `useTestDatabase()` at the top of a test file (it registers beforeAll/afterAll).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { closeDb, installDb, MIGRATIONS_DIR, openEmbeddedDb, openPostgresDb } from "@/lib/db/client";
import { migrateEmbedded, type MigrationQueryable } from "@/lib/db/migrate";
import { loadTemplateDump } from "../db/embedded-template";

export const isPostgres = !!process.env.DATABASE_URL;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Wraps a pg client in the interface the migrator expects. */
function asMigrationTarget(client: pg.Client) {
  const queryable: MigrationQueryable = {
    query: async <T,>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
    exec: (sql: string) => client.query(sql),
  };
  return {
    ...queryable,
    transaction: async <T,>(run: (tx: MigrationQueryable) => Promise<T>) => {
      await client.query("BEGIN");
      try {
        const result = await run(queryable);
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    },
  };
}

/** Creates and migrates a throwaway PostgreSQL database; returns its URL and a function that drops it. */
export async function createPostgresTestDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `crux_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(baseUrl, name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await migrateEmbedded(asMigrationTarget(client), MIGRATIONS_DIR);
  } finally {
    await client.end();
  }
  return {
    url,
    drop: async () => {
      const a = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Registers hooks giving this test file its own migrated database through lib/db's getDb(). */
export function useTestDatabase(): void {
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const baseUrl = process.env.DATABASE_URL;
    if (baseUrl) {
      const created = await createPostgresTestDatabase(baseUrl);
      drop = created.drop;
      installDb(openPostgresDb(created.url));
    } else {
      installDb(await openEmbeddedDb(undefined, { loadDataDir: await loadTemplateDump() }));
    }
  });
  afterAll(async () => {
    await closeDb();
    await drop?.();
  });
}
