import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { DEMO_CLASS, DEMO_STUDENTS, DEMO_TEACHER, seedAssignment, seedDemoAccounts, seedStudyPack } from "@/lib/db/seed";
import { ttpStudyPack } from "@/lib/study-pack/ttp";
import { verifyPassword } from "@/lib/auth/password";
import { useTestDatabase } from "../support/database";

useTestDatabase();

// A cheap stand-in hash keeps this test fast; sign-in with real hashes is covered in test/server.
const fakeHash = async (p: string) => `plain:${p}`;

describe("seeding", () => {
  it("creates the demo teacher, two students and their class", async () => {
    const { teacherId, classId } = await seedDemoAccounts(fakeHash);
    const db = await getDb();
    const teacher = await db.user.findUniqueOrThrow({ where: { email: DEMO_TEACHER.email } });
    expect(teacher.id).toBe(teacherId);
    expect(teacher.role).toBe("teacher");
    const classroom = await db.classroom.findUniqueOrThrow({ where: { id: classId }, include: { enrollments: { include: { student: true } } } });
    expect(classroom.joinCode).toBe(DEMO_CLASS.joinCode);
    expect(classroom.enrollments.map((e) => e.student.email).sort()).toEqual(DEMO_STUDENTS.map((s) => s.email).sort());
  });

  it("writes the study pack with every card, question, option, model answer and rubric point, and their evidence", async () => {
    const db = await getDb();
    const teacher = await db.user.findUniqueOrThrow({ where: { email: DEMO_TEACHER.email } });
    const { id, isCreated } = await seedStudyPack(ttpStudyPack, teacher.id);
    expect(isCreated).toBe(true);
    const set = ttpStudyPack.set;
    expect(await db.card.count({ where: { studySetId: id } })).toBe(set.cards.length);
    expect(await db.question.count({ where: { studySetId: id } })).toBe(set.questions.length);
    expect(await db.option.count({ where: { question: { studySetId: id } } })).toBe(set.questions.reduce((n, q) => n + (q.options?.length ?? 0), 0));
    expect(await db.rubricPoint.count({ where: { question: { studySetId: id } } })).toBe(set.modelAnswers.reduce((n, m) => n + m.rubric.length, 0));
    // Every stored span still quotes its material exactly.
    const spans = await db.evidenceSpan.findMany({ include: { material: { select: { text: true } } } });
    expect(spans.length).toBeGreaterThan(set.cards.length);
    for (const span of spans) expect(span.material.text.slice(span.start, span.end)).toBe(span.quote);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const db = await getDb();
    const before = await Promise.all([db.user.count(), db.studySet.count(), db.card.count(), db.enrollment.count(), db.assignment.count()]);
    const { teacherId, classId } = await seedDemoAccounts(fakeHash);
    const { id, isCreated } = await seedStudyPack(ttpStudyPack, teacherId);
    await seedAssignment({ classId, studySetId: id, createdById: teacherId, title: "Study", now: new Date("2026-03-01T00:00:00Z"), dueInDays: 7 });
    await seedAssignment({ classId, studySetId: id, createdById: teacherId, title: "Study", now: new Date("2026-03-01T00:00:00Z"), dueInDays: 7 });
    expect(isCreated).toBe(false);
    const after = await Promise.all([db.user.count(), db.studySet.count(), db.card.count(), db.enrollment.count(), db.assignment.count()]);
    expect(after).toEqual(before.map((n, i) => (i === 4 ? n + 1 : n)));
  });

  it("stores real bcrypt hashes when given the real hasher", async () => {
    const { hashPassword } = await import("@/lib/auth/password");
    expect(await verifyPassword("crux-student-2026", await hashPassword("crux-student-2026"))).toBe(true);
  });
});
