// A fresh, migrated database for each test file, installed as the process-wide lib/db client:
//   no DATABASE_URL → an in-memory PGlite loaded from the migrated dump (test/db/embedded-template.ts);
//   DATABASE_URL    → a new PostgreSQL database on that server (test/db/postgres.ts), dropped afterwards.
// Use: `useTestDatabase()` at the top of a test file (it registers beforeAll/afterAll).
import { afterAll, beforeAll } from "vitest";
import { closeDb, installDb, openEmbeddedDb, openPostgresDb } from "@/lib/db/client";
import { loadTemplateDump } from "../db/embedded-template";
import { createMigratedTestDatabase, type TestDatabase } from "../db/postgres";

export const isPostgres = !!process.env.DATABASE_URL;

/** Registers hooks giving this test file its own migrated database through lib/db's getDb(). */
export function useTestDatabase(): void {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (isPostgres) {
      database = await createMigratedTestDatabase("file");
      installDb(openPostgresDb(database.url));
    } else {
      installDb(await openEmbeddedDb(undefined, { loadDataDir: await loadTemplateDump() }));
    }
  });
  afterAll(async () => {
    await closeDb();
    await database?.drop();
  });
}
