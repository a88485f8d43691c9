/**
 * Runs every browser test (each on its own fresh app), two at a time by default (E2E_LANES), and prints
 * "e2e: N passed, N failed".
 * Ports start at E2E_PORT_BASE (default 3100), one per spec, so two checkouts can run side by side.
 * E2E_ONLY=smoke,writing runs only the named specs (names are the keys below).
 */
import { authoringSpec } from "./authoring";
import { runSpecs } from "./harness";
import { reviewSpec } from "./review";
import { failureSpec, securitySpec } from "./security";
import { quizSpec } from "./quiz";
import { smokeSpec } from "./smoke";
import { teacherSpec } from "./teacher";
import { writingSpec } from "./writing";

const base = Number(process.env.E2E_PORT_BASE ?? 3100);

// Longest first, so the lanes end together: the teacher spec (which waits up to a minute and a half for a due time) and the
// quiz spec (which waits for its deadline with the tab closed) start at once, and the rest fill in behind them.
const specs = {
  teacher: () => teacherSpec(base + 7),
  quiz: () => quizSpec(base + 6),
  authoring: () => authoringSpec(base + 1),
  security: () => securitySpec(base + 3),
  smoke: () => smokeSpec(base),
  writing: () => writingSpec(base + 2),
  review: () => reviewSpec(base + 5),
  failure: () => failureSpec(base + 4),
};

const only = (process.env.E2E_ONLY ?? "").split(",").map((name) => name.trim()).filter(Boolean);
const unknown = only.filter((name) => !(name in specs));
if (unknown.length > 0) {
  console.error(`E2E_ONLY names no spec: ${unknown.join(", ")} (known: ${Object.keys(specs).join(", ")})`);
  process.exit(2);
}
await runSpecs(Object.entries(specs).filter(([name]) => only.length === 0 || only.includes(name)).map(([, spec]) => spec));
