/**
 * npm run bench:grade [-- --dir ../shared/grading] [--material FILE…] [--no-material] [--holdout q3] [--loqo] [--verbose] [--speed]
 *
 * Agreement of the heuristic grader with the two human markings of the development set:
 * QWK (rounded totals vs rounded mean), Pearson r, per-point Cohen's kappa over 0/½/1 against each
 * marking, gaming answers' share of marks, the markings' agreement with each other, and speed.
 * With no --material it uses ../shared/material/*.txt when that folder exists (and says so).
 * `--speed` prints only the speed figures (no cross-validation, probe set or external corpora).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { gradeWithDiagnostics } from "@/lib/grading/heuristic";
import { getGraderModel } from "@/lib/grading/model";
import { crossValidateCorpora, EXTERNAL_DIR, fitPoint, loadDevSet, loadExternalCorpora, loadScoreModule, scoreModuleGap } from "./grader-data";
import { loadMaterials, parseGradeArgs } from "@/lib/grading/cli";
import { cohenKappa, creditLevel, pearson, percentile, quadraticWeightedKappa } from "@/lib/grading/metrics";
import { answersFileSchema, questionsFileSchema } from "@/lib/grading/schemas";
import type { GradingMaterial, WrittenGradeResult, WrittenQuestion } from "@/lib/grading/types";
import { gradeProbeSet } from "../test/grading/probe";

interface Marking {
  answerId: string;
  examiners: Array<{ points: Record<string, number>; total: number }>;
  mean: { points: Record<string, number>; total: number };
}

const GAMING = new Set(["keyword_stuffed", "restates_question", "off_topic"]);

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "n/a";
}

async function main() {
  const args = parseGradeArgs(process.argv.slice(2), []);
  const dir = typeof args.rest.dir === "string" ? args.rest.dir : "../shared/grading";
  if (!existsSync(dir)) {
    console.error(`bench:grade: development set not found at ${dir} (pass --dir); skipping.`);
    process.exitCode = 2;
    return;
  }
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as unknown;
  const questions = questionsFileSchema.parse(read("questions.json"));
  const answers = answersFileSchema.parse(read("answers.json"));
  const marks = read("marks.json") as Marking[];
  const labels = new Map((read("labels.json") as Array<{ answerId: string; category: string }>).map((l) => [l.answerId, l.category]));
  let materialFiles = args.materials;
  if (!materialFiles.length && !args.rest["no-material"]) {
    const mdir = path.join(dir, "..", "material");
    if (existsSync(mdir)) {
      materialFiles = readdirSync(mdir)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((f) => path.join(mdir, f));
      console.log(`material: ${materialFiles.length} files from ${mdir} (default)`);
    } else console.log("material: none (../shared/material not found)");
  } else console.log(`material: ${materialFiles.length} files`);
  const materials = await loadMaterials(materialFiles);
  const holdout = typeof args.rest.holdout === "string" ? args.rest.holdout.split(",") : [];
  const verbose = !!args.rest.verbose;

  const qById = new Map(questions.map((q) => [q.id, q]));
  const markById = new Map(marks.map((m) => [m.answerId, m]));
  const results = new Map<string, WrittenGradeResult>();
  const diag = new Map<string, ReturnType<typeof gradeWithDiagnostics>["diagnostics"]>();
  for (const a of answers) {
    const q = qById.get(a.questionId);
    if (!q) throw new Error(`unknown question ${a.questionId}`);
    const { result, diagnostics } = gradeWithDiagnostics({ question: q, answerText: a.text, materials });
    results.set(a.id, result);
    diag.set(a.id, diagnostics);
  }

  // Speed first, on a warm but fresh heap, before the cross-validation allocates.
  const speedLines = measureSpeed(questions, answers, materials);
  if (args.rest.speed) {
    for (const line of speedLines) console.log(line);
    return;
  }
  const report = (title: string, ids: string[]) => {
    const ours: number[] = [];
    const mean: number[] = [];
    const exA: number[] = [];
    const exB: number[] = [];
    const lvOurs: number[] = [];
    const lvA: number[] = [];
    const lvB: number[] = [];
    for (const id of ids) {
      const r = results.get(id);
      const m = markById.get(id);
      if (!r || !m) continue;
      ours.push(r.score);
      mean.push(m.mean.total);
      exA.push(m.examiners[0]?.total ?? 0);
      exB.push(m.examiners[1]?.total ?? 0);
      for (const p of r.points) {
        lvOurs.push(creditLevel(p.awarded, p.max));
        lvA.push(creditLevel(m.examiners[0]?.points[p.rubricId] ?? 0, p.max));
        lvB.push(creditLevel(m.examiners[1]?.points[p.rubricId] ?? 0, p.max));
      }
    }
    if (!ours.length) return;
    const round = (xs: number[]) => xs.map((x) => Math.round(x));
    console.log(`\n== ${title} (${ours.length} answers, ${lvOurs.length} point marks)`);
    console.log(`  QWK (rounded totals vs rounded mean): ${fmt(quadraticWeightedKappa(round(ours), round(mean)))}`);
    console.log(`  Pearson r (totals vs mean):            ${fmt(pearson(ours, mean))}`);
    console.log(`  per-point kappa 0/½/1 vs marking A:    ${fmt(cohenKappa(lvOurs, lvA))}`);
    console.log(`  per-point kappa 0/½/1 vs marking B:    ${fmt(cohenKappa(lvOurs, lvB))}`);
    console.log(`  per-point exact agreement vs A / B:    ${fmt(lvOurs.filter((x, i) => x === lvA[i]).length / lvOurs.length)} / ${fmt(lvOurs.filter((x, i) => x === lvB[i]).length / lvOurs.length)}`);
    console.log(`  mean |total - mean.total|:             ${fmt(ours.reduce((s, x, i) => s + Math.abs(x - (mean[i] ?? 0)), 0) / ours.length, 2)}`);
    console.log(`  markings with each other: QWK ${fmt(quadraticWeightedKappa(round(exA), round(exB)))}, r ${fmt(pearson(exA, exB))}, per-point kappa ${fmt(cohenKappa(lvA, lvB))}`);
  };

  /**
   * Leave-one-question-out: refit the rubric-point model (weights and cuts) on the other
   * questions' marks, then grade the held-out question with it.
   */
  function crossValidate() {
    console.log("\n== leave-one-question-out (rubric-point model refitted without the held-out question)");
    const dev = loadDevSet(dir, materials);
    if (!dev) return;
    const shipped = getGraderModel();
    for (const held of questions) {
      const fit = fitPoint(dev.points.filter((r) => r.qid !== held.id));
      const model = { ...shipped, point: { ...shipped.point, weights: fit.model.weights, bias: fit.model.bias, means: fit.model.means, scales: fit.model.scales, cuts: fit.cuts } };
      const ours: number[] = [];
      const mean: number[] = [];
      const o: number[] = [];
      const a: number[] = [];
      const b: number[] = [];
      for (const ans of answers.filter((x) => x.questionId === held.id)) {
        const m = markById.get(ans.id);
        if (!m) continue;
        const r = gradeWithDiagnostics({ question: held, answerText: ans.text, materials }, model).result;
        ours.push(r.score);
        mean.push(m.mean.total);
        for (const p of r.points) {
          o.push(creditLevel(p.awarded, p.max));
          a.push(creditLevel(m.examiners[0]?.points[p.rubricId] ?? 0, p.max));
          b.push(creditLevel(m.examiners[1]?.points[p.rubricId] ?? 0, p.max));
        }
      }
      console.log(
        `  held out ${held.id}: cuts ${fit.cuts.half}/${fit.cuts.full} → QWK ${fmt(quadraticWeightedKappa(ours.map(Math.round), mean.map(Math.round)))}, r ${fmt(pearson(ours, mean))}, ` +
          `per-point kappa A ${fmt(cohenKappa(o, a))} / B ${fmt(cohenKappa(o, b))}`,
      );
    }
  }

  const allIds = answers.map((a) => a.id);
  report("all questions", allIds);
  for (const q of questions) report(`question ${q.id}${holdout.includes(q.id) ? " (held out)" : ""}`, answers.filter((a) => a.questionId === q.id).map((a) => a.id));
  if (holdout.length) {
    report(`tuned on (${questions.filter((q) => !holdout.includes(q.id)).map((q) => q.id).join(", ")})`, answers.filter((a) => !holdout.includes(a.questionId)).map((a) => a.id));
    report(`held out (${holdout.join(", ")})`, answers.filter((a) => holdout.includes(a.questionId)).map((a) => a.id));
  }

  if (args.rest.loqo) crossValidate();

  console.log("\n== gaming answers (target ≤ 20% of marks)");
  for (const a of answers) {
    const cat = labels.get(a.id);
    if (!cat || !GAMING.has(cat)) continue;
    const r = results.get(a.id);
    if (!r) continue;
    console.log(`  ${a.id} ${a.questionId} ${cat.padEnd(18)} ${fmt((100 * r.score) / r.maxScore, 1).padStart(5)}%  flags: ${r.flags.join(", ") || "-"}`);
  }
  console.log("\n== other flagged categories");
  for (const a of answers) {
    const cat = labels.get(a.id);
    if (cat !== "factually_wrong" && cat !== "very_short") continue;
    const r = results.get(a.id);
    const m = markById.get(a.id);
    if (!r || !m) continue;
    console.log(`  ${a.id} ${a.questionId} ${cat.padEnd(18)} ${fmt(r.score, 2)} vs mean ${fmt(m.mean.total, 2)}  flags: ${r.flags.join(", ") || "-"}`);
  }

  // Fact checks: every flagged figure, judged against the markers' labels. A figure flagged in an
  // answer the markers did not label factually wrong is a false alarm (a per-answer label, so a
  // flag in a labelled answer counts as right even if it points at another figure: an upper bound).
  {
    let flagged = 0;
    let inWrong = 0;
    let wrongAnswers = 0;
    let caught = 0;
    for (const a of answers) {
      const r = results.get(a.id);
      if (!r) continue;
      const isWrong = labels.get(a.id) === "factually_wrong";
      flagged += r.factIssues.length;
      if (isWrong) {
        inWrong += r.factIssues.length;
        wrongAnswers++;
        if (r.factIssues.length) caught++;
      }
    }
    console.log("\n== fact checks (a figure is wrong only when subject, unit and time match the material)");
    console.log(`  figures flagged: ${flagged}; in answers the markers label factually wrong: ${inWrong} → precision ${flagged ? fmt(inWrong / flagged) : "n/a (nothing flagged)"}`);
    console.log(`  factually wrong answers with at least one flagged figure: ${caught} of ${wrongAnswers}`);
  }

  probeSet();

  await externalCorpora();

  if (verbose) {
    console.log("\n== per answer: ours vs mean (category) | points ours/mean");
    for (const a of answers) {
      const r = results.get(a.id);
      const m = markById.get(a.id);
      const d = diag.get(a.id);
      if (!r || !m || !d) continue;
      const pts = r.points
        .map((p) => {
          const h = m.mean.points[p.rubricId] ?? 0;
          const al = d.alignments[p.rubricId];
          const mark = p.awarded === h ? "" : "*";
          return `${p.rubricId.slice(-2)}:${p.awarded}/${h}${al !== undefined ? `(${al.toFixed(2)})` : ""}${mark}`;
        })
        .join(" ");
      const s = d.signals;
      console.log(
        `${a.id} ${a.questionId} ${String(r.score).padStart(5)} vs ${String(m.mean.total).padStart(5)} ${(labels.get(a.id) ?? "").padEnd(17)} w=${r.wordCount} rs=${s.restateShare.toFixed(2)} nk=${s.newKeyCount} ls=${s.listWordShare.toFixed(2)} ec=${s.entityCoverage.toFixed(2)} ts=${s.topicShare.toFixed(2)} q=${d.quality.toFixed(2)} [${r.flags.join(",")}]\n    ${pts}`,
      );
    }
  }

  for (const line of speedLines) console.log(line);
}

/**
 * The project's own probe set (test/grading/fixtures/probe-groundwater): every answer's score
 * beside the hand mark, and the issue's bands, reached or not.
 */
function probeSet() {
  const graded = gradeProbeSet();
  console.log("\n== probe set (groundwater, 15 marks, 20 answers marked by hand before grading)");
  for (const g of graded) console.log(`  ${g.id} ${g.category.padEnd(22)} ${fmt(g.score, 2).padStart(5)} vs hand ${fmt(g.mark, 1).padStart(4)}  (${fmt(100 * g.share, 0)}% of marks)`);
  const ours = graded.map((g) => g.score);
  const hand = graded.map((g) => g.mark);
  console.log(`  QWK vs hand marks ${fmt(quadraticWeightedKappa(ours.map(Math.round), hand.map(Math.round)))}, r ${fmt(pearson(ours, hand))}`);
  const band = (label: string, cats: string[], test: (g: (typeof graded)[number]) => boolean, figure: (g: (typeof graded)[number]) => string) => {
    for (const g of graded.filter((x) => cats.includes(x.category))) console.log(`  ${test(g) ? "reached    " : "NOT reached"} ${label}: ${g.id} ${figure(g)}`);
  };
  const pct = (x: number) => `${fmt(100 * x, 0)}%`;
  band("negated/actor-swapped ≤ 30% of marks", ["negated", "actor_swapped"], (g) => g.share <= 0.3, (g) => pct(g.share));
  band("off-topic/wrong-question ≤ 15% of marks", ["off_topic", "wrong_question"], (g) => g.share <= 0.15, (g) => pct(g.share));
  band("bullet-only ≥ 70% of hand mark", ["bullets_only"], (g) => g.ofMark >= 0.7, (g) => pct(g.ofMark));
  band("paraphrased/misspelt ≥ 75% of hand mark", ["excellent_paraphrased", "paraphrased_good", "excellent_misspelt", "misspelt_average"], (g) => g.ofMark >= 0.75, (g) => pct(g.ofMark));
}

/**
 * Every corpus folder under ../shared/grading-external: score.mjs's own metrics for the grader,
 * cross-validated over questions (each fold graded by a short-answer model fitted without it),
 * beside score.mjs's bag-of-words baseline. Skipped with its reason when the folder is absent.
 */
async function externalCorpora() {
  const score = await loadScoreModule();
  if (!score) {
    console.log(`\n== external corpora: skipped (${EXTERNAL_DIR}/score.mjs not found)`);
    return;
  }
  const gap = scoreModuleGap(score);
  if (gap) {
    console.log(`\n== external corpora: skipped (${gap})`);
    return;
  }
  const corpora = loadExternalCorpora(score);
  console.log(`\n== external corpora (${EXTERNAL_DIR}; score.mjs metrics, 5 folds of whole questions; questions prepared as score.mjs --run sends them)`);
  for (const c of crossValidateCorpora(score, corpora)) {
    console.log(`  ${c.name} (${c.n} answers)\n    ${c.line}`);
    console.log(`    judged on ${score.primaryName(c.task)}: grader ${fmt(c.grader)} vs bag-of-words ${fmt(c.bow)}${c.grader > c.bow ? "" : "  (NOT above the baseline)"}; unseen domain ${fmt(c.unseenDomain)}`);
    console.log(`    shipped weights (in-sample), graded as score.mjs --run grades: ${fmt(c.shipped)}`);
  }
}

/** Answers "about 250 words long": within a fifth of it, 200–300 words. */
const SPEED_TARGET_WORDS = 250;
const SPEED_WORDS = { min: SPEED_TARGET_WORDS * 0.8, max: SPEED_TARGET_WORDS * 1.2 };
const SPEED_WARM_ROUNDS = 30;
const SPEED_ROUNDS = 200;

/**
 * The issue's speed figure: a ~250-word answer against a 15-mark rubric, graded on one thread
 * (the grader is synchronous; nothing runs in parallel) with the question's preparation cached
 * and the code warm. Every development answer to a 15-mark question within 200–300 words is
 * timed in turn, `SPEED_ROUNDS` times each; median and p95 over all those timings. Wall-clock
 * time rises with the machine's load (another process takes the core), so each timing's CPU
 * time is printed too (this process's user + system time: the grading thread plus V8's garbage
 * collector helpers, so if anything an overestimate of one core's work), with the 1-minute load
 * average beside them.
 */
function measureSpeed(questions: WrittenQuestion[], answers: Array<{ id: string; questionId: string; text: string }>, materials: GradingMaterial[]): string[] {
  const lines = ["\n== speed (one thread; question preparation cached; warm)"];
  const q15 = new Map(questions.filter((q) => q.rubric.reduce((s, p) => s + p.marks, 0) === 15).map((q) => [q.id, q]));
  const targets = answers.filter((a) => q15.has(a.questionId) && wordsOf(a.text) >= SPEED_WORDS.min && wordsOf(a.text) <= SPEED_WORDS.max);
  if (!targets.length) {
    lines.push(`  skipped: no answer of ${SPEED_WORDS.min}–${SPEED_WORDS.max} words to a 15-mark question in this set`);
    return lines;
  }
  const grade = (a: (typeof targets)[number]) => gradeWithDiagnostics({ question: q15.get(a.questionId) as WrittenQuestion, answerText: a.text, materials });
  for (let r = 0; r < SPEED_WARM_ROUNDS; r++) for (const a of targets) grade(a);
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  const load0 = loadavg()[0] ?? NaN;
  for (let r = 0; r < SPEED_ROUNDS; r++) {
    for (const a of targets) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      grade(a);
      const t1 = performance.now();
      const c = process.cpuUsage(c0);
      wallMs.push(t1 - t0);
      cpuMs.push((c.user + c.system) / 1000);
    }
  }
  const load1 = loadavg()[0] ?? NaN;
  const words = targets.map((a) => wordsOf(a.text));
  lines.push(
    `  ${targets.length} answers of ${Math.min(...words)}–${Math.max(...words)} words (mean ${fmt(words.reduce((s, w) => s + w, 0) / words.length, 0)}) vs 15-mark rubrics, ${SPEED_ROUNDS} timings each, with material (${materials.length} files)`,
  );
  lines.push(`  wall-clock per answer: median ${fmt(percentile(wallMs, 50), 2)} ms, p95 ${fmt(percentile(wallMs, 95), 2)} ms  (target: median < 5 ms)`);
  lines.push(`  CPU time per answer:   median ${fmt(percentile(cpuMs, 50), 2)} ms, p95 ${fmt(percentile(cpuMs, 95), 2)} ms`);
  lines.push(`  1-minute load average ${fmt(load0, 2)} → ${fmt(load1, 2)} on ${availableParallelism()} cores during the timings`);
  return lines;
}

function wordsOf(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
