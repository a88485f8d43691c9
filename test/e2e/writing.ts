/**
 * Browser test of written practice: Debian Chromium (playwright-core) against `next start` on a
 * fresh embedded database seeded with the study pack. Needs a prior `npm run build`. Phone-sized
 * viewport throughout: the demo student opens the 15-mark written question (limits shown, no
 * rubric), starts, writes with a live word count, reloads without losing the draft, submits and
 * sees per-point results with highlighted sentences; the demo teacher finds the answer from the
 * class roster and overrides a point with a reason; the student sees the moderated mark and why;
 * another student gets "not found" for the answer; the student asks for a regrade of a point, the
 * teacher declines it with a reply on the answer, and the student sees the reply and a notice on home.
 * Run: `npx tsx test/e2e/writing.ts`. Prints "N passed, N failed"; exits 1 on any failure.
 * Screenshots go to .ci-artifacts/.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { artifacts, phonePage, runSpec, signIn, type SpecResult } from "./harness";

const STUDENT = { email: "asha@crux.example", password: "crux-student-2026" };
const OTHER_STUDENT = { email: "ravi@crux.example", password: "crux-student-2026" };
const TEACHER = { email: "teacher@crux.example", password: "crux-teacher-2026" };
const REASON = "The second paragraph does explain this point with the UN figure.";
const REGRADE_REASON = "My third paragraph makes this point with an example.";
const REGRADE_REPLY = "The example is about a different region, so the mark stands.";

const ANSWER = `Since the Taliban returned to Kabul in 2021, the TTP has resurged from Afghan sanctuaries: CRSS counted over 2,500 terror-related deaths in Pakistan in 2024.

Bilateral relations
- The Afghan Taliban regard the TTP as an ideological ally rather than a terrorist group, so Kabul refuses to act against it.
- Safe havens in Afghanistan sustain cross-border attacks; a July 2024 UN report estimated at least 6,000 TTP fighters there.
- Attacks lead to Pakistani air strikes and Afghan retaliation, as in the October 2025 clashes in which more than 70 people died.

Counter-terrorism cooperation
- Divergent threat perceptions and mutual suspicion block intelligence-sharing and joint operations.
- Kabul fears that a crackdown would push TTP fighters into the rival IS-KP.

Way forward: Kabul must honour its Doha pledges and Pakistan should pair pressure with incentives such as extending CPEC.`;

/** A fresh phone-sized session signed in as `who`. */
async function signedIn(browser: Browser, baseUrl: string, who: { email: string; password: string }): Promise<Page> {
  const page = await phonePage(browser, 20_000);
  await signIn(page, baseUrl, who.email, who.password);
  return page;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function writingSpec(port = 3102): Promise<SpecResult> {
  return runSpec(
    "writing",
    port,
    async ({ baseUrl, browser, step }) => {
      const student = await signedIn(browser, baseUrl, STUDENT);
      let attemptUrl = "";

      await step("the student opens a written question from the study set and sees its limits, not its rubric", async () => {
        await student.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Study sets" }).click();
        await student.waitForURL(/\/sets$/);
        await student.getByRole("link", { name: /TTP/ }).first().click();
        await student.waitForURL(/\/sets\/[^/]+$/);
        await student.getByRole("link", { name: /^Practise/ }).first().click();
        await student.waitForURL(/\/write\//);
        await student.getByText("15 marks").waitFor();
        await student.getByText("250 words").waitFor();
        await student.getByText("11 min").waitFor();
        const html = await student.content();
        assert(!html.includes("Explains that"), "the rubric reached the page before submission");
        assert(!html.includes("Way forward: Kabul must honour its Doha counter-terrorism pledges"), "the model answer reached the page before submission");
      });

      await step("starting shows the answer box, a timer and a live word count that ignores bullets", async () => {
        await student.getByRole("button", { name: "Start writing" }).click();
        const box = student.getByLabel("Your answer");
        await box.waitFor();
        await student.getByRole("timer").getByText(/Time left/).waitFor();
        await box.fill("- Kabul shelters the TTP — talks stall.");
        await student.getByText("6 / 250 words").waitFor();
      });

      await step("the draft autosaves and survives a reload", async () => {
        await student.getByLabel("Your answer").fill(ANSWER);
        await student.getByText(/^Saved \d/).waitFor();
        await student.reload();
        const text = await student.getByLabel("Your answer").inputValue();
        assert(text === ANSWER, "the reloaded draft differs from what was written");
        await student.screenshot({ path: path.join(artifacts, "writing-phone.png"), fullPage: true });
      });

      await step("submitting grades the answer and shows each rubric point with highlighted sentences", async () => {
        await student.getByRole("button", { name: "Submit for marking" }).click();
        await student.getByRole("button", { name: "Yes, submit" }).click();
        await student.waitForURL(/\/attempts\/[^/]+$/, { timeout: 60_000 });
        attemptUrl = student.url();
        const total = await student.getByTestId("total-score").innerText();
        assert(/\d.*\/\s*15/.test(total), `unexpected total "${total}"`);
        const points = await student.getByTestId(/^point-\d+$/).count();
        assert(points === 13, `expected 13 rubric points, saw ${points}`);
        const marks = await student.getByTestId("highlighted-answer").locator("mark").count();
        assert(marks > 0, "no sentence of the answer is highlighted");
        await student.getByText("Words written").waitFor();
        await student.getByText("Time taken").waitFor();
        await student.screenshot({ path: path.join(artifacts, "result-phone.png"), fullPage: true });
      });

      await step("the earlier attempt is listed on the question page", async () => {
        await student.getByRole("link", { name: "Practise this question again" }).click();
        await student.waitForURL(/\/write\//);
        await student.getByRole("heading", { name: "Your earlier attempts" }).waitFor();
        await student.getByText(/\/ 15/).first().waitFor();
      });

      await step("another student gets not-found for the answer", async () => {
        const other = await signedIn(browser, baseUrl, OTHER_STUDENT);
        await other.goto(attemptUrl);
        await other.getByRole("heading", { name: "Not found" }).waitFor();
        await other.context().close();
      });

      await step("the class teacher finds the answer from the roster and overrides a point with a reason", async () => {
        const teacher = await signedIn(browser, baseUrl, TEACHER);
        await teacher.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Classes" }).click();
        await teacher.waitForURL(/\/classes$/);
        await teacher.getByRole("link", { name: /Batch A/ }).first().click();
        await teacher.waitForURL(/\/classes\/[^/]+$/);
        await teacher.getByRole("link", { name: "Asha Verma" }).click();
        await teacher.waitForURL(/\/students\//);
        await teacher.locator(`a[href="${new URL(attemptUrl).pathname}"]`).click();
        await teacher.waitForURL(/\/attempts\//);
        const point = teacher.getByTestId("point-1");
        await point.getByText("Change the mark for point 1").click();
        const select = point.getByLabel("New mark");
        const current = await select.inputValue();
        await select.selectOption(current === "1" ? "0.5" : "1");
        await point.getByRole("button", { name: "Save the new mark" }).click();
        await point.getByText(/A reason|Give a reason/).first().waitFor();
        await point.getByLabel("Reason (the student sees it)").fill(REASON);
        await point.getByRole("button", { name: "Save the new mark" }).click();
        await point.getByText(/Saved\. New total/).waitFor();
        await point.getByTestId("moderation-note").waitFor();
        await teacher.screenshot({ path: path.join(artifacts, "moderation-phone.png"), fullPage: true });
        await teacher.context().close();
      });

      await step("the student sees the moderated mark, who moderated it and why", async () => {
        await student.goto(attemptUrl);
        await student.getByText("Moderated by your teacher").waitFor();
        const note = await student.getByTestId("point-1").getByTestId("moderation-note").innerText();
        assert(note.includes("Meera Iyer") && note.includes(REASON), `moderation note lacks who or why: "${note}"`);
        await student.emulateMedia({ colorScheme: "dark" });
        await student.reload();
        await student.getByText("Moderated by your teacher").waitFor();
        await student.screenshot({ path: path.join(artifacts, "result-dark-phone.png"), fullPage: true });
      });

      await step("the student asks for a regrade of point 2 with a reason and sees it is waiting", async () => {
        await student.emulateMedia({ colorScheme: "light" });
        await student.goto(attemptUrl);
        const point = student.getByTestId("point-2");
        await point.getByText("Ask for a regrade of point 2").click();
        await point.getByLabel(/Why should the mark change/).fill(REGRADE_REASON);
        // A double tap on Send (new-user test): the second tap, where the first was, must land on no other control —
        // the form's collapse once moved "Make a card from point 2" under the finger and made an unwanted card.
        const send = point.getByRole("button", { name: "Send the request" });
        await send.scrollIntoViewIfNeeded();
        const box = (await send.boundingBox())!;
        const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
        const cardButton = point.getByRole("button", { name: "Make a card from point 2" });
        const cardTopBefore = (await cardButton.count()) ? (await cardButton.boundingBox())!.y : null;
        await send.tap();
        const regrade = point.getByTestId("regrade");
        await regrade.getByText(/waiting for the teacher/).waitFor();
        assert((await regrade.innerText()).includes(REGRADE_REASON), "the request's reason is not shown to the student");
        const underFinger = await student.evaluate(([px, py]) => {
          const hit = document.elementFromPoint(px!, py!);
          const control = hit?.closest("button, a, summary, input, textarea, select, label");
          return control ? control.textContent?.trim() ?? control.tagName : null;
        }, [x, y]);
        assert(underFinger === null, `after sending, a second tap where Send was would press "${underFinger}"`);
        if (cardTopBefore !== null) {
          const cardTopAfter = (await cardButton.boundingBox())!.y;
          assert(Math.abs(cardTopAfter - cardTopBefore) < 1, `"Make a card from point 2" moved from y=${cardTopBefore} to y=${cardTopAfter} when the request was sent`);
        }
        await student.touchscreen.tap(x, y);
        assert((await point.getByTestId("point-carded").count()) === 0, "the second tap of a double tap on Send made a card");
      });

      await step("the teacher answers the request where they moderate; the student sees the reply and a notice on home", async () => {
        const teacher = await signedIn(browser, baseUrl, TEACHER);
        await teacher.goto(attemptUrl);
        const point = teacher.getByTestId("point-2");
        await point.getByTestId("regrade").getByText(REGRADE_REASON).waitFor();
        await point.getByLabel("Decline: the mark stands").check();
        await point.getByLabel(/^Reply/).fill(REGRADE_REPLY);
        await point.getByRole("button", { name: "Send the answer" }).click();
        await point.getByTestId("regrade-reply").waitFor();
        await teacher.context().close();
        await student.goto(`${baseUrl}/home`);
        await student.getByTestId("mark-changed").getByText(/regrade request answered/).waitFor();
        await student.goto(attemptUrl);
        const reply = await student.getByTestId("point-2").getByTestId("regrade-reply").innerText();
        assert(reply.includes(REGRADE_REPLY), `the student does not see the teacher's reply: "${reply}"`);
      });

      await student.context().close();
    },
    { GRADER: "heuristic" },
  );
}
