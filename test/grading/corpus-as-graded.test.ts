import { describe, expect, it } from "vitest";
import { REFERENCE_FEATURES } from "@/lib/grading/features";
import type { LogisticModel } from "@/lib/grading/learn";
import { corpusAsGraded, corpusGrades, scoreModuleGap, type ExternalCorpus, type ScoreModule } from "../../scripts/grader-data";

/**
 * The corpus benchmark prepares questions the way the held-out evaluation hands them to the CLI:
 * through the scoring module's own expansion (one question per reference answer, ids QID__rK), each
 * answer graded under every one and keeping its best score. A stub expansion stands in for the
 * shared scoring module here, on a question written for this test.
 */
const expandOnePerReference: ScoreModule["expandReferences"] = (questions, answers) => {
  const qs: unknown[] = [];
  const counts = new Map<string, number>();
  for (const q of questions as Array<{ id: string; marks: number; rubric: Array<Record<string, unknown>>; referenceAnswers: string[] }>) {
    counts.set(q.id, q.referenceAnswers.length);
    if (q.referenceAnswers.length === 1) qs.push(q);
    else q.referenceAnswers.forEach((r, k) => qs.push({ ...q, id: `${q.id}__r${k}`, rubric: [{ ...q.rubric[0], point: r, marks: q.marks }] }));
  }
  const as = answers.flatMap((a) => {
    const n = counts.get(a.questionId) ?? 1;
    return n === 1 ? [a] : Array.from({ length: n }, (_, k) => ({ ...a, id: `${a.id}__r${k}`, questionId: `${a.questionId}__r${k}` }));
  });
  return { questions: qs, answers: as };
};

const raw: ExternalCorpus["raw"] = {
  meta: { task: "2way", corpus: "test", split: "train" },
  questions: [
    {
      id: "magnet",
      prompt: "Why does the nail stick to the magnet?",
      marks: 4,
      coreDemands: ["Why does the nail stick to the magnet?"],
      rubric: [{ id: "ref", point: "The nail is made of iron, which a magnet attracts.", marks: 4, kind: "content" }],
      referenceAnswers: ["The nail is made of iron, which a magnet attracts.", "Iron is magnetic."],
    },
  ],
  answers: [{ id: "s1", questionId: "magnet", text: "because it is iron" }],
  gold: [{ id: "s1", questionId: "magnet", label: "correct" }],
};

describe("corpus questions as the CLI grades them", () => {
  it("grades an answer under one question per reference, each with that reference as its rubric point", () => {
    const graded = corpusAsGraded({ expandReferences: expandOnePerReference } as ScoreModule, raw).get("s1") ?? [];
    expect(graded.map((g) => g.question.id)).toEqual(["magnet__r0", "magnet__r1"]);
    expect(graded.map((g) => g.question.rubric[0]?.point)).toEqual(["The nail is made of iron, which a magnet attracts.", "Iron is magnetic."]);
    expect(graded.every((g) => g.text === "because it is iron")).toBe(true);
  });

  it("keeps the best score over those questions, after each question's own denial rule", () => {
    const d = REFERENCE_FEATURES.length;
    const model: LogisticModel = { bias: 0, weights: [8, ...Array<number>(d - 1).fill(0)], means: Array<number>(d).fill(0), scales: Array<number>(d).fill(1) };
    const row = (x: number) => [x, ...Array<number>(d - 1).fill(0)];
    const strong = { rows: [row(1)], denies: [false], reverses: [false] };
    const weak = { rows: [row(0.05)], denies: [false], reverses: [false] };
    const scoreOf = (graded: ExternalCorpus["examples"][number]["graded"]) =>
      corpusGrades({ name: "test", task: "2way", raw, examples: [{ id: "s1", qid: "magnet", y: 1, rows: graded.flatMap((g) => g.rows), graded }] }, () => model)[0]?.score;
    expect(scoreOf([weak, strong])).toBe(4);
    expect(scoreOf([weak])).toBeLessThan(4);
    // Matched best under the first question, but it reverses that reference: the other question's score stands.
    expect(scoreOf([{ ...strong, reverses: [true] }, weak])).toBe(scoreOf([weak]));
  });

  it("names the missing function of an older scoring module instead of failing on it", () => {
    expect(scoreModuleGap({} as ScoreModule)).toMatch(/expandReferences/);
    expect(scoreModuleGap({ expandReferences: expandOnePerReference } as ScoreModule)).toBeNull();
  });
});
