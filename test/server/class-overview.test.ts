// A class's overview from the database: students × the class's written assignments over the term,
// marks as moderated, late work marked, trends; the CSV a spreadsheet reads back; teachers only.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import { assignSetToClass } from "@/lib/server/assignments";
import { exportClassCsvFor, getClassOverviewFor } from "@/lib/server/class-overview";
import { moderateWrittenPoint, startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestClass, createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { createFloodsQuestionSet, createTwoQuestionQuizSet } from "../support/written-sets";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
const ANSWER = "Introduction: floods matter.\n\nMonsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.\n\nConclusion: protect floodplains.";
type Who = "owner" | "coTeacher" | "otherTeacher" | "student" | "otherStudent";
const users = {} as Record<Who | "zoe", UserRecord>;
let classId = "";
const assignmentOf: Record<"week1" | "week2", string> = { week1: "", week2: "" };
let week1Point = "";

async function makeWrittenSet(title: string) {
  const set = await createFloodsQuestionSet(users.owner.id, title);
  return { setId: set.setId, questionId: set.questionId, contentPoint: set.points.c1 };
}

async function answer(who: UserRecord, questionId: string, assignmentId: string, submitAt: Date): Promise<string> {
  const draft = await startWritingAttempt(who, { questionId, assignmentId }, new Date(submitAt.getTime() - 5 * 60_000));
  await submitWritingAttempt(who, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, submitAt);
  return draft.attemptId;
}

beforeAll(async () => {
  for (const [key, role] of [["owner", "teacher"], ["coTeacher", "teacher"], ["otherTeacher", "teacher"], ["student", "student"], ["otherStudent", "student"]] as const) {
    users[key] = await createTestUser(key, role);
  }
  const db = await getDb();
  users.zoe = await db.user.create({ data: { name: "=Zoë Ødegaard", email: "zoe@example.com", role: "student", passwordHash: "x" }, select: { id: true, email: true, name: true, role: true } });
  classId = (await db.classroom.create({ data: { name: "Évening batch", joinCode: "OVERVW1", teacherId: users.owner.id }, select: { id: true } })).id;
  await db.classTeacher.create({ data: { classId, teacherId: users.coTeacher.id } });
  for (const s of [users.student, users.zoe]) await db.enrollment.create({ data: { classId, studentId: s.id } });
  const week1 = await makeWrittenSet("Week 1");
  const week2 = await makeWrittenSet("Week 2");
  week1Point = week1.contentPoint;
  assignmentOf.week1 = (await assignSetToClass(users.owner, { studySetId: week1.setId, classId, kind: "written", questionIds: [week1.questionId], dueAt: "2026-03-01T16:00" }, NOW)).id;
  assignmentOf.week2 = (await assignSetToClass(users.owner, { studySetId: week2.setId, classId, kind: "written", questionIds: [week2.questionId], dueAt: "2026-03-08T16:00" }, NOW)).id;
  // Due times are read in the app's time zone; week 1's is well after NOW and well before `later(60 * 24)`.
  const zoeWeek1 = await answer(users.zoe, week1.questionId, assignmentOf.week1, later(30));
  await moderateWrittenPoint(users.owner, { attemptId: zoeWeek1, rubricPointId: week1Point, awarded: 0, reason: "The link to fertility is missing." }, later(60));
  await answer(users.zoe, week2.questionId, assignmentOf.week2, later(60 * 24));
  await answer(users.student, week1.questionId, assignmentOf.week1, later(60 * 24));
  // Card-review work carries no score and is not a column.
  await db.assignment.create({ data: { classId, studySetId: week2.setId, createdById: users.owner.id, title: "Cards", kind: "study_set" } });
});

describe("a class's overview", () => {
  it("lists the scored assignments in term order and each student's cells with the moderated marks", async () => {
    const view = await getClassOverviewFor(users.owner, classId);
    expect(view.assignments.map((a) => [a.id, a.maxScore])).toEqual([
      [assignmentOf.week1, 3],
      [assignmentOf.week2, 3],
    ]);
    const zoe = view.rows.find((r) => r.student.id === users.zoe.id)!;
    const db = await getDb();
    const zoeWeek1 = await db.attempt.findFirstOrThrow({ where: { userId: users.zoe.id, assignmentId: assignmentOf.week1 }, select: { score: true } });
    expect(zoe.cells[0]).toMatchObject({ score: zoeWeek1.score, maxScore: 3, isLate: false });
    expect(zoe.cells[0]!.status).toMatch(/submitted/);
    expect(zoe.trend).toHaveLength(2);
    const student = view.rows.find((r) => r.student.id === users.student.id)!;
    expect(student.cells[0]).toMatchObject({ isLate: true });
    expect(student.cells[1]).toMatchObject({ status: "not_started", score: null });
  });

  it("exports CSV a spreadsheet reads back: BOM, one row per student, distinct headers for same-titled work, accents kept, a formula neutralised", async () => {
    const { csv, filename } = await exportClassCsvFor(users.coTeacher, classId);
    expect(filename).toBe("class-vening-batch.csv");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      "Student",
      "Email",
      "1. Written answers (score of 3)",
      "1. Written answers (status)",
      "2. Written answers (score of 3)",
      "2. Written answers (status)",
      "Mean %",
      "Trend (last scores, %)",
    ]);
    expect(parsed.data).toHaveLength(2);
    const zoe = parsed.data.find((r) => r.Email === "zoe@example.com")!;
    expect(zoe.Student).toBe("'=Zoë Ødegaard");
    expect(zoe["2. Written answers (status)"]).toMatch(/Submitted|Provisional/);
    const view = await getClassOverviewFor(users.owner, classId);
    expect(zoe["1. Written answers (score of 3)"]).toBe(String(view.rows.find((r) => r.student.id === users.zoe.id)!.cells[0]!.score));
    expect(parsed.data.find((r) => r.Email === "student@example.com")!["2. Written answers (status)"]).toBe("Not started");
  });

  it("says what a quiz column is out of before anyone has taken it, by its marking scheme, as the written column does (new-user test)", async () => {
    const quizClass = await createTestClass(users.owner.id, [users.otherStudent.id], "Quiz batch", "OVERVW2");
    const set = await createTwoQuestionQuizSet(users.owner.id, "Quiz set", "Overview");
    const standard = await assignSetToClass(users.owner, { studySetId: set.setId, classId: quizClass, title: "Quiz 1", kind: "quiz", dueAt: "2026-03-02T16:00" }, NOW);
    const prelims = await assignSetToClass(users.owner, { studySetId: set.setId, classId: quizClass, title: "Quiz 2", kind: "quiz", marking: "prelims", dueAt: "2026-03-03T16:00" }, NOW);
    const view = await getClassOverviewFor(users.owner, quizClass);
    expect(view.assignments.map((a) => [a.id, a.maxScore])).toEqual([
      [standard.id, 2],
      [prelims.id, 4],
    ]);
    expect(view.rows[0]!.cells[0]).toMatchObject({ status: "not_started", maxScore: 2 });
    const { csv } = await exportClassCsvFor(users.owner, quizClass);
    expect(csv).toContain("1. Quiz 1 (score of 2)");
  });

  it.each([
    ["owner", "ok"],
    ["coTeacher", "ok"],
    ["otherTeacher", "FORBIDDEN"],
    ["student", "FORBIDDEN"],
    ["otherStudent", "FORBIDDEN"],
  ] as const)("opening and exporting it as %s: %s", async (who, expected) => {
    expect(await outcomeOf(() => getClassOverviewFor(users[who], classId))).toBe(expected);
    expect(await outcomeOf(() => exportClassCsvFor(users[who], classId))).toBe(expected);
  });

  it("answers NOT_FOUND for a class that does not exist or an id that cannot be one", async () => {
    expect(await outcomeOf(() => getClassOverviewFor(users.owner, "missing"))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => exportClassCsvFor(users.owner, "bad\u0000id"))).toBe("NOT_FOUND");
  });
});
