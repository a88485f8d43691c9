/**
 * Security tests against the real server (scripts/server.mjs) and Debian Chromium (issue 7, parts
 * 3, 5 and 6). Over raw HTTP from two loopback addresses (127.0.0.1 and 127.0.0.2): a forged
 * X-Forwarded-For neither escapes the sign-in limit nor locks another address out; cross-site POSTs
 * to route handlers are refused; a chunked oversize upload is cut off while it streams;
 * an over-1 MB or malformed server-action body gets a 413/400 and writes nothing; security headers are on every kind of response. In the browser:
 * no CSP violation while signing in, reviewing a card and writing an answer; a cookie saved before
 * sign-out no longer opens /home; `callbackUrl=/%5Cevil.example/phish` never leaves the site, before
 * or after signing in; a password change signs other devices out; an administrator's teacher code
 * makes a teacher. A second spec runs with the database unreachable: the sign-in form, sign-up and
 * pages show a reference id, never the internal error, and the server log has the detail under it.
 * Run: `npm run build && npx tsx test/e2e/security.ts`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { encode } from "next-auth/jwt";
import type { Page } from "playwright-core";
import { expectNoCspViolations, phonePage, root, runSpec, signIn, submitSignIn, type SpecResult } from "./harness";

const STUDENT = { email: "asha@crux.example", password: "crux-student-2026" };
const OTHER_STUDENT = { email: "ravi@crux.example", password: "crux-student-2026" };
const ADMIN = { email: "admin@school.example", password: "granite orbit ladle 58" };
const E2E_SECRET = "e2e-secret-not-for-production-0123456789";

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request from a chosen local (loopback) address. */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress ?? "127.0.0.1" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/**
 * Streams a multipart upload of `totalBytes` with chunked framing (no Content-Length), a chunk at a
 * time as the socket drains, and stops writing the moment the server answers. `bytesSent` below
 * `totalBytes` proves the server answered while the body was still arriving, never after reading it whole.
 */
function streamChunkedUpload(url: string, headers: Record<string, string>, totalBytes: number): Promise<HttpAnswer & { bytesSent: number; isReset?: boolean }> {
  const boundary = "----crux-chunked-oversize";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nOversize chunked upload\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const filler = Buffer.alloc(64 * 1024, "The river carries silt from the glaciers to the plains. ");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let isAnswered = false;
    const req = http.request(url, { method: "POST", headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}`, "transfer-encoding": "chunked" }, localAddress: "127.0.0.1" }, (res) => {
      isAnswered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytesSent: sent });
        req.destroy();
      });
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (isAnswered) return;
      // The server answers 413 and closes the connection while the body is still arriving; a client
      // still writing may see the close (EPIPE / ECONNRESET) before it reads that answer. A close
      // before the whole body was sent is the cut-off itself; anything else is a failure.
      if ((e.code === "EPIPE" || e.code === "ECONNRESET") && sent < totalBytes) resolve({ status: 0, headers: {}, body: "", bytesSent: sent, isReset: true });
      else reject(new Error(`the upload broke off without an answer after ${sent} bytes: ${e.message}`));
    });
    const pump = () => {
      while (!isAnswered && sent < totalBytes) {
        sent += filler.length;
        if (!req.write(filler)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!isAnswered) req.end(`\r\n--${boundary}--\r\n`);
    };
    req.write(head);
    pump();
  });
}

/** The id Next.js gave a server action in this build (from its server-reference manifest). */
function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName: string }> };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  assert(id, `no server action ${exportedName} in the build`);
  return id;
}

/** Calls a server action as React's client does (a fetch action: `Next-Action` header, the arguments as a text/plain JSON row). */
function callServerAction(baseUrl: string, pagePath: string, actionId: string, body: string | Buffer, options: { contentType?: string; isChunked?: boolean } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
    const headers: Record<string, string> = { "next-action": actionId, "content-type": options.contentType ?? "text/plain;charset=UTF-8", origin: baseUrl, accept: "text/x-component" };
    if (options.isChunked) headers["transfer-encoding"] = "chunked";
    else headers["content-length"] = String(bytes.length);
    const req = http.request(`${baseUrl}${pagePath}`, { method: "POST", headers, localAddress: "127.0.0.4" }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    if (options.isChunked) {
      for (let i = 0; i < bytes.length; i += 64 * 1024) req.write(bytes.subarray(i, i + 64 * 1024));
      req.end();
    } else req.end(bytes);
  });
}

const cookiesOf = (answer: HttpAnswer) => (answer.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!).join("; ");

/**
 * Signs in through next-auth's credentials endpoint as a script would, from `localAddress`,
 * optionally sending a (forged) X-Forwarded-For. Returns the error the form would show, or null.
 */
async function signInOverHttp(baseUrl: string, who: { email: string; password: string }, from: { localAddress: string; forwardedFor?: string }): Promise<string | null> {
  const csrf = await request(`${baseUrl}/api/auth/csrf`, { localAddress: from.localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await request(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    localAddress: from.localAddress,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiesOf(csrf),
      ...(from.forwardedFor ? { "x-forwarded-for": from.forwardedFor } : {}),
    },
    body: new URLSearchParams({ csrfToken, email: who.email, password: who.password, json: "true" }).toString(),
  });
  const { url } = JSON.parse(answer.body) as { url: string };
  return new URL(url).searchParams.get("error");
}

function expectSecurityHeaders(answer: HttpAnswer, label: string): void {
  const expected: Record<string, RegExp> = {
    "x-content-type-options": /^nosniff$/,
    "referrer-policy": /^strict-origin-when-cross-origin$/,
    "permissions-policy": /camera=\(\)/,
    "x-frame-options": /^DENY$/,
  };
  for (const [name, pattern] of Object.entries(expected)) {
    const value = answer.headers[name];
    assert(typeof value === "string" && pattern.test(value), `${label}: ${name} is ${JSON.stringify(value)}`);
  }
}

/** Runs the admin command line against the e2e database; returns its stdout. */
function admin(env: NodeJS.ProcessEnv, args: string[], input = ""): string {
  const r = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/admin.ts", ...args], { cwd: root, env, input, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`admin ${args[0]} failed: ${r.stderr}`);
  return r.stdout.trim();
}

export function securitySpec(port = 3103): Promise<SpecResult> {
  let teacherCode = "";
  return runSpec(
    "security",
    port,
    async ({ baseUrl, browser, step }) => {
      // The server listens on 127.0.0.1 only, so every request from 127.0.0.x reaches it with its own peer address.
      const base = baseUrl;

      await step("a forged X-Forwarded-For does not escape the per-address sign-in limit", async () => {
        const errors = [];
        for (let i = 0; i < 4; i++) {
          errors.push(await signInOverHttp(base, { email: OTHER_STUDENT.email, password: `guess-${i}` }, { localAddress: "127.0.0.2", forwardedFor: `203.0.113.${i + 1}` }));
        }
        assert(errors.slice(0, 3).every((e) => e?.includes("do not match")), `the first guesses were not plain failures: ${errors.join(" | ")}`);
        assert(errors[3]?.includes("Too many failed sign-ins"), `a fourth guess under a new forged address was not slowed: ${errors[3]}`);
      });

      await step("guesses sent in another address's name do not lock that address out", async () => {
        for (let i = 0; i < 6; i++) {
          await signInOverHttp(base, { email: OTHER_STUDENT.email, password: `framed-${i}` }, { localAddress: "127.0.0.2", forwardedFor: "127.0.0.1" });
        }
        const own = await signInOverHttp(base, OTHER_STUDENT, { localAddress: "127.0.0.1" });
        assert(own === null, `the owner's own address was refused: ${own}`);
      });

      await step("twenty parallel wrong guesses do not lock the owner out", async () => {
        await Promise.all(Array.from({ length: 20 }, (_, i) => signInOverHttp(base, { email: STUDENT.email, password: `parallel-${i}` }, { localAddress: "127.0.0.3" })));
        const own = await signInOverHttp(base, STUDENT, { localAddress: "127.0.0.1" });
        assert(own === null, `the owner was refused after an attack from elsewhere: ${own}`);
      });

      await step("a cross-site POST to /api/study-sets is refused even with a session, and creates nothing", async () => {
        const page = await phonePage(browser);
        await signIn(page, baseUrl, STUDENT.email, STUDENT.password);
        const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
        const form = new FormData();
        form.set("title", "Planted by another site");
        form.set("text", "Text that another site tried to submit in the student's name. ".repeat(20));
        const encoded = new Response(form);
        const body = Buffer.from(await encoded.arrayBuffer()).toString("latin1");
        const answer = await request(`${baseUrl}/api/study-sets`, {
          method: "POST",
          headers: { cookie, origin: "https://evil.example", "content-type": encoded.headers.get("content-type")! },
          body,
        });
        assert(answer.status === 403, `expected 403, got ${answer.status}: ${answer.body.slice(0, 200)}`);
        await page.goto(`${baseUrl}/sets`);
        assert((await page.getByText("Planted by another site").count()) === 0, "the cross-site request created a set");
        await page.context().close();
      });

      await step("a chunked upload over the cap (no Content-Length) is cut off while streaming, and stores nothing", async () => {
        const page = await phonePage(browser);
        await signIn(page, baseUrl, STUDENT.email, STUDENT.password);
        const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
        const totalBytes = 150_000_000;
        const answer = await streamChunkedUpload(`${baseUrl}/api/study-sets`, { cookie, origin: baseUrl }, totalBytes);
        if (!answer.isReset) {
          assert(answer.status === 413 || answer.status === 422, `expected 413 or 422, got ${answer.status}: ${answer.body.slice(0, 200)}`);
          assert(/Too much material/.test(answer.body), `the refusal does not say why: ${answer.body.slice(0, 200)}`);
        }
        assert(answer.bytesSent < totalBytes, `the server read all ${totalBytes} bytes before refusing`);
        await page.goto(`${baseUrl}/sets`);
        assert((await page.getByText("Oversize chunked upload").count()) === 0, "the oversize upload created a set");
        await page.context().close();
      });

      await step("a server-action body over 1 MB gets a 413, whatever its framing, and the sign-up it carried is not made", async () => {
        const signUp = serverActionId("signUpAction");
        const padded = (email: string) => JSON.stringify([{ name: "Padded Person", email, password: "copper window meadow 53", note: "x".repeat(1_100_000) }]);
        const declared = await callServerAction(base, "/signup", signUp, padded("padded-declared@example.com"));
        assert(declared.status === 413, `a declared 1.1 MB action body: expected 413, got ${declared.status}: ${declared.body.slice(0, 200)}`);
        assert(/limit/.test(declared.body), `the 413 does not say why: ${declared.body.slice(0, 200)}`);
        const chunked = await callServerAction(base, "/signup", signUp, padded("padded-chunked@example.com"), { isChunked: true });
        assert(chunked.status === 413, `a chunked 1.1 MB action body: expected 413, got ${chunked.status}: ${chunked.body.slice(0, 200)}`);
        for (const email of ["padded-declared@example.com", "padded-chunked@example.com"]) {
          const error = await signInOverHttp(base, { email, password: "copper window meadow 53" }, { localAddress: "127.0.0.4" });
          assert(error !== null, `an account ${email} was made from an over-limit body`);
        }
      });

      await step("a malformed server-action body gets a 400 and writes nothing; a well-formed one still works", async () => {
        const signUp = serverActionId("signUpAction");
        const truncated = await callServerAction(base, "/signup", signUp, '[{"name":"Broken Body","email":"broken@example.com","password":"copper window meadow 53"');
        assert(truncated.status === 400, `truncated JSON: expected 400, got ${truncated.status}: ${truncated.body.slice(0, 200)}`);
        const notUtf8 = await callServerAction(base, "/signup", signUp, Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]));
        assert(notUtf8.status === 400, `bytes that are not UTF-8: expected 400, got ${notUtf8.status}`);
        const badForm = await callServerAction(base, "/signup", signUp, "--x\r\nnot a form part", { contentType: "multipart/form-data; boundary=x" });
        assert(badForm.status === 400, `a malformed multipart body: expected 400, got ${badForm.status}: ${badForm.body.slice(0, 200)}`);
        const noAccount = await signInOverHttp(base, { email: "broken@example.com", password: "copper window meadow 53" }, { localAddress: "127.0.0.4" });
        assert(noAccount !== null, "a malformed body made an account");
        // The same action with a well-formed body passes the checks and runs.
        const fine = await callServerAction(base, "/signup", signUp, JSON.stringify([{ name: "Whole Body", email: "whole@example.com", password: "copper window meadow 53" }]));
        assert(fine.status === 200, `a well-formed action body: expected 200, got ${fine.status}: ${fine.body.slice(0, 200)}`);
        const signedIn = await signInOverHttp(base, { email: "whole@example.com", password: "copper window meadow 53" }, { localAddress: "127.0.0.4" });
        assert(signedIn === null, `the well-formed sign-up did not make an account: ${signedIn}`);
      });

      await step("security headers come with pages, redirects, route handlers, refusals and static files", async () => {
        const signinPage = await request(`${baseUrl}/signin`);
        expectSecurityHeaders(signinPage, "/signin");
        const csp = String(signinPage.headers["content-security-policy"]);
        assert(/frame-ancestors 'none'/.test(csp) && /script-src 'self' 'nonce-/.test(csp), `weak CSP on /signin: ${csp}`);
        const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
        assert(nonce && signinPage.body.includes(`nonce="${nonce}"`), "the page's scripts do not carry the CSP nonce");
        expectSecurityHeaders(await request(`${baseUrl}/home`), "the signed-out redirect");
        expectSecurityHeaders(await request(`${baseUrl}/api/auth/csrf`), "a route handler");
        expectSecurityHeaders(await request(`${baseUrl}/api/study-sets`, { method: "POST", headers: { origin: "https://evil.example" } }), "a cross-site refusal");
        const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(signinPage.body)?.[1];
        assert(script, "no static script on /signin");
        expectSecurityHeaders(await request(`${baseUrl}${script}`), "a static file");
      });

      const page = await phonePage(browser, 20_000);

      await step("signing in, reviewing a card and writing an answer raise no CSP violation", async () => {
        await signIn(page, baseUrl, STUDENT.email, STUDENT.password);
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Study sets" }).click();
        // Home links to assigned TTP work too: pick the set from /sets, not from the page being left.
        await page.waitForURL(/\/sets$/);
        await page.getByRole("link", { name: /TTP/ }).first().click();
        await page.waitForURL(/\/sets\/[^/]+$/);
        const setUrl = page.url();
        await page.getByRole("link", { name: "Review cards" }).click();
        await page.waitForURL(/\/review$/);
        await page.getByRole("button", { name: "Show answer" }).click();
        await page.getByRole("button", { name: /^Good/ }).click();
        await page.getByTestId("session-progress").getByText(/1 reviewed/).waitFor();
        await page.goto(setUrl);
        await page.getByRole("link", { name: /^Practise/ }).first().click();
        await page.waitForURL(/\/write\//);
        await page.getByRole("button", { name: "Start writing" }).click();
        await page.getByLabel("Your answer").fill("Kabul shelters the TTP, so talks between the neighbours stall.");
        await page.getByText(/^Saved \d/).waitFor();
        await page.getByRole("button", { name: "Submit for marking" }).click();
        await page.getByRole("button", { name: "Yes, submit" }).click();
        await page.waitForURL(/\/attempts\/[^/]+$/, { timeout: 60_000 });
        await page.getByTestId("total-score").waitFor();
        // The theme toggle's inline script and the dark theme work under the policy too.
        await page.emulateMedia({ colorScheme: "dark" });
        await page.reload();
        await page.getByTestId("total-score").waitFor();
        expectNoCspViolations(page, "sign-in, review and writing");
      });

      await step("a session cookie saved before sign-out does not open /home afterwards", async () => {
        const saved = await page.context().cookies();
        await page.goto(`${baseUrl}/home`);
        await page.getByRole("button", { name: "Sign out" }).click();
        await page.waitForURL(/\/signin/);
        const replay = await browser.newContext();
        await replay.addCookies(saved);
        const thief = await replay.newPage();
        await thief.goto(`${baseUrl}/home`);
        await thief.waitForURL(/\/signin/);
        // next-auth's own session endpoint refuses the revoked token too.
        const session = (await (await thief.request.get(`${baseUrl}/api/auth/session`)).json()) as { user?: unknown };
        assert(!session.user, `the session endpoint still answers for the revoked cookie: ${JSON.stringify(session)}`);
        await replay.close();
      });

      await step("/signin?callbackUrl=/%5Cevil.example/phish stays on the site before and after signing in", async () => {
        const phish = `${baseUrl}/signin?callbackUrl=/%5Cevil.example/phish`;
        await page.goto(phish);
        assert(new URL(page.url()).host === new URL(baseUrl).host, `left the site before signing in: ${page.url()}`);
        await submitSignIn(page, STUDENT.email, STUDENT.password);
        await page.waitForURL(/\/home/);
        assert(new URL(page.url()).host === new URL(baseUrl).host, `left the site after signing in: ${page.url()}`);
        // Signed in already, the same link goes home rather than off-site.
        await page.goto(phish);
        await page.waitForURL(/\/home/);
        assert(new URL(page.url()).host === new URL(baseUrl).host, `left the site when signed in: ${page.url()}`);
      });

      await step("changing the password signs the other device out and keeps this one in", async () => {
        const other = await phonePage(browser);
        await signIn(other, baseUrl, STUDENT.email, STUDENT.password);
        await page.goto(`${baseUrl}/account`);
        await page.getByLabel("Current password").fill(STUDENT.password);
        await page.getByLabel("New password", { exact: true }).fill("password");
        await page.getByLabel("New password again").fill("password");
        await page.getByRole("button", { name: "Change password" }).click();
        await page.getByText(/heavily used password/).first().waitFor();
        await page.getByLabel("New password", { exact: true }).fill("saffron kettle orbit 27");
        await page.getByLabel("New password again").fill("saffron kettle orbit 27");
        await page.getByRole("button", { name: "Change password" }).click();
        await page.getByRole("status").filter({ hasText: "Password changed" }).waitFor();
        await page.goto(`${baseUrl}/home`);
        await page.getByRole("heading", { name: /Hello, Asha/ }).waitFor();
        await other.goto(`${baseUrl}/home`);
        await other.waitForURL(/\/signin/);
        expectNoCspViolations(page, "the account page");
        await other.context().close();
      });

      await step("an administrator's teacher code makes a teacher at sign-up; without one, a student", async () => {
        const fresh = await phonePage(browser);
        await fresh.goto(`${baseUrl}/signup`);
        await fresh.getByLabel("Name").fill("Rohan Mehta");
        await fresh.getByLabel("Email").fill("rohan@school.example");
        await fresh.getByLabel("Password").fill("copper window meadow 53");
        await fresh.getByLabel(/Teacher code/).fill("TCH-2222-3333-4444-5555");
        await fresh.getByRole("button", { name: "Create account" }).click();
        await fresh.getByText(/teacher code is not valid/).first().waitFor();
        await fresh.getByLabel(/Teacher code/).fill(teacherCode.toLowerCase());
        await fresh.getByRole("button", { name: "Create account" }).click();
        await fresh.waitForURL(/\/home/);
        await fresh.goto(`${baseUrl}/account`);
        await fresh.getByText(/rohan@school\.example · Teacher/).waitFor();
        // Their own name: an empty one is refused beside the field; a new one shows at once.
        await fresh.getByLabel("Name").fill(" ");
        await fresh.getByRole("button", { name: "Save name" }).click();
        await fresh.getByText("Enter your name.").first().waitFor();
        await fresh.getByLabel("Name").fill("Rohan K. Mehta");
        await fresh.getByRole("button", { name: "Save name" }).click();
        await fresh.getByRole("status").filter({ hasText: "You are now shown as Rohan K. Mehta." }).waitFor();
        await fresh.getByText(/Rohan K\. Mehta · rohan@school\.example · Teacher/).waitFor();
        await fresh.context().close();
      });

      await step("the administrator issues and revokes a teacher code on their account page; a student cannot", async () => {
        const adminPage = await phonePage(browser);
        await signIn(adminPage, baseUrl, ADMIN.email, ADMIN.password);
        await adminPage.goto(`${baseUrl}/account`);
        await adminPage.getByLabel("Note (who it is for)").fill("Mr Das, geography");
        await adminPage.getByRole("button", { name: "Issue a teacher code" }).click();
        const code = (await adminPage.getByTestId("issued-teacher-code").innerText()).trim();
        assert(/^TCH(-[A-Z0-9]{4}){4}$/.test(code), `unexpected code on the page: ${code}`);
        await adminPage.getByRole("button", { name: `Revoke the code ending ${code.slice(-4)}` }).click();
        await adminPage.getByText(new RegExp(`…${code.slice(-4)} · revoked`)).waitFor();
        expectNoCspViolations(adminPage, "the administrator's account page");
        await adminPage.context().close();
        await page.goto(`${baseUrl}/account`);
        assert((await page.getByRole("heading", { name: "Teacher invitations" }).count()) === 0, "a student sees the teacher invitations");
      });

      await page.context().close();
    },
    {},
    {
      prepare: (env) => {
        admin(env, ["create-admin", "--email", ADMIN.email, "--name", "Site Admin"], `${ADMIN.password}\n`);
        teacherCode = admin(env, ["issue-teacher-code", "--note", "e2e"]);
        assert(/^TCH(-[A-Z0-9]{4}){4}$/.test(teacherCode), `unexpected teacher code: ${teacherCode}`);
      },
    },
  );
}

/** The masked failure text: a reference id, and nothing from inside the server. */
function expectMasked(text: string, label: string): string {
  const reference = /reference ([0-9A-F]{8})/i.exec(text)?.[1];
  assert(reference, `${label}: no reference id in "${text}"`);
  for (const internal of [/prisma/i, /invocation/i, /127\.0\.0\.1:1/, /ECONNREFUSED/i, /database server/i]) {
    assert(!internal.test(text), `${label} shows internal detail: "${text}"`);
  }
  return reference;
}

export function failureSpec(port = 3104): Promise<SpecResult> {
  return runSpec(
    "failures (database unreachable)",
    port,
    async ({ baseUrl, browser, step, serverLog }) => {
      const page: Page = await phonePage(browser);

      await step("the sign-in form shows a reference id, never the database error; the log has the detail", async () => {
        await page.goto(`${baseUrl}/signin`);
        await submitSignIn(page, STUDENT.email, STUDENT.password);
        const alert = page.getByRole("alert").filter({ hasText: "reference" });
        await alert.waitFor();
        const reference = expectMasked(await alert.innerText(), "sign-in");
        assert(new RegExp(`ref=${reference}[^\\n]*sign-in`).test(serverLog()), `the server log has no entry for reference ${reference}`);
        assert(/prisma|database|ECONNREFUSED/i.test(serverLog().slice(serverLog().indexOf(`ref=${reference}`))), "the log entry lacks the database error");
      });

      await step("sign-up shows a reference id, never the database error", async () => {
        await page.goto(`${baseUrl}/signup`);
        await page.getByLabel("Name").fill("Nisha Rao");
        await page.getByLabel("Email").fill("nisha@example.com");
        await page.getByLabel("Password").fill("quiet harbor lantern 44");
        await page.getByRole("button", { name: "Create account" }).click();
        const alert = page.getByRole("alert").filter({ hasText: "reference" });
        await alert.waitFor();
        const reference = expectMasked(await alert.innerText(), "sign-up");
        assert(serverLog().includes(`ref=${reference}`), `the server log has no entry for reference ${reference}`);
      });

      await step("a page that fails shows its reference, never the error, and the log has it", async () => {
        const token = await encode({ token: { uid: "someone", role: "student", sv: 0, email: STUDENT.email }, secret: E2E_SECRET });
        await page.context().addCookies([{ name: "next-auth.session-token", value: token, url: baseUrl }]);
        await page.goto(`${baseUrl}/home`);
        const alert = page.getByRole("alert").filter({ hasText: "Something went wrong" });
        await alert.waitFor();
        const text = await alert.innerText();
        const reference = /Reference (\S+)/.exec(text)?.[1];
        assert(reference, `the error page shows no reference: "${text}"`);
        assert(!/prisma|invocation|ECONNREFUSED|127\.0\.0\.1:1/i.test(await page.content()), "the error page carries internal detail");
        assert(serverLog().includes(`ref=${reference}`), `the server log has no entry for reference ${reference}`);
      });

      await page.context().close();
    },
    // Nothing listens on port 1: every database call fails as it would with the database down.
    { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/crux" },
  );
}
