import "server-only";
import { describeFailure } from "@/lib/server/action-result";

/**
 * Below this many bytes a JSON answer goes out uncompressed: Next's gzip (`compress`) costs a stream
 * set-up and flush per response (~1 ms of CPU in bench:api's review POST) to save a few hundred bytes.
 * `no-transform` is what tells the compression to leave a response alone (Next drops a Content-Length).
 */
const COMPRESS_FROM_BYTES = 1024;

/** JSON with no caching; small bodies marked not to be compressed. */
function jsonResponse(payload: object, status: number): Response {
  const body = JSON.stringify(payload);
  const cacheControl = Buffer.byteLength(body) < COMPRESS_FROM_BYTES ? "no-store, no-transform" : "no-store";
  return new Response(body, { status, headers: { "Content-Type": "application/json", "Cache-Control": cacheControl } });
}

/**
 * Runs a route handler's use case and answers JSON: `{ ok: true, … }`, or the failure the server
 * actions give too (an AppError's status and readable message; anything else logged and masked as 500).
 */
export async function respondJson<T extends object>(context: string, run: () => Promise<T>, successStatus = 200): Promise<Response> {
  try {
    return jsonResponse({ ok: true, ...(await run()) }, successStatus);
  } catch (e) {
    const { status, failure } = describeFailure(context, e);
    return jsonResponse(failure, status);
  }
}
