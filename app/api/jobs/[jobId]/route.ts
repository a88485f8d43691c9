import { getJobStatusFor } from "@/lib/server/jobs";
import { wakeGenerationDispatcher } from "@/lib/server/generation-dispatcher";
import { requireActor } from "@/lib/server/session";
import { respondJson } from "../../_lib/respond";

/**
 * A generation job's progress and place in line, for the page that watches it. A poll that finds the
 * job without a worker nudges this process's dispatcher (which claims jobs from the database) and
 * returns at once: no work runs on the request's path.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  return respondJson("job status", async () => {
    const [{ jobId }, actor] = await Promise.all([params, requireActor()]);
    const job = await getJobStatusFor(actor, jobId, new Date());
    if (job.isWaitingForWorker) wakeGenerationDispatcher();
    return { job };
  });
}
