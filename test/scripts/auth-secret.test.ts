// `npm start` after `npm run app` (new-user test): the app generated the session secret into the data folder,
// and the server refused to start with "NEXTAUTH_SECRET is not set" although the README says `npm start` serves
// an existing build. It now serves with that secret on the embedded database; without one it still says what to do.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { authSecretFor, ensureAuthSecret, generatedSecretPath } from "@/scripts/auth-secret.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "crux-auth-secret-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folder(name: string, secret?: string): string {
  const dir = path.join(scratch, name);
  const made = mkdtempSync(`${dir}-`);
  if (secret !== undefined) writeFileSync(generatedSecretPath(made), `${secret}\n`);
  return made;
}

describe("the session secret", () => {
  it("is NEXTAUTH_SECRET when set, whatever the data folder holds", () => {
    expect(authSecretFor({ NEXTAUTH_SECRET: "from-env" }, folder("env", "from-file"))).toEqual({ secret: "from-env", source: "NEXTAUTH_SECRET" });
  });

  it("is the one npm run app generated into the data folder, on the embedded database", () => {
    const dir = folder("generated", "from-file");
    expect(authSecretFor({}, dir)).toEqual({ secret: "from-file", source: generatedSecretPath(dir) });
  });

  it("is refused with what to do when there is neither, or the database is PostgreSQL", () => {
    expect(authSecretFor({}, folder("none")).problem).toMatch(/NEXTAUTH_SECRET is not set and .*auth-secret does not exist\. Run `npm run app` once/);
    expect(authSecretFor({}, folder("empty", "  ")).problem).toMatch(/NEXTAUTH_SECRET is not set/);
    expect(authSecretFor({ DATABASE_URL: "postgresql://db/crux" }, folder("pg", "from-file")).problem).toMatch(/With DATABASE_URL \(PostgreSQL\) set your own secret/);
  });

  it("is generated once by npm run app (owner-only) and then kept", () => {
    const dir = folder("ensure");
    const first = ensureAuthSecret({}, dir);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(statSync(generatedSecretPath(dir)).mode & 0o777).toBe(0o600);
    expect(ensureAuthSecret({}, dir)).toBe(first);
    expect(readFileSync(generatedSecretPath(dir), "utf8")).toBe(first);
    expect(ensureAuthSecret({ NEXTAUTH_SECRET: "mine" }, dir)).toBe("mine");
  });

  it.skipIf(process.platform === "win32")("is made owner-only again when the file was left readable by others", () => {
    const dir = folder("loose", "from-file");
    chmodSync(generatedSecretPath(dir), 0o644);
    expect(authSecretFor({}, dir).secret).toBe("from-file");
    expect(statSync(generatedSecretPath(dir)).mode & 0o777).toBe(0o600);
  });
});

describe("npm start (scripts/server.mjs) without NEXTAUTH_SECRET", () => {
  // An invalid TRUST_PROXY stops the server at the check after the secret's, before it opens anything: reaching it means the secret was found.
  const start = (dataDir: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["scripts/server.mjs", "-p", "3999"], {
      cwd: root,
      env: { ...process.env, NEXTAUTH_SECRET: "", DATABASE_URL: "", CRUX_DATA_DIR: dataDir, TRUST_PROXY: "not-a-proxy!", ...env },
      encoding: "utf8",
      timeout: 30_000,
    });

  it("uses the secret npm run app generated", () => {
    const run = start(folder("server-generated", "from-file"));
    expect(run.stderr).not.toContain("NEXTAUTH_SECRET is not set");
    expect(run.stderr).toContain("TRUST_PROXY is not a list of proxy addresses");
  });

  it("still stops with the reason when there is none", () => {
    const run = start(folder("server-none"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/NEXTAUTH_SECRET is not set and .*auth-secret does not exist/);
  });
});
