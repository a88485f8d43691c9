import { after } from "next/server";
import { getJobStatusFor, resumeGenerationJobs } from "@/lib/server/jobs";
import { requireActor } from "@/lib/server/session";
import { respondJson } from "../../_lib/respond";

/**
 * A generation job's progress, for the page that watches it. A poll that finds the job without a
 * worker (still queued, or its worker's lease lapsed after a restart) starts one after responding.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  return respondJson("job status", async () => {
    const [{ jobId }, actor] = await Promise.all([params, requireActor()]);
    const job = await getJobStatusFor(actor, jobId, new Date());
    if (job.isWaitingForWorker) after(() => resumeGenerationJobs());
    return { job };
  });
}
