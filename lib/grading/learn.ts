/**
 * Fitting the grader's scoring model: L2-regularised logistic regression on standardised signals,
 * with fractional targets (a point's credit 0 / ½ / 1, a human score in [0, 1]) and sample
 * weights, solved by Newton's method (iteratively reweighted least squares; Hastie, Tibshirani &
 * Friedman, "The Elements of Statistical Learning", §4.4.1). Pure and deterministic.
 */

export interface LogisticModel {
  /** Weight per standardised signal. */
  weights: number[];
  bias: number;
  /** Standardisation: x' = (x − mean) / scale. */
  means: number[];
  scales: number[];
}

export interface TrainingRow {
  x: number[];
  /** Target in [0, 1]. */
  y: number;
  /** Sample weight (default 1). */
  w?: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The model's estimate in (0, 1) for one signal vector. */
export function predictLogistic(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += (model.weights[i] ?? 0) * (((x[i] ?? 0) - (model.means[i] ?? 0)) / (model.scales[i] || 1));
  return sigmoid(z);
}

/** Solves A·x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const pivot = M[c]![c]!;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / pivot;
      if (!f) continue;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = Math.abs(M[r]![r]!) < 1e-12 ? 0 : s / M[r]![r]!;
  }
  return x;
}

/**
 * Fits the model. `l2` is the ridge penalty on the standardised weights (not the bias), in units
 * of the total sample weight (so it means the same for 500 rows or 50 000).
 */
export function fitLogistic(rows: readonly TrainingRow[], options: { l2?: number; iterations?: number } = {}): LogisticModel {
  const d = rows[0]?.x.length ?? 0;
  const l2 = options.l2 ?? 1e-3;
  const totalW = rows.reduce((s, r) => s + (r.w ?? 1), 0) || 1;
  const means = new Array<number>(d).fill(0);
  const scales = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) means[j]! += ((r.w ?? 1) * (r.x[j] ?? 0)) / totalW;
  for (const r of rows) for (let j = 0; j < d; j++) scales[j]! += ((r.w ?? 1) * ((r.x[j] ?? 0) - means[j]!) ** 2) / totalW;
  for (let j = 0; j < d; j++) scales[j] = Math.sqrt(scales[j]!) || 1;
  const X = rows.map((r) => [1, ...r.x.map((v, j) => (v - means[j]!) / scales[j]!)]);
  const beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < (options.iterations ?? 25); it++) {
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    const g = new Array<number>(d + 1).fill(0);
    rows.forEach((r, i) => {
      const xi = X[i]!;
      let z = 0;
      for (let j = 0; j <= d; j++) z += beta[j]! * xi[j]!;
      const p = sigmoid(z);
      const w = (r.w ?? 1) / totalW;
      const s = w * Math.max(p * (1 - p), 1e-6);
      for (let j = 0; j <= d; j++) {
        g[j]! += w * (r.y - p) * xi[j]!;
        for (let k = j; k <= d; k++) H[j]![k]! += s * xi[j]! * xi[k]!;
      }
    });
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) H[j]![k] = H[k]![j]!;
    for (let j = 1; j <= d; j++) {
      g[j]! -= l2 * beta[j]!;
      H[j]![j]! += l2;
    }
    const step = solve(H, g);
    let change = 0;
    for (let j = 0; j <= d; j++) {
      beta[j]! += step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < 1e-7) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1), means, scales };
}

/** One answer of a short-answer item: its signals against each reference answer, and the human mark in [0, 1]. */
export interface ReferenceExample {
  rows: number[][];
  y: number;
  w?: number;
}

/** The model's score for an answer: the best of its references (the answer is judged against the one it matches). */
export function scoreReferences(model: LogisticModel, rows: readonly number[][]): number {
  let best = 0;
  for (const x of rows) best = Math.max(best, predictLogistic(model, x));
  return best;
}

/**
 * Fits the reference model where each answer has several references and counts the best: start
 * from the reference with the highest first signal, fit, re-pick each answer's best reference
 * under the model, refit (a hard-EM / latent-choice fit; converges in two or three rounds).
 */
export function fitReferenceModel(examples: readonly ReferenceExample[], options: { l2?: number; rounds?: number } = {}): LogisticModel {
  const pickBy = (f: (x: number[]) => number) =>
    examples.map((e) => {
      let best = 0;
      let bestScore = -Infinity;
      e.rows.forEach((x, i) => {
        const s = f(x);
        if (s > bestScore) {
          bestScore = s;
          best = i;
        }
      });
      return best;
    });
  let choice = pickBy((x) => x[0] ?? 0);
  let model: LogisticModel | null = null;
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    const fitted = fitLogistic(
      examples.map((e, i) => ({ x: e.rows[choice[i] ?? 0] ?? [], y: e.y, w: e.w ?? 1 })),
      { l2: options.l2 },
    );
    model = fitted;
    choice = pickBy((x) => predictLogistic(fitted, x));
  }
  if (!model) throw new Error("fitReferenceModel needs at least one round");
  return model;
}
