import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/db/client";
import { signIn, signUp } from "@/lib/server/accounts";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const valid = { name: "Priya Sharma", email: "Priya@Example.com ", password: "correct horse", role: "student" };

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe("sign-up", () => {
  it("creates a student with a normalised email and a hashed password", async () => {
    const user = await signUp(valid);
    expect(user).toMatchObject({ name: "Priya Sharma", email: "priya@example.com", role: "student" });
    const row = await (await getDb()).user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).not.toContain("correct horse");
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
  });

  it("refuses a duplicate email with a clear message and changes nothing", async () => {
    const before = await (await getDb()).user.count();
    const e = await errorOf(signUp({ ...valid, name: "Someone Else", email: "priya@example.com" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.fieldErrors?.email?.[0]).toMatch(/already exists/);
    expect(await (await getDb()).user.count()).toBe(before);
  });

  it.each([
    ["a missing name", { ...valid, email: "a@example.com", name: "  " }, "name"],
    ["a malformed email", { ...valid, email: "not-an-email" }, "email"],
    ["a short password", { ...valid, email: "b@example.com", password: "short" }, "password"],
    ["a role nobody may choose", { ...valid, email: "c@example.com", role: "admin" }, "role"],
  ])("rejects %s, naming the field, and creates nothing", async (_label, input, field) => {
    const before = await (await getDb()).user.count();
    const e = await errorOf(signUp(input));
    expect(e.code).toBe("INVALID");
    expect(e.fieldErrors?.[field]?.length).toBeGreaterThan(0);
    expect(await (await getDb()).user.count()).toBe(before);
  });

  it("rejects input that is not an object at all", async () => {
    expect((await errorOf(signUp("name=x"))).code).toBe("INVALID");
  });
});

describe("sign-in", () => {
  it("accepts the right password, whatever the email's case", async () => {
    await signUp({ ...valid, email: "kiran@example.com", name: "Kiran" });
    const user = await signIn({ email: "KIRAN@example.com", password: "correct horse" }, "10.0.0.1", NOW);
    expect(user.email).toBe("kiran@example.com");
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    const wrong = await errorOf(signIn({ email: "kiran@example.com", password: "wrong horse" }, "10.0.0.2", NOW));
    const unknown = await errorOf(signIn({ email: "nobody@example.com", password: "whatever1" }, "10.0.0.3", NOW));
    expect(wrong.code).toBe("INVALID");
    expect(wrong.message).toBe(unknown.message);
  });

  it("rejects malformed credentials before touching the database", async () => {
    expect((await errorOf(signIn({ email: "kiran", password: "" }, "10.0.0.4", NOW))).code).toBe("INVALID");
  });

  it("locks an email after five failures, even with the right password, then lets it in after the window", async () => {
    await signUp({ ...valid, email: "locked@example.com", name: "Locked" });
    for (let i = 0; i < 5; i++) {
      const at = new Date(NOW.getTime() + i * 1000);
      expect((await errorOf(signIn({ email: "locked@example.com", password: "bad password" }, `10.1.0.${i}`, at))).code).toBe("INVALID");
    }
    const blocked = await errorOf(signIn({ email: "locked@example.com", password: "correct horse" }, "10.1.1.1", new Date(NOW.getTime() + 10_000)));
    expect(blocked.code).toBe("RATE_LIMITED");
    expect(blocked.message).toMatch(/Try again in/);
    const later = new Date(NOW.getTime() + 16 * 60_000);
    await expect(signIn({ email: "locked@example.com", password: "correct horse" }, "10.1.1.1", later)).resolves.toMatchObject({ email: "locked@example.com" });
  });

  it("locks a client address that tries many accounts", async () => {
    for (let i = 0; i < 5; i++) {
      await errorOf(signIn({ email: `guess${i}@example.com`, password: "guess-password" }, "203.0.113.9", NOW));
    }
    expect((await errorOf(signIn({ email: "kiran@example.com", password: "correct horse" }, "203.0.113.9", NOW))).code).toBe("RATE_LIMITED");
  });
});
