// Written questions assigned to a class: the server starts each answer by the assignment's rules
// (opening time, attempts, late policy) and times it with the student's extra time.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import { assignSetToClass, extendDueDateFor, listAssignmentsForStudent, releaseResultsFor } from "@/lib/server/assignments";
import { SUBMISSION_GRACE_SEC } from "@/lib/classes/assignments";
import { setExtraTimeFor } from "@/lib/server/classes";
import { getAttemptFor, getWritingPageFor, startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestClass, createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
const ANSWER = "Introduction: floods matter.\n\nMonsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.\n\nConclusion: protect floodplains.";
const users = {} as Record<"teacher" | "accommodated" | "student", UserRecord>;
let classId = "";

async function makeWrittenSet(title: string): Promise<{ setId: string; questionId: string }> {
  const db = await getDb();
  const set = await db.studySet.create({
    data: {
      ownerId: users.teacher.id,
      title,
      status: "published",
      questions: {
        create: [
          {
            kind: "written",
            prompt: `${title}: how do floods keep delta soil fertile?`,
            explanation: "-",
            marks: 2,
            timeLimitSec: 600,
            wordLimit: 150,
            position: 0,
            rubricPoints: { create: [{ key: "c1", point: "Monsoon floods spread fresh silt over the fields, keeping the soil fertile.", marks: 2, kind: "content", position: 0 }] },
          },
        ],
      },
    },
    select: { id: true, questions: { select: { id: true } } },
  });
  return { setId: set.id, questionId: set.questions[0]!.id };
}

beforeAll(async () => {
  users.teacher = await createTestUser("teacher", "teacher");
  users.accommodated = await createTestUser("accommodated", "student");
  users.student = await createTestUser("student", "student");
  classId = await createTestClass(users.teacher.id, [users.accommodated.id, users.student.id], "Batch", "WRITE01");
  await setExtraTimeFor(users.teacher, { classId, studentId: users.accommodated.id, extraTimeMultiplier: "1.5" });
});

describe("a written assignment", () => {
  it("times each student's answer by the assignment's limit, with 1.5× for the accommodated student, and links it to the assignment", async () => {
    const { setId, questionId } = await makeWrittenSet("Timed");
    const { id } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [questionId], timeLimitMin: "10", dueAt: "2026-03-02T17:00" }, NOW);
    const plain = await startWritingAttempt(users.student, { questionId, assignmentId: id }, NOW);
    const extra = await startWritingAttempt(users.accommodated, { questionId, assignmentId: id }, NOW);
    expect(plain.deadlineAt).toEqual(later(10));
    expect(extra.deadlineAt).toEqual(later(15));
    const db = await getDb();
    expect(await db.attempt.count({ where: { assignmentId: id } })).toBe(2);
  });

  it("refuses to start before it opens and after the attempts allowed", async () => {
    const { setId, questionId } = await makeWrittenSet("Opening");
    const { id: assignmentId } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [questionId], opensAt: "2026-03-01T18:00" }, NOW);
    await expect(startWritingAttempt(users.student, { questionId, assignmentId }, NOW)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not open") });
    const opened = later(60 * 24);
    const draft = await startWritingAttempt(users.student, { questionId, assignmentId }, opened);
    await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, opened);
    await expect(startWritingAttempt(users.student, { questionId, assignmentId }, opened)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("used all 1 attempt") });
  });

  it("offers no new attempt once the attempts allowed are used, on the list and the question's page, and says why (new-user test)", async () => {
    const { setId, questionId } = await makeWrittenSet("Once");
    const { id: assignmentId } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [questionId] }, NOW);
    const before = (await listAssignmentsForStudent(users.student, NOW)).find((a) => a.id === assignmentId)!;
    expect(before).toMatchObject({ writableQuestionIds: [questionId], startRefusal: null });
    expect((await getWritingPageFor(users.student, setId, questionId, assignmentId, NOW)).assignment?.startRefusal).toBeNull();
    const draft = await startWritingAttempt(users.student, { questionId, assignmentId }, NOW);
    // A draft to continue is always offered.
    expect((await listAssignmentsForStudent(users.student, later(1))).find((a) => a.id === assignmentId)!.writableQuestionIds).toEqual([questionId]);
    await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(2));
    const after = (await listAssignmentsForStudent(users.student, later(3))).find((a) => a.id === assignmentId)!;
    expect(after.writableQuestionIds).toEqual([]);
    expect(after.startRefusal).toContain("used all 1 attempt");
    const page = await getWritingPageFor(users.student, setId, questionId, assignmentId, later(3));
    expect(page.assignment?.startRefusal).toContain("used all 1 attempt");
    expect(page.assignment?.startNotice).toBeNull();
  });

  it("refusing late work: no start after the due time, and a late submission is refused with the draft kept", async () => {
    const { setId, questionId } = await makeWrittenSet("Strict");
    const { id: assignmentId } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [questionId], dueAt: "2026-03-01T16:00", latePolicy: "refuse" }, NOW);
    const draft = await startWritingAttempt(users.student, { questionId, assignmentId }, NOW);
    const afterDue = later(60 * 6);
    await expect(submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, afterDue)).rejects.toMatchObject({ code: "EXPIRED" });
    const db = await getDb();
    const stored = await db.response.findFirst({ where: { attemptId: draft.attemptId }, select: { content: true } });
    expect(stored?.content).toEqual({ text: ANSWER });
    expect(await outcomeOf(() => startWritingAttempt(users.accommodated, { questionId, assignmentId }, afterDue))).toBe("EXPIRED");
  });
});

/** A seven-minute written question assigned due 16:00 (display time) that refuses late work, with its due time as stored. */
async function assignRefusingLate(title: string) {
  const { setId, questionId } = await makeWrittenSet(title);
  const { id: assignmentId } = await assignSetToClass(
    users.teacher,
    { studySetId: setId, classId, kind: "written", questionIds: [questionId], timeLimitMin: "7", dueAt: "2026-03-01T16:00", latePolicy: "refuse" },
    NOW,
  );
  const db = await getDb();
  const { dueAt } = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { dueAt: true } });
  return { setId, questionId, assignmentId, dueAt: dueAt!, db };
}

describe("a written assignment that refuses late work, started shortly before the due time", () => {
  it("ends the answer at the due time, tells the student so before they start, and refuses a late submission without suggesting a retry", async () => {
    const { setId, questionId, assignmentId, dueAt } = await assignRefusingLate("Cut short");
    const start = new Date(dueAt.getTime() - 75_000);
    const before = await getWritingPageFor(users.student, setId, questionId, assignmentId, start);
    expect(before.assignment).toMatchObject({ closesAt: dueAt, startNotice: "The due time is in 1 min 15 s: you will have until then, not the full 7 min." });
    const accommodated = await getWritingPageFor(users.accommodated, setId, questionId, assignmentId, start);
    expect(accommodated.assignment?.startNotice).toContain("not the full 10 min 30 s");
    const draft = await startWritingAttempt(users.student, { questionId, assignmentId }, start);
    expect(draft.deadlineAt).toEqual(dueAt);
    const afterDue = new Date(dueAt.getTime() + 15_000);
    const refused = submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, afterDue);
    await expect(refused).rejects.toMatchObject({ code: "EXPIRED", message: expect.stringMatching(/saved as a draft.*teacher can extend/s) });
    await expect(refused).rejects.not.toMatchObject({ message: expect.stringMatching(/try again|in a moment/i) });
  });

  it("accepts a submission that reaches the server within the stated grace after the due time, as quizzes do", async () => {
    const { questionId, assignmentId, dueAt } = await assignRefusingLate("Grace");
    const draft = await startWritingAttempt(users.student, { questionId, assignmentId }, new Date(dueAt.getTime() - 60_000));
    const outcome = await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, new Date(dueAt.getTime() + (SUBMISSION_GRACE_SEC - 1) * 1000));
    expect(outcome.status).toBe("graded");
  });

  it("runs an answer the old due time cut short on to its own limit once the teacher extends the student's due date (code review)", async () => {
    const { questionId, assignmentId, dueAt, db } = await assignRefusingLate("Extended after a cut");
    const start = new Date(dueAt.getTime() - 75_000);
    const draft = await startWritingAttempt(users.student, { questionId, assignmentId }, start);
    expect(draft.deadlineAt).toEqual(dueAt);
    await extendDueDateFor(users.teacher, { assignmentId, studentId: users.student.id, dueAt: "2026-03-02T16:00" }, start);
    const { deadlineAt } = await db.attempt.findUniqueOrThrow({ where: { id: draft.attemptId }, select: { deadlineAt: true } });
    expect(deadlineAt).toEqual(new Date(start.getTime() + 7 * 60_000));
    const outcome = await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, new Date(dueAt.getTime() + 3 * 60_000));
    expect(outcome.status).toBe("graded");
  });

  it("gives the full time limit when the due time is further away, with no notice", async () => {
    const { setId, questionId } = await makeWrittenSet("Plenty of time");
    const { id: assignmentId } = await assignSetToClass(
      users.teacher,
      { studySetId: setId, classId, kind: "written", questionIds: [questionId], timeLimitMin: "7", dueAt: "2026-03-01T16:00", latePolicy: "refuse" },
      NOW,
    );
    expect((await getWritingPageFor(users.student, setId, questionId, assignmentId, NOW)).assignment?.startNotice).toBeNull();
    expect((await startWritingAttempt(users.student, { questionId, assignmentId }, NOW)).deadlineAt).toEqual(later(7));
  });
});

describe("the student's own practice of an assigned question", () => {
  it("is held back until they hand the assignment in and its results are out, so the model answer cannot be read first", async () => {
    const { setId, questionId } = await makeWrittenSet("Held practice");
    const { id: assignmentId } = await assignSetToClass(users.teacher, { studySetId: setId, classId, title: "Essay week", kind: "written", questionIds: [questionId] }, NOW);
    await expect(startWritingAttempt(users.student, { questionId }, NOW)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("“Essay week”") });
    expect(await getWritingPageFor(users.student, setId, questionId, null, NOW)).toMatchObject({ heldBack: expect.stringContaining("Essay week"), assignment: null, draft: null });
    // The assignment's own page starts the assignment's attempt, never the student's practice.
    expect(await getWritingPageFor(users.student, setId, questionId, assignmentId, NOW)).toMatchObject({ heldBack: null, assignment: { id: assignmentId, title: "Essay week" } });
    const draft = await startWritingAttempt(users.student, { questionId, assignmentId }, NOW);
    await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(5));
    // Handed in and released on submission: practising it is the student's own attempt, not a second one at the assignment.
    const practice = await startWritingAttempt(users.student, { questionId }, later(10));
    const db = await getDb();
    expect(await db.attempt.findUniqueOrThrow({ where: { id: practice.attemptId }, select: { assignmentId: true } })).toEqual({ assignmentId: null });
    expect(await db.attempt.count({ where: { assignmentId, userId: users.student.id } })).toBe(1);
    expect((await getWritingPageFor(users.student, setId, questionId, null, later(11))).draft?.attemptId).toBe(practice.attemptId);
  });

  it("is free once the assignment is closed to them, even with nothing handed in", async () => {
    const { setId, questionId } = await makeWrittenSet("Closed practice");
    await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [questionId], dueAt: "2026-03-01T16:00", latePolicy: "refuse" }, NOW);
    expect(await outcomeOf(() => startWritingAttempt(users.student, { questionId }, NOW))).toBe("CONFLICT");
    expect(await outcomeOf(() => startWritingAttempt(users.student, { questionId }, later(60 * 24)))).toBe("ok");
  });

  it("is bound to the assignment the student opened when two classes set the same question, and to no assignment that does not ask it", async () => {
    const { setId, questionId } = await makeWrittenSet("Two classes");
    const other = await makeWrittenSet("Unrelated");
    const db = await getDb();
    const secondClass = (await db.classroom.create({ data: { name: "Second batch", joinCode: "WRITE02", teacherId: users.teacher.id }, select: { id: true } })).id;
    await db.enrollment.create({ data: { classId: secondClass, studentId: users.student.id } });
    const first = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [questionId], dueAt: "2026-03-02T17:00" }, NOW);
    const second = await assignSetToClass(users.teacher, { studySetId: setId, classId: secondClass, kind: "written", questionIds: [questionId], dueAt: "2026-03-09T17:00" }, NOW);
    const unrelated = await assignSetToClass(users.teacher, { studySetId: other.setId, classId, kind: "written", questionIds: [other.questionId] }, NOW);
    const forSecond = await startWritingAttempt(users.student, { questionId, assignmentId: second.id }, NOW);
    const forFirst = await startWritingAttempt(users.student, { questionId, assignmentId: first.id }, NOW);
    expect(forFirst.attemptId).not.toBe(forSecond.attemptId);
    const bound = await db.attempt.findMany({ where: { id: { in: [forFirst.attemptId, forSecond.attemptId] } }, select: { id: true, assignmentId: true } });
    expect(Object.fromEntries(bound.map((a) => [a.id, a.assignmentId]))).toEqual({ [forFirst.attemptId]: first.id, [forSecond.attemptId]: second.id });
    expect(await outcomeOf(() => startWritingAttempt(users.student, { questionId, assignmentId: unrelated.id }, NOW))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => getWritingPageFor(users.student, setId, questionId, unrelated.id, NOW))).toBe("NOT_FOUND");
  });

  it("withholds the result of a practice answer begun before the question was assigned, until the assignment frees it — nothing typed is lost", async () => {
    const { setId, questionId } = await makeWrittenSet("Early draft");
    // The set was first given to the class to study (so the student could practise it), the question assigned later.
    await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "study_set" }, NOW);
    const early = await startWritingAttempt(users.student, { questionId }, NOW);
    const { id: assignmentId } = await assignSetToClass(users.teacher, { studySetId: setId, classId, title: "Set later", kind: "written", questionIds: [questionId], resultRelease: "by_teacher" }, later(1));
    const page = await getWritingPageFor(users.student, setId, questionId, null, later(2));
    expect(page).toMatchObject({ heldBack: expect.stringContaining("Set later"), draft: { attemptId: early.attemptId } });
    await submitWritingAttempt(users.student, { attemptId: early.attemptId, text: ANSWER, version: early.version }, later(3));
    const hidden = await getAttemptFor(users.student, early.attemptId, later(4));
    expect(hidden).toMatchObject({ state: "withheld", note: expect.stringContaining("Set later") });
    expect(JSON.stringify(hidden)).not.toMatch(/modelAnswer|feedback|"score"/);
    const assigned = await startWritingAttempt(users.student, { questionId, assignmentId }, later(5));
    await submitWritingAttempt(users.student, { attemptId: assigned.attemptId, text: ANSWER, version: assigned.version }, later(6));
    expect((await getAttemptFor(users.student, early.attemptId, later(7))).state).toBe("withheld");
    await releaseResultsFor(users.teacher, { assignmentId, isReleased: true }, later(8));
    expect((await getAttemptFor(users.student, early.attemptId, later(9))).state).toBe("graded");
  });
});

describe("what the assignment list offers a student", () => {
  async function makeTwoQuestionSet(title: string): Promise<{ setId: string; first: string; second: string }> {
    const db = await getDb();
    const question = (position: number) => ({
      kind: "written" as const,
      prompt: `${title} ${position + 1}: how do floods keep delta soil fertile?`,
      explanation: "-",
      marks: 2,
      timeLimitSec: 600,
      wordLimit: 150,
      position,
      rubricPoints: { create: [{ key: "c1", point: "Monsoon floods spread fresh silt over the fields, keeping the soil fertile.", marks: 2, kind: "content" as const, position: 0 }] },
    });
    const set = await db.studySet.create({
      data: { ownerId: users.teacher.id, title, status: "published", questions: { create: [question(0), question(1)] } },
      select: { questions: { select: { id: true, position: true } }, id: true },
    });
    const [first, second] = set.questions.sort((a, b) => a.position - b.position).map((q) => q.id);
    return { setId: set.id, first: first!, second: second! };
  }

  it("says attempts are used up only when no question can be written, not beside a question that can", async () => {
    const { setId, first, second } = await makeTwoQuestionSet("Deltas");
    const { id: assignmentId } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [first, second] }, NOW);
    const draft = await startWritingAttempt(users.student, { questionId: first, assignmentId }, NOW);
    await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(2));
    const row = (await listAssignmentsForStudent(users.student, later(3))).find((a) => a.id === assignmentId)!;
    expect(row.writableQuestionIds).toEqual([second]);
    expect(row.startRefusal).toBeNull();
    await expect(startWritingAttempt(users.student, { questionId: second, assignmentId }, later(4))).resolves.toBeTruthy();
  });

  it("does not offer an open draft for writing once the assignment is closed to late work, and says why", async () => {
    const { setId, first } = await makeTwoQuestionSet("Silt");
    const { id: assignmentId } = await assignSetToClass(users.teacher, { studySetId: setId, classId, kind: "written", questionIds: [first], dueAt: "2026-03-01T16:00", latePolicy: "refuse" }, NOW);
    const draft = await startWritingAttempt(users.student, { questionId: first, assignmentId }, NOW);
    const afterDue = later(60 * 7);
    const row = (await listAssignmentsForStudent(users.student, afterDue)).find((a) => a.id === assignmentId)!;
    expect(row.writableQuestionIds).toEqual([]);
    expect(row.startRefusal).toMatch(/does not accept late work/);
    expect(await outcomeOf(() => submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, afterDue))).toBe("EXPIRED");
  });
});
