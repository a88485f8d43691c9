// Classes as teachers run them (issue 11): renewing the join code, closing joining, removing and
// restoring a student (their work stays), extra time, co-teachers by email or code — each use case
// against the access matrix (owner, co-teacher, other teacher, enrolled student, other student).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import {
  addCoTeacherByEmailFor,
  getClassFor,
  joinAsCoTeacherFor,
  joinClassFor,
  listClassesFor,
  removeCoTeacherFor,
  removeStudentFor,
  renewCoTeacherCodeFor,
  renewJoinCodeFor,
  restoreStudentFor,
  setExtraTimeFor,
  setJoiningFor,
} from "@/lib/server/classes";
import { createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
type Who = "owner" | "coTeacher" | "otherTeacher" | "student" | "otherStudent";
const users = {} as Record<Who, UserRecord>;
let classId = "";

beforeAll(async () => {
  for (const [key, role] of [["owner", "teacher"], ["coTeacher", "teacher"], ["otherTeacher", "teacher"], ["student", "student"], ["otherStudent", "student"]] as const) {
    users[key] = await createTestUser(key, role);
  }
  const db = await getDb();
  classId = (await db.classroom.create({ data: { name: "Batch A", joinCode: "MANAGE1", teacherId: users.owner.id }, select: { id: true } })).id;
  await db.classTeacher.create({ data: { classId, teacherId: users.coTeacher.id } });
  await db.enrollment.create({ data: { classId, studentId: users.student.id } });
});

describe("who may manage a class", () => {
  const writes = {
    "renew the join code": (who: UserRecord) => renewJoinCodeFor(who, { classId }),
    "close joining": (who: UserRecord) => setJoiningFor(who, { classId, isClosed: false }, NOW),
    "set extra time": (who: UserRecord) => setExtraTimeFor(who, { classId, studentId: users.student.id, extraTimeMultiplier: "1.5" }),
    "remove then restore a student": async (who: UserRecord) => {
      await removeStudentFor(who, { classId, studentId: users.student.id }, NOW);
      await restoreStudentFor(who, { classId, studentId: users.student.id });
    },
    "make a co-teacher code": (who: UserRecord) => renewCoTeacherCodeFor(who, { classId }),
  } as const;
  const expected: Record<keyof typeof writes, Record<Who, string>> = {
    "renew the join code": { owner: "ok", coTeacher: "ok", otherTeacher: "FORBIDDEN", student: "FORBIDDEN", otherStudent: "FORBIDDEN" },
    "close joining": { owner: "ok", coTeacher: "ok", otherTeacher: "FORBIDDEN", student: "FORBIDDEN", otherStudent: "FORBIDDEN" },
    "set extra time": { owner: "ok", coTeacher: "ok", otherTeacher: "FORBIDDEN", student: "FORBIDDEN", otherStudent: "FORBIDDEN" },
    "remove then restore a student": { owner: "ok", coTeacher: "ok", otherTeacher: "FORBIDDEN", student: "FORBIDDEN", otherStudent: "FORBIDDEN" },
    "make a co-teacher code": { owner: "ok", coTeacher: "FORBIDDEN", otherTeacher: "FORBIDDEN", student: "FORBIDDEN", otherStudent: "FORBIDDEN" },
  };
  const cases = Object.keys(writes).flatMap((name) => (Object.keys(expected[name as keyof typeof writes]) as Who[]).map((who) => [name, who] as const));

  it.each(cases)("%s: %s", async (name, who) => {
    const action = name as keyof typeof writes;
    expect(await outcomeOf(() => writes[action](users[who]))).toBe(expected[action][who]);
  });

  it("shows the roster and codes to the owner and a co-teacher only", async () => {
    for (const who of ["owner", "coTeacher"] as const) {
      const detail = await getClassFor(users[who], classId);
      expect(detail.students.map((s) => s.name)).toEqual(["student"]);
      expect(detail.joinCode).not.toBe("");
    }
    const asStudent = await getClassFor(users.student, classId);
    expect(asStudent.students).toEqual([]);
    expect(asStudent.joinCode).toBe("");
    expect(await outcomeOf(() => getClassFor(users.otherTeacher, classId))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => getClassFor(users.otherStudent, classId))).toBe("FORBIDDEN");
  });

  it("lists a co-taught class among the co-teacher's classes", async () => {
    expect((await listClassesFor(users.coTeacher)).map((c) => c.id)).toContain(classId);
    expect((await listClassesFor(users.otherTeacher)).map((c) => c.id)).not.toContain(classId);
  });
});

describe("join codes and joining", () => {
  it("renewing the code stops the old one from enrolling anyone", async () => {
    const before = (await getClassFor(users.owner, classId)).joinCode;
    const { joinCode } = await renewJoinCodeFor(users.owner, { classId });
    expect(joinCode).not.toBe(before);
    expect(joinCode).toMatch(/^[A-Z2-9]{7}$/);
    expect(await outcomeOf(() => joinClassFor(users.otherStudent, { joinCode: before }))).toBe("NOT_FOUND");
  });

  it("a closed class refuses new students but keeps the ones it has; reopening lets them in", async () => {
    const { joinCode } = await getClassFor(users.owner, classId);
    await setJoiningFor(users.owner, { classId, isClosed: true }, NOW);
    await expect(joinClassFor(users.otherStudent, { joinCode })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("closed") });
    expect(await outcomeOf(() => joinClassFor(users.student, { joinCode }))).toBe("ok");
    await setJoiningFor(users.owner, { classId, isClosed: false }, NOW);
    expect(await outcomeOf(() => joinClassFor(users.otherStudent, { joinCode }))).toBe("ok");
    await removeStudentFor(users.owner, { classId, studentId: users.otherStudent.id }, NOW);
  });
});

describe("removing a student", () => {
  it("keeps the enrollment and their work on record, hides the class from them, and refuses their rejoining by code", async () => {
    const db = await getDb();
    const set = await db.studySet.create({ data: { ownerId: users.owner.id, title: "Set", status: "published" }, select: { id: true } });
    await db.attempt.create({ data: { userId: users.student.id, kind: "quiz", studySetId: set.id, status: "submitted" } });
    await removeStudentFor(users.owner, { classId, studentId: users.student.id }, NOW);
    const detail = await getClassFor(users.owner, classId);
    expect(detail.students.map((s) => s.id)).not.toContain(users.student.id);
    expect(detail.removedStudents.map((s) => s.id)).toContain(users.student.id);
    expect(await db.attempt.count({ where: { userId: users.student.id } })).toBe(1);
    expect(await outcomeOf(() => getClassFor(users.student, classId))).toBe("FORBIDDEN");
    expect((await listClassesFor(users.student)).map((c) => c.id)).not.toContain(classId);
    expect(await outcomeOf(() => joinClassFor(users.student, { joinCode: detail.joinCode }))).toBe("FORBIDDEN");
    await restoreStudentFor(users.owner, { classId, studentId: users.student.id });
    expect((await getClassFor(users.owner, classId)).students.map((s) => s.id)).toContain(users.student.id);
    expect((await getClassFor(users.owner, classId)).students.find((s) => s.id === users.student.id)?.lastActiveAt).not.toBeNull();
  });

  it("answers NOT_FOUND for a student who is not in the class", async () => {
    expect(await outcomeOf(() => removeStudentFor(users.owner, { classId, studentId: users.coTeacher.id }, NOW))).toBe("NOT_FOUND");
  });
});

describe("extra time", () => {
  it("is saved per student, shown on the roster, cleared by empty fields, and checked", async () => {
    await setExtraTimeFor(users.owner, { classId, studentId: users.student.id, extraTimeMultiplier: "1.5", extraTimeMinutes: "5" });
    const row = (await getClassFor(users.owner, classId)).students.find((s) => s.id === users.student.id);
    expect(row).toMatchObject({ extraTimeMultiplier: 1.5, extraTimeMinutes: 5 });
    expect(await outcomeOf(() => setExtraTimeFor(users.owner, { classId, studentId: users.student.id, extraTimeMultiplier: "0.5" }))).toBe("INVALID");
    await setExtraTimeFor(users.owner, { classId, studentId: users.student.id, extraTimeMultiplier: "", extraTimeMinutes: "" });
    expect((await getClassFor(users.owner, classId)).students.find((s) => s.id === users.student.id)).toMatchObject({ extraTimeMultiplier: null, extraTimeMinutes: null });
  });
});

describe("co-teachers", () => {
  it("the owner adds an existing teacher by email; a student's email or an unknown one is refused", async () => {
    const newcomer = await createTestUser("newcomer", "teacher");
    expect(await addCoTeacherByEmailFor(users.owner, { classId, email: "NEWCOMER@example.com" })).toEqual({ name: "newcomer" });
    expect((await getClassFor(users.owner, classId)).coTeachers.map((t) => t.id)).toContain(newcomer.id);
    expect(await outcomeOf(() => addCoTeacherByEmailFor(users.owner, { classId, email: users.student.email }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => addCoTeacherByEmailFor(users.owner, { classId, email: "nobody@example.com" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => addCoTeacherByEmailFor(users.coTeacher, { classId, email: users.otherTeacher.email }))).toBe("FORBIDDEN");
    await removeCoTeacherFor(users.owner, { classId, teacherId: newcomer.id });
    expect(await outcomeOf(() => getClassFor(newcomer, classId))).toBe("FORBIDDEN");
  });

  it("a teacher joins with the co-teacher code; a student cannot; a co-teacher may leave but not remove others", async () => {
    const { code } = await renewCoTeacherCodeFor(users.owner, { classId });
    expect(await outcomeOf(() => joinAsCoTeacherFor(users.student, { code }))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => joinAsCoTeacherFor(users.otherTeacher, { code: "WRONGCODE123" }))).toBe("NOT_FOUND");
    expect(await joinAsCoTeacherFor(users.otherTeacher, { code: code.toLowerCase() })).toEqual({ classId, name: "Batch A" });
    expect(await outcomeOf(() => getClassFor(users.otherTeacher, classId))).toBe("ok");
    expect(await outcomeOf(() => removeCoTeacherFor(users.coTeacher, { classId, teacherId: users.otherTeacher.id }))).toBe("FORBIDDEN");
    await removeCoTeacherFor(users.otherTeacher, { classId, teacherId: users.otherTeacher.id });
    expect(await outcomeOf(() => getClassFor(users.otherTeacher, classId))).toBe("FORBIDDEN");
  });
});
