import "server-only";
import { AppError } from "../errors";
import { can, hasSupervisor, supervisingClassOf, type Actor } from "../auth/permissions";
import { getGrader, type Grader } from "../grading";
import { getClassFacts } from "../db/classes";
import { getStudySetFacts, type SourceRef } from "../db/study-sets";
import {
  createWrittenAttempt,
  findOpenWrittenAttempt,
  getAttemptFacts,
  getEnrolledStudent,
  getGradedAttempt,
  getGradingContext,
  getWritingQuestion,
  listWrittenAttempts,
  listWrittenAttemptsWithWork,
  saveDraftText,
  saveModeration,
  saveWrittenGrade,
  type AttemptFacts,
  type AttemptSummary,
  type DraftRecord,
  type WritingQuestion,
} from "../db/attempts";
import { explainFlag } from "../writing/flags";
import { teacherFeedback } from "../writing/feedback";
import { getModelAnswer, type ModelAnswerView } from "../db/model-answers";
import { listLearnerCardOrigins } from "../db/learner-cards";
import { toWrittenQuestion } from "../writing/grading-input";
import { isOfferedMark } from "../writing/marks";
import { parseGradeDetails, scoreAnswer, toGradeDetails, type ScoredPoint } from "../writing/result";
import { moderatePointSchema, saveDraftSchema, startWritingSchema, submitWritingSchema } from "../writing/schemas";
import { deadlineFor, overtimeSec, timeTakenSec } from "../writing/timer";
import { assertCan, canOpenStudySet } from "./authorize";
import { findWrittenAssignmentFor, getAssignmentRulesOfAttempt } from "../db/assignments";
import { accommodatedTimeLimitSec } from "../classes/accommodations";
import { withheldNoteFor, withoutWithheldScores } from "./result-release";
import { markResultSeen } from "../db/assignments";
import { canStartAttempt, closingTimeFor, cutShortNotice, effectiveDueAt, isSubmittedLate, practiceHoldMessage } from "../classes/assignments";
import { cappedDeadline } from "../quiz/clock";
import { heldQuestionsFor } from "./practice-holds";
import { fieldErrorsOf } from "./validation";
import { listRegradesOfAttempt } from "../db/regrades";
import { canAskRegrade, latestRegradeByPoint, type RegradeRecord } from "../writing/regrade";

/**
 * Written practice: a learner starts an attempt at a written question (the server fixes the start
 * and deadline), autosaves a versioned draft, submits it for grading against the question's rubric,
 * and reads the result; the teacher of a class the learner is in may moderate any point's mark.
 * Nothing about the rubric or model answer leaves the server before the attempt is submitted.
 */

export interface WritingQuestionView {
  id: string;
  studySetId: string;
  studySetTitle: string;
  prompt: string;
  marks: number;
  wordLimit: number | null;
  timeLimitSec: number;
  /** False when the question has no rubric, so an answer could not be marked. */
  canBeMarked: boolean;
}

export interface DraftView {
  attemptId: string;
  questionId: string;
  studySetId: string;
  startedAt: Date;
  deadlineAt: Date | null;
  text: string;
  version: number;
  savedAt: Date;
}

/** A refused late submission: retrying cannot succeed, so the student is told what is kept and who can change it. */
const LATE_REFUSED_MESSAGE =
  "The due time has passed and this assignment does not accept late work, so this answer can no longer be submitted. It is saved as a draft — nothing you wrote is lost — and your teacher can extend your due date if they will accept it.";

const NO_RUBRIC_MESSAGE = "This question has no marking scheme yet, so an answer to it cannot be marked. Choose another question, or ask the set's author to add a rubric.";

function toQuestionView(q: WritingQuestion): WritingQuestionView {
  return {
    id: q.id,
    studySetId: q.studySetId,
    studySetTitle: q.studySetTitle,
    prompt: q.prompt,
    marks: q.marks,
    wordLimit: q.wordLimit,
    timeLimitSec: q.timeLimitSec,
    canBeMarked: q.rubricPointCount > 0,
  };
}

function toDraftView(d: DraftRecord): DraftView {
  return {
    attemptId: d.attemptId,
    questionId: d.questionId,
    studySetId: d.studySetId,
    startedAt: d.startedAt,
    deadlineAt: d.deadlineAt,
    text: d.text,
    version: d.version,
    savedAt: d.savedAt,
  };
}

/** A written question the actor may practise; NOT_FOUND when missing, not written or not accepted; FORBIDDEN when the set is not theirs to see. */
async function loadPractisableQuestion(actor: Actor, questionId: string): Promise<WritingQuestion> {
  const question = await getWritingQuestion(questionId);
  if (!question || question.kind !== "written" || !question.isAccepted) throw new AppError("NOT_FOUND", "That question does not exist.");
  const set = await getStudySetFacts(question.studySetId, actor.id);
  if (!set) throw new AppError("NOT_FOUND", "That question does not exist.");
  assertCan(actor, { action: "studySet.view", set });
  return question;
}

/** The learner's own unfinished attempt; its owner only (a teacher never writes into a student's draft). */
async function loadOwnAttempt(actor: Actor, attemptId: string): Promise<AttemptFacts> {
  const facts = await getAttemptFacts(attemptId);
  if (!facts) throw new AppError("NOT_FOUND", "That answer does not exist.");
  assertCan(actor, { action: "work.view", work: facts.work });
  if (facts.ownerId !== actor.id) throw new AppError("FORBIDDEN", "You do not have access to that.");
  return facts;
}

/** The student's written assignment `assignmentId` asking `questionId` (null for their own practice); NOT_FOUND when it is not theirs or does not ask it. */
async function loadWrittenAssignment(studentId: string, questionId: string, assignmentId: string | null) {
  if (!assignmentId) return null;
  const assignment = await findWrittenAssignmentFor(studentId, questionId, assignmentId);
  if (!assignment) throw new AppError("NOT_FOUND", "That assignment does not ask you this question.");
  return assignment;
}

export interface WritingPage {
  question: WritingQuestionView;
  /**
   * The assignment this page writes for (from the student's assignment list), with the time limit it
   * gives them, when submissions close (their due time when late work is refused, else null) and what
   * to tell them before they start when that cuts their time short; null for their own practice.
   */
  assignment: {
    id: string;
    title: string;
    dueAt: Date | null;
    timeLimitSec: number | null;
    closesAt: Date | null;
    startNotice: string | null;
    /** Why no new attempt can be started (attempts used up, closed to late work, not open yet) when there is no draft to continue; null when one can. */
    startRefusal: string | null;
  } | null;
  /** Own practice only: why it is held back for an assignment (its answers are not theirs to see yet); null when free. A practice draft begun before still opens, its result withheld likewise. */
  heldBack: string | null;
  /** The learner's unfinished attempt, to continue. */
  draft: DraftView | null;
  /** The learner's earlier attempts at this question, newest first. */
  attempts: AttemptSummary[];
}

/**
 * The page of one written question in a set: the question's limits, an open draft, earlier attempts —
 * written for one of the student's assignments (`assignmentId`, NOT_FOUND unless it is theirs and asks
 * this question) or as their own practice, which an assignment may hold back until its results are out.
 */
export async function getWritingPageFor(actor: Actor, setId: string, questionId: string, assignmentId: string | null = null, now: Date = new Date()): Promise<WritingPage> {
  const question = await loadPractisableQuestion(actor, questionId);
  if (question.studySetId !== setId) throw new AppError("NOT_FOUND", "That question does not exist.");
  const [draft, attempts, assignment, held] = await Promise.all([
    findOpenWrittenAttempt(actor.id, questionId, assignmentId),
    listWrittenAttempts(actor.id, questionId),
    loadWrittenAssignment(actor.id, questionId, assignmentId),
    assignmentId ? null : heldQuestionsFor(actor.id, setId, now),
  ]);
  const finished = await withoutWithheldScores(
    attempts.filter((a) => a.status !== "in_progress"),
    now,
  );
  const hold = held?.get(questionId);
  let forAssignment: WritingPage["assignment"] = null;
  if (assignment) {
    const dueAt = effectiveDueAt(assignment.dueAt, assignment.extendedDueAt);
    const timeLimitSec = accommodatedTimeLimitSec(assignment.timeLimitSec ?? question.timeLimitSec, assignment);
    const closesAt = closingTimeFor(assignment.latePolicy, dueAt);
    const start = draft ? null : canStartAttempt(assignment, { dueAt, attemptsUsed: assignment.attemptsUsed }, now);
    forAssignment = {
      id: assignment.id,
      title: assignment.title,
      dueAt,
      timeLimitSec,
      closesAt,
      startNotice: start?.ok ? cutShortNotice(closesAt, timeLimitSec, now) : null,
      startRefusal: start && !start.ok ? start.message : null,
    };
  }
  return {
    question: toQuestionView(question),
    assignment: forAssignment,
    heldBack: hold ? practiceHoldMessage(hold) : null,
    draft: draft ? toDraftView(draft) : null,
    attempts: finished,
  };
}

/** Starts (or resumes) the actor's attempt at a written question; the start time and deadline are the server's. */
export async function startWritingAttempt(actor: Actor, raw: unknown, now: Date): Promise<DraftView> {
  const parsed = startWritingSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Choose a question to practise.", fieldErrorsOf(parsed.error));
  const { assignmentId = null } = parsed.data;
  const question = await loadPractisableQuestion(actor, parsed.data.questionId);
  if (question.rubricPointCount === 0) throw new AppError("INVALID", NO_RUBRIC_MESSAGE);
  const open = await findOpenWrittenAttempt(actor.id, question.id, assignmentId);
  if (open) return toDraftView(open);
  // Written for one of the student's assignments: its opening, due time, late policy and attempts
  // decide whether it may start; its time limit (else the question's) is stretched by their extra time.
  // Their own practice of a question an assignment still holds back (its model answer is not theirs
  // to see yet) is refused, so the assignment cannot be written with the answer in hand.
  const assignment = await loadWrittenAssignment(actor.id, question.id, assignmentId);
  if (!assignmentId) {
    const hold = (await heldQuestionsFor(actor.id, question.studySetId, now)).get(question.id);
    if (hold) throw new AppError("CONFLICT", practiceHoldMessage(hold));
  }
  let timeLimitSec: number | null = question.timeLimitSec;
  let closesAt: Date | null = null;
  if (assignment) {
    const dueAt = effectiveDueAt(assignment.dueAt, assignment.extendedDueAt);
    const allowed = canStartAttempt(assignment, { dueAt, attemptsUsed: assignment.attemptsUsed }, now);
    if (!allowed.ok) throw new AppError(allowed.reason === "closed" ? "EXPIRED" : "CONFLICT", allowed.message);
    timeLimitSec = accommodatedTimeLimitSec(assignment.timeLimitSec ?? question.timeLimitSec, assignment);
    // Late work refused: the answer's deadline is the due time when that comes before the limit runs out.
    closesAt = closingTimeFor(assignment.latePolicy, dueAt);
  }
  const created = await createWrittenAttempt({
    userId: actor.id,
    studySetId: question.studySetId,
    questionId: question.id,
    startedAt: now,
    deadlineAt: cappedDeadline(deadlineFor(now, timeLimitSec), closesAt),
    assignmentId: assignment?.id ?? null,
  });
  return toDraftView(created);
}

export interface StoredDraft {
  text: string;
  version: number;
  savedAt: Date;
}

export type DraftOutcome =
  | { status: "saved"; version: number; savedAt: Date }
  /** The draft moved on elsewhere (another tab or device): nothing was overwritten; here is what is stored. */
  | { status: "conflict"; current: StoredDraft }
  /** The attempt is already submitted. */
  | { status: "submitted"; attemptId: string };

/** Autosaves draft text over the version the browser last saw; a stale version is refused, not overwritten. */
export async function saveWritingDraft(actor: Actor, raw: unknown, now: Date): Promise<DraftOutcome> {
  const parsed = saveDraftSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Invalid draft.", fieldErrorsOf(parsed.error));
  const { attemptId, text, version } = parsed.data;
  const facts = await loadOwnAttempt(actor, attemptId);
  if (facts.status !== "in_progress") return { status: "submitted", attemptId };
  return toOutcome(attemptId, await saveDraftText(attemptId, actor.id, text, version, now));
}

function toOutcome(attemptId: string, saved: Awaited<ReturnType<typeof saveDraftText>>): DraftOutcome {
  if (saved.isSaved) return { status: "saved", version: saved.version, savedAt: saved.savedAt };
  if (!saved.current) throw new AppError("NOT_FOUND", "That answer does not exist.");
  if (saved.current.status !== "in_progress") return { status: "submitted", attemptId };
  return { status: "conflict", current: { text: saved.current.text, version: saved.current.version, savedAt: saved.current.savedAt } };
}

export type SubmitOutcome =
  | { status: "graded"; attemptId: string; score: number; maxScore: number }
  | { status: "conflict"; current: StoredDraft }
  | { status: "submitted"; attemptId: string };

/**
 * Submits the final text: saves it as the newest draft version first (so a grading failure loses
 * nothing), grades it with the configured grader against the question's rubric, model answer and
 * the set's materials, and stores the grade, every point's score and the graded attempt in one
 * transaction. A second submit of a finished attempt is answered with that attempt.
 */
export async function submitWritingAttempt(actor: Actor, raw: unknown, now: Date, grader: Grader = getGrader()): Promise<SubmitOutcome> {
  const parsed = submitWritingSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Invalid answer.", fieldErrorsOf(parsed.error));
  const { attemptId, text, version } = parsed.data;
  const facts = await loadOwnAttempt(actor, attemptId);
  if (facts.status !== "in_progress") return { status: "submitted", attemptId };

  const saved = toOutcome(attemptId, await saveDraftText(attemptId, actor.id, text, version, now));
  if (saved.status !== "saved") return saved;
  // The draft is saved above, so a refused late submission loses nothing the student wrote.
  const rules = await getAssignmentRulesOfAttempt(attemptId);
  // (Late after the due time and its grace: what is late is what an assignment refusing late work refuses.)
  if (rules?.latePolicy === "refuse" && isSubmittedLate(now, effectiveDueAt(rules.dueAt, rules.extendedDueAt))) {
    throw new AppError("EXPIRED", LATE_REFUSED_MESSAGE);
  }

  const context = await getGradingContext(facts.questionId);
  if (!context) throw new AppError("NOT_FOUND", "That question no longer exists.");
  if (context.rubric.length === 0) throw new AppError("INVALID", NO_RUBRIC_MESSAGE);

  const result = await grader.gradeWrittenAnswer({ question: toWrittenQuestion(context), answerText: text, materials: context.materials });
  const byKey = new Map(result.points.map((p) => [p.rubricId, p]));
  const points = context.rubric.map((rp) => {
    const p = byKey.get(rp.key);
    return p
      ? { rubricPointId: rp.id, awarded: Math.min(Math.max(p.awarded, 0), rp.marks), max: rp.marks, evidence: p.evidence.map((e) => ({ ...e })), feedback: p.feedback }
      : { rubricPointId: rp.id, awarded: 0, max: rp.marks, evidence: [], feedback: "The grader did not mark this point; ask your teacher to review it." };
  });
  const score = points.reduce((s, p) => s + p.awarded, 0);
  const maxScore = points.reduce((s, p) => s + p.max, 0);
  await saveWrittenGrade({
    attemptId,
    userId: actor.id,
    version: saved.version,
    submittedAt: now,
    score,
    maxScore,
    flags: [...result.flags],
    gradeDetails: JSON.parse(JSON.stringify(toGradeDetails(result))) as Parameters<typeof saveWrittenGrade>[0]["gradeDetails"],
    isProvisional: result.isProvisional ?? false,
    gradeConfidence: result.confidence ?? null,
    points,
  });
  return { status: "graded", attemptId, score, maxScore };
}

export interface ResultPoint extends ScoredPoint {
  /** Name of the teacher whose moderation is shown. */
  moderatorName?: string;
  /** For a point not fully earned: the model answer's wording and where the material says it. */
  modelAnswer?: string;
  source?: SourceRef;
  /** The newest regrade request on this point (its status, reason and the teacher's reply), if any. */
  regrade: RegradeRecord | null;
  /** The owner may ask for a regrade of this point now (none is open). */
  canAskRegrade: boolean;
}

export interface AttemptResult {
  state: "graded";
  attemptId: string;
  student: { id: string; name: string };
  isOwn: boolean;
  /** The owner may still open the question's set (to practise it again): false once they have left the class that gave it to them. */
  canOpenSet: boolean;
  canModerate: boolean;
  /** For the student's teacher: the class page listing this student's work. */
  studentPageHref: string | null;
  studySet: { id: string; title: string };
  question: { id: string; prompt: string; marks: number; wordLimit: number | null; timeLimitSec: number };
  text: string;
  wordCount: number;
  startedAt: Date;
  submittedAt: Date;
  timeTakenSec: number;
  overtimeSec: number;
  score: number;
  autoScore: number;
  maxScore: number;
  isModerated: boolean;
  grader: "heuristic" | "llm";
  points: ResultPoint[];
  flags: { flag: string; title: string; detail: string }[];
  factIssues: { quote: string; reason: string; source?: SourceRef }[];
  /** Sentences of the answer that assert the opposite of a point (each earned that point nothing). */
  contradictions: { quote: string; pointNumber: number | null; point: string | null; kind: "polarity" | "roles" }[];
  /** "Provisional — a teacher should check" (until a teacher moderates a point or accepts the automatic marks), and why. */
  isProvisional: boolean;
  provisionalReasons: string[];
  /** The grader's confidence in the automatic total, 0–1 (null for older grades). */
  gradeConfidence: number | null;
  /** The question's whole model answer, to read beside the answer (null when the question has none). */
  modelAnswer: ModelAnswerView | null;
  /** The owner's attempts at the same question, oldest first (their scores over time); empty for others. */
  history: AttemptSummary[];
  /** Rubric points the owner has already made into cards. */
  pointsCarded: string[];
}

export type AttemptView =
  | AttemptResult
  /** Submitted for an assignment whose results are not released to this student yet: no marks, feedback or model answer. */
  | { state: "withheld"; attemptId: string; isOwn: true; studySet: { id: string; title: string }; questionPrompt: string; submittedAt: Date | null; note: string }
  | { state: "in_progress"; attemptId: string; isOwn: boolean; studySetId: string; questionId: string; assignmentId: string | null };

/** One attempt for its owner or the teacher of a class the owner is in; the full result once submitted. */
export async function getAttemptFor(actor: Actor, attemptId: string, now: Date = new Date()): Promise<AttemptView> {
  const facts = await getAttemptFacts(attemptId);
  if (!facts) throw new AppError("NOT_FOUND", "That answer does not exist.");
  assertCan(actor, { action: "work.view", work: facts.work });
  const isOwn = facts.ownerId === actor.id;
  const supervisingClass = supervisingClassOf(actor, facts.work);
  if (facts.status === "in_progress" || facts.status === "expired") {
    return { state: "in_progress", attemptId, isOwn, studySetId: facts.studySetId, questionId: facts.questionId, assignmentId: facts.assignmentId };
  }
  const [graded, withheldNote, regrades] = await Promise.all([getGradedAttempt(attemptId), withheldNoteFor(isOwn, attemptId, now), listRegradesOfAttempt(attemptId)]);
  if (!graded || !graded.response || !graded.submittedAt) throw new AppError("NOT_FOUND", "That answer does not exist.");
  if (withheldNote) {
    return { state: "withheld", attemptId, isOwn: true, studySet: graded.studySet, questionPrompt: graded.question.prompt, submittedAt: graded.submittedAt, note: withheldNote };
  }
  const details = parseGradeDetails(graded.response.gradeDetails);
  const scored = scoreAnswer(graded.rubric, graded.scores, details);
  const rubricById = new Map(graded.rubric.map((rp) => [rp.id, rp]));
  const sourceOf = (materialId: string, quote: string): SourceRef | undefined => {
    const m = graded.materials[materialId];
    return m ? { materialId, title: m.title, outlet: m.outlet, publishedAt: m.publishedAt, quote } : undefined;
  };
  const latestRegrade = latestRegradeByPoint(regrades);
  const isSupervised = hasSupervisor(facts.work);
  // The question's own texts tell a point's names from words capitalised only by position.
  const feedbackContext = [graded.question.prompt, ...graded.rubric.map((rp) => rp.point)].join("\n");
  const points: ResultPoint[] = scored.points.map((p) => {
    const linked = rubricById.get(p.rubricPointId)?.modelAnswerPoint ?? null;
    const regrade = latestRegrade.get(p.rubricPointId) ?? null;
    const out: ResultPoint = {
      ...p,
      // A moderated point shows the feedback as "Automatic marking said: …": it speaks of the automatic mark.
      feedback: teacherFeedback(p.moderation ? { ...p, awarded: p.autoAwarded } : p, feedbackContext),
      regrade,
      canAskRegrade: graded.status === "graded" && isSupervised && canAskRegrade({ isOwn }, regrade ?? undefined),
    };
    if (p.moderation) out.moderatorName = graded.moderators[p.moderation.moderatedById] ?? "A teacher";
    if (p.awarded < p.max && p.kind === "content") {
      const wording = p.missed?.modelAnswer ?? (linked ? [linked.text, linked.example].filter(Boolean).join(" ") : undefined);
      if (wording) out.modelAnswer = wording;
      const source = (p.missed?.source && sourceOf(p.missed.source.materialId, p.missed.source.quote)) ?? linked?.sources[0];
      if (source) out.source = source;
    }
    return out;
  });
  // The student opening their own result has now seen every moderation so far (the home notice clears).
  if (isOwn) await markResultSeen(attemptId, actor.id, now);
  const [modelAnswer, history, carded, canOpenSet] = await Promise.all([
    getModelAnswer(graded.question.id),
    isOwn ? listWrittenAttempts(actor.id, graded.question.id).then((list) => withoutWithheldScores(list, now)) : Promise.resolve([]),
    isOwn ? listLearnerCardOrigins(actor.id, points.map((p) => `rubric-point:${p.rubricPointId}`)) : Promise.resolve(new Set<string>()),
    canOpenStudySet(actor, graded.studySet.id),
  ]);
  return {
    modelAnswer,
    history: history.filter((a) => a.submittedAt && a.score !== null).sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime()),
    pointsCarded: points.filter((p) => carded.has(`rubric-point:${p.rubricPointId}`)).map((p) => p.rubricPointId),
    state: "graded",
    attemptId,
    student: graded.student,
    isOwn,
    canOpenSet,
    canModerate: can(actor, { action: "work.moderate", work: facts.work }),
    studentPageHref: !isOwn && supervisingClass ? `/classes/${supervisingClass}/students/${facts.ownerId}` : null,
    studySet: graded.studySet,
    question: graded.question,
    text: graded.response.text,
    wordCount: details.wordCount,
    startedAt: graded.startedAt,
    submittedAt: graded.submittedAt,
    timeTakenSec: timeTakenSec(graded.startedAt, graded.submittedAt),
    overtimeSec: overtimeSec(graded.deadlineAt, graded.submittedAt),
    score: scored.score,
    autoScore: scored.autoScore,
    maxScore: scored.maxScore,
    isModerated: scored.isModerated,
    grader: details.grader,
    points,
    flags: graded.response.flags.map((flag) => ({ flag, ...explainFlag(flag) })),
    factIssues: details.factIssues.map((f) => {
      const source = f.source ? sourceOf(f.source.materialId, f.source.quote) : undefined;
      return { quote: f.answer.quote, reason: f.reason, ...(source ? { source } : {}) };
    }),
    contradictions: details.contradictions.map((c) => {
      const p = scored.points.find((x) => x.key === c.rubricId);
      return { quote: c.answer.quote, pointNumber: p?.number ?? null, point: p?.point ?? null, kind: c.kind };
    }),
    isProvisional: details.isProvisional && !scored.isModerated && !graded.response.marksAcceptedAt,
    provisionalReasons: details.provisionalReasons,
    gradeConfidence: details.totalConfidence,
  };
}

/**
 * A teacher's override of one point's mark, with a reason: stored as a new moderated row beside
 * the automatic one, totals recomputed. Only the teacher of a class the student is in (or an admin).
 */
export async function moderateWrittenPoint(actor: Actor, raw: unknown, now: Date): Promise<{ score: number; maxScore: number }> {
  const parsed = moderatePointSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Check the mark and the reason.", fieldErrorsOf(parsed.error));
  const { attemptId, rubricPointId, awarded, reason } = parsed.data;
  const facts = await getAttemptFacts(attemptId);
  if (!facts) throw new AppError("NOT_FOUND", "That answer does not exist.");
  assertCan(actor, { action: "work.view", work: facts.work });
  assertCan(actor, { action: "work.moderate", work: facts.work });
  if (facts.status !== "graded" && facts.status !== "submitted") throw new AppError("INVALID", "This answer has not been submitted yet.");
  const graded = await getGradedAttempt(attemptId);
  const auto = graded?.scores.find((s) => s.rubricPointId === rubricPointId && s.source === "auto");
  if (!auto) throw new AppError("NOT_FOUND", "That rubric point was not marked in this answer.");
  if (!isOfferedMark(awarded, auto.max)) {
    throw new AppError("INVALID", `Choose a mark from 0 to ${auto.max} in steps of ½.`, { awarded: [`From 0 to ${auto.max} in steps of ½.`] });
  }
  return saveModeration({ attemptId, rubricPointId, awarded, reason, moderatedById: actor.id, at: now });
}

/** The actor's own written attempts, newest first (unfinished ones included, to continue). */
export async function listMyWrittenAttempts(actor: Actor, now: Date = new Date()): Promise<AttemptSummary[]> {
  return withoutWithheldScores(await listWrittenAttempts(actor.id), now);
}

export interface StudentWork {
  classId: string;
  className: string;
  student: { id: string; name: string; email: string };
  attempts: AttemptSummary[];
}

/**
 * A student's written attempts for the teacher of their class — only the work that teacher
 * supervises (their assignments, their own sets), never the student's other work; NOT_FOUND when
 * the student is not in the class.
 */
export async function getStudentWorkFor(actor: Actor, classId: string, studentId: string): Promise<StudentWork> {
  const classroom = await getClassFacts(classId, actor.id);
  if (!classroom) throw new AppError("NOT_FOUND", "That class does not exist.");
  assertCan(actor, { action: "class.manage", classroom });
  const student = await getEnrolledStudent(classId, studentId);
  if (!student) throw new AppError("NOT_FOUND", "That student is not in this class.");
  const attempts = (await listWrittenAttemptsWithWork(student.id)).filter(({ work }) => can(actor, { action: "work.view", work })).map(({ summary }) => summary);
  return { classId, className: student.className, student: { id: student.id, name: student.name, email: student.email }, attempts };
}
