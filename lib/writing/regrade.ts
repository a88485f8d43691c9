/**
 * Regrade requests on a written result: a student asks a teacher to look again at one rubric
 * point's mark, with a short reason; the teacher accepts (the mark is moderated, the reply is the
 * reason) or declines with a reply. At most one request per point is open at a time; once it is
 * answered the student may ask again. Pure: the database layer hands in plain records.
 */

/** Longest reason a student may give for a regrade request, and a teacher's reply to it (characters); here, free of zod, so the client forms can show them without bundling it. */
export const REGRADE_REASON_MAX = 500;
export const REGRADE_REPLY_MAX = 1000;

export interface RegradeRecord {
  id: string;
  rubricPointId: string;
  reason: string;
  status: "open" | "answered";
  /** Set once answered: true accepted, false declined. */
  isAccepted: boolean | null;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

/** The newest request on each rubric point (by creation time; the later id breaks a tie). */
export function latestRegradeByPoint(records: readonly RegradeRecord[]): Map<string, RegradeRecord> {
  const out = new Map<string, RegradeRecord>();
  for (const r of records) {
    const seen = out.get(r.rubricPointId);
    if (!seen || r.createdAt.getTime() > seen.createdAt.getTime() || (r.createdAt.getTime() === seen.createdAt.getTime() && r.id > seen.id)) {
      out.set(r.rubricPointId, r);
    }
  }
  return out;
}

/** True when the result's owner may ask for a regrade of a point whose newest request is `latest`: never while one is open. */
export function canAskRegrade(viewer: { isOwn: boolean }, latest: RegradeRecord | undefined): boolean {
  return viewer.isOwn && latest?.status !== "open";
}

export type RegradeState = "open" | "accepted" | "declined";

/** Where a request stands, as the student and the teacher read it. */
export function regradeState(record: Pick<RegradeRecord, "status" | "isAccepted">): RegradeState {
  if (record.status === "open") return "open";
  return record.isAccepted ? "accepted" : "declined";
}

export const regradeStateLabel: Record<RegradeState, string> = {
  open: "Regrade requested — waiting for the teacher",
  accepted: "Regrade accepted — the mark was changed",
  declined: "Regrade declined — the mark stands",
};
