import { describeFailure } from "@/lib/server/action-result";
import { exportAssignmentCsvFor } from "@/lib/server/gradebook";
import { requireActor } from "@/lib/server/session";

/** The assignment's gradebook as a spreadsheet CSV download (teachers of its class only). */
export async function GET(_request: Request, { params }: { params: Promise<{ assignmentId: string }> }): Promise<Response> {
  try {
    const [{ assignmentId }, actor] = await Promise.all([params, requireActor()]);
    const { filename, csv } = await exportAssignmentCsvFor(actor, assignmentId, new Date());
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    const { status, failure } = describeFailure("export gradebook", e);
    return Response.json(failure, { status, headers: { "Cache-Control": "no-store" } });
  }
}
