import { createQuiz, listQuizCandidates, startQuizAttempt } from "@/lib/db/quizzes";
import { optionToken } from "@/lib/quiz/option-tokens";
import { requestAs, type BenchScenario } from "../types";

/**
 * A learner changes a quiz answer (POST /api/quiz-attempts/:id/answers): each learner takes an
 * untimed quiz of the set's objective questions and keeps changing choices, question after question;
 * every acknowledged save bumps that answer's version by one.
 */
export const saveQuizAnswer: BenchScenario = {
  name: "save a quiz answer",
  async prepare(ctx) {
    const candidates = await listQuizCandidates(ctx.studySetId);
    const questions = await ctx.db.question.findMany({
      where: { id: { in: candidates.map((c) => c.id) } },
      select: { id: true, kind: true, options: { orderBy: { position: "asc" }, select: { id: true } } },
    });
    if (questions.length === 0) throw new Error("the bench study pack has no objective question");
    return Promise.all(
      ctx.learners.map(async (learner) => {
        const quiz = await createQuiz({
          ownerId: learner.id,
          studySetId: ctx.studySetId,
          title: "bench quiz",
          questionIds: questions.map((q) => q.id),
          selection: { by: "all" },
          mode: "practice",
          timeLimitSec: null,
          graceSec: 5,
          scheme: { correct: 1, wrong: 0, blank: 0 },
        });
        const { attemptId } = await startQuizAttempt({ quiz, userId: learner.id });
        return {
          attemptId,
          step: 0,
          questions: questions.map((q) => ({ id: q.id, kind: q.kind, tokens: q.options.map((o) => optionToken(attemptId, o.id)) })),
          versions: Object.fromEntries(questions.map((q) => [q.id, 1])),
        };
      }),
    );
  },
  async act(ctx, learner, state) {
    const questions = state.questions as { id: string; kind: string; tokens: string[] }[];
    const versions = state.versions as Record<string, number>;
    const step = state.step as number;
    const q = questions[step % questions.length]!;
    const round = Math.floor(step / questions.length);
    const answer =
      q.kind === "single_choice" || q.kind === "multiple_choice"
        ? { optionIds: [q.tokens[round % Math.max(1, q.tokens.length)]!] }
        : q.kind === "true_false"
          ? { text: round % 2 ? "false" : "true" }
          : { text: String(1000 + step) };
    const res = await requestAs(ctx, learner, `/api/quiz-attempts/${String(state.attemptId)}/answers`, { method: "POST", json: { questionId: q.id, answer, version: versions[q.id] } });
    state.step = step + 1;
    if (res.status !== 200) return { isOk: false, ackedWrites: 0 };
    const body = JSON.parse(res.body) as { outcome?: { status?: string; version?: number } };
    if (body.outcome?.status !== "saved" || typeof body.outcome.version !== "number") return { isOk: false, ackedWrites: 0 };
    // The same choice as stored is acknowledged without a new version (idempotent): no row change to count.
    const isNewVersion = body.outcome.version > (versions[q.id] ?? 1);
    versions[q.id] = body.outcome.version;
    return { isOk: true, ackedWrites: isNewVersion ? 1 : 0 };
  },
  async countRows(ctx, states) {
    const rows = await ctx.db.response.findMany({ where: { attemptId: { in: states.map((s) => String(s.attemptId)) } }, select: { version: true } });
    return rows.reduce((sum, r) => sum + (r.version - 1), 0);
  },
};
