/**
 * Shared harness for the browser tests: an embedded database seeded once with the study pack and
 * demo accounts and copied for each spec, Crux's server (scripts/server.mjs, serving the build of a
 * prior `npm run build`) on a local port, Debian Chromium through playwright-core, and step
 * bookkeeping that prints "name: N passed, N failed (N s)". Every page it opens records
 * Content-Security-Policy violations.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const artifacts = path.join(root, ".ci-artifacts");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export interface SpecContext {
  baseUrl: string;
  browser: Browser;
  step: (name: string, run: () => Promise<void>) => Promise<void>;
  /** Everything the server has printed so far (stdout and stderr). */
  serverLog: () => string;
}

export interface SpecOptions {
  /** Runs after seeding, before the server starts (the embedded database allows one process at a time). */
  prepare?: (env: NodeJS.ProcessEnv) => void;
}

export interface SpecResult {
  passed: number;
  failed: number;
}

async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${url} did not start in ${timeoutMs} ms`);
}

/**
 * The seeded embedded database every spec starts from: seeded once (scripts/seed.ts, the same seeding `npm run app`
 * does) into a folder of its own, which each spec then copies — a closed PGlite folder is plain files (its lock file
 * lies beside it, and the seeding process has released it by the time it exits). Seeding costs ~9 s of CPU; once for
 * all specs instead of once each.
 */
let seededTemplate: Promise<string> | undefined;
function seededDataDir(): Promise<string> {
  seededTemplate ??= (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "crux-e2e-seed-"));
    const env: NodeJS.ProcessEnv = { ...process.env, CRUX_DATA_DIR: dir };
    delete env.DATABASE_URL;
    // (Not spawnSync: a spec in the other lane may be driving its browser meanwhile.)
    const seed = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/seed.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let seedLog = "";
    for (const stream of [seed.stdout, seed.stderr]) stream.on("data", (chunk: Buffer) => (seedLog += chunk.toString("utf8")));
    const status = await new Promise<number | null>((resolve) => seed.once("exit", resolve));
    if (status !== 0) throw new Error(`seeding the e2e database failed:\n${seedLog}`);
    return dir;
  })();
  return seededTemplate;
}

/**
 * Runs one spec against its own freshly seeded app and browser. A failing step stops the spec;
 * a failure outside any step (seeding, server, browser) counts as one failed step.
 */
export async function runSpec(
  name: string,
  port: number,
  body: (ctx: SpecContext) => Promise<void>,
  extraEnv: Record<string, string> = {},
  options: SpecOptions = {},
): Promise<SpecResult> {
  // With more than one lane (`runSpecs`), every line says whose it is.
  const say = lanes() > 1 ? (line: string) => console.log(line.replace(/^(\n*)/, `$1[${name}] `)) : (line: string) => console.log(line);
  say(`\n${name}`);
  const startedAt = Date.now();
  mkdirSync(artifacts, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "crux-e2e-"));
  const env: NodeJS.ProcessEnv = { ...process.env, CRUX_DATA_DIR: dataDir, NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789", ...extraEnv };
  // Browser tests run on a fresh embedded database, unless a spec names another (e.g. one that is down: no seeding then).
  const hasOwnDatabase = !!extraEnv.DATABASE_URL;
  if (!hasOwnDatabase) delete env.DATABASE_URL;

  let passed = 0;
  let failed = 0;
  const step = async (stepName: string, run: () => Promise<void>) => {
    try {
      await run();
      passed++;
      say(`  ✓ ${stepName}`);
    } catch (e) {
      failed++;
      say(`  ✗ ${stepName}\n    ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  };

  let browser: Browser | undefined;
  const server = { process: undefined as ReturnType<typeof spawn> | undefined, log: "" };
  try {
    if (!hasOwnDatabase) cpSync(await seededDataDir(), dataDir, { recursive: true });
    options.prepare?.(env);
    // Listening on 127.0.0.1 only; the server sees each test client's own loopback address (127.0.0.x).
    server.process = spawn(process.execPath, [path.join(root, "scripts", "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [server.process.stdout, server.process.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        server.log += chunk.toString("utf8");
        if (lanes() > 1) {
          for (const line of chunk.toString("utf8").split("\n")) if (line) say(`  | ${line}`);
        } else {
          process.stdout.write(chunk);
        }
      });
    }
    await waitForServer(`${baseUrl}/signin`, 60_000);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    });
    await body({ baseUrl, browser, step, serverLog: () => server.log });
  } catch (e) {
    if (failed === 0) {
      failed++;
      say(`  ✗ setup\n    ${e instanceof Error ? e.message : String(e)}`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    // Its data folder goes once the server has closed its database and exited (SIGKILL after 10 s).
    const serverProcess = server.process;
    if (serverProcess && serverProcess.exitCode === null && serverProcess.signalCode === null) {
      const exited = new Promise((r) => serverProcess.once("exit", r));
      serverProcess.kill("SIGTERM");
      const timer = setTimeout(() => serverProcess.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  say(`${name}: ${passed} passed, ${failed} failed (${Math.round((Date.now() - startedAt) / 1000)} s)`);
  return { passed, failed };
}

const cspViolations = new WeakMap<Page, string[]>();

/**
 * Records every Content-Security-Policy violation the page reports: the browser's own console
 * message, and the `securitypolicyviolation` event (listened to from a script the test injects,
 * which the policy does not govern).
 */
async function recordCspViolations(page: Page): Promise<void> {
  const seen: string[] = [];
  cspViolations.set(page, seen);
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(text)) seen.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

/** Throws listing the CSP violations the page has reported since it was opened. */
export function expectNoCspViolations(page: Page, label: string): void {
  const seen = cspViolations.get(page) ?? [];
  if (seen.length > 0) throw new Error(`Content-Security-Policy violations on ${label}:\n    ${[...new Set(seen)].join("\n    ")}`);
}

async function newPage(browser: Browser, contextOptions: Parameters<Browser["newContext"]>[0], timeoutMs: number): Promise<Page> {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  await recordCspViolations(page);
  return page;
}

/** A phone-sized page (390×844, touch). */
export function phonePage(browser: Browser, timeoutMs = 15_000): Promise<Page> {
  return newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, timeoutMs);
}

/** A desktop-sized page (1280×800). */
export function desktopPage(browser: Browser, timeoutMs = 15_000): Promise<Page> {
  return newPage(browser, { viewport: { width: 1280, height: 800 } }, timeoutMs);
}

/** Fills and submits the sign-in form on the current page. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens sign-in, signs in and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/signin`);
  await submitSignIn(page, email, password);
  await page.waitForURL(/\/home/);
}

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) on the page as it stands, in the light and the dark theme
 * (each once its colour transitions have ended), and throws listing every serious or critical violation — and a page
 * wider than the viewport (reflow). The page's theme is restored afterwards.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Next streams a page's metadata: after a client-side navigation the new <title> can land a moment
  // after the content the step waited for. Measure the page once it has arrived (a page that never gets
  // a title still fails on document-title below).
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 5_000 }).catch(() => undefined);
  // The pointer rests where the step last clicked; a reader's colours are those of no hover.
  await page.mouse.move(0, 0);
  const wasDark = await page.evaluate(() => document.documentElement.classList.contains("dark"));
  const problems: string[] = [];
  try {
    for (const isDark of [false, true]) {
      await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), isDark);
      // Switching the theme starts the buttons' colour transitions: let every finite one end, so axe
      // measures the colours the reader sees, not a frame halfway between the two themes.
      // (Again until none is left: a form that has just saved re-enables its button a render later, which starts
      // another transition after the first wait.)
      // (No named function inside: the code runs in the page, where the test runner's __name helper does not exist.)
      await page.evaluate(async () => {
        for (let round = 0; round < 10; round++) {
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const running = document.getAnimations().filter((a) => a.playState === "running" && a.effect?.getComputedTiming().endTime !== Infinity);
          if (running.length === 0) return;
          await Promise.allSettled(running.map((a) => a.finished));
        }
      });
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
        const targets = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
        problems.push(`[${isDark ? "dark" : "light"}] ${v.id} (${v.impact}): ${v.help} — ${targets}`);
      }
    }
  } finally {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), wasDark);
  }
  // Reflow (WCAG 1.4.10): the page itself never scrolls sideways; a wide table scrolls inside its own box.
  const overflow = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= viewport + 1) return null;
    const widest = [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((el) => el.getBoundingClientRect().right > viewport + 1 && getComputedStyle(el).position !== "fixed")
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 3).join(".")} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
    return `the page is ${document.documentElement.scrollWidth} px wide in a ${viewport} px viewport: ${widest.join(" | ")}`;
  });
  if (overflow) problems.push(`[reflow] ${overflow}`);
  if (problems.length > 0) throw new Error(`axe-core on ${label}:\n    ${problems.join("\n    ")}`);
}

/**
 * How many specs run at once (`E2E_LANES`, default 2): each has its own server, data folder, port and browser. The
 * teacher spec spends up to a minute and a half waiting for a due time, which a second lane fills with the other specs.
 */
function lanes(): number {
  const n = Number(process.env.E2E_LANES ?? 2);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/**
 * Runs the specs, the first ones first, each lane taking the next spec when its last is done, and exits non-zero if
 * any step failed (or none ran).
 */
export async function runSpecs(specs: (() => Promise<SpecResult>)[]): Promise<never> {
  let passed = 0;
  let failed = 0;
  const queue = [...specs];
  const lane = async () => {
    for (let spec = queue.shift(); spec; spec = queue.shift()) {
      const r = await spec();
      passed += r.passed;
      failed += r.failed;
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes(), specs.length) }, lane));
  const template = await seededTemplate?.catch(() => undefined);
  if (template) rmSync(template, { recursive: true, force: true });
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}
