// After writes to attempts alone (a hand-in, a mark, a moderation, an acceptance), a process's cached
// gradebook catches up by re-reading just the attempts changed since its copy (model GradebookChange)
// and rebuilding only their students' rows. These tests make such writes — through the use cases and
// straight through the database, several between two loads as a process nobody asked for a while
// would see them — and expect each load to equal a gradebook built afresh from the database, and
// the rows of students whose work did not change to be the very rows kept from before. A write to
// the frame (the roster, a due date, a rubric point) must read that again too; a pruned change row or
// an attempt moved to another assignment, everything.
import { beforeAll, describe, expect, it } from "vitest";
import { effectiveDueAt } from "@/lib/classes/assignments";
import { buildGradebook, classHeatmap, gradebookAt, gradingAgreement } from "@/lib/classes/gradebook";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getGradebookSource, getGradebookStamp } from "@/lib/db/gradebook";
import type { UserRecord } from "@/lib/db/users";
import { optionToken } from "@/lib/quiz/option-tokens";
import { assignSetToClass, startAssignedQuizFor } from "@/lib/server/assignments";
import { saveQuizAnswerFor, submitQuizFor } from "@/lib/server/quiz";
import { getAssignmentGradebookFor, pruneGradebookChanges } from "@/lib/server/gradebook";
import { moderateWrittenPoint, startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestClass, createTestUser } from "../support/actors";
import { isPostgres, useTestDatabase } from "../support/database";
import { createFloodsQuestionSet, createTwoQuestionQuizSet } from "../support/written-sets";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
const ANSWER = "Introduction: floods matter.\n\nMonsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.\n\nConclusion: protect floodplains.";
const AT = later(90);

let teacher: UserRecord;
let students: UserRecord[] = [];
let classId = "";
let setId = "";
let questionId = "";
let points: Record<"c1" | "s1", string>;
let assignmentId = "";
/** Each student's attempt, by student id. */
const attemptOf = new Map<string, string>();

const load = (at = AT) => getAssignmentGradebookFor(teacher, assignmentId, at);
const rowsById = (book: Awaited<ReturnType<typeof load>>) => new Map(book.gradebook.rows.map((r) => [r.student.id, r]));

/** What a process with no cached copy shows: everything read and shaped afresh. */
async function fullBuild(at = AT, id = assignmentId) {
  const source = (await getGradebookSource(id))!;
  const gradebook = buildGradebook({ ...source, dueAtOf: (id) => effectiveDueAt(source.assignment.dueAt, source.extensions.get(id)), now: at });
  return { assignment: source.assignment, gradebook: gradebookAt(gradebook, at), heatmap: classHeatmap(gradebook), agreement: gradingAgreement(source.columns, source.marks) };
}

/** A graded attempt with point marks written straight to the database, as another code path would. */
async function gradedAttempt(student: UserRecord, startMin: number, awarded: [number, number], isProvisional = false): Promise<string> {
  const db = await getDb();
  const attempt = await db.attempt.create({
    data: { userId: student.id, kind: "written_practice", studySetId: setId, assignmentId, questionId, status: "graded", startedAt: later(startMin), submittedAt: later(startMin + 9) },
    select: { id: true },
  });
  const response = await db.response.create({ data: { attemptId: attempt.id, questionId, content: { text: "Silt." }, flags: [], score: awarded[0] + awarded[1], maxScore: 3, isProvisional }, select: { id: true } });
  await db.pointScore.createMany({
    data: [
      { responseId: response.id, rubricPointId: points.c1, source: "auto", awarded: awarded[0], max: 2, evidence: [], feedback: "-" },
      { responseId: response.id, rubricPointId: points.s1, source: "auto", awarded: awarded[1], max: 1, evidence: [], feedback: "-" },
    ],
  });
  return attempt.id;
}

beforeAll(async () => {
  teacher = await createTestUser("catchup-teacher", "teacher");
  students = await Promise.all(["amal", "bina", "chen", "dev", "esha"].map((name) => createTestUser(`catchup-${name}`, "student")));
  classId = await createTestClass(teacher.id, students.map((s) => s.id), "Batch K", "CATCH01");
  ({ setId, questionId, points } = await createFloodsQuestionSet(teacher.id, "Deltas"));
  assignmentId = (await assignSetToClass(teacher, { studySetId: setId, classId, kind: "written", questionIds: [questionId], dueAt: "2026-03-01T16:00" }, NOW)).id;
  const [amal, bina, chen] = students;
  attemptOf.set(amal!.id, await gradedAttempt(amal!, 1, [2, 1]));
  attemptOf.set(bina!.id, await gradedAttempt(bina!, 2, [0, 1], true));
  attemptOf.set(chen!.id, await gradedAttempt(chen!, 3, [1, 0]));
});

describe("a cached gradebook catching up on changed attempts", () => {
  it("after a moderation rebuilds only that student's row, and equals a full build", async () => {
    const [amal] = students;
    const before = rowsById(await load());
    await moderateWrittenPoint(teacher, { attemptId: attemptOf.get(amal!.id)!, rubricPointId: points.c1, awarded: 1, reason: "Only half of it." }, later(30));
    const after = await load();
    expect(after).toEqual(await fullBuild());
    expect(rowsById(after).get(amal!.id)?.cells[0]).toMatchObject({ awarded: 1, isModerated: true });
    for (const s of students.slice(1)) expect(rowsById(after).get(s.id)).toBe(before.get(s.id));
    expect(rowsById(after).get(amal!.id)).not.toBe(before.get(amal!.id));
  });

  it("lists, with the stamp, exactly the attempts changed since a copy", async () => {
    const [amal, bina] = students;
    const since = (await getGradebookStamp(assignmentId))!.version!;
    expect((await getGradebookStamp(assignmentId, since))?.changedAttemptIds).toEqual([]);
    const db = await getDb();
    await db.pointScore.updateMany({ where: { response: { attemptId: attemptOf.get(amal!.id)! }, source: "auto", rubricPointId: points.s1 }, data: { awarded: 0 } });
    await db.response.updateMany({ where: { attemptId: attemptOf.get(bina!.id)! }, data: { marksAcceptedAt: later(31), marksAcceptedById: teacher.id } });
    const stamp = await getGradebookStamp(assignmentId, since);
    expect(stamp?.changedAttemptIds?.slice().sort()).toEqual([attemptOf.get(amal!.id)!, attemptOf.get(bina!.id)!].sort());
    expect(await load()).toEqual(await fullBuild());
  });

  it("moves the stamp once per transaction, however many attempts and marks it writes", async () => {
    const [, bina, chen] = students;
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const db = await getDb();
    const marksOf = (studentId: string) => ({ response: { attemptId: attemptOf.get(studentId)! } });
    await db.$transaction([
      db.pointScore.updateMany({ where: { ...marksOf(bina!.id), source: "auto" }, data: { awarded: 1 } }),
      db.response.updateMany({ where: { attemptId: attemptOf.get(bina!.id)! }, data: { score: 2 } }),
      db.pointScore.updateMany({ where: { ...marksOf(chen!.id), source: "auto" }, data: { awarded: 0 } }),
    ]);
    const stamp = await getGradebookStamp(assignmentId, since);
    expect(stamp?.version).toBe(`${since.split(":")[0]}:${BigInt(since.split(":")[1]!) + 1n}`);
    expect(stamp?.changedAttemptIds?.slice().sort()).toEqual([attemptOf.get(bina!.id)!, attemptOf.get(chen!.id)!].sort());
    expect(await load()).toEqual(await fullBuild());
  });

  it("still moves the stamp when a change row already carries this transaction's id, written by another (ids repeat in a cluster restored from a dump)", async () => {
    const [amal] = students;
    const attemptId = attemptOf.get(amal!.id)!;
    const db = await getDb();
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const changeMark = (tx: Prisma.TransactionClient) =>
      tx.pointScore.updateMany({ where: { response: { attemptId }, source: "auto", rubricPointId: points.c1 }, data: { awarded: 0 } });
    if (isPostgres) {
      // While the transaction is open, another connection gives the attempt's change row its id.
      await db.$transaction(async (tx) => {
        const [own] = await tx.$queryRaw<{ id: string }[]>`SELECT pg_current_xact_id()::text AS id`;
        await db.$executeRaw`UPDATE "GradebookChange" SET "transactionId" = ${BigInt(own!.id)} WHERE "attemptId" = ${attemptId}`;
        await changeMark(tx);
      });
    } else {
      // PGlite runs one transaction at a time and nothing else writes here: the next one gets this one's id plus one.
      await db.$executeRaw`UPDATE "GradebookChange" SET "transactionId" = pg_current_xact_id()::text::bigint + 1 WHERE "attemptId" = ${attemptId}`;
      await db.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ same: boolean }[]>`
          SELECT pg_current_xact_id()::text::bigint = (SELECT "transactionId" FROM "GradebookChange" WHERE "attemptId" = ${attemptId}) AS same`;
        expect(row?.same).toBe(true);
        await changeMark(tx);
      });
    }
    const stamp = await getGradebookStamp(assignmentId, since);
    expect(stamp?.version).not.toBe(since);
    expect(stamp?.changedAttemptIds).toEqual([attemptId]);
    expect(await load()).toEqual(await fullBuild());
  });

  it("after many writes it missed — a hand-in through the use cases, a start, a mark, an acceptance, a deleted attempt — equals a full build", async () => {
    const [amal, bina, chen, dev, esha] = students;
    const before = rowsById(await load());
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const db = await getDb();
    const started = await startWritingAttempt(dev!, { questionId, assignmentId }, later(40));
    await submitWritingAttempt(dev!, { attemptId: started.attemptId, text: ANSWER, version: 1 }, later(52));
    await startWritingAttempt(esha!, { questionId, assignmentId }, later(60));
    await db.$executeRaw`UPDATE "PointScore" SET "awarded" = 2 WHERE "source" = 'auto' AND "rubricPointId" = ${points.c1}
                         AND "responseId" IN (SELECT "id" FROM "Response" WHERE "attemptId" = ${attemptOf.get(chen!.id)!})`;
    await db.response.updateMany({ where: { attemptId: attemptOf.get(bina!.id)! }, data: { marksAcceptedAt: null, isProvisional: true } });
    await db.attempt.delete({ where: { id: attemptOf.get(amal!.id)! } });
    // Every student's attempt changed (amal's is gone, dev's and esha's are new), nothing else did.
    expect((await getGradebookStamp(assignmentId, since))?.changedAttemptIds).toHaveLength(5);
    const after = await load();
    expect(after).toEqual(await fullBuild());
    const rows = rowsById(after);
    expect(rows.get(amal!.id)).toMatchObject({ status: "not_started", score: null });
    expect(rows.get(bina!.id)?.status).toBe("provisional");
    expect(rows.get(chen!.id)?.cells[0]).toMatchObject({ awarded: 2 });
    // Due 16:00 in the display time zone (10:30 UTC), handed in at 10:52.
    expect(rows.get(dev!.id)).toMatchObject({ isLate: true, submittedAt: later(52) });
    expect(rows.get(esha!.id)).toMatchObject({ status: "in_progress", timeUsedSec: 30 * 60 });
    // The clock still runs for a student writing, on the kept copy too.
    expect(rowsById(await load(later(95))).get(esha!.id)?.timeUsedSec).toBe(35 * 60);
    expect(before.get(esha!.id)?.status).toBe("not_started");
  });

  it("moves work between students' rows when an attempt changes hands, and shows a removed student who then hands in", async () => {
    const [, bina, chen, dev] = students;
    const db = await getDb();
    await db.attempt.update({ where: { id: attemptOf.get(chen!.id)! }, data: { userId: bina!.id } });
    let after = await load();
    expect(after).toEqual(await fullBuild());
    expect(rowsById(after).get(chen!.id)?.status).toBe("not_started");
    // Removed without work: no row (a roster change, rebuilt in full); then work appears, and so does the row.
    await db.attempt.deleteMany({ where: { userId: dev!.id, assignmentId } });
    await db.enrollment.update({ where: { classId_studentId: { classId, studentId: dev!.id } }, data: { removedAt: later(70) } });
    expect(rowsById(await load()).get(dev!.id)).toBeUndefined();
    await gradedAttempt(dev!, 71, [2, 0]);
    after = await load();
    expect(after).toEqual(await fullBuild());
    expect(rowsById(after).get(dev!.id)).toMatchObject({ score: 2 });
  });
});

const markBinaInFull = async () => {
  const db = await getDb();
  await db.pointScore.updateMany({ where: { response: { attempt: { userId: students[1]!.id, assignmentId } }, source: "auto" }, data: { awarded: 1 } });
};

describe("a cached gradebook whose frame changed", () => {
  it.each([
    ["a student removed from the class", async () => {
      const db = await getDb();
      await db.enrollment.update({ where: { classId_studentId: { classId, studentId: students[4]!.id } }, data: { removedAt: later(80) } });
    }],
    ["a student's due date extended", async () => {
      const db = await getDb();
      await db.dueExtension.create({ data: { assignmentId, studentId: students[1]!.id, dueAt: later(600), createdById: teacher.id } });
    }],
    ["a rubric point's marks changed", async () => {
      const db = await getDb();
      await db.rubricPoint.update({ where: { id: points.s1 }, data: { marks: 2 } });
    }],
  ])("reads the frame again after %s, catches up on the attempts changed with it, and equals a full build", async (_, write) => {
    await load();
    const since = (await getGradebookStamp(assignmentId))!.version!;
    await write();
    await markBinaInFull();
    const stamp = await getGradebookStamp(assignmentId, since);
    expect(stamp).toMatchObject({ isFrameChanged: true });
    expect(stamp?.changedAttemptIds?.length).toBeGreaterThan(0);
    const after = await load();
    expect(after).toEqual(await fullBuild());
    expect(rowsById(after).get(students[1]!.id)?.cells.map((c) => c.awarded)).toEqual([1, 1]);
  });
});

describe("a cached gradebook that cannot catch up", () => {
  it("is rebuilt in full when a change row newer than it was pruned", async () => {
    await load();
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const db = await getDb();
    await db.pointScore.updateMany({ where: { response: { attempt: { userId: students[1]!.id, assignmentId } }, source: "auto" }, data: { awarded: 0 } });
    await db.gradebookChange.deleteMany({ where: { assignmentId, attemptId: { in: (await db.attempt.findMany({ where: { userId: students[1]!.id, assignmentId }, select: { id: true } })).map((a) => a.id) } } });
    expect((await getGradebookStamp(assignmentId, since))?.changedAttemptIds).toBeNull();
    const after = await load();
    expect(after).toEqual(await fullBuild());
    expect(rowsById(after).get(students[1]!.id)?.cells.map((c) => c.awarded)).toEqual([0, 0]);
  });

  it("is rebuilt in full after one of its attempts moved to another assignment", async () => {
    await load();
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const db = await getDb();
    const other = await createFloodsQuestionSet(teacher.id, "Deltas again");
    const otherId = (await assignSetToClass(teacher, { studySetId: other.setId, classId, kind: "written", questionIds: [other.questionId] }, NOW)).id;
    const moved = attemptOf.get(students[2]!.id)!;
    await db.attempt.update({ where: { id: moved }, data: { assignmentId: otherId } });
    expect((await getGradebookStamp(assignmentId, since))?.changedAttemptIds).toBeNull();
    const after = await load();
    expect(after).toEqual(await fullBuild());
    expect(after.gradebook.rows.flatMap((r) => r.cells.map((c) => c.attemptId))).not.toContain(moved);
  });

  it("is rebuilt in full from a copy of another epoch (a truncation)", async () => {
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const [epoch, count] = since.split(":");
    expect((await getGradebookStamp(assignmentId, `00000000-0000-0000-0000-000000000000:${count}`))?.changedAttemptIds).toBeNull();
    expect((await getGradebookStamp(assignmentId, `${epoch}:${count}`))?.changedAttemptIds).toEqual([]);
  });
});

describe("a quiz assignment's cached gradebook catching up", () => {
  it("shows a quiz handed in and a score changed, as a full build does", async () => {
    const db = await getDb();
    const { setId: quizSetId, questionIds } = await createTwoQuestionQuizSet(teacher.id, "Deltas quiz", "Delta");
    const quizId = (await assignSetToClass(teacher, { studySetId: quizSetId, classId, kind: "quiz", quizPick: "chosen", questionIds, timeLimitMin: "10", marking: "prelims" }, NOW)).id;
    const loadQuiz = () => getAssignmentGradebookFor(teacher, quizId, AT);
    await loadQuiz();
    const student = students[0]!;
    const since = (await getGradebookStamp(quizId))!.version!;
    const { attemptId } = await startAssignedQuizFor(student, { assignmentId: quizId }, later(1));
    const right = await db.option.findFirstOrThrow({ where: { questionId: questionIds[0]!, isCorrect: true }, select: { id: true } });
    await saveQuizAnswerFor(student, attemptId, { questionId: questionIds[0]!, answer: { optionIds: [optionToken(attemptId, right.id)] }, version: 1 }, later(2));
    await submitQuizFor(student, attemptId, later(3));
    expect((await getGradebookStamp(quizId, since))?.changedAttemptIds).toEqual([attemptId]);
    expect(await loadQuiz()).toEqual(await fullBuild(AT, quizId));
    expect((await loadQuiz()).gradebook.rows.find((r) => r.student.id === student.id)?.cells[0]).toMatchObject({ awarded: 2 });
    await db.response.updateMany({ where: { attemptId, questionId: questionIds[0]! }, data: { score: 0 } });
    const after = await loadQuiz();
    expect(after).toEqual(await fullBuild(AT, quizId));
    expect(after.gradebook.rows.find((r) => r.student.id === student.id)?.cells[0]).toMatchObject({ awarded: 0 });
  });
});

describe("pruning the change log", () => {
  /** Makes the change rows of `attemptIds` look last written `hours` ago. */
  async function age(attemptIds: string[], hours: number) {
    const db = await getDb();
    await db.$executeRaw`UPDATE "GradebookChange" SET "changedAt" = clock_timestamp() - make_interval(hours => ${hours}) WHERE "attemptId" = ANY(${attemptIds}::text[])`;
  }
  const rowsOf = async () => (await getDb()).gradebookChange.findMany({ where: { assignmentId }, select: { attemptId: true, version: true } });

  it("removes the rows not written for a day and keeps the others", async () => {
    const before = await rowsOf();
    expect(before.length).toBeGreaterThan(2);
    const [old, recent] = before.map((r) => r.attemptId);
    await age([old!], 25);
    await age([recent!], 23);
    expect(await pruneGradebookChanges()).toBe(1);
    const after = await rowsOf();
    expect(after.map((r) => r.attemptId).sort()).toEqual(before.map((r) => r.attemptId).filter((id) => id !== old).sort());
  });

  it("lets a copy newer than every pruned row catch up on the changes after it, moving no version", async () => {
    const [, bina] = students;
    await load();
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const db = await getDb();
    const binas = (await db.attempt.findMany({ where: { userId: bina!.id, assignmentId }, select: { id: true } })).map((a) => a.id);
    const others = (await rowsOf()).map((r) => r.attemptId).filter((id) => !binas.includes(id));
    expect(others.length).toBeGreaterThan(0);
    await age(others, 30);
    expect(await pruneGradebookChanges()).toBe(others.length);
    expect((await getGradebookStamp(assignmentId))?.version).toBe(since);
    expect((await getGradebookStamp(assignmentId, since))?.changedAttemptIds).toEqual([]);
    await db.pointScore.updateMany({ where: { response: { attempt: { userId: bina!.id, assignmentId } }, source: "auto" }, data: { awarded: 1 } });
    expect((await getGradebookStamp(assignmentId, since))?.changedAttemptIds?.slice().sort()).toEqual(binas.slice().sort());
    expect(await load()).toEqual(await fullBuild());
  });

  it("rebuilds in full a copy older than a pruned row, and shows the change the row logged", async () => {
    const [, bina] = students;
    await load();
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const db = await getDb();
    await db.pointScore.updateMany({ where: { response: { attempt: { userId: bina!.id, assignmentId } }, source: "auto" }, data: { awarded: 0 } });
    const binas = (await db.attempt.findMany({ where: { userId: bina!.id, assignmentId }, select: { id: true } })).map((a) => a.id);
    await age(binas, 30);
    expect(await pruneGradebookChanges()).toBe(binas.length);
    expect((await getGradebookStamp(assignmentId, since))?.changedAttemptIds).toBeNull();
    const after = await load();
    expect(after).toEqual(await fullBuild());
    expect(rowsById(after).get(bina!.id)?.cells.map((c) => c.awarded)).toEqual([0, 0]);
  });
});
