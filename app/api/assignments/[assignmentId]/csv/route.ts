import { csvDownload } from "@/lib/server/csv-download";
import { exportAssignmentCsvFor } from "@/lib/server/gradebook";
import { requireActor } from "@/lib/server/session";

/** The assignment's gradebook as a spreadsheet CSV download (teachers of its class only). */
export async function GET(_request: Request, { params }: { params: Promise<{ assignmentId: string }> }): Promise<Response> {
  return csvDownload("export gradebook", async () => {
    const [{ assignmentId }, actor] = await Promise.all([params, requireActor()]);
    return exportAssignmentCsvFor(actor, assignmentId, new Date());
  });
}
