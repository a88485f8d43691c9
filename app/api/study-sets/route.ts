import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { AUTHORING_LIMITS, createStudySetFromMaterial, type UploadedFile } from "@/lib/server/authoring";
import { runGenerationJob } from "@/lib/server/jobs";
import { requireActor } from "@/lib/server/session";
import { respondJson } from "../_lib/respond";

/** Room for the multipart envelope and the form's text fields on top of the material itself. */
const BODY_OVERHEAD_BYTES = 200_000;

/**
 * Creates a draft study set from pasted text and uploaded .txt/.md/.html files (multipart form) and
 * queues its generation job, which runs in this process once the response is sent. A route handler
 * rather than a server action: uploads go past the action body limit.
 */
export async function POST(request: Request): Promise<Response> {
  return respondJson(
    "create study set",
    async () => {
      const actor = await requireActor();
      const declared = Number(request.headers.get("content-length") ?? 0);
      if (declared > AUTHORING_LIMITS.maxTotalBytes + BODY_OVERHEAD_BYTES) {
        throw new AppError("INVALID", `The upload is ${(declared / 1_000_000).toFixed(1)} MB; the limit for one set is ${(AUTHORING_LIMITS.maxTotalBytes / 1_000_000).toFixed(1)} MB.`, {
          files: ["Too much material at once: choose fewer or smaller files."],
        });
      }
      let form: FormData;
      try {
        form = await request.formData();
      } catch {
        throw new AppError("INVALID", "The form could not be read. Try again.");
      }
      const fields: Record<string, unknown> = {};
      const files: UploadedFile[] = [];
      for (const [key, value] of form.entries()) {
        if (typeof value === "string") fields[key] = value;
        else if (key === "files") files.push({ name: value.name, size: value.size, text: () => value.text() });
      }
      const created = await createStudySetFromMaterial(actor, { fields, files });
      after(() => runGenerationJob(created.jobId));
      revalidatePath("/sets");
      revalidatePath("/home");
      return created;
    },
    201,
  );
}
