import { AppError } from "../errors";
import type { AssignmentKind, AssignmentRules, LatePolicy, PracticeHoldSource, ResultRelease, SiblingAssignment } from "../classes/assignments";
import type { MarkingScheme } from "../quiz/marking";
import { getDb } from "./client";

/** The quiz every student of a quiz assignment takes: fixed questions, the time limit before extra time, the marking scheme (its title is the assignment's). */
export interface NewAssignmentQuiz {
  questionIds: string[];
  selection: { by: "all" } | { by: "random"; count: number } | { by: "chosen" };
  timeLimitSec: number;
  graceSec: number;
  scheme: MarkingScheme;
}

/**
 * Creates an assignment of a set to a class, with its quiz for a quiz assignment. `settleTitle`
 * sees the class's other assignments of the set and returns the new one's title, or throws to
 * refuse it (lib/classes/assignments.ts `settleAssignmentTitle`). It runs under a lock on the class
 * row, so two teachers pressing at once are checked one after the other; the set's row is held
 * (FOR KEY SHARE) so that a deletion of the set waits for this assignment and then sees it — or,
 * when the deletion came first, this finds no set (NOT_FOUND) and writes nothing.
 */
export async function createAssignment(
  input: { classId: string; studySetId: string; createdById: string } & Partial<Omit<AssignmentRules, "quiz">> & { quiz?: NewAssignmentQuiz | null },
  settleTitle: (siblings: SiblingAssignment[]) => string,
): Promise<{ id: string; title: string }> {
  const db = await getDb();
  const { quiz, ...assignment } = input;
  return db.$transaction(async (tx) => {
    // FOR NO KEY UPDATE, not FOR UPDATE: it serialises assignments to the class without blocking
    // students joining it (their enrolment's foreign key takes only a KEY SHARE lock on the class).
    const classRows = await tx.$queryRaw<unknown[]>`SELECT 1 AS "locked" FROM "Classroom" WHERE "id" = ${input.classId} FOR NO KEY UPDATE`;
    const setRows = await tx.$queryRaw<unknown[]>`SELECT 1 AS "locked" FROM "StudySet" WHERE "id" = ${input.studySetId} FOR KEY SHARE`;
    if (classRows.length === 0) throw new AppError("NOT_FOUND", "That class does not exist.", { classId: ["That class does not exist."] });
    if (setRows.length === 0) throw new AppError("NOT_FOUND", "That study set does not exist.");
    const siblings = await tx.assignment.findMany({ where: { classId: input.classId, studySetId: input.studySetId }, select: { id: true, kind: true, title: true }, orderBy: { createdAt: "asc" } });
    const title = settleTitle(siblings);
    const created = quiz
      ? await tx.quiz.create({
          data: {
            ownerId: input.createdById,
            studySetId: input.studySetId,
            title,
            questionIds: quiz.questionIds,
            selection: quiz.selection,
            mode: "timed",
            timeLimitSec: quiz.timeLimitSec,
            graceSec: quiz.graceSec,
            markCorrect: quiz.scheme.correct,
            markWrong: quiz.scheme.wrong,
            markBlank: quiz.scheme.blank,
          },
          select: { id: true },
        })
      : null;
    const row = await tx.assignment.create({ data: { ...assignment, title, quizId: created?.id ?? null }, select: { id: true } });
    return { id: row.id, title };
  });
}

/**
 * Deletes an assignment no student has started, with the quiz it created; its due extensions go by
 * cascade and its gradebook stamp (with its change rows) by the deferred trigger of migration
 * 20261204220000_gradebook_lock_order. No regrade request can exist without an attempt. Returns
 * "started" (nothing changed) when any attempt exists — of any status, at the assignment or at its
 * quiz — and null when there is no such assignment.
 */
export async function deleteUnstartedAssignment(assignmentId: string): Promise<{ title: string } | "started" | null> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // Row locks, not a NOT EXISTS guard on the DELETE: a student's start inserts its attempt with a
    // foreign key to the assignment (and to the quiz), which takes a KEY SHARE lock on that row until
    // it commits. A guarded DELETE's snapshot would not see that uncommitted attempt, would wait for
    // the lock, then delete anyway — and the cascade would take the just-committed attempt with it.
    // FOR UPDATE instead waits for any such start to commit; the count below, a new statement (READ
    // COMMITTED), then sees its attempt. A start after the lock waits for this transaction and then
    // fails on the missing assignment: it never leaves an attempt behind unseen. Should a start's
    // foreign-key checks take the quiz before the assignment, PostgreSQL fails one of the two as a
    // deadlock; either way no attempt is lost.
    const [row] = await tx.$queryRaw<{ title: string; quizId: string | null }[]>`
      SELECT "title", "quizId" FROM "Assignment" WHERE "id" = ${assignmentId} FOR UPDATE`;
    if (!row) return null;
    if (row.quizId) await tx.$queryRaw`SELECT 1 AS "locked" FROM "Quiz" WHERE "id" = ${row.quizId} FOR UPDATE`;
    const attempts = await tx.attempt.count({ where: { OR: [{ assignmentId }, ...(row.quizId ? [{ quizId: row.quizId }] : [])] } });
    if (attempts > 0) return "started";
    await tx.assignment.delete({ where: { id: assignmentId } });
    if (row.quizId) await tx.quiz.delete({ where: { id: row.quizId } });
    return { title: row.title };
  });
}

export interface SetAssignment {
  id: string;
  classId: string;
  className: string;
  kind: AssignmentKind;
  title: string;
  dueAt: Date | null;
}

/** Where a set is assigned, among the classes `teacherId` teaches: by class, then in the order they were set. */
export async function listAssignmentsOfSet(studySetId: string, teacherId: string): Promise<SetAssignment[]> {
  const db = await getDb();
  const rows = await db.assignment.findMany({
    where: { studySetId, classroom: { OR: [{ teacherId }, { coTeachers: { some: { teacherId } } }] } },
    select: { id: true, classId: true, kind: true, title: true, dueAt: true, classroom: { select: { name: true } } },
    orderBy: [{ classroom: { name: "asc" } }, { classId: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, classId: r.classId, className: r.classroom.name, kind: r.kind, title: r.title, dueAt: r.dueAt }));
}

/** Ids of a set's accepted written questions, in order. */
export async function listWrittenQuestionIds(studySetId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.question.findMany({ where: { studySetId, kind: "written", status: "accepted" }, select: { id: true }, orderBy: { position: "asc" } });
  return rows.map((r) => r.id);
}

/**
 * The quiz and written assignments of one set in the classes a student is actively in, with their
 * standing on each (attempts made, work handed in) — what decides which questions their own practice
 * must leave alone (lib/classes/assignments.ts `practiceHolds`).
 */
export async function listPracticeHoldSources(studentId: string, studySetIds: readonly string[]): Promise<(PracticeHoldSource & { studySetId: string })[]> {
  if (studySetIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.assignment.findMany({
    where: { studySetId: { in: [...studySetIds] }, kind: { in: ["quiz", "written"] }, classroom: { enrollments: { some: { studentId, removedAt: null } } } },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      id: true,
      studySetId: true,
      title: true,
      kind: true,
      opensAt: true,
      dueAt: true,
      latePolicy: true,
      attemptsAllowed: true,
      resultRelease: true,
      resultsReleasedAt: true,
      questionIds: true,
      quiz: { select: { questionIds: true } },
      extensions: { where: { studentId }, select: { dueAt: true } },
      attempts: { where: { userId: studentId }, select: { questionId: true, status: true } },
    },
  });
  return rows.map((r) => {
    const kind = r.kind === "quiz" ? "quiz" : "written";
    const standing = (attempts: { status: string }[]) => ({
      attemptsUsed: attempts.length,
      hasSubmitted: attempts.some((a) => a.status !== "in_progress"),
    });
    const questions =
      kind === "quiz"
        ? (r.quiz?.questionIds ?? []).map((questionId) => ({ questionId, ...standing(r.attempts) }))
        : r.questionIds.map((questionId) => ({ questionId, ...standing(r.attempts.filter((a) => a.questionId === questionId)) }));
    return {
      assignmentId: r.id,
      studySetId: r.studySetId,
      title: r.title,
      kind,
      rules: { opensAt: r.opensAt, latePolicy: r.latePolicy, attemptsAllowed: r.attemptsAllowed, resultRelease: r.resultRelease, resultsReleasedAt: r.resultsReleasedAt },
      dueAt: r.dueAt,
      extendedDueAt: r.extensions[0]?.dueAt ?? null,
      questions,
    };
  });
}

/** A student's written assignment covering one question, with what the server needs to time it. */
export interface WrittenAssignmentForStudent {
  id: string;
  classId: string;
  title: string;
  opensAt: Date | null;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  timeLimitSec: number | null;
  attemptsAllowed: number;
  latePolicy: "accept_late" | "refuse";
  extraTimeMultiplier: number | null;
  extraTimeMinutes: number | null;
  /** Attempts the student already made at this question for this assignment. */
  attemptsUsed: number;
}

/**
 * A written assignment, in a class the student is actively in, that asks for `questionId`; null
 * when it does not exist, is not theirs, or does not ask for that question.
 */
export async function findWrittenAssignmentFor(studentId: string, questionId: string, assignmentId: string): Promise<WrittenAssignmentForStudent | null> {
  const db = await getDb();
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, kind: "written", questionIds: { has: questionId }, classroom: { enrollments: { some: { studentId, removedAt: null } } } },
    select: {
      id: true,
      classId: true,
      title: true,
      opensAt: true,
      dueAt: true,
      timeLimitSec: true,
      attemptsAllowed: true,
      latePolicy: true,
      extensions: { where: { studentId }, select: { dueAt: true } },
      classroom: { select: { accommodations: { where: { studentId }, select: { extraTimeMultiplier: true, extraTimeMinutes: true } } } },
      _count: { select: { attempts: { where: { userId: studentId, questionId } } } },
    },
  });
  if (!row) return null;
  const accommodation = row.classroom.accommodations[0];
  return {
    id: row.id,
    classId: row.classId,
    title: row.title,
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    extendedDueAt: row.extensions[0]?.dueAt ?? null,
    timeLimitSec: row.timeLimitSec,
    attemptsAllowed: row.attemptsAllowed,
    latePolicy: row.latePolicy,
    extraTimeMultiplier: accommodation?.extraTimeMultiplier ?? null,
    extraTimeMinutes: accommodation?.extraTimeMinutes ?? null,
    attemptsUsed: row._count.attempts,
  };
}

/** The attempts among `attemptIds`, each with its learner, set, assignment (null for their own practice) and the questions it asked. */
export async function listAttemptQuestions(
  attemptIds: readonly string[],
): Promise<{ attemptId: string; userId: string; studySetId: string; assignmentId: string | null; questionIds: string[] }[]> {
  if (attemptIds.length === 0) return [];
  const db = await getDb();
  const rows = await db.attempt.findMany({
    where: { id: { in: [...attemptIds] } },
    select: { id: true, userId: true, studySetId: true, assignmentId: true, questionId: true, quiz: { select: { questionIds: true } } },
  });
  return rows.map((r) => ({
    attemptId: r.id,
    userId: r.userId,
    studySetId: r.studySetId,
    assignmentId: r.assignmentId,
    questionIds: r.quiz ? r.quiz.questionIds : r.questionId ? [r.questionId] : [],
  }));
}

/** The rules that bind an attempt made for an assignment (null for practice outside one). */
export async function getAssignmentRulesOfAttempt(attemptId: string): Promise<{ dueAt: Date | null; extendedDueAt: Date | null; latePolicy: "accept_late" | "refuse" } | null> {
  const db = await getDb();
  const row = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { userId: true, assignment: { select: { dueAt: true, latePolicy: true, extensions: { select: { studentId: true, dueAt: true } } } } },
  });
  if (!row?.assignment) return null;
  const own = row.assignment.extensions.find((e) => e.studentId === row.userId);
  return { dueAt: row.assignment.dueAt, extendedDueAt: own?.dueAt ?? null, latePolicy: row.assignment.latePolicy };
}

/** Gives one student a later due time on one assignment (replacing an earlier extension). */
export async function upsertDueExtension(input: { assignmentId: string; studentId: string; dueAt: Date; createdById: string }): Promise<void> {
  const db = await getDb();
  const { assignmentId, studentId, ...values } = input;
  await db.dueExtension.upsert({ where: { assignmentId_studentId: { assignmentId, studentId } }, create: input, update: values });
}

/** A student's quiz assignment with what the server needs to start it for them. */
export interface QuizAssignmentForStudent {
  id: string;
  title: string;
  quizId: string | null;
  opensAt: Date | null;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  attemptsAllowed: number;
  latePolicy: LatePolicy;
  extraTimeMultiplier: number | null;
  extraTimeMinutes: number | null;
  attemptsUsed: number;
  /** The student's attempt still in progress, to resume rather than start another. */
  openAttemptId: string | null;
}

/** A quiz assignment of a class the student is actively in (null otherwise). */
export async function getQuizAssignmentForStudent(studentId: string, assignmentId: string): Promise<QuizAssignmentForStudent | null> {
  const db = await getDb();
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, kind: "quiz", classroom: { enrollments: { some: { studentId, removedAt: null } } } },
    select: {
      id: true,
      title: true,
      quizId: true,
      opensAt: true,
      dueAt: true,
      attemptsAllowed: true,
      latePolicy: true,
      extensions: { where: { studentId }, select: { dueAt: true } },
      classroom: { select: { accommodations: { where: { studentId }, select: { extraTimeMultiplier: true, extraTimeMinutes: true } } } },
      attempts: { where: { userId: studentId }, select: { id: true, status: true }, orderBy: { startedAt: "desc" } },
    },
  });
  if (!row) return null;
  const accommodation = row.classroom.accommodations[0];
  return {
    id: row.id,
    title: row.title,
    quizId: row.quizId,
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    extendedDueAt: row.extensions[0]?.dueAt ?? null,
    attemptsAllowed: row.attemptsAllowed,
    latePolicy: row.latePolicy,
    extraTimeMultiplier: accommodation?.extraTimeMultiplier ?? null,
    extraTimeMinutes: accommodation?.extraTimeMinutes ?? null,
    attemptsUsed: row.attempts.length,
    openAttemptId: row.attempts.find((a) => a.status === "in_progress")?.id ?? null,
  };
}

/** One assignment as a student's list shows it, with their own attempts at it. */
export interface StudentAssignmentRow {
  id: string;
  title: string;
  kind: AssignmentKind;
  classId: string;
  className: string;
  studySetId: string;
  studySetTitle: string;
  opensAt: Date | null;
  attemptsAllowed: number;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  timeLimitSec: number | null;
  questionIds: string[];
  resultRelease: ResultRelease;
  resultsReleasedAt: Date | null;
  latePolicy: LatePolicy;
  /** Quiz assignments: the quiz's own time limit (null otherwise, or untimed). */
  quizTimeLimitSec: number | null;
  /** The student's extra time in the class. */
  extraTimeMultiplier: number | null;
  extraTimeMinutes: number | null;
  attempts: { id: string; status: "in_progress" | "submitted" | "graded" | "expired"; startedAt: Date; submittedAt: Date | null; questionId: string | null }[];
}

/** Every assignment of the classes the student is actively in, soonest due first (undated last). */
export async function listStudentAssignments(studentId: string): Promise<StudentAssignmentRow[]> {
  const db = await getDb();
  const rows = await db.assignment.findMany({
    where: { classroom: { enrollments: { some: { studentId, removedAt: null } } } },
    select: {
      id: true,
      title: true,
      kind: true,
      classId: true,
      opensAt: true,
      attemptsAllowed: true,
      dueAt: true,
      timeLimitSec: true,
      questionIds: true,
      resultRelease: true,
      resultsReleasedAt: true,
      latePolicy: true,
      studySetId: true,
      classroom: { select: { name: true, accommodations: { where: { studentId }, select: { extraTimeMultiplier: true, extraTimeMinutes: true } } } },
      studySet: { select: { title: true } },
      quiz: { select: { timeLimitSec: true } },
      extensions: { where: { studentId }, select: { dueAt: true } },
      attempts: { where: { userId: studentId }, select: { id: true, status: true, startedAt: true, submittedAt: true, questionId: true }, orderBy: { startedAt: "desc" } },
    },
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    classId: r.classId,
    className: r.classroom.name,
    studySetId: r.studySetId,
    studySetTitle: r.studySet.title,
    opensAt: r.opensAt,
    attemptsAllowed: r.attemptsAllowed,
    dueAt: r.dueAt,
    extendedDueAt: r.extensions[0]?.dueAt ?? null,
    timeLimitSec: r.timeLimitSec,
    questionIds: r.questionIds,
    resultRelease: r.resultRelease,
    resultsReleasedAt: r.resultsReleasedAt,
    latePolicy: r.latePolicy,
    quizTimeLimitSec: r.quiz?.timeLimitSec ?? null,
    extraTimeMultiplier: r.classroom.accommodations[0]?.extraTimeMultiplier ?? null,
    extraTimeMinutes: r.classroom.accommodations[0]?.extraTimeMinutes ?? null,
    attempts: r.attempts,
  }));
}

/** An assignment's class and release rule, by id (the caller checks who may act on it). */
export async function getAssignmentFacts(assignmentId: string): Promise<{ id: string; classId: string; dueAt: Date | null; resultRelease: ResultRelease; resultsReleasedAt: Date | null } | null> {
  const db = await getDb();
  return db.assignment.findUnique({ where: { id: assignmentId }, select: { id: true, classId: true, dueAt: true, resultRelease: true, resultsReleasedAt: true } });
}

/** Releases (or withdraws, with null) an assignment's results to its students. */
export async function updateResultsReleasedAt(assignmentId: string, at: Date | null): Promise<void> {
  const db = await getDb();
  await db.assignment.update({ where: { id: assignmentId }, data: { resultsReleasedAt: at } });
}

/** The release rule binding each of these attempts (only attempts made for an assignment appear). */
export async function listReleaseRulesOfAttempts(
  attemptIds: string[],
): Promise<Map<string, { resultRelease: ResultRelease; resultsReleasedAt: Date | null; dueAt: Date | null; extendedDueAt: Date | null }>> {
  const out = new Map<string, { resultRelease: ResultRelease; resultsReleasedAt: Date | null; dueAt: Date | null; extendedDueAt: Date | null }>();
  if (attemptIds.length === 0) return out;
  const db = await getDb();
  const rows = await db.attempt.findMany({
    where: { id: { in: attemptIds }, assignmentId: { not: null } },
    select: {
      id: true,
      userId: true,
      assignment: { select: { resultRelease: true, resultsReleasedAt: true, dueAt: true, extensions: { select: { studentId: true, dueAt: true } } } },
    },
  });
  for (const r of rows) {
    if (!r.assignment) continue;
    out.set(r.id, {
      resultRelease: r.assignment.resultRelease,
      resultsReleasedAt: r.assignment.resultsReleasedAt,
      dueAt: r.assignment.dueAt,
      extendedDueAt: r.assignment.extensions.find((e) => e.studentId === r.userId)?.dueAt ?? null,
    });
  }
  return out;
}

/** A written result whose mark a teacher changed, or whose regrade request a teacher answered, since its student last opened it. */
export interface ChangedMark {
  attemptId: string;
  questionPrompt: string;
  changedAt: Date;
  /** True when the news includes a teacher's answer to the student's regrade request. */
  hasRegradeAnswer: boolean;
}

/**
 * The student's graded written answers with a moderation or a regrade answer newer than their last
 * look at the result (Response.resultSeenAt; never opened counts from grading) — all of them, in no order: which the
 * student may see depends on release rules, and changedMarksToShow (lib/writing/result.ts) keeps those, newest first.
 */
export async function listChangedMarks(userId: string): Promise<ChangedMark[]> {
  const db = await getDb();
  const rows = await db.response.findMany({
    where: {
      attempt: { userId, kind: "written_practice", status: "graded" },
      OR: [{ scores: { some: { source: "moderated" } } }, { regradeRequests: { some: { status: "answered" } } }],
    },
    select: {
      attemptId: true,
      gradedAt: true,
      resultSeenAt: true,
      question: { select: { prompt: true } },
      scores: { where: { source: "moderated" }, select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
      regradeRequests: { where: { status: "answered" }, select: { answeredAt: true }, orderBy: { answeredAt: "desc" }, take: 1 },
    },
  });
  return rows.flatMap((r) => {
    const seen = r.resultSeenAt ?? r.gradedAt;
    const isNews = (at: Date | null | undefined): at is Date => !!at && (!seen || at > seen);
    const moderatedAt = r.scores[0]?.createdAt;
    const answeredAt = r.regradeRequests[0]?.answeredAt;
    const news = [moderatedAt, answeredAt].filter(isNews);
    if (news.length === 0) return [];
    const changedAt = new Date(Math.max(...news.map((d) => d.getTime())));
    return [{ attemptId: r.attemptId, questionPrompt: r.question.prompt, changedAt, hasRegradeAnswer: isNews(answeredAt) }];
  });
}

/** Records that the student opened their result now (a later moderation is news again). */
export async function markResultSeen(attemptId: string, userId: string, now: Date): Promise<void> {
  const db = await getDb();
  await db.response.updateMany({ where: { attemptId, attempt: { userId } }, data: { resultSeenAt: now } });
}

/** A student's open timed attempt on an assignment, with what its own deadline is made from. */
export interface OpenTimedAttempt {
  id: string;
  startedAt: Date;
  deadlineAt: Date;
  /** The limit it was started under before extra time: the quiz's, or the assignment's (else the question's) for a written answer. */
  baseLimitSec: number | null;
  /** Extra time stored at start (quizzes); null for a written answer, which takes the student's accommodation. */
  extraTimeMultiplier: number | null;
  extraTimeAddedSec: number | null;
  latePolicy: LatePolicy;
  /** The student's extra time in the class now. */
  accommodation: { extraTimeMultiplier: number | null; extraTimeMinutes: number | null } | null;
}

/** The student's attempts on the assignment still in progress and timed. */
export async function listOpenTimedAttempts(assignmentId: string, studentId: string): Promise<OpenTimedAttempt[]> {
  const db = await getDb();
  const rows = await db.attempt.findMany({
    where: { assignmentId, userId: studentId, status: "in_progress", deadlineAt: { not: null } },
    select: {
      id: true,
      startedAt: true,
      deadlineAt: true,
      extraTimeMultiplier: true,
      extraTimeAddedSec: true,
      quiz: { select: { timeLimitSec: true } },
      question: { select: { timeLimitSec: true } },
      assignment: { select: { timeLimitSec: true, latePolicy: true, classroom: { select: { accommodations: { where: { studentId }, select: { extraTimeMultiplier: true, extraTimeMinutes: true } } } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.startedAt,
    deadlineAt: r.deadlineAt!,
    baseLimitSec: r.quiz ? r.quiz.timeLimitSec : (r.assignment?.timeLimitSec ?? r.question?.timeLimitSec ?? null),
    extraTimeMultiplier: r.extraTimeMultiplier,
    extraTimeAddedSec: r.extraTimeAddedSec,
    latePolicy: r.assignment!.latePolicy,
    accommodation: r.assignment!.classroom.accommodations[0] ?? null,
  }));
}

/** Moves an attempt's deadline later, only while it is still in progress and only later than it was (never shortens). */
export async function extendAttemptDeadline(attemptId: string, deadlineAt: Date): Promise<void> {
  const db = await getDb();
  await db.attempt.updateMany({ where: { id: attemptId, status: "in_progress", deadlineAt: { lt: deadlineAt } }, data: { deadlineAt } });
}
