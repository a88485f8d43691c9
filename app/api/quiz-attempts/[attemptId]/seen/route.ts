import { requireActor } from "@/lib/server/session";
import { markQuestionSeenFor } from "@/lib/server/quiz";
import { respondJson } from "../../../_lib/respond";

/** Records that the learner opened a question (`{questionId}`, its first sight kept once) and its running total on screen (`totalMs`), for time per question on the result. */
export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }): Promise<Response> {
  return respondJson("mark quiz question seen", async () => {
    const [{ attemptId }, actor] = await Promise.all([params, requireActor()]);
    const body: unknown = await request.json().catch(() => null);
    await markQuestionSeenFor(actor, attemptId, body, new Date());
    return {};
  });
}
