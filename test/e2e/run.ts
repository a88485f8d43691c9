/** Runs every browser test (each on its own fresh app) and prints "e2e: N passed, N failed". */
import { authoringSpec } from "./authoring";
import { runSpecs } from "./harness";
import { smokeSpec } from "./smoke";
import { writingSpec } from "./writing";

await runSpecs([() => smokeSpec(3100), () => authoringSpec(3101), () => writingSpec(3102)]);
