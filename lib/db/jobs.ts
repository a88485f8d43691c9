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
 * Claims a job atomically and returns it, or null: the oldest claimable job (or `jobId`, when given)
 * whose author has no other job running on a live lease — one running job per author, the rest wait
 * in line. In one transaction: the candidate row is locked `FOR UPDATE SKIP LOCKED` (workers on
 * other connections skip it rather than wait), the author is serialised with a transaction-scoped
 * advisory lock and the one-running-job rule checked again under it, then a conditional UPDATE moves
 * the job to running with a lease until `now + leaseMs` and bumps `runCount`, the fencing token.
 * Of two workers racing for the same job exactly one gets it.
 */
export async function claimGenerationJob(jobId: string | null, now: Date, leaseMs: number): Promise<JobClaim | null> {
  const db = await getDb();
  const at = now.toISOString();
  const claimed = await db.$transaction(async (tx) => {
    const candidates = await tx.$queryRaw<Array<{ id: string; ownerId: string }>>`
      SELECT j."id", j."ownerId" FROM "GenerationJob" j
      WHERE (j."status" = 'queued' OR (j."status" = 'running' AND (j."leaseUntil" IS NULL OR j."leaseUntil" < (${at}::timestamptz AT TIME ZONE 'UTC'))))
        AND (${jobId}::text IS NULL OR j."id" = ${jobId}::text)
        AND NOT EXISTS (
          SELECT 1 FROM "GenerationJob" r
          WHERE r."ownerId" = j."ownerId" AND r."id" <> j."id" AND r."status" = 'running' AND r."leaseUntil" >= (${at}::timestamptz AT TIME ZONE 'UTC'))
      ORDER BY j."createdAt", j."id"
      LIMIT 1
      FOR UPDATE OF j SKIP LOCKED`;
    const candidate = candidates[0];
    if (!candidate) return null;
    await tx.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(hashtext(${candidate.ownerId}))`;
    const busy = await tx.generationJob.count({
      where: { ownerId: candidate.ownerId, id: { not: candidate.id }, status: "running", leaseUntil: { gte: now } },
    });
    if (busy > 0) return null;
    const updated = await tx.generationJob.updateMany({
      where: { id: candidate.id, ...claimableWhere(now) },
      data: { status: "running", leaseUntil: new Date(now.getTime() + leaseMs), runCount: { increment: 1 }, error: null },
    });
    if (updated.count === 0) return null;
    const job = await tx.generationJob.findUniqueOrThrow({ where: { id: candidate.id } });
    if (job.startedAt) return job;
    return tx.generationJob.update({ where: { id: candidate.id }, data: { startedAt: now } });
  });
  return claimed ? { job: claimed, runCount: claimed.runCount } : null;
}

/** Claims the oldest job any worker may take at `now` (see claimGenerationJob), or null when none waits. */
export function claimNextGenerationJob(now: Date, leaseMs: number): Promise<JobClaim | null> {
  return claimGenerationJob(null, now, leaseMs);
}

/**
 * Where a queued job stands in line at `now`: 1 + the queued jobs created before it (of anyone, as
 * workers are shared), plus 1 when its author already has a job running. Null unless it is queued.
 */
export async function getQueuePosition(job: Pick<GenerationJobRecord, "id" | "ownerId" | "status" | "createdAt">, now: Date): Promise<number | null> {
  if (job.status !== "queued") return null;
  const db = await getDb();
  const [ahead, ownRunning] = await Promise.all([
    db.generationJob.count({ where: { status: "queued", OR: [{ createdAt: { lt: job.createdAt } }, { createdAt: job.createdAt, id: { lt: job.id } }] } }),
    db.generationJob.count({ where: { ownerId: job.ownerId, status: "running", leaseUntil: { gte: now } } }),
  ]);
  return 1 + ahead + (ownRunning > 0 ? 1 : 0);
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
