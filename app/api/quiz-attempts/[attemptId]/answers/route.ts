import { requireActor } from "@/lib/server/session";
import { saveQuizAnswerFor } from "@/lib/server/quiz";
import { respondJson } from "../../../_lib/respond";

/**
 * Autosaves one quiz answer: `{questionId, answer: {optionIds?, text?}, version}` over the version
 * the page last saw. Answers `{outcome: {status: "saved", version, savedAtMs} | {status: "conflict",
 * current} | {status: "closed", reason}}`; the server's clock decides whether the answer still counts.
 */
export async function POST(request: Request, { params }: { params: Promise<{ attemptId: string }> }): Promise<Response> {
  return respondJson("save quiz answer", async () => {
    const [{ attemptId }, actor] = await Promise.all([params, requireActor()]);
    const body: unknown = await request.json().catch(() => null);
    const saved = await saveQuizAnswerFor(actor, attemptId, body, new Date());
    if (saved.status === "saved") return { outcome: { status: "saved" as const, version: saved.version, savedAtMs: saved.savedAt.getTime() } };
    if (saved.status === "conflict") return { outcome: { status: "conflict" as const, current: { answer: saved.current.answer, version: saved.current.version, savedAtMs: saved.current.savedAt.getTime() } } };
    return { outcome: saved };
  });
}
