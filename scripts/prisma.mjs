#!/usr/bin/env node
// Runs the installed Prisma CLI with our schema engine bridge, so no command ever downloads Prisma's
// native engine (its CDN is unreachable offline, in CI and in air-gapped schools).
//   node scripts/prisma.mjs <prisma args…>     e.g. `npm run prisma -- migrate diff …`
// The bridge (scripts/schema-engine/bin.mjs) runs Prisma's WASM schema engine over PGlite or
// PostgreSQL; prisma.config.ts decides which (DATABASE_URL set → PostgreSQL, unset → embedded PGlite).
import { spawn } from "node:child_process";
import { accessSync, chmodSync, constants, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import "./load-env.mjs";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const engine = path.join(projectRoot, "scripts", "schema-engine", "bin.mjs");

// The CLI spawns the engine directly, so it must be executable even when a checkout lost the mode bit.
try {
  accessSync(engine, constants.X_OK);
} catch {
  chmodSync(engine, 0o755);
}

const prismaPackageJson = fileURLToPath(import.meta.resolve("prisma/package.json"));
const { bin } = JSON.parse(readFileSync(prismaPackageJson, "utf8"));
const cli = path.join(path.dirname(prismaPackageJson), typeof bin === "string" ? bin : bin.prisma);

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: engine,
    // No update check or telemetry round trip to checkpoint.prisma.io (it only adds a timeout offline).
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("error", (error) => {
  console.error(`Could not start the Prisma CLI: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code) => {
  process.exit(code ?? 1);
});
