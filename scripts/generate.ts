/**
 * npm run -s generate -- [--question "…"]… [--marks N] FILE…
 * Prints one JSON study set (lib/generate/schemas.ts) for the given .txt/.md/.html files.
 * With LLM_BASE_URL and LLM_MODEL set, the LLM engine is used and falls back to the deterministic one.
 * A missing, unreadable or unsupported file prints a clear error on stderr and exits with code 2.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { isAppError } from "@/lib/errors";
import { ingestMaterial } from "@/lib/material/ingest";
import { MAX_MATERIAL_BYTES, type ProcessedMaterial } from "@/lib/material/schemas";
import { generateStudySet } from "@/lib/generate/study-set";
import { createLlmEngine } from "@/lib/generate/llm";
import { llmConfigFromEnv } from "@/lib/llm/client";

function fail(message: string): never {
  process.stderr.write(`generate: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { files: string[]; questions: string[]; marks?: number } {
  const files: string[] = [];
  const questions: string[] = [];
  let marks: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--question" || arg === "-q") {
      const q = argv[++i];
      if (!q) fail("--question needs the question text");
      questions.push(q);
    } else if (arg.startsWith("--question=")) questions.push(arg.slice("--question=".length));
    else if (arg === "--marks") {
      marks = Number(argv[++i]);
      if (!Number.isFinite(marks) || marks <= 0) fail("--marks needs a positive number");
    } else if (arg === "--help" || arg === "-h") {
      process.stdout.write('usage: npm run -s generate -- [--question "…"]… [--marks N] FILE…\n');
      process.exit(0);
    } else if (arg.startsWith("--")) fail(`unknown option ${arg}`);
    else files.push(arg);
  }
  return { files, questions, ...(marks ? { marks } : {}) };
}

async function main() {
  const { files, questions, marks } = parseArgs(process.argv.slice(2));
  if (!files.length) fail('no input files. Usage: npm run -s generate -- [--question "…"]… FILE…');
  const materials: ProcessedMaterial[] = [];
  for (const file of files) {
    let content: string;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) fail(`${file}: not a file`);
      if (stat.size > MAX_MATERIAL_BYTES) fail(`${file}: ${(stat.size / 1e6).toFixed(1)} MB is over the ${(MAX_MATERIAL_BYTES / 1e6).toFixed(1)} MB limit`);
      content = readFileSync(file, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      fail(`${file}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message}`);
    }
    try {
      materials.push(ingestMaterial({ source: basename(file), filename: basename(file), content }));
    } catch (e) {
      if (isAppError(e)) fail(`${file}: ${e.message}`);
      throw e;
    }
  }
  const options = { questions, ...(marks ? { marks } : {}) };
  const config = llmConfigFromEnv();
  const set = config ? await createLlmEngine(config).generateStudySet(materials, options) : generateStudySet(materials, options);
  process.stdout.write(`${JSON.stringify(set, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`generate: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
