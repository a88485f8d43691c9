/**
 * npm run grade:snapshot -- --out FILE [--compare FILE]
 *
 * The grader's full output — every result and its diagnostics (the learned model's signals) — for
 * every answer it is checked on: the development set (../shared/grading, with and without the
 * material in ../shared/material), the project's probe and new-question fixtures, and every corpus
 * folder under ../shared/grading-external. One JSON line per answer, in a fixed order, so that a
 * change meant to keep behaviour (a speed-up, a refactor) can be checked to change nothing:
 * write a snapshot before, then `--compare` after. The snapshot holds text derived from the shared
 * data: write it outside the repository (the default is the system's temporary folder).
 */
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { gradeWithDiagnostics } from "@/lib/grading/heuristic";
import { loadMaterials, parseGradeArgs } from "@/lib/grading/cli";
import { answersFileSchema, questionsFileSchema } from "@/lib/grading/schemas";
import type { GradingMaterial } from "@/lib/grading/types";

interface AnswerSet {
  name: string;
  dir: string;
  materials: GradingMaterial[];
}

async function answerSets(): Promise<AnswerSet[]> {
  const sets: AnswerSet[] = [];
  const dev = path.resolve("../shared/grading");
  if (existsSync(path.join(dev, "answers.json"))) {
    const mdir = path.resolve("../shared/material");
    const files = existsSync(mdir) ? readdirSync(mdir).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(mdir, f)) : [];
    sets.push({ name: "dev+material", dir: dev, materials: await loadMaterials(files) });
    sets.push({ name: "dev", dir: dev, materials: [] });
  }
  const probe = path.resolve("test/grading/fixtures/probe-groundwater");
  sets.push({ name: "probe", dir: probe, materials: [{ id: "probe-note", text: readFileSync(path.join(probe, "material.txt"), "utf8") }] });
  sets.push({ name: "new-questions", dir: path.resolve("test/grading/fixtures/new-questions"), materials: [] });
  const ext = path.resolve("../shared/grading-external");
  if (existsSync(ext)) {
    for (const name of readdirSync(ext).sort()) {
      if (existsSync(path.join(ext, name, "answers.json"))) sets.push({ name, dir: path.join(ext, name), materials: [] });
    }
  }
  return sets;
}

async function writeSnapshot(out: string): Promise<void> {
  const stream = createWriteStream(out);
  for (const set of await answerSets()) {
    const read = (f: string) => JSON.parse(readFileSync(path.join(set.dir, f), "utf8")) as unknown;
    const questions = new Map(questionsFileSchema.parse(read("questions.json")).map((q) => [q.id, q]));
    const answers = answersFileSchema.parse(read("answers.json"));
    const t0 = performance.now();
    for (const a of answers) {
      const question = questions.get(a.questionId);
      if (!question) continue;
      const graded = gradeWithDiagnostics({ question, answerText: a.text, materials: set.materials });
      stream.write(`${JSON.stringify({ set: set.name, id: a.id, ...graded })}\n`);
    }
    console.log(`${set.name}: ${answers.length} answers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

async function* lines(file: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) yield line;
}

/** Line-by-line comparison; prints the first few differing answers and returns how many differ. */
async function compare(a: string, b: string): Promise<number> {
  const ia = lines(a);
  const ib = lines(b);
  let n = 0;
  let differ = 0;
  for (;;) {
    const [x, y] = await Promise.all([ia.next(), ib.next()]);
    if (x.done && y.done) break;
    n++;
    if (x.value === y.value) continue;
    differ++;
    if (differ <= 5) {
      const head = (s: string | undefined) => (s ?? "<missing>").slice(0, 80);
      let i = 0;
      const xs = x.value ?? "";
      const ys = y.value ?? "";
      while (i < xs.length && xs[i] === ys[i]) i++;
      console.log(`differs: ${head(xs)}\n  at ${i}: ${xs.slice(Math.max(0, i - 60), i + 60)}\n  vs    ${ys.slice(Math.max(0, i - 60), i + 60)}`);
    }
  }
  console.log(`${n} answers compared, ${differ} differ`);
  return differ;
}

async function main() {
  const args = parseGradeArgs(process.argv.slice(2), []);
  const out = typeof args.rest.out === "string" ? args.rest.out : path.join(tmpdir(), "grader-snapshot.jsonl");
  await writeSnapshot(out);
  console.log(`snapshot written to ${out}`);
  if (typeof args.rest.compare === "string") {
    if ((await compare(args.rest.compare, out)) > 0) process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
