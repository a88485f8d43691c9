// Builds (once, cached in the OS temp folder by the migrations' content) a gzipped dump of a PGlite
// database with every migration applied. No vitest import here: test/db/global-setup.ts runs it in the
// main process.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migrateEmbedded, readMigrations } from "@/lib/db/migrate";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

/** Path of the migrated-database dump for `migrationsDir`, building it when missing. */
export async function ensureTemplateFile(migrationsDir: string = MIGRATIONS_DIR): Promise<string> {
  const migrations = await readMigrations(migrationsDir);
  const key = createHash("sha256")
    .update(await pgliteVersion())
    .update(JSON.stringify(migrations.map((migration) => [migration.name, migration.checksum])))
    .digest("hex")
    .slice(0, 16);
  const file = path.join(os.tmpdir(), "crux-test", `pglite-migrated-${key}.tar.gz`);
  if (await exists(file)) return file;

  const db = await PGlite.create();
  try {
    await migrateEmbedded(db, migrationsDir);
    const dump = await db.dumpDataDir("gzip");
    await mkdir(path.dirname(file), { recursive: true });
    // Parallel workers may build it at the same time: write aside, then rename atomically.
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await db.close();
  }
  return file;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function pgliteVersion(): Promise<string> {
  const packageJson = path.join(PROJECT_ROOT, "node_modules", "@electric-sql", "pglite", "package.json");
  const { version } = JSON.parse(await readFile(packageJson, "utf8")) as { version: string };
  return version;
}
