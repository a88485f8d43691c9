import { revalidatePath } from "next/cache";
import { AUTHORING_LIMITS, createStudySetFromMaterial, type UploadedFile } from "@/lib/server/authoring";
import { wakeGenerationDispatcher } from "@/lib/server/generation-dispatcher";
import { requireActor } from "@/lib/server/session";
import { readFormDataWithin } from "../_lib/limited-body";
import { respondJson } from "../_lib/respond";

/** Room for the multipart envelope and the form's text fields on top of the material itself. */
const BODY_OVERHEAD_BYTES = 200_000;
const MAX_BODY_BYTES = AUTHORING_LIMITS.maxTotalBytes + BODY_OVERHEAD_BYTES;

/**
 * Creates a draft study set from pasted text and uploaded .txt/.md/.html files (multipart form) and
 * queues its generation job, which the engine's worker threads (or `npm run worker`) pick up. A
 * route handler rather than a server action: uploads go past the action body limit.
 */
export async function POST(request: Request): Promise<Response> {
  return respondJson(
    "create study set",
    async () => {
      const actor = await requireActor();
      const form = await readFormDataWithin(request, MAX_BODY_BYTES, {
        tooLarge: `Too much material at once: the limit for one set is ${(AUTHORING_LIMITS.maxTotalBytes / 1_000_000).toFixed(1)} MB. Choose fewer or smaller files.`,
        unreadable: "The form could not be read. Try again.",
      });
      const fields: Record<string, unknown> = {};
      const files: UploadedFile[] = [];
      for (const [key, value] of form.entries()) {
        if (typeof value === "string") fields[key] = value;
        else if (key === "files") files.push({ name: value.name, size: value.size, bytes: async () => new Uint8Array(await value.arrayBuffer()) });
      }
      const created = await createStudySetFromMaterial(actor, { fields, files });
      wakeGenerationDispatcher();
      revalidatePath("/sets");
      revalidatePath("/home");
      return created;
    },
    201,
  );
}
