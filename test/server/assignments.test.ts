import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import { assignSetToClass, getAssignOptions, listAssignableSetsFor, listAssignmentsForStudent } from "@/lib/server/assignments";
import { getStudySetFor } from "@/lib/server/study";
import { createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const users = {} as Record<"teacher" | "otherTeacher" | "student", UserRecord>;
let classId = "";
let otherClassId = "";
let publishedSetId = "";
let draftSetId = "";

beforeAll(async () => {
  const db = await getDb();
  for (const [key, role] of [["teacher", "teacher"], ["otherTeacher", "teacher"], ["student", "student"]] as const) users[key] = await createTestUser(key, role);
  classId = (await db.classroom.create({ data: { name: "Batch A", joinCode: "ASSIGN1", teacherId: users.teacher.id }, select: { id: true } })).id;
  otherClassId = (await db.classroom.create({ data: { name: "Batch B", joinCode: "ASSIGN2", teacherId: users.otherTeacher.id }, select: { id: true } })).id;
  await db.enrollment.create({ data: { classId, studentId: users.student.id } });
  const make = (status: "draft" | "published") =>
    db.studySet.create({ data: { ownerId: users.teacher.id, title: `Set ${status}`, status }, select: { id: true } }).then((s) => s.id);
  publishedSetId = await make("published");
  draftSetId = await make("draft");
});


describe("assigning a set to a class", () => {
  it("makes a published private set visible to the class's students, due at the end of the day in India", async () => {
    expect(await outcomeOf(() => getStudySetFor(users.student, publishedSetId))).toBe("FORBIDDEN");
    await assignSetToClass(users.teacher, { studySetId: publishedSetId, classId, title: "Week 2", dueOn: "2026-03-08" }, NOW);
    expect(await outcomeOf(() => getStudySetFor(users.student, publishedSetId))).toBe("ok");
    const { assignments } = await getAssignOptions(users.teacher, publishedSetId);
    expect(assignments).toEqual([expect.objectContaining({ classId, className: "Batch A", kind: "study_set", title: "Week 2", dueAt: new Date("2026-03-08T18:29:59Z") })]);
  });

  it.each([
    ["a draft set", "teacher", () => ({ studySetId: draftSetId, classId }), "CONFLICT"],
    ["another teacher's class", "teacher", () => ({ studySetId: publishedSetId, classId: otherClassId }), "FORBIDDEN"],
    ["someone else's set", "otherTeacher", () => ({ studySetId: publishedSetId, classId: otherClassId }), "FORBIDDEN"],
    ["a past due date", "teacher", () => ({ studySetId: publishedSetId, classId, dueOn: "2026-02-01" }), "INVALID"],
    ["a malformed due date", "teacher", () => ({ studySetId: publishedSetId, classId, dueOn: "next week" }), "INVALID"],
    ["no class", "teacher", () => ({ studySetId: publishedSetId, classId: "" }), "INVALID"],
    ["a class that does not exist", "teacher", () => ({ studySetId: publishedSetId, classId: "missing" }), "NOT_FOUND"],
  ] as const)("refuses %s and writes nothing", async (_label, who, input, code) => {
    const db = await getDb();
    const before = await db.assignment.count();
    expect(await outcomeOf(() => assignSetToClass(users[who], input(), NOW))).toBe(code);
    expect(await db.assignment.count()).toBe(before);
  });

  it("refuses a second card review of the same set in the same class, with a clear message, and the student's home lists it once", async () => {
    const db = await getDb();
    const before = await db.assignment.count({ where: { classId, studySetId: publishedSetId } });
    expect(before).toBe(1);
    const again = assignSetToClass(users.teacher, { studySetId: publishedSetId, classId, title: "Week 2 again" }, NOW);
    await expect(again).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("“Week 2” already asks this class to review this set's cards") });
    const raced = await Promise.allSettled([1, 2].map(() => assignSetToClass(users.teacher, { studySetId: publishedSetId, classId }, NOW)));
    expect(raced.every((r) => r.status === "rejected")).toBe(true);
    expect(await db.assignment.count({ where: { classId, studySetId: publishedSetId } })).toBe(1);
    const home = await listAssignmentsForStudent(users.student, NOW);
    expect(home.filter((a) => a.studySetId === publishedSetId)).toHaveLength(1);
  });

  it("gives every error of the form at once, the opening after the due time with the fields' own", async () => {
    const form = { studySetId: publishedSetId, classId, kind: "quiz", quizPick: "random", opensAt: "2026-12-20T09:00", dueAt: "2026-12-10T17:00", quizCount: "-5", attemptsAllowed: "0" };
    const refused = await assignSetToClass(users.teacher, form, NOW).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "INVALID", fieldErrors: { opensAt: ["The assignment must open before it is due."], quizCount: ["Draw at least 1 question."], attemptsAllowed: ["At least 1 attempt."] } });
  });

  it("does not let a student assign anything", async () => {
    expect(await outcomeOf(() => assignSetToClass(users.student, { studySetId: publishedSetId, classId }, NOW))).toBe("FORBIDDEN");
  });
});

describe("assigning from the class page", () => {
  it("lists the teacher's own published sets to assign, not drafts, nor anything for a student", async () => {
    expect((await listAssignableSetsFor(users.teacher)).map((s) => s.id)).toEqual([publishedSetId]);
    expect(await listAssignableSetsFor(users.otherTeacher)).toEqual([]);
    expect(await listAssignableSetsFor(users.student)).toEqual([]);
  });

  it.each<[string, () => unknown, () => string | null]>([
    ["one of the teacher's classes", () => classId, () => classId],
    ["another teacher's class", () => otherClassId, () => null],
    ["an id that is not one", () => "x'; --", () => null],
    ["several values", () => [classId, classId], () => null],
    ["nothing", () => undefined, () => null],
  ])("preselects the set page's assign form on ?class= naming %s only when the teacher teaches it", async (_label, requested, expected) => {
    expect((await getAssignOptions(users.teacher, publishedSetId, requested())).preselectedClassId).toBe(expected());
  });
});
