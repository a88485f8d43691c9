import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/db/client";
import { RENAME_ACCOUNT_POLICY, SIGN_IN_ACCOUNT_POLICY, SIGN_IN_ADDRESS_POLICY, SIGN_UP_ADDRESS_POLICY } from "@/lib/auth/rate-limit";
import { createAdmin, issueTeacherCode, revokeTeacherCode } from "@/lib/server/admin";
import { changeName, changePassword, signIn, signUp } from "@/lib/server/accounts";
import { issueTeacherCodeFor, listTeacherCodesFor, revokeTeacherCodeFor } from "@/lib/server/teacher-codes";
import { outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const at = (sec: number) => new Date(NOW.getTime() + sec * 1000);
const PASSWORD = "river lamp quiet 74";
const valid = { name: "Priya Sharma", email: "Priya@Example.com ", password: PASSWORD };
let addressCounter = 0;
/** A fresh client address, so tests do not share sign-up or sign-in budgets unless they mean to. */
const freshAddress = () => `198.51.100.${++addressCounter}`;

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

async function userRow(email: string) {
  return (await getDb()).user.findUnique({ where: { email } });
}

describe("sign-up", () => {
  it("creates a student with a normalised email and an argon2id hash", async () => {
    await signUp(valid, freshAddress(), NOW);
    const row = await userRow("priya@example.com");
    expect(row).toMatchObject({ name: "Priya Sharma", role: "student" });
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(PASSWORD);
  });

  it("answers an existing email exactly as a new one, and changes nothing about that account", async () => {
    const db = await getDb();
    const before = await userRow("priya@example.com");
    const count = await db.user.count();
    const forExisting = await signUp({ ...valid, name: "Mallory", password: "another strong passphrase 9" }, freshAddress(), NOW);
    const forNew = await signUp({ ...valid, email: "someone.new@example.com" }, freshAddress(), NOW);
    expect(forExisting).toEqual(forNew);
    expect(await userRow("priya@example.com")).toEqual(before);
    expect(await db.user.count()).toBe(count + 1);
    // The owner's own password still works; the newcomer's does not.
    await expect(signIn({ email: "priya@example.com", password: PASSWORD }, freshAddress(), NOW)).resolves.toMatchObject({ name: "Priya Sharma" });
    expect((await errorOf(signIn({ email: "priya@example.com", password: "another strong passphrase 9" }, freshAddress(), NOW))).code).toBe("INVALID");
  });

  it.each([
    ["password", /heavily used/],
    ["12345678", /heavily used/],
    ["        ", /not just spaces/],
    ["priyasharma", /./], // the person's own name
  ])("refuses the weak password %j, saying why, and creates nothing", async (password, reason) => {
    const email = `weak${addressCounter}@example.com`;
    const e = await errorOf(signUp({ ...valid, email, password }, freshAddress(), NOW));
    expect(e.code).toBe("INVALID");
    expect(e.fieldErrors?.password?.[0]).toMatch(reason);
    expect(await userRow(email)).toBeNull();
  });

  it("says a weak password beside the form's other errors, not after they are fixed", async () => {
    const e = await errorOf(signUp({ ...valid, email: "not-an-email", password: "password" }, freshAddress(), NOW));
    expect(e).toMatchObject({ code: "INVALID", message: "Check the highlighted fields.", fieldErrors: { email: [expect.any(String)], password: [expect.stringMatching(/heavily used/)] } });
  });

  it.each([
    ["a missing name", { ...valid, email: "a@example.com", name: "  " }, "name"],
    ["a malformed email", { ...valid, email: "not-an-email" }, "email"],
    ["an over-long password", { ...valid, email: "b@example.com", password: "p".repeat(201) }, "password"],
  ])("rejects %s, naming the field, and creates nothing", async (_label, input, field) => {
    const before = await (await getDb()).user.count();
    const e = await errorOf(signUp(input, freshAddress(), NOW));
    expect(e.code).toBe("INVALID");
    expect(e.fieldErrors?.[field]?.length).toBeGreaterThan(0);
    expect(await (await getDb()).user.count()).toBe(before);
  });

  it("never lets anyone choose to be a teacher or an administrator", async () => {
    await signUp({ ...valid, email: "wannabe@example.com", role: "teacher" }, freshAddress(), NOW);
    await signUp({ ...valid, email: "wannabe2@example.com", role: "admin" }, freshAddress(), NOW);
    expect((await userRow("wannabe@example.com"))?.role).toBe("student");
    expect((await userRow("wannabe2@example.com"))?.role).toBe("student");
  });

  it("rejects input that is not an object at all", async () => {
    expect((await errorOf(signUp("name=x", freshAddress(), NOW))).code).toBe("INVALID");
  });

  it(`stops a flood: at most ${SIGN_UP_ADDRESS_POLICY.max} accounts an hour from one address, others unaffected`, async () => {
    const address = "203.0.113.50";
    const db = await getDb();
    const before = await db.user.count();
    const outcomes = [];
    for (let i = 0; i < SIGN_UP_ADDRESS_POLICY.max + 5; i++) {
      outcomes.push(await signUp({ ...valid, email: `flood${i}@example.com` }, address, at(i * 0.1)).then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : "error")));
    }
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(SIGN_UP_ADDRESS_POLICY.max);
    expect(outcomes.slice(SIGN_UP_ADDRESS_POLICY.max)).toEqual(Array(5).fill("RATE_LIMITED"));
    expect(await db.user.count()).toBe(before + SIGN_UP_ADDRESS_POLICY.max);
    await signUp({ ...valid, email: "elsewhere@example.com" }, freshAddress(), at(1));
    expect(await userRow("elsewhere@example.com")).not.toBeNull();
    // An hour later the address may sign up again.
    await signUp({ ...valid, email: "flood-later@example.com" }, address, at(3601));
    expect(await userRow("flood-later@example.com")).not.toBeNull();
  });
});

describe("teacher invitations", () => {
  const ADMIN = { name: "Site Admin", email: "admin@school.example", password: "granite orbit ladle 58" };

  it("an administrator's code makes a teacher, once", async () => {
    await createAdmin(ADMIN);
    const { code } = await issueTeacherCode({ note: "Ms Rao" }, NOW, Uint8Array.from({ length: 16 }, (_, i) => i * 7 + 1));
    await signUp({ ...valid, email: "rao@school.example", teacherCode: code.toLowerCase() }, freshAddress(), NOW);
    expect((await userRow("rao@school.example"))?.role).toBe("teacher");
    const again = await errorOf(signUp({ ...valid, email: "rao2@school.example", teacherCode: code }, freshAddress(), NOW));
    expect(again.fieldErrors?.teacherCode?.[0]).toMatch(/not valid/);
    expect(await userRow("rao2@school.example")).toBeNull();
  });

  it("refuses a wrong, revoked or expired code with a clear message and creates nothing", async () => {
    const revoked = await issueTeacherCode({}, NOW, Uint8Array.from({ length: 16 }, (_, i) => i * 3 + 2));
    await revokeTeacherCode(revoked.invitation.id, NOW);
    const expiring = await issueTeacherCode({ days: 1 }, NOW, Uint8Array.from({ length: 16 }, (_, i) => i * 5 + 3));
    for (const [code, when] of [["TCH-2222-3333-4444-5555", NOW], [revoked.code, NOW], [expiring.code, at(2 * 86_400)]] as const) {
      const e = await errorOf(signUp({ ...valid, email: "not-a-teacher@example.com", teacherCode: code }, freshAddress(), when));
      expect(e.code).toBe("INVALID");
      expect(e.fieldErrors?.teacherCode?.[0]).toMatch(/not valid/);
    }
    expect(await userRow("not-a-teacher@example.com")).toBeNull();
  });

  it("does not spend a code on an email that already has an account", async () => {
    const { code } = await issueTeacherCode({}, NOW, Uint8Array.from({ length: 16 }, (_, i) => i * 11 + 5));
    await signUp({ ...valid, teacherCode: code }, freshAddress(), NOW);
    expect((await userRow("priya@example.com"))?.role).toBe("student");
    await signUp({ ...valid, email: "fresh-teacher@example.com", teacherCode: code }, freshAddress(), NOW);
    expect((await userRow("fresh-teacher@example.com"))?.role).toBe("teacher");
  });

  it("lets only an administrator issue, list and revoke codes from the account page", async () => {
    const db = await getDb();
    const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN.email }, select: { id: true, role: true, email: true } });
    const teacher = await db.user.findUniqueOrThrow({ where: { email: "rao@school.example" }, select: { id: true, role: true, email: true } });
    const student = await db.user.findUniqueOrThrow({ where: { email: "priya@example.com" }, select: { id: true, role: true, email: true } });
    for (const who of [teacher, student]) {
      expect(await outcomeOf(() => listTeacherCodesFor(who))).toBe("FORBIDDEN");
      expect(await outcomeOf(() => issueTeacherCodeFor(who, {}, NOW, new Uint8Array(16).fill(9)))).toBe("FORBIDDEN");
    }
    const { code, invitation } = await issueTeacherCodeFor(admin, { note: "Mr Das", days: "3" }, NOW, Uint8Array.from({ length: 16 }, (_, i) => 200 - i));
    expect(invitation).toMatchObject({ note: "Mr Das", issuedBy: ADMIN.email, expiresAt: at(3 * 86_400) });
    expect(await outcomeOf(() => revokeTeacherCodeFor(student, invitation.id, NOW))).toBe("FORBIDDEN");
    await revokeTeacherCodeFor(admin, invitation.id, NOW);
    expect((await listTeacherCodesFor(admin)).find((c) => c.id === invitation.id)?.revokedAt).toEqual(NOW);
    expect((await errorOf(signUp({ ...valid, email: "das@school.example", teacherCode: code }, freshAddress(), NOW))).fieldErrors?.teacherCode).toBeDefined();
  });

  it("needs an administrator to issue codes", async () => {
    const db = await getDb();
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "student" } });
    expect((await errorOf(issueTeacherCode({}, NOW, new Uint8Array(16)))).message).toMatch(/no administrator/);
    await db.user.update({ where: { email: ADMIN.email }, data: { role: "admin" } });
  });
});

describe("sign-in", () => {
  const owner = { name: "Kiran Rao", email: "kiran@example.com", password: "kettle mosaic drift 31" };
  const OWNER_ADDRESS = "192.0.2.10";

  it("accepts the right password, whatever the email's case", async () => {
    await signUp(owner, freshAddress(), NOW);
    const user = await signIn({ email: "KIRAN@example.com", password: owner.password }, OWNER_ADDRESS, NOW);
    expect(user).toMatchObject({ email: "kiran@example.com", sessionVersion: 0 });
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    const wrong = await errorOf(signIn({ email: owner.email, password: "wrong horse" }, freshAddress(), NOW));
    const unknown = await errorOf(signIn({ email: "nobody@example.com", password: "whatever1" }, freshAddress(), NOW));
    expect(wrong.code).toBe("INVALID");
    expect(wrong.message).toBe(unknown.message);
  });

  it("rejects malformed credentials before touching the database", async () => {
    expect((await errorOf(signIn({ email: "kiran", password: "" }, freshAddress(), NOW))).code).toBe("INVALID");
  });

  it("refuses a 73-byte password that differs from the real one only in its last byte", async () => {
    const long = `${"long-passphrase-".repeat(4)}abcdefgh`; // 72 bytes
    await signUp({ name: "Long", email: "long@example.com", password: `${long}A` }, freshAddress(), NOW);
    expect((await errorOf(signIn({ email: "long@example.com", password: `${long}B` }, freshAddress(), NOW))).code).toBe("INVALID");
    await expect(signIn({ email: "long@example.com", password: `${long}A` }, freshAddress(), NOW)).resolves.toMatchObject({ email: "long@example.com" });
  });

  it("still signs in with an earlier bcrypt hash and replaces it with argon2id", async () => {
    const db = await getDb();
    await db.user.create({ data: { name: "Old", email: "old@example.com", role: "student", passwordHash: await bcrypt.hash("old but fine password", 4) } });
    await signIn({ email: "old@example.com", password: "old but fine password" }, freshAddress(), NOW);
    expect((await userRow("old@example.com"))?.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(signIn({ email: "old@example.com", password: "old but fine password" }, freshAddress(), NOW)).resolves.toMatchObject({ email: "old@example.com" });
  });

  it("slows one address's guesses with growing delays, without touching the owner's own address", async () => {
    const attacker = "203.0.113.66";
    for (let i = 0; i < 3; i++) expect((await errorOf(signIn({ email: owner.email, password: `guess-${i}` }, attacker, at(i)))).code).toBe("INVALID");
    const slowed = await errorOf(signIn({ email: owner.email, password: owner.password }, attacker, at(3)));
    expect(slowed.code).toBe("RATE_LIMITED");
    expect(slowed.message).toMatch(/Try again in \d+ seconds/);
    await expect(signIn({ email: owner.email, password: owner.password }, OWNER_ADDRESS, at(3))).resolves.toMatchObject({ email: owner.email });
    // Once the wait is over, the right password from that address works and clears its failures.
    await expect(signIn({ email: owner.email, password: owner.password }, attacker, at(8))).resolves.toMatchObject({ email: owner.email });
  });

  it("20 parallel wrong guesses do not lock the owner out, and only a few of them are even checked", async () => {
    const attacker = "203.0.113.77";
    const db = await getDb();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn({ email: owner.email, password: `parallel-${i}` }, attacker, at(100)).then(() => "ok", (e: unknown) => (e as AppError).code)),
    );
    expect(outcomes.filter((o) => o === "INVALID").length).toBeLessThanOrEqual(3);
    expect(outcomes.filter((o) => o === "RATE_LIMITED").length).toBeGreaterThanOrEqual(17);
    const pair = await db.rateLimitBucket.findUniqueOrThrow({ where: { key: `sign-in:pair:${owner.email}|${attacker}` } });
    expect(pair.count).toBe(3);
    await expect(signIn({ email: owner.email, password: owner.password }, OWNER_ADDRESS, at(101))).resolves.toMatchObject({ email: owner.email });
  });

  it("holds off a distributed attack at the account ceiling, except from an address the owner used before", async () => {
    const target = { name: "Target", email: "target@example.com", password: "velvet harbor pine 19" };
    await signUp(target, freshAddress(), NOW);
    await signIn(target, "192.0.2.200", at(1)); // the owner's usual address
    for (let i = 0; i < SIGN_IN_ACCOUNT_POLICY.max; i++) await errorOf(signIn({ email: target.email, password: `botnet-${i}` }, `10.9.${Math.floor(i / 250)}.${i % 250}`, at(2)));
    const stranger = await errorOf(signIn(target, "10.99.0.1", at(3)));
    expect(stranger.code).toBe("RATE_LIMITED");
    expect(stranger.message).toMatch(/device you have used before/);
    await expect(signIn(target, "192.0.2.200", at(3))).resolves.toMatchObject({ email: target.email });
  });

  it("stops one address trying a password on many accounts", async () => {
    const sprayer = "203.0.113.88";
    for (let i = 0; i < SIGN_IN_ADDRESS_POLICY.max; i++) await errorOf(signIn({ email: `spray${i}@example.com`, password: "Summer2026!" }, sprayer, at(i)));
    expect((await errorOf(signIn({ email: owner.email, password: owner.password }, sprayer, at(60)))).code).toBe("RATE_LIMITED");
    await expect(signIn({ email: owner.email, password: owner.password }, OWNER_ADDRESS, at(60))).resolves.toMatchObject({ email: owner.email });
  });
});

describe("changing a password", () => {
  it("checks the current password, enforces the policy, and moves every session past its version", async () => {
    const person = { name: "Meena Das", email: "meena@example.com", password: "tundra violet spoon 62" };
    await signUp(person, freshAddress(), NOW);
    const user = await signIn(person, "192.0.2.50", NOW);
    const actor = { id: user.id, role: user.role, email: user.email, name: user.name };
    const wrong = await errorOf(changePassword(actor, { currentPassword: "not it", newPassword: "harbor maple quiet 88", confirmPassword: "harbor maple quiet 88" }, "192.0.2.50", at(1)));
    expect(wrong.fieldErrors?.currentPassword?.[0]).toMatch(/not right/);
    const weak = await errorOf(changePassword(actor, { currentPassword: person.password, newPassword: "password", confirmPassword: "password" }, "192.0.2.50", at(2)));
    expect(weak.fieldErrors?.newPassword?.[0]).toMatch(/heavily used/);
    const mismatch = await errorOf(changePassword(actor, { currentPassword: person.password, newPassword: "harbor maple quiet 88", confirmPassword: "harbor maple quiet 89" }, "192.0.2.50", at(3)));
    expect(mismatch.fieldErrors?.confirmPassword?.[0]).toMatch(/differ/);
    // Every problem of the form at once: no current password, a weak new one, a confirmation that differs.
    const all = await errorOf(changePassword(actor, { currentPassword: "", newPassword: "password", confirmPassword: "passwort" }, "192.0.2.50", at(3)));
    expect(all.fieldErrors).toEqual({ currentPassword: [expect.any(String)], newPassword: [expect.stringMatching(/heavily used/)], confirmPassword: [expect.stringMatching(/differ/)] });
    expect((await userRow(person.email))?.sessionVersion).toBe(0);

    await changePassword(actor, { currentPassword: person.password, newPassword: "harbor maple quiet 88", confirmPassword: "harbor maple quiet 88" }, "192.0.2.50", at(4));
    expect((await userRow(person.email))?.sessionVersion).toBe(1);
    expect((await errorOf(signIn(person, "192.0.2.50", at(5)))).code).toBe("INVALID");
    await expect(signIn({ email: person.email, password: "harbor maple quiet 88" }, "192.0.2.50", at(6))).resolves.toMatchObject({ sessionVersion: 1 });
  });
});

describe("changing one's name", () => {
  it("keeps the new name, cleaned as at sign-up, and touches no one else's account or session", async () => {
    const person = { name: "Kiran Rao", email: "kiran.rao@example.org", password: "pebble orchard dusk 41" };
    const other = { name: "Lata Iyer", email: "lata.iyer@example.org", password: "cinder meadow flute 52" };
    await signUp(person, freshAddress(), NOW);
    await signUp(other, freshAddress(), NOW);
    const user = await signIn(person, freshAddress(), NOW);
    // A right-to-left override and a zero-width space are taken out; spaces around are trimmed.
    await expect(changeName(user, { name: "  Kiran\u202e Rao-Menon\u200b " }, NOW)).resolves.toBe("Kiran Rao-Menon");
    expect(await userRow(person.email)).toMatchObject({ name: "Kiran Rao-Menon", sessionVersion: 0 });
    expect((await userRow(other.email))?.name).toBe("Lata Iyer");
  });

  it("refuses an empty, invisible-only or over-long name beside the field, and keeps the old one", async () => {
    const person = { name: "Arun Pillai", email: "arun.pillai@example.org", password: "lantern quarry brisk 63" };
    await signUp(person, freshAddress(), NOW);
    const user = await signIn(person, freshAddress(), NOW);
    for (const name of ["", "   ", "\u200b\u2060", "x".repeat(101)]) {
      const e = await errorOf(changeName(user, { name }, NOW));
      expect(e.code).toBe("INVALID");
      expect(e.fieldErrors?.name?.[0]).toMatch(/name/i);
    }
    expect((await errorOf(changeName(user, "Arun", NOW))).code).toBe("INVALID");
    expect((await userRow(person.email))?.name).toBe("Arun Pillai");
  });

  it("keeps the name it already is without writing anything, and without counting it as a change", async () => {
    const person = { name: "Nila Das", email: "nila.das@example.org", password: "copper willow stream 27" };
    await signUp(person, freshAddress(), NOW);
    const user = await signIn(person, freshAddress(), NOW);
    const before = await userRow(person.email);
    // Cleaned to the name already kept: nothing to write.
    for (let i = 0; i < RENAME_ACCOUNT_POLICY.max + 2; i++) await expect(changeName(user, { name: " Nila\u200b Das " }, at(i))).resolves.toBe("Nila Das");
    expect((await userRow(person.email))?.updatedAt).toEqual(before?.updatedAt);
    expect(await (await getDb()).rateLimitBucket.count({ where: { key: { contains: user.id } } })).toBe(0);
  });

  it(`allows ${RENAME_ACCOUNT_POLICY.max} changes a day per account, then says when the next one may be made`, async () => {
    const person = { name: "Ravi Menon", email: "ravi.menon@example.org", password: "harvest lantern pebble 38" };
    await signUp(person, freshAddress(), NOW);
    const user = await signIn(person, freshAddress(), NOW);
    for (let i = 0; i < RENAME_ACCOUNT_POLICY.max; i++) await changeName(user, { name: `Ravi Menon ${i}` }, at(i * 60));
    const refused = await errorOf(changeName(user, { name: "Ravi M." }, at(3600)));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.message).toMatch(/changed your name 5 times.*Try again in 23 hours\./);
    expect((await userRow(person.email))?.name).toBe(`Ravi Menon ${RENAME_ACCOUNT_POLICY.max - 1}`);
    await expect(changeName(user, { name: "Ravi M." }, at(24 * 3600))).resolves.toBe("Ravi M.");
  });

  it("keeps a name in compatibility form at sign-up and when it is changed alike, and refuses a letter under a pile of accents", async () => {
    const person = { name: "ｍｅｅｒａ ｎａｉｒ", email: "meera.nair@example.org", password: "walnut glacier tidy 58" };
    await signUp(person, freshAddress(), NOW);
    expect((await userRow(person.email))?.name).toBe("meera nair");
    const user = await signIn(person, freshAddress(), NOW);
    await expect(changeName(user, { name: "Ｍｅｅｒａ Ｎａｉｒ" }, NOW)).resolves.toBe("Meera Nair");
    const piled = await errorOf(changeName(user, { name: `x${"\u0301".repeat(99)}` }, NOW));
    expect(piled.code).toBe("INVALID");
    expect(piled.fieldErrors?.name?.[0]).toMatch(/at most 3 accents or marks on one letter/);
    expect((await userRow(person.email))?.name).toBe("Meera Nair");
  });

  it("answers NOT_FOUND for an account that no longer exists", async () => {
    const person = { name: "Gone Soon", email: "gone.soon@example.org", password: "meadow canyon ember 19" };
    await signUp(person, freshAddress(), NOW);
    const user = await signIn(person, freshAddress(), NOW);
    await (await getDb()).user.delete({ where: { id: user.id } });
    expect((await errorOf(changeName(user, { name: "Still Here" }, NOW))).code).toBe("NOT_FOUND");
  });
});
