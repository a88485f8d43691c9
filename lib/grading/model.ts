import { z } from "zod";
import modelFile from "./model/grader-model.json";
import { POINT_FEATURES, REFERENCE_FEATURES } from "./features";
import { predictLogistic, type LogisticModel } from "./learn";

/**
 * The learned scoring model (`model/grader-model.json`, written by `npm run train:grader`): a
 * logistic regression over the signals of `features.ts` for short-answer items (answer against
 * each reference answer), and one for the rubric points of structured answers, with the cut
 * points that turn a point's estimate into 0 / ½ / full credit and the calibration of confidence.
 * Validated when first used; a file that does not match the code's signals is an error, never
 * silently ignored.
 */

const logisticSchema = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
  means: z.array(z.number()),
  scales: z.array(z.number()),
});

/** P(a careful examiner gives the same credit) = σ(a + b · margin), margin = distance of the estimate from the nearest cut. */
const confidenceSchema = z.object({ a: z.number(), b: z.number() });

export const graderModelSchema = z.object({
  version: z.string(),
  trainedBy: z.string(),
  reference: logisticSchema.extend({ confidence: confidenceSchema }),
  point: logisticSchema.extend({ cuts: z.object({ half: z.number(), full: z.number() }), confidence: confidenceSchema }),
  figures: z.record(z.string(), z.unknown()),
  data: z.array(z.object({ name: z.string(), licence: z.string(), citation: z.string() })),
});
export type GraderModel = z.infer<typeof graderModelSchema>;

let cached: GraderModel | null = null;

/** The shipped model, validated once. Throws when the file does not fit the code's signal lists. */
export function getGraderModel(): GraderModel {
  if (cached) return cached;
  const model = graderModelSchema.parse(modelFile);
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(model.reference.features, REFERENCE_FEATURES) || !same(model.point.features, POINT_FEATURES)) {
    throw new Error("grader-model.json was trained on other signals than features.ts computes: run npm run train:grader");
  }
  cached = model;
  return model;
}

export function asLogistic(m: z.infer<typeof logisticSchema>): LogisticModel {
  return { weights: m.weights, bias: m.bias, means: m.means, scales: m.scales };
}

/** Calibrated confidence for an estimate `p` given the decision cuts (see `confidenceSchema`). */
export function confidenceFor(p: number, cuts: readonly number[], calibration: { a: number; b: number }): number {
  const margin = Math.min(...cuts.map((c) => Math.abs(p - c)));
  return 1 / (1 + Math.exp(-(calibration.a + calibration.b * margin)));
}

/**
 * A short-answer item's credit from the model's estimate p (the chance an examiner marks the answer
 * correct, or its expected score): linear between `REFERENCE_CREDIT_RANGE` and clamped, so that an
 * answer the model thinks wrong earns nothing rather than the base rate, and a clear one full marks.
 */
export const REFERENCE_CREDIT_RANGE = { low: 0.15, high: 0.9 } as const;
export function referenceCredit(p: number): number {
  const { low, high } = REFERENCE_CREDIT_RANGE;
  return Math.min(1, Math.max(0, (p - low) / (high - low)));
}

/**
 * A short-answer item's credit from the model's estimate `p` against the best reference and that
 * reference's signals. For a reference of several ideas the share of its ideas the answer makes
 * (`ideaShare`, each idea in its own words) is a second reading: the credit is what neither reading
 * misses, 1 − (1 − model)(1 − ideas) (the model, fitted mostly on one-idea references, under-reads
 * a long answer that makes its ideas in other words; the idea reading misses an idea whose words
 * differ), and an answer that makes none of the ideas earns at most a quarter (naming a word of each is not
 * making them).
 */
export const NO_IDEA_MAX_CREDIT = 0.25;
export function referenceItemCredit(p: number, values: readonly number[]): number {
  const credit = referenceCredit(p);
  if ((values[IDEA_COUNT] ?? 1) < 2) return credit;
  const ideas = values[IDEA_SHARE] ?? 0;
  // Either reading may miss an idea put in other words: the answer gets what the more generous
  // reading finds missing in neither (1 − both misses).
  return ideas > 0 ? 1 - (1 - credit) * (1 - ideas) : Math.min(credit, NO_IDEA_MAX_CREDIT);
}
export const IDEA_COUNT = REFERENCE_FEATURES.indexOf("ideaCount");
const IDEA_SHARE = REFERENCE_FEATURES.indexOf("ideaShare");

export { predictLogistic };
