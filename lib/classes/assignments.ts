import { z } from "zod";
import { endOfDayIn, formatDateTime, timeZoneOffsetMinutes } from "../format";
import { recordIdSchema, untrustedName } from "../text/untrusted";
import { markingSchemePresets, type MarkingPreset } from "../quiz/marking";
import { formatDuration } from "../writing/timer";
import { addFieldError, fieldErrorsOf, validFields, type FieldErrors } from "../forms/field-errors";

/** What an assignment asks: review a set's cards by a date, take a quiz, or write answers to questions. */
export const ASSIGNMENT_KINDS = ["study_set", "quiz", "written"] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];
export const RESULT_RELEASES = ["on_submission", "after_due", "by_teacher"] as const;
export type ResultRelease = (typeof RESULT_RELEASES)[number];
export const LATE_POLICIES = ["accept_late", "refuse"] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

export const assignmentKindLabel: Record<AssignmentKind, string> = {
  study_set: "Study set (review the cards)",
  quiz: "Timed quiz",
  written: "Written questions",
};

export const resultReleaseLabel: Record<ResultRelease, string> = {
  on_submission: "As soon as they submit",
  after_due: "After the due time",
  by_teacher: "When I release them",
};

/** The result release as said mid-sentence ("Results: when I release them"): the label with its first letter lower-cased. */
export function resultReleasePhrase(release: ResultRelease): string {
  const label = resultReleaseLabel[release];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * What the teacher is told before *Release results* (a confirmation step on the class page): what each
 * student will see from then on, by what the assignment asks (a card review has no results to release).
 */
export function releaseConfirmation(kind: "quiz" | "written"): string {
  const rest = "Students who hand it in later see theirs as soon as they do, and its questions come back into their own practice. You can withdraw the results again, but not from anyone who has read them.";
  switch (kind) {
    case "written":
      return `Every student who has handed it in will see their marks on each rubric point with its feedback, the model answer, and each mark you changed with your reason (their home page says a mark was changed). ${rest}`;
    case "quiz":
      return `Every student who has taken it will see their score, which of their answers were right, and each question's correct answer with its explanation and source. ${rest}`;
  }
}

export const latePolicyLabel: Record<LatePolicy, string> = {
  accept_late: "Accept and mark late",
  refuse: "Refuse after the due time",
};

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const localDateTime = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Pick a date and time, or leave it empty.")
    .optional(),
);

export const assignmentInputSchema = z.object({
  studySetId: recordIdSchema,
  classId: z.string({ error: "Choose a class." }).min(1, "Choose a class.").max(64),
  kind: z.preprocess(emptyToUndefined, z.enum(ASSIGNMENT_KINDS, { error: "Choose what to assign." }).default("study_set")),
  title: untrustedName().trim().max(120, "Keep the title under 120 characters.").optional(),
  opensAt: localDateTime,
  /** A calendar date (YYYY-MM-DD): due at the end of that day in the display time zone. */
  dueOn: z.preprocess(emptyToUndefined, z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a due date, or leave it empty.").optional()),
  /** A date and time (YYYY-MM-DDTHH:mm) in the display time zone; wins over `dueOn`. */
  dueAt: localDateTime,
  timeLimitMin: z.preprocess(emptyToUndefined, z.coerce.number({ error: "Enter whole minutes." }).int("Enter whole minutes.").min(1, "At least 1 minute.").max(600, "At most 600 minutes.").optional()),
  attemptsAllowed: z.preprocess(emptyToUndefined, z.coerce.number({ error: "Enter a number of attempts." }).int().min(1, "At least 1 attempt.").max(20, "At most 20 attempts.").default(1)),
  /** Written: the questions to answer. Quiz with `quizPick` "chosen": the questions asked. */
  questionIds: z.array(z.string().min(1).max(64)).max(50, "At most 50 questions.").default([]),
  /** Quiz: every objective question of the set, the ones chosen, or a number drawn at random. */
  quizPick: z.preprocess(emptyToUndefined, z.enum(["all", "chosen", "random"]).default("all")),
  quizCount: z.preprocess(emptyToUndefined, z.coerce.number({ error: "Enter a number of questions." }).int("Enter a whole number of questions.").min(1, "Draw at least 1 question.").max(200, "At most 200 questions.").optional()),
  marking: z.preprocess(emptyToUndefined, z.enum(Object.keys(markingSchemePresets) as [MarkingPreset, ...MarkingPreset[]]).default("standard")),
  resultRelease: z.preprocess(emptyToUndefined, z.enum(RESULT_RELEASES).default("on_submission")),
  latePolicy: z.preprocess(emptyToUndefined, z.enum(LATE_POLICIES).default("accept_late")),
});
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

/** How a quiz assignment picks its questions (drawn once, when the teacher assigns it: every student gets the same quiz). */
export type QuizPick = { by: "all" } | { by: "chosen"; questionIds: string[] } | { by: "random"; count: number };

export interface AssignmentRules {
  kind: AssignmentKind;
  opensAt: Date | null;
  dueAt: Date | null;
  timeLimitSec: number | null;
  attemptsAllowed: number;
  questionIds: string[];
  resultRelease: ResultRelease;
  latePolicy: LatePolicy;
  /** Quiz assignments only (null otherwise): which questions, and the marking scheme. */
  quiz: { pick: QuizPick; marking: MarkingPreset } | null;
}

/** "2026-03-08T17:00" read as a wall-clock time in `timeZone`. */
export function localDateTimeIn(local: string, timeZone: string): Date {
  const naive = new Date(`${local}:00Z`);
  return new Date(naive.getTime() - timeZoneOffsetMinutes(naive, timeZone) * 60_000);
}

/** What the form's rules are checked against: the clock, the display time zone and — once the set is loaded — its questions and the class's other assignments of it. */
export interface AssignmentContext {
  now: Date;
  timeZone: string;
  /** The set's accepted written and quiz questions; absent when the set could not be loaded (their checks are skipped). */
  questions?: { writtenIds: readonly string[]; objectiveIds: readonly string[] };
  /** The class's other assignments of this set (see settleAssignmentTitle); absent: the title is checked when the assignment is written. */
  siblings?: readonly SiblingAssignment[];
}

/** The fields each kind of assignment uses; the others are ignored whatever they hold (a time limit typed for a quiz is not a written assignment's). */
const FIELDS_OF_KIND: Record<AssignmentKind, readonly (keyof AssignmentInput)[]> = {
  study_set: [],
  quiz: ["timeLimitMin", "attemptsAllowed", "resultRelease", "quizPick", "quizCount", "marking", "questionIds"],
  written: ["timeLimitMin", "attemptsAllowed", "resultRelease", "questionIds"],
};
const KIND_FIELDS = new Set<string>(Object.values(FIELDS_OF_KIND).flat());

/**
 * The form as its kind reads it: fields another kind uses are dropped, and so are a quiz's chosen
 * questions unless it asks for chosen ones and its count unless it draws at random.
 */
function fieldsOfKind(raw: unknown): Record<string, unknown> {
  const form = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const kind = assignmentInputSchema.shape.kind.safeParse(form.kind);
  const pick = assignmentInputSchema.shape.quizPick.safeParse(form.quizPick);
  const used = new Set<string>(kind.success ? FIELDS_OF_KIND[kind.data] : []);
  if (kind.success && kind.data === "quiz") {
    if (!pick.success || pick.data !== "chosen") used.delete("questionIds");
    if (!pick.success || pick.data !== "random") used.delete("quizCount");
  }
  return Object.fromEntries(Object.entries(form).filter(([key]) => !KIND_FIELDS.has(key) || used.has(key)));
}

/**
 * An assignment form checked in one pass, every message at once: each field's own shape (whole
 * minutes, at least one attempt …) and the rules across fields and against `context` — the due time
 * is in the future and after the opening time, results after the due time need one, a written
 * assignment names written questions of the set, a quiz has questions to ask (and draws no more than
 * the set has), a title no other assignment of the same kind of this set in the class uses. A rule
 * is checked whenever the fields it reads are valid, whatever is wrong elsewhere. Fields the chosen
 * kind does not use are ignored (see FIELDS_OF_KIND). Returns field errors rather than throwing.
 */
export function checkAssignment(
  raw: unknown,
  context: AssignmentContext,
): { ok: true; input: AssignmentInput; rules: AssignmentRules } | { ok: false; fieldErrors: FieldErrors; conflict?: string } {
  const form = fieldsOfKind(raw);
  const parsed = assignmentInputSchema.safeParse(form);
  const fieldErrors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const v = parsed.success ? parsed.data : validFields(assignmentInputSchema, form, fieldErrors);
  const add = (field: string, message: string) => addFieldError(fieldErrors, field, message);

  const isDueKnown = !fieldErrors.dueAt && !fieldErrors.dueOn;
  const dueAt = !isDueKnown ? null : v.dueAt ? localDateTimeIn(v.dueAt, context.timeZone) : v.dueOn ? endOfDayIn(v.dueOn, context.timeZone) : null;
  const opensAt = v.opensAt ? localDateTimeIn(v.opensAt, context.timeZone) : null;
  if (dueAt && dueAt.getTime() < context.now.getTime()) add(v.dueAt ? "dueAt" : "dueOn", "The due time has already passed: choose a later one.");
  if (dueAt && opensAt && opensAt.getTime() >= dueAt.getTime()) add("opensAt", "The assignment must open before it is due.");
  if (v.resultRelease === "after_due" && isDueKnown && !dueAt) add("resultRelease", "Results after the due time need a due time.");

  const questionIds = [...new Set(v.questionIds ?? [])];
  const questions = context.questions;
  if (v.kind === "written" && questions && !fieldErrors.questionIds) {
    if (questionIds.length === 0) add("questionIds", "Choose at least one written question.");
    else if (questionIds.some((id) => !questions.writtenIds.includes(id))) add("questionIds", "Choose written questions from this set.");
  }
  if (v.kind === "quiz" && questions) {
    const objective = questions.objectiveIds;
    if (objective.length === 0) add("kind", "This set has no quiz questions: choose another kind.");
    else if (v.quizPick === "chosen" && !fieldErrors.questionIds) {
      if (questionIds.length === 0) add("questionIds", "Choose at least one quiz question.");
      else if (questionIds.some((id) => !objective.includes(id))) add("questionIds", "Choose quiz questions from this set.");
    } else if (v.quizPick === "random" && !fieldErrors.quizCount) {
      if (v.quizCount === undefined) add("quizCount", "Say how many questions to draw.");
      else if (v.quizCount > objective.length) add("quizCount", `This set has ${objective.length} quiz question${objective.length === 1 ? "" : "s"}: draw at most that many.`);
    }
  }
  const isOtherwiseValid = parsed.success && Object.keys(fieldErrors).length === 0;
  if (v.kind && context.siblings && !fieldErrors.kind && !fieldErrors.title) {
    const settled = settleAssignmentTitle({ kind: v.kind, title: v.title || undefined }, context.siblings);
    if (!settled.ok) {
      for (const [field, messages] of Object.entries(settled.fieldErrors)) for (const m of messages) add(field, m);
      // The clash with another assignment, alone, is said in full (what to do instead); beside other errors, on its field.
      if (isOtherwiseValid) return { ok: false, fieldErrors, conflict: settled.message };
    }
  }

  if (!isOtherwiseValid || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  // Checked without the set's questions, a form is only ever refused (a missing set or class): it is never made so.
  if (!questions) throw new Error("checkAssignment: a valid form needs the set's questions to be checked against.");
  const input = parsed.data;
  const pick: QuizPick = input.quizPick === "chosen" ? { by: "chosen", questionIds } : input.quizPick === "random" ? { by: "random", count: input.quizCount! } : { by: "all" };
  const isTimed = input.kind !== "study_set";
  return {
    ok: true,
    input,
    rules: {
      kind: input.kind,
      opensAt,
      dueAt,
      timeLimitSec: isTimed && input.timeLimitMin ? input.timeLimitMin * 60 : null,
      attemptsAllowed: isTimed ? input.attemptsAllowed : 1,
      questionIds: input.kind === "written" ? questionIds : [],
      resultRelease: isTimed ? input.resultRelease : "on_submission",
      latePolicy: input.latePolicy,
      quiz: input.kind === "quiz" ? { pick, marking: input.marking } : null,
    },
  };
}

/** The due time that applies to one student: their extension when it is later than the assignment's. */
export function effectiveDueAt(dueAt: Date | null, extendedDueAt: Date | null | undefined): Date | null {
  if (!dueAt) return extendedDueAt ?? null;
  if (extendedDueAt && extendedDueAt.getTime() > dueAt.getTime()) return extendedDueAt;
  return dueAt;
}

/**
 * Why `dueAt` cannot be one student's new due time at `now` (null when it can): it has passed, or it
 * is not after the assignment's own due time — the later of the two applies (effectiveDueAt), so an
 * earlier "extension" would change nothing while the teacher was told it was given.
 */
export function extensionDueProblem(dueAt: Date, assignmentDueAt: Date | null, now: Date): string | null {
  if (dueAt.getTime() <= now.getTime()) return "The new due time has already passed: choose a later one.";
  if (assignmentDueAt && dueAt.getTime() <= assignmentDueAt.getTime()) return `The assignment is due ${formatDateTime(assignmentDueAt)}: choose a later time to extend it.`;
  return null;
}

/** When a student's work on an assignment must end whatever its time limit: their due time when late work is refused, else never (null). */
export function closingTimeFor(latePolicy: LatePolicy, dueAt: Date | null): Date | null {
  return latePolicy === "refuse" ? dueAt : null;
}

/**
 * What a student is told before starting a timed attempt at `now` when the closing time (see
 * closingTimeFor) comes before their `allowedSec` (limit with extra time) would run out; null when
 * it does not cut the time short, when nothing closes, or when untimed.
 */
export function cutShortNotice(closesAt: Date | null, allowedSec: number | null, now: Date): string | null {
  if (!closesAt || allowedSec === null || allowedSec <= 0) return null;
  const leftSec = Math.floor((closesAt.getTime() - now.getTime()) / 1000);
  if (leftSec <= 0 || leftSec >= allowedSec) return null;
  return `The due time is in ${formatDuration(leftSec)}: you will have until then, not the full ${formatDuration(allowedSec)}.`;
}

export type StartRefusal = "not_open" | "closed" | "no_attempts_left";

/**
 * Whether a student may start (another) attempt at `now`: not before the opening time, not after
 * their due time when late work is refused, not beyond the attempts allowed.
 */
export function canStartAttempt(
  rules: Pick<AssignmentRules, "opensAt" | "latePolicy" | "attemptsAllowed">,
  student: { dueAt: Date | null; attemptsUsed: number },
  now: Date,
): { ok: true; isLate: boolean } | { ok: false; reason: StartRefusal; message: string } {
  if (rules.opensAt && now.getTime() < rules.opensAt.getTime()) return { ok: false, reason: "not_open", message: "This assignment is not open yet." };
  const isLate = !!student.dueAt && now.getTime() > student.dueAt.getTime();
  if (isLate && rules.latePolicy === "refuse") return { ok: false, reason: "closed", message: "The due time has passed and this assignment does not accept late work." };
  if (student.attemptsUsed >= rules.attemptsAllowed) {
    return { ok: false, reason: "no_attempts_left", message: `You have used all ${rules.attemptsAllowed} attempt${rules.attemptsAllowed === 1 ? "" : "s"} this assignment allows.` };
  }
  return { ok: true, isLate };
}

/** True when work submitted at `submittedAt` came after the student's due time. */
/**
 * Seconds after the due time that an assignment refusing late work still accepts a submission sent at the due time —
 * the network's delay, stated to students as the quizzes' grace is (lib/server/quiz.ts QUIZ_GRACE_SEC).
 */
export const SUBMISSION_GRACE_SEC = 5;

/** Whether work handed in at `submittedAt` is late: after the due time and its grace (a hand-in the grace lets through is on time). */
export function isSubmittedLate(submittedAt: Date | null, dueAt: Date | null): boolean {
  return !!submittedAt && !!dueAt && submittedAt.getTime() > dueAt.getTime() + SUBMISSION_GRACE_SEC * 1000;
}

/** Whether a student may see their marks and the model answer at `now`, by the assignment's release rule. */
export function isResultReleased(
  rules: { resultRelease: ResultRelease; resultsReleasedAt: Date | null },
  student: { dueAt: Date | null },
  now: Date,
): boolean {
  switch (rules.resultRelease) {
    case "on_submission":
      return true;
    case "after_due":
      return !student.dueAt || now.getTime() >= student.dueAt.getTime();
    case "by_teacher":
      return !!rules.resultsReleasedAt && rules.resultsReleasedAt.getTime() <= now.getTime();
  }
}

/** Where an assignment stands for a student, as their list shows it. */
export type StudentAssignmentState = "upcoming" | "due" | "overdue" | "done";

/** Done once something was submitted; else upcoming before opening, overdue after the due time, due otherwise. */
export function studentAssignmentState(
  assignment: { opensAt: Date | null },
  student: { dueAt: Date | null; hasSubmitted: boolean },
  now: Date,
): StudentAssignmentState {
  if (student.hasSubmitted) return "done";
  if (assignment.opensAt && now.getTime() < assignment.opensAt.getTime()) return "upcoming";
  if (student.dueAt && now.getTime() > student.dueAt.getTime()) return "overdue";
  return "due";
}

/** The badge of a student's assignment: "Due" only when it has a due time ("No due date" otherwise), "Opens later", "Overdue", "Done". */
export function studentAssignmentLabel(state: StudentAssignmentState, dueAt: Date | null): string {
  switch (state) {
    case "upcoming":
      return "Opens later";
    case "due":
      return dueAt ? "Due" : "No due date";
    case "overdue":
      return "Overdue";
    case "done":
      return "Done";
  }
}

/** An assignment as a student's free practice must respect it: its rules, their standing, the questions it asks. */
export interface PracticeHoldSource {
  assignmentId: string;
  title: string;
  kind: "quiz" | "written";
  rules: Pick<AssignmentRules, "opensAt" | "latePolicy" | "attemptsAllowed" | "resultRelease"> & { resultsReleasedAt: Date | null };
  dueAt: Date | null;
  /** The student's own extension, if any. */
  extendedDueAt: Date | null;
  /** The questions it asks; for a written assignment each question is attempted, counted and handed in on its own. */
  questions: { questionId: string; attemptsUsed: number; hasSubmitted: boolean }[];
}

/**
 * Whether a student's own practice of an assignment's question is held back at `now`: a quiz made
 * from the set, or a written answer outside the assignment, would show them the answer key or the
 * model answer before the assignment's results are theirs to see. While the results are not released
 * to the student the question stays held — even when they can no longer hand work in for it (late
 * work refused): the release rule decides when answers may be seen, and classmates with extensions
 * may still be answering. Once released, it is free when they have handed work in for it or the
 * assignment is closed to them (due time passed, late work refused); otherwise it stays held (they
 * may still start an attempt, or used their attempts without handing in), so the key is not read
 * before their own work.
 */
export function isPracticeHeldBack(
  rules: PracticeHoldSource["rules"],
  student: { dueAt: Date | null; attemptsUsed: number; hasSubmitted: boolean },
  now: Date,
): boolean {
  if (!isResultReleased(rules, student, now)) return true;
  if (student.hasSubmitted) return false;
  const start = canStartAttempt(rules, student, now);
  return start.ok || start.reason !== "closed";
}

/** The questions held back from a student's own practice at `now`, each with the assignment that holds it (the first, when several do). */
export function practiceHolds(sources: PracticeHoldSource[], now: Date): Map<string, { assignmentId: string; title: string; kind: "quiz" | "written" }> {
  const held = new Map<string, { assignmentId: string; title: string; kind: "quiz" | "written" }>();
  for (const s of sources) {
    const dueAt = effectiveDueAt(s.dueAt, s.extendedDueAt);
    for (const q of s.questions) {
      if (held.has(q.questionId) || !isPracticeHeldBack(s.rules, { dueAt, ...q }, now)) continue;
      held.set(q.questionId, { assignmentId: s.assignmentId, title: s.title, kind: s.kind });
    }
  }
  return held;
}

/**
 * What a student is told instead of the result of an attempt while another assignment holds one of
 * its questions: their own practice (`isPractice`: the question is "now" set, after they began) or
 * work for another assignment of the same set (the question is "also" set there).
 */
export function heldResultNote(hold: { title: string; kind: "quiz" | "written" }, isPractice: boolean): string {
  const when = isPractice ? "now" : "also";
  return `Submitted. ${hold.kind === "written" ? `This question is ${when} set in your assignment` : `Questions of this quiz are ${when} in your assigned quiz`} “${hold.title}”: your marks${hold.kind === "written" ? " and the model answer" : " and the answers"} appear once you have handed it in and its results are released.`;
}

/** What a student is told when a question is held back for an assignment. */
export function practiceHoldMessage(hold: { title: string; kind: "quiz" | "written" }, questionCount = 1): string {
  const [these, open] = questionCount === 1 ? ["This question is", "It opens"] : ["These questions are", "They open"];
  return hold.kind === "written"
    ? `${these} set in your assignment “${hold.title}”: write ${questionCount === 1 ? "it" : "them"} from your Assignments page. ${open} for free practice once you have handed it in and your results are released.`
    : `${these} in your assigned quiz “${hold.title}”. ${open} for free practice once you have taken that quiz and its results are released.`;
}

/** Another assignment of the same set in the same class: what a new one is checked against. */
export interface SiblingAssignment {
  id: string;
  kind: AssignmentKind;
  title: string;
}

/** What an assignment of each kind is called mid-sentence ("a quiz called …"). */
const kindNoun: Record<AssignmentKind, string> = { study_set: "card review", quiz: "quiz", written: "written assignment" };

/** The title a new assignment gets when the teacher leaves it empty. */
export const defaultAssignmentTitle: Record<AssignmentKind, string> = { study_set: "Study set", quiz: "Quiz", written: "Written answers" };

/** A title as students tell titles apart: case, spacing and Unicode compatibility forms ignored. */
const titleKey = (title: string) => title.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * The first of `title 2`, `title 3`, … not among `taken` (by titleKey); a title ending in a number
 * counts on from it ("Quiz 1" → "Quiz 2"). `title` itself when it is free.
 */
export function nextFreeTitle(title: string, taken: readonly string[]): string {
  const used = new Set(taken.map(titleKey));
  if (!used.has(titleKey(title))) return title;
  const clean = title.trim().replace(/\s+/g, " ");
  const numbered = /^(.*?)(\d+)$/.exec(clean);
  const [stem, first] = numbered ? [numbered[1], Number(numbered[2]) + 1] : [`${clean} `, 2];
  for (let n = first; ; n++) {
    const candidate = `${stem}${n}`;
    if (!used.has(titleKey(candidate))) return candidate;
  }
}

/**
 * The title a new assignment of a set takes beside the class's other assignments of that set, or
 * why it cannot be made. A set may be assigned to a class many times — Quiz 1 this week, Quiz 2 the
 * next, a second written question — each with its own attempts and gradebook, but:
 * - not a second card review: it asks for no work of its own, so it would follow the very same
 *   reviews under a second due date;
 * - not the same kind under the same title (ignoring case and spacing): students could not tell
 *   the two apart on their list. An empty title takes the kind's default, numbered on when taken.
 */
export function settleAssignmentTitle(
  next: { kind: AssignmentKind; title: string | undefined },
  siblings: readonly SiblingAssignment[],
): { ok: true; title: string } | { ok: false; message: string; fieldErrors: Record<string, string[]> } {
  const review = next.kind === "study_set" ? siblings.find((s) => s.kind === "study_set") : undefined;
  if (review) {
    return {
      ok: false,
      message: `“${review.title}” already asks this class to review this set's cards, and a second card review would follow the very same reviews. To change its due date, extend it for the students who need it, or delete “${review.title}” from the class page (students keep every card they have reviewed) and assign the set again.`,
      fieldErrors: { kind: [`This class already reviews this set's cards in “${review.title}”.`] },
    };
  }
  const taken = siblings.filter((s) => s.kind === next.kind).map((s) => s.title);
  if (!next.title) return { ok: true, title: nextFreeTitle(defaultAssignmentTitle[next.kind], taken) };
  const same = siblings.find((s) => s.kind === next.kind && titleKey(s.title) === titleKey(next.title!));
  if (!same) return { ok: true, title: next.title };
  const suggestion = nextFreeTitle(next.title, taken);
  return {
    ok: false,
    message: `This class already has a ${kindNoun[next.kind]} called “${same.title}” from this set. Give this one its own title, such as “${suggestion}”, so students can tell them apart.`,
    fieldErrors: { title: [`Already the title of a ${kindNoun[next.kind]} of this set in this class: try “${suggestion}”.`] },
  };
}
