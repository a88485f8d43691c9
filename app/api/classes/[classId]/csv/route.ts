import { exportClassCsvFor } from "@/lib/server/class-overview";
import { csvDownload } from "@/lib/server/csv-download";
import { requireActor } from "@/lib/server/session";

/** The class overview (students × assignments over the term) as a spreadsheet CSV download (teachers of the class only). */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }): Promise<Response> {
  return csvDownload("export class overview", async () => {
    const [{ classId }, actor] = await Promise.all([params, requireActor()]);
    return exportClassCsvFor(actor, classId);
  });
}
