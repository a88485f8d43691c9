/**
 * Runs every browser test (each on its own fresh app) and prints "e2e: N passed, N failed".
 * Ports start at E2E_PORT_BASE (default 3100), one per spec, so two checkouts can run side by side.
 */
import { authoringSpec } from "./authoring";
import { runSpecs } from "./harness";
import { failureSpec, securitySpec } from "./security";
import { smokeSpec } from "./smoke";
import { writingSpec } from "./writing";

const base = Number(process.env.E2E_PORT_BASE ?? 3100);

await runSpecs([
  () => smokeSpec(base),
  () => authoringSpec(base + 1),
  () => writingSpec(base + 2),
  () => securitySpec(base + 3),
  () => failureSpec(base + 4),
]);
