import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * scripts/server.mjs as a cluster (WEB_CONCURRENCY=2 on PostgreSQL): two workers serve, one that dies
 * is replaced, and SIGTERM stops them all. It serves the production build, so it runs after
 * `npm run build` only. No database is needed for the sign-in page: DATABASE_URL names one that is
 * never opened for it.
 */
const root = path.resolve(import.meta.dirname, "..", "..");
const hasBuild = existsSync(path.join(root, ".next", "BUILD_ID"));
const PORT = Number(process.env.CLUSTER_TEST_PORT ?? 3726);

function childPids(pid: number): number[] {
  return readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((child) => {
      try {
        const stat = readFileSync(`/proc/${child}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    });
}

const isAlive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\S+ \([^)]*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));

async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const signinStatus = () =>
  fetch(`http://127.0.0.1:${PORT}/signin`, { redirect: "manual" }).then(
    (r) => r.status,
    () => 0,
  );

describe.skipIf(!hasBuild || process.platform !== "linux")("scripts/server.mjs with WEB_CONCURRENCY=2 (after npm run build)", () => {
  let server: ChildProcess | undefined;
  let output = "";
  afterAll(() => {
    if (server?.pid && server.exitCode === null) {
      for (const pid of childPids(server.pid)) process.kill(pid, "SIGKILL");
      server.kill("SIGKILL");
    }
  });

  it("serves on two processes, replaces one that dies, and stops them all on SIGTERM", async () => {
    server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        WEB_CONCURRENCY: "2",
        DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/crux_cluster_test_never_opened",
        GENERATION_IN_APP: "0",
        NEXTAUTH_SECRET: "cluster-test-secret-0123456789-0123456789",
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [server.stdout, server.stderr]) stream?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const primary = server.pid!;

    await until("the server to announce two processes", () => output.includes(`listening on http://127.0.0.1:${PORT} (2 server processes)`));
    const first = childPids(primary);
    expect(first).toHaveLength(2);
    expect(await signinStatus()).toBe(200);

    process.kill(first[0]!, "SIGKILL");
    await until("a replacement worker", () => output.includes(`server process ${first[0]} stopped (signal SIGKILL); starting another.`));
    const second = await until("two workers again", () => {
      const now = childPids(primary);
      return now.length === 2 && !now.includes(first[0]!) ? now : null;
    });
    expect(second).toContain(first[1]);
    await until("the sign-in page from the new pair", async () => (await signinStatus()) === 200);

    const exited = new Promise<number | null>((r) => server!.once("exit", (code) => r(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of second) expect(isAlive(pid)).toBe(false);
  }, 120_000);
});
