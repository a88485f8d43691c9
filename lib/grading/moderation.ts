import { AppError } from "@/lib/errors";
import type { PointResult, WrittenGradeResult } from "./types";

/**
 * Teacher moderation: a teacher may override any point's mark with a reason. The automatic mark
 * stays on the point (`autoAwarded`) as the audit trail; `awarded` and the total become the
 * moderated values the student sees. Who and when are passed in (pure code takes no clock).
 */
export interface PointOverride {
  rubricId: string;
  awarded: number;
  reason: string;
  by: string;
  at: Date;
}

export interface ModeratedPoint extends PointResult {
  autoAwarded: number;
  override?: { awarded: number; reason: string; by: string; at: Date };
}

export interface ModeratedResult extends Omit<WrittenGradeResult, "points"> {
  points: ModeratedPoint[];
  autoScore: number;
  isModerated: boolean;
}

/**
 * Applies overrides to a grade. Marks must lie in [0, max] in steps of 0.25; the reason must be
 * non-empty; unknown rubric ids are rejected (AppError INVALID). A later override of the same
 * point replaces an earlier one.
 */
export function applyOverrides(result: WrittenGradeResult, overrides: readonly PointOverride[]): ModeratedResult {
  const byId = new Map<string, PointOverride>();
  for (const o of overrides) {
    const point = result.points.find((p) => p.rubricId === o.rubricId);
    if (!point) throw new AppError("INVALID", `No rubric point ${o.rubricId} in this answer's grade.`);
    if (!Number.isFinite(o.awarded) || o.awarded < 0 || o.awarded > point.max || Math.round(o.awarded * 4) !== o.awarded * 4) {
      throw new AppError("INVALID", `The mark for ${o.rubricId} must be between 0 and ${point.max} in steps of 0.25.`);
    }
    if (!o.reason.trim()) throw new AppError("INVALID", "An override needs a reason.");
    const prev = byId.get(o.rubricId);
    if (!prev || prev.at.getTime() <= o.at.getTime()) byId.set(o.rubricId, o);
  }
  const points: ModeratedPoint[] = result.points.map((p) => {
    const o = byId.get(p.rubricId);
    return o
      ? { ...p, autoAwarded: p.awarded, awarded: o.awarded, override: { awarded: o.awarded, reason: o.reason.trim(), by: o.by, at: o.at } }
      : { ...p, autoAwarded: p.awarded };
  });
  const score = points.reduce((s, p) => s + p.awarded, 0);
  return { ...result, points, score, autoScore: result.score, isModerated: byId.size > 0 };
}
