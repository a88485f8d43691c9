// The secret that signs session tokens (NEXTAUTH_SECRET). Set it yourself in production. Left unset,
// `npm run app` generates one once into the data folder ($CRUX_DATA_DIR/auth-secret) and `npm start`
// (scripts/server.mjs) serves with that same one on the embedded database, so sessions survive a
// restart either way. A PostgreSQL deployment may serve from several processes and machines, which
// must all sign with one secret: it sets NEXTAUTH_SECRET itself, and a file one machine made is not used.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where `npm run app` keeps the secret it generated. */
export function generatedSecretPath(dataDir) {
  return path.join(dataDir, "auth-secret");
}

function readGeneratedSecret(dataDir) {
  const file = generatedSecretPath(dataDir);
  if (!existsSync(file)) return null;
  // A secret others on the machine can read lets them forge sessions: keep it to its owner (as it was written).
  if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, "utf8").trim() || null;
}

/** `npm run app`: NEXTAUTH_SECRET when set, else the data folder's generated secret, made now when there is none. */
export function ensureAuthSecret(env, dataDir) {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const existing = readGeneratedSecret(dataDir);
  if (existing) return existing;
  writeFileSync(generatedSecretPath(dataDir), randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readGeneratedSecret(dataDir);
}

/**
 * `npm start` / `npm run dev`: `{secret}` — NEXTAUTH_SECRET, else (embedded database only) the one
 * `npm run app` generated into the data folder — or `{problem}`, saying what to do.
 */
export function authSecretFor(env, dataDir) {
  if (env.NEXTAUTH_SECRET) return { secret: env.NEXTAUTH_SECRET, source: "NEXTAUTH_SECRET" };
  const file = generatedSecretPath(dataDir);
  if (env.DATABASE_URL) {
    return { problem: "NEXTAUTH_SECRET is not set. With DATABASE_URL (PostgreSQL) set your own secret, the same for every server process (see .env.example)." };
  }
  const generated = readGeneratedSecret(dataDir);
  if (generated) return { secret: generated, source: file };
  return { problem: `NEXTAUTH_SECRET is not set and ${file} does not exist. Run \`npm run app\` once (it generates one there), or set your own (see .env.example).` };
}
