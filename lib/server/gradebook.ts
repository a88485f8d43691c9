import "server-only";
import { LRUCache } from "lru-cache";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { effectiveDueAt } from "../classes/assignments";
import { csvFileName, toSpreadsheetCsv } from "../classes/csv";
import {
  buildGradebook,
  classHeatmap,
  gradebookAt,
  gradingAgreement,
  rebuildGradebookRows,
  replaceAttemptWork,
  workStatusLabel,
  type Agreement,
  type Gradebook,
  type Heatmap,
} from "../classes/gradebook";
import { getClassFacts } from "../db/classes";
import { deleteStaleGradebookChanges, getGradebookFrame, getGradebookSource, getGradebookStamp, getGradebookWork, gradebookSourceOf, listPointMarks, listQuestionAnswers, type GradebookSource } from "../db/gradebook";
import { creditOf, evidenceShown, orderDrillDown, type DrillDownEntry } from "../classes/drill-down";
import type { GradebookColumn } from "../classes/gradebook";
import { parseAnswerEvidence } from "../writing/result";
import { acceptMarksSchema, orderToCheck, type ToCheckItem } from "../classes/to-check";
import { getAttemptFacts } from "../db/attempts";
import { acceptAutomaticMarks, listUncheckedAnswers } from "../db/to-check";
import { buildCardReviewBook, type CardReviewBook } from "../classes/card-review";
import { getCardReviewSource, type CardReviewSource } from "../db/card-review";
import { assertCan } from "./authorize";
import { teacherFeedback } from "../writing/feedback";

export interface AssignmentGradebook {
  assignment: GradebookSource["assignment"];
  gradebook: Gradebook;
  heatmap: Heatmap;
  agreement: Agreement;
}

/** A shaped gradebook and the rows it was built from, as of one stamp version. */
interface BuiltGradebook {
  source: GradebookSource;
  book: AssignmentGradebook;
}

/**
 * Shaped gradebooks this process has built, by assignment, each with the stamp it was built at (see
 * model GradebookStamp: every write the gradebook reads bumps the stamp when the writer commits) and
 * the rows it was built from. One is served only while the stamp in the database is unchanged, so a
 * write made through any process of any machine shows on the next load; after writes to attempts
 * alone (a hand-in, a mark, a moderation) it catches up by re-reading just those attempts (model
 * GradebookChange), however many versions it missed; after other writes (the roster, a due date,
 * the columns) it reads those again too, but still not the other attempts' work. What a cached
 * gradebook does not hold is the clock, which `gradebookAt` applies per load. Bounded by size — cells, attempts and marks, plus
 * the agreement's links — at 800 000 (200 students × 80 rubric points is about 16 000 cells and as
 * many marks; one gradebook of up to 800 000 is still kept), about 120 MB per process at most (~154 bytes per unit measured, roster and heatmap not counted).
 * Entries are shared between requests: nothing that reads them may change them.
 */
const CACHE_SIZE = 800_000;
const HOUR_MS = 3_600_000;
/**
 * A copy is kept at most 12 hours after it was last built or caught up, so no process holds one
 * older than that: the change rows a day old that deleteStaleGradebookChanges prunes are then needed
 * by no copy (a day leaves room for the clocks of app and database to differ and for slow commits).
 * Were one needed after all, its copy would be rebuilt in full, never served stale.
 */
const CACHE_TTL_MS = 12 * HOUR_MS;
export const GRADEBOOK_CHANGE_RETENTION_MS = 24 * HOUR_MS;
const shapedGradebooks = new LRUCache<string, { version: string } & BuiltGradebook>({
  max: 64,
  ttl: CACHE_TTL_MS,
  maxSize: CACHE_SIZE,
  maxEntrySize: CACHE_SIZE,
  sizeCalculation: ({ source, book }) =>
    Math.max(
      1,
      book.gradebook.rows.length * (book.gradebook.columns.length + 1) +
        source.attempts.length +
        source.marks.length +
        book.agreement.points.reduce((n, p) => n + p.changedAttemptIds.length, 0),
    ),
});
/** Builds in flight, by assignment and stamp, so teachers opening the same gradebook at once share one. */
const building = new Map<string, Promise<BuiltGradebook | null>>();

function shape(source: GradebookSource, gradebook: Gradebook): BuiltGradebook {
  return { source, book: { assignment: source.assignment, gradebook, heatmap: classHeatmap(gradebook), agreement: gradingAgreement(source.columns, source.marks) } };
}

const dueAtFor = (source: GradebookSource) => (studentId: string) => effectiveDueAt(source.assignment.dueAt, source.extensions.get(studentId));

async function buildAssignmentGradebook(assignmentId: string, now: Date): Promise<BuiltGradebook | null> {
  const source = await getGradebookSource(assignmentId);
  if (!source) return null;
  return shape(source, buildGradebook({ ...source, dueAtOf: dueAtFor(source), now }));
}

/**
 * `base` brought up to date after writes to the attempts `attemptIds` alone (the stamp says nothing
 * else changed since it was built): those attempts and their marks are read again and only their
 * students' rows rebuilt — the gradebook a full build would give, the assignment, columns, roster
 * and due dates being unchanged.
 */
async function catchUpGradebook(base: BuiltGradebook, attemptIds: readonly string[], now: Date): Promise<BuiltGradebook> {
  const { assignment } = base.source;
  const fresh = await getGradebookWork(assignment.id, assignment.kind, attemptIds);
  const { work, studentIds } = replaceAttemptWork(base.source, attemptIds, fresh);
  const source = gradebookSourceOf(base.source, work);
  return shape(source, rebuildGradebookRows(base.book.gradebook, { ...source, dueAtOf: dueAtFor(source), now }, studentIds));
}

/**
 * `base` brought up to date after writes to its frame (the assignment, columns, roster, due dates)
 * and to the attempts `attemptIds`: the frame and those attempts are read again, the other attempts'
 * work kept, and every row built. A change of the assignment's kind (which decides what its marks
 * are) is built afresh.
 */
async function reframeGradebook(base: BuiltGradebook, attemptIds: readonly string[], now: Date): Promise<BuiltGradebook | null> {
  const read = await getGradebookFrame(base.source.assignment.id, attemptIds);
  if (!read) return null;
  if (read.frame.assignment.kind !== base.source.assignment.kind) return buildAssignmentGradebook(base.source.assignment.id, now);
  const { work } = replaceAttemptWork(base.source, attemptIds, read.work);
  const source = gradebookSourceOf(read.frame, work);
  return shape(source, buildGradebook({ ...source, dueAtOf: dueAtFor(source), now }));
}

/**
 * The assignment's gradebook as of stamp `version` or later: this process's copy `base` when it was
 * built at that stamp, else `base` caught up on `changedAttemptIds` (the attempts changed since it,
 * read with the stamp: see getGradebookStamp) — with its frame read again when `isFrameChanged` —
 * else a build (the stamp was read before the rows, so the rows are at least as new as the stamp);
 * shared with any load of the same stamp already doing it.
 */
function loadAssignmentGradebook(
  assignmentId: string,
  stamp: { version: string | null; changedAttemptIds: string[] | null; isFrameChanged: boolean },
  base: ({ version: string } & BuiltGradebook) | undefined,
  now: Date,
): Promise<BuiltGradebook | null> {
  const { version, changedAttemptIds, isFrameChanged } = stamp;
  if (version === null) return buildAssignmentGradebook(assignmentId, now);
  if (base?.version === version) return Promise.resolve(base);
  const key = `${assignmentId}@${version}`;
  let pending = building.get(key);
  if (!pending) {
    pending = (
      base && changedAttemptIds
        ? isFrameChanged
          ? reframeGradebook(base, changedAttemptIds, now)
          : catchUpGradebook(base, changedAttemptIds, now)
        : buildAssignmentGradebook(assignmentId, now)
    ).finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

/** Stamps are "epoch:count"; a build is kept unless the copy already kept is newer in the same epoch. */
function keepGradebook(assignmentId: string, version: string | null, built: BuiltGradebook): void {
  if (version === null) return;
  const kept = shapedGradebooks.peek(assignmentId);
  if (kept?.version === version) return;
  const [epoch, count] = version.split(":");
  const [keptEpoch, keptCount] = kept?.version.split(":") ?? [];
  if (kept && keptEpoch === epoch && BigInt(keptCount ?? "0") > BigInt(count ?? "0")) return;
  shapedGradebooks.set(assignmentId, { version, ...built });
}

/** Prunes the gradebook change log of rows no kept copy can need (see GRADEBOOK_CHANGE_RETENTION_MS); how many went. */
export function pruneGradebookChanges(): Promise<number> {
  return deleteStaleGradebookChanges(GRADEBOOK_CHANGE_RETENTION_MS);
}

/** Loads an assignment's gradebook for a teacher (or co-teacher) of its class; NOT_FOUND / FORBIDDEN otherwise. */
export async function getAssignmentGradebookFor(actor: Actor, assignmentId: string, now: Date): Promise<AssignmentGradebook> {
  // The copy this process holds, if any, is the one the stamp's list of changed attempts is read against.
  const base = shapedGradebooks.get(assignmentId);
  const stamp = await getGradebookStamp(assignmentId, base?.version ?? null);
  if (!stamp) throw new AppError("NOT_FOUND", "That assignment does not exist.");
  // The access facts and the gradebook load side by side; nothing loaded leaves this function, or
  // is kept for the next load, unless the check passes.
  const [classroom, built] = await Promise.all([getClassFacts(stamp.classId, actor.id), loadAssignmentGradebook(assignmentId, stamp, base, now)]);
  if (!classroom || !built || built.book.assignment.classId !== stamp.classId) throw new AppError("NOT_FOUND", "That assignment does not exist.");
  assertCan(actor, { action: "class.manage", classroom });
  keepGradebook(assignmentId, stamp.version, built);
  const { book } = built;
  return { ...book, gradebook: gradebookAt(book.gradebook, now) };
}

/**
 * A card-review assignment's gradebook for a teacher (or co-teacher) of its class: per student, the
 * set's cards reviewed, the last review, cards due again, overdue, retention. NOT_FOUND for no such
 * card-review assignment, FORBIDDEN for anyone else.
 */
export async function getCardReviewBookFor(actor: Actor, assignmentId: string, now: Date): Promise<{ assignment: CardReviewSource["assignment"]; book: CardReviewBook }> {
  const source = await getCardReviewSource(assignmentId);
  const classroom = source && (await getClassFacts(source.assignment.classId, actor.id));
  if (!source || !classroom) throw new AppError("NOT_FOUND", "That assignment does not exist.");
  assertCan(actor, { action: "class.manage", classroom });
  const book = buildCardReviewBook({ ...source, dueAtOf: (studentId) => effectiveDueAt(source.assignment.dueAt, source.extensions.get(studentId)), now });
  return { assignment: source.assignment, book };
}

/** The gradebook as spreadsheet CSV: one row per student — name, email, status, score, time, then each column's mark. */
export async function exportAssignmentCsvFor(actor: Actor, assignmentId: string, now: Date): Promise<{ filename: string; csv: string }> {
  const { assignment, gradebook } = await getAssignmentGradebookFor(actor, assignmentId, now);
  const headers = ["Student", "Email", "Status", "Score", "Out of", "Minutes used", "Submitted (UTC)", ...gradebook.columns.map((c) => `${c.label} (${c.max})`)];
  const rows = gradebook.rows.map((r) => [
    r.student.name,
    r.student.email,
    workStatusLabel[r.status],
    r.score,
    r.maxScore,
    r.timeUsedSec === null ? null : Math.round(r.timeUsedSec / 6) / 10,
    r.submittedAt?.toISOString() ?? null,
    ...r.cells.map((c) => c.awarded),
  ]);
  return { filename: csvFileName("gradebook", assignment.title), csv: toSpreadsheetCsv(headers, rows) };
}

/** A class's "to check" queue for its teachers: provisional answers first, then the least confident. */
export async function listToCheckFor(actor: Actor, classId: string): Promise<ToCheckItem[]> {
  const classroom = await getClassFacts(classId, actor.id);
  if (!classroom) throw new AppError("NOT_FOUND", "That class does not exist.");
  assertCan(actor, { action: "class.manage", classroom });
  return orderToCheck(await listUncheckedAnswers(classId));
}

/**
 * A teacher accepts a written answer's automatic marks as they are: recorded with who and when,
 * the answer leaves the "to check" queue and stops being provisional. Same permission as moderating.
 */
export async function acceptAutomaticMarksFor(actor: Actor, raw: unknown, now: Date): Promise<{ attemptId: string }> {
  const parsed = acceptMarksSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "That answer could not be identified.");
  const facts = await getAttemptFacts(parsed.data.attemptId);
  if (!facts) throw new AppError("NOT_FOUND", "That answer does not exist.");
  assertCan(actor, { action: "work.view", work: facts.work });
  assertCan(actor, { action: "work.moderate", work: facts.work });
  const isAccepted = await acceptAutomaticMarks({ attemptId: parsed.data.attemptId, teacherId: actor.id, at: now });
  if (!isAccepted) throw new AppError("INVALID", "This answer has not been marked yet.");
  return { attemptId: parsed.data.attemptId };
}

export interface ColumnDrillDown {
  assignment: GradebookSource["assignment"];
  column: GradebookColumn;
  entries: DrillDownEntry[];
}

/**
 * From one rubric point (or quiz question) of an assignment's heatmap: every student's counted answer
 * marked on it, with the sentences that earned it or what was missing, earned first. Same access as
 * the gradebook (the class's teachers); NOT_FOUND for a column that is not the assignment's.
 */
export async function getColumnDrillDownFor(actor: Actor, assignmentId: string, columnId: string, now: Date): Promise<ColumnDrillDown> {
  const { assignment, gradebook } = await getAssignmentGradebookFor(actor, assignmentId, now);
  const index = gradebook.columns.findIndex((c) => c.id === columnId);
  const column = gradebook.columns[index];
  if (!column) throw new AppError("NOT_FOUND", "That point is not part of this assignment.");
  const marked = gradebook.rows.flatMap((r) => {
    const cell = r.cells[index];
    return cell && cell.attemptId && cell.awarded !== null ? [{ row: r, cell, attemptId: cell.attemptId }] : [];
  });
  const attemptIds = marked.map((m) => m.attemptId);
  if (column.dimension === "question") {
    const answers = new Map((await listQuestionAnswers(attemptIds, column.id)).map((a) => [a.attemptId, a.answer]));
    const entries = marked.map(({ row, cell, attemptId }): DrillDownEntry => ({
      attemptId,
      studentId: row.student.id,
      studentName: row.student.name,
      awarded: cell.awarded ?? 0,
      max: cell.max,
      credit: creditOf(cell.awarded ?? 0, cell.max),
      isModerated: false,
      quotes: [],
      note: answers.get(attemptId) ? `Answered: ${answers.get(attemptId)}` : "Left blank.",
      moderationReason: null,
    }));
    return { assignment, column, entries: orderDrillDown(entries) };
  }
  const marks = new Map((await listPointMarks(attemptIds, column.id)).map((m) => [m.attemptId, m]));
  // The question's rubric, to tell a point's names from words capitalised by position (as the result page does).
  const pointContext = gradebook.columns.filter((c) => c.questionId === column.questionId).map((c) => c.text).join("\n");
  const entries = marked.flatMap(({ row, cell, attemptId }): DrillDownEntry[] => {
    const mark = marks.get(attemptId);
    if (!mark) return [];
    const awarded = cell.awarded ?? 0;
    return [
      {
        attemptId,
        studentId: row.student.id,
        studentName: row.student.name,
        awarded,
        max: cell.max,
        credit: creditOf(awarded, cell.max),
        isModerated: mark.moderatedAwarded !== null,
        quotes: evidenceShown(
          parseAnswerEvidence(mark.evidence).map((e) => e.quote),
          mark.moderatedAwarded,
        ),
        // The automatic marking's feedback, worded as the student's result page words it (older grades' "You…"
        // lines and praise beside a lower mark rebuilt), about the automatic mark even where a teacher moved it.
        note: teacherFeedback({ point: column.text, kind: column.dimension === "structure" ? "structure" : "content", awarded: mark.autoAwarded, max: mark.max, feedback: mark.feedback }, pointContext),
        moderationReason: mark.moderationReason,
      },
    ];
  });
  return { assignment, column, entries: orderDrillDown(entries) };
}
