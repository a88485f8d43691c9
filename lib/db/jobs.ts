import type { Prisma } from "./generated/client";
import { getDb } from "./client";

export type JobStatusValue = "queued" | "running" | "succeeded" | "failed";

export interface GenerationJobRecord {
  id: string;
  ownerId: string;
  studySetId: string | null;
  status: JobStatusValue;
  input: unknown;
  progress: number;
  total: number;
  stage: string | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  leaseUntil: Date | null;
  runCount: number;
  finishedAt: Date | null;
}

/**
 * A worker's hold on a job. `runCount` is the fencing token: every write a worker makes is
 * conditional on it, so a worker whose lease was taken over cannot overwrite the new run.
 */
export interface JobClaim {
  job: GenerationJobRecord;
  runCount: number;
}

/** Jobs a worker may take at `now`: queued, or running with a lapsed lease (its worker died). */
function claimableWhere(now: Date): Prisma.GenerationJobWhereInput {
  return { OR: [{ status: "queued" }, { status: "running", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] }] };
}

/** Records a new queued job. */
export async function createGenerationJob(tx: Prisma.TransactionClient, input: { ownerId: string; studySetId: string; input: Prisma.InputJsonValue; total: number }): Promise<{ id: string }> {
  return tx.generationJob.create({
    data: { ownerId: input.ownerId, studySetId: input.studySetId, input: input.input, total: input.total, stage: "Waiting to start" },
    select: { id: true },
  });
}

/**
 * Claims one job atomically: a single conditional UPDATE moves it from queued (or from running with a
 * lapsed lease) to running with a lease until `now + leaseMs`. Of two workers racing for the same
 * job exactly one gets it; the other gets null.
 */
export async function claimGenerationJob(jobId: string, now: Date, leaseMs: number): Promise<JobClaim | null> {
  const db = await getDb();
  const claimed = await db.generationJob.updateMany({
    where: { id: jobId, ...claimableWhere(now) },
    data: { status: "running", leaseUntil: new Date(now.getTime() + leaseMs), runCount: { increment: 1 }, error: null },
  });
  if (claimed.count === 0) return null;
  const job = await db.generationJob.findUniqueOrThrow({ where: { id: jobId } });
  if (!job.startedAt) await db.generationJob.updateMany({ where: { id: jobId, runCount: job.runCount }, data: { startedAt: now } });
  return { job: { ...job, startedAt: job.startedAt ?? now }, runCount: job.runCount };
}

/** True when no worker holds the job at `now`: queued, or running on a lapsed lease (the same rule as the claim). */
export function isWaitingForWorker(job: Pick<GenerationJobRecord, "status" | "leaseUntil">, now: Date): boolean {
  return job.status === "queued" || (job.status === "running" && (!job.leaseUntil || job.leaseUntil < now));
}

/** Ids of jobs waiting for a worker at `now`, oldest first. */
export async function listClaimableJobIds(now: Date, limit: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db.generationJob.findMany({ where: claimableWhere(now), orderBy: { createdAt: "asc" }, take: limit, select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * Records progress and renews the lease. False when the claim has been lost (the lease lapsed and
 * another worker took the job): the caller must stop.
 */
export async function recordJobProgress(claim: JobClaim, update: { stage: string; progress: number; total?: number }, now: Date, leaseMs: number): Promise<boolean> {
  const db = await getDb();
  const result = await db.generationJob.updateMany({
    where: { id: claim.job.id, status: "running", runCount: claim.runCount },
    data: { stage: update.stage, progress: update.progress, ...(update.total !== undefined ? { total: update.total } : {}), leaseUntil: new Date(now.getTime() + leaseMs) },
  });
  return result.count === 1;
}

/** Marks a claimed job succeeded inside the transaction that writes its results; false if the claim was lost. */
export async function completeGenerationJob(tx: Prisma.TransactionClient, claim: JobClaim, now: Date, stage: string): Promise<boolean> {
  const result = await tx.generationJob.updateMany({
    where: { id: claim.job.id, status: "running", runCount: claim.runCount },
    data: { status: "succeeded", stage, progress: claim.job.total, leaseUntil: null, finishedAt: now, error: null },
  });
  return result.count === 1;
}

/** Marks a job failed with a message for its owner. `runCount` fences out a worker that lost its claim. */
export async function failGenerationJob(jobId: string, message: string, now: Date, runCount?: number): Promise<boolean> {
  const db = await getDb();
  const result = await db.generationJob.updateMany({
    where: { id: jobId, status: { in: ["queued", "running"] }, ...(runCount !== undefined ? { runCount } : {}) },
    data: { status: "failed", error: message, leaseUntil: null, finishedAt: now },
  });
  return result.count === 1;
}

/** A job by id, or null. */
export async function getGenerationJob(jobId: string): Promise<GenerationJobRecord | null> {
  const db = await getDb();
  return db.generationJob.findUnique({ where: { id: jobId } });
}

/** The newest job of a study set, or null when it has none. */
export async function getLatestJobOfSet(studySetId: string): Promise<GenerationJobRecord | null> {
  const db = await getDb();
  return db.generationJob.findFirst({ where: { studySetId }, orderBy: { createdAt: "desc" } });
}

/** Queues a fresh job with the same request as a failed one (its drafts were never written); null unless it failed. */
export async function requeueFailedJob(jobId: string): Promise<{ id: string } | null> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const failed = await tx.generationJob.findFirst({ where: { id: jobId, status: "failed" } });
    if (!failed?.studySetId) return null;
    return createGenerationJob(tx, { ownerId: failed.ownerId, studySetId: failed.studySetId, input: failed.input as Prisma.InputJsonValue, total: failed.total });
  });
}
