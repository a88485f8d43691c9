// Fast migrated PGlite databases for tests.
//
// Creating a PGlite database runs initdb (~3–4 s) plus the migrations; loading a dump of an already migrated
// one takes ~0.5 s. So the migrated database is built once and dumped to a file keyed by the migrations'
// content (reused across runs until a migration changes), and each test file loads that dump:
//
//   vitest.config.ts   test: { globalSetup: ["test/db/global-setup.ts"] }     builds the dump once per run
//   a test file        const db = await openMigratedPglite();  …  afterAll(() => db.close());
//
// openMigratedPglite() also works without the global setup: it then builds or reuses the dump itself.
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { ensureTemplateFile } from "./template-file";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the gzipped, fully migrated PGlite data-dir dump (set by test/db/global-setup.ts). */
    pgliteTemplate?: string;
  }
}

/** The migrated-database dump, ready for `new PGlite({ loadDataDir })` (or lib/db's `openEmbeddedDb`). */
export async function loadTemplateDump(): Promise<Blob> {
  const file = inject("pgliteTemplate") ?? (await ensureTemplateFile());
  return new Blob([await readFile(file)]);
}

/** A new in-memory PGlite database with every migration applied. Close it when done (`db.close()`). */
export async function openMigratedPglite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await loadTemplateDump() });
}
