import { createWrittenAttempt } from "@/lib/db/attempts";
import { requestAs, type BenchScenario } from "../types";

const WORDS = "the durand line dispute shapes cross border security cooperation between kabul and islamabad".split(" ");

/** A learner's written answer autosaves (PUT /api/attempts/:id/draft): the draft row's version goes up by one per save. */
export const autosaveAnswer: BenchScenario = {
  name: "autosave an answer",
  async prepare(ctx) {
    const question = await ctx.db.question.findFirst({ where: { studySetId: ctx.studySetId, kind: "written", status: "accepted" }, orderBy: { position: "asc" } });
    if (!question) throw new Error("the bench study pack has no written question");
    return Promise.all(
      ctx.learners.map(async (learner) => {
        const draft = await createWrittenAttempt({ userId: learner.id, studySetId: ctx.studySetId, questionId: question.id, startedAt: new Date(), deadlineAt: null });
        return { attemptId: draft.attemptId, version: draft.version, startVersion: draft.version, words: 0 };
      }),
    );
  },
  async act(ctx, learner, state) {
    const words = (state.words as number) + 5;
    const text = Array.from({ length: words }, (_, i) => WORDS[i % WORDS.length]).join(" ");
    const res = await requestAs(ctx, learner, `/api/attempts/${String(state.attemptId)}/draft`, { method: "PUT", json: { text, version: state.version } });
    if (res.status !== 200) return { isOk: false, ackedWrites: 0 };
    const body = JSON.parse(res.body) as { status?: string; version?: number };
    if (body.status !== "saved" || typeof body.version !== "number") return { isOk: false, ackedWrites: 0 };
    state.version = body.version;
    state.words = words;
    return { isOk: true, ackedWrites: 1 };
  },
  async countRows(ctx, states) {
    const rows = await ctx.db.response.findMany({ where: { attemptId: { in: states.map((s) => String(s.attemptId)) } }, select: { version: true, attemptId: true } });
    const start = new Map(states.map((s) => [String(s.attemptId), s.startVersion as number]));
    return rows.reduce((sum, r) => sum + (r.version - (start.get(r.attemptId) ?? r.version)), 0);
  },
};
