// Throwaway PostgreSQL databases for tests that run when DATABASE_URL is set (CI runs the suite twice:
// without DATABASE_URL on PGlite, with it against the PostgreSQL server). Each test file creates its own
// database on that server and drops it afterwards; DATABASE_URL's own database is never touched.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateEmbedded, type MigrationQueryable, type MigrationTarget } from "@/lib/db/migrate";
import { MIGRATIONS_DIR } from "./template-file";

export const SERVER_URL = process.env.DATABASE_URL || undefined;

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database `crux_test_<label>_<random>` on DATABASE_URL's server. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  if (!SERVER_URL) throw new Error("createTestDatabase needs DATABASE_URL");
  const name = `crux_test_${label.replace(/\W/g, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/** Creates a test database with every migration applied (through migrateEmbedded, ~0.3 s). */
export async function createMigratedTestDatabase(label: string): Promise<TestDatabase> {
  const database = await createTestDatabase(label);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await migrateEmbedded(pgMigrationTarget(client), MIGRATIONS_DIR);
  } finally {
    await client.end();
  }
  return database;
}

/** Lets migrateEmbedded (written for PGlite) run over a connected `pg` client. */
export function pgMigrationTarget(client: pg.Client): MigrationTarget {
  const queryable: MigrationQueryable = {
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
    exec: (sql: string) => client.query(sql),
  };
  return {
    ...queryable,
    transaction: async (run) => {
      await client.query("BEGIN");
      try {
        const result = await run(queryable);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
}

async function withAdmin<T>(run: (admin: pg.Client) => Promise<T>): Promise<T> {
  if (!SERVER_URL) throw new Error("needs DATABASE_URL");
  const url = new URL(SERVER_URL);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}
