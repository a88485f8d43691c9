// One set assigned to one class more than once: Quiz 1 this week and Quiz 2 the next, a second
// written question — each its own assignment with its own quiz, attempts and gradebook, told apart
// by its title on the student's list. A second card review of the same set, or a second assignment
// of one kind under the same title, is refused with a message saying what to do instead.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import { optionToken } from "@/lib/quiz/option-tokens";
import { assignSetToClass, getAssignOptions, listAssignmentsForStudent, startAssignedQuizFor } from "@/lib/server/assignments";
import { getAssignmentGradebookFor } from "@/lib/server/gradebook";
import { saveQuizAnswerFor, submitQuizFor } from "@/lib/server/quiz";
import { startWritingAttempt } from "@/lib/server/writing";
import { createTestClass, createTestUser } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
const users = {} as Record<"teacher" | "student", UserRecord>;
let classId = "";

/** A published set with four single-choice questions (option "right" is correct) and two written questions. */
async function makeSet(title: string): Promise<{ setId: string; objectiveIds: string[]; writtenIds: string[] }> {
  const db = await getDb();
  const set = await db.studySet.create({
    data: {
      ownerId: users.teacher.id,
      title,
      status: "published",
      questions: {
        create: [
          ...[0, 1, 2, 3].map((i) => ({
            kind: "single_choice" as const,
            prompt: `${title} question ${i + 1}?`,
            explanation: "-",
            marks: 1,
            timeLimitSec: 60,
            position: i,
            options: { create: [{ text: "right", isCorrect: true, position: 0 }, { text: "wrong", isCorrect: false, position: 1 }] },
          })),
          ...[4, 5].map((i) => ({
            kind: "written" as const,
            prompt: `${title}: written question ${i - 3} on how floods keep delta soil fertile?`,
            explanation: "-",
            marks: 2,
            timeLimitSec: 600,
            wordLimit: 150,
            position: i,
            rubricPoints: { create: [{ key: "c1", point: "Monsoon floods spread fresh silt over the fields.", marks: 2, kind: "content" as const, position: 0 }] },
          })),
        ],
      },
    },
    select: { id: true, questions: { select: { id: true, kind: true }, orderBy: { position: "asc" } } },
  });
  return {
    setId: set.id,
    objectiveIds: set.questions.filter((q) => q.kind !== "written").map((q) => q.id),
    writtenIds: set.questions.filter((q) => q.kind === "written").map((q) => q.id),
  };
}

async function answerRight(attemptId: string, questionId: string, at: Date) {
  const db = await getDb();
  const right = await db.option.findFirstOrThrow({ where: { questionId, isCorrect: true }, select: { id: true } });
  await saveQuizAnswerFor(users.student, attemptId, { questionId, answer: { optionIds: [optionToken(attemptId, right.id)] }, version: 1 }, at);
}

beforeAll(async () => {
  users.teacher = await createTestUser("repeat-teacher", "teacher");
  users.student = await createTestUser("repeat-student", "student");
  classId = await createTestClass(users.teacher.id, [users.student.id], "Batch R", "REPEAT1");
});

describe("two quizzes from one set in one class", () => {
  it("are two assignments, each with its own quiz, attempts and gradebook, both on the student's list by title", async () => {
    const db = await getDb();
    const { setId, objectiveIds } = await makeSet("Monsoon");
    const first = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Quiz 1", quizPick: "random", quizCount: "2", dueAt: "2026-03-06T17:00" }, NOW);
    const second = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Quiz 2", quizPick: "chosen", questionIds: [objectiveIds[3]], dueAt: "2026-03-13T17:00" }, NOW);
    expect(second.id).not.toBe(first.id);

    const quizzes = await db.assignment.findMany({ where: { id: { in: [first.id, second.id] } }, select: { id: true, quiz: { select: { id: true, title: true, questionIds: true } } } });
    const quizOf = new Map(quizzes.map((a) => [a.id, a.quiz!]));
    expect(quizOf.get(first.id)!.id).not.toBe(quizOf.get(second.id)!.id);
    expect(quizOf.get(first.id)!.questionIds).toHaveLength(2);
    expect(quizOf.get(second.id)).toMatchObject({ title: "Quiz 2", questionIds: [objectiveIds[3]] });

    const listed = (await listAssignmentsForStudent(users.student, NOW)).filter((a) => a.studySetId === setId);
    expect(listed.map((a) => [a.title, a.kind, a.state])).toEqual([
      ["Quiz 1", "quiz", "due"],
      ["Quiz 2", "quiz", "due"],
    ]);
    const { assignments } = await getAssignOptions(users.teacher, setId);
    expect(assignments.map((a) => [a.title, a.kind, a.className])).toEqual([
      ["Quiz 1", "quiz", "Batch R"],
      ["Quiz 2", "quiz", "Batch R"],
    ]);

    // Quiz 1: taken and submitted with one right answer. Quiz 2: started only.
    const taken = await startAssignedQuizFor(users.student, { assignmentId: first.id }, later(1));
    await answerRight(taken.attemptId, quizOf.get(first.id)!.questionIds[0]!, later(2));
    await submitQuizFor(users.student, taken.attemptId, later(3));
    const started = await startAssignedQuizFor(users.student, { assignmentId: second.id }, later(4));
    expect(started.attemptId).not.toBe(taken.attemptId);
    expect(await db.attempt.findMany({ where: { userId: users.student.id, studySetId: setId }, select: { assignmentId: true, quizId: true }, orderBy: { startedAt: "asc" } })).toEqual([
      { assignmentId: first.id, quizId: quizOf.get(first.id)!.id },
      { assignmentId: second.id, quizId: quizOf.get(second.id)!.id },
    ]);

    const [book1, book2] = await Promise.all([getAssignmentGradebookFor(users.teacher, first.id, later(5)), getAssignmentGradebookFor(users.teacher, second.id, later(5))]);
    expect(book1.gradebook.columns.map((c) => c.questionId)).toEqual(quizOf.get(first.id)!.questionIds);
    expect(book2.gradebook.columns.map((c) => c.questionId)).toEqual([objectiveIds[3]]);
    const row1 = book1.gradebook.rows.find((r) => r.student.id === users.student.id)!;
    const row2 = book2.gradebook.rows.find((r) => r.student.id === users.student.id)!;
    expect([row1.status, row1.score, row1.maxScore]).toEqual(["submitted", 1, 2]);
    expect([row2.status, row2.score, row2.maxScore]).toEqual(["in_progress", null, 1]);

    const after = (await listAssignmentsForStudent(users.student, later(5))).filter((a) => a.studySetId === setId);
    expect(after.map((a) => [a.title, a.state, a.openAttemptId, a.latestFinishedAttemptId])).toEqual([
      ["Quiz 1", "done", null, taken.attemptId],
      ["Quiz 2", "due", started.attemptId, null],
    ]);
  });

  it("numbers an untitled one on from the default title", async () => {
    const { setId } = await makeSet("Untitled");
    const titles = [];
    for (let i = 0; i < 3; i++) titles.push((await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz" }, NOW)).title);
    expect(titles).toEqual(["Quiz", "Quiz 2", "Quiz 3"]);
  });

  it("refuses a second quiz under the same title, suggesting a free one, and writes nothing", async () => {
    const db = await getDb();
    const { setId } = await makeSet("Same title");
    await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Quiz 1" }, NOW);
    const before = await Promise.all([db.assignment.count(), db.quiz.count()]);
    await expect(assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "  quiz 1 " }, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Give this one its own title, such as “quiz 2”"),
      fieldErrors: { title: [expect.stringContaining("try “quiz 2”")] },
    });
    expect(await Promise.all([db.assignment.count(), db.quiz.count()])).toEqual(before);
    // The same title of another kind is told apart by its kind.
    await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", title: "Quiz 1", questionIds: [(await db.question.findFirstOrThrow({ where: { studySetId: setId, kind: "written" } })).id] }, NOW);
  });

  it("makes exactly one of two same-titled quizzes assigned at once", async () => {
    const db = await getDb();
    const { setId } = await makeSet("Raced");
    const raced = await Promise.allSettled([1, 2].map(() => assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Race" }, NOW)));
    expect(raced.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.assignment.count({ where: { classId, studySetId: setId } })).toBe(1);
    expect(await db.quiz.count({ where: { studySetId: setId } })).toBe(1);
  });
});

describe("two written assignments from one set in one class", () => {
  it("keep their own attempts at the same question", async () => {
    const db = await getDb();
    const { setId, writtenIds } = await makeSet("Essays");
    const week1 = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", title: "Essay week 1", questionIds: [writtenIds[0]] }, NOW);
    const week2 = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", title: "Essay week 2", questionIds: writtenIds }, NOW);
    const a1 = await startWritingAttempt(users.student, { questionId: writtenIds[0], assignmentId: week1.id }, NOW);
    const a2 = await startWritingAttempt(users.student, { questionId: writtenIds[0], assignmentId: week2.id }, NOW);
    expect(a2.attemptId).not.toBe(a1.attemptId);
    expect(await db.attempt.count({ where: { assignmentId: week1.id } })).toBe(1);
    expect(await db.attempt.count({ where: { assignmentId: week2.id } })).toBe(1);
    const listed = (await listAssignmentsForStudent(users.student, NOW)).filter((a) => a.studySetId === setId);
    expect(listed.map((a) => a.title).sort()).toEqual(["Essay week 1", "Essay week 2"]);
  });
});

describe("a second card review of the same set", () => {
  it("is refused with what to do instead, even under another title, and nothing is written", async () => {
    const db = await getDb();
    const { setId } = await makeSet("Cards");
    await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "study_set", title: "Read and review" }, NOW);
    const before = await db.assignment.count();
    await expect(assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "study_set", title: "Review again" }, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("“Read and review” already asks this class to review this set's cards"),
      fieldErrors: { kind: [expect.any(String)] },
    });
    const raced = await Promise.allSettled([1, 2].map(() => assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "study_set" }, NOW)));
    expect(raced.every((r) => r.status === "rejected")).toBe(true);
    expect(await db.assignment.count()).toBe(before);
  });

  it("is still allowed in another class", async () => {
    const db = await getDb();
    const { setId } = await makeSet("Cards elsewhere");
    const otherClassId = (await db.classroom.create({ data: { name: "Batch S", joinCode: "REPEAT2", teacherId: users.teacher.id }, select: { id: true } })).id;
    await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "study_set" }, NOW);
    await assignSetToClass(users.teacher, { studySetId: setId, classId: otherClassId, kind: "study_set" }, NOW);
    expect(await db.assignment.count({ where: { studySetId: setId, kind: "study_set" } })).toBe(2);
  });
});
