/**
 * Crux administration from the command line (the database this app uses: DATABASE_URL, else the
 * embedded one — stop the app first, PGlite allows one process at a time).
 *
 *   npm run -s admin -- create-admin --email E --name "N"     password read from the terminal (hidden) or stdin
 *   npm run -s admin -- issue-teacher-code [--note "…"] [--days 14] [--by ADMIN_EMAIL]
 *   npm run -s admin -- list-teacher-codes
 *   npm run -s admin -- revoke-teacher-code ID_OR_LAST_FOUR
 *
 * Exit codes: 0 done, 2 bad input (message on stderr), 1 anything else.
 */
import "./load-env.mjs";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { isAppError } from "@/lib/errors";
import { closeDb } from "@/lib/db/client";
import { createAdmin, describeInvitationState, issueTeacherCode, listTeacherCodes, revokeTeacherCode } from "@/lib/server/admin";

const USAGE = `usage: npm run -s admin -- COMMAND [options]
  create-admin --email EMAIL --name NAME     create (or promote) an administrator; asks for the password
  issue-teacher-code [--note TEXT] [--days N] [--by ADMIN_EMAIL]
                                             print a new single-use teacher code (valid 14 days by default)
  list-teacher-codes                         every code: last four characters, state, note, who issued it
  revoke-teacher-code ID_OR_LAST_FOUR        revoke an unused code
`;

class UsageError extends Error {}

/** Reads the password: hidden typing on a terminal, else the first line of stdin (for scripts). */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const rl = createInterface({ input });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new UsageError("no password on stdin");
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  let typed = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          input.setRawMode(false);
          input.pause();
          input.off("data", onData);
          process.stderr.write("\n");
          resolve(typed);
          return;
        }
        if (ch === "\u0003") {
          input.setRawMode(false);
          reject(new UsageError("cancelled"));
          return;
        }
        if (ch === "\u007f") typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.on("data", onData);
  });
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const now = new Date();
  switch (command) {
    case "create-admin": {
      const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, name: { type: "string" } } });
      if (!values.email || !values.name) throw new UsageError("create-admin needs --email and --name");
      const password = await readPassword(`Password for ${values.email}: `);
      const { user, isCreated } = await createAdmin({ email: values.email, name: values.name, password });
      console.log(`${isCreated ? "Created" : "Updated"} administrator ${user.name} <${user.email}>.`);
      return;
    }
    case "issue-teacher-code": {
      const { values } = parseArgs({ args: rest, options: { note: { type: "string" }, days: { type: "string" }, by: { type: "string" } } });
      const { code, invitation } = await issueTeacherCode(
        { ...(values.note ? { note: values.note } : {}), ...(values.days ? { days: values.days } : {}), ...(values.by ? { by: values.by } : {}) },
        now,
        randomBytes(16),
      );
      console.log(code);
      console.error(`Single use, valid until ${invitation.expiresAt.toISOString().slice(0, 10)}${invitation.note ? ` (${invitation.note})` : ""}. It is shown only now: give it to the teacher, who enters it when creating their account.`);
      return;
    }
    case "list-teacher-codes": {
      const invitations = await listTeacherCodes();
      if (invitations.length === 0) console.log("No teacher codes yet.");
      for (const inv of invitations) {
        console.log([`…${inv.hint}`, describeInvitationState(inv, now).padEnd(10), `expires ${inv.expiresAt.toISOString().slice(0, 10)}`, `issued by ${inv.issuedBy}`, inv.note ?? "", `id ${inv.id}`].join("  "));
      }
      return;
    }
    case "revoke-teacher-code": {
      const target = rest[0];
      if (!target) throw new UsageError("revoke-teacher-code needs the code's id or its last four characters");
      const revoked = await revokeTeacherCode(target, now);
      console.log(`Revoked the teacher code …${revoked.hint}.`);
      return;
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE);
      return;
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

main(process.argv.slice(2))
  .then(() => closeDb())
  .catch(async (e: unknown) => {
    await closeDb().catch(() => undefined);
    if (e instanceof UsageError || (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))) {
      process.stderr.write(`admin: ${e.message}\n${USAGE}`);
      process.exit(2);
    }
    if (isAppError(e)) {
      process.stderr.write(`admin: ${e.message}\n`);
      process.exit(2);
    }
    console.error("admin: failed:", e);
    process.exit(1);
  });
