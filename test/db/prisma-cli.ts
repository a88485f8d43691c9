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
 * `npm run prisma -- <args>` against an explicit database: `{ databaseUrl }` for PostgreSQL, or
 * `{ dataDir }` for the embedded PGlite database stored in `<dataDir>/pglite` (never the project's .data).
 */
export function runPrisma(args: string[], target: { databaseUrl: string } | { dataDir: string }): Promise<CliResult> {
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
