/**
 * Browser test of a teacher's work with a class (issue 11), the teacher on a desktop and the students
 * on phones: the teacher creates a class; a student whose name has accents joins with its code (and a
 * second whose name starts with "="); the teacher gives the first 1.5× extra time, assigns a timed quiz
 * and a written question due in a minute or so (late work accepted); the student takes the quiz
 * with the longer clock and writes the answer after the due time, so it is marked late; the teacher
 * opens both gradebooks and the heatmap, the "to check" queue and the answer, moves an earned point
 * to 0 with a reason, and downloads the CSV (parsed back: BOM, accents, the "=" name neutralised);
 * the student's home says a mark changed and the result shows the moderated mark everywhere (total,
 * point mark, badge, highlight, "earned by" line); the student asks for a regrade of that point and
 * the teacher declines it with a reply the student reads. axe-core runs on every teacher page in both themes.
 * Needs a prior `npm run build`. Run: `E2E_ONLY=teacher npm run test:e2e`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { SUBMISSION_GRACE_SEC } from "@/lib/classes/assignments";
import { DISPLAY_TIME_ZONE } from "@/lib/format";
import { artifacts, desktopPage, expectAccessible, phonePage, runSpec, signIn, type SpecResult } from "./harness";

const TEACHER = { email: "teacher@crux.example", password: "crux-teacher-2026" };
const STUDENT = { name: "Zoë Ñúñez-Çelik", email: "zoe@school.example", password: "copper window meadow 53" };
const FORMULA_STUDENT = { name: "=SUM(A1:A9) Łukasz", email: "lukasz@school.example", password: "amber harbour lantern 71" };
const CLASS_NAME = "Ethics — Saturday batch";
const QUIZ_TITLE = "TTP timed quiz";
const ESSAY_TITLE = "TTP essay";
const QUIZ_LIMIT_MIN = 2;
const REGRADE_REASON = "My second bullet says the havens are in Afghanistan, across the border; please look again.";
const REGRADE_REPLY = "The bullet places the havens but does not say who shelters them, so the mark stands.";
const REASON = "The sentence names the sanctuaries but not who shelters them; the point needs both.";

const ANSWER = `Since the Taliban returned to Kabul in 2021, the TTP has resurged from Afghan sanctuaries.

Security
- Safe havens in Afghanistan sustain cross-border attacks; a July 2024 UN report estimated at least 6,000 TTP fighters there.
- Pakistan has carried out air strikes on TTP hideouts across the border, straining ties with Kabul.

Way forward: Kabul must honour its Doha pledges, and Pakistan should pair border security with dialogue.`;

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** "YYYY-MM-DDTHH:MM" in the school's time zone, as a datetime-local field takes it. */
function localDateTime(at: Date): string {
  const text = new Intl.DateTimeFormat("sv-SE", { timeZone: DISPLAY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return text.replace(" ", "T");
}

/** A mark as the pages write it ("2", "½", "3¾") as a number. */
function marksOf(text: string): number {
  const m = /^(\d*)([½¼¾]?)$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(`"${text}" is not a mark`);
  return Number(m[1] || 0) + ({ "½": 0.5, "¼": 0.25, "¾": 0.75 }[m[2] ?? ""] ?? 0);
}

function secondsOf(clock: string): number {
  return clock
    .trim()
    .split(":")
    .map(Number)
    .reduce((sum, p) => sum * 60 + p, 0);
}

async function signUp(page: Page, baseUrl: string, account: { name: string; email: string; password: string }) {
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/home/);
}

async function joinWithCode(page: Page, baseUrl: string, code: string) {
  await page.goto(`${baseUrl}/classes`);
  await page.getByLabel("Join code").fill(code);
  await page.getByRole("button", { name: "Join class" }).click();
  await page.getByRole("status").filter({ hasText: `You joined ${CLASS_NAME}.` }).waitFor();
}

/** The student's row for an assignment on /assignments. */
const assignmentRow = (page: Page, title: string) => page.getByTestId("assignment").filter({ has: page.getByText(title, { exact: true }) });

export function teacherSpec(port = 3107): Promise<SpecResult> {
  return runSpec("teacher", port, async ({ baseUrl, browser, step }) => {
    const teacher = await desktopPage(browser, 20_000);
    const student = await phonePage(browser, 20_000);
    let classUrl = "";
    let joinCode = "";
    let essayDueAt = new Date();
    let essayAttemptUrl = "";
    let movedPoint = 0;
    let movedMax = "";
    let movedTotal = "";

    await step("the teacher creates a class and sees its join code", async () => {
      await signIn(teacher, baseUrl, TEACHER.email, TEACHER.password);
      await teacher.goto(`${baseUrl}/classes`);
      await teacher.getByRole("heading", { name: "Classes", level: 1 }).waitFor();
      await expectAccessible(teacher, "the teacher's classes");
      await teacher.getByLabel("Class name").fill(CLASS_NAME);
      await teacher.getByRole("button", { name: "Create class" }).click();
      await teacher.waitForURL(/\/classes\/[^/]+$/);
      classUrl = teacher.url();
      await teacher.getByRole("heading", { name: CLASS_NAME, level: 1 }).waitFor();
      joinCode = (await teacher.getByRole("region", { name: "Joining" }).locator("code").first().innerText()).trim();
      assert(/^[A-Z0-9]{4,12}$/.test(joinCode), `unexpected join code "${joinCode}"`);
      await expectAccessible(teacher, "the new class page");
    });

    await step("students sign up on their phones and join with the code", async () => {
      await signUp(student, baseUrl, STUDENT);
      await joinWithCode(student, baseUrl, joinCode.toLowerCase());
      const other = await phonePage(browser);
      await signUp(other, baseUrl, FORMULA_STUDENT);
      await joinWithCode(other, baseUrl, joinCode);
      await other.context().close();
    });

    await step("the roster lists both students; the teacher gives one 1.5× extra time", async () => {
      await teacher.goto(classUrl);
      const roster = teacher.getByRole("region", { name: "Students" });
      await roster.getByRole("link", { name: STUDENT.name }).waitFor();
      await roster.getByRole("link", { name: FORMULA_STUDENT.name }).waitFor();
      await roster.getByText(`Extra time for ${STUDENT.name}`).click();
      await roster.locator("details[open]").getByLabel("Time × (e.g. 1.5)").fill("1.5");
      await roster.getByRole("button", { name: "Save extra time" }).click();
      await roster.getByText("Extra time saved: it applies to attempts started from now.").waitFor();
      await expectAccessible(teacher, "the roster with the extra-time form open");
      await teacher.reload();
      await teacher.getByRole("region", { name: "Students" }).getByText(/extra time 1\.5× time/).waitFor();
    });

    await step("from the class page the teacher opens a set's assign form with the class chosen, and assigns a timed quiz and a written question due in a minute or so", async () => {
      await teacher.goto(classUrl);
      await teacher.getByRole("region", { name: "Assign a study set" }).getByRole("link", { name: /^Assign “.*TTP/ }).first().click();
      await teacher.waitForURL(/\/sets\/[^/?#]+\?class=/);
      const form = teacher.getByRole("region", { name: "Assign to a class" });
      const chosenClass = (await form.getByLabel("Class").locator("option:checked").textContent())?.trim();
      assert(chosenClass === CLASS_NAME, `the assign form opened from the class page starts on "${chosenClass}", not ${CLASS_NAME}`);
      await form.getByLabel("Title shown to students").fill(QUIZ_TITLE);
      await form.getByRole("radio", { name: "Timed quiz" }).check();
      await form.getByRole("radio", { name: "A number drawn at random" }).check();
      await form.getByLabel("How many questions").fill("2");
      await form.getByLabel("Time limit for the whole quiz, in minutes").fill(String(QUIZ_LIMIT_MIN));
      await expectAccessible(teacher, "the assign form (quiz)");
      await form.getByRole("button", { name: "Assign" }).click();
      await form.getByRole("status").filter({ hasText: `Assigned “${QUIZ_TITLE}” to ${CLASS_NAME}.` }).waitFor();

      // The form starts afresh for the next assignment (the class kept): the quiz's limit does not become the essay's.
      await form.getByLabel("Title shown to students").fill(ESSAY_TITLE);
      await form.getByRole("radio", { name: "Written questions" }).check();
      const essayLimit = await form.getByLabel("Time for each answer, in minutes").inputValue();
      assert(essayLimit === "", `the written assignment's time limit starts as "${essayLimit}", carried over from the quiz`);
      await form.getByRole("group", { name: "Questions to answer" }).getByRole("checkbox").first().check();
      await form.getByLabel("Late work").selectOption({ label: "Accept and mark late" });
      await expectAccessible(teacher, "the assign form (written)");
      // Due at the first whole minute at least 30 s from now (the field takes minutes; a due time already passed is
      // refused), set just before assigning; late work is accepted. The student answers after it, below.
      essayDueAt = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000);
      await form.getByLabel("Due (optional)").fill(localDateTime(essayDueAt));
      await form.getByRole("button", { name: "Assign" }).click();
      await form.getByRole("status").filter({ hasText: `Assigned “${ESSAY_TITLE}” to ${CLASS_NAME}.` }).waitFor();
      await teacher.goto(classUrl);
      const list = teacher.getByRole("region", { name: "Assignments" });
      await list.getByRole("link", { name: `Gradebook of ${QUIZ_TITLE}` }).waitFor();
      await list.getByRole("link", { name: `Gradebook of ${ESSAY_TITLE}` }).waitFor();
      await expectAccessible(teacher, "the class page with its assignments");
    });

    await step("the student's quiz clock runs 1.5× the limit, and the quiz is submitted on time", async () => {
      await student.goto(`${baseUrl}/assignments`);
      await assignmentRow(student, QUIZ_TITLE).waitFor();
      await assignmentRow(student, QUIZ_TITLE).getByRole("button", { name: `Start the quiz “${QUIZ_TITLE}”`, exact: true }).click();
      await student.waitForURL(/\/quiz\/[^/]+$/);
      // The clock shows "--:--" until the page has hydrated and read the server's deadline.
      await student.getByRole("timer").filter({ hasText: /\d+:\d\d/ }).waitFor();
      const clock = (await student.getByRole("timer").textContent()) ?? "";
      const left = secondsOf(clock.replace(/[^0-9:]/g, ""));
      assert(left > QUIZ_LIMIT_MIN * 60 && left <= QUIZ_LIMIT_MIN * 90, `with 1.5× extra time on a ${QUIZ_LIMIT_MIN}-minute quiz the clock shows ${clock}`);
      const first = student.locator('input[type="radio"], input[type="checkbox"]').first();
      if ((await first.count()) > 0) await first.check();
      else await student.getByRole("textbox").first().fill("2007");
      await student.getByText("All answers saved").waitFor();
      await student.getByRole("button", { name: "Submit the quiz" }).click();
      await student.getByRole("button", { name: "Yes, submit" }).click();
      await student.waitForURL(/\/results$/);
      await student.goto(`${baseUrl}/assignments`);
      const row = assignmentRow(student, QUIZ_TITLE);
      await row.getByText("Done", { exact: true }).waitFor();
      assert((await row.getByText("Late", { exact: true }).count()) === 0, "the quiz submitted on time is marked late");
    });

    await step("after the due time the written answer is accepted and marked late", async () => {
      // Past the due time and its grace (a submission within the grace counts as on time), with two seconds to spare.
      const wait = essayDueAt.getTime() + (SUBMISSION_GRACE_SEC + 2) * 1000 - Date.now();
      if (wait > 0) await student.waitForTimeout(wait);
      await student.goto(`${baseUrl}/assignments`);
      await assignmentRow(student, ESSAY_TITLE).getByText("Overdue", { exact: true }).waitFor();
      await assignmentRow(student, ESSAY_TITLE).getByRole("link", { name: `Write your answer to “${ESSAY_TITLE}”`, exact: true }).click();
      await student.waitForURL(/\/write\//);
      await student.getByRole("button", { name: "Start writing" }).click();
      await student.getByLabel("Your answer").fill(ANSWER);
      await student.getByText(/^Saved \d/).waitFor();
      await student.getByRole("button", { name: "Submit for marking" }).click();
      await student.getByRole("button", { name: "Yes, submit" }).click();
      await student.waitForURL(/\/attempts\/[^/]+$/, { timeout: 60_000 });
      essayAttemptUrl = student.url();
      await student.getByTestId("total-score").waitFor();
      await student.goto(`${baseUrl}/assignments`);
      const row = assignmentRow(student, ESSAY_TITLE);
      await row.getByText("Late", { exact: true }).waitFor();
      await row.getByText("Done", { exact: true }).waitFor();
    });

    await step("the quiz gradebook shows the student's questions and time used; the other student has not started", async () => {
      await teacher.goto(classUrl);
      await teacher.getByRole("link", { name: `Gradebook of ${QUIZ_TITLE}` }).click();
      await teacher.waitForURL(/\/assignments\/[^/]+$/);
      const table = teacher.getByTestId("gradebook");
      const row = table.getByRole("row").filter({ has: teacher.getByRole("rowheader", { name: STUDENT.name }) });
      await row.getByText("Submitted", { exact: true }).waitFor();
      const other = table.getByRole("row").filter({ has: teacher.getByRole("rowheader", { name: FORMULA_STUDENT.name }) });
      await other.getByText("Not started", { exact: true }).waitFor();
      await expectAccessible(teacher, "the quiz gradebook");
      // A mark in the quiz gradebook opens that student's quiz results (not the written-answer page).
      await row.locator('a[href*="/quiz/"]').first().click();
      await teacher.waitForURL(/\/quiz\/[^/]+\/results$/);
      await teacher.getByRole("heading", { name: "Quiz results" }).waitFor();
      await expectAccessible(teacher, "a student's quiz results opened from the gradebook");
    });

    await step("the written gradebook marks the answer late and its heatmap shows what the class missed", async () => {
      await teacher.goto(classUrl);
      await teacher.getByRole("link", { name: `Gradebook of ${ESSAY_TITLE}` }).click();
      await teacher.waitForURL(/\/assignments\/[^/]+$/);
      const row = teacher.getByTestId("gradebook").getByRole("row").filter({ has: teacher.getByRole("rowheader", { name: STUDENT.name }) });
      await row.getByText("Late", { exact: true }).waitFor();
      const heatmap = teacher.getByRole("region", { name: "What the class missed" });
      assert((await heatmap.getByText(/^missed by \d+(, partly by \d+)? of 1 \(/).count()) > 0, `the heatmap shows no point: ${await heatmap.innerText()}`);
      // One student marked: "Most missed" ranks nothing yet and says why.
      await heatmap.getByRole("region", { name: "Most missed rubric points" }).getByText(/Only rubric points marked for at least 3 students are ranked/).waitFor();
      await teacher.screenshot({ path: path.join(artifacts, "teacher-gradebook.png"), fullPage: true });
      await expectAccessible(teacher, "the written gradebook and heatmap");
      // On a phone the page keeps to the screen: the wide table scrolls in its own box, the heatmap's lines wrap.
      await teacher.setViewportSize({ width: 390, height: 844 });
      await expectAccessible(teacher, "the written gradebook and heatmap on a phone");
      await teacher.setViewportSize({ width: 1280, height: 800 });
      await teacher.getByRole("link", { name: "Score" }).click();
      await teacher.waitForURL(/sort=score/);
      await expectAccessible(teacher, "the gradebook sorted by score");
    });

    await step("the answer is first in the to-check queue, and the teacher moves a point earned by a sentence to 0 with a reason", async () => {
      await teacher.goto(`${classUrl}/to-check`);
      const queue = teacher.getByTestId("to-check-queue");
      await queue.getByText(STUDENT.name).first().waitFor();
      await expectAccessible(teacher, "the to-check queue");
      await queue.getByRole("link", { name: `Open the answer of ${STUDENT.name}` }).first().click();
      await teacher.waitForURL(/\/attempts\/[^/]+$/);
      assert(teacher.url() === essayAttemptUrl, `the queue opened ${teacher.url()}, not the late answer ${essayAttemptUrl}`);
      await teacher.getByTestId("point-1").waitFor();
      const points = teacher.locator('[data-testid^="point-"]').filter({ has: teacher.getByTestId("point-mark") });
      const count = await points.count();
      const seen: string[] = [];
      for (let i = 0; i < count && movedPoint === 0; i++) {
        const point = points.nth(i);
        const mark = await point.getByTestId("point-mark").innerText();
        seen.push(mark.trim());
        const full = /^(?:Earned|Partly earned) (\S+) \/ (\S+)$/.exec(mark.trim());
        if (full && (await point.getByText(/^Earned by the sentence/).count()) > 0) {
          movedPoint = i + 1;
          movedMax = full[2] ?? "";
        }
      }
      assert(movedPoint > 0, `no point was earned by a sentence, so none can be moved to 0: ${seen.join(" | ")}`);
      const point = teacher.getByTestId(`point-${movedPoint}`);
      await point.getByText(`Change the mark for point ${movedPoint}`).click();
      await point.getByLabel("New mark").selectOption({ label: `0 of ${movedMax}` });
      await point.getByLabel("Reason (the student sees it)").fill(REASON);
      await expectAccessible(teacher, "the answer with the moderation form open");
      await point.getByRole("button", { name: "Save the new mark" }).click();
      const saved = await point.getByRole("status").filter({ hasText: /^Saved\. New total: / }).innerText();
      movedTotal = /New total: ([\d.½¼¾]+) \//.exec(saved)?.[1] ?? "";
      assert(movedTotal, `no new total in "${saved}"`);
      await point.getByTestId("moderation-note").getByText(REASON, { exact: false }).waitFor();
      await expectAccessible(teacher, "the moderated answer");
    });

    await step("the CSV download opens cleanly: BOM, accents, the '=' name neutralised, the moderated mark", async () => {
      await teacher.goto(classUrl);
      await teacher.getByRole("link", { name: `Gradebook of ${ESSAY_TITLE}` }).click();
      await teacher.waitForURL(/\/assignments\/[^/]+$/);
      await teacher.getByTestId("gradebook").getByText("*").first().waitFor();
      const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("link", { name: "Export CSV" }).click()]);
      assert(/\.csv$/.test(download.suggestedFilename()), `the download is named ${download.suggestedFilename()}`);
      const bytes = readFileSync(await download.path());
      assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, "the CSV has no UTF-8 byte-order mark");
      const parsed = Papa.parse<string[]>(bytes.toString("utf8").slice(1), { skipEmptyLines: true });
      assert(parsed.errors.length === 0, `the CSV does not parse: ${parsed.errors.map((e) => e.message).join("; ")}`);
      const [header, ...rows] = parsed.data;
      assert(header?.[0] === "Student" && header.length > 7, `unexpected header: ${header?.join(",")}`);
      assert(rows.length === 2, `expected one row per student (2), got ${rows.length}`);
      const zoe = rows.find((r) => r[0] === STUDENT.name);
      assert(zoe, `no row named "${STUDENT.name}" (accents lost?): ${rows.map((r) => r[0]).join(" | ")}`);
      assert(zoe[2] === "Late", `the late answer's status reads "${zoe[2]}"`);
      assert(Number(zoe[3]) === marksOf(movedTotal), `the CSV score ${zoe[3]} is not the moderated total ${movedTotal}`);
      const formula = rows.find((r) => r[0]?.includes("SUM(A1:A9)"));
      assert(formula?.[0] === `'${FORMULA_STUDENT.name}`, `the "=" name is not neutralised: ${formula?.[0]}`);
      assert(rows.every((r) => r.every((cell) => !/^[=+\-@]/.test(cell))), "a cell still starts with a formula character");
      await expectAccessible(teacher, "the gradebook with its CSV link");
    });

    await step("the student's home says a mark changed, and the result shows the moderated mark everywhere", async () => {
      await student.goto(`${baseUrl}/home`);
      const notice = student.getByTestId("mark-changed");
      await notice.getByRole("heading", { name: "Your teacher changed a mark" }).waitFor();
      await notice.getByRole("link").first().click();
      await student.waitForURL(essayAttemptUrl);
      const total = await student.getByTestId("total-score").innerText();
      assert(total.startsWith(`${movedTotal}`), `the student's total reads "${total}", the teacher saved ${movedTotal}`);
      await student.getByText("Moderated by your teacher").waitFor();
      const point = student.getByTestId(`point-${movedPoint}`);
      const mark = (await point.getByTestId("point-mark").innerText()).trim();
      assert(mark === `Missed 0 / ${movedMax}`, `the moderated point reads "${mark}"`);
      assert((await point.getByText(/^Earned by the sentence/).count()) === 0, "an 'earned by' line still shows on the point moved to 0");
      await point.getByTestId("moderation-note").getByText(REASON, { exact: false }).waitFor();
      const badgeClass = (await point.locator('span[aria-hidden="true"]').first().getAttribute("class")) ?? "";
      assert(badgeClass.includes("text-muted"), `the point's number badge is still coloured: ${badgeClass}`);
      const highlighted = await student.getByTestId("highlighted-answer").locator("sup").allInnerTexts();
      assert(!highlighted.some((t) => t.replace(/\D/g, "") === String(movedPoint)), `a sentence is still marked ${movedPoint}: ${highlighted.join(", ")}`);
      await student.screenshot({ path: path.join(artifacts, "teacher-moderated-student.png"), fullPage: true });
      await expectAccessible(student, "the student's moderated result");
      await student.goto(`${baseUrl}/home`);
      await student.getByRole("heading", { level: 1 }).waitFor();
      assert((await student.getByTestId("mark-changed").count()) === 0, "the home notice stays after the student has read the change");
    });
    await step("the student asks for a regrade of that point; the teacher declines it with a reply the student reads", async () => {
      await student.goto(essayAttemptUrl);
      const asked = student.getByTestId(`point-${movedPoint}`);
      await asked.getByText(`Ask for a regrade of point ${movedPoint}`).click();
      await asked.getByLabel("Why should the mark change? (your teacher reads this)").fill(REGRADE_REASON);
      await asked.getByRole("button", { name: "Send the request" }).click();
      await asked.getByTestId("regrade").getByText("Regrade requested — waiting for the teacher").waitFor();
      await expectAccessible(student, "the result with a regrade request");

      await teacher.goto(`${classUrl}/to-check`);
      const open = teacher.getByTestId("open-regrades");
      await open.getByText(REGRADE_REASON, { exact: false }).waitFor();
      await expectAccessible(teacher, "the to-check page with an open regrade request");
      await open.getByRole("link", { name: /^Answer the request/ }).first().click();
      await teacher.waitForURL(/\/attempts\/[^/#]+/);
      const form = teacher.getByRole("form", { name: `Answer the regrade request on point ${movedPoint}` });
      await form.getByRole("radio", { name: "Decline: the mark stands" }).check();
      await form.getByLabel(/^Reply/).fill(REGRADE_REPLY);
      await expectAccessible(teacher, "the answer with the regrade form");
      await form.getByRole("button", { name: "Send the answer" }).click();
      await teacher.getByTestId(`point-${movedPoint}`).getByTestId("regrade").getByText("Regrade declined — the mark stands").waitFor();

      await student.goto(`${baseUrl}/home`);
      const notice = student.getByTestId("mark-changed");
      await notice.getByText(/answered a regrade request/).first().waitFor();
      await notice.getByRole("link").first().click();
      await student.waitForURL(essayAttemptUrl);
      const point = student.getByTestId(`point-${movedPoint}`);
      await point.getByTestId("regrade-reply").getByText(REGRADE_REPLY, { exact: false }).waitFor();
      const mark = (await point.getByTestId("point-mark").innerText()).trim();
      assert(mark === `Missed 0 / ${movedMax}`, `after the declined regrade the point reads "${mark}"`);
    });

    await step("the class overview lists each student's work over the term (and one student's page), and a point's drill-down every student's answer on it", async () => {
      await teacher.goto(classUrl);
      await teacher.getByRole("link", { name: "Class overview" }).click();
      await teacher.waitForURL(/\/overview$/);
      const row = teacher.getByRole("row").filter({ has: teacher.getByRole("rowheader", { name: STUDENT.name }) });
      await row.getByText("Late", { exact: true }).first().waitFor();
      await expectAccessible(teacher, "the class overview");
      await row.getByRole("link", { name: STUDENT.name }).click();
      await teacher.waitForURL(/\/students\/[^/]+$/);
      await teacher.getByRole("heading", { name: STUDENT.name }).first().waitFor();
      await expectAccessible(teacher, "one student's work in the class");
      await teacher.goto(`${baseUrl}/assignments`);
      await teacher.getByRole("heading", { name: "Assignments" }).first().waitFor();
      await expectAccessible(teacher, "the teacher's assignments page");

      await teacher.goto(classUrl);
      await teacher.getByRole("link", { name: `Gradebook of ${ESSAY_TITLE}` }).click();
      await teacher.waitForURL(/\/assignments\/[^/]+$/);
      await teacher.getByRole("region", { name: "What the class missed" }).getByRole("link").first().click();
      await teacher.waitForURL(/\/points\/[^/]+$/);
      await teacher.getByRole("link", { name: new RegExp(STUDENT.name) }).first().waitFor();
      await expectAccessible(teacher, "a point's drill-down");
    });
  });
}
