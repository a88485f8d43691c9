// Regrade requests on written PRACTICE (an answer written outside any assignment) reach the teachers who
// may already open that answer — the teachers of the student's classes the set is assigned to, and a
// teacher whose own set it is — on their class's "To check" list and on the gradebooks of that set's
// assignments; never a teacher of another class, never after the student left the class.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import { assignSetToClass } from "@/lib/server/assignments";
import { removeStudentFor } from "@/lib/server/classes";
import { askForRegrade, listOpenRegradesFor } from "@/lib/server/regrades";
import { startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestUser } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { createFloodsQuestionSet } from "../support/written-sets";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
const ANSWER = "Introduction: floods matter.\n\nMonsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.\n\nConclusion: protect floodplains.";
type Who = "owner" | "coTeacher" | "otherTeacher" | "student" | "classmate";
const users = {} as Record<Who, UserRecord>;
let classId = "";
let otherClassId = "";
let assignmentId = "";
let practiceAttemptId = "";
let otherSetAttemptId = "";

async function practise(who: Who, questionId: string): Promise<string> {
  const draft = await startWritingAttempt(users[who], { questionId }, NOW);
  await submitWritingAttempt(users[who], { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(10));
  return draft.attemptId;
}

beforeAll(async () => {
  for (const [key, role] of [["owner", "teacher"], ["coTeacher", "teacher"], ["otherTeacher", "teacher"], ["student", "student"], ["classmate", "student"]] as const) {
    users[key] = await createTestUser(key, role);
  }
  const db = await getDb();
  classId = (await db.classroom.create({ data: { name: "Batch", joinCode: "PRACRG1", teacherId: users.owner.id }, select: { id: true } })).id;
  otherClassId = (await db.classroom.create({ data: { name: "Other batch", joinCode: "PRACRG2", teacherId: users.otherTeacher.id }, select: { id: true } })).id;
  await db.classTeacher.create({ data: { classId, teacherId: users.coTeacher.id } });
  for (const studentId of [users.student.id, users.classmate.id]) await db.enrollment.create({ data: { classId, studentId } });
  // The student is in the other teacher's class too, where the floods set is not assigned.
  await db.enrollment.create({ data: { classId: otherClassId, studentId: users.student.id } });
  const floods = await createFloodsQuestionSet(users.owner.id, "Floods");
  // The assignment sets another question of the set: the practised one is not held back for it.
  const assigned = await db.question.create({
    data: { studySetId: floods.setId, kind: "written", prompt: "Why do deltas sink?", explanation: "-", marks: 3, timeLimitSec: 600, wordLimit: 150, position: 1 },
    select: { id: true },
  });
  assignmentId = (await assignSetToClass(users.owner, { studySetId: floods.setId, classId, kind: "written", questionIds: [assigned.id] }, NOW)).id;
  practiceAttemptId = await practise("student", floods.questionId);
  await askForRegrade(users.student, { attemptId: practiceAttemptId, rubricPointId: floods.points.c1, reason: "I did name the silt." }, later(20));
  // Practice on the other teacher's own public (unassigned) set: that teacher supervises it through their class.
  const deltas = await createFloodsQuestionSet(users.otherTeacher.id, "Deltas");
  await db.studySet.update({ where: { id: deltas.setId }, data: { isPublic: true } });
  otherSetAttemptId = await practise("student", deltas.questionId);
  await askForRegrade(users.student, { attemptId: otherSetAttemptId, rubricPointId: deltas.points.s1, reason: "My conclusion has a way forward." }, later(21));
});

describe("open regrade requests on practice answers", () => {
  it.each(["owner", "coTeacher"] as const)("reach %s on the class's To check list, marked as practice on the set", async (who) => {
    const open = await listOpenRegradesFor(users[who], classId);
    expect(open).toEqual([
      expect.objectContaining({ attemptId: practiceAttemptId, studentName: "student", assignmentId: null, studySetTitle: "Floods", pointNumber: 1, reason: "I did name the silt." }),
    ]);
  });

  it("appear on the gradebook of the set's assignment", async () => {
    expect((await listOpenRegradesFor(users.owner, classId, assignmentId)).map((r) => r.attemptId)).toEqual([practiceAttemptId]);
    expect(await listOpenRegradesFor(users.owner, classId, "another-assignment")).toEqual([]);
  });

  it("reach a teacher through their own set, in their class only, and never the class where the set is not assigned", async () => {
    const open = await listOpenRegradesFor(users.otherTeacher, otherClassId);
    expect(open.map((r) => r.attemptId)).toEqual([otherSetAttemptId]);
    expect((await listOpenRegradesFor(users.owner, classId)).map((r) => r.attemptId)).not.toContain(otherSetAttemptId);
  });

  it("leave the class's list when the student is removed from the class", async () => {
    await removeStudentFor(users.owner, { classId, studentId: users.student.id }, later(30));
    expect(await listOpenRegradesFor(users.owner, classId)).toEqual([]);
    expect((await listOpenRegradesFor(users.otherTeacher, otherClassId)).map((r) => r.attemptId)).toEqual([otherSetAttemptId]);
  });
});
