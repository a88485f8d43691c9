#!/usr/bin/env node
// One command to run Crux from a fresh clone: install (when needed), generate the Prisma client,
// migrate and seed the database, build, and serve on port 3000 (PORT overrides).
// Embedded PGlite by default; with DATABASE_URL it migrates that PostgreSQL database with
// `prisma migrate deploy` first. Plain Node: it runs before dependencies are installed.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import "./load-env.mjs"; // .env.local / .env, shared with every step below
import { ensureAuthSecret } from "./auth-secret.mjs";
import { ensureWritableDataDir } from "./data-dir.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const dataDir = path.resolve(root, process.env.CRUX_DATA_DIR || ".data");

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.signal === "SIGINT" || result.signal === "SIGTERM") {
    console.log(`\n■ ${label}: stopped.`);
    process.exit(0);
  }
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}


// 0. The data folder (embedded database, generated secret) must be writable before anything else.
try {
  ensureWritableDataDir(dataDir);
} catch (e) {
  console.error(`✖ ${e.message}`);
  process.exit(1);
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

// 1. Install when node_modules is missing or older than the lockfile.
const lockfile = path.join(root, "package-lock.json");
const installedMarker = path.join(root, "node_modules", ".package-lock.json");
if (!existsSync(installedMarker) || mtime(installedMarker) < mtime(lockfile)) {
  run("Installing dependencies (npm ci)", npm, ["ci", "--no-audit", "--no-fund"]);
} else {
  run("Generating the Prisma client", npm, ["run", "-s", "db:generate"]);
}

// 2. An auth secret: NEXTAUTH_SECRET if set, else one generated once and kept in the data folder.
// (`npm start` later serves with the same one: scripts/auth-secret.mjs.)
const secret = ensureAuthSecret(process.env, dataDir);
if (process.env.DATABASE_URL && !process.env.NEXTAUTH_SECRET) {
  console.log(
    `\n! NEXTAUTH_SECRET is not set: this run signs sessions with the secret generated in ${path.join(dataDir, "auth-secret")}, ` +
      "known to this machine only. Servers on other machines (or `npm start` without `npm run app`) need NEXTAUTH_SECRET set, the same everywhere (see .env.example).",
  );
}
const port = process.env.PORT || "3000";
const env = { NEXTAUTH_SECRET: secret, NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}` };

// 3. Database: PostgreSQL is migrated with the standard CLI path; the embedded one migrates itself on open.
if (process.env.DATABASE_URL) run("Migrating PostgreSQL (prisma migrate deploy)", npm, ["run", "-s", "db:migrate:deploy"], env);
run("Seeding the study pack and demo accounts", npm, ["run", "-s", "db:seed"], env);

// 4. Build and serve.
run("Building (next build)", npm, ["run", "-s", "build"], env);
console.log(`\n▶ Serving on http://localhost:${port} — sign in as asha@crux.example / crux-student-2026 (see README)`);
run("Serving (scripts/server.mjs)", npm, ["run", "-s", "start", "--", "-p", port], env);
