import type { StudySetFacts } from "../auth/permissions";
import type { SetDeletionFacts } from "../authoring/set-deletion";
import { AppError } from "../errors";
import { getDb } from "./client";
import type { Tx } from "./study-set-writer";

export interface StudySetSummary {
  id: string;
  title: string;
  subject: string | null;
  description: string | null;
  status: "draft" | "published";
  isPublic: boolean;
  isOwn: boolean;
  cardCount: number;
  questionCount: number;
  updatedAt: Date;
}

/**
 * Where-clause of the sets a user may open: their own, and published sets that are public or assigned
 * to one of their classes (the database side of the `studySet.view` rule in lib/auth/permissions).
 */
export function visibleSetWhere(userId: string) {
  return {
    OR: [
      { ownerId: userId },
      {
        status: "published" as const,
        OR: [{ isPublic: true }, { assignments: { some: { classroom: { enrollments: { some: { studentId: userId, removedAt: null } } } } } }],
      },
    ],
  };
}

/** Sets the user may open: their own, published public sets, and published sets assigned to their classes. */
export async function listVisibleStudySets(userId: string): Promise<StudySetSummary[]> {
  const db = await getDb();
  const rows = await db.studySet.findMany({
    where: visibleSetWhere(userId),
    select: {
      id: true,
      title: true,
      subject: true,
      description: true,
      status: true,
      isPublic: true,
      ownerId: true,
      updatedAt: true,
      _count: { select: { cards: { where: { status: "accepted" } }, questions: { where: { status: "accepted" } } } },
    },
    orderBy: { updatedAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    subject: r.subject,
    description: r.description,
    status: r.status,
    isPublic: r.isPublic,
    isOwn: r.ownerId === userId,
    cardCount: r._count.cards,
    questionCount: r._count.questions,
    updatedAt: r.updatedAt,
  }));
}

/** A set its owner may assign to a class: published, with what it holds. */
export interface AssignableSetSummary {
  id: string;
  title: string;
  cardCount: number;
  questionCount: number;
}

/** The owner's published sets, most recently changed first (the sets they may assign; drafts are published first). */
export async function listPublishedSetsOwnedBy(ownerId: string): Promise<AssignableSetSummary[]> {
  const db = await getDb();
  const rows = await db.studySet.findMany({
    where: { ownerId, status: "published" },
    select: { id: true, title: true, _count: { select: { cards: { where: { status: "accepted" } }, questions: { where: { status: "accepted" } } } } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, title: r.title, cardCount: r._count.cards, questionCount: r._count.questions }));
}

/** The facts the permission rules need about one set, as seen by `userId`; null if no such set. */
export async function getStudySetFacts(setId: string, userId: string): Promise<StudySetFacts | null> {
  const db = await getDb();
  const row = await db.studySet.findUnique({
    where: { id: setId },
    select: {
      ownerId: true,
      status: true,
      isPublic: true,
      assignments: { where: { classroom: { enrollments: { some: { studentId: userId, removedAt: null } } } }, select: { id: true }, take: 1 },
    },
  });
  if (!row) return null;
  return { ownerId: row.ownerId, status: row.status, isPublic: row.isPublic, isAssignedToActor: row.assignments.length > 0 };
}

export interface SourceRef {
  materialId: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  quote: string;
}

export interface CardView {
  id: string;
  kind: string;
  front: string;
  back: string;
  sources: SourceRef[];
}

export interface QuestionListing {
  id: string;
  kind: string;
  prompt: string;
  marks: number;
  timeLimitSec: number;
  wordLimit: number | null;
}

export interface Credit {
  outlet: string;
  title: string;
  date: string;
  note?: string;
}

export interface StudySetDetail {
  id: string;
  title: string;
  subject: string | null;
  description: string | null;
  status: "draft" | "published";
  ownerId: string;
  credits: Credit[];
  materials: { id: string; title: string; outlet: string | null; publishedAt: string | null; source: string }[];
  cards: CardView[];
  /** Prompts only: no answer keys, options' correctness or rubrics leave the server here. */
  questions: QuestionListing[];
}

const evidenceSelect = {
  quote: true,
  material: { select: { id: true, title: true, outlet: true, publishedAt: true } },
} as const;

function isCredit(value: unknown): value is Credit {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.outlet === "string" && typeof v.title === "string" && typeof v.date === "string";
}

type CardRow = {
  id: string;
  kind: string;
  front: string;
  back: string;
  evidence: { quote: string; material: { id: string; title: string; outlet: string | null; publishedAt: string | null } }[];
};

function toCardView(c: CardRow): CardView {
  return {
    id: c.id,
    kind: c.kind,
    front: c.front,
    back: c.back,
    sources: c.evidence.map((e) => ({ materialId: e.material.id, title: e.material.title, outlet: e.material.outlet, publishedAt: e.material.publishedAt, quote: e.quote })),
  };
}

/** A set with its accepted cards (and their sources) and question prompts, for learners. */
export async function getStudySetDetail(setId: string): Promise<StudySetDetail | null> {
  const db = await getDb();
  const row = await db.studySet.findUnique({
    where: { id: setId },
    select: {
      id: true,
      title: true,
      subject: true,
      description: true,
      status: true,
      ownerId: true,
      credits: true,
      materials: {
        orderBy: { position: "asc" },
        select: { material: { select: { id: true, title: true, outlet: true, publishedAt: true, source: true } } },
      },
      cards: {
        where: { status: "accepted" },
        orderBy: { position: "asc" },
        select: { id: true, kind: true, front: true, back: true, evidence: { select: evidenceSelect } },
      },
      questions: {
        where: { status: "accepted" },
        orderBy: { position: "asc" },
        select: { id: true, kind: true, prompt: true, marks: true, timeLimitSec: true, wordLimit: true },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    subject: row.subject,
    description: row.description,
    status: row.status,
    ownerId: row.ownerId,
    credits: Array.isArray(row.credits) ? row.credits.flatMap((c) => (isCredit(c) ? [c] : [])) : [],
    materials: row.materials.map((m) => m.material),
    cards: row.cards.map(toCardView),
    questions: row.questions,
  };
}

/** What deciding a set's deletion needs (lib/authoring/set-deletion.ts), as `db` sees it. */
async function readSetDeletionFacts(db: Tx, setId: string, ownerId: string): Promise<SetDeletionFacts> {
  const others = { not: ownerId };
  const assignments = await db.assignment.findMany({ where: { studySetId: setId }, select: { classId: true, classroom: { select: { name: true } } }, orderBy: { createdAt: "asc" } });
  const attempters = await db.attempt.findMany({ where: { studySetId: setId, userId: others }, distinct: ["userId"], select: { userId: true } });
  const reviewers = await db.cardState.findMany({ where: { card: { studySetId: setId }, userId: others }, distinct: ["userId"], select: { userId: true } });
  const quizMakers = await db.quiz.findMany({ where: { studySetId: setId, ownerId: others }, distinct: ["ownerId"], select: { ownerId: true } });
  const generating = await db.generationJob.count({ where: { studySetId: setId, status: { in: ["queued", "running"] } } });
  const cardCount = await db.card.count({ where: { studySetId: setId } });
  const questionCount = await db.question.count({ where: { studySetId: setId } });
  const ownAttemptCount = await db.attempt.count({ where: { studySetId: setId, userId: ownerId } });
  const ownReviewedCardCount = await db.cardState.count({ where: { card: { studySetId: setId }, userId: ownerId } });
  const byClass = new Map<string, { className: string; assignmentCount: number }>();
  for (const a of assignments) {
    const entry = byClass.get(a.classId) ?? { className: a.classroom.name, assignmentCount: 0 };
    entry.assignmentCount++;
    byClass.set(a.classId, entry);
  }
  const otherLearners = new Set([...attempters.map((a) => a.userId), ...reviewers.map((r) => r.userId), ...quizMakers.map((q) => q.ownerId)]);
  return {
    assignedIn: [...byClass.values()],
    otherLearnerCount: otherLearners.size,
    isGenerating: generating > 0,
    cardCount,
    questionCount,
    ownAttemptCount,
    ownReviewedCardCount,
  };
}

/** What deciding the deletion of a set `ownerId` owns needs, read now (the set page); null when they own no such set. */
export async function getSetDeletionFacts(setId: string, ownerId: string): Promise<SetDeletionFacts | null> {
  const db = await getDb();
  const owned = await db.studySet.count({ where: { id: setId, ownerId } });
  return owned === 0 ? null : readSetDeletionFacts(db, setId, ownerId);
}

/** What someone is told when the set they were editing, studying or starting a quiz on was deleted meanwhile. */
export const SET_DELETED_MESSAGE = "This study set was deleted.";

/** What a student is told when the assignment they were starting was deleted meanwhile. */
export const ASSIGNMENT_DELETED_MESSAGE = "This assignment was deleted.";

/**
 * The first statement of every transaction that edits a set or its items: a lock on the set's row
 * (FOR NO KEY UPDATE), so that edits and a deletion (FOR UPDATE on the set, then on its cards; see
 * deleteOwnStudySet) take their locks in one order — the set, then its items — and never deadlock.
 * Learners' attempts, quizzes and reviews take only KEY SHARE on the set (their foreign keys) and are
 * not held up. Throws NOT_FOUND (SET_DELETED_MESSAGE) when the set is gone: a deletion committed first.
 */
export async function lockSetForEdit(tx: Tx, setId: string): Promise<void> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 AS "locked" FROM "StudySet" WHERE "id" = ${setId} FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", SET_DELETED_MESSAGE);
}

/**
 * Deletes a set `ownerId` owns, in one transaction, unless `refuse` (shown the set's facts under the
 * locks below) throws — then nothing changes. Goes by cascade: its cards with their review states and
 * logs, its questions with their options, model answers and rubric points, every item's evidence, its
 * quizzes, and its attempts with their responses, marks and regrade requests (the owner's own: `refuse`
 * has seen there are no others'). Its finished generation jobs are deleted with it, and so is its
 * material that no other set lists and no evidence elsewhere quotes (the owner's missed-point cards may):
 * the size of what was stored after `budgetSince` is kept in DeletedMaterial, so the owner's daily
 * material budget gets nothing back (older such rows are removed). Returns null when the owner has no
 * such set.
 *
 * Row locks make the facts hold until the commit, as in deleteUnstartedAssignment: whatever adds work
 * to the set — an assignment, an attempt or a quiz, a card or question, a generation job — inserts a
 * row whose foreign key takes a KEY SHARE lock on the set's row, and a card review one on the card's
 * row. FOR UPDATE on the set and its cards waits for every such insert to commit, and the facts, read
 * afterwards (new statements, READ COMMITTED), see them; an insert after the locks waits for this
 * transaction and then fails on the missing set or card. So no one's work is deleted unseen. An edit
 * of the set locks its row first as well (lockSetForEdit): it waits for the deletion, or the deletion
 * for it, in the same order, and one that comes second is told the set was deleted.
 */
export async function deleteOwnStudySet(
  setId: string,
  ownerId: string,
  budgetSince: Date,
  refuse: (facts: SetDeletionFacts) => void,
): Promise<{ title: string } | null> {
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const [set] = await tx.$queryRaw<{ title: string }[]>`SELECT "title" FROM "StudySet" WHERE "id" = ${setId} AND "ownerId" = ${ownerId} FOR UPDATE`;
      if (!set) return null;
      await tx.$queryRaw`SELECT 1 AS "locked" FROM "Card" WHERE "studySetId" = ${setId} FOR UPDATE`;
      refuse(await readSetDeletionFacts(tx, setId, ownerId));

      const linked = await tx.studySetMaterial.findMany({ where: { studySetId: setId }, select: { materialId: true } });
      await tx.generationJob.deleteMany({ where: { studySetId: setId } });
      await tx.studySet.delete({ where: { id: setId } });

      // Lock the set's material first (a card made meanwhile that quotes it waits, or is waited for), then
      // keep what another set lists or other evidence quotes.
      const materialIds = linked.map((l) => l.materialId);
      if (materialIds.length > 0) {
        await tx.$queryRaw`SELECT 1 AS "locked" FROM "Material" WHERE "id" = ANY(${materialIds}) AND "ownerId" = ${ownerId} FOR UPDATE`;
        const unused = await tx.$queryRaw<{ id: string; createdAt: Date; bytes: number }[]>`
          SELECT m."id", m."createdAt", octet_length(m."text") AS "bytes" FROM "Material" m
          WHERE m."id" = ANY(${materialIds}) AND m."ownerId" = ${ownerId}
            AND NOT EXISTS (SELECT 1 FROM "StudySetMaterial" l WHERE l."materialId" = m."id")
            AND NOT EXISTS (SELECT 1 FROM "EvidenceSpan" e WHERE e."materialId" = m."id")`;
        const recent = unused.filter((m) => m.createdAt > budgetSince);
        if (recent.length > 0) await tx.deletedMaterial.createMany({ data: recent.map((m) => ({ ownerId, bytes: Number(m.bytes), storedAt: m.createdAt })) });
        if (unused.length > 0) await tx.material.deleteMany({ where: { id: { in: unused.map((m) => m.id) } } });
      }
      await tx.deletedMaterial.deleteMany({ where: { ownerId, storedAt: { lte: budgetSince } } });
      return { title: set.title };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
