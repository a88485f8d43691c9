// Deleting an assignment and marking one of its attempts at the same moment, on two connections of a
// PostgreSQL server (PGlite runs one transaction at a time, so there is nothing to interleave there).
// A mark holds its attempt's rows (the response it changes, the response its new point mark refers
// to) from its first statement and takes its assignment's gradebook stamp (and logs the change) only
// when it commits; the deletion locks the assignment's row first and then deletes its attempts and
// their answers, its stamp and its change log. Whichever waits for the other, neither may wait in a
// cycle: the mark commits and the deletion then removes what it wrote, or the other way round.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { deleteStaleGradebookChanges } from "@/lib/db/gradebook";
import type { UserRecord } from "@/lib/db/users";
import { createTestClass, createTestUser } from "../support/actors";
import { isPostgres, useTestDatabase } from "../support/database";
import { createFloodsQuestionSet } from "../support/written-sets";

useTestDatabase();

const NOW = new Date("2026-03-01T10:00:00Z");

let teacher: UserRecord;
let student: UserRecord;
let classId = "";
let round = 0;

/** An assignment of a fresh set with one graded attempt; its ids. */
async function gradedAssignment() {
  const db = await getDb();
  round++;
  const { setId, questionId, points } = await createFloodsQuestionSet(teacher.id, `Deltas ${round}`);
  const assignmentId = (await db.assignment.create({ data: { classId, studySetId: setId, createdById: teacher.id, title: `Week ${round}`, kind: "written", questionIds: [questionId] }, select: { id: true } })).id;
  const attemptId = (await db.attempt.create({
    data: { userId: student.id, kind: "written_practice", studySetId: setId, assignmentId, questionId, status: "graded", startedAt: NOW, submittedAt: NOW },
    select: { id: true },
  })).id;
  const responseId = (await db.response.create({ data: { attemptId, questionId, content: { text: "Silt." }, flags: [], score: 2, maxScore: 3 }, select: { id: true } })).id;
  await db.pointScore.create({ data: { responseId, rubricPointId: points.c1, source: "auto", awarded: 2, max: 2, evidence: [], feedback: "-" } });
  return { assignmentId, attemptId, responseId, points };
}

/** Resolves once another connection's statement matching `pattern` waits for a lock. */
async function untilWaitingOnLock(pattern: string): Promise<void> {
  const db = await getDb();
  for (let i = 0; i < 200; i++) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query ILIKE ${pattern}`;
    if ((row?.n ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  const seen = await db.$queryRaw<unknown[]>`SELECT state, wait_event_type, wait_event, left(query, 120) AS query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  throw new Error(`no statement like ${pattern} came to wait for a lock: ${JSON.stringify(seen)}`);
}

beforeAll(async () => {
  if (!isPostgres) return;
  teacher = await createTestUser("lock-teacher", "teacher");
  student = await createTestUser("lock-student", "student");
  classId = await createTestClass(teacher.id, [student.id], "Batch L", "LOCK001");
});

describe.skipIf(!isPostgres)("deleting an assignment while one of its attempts is marked (PostgreSQL)", () => {
  it.each([
    ["whose change is logged", false],
    ["whose change row was pruned", true],
  ])("lets the mark of an attempt %s commit, then deletes the assignment, with no deadlock", async (_, isPruned) => {
    const db = await getDb();
    const { assignmentId, attemptId, responseId, points } = await gradedAssignment();
    if (isPruned) await db.$executeRaw`DELETE FROM "GradebookChange" WHERE "attemptId" = ${attemptId}`;
    let marked!: () => void;
    const isMarked = new Promise<void>((resolve) => (marked = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The mark: a moderated point mark and the answer's new score, committed once the deletion waits.
    const mark = db.$transaction(
      async (tx) => {
        await tx.pointScore.create({ data: { responseId, rubricPointId: points.c1, source: "moderated", awarded: 1, max: 2, evidence: [], feedback: "-", reason: "Half of it." } });
        await tx.response.update({ where: { id: responseId }, data: { score: 1 } });
        marked();
        await released;
      },
      { timeout: 20_000, maxWait: 5_000 },
    );
    await isMarked;
    // Prisma sends a query only once it is awaited.
    const deletion = (async () => db.assignment.delete({ where: { id: assignmentId } }))();
    await untilWaitingOnLock("%DELETE%Assignment%");
    release();
    const [markOutcome, deletionOutcome] = await Promise.allSettled([mark, deletion]);
    expect(markOutcome.status === "rejected" ? String(markOutcome.reason) : "committed").toBe("committed");
    expect(deletionOutcome.status === "rejected" ? String(deletionOutcome.reason) : "deleted").toBe("deleted");
    expect(await db.attempt.count({ where: { id: attemptId } })).toBe(0);
    expect(await db.gradebookStamp.count({ where: { assignmentId } })).toBe(0);
    expect(await db.gradebookChange.count({ where: { assignmentId } })).toBe(0);
  });

  it("makes a mark that comes while the deletion is open wait for it, then find the answer gone", async () => {
    const db = await getDb();
    const { assignmentId, responseId, points } = await gradedAssignment();
    let deleted!: () => void;
    const isDeleted = new Promise<void>((resolve) => (deleted = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const deletion = db.$transaction(
      async (tx) => {
        await tx.assignment.delete({ where: { id: assignmentId } });
        deleted();
        await released;
      },
      { timeout: 20_000, maxWait: 5_000 },
    );
    await isDeleted;
    const mark = db.$transaction(
      async (tx) => {
        await tx.response.updateMany({ where: { id: responseId }, data: { score: 1 } });
        await tx.pointScore.create({ data: { responseId, rubricPointId: points.c1, source: "moderated", awarded: 1, max: 2, evidence: [], feedback: "-", reason: "Half of it." } });
      },
      { timeout: 20_000, maxWait: 5_000 },
    );
    await untilWaitingOnLock("%Response%");
    release();
    const [deletionOutcome, markOutcome] = await Promise.allSettled([deletion, mark]);
    expect(deletionOutcome.status === "rejected" ? String(deletionOutcome.reason) : "deleted").toBe("deleted");
    // The answer went with the assignment: the mark's point mark has nothing to refer to.
    expect(markOutcome.status).toBe("rejected");
    expect(String((markOutcome as PromiseRejectedResult).reason)).not.toMatch(/deadlock/);
    expect(await db.gradebookStamp.count({ where: { assignmentId } })).toBe(0);
  });
});

// The pruner against a writer's commit: a mark's commit locks the stamp and then upserts its change
// row; a deletion's commit deletes the stamp, which cascades to the change rows. The pruner must take
// the stamps first too. A third transaction holds a stale change row of a second assignment, so the
// pruner stops midway, holding what it has taken, while the writer commits.
describe.skipIf(!isPostgres)("pruning the change log while an attempt is marked or an assignment deleted (PostgreSQL)", () => {
  it.each([
    ["a mark of one of its attempts", "mark"],
    ["the deletion of its assignment", "deletion"],
  ] as const)("lets %s commit after the pruner, with no deadlock", async (_, writer) => {
    const db = await getDb();
    const first = await gradedAssignment();
    const second = await gradedAssignment();
    // Both change rows stale, the first assignment's older (the pruner reaches it first).
    await db.$executeRaw`UPDATE "GradebookChange" SET "changedAt" = now() - interval '3 days' WHERE "attemptId" = ${first.attemptId}`;
    await db.$executeRaw`UPDATE "GradebookChange" SET "changedAt" = now() - interval '2 days' WHERE "attemptId" = ${second.attemptId}`;
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { open, opened };
    };
    const holding = gate();
    const holderReleased = gate();
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "GradebookChange" WHERE "attemptId" = ${second.attemptId} FOR UPDATE`;
        holding.open();
        await holderReleased.opened;
      },
      { timeout: 20_000, maxWait: 5_000 },
    );
    const written = gate();
    const writerReleased = gate();
    const write = db.$transaction(
      async (tx) => {
        if (writer === "mark") await tx.response.update({ where: { id: first.responseId }, data: { score: 1 } });
        else await tx.assignment.delete({ where: { id: first.assignmentId } });
        written.open();
        await writerReleased.opened;
      },
      { timeout: 20_000, maxWait: 5_000 },
    );
    await Promise.all([holding.opened, written.opened]);
    const prune = (async () => deleteStaleGradebookChanges(86_400_000))();
    await untilWaitingOnLock("%");
    writerReleased.open();
    await untilWaitingOnLock("%COMMIT%");
    holderReleased.open();
    const [holderOutcome, writeOutcome, pruneOutcome] = await Promise.allSettled([holder, write, prune]);
    expect(holderOutcome.status).toBe("fulfilled");
    expect(writeOutcome.status === "rejected" ? String(writeOutcome.reason) : "committed").toBe("committed");
    expect(pruneOutcome.status === "rejected" ? String(pruneOutcome.reason) : "pruned").toBe("pruned");
    expect(await db.gradebookChange.count({ where: { attemptId: second.attemptId } })).toBe(0);
    if (writer === "mark") {
      // The mark's commit came after the pruner's: its change row is there, newly written.
      expect(await db.gradebookChange.count({ where: { attemptId: first.attemptId } })).toBe(1);
    } else {
      expect(await db.gradebookStamp.count({ where: { assignmentId: first.assignmentId } })).toBe(0);
      expect(await db.gradebookChange.count({ where: { assignmentId: first.assignmentId } })).toBe(0);
    }
  });
});

// A transaction may take stamps in the order its deferred triggers were queued (an assignment edited,
// then another assignment's attempt marked), which no order of the pruner's can match: the pruner
// takes only the stamps no one holds, and never waits for one.
describe.skipIf(!isPostgres)("pruning while another transaction holds a stamp (PostgreSQL)", () => {
  it("prunes the assignments whose stamps are free at once, and the held one's rows on a later run", async () => {
    const db = await getDb();
    const first = await gradedAssignment();
    const second = await gradedAssignment();
    await db.$executeRaw`UPDATE "GradebookChange" SET "changedAt" = now() - interval '3 days' WHERE "attemptId" IN (${first.attemptId}, ${second.attemptId})`;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let hold!: () => void;
    const holding = new Promise<void>((resolve) => (hold = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "GradebookStamp" WHERE "assignmentId" = ${first.assignmentId} FOR SHARE`;
        hold();
        await released;
      },
      { timeout: 20_000, maxWait: 5_000 },
    );
    await holding;
    // Would wait for the held stamp (and, with a writer behind it, deadlock) if it took stamps in turn.
    const pruned = await deleteStaleGradebookChanges(86_400_000);
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(await db.gradebookChange.count({ where: { attemptId: second.attemptId } })).toBe(0);
    expect(await db.gradebookChange.count({ where: { attemptId: first.attemptId } })).toBe(1);
    release();
    await holder;
    await deleteStaleGradebookChanges(86_400_000);
    expect(await db.gradebookChange.count({ where: { attemptId: first.attemptId } })).toBe(0);
  });
});
