import "server-only";
import { describeFailure } from "@/lib/server/action-result";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Runs a route handler's use case and answers JSON: `{ ok: true, … }`, or the failure the server
 * actions give too (an AppError's status and readable message; anything else logged and masked as 500).
 */
export async function respondJson<T extends object>(context: string, run: () => Promise<T>, successStatus = 200): Promise<Response> {
  try {
    return Response.json({ ok: true, ...(await run()) }, { status: successStatus, headers: NO_STORE });
  } catch (e) {
    const { status, failure } = describeFailure(context, e);
    return Response.json(failure, { status, headers: NO_STORE });
  }
}
