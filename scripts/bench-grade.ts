/**
 * npm run bench:grade [-- --dir ../shared/grading] [--material FILE…] [--no-material] [--holdout q3] [--loqo] [--verbose]
 *
 * Agreement of the heuristic grader with the two human markings of the development set:
 * QWK (rounded totals vs rounded mean), Pearson r, per-point Cohen's kappa over 0/½/1 against each
 * marking, gaming answers' share of marks, the markings' agreement with each other, and speed.
 * With no --material it uses ../shared/material/*.txt when that folder exists (and says so).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gradeWithDiagnostics } from "@/lib/grading/heuristic";
import { getGraderModel } from "@/lib/grading/model";
import { crossValidateCorpora, EXTERNAL_DIR, fitPoint, loadDevSet, loadExternalCorpora, loadScoreModule } from "./grader-data";
import { loadMaterials, parseGradeArgs } from "@/lib/grading/cli";
import { cohenKappa, creditLevel, pearson, percentile, quadraticWeightedKappa } from "@/lib/grading/metrics";
import { answersFileSchema, questionsFileSchema } from "@/lib/grading/schemas";
import type { WrittenGradeResult } from "@/lib/grading/types";
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

  // Speed first, on a fresh heap: one ~250-word answer against a 15-mark rubric.
  const speedLines: string[] = [];
  // Speed: one ~250-word answer against a 15-mark rubric, after the question is prepared (cached).
  const q15 = questions.find((q) => q.rubric.reduce((s, p) => s + p.marks, 0) === 15) ?? questions[0];
  if (q15) {
    const candidates = answers.filter((a) => a.questionId === q15.id);
    const target =
      candidates.sort((x, y) => Math.abs(wordsOf(x.text) - 250) - Math.abs(wordsOf(y.text) - 250))[0] ?? answers[0];
    if (target) {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) gradeWithDiagnostics({ question: q15, answerText: target.text, materials });
      for (let i = 0; i < 300; i++) {
        const t0 = performance.now();
        gradeWithDiagnostics({ question: q15, answerText: target.text, materials });
        times.push(performance.now() - t0);
      }
      const t0 = performance.now();
      let n = 0;
      while (performance.now() - t0 < 2000) {
        for (const a of answers) {
          const q = qById.get(a.questionId);
          if (q) gradeWithDiagnostics({ question: q, answerText: a.text, materials });
          n++;
        }
      }
      const secs = (performance.now() - t0) / 1000;
      speedLines.push(`\n== speed (one core; question preparation cached)`);
      speedLines.push(`  one ${wordsOf(target.text)}-word answer (${target.id}) vs a 15-mark rubric: median ${fmt(percentile(times, 50), 2)} ms, p99 ${fmt(percentile(times, 99), 2)} ms`);
      speedLines.push(`  throughput over the development answers: ${fmt(n / secs, 0)} answers/s`);
    }
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
  const corpora = loadExternalCorpora(score);
  console.log(`\n== external corpora (${EXTERNAL_DIR}; score.mjs metrics, 5 folds of whole questions)`);
  for (const c of crossValidateCorpora(score, corpora)) {
    console.log(`  ${c.name} (${c.n} answers)\n    ${c.line}`);
    console.log(`    judged on ${score.primaryName(c.task)}: grader ${fmt(c.grader)} vs bag-of-words ${fmt(c.bow)}${c.grader > c.bow ? "" : "  (NOT above the baseline)"}; unseen domain ${fmt(c.unseenDomain)}`);
  }
}

function wordsOf(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
