import "server-only";
import { z } from "zod";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import {
  createAssignment,
  deleteUnstartedAssignment,
  extendAttemptDeadline,
  getAssignmentFacts,
  getQuizAssignmentForStudent,
  listAssignmentsOfSet,
  listOpenTimedAttempts,
  listStudentAssignments,
  listWrittenQuestionIds,
  upsertDueExtension,
  updateResultsReleasedAt,
  type NewAssignmentQuiz,
  type SetAssignment,
  type StudentAssignmentRow,
} from "../db/assignments";
import { getClassFacts, isActivelyEnrolled, listClassesTaughtBy, type ClassSummary } from "../db/classes";
import { getQuiz, listQuizCandidates, startQuizAttempt } from "../db/quizzes";
import { getStudySetFacts, listPublishedSetsOwnedBy, type AssignableSetSummary } from "../db/study-sets";
import { assertCan } from "./authorize";
import { addFieldError, fieldErrorsOf, validFields } from "../forms/field-errors";
import { DISPLAY_TIME_ZONE } from "../format";
import {
  assignmentInputSchema,
  canStartAttempt,
  checkAssignment,
  closingTimeFor,
  cutShortNotice,
  effectiveDueAt,
  extensionDueProblem,
  isResultReleased,
  isSubmittedLate,
  localDateTimeIn,
  settleAssignmentTitle,
  studentAssignmentState,
  SUBMISSION_GRACE_SEC,
  type AssignmentRules,
  type StudentAssignmentState,
} from "../classes/assignments";
import { accommodatedTimeLimitSec, extraTimeOf } from "../classes/accommodations";
import { markingSchemePresets } from "../quiz/marking";
import { defaultTimeLimitSec, selectQuizQuestions, shuffled, type QuizCandidate } from "../quiz/selection";
import { QUIZ_GRACE_SEC } from "./quiz";
import { withheldAttempts } from "./result-release";
import { recordIdSchema } from "../text/untrusted";
import { cappedDeadline, quizDeadline } from "../quiz/clock";

/** The set and class an assignment form is for: what must be loaded before the rest of the form can be checked. */
const assignmentTargetSchema = assignmentInputSchema.pick({ studySetId: true, classId: true });

/** The quiz of a quiz assignment: its questions drawn now (the same for every student), its limit and scheme. */
function assignmentQuiz(rules: AssignmentRules, candidates: QuizCandidate[], random: () => number): NewAssignmentQuiz | null {
  if (rules.kind !== "quiz" || !rules.quiz) return null;
  const { pick, marking } = rules.quiz;
  const chosen =
    pick.by === "chosen"
      ? pick.questionIds.map((id) => candidates.find((c) => c.id === id)).filter((c): c is QuizCandidate => !!c)
      : pick.by === "random"
        ? selectQuizQuestions(candidates, { by: "random", count: pick.count }, random)
        : candidates;
  return {
    questionIds: (pick.by === "random" ? shuffled(chosen, random) : chosen).map((c) => c.id),
    selection: pick.by === "random" ? { by: "random", count: pick.count } : { by: pick.by },
    // A quiz assignment is always timed: the teacher's limit, else each question's own limit added up.
    timeLimitSec: rules.timeLimitSec ?? Math.max(60, defaultTimeLimitSec(chosen)),
    graceSec: QUIZ_GRACE_SEC,
    scheme: markingSchemePresets[marking].scheme,
  };
}

/**
 * Assigns a published set the actor owns to a class the actor teaches: a study set to review, a
 * quiz (all, chosen or N random questions, fixed when assigned, with its marking scheme), or written
 * questions, with its opening and due times, time limit, attempts, result release and late policy.
 * The same set may be assigned to the class again (Quiz 2 after Quiz 1) under a title of its own; a
 * second card review of it, or a second assignment of one kind under the same title, is a CONFLICT
 * (`settleAssignmentTitle`). An empty title takes the kind's default, numbered on ("Quiz 2"). The form is
 * checked in one pass once the set and class are loaded (`checkAssignment`): every message at once.
 */
export async function assignSetToClass(actor: Actor, raw: unknown, now: Date, random: () => number = Math.random): Promise<{ id: string; title: string }> {
  const refuse = (checked: { fieldErrors: Record<string, string[]>; conflict?: string }) =>
    new AppError(checked.conflict ? "CONFLICT" : "INVALID", checked.conflict ?? "Check the assignment.", checked.fieldErrors);
  const target = assignmentTargetSchema.safeParse(raw);
  if (!target.success) {
    // No set or class to check against: every other message of the form still comes with theirs.
    const checked = checkAssignment(raw, { now, timeZone: DISPLAY_TIME_ZONE });
    throw refuse(checked.ok ? { fieldErrors: fieldErrorsOf(target.error) } : checked);
  }
  const { studySetId, classId } = target.data;
  const [set, classroom] = await Promise.all([getStudySetFacts(studySetId, actor.id), getClassFacts(classId, actor.id)]);
  if (!set) throw new AppError("NOT_FOUND", "That study set does not exist.");
  if (!classroom) throw new AppError("NOT_FOUND", "That class does not exist.", { classId: ["That class does not exist."] });
  assertCan(actor, { action: "studySet.edit", set });
  assertCan(actor, { action: "class.manage", classroom });
  if (set.status !== "published") throw new AppError("CONFLICT", "Publish the set before assigning it: students only see published sets.");
  const [writtenIds, candidates, assigned] = await Promise.all([listWrittenQuestionIds(studySetId), listQuizCandidates(studySetId), listAssignmentsOfSet(studySetId, actor.id)]);
  const checked = checkAssignment(raw, {
    now,
    timeZone: DISPLAY_TIME_ZONE,
    questions: { writtenIds, objectiveIds: candidates.map((c) => c.id) },
    siblings: assigned.filter((a) => a.classId === classId),
  });
  if (!checked.ok) throw refuse(checked);
  const { quiz: _pick, ...rules } = checked.rules;
  const { title } = checked.input;
  // Checked again under the class's lock: another teacher may have assigned the set meanwhile.
  return createAssignment({ classId, studySetId, createdById: actor.id, ...rules, quiz: assignmentQuiz(checked.rules, candidates, random) }, (siblings) => {
    const settled = settleAssignmentTitle({ kind: rules.kind, title: title || undefined }, siblings);
    if (!settled.ok) throw new AppError("CONFLICT", settled.message, settled.fieldErrors);
    return settled.title;
  });
}

/**
 * For the set page: the owner's classes, where the set is already assigned, and the class its assign
 * form starts on — `requestedClassId` (the page's `?class=`, from the class page's "Assign a study set")
 * when it is a well-formed id of one of the actor's classes, else none (the form starts on the first).
 */
export async function getAssignOptions(
  actor: Actor,
  studySetId: string,
  requestedClassId?: unknown,
): Promise<{ classes: ClassSummary[]; assignments: SetAssignment[]; preselectedClassId: string | null }> {
  const set = await getStudySetFacts(studySetId, actor.id);
  if (!set) throw new AppError("NOT_FOUND", "That study set does not exist.");
  assertCan(actor, { action: "studySet.edit", set });
  const [classes, assignments] = await Promise.all([listClassesTaughtBy(actor.id), listAssignmentsOfSet(studySetId, actor.id)]);
  const requested = recordIdSchema.safeParse(requestedClassId);
  const preselectedClassId = requested.success && classes.some((c) => c.id === requested.data) ? requested.data : null;
  return { classes, assignments, preselectedClassId };
}

/**
 * For the class page's "Assign a study set": the sets the actor may assign to a class they teach — their
 * own published sets (assignSetToClass refuses anyone else's, and drafts). None for a student.
 */
export async function listAssignableSetsFor(actor: Actor): Promise<AssignableSetSummary[]> {
  if (actor.role === "student") return [];
  return listPublishedSetsOwnedBy(actor.id);
}

const assignmentIdSchema = z.object({ assignmentId: z.string({ error: "Choose an assignment." }).min(1, "Choose an assignment.").max(64) });

/**
 * Starts (or resumes) the student's attempt at a quiz assignment on the server's clock: refused
 * before it opens, after their due time when late work is refused, or once their attempts are used;
 * the deadline is the quiz's limit with the student's accommodation in the class — and no later than
 * their due time when late work is refused.
 */
export async function startAssignedQuizFor(actor: Actor, raw: unknown, now: Date): Promise<{ attemptId: string; isLate: boolean }> {
  const parsed = assignmentIdSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Choose an assignment.", fieldErrorsOf(parsed.error));
  const assignment = await getQuizAssignmentForStudent(actor.id, parsed.data.assignmentId);
  if (!assignment) throw new AppError("NOT_FOUND", "That assignment does not exist.");
  const dueAt = effectiveDueAt(assignment.dueAt, assignment.extendedDueAt);
  if (assignment.openAttemptId) return { attemptId: assignment.openAttemptId, isLate: !!dueAt && now > dueAt };
  const allowed = canStartAttempt(assignment, { dueAt, attemptsUsed: assignment.attemptsUsed }, now);
  if (!allowed.ok) throw new AppError(allowed.reason === "closed" ? "EXPIRED" : "CONFLICT", allowed.message);
  const quiz = assignment.quizId ? await getQuiz(assignment.quizId) : null;
  if (!quiz) throw new AppError("NOT_FOUND", "This quiz is no longer available. Ask your teacher.");
  // Late work refused: the quiz ends at the student's due time even if its time limit would run past it.
  const closesAt = assignment.latePolicy === "refuse" ? dueAt : null;
  const started = await startQuizAttempt({ quiz, userId: actor.id, extraTime: extraTimeOf(assignment), assignmentId: assignment.id, closesAt, now });
  return { attemptId: started.attemptId, isLate: allowed.isLate };
}

/** Loads an assignment and checks the actor teaches its class. */
async function loadTaughtAssignment(actor: Actor, assignmentId: string) {
  const assignment = await getAssignmentFacts(assignmentId);
  const classroom = assignment ? await getClassFacts(assignment.classId, actor.id) : null;
  if (!assignment || !classroom) throw new AppError("NOT_FOUND", "That assignment does not exist.");
  assertCan(actor, { action: "class.manage", classroom });
  return assignment;
}

/**
 * Deletes an assignment made by mistake, with its quiz, while no student has started it (a teacher or
 * co-teacher of its class only). Once any student has an attempt it is a CONFLICT and nothing changes:
 * their work stays, and the teacher can extend the due date instead.
 */
export async function deleteAssignmentFor(actor: Actor, raw: unknown): Promise<{ title: string }> {
  const parsed = assignmentIdSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Choose an assignment.", fieldErrorsOf(parsed.error));
  const assignment = await loadTaughtAssignment(actor, parsed.data.assignmentId);
  const deleted = await deleteUnstartedAssignment(assignment.id);
  if (!deleted) throw new AppError("NOT_FOUND", "That assignment does not exist.");
  if (deleted === "started") {
    throw new AppError(
      "CONFLICT",
      "Students have already started this assignment, so it cannot be deleted; you can extend its due date for a student, or release or hold back its results.",
    );
  }
  return deleted;
}

const releaseSchema = assignmentIdSchema.extend({ isReleased: z.boolean({ error: "Say whether to release the results." }) });

/** Releases an assignment's results and model answers to its students now (or withdraws them). */
export async function releaseResultsFor(actor: Actor, raw: unknown, now: Date): Promise<{ releasedAt: Date | null }> {
  const parsed = releaseSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Choose an assignment.", fieldErrorsOf(parsed.error));
  const assignment = await loadTaughtAssignment(actor, parsed.data.assignmentId);
  if (assignment.resultRelease !== "by_teacher") throw new AppError("CONFLICT", "This assignment releases results by itself (on submission or after the due time).");
  const releasedAt = parsed.data.isReleased ? now : null;
  await updateResultsReleasedAt(assignment.id, releasedAt);
  return { releasedAt };
}

const extensionSchema = assignmentIdSchema.extend({
  studentId: z.string({ error: "Choose a student." }).min(1, "Choose a student.").max(64),
  dueAt: z.string({ error: "Pick the new due time." }).trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Pick the new due date and time."),
});

/**
 * Gives one student of the class a later due time on one assignment (read in the display time zone).
 * The student and the new time are checked together: every message at once.
 */
export async function extendDueDateFor(actor: Actor, raw: unknown, now: Date): Promise<{ dueAt: Date }> {
  const parsed = extensionSchema.safeParse(raw);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const form = parsed.success ? parsed.data : validFields(extensionSchema, raw, fieldErrors);
  if (!form.assignmentId) throw new AppError("INVALID", "Check the extension.", fieldErrors);
  const assignment = await loadTaughtAssignment(actor, form.assignmentId);
  const isEnrolled = form.studentId ? await isActivelyEnrolled(assignment.classId, form.studentId) : true;
  if (!isEnrolled) addFieldError(fieldErrors, "studentId", "That student is not in this class.");
  const dueAt = form.dueAt ? localDateTimeIn(form.dueAt, DISPLAY_TIME_ZONE) : null;
  const dueProblem = dueAt ? extensionDueProblem(dueAt, assignment.dueAt, now) : null;
  if (dueProblem) addFieldError(fieldErrors, "dueAt", dueProblem);
  if (!parsed.success || !dueAt || Object.keys(fieldErrors).length > 0) {
    const isOnlyUnknownStudent = !isEnrolled && Object.keys(fieldErrors).length === 1;
    throw new AppError(isOnlyUnknownStudent ? "NOT_FOUND" : "INVALID", isOnlyUnknownStudent ? "That student is not in this class." : "Check the extension.", fieldErrors);
  }
  const { studentId } = parsed.data;
  await upsertDueExtension({ assignmentId: assignment.id, studentId, dueAt, createdById: actor.id });
  // An answer or quiz the old due time cut short (late work refused) runs on to its own limit or the new due time,
  // whichever comes first: the extension is for the student already at work too.
  for (const attempt of await listOpenTimedAttempts(assignment.id, studentId)) {
    if (attempt.latePolicy === "refuse") {
      const extra = attempt.extraTimeMultiplier !== null ? { multiplier: attempt.extraTimeMultiplier, addedSec: attempt.extraTimeAddedSec ?? 0 } : extraTimeOf(attempt.accommodation);
      const next = cappedDeadline(quizDeadline(attempt.startedAt, attempt.baseLimitSec, extra), dueAt);
      if (next && next.getTime() > attempt.deadlineAt.getTime()) await extendAttemptDeadline(attempt.id, next);
    }
  }
  return { dueAt };
}

/** One assignment on a student's list: where it stands for them, their due time, and whether their results are out. */
export interface StudentAssignment extends Omit<StudentAssignmentRow, "attempts" | "dueAt" | "extendedDueAt" | "quizTimeLimitSec" | "extraTimeMultiplier" | "extraTimeMinutes"> {
  state: StudentAssignmentState;
  /** Their due time (an extension wins when later). */
  dueAt: Date | null;
  isExtended: boolean;
  isLate: boolean;
  isResultReleased: boolean;
  /** An attempt still open (resume it), else the latest finished one (see it). */
  openAttemptId: string | null;
  latestFinishedAttemptId: string | null;
  submittedAt: Date | null;
  /** A quiz not started yet whose due time (late work refused) comes before its time would run out: what to tell them before they start. */
  startNotice: string | null;
  /**
   * What the student may start or resume now: a quiz (resume its open attempt, or start one the rules allow), and for a
   * written assignment the questions with an answer to continue or an attempt left to start — never an offer the server refuses.
   */
  canStartQuiz: boolean;
  writableQuestionIds: string[];
  /** Why a new attempt cannot be started (attempts used up, closed to late work) once it is open; null when it can, or nothing is left to start. */
  startRefusal: string | null;
}

/**
 * The student's assignments as their list and home show them: upcoming, due, overdue or done,
 * late marked against their own due time, and whether results are released at `now` (by the
 * assignment's rule, and for the latest finished attempt not held by another assignment of the set).
 */
export async function listAssignmentsForStudent(actor: Actor, now: Date): Promise<StudentAssignment[]> {
  if (actor.role !== "student") return [];
  const rows = await listStudentAssignments(actor.id);
  const latestFinished = rows.map((r) => r.attempts.find((a) => a.status !== "in_progress")?.id).filter((id): id is string => !!id);
  const withheld = await withheldAttempts(latestFinished, now);
  return rows.map(({ attempts, dueAt: assignedDueAt, extendedDueAt, quizTimeLimitSec, extraTimeMultiplier, extraTimeMinutes, ...row }) => {
    const dueAt = effectiveDueAt(assignedDueAt, extendedDueAt);
    const finished = attempts.filter((a) => a.status !== "in_progress");
    const firstSubmission = finished.reduce<Date | null>((first, a) => {
      const at = a.submittedAt ?? a.startedAt;
      return !first || at < first ? at : first;
    }, null);
    // A written assignment is done once every question it asks has a submitted answer.
    const openAttemptId = attempts.find((a) => a.status === "in_progress")?.id ?? null;
    // A written answer is started from its own page, which says this itself.
    // (Only where a quiz can be started now: not once done, before it opens, or with no attempt left.)
    const startNotice =
      row.kind === "quiz" && !openAttemptId && canStartAttempt(row, { dueAt, attemptsUsed: attempts.length }, now).ok
        ? cutShortNotice(closingTimeFor(row.latePolicy, dueAt), accommodatedTimeLimitSec(quizTimeLimitSec, { extraTimeMultiplier, extraTimeMinutes }), now) : null;
    const hasSubmitted = row.kind === "written" ? row.questionIds.every((q) => finished.some((a) => a.questionId === q)) && finished.length > 0 : finished.length > 0;
    // Each written question is attempted and counted on its own; a quiz counts every attempt at it.
    const startCheck = (used: typeof attempts) => canStartAttempt(row, { dueAt, attemptsUsed: used.length }, now);
    const refusals: string[] = [];
    const canStartQuiz = row.kind === "quiz" && (!!openAttemptId || isStartable(startCheck(attempts), refusals));
    // An open draft can still be handed in until the due time and its grace, unless late work is accepted.
    const isClosedToDrafts = row.latePolicy === "refuse" && !!dueAt && now.getTime() > dueAt.getTime() + SUBMISSION_GRACE_SEC * 1000;
    const writableQuestionIds =
      row.kind === "written"
        ? row.questionIds.filter((q) => {
            const own = attempts.filter((a) => a.questionId === q);
            return (own.some((a) => a.status === "in_progress") && !isClosedToDrafts) || isStartable(startCheck(own), refusals);
          })
        : [];
    return {
      ...row,
      dueAt,
      isExtended: !!extendedDueAt && dueAt === extendedDueAt,
      state: studentAssignmentState(row, { dueAt, hasSubmitted }, now),
      isLate: isSubmittedLate(firstSubmission, dueAt),
      isResultReleased: isResultReleased(row, { dueAt }, now) && !(finished[0] && withheld.has(finished[0].id)),
      openAttemptId,
      latestFinishedAttemptId: finished[0]?.id ?? null,
      submittedAt: firstSubmission,
      startNotice,
      canStartQuiz,
      writableQuestionIds,
      // Said only when nothing can be started: beside a question the student can still write, it would read as a refusal of that one.
      startRefusal: canStartQuiz || writableQuestionIds.length > 0 ? null : (refusals[0] ?? null),
    };
  });
}

/** Whether a start check allows a start; a refusal other than "not open yet" (the list says when it opens) is added to `refusals`. */
function isStartable(check: ReturnType<typeof canStartAttempt>, refusals: string[]): boolean {
  if (check.ok) return true;
  if (check.reason !== "not_open" && !refusals.includes(check.message)) refusals.push(check.message);
  return false;
}
