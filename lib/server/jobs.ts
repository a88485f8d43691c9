import "server-only";
import { z } from "zod";
import { AppError, isAppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { generateStudySet } from "../generate";
import type { ProcessedMaterial } from "../material/schemas";
import { listMaterialsByIds, LostClaimError, saveGeneratedDrafts } from "../db/authoring";
import {
  claimGenerationJob,
  failGenerationJob,
  getGenerationJob,
  getLatestJobOfSet,
  isWaitingForWorker,
  listClaimableJobIds,
  recordJobProgress,
  requeueFailedJob,
  type JobClaim,
  type JobStatusValue,
} from "../db/jobs";
import { getStudySetFacts } from "../db/study-sets";
import { plural } from "../format";
import { assertCan } from "./authorize";
import { reingestStoredMaterial } from "./authoring";

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
 * Claims a generation job and runs it to the end: reads each material (recording stage and progress,
 * renewing the lease), runs the engine, then writes every item as a draft with its evidence and marks
 * the job succeeded in one transaction. Expected failures (unreadable material, nothing to learn) end
 * the job failed with a message for its owner; anything else is logged and failed with a generic one.
 * Returns "not-claimed" when another worker holds the job or it has finished.
 */
export async function runGenerationJob(jobId: string, clock: Clock = systemClock): Promise<JobOutcome> {
  const claim = await claimGenerationJob(jobId, clock(), JOB_LEASE_MS);
  if (!claim) return "not-claimed";
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
  };

  const processed: ProcessedMaterial[] = [];
  const materialIds = new Map<string, string>();
  for (const [i, m] of stored.entries()) {
    await step(`Reading “${m.title}” (${i + 1} of ${stored.length})`, i);
    const material = reingestStoredMaterial(m);
    processed.push(material);
    materialIds.set(material.material.id, m.id);
  }

  await step(questions.length ? `Writing cards, questions and ${plural(questions.length, "model answer")}` : "Writing cards and questions", stored.length);
  const set = generateStudySet(processed, { questions, ...(marks ? { marks } : {}) });
  if (set.cards.length === 0 && set.questions.length === 0) {
    throw new AppError("INVALID", "No cards or questions could be drawn from this material: it needs sentences that state facts — names, figures, dates.");
  }

  await step("Saving drafts", stored.length + 1);
  const done = `Done: ${plural(set.cards.length, "card")}, ${plural(set.questions.length, "question")} to review`;
  await saveGeneratedDrafts({
    claim: { ...claim, job: { ...claim.job, total } },
    studySetId,
    set,
    materialIds,
    storedTexts: new Map(stored.map((m) => [m.id, m.text])),
    now: clock(),
    stage: done,
  });
  return "succeeded";
}

/**
 * Runs the jobs waiting at this moment — queued ones, and running ones whose worker's lease lapsed
 * (a restarted or crashed process) — one after another, oldest first.
 */
export async function resumeGenerationJobs(clock: Clock = systemClock, limit = 3): Promise<Record<string, JobOutcome>> {
  const outcomes: Record<string, JobOutcome> = {};
  for (const id of await listClaimableJobIds(clock(), limit)) outcomes[id] = await runGenerationJob(id, clock);
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
  /** True when no worker holds the job (queued, or its lease lapsed): polling should start one. */
  isWaitingForWorker: boolean;
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
