import { AppError } from "@/lib/errors";
import { requireActor } from "@/lib/server/session";
import { saveWritingDraft } from "@/lib/server/writing";
import { respondJson } from "../../../_lib/respond";

/** Autosaves a written answer's draft `{text, version}` (the JSON twin of the writer's autosave action). */
export async function PUT(request: Request, { params }: { params: Promise<{ attemptId: string }> }): Promise<Response> {
  return respondJson("autosave written answer", async () => {
    const [{ attemptId }, actor] = await Promise.all([params, requireActor()]);
    const body: unknown = await request.json().catch(() => {
      throw new AppError("INVALID", "The draft could not be read as JSON.");
    });
    const fields = typeof body === "object" && body !== null ? body : {};
    const saved = await saveWritingDraft(actor, { ...fields, attemptId }, new Date());
    return saved.status === "conflict" ? { ...saved, current: { ...saved.current, savedAt: saved.current.savedAt.toISOString() } } : saved;
  });
}
