// One statement that changes the work of many attempts of an assignment — marking a whole class,
// releasing (accepting) every provisional mark — moves the assignment's gradebook stamp once, and
// takes its row lock once, at commit; the change log still lists every attempt it changed, and only
// those. Figures (the stamp's moves and the time of a bulk mark of 200 attempts) are printed, not
// asserted.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getGradebookStamp } from "@/lib/db/gradebook";
import type { UserRecord } from "@/lib/db/users";
import { createTestClass, createTestUser } from "../support/actors";
import { isPostgres, useTestDatabase } from "../support/database";
import { createFloodsQuestionSet } from "../support/written-sets";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const STUDENTS = 200;

let teacher: UserRecord;
let assignmentId = "";
let otherAssignmentId = "";
const attemptIds: string[] = [];
let otherAttemptId = "";

const count = (version: string | null | undefined) => BigInt(version!.split(":")[1]!);

/** A graded written attempt with one automatic mark per rubric point, for each student. */
async function seedAttempts(students: { id: string }[], target: string, setId: string, questionId: string, points: Record<"c1" | "s1", string>): Promise<string[]> {
  const db = await getDb();
  const ids: string[] = [];
  for (const s of students) {
    const attempt = await db.attempt.create({
      data: { userId: s.id, kind: "written_practice", studySetId: setId, assignmentId: target, questionId, status: "graded", startedAt: NOW, submittedAt: NOW },
      select: { id: true },
    });
    const response = await db.response.create({ data: { attemptId: attempt.id, questionId, content: { text: "Silt." }, flags: [], score: 1, maxScore: 3, isProvisional: true }, select: { id: true } });
    await db.pointScore.createMany({
      data: [
        { responseId: response.id, rubricPointId: points.c1, source: "auto", awarded: 1, max: 2, evidence: [], feedback: "-" },
        { responseId: response.id, rubricPointId: points.s1, source: "auto", awarded: 0, max: 1, evidence: [], feedback: "-" },
      ],
    });
    ids.push(attempt.id);
  }
  return ids;
}

beforeAll(async () => {
  teacher = await createTestUser("bulk-teacher", "teacher");
  const db = await getDb();
  await db.user.createMany({ data: Array.from({ length: STUDENTS }, (_, i) => ({ name: `Student ${i}`, email: `bulk-${i}@example.com`, role: "student" as const, passwordHash: "x" })) });
  const students = await db.user.findMany({ where: { role: "student" }, select: { id: true }, orderBy: { email: "asc" } });
  const classId = await createTestClass(teacher.id, students.map((s) => s.id), "Batch B", "BULK001");
  const set = await createFloodsQuestionSet(teacher.id, "Bulk deltas");
  assignmentId = (await db.assignment.create({ data: { classId, studySetId: set.setId, createdById: teacher.id, title: "Bulk", kind: "written", questionIds: [set.questionId] }, select: { id: true } })).id;
  attemptIds.push(...(await seedAttempts(students, assignmentId, set.setId, set.questionId, set.points)));
  const other = await createFloodsQuestionSet(teacher.id, "Other deltas");
  otherAssignmentId = (await db.assignment.create({ data: { classId, studySetId: other.setId, createdById: teacher.id, title: "Other", kind: "written", questionIds: [other.questionId] }, select: { id: true } })).id;
  otherAttemptId = (await seedAttempts(students.slice(0, 1), otherAssignmentId, other.setId, other.questionId, other.points))[0]!;
});

describe(`a bulk write to ${STUDENTS} attempts of an assignment (${isPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("moves the stamp once for a statement marking every attempt, and logs each attempt changed", async () => {
    const db = await getDb();
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const otherSince = (await getGradebookStamp(otherAssignmentId))!.version!;
    const started = performance.now();
    const marked = await db.$executeRaw`UPDATE "PointScore" SET "awarded" = 2 WHERE "source" = 'auto' AND "awarded" = 1
                                        AND "responseId" IN (SELECT r."id" FROM "Response" r JOIN "Attempt" a ON a."id" = r."attemptId" WHERE a."assignmentId" = ${assignmentId})`;
    const ms = performance.now() - started;
    const stamp = await getGradebookStamp(assignmentId, since);
    console.log(`bulk mark of ${marked} point marks in ${STUDENTS} attempts: ${ms.toFixed(1)} ms, stamp moved ${count(stamp?.version) - count(since)} time(s)`);
    expect(marked).toBe(STUDENTS);
    expect(stamp?.changedAttemptIds?.slice().sort()).toEqual(attemptIds.slice().sort());
    expect(count(stamp?.version) - count(since)).toBe(1n);
    expect((await getGradebookStamp(otherAssignmentId))?.version).toBe(otherSince);
  });

  it("moves each stamp once for a release that spans two assignments, and logs exactly the attempts released", async () => {
    const db = await getDb();
    const released = attemptIds.slice(0, 50);
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const otherSince = (await getGradebookStamp(otherAssignmentId))!.version!;
    const started = performance.now();
    const count2 = await db.response.updateMany({ where: { attemptId: { in: [...released, otherAttemptId] } }, data: { marksAcceptedAt: NOW, marksAcceptedById: teacher.id } });
    const ms = performance.now() - started;
    const stamp = await getGradebookStamp(assignmentId, since);
    const other = await getGradebookStamp(otherAssignmentId, otherSince);
    console.log(`release of ${count2.count} answers over two assignments: ${ms.toFixed(1)} ms, stamps moved ${count(stamp?.version) - count(since)} and ${count(other?.version) - count(otherSince)} time(s)`);
    expect(stamp?.changedAttemptIds?.slice().sort()).toEqual(released.slice().sort());
    expect(other?.changedAttemptIds).toEqual([otherAttemptId]);
    expect(count(stamp?.version) - count(since)).toBe(1n);
    expect(count(other?.version) - count(otherSince)).toBe(1n);
  });

  it("moves the stamp once for a transaction of several bulk statements", async () => {
    const db = await getDb();
    const since = (await getGradebookStamp(assignmentId))!.version!;
    const started = performance.now();
    await db.$transaction([
      db.pointScore.updateMany({ where: { response: { attempt: { assignmentId } }, source: "auto", awarded: 0 }, data: { awarded: 1 } }),
      db.response.updateMany({ where: { attempt: { assignmentId } }, data: { score: 3 } }),
      db.attempt.updateMany({ where: { assignmentId }, data: { status: "submitted" } }),
    ]);
    const ms = performance.now() - started;
    const stamp = await getGradebookStamp(assignmentId, since);
    console.log(`three bulk statements over ${STUDENTS} attempts in one transaction: ${ms.toFixed(1)} ms, stamp moved ${count(stamp?.version) - count(since)} time(s)`);
    expect(stamp?.changedAttemptIds?.slice().sort()).toEqual(attemptIds.slice().sort());
    expect(count(stamp?.version) - count(since)).toBe(1n);
  });

  it("moves nothing for a bulk write of what the gradebook does not read", async () => {
    const db = await getDb();
    const since = (await getGradebookStamp(assignmentId))!.version!;
    await db.response.updateMany({ where: { attempt: { assignmentId } }, data: { version: 2 } });
    expect((await getGradebookStamp(assignmentId))?.version).toBe(since);
  });
});
