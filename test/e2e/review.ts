/**
 * Browser test of the learning loop on a phone: the daily review across sets (keyboard and touch),
 * a card rated Again coming back in the same session and the undo of a rating; a written answer
 * submitted, its full model answer read beside it, a missed point made into a card and reviewed;
 * the progress dashboard showing that activity in its charts' tables.
 * axe-core runs on every page visited, in both themes. Needs a prior `npm run build`.
 * Run: `E2E_ONLY=review npm run test:e2e`.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { artifacts, expectAccessible, phonePage, runSpec, signIn, type SpecResult } from "./harness";

const STUDENT = { email: "asha@crux.example", password: "crux-student-2026" };

const ANSWER = `Since the Taliban returned to Kabul in 2021, the TTP has resurged from Afghan sanctuaries.

Security
- Safe havens in Afghanistan sustain cross-border attacks; a July 2024 UN report estimated at least 6,000 TTP fighters there.

Way forward: Kabul must honour its Doha pledges.`;

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const progressText = (page: Page) => page.getByTestId("session-progress").innerText();

export function reviewSpec(port = 3105): Promise<SpecResult> {
  return runSpec("review", port, async ({ baseUrl, browser, step }) => {
    const page = await phonePage(browser, 20_000);
    await signIn(page, baseUrl, STUDENT.email, STUDENT.password);

    await step("home shows today's reviews and Start reviewing opens the cross-set queue with that many cards", async () => {
      const count = Number(await page.getByTestId("due-count").innerText());
      assert(count > 0, "no cards waiting on the home page");
      await expectAccessible(page, "the home page");
      await page.getByRole("link", { name: "Start reviewing" }).click();
      await page.waitForURL(/\/review$/);
      const progress = await progressText(page);
      assert(progress.startsWith(`${count} to go`), `home said ${count}, the queue says "${progress}"`);
      await expectAccessible(page, "the review screen");
    });

    await step("keys review cards: space shows the answer and focuses Good, 3 rates, focus returns to Show answer", async () => {
      for (let i = 1; i <= 3; i++) {
        await page.keyboard.press("Space");
        await page.getByTestId("card-back").waitFor();
        const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
        assert(focused.startsWith("Good"), `after Show answer the focus is on "${focused}"`);
        if (i === 1) await expectAccessible(page, "the review screen with the answer shown");
        await page.keyboard.press("3");
        await page.getByTestId("session-progress").getByText(new RegExp(`${i} reviewed`)).waitFor();
        const back = await page.evaluate(() => document.activeElement?.textContent ?? "");
        assert(back.includes("Show answer"), `after rating the focus is on "${back}"`);
      }
    });

    await step("U undoes the last rating: the card is back and the count goes down", async () => {
      await page.keyboard.press("u");
      await page.getByTestId("session-progress").getByText(/2 reviewed today/).waitFor();
    });

    await step("after a reload the count is still the day's, as home counts it, not this page's", async () => {
      await page.reload();
      await page.getByTestId("session-progress").getByText(/· 2 reviewed today/).waitFor();
    });

    let attemptUrl = "";
    await step("a written answer is submitted and its full model answer shows beside it", async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Study sets" }).click();
      await page.getByRole("link", { name: /TTP/ }).first().click();
      await page.waitForURL(/\/sets\/[^/]+$/);
      await page.getByRole("link", { name: /^Practise/ }).first().click();
      await page.waitForURL(/\/write\//);
      await page.getByRole("button", { name: "Start writing" }).click();
      await page.getByLabel("Your answer").fill(ANSWER);
      await page.getByText(/^Saved \d/).waitFor();
      await page.getByRole("button", { name: "Submit for marking" }).click();
      await page.getByRole("button", { name: "Yes, submit" }).click();
      await page.waitForURL(/\/attempts\/[^/]+$/, { timeout: 60_000 });
      attemptUrl = page.url();
      const model = page.getByTestId("model-answer");
      await model.getByRole("heading", { name: "Introduction" }).waitFor();
      await model.getByRole("heading", { name: "Conclusion" }).waitFor();
      assert((await model.getByText(/^For example:/).count()) >= 3, "the model answer's body points show no examples");
      const feedback = await page.getByText(/^The answer did not mention /).count();
      assert(feedback > 0, "no missed point has sentence feedback");
      await page.screenshot({ path: path.join(artifacts, "review-result-phone.png"), fullPage: true });
      await expectAccessible(page, "the written result");
    });

    await step("a missed point becomes a card in one tap, and stays made after a reload", async () => {
      await page.getByRole("button", { name: /^Make a card from point \d+$/ }).first().click();
      await page.getByTestId("point-carded").first().waitFor();
      await page.goto(attemptUrl);
      await page.getByTestId("point-carded").first().waitFor();
    });

    await step("the new card is reviewed: Again brings it back in the same session, and undo restores it", async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Study sets" }).click();
      await page.getByRole("link", { name: "Missed points" }).click();
      await page.waitForURL(/\/sets\/[^/]+$/);
      await page.goto(`${page.url()}/review`);
      await page.getByTestId("session-progress").getByText(/1 to go · 2 reviewed today/).waitFor().catch(async (e: unknown) => {
        await page.screenshot({ path: path.join(artifacts, "review-missed-set.png"), fullPage: true });
        throw new Error(`the missed-points review did not start: ${await page.locator("main").innerText()}`, { cause: e });
      });
      await page.getByRole("button", { name: "Show answer" }).tap();
      await page.getByRole("button", { name: /^Again/ }).tap();
      // The card returns (nothing else is left, so at once) marked as an Again card.
      await page.getByTestId("session-progress").getByText(/1 to go · 3 reviewed today · again/).waitFor().catch(async (e: unknown) => {
        await page.screenshot({ path: path.join(artifacts, "review-missed-again.png"), fullPage: true });
        throw new Error(`the Again card did not return: ${await page.locator("main").innerText()}`, { cause: e });
      });
      await page.getByRole("button", { name: "Undo last rating" }).tap();
      await page.getByTestId("session-progress").getByText(/1 to go · 2 reviewed today · new card/).waitFor();
      await expectAccessible(page, "a set's review");
    });
    await step("the phone's bottom bar has at most five tabs; More opens a menu whose focus and Escape work, reaching Progress", async () => {
      const bar = page.locator("nav[aria-label='Main']:visible");
      const tabs = await bar.locator(":scope > ul > li").count();
      assert(tabs <= 5, `the bottom bar has ${tabs} tabs`);
      const more = bar.getByRole("button", { name: /^More/ });
      assert((await more.getAttribute("aria-expanded")) === "false", "More starts closed");
      await more.focus();
      await page.keyboard.press("Enter");
      await bar.locator("button[aria-expanded='true']").waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === "Attempts", undefined, { timeout: 5_000 }).catch(async (e: unknown) => {
        throw new Error(`focus did not move to the menu's first link (on "${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}")`, { cause: e });
      });
      await bar.getByRole("link", { name: "Progress" }).waitFor();
      await page.keyboard.press("Escape");
      await bar.locator("button[aria-expanded='false']").waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute("aria-expanded") === "false", undefined, { timeout: 5_000 }).catch((e: unknown) => {
        throw new Error("focus did not return to More after Escape", { cause: e });
      });
      await more.tap();
      await bar.getByRole("link", { name: "Progress" }).tap();
      await page.waitForURL(/\/progress$/);
      await bar.locator("button[aria-expanded='false']").waitFor();
    });

    await step("Progress shows the day's reviews and the written answer in its charts' tables, readable in both themes", async () => {
      await page.getByRole("heading", { name: "Progress", level: 1 }).waitFor();
      const streak = await page.getByTestId("stat-streak").innerText();
      assert(streak === "1 day", `the streak after today's reviews reads "${streak}"`);
      for (const summary of await page.getByText("Show the numbers").all()) await summary.tap();
      const scores = page.getByRole("table", { name: "Quiz and written-answer scores over time" });
      assert((await scores.getByRole("cell", { name: "Written answer" }).count()) >= 1, `no written answer in the scores table: ${await scores.innerText()}`);
      const dimensions = page.getByRole("table", { name: "Mastery by rubric dimension" });
      assert((await dimensions.getByRole("rowheader", { name: "Content" }).count()) === 1, `no Content row in the dimension table: ${await dimensions.innerText()}`);
      await expectAccessible(page, "the progress dashboard");
      // The scores chart's dates (new-user test): each day once, and every label inside the chart on a 390 px phone, light and dark.
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const chart = page.getByTestId("scores-chart");
        await chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").first().waitFor({ state: "attached" }).catch(async (e: unknown) => {
          throw new Error(`the scores chart has no dates: ${(await chart.innerHTML()).slice(0, 3000)}`, { cause: e });
        });
        const { labels, clipped } = await chart.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const ticks = [...el.querySelectorAll(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")];
          return {
            labels: ticks.map((t) => t.textContent ?? ""),
            clipped: ticks.filter((t) => {
              const r = t.getBoundingClientRect();
              return r.left < box.left - 0.5 || r.right > box.right + 0.5;
            }).map((t) => t.textContent ?? ""),
          };
        });
        assert(labels.length > 0 && new Set(labels).size === labels.length, `the scores chart's dates repeat: ${labels.join(" | ")}`);
        assert(clipped.length === 0, `the scores chart clips ${clipped.join(", ")} (${scheme})`);
        await chart.screenshot({ path: path.join(artifacts, `progress-scores-${scheme}-phone.png`) });
      }
      await page.emulateMedia({ colorScheme: "light" });
    });
  });
}
