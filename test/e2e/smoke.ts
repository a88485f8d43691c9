/**
 * Browser smoke test of the foundation, in Debian Chromium at a phone-sized viewport: a signed-out
 * visit bounces to sign-in; a wrong password gets a clear message; the demo student signs in, opens
 * the study pack, flips a card (its source sentence shows), reviews it, and signs out. On a desktop
 * the demo teacher sees the class and its students; sign-up refuses a weak password, answers a taken
 * email like a new one (sending the person to sign in) and creates a new student. Screenshots go to .ci-artifacts/.
 */
import path from "node:path";
import { artifacts, desktopPage, phonePage, runSpec, submitSignIn, type SpecResult } from "./harness";

export function smokeSpec(port = 3100): Promise<SpecResult> {
  return runSpec("smoke", port, async ({ baseUrl, browser, step }) => {
    const page = await phonePage(browser);

    await step("a signed-out visit to /home redirects to sign-in", async () => {
      await page.goto(`${baseUrl}/home`);
      await page.waitForURL(/\/signin/);
    });

    await step("a wrong password gives a clear message", async () => {
      await submitSignIn(page, "asha@crux.example", "not-the-password");
      await page.getByRole("alert").filter({ hasText: "do not match" }).waitFor();
    });

    await step("the demo student signs in and sees what is due", async () => {
      await submitSignIn(page, "asha@crux.example", "crux-student-2026");
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
      await page.getByTestId("session-progress").getByText(/1 reviewed/).waitFor();
    });

    await step("signing out returns to sign-in and closes the app", async () => {
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/signin/);
      await page.goto(`${baseUrl}/sets`);
      await page.waitForURL(/\/signin/);
    });

    await page.context().close();

    const teacherPage = await desktopPage(browser);

    await step("the demo teacher signs in on a desktop and sees the class with its students", async () => {
      await teacherPage.goto(`${baseUrl}/signin`);
      await submitSignIn(teacherPage, "teacher@crux.example", "crux-teacher-2026");
      await teacherPage.waitForURL(/\/home/);
      await teacherPage.getByRole("link", { name: "UPSC Mains 2027 — Batch A" }).first().click();
      await teacherPage.waitForURL(/\/classes\/[^/]+$/);
      // (The roster's line under the name; the Remove buttons' hidden names hold the address too.)
      await teacherPage.getByText(/^asha@crux\.example\b/).waitFor();
      await teacherPage.getByText(/^ravi@crux\.example\b/).waitFor();
      await teacherPage.screenshot({ path: path.join(artifacts, "class-desktop.png"), fullPage: true });
      await teacherPage.getByRole("button", { name: "Sign out" }).first().click();
      await teacherPage.waitForURL(/\/signin/);
    });

    await step("sign-up refuses a weak password, saying why", async () => {
      await teacherPage.goto(`${baseUrl}/signup`);
      await teacherPage.getByLabel("Name").fill("Nisha Rao");
      await teacherPage.getByLabel("Email").fill("nisha@example.com");
      await teacherPage.getByLabel("Password").fill("password");
      await teacherPage.getByRole("button", { name: "Create account" }).click();
      await teacherPage.getByText(/heavily used password/).first().waitFor();
    });

    await step("sign-up with a taken email answers like any other and leaves that account alone", async () => {
      await teacherPage.getByLabel("Email").fill("asha@crux.example");
      await teacherPage.getByLabel("Password").fill("quiet harbor lantern 44");
      await teacherPage.getByRole("button", { name: "Create account" }).click();
      await teacherPage.waitForURL(/\/signin\?notice=account-created/);
      await teacherPage.getByRole("status").filter({ hasText: "nothing about it has changed" }).waitFor();
    });

    await step("a new student signs up and lands on home", async () => {
      await teacherPage.goto(`${baseUrl}/signup`);
      await teacherPage.getByLabel("Name").fill("Nisha Rao");
      await teacherPage.getByLabel("Email").fill("nisha@example.com");
      await teacherPage.getByLabel("Password").fill("quiet harbor lantern 44");
      await teacherPage.getByRole("button", { name: "Create account" }).click();
      await teacherPage.waitForURL(/\/home/);
      await teacherPage.getByRole("heading", { name: /Hello, Nisha/ }).waitFor();
    });

    await teacherPage.context().close();
  });
}
