import { gradebookStudents, type GradebookAttempt, type GradebookColumn, type GradebookMark, type GradebookRosterEntry, type GradebookStudent, type GradebookWork } from "../classes/gradebook";
import { getDb } from "./client";
import { Prisma } from "./generated/client";

export interface GradebookSource {
  assignment: {
    id: string;
    classId: string;
    className: string;
    title: string;
    kind: "study_set" | "quiz" | "written";
    studySetId: string;
    dueAt: Date | null;
  };
  columns: GradebookColumn[];
  /** The class's enrollments, removed students included (see gradebookStudents). */
  roster: GradebookRosterEntry[];
  /** The students with a row, by name: the roster less those removed without work for the assignment. */
  students: GradebookStudent[];
  extensions: Map<string, Date>;
  attempts: GradebookAttempt[];
  marks: GradebookMark[];
}

/**
 * An assignment's attempts and every point mark of them in two SQL statements run side by side (on
 * two pooled connections, so PostgreSQL works on both at once), each list folded into one text value
 * (ids are cuids, so tabs and newlines never occur inside a field). Building 17 000 row objects
 * through the ORM, or JSON for them, was the gradebook's whole cost for 200 students × 20 questions;
 * plain text is what PostgreSQL and V8 both produce and split fastest (measured with
 * `npm run bench:gradebook`). Marks arrive oldest first, so the newest automatic and the newest
 * moderated mark of each point win when folded here. The two reads, like the gradebook's other
 * queries, are not one snapshot: a mark of an attempt that started in between is not counted (only
 * the listed attempts' marks fill cells), as if the page had been read a moment earlier.
 * With `attemptIds`, only those of the assignment's attempts (one deleted or moved away is not
 * returned): what a gradebook catching up on changed attempts re-reads.
 */
async function getAttemptsAndMarks(assignmentId: string, attemptIds: readonly string[] | null): Promise<GradebookWork> {
  const db = await getDb();
  const onlyListed = attemptIds ? Prisma.sql`AND a.id = ANY(${[...attemptIds]}::text[])` : Prisma.empty;
  // Each attempt's "provisional" comes from one grouped join over its responses (not a subquery per
  // attempt). Marks keep their oldest-first order: sorting 17 000 lines by time is cheaper in SQL
  // than by text ids or per-point aggregates (EXPLAIN ANALYZE), and the fold below is one pass.
  const [[attemptsRow], [marksRow]] = await Promise.all([
    /** One line per attempt: attemptId, userId, questionId ("" for none), status, startedAt ms, submittedAt ms ("" for none), provisional and not yet accepted by a teacher (true/false), tab-separated. */
    db.$queryRaw<{ attempts: string | null }[]>`
      SELECT string_agg(concat_ws(E'\t', a.id, a."userId", coalesce(a."questionId", ''), a.status::text,
               (extract(epoch FROM a."startedAt") * 1000)::bigint::text,
               coalesce(((extract(epoch FROM a."submittedAt") * 1000)::bigint)::text, ''),
               a.provisional::text), E'\n') AS attempts
      FROM (SELECT a.id, a."userId", a."questionId", a.status, a."startedAt", a."submittedAt",
                   coalesce(bool_or(r."isProvisional" AND r."marksAcceptedAt" IS NULL), false) AS provisional
            FROM "Attempt" a LEFT JOIN "Response" r ON r."attemptId" = a.id
            WHERE a."assignmentId" = ${assignmentId} ${onlyListed}
            GROUP BY a.id) a`,
    /** One line per point mark, oldest first: attemptId, rubricPointId, "a" (automatic) or "m" (moderated), awarded, the marks it was out of, tab-separated. */
    db.$queryRaw<{ marks: string | null }[]>`
      SELECT string_agg(r."attemptId" || E'\t' || ps."rubricPointId" || CASE WHEN ps.source = 'auto' THEN E'\ta\t' ELSE E'\tm\t' END || ps.awarded || E'\t' || ps.max,
                        E'\n' ORDER BY ps."createdAt", ps.id) AS marks
      FROM "Attempt" a JOIN "Response" r ON r."attemptId" = a.id JOIN "PointScore" ps ON ps."responseId" = r.id
      WHERE a."assignmentId" = ${assignmentId} ${onlyListed}`,
  ]);
  const attempts = (attemptsRow?.attempts ? attemptsRow.attempts.split("\n") : []).map((line): GradebookAttempt => {
    const [attemptId = "", studentId = "", questionId = "", status = "", startedAtMs = "", submittedAtMs = "", isProvisional = ""] = line.split("\t");
    return {
      attemptId,
      studentId,
      questionId: questionId || null,
      status: status as GradebookAttempt["status"],
      startedAt: new Date(Number(startedAtMs)),
      submittedAt: submittedAtMs ? new Date(Number(submittedAtMs)) : null,
      isProvisional: isProvisional === "true",
    };
  });
  return { attempts, marks: foldMarks(marksRow?.marks ?? "") };
}

/**
 * The work an assignment's gradebook shows: its attempts and their marks — point marks, and for a
 * quiz (any kind but written) each answer's score as its question's mark. With `attemptIds`, only
 * those attempts (see getAttemptsAndMarks).
 */
export async function getGradebookWork(assignmentId: string, kind: GradebookSource["assignment"]["kind"], attemptIds: readonly string[] | null): Promise<GradebookWork> {
  return withQuizScores(await getAttemptsAndMarks(assignmentId, attemptIds), kind);
}

/** `work` with, for a quiz (any kind but written), each answer's score added as its question's mark. */
async function withQuizScores(work: GradebookWork, kind: GradebookSource["assignment"]["kind"]): Promise<GradebookWork> {
  if (kind !== "written" && work.attempts.length > 0) {
    const db = await getDb();
    const responses = await db.response.findMany({
      where: { attemptId: { in: work.attempts.map((a) => a.attemptId) } },
      select: { attemptId: true, questionId: true, score: true },
    });
    // An answer's score is out of what the quiz's marking gives its question now (the column's max).
    for (const r of responses) if (r.score !== null) work.marks.push({ attemptId: r.attemptId, columnId: r.questionId, autoAwarded: r.score, moderatedAwarded: null });
  }
  return work;
}

/**
 * Folds the marks' lines ("attemptId\tpointId\ta|m\tawarded\tmax", oldest first) into one mark per
 * attempt and point, the newest automatic and the newest moderated value winning; the mark's `max`
 * is that of the value that counts (the newest moderated one, else the newest automatic one): what
 * the point was worth when it was marked, which a later re-weighting of the point does not change. One pass that
 * allocates only for what it keeps: an attempt's lines mostly follow one another, so the line's ids
 * are compared in place with the current attempt's and its few marks', and sliced only when new.
 */
export function foldMarks(text: string): GradebookMark[] {
  const marks: GradebookMark[] = [];
  const byAttempt = new Map<string, GradebookMark[]>();
  let attemptId = "";
  let own: GradebookMark[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const tab1 = text.indexOf("\t", start);
    const tab2 = text.indexOf("\t", tab1 + 1);
    const tab3 = text.indexOf("\t", tab2 + 1);
    if (tab1 - start !== attemptId.length || !text.startsWith(attemptId, start)) {
      attemptId = text.slice(start, tab1);
      own = byAttempt.get(attemptId) ?? [];
      if (own.length === 0) byAttempt.set(attemptId, own);
    }
    let mark: GradebookMark | undefined;
    for (const m of own) {
      if (m.columnId.length === tab2 - tab1 - 1 && text.startsWith(m.columnId, tab1 + 1)) {
        mark = m;
        break;
      }
    }
    if (!mark) {
      mark = { attemptId, columnId: text.slice(tab1 + 1, tab2), autoAwarded: 0, moderatedAwarded: null, max: 0 };
      own.push(mark);
      marks.push(mark);
    }
    const tab4 = text.indexOf("\t", tab3 + 1);
    const awarded = numberAt(text, tab3 + 1, tab4);
    const max = numberAt(text, tab4 + 1, end);
    // The source is "a" (automatic) or "m" (moderated).
    if (text.charCodeAt(tab2 + 1) === 97 /* a */) {
      mark.autoAwarded = awarded;
      if (mark.moderatedAwarded === null) mark.max = max;
    } else {
      mark.moderatedAwarded = awarded;
      mark.max = max;
    }
    start = end + 1;
  }
  return marks;
}

/** The number in text[start, end): a one-digit one (most marks are 0, 1 or 2) read from its character, anything else parsed. */
function numberAt(text: string, start: number, end: number): number {
  const digit = text.charCodeAt(start) - 48;
  return end - start === 1 && digit >= 0 && digit <= 9 ? digit : Number(text.slice(start, end));
}

/**
 * Everything one assignment's gradebook needs, in four indexed queries: the assignment, its columns
 * (rubric points of its written questions with their model-answer section as theme, or the set's
 * objective questions), the class's students, their attempts for it and every point mark of those.
 * Students removed from the class keep their row when they did work for the assignment.
 */
export async function getGradebookSource(assignmentId: string): Promise<GradebookSource | null> {
  const read = await readGradebook(assignmentId, null);
  return read && gradebookSourceOf(read.frame, read.work);
}

/** A gradebook's source from its frame and its work: the students with a row follow from the roster and the attempts. */
export function gradebookSourceOf(frame: GradebookFrame, work: GradebookWork): GradebookSource {
  return { ...frame, ...work, students: gradebookStudents(frame.roster, work.attempts) };
}

/** What a gradebook shows its work in: everything in its source but the attempts, their marks and the students derived from them. */
export type GradebookFrame = Omit<GradebookSource, "attempts" | "marks" | "students">;

/**
 * The assignment's frame read afresh (as getGradebookSource), with the work of just the attempts
 * `attemptIds` (see getGradebookWork): what a copy whose frame changed reads to catch up.
 */
export function getGradebookFrame(assignmentId: string, attemptIds: readonly string[]): Promise<{ frame: GradebookFrame; work: GradebookWork } | null> {
  return readGradebook(assignmentId, attemptIds);
}

/** The frame and the work (of every attempt, or of `attemptIds`), read side by side: the work does not wait for the assignment's row. */
async function readGradebook(assignmentId: string, attemptIds: readonly string[] | null): Promise<{ frame: GradebookFrame; work: GradebookWork } | null> {
  const [frame, work] = await Promise.all([readGradebookFrame(assignmentId), getAttemptsAndMarks(assignmentId, attemptIds)]);
  return frame && { frame, work: await withQuizScores(work, frame.assignment.kind) };
}

async function readGradebookFrame(assignmentId: string): Promise<GradebookFrame | null> {
  const db = await getDb();
  const assignment = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      id: true,
      classId: true,
      title: true,
      kind: true,
      studySetId: true,
      dueAt: true,
      questionIds: true,
      quiz: { select: { questionIds: true, markCorrect: true } },
      classroom: { select: { name: true } },
      extensions: { select: { studentId: true, dueAt: true } },
    },
  });
  if (!assignment) return null;
  // The columns: a written assignment's questions, a quiz assignment's own questions (chosen or drawn
  // when it was assigned; without one, the set's accepted objective questions) — in the order they are
  // asked. A card-review assignment asks no question, so it has no column (its progress is the cards
  // reviewed: see getCardReviewSource).
  const askedIds = assignment.kind === "written" ? assignment.questionIds : assignment.kind === "study_set" ? [] : (assignment.quiz?.questionIds ?? null);
  const questionWhere = askedIds
    ? { id: { in: askedIds } }
    : { studySetId: assignment.studySetId, status: "accepted" as const, kind: { not: "written" as const } };
  const [questions, enrollments] = await Promise.all([
    db.question.findMany({
      where: questionWhere,
      select: {
        id: true,
        prompt: true,
        marks: true,
        position: true,
        rubricPoints: {
          select: { id: true, key: true, point: true, marks: true, kind: true, position: true, modelAnswerPoint: { select: { section: { select: { heading: true } } } } },
          orderBy: { position: "asc" },
        },
      },
      orderBy: { position: "asc" },
    }),
    db.enrollment.findMany({ where: { classId: assignment.classId }, select: { removedAt: true, student: { select: { id: true, name: true, email: true } } } }),
  ]);
  const order = askedIds ? new Map(askedIds.map((id, i) => [id, i])) : null;
  const ordered = order ? questions.slice().sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)) : questions;
  const columns: GradebookColumn[] =
    assignment.kind === "written"
      ? ordered.flatMap((q, qi) =>
          q.rubricPoints.map((rp, pi) => ({
            id: rp.id,
            questionId: q.id,
            label: `Q${qi + 1} · ${pi + 1}`,
            text: rp.point,
            max: rp.marks,
            theme: rp.modelAnswerPoint?.section.heading ?? null,
            dimension: rp.kind,
          })),
        )
      : // A quiz's marking scheme sets what a right answer earns (+2 under prelims marking).
        ordered.map((q, qi) => ({ id: q.id, questionId: q.id, label: `Q${qi + 1}`, text: q.prompt, max: assignment.quiz?.markCorrect ?? q.marks, theme: null, dimension: "question" as const }));
  const roster: GradebookRosterEntry[] = enrollments.map((e) => ({ student: e.student, isRemoved: e.removedAt !== null }));
  return {
    assignment: {
      id: assignment.id,
      classId: assignment.classId,
      className: assignment.classroom.name,
      title: assignment.title,
      kind: assignment.kind,
      studySetId: assignment.studySetId,
      dueAt: assignment.dueAt,
    },
    columns,
    roster,
    extensions: new Map(assignment.extensions.map((e) => [e.studentId, e.dueAt])),
  };
}

/**
 * The class an assignment belongs to (for the permission check) and its gradebook's version (see
 * model GradebookStamp: every write the gradebook reads bumps it in the writer's transaction), in
 * one statement; null when there is no such assignment. `version` ("epoch:count") is null only if
 * the stamp row is missing, and then nothing may be cached. Given the version `since` of a copy
 * built earlier, `changedAttemptIds` lists, in the same snapshot, the attempts whose work changed
 * after it (model GradebookChange) — every change since, when nothing broke the log after the copy
 * in the same epoch; otherwise (or without `since`) it is null and the copy cannot catch up.
 * `isFrameChanged`: a write to anything but attempts (the assignment, its columns, roster, due
 * dates) came after the copy, so its frame must be read again.
 */
export async function getGradebookStamp(
  assignmentId: string,
  since: string | null = null,
): Promise<{ classId: string; version: string | null; changedAttemptIds: string[] | null; isFrameChanged: boolean } | null> {
  const db = await getDb();
  const [sinceEpoch = "", sinceCount = ""] = since?.split(":") ?? [];
  const count = /^\d+$/.test(sinceCount) ? sinceCount : "0";
  const [row] = await db.$queryRaw<{ classId: string; version: string | null; changed: string | null; isFrameChanged: boolean | null }[]>`
    SELECT a."classId", s."epoch"::text || ':' || s."version"::text AS "version", s."frameVersion" > ${count}::bigint AS "isFrameChanged",
           CASE WHEN s."epoch"::text = ${sinceEpoch} AND s."rebuildVersion" <= ${count}::bigint AND s."version" >= ${count}::bigint
                THEN coalesce((SELECT string_agg(c."attemptId", E'\n') FROM "GradebookChange" c
                               WHERE c."assignmentId" = a."id" AND c."version" > ${count}::bigint), '') END AS "changed"
    FROM "Assignment" a LEFT JOIN "GradebookStamp" s ON s."assignmentId" = a."id"
    WHERE a."id" = ${assignmentId}`;
  if (!row) return null;
  return {
    classId: row.classId,
    version: row.version,
    changedAttemptIds: row.changed === null ? null : row.changed ? row.changed.split("\n") : [],
    isFrameChanged: row.isFrameChanged !== false,
  };
}

/**
 * Deletes the change rows (model GradebookChange) not written for `retentionMs` by the database's
 * clock, which also wrote them; returns how many went. Safe at any time: it locks the stamps before the
 * rows, in assignment-id order, as every writer does (no deadlock with a mark or an assignment's
 * deletion), and the deletion raises each assignment's rebuildVersion to the highest version it removed (migration
 * 20261204200000_gradebook_change_pruning), so a copy older than a removed row is rebuilt in full
 * and every newer copy still catches up on the rows left.
 */
export async function deleteStaleGradebookChanges(retentionMs: number): Promise<number> {
  const db = await getDb();
  // Stamp first, then rows, in assignment-id order like every writer (see the function's comment).
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT "crux_prune_gradebook_changes"(${retentionMs / 1000}::float8) AS n`;
  return row?.n ?? 0;
}

/** One answer's marks on one rubric point: the automatic row (evidence, feedback) and the newest moderation. */
export interface PointMarkRow {
  attemptId: string;
  autoAwarded: number;
  max: number;
  evidence: unknown;
  feedback: string;
  moderatedAwarded: number | null;
  moderationReason: string | null;
}

/** The marks of `rubricPointId` in the given attempts' answers (one row per attempt that was marked on it). */
export async function listPointMarks(attemptIds: readonly string[], rubricPointId: string): Promise<PointMarkRow[]> {
  if (attemptIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.pointScore.findMany({
    where: { rubricPointId, response: { attemptId: { in: [...attemptIds] } } },
    select: { source: true, awarded: true, max: true, evidence: true, feedback: true, reason: true, response: { select: { attemptId: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const byAttempt = new Map<string, PointMarkRow>();
  for (const r of rows) {
    const attemptId = r.response.attemptId;
    let row = byAttempt.get(attemptId);
    if (!row) byAttempt.set(attemptId, (row = { attemptId, autoAwarded: 0, max: r.max, evidence: [], feedback: "", moderatedAwarded: null, moderationReason: null }));
    if (r.source === "auto") Object.assign(row, { autoAwarded: r.awarded, max: r.max, evidence: r.evidence, feedback: r.feedback });
    else Object.assign(row, { moderatedAwarded: r.awarded, moderationReason: r.reason });
  }
  return [...byAttempt.values()];
}

/** What students answered to one objective question in the given attempts, with the option texts. */
export async function listQuestionAnswers(attemptIds: readonly string[], questionId: string): Promise<{ attemptId: string; answer: string }[]> {
  if (attemptIds.length === 0) return [];
  const db = await getDb();
  const [responses, options] = await Promise.all([
    db.response.findMany({ where: { questionId, attemptId: { in: [...attemptIds] } }, select: { attemptId: true, content: true } }),
    db.option.findMany({ where: { questionId }, select: { id: true, text: true } }),
  ]);
  const optionText = new Map(options.map((o) => [o.id, o.text]));
  return responses.map((r) => {
    const c = (r.content ?? {}) as { optionIds?: unknown; text?: unknown; value?: unknown };
    const chosen = Array.isArray(c.optionIds) ? c.optionIds.flatMap((id) => (typeof id === "string" && optionText.has(id) ? [optionText.get(id)!] : [])) : [];
    const answer = chosen.length > 0 ? chosen.join("; ") : typeof c.text === "string" && c.text ? c.text : typeof c.value === "number" || typeof c.value === "string" ? String(c.value) : "";
    return { attemptId: r.attemptId, answer };
  });
}
