import { beforeAll, describe, expect, it } from "vitest";
import type { UserRecord } from "@/lib/db/users";
import { getDb } from "@/lib/db/client";
import { createClassFor, getClassFor, joinClassFor } from "@/lib/server/classes";
import { getStudySetFor, reviewCard } from "@/lib/server/study";
import { createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");

type Who = "owner" | "enrolled" | "otherStudent" | "otherTeacher";
const users = {} as Record<Who, UserRecord>;
let classId = "";
let draftSetId = "";
let assignedSetId = "";
let publicSetId = "";
const cardOf: Record<string, string> = {};

async function makeUser(key: Who, role: "student" | "teacher") {
  users[key] = await createTestUser(key, role);
}

async function makeSet(title: string, status: "draft" | "published", isPublic: boolean): Promise<string> {
  const db = await getDb();
  const set = await db.studySet.create({
    data: {
      ownerId: users.owner.id,
      title,
      status,
      isPublic,
      cards: { create: [{ kind: "qa", front: `${title}: front`, back: "back", position: 0 }] },
    },
    select: { id: true, cards: { select: { id: true } } },
  });
  cardOf[set.id] = set.cards[0]!.id;
  return set.id;
}

beforeAll(async () => {
  await makeUser("owner", "teacher");
  await makeUser("enrolled", "student");
  await makeUser("otherStudent", "student");
  await makeUser("otherTeacher", "teacher");
  const db = await getDb();
  const classroom = await db.classroom.create({ data: { name: "Batch A", joinCode: "BATCHA1", teacherId: users.owner.id }, select: { id: true } });
  classId = classroom.id;
  await db.enrollment.create({ data: { classId, studentId: users.enrolled.id } });
  draftSetId = await makeSet("Draft", "draft", false);
  assignedSetId = await makeSet("Assigned", "published", false);
  publicSetId = await makeSet("Public", "published", true);
  await db.assignment.create({ data: { classId, studySetId: assignedSetId, createdById: users.owner.id, title: "Week 1" } });
  // Even an assignment never exposes a draft.
  await db.assignment.create({ data: { classId, studySetId: draftSetId, createdById: users.owner.id, title: "Not yet" } });
});


describe("who may open a study set", () => {
  it.each([
    ["owner", "draft", "ok"],
    ["enrolled", "draft", "FORBIDDEN"],
    ["otherStudent", "draft", "FORBIDDEN"],
    ["otherTeacher", "draft", "FORBIDDEN"],
    ["owner", "assigned", "ok"],
    ["enrolled", "assigned", "ok"],
    ["otherStudent", "assigned", "FORBIDDEN"],
    ["otherTeacher", "assigned", "FORBIDDEN"],
    ["enrolled", "public", "ok"],
    ["otherStudent", "public", "ok"],
    ["otherTeacher", "public", "ok"],
  ] as const)("%s → %s set: %s", async (who, which, expected) => {
    const setId = { draft: draftSetId, assigned: assignedSetId, public: publicSetId }[which];
    expect(await outcomeOf(() => getStudySetFor(users[who], setId))).toBe(expected);
  });

  it("answers NOT_FOUND for a set that does not exist", async () => {
    expect(await outcomeOf(() => getStudySetFor(users.owner, "no-such-set"))).toBe("NOT_FOUND");
  });

  it("never sends answer keys with a set's question list", async () => {
    const db = await getDb();
    await db.question.create({
      data: {
        studySetId: publicSetId,
        kind: "single_choice",
        prompt: "Which?",
        explanation: "Because.",
        marks: 1,
        timeLimitSec: 60,
        position: 0,
        answer: "secret-answer",
        options: { create: [{ text: "A", isCorrect: true, position: 0 }] },
      },
    });
    const set = await getStudySetFor(users.otherStudent, publicSetId);
    const wire = JSON.stringify(set);
    expect(wire).toContain("Which?");
    expect(wire).not.toContain("secret-answer");
    expect(wire).not.toContain("isCorrect");
    expect(wire).not.toContain("Because.");
  });
});

describe("who may review a card", () => {
  it.each([
    ["enrolled", "assigned", "ok"],
    ["otherStudent", "assigned", "FORBIDDEN"],
    ["enrolled", "draft", "FORBIDDEN"],
    ["otherTeacher", "public", "ok"],
  ] as const)("%s → card of the %s set: %s", async (who, which, expected) => {
    const setId = { draft: draftSetId, assigned: assignedSetId, public: publicSetId }[which];
    expect(await outcomeOf(() => reviewCard(users[who], { cardId: cardOf[setId], rating: "good" }, NOW))).toBe(expected);
  });

  it("stores the FSRS state and a review log for the reviewer only", async () => {
    const db = await getDb();
    const cardId = cardOf[publicSetId]!;
    const { nextDueAt } = await reviewCard(users.enrolled, { cardId, rating: "easy", durationMs: 4200 }, NOW);
    expect(nextDueAt.getTime()).toBeGreaterThan(NOW.getTime());
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: users.enrolled.id, cardId } } });
    expect(state.reps).toBe(1);
    expect(state.due).toEqual(nextDueAt);
    const logs = await db.reviewLog.findMany({ where: { cardId } });
    expect(logs.filter((l) => l.userId === users.enrolled.id)).toHaveLength(1);
    expect(logs.find((l) => l.userId === users.enrolled.id)?.durationMs).toBe(4200);
  });

  it("rejects an unknown rating and stores nothing", async () => {
    const db = await getDb();
    const before = await db.reviewLog.count();
    expect(await outcomeOf(() => reviewCard(users.enrolled, { cardId: cardOf[publicSetId], rating: "perfect" }, NOW))).toBe("INVALID");
    expect(await db.reviewLog.count()).toBe(before);
  });
});

describe("classes", () => {
  it.each([
    ["owner", "ok"],
    ["enrolled", "ok"],
    ["otherStudent", "FORBIDDEN"],
    ["otherTeacher", "FORBIDDEN"],
  ] as const)("%s may view the class: %s", async (who, expected) => {
    expect(await outcomeOf(() => getClassFor(users[who], classId))).toBe(expected);
  });

  it("shows the roster to the teacher but not to a student", async () => {
    expect((await getClassFor(users.owner, classId)).students.map((s) => s.email)).toEqual(["enrolled@example.com"]);
    expect((await getClassFor(users.enrolled, classId)).students).toEqual([]);
  });

  it("lets a student join by code (any case) and only once", async () => {
    await joinClassFor(users.otherStudent, { joinCode: " batcha1 " });
    await joinClassFor(users.otherStudent, { joinCode: "BATCHA1" });
    const db = await getDb();
    expect(await db.enrollment.count({ where: { classId, studentId: users.otherStudent.id } })).toBe(1);
  });

  it("rejects an unknown join code clearly", async () => {
    expect(await outcomeOf(() => joinClassFor(users.enrolled, { joinCode: "NOPE123" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => joinClassFor(users.enrolled, { joinCode: "x" }))).toBe("INVALID");
  });

  it("lets teachers, not students, create classes with a fresh join code", async () => {
    expect(await outcomeOf(() => createClassFor(users.enrolled, { name: "Mine" }))).toBe("FORBIDDEN");
    const { id } = await createClassFor(users.otherTeacher, { name: "Evening batch" });
    const created = await getClassFor(users.otherTeacher, id);
    expect(created.joinCode).toMatch(/^[A-Z2-9]{7}$/);
    expect(await outcomeOf(() => createClassFor(users.otherTeacher, { name: "" }))).toBe("INVALID");
  });
});
