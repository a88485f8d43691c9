import { AppError } from "@/lib/errors";
import { requireActor } from "@/lib/server/session";
import { getQueuedCards, getReviewQueue, reviewCard } from "@/lib/server/study";
import { respondJson } from "../_lib/respond";

/**
 * The learner's due queue (all their sets, or `?set=<id>`): due reviews first, then today's new cards,
 * the first batch ready to show and the rest as ids (`more`). `?cards=<id>,<id>…` instead loads those
 * cards of the session, ready to show (the review screen's next batch).
 */
export async function GET(request: Request): Promise<Response> {
  return respondJson("load review queue", async () => {
    const actor = await requireActor();
    const params = new URL(request.url).searchParams;
    const cards = params.get("cards");
    if (cards !== null) return getQueuedCards(actor, cards.split(","), new Date());
    const setId = params.get("set") ?? undefined;
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
