/**
 * npm run bench:auth — how long sign-up and sign-in take on each path, to show that the answers
 * which must not reveal whether an email has an account also take about the same time:
 *   sign-up with a new email vs one that already has an account;
 *   sign-in with an unknown email vs a known email and a wrong password (vs the right password).
 * Runs the real use cases on an in-memory embedded database; prints a table and, last, one JSON line.
 */
import { closeDb, installDb, openEmbeddedDb } from "@/lib/db/client";
import { signIn, signUp } from "@/lib/server/accounts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const NOW = new Date("2026-03-01T10:00:00Z");
const PASSWORD = "river lamp quiet 74";

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { meanMs: +(samples.reduce((s, x) => s + x, 0) / samples.length).toFixed(1), p50Ms: +at(0.5).toFixed(1), p90Ms: +at(0.9).toFixed(1) };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run().catch(() => undefined);
  return performance.now() - started;
}

async function main() {
  installDb(await openEmbeddedDb());
  await signUp({ name: "Known Person", email: "known@example.com", password: PASSWORD }, "192.0.2.1", NOW);
  // Warm up the password checker and the hasher once.
  await signUp({ name: "Warm Up", email: "warm@example.com", password: PASSWORD }, "192.0.2.2", NOW);
  const samples: Record<string, number[]> = { signUpNewEmail: [], signUpTakenEmail: [], signInUnknownEmail: [], signInWrongPassword: [], signInRightPassword: [] };
  for (let i = 0; i < ROUNDS; i++) {
    // A fresh address per attempt keeps the rate limits out of the figures.
    const address = `198.51.${Math.floor(i / 200)}.${i % 200}`;
    samples.signUpNewEmail!.push(await time(() => signUp({ name: "New Person", email: `new${i}@example.com`, password: PASSWORD }, `${address}0`, NOW)));
    samples.signUpTakenEmail!.push(await time(() => signUp({ name: "New Person", email: "known@example.com", password: PASSWORD }, `${address}1`, NOW)));
    samples.signInUnknownEmail!.push(await time(() => signIn({ email: `nobody${i}@example.com`, password: PASSWORD }, `${address}2`, NOW)));
    samples.signInWrongPassword!.push(await time(() => signIn({ email: "known@example.com", password: `wrong ${i}` }, `${address}3`, NOW)));
    samples.signInRightPassword!.push(await time(() => signIn({ email: "known@example.com", password: PASSWORD }, `${address}4`, NOW)));
  }
  const result = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
  console.log(`${"path".padEnd(22)} ${"mean ms".padStart(8)} ${"p50 ms".padStart(8)} ${"p90 ms".padStart(8)}   (${ROUNDS} rounds)`);
  for (const [k, s] of Object.entries(result)) console.log(`${k.padEnd(22)} ${String(s.meanMs).padStart(8)} ${String(s.p50Ms).padStart(8)} ${String(s.p90Ms).padStart(8)}`);
  console.log(JSON.stringify(result));
  await closeDb();
}

main().catch(async (e: unknown) => {
  console.error("bench:auth failed:", e);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
