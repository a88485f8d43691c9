import "server-only";
import { HTTP_STATUS, isAppError } from "@/lib/errors";

const GENERIC = "Something went wrong on our side. Your work is safe; try again in a moment.";

/**
 * Runs a route handler's use case and answers JSON: `{ ok: true, … }`, an AppError as its status with
 * its readable message (and field errors), anything else logged once and masked as a 500.
 */
export async function respondJson<T extends object>(context: string, run: () => Promise<T>, successStatus = 200): Promise<Response> {
  try {
    return Response.json({ ok: true, ...(await run()) }, { status: successStatus, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (isAppError(e)) {
      return Response.json(
        { ok: false, error: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) },
        { status: HTTP_STATUS[e.code], headers: { "Cache-Control": "no-store" } },
      );
    }
    console.error(`[crux] ${context} failed`, e);
    return Response.json({ ok: false, error: GENERIC }, { status: 500, headers: { "Cache-Control": "no-store" } });
  }
}
