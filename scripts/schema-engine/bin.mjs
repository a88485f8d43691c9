#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` executable, so the Prisma CLI never downloads one.
// scripts/prisma.mjs points PRISMA_SCHEMA_ENGINE_BINARY here; the CLI then spawns this file exactly as it
// would spawn the native engine, and we answer with Prisma's own engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) running over a driver adapter (see datasource.mjs for the URL convention).
//
// What the CLI expects from the executable (prisma/build/cli.js, class SchemaEngine and helpers):
//   --version                                    → stdout `schema-engine-cli <hash>`
//   --datasource '{"url":…}' cli <command>       → can-connect-to-database | create-database | drop-database;
//                                                  exit 1 with JSON log lines on stderr on failure
//   --datamodels <file>… --datasource '{…}'      → JSON-RPC 2.0 server: one request per stdin line, one
//                                                  response per stdout line, JSON log lines on stderr
import { readFile } from "node:fs/promises";
import readline from "node:readline";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { canConnect, createDatabase, dropDatabase, EngineError, openDatasource } from "./datasource.mjs";
import { lastPanicMessage, loadSchemaEngineWasm } from "./wasm-engine.mjs";

const RPC_ERROR_CODE = 4466;
const NEEDS_PREPARED_SHADOW = new Set(["evaluateDataLoss", "createMigration"]);

function log(level, fields) {
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" })}\n`,
  );
}

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i] ?? "{}");
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") {
      args.cli = argv[++i];
      break;
    }
  }
  return args;
}

/** Normalises whatever the engine or a driver threw into the `error.data` object the CLI reads. */
function errorData(error) {
  if (error instanceof EngineError) {
    return { is_panic: false, message: error.message, meta: error.meta, error_code: error.errorCode };
  }
  if (error instanceof WebAssembly.RuntimeError || error?.name === "RuntimeError") {
    const message = lastPanicMessage() ?? error.message;
    return { is_panic: true, message, backtrace: error.stack, error: { message } };
  }
  const code = typeof error?.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : undefined;
  return {
    is_panic: false,
    message: String(error?.message ?? error),
    meta: error?.meta ?? null,
    ...(code ? { error_code: code } : {}),
  };
}

async function runCliCommand(command, url) {
  const commands = {
    "can-connect-to-database": () => canConnect(url),
    "create-database": () => createDatabase(url),
    "drop-database": () => dropDatabase(url),
  };
  const run = commands[command];
  if (!run) {
    log("ERROR", { message: `Unknown schema engine cli command: ${command}` });
    return 1;
  }
  // Like the native engine, announce ourselves first: the CLI skips the first stderr line.
  log("INFO", { message: "Starting schema engine CLI (WASM bridge)" });
  try {
    await run();
    return 0;
  } catch (error) {
    const data = errorData(error);
    log("ERROR", { message: data.message, error_code: data.error_code ?? "P1000" });
    return 1;
  }
}

async function serve({ datamodels, datasource }) {
  const wasm = await loadSchemaEngineWasm();
  const files = await Promise.all(datamodels.map(async (file) => [file, await readFile(file, "utf8")]));
  let opened;
  let engine;
  let isShadowPrepared = false;
  const getEngine = async () => {
    if (!engine) {
      opened ??= await openDatasource(datasource?.url);
      const onLog = (line) => process.stderr.write(`${typeof line === "string" ? line : JSON.stringify(line)}\n`);
      engine = await wasm.SchemaEngine.new(
        { datamodels: files.length > 0 ? files : undefined },
        onLog,
        bindMigrationAwareSqlAdapterFactory(opened.factory),
      );
    }
    return engine;
  };

  // Requests the engine sends to the CLI (only `print`), awaiting the CLI's reply on stdin.
  let nextOutgoingId = 1_000_000;
  const awaitingReply = new Map();
  const callCli = (method, params) =>
    new Promise((resolve) => {
      const id = nextOutgoingId++;
      awaitingReply.set(id, resolve);
      process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    });

  const methods = {
    getDatabaseVersion: async (params) => (await getEngine()).version(params ?? undefined),
    version: async (params) => (await getEngine()).version(params ?? undefined),
    diff: async (params) => {
      const result = await (await getEngine()).diff(params);
      if (result.stdout) await callCli("print", { content: result.stdout });
      return { exitCode: result.exitCode };
    },
    // `prisma db execute`: the WASM engine sends the whole script as one prepared statement, which
    // Postgres rejects when it holds several commands; run it as a simple query, like the native engine.
    dbExecute: async (params) => {
      const target = params?.datasourceType;
      if (target?.tag === "url" && target.url !== datasource?.url) {
        const other = await openDatasource(target.url);
        try {
          await other.executeScript(params.script);
        } finally {
          await other.close();
        }
      } else {
        opened ??= await openDatasource(datasource?.url);
        await opened.executeScript(params.script);
      }
      return {};
    },
    createDatabase: async (params) => {
      const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : datasource?.url;
      await createDatabase(url);
      return { databaseName: url ? new URL(url).pathname.split("/").pop() : "" };
    },
  };

  const call = async (method, params) => {
    if (methods[method]) return methods[method](params);
    const instance = await getEngine();
    if (typeof instance[method] !== "function") {
      throw new EngineError("P1000", `The WASM schema engine does not support \`${method}\`.`);
    }
    if (NEEDS_PREPARED_SHADOW.has(method) && !isShadowPrepared) {
      // The WASM engine's evaluateDataLoss/createMigration only find a shadow database that a preceding
      // devDiagnostic/diagnoseMigrationHistory set up, and other commands (applyMigrations, which
      // `migrate dev` runs in between when migrations are pending) discard it: "PostgreSQL shadow DB
      // must be provided through an external factory". Prepare it the way those commands do.
      await instance.diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters,
      });
      isShadowPrepared = true;
    }
    return (await instance[method](params)) ?? {};
  };

  const trackShadow = (method, params) => {
    if (method === "devDiagnostic") isShadowPrepared = true;
    else if (method === "diagnoseMigrationHistory") isShadowPrepared = params?.optInToShadowDatabase === true;
    else if (!NEEDS_PREPARED_SHADOW.has(method)) isShadowPrepared = false;
  };

  // Every request gets exactly one answer: `unanswered` holds those received and not yet answered.
  const unanswered = new Set();
  const answer = (id, body) => {
    if (!unanswered.delete(id)) return;
    process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", id, ...body })}\n`);
  };
  const answerWithError = (id, data) =>
    answer(id, { error: { code: RPC_ERROR_CODE, message: "An error happened. Check the data field for details.", data } });

  // After a Rust panic the engine is unusable: its state may be half-updated, and a future it was
  // driving never settles. `crash` holds the panic's report from then on.
  let crash;
  let closing;
  /** Exits once what was written to stdout has reached the pipe (a pipe write is asynchronous). */
  const exitAfterFlush = (code) => process.stdout.write("", () => process.exit(code));

  let queue = Promise.resolve();
  const handle = async (request) => {
    if (crash) return answerWithError(request.id, crash);
    const startedAt = Date.now();
    try {
      const result = await call(request.method, request.params);
      trackShadow(request.method, request.params);
      log("INFO", { message: `${request.method} took ${Date.now() - startedAt} ms` });
      answer(request.id, { result });
    } catch (error) {
      isShadowPrepared = false;
      const data = errorData(error);
      if (data.is_panic) {
        log("ERROR", { message: data.message, backtrace: data.backtrace ?? "" });
        crash ??= data;
      }
      answerWithError(request.id, data);
    }
  };

  // A Rust panic inside a task the engine runs in the background (the schema describer, for one) is
  // thrown outside any request's promise, which then never settles. Dying at that point is not enough:
  // the 7.10 CLI can miss the engine's exit and end `migrate diff --exit-code` with status 0 and no
  // output, which reads as "no drift". So every request received and not yet answered — the one in
  // flight and any queued behind it — is answered with the panic (the CLI prints it and fails), later
  // ones likewise, and the process exits with status 1 once the CLI closes stdin (at once if it has).
  const onUncaught = (error) => {
    const data = errorData(error);
    log("ERROR", { message: data.message, backtrace: data.backtrace ?? "" });
    crash ??= data.is_panic ? data : { ...data, message: `The schema engine stopped after an error: ${data.message}` };
    for (const id of [...unanswered]) answerWithError(id, crash);
    if (closing) exitAfterFlush(1);
  };
  process.on("uncaughtException", onUncaught);
  process.on("unhandledRejection", onUncaught);

  const shutdown = () => {
    closing ??= (async () => {
      if (crash) return exitAfterFlush(1);
      await queue.catch(() => {});
      await opened?.close().catch(() => {});
      exitAfterFlush(crash ? 1 : 0);
    })();
    return closing;
  };
  // The CLI ends stdin and, on POSIX, sends SIGTERM at once: finish the running request and close the
  // database (PGlite flushes on close) before exiting.
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      log("ERROR", { message: `Could not parse JSON-RPC line: ${line.slice(0, 200)}` });
      return;
    }
    if (message.method === undefined && awaitingReply.has(message.id)) {
      awaitingReply.get(message.id)(message.result);
      awaitingReply.delete(message.id);
      return;
    }
    unanswered.add(message.id);
    if (crash) return answerWithError(message.id, crash);
    queue = queue.then(() => handle(message));
  });
  lines.on("close", shutdown);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    const wasm = await loadSchemaEngineWasm();
    process.stdout.write(`schema-engine-cli ${wasm.version()}\n`);
    return 0;
  }
  if (args.cli) return runCliCommand(args.cli, args.datasource?.url);
  await serve(args);
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (error) => {
    log("ERROR", { message: String(error?.stack ?? error) });
    process.exit(1);
  },
);
