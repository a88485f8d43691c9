import { requestAs, type BenchScenario } from "../types";

/** A learner opens today's review (GET /review: the cross-set due queue, rendered as the page they see). */
export const dueQueue: BenchScenario = {
  name: "load the due queue",
  async act(ctx, learner) {
    const res = await requestAs(ctx, learner, "/review");
    return { isOk: res.status === 200 && res.body.includes("Review"), ackedWrites: 0 };
  },
};
