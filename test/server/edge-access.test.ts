// The access matrix at the edges (issue 11): the server actions and route handlers of the teacher and
// student use cases — regrade ask/answer, class overview CSV, per-assignment CSV, accept marks,
// release results, roster remove/restore, renew the join code, close joining — called as a browser
// would, for the work's owner, another student, the class's teacher, a co-teacher, another teacher
// and a signed-out visitor. Only the request's cookie jar (next/headers, which needs a request) and
// Next's cache revalidation (which needs a render) are stood in for: each visitor carries a real
// encrypted next-auth session token, which lib/server/session.ts decodes and checks against the
// test database exactly as in production.
import Papa from "papaparse";
import { beforeAll, describe, expect, it, vi } from "vitest";

const jar = vi.hoisted(() => ({ token: null as string | null }));
vi.mock("next/headers", () => ({
  cookies: () =>
    Promise.resolve({
      get: (name: string) => (name === "next-auth.session-token" && jar.token ? { name, value: jar.token } : undefined),
      getAll: () => (jar.token ? [{ name: "next-auth.session-token", value: jar.token }] : []),
      set: () => undefined,
    }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET ??= "edge-access-test-secret-0123456789";
delete process.env.NEXTAUTH_URL;

import { answerRegradeAction, askRegradeAction } from "@/app/(app)/attempts/actions";
import { acceptAutomaticMarksAction } from "@/app/(app)/classes/actions";
import { releaseResultsAction, removeStudentAction, renewJoinCodeAction, restoreStudentAction, setJoiningAction } from "@/app/(app)/classes/[classId]/actions";
import { GET as assignmentCsv } from "@/app/api/assignments/[assignmentId]/csv/route";
import { GET as classCsv } from "@/app/api/classes/[classId]/csv/route";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import { assignSetToClass } from "@/lib/server/assignments";
import { encodeSessionToken } from "@/lib/server/session-token";
import { startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestUser } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date();
const ANSWER = "Introduction: floods matter.\n\nMonsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.\n\nConclusion: protect floodplains.";
type Who = "owner" | "otherStudent" | "teacher" | "coTeacher" | "otherTeacher" | "signedOut";
const WHO: Who[] = ["owner", "otherStudent", "teacher", "coTeacher", "otherTeacher", "signedOut"];
const users = {} as Record<Exclude<Who, "signedOut">, UserRecord>;
let classId = "";
let assignmentId = "";
let heldAssignmentId = "";
let attemptId = "";
let rubricPointId = "";

async function signInAs(who: Who): Promise<void> {
  if (who === "signedOut") {
    jar.token = null;
    return;
  }
  const db = await getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: users[who].id }, select: { role: true, sessionVersion: true } });
  jar.token = await encodeSessionToken({ token: { uid: users[who].id, role: user.role, sv: user.sessionVersion }, secret: process.env.NEXTAUTH_SECRET! });
}

/** An action's outcome: "ok", "401" when it asked the visitor to sign in, else "refused" (403/404 alike). */
function actionOutcome(result: { ok: boolean; error?: string }): "ok" | "401" | "refused" {
  if (result.ok) return "ok";
  return /session has ended/i.test(result.error ?? "") ? "401" : "refused";
}

async function makeWrittenSet(title: string) {
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
    select: { id: true, questions: { select: { id: true, rubricPoints: { select: { id: true } } } } },
  });
  return { setId: set.id, questionId: set.questions[0]!.id, rubricPointId: set.questions[0]!.rubricPoints[0]!.id };
}

beforeAll(async () => {
  for (const [key, role] of [["owner", "student"], ["otherStudent", "student"], ["teacher", "teacher"], ["coTeacher", "teacher"], ["otherTeacher", "teacher"]] as const) {
    users[key] = await createTestUser(key, role);
  }
  const db = await getDb();
  classId = (await db.classroom.create({ data: { name: "Edge batch", joinCode: "EDGE001", teacherId: users.teacher.id }, select: { id: true } })).id;
  await db.classTeacher.create({ data: { classId, teacherId: users.coTeacher.id } });
  await db.enrollment.create({ data: { classId, studentId: users.owner.id } });
  // The other teacher runs a class of their own that the other student is in.
  const otherClass = (await db.classroom.create({ data: { name: "Elsewhere", joinCode: "EDGE002", teacherId: users.otherTeacher.id }, select: { id: true } })).id;
  await db.enrollment.create({ data: { classId: otherClass, studentId: users.otherStudent.id } });
  const made = await makeWrittenSet("Floods");
  rubricPointId = made.rubricPointId;
  assignmentId = (await assignSetToClass(users.teacher, { studySetId: made.setId, classId, kind: "written", questionIds: [made.questionId] }, NOW)).id;
  const held = await makeWrittenSet("Deltas");
  heldAssignmentId = (await assignSetToClass(users.teacher, { studySetId: held.setId, classId, kind: "written", questionIds: [held.questionId], resultRelease: "by_teacher" }, NOW)).id;
  const draft = await startWritingAttempt(users.owner, { questionId: made.questionId, assignmentId }, NOW);
  await submitWritingAttempt(users.owner, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, new Date(NOW.getTime() + 60_000));
  attemptId = draft.attemptId;
});

/** A fresh open regrade request on the owner's answer (the previous one answered or removed). */
async function openRequest(): Promise<string> {
  const db = await getDb();
  await db.regradeRequest.deleteMany({ where: { status: "open" } });
  const response = await db.response.findFirstOrThrow({ where: { attemptId }, select: { id: true } });
  return (await db.regradeRequest.create({ data: { responseId: response.id, rubricPointId, studentId: users.owner.id, reason: "Please look again." }, select: { id: true } })).id;
}

type Outcome = "ok" | "401" | "refused";
const TEACHERS_ONLY: Record<Who, Outcome> = { owner: "refused", otherStudent: "refused", teacher: "ok", coTeacher: "ok", otherTeacher: "refused", signedOut: "401" };

describe("server actions", () => {
  const writes: Record<string, { expected: Record<Who, Outcome>; run: () => Promise<{ ok: boolean; error?: string }>; before?: () => Promise<unknown> }> = {
    "ask for a regrade": {
      expected: { owner: "ok", otherStudent: "refused", teacher: "refused", coTeacher: "refused", otherTeacher: "refused", signedOut: "401" },
      before: async () => (await getDb()).regradeRequest.deleteMany({}),
      run: () => askRegradeAction({ attemptId, rubricPointId, reason: "My second paragraph makes this point." }),
    },
    "answer a regrade request": {
      expected: TEACHERS_ONLY,
      run: async () => answerRegradeAction({ requestId: await openRequest(), decision: "decline", reply: "The mark stands." }),
    },
    "accept the automatic marks": { expected: TEACHERS_ONLY, run: () => acceptAutomaticMarksAction({ attemptId }) },
    "release results": { expected: TEACHERS_ONLY, run: () => releaseResultsAction({ assignmentId: heldAssignmentId, isReleased: false }) },
    "remove a student from the roster": {
      expected: TEACHERS_ONLY,
      run: async () => {
        const removed = await removeStudentAction({ classId, studentId: users.owner.id });
        if (removed.ok) await restoreStudentAction({ classId, studentId: users.owner.id });
        return removed;
      },
    },
    "restore a removed student": {
      expected: TEACHERS_ONLY,
      before: async () => (await getDb()).enrollment.updateMany({ where: { classId, studentId: users.owner.id }, data: { removedAt: new Date() } }),
      run: () => restoreStudentAction({ classId, studentId: users.owner.id }),
    },
    "renew the join code": { expected: TEACHERS_ONLY, run: () => renewJoinCodeAction({ classId }) },
    "close joining": { expected: TEACHERS_ONLY, run: () => setJoiningAction({ classId, isClosed: false }) },
  };
  const cases = Object.keys(writes).flatMap((name) => WHO.map((who) => [name, who] as const));

  it.each(cases)("%s as %s", async (name, who) => {
    const write = writes[name]!;
    await write.before?.();
    await signInAs(who);
    expect(actionOutcome(await write.run())).toBe(write.expected[who]);
    // Whatever the outcome, the roster is left as it was for the next case.
    await (await getDb()).enrollment.updateMany({ where: { classId, studentId: users.owner.id }, data: { removedAt: null } });
  });

  it("a refused regrade answer changes nothing", async () => {
    const requestId = await openRequest();
    for (const who of ["owner", "otherStudent", "otherTeacher", "signedOut"] as const) {
      await signInAs(who);
      expect((await answerRegradeAction({ requestId, decision: "accept", awarded: 2, reply: "Full marks." })).ok).toBe(false);
    }
    const db = await getDb();
    expect(await db.regradeRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } })).toEqual({ status: "open" });
    expect(await db.pointScore.count({ where: { source: "moderated" } })).toBe(0);
  });
});

describe("route handlers", () => {
  const STATUS: Record<Who, number> = { owner: 403, otherStudent: 403, teacher: 200, coTeacher: 200, otherTeacher: 403, signedOut: 401 };
  const routes = {
    "the class overview CSV": () => classCsv(new Request(`http://localhost/api/classes/${classId}/csv`), { params: Promise.resolve({ classId }) }),
    "the assignment CSV": () => assignmentCsv(new Request(`http://localhost/api/assignments/${assignmentId}/csv`), { params: Promise.resolve({ assignmentId }) }),
  };
  const cases = Object.keys(routes).flatMap((name) => WHO.map((who) => [name as keyof typeof routes, who] as const));

  it.each(cases)("%s as %s", async (name, who) => {
    await signInAs(who);
    const response = await routes[name]();
    expect(response.status).toBe(STATUS[who]);
    expect(response.headers.get("cache-control")).toBe("no-store");
    if (response.status === 200) {
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const parsed = Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
      expect(parsed.data.map((r) => r.Email)).toEqual(["owner@example.com"]);
    } else {
      expect(await response.json()).toMatchObject({ ok: false, error: expect.any(String) as unknown });
    }
  });

  it("treats a token made with another secret as signed out", async () => {
    jar.token = await encodeSessionToken({ token: { uid: users.teacher.id, role: "teacher", sv: 0 }, secret: "not-the-servers-secret-0123456789" });
    expect((await routes["the class overview CSV"]()).status).toBe(401);
  });

  it("answers 404 for a class or assignment that does not exist", async () => {
    await signInAs("teacher");
    expect((await classCsv(new Request("http://localhost/api/classes/missing/csv"), { params: Promise.resolve({ classId: "missing" }) })).status).toBe(404);
    expect((await assignmentCsv(new Request("http://localhost/api/assignments/missing/csv"), { params: Promise.resolve({ assignmentId: "missing" }) })).status).toBe(404);
  });
});
