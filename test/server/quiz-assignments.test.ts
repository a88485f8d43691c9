// Quiz assignments and result release: a quiz assigned to a class is started by the server with the
// student's accommodation, late work is marked, and marks stay hidden from the student until the
// assignment's release rule allows — while the class's teacher sees them throughout.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { finaliseQuizAttempt } from "@/lib/db/quizzes";
import type { UserRecord } from "@/lib/db/users";
import { optionToken } from "@/lib/quiz/option-tokens";
import { quizTimeLabel } from "@/lib/quiz/clock";
import { assignSetToClass, extendDueDateFor, listAssignmentsForStudent, releaseResultsFor, startAssignedQuizFor } from "@/lib/server/assignments";
import { removeStudentFor, setExtraTimeFor } from "@/lib/server/classes";
import { getAssignmentGradebookFor } from "@/lib/server/gradebook";
import { getQuizResultFor, getQuizStartPageFor, getQuizTakingViewFor, makeMissedQuestionCardFor, retryMissedFor, saveQuizAnswerFor, startQuizForSet, submitQuizFor } from "@/lib/server/quiz";
import { getStudentHome } from "@/lib/server/dashboard";
import { getProgressDashboard } from "@/lib/server/progress";
import { getAttemptFor, getWritingPageFor, listMyWrittenAttempts, moderateWrittenPoint, startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestClass, createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
const ANSWER = "Introduction: floods matter.\n\nMonsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.\n\nConclusion: protect floodplains.";
const users = {} as Record<"teacher" | "otherTeacher" | "accommodated" | "student" | "outsider", UserRecord>;
let classId = "";

/** A published set with three single-choice questions (option "right" is correct) and one written question. */
async function makeSet(title: string): Promise<{ setId: string; objectiveIds: string[]; writtenId: string }> {
  const db = await getDb();
  const objective = [0, 1, 2].map((i) => ({
    kind: "single_choice" as const,
    prompt: `${title} question ${i + 1}?`,
    explanation: "-",
    marks: 1,
    timeLimitSec: 60,
    position: i,
    options: { create: [{ text: "right", isCorrect: true, position: 0 }, { text: "wrong", isCorrect: false, position: 1 }] },
  }));
  const set = await db.studySet.create({
    data: {
      ownerId: users.teacher.id,
      title,
      status: "published",
      questions: {
        create: [
          ...objective,
          {
            kind: "written",
            prompt: `${title}: how do floods keep delta soil fertile?`,
            explanation: "-",
            marks: 2,
            timeLimitSec: 600,
            wordLimit: 150,
            position: 3,
            rubricPoints: { create: [{ key: "c1", point: "Monsoon floods spread fresh silt over the fields, keeping the soil fertile.", marks: 2, kind: "content", position: 0 }] },
          },
        ],
      },
    },
    select: { id: true, questions: { select: { id: true, kind: true }, orderBy: { position: "asc" } } },
  });
  return { setId: set.id, objectiveIds: set.questions.filter((q) => q.kind !== "written").map((q) => q.id), writtenId: set.questions.find((q) => q.kind === "written")!.id };
}

async function answerRight(student: UserRecord, attemptId: string, questionId: string, at: Date) {
  const db = await getDb();
  const right = await db.option.findFirstOrThrow({ where: { questionId, isCorrect: true }, select: { id: true } });
  return saveQuizAnswerFor(student, attemptId, { questionId, answer: { optionIds: [optionToken(attemptId, right.id)] }, version: 1 }, at);
}

beforeAll(async () => {
  users.teacher = await createTestUser("teacher", "teacher");
  users.otherTeacher = await createTestUser("other teacher", "teacher");
  users.accommodated = await createTestUser("accommodated", "student");
  users.student = await createTestUser("student", "student");
  users.outsider = await createTestUser("outsider", "student");
  classId = await createTestClass(users.teacher.id, [users.accommodated.id, users.student.id], "Batch", "QUIZ001");
  await setExtraTimeFor(users.teacher, { classId, studentId: users.accommodated.id, extraTimeMultiplier: "1.5" });
});

describe("a quiz assignment", () => {
  it("fixes the chosen questions and marking once, and times each student by the server with their extra time", async () => {
    const { setId, objectiveIds } = await makeSet("Chosen");
    const { id } = await assignSetToClass(
      users.teacher,
      { studySetId: setId, classId, kind: "quiz", quizPick: "chosen", questionIds: [objectiveIds[2], objectiveIds[0]], timeLimitMin: "10", marking: "prelims" },
      NOW,
    );
    const plain = await startAssignedQuizFor(users.student, { assignmentId: id }, NOW);
    const extra = await startAssignedQuizFor(users.accommodated, { assignmentId: id }, NOW);
    const [plainView, extraView] = await Promise.all([getQuizTakingViewFor(users.student, plain.attemptId, NOW), getQuizTakingViewFor(users.accommodated, extra.attemptId, NOW)]);
    if (plainView.status !== "open" || extraView.status !== "open") throw new Error("both quizzes should be open");
    expect(plainView.view.deadlineAt).toEqual(later(10));
    expect(extraView.view.deadlineAt).toEqual(later(15));
    expect(plainView.view.questions.map((q) => q.id)).toEqual([objectiveIds[2], objectiveIds[0]]);
    expect(plainView.view.schemeLabel).toContain("+2 right");
    // Starting again resumes the open attempt rather than using a second one.
    expect((await startAssignedQuizFor(users.student, { assignmentId: id }, later(1))).attemptId).toBe(plain.attemptId);
  });

  it("grades in the gradebook by the quiz's own questions, in its order, out of its marking scheme", async () => {
    const { setId, objectiveIds } = await makeSet("Gradebook");
    const { id } = await assignSetToClass(
      users.teacher,
      { studySetId: setId, classId, kind: "quiz", quizPick: "chosen", questionIds: [objectiveIds[2], objectiveIds[0]], timeLimitMin: "10", marking: "prelims" },
      NOW,
    );
    const { attemptId } = await startAssignedQuizFor(users.student, { assignmentId: id }, NOW);
    await answerRight(users.student, attemptId, objectiveIds[2]!, later(1));
    await submitQuizFor(users.student, attemptId, later(2));
    const { gradebook } = await getAssignmentGradebookFor(users.teacher, id, later(3));
    // The question left out of the quiz is no column; each right answer is +2 of 2 under prelims marking.
    expect(gradebook.columns.map((c) => [c.id, c.max])).toEqual([
      [objectiveIds[2], 2],
      [objectiveIds[0], 2],
    ]);
    const row = gradebook.rows.find((r) => r.student.id === users.student.id)!;
    expect(row.maxScore).toBe(4);
    expect(row.cells.map((c) => c.awarded)).toEqual([2, 0]);
  });

  it("draws N random questions once, the same quiz for every student", async () => {
    const { setId } = await makeSet("Random");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", quizPick: "random", quizCount: "2" }, NOW);
    const a = await startAssignedQuizFor(users.student, { assignmentId: id }, NOW);
    const b = await startAssignedQuizFor(users.accommodated, { assignmentId: id }, NOW);
    const [va, vb] = await Promise.all([getQuizTakingViewFor(users.student, a.attemptId, NOW), getQuizTakingViewFor(users.accommodated, b.attemptId, NOW)]);
    if (va.status !== "open" || vb.status !== "open") throw new Error("both quizzes should be open");
    expect(va.view.questions).toHaveLength(2);
    expect(va.view.questions.map((q) => q.id)).toEqual(vb.view.questions.map((q) => q.id));
  });

  it("offers a new attempt on the student's list only while the assignment allows one, and says why not (new-user test)", async () => {
    const { setId } = await makeSet("Twice");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", attemptsAllowed: "2", dueAt: "2026-03-01T16:00", latePolicy: "refuse" }, NOW);
    const row = async (at: Date) => (await listAssignmentsForStudent(users.student, at)).find((a) => a.id === id)!;
    expect(await row(NOW)).toMatchObject({ canStartQuiz: true, startRefusal: null });
    for (const at of [later(1), later(5)]) {
      const { attemptId } = await startAssignedQuizFor(users.student, { assignmentId: id }, at);
      await submitQuizFor(users.student, attemptId, at);
    }
    // Done, with no attempt left: no start on offer (the server would refuse it), and the reason instead.
    expect(await row(later(6))).toMatchObject({ state: "done", canStartQuiz: false, startRefusal: expect.stringContaining("used all 2 attempts") });
    expect(await outcomeOf(() => startAssignedQuizFor(users.student, { assignmentId: id }, later(6)))).toBe("CONFLICT");
    // Another student, after the due time with late work refused: nothing to start either.
    const late = (await listAssignmentsForStudent(users.accommodated, later(60 * 7))).find((a) => a.id === id);
    expect(late).toMatchObject({ state: "overdue", canStartQuiz: false, startRefusal: expect.stringContaining("does not accept late work") });
  });

  it("tells a student who has left the class that their results' set is closed to them, so no retry or link to it is offered (new-user test)", async () => {
    const { setId, objectiveIds, writtenId } = await makeSet("Leaver");
    const leaver = await createTestUser("leaver", "student");
    const db = await getDb();
    await db.enrollment.create({ data: { classId, studentId: leaver.id } });
    const { id: quizAssignment } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz" }, NOW);
    const { id: writtenAssignment } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [writtenId] }, NOW);
    const { attemptId } = await startAssignedQuizFor(leaver, { assignmentId: quizAssignment }, NOW);
    await answerRight(leaver, attemptId, objectiveIds[0]!, later(1));
    await submitQuizFor(leaver, attemptId, later(2));
    const draft = await startWritingAttempt(leaver, { questionId: writtenId, assignmentId: writtenAssignment }, later(3));
    await submitWritingAttempt(leaver, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(4));
    expect(await getQuizResultFor(leaver, attemptId, later(5))).toMatchObject({ state: "released", canOpenSet: true });
    expect(await getAttemptFor(leaver, draft.attemptId, later(5))).toMatchObject({ state: "graded", canOpenSet: true });

    await removeStudentFor(users.teacher, { classId, studentId: leaver.id }, later(6));
    expect(await getQuizResultFor(leaver, attemptId, later(7))).toMatchObject({ state: "released", canOpenSet: false });
    expect(await getAttemptFor(leaver, draft.attemptId, later(7))).toMatchObject({ state: "graded", canOpenSet: false });
    // What the pages no longer offer is what the server refuses.
    expect(await outcomeOf(() => retryMissedFor(leaver, attemptId, later(7)))).toBe("FORBIDDEN");
    // The teacher still opens the set from the student's result.
    expect(await getQuizResultFor(users.teacher, attemptId, later(7))).toMatchObject({ canOpenSet: true });
  });

  it("refuses students outside the class, and late starts when late work is refused, unless their due date was extended", async () => {
    const { setId } = await makeSet("Strict");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", dueAt: "2026-03-01T16:00", latePolicy: "refuse" }, NOW);
    expect(await outcomeOf(() => startAssignedQuizFor(users.outsider, { assignmentId: id }, NOW))).toBe("NOT_FOUND");
    const afterDue = later(60 * 6);
    expect(await outcomeOf(() => startAssignedQuizFor(users.student, { assignmentId: id }, afterDue))).toBe("EXPIRED");
    expect(await outcomeOf(() => extendDueDateFor(users.otherTeacher, { assignmentId: id, studentId: users.accommodated.id, dueAt: "2026-03-03T17:00" }, NOW))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => extendDueDateFor(users.teacher, { assignmentId: id, studentId: users.accommodated.id, dueAt: "2026-02-03T17:00" }, NOW))).toBe("INVALID");
    // Both problems of the form at once; and a time before the assignment's own due time would extend nothing.
    await expect(extendDueDateFor(users.teacher, { assignmentId: id, studentId: users.outsider.id, dueAt: "2026-02-03T17:00" }, NOW)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { studentId: ["That student is not in this class."], dueAt: [expect.stringContaining("already passed")] },
    });
    await expect(extendDueDateFor(users.teacher, { assignmentId: id, studentId: users.accommodated.id, dueAt: "2026-03-01T16:00" }, NOW)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { dueAt: [expect.stringContaining("choose a later time to extend it")] },
    });
    await extendDueDateFor(users.teacher, { assignmentId: id, studentId: users.accommodated.id, dueAt: "2026-03-03T17:00" }, NOW);
    await expect(startAssignedQuizFor(users.accommodated, { assignmentId: id }, afterDue)).resolves.toMatchObject({ isLate: false });
  });

  it("ends a timed quiz at the student's due time when late work is refused, even if its time limit runs longer", async () => {
    const { setId } = await makeSet("Closing");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", dueAt: "2026-03-01T16:00", timeLimitMin: "60", latePolicy: "refuse" }, NOW);
    const db = await getDb();
    const { dueAt } = await db.assignment.findUniqueOrThrow({ where: { id }, select: { dueAt: true } });
    const started = await startAssignedQuizFor(users.student, { assignmentId: id }, new Date(dueAt!.getTime() - 10 * 60_000));
    const view = await getQuizTakingViewFor(users.student, started.attemptId, new Date(dueAt!.getTime() - 9 * 60_000));
    if (view.status !== "open") throw new Error("the quiz should be open");
    expect(view.view.deadlineAt).toEqual(dueAt);
  });

  it("runs a quiz the old due time cut short on to its own limit, with the student's extra time, once their due date is extended (code review)", async () => {
    const { setId } = await makeSet("Cut, then extended");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", dueAt: "2026-03-01T16:00", timeLimitMin: "7", latePolicy: "refuse" }, NOW);
    const db = await getDb();
    const { dueAt } = await db.assignment.findUniqueOrThrow({ where: { id }, select: { dueAt: true } });
    const start = new Date(dueAt!.getTime() - 75_000);
    const started = await startAssignedQuizFor(users.accommodated, { assignmentId: id }, start);
    await extendDueDateFor(users.teacher, { assignmentId: id, studentId: users.accommodated.id, dueAt: "2026-03-02T16:00" }, start);
    const view = await getQuizTakingViewFor(users.accommodated, started.attemptId, new Date(dueAt!.getTime() + 60_000));
    if (view.status !== "open") throw new Error("the quiz should still be open after the extension");
    expect(view.view.deadlineAt).toEqual(new Date(start.getTime() + 630_000));
    // A sweep that read the old deadline before the extension committed does not close it (code review).
    expect(await finaliseQuizAttempt(started.attemptId, "expired", new Date(dueAt!.getTime() + 120_000))).toBe(false);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: started.attemptId }, select: { status: true } })).status).toBe("in_progress");
  });

  it("tells the student before they start when the due time cuts the quiz short, and says so on the quiz page", async () => {
    const { setId } = await makeSet("Cut short");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", dueAt: "2026-03-01T16:00", timeLimitMin: "7", latePolicy: "refuse" }, NOW);
    const db = await getDb();
    const { dueAt } = await db.assignment.findUniqueOrThrow({ where: { id }, select: { dueAt: true } });
    const start = new Date(dueAt!.getTime() - 75_000);
    const listed = (await listAssignmentsForStudent(users.student, start)).find((a) => a.id === id);
    expect(listed?.startNotice).toBe("The due time is in 1 min 15 s: you will have until then, not the full 7 min.");
    expect((await listAssignmentsForStudent(users.accommodated, start)).find((a) => a.id === id)?.startNotice).toContain("not the full 10 min 30 s");
    expect((await listAssignmentsForStudent(users.student, NOW)).find((a) => a.id === id)?.startNotice).toBeNull();
    const started = await startAssignedQuizFor(users.student, { assignmentId: id }, start);
    const view = await getQuizTakingViewFor(users.student, started.attemptId, start);
    if (view.status !== "open") throw new Error("the quiz should be open");
    expect(view.view.deadlineAt).toEqual(dueAt);
    expect(quizTimeLabel(view.view)).toBe("1 min 15 s (until the due time)");
    // Started, the notice has done its work: the list offers to resume.
    expect((await listAssignmentsForStudent(users.student, start)).find((a) => a.id === id)?.startNotice).toBeNull();
    // Handed in, with no attempt left to start, it says nothing of time it cannot use (code review).
    await submitQuizFor(users.student, started.attemptId, new Date(start.getTime() + 10_000));
    expect((await listAssignmentsForStudent(users.student, new Date(start.getTime() + 20_000))).find((a) => a.id === id)?.startNotice).toBeNull();
  });

  it("marks a late submission late on the student's list when late work is accepted", async () => {
    const { setId, objectiveIds } = await makeSet("Late");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", dueAt: "2026-03-01T16:00" }, NOW);
    const afterDue = later(60 * 6);
    const started = await startAssignedQuizFor(users.student, { assignmentId: id }, afterDue);
    expect(started.isLate).toBe(true);
    await answerRight(users.student, started.attemptId, objectiveIds[0]!, afterDue);
    await submitQuizFor(users.student, started.attemptId, afterDue);
    const listed = (await listAssignmentsForStudent(users.student, afterDue)).find((a) => a.id === id);
    expect(listed).toMatchObject({ state: "done", isLate: true, latestFinishedAttemptId: started.attemptId });
    const other = (await listAssignmentsForStudent(users.accommodated, afterDue)).find((a) => a.id === id);
    expect(other).toMatchObject({ state: "overdue", isLate: false });
  });
});

describe("the student's own quizzes beside an assigned one", () => {
  it("leave out the assigned quiz's questions until its results are the student's to see, so its key cannot be read first", async () => {
    const { setId, objectiveIds } = await makeSet("Key held");
    const { id } = await assignSetToClass(
      users.teacher,
      { studySetId: setId, classId, title: "Key held", kind: "quiz", quizPick: "chosen", questionIds: [objectiveIds[0], objectiveIds[1]], resultRelease: "by_teacher" },
      NOW,
    );
    const page = await getQuizStartPageFor(users.student, setId, NOW);
    expect(page.questionCount).toBe(1);
    expect(page.heldBack).toMatchObject({ count: 2, note: expect.stringContaining("“Key held") });
    const own = await startQuizForSet(users.student, { studySetId: setId, by: "all", mode: "practice" }, NOW);
    const view = await getQuizTakingViewFor(users.student, own.attemptId, NOW);
    expect(view.status === "open" && view.view.questions.map((q) => q.id)).toEqual([objectiveIds[2]]);
    // Handed in but not released: still held; once released, the whole set is the student's again.
    const assigned = await startAssignedQuizFor(users.student, { assignmentId: id }, later(1));
    await submitQuizFor(users.student, assigned.attemptId, later(2));
    expect((await getQuizStartPageFor(users.student, setId, later(3))).questionCount).toBe(1);
    // Released long after the other tests' times, so this student's scores there do not change.
    const monthLater = later(60 * 24 * 30);
    await releaseResultsFor(users.teacher, { assignmentId: id, isReleased: true }, monthLater);
    const freed = await getQuizStartPageFor(users.student, setId, later(60 * 24 * 30 + 1));
    expect(freed).toMatchObject({ questionCount: 3, heldBack: null });
    // Nobody outside the class is held: its teacher practises the whole set.
    expect((await getQuizStartPageFor(users.teacher, setId, NOW))).toMatchObject({ questionCount: 3, heldBack: null });
  });

  it("withholds the result of a practice quiz begun before its questions were assigned, until the assignment frees them", async () => {
    const { setId, objectiveIds } = await makeSet("Early quiz");
    // The set was first given to the class to study (so the student could practise it), its quiz assigned later.
    await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "study_set" }, NOW);
    const own = await startQuizForSet(users.student, { studySetId: setId, by: "all", mode: "practice" }, NOW);
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, title: "Assigned later", kind: "quiz", resultRelease: "by_teacher" }, later(1));
    await answerRight(users.student, own.attemptId, objectiveIds[0]!, later(2));
    await submitQuizFor(users.student, own.attemptId, later(3));
    const hidden = await getQuizResultFor(users.student, own.attemptId, later(4));
    expect(hidden).toMatchObject({ state: "withheld", note: expect.stringContaining("Assigned later") });
    expect(JSON.stringify(hidden)).not.toMatch(/isCorrect|explanation|"right"/);
    const assigned = await startAssignedQuizFor(users.student, { assignmentId: id }, later(5));
    await submitQuizFor(users.student, assigned.attemptId, later(6));
    await releaseResultsFor(users.teacher, { assignmentId: id, isReleased: true }, later(60 * 24 * 30));
    expect((await getQuizResultFor(users.student, own.attemptId, later(60 * 24 * 30 + 1))).state).toBe("released");
  });

  it("says why when every question is held", async () => {
    const { setId } = await makeSet("All held");
    await assignSetToClass(users.teacher, { studySetId: setId, classId, title: "All held", kind: "quiz", resultRelease: "after_due", dueAt: "2026-03-02T17:00" }, NOW);
    await expect(startQuizForSet(users.student, { studySetId: setId, by: "all", mode: "timed" }, NOW)).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("assigned quiz “All held"),
    });
  });
});

describe("result release", () => {
  it("hides a quiz's score and key from the student until the teacher releases them; the teacher sees them throughout", async () => {
    const { setId, objectiveIds } = await makeSet("Held quiz");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "quiz", resultRelease: "by_teacher" }, NOW);
    const started = await startAssignedQuizFor(users.student, { assignmentId: id }, NOW);
    const scoresBefore = (await getProgressDashboard(users.student, NOW)).scores.length;
    await answerRight(users.student, started.attemptId, objectiveIds[0]!, later(1));
    await submitQuizFor(users.student, started.attemptId, later(2));
    const before = await getQuizResultFor(users.student, started.attemptId, later(3));
    expect(before.state).toBe("withheld");
    expect(JSON.stringify(before)).not.toMatch(/score|isCorrect|explanation|"right"/);
    expect((await getQuizResultFor(users.teacher, started.attemptId, later(3))).state).toBe("released");
    // Which answers were wrong is part of the result: nothing on the set's quiz page or its actions tells it early.
    expect((await getQuizStartPageFor(users.student, setId, later(3))).missedCount).toBe(0);
    expect((await getProgressDashboard(users.student, later(3))).scores).toHaveLength(scoresBefore);
    expect(await outcomeOf(() => retryMissedFor(users.student, started.attemptId, later(3)))).toBe("INVALID");
    expect(await outcomeOf(() => makeMissedQuestionCardFor(users.student, started.attemptId, objectiveIds[1]!, later(3)))).toBe("INVALID");
    expect(await outcomeOf(() => releaseResultsFor(users.student, { assignmentId: id, isReleased: true }, later(4)))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => releaseResultsFor(users.otherTeacher, { assignmentId: id, isReleased: true }, later(4)))).toBe("FORBIDDEN");
    await releaseResultsFor(users.teacher, { assignmentId: id, isReleased: true }, later(4));
    const after = await getQuizResultFor(users.student, started.attemptId, later(5));
    expect(after).toMatchObject({ state: "released", tally: { correct: 1 } });
    expect((await getQuizStartPageFor(users.student, setId, later(5))).missedCount).toBe(objectiveIds.length - 1);
    expect((await getProgressDashboard(users.student, later(5))).scores).toHaveLength(scoresBefore + 1);
  });

  it("hides a written answer's marks, feedback and model answer until the due time when results come after it", async () => {
    const { setId, writtenId } = await makeSet("Held essay");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [writtenId], dueAt: "2026-03-01T18:00", resultRelease: "after_due" }, NOW);
    const draft = await startWritingAttempt(users.student, { questionId: writtenId, assignmentId: id }, NOW);
    await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(5));
    const before = await getAttemptFor(users.student, draft.attemptId, later(6));
    expect(before).toMatchObject({ state: "withheld", note: expect.stringContaining("after the due time") });
    expect(JSON.stringify(before)).not.toMatch(/score|points|modelAnswer|feedback/);
    expect((await getAttemptFor(users.teacher, draft.attemptId, later(6))).state).toBe("graded");
    const afterDue = later(60 * 3);
    expect((await getAttemptFor(users.student, draft.attemptId, afterDue)).state).toBe("graded");
    // A release rule of this kind is not the teacher's to press.
    const listed = (await listAssignmentsForStudent(users.student, afterDue)).find((a) => a.kind === "written" && a.studySetId === setId);
    expect(listed).toMatchObject({ state: "done", isResultReleased: true });
  });

  it("tells the student on home that a teacher changed a mark, once, and only when their results are out", async () => {
    const { setId, writtenId } = await makeSet("Moderated essay");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [writtenId], resultRelease: "by_teacher" }, NOW);
    const draft = await startWritingAttempt(users.accommodated, { questionId: writtenId, assignmentId: id }, NOW);
    await submitWritingAttempt(users.accommodated, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(5));
    const db = await getDb();
    const point = await db.rubricPoint.findFirstOrThrow({ where: { questionId: writtenId }, select: { id: true } });
    await moderateWrittenPoint(users.teacher, { attemptId: draft.attemptId, rubricPointId: point.id, awarded: 1, reason: "Half the mechanism." }, later(10));
    expect((await getStudentHome(users.accommodated, later(11))).changedMarks).toEqual([]);
    await releaseResultsFor(users.teacher, { assignmentId: id, isReleased: true }, later(12));
    expect((await getStudentHome(users.accommodated, later(13))).changedMarks).toEqual([expect.objectContaining({ attemptId: draft.attemptId })]);
    const seen = await getAttemptFor(users.accommodated, draft.attemptId, later(14));
    expect(seen).toMatchObject({ state: "graded", score: 1 });
    expect((await getStudentHome(users.accommodated, later(15))).changedMarks).toEqual([]);
  });

  it("says nothing of a teacher's moderation before release: no badge, score or notice on any list, page or home (new-user test)", async () => {
    const { setId, writtenId } = await makeSet("Changed before release");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [writtenId], resultRelease: "by_teacher" }, NOW);
    const draft = await startWritingAttempt(users.student, { questionId: writtenId, assignmentId: id }, NOW);
    await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(5));
    const db = await getDb();
    const point = await db.rubricPoint.findFirstOrThrow({ where: { questionId: writtenId }, select: { id: true } });
    await moderateWrittenPoint(users.teacher, { attemptId: draft.attemptId, rubricPointId: point.id, awarded: 1, reason: "Half the mechanism." }, later(10));
    const at = later(11);
    // Every view of the student's own work, as the pages and their JSON get it.
    const listed = (await listMyWrittenAttempts(users.student, at)).find((a) => a.id === draft.attemptId);
    expect(listed).toMatchObject({ score: null, maxScore: null, isModerated: false });
    const page = await getWritingPageFor(users.student, setId, writtenId, id, at);
    expect(page.attempts.find((a) => a.id === draft.attemptId)).toMatchObject({ score: null, maxScore: null, isModerated: false });
    const result = await getAttemptFor(users.student, draft.attemptId, at);
    expect(result.state).toBe("withheld");
    const home = await getStudentHome(users.student, at);
    expect(home.changedMarks).toEqual([]);
    expect(home.assigned.find((a) => a.id === id)).toMatchObject({ isResultReleased: false });
    const progress = await getProgressDashboard(users.student, at);
    for (const view of [listed, page, result, home, progress]) expect(JSON.stringify(view)).not.toMatch(/"isModerated":true|moderation|moderator|Half the mechanism/i);
    expect(JSON.stringify(progress)).not.toContain(draft.attemptId);
    // Released: the moderation is the student's to see, on the list as on the result.
    await releaseResultsFor(users.teacher, { assignmentId: id, isReleased: true }, later(12));
    expect((await listMyWrittenAttempts(users.student, later(13))).find((a) => a.id === draft.attemptId)).toMatchObject({ score: 1, maxScore: 2, isModerated: true });
    expect(await getAttemptFor(users.student, draft.attemptId, later(13))).toMatchObject({ state: "graded", isModerated: true, score: 1 });
  });
});
