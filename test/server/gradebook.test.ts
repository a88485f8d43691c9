// An assignment's gradebook from the database: written answers graded and one point moderated, the
// gradebook and CSV use the moderated mark, and only the class's teachers may open or export it.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getGradebookWork } from "@/lib/db/gradebook";
import type { UserRecord } from "@/lib/db/users";
import { assignSetToClass } from "@/lib/server/assignments";
import { acceptAutomaticMarksFor, exportAssignmentCsvFor, getAssignmentGradebookFor, getColumnDrillDownFor, listToCheckFor } from "@/lib/server/gradebook";
import { moderateWrittenPoint, startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { createFloodsQuestionSet } from "../support/written-sets";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
const ANSWER = "Introduction: floods matter.\n\nMonsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.\n\nConclusion: protect floodplains.";
type Who = "owner" | "coTeacher" | "otherTeacher" | "student" | "otherStudent";
const users = {} as Record<Who | "zoe", UserRecord>;
let assignmentId = "";
let rubricPointId = "";
let zoeAttempt = "";
let studentAttempt = "";
let classId = "";
let questionId = "";
/** The teacher's mark for point 1: always different from the grader's. */
let moderatedMark = 0;

beforeAll(async () => {
  for (const [key, role] of [["owner", "teacher"], ["coTeacher", "teacher"], ["otherTeacher", "teacher"], ["student", "student"], ["otherStudent", "student"]] as const) {
    users[key] = await createTestUser(key, role);
  }
  const db = await getDb();
  users.zoe = await db.user.create({ data: { name: "=Zoë Ødegaard", email: "zoe@example.com", role: "student", passwordHash: "x" }, select: { id: true, email: true, name: true, role: true } });
  classId = (await db.classroom.create({ data: { name: "Batch", joinCode: "GRADE01", teacherId: users.owner.id }, select: { id: true } })).id;
  await db.classTeacher.create({ data: { classId, teacherId: users.coTeacher.id } });
  for (const s of [users.student, users.zoe]) await db.enrollment.create({ data: { classId, studentId: s.id } });
  const set = await createFloodsQuestionSet(users.owner.id, "Floods", "How do floods keep delta soil fertile?");
  questionId = set.questionId;
  rubricPointId = set.points.c1;
  assignmentId = (await assignSetToClass(users.owner, { studySetId: set.setId, classId, kind: "written", questionIds: [questionId], dueAt: "2026-03-01T16:00" }, NOW)).id;
  const draft = await startWritingAttempt(users.zoe, { questionId, assignmentId }, NOW);
  zoeAttempt = draft.attemptId;
  await submitWritingAttempt(users.zoe, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(11));
  const auto = await db.pointScore.findFirst({ where: { rubricPointId, source: "auto" }, select: { awarded: true } });
  moderatedMark = (auto?.awarded ?? 0) >= 1 ? 0 : 2;
  await moderateWrittenPoint(users.owner, { attemptId: draft.attemptId, rubricPointId, awarded: moderatedMark, reason: "Checked against the answer." }, later(30));
});

describe("an assignment's gradebook", () => {
  it("shows each student with status, time used and the moderated mark", async () => {
    const { gradebook, heatmap, agreement } = await getAssignmentGradebookFor(users.owner, assignmentId, later(60));
    expect(gradebook.columns.map((c) => c.label)).toEqual(["Q1 · 1", "Q1 · 2"]);
    const zoe = gradebook.rows.find((r) => r.student.id === users.zoe.id)!;
    expect(zoe).toMatchObject({ status: expect.stringMatching(/submitted|provisional/), timeUsedSec: 660 });
    expect(zoe.cells[0]).toMatchObject({ awarded: moderatedMark, isModerated: true });
    expect(gradebook.rows.find((r) => r.student.id === users.student.id)).toMatchObject({ status: "not_started", score: null });
    expect(heatmap.columns.find((c) => c.id === rubricPointId)).toMatchObject({ markedCount: 1, missedCount: moderatedMark < 2 ? 1 : 0 });
    expect(agreement.points[0]).toMatchObject({ columnId: rubricPointId, changedCount: 1, changedAttemptIds: [zoeAttempt] });
  });

  it("exports CSV a spreadsheet reads back: BOM, one row per student, accents kept, a formula neutralised", async () => {
    const { csv, filename } = await exportAssignmentCsvFor(users.coTeacher, assignmentId, later(60));
    expect(filename).toMatch(/\.csv$/);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(2);
    const zoe = parsed.data.find((r) => r.Email === "zoe@example.com")!;
    expect(zoe.Student).toBe("'=Zoë Ødegaard");
    expect(zoe["Q1 · 1 (2)"]).toBe(String(moderatedMark));
  });

  it.each([
    ["owner", "ok"],
    ["coTeacher", "ok"],
    ["otherTeacher", "FORBIDDEN"],
    ["student", "FORBIDDEN"],
    ["otherStudent", "FORBIDDEN"],
  ] as const)("opening and exporting it as %s: %s", async (who, expected) => {
    expect(await outcomeOf(() => getAssignmentGradebookFor(users[who], assignmentId, NOW))).toBe(expected);
    expect(await outcomeOf(() => exportAssignmentCsvFor(users[who], assignmentId, NOW))).toBe(expected);
  });

  it("answers NOT_FOUND for an assignment that does not exist", async () => {
    expect(await outcomeOf(() => getAssignmentGradebookFor(users.owner, "missing", NOW))).toBe("NOT_FOUND");
  });
});

describe("drilling down from a rubric point", () => {
  it("lists every marked answer on the point with its mark, evidence as moderated, the reason and the attempt to open", async () => {
    const { column, entries } = await getColumnDrillDownFor(users.owner, assignmentId, rubricPointId, later(60));
    expect(column).toMatchObject({ id: rubricPointId, label: "Q1 · 1" });
    expect(entries).toHaveLength(1);
    const db = await getDb();
    const auto = await db.pointScore.findFirstOrThrow({ where: { rubricPointId, source: "auto", response: { attemptId: zoeAttempt } }, select: { evidence: true } });
    const autoQuotes = (auto.evidence as { quote: string }[]).map((e) => e.quote);
    expect(entries[0]).toMatchObject({
      attemptId: zoeAttempt,
      studentName: "=Zoë Ødegaard",
      awarded: moderatedMark,
      credit: moderatedMark === 2 ? "earned" : "missed",
      isModerated: true,
      quotes: moderatedMark === 0 ? [] : autoQuotes,
      moderationReason: "Checked against the answer.",
    });
  });

  it("words the automatic marking's feedback as the result page does: an older grade's line to the student is rebuilt (code review)", async () => {
    const db = await getDb();
    const auto = await db.pointScore.findFirstOrThrow({ where: { rubricPointId, source: "auto", response: { attemptId: zoeAttempt } }, select: { id: true, awarded: true, max: true } });
    await db.pointScore.update({ where: { id: auto.id }, data: { feedback: auto.awarded >= auto.max ? "You make this point clearly." : "Your answer does not make this point." } });
    const { entries } = await getColumnDrillDownFor(users.owner, assignmentId, rubricPointId, later(60));
    expect(entries[0]?.note).toMatch(/^The answer /);
    expect(entries[0]?.note).not.toMatch(/\b[Yy]ou(?:r)?\b/);
  });

  it.each([
    ["owner", "ok"],
    ["coTeacher", "ok"],
    ["otherTeacher", "FORBIDDEN"],
    ["student", "FORBIDDEN"],
    ["otherStudent", "FORBIDDEN"],
  ] as const)("opening it as %s: %s", async (who, expected) => {
    expect(await outcomeOf(() => getColumnDrillDownFor(users[who], assignmentId, rubricPointId, NOW))).toBe(expected);
  });

  it("answers NOT_FOUND for a point that is not the assignment's", async () => {
    expect(await outcomeOf(() => getColumnDrillDownFor(users.owner, assignmentId, "another-point", NOW))).toBe("NOT_FOUND");
  });
});

describe("the class's to-check queue", () => {
  beforeAll(async () => {
    const draft = await startWritingAttempt(users.student, { questionId, assignmentId }, later(5));
    studentAttempt = draft.attemptId;
    await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(15));
  });

  it("lists graded answers nobody has checked, leaving out one a teacher moderated", async () => {
    const queue = await listToCheckFor(users.owner, classId);
    expect(queue.map((i) => i.attemptId)).toEqual([studentAttempt]);
    expect(queue[0]).toMatchObject({ studentId: users.student.id, assignmentId });
  });

  it.each([
    ["owner", "ok"],
    ["coTeacher", "ok"],
    ["otherTeacher", "FORBIDDEN"],
    ["student", "FORBIDDEN"],
    ["otherStudent", "FORBIDDEN"],
  ] as const)("opening the queue as %s: %s", async (who, expected) => {
    expect(await outcomeOf(() => listToCheckFor(users[who], classId))).toBe(expected);
  });

  it.each(["otherTeacher", "student", "otherStudent"] as const)("accepting the automatic marks as %s is refused and records nothing", async (who) => {
    expect(await outcomeOf(() => acceptAutomaticMarksFor(users[who], { attemptId: studentAttempt }, later(40)))).toBe("FORBIDDEN");
    const db = await getDb();
    expect(await db.response.findFirst({ where: { attemptId: studentAttempt }, select: { marksAcceptedAt: true } })).toEqual({ marksAcceptedAt: null });
  });

  it("refuses malformed input and an answer that does not exist", async () => {
    expect(await outcomeOf(() => acceptAutomaticMarksFor(users.owner, { attemptId: 42 }, later(40)))).toBe("INVALID");
    expect(await outcomeOf(() => acceptAutomaticMarksFor(users.owner, { attemptId: "missing" }, later(40)))).toBe("NOT_FOUND");
  });

  it("a co-teacher accepts the automatic marks in one action: recorded, out of the queue, no longer provisional, marks unchanged", async () => {
    const before = await getAssignmentGradebookFor(users.owner, assignmentId, later(60));
    const cellsBefore = before.gradebook.rows.find((r) => r.student.id === users.student.id)!.cells;
    await acceptAutomaticMarksFor(users.coTeacher, { attemptId: studentAttempt }, later(45));
    const db = await getDb();
    expect(await db.response.findFirst({ where: { attemptId: studentAttempt }, select: { marksAcceptedAt: true, marksAcceptedById: true } })).toEqual({
      marksAcceptedAt: later(45),
      marksAcceptedById: users.coTeacher.id,
    });
    expect(await listToCheckFor(users.owner, classId)).toEqual([]);
    const after = await getAssignmentGradebookFor(users.owner, assignmentId, later(60));
    const row = after.gradebook.rows.find((r) => r.student.id === users.student.id)!;
    expect(row.status).not.toBe("provisional");
    expect(row.cells).toEqual(cellsBefore);
  });
});

describe("a point moderated twice", () => {
  // Zoë and, since the to-check queue above, the other student have answered: two marks on the point.
  it("shows the newest moderation, totals it, and measures agreement against the grader's own mark", async () => {
    const db = await getDb();
    const structurePointId = (await db.rubricPoint.findFirstOrThrow({ where: { questionId, key: "s1" }, select: { id: true } })).id;
    const auto = await db.pointScore.findFirstOrThrow({ where: { rubricPointId: structurePointId, source: "auto", response: { attemptId: zoeAttempt } }, select: { awarded: true } });
    const newest = auto.awarded >= 1 ? 0 : 1;
    await moderateWrittenPoint(users.owner, { attemptId: zoeAttempt, rubricPointId: structurePointId, awarded: auto.awarded, reason: "First look." }, later(70));
    await moderateWrittenPoint(users.coTeacher, { attemptId: zoeAttempt, rubricPointId: structurePointId, awarded: newest, reason: "Second look." }, later(80));
    const { gradebook, agreement } = await getAssignmentGradebookFor(users.owner, assignmentId, later(90));
    const zoe = gradebook.rows.find((r) => r.student.id === users.zoe.id)!;
    expect(zoe.cells[1]).toMatchObject({ columnId: structurePointId, awarded: newest, isModerated: true, attemptId: zoeAttempt });
    expect(zoe.score).toBe(moderatedMark + newest);
    expect(zoe.status).not.toBe("provisional");
    expect(agreement.points.find((p) => p.columnId === structurePointId)).toMatchObject({ markedCount: 2, changedCount: 1, meanChange: newest - auto.awarded, changedAttemptIds: [zoeAttempt] });
  });
});

describe("a rubric point re-weighted after marking", () => {
  it("reads each mark with what it was marked out of (stored with it), not the point's marks now", async () => {
    const db = await getDb();
    const stored = await db.pointScore.findMany({ where: { rubricPointId, response: { attemptId: zoeAttempt } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { max: true, source: true } });
    const counted = stored.filter((s) => s.source !== "auto").at(-1) ?? stored.at(-1)!;
    const { marks: storedMarks } = await db.rubricPoint.findUniqueOrThrow({ where: { id: rubricPointId }, select: { marks: true } });
    await db.rubricPoint.update({ where: { id: rubricPointId }, data: { marks: storedMarks + 3 } });
    try {
      const work = await getGradebookWork(assignmentId, "written", [zoeAttempt]);
      expect(work.marks.find((m) => m.columnId === rubricPointId)).toMatchObject({ moderatedAwarded: moderatedMark, max: counted.max });
    } finally {
      await db.rubricPoint.update({ where: { id: rubricPointId }, data: { marks: storedMarks } });
    }
  });
});
