// Loads `.env.local` then `.env` from the project root into process.env; variables already set in
// the environment win. Shared by every command-line entry point so they all see one configuration.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Parses KEY=value lines (optional `export `, quotes, # comments). */
export function parseEnv(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    if (line.trimStart().startsWith("#")) continue;
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, "$2");
  }
  return out;
}

export function loadProjectEnv() {
  for (const file of [".env.local", ".env"]) {
    const envPath = path.join(projectRoot, file);
    if (!existsSync(envPath)) continue;
    for (const [key, value] of Object.entries(parseEnv(readFileSync(envPath, "utf8")))) process.env[key] ??= value;
  }
}

loadProjectEnv();

// Crux runs in offline schools: no command it starts may try to call home. Next.js sends anonymous
// telemetry from `next build`, `next dev` and `next start` unless this is set; an operator who wants
// it can still set NEXT_TELEMETRY_DISABLED=0 explicitly.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
