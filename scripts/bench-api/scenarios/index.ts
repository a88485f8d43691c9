/**
 * The bench:api scenarios, in the order they run. To add one, write a BenchScenario
 * (scripts/bench-api/types.ts) in its own file here and list it below — e.g. "save a quiz answer"
 * (quizzes). BENCH_SCENARIOS="submit a review,…" runs a subset.
 */
import type { BenchScenario } from "../types";
import { autosaveAnswer } from "./autosave-answer";
import { dueQueue } from "./due-queue";
import { gradebook } from "./gradebook";
import { progressDashboard } from "./progress-dashboard";
import { saveQuizAnswer } from "./save-quiz-answer";
import { submitReview } from "./submit-review";

export const scenarios: BenchScenario[] = [submitReview, autosaveAnswer, saveQuizAnswer, dueQueue, gradebook, progressDashboard];
