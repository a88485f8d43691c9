import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { serverEnv } from "../env";
import { lockDataFolder } from "../../scripts/data-folder-lock.mjs";
import { PrismaClient } from "./generated/client";
import { migrateEmbedded } from "./migrate";

export type Db = PrismaClient;

interface DbHandle {
  client: PrismaClient;
  close: () => Promise<void>;
}

const globalForDb = globalThis as unknown as { cruxDb?: Promise<DbHandle> };

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma", "migrations");

export interface EmbeddedDbOptions {
  /** A dump to load (tests: the migrated template), for a database in memory. */
  loadDataDir?: Blob;
}

/**
 * Opens an embedded PGlite database at `dataDir` (or in memory when undefined), migrated to the latest
 * schema. A data folder is locked to this process while open (scripts/data-folder-lock.mjs):
 * DataFolderInUseError when another live process has it.
 */
export async function openEmbeddedDb(dataDir?: string, options: EmbeddedDbOptions = {}): Promise<DbHandle> {
  let releaseLock = async () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = await lockDataFolder(dataDir, {
      onLost: (error) => {
        // The folder is no longer this process's alone (its lock was removed, or another process took it):
        // writing on could damage it, and so could closing (a shutdown checkpoint). Stop at once; PGlite
        // recovers what was committed from its log.
        console.error(`[crux] Lost the lock on the embedded database in ${dataDir} (${error.message}); stopping so that no two processes write it.`);
        process.exit(1);
      },
    });
  }
  let pglite: PGlite;
  try {
    pglite = new PGlite(dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : undefined);
    await pglite.waitReady;
  } catch (e) {
    await releaseLock().catch(() => undefined);
    if (!dataDir) throw e;
    throw new Error(
      `Crux's embedded database in ${dataDir} could not be opened (${e instanceof Error ? e.message : String(e)}). ` +
        "If it was written by two processes at once it may be damaged: move the folder aside to keep it, and start again " +
        "(`npm run app` makes and seeds a new one).",
      { cause: e },
    );
  }
  try {
    await migrateEmbedded(pglite, MIGRATIONS_DIR);
  } catch (e) {
    await pglite.close().catch(() => undefined);
    await releaseLock().catch(() => undefined);
    throw e;
  }
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    client,
    close: async () => {
      await client.$disconnect();
      // PGlite keeps the process alive until closed; $disconnect alone does not close it.
      if (!pglite.closed) await pglite.close();
      await releaseLock().catch(() => undefined);
    },
  };
}

/**
 * Connects to PostgreSQL through a pool of at most `poolSize` connections (a request waits for a free
 * one). Its schema is migrated with `npm run db:migrate:deploy`, not here.
 */
export function openPostgresDb(connectionString: string, poolSize = 10): DbHandle {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolSize }) });
  return { client, close: () => client.$disconnect() };
}

function openFromEnv(): Promise<DbHandle> {
  const env = serverEnv();
  if (env.DATABASE_URL) return Promise.resolve(openPostgresDb(env.DATABASE_URL, env.DATABASE_POOL_SIZE));
  return openEmbeddedDb(env.pgliteDir);
}

/** The process-wide database client (one per process; survives Next.js dev reloads). */
export async function getDb(): Promise<Db> {
  if (!globalForDb.cruxDb) {
    const opening = openFromEnv();
    globalForDb.cruxDb = opening;
    opening.catch(() => {
      if (globalForDb.cruxDb === opening) globalForDb.cruxDb = undefined;
    });
    registerShutdown();
  }
  return (await globalForDb.cruxDb).client;
}

/** Replaces the process-wide database (tests install a per-file database here). */
export function installDb(handle: DbHandle | Promise<DbHandle>): void {
  globalForDb.cruxDb = Promise.resolve(handle);
}

/** Closes the process-wide database, if open. */
export async function closeDb(): Promise<void> {
  const opening = globalForDb.cruxDb;
  globalForDb.cruxDb = undefined;
  if (opening) await (await opening).close();
}

let isShutdownRegistered = false;
function registerShutdown(): void {
  if (isShutdownRegistered || typeof process.once !== "function") return;
  isShutdownRegistered = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void closeDb().finally(() => process.exit(0));
    });
  }
}
