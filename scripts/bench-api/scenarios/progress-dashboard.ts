import { requestAs, type BenchScenario } from "../types";

/** A learner opens their progress dashboard (GET /progress: forecast, retention, streak, scores, mastery). */
export const progressDashboard: BenchScenario = {
  name: "load the dashboard",
  async act(ctx, learner) {
    const res = await requestAs(ctx, learner, "/progress");
    return { isOk: res.status === 200 && res.body.includes("True retention"), ackedWrites: 0 };
  },
};
