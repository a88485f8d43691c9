// The committed migrations, the embedded database's self-migration and Prisma's CLI agree with each other:
// - the migrations produce exactly prisma/schema.prisma (no drift);
// - migrateEmbedded applies them once, records them as Prisma does, and refuses an untrustworthy history;
// - the CLI (through the offline WASM engine bridge) reads what migrateEmbedded wrote, and vice versa;
// - the same on the PostgreSQL server when DATABASE_URL is set (in a database of our own, dropped after).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MigrationError, migrateEmbedded, migrationChecksum, readMigrations } from "@/lib/db/migrate";
import { openMigratedPglite } from "./embedded-template";
import { createTestDatabase, pgMigrationTarget, SERVER_URL, type TestDatabase } from "./postgres";
import { runPrisma, type CliResult } from "./prisma-cli";
import { MIGRATIONS_DIR, PROJECT_ROOT } from "./template-file";

const CLI_TIMEOUT_MS = 120_000;
const SCHEMA = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
const DRIFT_ARGS = ["migrate", "diff", "--from-migrations", MIGRATIONS_DIR, "--to-schema", SCHEMA, "--exit-code"];
const LIVE_DRIFT_ARGS = ["migrate", "diff", "--from-config-datasource", "--to-schema", SCHEMA, "--exit-code"];

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const tempDirs: string[] = [];
async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `crux-${label}-`));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function output(result: CliResult): string {
  return `exit ${result.code}\n${result.stdout}\n${result.stderr}`;
}

/** A copy of the committed migrations that a test may tamper with. */
async function copyOfMigrations(): Promise<string> {
  const dir = path.join(await tempDir("migrations"), "migrations");
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

/**
 * Exit code 0 alone proves nothing: when the schema engine dies mid-request, the Prisma CLI can end with
 * status 0 and no output. "No difference detected" is printed only after a completed comparison.
 */
function expectNoDrift(result: CliResult) {
  expect(result.code, output(result)).toBe(0);
  expect(result.stdout, output(result)).toContain("No difference detected");
}

describe("committed migrations", () => {
  it("exist, with a migration_lock.toml for postgresql", async () => {
    expect((await readMigrations(MIGRATIONS_DIR)).length).toBeGreaterThan(0);
    expect(await readFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it(
    "produce exactly the schema in prisma/schema.prisma (no drift)",
    async () => {
      expectNoDrift(await runPrisma(DRIFT_ARGS, { dataDir: await tempDir("drift") }));
    },
    CLI_TIMEOUT_MS,
  );
});

describe("migrateEmbedded on PGlite", () => {
  let dataDir: string;
  let firstRun: { applied: string[] };
  let secondRun: { applied: string[] };
  let rows: MigrationRow[];

  beforeAll(async () => {
    dataDir = await tempDir("embedded");
    const db = await PGlite.create(path.join(dataDir, "pglite"));
    try {
      firstRun = await migrateEmbedded(db, MIGRATIONS_DIR);
      secondRun = await migrateEmbedded(db, MIGRATIONS_DIR);
      rows = (await db.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`)).rows;
    } finally {
      await db.close();
    }
  }, CLI_TIMEOUT_MS);

  it("applies every committed migration in order, then nothing on the next start", async () => {
    const names = (await readMigrations(MIGRATIONS_DIR)).map((migration) => migration.name);
    expect(firstRun.applied).toEqual(names);
    expect(secondRun.applied).toEqual([]);
  });

  it("records each migration as Prisma does, with the sha256 of its file as checksum", async () => {
    const local = await readMigrations(MIGRATIONS_DIR);
    expect(rows.map((row) => row.migration_name)).toEqual(local.map((migration) => migration.name));
    for (const row of rows) {
      const file = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(migrationChecksum(file.toString("utf8")));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it(
    "leaves a database that `prisma migrate status` reports as up to date",
    async () => {
      const result = await runPrisma(["migrate", "status"], { dataDir });
      expect(result.code, output(result)).toBe(0);
      expect(result.stdout).toContain("Database schema is up to date");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "leaves a database whose live schema matches prisma/schema.prisma",
    async () => {
      expectNoDrift(await runPrisma(LIVE_DRIFT_ARGS, { dataDir }));
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "finds nothing to do on a database migrated by `prisma migrate deploy`",
    async () => {
      const deployDir = await tempDir("deploy");
      const deploy = await runPrisma(["migrate", "deploy"], { dataDir: deployDir });
      expect(deploy.code, output(deploy)).toBe(0);
      const db = await PGlite.create(path.join(deployDir, "pglite"));
      try {
        expect(await migrateEmbedded(db, MIGRATIONS_DIR)).toEqual({ applied: [] });
      } finally {
        await db.close();
      }
    },
    CLI_TIMEOUT_MS,
  );

  it("refuses a migration that was modified after it was applied", async () => {
    const migrationsDir = await copyOfMigrations();
    const last = (await readMigrations(migrationsDir)).at(-1);
    if (!last) throw new Error("no migrations");
    await writeFile(path.join(migrationsDir, last.name, "migration.sql"), `${last.script}\n-- edited\n`);
    const db = await openMigratedPglite();
    try {
      const error = await rejection(migrateEmbedded(db, migrationsDir));
      expect(error.reason).toBe("modified");
      expect(error.migrationName).toBe(last.name);
    } finally {
      await db.close();
    }
  });

  it("accepts an applied migration whose line endings changed to CRLF", async () => {
    const migrationsDir = await copyOfMigrations();
    for (const migration of await readMigrations(migrationsDir)) {
      const crlf = migration.script.replaceAll("\r\n", "\n").replaceAll("\n", "\r\n");
      await writeFile(path.join(migrationsDir, migration.name, "migration.sql"), crlf);
    }
    const db = await openMigratedPglite();
    try {
      expect(await migrateEmbedded(db, migrationsDir)).toEqual({ applied: [] });
    } finally {
      await db.close();
    }
  });

  it("rolls back a failing migration, records it as failed, and refuses to go on", async () => {
    const migrationsDir = await copyOfMigrations();
    const broken = "99999999999999_broken";
    await mkdir(path.join(migrationsDir, broken));
    await writeFile(path.join(migrationsDir, broken, "migration.sql"), BROKEN_SQL);
    const db = await openMigratedPglite();
    try {
      const first = await rejection(migrateEmbedded(db, migrationsDir));
      expect(first.reason).toBe("script");
      expect(first.migrationName).toBe(broken);
      const leftover = await db.query(`SELECT to_regclass('"BrokenHalfway"') AS table`);
      expect(leftover.rows).toEqual([{ table: null }]);
      const recorded = await db.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" WHERE migration_name = $1`, [
        broken,
      ]);
      expect(recorded.rows).toHaveLength(1);
      expect(recorded.rows[0]?.finished_at).toBeNull();
      expect(recorded.rows[0]?.logs).toContain("no_such_function");

      const again = await rejection(migrateEmbedded(db, migrationsDir));
      expect(again.reason).toBe("failed");
      expect(again.migrationName).toBe(broken);
    } finally {
      await db.close();
    }
  });

  it("refuses a database with an applied migration the folder does not contain", async () => {
    const emptyDir = await tempDir("no-migrations");
    const db = await openMigratedPglite();
    try {
      expect((await rejection(migrateEmbedded(db, emptyDir))).reason).toBe("unknown");
    } finally {
      await db.close();
    }
  });
});

describe.skipIf(!SERVER_URL)("migrations on PostgreSQL (DATABASE_URL)", () => {
  let embedded: TestDatabase;
  let deployed: TestDatabase;

  beforeAll(async () => {
    [embedded, deployed] = await Promise.all([createTestDatabase("migrate"), createTestDatabase("deploy")]);
  });
  afterAll(async () => {
    await Promise.all([embedded?.drop(), deployed?.drop()]);
  });

  it(
    "produce exactly the schema in prisma/schema.prisma, with a shadow database on the server",
    async () => {
      expectNoDrift(await runPrisma(DRIFT_ARGS, { databaseUrl: embedded.url }));
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "migrateEmbedded is idempotent there too, and Prisma reports the result up to date without drift",
    async () => {
      const client = new pg.Client({ connectionString: embedded.url });
      await client.connect();
      try {
        const names = (await readMigrations(MIGRATIONS_DIR)).map((migration) => migration.name);
        expect(await migrateEmbedded(pgMigrationTarget(client), MIGRATIONS_DIR)).toEqual({ applied: names });
        expect(await migrateEmbedded(pgMigrationTarget(client), MIGRATIONS_DIR)).toEqual({ applied: [] });
      } finally {
        await client.end();
      }
      const status = await runPrisma(["migrate", "status"], { databaseUrl: embedded.url });
      expect(status.code, output(status)).toBe(0);
      expect(status.stdout).toContain("Database schema is up to date");
      expectNoDrift(await runPrisma(LIVE_DRIFT_ARGS, { databaseUrl: embedded.url }));
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "`prisma migrate deploy` applies the migrations, and migrateEmbedded then finds nothing to do",
    async () => {
      const deploy = await runPrisma(["migrate", "deploy"], { databaseUrl: deployed.url });
      expect(deploy.code, output(deploy)).toBe(0);
      const client = new pg.Client({ connectionString: deployed.url });
      await client.connect();
      try {
        expect(await migrateEmbedded(pgMigrationTarget(client), MIGRATIONS_DIR)).toEqual({ applied: [] });
      } finally {
        await client.end();
      }
    },
    CLI_TIMEOUT_MS,
  );
});

const BROKEN_SQL = `CREATE TABLE "BrokenHalfway" ("id" INTEGER);
SELECT no_such_function();
`;
