/**
 * npm run train:grader — fits the grader's learned scoring model and writes it, with the figures it
 * reached, to lib/grading/model/grader-model.json and lib/grading/model/README.md.
 *
 * Data (read at run time, never copied into the project): the human-marked training splits in
 * ../shared/grading-external (SemEval-2013 Beetle and SciEntsBank, SAF English) for the
 * short-answer model, and the development set ../shared/grading (with ../shared/material) for the
 * rubric-point model. Figures are cross-validated over questions (and over corpora for unseen
 * domains); the shipped weights are then fitted on everything.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadMaterials } from "@/lib/grading/cli";
import { REFERENCE_FEATURES, POINT_FEATURES } from "@/lib/grading/features";
import { fitLogistic, predictLogistic, scoreReferences, type LogisticModel } from "@/lib/grading/learn";
import type { GraderModel } from "@/lib/grading/model";
import {
  crossValidateCorpora,
  DEV_DIR,
  fitPoint,
  fitReference,
  loadDevSet,
  loadExternalCorpora,
  loadScoreModule,
  pointCrossValidation,
  pointKappa,
  type ExternalCorpus,
} from "./grader-data";

const OUT_JSON = path.resolve("lib/grading/model/grader-model.json");
const OUT_MD = path.resolve("lib/grading/model/README.md");
export const MODEL_VERSION = "2026.4";

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "n/a");
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

function serialise(m: LogisticModel, features: readonly string[]) {
  return { features: [...features], weights: m.weights.map(r4), bias: r4(m.bias), means: m.means.map(r4), scales: m.scales.map(r4) };
}

/** P(agree) = σ(a + b·margin): a 1-D logistic fit of agreement on the distance from the nearest cut. */
function calibrate(samples: Array<{ margin: number; agree: boolean }>): { a: number; b: number } {
  if (samples.length < 10) return { a: 0, b: 0 };
  const m = fitLogistic(samples.map((s) => ({ x: [s.margin], y: s.agree ? 1 : 0 })), { l2: 1e-4 });
  const w = m.weights[0] ?? 0;
  const scale = m.scales[0] || 1;
  return { a: r4(m.bias - (w * (m.means[0] ?? 0)) / scale), b: r4(w / scale) };
}

async function main() {
  const score = await loadScoreModule();
  if (!score) {
    console.error("train:grader: ../shared/grading-external/score.mjs not found; the training data sits beside the project and is never committed. Nothing written.");
    process.exitCode = 2;
    return;
  }
  console.log("signals:");
  const corpora = loadExternalCorpora(score, console.log);
  const mdir = path.resolve("../shared/material");
  const materialFiles = existsSync(mdir) ? readdirSync(mdir).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(mdir, f)) : [];
  const dev = loadDevSet(DEV_DIR, await loadMaterials(materialFiles));
  if (!corpora.length || !dev) {
    console.error("train:grader: needs ../shared/grading-external/* and ../shared/grading; nothing written.");
    process.exitCode = 2;
    return;
  }
  console.log(`  development set: ${dev.points.length} content-point marks (gamed answers left out: the shape rules zero them first)`);

  console.log("\ncross-validation over questions (each fold graded by a model fitted without it):");
  const corpusFigures = crossValidateCorpora(score, corpora);
  for (const c of corpusFigures) console.log(`  ${c.name.padEnd(12)} ${c.line}\n  ${"".padEnd(12)} judged: grader ${f3(c.grader)} vs BOW ${f3(c.bow)}; unseen domain (no ${c.name} in training) ${f3(c.unseenDomain)}`);

  const cv = pointCrossValidation(dev);
  const devKappa = pointKappa(dev.points, cv.levels);
  console.log(`  development set, each question held out: per-point kappa ${f3(devKappa)}`);

  // Confidence calibration from out-of-fold estimates.
  const pointSamples = dev.points.flatMap((r) => {
    const p = cv.estimates.get(r);
    const level = cv.levels.get(r);
    const fit = cv.fits.get(r.qid);
    if (p === undefined || level === undefined || !fit) return [];
    const margin = Math.min(Math.abs(p - fit.cuts.half), Math.abs(p - fit.cuts.full));
    return r.levels.map((l) => ({ margin, agree: l === level }));
  });
  const refSamples: Array<{ margin: number; agree: boolean }> = [];
  for (const c of corpora.filter((x) => x.task === "2way")) {
    const folds = score.questionFolds(c.examples.map((e) => ({ qid: e.qid })));
    const others = corpora.filter((o) => o !== c);
    for (let f = 0; f < 5; f++) {
      const model = fitReference([...others, { examples: c.examples.filter((e) => folds.get(e.qid) !== f) }]);
      for (const e of c.examples) {
        if (folds.get(e.qid) !== f) continue;
        const p = scoreReferences(model, e.rows);
        refSamples.push({ margin: Math.abs(p - 0.5), agree: (p >= 0.5 ? 1 : 0) === e.y });
      }
    }
  }

  const reference = fitReference(corpora);
  const point = fitPoint(dev.points);
  const inSample = new Map(dev.points.map((r) => {
    const p = predictLogistic(point.model, r.x);
    return [r, p >= point.cuts.full ? 1 : p >= point.cuts.half ? 0.5 : 0] as const;
  }));
  const figures = {
    measuredWith: "npm run train:grader",
    corpora: Object.fromEntries(
      corpusFigures.map((c) => [c.name, { n: c.n, judgedOn: score.primaryName(c.task), grader: r4(c.grader), bagOfWords: r4(c.bow), unseenDomain: r4(c.unseenDomain) }]),
    ),
    developmentSet: { pointKappaLeaveOneQuestionOut: r4(devKappa), pointKappaFitted: r4(pointKappa(dev.points, inSample)), contentPointMarks: dev.points.length },
  };
  const data = corpora.map((c: ExternalCorpus) => ({ name: `${c.raw.meta.corpus} (${c.raw.meta.split})`, licence: c.raw.meta.licence ?? "see source", citation: c.raw.meta.citation ?? "" }));
  data.push({ name: "Crux grading development set (../shared/grading)", licence: "project data, not redistributed", citation: "" });
  const model: GraderModel = {
    version: MODEL_VERSION,
    trainedBy: "npm run train:grader",
    reference: { ...serialise(reference, REFERENCE_FEATURES), confidence: calibrate(refSamples) },
    point: { ...serialise(point.model, POINT_FEATURES), cuts: point.cuts, confidence: calibrate(pointSamples) },
    figures,
    data,
  };
  writeFileSync(OUT_JSON, `${JSON.stringify(model, null, 2)}\n`);
  writeFileSync(OUT_MD, readme(model, corpusFigures, devKappa));
  console.log(`\nwrote ${path.relative(process.cwd(), OUT_JSON)} and ${path.relative(process.cwd(), OUT_MD)}`);
  console.log("reference weights:", REFERENCE_FEATURES.map((f, i) => `${f} ${f3(reference.weights[i] ?? 0)}`).join(", "));
  console.log("point weights:", POINT_FEATURES.map((f, i) => `${f} ${f3(point.model.weights[i] ?? 0)}`).join(", "), `cuts ${point.cuts.half}/${point.cuts.full}`);
}

function readme(model: GraderModel, corpora: ReturnType<typeof crossValidateCorpora>, devKappa: number): string {
  const rows = corpora.map((c) => `| ${c.name} | ${c.n} | ${c.task === "2way" ? "macro-F1" : "Pearson r"} | ${f3(c.grader)} | ${f3(c.bow)} | ${f3(c.unseenDomain)} |`).join("\n");
  const weights = (names: readonly string[], w: number[]) => names.map((n, i) => `| ${n} | ${f3(w[i] ?? 0)} |`).join("\n");
  return `# The grader's learned scoring model (version ${model.version})

Written by \`npm run train:grader\` (scripts/train-grader.ts); do not edit by hand. \`grader-model.json\` holds two
logistic regressions over the signals computed in \`lib/grading/features.ts\` (weights apply to standardised signals:
\`(x − mean) / scale\`), the cut points that turn a rubric point's estimate into 0 / ½ / full credit, and the calibration
of confidence (P(a careful examiner agrees) = σ(a + b · distance of the estimate from the nearest cut)).

## Figures it reached (cross-validated: every figure is on questions the fitted weights did not see)

| corpus (training split) | answers | judged on | grader | bag-of-words | unseen domain |
|---|---|---|---|---|---|
${rows}

Grader and bag-of-words are scored exactly as \`../shared/grading-external/score.mjs\` scores them (5 folds of whole
questions; thresholds fitted on the other folds). "Unseen domain": weights fitted on the other corpora only.
Development set, each question held out in turn: per-point kappa ${f3(devKappa)}.

## Short-answer model (answer against each reference answer; the best counts)

| signal | weight |
|---|---|
${weights(model.reference.features, model.reference.weights)}

## Rubric-point model (structured answers)

| signal | weight |
|---|---|
${weights(model.point.features, model.point.weights)}

Cuts: half credit from ${model.point.cuts.half}, full credit from ${model.point.cuts.full}.

## Data and licence

Fitted on:
${model.data.map((d) => `- ${d.name} — ${d.licence}${d.citation ? `. ${d.citation}` : ""}`).join("\n")}

Because SemEval-2013 data (CC BY-SA 3.0) went into these weights, \`grader-model.json\` is licensed under CC BY-SA 3.0
(https://creativecommons.org/licenses/by-sa/3.0/), crediting the corpora above. None of their text is in this file.
`;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
