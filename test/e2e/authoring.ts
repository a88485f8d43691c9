/**
 * Browser test of the authoring flow: Debian Chromium (playwright-core) against `next start` on a
 * fresh embedded database seeded with the demo accounts. Needs a prior `npm run build`. On a phone-sized
 * viewport the demo teacher starts a set from "New study set", trips the file check (nothing typed is
 * lost), uploads and pastes material, watches the job finish, reviews drafts with their highlighted
 * sources, edits, rejects and accepts, adds and imports written questions, and publishes; the set
 * page then shows its written questions' sources. A student makes a private set that another student
 * cannot open. Screenshots go to .ci-artifacts/. Run through test/e2e/run.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { MODEL_ANSWER_TEXT, RIVER_ARTICLE, SECOND_ARTICLE } from "../server/authoring-fixtures";
import type { Page } from "playwright-core";
import { artifacts, expectAccessible, phonePage, root, runSpec, signIn, type SpecResult } from "./harness";

const sharedAnswer = path.resolve(root, "..", "shared", "material", "002_a7cf54e59027631e.txt");
const QUESTION = "Examine how the suspension of the Indus Waters Treaty strains India–Pakistan relations.";

/** Presses "Accept N selected drafts" and waits until the totals count the N more accepted and the button, with nothing left to accept, is gone. */
async function acceptSelectedDrafts(page: Page): Promise<void> {
  const button = page.getByRole("button", { name: /^Accept \d+ selected drafts?$/ });
  const totals = page.getByTestId("review-totals");
  const selected = Number(/\d+/.exec(await button.innerText())?.[0]);
  const accepted = Number(/(\d+) accepted/.exec(await totals.innerText())?.[1]);
  await button.click();
  await totals.getByText(new RegExp(`· ${accepted + selected} accepted`)).waitFor();
  await button.waitFor({ state: "detached" });
}

export function authoringSpec(port = 3101): Promise<SpecResult> {
  return runSpec("authoring", port, async ({ baseUrl, browser, step }) => {
      const page = await phonePage(browser, 20_000);
      let editUrl = "";

      await step("the teacher's home offers a new study set", async () => {
        await signIn(page, baseUrl, "teacher@crux.example", "crux-teacher-2026");
        await page.getByRole("link", { name: "New study set" }).click();
        await page.waitForURL(/\/sets\/new$/);
        await page.getByRole("heading", { name: "New study set" }).waitFor();
        await expectAccessible(page, "the new-study-set form");
      });

      await step("a file of the wrong type is refused with a clear message and nothing typed is lost", async () => {
        await page.getByLabel("Title", { exact: true }).fill("Indus waters — e2e");
        await page.getByLabel("Outlet (optional)").fill("Test Times");
        await page.getByLabel("Published on (optional)").fill("2025-05-02");
        await page.getByLabel("Text", { exact: true }).fill(RIVER_ARTICLE);
        await page.getByLabel("Files (.txt, .md or .html)").setInputFiles([{ name: "slides.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7 not text") }]);
        await page.getByRole("button", { name: "Create and process" }).click();
        await page.getByRole("alert").filter({ hasText: "Some files cannot be used" }).waitFor();
        await page.getByText("“slides.pdf” is not a .txt, .md or .html file.").first().waitFor();
        if ((await page.getByLabel("Title", { exact: true }).inputValue()) !== "Indus waters — e2e") throw new Error("the title was lost");
        if (!(await page.getByLabel("Text", { exact: true }).inputValue()).startsWith("Why the Indus")) throw new Error("the pasted text was lost");
        await page.screenshot({ path: path.join(artifacts, "authoring-new-error-phone.png"), fullPage: true });
      });

      await step("the server refuses an empty upload too, and writes nothing", async () => {
        await page.getByLabel("Files (.txt, .md or .html)").setInputFiles([{ name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) }]);
        await page.getByRole("button", { name: "Create and process" }).click();
        await page.getByText("“empty.txt” is empty.").first().waitFor();
        if (!page.url().endsWith("/sets/new")) throw new Error("left the form after an error");
      });

      await step("pasted text and an uploaded file become a set whose job finishes into drafts", async () => {
        await page.getByLabel("Files (.txt, .md or .html)").setInputFiles([{ name: "glaciers.md", mimeType: "text/markdown", buffer: Buffer.from(SECOND_ARTICLE) }]);
        await page.getByLabel("Questions to write model answers for").fill(QUESTION);
        await page.getByRole("button", { name: "Create and process" }).click();
        // The upload is read, split into sentences and stored before the answer comes (the generation itself runs after):
        // on a loaded 2-core CI machine that can take longer than a click's usual 20 s.
        await page.waitForURL(/\/sets\/[^/]+\/edit$/, { timeout: 60_000 });
        editUrl = page.url();
        await page.getByRole("heading", { name: /^Flashcards/ }).waitFor({ timeout: 60_000 });
        await page.getByTestId("draft-card").first().waitFor();
        await page.screenshot({ path: path.join(artifacts, "authoring-review-phone.png"), fullPage: false });
      });

      await step("the review screen passes axe-core and shows each draft's quality score, best first", async () => {
        await expectAccessible(page, "the review screen");
        const first = page.getByTestId("draft-card").first();
        await first.getByText(/Quality \d+\/100/).click();
        await first.getByText(/^[+−]\d\.\d\d /).first().waitFor();
        const scores = await page.getByTestId("draft-card").locator("summary").allInnerTexts();
        const values = scores.map((t) => Number(/Quality (\d+)/.exec(t)?.[1] ?? NaN)).filter((n) => !Number.isNaN(n));
        if (values.some((v, i) => i > 0 && v > values[i - 1]!)) throw new Error(`cards are not sorted best first: ${values.join(", ")}`);
      });

      await step("each draft shows its source paragraph with the evidence sentence highlighted", async () => {
        const card = page.getByTestId("draft-card").first();
        const marked = (await card.locator("mark").first().innerText()).trim();
        if (marked.length < 20) throw new Error(`the highlighted sentence is too short: "${marked}"`);
        if (!RIVER_ARTICLE.includes(marked) && !SECOND_ARTICLE.includes(marked)) throw new Error(`the highlight is not a sentence of the material: "${marked}"`);
        const question = page.getByTestId("draft-question").first();
        await question.locator("mark").first().waitFor();
        await question.getByText("✓ Correct").first().waitFor();
      });

      await step("a card is edited, one rejected and one accepted", async () => {
        await page.getByRole("button", { name: "Edit card 1", exact: true }).click();
        const front = page.getByLabel("Front");
        await front.fill("Which institution brokered the Indus Waters Treaty?");
        await page.getByRole("button", { name: "Save card" }).click();
        await page.getByText("Which institution brokered the Indus Waters Treaty?").waitFor();
        await page.getByRole("button", { name: "Reject card 2", exact: true }).click();
        await page.getByRole("button", { name: "✕ Rejected card 2", exact: true, pressed: true }).waitFor();
        await page.getByRole("button", { name: "Accept card 1", exact: true }).click();
        // The accessible name follows the visible state.
        await page.getByRole("button", { name: "✓ Accepted card 1", exact: true, pressed: true }).waitFor();
        await page.getByRole("button", { name: "✕ Rejected card 2", exact: true, pressed: true }).waitFor();
        await expectAccessible(page, "the review screen with accepted and rejected drafts");
      });

      await step("the rubric editor re-weights, removes and adds points, and refuses a total that is not the question's marks", async () => {
        const written = page.getByTestId("draft-written").filter({ hasText: QUESTION });
        await written.getByRole("button", { name: /^Edit written question/ }).click();
        const editor = written.getByRole("group", { name: /^Rubric/ });
        await editor.getByText(/^Total [\d.]+ of \d+ marks ✓$/).waitFor();
        await editor.getByRole("button", { name: "Remove point 1", exact: true }).click();
        await editor.getByText(/— add [\d.]+$/).waitFor();
        await expectAccessible(page, "the model-answer editor");
        await written.getByRole("button", { name: "Save model answer" }).click();
        await written.getByRole("alert").filter({ hasText: /The rubric adds up to [\d.]+ marks but the question is worth \d+/ }).first().waitFor();
        const missing = Number(/add ([\d.]+)/.exec(await editor.getByText(/— add [\d.]+$/).innerText())![1]);
        await editor.getByRole("button", { name: "Add a rubric point" }).click();
        const points = editor.getByLabel(/^Rubric point \d+ \(content\)$/);
        await points.last().fill("Names the Permanent Indus Commission and its role.");
        await editor.getByLabel(/^Marks for point \d+$/).last().fill(String(missing));
        await editor.getByText(/^Total [\d.]+ of \d+ marks ✓$/).waitFor();
        await written.getByRole("button", { name: "Save model answer" }).click();
        // Saved: the form closes on the open model answer, whose rubric shows the new point.
        await written.getByRole("button", { name: "Hide the model answer" }).waitFor();
        await written.getByText("Names the Permanent Indus Commission and its role.").waitFor();
        await written.getByRole("button", { name: "Hide the model answer" }).click();
      });

      await step("the written question's model answer shows its structure, rubric and sources", async () => {
        const written = page.getByTestId("draft-written").filter({ hasText: QUESTION });
        await written.getByRole("button", { name: "Show the model answer" }).click();
        await written.getByRole("heading", { name: "Core demands" }).waitFor();
        await written.getByRole("heading", { name: "Rubric" }).waitFor();
        await written.locator("mark").first().waitFor();
      });

      await step("a teacher's own question gets a drafted model answer", async () => {
        await page.getByLabel("Question", { exact: true }).fill("Critically examine how glacier loss and floods raise the stakes of the Indus dispute. (10 marks)");
        await page.getByRole("button", { name: "Draft a model answer" }).click();
        // The content engine writes it in a worker thread, which first loads its language data: within the usual 20 s
        // when this spec ran alone at a load average of 14 on 2 cores, past it once beside the other lane and other jobs.
        await page.getByTestId("draft-written").filter({ hasText: "glacier loss and floods" }).waitFor({ timeout: 60_000 });
      });

      await step("an existing model answer is imported with its structure", async () => {
        const text = existsSync(sharedAnswer) ? readFileSync(sharedAnswer, "utf8") : MODEL_ANSWER_TEXT;
        const question = existsSync(sharedAnswer)
          ? "How do recent clashes at the Pakistan–Afghanistan border destabilise bilateral relations and complicate counter-terrorism cooperation?"
          : "Examine how the suspension of the Indus Waters Treaty strains relations, and suggest a way forward.";
        await page.getByLabel("The question it answers").fill(question);
        await page.getByLabel("Model answer", { exact: true }).fill(text);
        await page.getByRole("button", { name: "Import the answer" }).click();
        const imported = page.getByTestId("draft-written").filter({ hasText: question });
        await imported.waitFor();
        await imported.getByRole("button", { name: "Show the model answer" }).click();
        await imported.getByText("Eg:").first().waitFor();
      });

      await step("accept all, then publish", async () => {
        await acceptSelectedDrafts(page);
        await page.getByRole("button", { name: "Publish the set" }).click();
        await page.getByText(/^Published/).first().waitFor();
        await page.screenshot({ path: path.join(artifacts, "authoring-published-phone.png"), fullPage: false });
      });

      await step("the set page offers Edit / review to its owner and shows written questions' sources, not their answers", async () => {
        await page.getByRole("link", { name: "View as a learner" }).click();
        await page.waitForURL(/\/sets\/[^/]+$/);
        await page.getByRole("link", { name: "Edit / review" }).waitFor();
        const sources = page.locator("details").filter({ hasText: /^Sources \(\d+\)/ }).first();
        await sources.locator("summary").click();
        await sources.locator("blockquote").first().waitFor();
        if (await page.getByRole("heading", { name: "Rubric" }).count()) throw new Error("a rubric is shown on the learner's page");
        if (!(await page.getByTestId("card-front").innerText()).trim()) throw new Error("no accepted card is shown");
      });

      await step("the published set is assigned to the teacher's class with a due date", async () => {
        const form = page.getByRole("region", { name: "Assign to a class" });
        await form.getByLabel("Class").selectOption({ label: "UPSC Mains 2027 — Batch A" });
        await form.getByLabel("Title shown to students").fill("Indus waters: read and review");
        // datetime-local takes "YYYY-MM-DDTHH:MM".
        const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16);
        await form.getByLabel("Due (optional)").fill(due);
        await form.getByRole("button", { name: "Assign" }).click();
        await form.getByRole("status").filter({ hasText: "Assigned “Indus waters: read and review” to UPSC Mains 2027 — Batch A." }).waitFor();
      });

      await step("signing out", async () => {
        await page.getByRole("button", { name: "Sign out" }).click();
        await page.waitForURL(/\/signin/);
      });

      let privateSetUrl = "";
      await step("a student makes a private set from /sets", async () => {
        await signIn(page, baseUrl, "asha@crux.example", "crux-student-2026");
        // The set assigned a moment ago is on her home page as assigned work, its link named for what it opens.
        const assigned = page.getByTestId("assignment").filter({ hasText: "Indus waters: read and review" });
        await assigned.getByRole("link", { name: "Open the set “Indus waters — e2e”", exact: true }).waitFor();
        await page.goto(`${baseUrl}/sets`);
        await page.getByRole("link", { name: "New study set" }).click();
        await page.getByText("A private set for your own study").waitFor();
        await page.getByLabel("Title", { exact: true }).fill("My glacier notes");
        await page.getByLabel("Text", { exact: true }).fill(SECOND_ARTICLE);
        await page.getByRole("button", { name: "Create and process" }).click();
        await page.waitForURL(/\/sets\/[^/]+\/edit$/);
        privateSetUrl = page.url().replace(/\/edit$/, "");
        await page.getByTestId("draft-card").first().waitFor({ timeout: 60_000 });
        await acceptSelectedDrafts(page);
        await page.getByRole("button", { name: "Publish the set" }).click();
        await page.getByText(/^Published/).first().waitFor();
        await page.getByRole("button", { name: "Sign out" }).click();
        await page.waitForURL(/\/signin/);
      });

      await step("another student cannot open the private set or its review screen", async () => {
        await signIn(page, baseUrl, "ravi@crux.example", "crux-student-2026");
        // The app streams behind a loading boundary, so a hidden set shows the not-found page (the status may already be 200).
        for (const url of [privateSetUrl, `${privateSetUrl}/edit`, editUrl]) {
          await page.goto(url);
          await page.getByRole("heading", { name: "Not found" }).waitFor();
          if (await page.getByTestId("draft-card").count()) throw new Error(`${url} shows drafts to another student`);
        }
      });

      await page.context().close();
  });
}
