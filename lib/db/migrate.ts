import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

// Applies the committed Prisma migrations (prisma/migrations/*/migration.sql) to the embedded PGlite
// database at app start, without the Prisma CLI or its schema engine. Bookkeeping goes into Prisma's own
// `_prisma_migrations` table, row for row as `prisma migrate deploy` writes it, so the CLI
// (`npm run db:migrate:status`) sees the same history whichever of the two applied a migration.

/** What the migrator needs from a database: PGlite fits as is; a `pg` client fits through a small wrapper. */
export interface MigrationQueryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

export interface MigrationTarget extends MigrationQueryable {
  transaction<T>(run: (tx: MigrationQueryable) => Promise<T>): Promise<T>;
}

export type MigrationErrorReason = "failed" | "modified" | "unknown" | "invalid" | "script";

/** The database and the migrations folder disagree, or a migration script failed; nothing further was applied. */
export class MigrationError extends Error {
  constructor(
    readonly reason: MigrationErrorReason,
    readonly migrationName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MigrationError";
  }
}

export interface LocalMigration {
  /** Directory name, e.g. `20260301120000_init`; migrations apply in the order of these names. */
  name: string;
  script: string;
  /** sha256 hex of the script, as Prisma records it. */
  checksum: string;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
  logs: string | null;
}

// Exactly the table Prisma's schema engine creates on PostgreSQL.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

/** sha256 hex of a migration script — the checksum Prisma stores in `_prisma_migrations.checksum`. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/** Prisma accepts a script whose line endings changed (git autocrlf) as unmodified; so do we. */
function isSameScript(script: string, checksum: string): boolean {
  const lf = script.replaceAll("\r\n", "\n");
  return [script, lf, lf.replaceAll("\n", "\r\n")].some((variant) => migrationChecksum(variant) === checksum);
}

/** The migrations in `migrationsDir`, in the order Prisma applies them (directory names, ascending). */
export async function readMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      const script = await readFile(file, "utf8").catch((error: unknown) => {
        throw new MigrationError("invalid", name, `Migration ${name} has no readable migration.sql (${file}).`, {
          cause: error,
        });
      });
      return { name, script, checksum: migrationChecksum(script) };
    }),
  );
}

/**
 * Brings the embedded database up to date with `migrationsDir`: applies each pending migration in order,
 * each in its own transaction, recording it in `_prisma_migrations` as Prisma does. Idempotent: a migrated
 * database gets no changes. Refuses, before applying anything, when the history cannot be trusted: a failed
 * migration, an applied migration whose file has since been modified, or one the folder does not contain.
 * A failing script is rolled back, recorded as failed (like Prisma, with the error in `logs`) and thrown.
 * @returns the names of the migrations applied by this call, in order.
 */
export async function migrateEmbedded(db: MigrationTarget, migrationsDir: string): Promise<{ applied: string[] }> {
  const local = await readMigrations(migrationsDir);
  await db.exec(CREATE_MIGRATIONS_TABLE);
  const { rows } = await db.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, logs
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );

  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      "failed",
      failed.migration_name,
      `Migration ${failed.migration_name} failed earlier and left the database in an unknown state` +
        `${failed.logs ? ` (${failed.logs.trim()})` : ""}. Fix the database, then mark it with ` +
        `\`npm run prisma -- migrate resolve --rolled-back ${failed.migration_name}\` (or delete the data folder).`,
    );
  }

  const localByName = new Map(local.map((migration) => [migration.name, migration]));
  const appliedRows = rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null);
  for (const row of appliedRows) {
    const migration = localByName.get(row.migration_name);
    if (!migration) {
      throw new MigrationError(
        "unknown",
        row.migration_name,
        `The database has migration ${row.migration_name} applied, but ${migrationsDir} does not contain it ` +
          `(a newer build created this database?). Refusing to migrate.`,
      );
    }
    if (!isSameScript(migration.script, row.checksum)) {
      throw new MigrationError(
        "modified",
        row.migration_name,
        `Migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum} in the ` +
          `database, ${migration.checksum} on disk). Restore the file; schema changes go in a new migration.`,
      );
    }
  }

  const appliedNames = new Set(appliedRows.map((row) => row.migration_name));
  const pending = local.filter((migration) => !appliedNames.has(migration.name));
  for (const migration of pending) await applyMigration(db, migration);
  return { applied: pending.map((migration) => migration.name) };
}

async function applyMigration(db: MigrationTarget, migration: LocalMigration): Promise<void> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await db.transaction(async (tx) => {
      await tx.exec(migration.script);
      await tx.query(
        `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
    throw new MigrationError("script", migration.name, `Migration ${migration.name} failed: ${message}`, {
      cause: error,
    });
  }
}
