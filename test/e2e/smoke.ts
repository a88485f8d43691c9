/**
 * Browser smoke test: Debian Chromium (playwright-core) against `next start` on a fresh embedded
 * database seeded with the study pack. Needs a prior `npm run build`. A phone-sized viewport:
 * wrong password → clear message; demo student signs in, opens the study pack, flips a card
 * (its source shows), reviews it, signs out, and signed-out visits bounce to sign-in.
 * Prints "N passed, N failed"; exits 1 on any failure. Screenshots go to .ci-artifacts/.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";

const root = path.resolve(import.meta.dirname, "..", "..");
const port = Number(process.env.E2E_PORT || 3100);
const baseUrl = `http://127.0.0.1:${port}`;
const artifacts = path.join(root, ".ci-artifacts");
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const results: { name: string; error?: string }[] = [];

async function step(name: string, run: () => Promise<void>) {
  try {
    await run();
    results.push({ name });
    console.log(`  ✓ ${name}`);
  } catch (e) {
    results.push({ name, error: e instanceof Error ? e.message : String(e) });
    console.log(`  ✗ ${name}\n    ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
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

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "crux-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CRUX_DATA_DIR: dataDir,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  };
  delete env.DATABASE_URL; // the smoke test always runs on a fresh embedded database

  const seed = spawnSync("npx", ["tsx", "scripts/seed.ts"], { cwd: root, env, stdio: "inherit" });
  if (seed.status !== 0) throw new Error("seeding the e2e database failed");

  let server: ChildProcess | undefined;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  try {
    server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    await waitForServer(`${baseUrl}/signin`, 60_000);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);

    await step("a signed-out visit to /home redirects to sign-in", async () => {
      await page.goto(`${baseUrl}/home`);
      await page.waitForURL(/\/signin/);
    });

    await step("a wrong password gives a clear message", async () => {
      await signIn(page, "asha@crux.example", "not-the-password");
      await page.getByRole("alert").filter({ hasText: "do not match" }).waitFor();
    });

    await step("the demo student signs in and sees what is due", async () => {
      await signIn(page, "asha@crux.example", "crux-student-2026");
      await page.waitForURL(/\/home/);
      await page.getByRole("heading", { name: /Hello, Asha/ }).waitFor();
      await page.getByRole("heading", { name: "Due for review" }).waitFor();
      await page.screenshot({ path: path.join(artifacts, "home-phone.png"), fullPage: true });
    });

    await step("the bottom navigation opens the study sets", async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Study sets" }).click();
      await page.waitForURL(/\/sets$/);
    });

    await step("the study pack opens and a card flips to its answer and source", async () => {
      await page.getByRole("link", { name: /TTP/ }).first().click();
      await page.waitForURL(/\/sets\/[^/]+$/);
      const front = await page.getByTestId("card-front").innerText();
      if (!front.trim()) throw new Error("the first card has no front");
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByTestId("card-back").waitFor();
      const back = await page.getByTestId("card-back").innerText();
      if (!/“.+”/s.test(back)) throw new Error("the flipped card shows no source sentence");
      await page.screenshot({ path: path.join(artifacts, "card-phone.png"), fullPage: true });
    });

    await step("a review is rated and scheduled", async () => {
      await page.getByRole("link", { name: "Review cards" }).click();
      await page.waitForURL(/\/review$/);
      await page.getByRole("button", { name: "Show answer" }).click();
      await page.getByRole("button", { name: /^Good/ }).click();
      await page.getByText(/Card 2 of/).waitFor();
    });

    await step("signing out returns to sign-in and closes the app", async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/signin/);
      await page.goto(`${baseUrl}/sets`);
      await page.waitForURL(/\/signin/);
    });

    await context.close();

    const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const teacherPage = await desktop.newPage();
    teacherPage.setDefaultTimeout(15_000);

    await step("the demo teacher signs in on a desktop and sees the class with its students", async () => {
      await teacherPage.goto(`${baseUrl}/signin`);
      await signIn(teacherPage, "teacher@crux.example", "crux-teacher-2026");
      await teacherPage.waitForURL(/\/home/);
      await teacherPage.getByRole("link", { name: "UPSC Mains 2027 — Batch A" }).first().click();
      await teacherPage.waitForURL(/\/classes\/[^/]+$/);
      await teacherPage.getByText("asha@crux.example").waitFor();
      await teacherPage.getByText("ravi@crux.example").waitFor();
      await teacherPage.screenshot({ path: path.join(artifacts, "class-desktop.png"), fullPage: true });
      await teacherPage.getByRole("button", { name: "Sign out" }).first().click();
      await teacherPage.waitForURL(/\/signin/);
    });

    await step("sign-up refuses a taken email, then creates a new student who lands on home", async () => {
      await teacherPage.goto(`${baseUrl}/signup`);
      await teacherPage.getByLabel("Name").fill("Nisha Rao");
      await teacherPage.getByLabel("Email").fill("asha@crux.example");
      await teacherPage.getByLabel("Password").fill("a-long-password");
      await teacherPage.getByRole("button", { name: "Create account" }).click();
      await teacherPage.getByRole("alert").filter({ hasText: "already exists" }).waitFor();
      await teacherPage.getByLabel("Email").fill("nisha@example.com");
      await teacherPage.getByRole("button", { name: "Create account" }).click();
      await teacherPage.waitForURL(/\/home/);
      await teacherPage.getByRole("heading", { name: /Hello, Nisha/ }).waitFor();
    });

    await desktop.close();
  } finally {
    await browser.close();
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main()
  .catch((e: unknown) => {
    // A failing step has already been recorded; anything else (seed, server, browser) is a failure too.
    if (!results.some((r) => r.error)) {
      results.push({ name: "setup", error: String(e) });
      console.log(`  ✗ setup\n    ${e instanceof Error ? e.message : String(e)}`);
    }
  })
  .finally(() => {
    const failed = results.filter((r) => r.error).length;
    const passed = results.length - failed;
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  });
