// vitest globalSetup: builds the migrated PGlite dump once per run and hands its path to the test files
// (see test/db/embedded-template.ts). Wire it in vitest.config.ts: test.globalSetup = ["test/db/global-setup.ts"].
import type { TestProject } from "vitest/node";
import { ensureTemplateFile } from "./template-file";

export default async function setup(project: TestProject): Promise<void> {
  project.provide("pgliteTemplate", await ensureTemplateFile());
}
