import { AppError } from "@/lib/errors";
import { requireActor } from "@/lib/server/session";
import { getReviewQueue, reviewCard } from "@/lib/server/study";
import { respondJson } from "../_lib/respond";

/** The learner's due queue (all their sets, or `?set=<id>`): due reviews first, then today's new cards. */
export async function GET(request: Request): Promise<Response> {
  return respondJson("load review queue", async () => {
    const actor = await requireActor();
    const setId = new URL(request.url).searchParams.get("set") ?? undefined;
    if (setId !== undefined && !/^[\w-]{1,64}$/.test(setId)) throw new AppError("INVALID", "That is not a study set id.");
    return getReviewQueue(actor, { studySetId: setId }, new Date());
  });
}

/** Records one review `{cardId, rating, durationMs}` (the JSON twin of the review screen's action). */
export async function POST(request: Request): Promise<Response> {
  return respondJson("review card", async () => {
    const actor = await requireActor();
    const body: unknown = await request.json().catch(() => {
      throw new AppError("INVALID", "The review could not be read as JSON.");
    });
    return reviewCard(actor, body, new Date());
  });
}
