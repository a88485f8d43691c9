import type { StudySet } from "../generate/schemas";
import type { Role } from "../auth/schemas";
import { getDb } from "./client";
import { writeMaterials, writeStudySetItems } from "./study-set-writer";

export { sha256Hex } from "./study-set-writer";

export interface StudyPackInput {
  slug: string;
  title: string;
  subject: string;
  description: string;
  credits: { outlet: string; title: string; date: string; note?: string }[];
  set: StudySet;
}

/**
 * Writes a study pack as a published, public study set owned by `ownerId`, once: a set with the
 * same slug already present is left as it is (learners' progress hangs off its cards).
 */
export async function seedStudyPack(pack: StudyPackInput, ownerId: string): Promise<{ id: string; isCreated: boolean }> {
  const db = await getDb();
  const existing = await db.studySet.findUnique({ where: { slug: pack.slug }, select: { id: true } });
  if (existing) return { id: existing.id, isCreated: false };

  return db.$transaction(
    async (tx) => {
      const materialIds = await writeMaterials(tx, pack.set.materials, ownerId);
      const set = await tx.studySet.create({
        data: {
          ownerId,
          slug: pack.slug,
          title: pack.title,
          subject: pack.subject,
          description: pack.description,
          status: "published",
          isPublic: true,
          publishedAt: new Date(),
          credits: pack.credits,
          materials: { create: pack.set.materials.map((m, i) => ({ materialId: materialIds.get(m.id)!, position: i })) },
        },
        select: { id: true },
      });
      await writeStudySetItems(tx, { studySetId: set.id, set: pack.set, materialIds, status: "accepted" });
      return { id: set.id, isCreated: true };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

export interface DemoAccount {
  name: string;
  email: string;
  password: string;
  role: Role;
}

/** The demo accounts documented in the README (shared passwords: demo data only). */
export const DEMO_TEACHER: DemoAccount = { name: "Meera Iyer", email: "teacher@crux.example", password: "crux-teacher-2026", role: "teacher" };
export const DEMO_STUDENTS: DemoAccount[] = [
  { name: "Asha Verma", email: "asha@crux.example", password: "crux-student-2026", role: "student" },
  { name: "Ravi Khan", email: "ravi@crux.example", password: "crux-student-2026", role: "student" },
];
export const DEMO_CLASS = { name: "UPSC Mains 2027 — Batch A", joinCode: "TTP2027" };

/** Creates the demo teacher, students and class (idempotent); returns the teacher's id and the class id. */
export async function seedDemoAccounts(hash: (password: string) => Promise<string>): Promise<{ teacherId: string; classId: string }> {
  const db = await getDb();
  const ids = new Map<string, string>();
  for (const account of [DEMO_TEACHER, ...DEMO_STUDENTS]) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    const user =
      existing ??
      (await db.user.create({
        data: { name: account.name, email: account.email, role: account.role, passwordHash: await hash(account.password) },
        select: { id: true },
      }));
    ids.set(account.email, user.id);
  }
  const teacherId = ids.get(DEMO_TEACHER.email)!;
  const classroom = await db.classroom.upsert({
    where: { joinCode: DEMO_CLASS.joinCode },
    create: { name: DEMO_CLASS.name, joinCode: DEMO_CLASS.joinCode, teacherId },
    update: {},
    select: { id: true },
  });
  for (const student of DEMO_STUDENTS) {
    const studentId = ids.get(student.email)!;
    await db.enrollment.upsert({
      where: { classId_studentId: { classId: classroom.id, studentId } },
      create: { classId: classroom.id, studentId },
      update: {},
    });
  }
  return { teacherId, classId: classroom.id };
}

/** Assigns a set to a class once (by title), due `dueInDays` after `now`. */
export async function seedAssignment(input: { classId: string; studySetId: string; createdById: string; title: string; now: Date; dueInDays: number }): Promise<void> {
  const db = await getDb();
  const existing = await db.assignment.findFirst({ where: { classId: input.classId, studySetId: input.studySetId, kind: "study_set" }, select: { id: true } });
  if (existing) return;
  await db.assignment.create({
    data: {
      classId: input.classId,
      studySetId: input.studySetId,
      createdById: input.createdById,
      title: input.title,
      dueAt: new Date(input.now.getTime() + input.dueInDays * 86_400_000),
    },
  });
}
