import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading";
import { pearson } from "@/lib/grading/metrics";
import { answersFileSchema, questionsFileSchema } from "@/lib/grading/schemas";

/**
 * Questions the grader was never tuned on (fixtures/new-questions: banking, stubble burning, two
 * reference-answer-only items), with one careful marking. The engine must order answers the way
 * the marking does, credit excellent answers written in other words, and give gaming nothing.
 */
const dir = path.join(__dirname, "fixtures", "new-questions");
const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as unknown;
const questions = questionsFileSchema.parse(read("questions.json"));
const answers = answersFileSchema.parse(read("answers.json"));
const marks = new Map((read("marks.json") as Array<{ answerId: string; mean: { total: number } }>).map((m) => [m.answerId, m.mean.total]));
const labels = new Map((read("labels.json") as Array<{ answerId: string; category: string }>).map((l) => [l.answerId, l.category]));

const graded = answers.map((a) => {
  const question = questions.find((q) => q.id === a.questionId);
  if (!question) throw new Error(`unknown question ${a.questionId}`);
  const r = gradeWrittenAnswer({ question, answerText: a.text });
  return { id: a.id, questionId: a.questionId, category: labels.get(a.id) ?? "", share: r.score / r.maxScore, score: r.score, mark: marks.get(a.id) ?? 0 };
});
const byCategory = (category: string) => graded.filter((g) => g.category === category);

describe("grading questions it was never tuned on", () => {
  const share = (id: string) => graded.find((g) => g.id === id)?.share ?? NaN;

  it.each(byCategory("excellent_paraphrased").map((g) => g.id))("gives the excellent answer written in other words (%s) at least 70 %% of the marks", (id) => {
    expect(share(id)).toBeGreaterThanOrEqual(0.7);
  });

  it.each(byCategory("excellent").map((g) => g.id))("gives the excellent answer %s at least 90 %% of the marks", (id) => {
    expect(share(id)).toBeGreaterThanOrEqual(0.9);
  });

  it.each(graded.filter((g) => ["keyword_stuffed", "restates_question", "off_topic"].includes(g.category)).map((g) => [g.id, g.category]))(
    "gives the gaming answer %s (%s) at most 20 %% of the marks",
    (id) => {
      expect(share(id)).toBeLessThanOrEqual(0.2);
    },
  );

  it.each(questions.map((q) => [q.id] as const))("orders weak below good below excellent on %s", (questionId) => {
    const of = (c: string) => graded.filter((g) => g.questionId === questionId && g.category === c).map((g) => g.score);
    const best = Math.min(...of("excellent"), ...of("excellent_paraphrased"));
    const good = of("good");
    const weak = of("weak");
    for (const s of good) expect(s).toBeLessThanOrEqual(best);
    for (const w of weak) for (const s of good) expect(w).toBeLessThan(s);
  });

  it("agrees with the careful marking on totals (Pearson r ≥ 0.9)", () => {
    expect(pearson(graded.map((g) => g.score), graded.map((g) => g.mark))).toBeGreaterThanOrEqual(0.9);
  });
});
