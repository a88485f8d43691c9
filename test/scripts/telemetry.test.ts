import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("Next.js telemetry stays off (Crux runs offline)", () => {
  it("starts Next.js only through scripts/next.mjs or Crux's server, never the bare CLI", () => {
    const bare = Object.entries(scripts).filter(([, command]) => /(^|&&|;|\|)\s*(npx\s+)?next\s/.test(command));
    expect(bare).toEqual([]);
    expect(scripts.build).toMatch(/^node scripts\/next\.mjs /);
    for (const name of ["dev", "start"]) expect(scripts[name]).toMatch(/^node scripts\/server\.mjs\b/);
    // The server loads the project environment (telemetry off) before it loads Next.js.
    const server = readFileSync(path.join(root, "scripts", "server.mjs"), "utf8");
    expect(server.indexOf('import "./load-env.mjs"')).toBeGreaterThan(-1);
    expect(server.indexOf('import "./load-env.mjs"')).toBeLessThan(server.indexOf('await import("next")'));
  });

  it("sets NEXT_TELEMETRY_DISABLED=1 for every command that loads the project environment", () => {
    const env = { ...process.env };
    delete env.NEXT_TELEMETRY_DISABLED;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", "await import('./scripts/load-env.mjs'); console.log(process.env.NEXT_TELEMETRY_DISABLED)"], { cwd: root, env, encoding: "utf8" });
    expect(r.stdout.trim()).toBe("1");
  });

  it("documents the setting in .env.example", () => {
    expect(readFileSync(path.join(root, ".env.example"), "utf8")).toMatch(/^NEXT_TELEMETRY_DISABLED=1$/m);
  });
});
