// Turns the datasource URL the Prisma CLI hands to the schema engine into a migration-aware driver
// adapter for the WASM engine, and implements the engine's database-level CLI commands.
//
// URL convention (prisma.config.ts builds it):
//   postgres://… | postgresql://…  → the PostgreSQL server, through @prisma/adapter-pg
//   file:///absolute/dir            → an embedded PGlite database stored in that directory
//
// The official adapters need a few fixes to serve the schema engine rather than the query engine:
//   - migration scripts must run whole, in one simple-protocol round trip (adapter-pg splits on `;`,
//     which breaks `$$` bodies; pglite-prisma-adapter does not await `exec`, so errors are lost);
//   - adapter-pg cannot decode Postgres's internal `"char"` type (OID 18) that catalog queries return,
//     and the engine's describer reads some of those columns as characters (pg_constraint.contype);
//   - adapter-pg's shadow database reuses the main database when built from a connection string, and
//     the PGlite adapter never closes its in-memory shadow database.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataFolder } from "../data-folder-lock.mjs";

/** An error the Prisma CLI understands: a P-code plus a human message. */
export class EngineError extends Error {
  constructor(errorCode, message, meta = {}) {
    super(message);
    this.errorCode = errorCode;
    this.meta = meta;
  }
}

const CHAR_OID = 18;
const TEXT_OID = 25;

/** @returns {"pglite" | "postgres"} */
export function datasourceKind(url) {
  if (typeof url !== "string" || url === "") {
    throw new EngineError("P1012", "The datasource URL is empty; set it in prisma.config.ts.");
  }
  if (url.startsWith("file:")) return "pglite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgres";
  throw new EngineError(
    "P1013",
    `Unsupported datasource URL "${redact(url)}": expected postgresql://… or file:///absolute/path (PGlite).`,
  );
}

/**
 * Opens the datasource for the WASM engine; `executeScript` runs a multi-statement script as one simple query.
 * @returns {Promise<{ factory: import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory, executeScript(script: string): Promise<void>, close(): Promise<void> }>}
 */
export async function openDatasource(url) {
  return datasourceKind(url) === "pglite" ? openPglite(pgliteDir(url)) : openPostgres(url);
}

/** `cli can-connect-to-database`: resolves, or throws EngineError P1003 when the database is missing. */
export async function canConnect(url) {
  if (datasourceKind(url) === "pglite") {
    const dir = pgliteDir(url);
    if (!existsSync(path.join(dir, "PG_VERSION"))) {
      throw new EngineError("P1003", `Database \`${path.basename(dir)}\` does not exist at \`${dir}\``, {
        database_file_name: path.basename(dir),
        database_file_path: dir,
      });
    }
    return;
  }
  const target = postgresTarget(url);
  const client = new pg.Client(target.config);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw postgresConnectionError(error, target);
  } finally {
    await client.end().catch(() => {});
  }
}

/** `cli create-database` */
export async function createDatabase(url) {
  if (datasourceKind(url) === "pglite") {
    const dir = pgliteDir(url);
    await mkdir(dir, { recursive: true });
    await whileLocked(dir, async () => {
      const db = await PGlite.create(dir);
      await db.close();
    });
    return;
  }
  const target = postgresTarget(url);
  await withAdminClient(target, (admin) => admin.query(`CREATE DATABASE ${quoteIdent(target.database)}`));
}

/** `cli drop-database` */
export async function dropDatabase(url) {
  if (datasourceKind(url) === "pglite") {
    const dir = pgliteDir(url);
    if (!existsSync(dir)) return;
    // Only ever delete what is recognisably a Postgres data directory, whatever the URL says.
    if (!existsSync(path.join(dir, "PG_VERSION"))) {
      throw new EngineError("P1000", `Refusing to delete ${dir}: it is not a PGlite data directory.`);
    }
    await whileLocked(dir, () => rm(dir, { recursive: true, force: true }));
    return;
  }
  const target = postgresTarget(url);
  await withAdminClient(target, (admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(target.database)} WITH (FORCE)`),
  );
}

// ---------------------------------------------------------------------------------------------
// PGlite

function pgliteDir(url) {
  let dir;
  try {
    dir = fileURLToPath(url);
  } catch {
    dir = undefined;
  }
  if (!dir || !path.isAbsolute(dir)) {
    throw new EngineError("P1013", `A PGlite datasource must be an absolute file URL (file:///…), got "${url}".`);
  }
  return dir;
}

/**
 * Locks the folder as the app does (scripts/data-folder-lock.mjs): a migration run beside a server
 * on the same embedded database would corrupt it. A lock lost while held stops the engine at once.
 */
function lockPgliteFolder(dir) {
  return lockDataFolder(dir, {
    onLost: (error) => {
      process.stderr.write(`Lost the lock on the embedded database in ${dir} (${error.message}); stopping.\n`);
      process.exit(1);
    },
  });
}

async function whileLocked(dir, work) {
  const release = await lockPgliteFolder(dir);
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}

async function openPglite(dir) {
  // Locked at once, so that a folder in use elsewhere fails the command with the reason (an error
  // inside the adapter reaches the CLI only as "External error"); opened on first use: diffs between
  // migrations and a schema only need the shadow database.
  await mkdir(dir, { recursive: true });
  const release = await lockPgliteFolder(dir);
  let opening;
  const main = () => {
    opening ??= PGlite.create(dir);
    return opening;
  };
  const shadows = new Set();
  const factory = {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: async () => {
      const db = await main();
      return withWholeScripts(await new PrismaPGlite(db).connect(), (script) => db.exec(script));
    },
    connectToShadowDb: async () => {
      const shadow = await createShadowPglite();
      shadows.add(shadow);
      const adapter = await new PrismaPGlite(shadow).connect();
      return withWholeScripts(adapter, (script) => shadow.exec(script), async () => {
        shadows.delete(shadow);
        await shadow.close();
      });
    },
  };
  return {
    factory,
    executeScript: async (script) => {
      await (await main()).exec(script);
    },
    close: async () => {
      await Promise.all([...shadows].map((shadow) => shadow.close()));
      try {
        if (opening) await (await opening).close();
      } finally {
        await release().catch(() => {});
      }
    },
  };
}

// One `migrate dev` asks for several shadow databases. initdb costs ~2 s each time; loading a dump of a
// freshly initialised cluster costs a fraction of that.
let pristineCluster;
async function createShadowPglite() {
  if (pristineCluster) return PGlite.create({ loadDataDir: pristineCluster });
  const shadow = await PGlite.create();
  pristineCluster = await shadow.dumpDataDir("none");
  return shadow;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/**
 * pg client that reports `"char"` columns as text, which adapter-pg can decode (same string value), and
 * remembers which columns they were so that `withCharColumns` can give them back their type.
 */
class CatalogSafeClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      return super.query(config, values, (error, result) => callback(error, error ? result : relabelChar(result)));
    }
    const pending = super.query(config, values);
    return typeof pending?.then === "function" ? pending.then(relabelChar) : pending;
  }
}

function relabelChar(result) {
  for (const part of Array.isArray(result) ? result : [result]) {
    const charColumns = [];
    (part?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      charColumns.push(index);
    });
    if (charColumns.length > 0 && Array.isArray(part.rows)) charColumnsOfRows.set(part.rows, charColumns);
  }
  return result;
}

/** Which columns of a result were `"char"`, keyed by the rows array that adapter-pg passes on unchanged. */
const charColumnsOfRows = new WeakMap();

/**
 * adapter-pg types a `"char"` column as text; the engine's describer reads some as characters
 * (`get_expect_char("constraint_type")` over pg_constraint) and panics on text, as soon as the database
 * holds a constraint trigger (contype 't'). Report them as Character, as the PGlite adapter does.
 */
function withCharColumns(queryable) {
  const fixed = Object.create(queryable);
  fixed.queryRaw = async (query) => {
    const result = await queryable.queryRaw(query);
    const charColumns = charColumnsOfRows.get(result?.rows);
    if (charColumns) {
      const columnTypes = [...result.columnTypes];
      for (const index of charColumns) columnTypes[index] = ColumnTypeEnum.Character;
      return { ...result, columnTypes };
    }
    return result;
  };
  if (typeof queryable.startTransaction === "function") {
    fixed.startTransaction = async (...args) => withCharColumns(await queryable.startTransaction(...args));
  }
  return fixed;
}

/** Splits Prisma's `?schema=` off the URL (pg does not know it) and finds the database name. */
function postgresTarget(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  if (schema !== undefined && schema !== "public") {
    // Migration scripts use unqualified names, so honouring `?schema=` would take a search_path on every
    // connection of the CLI and of the app alike; Crux keeps one database per deployment instead.
    throw new EngineError("P1013", `DATABASE_URL's ?schema=${schema} is not supported; use a database of its own.`);
  }
  parsed.searchParams.delete("schema");
  const database = decodeURIComponent(parsed.pathname.slice(1)) || "postgres";
  const connectionString = parsed.toString();
  return {
    database,
    connectionString,
    config: { connectionString, Client: CatalogSafeClient },
    withDatabase(name) {
      const other = new URL(connectionString);
      other.pathname = `/${encodeURIComponent(name)}`;
      return { connectionString: other.toString(), Client: CatalogSafeClient };
    },
  };
}

async function withAdminClient(target, run) {
  let lastError;
  for (const adminDb of ["postgres", "template1"]) {
    if (adminDb === target.database) continue;
    const admin = new pg.Client(target.withDatabase(adminDb));
    try {
      await admin.connect();
    } catch (error) {
      lastError = error;
      await admin.end().catch(() => {});
      continue;
    }
    try {
      return await run(admin);
    } catch (error) {
      throw toDriverAdapterError(error);
    } finally {
      await admin.end().catch(() => {});
    }
  }
  throw postgresConnectionError(lastError, target);
}

async function openPostgres(url) {
  const target = postgresTarget(url);
  const pool = new pg.Pool(target.config);
  pool.on("error", () => {});
  const shadows = new Set();
  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () =>
      withWholeScripts(withCharColumns(await new PrismaPg(pool).connect()), (script) => pool.query(script)),
    connectToShadowDb: async () => {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withAdminClient(target, (admin) => admin.query(`CREATE DATABASE ${quoteIdent(name)}`));
      const shadowPool = new pg.Pool(target.withDatabase(name));
      shadowPool.on("error", () => {});
      const drop = async () => {
        if (!shadows.delete(drop)) return;
        await shadowPool.end().catch(() => {});
        await withAdminClient(target, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
      };
      shadows.add(drop);
      const adapter = withCharColumns(await new PrismaPg(shadowPool).connect());
      return withWholeScripts(adapter, (script) => shadowPool.query(script), drop);
    },
  };
  return {
    factory,
    executeScript: async (script) => {
      await pool.query(script);
    },
    close: async () => {
      await Promise.all([...shadows].map((drop) => drop().catch(() => {})));
      await pool.end();
    },
  };
}

function postgresConnectionError(error, target) {
  const code = error?.code;
  if (code === "3D000") {
    return new EngineError("P1003", `Database \`${target.database}\` does not exist on the database server`, {
      database_name: target.database,
    });
  }
  if (code === "28P01" || code === "28000") {
    return new EngineError("P1000", `Authentication failed against the database server: ${error.message}`);
  }
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "EHOSTUNREACH") {
    const where = new URL(target.connectionString);
    return new EngineError("P1001", `Can't reach database server at \`${where.hostname}:${where.port || 5432}\``, {
      database_host: where.hostname,
      database_port: where.port || "5432",
    });
  }
  return new EngineError("P1000", `Cannot connect to the database: ${error?.message ?? String(error)}`);
}

// ---------------------------------------------------------------------------------------------
// shared

/**
 * The adapter, with `executeScript` running the script whole (one implicit transaction, `$$` bodies
 * intact) and an optional extra clean-up after `dispose`.
 */
function withWholeScripts(adapter, runScript, afterDispose) {
  const fixed = Object.create(adapter);
  fixed.executeScript = async (script) => {
    try {
      await runScript(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  };
  fixed.dispose = async () => {
    await adapter.dispose();
    await afterDispose?.();
  };
  return fixed;
}

/** A Postgres server error in the shape the engine renders as "Database error code: …". */
function toDriverAdapterError(error) {
  if (error instanceof DriverAdapterError || typeof error?.code !== "string" || typeof error?.severity !== "string") {
    return error;
  }
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code,
    severity: error.severity,
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  });
}

function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

export function redact(url) {
  return String(url).replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
