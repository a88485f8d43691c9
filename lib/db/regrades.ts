import type { AssignedAnswer } from "../classes/to-check";
import { AppError } from "../errors";
import type { RegradeRecord } from "../writing/regrade";
import type { WorkFacts } from "../auth/permissions";
import { addModeration, listOwnerClasses, workFactsOf, workSelect } from "./attempts";
import { getDb } from "./client";

/**
 * Regrade requests: a student's request to look again at one point of their written answer, and a
 * teacher's answer. At most one request per point is open: asking locks the answer's row, so two
 * requests sent at once cannot both be stored.
 */

const recordSelect = {
  id: true,
  rubricPointId: true,
  reason: true,
  status: true,
  isAccepted: true,
  answer: true,
  answeredAt: true,
  createdAt: true,
  answeredBy: { select: { name: true } },
} as const;

function toRecord({ answeredBy, ...r }: Omit<RegradeRecord, "answeredByName"> & { answeredBy: { name: string } | null }): RegradeRecord {
  return { ...r, answeredByName: answeredBy?.name ?? (r.status === "answered" ? "A teacher" : null) };
}

export type RegradeCreation = { isCreated: true; id: string } | { isCreated: false; reason: "already_open" | "not_marked" };

/**
 * Stores a student's open request on one point of their graded written attempt, unless one is
 * already open there or the point was not marked in that answer. The owner's id is in the `where`.
 */
export async function createRegradeRequest(input: { attemptId: string; studentId: string; rubricPointId: string; reason: string; at: Date }): Promise<RegradeCreation> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const response = await tx.response.findFirst({
      where: { attemptId: input.attemptId, gradedAt: { not: null }, attempt: { userId: input.studentId, kind: "written_practice", status: "graded" } },
      select: { id: true },
    });
    if (!response) return { isCreated: false, reason: "not_marked" } as const;
    // Serialises concurrent asks on this answer: the second waits here, then sees the first's row.
    await tx.$queryRaw`SELECT id FROM "Response" WHERE id = ${response.id} FOR UPDATE`;
    const marked = await tx.pointScore.findFirst({ where: { responseId: response.id, rubricPointId: input.rubricPointId, source: "auto" }, select: { id: true } });
    if (!marked) return { isCreated: false, reason: "not_marked" } as const;
    const open = await tx.regradeRequest.findFirst({ where: { responseId: response.id, rubricPointId: input.rubricPointId, status: "open" }, select: { id: true } });
    if (open) return { isCreated: false, reason: "already_open" } as const;
    const created = await tx.regradeRequest.create({
      data: { responseId: response.id, rubricPointId: input.rubricPointId, studentId: input.studentId, reason: input.reason, createdAt: input.at },
      select: { id: true },
    });
    return { isCreated: true, id: created.id } as const;
  });
}

/** Every regrade request on a written attempt, oldest first. */
export async function listRegradesOfAttempt(attemptId: string): Promise<RegradeRecord[]> {
  const db = await getDb();
  const rows = await db.regradeRequest.findMany({ where: { response: { attemptId } }, select: recordSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toRecord);
}

/** What answering a request needs to check: its attempt, point, state and the point's maximum mark. */
export async function getRegradeFacts(requestId: string): Promise<{ id: string; attemptId: string; rubricPointId: string; status: "open" | "answered"; pointMax: number | null } | null> {
  const db = await getDb();
  const row = await db.regradeRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      rubricPointId: true,
      status: true,
      response: { select: { attemptId: true, scores: { where: { source: "auto" }, select: { rubricPointId: true, max: true } } } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    attemptId: row.response.attemptId,
    rubricPointId: row.rubricPointId,
    status: row.status,
    pointMax: row.response.scores.find((s) => s.rubricPointId === row.rubricPointId)?.max ?? null,
  };
}

/**
 * Answers an open request in one transaction: when accepted, the point is moderated to `awarded`
 * with the reply as its reason (totals recomputed); the request records the decision, the reply,
 * who and when. CONFLICT when another teacher answered it first.
 */
export async function answerRegradeRequest(input: {
  requestId: string;
  teacherId: string;
  reply: string;
  at: Date;
  /** Present to accept: the new mark. */
  accept: { attemptId: string; rubricPointId: string; awarded: number } | null;
}): Promise<{ score: number | null; maxScore: number | null }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const answered = await tx.regradeRequest.updateMany({
      where: { id: input.requestId, status: "open" },
      data: { status: "answered", isAccepted: input.accept !== null, answer: input.reply, answeredById: input.teacherId, answeredAt: input.at },
    });
    if (answered.count === 0) throw new AppError("CONFLICT", "This request has already been answered.");
    if (!input.accept) return { score: null, maxScore: null };
    return addModeration(tx, { ...input.accept, reason: input.reply, moderatedById: input.teacherId, at: input.at });
  });
}

/** An open request as a teacher's lists show it: on work for an assignment, or on practice (`assignmentId` null). */
export interface OpenRegrade extends Omit<AssignedAnswer, "assignmentId" | "assignmentTitle"> {
  requestId: string;
  /** The assignment the answer was written for; null for practice outside any assignment. */
  assignmentId: string | null;
  assignmentTitle: string | null;
  studySetTitle: string;
  pointNumber: number;
  point: string;
  reason: string;
  createdAt: Date;
}

/**
 * Open requests that may belong to `classId`'s lists, each with the facts the permission rules need,
 * oldest first: on work for the class's assignments (only `assignmentId`'s when given), and on practice
 * by students enrolled in the class (on the assignment's set when given). The caller keeps those the
 * viewer supervises through the class (`supervisesThroughClass`).
 */
export async function listOpenRegradeCandidates(classId: string, assignmentId?: string): Promise<{ regrade: OpenRegrade; work: WorkFacts }[]> {
  const db = await getDb();
  let setFilter: { studySetId?: string } = {};
  if (assignmentId) {
    const assignment = await db.assignment.findFirst({ where: { id: assignmentId, classId }, select: { studySetId: true } });
    if (!assignment) return [];
    setFilter = { studySetId: assignment.studySetId };
  }
  const rows = await db.regradeRequest.findMany({
    where: {
      status: "open",
      response: {
        attempt: {
          OR: [
            { assignment: assignmentId ? { id: assignmentId, classId } : { classId } },
            { assignmentId: null, ...setFilter, user: { enrollments: { some: { classId, removedAt: null } } } },
          ],
        },
      },
    },
    select: {
      id: true,
      reason: true,
      createdAt: true,
      rubricPoint: { select: { point: true, position: true, question: { select: { prompt: true, rubricPoints: { select: { id: true, position: true } } } } } },
      rubricPointId: true,
      response: {
        select: {
          attemptId: true,
          attempt: { select: { ...workSelect, user: { select: { id: true, name: true } }, studySet: { select: { ownerId: true, title: true } }, assignment: { select: { id: true, title: true, classId: true } } } },
        },
      },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const studentIds = [...new Set(rows.map((r) => r.response.attempt.userId))];
  const ownerClasses = new Map(await Promise.all(studentIds.map(async (id) => [id, await listOwnerClasses(id)] as const)));
  return rows.map((r) => {
    const { attempt } = r.response;
    const order = r.rubricPoint.question.rubricPoints.slice().sort((a, b) => a.position - b.position);
    return {
      work: workFactsOf(attempt, ownerClasses.get(attempt.userId) ?? []),
      regrade: {
        requestId: r.id,
        attemptId: r.response.attemptId,
        studentId: attempt.user.id,
        studentName: attempt.user.name,
        assignmentId: attempt.assignment?.id ?? null,
        assignmentTitle: attempt.assignment?.title ?? null,
        studySetTitle: attempt.studySet.title,
        questionPrompt: r.rubricPoint.question.prompt,
        pointNumber: order.findIndex((p) => p.id === r.rubricPointId) + 1,
        point: r.rubricPoint.point,
        reason: r.reason,
        createdAt: r.createdAt,
      },
    };
  });
}
