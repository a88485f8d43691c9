// Runs the project's Prisma CLI wrapper (scripts/prisma.mjs → WASM schema engine bridge) from tests.
import { execFile } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./template-file";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Prisma's schema engine sometimes fails to start under `migrate diff` ("Error in Schema engine",
 * exit 1 — prisma/orm#29062, confirmed upstream); CI met it once on a busy machine. That crash, and
 * only that one, is retried: a drift (exit 2) or any other error is returned as it is.
 */
const SCHEMA_ENGINE_START_FAILURE = /Error in Schema engine/;

/**
 * `npm run prisma -- <args>` against an explicit database: `{ databaseUrl }` for PostgreSQL, or
 * `{ dataDir }` for the embedded PGlite database stored in `<dataDir>/pglite` (never the project's .data).
 */
export async function runPrisma(
  args: string[],
  target: { databaseUrl: string } | { dataDir: string },
): Promise<CliResult> {
  let result = await runPrismaOnce(args, target);
  for (let retry = 0; retry < 2 && result.code === 1 && SCHEMA_ENGINE_START_FAILURE.test(result.stdout + result.stderr); retry++) {
    result = await runPrismaOnce(args, target);
  }
  return result;
}

function runPrismaOnce(args: string[], target: { databaseUrl: string } | { dataDir: string }): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", NO_COLOR: "1", FORCE_COLOR: "0" };
  delete env.DATABASE_URL;
  if ("databaseUrl" in target) env.DATABASE_URL = target.databaseUrl;
  else env.CRUX_DATA_DIR = target.dataDir;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(PROJECT_ROOT, "scripts", "prisma.mjs"), ...args],
      { cwd: PROJECT_ROOT, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
