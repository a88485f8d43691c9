// The gradebook of a card-review assignment ("Study set: review the cards") against a real database:
// no quiz columns or "missed by" lines — the set's questions are not what was assigned — but, per
// student, the cards of the set reviewed, the last review, cards due again, overdue and retention;
// for the class's teachers only.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { UserRecord } from "@/lib/db/users";
import { assignSetToClass } from "@/lib/server/assignments";
import { getAssignmentGradebookFor, getCardReviewBookFor } from "@/lib/server/gradebook";
import { reviewCard } from "@/lib/server/study";
import { createTestClass, createTestUser, outcomeOf } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { createTwoQuestionQuizSet } from "../support/written-sets";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
type Who = "owner" | "otherTeacher" | "student" | "idle";
const users = {} as Record<Who, UserRecord>;
let assignmentId = "";
let quizAssignmentId = "";

beforeAll(async () => {
  for (const [key, role] of [["owner", "teacher"], ["otherTeacher", "teacher"], ["student", "student"], ["idle", "student"]] as const) {
    users[key] = await createTestUser(key, role);
  }
  const db = await getDb();
  const classId = await createTestClass(users.owner.id, [users.student.id, users.idle.id], "Batch", "CARDRV1");
  // A set of cards that also holds objective questions: assigning it for card review asks only the cards.
  const set = await createTwoQuestionQuizSet(users.owner.id, "TTP", "TTP");
  const cards = await Promise.all(
    [0, 1, 2].map((position) => db.card.create({ data: { studySetId: set.setId, kind: "qa", front: `Front ${position}`, back: `Back ${position}`, position }, select: { id: true } })),
  );
  assignmentId = (await assignSetToClass(users.owner, { studySetId: set.setId, classId, kind: "study_set", dueAt: "2026-03-05T16:00" }, NOW)).id;
  quizAssignmentId = (await assignSetToClass(users.owner, { studySetId: set.setId, classId, kind: "quiz", questionIds: set.questionIds }, NOW)).id;
  for (const card of cards.slice(0, 2)) await reviewCard(users.student, { cardId: card.id, rating: "good" }, NOW);
});

describe("a card-review assignment's gradebook", () => {
  it("has no quiz columns and nothing 'missed'", async () => {
    const { gradebook, heatmap } = await getAssignmentGradebookFor(users.owner, assignmentId, NOW);
    expect(gradebook.columns).toEqual([]);
    expect(heatmap.columns).toEqual([]);
  });

  it("shows each student's cards reviewed of the set, last review and cards due again", async () => {
    const { book } = await getCardReviewBookFor(users.owner, assignmentId, NOW);
    expect(book.cardCount).toBe(3);
    expect(book.rows.map((r) => [r.student.name, r.reviewedCount, r.lastReviewAt, r.isOverdue])).toEqual([
      ["idle", 0, null, false],
      ["student", 2, NOW, false],
    ]);
  });

  it("marks who has not reviewed every card overdue after the due date", async () => {
    const { book } = await getCardReviewBookFor(users.owner, assignmentId, new Date("2026-03-06T10:00:00Z"));
    expect(book.rows.map((r) => r.isOverdue)).toEqual([true, true]);
  });

  it.each([
    ["owner", "ok"],
    ["otherTeacher", "FORBIDDEN"],
    ["student", "FORBIDDEN"],
  ] as const)("opening it as %s: %s", async (who, expected) => {
    expect(await outcomeOf(() => getCardReviewBookFor(users[who], assignmentId, NOW))).toBe(expected);
  });

  it("is not found for an assignment of another kind, whose gradebook keeps its question columns", async () => {
    expect(await outcomeOf(() => getCardReviewBookFor(users.owner, quizAssignmentId, NOW))).toBe("NOT_FOUND");
    expect((await getAssignmentGradebookFor(users.owner, quizAssignmentId, NOW)).gradebook.columns.map((c) => c.label)).toEqual(["Q1", "Q2"]);
  });
});

describe("a student removed from the class", () => {
  it("leaves the card-review gradebook: their reviews of the set belong to no assignment of the class (code review)", async () => {
    const db = await getDb();
    const { classId } = await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { classId: true } });
    await db.enrollment.updateMany({ where: { classId, studentId: users.student.id }, data: { removedAt: NOW } });
    try {
      const { book } = await getCardReviewBookFor(users.owner, assignmentId, NOW);
      expect(book.rows.map((r) => r.student.name)).toEqual(["idle"]);
    } finally {
      await db.enrollment.updateMany({ where: { classId, studentId: users.student.id }, data: { removedAt: null } });
    }
  });
});
