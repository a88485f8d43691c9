// Regrade requests end to end against a real database: the owner of a released written result asks
// for one point to be looked at again (one open request per point, reasons validated and normalised),
// a teacher of the assignment's class answers where they moderate — accepting moderates the mark with
// the reply as reason, declining leaves it — and the student sees the reply and a notice on home.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import { assignSetToClass } from "@/lib/server/assignments";
import { getStudentHome } from "@/lib/server/dashboard";
import { answerRegrade, askForRegrade, listOpenRegradesFor } from "@/lib/server/regrades";
import { getAttemptFor, startWritingAttempt, submitWritingAttempt, type AttemptResult } from "@/lib/server/writing";
import { createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { createFloodsQuestionSet } from "../support/written-sets";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
const ANSWER = "Introduction: floods matter.\n\nMonsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.\n\nConclusion: protect floodplains.";
type Who = "owner" | "coTeacher" | "otherTeacher" | "student" | "otherStudent";
const users = {} as Record<Who, UserRecord>;
let classId = "";
let attemptId = "";
let withheldAttemptId = "";
let contentPoint = "";
let structurePoint = "";

const makeWrittenSet = (title: string, ownerId = users.owner.id) => createFloodsQuestionSet(ownerId, title);

async function answer(questionId: string, assignmentId?: string): Promise<string> {
  const draft = await startWritingAttempt(users.student, { questionId, assignmentId }, NOW);
  await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(10));
  return draft.attemptId;
}

const graded = async (who: Who, at: Date) => (await getAttemptFor(users[who], attemptId, at)) as AttemptResult;
const pointOf = (view: AttemptResult, rubricPointId: string) => view.points.find((p) => p.rubricPointId === rubricPointId)!;

beforeAll(async () => {
  for (const [key, role] of [["owner", "teacher"], ["coTeacher", "teacher"], ["otherTeacher", "teacher"], ["student", "student"], ["otherStudent", "student"]] as const) {
    users[key] = await createTestUser(key, role);
  }
  const db = await getDb();
  classId = (await db.classroom.create({ data: { name: "Batch", joinCode: "REGRAD1", teacherId: users.owner.id }, select: { id: true } })).id;
  await db.classTeacher.create({ data: { classId, teacherId: users.coTeacher.id } });
  await db.enrollment.create({ data: { classId, studentId: users.student.id } });
  const released = await makeWrittenSet("Floods");
  contentPoint = released.points.c1!;
  structurePoint = released.points.s1!;
  const releasedAssignment = await assignSetToClass(users.owner, { studySetId: released.setId, classId, kind: "written", questionIds: [released.questionId], dueAt: "2026-03-01T16:00" }, NOW);
  attemptId = await answer(released.questionId, releasedAssignment.id);
  const held = await makeWrittenSet("Deltas");
  const heldAssignment = await assignSetToClass(users.owner, { studySetId: held.setId, classId, kind: "written", questionIds: [held.questionId], resultRelease: "by_teacher" }, NOW);
  withheldAttemptId = await answer(held.questionId, heldAssignment.id);
});

describe("asking for a regrade", () => {
  it.each(["owner", "coTeacher", "otherTeacher", "otherStudent"] as const)("%s may not ask on the student's answer, and nothing is stored", async (who) => {
    expect(await outcomeOf(() => askForRegrade(users[who], { attemptId, rubricPointId: contentPoint, reason: "Please look again." }, later(20)))).toBe("FORBIDDEN");
    expect(await (await getDb()).regradeRequest.count()).toBe(0);
  });

  it("refuses a reason that is too short or too long, and a point not in the answer", async () => {
    expect(await outcomeOf(() => askForRegrade(users.student, { attemptId, rubricPointId: contentPoint, reason: "pls" }, later(20)))).toBe("INVALID");
    expect(await outcomeOf(() => askForRegrade(users.student, { attemptId, rubricPointId: contentPoint, reason: "x".repeat(501) }, later(20)))).toBe("INVALID");
    expect(await outcomeOf(() => askForRegrade(users.student, { attemptId, rubricPointId: "no-such-point", reason: "Please look again." }, later(20)))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => askForRegrade(users.student, { attemptId: "missing", rubricPointId: contentPoint, reason: "Please look again." }, later(20)))).toBe("NOT_FOUND");
  });

  it("refuses a request on a result whose marks are not released yet", async () => {
    const db = await getDb();
    const point = await db.pointScore.findFirstOrThrow({ where: { response: { attemptId: withheldAttemptId } }, select: { rubricPointId: true } });
    expect(await outcomeOf(() => askForRegrade(users.student, { attemptId: withheldAttemptId, rubricPointId: point.rubricPointId, reason: "Please look again." }, later(20)))).toBe("CONFLICT");
  });

  it("refuses a request on private practice no teacher supervises, and does not offer it", async () => {
    const own = await makeWrittenSet("My notes", users.student.id);
    const privateAttempt = await answer(own.questionId);
    expect(await outcomeOf(() => askForRegrade(users.student, { attemptId: privateAttempt, rubricPointId: own.points.c1!, reason: "Please look again." }, later(20)))).toBe("CONFLICT");
    const view = (await getAttemptFor(users.student, privateAttempt, later(20))) as AttemptResult;
    expect(view.points.every((p) => !p.canAskRegrade)).toBe(true);
  });

  it("stores one open request per point even when two arrive at once, with the reason normalised", async () => {
    const ask = (reason: string) => outcomeOf(() => askForRegrade(users.student, { attemptId, rubricPointId: contentPoint, reason }, later(20)));
    const outcomes = await Promise.all([ask("  I named the silt\u202E and the floods. "), ask("I named the silt and the floods.")]);
    expect(outcomes.sort()).toEqual(["CONFLICT", "ok"]);
    const stored = await (await getDb()).regradeRequest.findMany({ where: { rubricPointId: contentPoint } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: "open", studentId: users.student.id, reason: "I named the silt and the floods." });
    expect(await ask("Asking again before an answer.")).toBe("CONFLICT");
  });

  it("shows the student the request's status and no second 'ask' on that point", async () => {
    const view = await graded("student", later(21));
    expect(pointOf(view, contentPoint)).toMatchObject({ canAskRegrade: false, regrade: { status: "open", reason: "I named the silt and the floods." } });
    expect(pointOf(view, structurePoint)).toMatchObject({ canAskRegrade: true, regrade: null });
    expect(pointOf(await graded("owner", later(21)), contentPoint).canAskRegrade).toBe(false);
  });
});

describe("the teacher's list of open requests", () => {
  it.each([
    ["owner", "ok"],
    ["coTeacher", "ok"],
    ["otherTeacher", "FORBIDDEN"],
    ["student", "FORBIDDEN"],
    ["otherStudent", "FORBIDDEN"],
  ] as const)("opening it as %s: %s", async (who, expected) => {
    expect(await outcomeOf(() => listOpenRegradesFor(users[who], classId))).toBe(expected);
  });

  it("lists the open request with the student, point and reason, for the class and for its assignment", async () => {
    const [open] = await listOpenRegradesFor(users.owner, classId);
    expect(open).toMatchObject({ attemptId, studentName: "student", pointNumber: 1, reason: "I named the silt and the floods." });
    expect(await listOpenRegradesFor(users.coTeacher, classId, open!.assignmentId!)).toHaveLength(1);
    expect(await listOpenRegradesFor(users.coTeacher, classId, "another-assignment")).toEqual([]);
  });
});

describe("answering a regrade request", () => {
  let requestId = "";
  beforeAll(async () => {
    requestId = (await (await getDb()).regradeRequest.findFirstOrThrow({ where: { rubricPointId: contentPoint } })).id;
  });

  it.each(["otherTeacher", "student", "otherStudent"] as const)("%s may not answer it, and nothing changes", async (who) => {
    expect(await outcomeOf(() => answerRegrade(users[who], { requestId, decision: "accept", awarded: 2, reply: "Fine by me." }, later(30)))).toBe("FORBIDDEN");
    const db = await getDb();
    expect(await db.regradeRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "open", answer: null });
    expect(await db.pointScore.count({ where: { source: "moderated" } })).toBe(0);
  });

  it("refuses a mark the point does not offer, a missing reply and an unknown request", async () => {
    expect(await outcomeOf(() => answerRegrade(users.owner, { requestId, decision: "accept", awarded: 3, reply: "Full marks." }, later(30)))).toBe("INVALID");
    expect(await outcomeOf(() => answerRegrade(users.owner, { requestId, decision: "decline", reply: "" }, later(30)))).toBe("INVALID");
    expect(await outcomeOf(() => answerRegrade(users.owner, { requestId: "missing", decision: "decline", reply: "No." }, later(30)))).toBe("NOT_FOUND");
    expect(await (await getDb()).regradeRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "open" });
  });

  it("a co-teacher accepts: the point is moderated with the reply as reason, totals follow, the request is answered", async () => {
    const before = await graded("coTeacher", later(29));
    const newMark = pointOf(before, contentPoint).awarded === 2 ? 1 : 2;
    const totals = await answerRegrade(users.coTeacher, { requestId, decision: "accept", awarded: newMark, reply: "You did link the silt to fertility." }, later(30));
    const view = await graded("coTeacher", later(31));
    const point = pointOf(view, contentPoint);
    expect(point.awarded).toBe(newMark);
    expect(point.moderation).toMatchObject({ reason: "You did link the silt to fertility.", moderatedById: users.coTeacher.id });
    expect(point.regrade).toMatchObject({ status: "answered", isAccepted: true, answer: "You did link the silt to fertility.", answeredByName: "coTeacher" });
    expect(totals.score).toBe(view.score);
    expect(await listOpenRegradesFor(users.owner, classId)).toEqual([]);
  });

  it("refuses a second answer to the same request", async () => {
    expect(await outcomeOf(() => answerRegrade(users.owner, { requestId, decision: "decline", reply: "Changed my mind." }, later(31)))).toBe("CONFLICT");
  });

  it("tells the student on home until they open the result, where the reply shows", async () => {
    const home = await getStudentHome(users.student, later(40));
    expect(home.changedMarks).toEqual([expect.objectContaining({ attemptId, hasRegradeAnswer: true, changedAt: later(30) })]);
    const view = await graded("student", later(41));
    expect(pointOf(view, contentPoint)).toMatchObject({ canAskRegrade: true, regrade: { isAccepted: true, answer: "You did link the silt to fertility." } });
    expect((await getStudentHome(users.student, later(42))).changedMarks).toEqual([]);
  });

  it("a declined request leaves the mark, shows the reply, and the student may ask again", async () => {
    const before = pointOf(await graded("owner", later(49)), structurePoint).awarded;
    const { requestId: second } = await askForRegrade(users.student, { attemptId, rubricPointId: structurePoint, reason: "My last paragraph is a way forward." }, later(50));
    await answerRegrade(users.owner, { requestId: second, decision: "decline", reply: "It restates the problem; no way forward." }, later(55));
    const home = await getStudentHome(users.student, later(56));
    expect(home.changedMarks).toEqual([expect.objectContaining({ attemptId, hasRegradeAnswer: true, changedAt: later(55) })]);
    const point = pointOf(await graded("student", later(57)), structurePoint);
    expect(point).toMatchObject({ awarded: before, canAskRegrade: true, regrade: { status: "answered", isAccepted: false, answer: "It restates the problem; no way forward." } });
    expect(point.moderation).toBeUndefined();
  });
});
