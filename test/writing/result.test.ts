import { describe, expect, it } from "vitest";
import { gradeWrittenAnswer } from "@/lib/grading/heuristic";
import type { WrittenGradeResult } from "@/lib/grading/types";
import { modelAnswerText, toWrittenQuestion, type GradingContext } from "@/lib/writing/grading-input";
import { CHANGED_MARKS_SHOWN, changedMarksToShow, parseAnswerEvidence, parseGradeDetails, scoreAnswer, toGradeDetails, type StoredPointScore, type StoredRubricPoint } from "@/lib/writing/result";

const NOW = new Date("2026-03-01T10:00:00Z");
const at = (min: number) => new Date(NOW.getTime() + min * 60_000);

const rubric: StoredRubricPoint[] = [
  { id: "rp-s1", key: "s1", point: "Introduction with context.", marks: 1, kind: "structure", position: 2 },
  { id: "rp-c1", key: "c1", point: "Kabul sees the TTP as an ally.", marks: 1, kind: "content", position: 0 },
  { id: "rp-c2", key: "c2", point: "Sanctuaries sustain attacks.", marks: 2, kind: "content", position: 1 },
];

const auto = (rubricPointId: string, awarded: number, max: number, evidence: unknown = []): StoredPointScore => ({
  rubricPointId,
  source: "auto",
  awarded,
  max,
  evidence,
  feedback: "fb",
  reason: null,
  moderatedById: null,
  createdAt: NOW,
});

const moderated = (rubricPointId: string, awarded: number, minutes: number, reason = "Checked."): StoredPointScore => ({
  ...auto(rubricPointId, awarded, 2),
  source: "moderated",
  reason,
  moderatedById: "teacher-1",
  createdAt: at(minutes),
});

const details = parseGradeDetails({ grader: "heuristic", wordCount: 120, wordLimit: 250, factIssues: [], missed: { c2: { modelAnswer: "Afghan sanctuaries sustain attacks." } }, confidence: {} });

describe("scoreAnswer", () => {
  it("numbers points in rubric order and totals the automatic marks", () => {
    const scored = scoreAnswer(rubric, [auto("rp-s1", 1, 1), auto("rp-c1", 1, 1, [{ start: 0, end: 5, quote: "Kabul" }]), auto("rp-c2", 0.5, 2)], details);
    expect(scored.points.map((p) => [p.key, p.number])).toEqual([
      ["c1", 1],
      ["c2", 2],
      ["s1", 3],
    ]);
    expect(scored).toMatchObject({ score: 2.5, autoScore: 2.5, maxScore: 4, isModerated: false });
    expect(scored.points[0]?.evidence).toEqual([{ start: 0, end: 5, quote: "Kabul" }]);
    expect(scored.points[1]?.missed).toEqual({ modelAnswer: "Afghan sanctuaries sustain attacks." });
  });

  it("a point moderated to 0 cites no sentence (no badge, highlight or 'earned by' line), but keeps the grader's evidence on record", () => {
    const evidence = [{ start: 0, end: 5, quote: "Kabul" }];
    const scored = scoreAnswer(rubric, [auto("rp-c1", 1, 1, evidence), auto("rp-c2", 0, 2), auto("rp-s1", 1, 1), { ...moderated("rp-c1", 0, 5), max: 1 }], details);
    const c1 = scored.points.find((p) => p.key === "c1");
    expect(c1).toMatchObject({ awarded: 0, autoAwarded: 1, evidence: [], autoEvidence: evidence });
    expect(scored.score).toBe(1);
    const partly = scoreAnswer(rubric, [auto("rp-c1", 0, 1), auto("rp-c2", 2, 2, evidence), auto("rp-s1", 1, 1), moderated("rp-c2", 1, 5)], details);
    expect(partly.points.find((p) => p.key === "c2")?.evidence).toEqual(evidence);
  });

  it("applies the newest moderation of a point and keeps the automatic mark beside it", () => {
    const rows = [auto("rp-c1", 1, 1), auto("rp-c2", 0.5, 2), auto("rp-s1", 0, 1), moderated("rp-c2", 2, 10, "First"), moderated("rp-c2", 1.5, 20, "Second")];
    const scored = scoreAnswer(rubric, rows, details);
    const c2 = scored.points.find((p) => p.key === "c2");
    expect(c2).toMatchObject({ awarded: 1.5, autoAwarded: 0.5, moderation: { awarded: 1.5, reason: "Second", moderatedById: "teacher-1" } });
    expect(scored).toMatchObject({ score: 2.5, autoScore: 1.5, isModerated: true });
  });

  it("ignores a stored moderation outside the point's range instead of trusting it", () => {
    const scored = scoreAnswer(rubric, [auto("rp-c1", 0, 1), auto("rp-c2", 0, 2), auto("rp-s1", 0, 1), { ...moderated("rp-c1", 3, 5), max: 1 }], details);
    expect(scored.isModerated).toBe(false);
    expect(scored.score).toBe(0);
  });

  it("leaves out a rubric point added after grading, and scores an empty rubric as 0 of 0", () => {
    expect(scoreAnswer(rubric, [auto("rp-c1", 1, 1)], details).points.map((p) => p.key)).toEqual(["c1"]);
    expect(scoreAnswer([], [], details)).toMatchObject({ score: 0, maxScore: 0, points: [] });
  });
});

describe("stored grade details", () => {
  it("keeps missed-point pointers and confidence keyed by rubric key", () => {
    const result: WrittenGradeResult = {
      questionId: "q",
      score: 1,
      maxScore: 2,
      points: [
        { rubricId: "c1", kind: "content", awarded: 1, max: 1, evidence: [], feedback: "ok", confidence: 0.4 },
        { rubricId: "c2", kind: "content", awarded: 0, max: 1, evidence: [], feedback: "no", missed: { modelAnswer: "M", source: { materialId: "m1", start: 0, end: 3, quote: "abc" } } },
      ],
      flags: ["too_short"],
      wordCount: 40,
      wordLimit: 250,
      factIssues: [],
      grader: "heuristic",
    };
    const stored = toGradeDetails(result);
    expect(parseGradeDetails(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(stored.missed.c2?.source?.materialId).toBe("m1");
    expect(stored.confidence).toEqual({ c1: 0.4 });
  });

  it("reads malformed details and evidence as empty rather than failing", () => {
    expect(parseGradeDetails(null)).toMatchObject({ wordCount: 0, missed: {}, factIssues: [] });
    expect(parseGradeDetails({ wordCount: "many", missed: 3 })).toMatchObject({ wordCount: 0, missed: {} });
    expect(parseAnswerEvidence([{ start: 0, end: 3, quote: "abc" }, { start: 5, end: 2, quote: "" }, "junk"])).toEqual([{ start: 0, end: 3, quote: "abc" }]);
    expect(parseAnswerEvidence({})).toEqual([]);
  });
});

describe("grading input", () => {
  const ctx: GradingContext = {
    question: { id: "q1", prompt: "Examine the TTP factor.", marks: 15, wordLimit: 250, timeLimitSec: 660 },
    rubric: [{ id: "db-1", key: "c1", point: "Ally.", marks: 1, kind: "content" }],
    modelAnswer: {
      directive: "Examine",
      coreDemands: ["Bilateral relations.", "Counter-terrorism."],
      introduction: "Since 2021 the TTP has resurged.",
      sections: [{ heading: "Security", points: [{ text: "Sanctuaries sustain attacks.", example: "UN: 6,000 fighters." }, { text: "Clashes recur.", example: null }] }],
      conclusion: "Way forward: dialogue.",
    },
    materials: [{ id: "m1", text: "Material." }],
  };

  it("names rubric points by their key and converts the time limit to minutes", () => {
    const q = toWrittenQuestion(ctx);
    expect(q).toMatchObject({ id: "q1", marks: 15, wordLimit: 250, timeLimitMinutes: 11, coreDemands: ["Bilateral relations.", "Counter-terrorism."] });
    expect(q.rubric).toEqual([{ id: "c1", point: "Ally.", marks: 1, kind: "content" }]);
  });

  it("writes the model answer in reading order", () => {
    expect(modelAnswerText(ctx.modelAnswer!)).toBe(
      "Since 2021 the TTP has resurged.\n\nSecurity\n\nSanctuaries sustain attacks. UN: 6,000 fighters.\nClashes recur.\n\nWay forward: dialogue.",
    );
  });

  it("quotes a missed point's model-answer sentence without its section's heading", () => {
    const question = toWrittenQuestion({
      ...ctx,
      rubric: [{ id: "db-2", key: "c2", point: "Cross-border sanctuaries sustain the militants' attacks.", marks: 2, kind: "content" }],
      modelAnswer: { ...ctx.modelAnswer!, sections: [{ heading: "Security dimension", points: [{ text: "Cross-border sanctuaries sustain the militants' attacks.", example: null }] }] },
    });
    const result = gradeWrittenAnswer({ question, answerText: "Trade between the two countries has grown over the decade." });
    const point = result.points.find((p) => p.rubricId === "c2");
    expect(point?.missed?.modelAnswer?.trim()).toBe("Cross-border sanctuaries sustain the militants' attacks.");
  });

  it("grades a question without a model answer from its rubric alone", () => {
    const q = toWrittenQuestion({ ...ctx, modelAnswer: null, question: { ...ctx.question, wordLimit: null, timeLimitSec: 0 } });
    expect(q.modelAnswer).toBeUndefined();
    expect(q.coreDemands).toBeUndefined();
    expect(q.wordLimit).toBeUndefined();
    expect(q.timeLimitMinutes).toBeUndefined();
  });
});

describe("changed marks on a student's home", () => {
  it("leaves out withheld results before it keeps the newest few, so they never crowd out a released one", () => {
    // Twelve changed marks on work not yet released, all newer than the one on released work.
    const withheld = Array.from({ length: CHANGED_MARKS_SHOWN + 2 }, (_, i) => ({ attemptId: `held-${i}`, changedAt: at(100 + i) }));
    const released = { attemptId: "released", changedAt: at(1) };
    const shown = changedMarksToShow([...withheld, released], new Set(withheld.map((c) => c.attemptId)));
    expect(shown).toEqual([released]);
  });

  it("shows the newest first, at most the home's limit", () => {
    const changed = Array.from({ length: CHANGED_MARKS_SHOWN + 3 }, (_, i) => ({ attemptId: `a-${i}`, changedAt: at(i) }));
    const shown = changedMarksToShow(changed, new Map());
    expect(shown).toHaveLength(CHANGED_MARKS_SHOWN);
    expect(shown[0]?.attemptId).toBe(`a-${CHANGED_MARKS_SHOWN + 2}`);
  });
});
