import { describeFailure } from "@/lib/server/action-result";
import { exportClassCsvFor } from "@/lib/server/class-overview";
import { requireActor } from "@/lib/server/session";

/** The class overview (students × assignments over the term) as a spreadsheet CSV download (teachers of the class only). */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }): Promise<Response> {
  try {
    const [{ classId }, actor] = await Promise.all([params, requireActor()]);
    const { filename, csv } = await exportClassCsvFor(actor, classId);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    const { status, failure } = describeFailure("export class overview", e);
    return Response.json(failure, { status, headers: { "Cache-Control": "no-store" } });
  }
}
