import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureWritableDataDir } from "@/scripts/data-dir.mjs";

const scratch = mkdtempSync(path.join(os.tmpdir(), "crux-data-dir-"));
afterAll(() => {
  chmodSync(path.join(scratch, "read-only"), 0o755);
  rmSync(scratch, { recursive: true, force: true });
});

describe("the data folder check", () => {
  it("creates a missing folder", () => {
    const dir = path.join(scratch, "a", "b");
    ensureWritableDataDir(dir);
    expect(() => writeFileSync(path.join(dir, "x"), "ok")).not.toThrow();
  });

  it("names a folder that cannot be created", () => {
    const file = path.join(scratch, "a-file");
    writeFileSync(file, "not a folder");
    expect(() => ensureWritableDataDir(path.join(file, "data"))).toThrow(`Crux's data folder ${path.join(file, "data")} (CRUX_DATA_DIR) does not exist and cannot be created`);
  });

  it("names a read-only folder", () => {
    const dir = path.join(scratch, "read-only");
    ensureWritableDataDir(dir);
    chmodSync(dir, 0o555);
    // root may write anywhere on an ordinary file system; /proc refuses even root.
    const readOnly = process.getuid?.() === 0 ? "/proc/self" : dir;
    expect(() => ensureWritableDataDir(readOnly)).toThrow(new RegExp(`Crux's data folder ${readOnly} \\(CRUX_DATA_DIR\\) is not writable`));
  });
});

describe("npm run app with an unusable data folder", () => {
  it("stops at once with a message naming the folder", () => {
    const file = path.join(scratch, "blocker");
    writeFileSync(file, "not a folder");
    const dataDir = path.join(file, "data");
    const run = spawnSync(process.execPath, ["scripts/app.mjs"], { cwd: path.resolve(import.meta.dirname, "..", ".."), env: { ...process.env, CRUX_DATA_DIR: dataDir }, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Crux's data folder ${dataDir} (CRUX_DATA_DIR) does not exist and cannot be created`);
    expect(run.stdout).not.toContain("Installing");
  });
});
