import "server-only";
import { z } from "zod";
import { AppError, isAppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { DRAFT_WRITE_CHUNK, listMaterialsByIds, LostClaimError, saveGeneratedDrafts } from "../db/authoring";
import type { DraftBatch } from "../generate/thread-tasks";
import {
  claimGenerationJob,
  claimNextGenerationJob,
  failGenerationJob,
  getGenerationJob,
  getLatestJobOfSet,
  getQueuePosition,
  isWaitingForWorker,
  recordJobProgress,
  requeueFailedJob,
  type JobClaim,
  type JobStatusValue,
} from "../db/jobs";
import { getStudySetFacts } from "../db/study-sets";
import { plural } from "../format";
import { assertCan } from "./authorize";
import { draftStudySetInThread } from "./engine-pool";

/** How long a claim holds without a heartbeat; a worker that dies is replaced after this. */
export const JOB_LEASE_MS = 2 * 60_000;
/** Runs after which a job that keeps dying (a crash mid-run) is failed rather than retried. */
export const MAX_JOB_RUNS = 3;

/** What a generation job was asked to do (GenerationJob.input). */
export const generationJobInputSchema = z.object({
  materialIds: z.array(z.string().min(1)).min(1),
  questions: z.array(z.string().min(1)).default([]),
  marks: z.number().positive().nullable().default(null),
});

export type JobOutcome = "succeeded" | "failed" | "not-claimed" | "lost";

const UNEXPECTED = "Processing stopped on an unexpected error. Nothing was lost: start again from the material, or split it into smaller parts.";

type Clock = () => Date;
const systemClock: Clock = () => new Date();

/**
 * Claims a generation job and runs it to the end (see runClaimedGenerationJob). Returns
 * "not-claimed" when another worker holds the job, it has finished, or its author already has a
 * job running (one at a time per author: this one waits in line).
 */
export async function runGenerationJob(jobId: string, clock: Clock = systemClock): Promise<JobOutcome> {
  const claim = await claimGenerationJob(jobId, clock(), JOB_LEASE_MS);
  return claim ? runClaimedGenerationJob(claim, clock) : "not-claimed";
}

/**
 * Runs a claimed job: reads its materials, generates the set in the engine's worker thread (the
 * lease renewed meanwhile), then writes every item as a draft in short fenced transactions and marks
 * the job succeeded. Expected failures (unreadable material, nothing to learn) end the job failed
 * with a message for its owner; anything else is logged and failed with a generic one.
 */
export async function runClaimedGenerationJob(claim: JobClaim, clock: Clock = systemClock): Promise<JobOutcome> {
  const jobId = claim.job.id;
  if (claim.runCount > MAX_JOB_RUNS) {
    await failGenerationJob(jobId, `Processing was interrupted ${MAX_JOB_RUNS} times, so it was stopped. Try smaller material.`, clock(), claim.runCount);
    return "failed";
  }
  try {
    return await processClaimedJob(claim, clock);
  } catch (e) {
    if (e instanceof LostClaimError) return "lost";
    if (!isAppError(e)) console.error(`[crux] generation job ${jobId} failed`, e);
    await failGenerationJob(jobId, isAppError(e) ? e.message : UNEXPECTED, clock(), claim.runCount);
    return "failed";
  }
}

/** Runs `work` while renewing the claim's lease every quarter lease; LostClaimError if the claim is lost meanwhile. */
async function keepingLease<T>(claim: JobClaim, progress: { stage: string; progress: number; total: number }, clock: Clock, work: () => Promise<T>): Promise<T> {
  let isLost = false;
  const timer = setInterval(() => {
    recordJobProgress(claim, progress, clock(), JOB_LEASE_MS).then(
      (held) => (isLost ||= !held),
      (e: unknown) => console.error(`[crux] renewing the lease of job ${claim.job.id} failed`, e),
    );
  }, JOB_LEASE_MS / 4);
  timer.unref();
  try {
    const result = await work();
    if (isLost) throw new LostClaimError();
    return result;
  } finally {
    clearInterval(timer);
  }
}

async function processClaimedJob(claim: JobClaim, clock: Clock): Promise<JobOutcome> {
  const parsed = generationJobInputSchema.safeParse(claim.job.input);
  if (!parsed.success) throw new AppError("INVALID", "This job's request could not be read. Create the study set again.");
  const studySetId = claim.job.studySetId;
  if (!studySetId) throw new AppError("NOT_FOUND", "The study set was deleted before it could be filled.");
  const { questions, marks } = parsed.data;
  const stored = await listMaterialsByIds(parsed.data.materialIds);
  if (stored.length !== parsed.data.materialIds.length) throw new AppError("NOT_FOUND", "Some of the material was deleted before it could be processed.");

  const total = stored.length + 2;
  const step = async (stage: string, progress: number) => {
    if (!(await recordJobProgress(claim, { stage, progress, total }, clock(), JOB_LEASE_MS))) throw new LostClaimError();
    return { stage, progress, total };
  };

  const reading = await step(
    `Reading ${plural(stored.length, "material")} and writing cards, questions${questions.length ? ` and ${plural(questions.length, "model answer")}` : ""}`,
    1,
  );
  const drafted = await keepingLease(claim, reading, clock, () => draftStudySetInThread({ materials: stored, questions, marks, batchSize: DRAFT_WRITE_CHUNK }));
  if (drafted.cardCount === 0 && drafted.questionCount === 0) {
    throw new AppError("INVALID", "No cards or questions could be drawn from this material. An item is made only from a sentence that states a fact and reads on its own: not one that leans on an earlier sentence (\"They were added…\", \"The same amendment…\"), gives an opinion or a date such as \"last week\". Fuller material gives more such sentences.");
  }

  await step("Saving drafts", stored.length + 1);
  const done = `Done: ${plural(drafted.cardCount, "card")}, ${plural(drafted.questionCount, "question")} to review`;
  await saveGeneratedDrafts({
    claim: { ...claim, job: { ...claim.job, total } },
    studySetId,
    // Parsed one at a time as each is written: the whole set at once would hold this thread.
    batches: drafted.batches.map((json) => () => JSON.parse(json) as DraftBatch),
    materialIds: new Map(drafted.materialIds),
    now: clock(),
    leaseUntil: new Date(clock().getTime() + JOB_LEASE_MS),
    stage: done,
  });
  return "succeeded";
}

/**
 * Runs the jobs waiting at this moment — queued ones, and running ones whose worker's lease lapsed
 * (a restarted or crashed process) — one after another, oldest first, at most `limit`.
 */
export async function resumeGenerationJobs(clock: Clock = systemClock, limit = 3): Promise<Record<string, JobOutcome>> {
  const outcomes: Record<string, JobOutcome> = {};
  for (let i = 0; i < limit; i++) {
    const claim = await claimNextGenerationJob(clock(), JOB_LEASE_MS);
    if (!claim) break;
    outcomes[claim.job.id] = await runClaimedGenerationJob(claim, clock);
  }
  return outcomes;
}

export interface JobStatusView {
  id: string;
  studySetId: string | null;
  status: JobStatusValue;
  progress: number;
  total: number;
  stage: string | null;
  error: string | null;
  /** True when no worker holds the job (queued, or its lease lapsed). */
  isWaitingForWorker: boolean;
  /** Its place in line while queued (1 = next), else null. */
  queuePosition: number | null;
}

/** A job's progress for its owner (or the owner of its set). */
export async function getJobStatusFor(actor: Actor, jobId: string, now: Date): Promise<JobStatusView> {
  const job = await getGenerationJob(jobId);
  if (!job) throw new AppError("NOT_FOUND", "That job does not exist.");
  const facts = job.studySetId ? await getStudySetFacts(job.studySetId, actor.id) : null;
  assertCan(actor, { action: "studySet.edit", set: facts ?? { ownerId: job.ownerId, status: "draft", isPublic: false, isAssignedToActor: false } });
  return {
    id: job.id,
    studySetId: job.studySetId,
    status: job.status,
    progress: job.progress,
    total: job.total,
    stage: job.stage,
    error: job.error,
    isWaitingForWorker: isWaitingForWorker(job, now),
    queuePosition: await getQueuePosition(job, now),
  };
}

/** Queues the set's failed generation job again (the caller runs it); CONFLICT unless the latest job failed. */
export async function retryGenerationJobFor(actor: Actor, setId: string): Promise<{ jobId: string }> {
  const facts = await getStudySetFacts(setId, actor.id);
  if (!facts) throw new AppError("NOT_FOUND", "That study set does not exist.");
  assertCan(actor, { action: "studySet.edit", set: facts });
  const latest = await getLatestJobOfSet(setId);
  const queued = latest?.status === "failed" ? await requeueFailedJob(latest.id) : null;
  if (!queued) throw new AppError("CONFLICT", "Only a failed job can be tried again.");
  return { jobId: queued.id };
}
