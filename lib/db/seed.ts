import { createHash } from "node:crypto";
import type { StudySet } from "../generate/schemas";
import type { Role } from "../auth/schemas";
import { getDb } from "./client";

export interface StudyPackInput {
  slug: string;
  title: string;
  subject: string;
  description: string;
  credits: { outlet: string; title: string; date: string; note?: string }[];
  set: StudySet;
}

export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function evidenceRows(spans: StudySet["cards"][number]["evidence"], materialIds: Map<string, string>) {
  return spans.map((span) => {
    const materialId = materialIds.get(span.materialId);
    if (!materialId) throw new Error(`evidence points at unknown material ${span.materialId}`);
    return { materialId, start: span.start, end: span.end, quote: span.quote };
  });
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
      const materialIds = new Map<string, string>();
      for (const m of pack.set.materials) {
        const row = await tx.material.create({
          data: {
            ownerId,
            title: m.title,
            source: m.source,
            outlet: m.outlet ?? null,
            publishedAt: m.publishedAt ?? null,
            url: m.url ?? null,
            text: m.text,
            checksum: sha256Hex(m.text),
          },
          select: { id: true },
        });
        materialIds.set(m.id, row.id);
      }

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

      for (const [position, card] of pack.set.cards.entries()) {
        await tx.card.create({
          data: {
            studySetId: set.id,
            kind: card.kind,
            front: card.front,
            back: card.back,
            position,
            status: "accepted",
            evidence: { create: evidenceRows(card.evidence, materialIds) },
          },
        });
      }

      const questionIds = new Map<string, string>();
      for (const [position, q] of pack.set.questions.entries()) {
        const row = await tx.question.create({
          data: {
            studySetId: set.id,
            kind: q.kind,
            prompt: q.prompt,
            answer: q.answer ?? null,
            tolerance: q.tolerance ?? null,
            unit: q.unit ?? null,
            explanation: q.explanation,
            marks: q.marks,
            timeLimitSec: q.timeLimitSec,
            wordLimit: q.wordLimit ?? null,
            position,
            status: "accepted",
            evidence: { create: evidenceRows(q.evidence, materialIds) },
            options: {
              create: (q.options ?? []).map((o, i) => ({
                text: o.text,
                isCorrect: o.correct,
                position: i,
                evidence: { create: evidenceRows(o.evidence ?? [], materialIds) },
              })),
            },
          },
          select: { id: true },
        });
        questionIds.set(q.id, row.id);
      }

      for (const answer of pack.set.modelAnswers) {
        const questionId = questionIds.get(answer.questionId);
        if (!questionId) throw new Error(`model answer for unknown question ${answer.questionId}`);
        const words = [answer.introduction, ...answer.body.flatMap((s) => [s.heading, ...s.points.flatMap((p) => [p.text, p.example ?? ""])]), answer.conclusion]
          .join(" ")
          .split(/\s+/)
          .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
        await tx.modelAnswer.create({
          data: {
            questionId,
            directive: answer.directive,
            coreDemands: answer.coreDemands,
            introduction: answer.introduction,
            conclusion: answer.conclusion,
            wordCount: words,
            sections: {
              create: answer.body.map((section, i) => ({
                heading: section.heading,
                position: i,
                points: {
                  create: section.points.map((p, j) => ({
                    text: p.text,
                    example: p.example ?? null,
                    position: j,
                    evidence: { create: evidenceRows(p.evidence, materialIds) },
                  })),
                },
              })),
            },
          },
        });
        await tx.rubricPoint.createMany({
          data: answer.rubric.map((r, i) => ({ questionId, key: r.id, point: r.point, marks: r.marks, kind: r.kind, position: i })),
        });
      }
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
  const existing = await db.assignment.findFirst({ where: { classId: input.classId, studySetId: input.studySetId }, select: { id: true } });
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
