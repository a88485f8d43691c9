import { z } from "zod";
import { applyOverrides, type PointOverride } from "@/lib/grading/moderation";
import type { AnswerEvidence, MaterialEvidence, PointResult, WrittenGradeResult } from "@/lib/grading/types";

/**
 * A graded written answer as stored (Response + PointScore rows) and as shown: the automatic
 * per-point marks with the teacher's moderations applied by the grading engine's own rule
 * (`applyOverrides`: the newest moderation of a point wins; the automatic mark is kept beside it).
 */

const answerEvidenceSchema = z.object({ start: z.number().int(), end: z.number().int(), quote: z.string() });
const materialEvidenceSchema = z.object({ materialId: z.string(), start: z.number().int(), end: z.number().int(), quote: z.string() });
const missedSchema = z.object({ modelAnswer: z.string().optional(), source: materialEvidenceSchema.optional() });

/** `Response.gradeDetails`: what the grader said beyond per-point marks. Missed-point pointers are keyed by rubric key. */
export const gradeDetailsSchema = z.object({
  grader: z.enum(["heuristic", "llm"]).catch("heuristic"),
  wordCount: z.number().int().nonnegative().catch(0),
  wordLimit: z.number().int().positive().nullable().catch(null),
  factIssues: z
    .array(z.object({ answer: answerEvidenceSchema, source: materialEvidenceSchema.optional(), reason: z.string(), isBlatant: z.boolean().optional() }))
    .catch([]),
  missed: z.record(z.string(), missedSchema).catch({}),
  confidence: z.record(z.string(), z.number()).catch({}),
  /** Sentences asserting the opposite of a point, keyed to the point's rubric key. */
  contradictions: z
    .array(z.object({ rubricId: z.string(), kind: z.enum(["polarity", "roles"]), answer: answerEvidenceSchema }))
    .catch([])
    .default([]),
  /** The total's confidence (0–1) and whether a teacher should check the grade, with why. */
  totalConfidence: z.number().min(0).max(1).nullable().catch(null).default(null),
  isProvisional: z.boolean().catch(false).default(false),
  provisionalReasons: z.array(z.string()).catch([]).default([]),
});
export type GradeDetails = z.infer<typeof gradeDetailsSchema>;

/** The parts of a grade stored in `Response.gradeDetails`. */
export function toGradeDetails(result: WrittenGradeResult): GradeDetails {
  const missed: GradeDetails["missed"] = {};
  const confidence: GradeDetails["confidence"] = {};
  for (const p of result.points) {
    if (p.missed) missed[p.rubricId] = p.missed;
    if (p.confidence !== undefined) confidence[p.rubricId] = p.confidence;
  }
  return {
    grader: result.grader,
    wordCount: result.wordCount,
    wordLimit: result.wordLimit ?? null,
    factIssues: result.factIssues.map((f) => ({ answer: f.answer, reason: f.reason, isBlatant: f.isBlatant, ...(f.source ? { source: f.source } : {}) })),
    missed,
    confidence,
    contradictions: (result.contradictions ?? []).map((c) => ({ rubricId: c.rubricId, kind: c.kind, answer: c.answer })),
    totalConfidence: result.confidence ?? null,
    isProvisional: result.isProvisional ?? false,
    provisionalReasons: result.provisionalReasons ?? [],
  };
}

/** Stored details, tolerant of older or partial shapes (a field that does not parse falls back to empty). */
export function parseGradeDetails(json: unknown): GradeDetails {
  const parsed = gradeDetailsSchema.safeParse(json ?? {});
  return parsed.success
    ? parsed.data
    : { grader: "heuristic", wordCount: 0, wordLimit: null, factIssues: [], missed: {}, confidence: {}, contradictions: [], totalConfidence: null, isProvisional: false, provisionalReasons: [] };
}

/** Answer evidence stored on a PointScore, keeping only well-formed spans. */
export function parseAnswerEvidence(json: unknown): AnswerEvidence[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((e) => {
    const parsed = answerEvidenceSchema.safeParse(e);
    return parsed.success && parsed.data.end > parsed.data.start ? [parsed.data] : [];
  });
}

export interface StoredRubricPoint {
  id: string;
  key: string;
  point: string;
  marks: number;
  kind: "content" | "structure";
  position: number;
}

export interface StoredPointScore {
  rubricPointId: string;
  source: "auto" | "moderated";
  awarded: number;
  max: number;
  evidence: unknown;
  feedback: string;
  reason: string | null;
  moderatedById: string | null;
  createdAt: Date;
}

export interface ScoredPoint {
  rubricPointId: string;
  key: string;
  /** 1-based number shown beside the point and on the answer sentences that earned it. */
  number: number;
  point: string;
  kind: "content" | "structure";
  max: number;
  /** The mark the student has: the newest moderation, else the automatic mark. */
  awarded: number;
  autoAwarded: number;
  /**
   * The answer sentences that earned the mark the student has: none when a moderation took the
   * point to 0 (so no badge, highlight or "earned by" line contradicts the moderated mark).
   */
  evidence: AnswerEvidence[];
  /** What the automatic grader cited, kept for the teacher's record whatever the moderation. */
  autoEvidence: AnswerEvidence[];
  feedback: string;
  missed?: { modelAnswer?: string; source?: MaterialEvidence };
  moderation?: { awarded: number; reason: string; moderatedById: string; at: Date };
}

export interface ScoredAnswer {
  score: number;
  autoScore: number;
  maxScore: number;
  isModerated: boolean;
  points: ScoredPoint[];
  factIssues: GradeDetails["factIssues"];
}

/**
 * Combines a response's rubric, score rows and details into what the result screen shows. Points
 * follow the rubric's order; a rubric point with no automatic row (added after grading) is left out;
 * a moderation outside [0, max] of its point (a rubric edited since) is ignored rather than trusted.
 */
export function scoreAnswer(rubric: readonly StoredRubricPoint[], rows: readonly StoredPointScore[], details: GradeDetails): ScoredAnswer {
  const ordered = [...rubric].sort((a, b) => a.position - b.position);
  const autoByPoint = new Map<string, StoredPointScore>();
  for (const r of rows) if (r.source === "auto" && !autoByPoint.has(r.rubricPointId)) autoByPoint.set(r.rubricPointId, r);
  const graded = ordered.filter((rp) => autoByPoint.has(rp.id));
  const points: PointResult[] = graded.map((rp) => {
    const auto = autoByPoint.get(rp.id)!;
    const missed = details.missed[rp.key];
    return {
      rubricId: rp.id,
      kind: rp.kind,
      awarded: auto.awarded,
      max: auto.max,
      evidence: parseAnswerEvidence(auto.evidence),
      feedback: auto.feedback,
      ...(missed && (missed.modelAnswer || missed.source) ? { missed } : {}),
    };
  });
  const maxOf = new Map(points.map((p) => [p.rubricId, p.max]));
  const overrides: PointOverride[] = rows
    .filter((r) => r.source === "moderated" && maxOf.has(r.rubricPointId))
    .filter((r) => r.awarded >= 0 && r.awarded <= (maxOf.get(r.rubricPointId) ?? 0) && Number.isInteger(r.awarded * 4) && !!r.reason?.trim())
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => ({ rubricId: r.rubricPointId, awarded: r.awarded, reason: r.reason ?? "", by: r.moderatedById ?? "", at: r.createdAt }));
  const autoScore = points.reduce((s, p) => s + p.awarded, 0);
  const base: WrittenGradeResult = {
    questionId: "",
    score: autoScore,
    maxScore: points.reduce((s, p) => s + p.max, 0),
    points,
    flags: [],
    wordCount: details.wordCount,
    factIssues: [],
    grader: details.grader,
  };
  const moderated = applyOverrides(base, overrides);
  const byId = new Map(graded.map((rp, i) => [rp.id, { rp, number: i + 1 }]));
  return {
    score: moderated.score,
    autoScore,
    maxScore: moderated.maxScore,
    isModerated: moderated.isModerated,
    factIssues: details.factIssues,
    points: moderated.points.map((p) => {
      const { rp, number } = byId.get(p.rubricId)!;
      return {
        rubricPointId: rp.id,
        key: rp.key,
        number,
        point: rp.point,
        kind: rp.kind,
        max: p.max,
        awarded: p.awarded,
        autoAwarded: p.autoAwarded,
        evidence: p.awarded > 0 ? p.evidence : [],
        autoEvidence: p.evidence,
        feedback: p.feedback,
        ...(p.missed ? { missed: p.missed } : {}),
        ...(p.override ? { moderation: { awarded: p.override.awarded, reason: p.override.reason, moderatedById: p.override.by, at: p.override.at } } : {}),
      };
    }),
  };
}

/** How many results with a changed mark the student's home lists. */
export const CHANGED_MARKS_SHOWN = 10;

/**
 * The changed marks a student's home shows, newest first: those on work whose results are released (news of a mark
 * changed on withheld work is not the student's to see), then the newest `limit` of them — in that order, so that
 * withheld ones never crowd a released one out.
 */
export function changedMarksToShow<T extends { attemptId: string; changedAt: Date }>(changed: readonly T[], withheld: ReadonlySet<string> | ReadonlyMap<string, unknown>, limit = CHANGED_MARKS_SHOWN): T[] {
  return changed
    .filter((c) => !withheld.has(c.attemptId))
    .sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime())
    .slice(0, limit);
}
