// An assignment's gradebook stamp lives as long as the assignment under its id (migration
// 20261204220000_gradebook_lock_order: triggers, not a foreign key, create and delete it): an
// assignment deleted and created again with the same id keeps one, and its id cannot change.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getGradebookStamp } from "@/lib/db/gradebook";
import type { UserRecord } from "@/lib/db/users";
import { createTestUser } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { createFloodsQuestionSet } from "../support/written-sets";

useTestDatabase();

let teacher: UserRecord;
let classId = "";
let round = 0;

async function newAssignment() {
  const db = await getDb();
  round++;
  const { setId, questionId } = await createFloodsQuestionSet(teacher.id, `Stamps ${round}`);
  return db.assignment.create({ data: { classId, studySetId: setId, createdById: teacher.id, title: `Week ${round}`, kind: "written", questionIds: [questionId] } });
}

beforeAll(async () => {
  teacher = await createTestUser("stamp-teacher", "teacher");
  const db = await getDb();
  classId = (await db.classroom.create({ data: { name: "Batch S", joinCode: "STAMP01", teacherId: teacher.id }, select: { id: true } })).id;
});

describe("an assignment's gradebook stamp", () => {
  it("stays, on a new epoch, when the assignment is deleted and created again with the same id in one transaction", async () => {
    const db = await getDb();
    const assignment = await newAssignment();
    const before = await getGradebookStamp(assignment.id);
    expect(before?.version).toBeTruthy();
    await db.$transaction(async (tx) => {
      await tx.assignment.delete({ where: { id: assignment.id } });
      await tx.assignment.create({ data: { ...assignment, questionIds: assignment.questionIds, title: "Week again" } });
    });
    const after = await getGradebookStamp(assignment.id);
    expect(after?.version).toBeTruthy();
    // A copy of the deleted assignment's gradebook is never taken for the new one's.
    expect(after!.version!.split(":")[0]).not.toBe(before!.version!.split(":")[0]);
    expect(await db.gradebookStamp.count({ where: { assignmentId: assignment.id } })).toBe(1);
  });

  it("goes when the assignment is deleted for good", async () => {
    const db = await getDb();
    const assignment = await newAssignment();
    await db.assignment.delete({ where: { id: assignment.id } });
    expect(await db.gradebookStamp.count({ where: { assignmentId: assignment.id } })).toBe(0);
  });

  it("refuses a change of the assignment's id, and stays with it", async () => {
    const db = await getDb();
    const assignment = await newAssignment();
    const moved = `${assignment.id}-moved`;
    await expect(db.assignment.update({ where: { id: assignment.id }, data: { id: moved } })).rejects.toThrow(/id cannot change/);
    expect(await db.assignment.count({ where: { id: assignment.id } })).toBe(1);
    expect(await db.gradebookStamp.count({ where: { assignmentId: assignment.id } })).toBe(1);
    expect(await db.gradebookStamp.count({ where: { assignmentId: moved } })).toBe(0);
  });
});
