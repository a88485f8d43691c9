import "server-only";
import { describeFailure } from "./action-result";

/**
 * A route handler's CSV download: the file as an attachment, never cached; a failure (not signed in,
 * not a teacher of the class, unknown id) as the JSON failure and status every route handler gives.
 */
export async function csvDownload(context: string, make: () => Promise<{ filename: string; csv: string }>): Promise<Response> {
  try {
    const { filename, csv } = await make();
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    const { status, failure } = describeFailure(context, e);
    return Response.json(failure, { status, headers: { "Cache-Control": "no-store" } });
  }
}
