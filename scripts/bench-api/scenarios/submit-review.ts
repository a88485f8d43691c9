import { requestAs, type BenchScenario } from "../types";

const RATINGS = ["again", "hard", "good", "good", "good", "easy"] as const;

/** A learner rates a card (POST /api/reviews): one card state upserted and one review log written. */
export const submitReview: BenchScenario = {
  name: "submit a review",
  async act(ctx, learner) {
    const cardId = learner.cardIds[Math.floor(Math.random() * learner.cardIds.length)]!;
    const rating = RATINGS[Math.floor(Math.random() * RATINGS.length)]!;
    const res = await requestAs(ctx, learner, "/api/reviews", { method: "POST", json: { cardId, rating, durationMs: 4_000 } });
    const isOk = res.status === 200;
    return { isOk, ackedWrites: isOk ? 1 : 0 };
  },
  countRows: (ctx) => ctx.db.reviewLog.count({ where: { userId: { in: ctx.learners.map((l) => l.id) } } }),
};
