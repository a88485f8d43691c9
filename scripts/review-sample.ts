/**
 * npm run -s review:sample -- [--seed N] [--count 40] FILE…
 * Generates the study set from the given files (together, as one set) and prints a random sample of
 * its cards and timed questions, drawn with the stated seed, for a reviewer to judge: id, kind,
 * quality score, what the learner sees, the answer, and the source sentence. Deterministic: the same
 * files and seed print the same items. The material is read at run time and never stored.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { ingestMaterial } from "@/lib/material/ingest";
import { generateStudySet } from "@/lib/generate/study-set";
import type { Card, Question } from "@/lib/generate/schemas";

function fail(message: string): never {
  process.stderr.write(`review:sample: ${message}\n`);
  process.exit(2);
}

/** Mulberry32: a small seeded PRNG, so a sample can be drawn again from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct items drawn uniformly (partial Fisher–Yates), in draw order. */
export function sampleItems<T>(items: readonly T[], count: number, seed: number): T[] {
  const pool = [...items];
  const random = mulberry32(seed);
  const out: T[] = [];
  for (let i = 0; i < Math.min(count, pool.length); i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    out.push(pool[i]!);
  }
  return out;
}

function parseArgs(argv: string[]): { seed: number; count: number; files: string[] } {
  let seed = 9;
  let count = 40;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--seed") seed = Number(argv[++i]);
    else if (arg === "--count") count = Number(argv[++i]);
    else if (arg.startsWith("--")) fail(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (!Number.isInteger(seed)) fail("--seed needs an integer");
  if (!Number.isInteger(count) || count < 1) fail("--count needs a positive integer");
  if (!files.length) fail("no input files. Usage: npm run -s review:sample -- --seed N FILE…");
  return { seed, count, files };
}

function describe(item: Card | Question): { shows: string; answer: string } {
  if ("front" in item) return { shows: item.front, answer: item.back };
  const options = (item.options ?? []).map((o) => `${o.id}) ${o.text}${o.correct ? "  ✓" : ""}`).join("\n");
  // A numeric item's unit is printed beside its answer box, as the quiz shows it ("[answer box] per cent").
  const unit = item.kind === "numeric" && item.unit ? `[answer box] ${item.unit}` : "";
  return {
    shows: [item.prompt, options, unit].filter(Boolean).join("\n"),
    answer: item.answer ? `${item.answer}${item.kind === "numeric" && item.unit ? ` ${item.unit}` : ""}` : (item.options ?? []).filter((o) => o.correct).map((o) => o.text).join("; "),
  };
}

const { seed, count, files } = parseArgs(process.argv.slice(2));
const materials = files.map((f) => {
  try {
    return ingestMaterial({ source: basename(f), filename: basename(f), content: readFileSync(f, "utf8") });
  } catch (e) {
    fail(`${f}: ${(e as Error).message}`);
  }
});
const set = generateStudySet(materials);
const items: Array<Card | Question> = [...set.cards, ...set.questions.filter((q) => q.kind !== "written")];
const sample = sampleItems(items, count, seed);
process.stdout.write(`${items.length} items (${set.cards.length} cards, ${items.length - set.cards.length} timed questions) from ${files.map((f) => basename(f)).join(", ")}; ${sample.length} drawn with seed ${seed}\n\n`);
sample.forEach((item, i) => {
  const { shows, answer } = describe(item);
  process.stdout.write(
    [`#${i + 1} ${item.id} · ${item.kind} · quality ${item.quality?.score ?? "-"}`, shows, `→ ${answer}`, `source: "${item.evidence.map((e) => e.quote).join(" … ")}"`, ""].join("\n") + "\n",
  );
});
