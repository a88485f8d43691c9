// The embedded database's folder belongs to one process at a time (scripts/data-folder-lock.mjs):
// - a second opener is refused with a reason, not let in to corrupt the folder (two PGlite processes
//   writing one folder lose rows and may leave it unopenable: "xlog flush request … is not satisfied");
// - the lock is kept however long its holder goes without a turn (nothing refreshes it on a timer), and
//   a second open in the same process is told so;
// - a process killed without closing (kill -9) leaves a lock the next opener takes over at once, and
//   what it had saved is still there;
// - a folder that cannot be opened says which folder and what to do, and leaves it unlocked.
import { spawn } from "node:child_process";
import { existsSync, utimesSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openEmbeddedDb } from "@/lib/db/client";
import { DataFolderInUseError, dataFolderHolder } from "@/scripts/data-folder-lock.mjs";
import { runPrisma } from "./prisma-cli";
import { PROJECT_ROOT } from "./template-file";

const tempDirs: string[] = [];
async function dataFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "crux-lock-"));
  tempDirs.push(dir);
  return path.join(dir, "pglite");
}
/** Processes a test started: killed at the end whatever happened, so a failing test leaves no holder behind. */
const children: Array<{ kill: (signal: NodeJS.Signals) => boolean }> = [];
afterAll(async () => {
  for (const child of children) {
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  }
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const user = (email: string) => ({ email, name: "Lock Probe", passwordHash: "not-a-hash" });

describe("the embedded database's data folder", () => {
  it("refuses a second opener while the first has it open, and lets it in once closed", async () => {
    const dir = await dataFolder();
    const first = await openEmbeddedDb(dir);
    try {
      await first.client.user.create({ data: user("first@lock.example") });
      const second = openEmbeddedDb(dir);
      await expect(second).rejects.toBeInstanceOf(DataFolderInUseError);
      await expect(second).rejects.toThrow(dir);
      // The refused opener changed nothing: the first handle still reads and writes.
      await first.client.user.create({ data: user("first-again@lock.example") });
      expect(await first.client.user.count()).toBe(2);
    } finally {
      await first.close();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const reopened = await openEmbeddedDb(dir);
    try {
      expect((await reopened.client.user.findMany({ orderBy: { email: "asc" } })).map((u) => u.email)).toEqual([
        "first-again@lock.example",
        "first@lock.example",
      ]);
    } finally {
      await reopened.close();
    }
  });

  it("takes over the lock of a process killed without closing, with what it saved intact", async () => {
    const dir = await dataFolder();
    const script = path.join(path.dirname(dir), "hold.mts");
    await writeFile(
      script,
      [
        `import { openEmbeddedDb } from ${JSON.stringify(path.join(PROJECT_ROOT, "lib", "db", "client.ts"))};`,
        `const db = await openEmbeddedDb(${JSON.stringify(dir)});`,
        `await db.client.user.create({ data: ${JSON.stringify(user("saved-before-the-crash@lock.example"))} });`,
        `console.log("saved");`,
        `setInterval(() => {}, 1000);`,
      ].join("\n"),
    );
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "cli.mjs"), script], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let output = "";
    const saved = new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("saved")) resolve();
      });
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("exit", (code) => reject(new Error(`the holder exited (${code}) before saving:\n${output}`)));
    });
    await saved;
    // While it lives, the folder is its (tsx runs the script in a process of its own: that one holds it).
    const holderPid = dataFolderHolder(dir)?.pid;
    expect(holderPid).toBeGreaterThan(0);
    children.push({ kill: (signal) => (holderPid ? process.kill(holderPid, signal) : false) });
    await expect(openEmbeddedDb(dir)).rejects.toThrow(`is open in another process (pid ${holderPid}:`);
    await expect(openEmbeddedDb(dir)).rejects.toThrow(`its lock ${dir}.lock is left over: remove that file`);

    const exited = new Promise((resolve) => child.on("exit", resolve));
    process.kill(holderPid!, "SIGKILL");
    await exited; // (tsx exits with the process it ran, and reaps it)
    expect(existsSync(`${dir}.lock`)).toBe(true); // nothing released it
    expect(dataFolderHolder(dir)).toBeNull(); // but its holder is gone

    const reopened = await openEmbeddedDb(dir);
    try {
      expect((await reopened.client.user.findMany()).map((u) => u.email)).toEqual(["saved-before-the-crash@lock.example"]);
    } finally {
      await reopened.close();
    }
  }, 60_000);

  it("keeps the lock of a holder that has not touched it for an hour, and tells a second open in one process so", async () => {
    const dir = await dataFolder();
    const holder = await openEmbeddedDb(dir);
    try {
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(`${dir}.lock`, hourAgo, hourAgo);
      await expect(openEmbeddedDb(dir)).rejects.toThrow(`Crux's embedded database in ${dir} is already open in this process`);
      expect(dataFolderHolder(dir)).toMatchObject({ pid: process.pid, isThisProcess: true });
      expect(await holder.client.user.count()).toBe(0);
    } finally {
      await holder.close();
    }
    expect(dataFolderHolder(dir)).toBeNull();
  });

  it("refuses a Prisma command on a folder a process has open, then runs it", async () => {
    const dir = await dataFolder();
    const holder = await openEmbeddedDb(dir);
    try {
      const refused = await runPrisma(["migrate", "status"], { dataDir: path.dirname(dir) });
      expect(refused.code).not.toBe(0);
      expect(`${refused.stdout}${refused.stderr}`).toContain(`Crux's embedded database in ${dir} is open in another process`);
      expect(await holder.client.user.count()).toBe(0); // the holder goes on undisturbed
    } finally {
      await holder.close();
    }
    const status = await runPrisma(["migrate", "status"], { dataDir: path.dirname(dir) });
    expect(`${status.stdout}${status.stderr}`).toContain("Database schema is up to date");
    expect(existsSync(`${dir}.lock`)).toBe(false);
  }, 120_000);

  it("clears what is no lock of a live process: a file it did not write, an empty directory in its place", async () => {
    const dir = await dataFolder();
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}.lock`, "not a lock");
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${dir}.lock`, old, old);
    await (await openEmbeddedDb(dir)).close();
    await mkdir(`${dir}.lock`);
    const reopened = await openEmbeddedDb(dir);
    expect(dataFolderHolder(dir)).toMatchObject({ pid: process.pid, isThisProcess: true });
    await reopened.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it("names the folder and the way out when it cannot be opened, and leaves it unlocked", async () => {
    const dir = await dataFolder();
    await (await openEmbeddedDb(dir)).close();
    await writeFile(path.join(dir, "global", "pg_control"), "not a control file");

    const opening = openEmbeddedDb(dir);
    await expect(opening).rejects.toThrow(`Crux's embedded database in ${dir} could not be opened`);
    await expect(opening).rejects.toThrow(/move the folder aside/);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  }, 60_000);
});
