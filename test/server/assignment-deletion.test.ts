// Deleting an assignment made by mistake: allowed to the class's teachers while no student has
// started it (its quiz, due extensions and gradebook stamp go with it, and the set can be assigned
// again); refused, with nothing changed, once any student has an attempt at it.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import { assignSetToClass, deleteAssignmentFor, extendDueDateFor, startAssignedQuizFor } from "@/lib/server/assignments";
import { getClassFor } from "@/lib/server/classes";
import { startWritingAttempt } from "@/lib/server/writing";
import { createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const users = {} as Record<"teacher" | "coTeacher" | "otherTeacher" | "student", UserRecord>;
let classId = "";

/** A published set with two single-choice questions and one written question. */
async function makeSet(title: string): Promise<{ setId: string; writtenId: string }> {
  const db = await getDb();
  const set = await db.studySet.create({
    data: {
      ownerId: users.teacher.id,
      title,
      status: "published",
      questions: {
        create: [
          ...[0, 1].map((i) => ({
            kind: "single_choice" as const,
            prompt: `${title} question ${i + 1}?`,
            explanation: "-",
            marks: 1,
            timeLimitSec: 60,
            position: i,
            options: { create: [{ text: "right", isCorrect: true, position: 0 }, { text: "wrong", isCorrect: false, position: 1 }] },
          })),
          {
            kind: "written" as const,
            prompt: `${title}: how do floods keep delta soil fertile?`,
            explanation: "-",
            marks: 2,
            timeLimitSec: 600,
            wordLimit: 150,
            position: 2,
            rubricPoints: { create: [{ key: "c1", point: "Monsoon floods spread fresh silt over the fields.", marks: 2, kind: "content" as const, position: 0 }] },
          },
        ],
      },
    },
    select: { id: true, questions: { select: { id: true, kind: true } } },
  });
  return { setId: set.id, writtenId: set.questions.find((q) => q.kind === "written")!.id };
}

async function rowsOf(assignmentId: string) {
  const db = await getDb();
  const [assignment, extensions, stamps, attempts] = await Promise.all([
    db.assignment.findUnique({ where: { id: assignmentId }, select: { quizId: true } }),
    db.dueExtension.count({ where: { assignmentId } }),
    db.gradebookStamp.count({ where: { assignmentId } }),
    db.attempt.count({ where: { assignmentId } }),
  ]);
  return { assignment, extensions, stamps, attempts };
}

beforeAll(async () => {
  const db = await getDb();
  for (const [key, role] of [["teacher", "teacher"], ["coTeacher", "teacher"], ["otherTeacher", "teacher"], ["student", "student"]] as const) users[key] = await createTestUser(`del-${key}`, role);
  classId = (await db.classroom.create({ data: { name: "Batch D", joinCode: "DELETE1", teacherId: users.teacher.id }, select: { id: true } })).id;
  await db.classTeacher.create({ data: { classId, teacherId: users.coTeacher.id } });
  await db.classroom.create({ data: { name: "Batch E", joinCode: "DELETE2", teacherId: users.otherTeacher.id } });
  await db.enrollment.create({ data: { classId, studentId: users.student.id } });
});

describe("deleting an assignment no student has started", () => {
  it("removes a quiz assignment with its quiz, extensions and gradebook stamp, and lets the set be assigned again", async () => {
    const db = await getDb();
    const { setId } = await makeSet("Mistaken quiz");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz" }, NOW);
    await extendDueDateFor(users.teacher, { assignmentId: id, studentId: users.student.id, dueAt: "2026-03-09T17:00" }, NOW);
    const before = await rowsOf(id);
    expect(before.assignment?.quizId).toEqual(expect.any(String));
    expect(before.extensions).toBe(1);
    expect(before.stamps).toBe(1);

    expect(await deleteAssignmentFor(users.teacher, { assignmentId: id })).toEqual({ title: "Quiz" });

    expect(await rowsOf(id)).toEqual({ assignment: null, extensions: 0, stamps: 0, attempts: 0 });
    expect(await db.quiz.count({ where: { id: before.assignment!.quizId! } })).toBe(0);
    const again = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Week 3 quiz" }, NOW);
    expect(again.id).not.toBe(id);
  });

  it.each([
    ["written", (writtenId: string) => ({ kind: "written", questionIds: [writtenId] })],
    ["study_set", () => ({ kind: "study_set" })],
  ] as const)("removes a %s assignment", async (kind, rules) => {
    const db = await getDb();
    const { setId, writtenId } = await makeSet(`Mistaken ${kind}`);
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, ...rules(writtenId) }, NOW);
    await deleteAssignmentFor(users.teacher, { assignmentId: id });
    expect(await rowsOf(id)).toEqual({ assignment: null, extensions: 0, stamps: 0, attempts: 0 });
    expect(await db.assignment.count({ where: { classId, studySetId: setId } })).toBe(0);
  });

  it.each([
    ["a co-teacher of the class", "coTeacher", "ok"],
    ["another class's teacher", "otherTeacher", "FORBIDDEN"],
    ["a student of the class", "student", "FORBIDDEN"],
  ] as const)("is %s's to do: %s", async (_label, who, outcome) => {
    const { setId } = await makeSet(`Access ${who}`);
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz" }, NOW);
    expect(await outcomeOf(() => deleteAssignmentFor(users[who], { assignmentId: id }))).toBe(outcome);
    expect((await rowsOf(id)).assignment === null).toBe(outcome === "ok");
  });

  it.each([
    ["no assignment id", {}, "INVALID"],
    ["an assignment that does not exist", { assignmentId: "missing" }, "NOT_FOUND"],
  ] as const)("refuses %s", async (_label, input, code) => {
    expect(await outcomeOf(() => deleteAssignmentFor(users.teacher, input))).toBe(code);
  });
});

describe("deleting an assignment a student has started", () => {
  it("refuses a started quiz assignment with a clear message and keeps the assignment, its quiz and the attempt", async () => {
    const db = await getDb();
    const { setId } = await makeSet("Started quiz");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz" }, NOW);
    const { attemptId } = await startAssignedQuizFor(users.student, { assignmentId: id }, NOW);
    const before = await rowsOf(id);

    const refused = deleteAssignmentFor(users.teacher, { assignmentId: id });
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Students have already started this assignment") });

    expect(await rowsOf(id)).toEqual(before);
    expect(await db.attempt.count({ where: { id: attemptId } })).toBe(1);
    expect(await db.quiz.count({ where: { id: before.assignment!.quizId! } })).toBe(1);
  });

  it("is marked started on the class page, which then offers no deletion", async () => {
    const { setId } = await makeSet("Marked quiz");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz" }, NOW);
    const hasAttempts = async () => (await getClassFor(users.coTeacher, classId)).assignments.find((a) => a.id === id)?.hasAttempts;
    expect(await hasAttempts()).toBe(false);
    await startAssignedQuizFor(users.student, { assignmentId: id }, NOW);
    expect(await hasAttempts()).toBe(true);
  });

  it("refuses a written assignment once one answer is started", async () => {
    const { setId, writtenId } = await makeSet("Started written");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [writtenId] }, NOW);
    await startWritingAttempt(users.student, { questionId: writtenId, assignmentId: id }, NOW);
    expect(await outcomeOf(() => deleteAssignmentFor(users.teacher, { assignmentId: id }))).toBe("CONFLICT");
    expect(await rowsOf(id)).toMatchObject({ assignment: { quizId: null }, attempts: 1, stamps: 1 });
  });
});

describe("assigning a set's cards to review again", () => {
  it("says what the teacher can do instead", async () => {
    const { setId } = await makeSet("Twice");
    await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "study_set", title: "Read it" }, NOW);
    await expect(assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "study_set" }, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("extend it for the students who need it, or delete “Read it” from the class page"),
    });
  });
});
