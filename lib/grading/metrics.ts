/**
 * Agreement statistics for benchmarking graders against human markings.
 * - Quadratic weighted kappa: Cohen (1968), "Weighted kappa", as used for essay scoring (ASAP).
 * - Cohen's kappa: Cohen (1960), for nominal categories (here credit levels 0 / ½ / 1).
 * - Pearson's r.
 */

/** Quadratic weighted kappa between two integer ratings lists on [min, max]. 1 when both are constant and equal. */
export function quadraticWeightedKappa(a: readonly number[], b: readonly number[], min?: number, max?: number): number {
  if (a.length !== b.length || !a.length) throw new Error("QWK needs two equal, non-empty lists");
  const lo = min ?? Math.min(...a, ...b);
  const hi = max ?? Math.max(...a, ...b);
  const k = hi - lo + 1;
  if (k <= 1) return 1;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const histA = new Array<number>(k).fill(0);
  const histB = new Array<number>(k).fill(0);
  for (let i = 0; i < a.length; i++) {
    const x = (a[i] as number) - lo;
    const y = (b[i] as number) - lo;
    (observed[x] as number[])[y] = ((observed[x] as number[])[y] ?? 0) + 1;
    histA[x] = (histA[x] ?? 0) + 1;
    histB[y] = (histB[y] ?? 0) + 1;
  }
  const n = a.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
      const expected = ((histA[i] ?? 0) * (histB[j] ?? 0)) / n;
      num += w * ((observed[i] as number[])[j] ?? 0);
      den += w * expected;
    }
  }
  return den === 0 ? 1 : 1 - num / den;
}

/** Pearson correlation coefficient; 0 when either list is constant. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || !a.length) throw new Error("Pearson needs two equal, non-empty lists");
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? 0 : sab / Math.sqrt(saa * sbb);
}

/** Cohen's kappa over nominal labels. 1 when both raters agree perfectly (even on one label). */
export function cohenKappa<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length !== b.length || !a.length) throw new Error("kappa needs two equal, non-empty lists");
  const n = a.length;
  const labels = [...new Set([...a, ...b])];
  let agree = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) agree++;
  const po = agree / n;
  let pe = 0;
  for (const l of labels) {
    const pa = a.filter((x) => x === l).length / n;
    const pb = b.filter((x) => x === l).length / n;
    pe += pa * pb;
  }
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

/** Credit level of a mark as a fraction of the point's marks, snapped to 0 / ½ / 1 (¼ → ½ band by nearest). */
export function creditLevel(awarded: number, max: number): 0 | 0.5 | 1 {
  const f = max > 0 ? awarded / max : 0;
  if (f >= 0.75) return 1;
  if (f >= 0.25) return 0.5;
  return 0;
}

/** Median and a high percentile of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}
