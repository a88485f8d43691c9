// Deleting a study set: its owner's alone (not even an administrator's), and only while it costs no
// one else their work — refused, with nothing changed, while it is assigned to a class, while another
// learner has attempts at it or reviews of its cards, or while its items are still being generated.
// A deletion takes every row that hangs off the set (cards, questions, model answers, evidence, the
// owner's own attempts and reviews, its jobs and the material nothing else uses) and leaves no orphan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { materialBytesSince } from "@/lib/db/material-budget";
import { seedStudyPack } from "@/lib/db/seed";
import type { UserRecord } from "@/lib/db/users";
import { optionToken } from "@/lib/quiz/option-tokens";
import { assignSetToClass, deleteAssignmentFor } from "@/lib/server/assignments";
import { acceptAllDraftsFor, createStudySetFromMaterial, deleteStudySetFor, getSetDeletionFor, publishStudySetFor } from "@/lib/server/authoring";
import { closeEnginePool } from "@/lib/server/engine-pool";
import { runGenerationJob } from "@/lib/server/jobs";
import { saveQuizAnswerFor, startQuizForSet, submitQuizFor } from "@/lib/server/quiz";
import { reviewCard } from "@/lib/server/study";
import { startWritingAttempt, submitWritingAttempt } from "@/lib/server/writing";
import { ttpStudyPack } from "@/lib/study-pack/ttp";
import { createTestClass, createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { RIVER_ARTICLE } from "./authoring-fixtures";

useTestDatabase();
afterAll(() => closeEnginePool());

const NOW = new Date("2026-03-01T10:00:00Z");
const later = (sec: number) => new Date(NOW.getTime() + sec * 1000);
const ANSWER = "Introduction: the TTP has resurged.\n\nThe Afghan Taliban regard the TTP as an ideological ally, so Kabul refuses to act against its safe havens.\n\nWay forward: regional mediation.";

type Who = "owner" | "student" | "otherStudent" | "otherTeacher" | "admin";
const users = {} as Record<Who, UserRecord>;
let classId = "";

/** Rows in every table of the schema (Prisma's own bookkeeping aside), by table. */
async function tableCounts(): Promise<Record<string, number>> {
  const db = await getDb();
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(row!.n);
  }
  return counts;
}

/**
 * A published set of `owner`'s with one material, a card quoting it, two single-choice questions and a
 * written question with a model answer and rubric; public when `isPublic`.
 */
async function makeSet(title: string, options: { isPublic?: boolean; owner?: UserRecord } = {}) {
  const db = await getDb();
  const owner = options.owner ?? users.owner;
  const text = `${title}: monsoon floods spread fresh silt over the delta's fields every year.`;
  const material = await db.material.create({ data: { ownerId: owner.id, title, source: "pasted", text, checksum: `test-${title}` }, select: { id: true } });
  const evidence = () => ({ create: [{ materialId: material.id, start: 0, end: text.length, quote: text }] });
  const set = await db.studySet.create({
    data: {
      ownerId: owner.id,
      title,
      status: "published",
      isPublic: options.isPublic ?? false,
      materials: { create: [{ materialId: material.id, position: 0 }] },
      cards: { create: [{ kind: "qa", front: "What do monsoon floods spread?", back: "Fresh silt.", position: 0, evidence: evidence() }] },
      questions: {
        create: [
          ...[0, 1].map((i) => ({
            kind: "single_choice" as const,
            prompt: `${title} question ${i + 1}?`,
            explanation: "-",
            marks: 1,
            timeLimitSec: 60,
            position: i,
            evidence: evidence(),
            options: { create: [{ text: "right", isCorrect: true, position: 0 }, { text: "wrong", isCorrect: false, position: 1 }] },
          })),
          {
            kind: "written" as const,
            prompt: `${title}: how do floods keep delta soil fertile?`,
            explanation: "-",
            marks: 2,
            timeLimitSec: 600,
            wordLimit: 150,
            position: 2,
            rubricPoints: { create: [{ key: "c1", point: "Monsoon floods spread fresh silt over the fields.", marks: 2, kind: "content" as const, position: 0 }] },
          },
        ],
      },
    },
    select: { id: true, cards: { select: { id: true } }, questions: { select: { id: true, kind: true }, orderBy: { position: "asc" } } },
  });
  return { setId: set.id, materialId: material.id, cardId: set.cards[0]!.id, objectiveIds: set.questions.filter((q) => q.kind !== "written").map((q) => q.id) };
}

/** Takes a practice quiz of every objective question of the set, answering the first right, and submits it. */
async function takeQuiz(who: UserRecord, setId: string, at: Date): Promise<string> {
  const db = await getDb();
  const { attemptId } = await startQuizForSet(who, { studySetId: setId, by: "all", mode: "practice" }, at);
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { quiz: { select: { questionIds: true } } } });
  const questionId = attempt.quiz!.questionIds[0]!;
  const right = await db.option.findFirstOrThrow({ where: { questionId, isCorrect: true }, select: { id: true } });
  await saveQuizAnswerFor(who, attemptId, { questionId, answer: { optionIds: [optionToken(attemptId, right.id)] }, version: 1 }, at);
  await submitQuizFor(who, attemptId, new Date(at.getTime() + 30_000));
  return attemptId;
}

beforeAll(async () => {
  for (const [key, role] of [["owner", "teacher"], ["student", "student"], ["otherStudent", "student"], ["otherTeacher", "teacher"], ["admin", "admin"]] as const) {
    users[key] = await createTestUser(`setdel-${key}`, role);
  }
  classId = await createTestClass(users.owner.id, [users.student.id], "Batch Delete", "SETDEL1");
});

describe("the owner deleting a set", () => {
  it("removes the shipped pack with the owner's own reviews, quiz and marked written answer, leaving every table as it was before", async () => {
    const db = await getDb();
    const before = await tableCounts();
    const { id: setId } = await seedStudyPack(ttpStudyPack, users.owner.id);
    const card = await db.card.findFirstOrThrow({ where: { studySetId: setId, status: "accepted" }, select: { id: true } });
    await reviewCard(users.owner, { cardId: card.id, rating: "good" }, NOW);
    await reviewCard(users.owner, { cardId: card.id, rating: "again" }, later(600));
    await takeQuiz(users.owner, setId, later(700));
    const written = await db.question.findFirstOrThrow({ where: { studySetId: setId, kind: "written", rubricPoints: { some: {} } }, select: { id: true } });
    const draft = await startWritingAttempt(users.owner, { questionId: written.id }, later(800));
    expect((await submitWritingAttempt(users.owner, { attemptId: draft.attemptId, text: ANSWER, version: draft.version }, later(900))).status).toBe("graded");
    const made = await tableCounts();
    for (const table of ["StudySet", "Material", "Card", "Question", "Option", "ModelAnswer", "ModelAnswerSection", "ModelAnswerPoint", "RubricPoint", "EvidenceSpan", "CardState", "ReviewLog", "Quiz", "Attempt", "Response", "PointScore"]) {
      expect(made[table], table).toBeGreaterThan(before[table]!);
    }

    const judged = await getSetDeletionFor(users.owner, setId);
    expect(judged).toMatchObject({ isAllowed: true, consequence: expect.stringMatching(/and your 2 attempts at it and your reviews of 1 card\. This cannot be undone\.$/) });
    expect(await deleteStudySetFor(users.owner, { setId }, later(1000))).toEqual({ title: ttpStudyPack.title });

    // The pack's material was stored "now" (the database's clock), within the budget's day: its size is kept.
    const { DeletedMaterial: deletedMaterials, ...after } = await tableCounts();
    const { DeletedMaterial: _none, ...expected } = before;
    expect(after).toEqual(expected);
    expect(deletedMaterials).toBe(made.Material! - before.Material!);
  });

  it("removes a set made from material with its generation job, giving none of the day's material budget back", async () => {
    const db = await getDb();
    const { setId, jobId } = await createStudySetFromMaterial(users.owner, { fields: { title: "Indus waters", pasteText: RIVER_ARTICLE }, files: [] });
    expect(await runGenerationJob(jobId, () => NOW)).toBe("succeeded");
    await acceptAllDraftsFor(users.owner, setId);
    await publishStudySetFor(users.owner, setId, NOW);
    const materialIds = (await db.studySetMaterial.findMany({ where: { studySetId: setId }, select: { materialId: true } })).map((m) => m.materialId);
    const dayAgo = new Date(Date.now() - 24 * 60 * 60_000);
    const budgetUsed = await materialBytesSince(users.owner.id, dayAgo);

    await deleteStudySetFor(users.owner, { setId }, new Date());

    expect(await db.studySet.count({ where: { id: setId } })).toBe(0);
    expect(await db.generationJob.count({ where: { id: jobId } })).toBe(0);
    expect(await db.material.count({ where: { id: { in: materialIds } } })).toBe(0);
    expect(await db.evidenceSpan.count({ where: { materialId: { in: materialIds } } })).toBe(0);
    expect(await materialBytesSince(users.owner.id, dayAgo)).toBe(budgetUsed);
  });

  it("keeps material another set's card still quotes (a missed-point card made from it)", async () => {
    const db = await getDb();
    const { setId, materialId } = await makeSet("Quoted");
    const other = await makeSet("Keeper");
    const kept = await db.card.create({
      data: { studySetId: other.setId, kind: "qa", front: "Made from a missed point", back: "Silt.", position: 1, evidence: { create: [{ materialId, start: 0, end: 6, quote: "Quoted" }] } },
      select: { id: true },
    });
    await deleteStudySetFor(users.owner, { setId }, NOW);
    expect(await db.studySet.count({ where: { id: setId } })).toBe(0);
    expect(await db.material.count({ where: { id: materialId } })).toBe(1);
    expect(await db.evidenceSpan.count({ where: { cardId: kept.id, materialId } })).toBe(1);
  });

  it("lets a set be deleted once its unstarted assignment is deleted from the class page", async () => {
    const db = await getDb();
    const { setId } = await makeSet("Assigned then not");
    const { id } = await assignSetToClass(users.owner, { studySetId: setId, classId, kind: "quiz", title: "Quiz 1" }, NOW);
    const refused = await getSetDeletionFor(users.owner, setId);
    expect(refused).toEqual({
      isAllowed: false,
      reason: "This set cannot be deleted. It is assigned to Batch Delete: delete that assignment from the class page first. An assignment a student has started cannot be deleted, and the set stays with their work.",
    });
    await deleteAssignmentFor(users.owner, { assignmentId: id });
    await deleteStudySetFor(users.owner, { setId }, NOW);
    expect(await db.studySet.count({ where: { id: setId } })).toBe(0);
  });
});

describe("a deletion that would cost someone else their work", () => {
  const refusals: [string, (setId: string, cardId: string) => Promise<unknown>, RegExp][] = [
    ["another learner's quiz on a public set", (setId) => takeQuiz(users.otherStudent, setId, NOW), /1 other learner has studied it \(quizzes, written answers or card reviews\), and deleting it would erase their work/],
    ["another learner's card review on a public set", (_setId, cardId) => reviewCard(users.otherStudent, { cardId, rating: "good" }, NOW), /1 other learner has studied it/],
    [
      "an assignment a student has started",
      async (setId) => {
        const { id } = await assignSetToClass(users.owner, { studySetId: setId, classId, kind: "written", questionIds: [(await (await getDb()).question.findFirstOrThrow({ where: { studySetId: setId, kind: "written" } })).id] }, NOW);
        const question = await (await getDb()).question.findFirstOrThrow({ where: { studySetId: setId, kind: "written" } });
        await startWritingAttempt(users.student, { questionId: question.id, assignmentId: id }, NOW);
      },
      /It is assigned to Batch Delete: delete that assignment from the class page first\. An assignment a student has started cannot be deleted/,
    ],
  ];

  it.each(refusals)("is refused for %s, with nothing changed", async (_label, work, message) => {
    const { setId, cardId } = await makeSet(`Refused ${_label}`, { isPublic: true });
    await work(setId, cardId);
    const before = await tableCounts();
    await expect(deleteStudySetFor(users.owner, { setId }, NOW)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(message) });
    expect(await tableCounts()).toEqual(before);
    expect(await getSetDeletionFor(users.owner, setId)).toMatchObject({ isAllowed: false, reason: expect.stringMatching(message) });
  });

  it("is refused while the set's items are still being generated", async () => {
    const { setId } = await createStudySetFromMaterial(users.owner, { fields: { title: "Still generating", pasteText: RIVER_ARTICLE }, files: [] });
    const before = await tableCounts();
    await expect(deleteStudySetFor(users.owner, { setId }, NOW)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("still generating") });
    expect(await tableCounts()).toEqual(before);
  });

  it("either deletes the set or sees an assignment made at the same moment, never both", async () => {
    const db = await getDb();
    for (let round = 0; round < 3; round++) {
      const { setId } = await makeSet(`Race ${round}`);
      const [deleted, assigned] = await Promise.allSettled([
        deleteStudySetFor(users.owner, { setId }, NOW),
        assignSetToClass(users.owner, { studySetId: setId, classId, kind: "quiz", title: "Raced" }, NOW),
      ]);
      const setLeft = await db.studySet.count({ where: { id: setId } });
      const assignments = await db.assignment.count({ where: { studySetId: setId } });
      if (deleted.status === "fulfilled") {
        // Refused on whichever read first finds the set gone (NOT_FOUND, or no quiz questions left to assign).
        expect(assigned).toMatchObject({ status: "rejected", reason: { code: expect.stringMatching(/^(NOT_FOUND|INVALID)$/) } });
        expect([setLeft, assignments]).toEqual([0, 0]);
      } else {
        expect(deleted.reason).toMatchObject({ code: "CONFLICT" });
        expect(assigned.status).toBe("fulfilled");
        expect([setLeft, assignments]).toEqual([1, 1]);
      }
    }
  });
});

describe("who may delete a set", () => {
  it.each([
    ["another teacher", "otherTeacher", "FORBIDDEN"],
    ["a student of a class it is assigned to", "student", "FORBIDDEN"],
    ["another student (a public set)", "otherStudent", "FORBIDDEN"],
    ["an administrator", "admin", "FORBIDDEN"],
    ["its owner", "owner", "ok"],
  ] as const)("%s: %s", async (_label, who, outcome) => {
    const db = await getDb();
    const { setId } = await makeSet(`Access ${who}`, { isPublic: true });
    if (who === "student") await db.assignment.create({ data: { classId, studySetId: setId, createdById: users.owner.id, title: "Read it" } });
    const before = await tableCounts();
    expect(await outcomeOf(() => getSetDeletionFor(users[who], setId))).toBe(outcome);
    expect(await outcomeOf(() => deleteStudySetFor(users[who], { setId }, NOW))).toBe(outcome);
    if (outcome !== "ok") expect(await tableCounts()).toEqual(before);
    expect(await db.studySet.count({ where: { id: setId } })).toBe(outcome === "ok" ? 0 : 1);
  });

  it.each([
    ["no set id", {}, "INVALID"],
    ["a set that does not exist", { setId: "missing-set" }, "NOT_FOUND"],
  ] as const)("refuses %s", async (_label, input, code) => {
    expect(await outcomeOf(() => deleteStudySetFor(users.owner, input, NOW))).toBe(code);
  });

  it("lets a student delete a private set of their own", async () => {
    const db = await getDb();
    const { setId } = await makeSet("Own notes", { owner: users.otherStudent });
    await takeQuiz(users.otherStudent, setId, NOW);
    await deleteStudySetFor(users.otherStudent, { setId }, NOW);
    expect(await db.studySet.count({ where: { id: setId } })).toBe(0);
    expect(await db.attempt.count({ where: { studySetId: setId } })).toBe(0);
  });
});
