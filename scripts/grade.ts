/**
 * npm run -s grade -- --questions QUESTIONS.json --answers ANSWERS.json [--material FILE…]
 * Prints a JSON array of grades on stdout; malformed input → message on stderr, exit 2.
 */
import { readFileSync } from "node:fs";
import { BatchInputError, gradeBatch } from "@/lib/grading/batch";
import { loadMaterials, parseGradeArgs } from "@/lib/grading/cli";

async function main(): Promise<number> {
  let args;
  try {
    args = parseGradeArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`grade: ${e instanceof Error ? e.message : String(e)}\n`);
    process.stderr.write("usage: npm run -s grade -- --questions Q.json --answers A.json [--material FILE…]\n");
    return 2;
  }
  let questions: unknown;
  let answers: unknown;
  try {
    questions = JSON.parse(readFileSync(args.questions, "utf8"));
  } catch (e) {
    process.stderr.write(`grade: cannot read questions file ${args.questions}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    answers = JSON.parse(readFileSync(args.answers, "utf8"));
  } catch (e) {
    process.stderr.write(`grade: cannot read answers file ${args.answers}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  let materials;
  try {
    materials = await loadMaterials(args.materials);
  } catch (e) {
    process.stderr.write(`grade: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    const out = gradeBatch(questions, answers, materials);
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof BatchInputError) {
      process.stderr.write(`grade: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`grade: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
