/**
 * Data and cross-validation shared by `npm run train:grader` and `npm run bench:grade`: the public
 * human-marked corpora in ../shared/grading-external (read at run time, never copied into the
 * project) and the development set in ../shared/grading, turned into the learned model's signals.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { onlyDenies, signalsFor } from "@/lib/grading/heuristic";
import { fitLogistic, fitReferenceModel, predictLogistic, type LogisticModel, type ReferenceExample } from "@/lib/grading/learn";
import { cohenKappa, creditLevel } from "@/lib/grading/metrics";
import { getGraderModel, referenceItemCredit } from "@/lib/grading/model";
import { answersFileSchema, questionsFileSchema } from "@/lib/grading/schemas";
import type { GradingMaterial, WrittenQuestion } from "@/lib/grading/types";

export const EXTERNAL_DIR = path.resolve("../shared/grading-external");
export const DEV_DIR = path.resolve("../shared/grading");

/** The functions of ../shared/grading-external/score.mjs this code uses (see its README). */
export interface ScoreModule {
  readCorpus(dir: string): ExternalCorpus["raw"];
  expandReferences(questions: unknown[], answers: ExternalCorpus["raw"]["answers"]): { questions: unknown[]; answers: ExternalCorpus["raw"]["answers"] };
  questionFolds(rows: Array<{ qid: string }>, k?: number, seed?: number): Map<string, number>;
  rowsFor(corpus: unknown, grades: Array<{ answerId: string; score: number; maxScore: number }>): { rows: unknown[]; missing: string[] };
  evaluate(task: string, rows: unknown[], fitRows: unknown[] | null): Record<string, unknown> & { grader?: Record<string, number>; bow?: Record<string, number> };
  formatFigures(task: string, e: unknown): string;
  primary(task: string, m: unknown): number;
  primaryName(task: string): string;
}

export async function loadScoreModule(): Promise<ScoreModule | null> {
  const file = path.join(EXTERNAL_DIR, "score.mjs");
  if (!existsSync(file)) return null;
  return (await import(pathToFileURL(file).href)) as ScoreModule;
}

/**
 * Why `score` cannot prepare corpora as the CLI is graded (an older score.mjs without
 * `expandReferences`), or null when it can. Callers skip the corpora with this reason.
 */
export function scoreModuleGap(score: ScoreModule): string | null {
  return typeof (score as Partial<ScoreModule>).expandReferences === "function" ? null : `${EXTERNAL_DIR}/score.mjs has no expandReferences (an older version); update it to measure the corpora`;
}

export interface ExternalCorpus {
  name: string;
  task: "2way" | "saf" | "mohler";
  raw: { meta: { task: string; corpus: string; split: string; licence?: string; citation?: string }; questions: unknown[]; answers: Array<{ id: string; questionId: string; text: string }>; gold: Array<Record<string, unknown> & { id: string; questionId: string }> };
  /**
   * Per answer: its signals against each reference (`rows`, every question the CLI grades it
   * under, for fitting), and per question it is graded under (`graded`) that question's rows and
   * whether the answer only denies (`onlyDenies`) or reverses each reference.
   */
  examples: Array<ReferenceExample & { id: string; qid: string; graded: GradedQuestion[] }>;
}

/** One question an answer is graded under, as the CLI grades it: its signals against each of that question's references. */
export interface GradedQuestion {
  rows: number[][];
  denies: boolean[];
  reverses: boolean[];
}

/** Human mark of a gold row as a fraction in [0, 1]. */
function goldTarget(task: string, g: Record<string, unknown>): number {
  if (task === "2way") return g.label === "correct" ? 1 : 0;
  if (task === "saf") return Number(g.score);
  return Number(g.score) / 5;
}

/**
 * A corpus's questions and answers exactly as the held-out evaluation sends them to the CLI:
 * score.mjs's own `expandReferences` (a question with several reference answers becomes one
 * question per reference, QID__rK, with that reference as its rubric point; each answer is graded
 * under every one and keeps its best score), parsed by the CLI's schemas. The one preparation
 * `bench:grade` and `train:grader` use, so their figures measure what `score.mjs --run` grades.
 * Returns each original answer id with the (question, answer text) pairs it is graded as.
 */
export function corpusAsGraded(score: ScoreModule, raw: ExternalCorpus["raw"]): Map<string, Array<{ question: WrittenQuestion; text: string }>> {
  const expanded = score.expandReferences(raw.questions, raw.answers);
  const questions = new Map(questionsFileSchema.parse(expanded.questions).map((q) => [q.id, q]));
  const out = new Map<string, Array<{ question: WrittenQuestion; text: string }>>();
  for (const a of answersFileSchema.parse(expanded.answers)) {
    const question = questions.get(a.questionId);
    if (!question) continue;
    // score.mjs's `graderScores` keeps the best of AID__rK under the original id.
    const id = a.id.replace(/__r\d+$/, "");
    const list = out.get(id) ?? [];
    list.push({ question, text: a.text });
    out.set(id, list);
  }
  return out;
}

/** Every corpus folder under ../shared/grading-external, with each answer's signals as the CLI grades it (`corpusAsGraded`). */
export function loadExternalCorpora(score: ScoreModule, log: (s: string) => void = () => {}): ExternalCorpus[] {
  if (!existsSync(EXTERNAL_DIR)) return [];
  const gap = scoreModuleGap(score);
  if (gap) {
    log(`  external corpora skipped: ${gap}`);
    return [];
  }
  const out: ExternalCorpus[] = [];
  for (const name of readdirSync(EXTERNAL_DIR).sort()) {
    const dir = path.join(EXTERNAL_DIR, name);
    if (!existsSync(path.join(dir, "corpus.json"))) continue;
    const raw = score.readCorpus(dir);
    const asGraded = corpusAsGraded(score, raw);
    const t0 = performance.now();
    const examples = raw.gold.flatMap((g) => {
      const graded = (asGraded.get(g.id) ?? []).flatMap(({ question, text }): GradedQuestion[] => {
        const signals = signalsFor({ question, answerText: text }).referenceRows ?? [];
        if (!signals.length) return [];
        return [{ rows: signals.map((r) => r.values), denies: signals.map((r) => onlyDenies(r.whole)), reverses: signals.map((r) => !!r.whole.contradiction?.onComparison) }];
      });
      const rows = graded.flatMap((q) => q.rows);
      return rows.length ? [{ id: g.id, qid: g.questionId, rows, graded, y: goldTarget(raw.meta.task, g) }] : [];
    });
    log(`  ${name}: ${examples.length} answers, signals in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    out.push({ name, task: raw.meta.task as ExternalCorpus["task"], raw, examples });
  }
  return out;
}

export interface DevSet {
  questions: WrittenQuestion[];
  answers: Array<{ id: string; questionId: string; text: string }>;
  marks: Map<string, { examiners: Array<{ points: Record<string, number>; total: number }>; mean: { points: Record<string, number>; total: number } }>;
  labels: Map<string, string>;
  materials: GradingMaterial[];
  /** Content-point examples: signals, the two examiners' credit levels, their mean. */
  points: Array<{ answerId: string; qid: string; rubricId: string; x: number[]; levels: [number, number]; y: number }>;
}

const GAMING_LABELS = new Set(["keyword_stuffed", "restates_question", "off_topic"]);

/** A development-set-shaped folder (questions, answers, marks, labels) with its content-point signals. */
export function loadDevSet(dir: string, materials: GradingMaterial[]): DevSet | null {
  if (!existsSync(path.join(dir, "marks.json"))) return null;
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as unknown;
  const questions = questionsFileSchema.parse(read("questions.json"));
  const answers = answersFileSchema.parse(read("answers.json"));
  const marks = new Map((read("marks.json") as Array<{ answerId: string } & DevSet["marks"] extends Map<string, infer M> ? M & { answerId: string } : never>).map((m) => [m.answerId, m]));
  const labels = new Map((read("labels.json") as Array<{ answerId: string; category: string }>).map((l) => [l.answerId, l.category]));
  const qById = new Map(questions.map((q) => [q.id, q]));
  const points: DevSet["points"] = [];
  for (const a of answers) {
    const q = qById.get(a.questionId);
    const m = marks.get(a.id);
    // Gamed answers are zeroed by the shape rules before the model is consulted: not model data.
    if (!q || !m || GAMING_LABELS.has(labels.get(a.id) ?? "")) continue;
    const s = signalsFor({ question: q, answerText: a.text, materials });
    for (const rp of q.rubric) {
      const x = s.pointSignals.get(rp.id);
      if (rp.kind !== "content" || !x) continue;
      const levels = [0, 1].map((e) => creditLevel(m.examiners[e]?.points[rp.id] ?? 0, rp.marks)) as [number, number];
      points.push({ answerId: a.id, qid: q.id, rubricId: rp.id, x, levels, y: (levels[0] + levels[1]) / 2 });
    }
  }
  return { questions, answers, marks, labels, materials, points };
}

/** Reference model fitted on the given corpora's examples, each corpus weighing the same in total. */
export function fitReference(corpora: Array<Pick<ExternalCorpus, "examples">>, l2 = 1e-3): LogisticModel {
  const examples: ReferenceExample[] = [];
  for (const c of corpora) {
    const n = c.examples.length || 1;
    for (const e of c.examples) examples.push({ rows: e.rows, y: e.y, w: 1 / n });
  }
  return fitReferenceModel(examples, { l2 });
}

export interface PointModelFit {
  model: LogisticModel;
  cuts: { half: number; full: number };
}

const levelOf = (p: number, cuts: { half: number; full: number }) => (p >= cuts.full ? 1 : p >= cuts.half ? 0.5 : 0);

/** Mean Cohen's kappa of the cut estimates against each examiner. */
function kappaWithCuts(rows: DevSet["points"], estimates: number[], cuts: { half: number; full: number }): number {
  const ours = estimates.map((p) => levelOf(p, cuts));
  return (cohenKappa(ours, rows.map((r) => r.levels[0])) + cohenKappa(ours, rows.map((r) => r.levels[1]))) / 2;
}

/** Point model: logistic regression on the mean credit, then the two cuts that maximise kappa on the same rows. */
export function fitPoint(rows: DevSet["points"], l2 = 1e-2): PointModelFit {
  const model = fitLogistic(rows.map((r) => ({ x: r.x, y: r.y })), { l2 });
  const estimates = rows.map((r) => predictLogistic(model, r.x));
  let best = { k: -Infinity, cuts: { half: 0.25, full: 0.75 } };
  for (let half = 0.1; half <= 0.6 + 1e-9; half += 0.025) {
    for (let full = half + 0.05; full <= 0.9 + 1e-9; full += 0.025) {
      const k = kappaWithCuts(rows, estimates, { half, full });
      if (k > best.k + 1e-9) best = { k, cuts: { half: round3(half), full: round3(full) } };
    }
  }
  return { model, cuts: best.cuts };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Out-of-fold estimates of the point model, leaving each question out in turn. */
export function pointCrossValidation(dev: DevSet): { estimates: Map<DevSet["points"][number], number>; levels: Map<DevSet["points"][number], number>; fits: Map<string, PointModelFit> } {
  const estimates = new Map<DevSet["points"][number], number>();
  const levels = new Map<DevSet["points"][number], number>();
  const fits = new Map<string, PointModelFit>();
  for (const q of dev.questions) {
    const train = dev.points.filter((r) => r.qid !== q.id);
    if (!train.length) continue;
    const fit = fitPoint(train);
    fits.set(q.id, fit);
    for (const r of dev.points.filter((x) => x.qid === q.id)) {
      const p = predictLogistic(fit.model, r.x);
      estimates.set(r, p);
      levels.set(r, levelOf(p, fit.cuts));
    }
  }
  return { estimates, levels, fits };
}

/** Per-point kappa (mean of both examiners) of given levels. */
export function pointKappa(rows: DevSet["points"], levels: Map<DevSet["points"][number], number>): number {
  const kept = rows.filter((r) => levels.has(r));
  const ours = kept.map((r) => levels.get(r) ?? 0);
  return (cohenKappa(ours, kept.map((r) => r.levels[0])) + cohenKappa(ours, kept.map((r) => r.levels[1]))) / 2;
}

export interface CorpusFigures {
  name: string;
  task: string;
  n: number;
  /** Judged metric (macro-F1 or Pearson r), grader and bag-of-words. */
  grader: number;
  bow: number;
  /** Trained without this corpus at all (an unseen domain). */
  unseenDomain: number;
  /**
   * The shipped weights (fitted on every answer, so in-sample), graded as `score.mjs --run` grades:
   * what the CLI's figure is, but for the shape rules the CLI applies and these signals do not.
   */
  shipped: number;
  line: string;
}

/**
 * Scores (0..1, half-mark steps of 4 marks as the CLI prints them) for a corpus's answers under a
 * model: the best over the questions each answer is graded under, as score.mjs keeps it.
 */
export function corpusGrades(c: ExternalCorpus, modelFor: (e: ExternalCorpus["examples"][number]) => LogisticModel | undefined) {
  return c.examples.map((e) => {
    const model = modelFor(e);
    let score = 0;
    for (const q of e.graded) {
      const { p, row } = model ? bestReference(model, q.rows) : { p: 0, row: [] };
      // As the grader does: an answer judged more likely wrong than right that only denies its best
      // reference earns nothing (`onlyDenies`).
      const i = q.rows.indexOf(row as number[]);
      // … and so does one that compares its best reference's things the other way round (`comparisons.ts`).
      const denies = (p < 0.5 && (q.denies[i] ?? false)) || (q.reverses[i] ?? false);
      score = Math.max(score, denies ? 0 : Math.round(referenceItemCredit(p, row) * 8) / 2);
    }
    return { answerId: e.id, score, maxScore: 4 };
  });
}

/** The model's estimate against the best-matching reference, and that reference's signals (as the grader picks it). */
export function bestReference(model: LogisticModel, rows: readonly number[][]): { p: number; row: readonly number[] } {
  let best = { p: -1, row: rows[0] ?? [] };
  for (const x of rows) {
    const p = predictLogistic(model, x);
    if (p > best.p) best = { p, row: x };
  }
  return best;
}

/**
 * Cross-validated figures per corpus: 5 folds of whole questions (score.mjs's folds); each fold is
 * graded by a model fitted on the other folds plus every other corpus; thresholds by score.mjs's
 * own cross-validation. Also the unseen-domain figure: a model fitted on the other corpora only.
 */
export function crossValidateCorpora(score: ScoreModule, corpora: ExternalCorpus[]): CorpusFigures[] {
  return corpora.map((c) => {
    const others = corpora.filter((o) => o !== c);
    const folds = score.questionFolds(c.examples.map((e) => ({ qid: e.qid })));
    const k = Math.max(...folds.values()) + 1;
    const foldModel = new Map<number, LogisticModel>();
    for (let f = 0; f < k; f++) foldModel.set(f, fitReference([...others, { examples: c.examples.filter((e) => folds.get(e.qid) !== f) }]));
    const cv = score.evaluate(c.task, score.rowsFor(c.raw, corpusGrades(c, (e) => foldModel.get(folds.get(e.qid) ?? 0))).rows, null);
    const domainModel = others.length ? fitReference(others) : null;
    const unseen = domainModel ? score.evaluate(c.task, score.rowsFor(c.raw, corpusGrades(c, () => domainModel)).rows, null) : null;
    const shipped = score.evaluate(c.task, score.rowsFor(c.raw, corpusGrades(c, () => getGraderModel().reference)).rows, null);
    return {
      name: c.name,
      task: c.task,
      n: c.examples.length,
      grader: score.primary(c.task, cv.grader),
      bow: score.primary(c.task, cv.bow),
      unseenDomain: unseen ? score.primary(c.task, unseen.grader) : NaN,
      shipped: score.primary(c.task, shipped.grader),
      line: score.formatFigures(c.task, cv),
    };
  });
}
