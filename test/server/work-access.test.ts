// Who may see and moderate a student's written work when the student is in two teachers' classes
// and also practises on a private set of their own (issue 7, part 5): each teacher sees only work
// done for their own class's assignments or on their own sets; nobody else sees the private work.
import { beforeAll, describe, expect, it } from "vitest";
import type { UserRecord } from "@/lib/db/users";
import { getDb } from "@/lib/db/client";
import { getAttemptFor, getStudentWorkFor, moderateWrittenPoint, startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const ANSWER = `Introduction: rivers carry silt to the delta.

Causes
- Monsoon floods spread fresh silt over the fields every year, which keeps the soil fertile.

Conclusion: protecting the floodplain keeps farms productive.`;

type Who = "student" | "teacherA" | "teacherB" | "otherStudent";
const users = {} as Record<Who, UserRecord>;
const classOf = {} as Record<"A" | "B", string>;
/** One graded attempt per set: A (teacher A's, assigned to class A), B (teacher B's, assigned to class B), private (the student's own). */
const attemptOn = {} as Record<"A" | "B" | "private", { attemptId: string; rubricPointId: string }>;

async function makeSetWithQuestion(ownerId: string, title: string, status: "draft" | "published"): Promise<{ setId: string; questionId: string; rubricPointId: string }> {
  const db = await getDb();
  const set = await db.studySet.create({
    data: {
      ownerId,
      title,
      status,
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
  const question = set.questions[0]!;
  return { setId: set.id, questionId: question.id, rubricPointId: question.rubricPoints[0]!.id };
}

async function submitAnswer(questionId: string): Promise<string> {
  const draft = await startWritingAttempt(users.student, { questionId }, NOW);
  const submitted = await submitWritingAttempt(users.student, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, new Date(NOW.getTime() + 300_000));
  expect(submitted.status).toBe("graded");
  return draft.attemptId;
}

beforeAll(async () => {
  users.student = await createTestUser("student", "student");
  users.otherStudent = await createTestUser("otherStudent", "student");
  users.teacherA = await createTestUser("teacherA", "teacher");
  users.teacherB = await createTestUser("teacherB", "teacher");
  const db = await getDb();
  for (const [key, teacher] of [["A", users.teacherA], ["B", users.teacherB]] as const) {
    const classroom = await db.classroom.create({ data: { name: `Class ${key}`, joinCode: `CLASS${key}1`, teacherId: teacher.id }, select: { id: true } });
    classOf[key] = classroom.id;
    await db.enrollment.create({ data: { classId: classroom.id, studentId: users.student.id } });
    const made = await makeSetWithQuestion(teacher.id, `Set ${key}`, "published");
    await db.assignment.create({ data: { classId: classroom.id, studySetId: made.setId, createdById: teacher.id, title: `Week 1 (${key})` } });
    attemptOn[key] = { attemptId: await submitAnswer(made.questionId), rubricPointId: made.rubricPointId };
  }
  const own = await makeSetWithQuestion(users.student.id, "My notes", "draft");
  attemptOn.private = { attemptId: await submitAnswer(own.questionId), rubricPointId: own.rubricPointId };
});

describe("seeing a student's graded answer", () => {
  it.each([
    ["student", "A", "ok"],
    ["student", "B", "ok"],
    ["student", "private", "ok"],
    ["teacherA", "A", "ok"],
    ["teacherA", "B", "FORBIDDEN"],
    ["teacherA", "private", "FORBIDDEN"],
    ["teacherB", "A", "FORBIDDEN"],
    ["teacherB", "B", "ok"],
    ["teacherB", "private", "FORBIDDEN"],
    ["otherStudent", "A", "FORBIDDEN"],
  ] as const)("%s → work on set %s: %s", async (who, which, expected) => {
    expect(await outcomeOf(() => getAttemptFor(users[who], attemptOn[which].attemptId))).toBe(expected);
  });

  it("links a teacher back to the student's page in the class that supervises the work", async () => {
    const seen = await getAttemptFor(users.teacherB, attemptOn.B.attemptId);
    expect(seen.state === "graded" && seen.studentPageHref).toBe(`/classes/${classOf.B}/students/${users.student.id}`);
  });
});

describe("changing a student's marks", () => {
  it.each([
    ["teacherA", "A", "ok"],
    ["teacherA", "B", "FORBIDDEN"],
    ["teacherA", "private", "FORBIDDEN"],
    ["teacherB", "A", "FORBIDDEN"],
    ["teacherB", "B", "ok"],
    ["teacherB", "private", "FORBIDDEN"],
    ["student", "private", "FORBIDDEN"],
  ] as const)("%s → work on set %s: %s", async (who, which, expected) => {
    const { attemptId, rubricPointId } = attemptOn[which];
    const db = await getDb();
    const before = await db.pointScore.count({ where: { rubricPointId, source: "moderated" } });
    const outcome = await outcomeOf(() => moderateWrittenPoint(users[who], { attemptId, rubricPointId, awarded: 0, reason: "Checked." }, new Date(NOW.getTime() + 3_600_000)));
    expect(outcome).toBe(expected);
    expect(await db.pointScore.count({ where: { rubricPointId, source: "moderated" } })).toBe(before + (expected === "ok" ? 1 : 0));
  });
});

describe("a student's work list on a class page", () => {
  it("shows each teacher only the work they supervise, never the private set's", async () => {
    const forA = await getStudentWorkFor(users.teacherA, classOf.A, users.student.id);
    const forB = await getStudentWorkFor(users.teacherB, classOf.B, users.student.id);
    expect(forA.attempts.map((a) => a.id)).toEqual([attemptOn.A.attemptId]);
    expect(forB.attempts.map((a) => a.id)).toEqual([attemptOn.B.attemptId]);
    expect(JSON.stringify([forA, forB])).not.toContain("My notes");
  });

  it("refuses a teacher another teacher's class page", async () => {
    expect(await outcomeOf(() => getStudentWorkFor(users.teacherA, classOf.B, users.student.id))).toBe("FORBIDDEN");
  });
});
