import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { neutraliseCell, toSpreadsheetCsv } from "@/lib/classes/csv";
import {
  buildGradebook,
  byQuestion,
  gradebookAt,
  gradebookStudents,
  classHeatmap,
  gradingAgreement,
  heatSummary,
  mostMissedOf,
  rebuildGradebookRows,
  sharePercent,
  replaceAttemptWork,
  sortAndFilterRows,
  type GradebookColumn,
  type GradebookMark,
  type HeatCell,
} from "@/lib/classes/gradebook";

const NOW = new Date("2026-03-01T10:00:00Z");
const at = (min: number) => new Date(NOW.getTime() + min * 60_000);
const DUE = at(60);

const columns: GradebookColumn[] = [
  { id: "p1", questionId: "q1", label: "Q1 · 1", text: "Sanctuaries sustain attacks.", max: 2, theme: "Causes", dimension: "content" },
  { id: "p2", questionId: "q1", label: "Q1 · 2", text: "Kabul's ties to the TTP.", max: 2, theme: "Causes", dimension: "content" },
  { id: "p3", questionId: "q1", label: "Q1 · 3", text: "Conclusion with a way forward.", max: 1, theme: null, dimension: "structure" },
];
const students = [
  { id: "s1", name: "Zoë Ødegaard", email: "zoe@example.com" },
  { id: "s2", name: "Arjun Rao", email: "arjun@example.com" },
  { id: "s3", name: "Meera Shah", email: "meera@example.com" },
  { id: "s4", name: "Bilal Khan", email: "bilal@example.com" },
];
const attempts = [
  { attemptId: "a1", studentId: "s1", questionId: "q1", status: "graded" as const, startedAt: at(0), submittedAt: at(11), isProvisional: false },
  { attemptId: "a2", studentId: "s2", questionId: "q1", status: "graded" as const, startedAt: at(50), submittedAt: at(70), isProvisional: false },
  { attemptId: "a3", studentId: "s3", questionId: "q1", status: "in_progress" as const, startedAt: at(5), submittedAt: null, isProvisional: false },
  { attemptId: "a4", studentId: "s4", questionId: "q1", status: "graded" as const, startedAt: at(1), submittedAt: at(12), isProvisional: true },
];
const mark = (attemptId: string, columnId: string, autoAwarded: number, moderatedAwarded: number | null = null): GradebookMark => ({ attemptId, columnId, autoAwarded, moderatedAwarded });
const marks = [
  mark("a1", "p1", 2), mark("a1", "p2", 2, 0), mark("a1", "p3", 1),
  mark("a2", "p1", 1), mark("a2", "p2", 0), mark("a2", "p3", 1),
  mark("a4", "p1", 0), mark("a4", "p2", 0), mark("a4", "p3", 0),
];
const book = buildGradebook({ columns, students, attempts, marks, dueAtOf: () => DUE, now: at(100) });
const row = (id: string) => book.rows.find((r) => r.student.id === id)!;

describe("buildGradebook", () => {
  it("shows each student's marks as moderated, with status, score and time used", () => {
    expect(row("s1")).toMatchObject({ status: "submitted", score: 3, maxScore: 5, timeUsedSec: 660, isLate: false });
    expect(row("s1").cells.find((c) => c.columnId === "p2")).toMatchObject({ awarded: 0, isModerated: true, attemptId: "a1" });
    expect(row("s2")).toMatchObject({ status: "late", isLate: true, score: 2 });
    expect(row("s3")).toMatchObject({ status: "in_progress", score: null, timeUsedSec: 95 * 60 });
    expect(row("s4")).toMatchObject({ status: "provisional" });
  });

  it("brought to a later time, only a student in progress uses more time; finished rows are the same objects", () => {
    const later = gradebookAt(book, at(130));
    expect(later.rows.find((r) => r.student.id === "s3")).toMatchObject({ status: "in_progress", timeUsedSec: 125 * 60 });
    expect(later.rows.find((r) => r.student.id === "s1")).toBe(row("s1"));
    expect(row("s3").timeUsedSec).toBe(95 * 60);
    const finished = { ...book, rows: book.rows.filter((r) => r.status !== "in_progress") };
    expect(gradebookAt(finished, at(130))).toBe(finished);
  });

  it("counts a student with no attempt as not started, with empty cells", () => {
    const withNewcomer = buildGradebook({ columns, students: [...students, { id: "s5", name: "New", email: "n@example.com" }], attempts, marks, dueAtOf: () => DUE, now: NOW });
    expect(withNewcomer.rows.at(-1)).toMatchObject({ status: "not_started", score: null, timeUsedSec: null });
    expect(withNewcomer.rows.at(-1)?.cells.every((c) => c.awarded === null)).toBe(true);
  });

  it("counts a quiz that ran out of time (graded as it stood at the deadline) as handed in, with its marks", () => {
    const quizColumns: GradebookColumn[] = [{ id: "q1", questionId: "q1", label: "Q1", text: "Which river?", max: 2, theme: null, dimension: "question" }];
    const expired = buildGradebook({
      columns: quizColumns,
      students: [students[0]!],
      attempts: [{ attemptId: "x1", studentId: "s1", questionId: null, status: "expired", startedAt: at(0), submittedAt: at(10), isProvisional: false }],
      marks: [mark("x1", "q1", 2)],
      dueAtOf: () => DUE,
      now: at(100),
    });
    expect(expired.rows[0]).toMatchObject({ status: "submitted", score: 2, timeUsedSec: 600 });
  });

  it("puts a row's score out of what its marks were given out of when a point was re-weighted after marking", () => {
    // p1 was worth 2 when a1 was marked and is worth 4 now; p2 and p3 were not re-weighted.
    const reweighted = columns.map((c) => (c.id === "p1" ? { ...c, max: 4 } : c));
    const marked = [{ ...mark("a1", "p1", 2), max: 2 }, { ...mark("a1", "p2", 2, 0), max: 2 }, { ...mark("a1", "p3", 1), max: 1 }];
    const later = buildGradebook({ columns: reweighted, students: [students[0]!, students[2]!], attempts, marks: marked, dueAtOf: () => DUE, now: at(100) });
    expect(later.rows[0]).toMatchObject({ score: 3, maxScore: 5 });
    // A row with nothing marked is out of the points' marks as they stand.
    expect(later.rows[1]).toMatchObject({ score: null, maxScore: 7 });
    expect(byQuestion(reweighted, later.rows).rows[0]!.cells[0]).toMatchObject({ awarded: 3, max: 5 });
  });

  it("a moderated mark ends the provisional status", () => {
    const moderated = buildGradebook({ columns, students, attempts, marks: [...marks.filter((m) => m.attemptId !== "a4"), mark("a4", "p1", 0, 1)], dueAtOf: () => DUE, now: NOW });
    expect(moderated.rows.find((r) => r.student.id === "s4")?.status).toBe("submitted");
  });
});

describe("catching up on changed attempts", () => {
  const input = { columns, students, attempts, marks, dueAtOf: () => DUE, now: at(100) };

  it("replaces the changed attempts' rows and marks, drops one deleted, and names the students whose rows change", () => {
    const fresh = { attempts: [{ ...attempts[1]!, attemptId: "a2", studentId: "s3" }], marks: [mark("a2", "p1", 2)] };
    const { work, studentIds } = replaceAttemptWork({ attempts, marks }, ["a2", "a4"], fresh);
    expect(work.attempts.map((a) => [a.attemptId, a.studentId])).toEqual([["a1", "s1"], ["a3", "s3"], ["a2", "s3"]]);
    expect(work.marks.map((m) => m.attemptId)).toEqual(["a1", "a1", "a1", "a2"]);
    expect([...studentIds].sort()).toEqual(["s2", "s3", "s4"]);
  });

  it("rebuilds only the named students' rows, keeps the others, and equals a full build", () => {
    const changed = { attempts: [{ ...attempts[2]!, status: "graded" as const, submittedAt: at(20) }], marks: [mark("a3", "p1", 2), mark("a3", "p3", 1, 0)] };
    const { work, studentIds } = replaceAttemptWork({ attempts, marks }, ["a3"], changed);
    const caughtUp = rebuildGradebookRows(book, { ...input, ...work }, studentIds);
    expect(caughtUp).toEqual(buildGradebook({ ...input, ...work }));
    expect(caughtUp.rows.find((r) => r.student.id === "s3")).toMatchObject({ status: "submitted", score: 2, timeUsedSec: 15 * 60 });
    for (const id of ["s1", "s2", "s4"]) expect(caughtUp.rows.find((r) => r.student.id === id)).toBe(row(id));
  });

  it("builds every row when the students differ from the kept rows' (one removed gained a row with work)", () => {
    const roster = [...students.map((student) => ({ student, isRemoved: false })), { student: { id: "s5", name: "Anya", email: "anya@example.com" }, isRemoved: true }];
    expect(gradebookStudents(roster, attempts).map((s) => s.id)).not.toContain("s5");
    const fresh = { attempts: [{ attemptId: "a5", studentId: "s5", questionId: "q1", status: "graded" as const, startedAt: at(2), submittedAt: at(9), isProvisional: false }], marks: [mark("a5", "p1", 1)] };
    const { work, studentIds } = replaceAttemptWork({ attempts, marks }, ["a5"], fresh);
    const withAnya = gradebookStudents(roster, work.attempts);
    const caughtUp = rebuildGradebookRows(book, { ...input, ...work, students: withAnya }, studentIds);
    expect(caughtUp).toEqual(buildGradebook({ ...input, ...work, students: withAnya }));
    expect(caughtUp.rows[0]).toMatchObject({ student: { id: "s5" }, score: 1 });
  });

  it("counts the same attempt whatever order attempts started at one instant were read in", () => {
    const twins = [
      { attemptId: "t1", studentId: "s1", questionId: "q1", status: "graded" as const, startedAt: at(0), submittedAt: at(5), isProvisional: false },
      { attemptId: "t2", studentId: "s1", questionId: "q1", status: "graded" as const, startedAt: at(0), submittedAt: at(6), isProvisional: false },
    ];
    const twinMarks = [mark("t1", "p1", 0), mark("t2", "p1", 2)];
    const forwards = buildGradebook({ ...input, students: [students[0]!], attempts: twins, marks: twinMarks });
    const backwards = buildGradebook({ ...input, students: [students[0]!], attempts: twins.slice().reverse(), marks: twinMarks.slice().reverse() });
    expect(backwards).toEqual(forwards);
    expect(forwards.rows[0]?.cells[0]).toMatchObject({ awarded: 2, attemptId: "t2" });
  });

  it("gives the same agreement whatever order the marks were read in", () => {
    const moderated = [mark("b2", "p1", 0, 2), mark("b1", "p1", 2, 1), mark("b3", "p1", 1, 0.5), ...marks];
    expect(gradingAgreement(columns, moderated.slice().reverse())).toEqual(gradingAgreement(columns, moderated));
    expect(gradingAgreement(columns, moderated).points.find((p) => p.columnId === "p1")?.changedAttemptIds).toEqual(["b1", "b2", "b3"]);
  });
});

describe("sortAndFilterRows", () => {
  it("sorts by score, best first, with no score last", () => {
    expect(sortAndFilterRows(book.rows, { sort: "score", isDescending: true }).map((r) => r.student.id)).toEqual(["s1", "s2", "s4", "s3"]);
  });
  it("sorts by name with accents in their place and filters by status and by a name fragment", () => {
    expect(sortAndFilterRows(book.rows, {}).map((r) => r.student.name)).toEqual(["Arjun Rao", "Bilal Khan", "Meera Shah", "Zoë Ødegaard"]);
    expect(sortAndFilterRows(book.rows, { status: "late" }).map((r) => r.student.id)).toEqual(["s2"]);
    expect(sortAndFilterRows(book.rows, { query: "zoë" }).map((r) => r.student.id)).toEqual(["s1"]);
    expect(sortAndFilterRows(book.rows, { sort: "status" }).map((r) => r.status)).toEqual(["provisional", "late", "submitted", "in_progress"]);
  });
});

describe("classHeatmap", () => {
  it("keeps the points in rubric order and counts a point earned in part apart from one missed, from moderated marks", () => {
    const heat = classHeatmap(book);
    expect(heat.columns.map((c) => [c.id, c.markedCount, c.missedCount, c.partlyCount])).toEqual([
      ["p1", 3, 1, 1],
      ["p2", 3, 3, 0],
      ["p3", 3, 1, 0],
    ]);
    expect(heat.columns[0]).toMatchObject({ missedShare: 1 / 3, partlyShare: 1 / 3, meanEarnedShare: 0.5 });
  });
  it("lists questions in the order they are asked (Q2 before Q10), each with no answers yet before anyone is marked", () => {
    const quizColumns = Array.from({ length: 12 }, (_, i): GradebookColumn => ({ id: `q${i + 1}`, questionId: `q${i + 1}`, label: `Q${i + 1}`, text: "-", max: 1, theme: null, dimension: "question" }));
    const quiz = buildGradebook({ columns: quizColumns, students, attempts: [], marks: [], dueAtOf: () => DUE, now: at(100) });
    const heat = classHeatmap(quiz);
    expect(heat.columns.map((c) => c.label)).toEqual(quizColumns.map((c) => c.label));
    expect(heat.columns.map(heatSummary)).toEqual(quizColumns.map(() => "No answers yet"));
  });
  it("counts a negative mark (negative marking) as missed", () => {
    const quizColumns: GradebookColumn[] = [{ id: "q1", questionId: "q1", label: "Q1", text: "-", max: 2, theme: null, dimension: "question" }];
    const quiz = buildGradebook({ columns: quizColumns, students, attempts: [attempts[0]!], marks: [mark("a1", "q1", -0.66)], dueAtOf: () => DUE, now: at(100) });
    expect(classHeatmap(quiz).columns[0]).toMatchObject({ missedCount: 1, partlyCount: 0, meanEarnedShare: 0 });
  });
  it("groups by theme and by rubric dimension in the order they first appear, leaving points without a theme out of the theme view", () => {
    const heat = classHeatmap(book);
    expect(heat.byTheme.map((g) => [g.id, g.missedCount, g.partlyCount, g.markedCount])).toEqual([["Causes", 4, 1, 6]]);
    expect(heat.byDimension.map((g) => g.id)).toEqual(["content", "structure"]);
  });
});

describe("mostMissedOf: the points the class keeps missing", () => {
  const heat = (id: string, markedCount: number, meanEarnedShare: number | null): HeatCell => ({
    id,
    label: id.toUpperCase(),
    text: `Point ${id}`,
    markedCount,
    missedCount: 0,
    partlyCount: 0,
    missedShare: 0,
    partlyShare: 0,
    meanEarnedShare,
  });

  it("ranks the lowest share earned first, a part mark counting as the part earned, from the moderated marks", () => {
    // p1: 2/2, 1/2, 0/2 → half earned; p2: 2 moderated to 0, 0, 0 → none; p3: 1, 1, 0 → two thirds.
    expect(classHeatmap(book).mostMissed.cells.map((c) => [c.id, c.markedCount, c.meanEarnedShare])).toEqual([
      ["p2", 3, 0],
      ["p1", 3, 0.5],
      ["p3", 3, 2 / 3],
    ]);
  });

  it("counts only the counted, finished work: marks of an attempt still in progress are not in it", () => {
    const withDraftMarks = buildGradebook({ columns, students, attempts, marks: [...marks, mark("a3", "p1", 0), mark("a3", "p3", 0)], dueAtOf: () => DUE, now: at(100) });
    expect(classHeatmap(withDraftMarks).mostMissed).toEqual(classHeatmap(book).mostMissed);
  });

  it("breaks a tie in share by the number of students marked, then by rubric order", () => {
    const cells = [heat("a", 4, 0.25), heat("b", 9, 0.25), heat("c", 4, 0.25), heat("d", 4, 0.1)];
    expect(mostMissedOf(cells).cells.map((c) => c.id)).toEqual(["d", "b", "a", "c"]);
  });

  it("treats shares equal but for rounding as a tie", () => {
    const cells = [heat("a", 3, 1 / 3), heat("b", 6, 1 - 2 / 3)];
    expect(mostMissedOf(cells).cells.map((c) => c.id)).toEqual(["b", "a"]);
  });

  it("leaves out points with too few marked answers (and counts them), points nobody was marked on, and points everyone earned in full", () => {
    const cells = [heat("few", 2, 0), heat("none", 0, null), heat("full", 5, 1), heat("enough", 3, 0.9)];
    expect(mostMissedOf(cells)).toEqual({ cells: [cells[3]], minMarked: 3, tooFewCount: 1, eligibleCount: 2 });
  });

  it("lists at most the limit, the rest of the class's points staying in the heatmap", () => {
    const cells = Array.from({ length: 8 }, (_, i) => heat(`p${i}`, 10, (8 - i) / 10));
    expect(mostMissedOf(cells).cells.map((c) => c.id)).toEqual(["p7", "p6", "p5", "p4", "p3"]);
    expect(mostMissedOf(cells, { limit: 2, minMarked: 11 })).toEqual({ cells: [], minMarked: 11, tooFewCount: 8, eligibleCount: 0 });
  });

  it("takes each mark out of what the point was worth when it was marked, not after it was re-weighted", () => {
    // Marked when A was worth 2 and B 1 (A: 2, 2, 0; B: 1, 1, 1); the teacher then made A worth 1 and B worth 2.
    const reweighted: GradebookColumn[] = [
      { id: "A", questionId: "q1", label: "Q1 · 1", text: "A", max: 1, theme: null, dimension: "content" },
      { id: "B", questionId: "q1", label: "Q1 · 2", text: "B", max: 2, theme: null, dimension: "content" },
    ];
    const finished = attempts.filter((a) => a.status !== "in_progress");
    const oldMarks = finished.flatMap((a, i) => [
      { ...mark(a.attemptId, "A", i < 2 ? 2 : 0), max: 2 },
      { ...mark(a.attemptId, "B", 1), max: 1 },
    ]);
    const heatmap = classHeatmap(buildGradebook({ columns: reweighted, students, attempts: finished, marks: oldMarks, dueAtOf: () => DUE, now: at(100) }));
    // A: two of three earned it in full, one missed it; B: everyone earned it in full (not "partly").
    expect(heatmap.columns.map((c) => [c.id, c.meanEarnedShare, c.missedCount, c.partlyCount])).toEqual([
      ["A", 2 / 3, 1, 0],
      ["B", 1, 0, 0],
    ]);
    expect(heatmap.mostMissed.cells.map((c) => c.id)).toEqual(["A"]);
    // A moderation out of the new worth counts out of that worth.
    const moderated = buildGradebook({ columns: reweighted, students, attempts: finished, marks: [{ ...mark("a1", "B", 1, 1), max: 2 }], dueAtOf: () => DUE, now: at(100) });
    expect(classHeatmap(moderated).columns[1]).toMatchObject({ meanEarnedShare: 0.5, partlyCount: 1 });
  });

  it("keeps each share within 0–1 whatever a mark says: more than its maximum is all of it, less than nothing none", () => {
    const finished = attempts.filter((a) => a.status !== "in_progress");
    const odd = [mark("a1", "p3", 3), mark("a2", "p3", -1), mark("a4", "p3", 1)];
    const heatmap = classHeatmap(buildGradebook({ columns, students, attempts: finished, marks: odd, dueAtOf: () => DUE, now: at(100) }));
    expect(heatmap.columns[2]).toMatchObject({ markedCount: 3, missedCount: 1, partlyCount: 0, meanEarnedShare: 2 / 3 });
  });

  it("ranks quiz questions the same way, a negative mark earning none of the question", () => {
    const quizColumns: GradebookColumn[] = ["q1", "q2"].map((id, i) => ({ id, questionId: id, label: `Q${i + 1}`, text: "-", max: 2, theme: null, dimension: "question" }));
    const finished = attempts.filter((a) => a.status !== "in_progress");
    const quizMarks = finished.flatMap((a, i) => [mark(a.attemptId, "q1", i === 0 ? -0.66 : 2), mark(a.attemptId, "q2", 1)]);
    const quiz = buildGradebook({ columns: quizColumns, students, attempts: finished, marks: quizMarks, dueAtOf: () => DUE, now: at(100) });
    expect(classHeatmap(quiz).mostMissed.cells.map((c) => [c.id, c.meanEarnedShare])).toEqual([
      ["q2", 0.5],
      ["q1", 2 / 3],
    ]);
  });
});

describe("sharePercent", () => {
  it.each([
    [0, 0],
    [0.003, 1],
    [0.5, 50],
    [2 / 3, 67],
    [0.996, 99],
    [1, 100],
  ])("shows %d as %d %%", (share, expected) => {
    expect(sharePercent(share)).toBe(expected);
  });
});

describe("heatSummary", () => {
  const cell = (markedCount: number, missedCount: number, partlyCount: number) => ({
    markedCount,
    missedCount,
    partlyCount,
    missedShare: markedCount ? missedCount / markedCount : 0,
    partlyShare: markedCount ? partlyCount / markedCount : 0,
  });
  it.each([
    [cell(0, 0, 0), "No answers yet"],
    [cell(5, 2, 0), "missed by 2 of 5 (40 %)"],
    [cell(3, 0, 0), "missed by 0 of 3 (0 %)"],
    [cell(1, 0, 1), "missed by 0, partly by 1 of 1 (0 % missed, 100 % partly)"],
    [cell(3, 1, 1), "missed by 1, partly by 1 of 3 (33 % missed, 33 % partly)"],
  ])("says %o as %j", (c, expected) => {
    expect(heatSummary(c)).toBe(expected);
  });
});

describe("gradingAgreement", () => {
  it("says how often and by how much the teacher changed each point, worst first, with the answers to open", () => {
    const agreement = gradingAgreement(columns, [...marks, mark("a2", "p1", 1, 2)].filter((m, i, all) => !(m.attemptId === "a2" && m.columnId === "p1" && all.indexOf(m) !== all.length - 1)));
    expect(agreement).toMatchObject({ markedCount: 9, changedCount: 2 });
    expect(agreement.meanAbsChange).toBeCloseTo(1.5);
    expect(agreement.points[0]).toMatchObject({ columnId: "p2", changedCount: 1, meanChange: -2, changedAttemptIds: ["a1"] });
    expect(agreement.points[1]).toMatchObject({ columnId: "p1", changedCount: 1, meanChange: 1, changedAttemptIds: ["a2"] });
  });
  it("is perfect agreement when nothing was changed", () => {
    expect(gradingAgreement(columns, marks.filter((m) => m.moderatedAwarded === null))).toMatchObject({ changedCount: 0, changedShare: 0, meanAbsChange: 0 });
  });
});

describe("spreadsheet CSV", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["Zoë", "Zoë"],
  ])("neutralises %j", (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it("keeps numbers as numbers, even negative ones", () => {
    expect(neutraliseCell(-0.67)).toBe(-0.67);
    expect(neutraliseCell(null)).toBe("");
  });

  it("parses back with a CSV library: BOM, headers, one row per student, accents and quotes intact", () => {
    const csv = toSpreadsheetCsv(["Student", "Email", "Score"], [["Zoë Ødegaard", "zoe@example.com", 3], ["=cmd|' /C calc'!A0", "x@example.com", 1], ['Rao, "Arjun"', "a@example.com", null]]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ["Student", "Email", "Score"],
      ["Zoë Ødegaard", "zoe@example.com", "3"],
      ["'=cmd|' /C calc'!A0", "x@example.com", "1"],
      ['Rao, "Arjun"', "a@example.com", ""],
    ]);
  });
});

describe("byQuestion: one column per written question", () => {
  const two: GradebookColumn[] = [...columns, { id: "p4", questionId: "q2", label: "Q2 · 1", text: "Fencing the border.", max: 3, theme: null, dimension: "content" }];
  const row = (cells: { columnId: string; awarded: number | null; max: number; isModerated: boolean; attemptId: string | null }[]) => ({
    student: students[0]!,
    status: "submitted" as const,
    score: null,
    maxScore: 8,
    timeUsedSec: null,
    startedAt: null,
    submittedAt: null,
    isLate: false,
    cells,
  });
  const rows = [
    row([
      { columnId: "p1", awarded: 2, max: 2, isModerated: false, attemptId: "a1" },
      { columnId: "p2", awarded: 0, max: 2, isModerated: true, attemptId: "a1" },
      { columnId: "p3", awarded: 0.5, max: 1, isModerated: false, attemptId: "a1" },
      { columnId: "p4", awarded: null, max: 3, isModerated: false, attemptId: null },
    ]),
  ];

  it("sums each question's points (moderated marks as given), keeps blanks blank and links the answer", () => {
    const view = byQuestion(two, rows);
    expect(view.columns.map((c) => [c.id, c.label, c.max])).toEqual([
      ["q1", "Q1", 5],
      ["q2", "Q2", 3],
    ]);
    expect(view.rows[0]!.cells).toEqual([
      { columnId: "q1", awarded: 2.5, max: 5, isModerated: true, attemptId: "a1" },
      { columnId: "q2", awarded: null, max: 3, isModerated: false, attemptId: null },
    ]);
    expect(view.rows[0]!.student).toEqual(students[0]);
  });
});
