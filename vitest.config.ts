import { defineConfig } from "vitest/config";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

/** Tests that open a database (embedded PGlite, or PostgreSQL when DATABASE_URL is set) or start processes that do. */
const databaseTests = ["test/db/**/*.test.ts", "test/server/**/*.test.ts", "test/scripts/**/*.test.ts", "test/auth/**/*.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./test/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One worker per core (vitest's default leaves one core to itself, which on a 2-core machine is one worker): the
    // full suite took 311 s against 381 s with the default here (7 Dec 2026).
    maxWorkers: availableParallelism(),
    projects: [
      {
        // Plain TypeScript (the engines, text, scheduling, UI logic): no database, no mocks, no module state a test
        // relies on being fresh, so a worker keeps the modules it has loaded from one file to the next (isolate: false)
        // instead of loading the NLP data and lexicons again for every file.
        extends: true,
        test: { name: "engine", include: ["test/**/*.test.ts"], exclude: ["test/e2e/**", "node_modules/**", ...databaseTests], isolate: false },
      },
      {
        // The database path (`.ci/run` runs this project again against PostgreSQL) and the session tests that mock
        // modules: each file in a fresh module graph.
        extends: true,
        test: { name: "database", include: databaseTests, exclude: ["test/e2e/**", "node_modules/**"], globalSetup: ["test/db/global-setup.ts"] },
      },
    ],
  },
});
