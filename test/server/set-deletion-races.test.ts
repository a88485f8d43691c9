// Deleting a study set while someone works on it. The owner's edits lock the set's row before its
// items, as the deletion does (set, then cards), so an edit and a deletion wait for each other and
// never deadlock (PostgreSQL's 40P01); whichever comes second after a deletion is told, as NOT_FOUND,
// that the set was deleted. A learner's review or quiz start that loses the race to the deletion gets
// NOT_FOUND too, never the database's foreign-key error. On PGlite transactions run one at a time, so
// the interleavings that need two connections run against PostgreSQL (DATABASE_URL) only.
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { acceptAllDrafts, addDraftItems, markStudySetPublished, setItemStatus, updateQuestionContent } from "@/lib/db/authoring";
import { createWrittenAttempt } from "@/lib/db/attempts";
import { getDb } from "@/lib/db/client";
import { createQuiz, startQuizAttempt } from "@/lib/db/quizzes";
import { saveReview } from "@/lib/db/reviews";
import type { UserRecord } from "@/lib/db/users";
import { markingSchemePresets } from "@/lib/quiz/marking";
import { acceptAllDraftsFor, deleteStudySetFor, publishStudySetFor, setItemStatusFor, updateQuestionFor } from "@/lib/server/authoring";
import { startQuizForSet } from "@/lib/server/quiz";
import { reviewCard } from "@/lib/server/study";
import { newCardMemory, nextReview } from "@/lib/srs/schedule";
import { createTestUser } from "../support/actors";
import { isPostgres, useTestDatabase } from "../support/database";
import { untilLockWaiters } from "../support/locks";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");
const DELETED = "This study set was deleted.";
const users = {} as Record<"owner" | "learner", UserRecord>;
let made = 0;

/** A public published set of the owner's with 20 cards and two single-choice questions, all in `status`. */
async function makeSet(status: "draft" | "accepted" = "accepted") {
  const db = await getDb();
  const title = `Raced ${++made}`;
  const set = await db.studySet.create({
    data: {
      ownerId: users.owner.id,
      title,
      status: "published",
      isPublic: true,
      cards: { create: Array.from({ length: 20 }, (_, i) => ({ kind: "qa" as const, front: `${title} front ${i}`, back: "back", position: i, status })) },
      questions: {
        create: [0, 1].map((i) => ({
          kind: "single_choice" as const,
          prompt: `${title} question ${i + 1}?`,
          explanation: "-",
          marks: 1,
          timeLimitSec: 60,
          position: i,
          status,
          options: { create: [{ text: "right", isCorrect: true, position: 0 }, { text: "wrong", isCorrect: false, position: 1 }] },
        })),
      },
    },
    select: { id: true, cards: { select: { id: true }, orderBy: { position: "asc" } }, questions: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  return { setId: set.id, cardIds: set.cards.map((c) => c.id), questionIds: set.questions.map((q) => q.id) };
}

/** A settled promise as a word to compare: "ok", an AppError's code, or the raw error itself (which no test expects). */
function outcome(settled: PromiseSettledResult<unknown>): string {
  if (settled.status === "fulfilled") return "ok";
  return settled.reason instanceof AppError ? settled.reason.code : `raw: ${String(settled.reason).slice(0, 300)}`;
}

/** A transaction that takes `lock` and holds it until `release` is called. */
async function holdLock(lock: (tx: Parameters<Parameters<Awaited<ReturnType<typeof getDb>>["$transaction"]>[0]>[0]) => Promise<unknown>) {
  const db = await getDb();
  let held!: () => void;
  const isHeld = new Promise<void>((resolve) => (held = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = db.$transaction(
    async (tx) => {
      await lock(tx);
      held();
      await released;
    },
    { timeout: 20_000, maxWait: 5_000 },
  );
  await isHeld;
  return { release, done };
}

beforeAll(async () => {
  users.owner = await createTestUser("races-owner", "teacher");
  users.learner = await createTestUser("races-learner", "student");
});

describe.skipIf(!isPostgres)("accepting all drafts while the set is deleted (PostgreSQL)", () => {
  it("lets an acceptance under way finish, then deletes the set — no deadlock", async () => {
    const db = await getDb();
    const { setId, questionIds } = await makeSet("draft");
    // Another transaction holds a question, so the acceptance stops after its cards and before its questions.
    const holder = await holdLock((tx) => tx.$queryRaw`SELECT 1 AS "held" FROM "Question" WHERE "id" = ${questionIds[0]} FOR SHARE`);
    const accept = acceptAllDraftsFor(users.owner, setId);
    await untilLockWaiters(1);
    const deletion = deleteStudySetFor(users.owner, { setId }, NOW);
    await untilLockWaiters(2);
    holder.release();
    await holder.done;
    const settled = await Promise.allSettled([accept, deletion]);
    expect(settled.map(outcome)).toEqual(["ok", "ok"]);
    expect(await db.studySet.count({ where: { id: setId } })).toBe(0);
  });

  it("makes an acceptance that comes while the deletion is under way wait for it, then says the set was deleted", async () => {
    const db = await getDb();
    const { setId, cardIds } = await makeSet("draft");
    // A learner's review in flight holds a card: the deletion has locked the set and waits at its cards.
    const holder = await holdLock((tx) => tx.$queryRaw`SELECT 1 AS "held" FROM "Card" WHERE "id" = ${cardIds.at(-1)} FOR KEY SHARE`);
    const deletion = deleteStudySetFor(users.owner, { setId }, NOW);
    await untilLockWaiters(1);
    const accept = acceptAllDraftsFor(users.owner, setId);
    await untilLockWaiters(2);
    holder.release();
    await holder.done;
    const [deleted, accepted] = await Promise.allSettled([deletion, accept]);
    expect(outcome(deleted)).toBe("ok");
    expect(accepted).toMatchObject({ status: "rejected", reason: { code: "NOT_FOUND", message: DELETED } });
    expect(await db.card.count({ where: { studySetId: setId } })).toBe(0);
  });
});

describe("an edit of a set at the moment it is deleted", () => {
  const edits: [string, (set: Awaited<ReturnType<typeof makeSet>>) => Promise<unknown>][] = [
    ["accept all drafts", ({ setId }) => acceptAllDraftsFor(users.owner, setId)],
    ["accept one card", ({ setId, cardIds }) => setItemStatusFor(users.owner, { setId, kind: "card", itemId: cardIds[3], status: "accepted" })],
    ["edit a question", ({ setId, questionIds }) => updateQuestionFor(users.owner, { setId, questionId: questionIds[0], prompt: "Edited?", explanation: "Edited." })],
    ["publish", ({ setId, cardIds }) => setItemStatusFor(users.owner, { setId, kind: "card", itemId: cardIds[0], status: "accepted" }).then(() => publishStudySetFor(users.owner, setId, NOW))],
  ];

  it.each(edits)("%s: either lands before the deletion or is told the set is gone, never a deadlock or a raw error", async (_label, edit) => {
    for (let round = 0; round < 4; round++) {
      const set = await makeSet("draft");
      // Both orders of sending.
      const [deleted, edited] = round % 2 === 0
        ? await Promise.allSettled([deleteStudySetFor(users.owner, { setId: set.setId }, NOW), edit(set)])
        : await Promise.allSettled([edit(set), deleteStudySetFor(users.owner, { setId: set.setId }, NOW)]).then(([e, d]) => [d, e] as const);
      expect(outcome(deleted)).toBe("ok");
      expect(outcome(edited)).toMatch(/^(ok|NOT_FOUND)$/);
      if (edited.status === "rejected") expect((edited.reason as AppError).message).toMatch(/deleted|does not exist|not in this study set/);
    }
  });

  it("says the set was deleted to every editing write that comes after the deletion", async () => {
    const { setId, cardIds, questionIds } = await makeSet("draft");
    await deleteStudySetFor(users.owner, { setId }, NOW);
    const gone = { code: "NOT_FOUND", message: DELETED };
    await expect(acceptAllDrafts(setId)).rejects.toMatchObject(gone);
    await expect(setItemStatus(setId, "card", cardIds[0]!, "accepted")).rejects.toMatchObject(gone);
    await expect(updateQuestionContent(setId, questionIds[0]!, { prompt: "Edited?", explanation: "Edited." })).rejects.toMatchObject(gone);
    await expect(markStudySetPublished(setId, NOW)).rejects.toMatchObject(gone);
    await expect(addDraftItems({ studySetId: setId, ownerId: users.owner.id, set: { cards: [], questions: [], modelAnswers: [] }, materialIds: new Map(), newMaterials: [] })).rejects.toMatchObject(gone);
  });
});

describe("a learner's review or quiz start racing the deletion", () => {
  it("is NOT_FOUND, not a foreign-key error, when its write comes after the deletion", async () => {
    const { setId, cardIds, questionIds } = await makeSet();
    const db = await getDb();
    const quizRow = await db.quiz.create({ data: { ownerId: users.learner.id, studySetId: setId, title: "Before", questionIds, mode: "practice", graceSec: 5, markCorrect: 1, markWrong: 0, markBlank: 0 }, select: { id: true } });
    await db.quiz.delete({ where: { id: quizRow.id } });
    await deleteStudySetFor(users.owner, { setId }, NOW);
    const { memory, log } = nextReview(newCardMemory(NOW), "good", NOW);
    await expect(saveReview(users.learner.id, cardIds[0]!, memory, log, null)).rejects.toMatchObject({ code: "NOT_FOUND", message: "That card was deleted with its study set." });
    const quiz = { ownerId: users.learner.id, studySetId: setId, title: "Late", questionIds, selection: { by: "all" as const }, mode: "practice" as const, timeLimitSec: null, graceSec: 5, scheme: markingSchemePresets.standard.scheme };
    await expect(createQuiz(quiz)).rejects.toMatchObject({ code: "NOT_FOUND", message: DELETED });
    await expect(startQuizAttempt({ quiz: { ...quiz, id: quizRow.id, createdAt: NOW }, userId: users.learner.id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND", message: DELETED });
    await expect(createWrittenAttempt({ userId: users.learner.id, studySetId: setId, questionId: questionIds[0]!, startedAt: NOW, deadlineAt: null })).rejects.toMatchObject({ code: "NOT_FOUND", message: DELETED });
  });

  it.each([
    ["a first review of one of its cards", ({ cardIds }: Awaited<ReturnType<typeof makeSet>>) => reviewCard(users.learner, { cardId: cardIds[5], rating: "good" }, NOW)],
    ["a practice quiz of it", ({ setId }: Awaited<ReturnType<typeof makeSet>>) => startQuizForSet(users.learner, { studySetId: setId, by: "all", mode: "practice" }, NOW)],
  ])("%s: either the work is kept and the deletion refused, or the set is deleted and the learner told so", async (_label, work) => {
    const db = await getDb();
    for (let round = 0; round < 6; round++) {
      const set = await makeSet();
      const [deleted, worked] = await Promise.allSettled([deleteStudySetFor(users.owner, { setId: set.setId }, NOW), work(set)]);
      const left = await db.studySet.count({ where: { id: set.setId } });
      if (deleted.status === "fulfilled") {
        expect(outcome(worked)).toBe("NOT_FOUND");
        expect((worked as PromiseRejectedResult).reason.message).toMatch(/deleted|does not exist/);
        expect(left).toBe(0);
      } else {
        expect(outcome(deleted)).toBe("CONFLICT");
        expect(outcome(worked)).toBe("ok");
        expect(left).toBe(1);
      }
    }
  });
});
