/**
 * Browser test of timed quizzes, phone-sized throughout: the demo student opens the study set,
 * presses "Take a quiz", starts a timed quiz of two random questions, answers one, reloads and finds
 * the answer kept; the quiz page's HTML and flight payload carry no explanation, source sentence or
 * correctness; the tab is closed, the deadline passes, and the next visit finds the attempt graded
 * from what was saved; the results show the right answers and explanations; a missed question
 * becomes a card in one tap; "retry the ones I missed" starts a new quiz of those. axe-core runs on
 * every page in light and dark themes.
 * Run: `E2E_ONLY=quiz npx tsx test/e2e/run.ts` after `npm run build`.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { ttpStudyPack } from "@/lib/study-pack/ttp";
import { artifacts, expectAccessible, phonePage, runSpec, signIn, type SpecResult } from "./harness";

const STUDENT = { email: "asha@crux.example", password: "crux-student-2026" };

async function signedIn(browser: Browser, baseUrl: string): Promise<Page> {
  const page = await phonePage(browser, 20_000);
  await signIn(page, baseUrl, STUDENT.email, STUDENT.password);
  return page;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Text that must never reach the browser before submission: every objective question's explanation and cited sentences. */
function answerKeyTexts(): string[] {
  const questions = ttpStudyPack.set.questions.filter((q) => q.kind !== "written");
  return questions.flatMap((q) => [q.explanation, ...q.evidence.map((e) => e.quote), ...(q.options ?? []).flatMap((o) => (o.evidence ?? []).map((e) => e.quote))]).filter((t) => t.length > 20);
}

function secondsOf(clock: string): number {
  const parts = clock.trim().split(":").map(Number);
  return parts.reduce((sum, p) => sum * 60 + p, 0);
}

export function quizSpec(port = 3105): Promise<SpecResult> {
  return runSpec("quiz", port, async ({ baseUrl, browser, step }) => {
    let student = await signedIn(browser, baseUrl);
    let attemptUrl = "";
    let firstChoice = "";

    await step("the set page offers 'Take a quiz' and the start page is accessible", async () => {
      await student.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Study sets" }).click();
      await student.waitForURL(/\/sets$/);
      await student.getByRole("link", { name: /TTP/ }).first().click();
      await student.waitForURL(/\/sets\/[^/]+$/);
      await student.getByRole("link", { name: "Take a quiz" }).click();
      await student.waitForURL(/\/quiz$/);
      await student.getByRole("heading", { name: "New quiz" }).waitFor();
      await expectAccessible(student, "quiz start page");
    });

    await step("a timed quiz of two random questions starts with a server countdown", async () => {
      await student.getByLabel("How many questions").fill("2");
      await student.getByRole("button", { name: "Start the quiz" }).click();
      await student.waitForURL(/\/quiz\/[^/]+$/);
      attemptUrl = student.url();
      await student.getByRole("timer").getByText(/Time left/).waitFor();
      await student.getByText("Question 1 of 2").waitFor();
      await expectAccessible(student, "quiz page");
    });

    await step("no answer key reaches the browser: HTML and flight payload", async () => {
      const html = await (await student.request.get(attemptUrl)).text();
      const flight = await (await student.request.get(attemptUrl, { headers: { RSC: "1" } })).text();
      assert(flight.length > 100, "no flight payload came back");
      for (const [label, body] of [
        ["HTML", html],
        ["flight", flight],
      ] as const) {
        assert(!/"(isCorrect|correct|explanation|evidence|sources|expected)"\s*:/.test(body), `${label} carries an answer-key field`);
        for (const text of answerKeyTexts()) assert(!body.includes(text), `${label} carries "${text.slice(0, 60)}…"`);
      }
      const optionValues = await student.locator('input[type="radio"], input[type="checkbox"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      assert(optionValues.every((v) => v.startsWith("o_") || v === "true" || v === "false"), `an option is named by something other than a token: ${optionValues.join(", ")}`);
    });

    await step("an answer autosaves and survives a reload", async () => {
      const first = student.locator('input[type="radio"], input[type="checkbox"]').first();
      if ((await first.count()) > 0) {
        await first.check();
        firstChoice = await first.inputValue();
      } else {
        await student.getByRole("textbox").fill("2007");
        firstChoice = "2007";
      }
      await student.getByText("All answers saved").waitFor();
      await student.waitForTimeout(300);
      await student.reload();
      await student.getByText("Question 1 of 2").waitFor();
      const kept = (await student.locator('input[type="radio"], input[type="checkbox"]').count()) > 0 ? await student.locator(`input[value="${firstChoice}"]`).isChecked() : (await student.getByRole("textbox").inputValue()) === firstChoice;
      assert(kept, "the saved answer was not there after a reload");
      await student.getByText("1 of 2 answered").waitFor();
    });

    await step("with the tab closed, the deadline passes and the attempt is graded from what was saved", async () => {
      const clock = (await student.getByRole("timer").textContent()) ?? "";
      const left = secondsOf(clock.replace(/[^0-9:]/g, ""));
      assert(left > 0 && left < 400, `unexpected time left: ${clock}`);
      await student.screenshot({ path: path.join(artifacts, "quiz-running.png"), fullPage: true });
      await student.close();
      await new Promise((r) => setTimeout(r, (left + 5 + 3) * 1000));
      student = await signedIn(browser, baseUrl);
      await student.goto(attemptUrl);
      await student.waitForURL(/\/results$/);
      await student.getByText("Time ran out: the answers saved before the deadline were marked.").waitFor();
      await student.getByText(/not answered/).first().waitFor();
    });

    await step("results show each answer, the right one, the explanation and its source", async () => {
      assert((await student.getByText("Right answer").count()) === 2, "each question shows its right answer");
      assert((await student.locator("blockquote").count()) >= 2, "each question cites its source sentence");
      await student.screenshot({ path: path.join(artifacts, "quiz-results.png"), fullPage: true });
      await expectAccessible(student, "quiz results");
    });

    await step("a missed question becomes a card in one tap", async () => {
      await student.getByRole("button", { name: /Make this a card \(question \d\)/ }).first().click();
      await student.getByText("Added to your cards (Missed points) — due for review now.").first().waitFor();
      await student.reload();
      await student.getByText("Added to your cards (Missed points) — due for review now.").first().waitFor();
    });

    await step("retry the ones I missed starts a quiz of exactly those", async () => {
      const missed = await student.getByRole("button", { name: /Make this a card \(question \d\)/ }).count();
      await student.getByRole("button", { name: /^Retry the/ }).click();
      await student.waitForURL(/\/quiz\/[^/]+$/);
      assert(student.url() !== attemptUrl, "retry opened the old attempt");
      await student.getByText(/Question 1 of [12]/).waitFor();
      assert(missed <= 2, "more missed than asked");
      await student.getByRole("button", { name: "Submit the quiz" }).click();
      await student.getByRole("button", { name: "Yes, submit" }).click();
      await student.waitForURL(/\/results$/);
      await student.getByText(/right ·/).waitFor();
      const history = student.getByRole("region", { name: "Your quizzes on this set" });
      assert((await history.getByRole("listitem").count()) >= 2, `the results do not list the earlier quiz: ${await history.innerText()}`);
      await history.getByText("(this attempt)").waitFor();
    });

    await step("Attempts (under More) lists both quizzes with their scores and links to the results", async () => {
      const bar = student.locator("nav[aria-label='Main']:visible");
      await bar.getByRole("button", { name: /^More/ }).tap();
      await bar.getByRole("link", { name: "Attempts" }).tap();
      await student.waitForURL(/\/attempts$/);
      const quizzes = student.getByRole("region", { name: "Quizzes" });
      const items = quizzes.getByRole("listitem");
      await items.nth(1).waitFor({ timeout: 15_000 }).catch(() => undefined);
      assert((await items.count()) >= 2, `Attempts lists ${await items.count()} quizzes`);
      assert(/\d+ \/ \d+/.test(await items.first().innerText()), `no score on the newest quiz: ${await items.first().innerText()}`);
      await expectAccessible(student, "attempts");
      await items.first().getByRole("link").click();
      await student.waitForURL(/\/quiz\/[^/]+\/results$/);
    });

    await step("the dashboard shows the quizzes in its scores table", async () => {
      await student.goto(`${baseUrl}/progress`);
      for (const summary of await student.getByText("Show the numbers").all()) await summary.tap();
      const scores = student.getByRole("table", { name: "Quiz and written-answer scores over time" });
      const quizRows = await scores.getByRole("cell", { name: "Quiz", exact: true }).count();
      assert(quizRows >= 2, `the scores table shows ${quizRows} quizzes: ${await scores.innerText()}`);
      await expectAccessible(student, "the progress dashboard");
    });
  });
}
