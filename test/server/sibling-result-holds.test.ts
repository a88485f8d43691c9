// Two assignments of one set in one class share questions (Quiz 1 released on submission, Quiz 2
// after its due time; Week 1 and Week 2 asking the same written question): the result of one must
// not show the key or the model answer of a question the other still asks for marks — in either
// order — on the result, the earlier-attempts lists, the assignment list, or a card made from it.
// The student sees the whole attempt withheld with a note naming the assignment that holds it;
// teachers see everything throughout.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import { optionToken } from "@/lib/quiz/option-tokens";
import { assignSetToClass, listAssignmentsForStudent, startAssignedQuizFor } from "@/lib/server/assignments";
import { acceptMissedPoint } from "@/lib/server/learner-cards";
import { getQuizResultFor, getQuizStartPageFor, listQuizAttemptsFor, makeMissedQuestionCardFor, retryMissedFor, saveQuizAnswerFor, submitQuizFor } from "@/lib/server/quiz";
import { getAttemptFor, getWritingPageFor, listMyWrittenAttempts, startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestClass, createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
/** After every due time these tests set (13 March, 17:00 in the display time zone). */
const AFTER_DUE = new Date("2026-03-14T12:00:00Z");
const ANSWER = "Introduction: floods matter.\n\nMonsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.\n\nConclusion: protect floodplains.";
const users = {} as Record<"teacher" | "student", UserRecord>;
let classId = "";

/** A published set with three single-choice questions (option "right" is correct) and one written question. */
async function makeSet(title: string): Promise<{ setId: string; objectiveIds: string[]; writtenId: string }> {
  const db = await getDb();
  const set = await db.studySet.create({
    data: {
      ownerId: users.teacher.id,
      title,
      status: "published",
      questions: {
        create: [
          ...[0, 1, 2].map((i) => ({
            kind: "single_choice" as const,
            prompt: `${title} question ${i + 1}?`,
            explanation: "Because the key says so.",
            marks: 1,
            timeLimitSec: 60,
            position: i,
            options: { create: [{ text: "right", isCorrect: true, position: 0 }, { text: "wrong", isCorrect: false, position: 1 }] },
          })),
          {
            kind: "written" as const,
            prompt: `${title}: how do floods keep delta soil fertile?`,
            explanation: "-",
            marks: 4,
            timeLimitSec: 600,
            wordLimit: 150,
            position: 3,
            rubricPoints: {
              create: [
                { key: "c1", point: "Monsoon floods spread fresh silt over the fields.", marks: 2, kind: "content" as const, position: 0 },
                { key: "c2", point: "Embankments starve the delta of sediment.", marks: 2, kind: "content" as const, position: 1 },
              ],
            },
          },
        ],
      },
    },
    select: { id: true, questions: { select: { id: true, kind: true }, orderBy: { position: "asc" } } },
  });
  return { setId: set.id, objectiveIds: set.questions.filter((q) => q.kind !== "written").map((q) => q.id), writtenId: set.questions.find((q) => q.kind === "written")!.id };
}

async function takeQuiz(assignmentId: string, at: Date): Promise<string> {
  const db = await getDb();
  const { attemptId } = await startAssignedQuizFor(users.student, { assignmentId }, at);
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { quiz: { select: { questionIds: true } } } });
  const questionId = attempt.quiz!.questionIds[0]!;
  const right = await db.option.findFirstOrThrow({ where: { questionId, isCorrect: true }, select: { id: true } });
  await saveQuizAnswerFor(users.student, attemptId, { questionId, answer: { optionIds: [optionToken(attemptId, right.id)] }, version: 1 }, at);
  await submitQuizFor(users.student, attemptId, new Date(at.getTime() + 60_000));
  return attemptId;
}

async function writeFor(assignmentId: string, questionId: string, at: Date): Promise<string> {
  const draft = await startWritingAttempt(users.student, { questionId, assignmentId }, at);
  await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, new Date(at.getTime() + 60_000));
  return draft.attemptId;
}

beforeAll(async () => {
  users.teacher = await createTestUser("sibling-teacher", "teacher");
  users.student = await createTestUser("sibling-student", "student");
  classId = await createTestClass(users.teacher.id, [users.student.id], "Batch H", "SIBLING1");
});

describe("two quizzes of one set sharing questions", () => {
  it("withholds Quiz 1 (results on submission) while Quiz 2 still asks its questions, and frees it once Quiz 2's results are out", async () => {
    const { setId, objectiveIds } = await makeSet("Shared quiz");
    const quiz1 = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Quiz 1", dueAt: "2026-03-06T17:00" }, NOW);
    await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Quiz 2", quizPick: "chosen", questionIds: [objectiveIds[1]], dueAt: "2026-03-13T17:00", resultRelease: "after_due" }, NOW);
    const taken = await takeQuiz(quiz1.id, later(1));

    const result = await getQuizResultFor(users.student, taken, later(3));
    expect(result).toMatchObject({ state: "withheld", note: expect.stringContaining("also in your assigned quiz “Quiz 2”") });
    expect(JSON.stringify(result)).not.toMatch(/rightAnswer|isCorrect|explanation|"right"|score/);
    expect((await getQuizResultFor(users.teacher, taken, later(3))).state).toBe("released");
    // Nor does anything else tell the key or which answers were wrong.
    expect(await outcomeOf(() => makeMissedQuestionCardFor(users.student, taken, objectiveIds[1]!, later(3)))).toBe("INVALID");
    expect(await outcomeOf(() => retryMissedFor(users.student, taken, later(3)))).toBe("INVALID");
    expect((await listQuizAttemptsFor(users.student, setId, later(3))).find((a) => a.id === taken)).toMatchObject({ score: null, maxScore: null });
    expect((await getQuizStartPageFor(users.student, setId, later(3))).missedCount).toBe(0);
    const listed = (await listAssignmentsForStudent(users.student, later(3))).find((a) => a.id === quiz1.id);
    expect(listed).toMatchObject({ state: "done", latestFinishedAttemptId: taken, isResultReleased: false });

    // Taking Quiz 2 is not enough while its own results wait for its due time; after it, both are out.
    const second = await takeQuiz((await listAssignmentsForStudent(users.student, later(4))).find((a) => a.title === "Quiz 2" && a.studySetId === setId)!.id, later(4));
    expect((await getQuizResultFor(users.student, taken, later(6))).state).toBe("withheld");
    expect((await getQuizResultFor(users.student, taken, AFTER_DUE)).state).toBe("released");
    expect((await getQuizResultFor(users.student, second, AFTER_DUE)).state).toBe("released");
    expect(await outcomeOf(() => makeMissedQuestionCardFor(users.student, taken, objectiveIds[1]!, AFTER_DUE))).toBe("ok");
    expect((await listAssignmentsForStudent(users.student, AFTER_DUE)).find((a) => a.id === quiz1.id)).toMatchObject({ isResultReleased: true });
  });

  it("withholds Quiz 1 taken after Quiz 2 until Quiz 2's results are out", async () => {
    const { setId, objectiveIds } = await makeSet("Shared quiz, reversed");
    const quiz1 = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Quiz 1", quizPick: "chosen", questionIds: [objectiveIds[0], objectiveIds[1]] }, NOW);
    const quiz2 = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Quiz 2", dueAt: "2026-03-13T17:00", resultRelease: "after_due" }, NOW);
    const second = await takeQuiz(quiz2.id, later(1));
    const first = await takeQuiz(quiz1.id, later(3));
    expect(await getQuizResultFor(users.student, first, later(5))).toMatchObject({ state: "withheld", note: expect.stringContaining("“Quiz 2”") });
    expect(await getQuizResultFor(users.student, second, later(5))).toMatchObject({ state: "withheld", note: expect.stringContaining("after the due time") });
    expect(await outcomeOf(() => makeMissedQuestionCardFor(users.student, first, objectiveIds[1]!, later(5)))).toBe("INVALID");
    expect((await getQuizResultFor(users.teacher, first, later(5))).state).toBe("released");
    expect((await getQuizResultFor(users.student, first, AFTER_DUE)).state).toBe("released");
  });

  it("leaves Quiz 1 alone when Quiz 2 asks none of its questions", async () => {
    const { setId, objectiveIds } = await makeSet("Apart");
    const quiz1 = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Quiz 1", quizPick: "chosen", questionIds: [objectiveIds[0]] }, NOW);
    await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", title: "Quiz 2", quizPick: "chosen", questionIds: [objectiveIds[1], objectiveIds[2]], dueAt: "2026-03-13T17:00", resultRelease: "after_due" }, NOW);
    const taken = await takeQuiz(quiz1.id, later(1));
    expect(await getQuizResultFor(users.student, taken, later(3))).toMatchObject({ state: "released", tally: { correct: 1 } });
  });
});

describe("two written assignments of one set asking the same question", () => {
  it("withholds Week 1's marks and model answer while Week 2 still asks the question, on every page that shows them", async () => {
    const { setId, writtenId } = await makeSet("Shared essay");
    const week1 = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", title: "Week 1", questionIds: [writtenId] }, NOW);
    const week2 = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", title: "Week 2", questionIds: [writtenId], dueAt: "2026-03-13T17:00", resultRelease: "after_due" }, NOW);
    const first = await writeFor(week1.id, writtenId, later(1));

    const view = await getAttemptFor(users.student, first, later(3));
    expect(view).toMatchObject({ state: "withheld", note: expect.stringContaining("also set in your assignment “Week 2”") });
    expect(JSON.stringify(view)).not.toMatch(/modelAnswer|feedback|"score"|points/);
    expect((await getAttemptFor(users.teacher, first, later(3))).state).toBe("graded");
    const db = await getDb();
    const point = await db.rubricPoint.findFirstOrThrow({ where: { questionId: writtenId, key: "c2" }, select: { id: true } });
    expect(await outcomeOf(() => acceptMissedPoint(users.student, { attemptId: first, rubricPointId: point.id }, later(3)))).toBe("CONFLICT");
    // Week 2's writing page lists the earlier answer without its score, as does the list of answers.
    const page = await getWritingPageFor(users.student, setId, writtenId, week2.id, later(3));
    expect(page.attempts.find((a) => a.id === first)).toMatchObject({ score: null, maxScore: null });
    expect((await listMyWrittenAttempts(users.student, later(3))).find((a) => a.id === first)).toMatchObject({ score: null, maxScore: null });
    expect((await listAssignmentsForStudent(users.student, later(3))).find((a) => a.id === week1.id)).toMatchObject({ state: "done", isResultReleased: false });

    const second = await writeFor(week2.id, writtenId, later(5));
    expect((await getAttemptFor(users.student, first, later(7))).state).toBe("withheld");
    expect((await getAttemptFor(users.student, first, AFTER_DUE)).state).toBe("graded");
    expect((await getAttemptFor(users.student, second, AFTER_DUE)).state).toBe("graded");
    expect(await outcomeOf(() => acceptMissedPoint(users.student, { attemptId: first, rubricPointId: point.id }, AFTER_DUE))).toBe("ok");
  });

  it("withholds Week 1 written after Week 2 until Week 2's results are out", async () => {
    const { setId, writtenId } = await makeSet("Shared essay, reversed");
    const week1 = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", title: "Week 1", questionIds: [writtenId] }, NOW);
    const week2 = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", title: "Week 2", questionIds: [writtenId], dueAt: "2026-03-13T17:00", resultRelease: "after_due" }, NOW);
    await writeFor(week2.id, writtenId, later(1));
    const first = await writeFor(week1.id, writtenId, later(3));
    expect(await getAttemptFor(users.student, first, later(5))).toMatchObject({ state: "withheld", note: expect.stringContaining("“Week 2”") });
    expect((await getAttemptFor(users.teacher, first, later(5))).state).toBe("graded");
    expect((await getAttemptFor(users.student, first, AFTER_DUE)).state).toBe("graded");
  });
});
