import "server-only";
import { z } from "zod";
import { AppError, isAppError } from "../errors";
import type { Actor, StudySetFacts } from "../auth/permissions";
import type { StatusCounts } from "../authoring/review-summary";
import { generateModelAnswer, importModelAnswer, writtenLimits, type Material as GeneratedMaterial, type ModelAnswer, type Question } from "../generate";
import { ingestStoredMaterial } from "../generate/thread-tasks";
import { MAX_MATERIAL_BYTES, type IngestInput, type ProcessedMaterial } from "../material/schemas";
import { decodeUploadedText } from "../material/encoding";
import { normalizeNameText, untrustedName, untrustedString } from "../text/untrusted";
import { materialBytesSince } from "../db/material-budget";
import { ingestInThread } from "./engine-pool";
import { LOW_QUALITY_SCORE } from "../generate/quality-threshold";
import { rubricTotal } from "../generate/model-answer";
import { randomUUID } from "node:crypto";
import {
  acceptAllDrafts,
  addDraftItems,
  countItemsByStatus,
  countSelectedDrafts,
  createDraftStudySet,
  getAuthoringView,
  getQuestionKindInSet,
  getQuestionMarks,
  listUnmarkableWrittenQuestions,
  RubricEditRefused,
  ForeignOptionRefused,
  listSetMaterials,
  listWrittenQuestionSources,
  markStudySetPublished,
  setItemStatus,
  getCardKindInSet,
  updateCardText,
  updateModelAnswerContent,
  updateQuestionContent,
  IMPORTED_MODEL_ANSWER_SOURCE,
  type AuthoringView,
  type StoredMaterial,
  type WrittenQuestionSources,
} from "../db/authoring";
import { getLatestJobOfSet, getQueuePosition, isWaitingForWorker } from "../db/jobs";
import { deleteOwnStudySet, getSetDeletionFacts, getStudySetFacts } from "../db/study-sets";
import { judgeSetDeletion, type SetDeletion } from "../authoring/set-deletion";
import { cardKindAfterEdit } from "../authoring/card-kind";
import { assertCan } from "./authorize";
import { addFieldError, fieldErrorsOf, validFields, whenValid } from "../forms/field-errors";
import { recordIdSchema } from "../text/untrusted";

/** Upload and paste limits, shown on the form and enforced here. */
export const AUTHORING_LIMITS = {
  /** One file or one paste, in bytes (the engine's own limit). */
  maxMaterialBytes: MAX_MATERIAL_BYTES,
  /** All material of one new set together, in bytes: keeps one generation job within seconds. */
  maxTotalBytes: 5_000_000,
  maxFiles: 8,
  maxQuestions: 10,
  extensions: [".txt", ".md", ".markdown", ".html", ".htm"],
} as const;

const formatMb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** Bytes of material one person may add in 24 hours: `MATERIAL_BYTES_PER_DAY` (default 20 MB). */
export function materialBytesPerDay(): number {
  const n = Number(process.env.MATERIAL_BYTES_PER_DAY ?? 20_000_000);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 20_000_000;
}

/** The rolling day over which an author's material budget counts. */
const MATERIAL_BUDGET_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Refuses with RATE_LIMITED when `adding` more bytes of material would take the author past their
 * budget for the 24 hours before `now` (a rolling day, so it never resets all at once).
 */
async function assertWithinMaterialBudget(ownerId: string, adding: number, now: Date): Promise<void> {
  const budget = materialBytesPerDay();
  const dayAgo = new Date(now.getTime() - MATERIAL_BUDGET_WINDOW_MS);
  const used = await materialBytesSince(ownerId, dayAgo);
  if (used + adding > budget) {
    const left = Math.max(0, budget - used);
    throw new AppError(
      "RATE_LIMITED",
      `That is ${formatMb(adding)} of material, and you have ${formatMb(left)} left of your ${formatMb(budget)} a day. Nothing was saved: try again later, or with less material.`,
    );
  }
}
/** An optional one-line field (a subject, a material's title or outlet): empty is none. */
const optionalText = (max: number, message: string) =>
  untrustedName()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : undefined));

const questionText = untrustedString()
  .trim()
  .min(15, "Write the whole question (at least 15 characters).")
  .max(600, "Keep a question under 600 characters.");

const marksField = z
  .union([z.literal(""), z.coerce.number().int().min(2, "Marks run from 2 to 25.").max(25, "Marks run from 2 to 25.")])
  .optional()
  .transform((v) => (typeof v === "number" ? v : undefined));

/** The text fields of the new-study-set form. */
export const newStudySetSchema = z.object({
  title: untrustedName({ error: "Name the study set." }, "Give the set a title with at least one letter or number.").trim().min(3, "Give the set a title of at least 3 characters.").max(120, "Keep the title under 120 characters."),
  subject: optionalText(60, "Keep the subject under 60 characters."),
  pasteTitle: optionalText(300, "Keep the material's title under 300 characters."),
  pasteOutlet: optionalText(200, "Keep the outlet under 200 characters."),
  pastePublishedAt: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v), "Use a date like 2026-02-27, or just the year."),
  pasteText: untrustedString().max(AUTHORING_LIMITS.maxMaterialBytes, `The pasted text is over ${formatMb(AUTHORING_LIMITS.maxMaterialBytes)}; upload it as files instead.`).optional(),
  questions: untrustedString()
    .max(8_000, "Keep the questions under 8,000 characters.")
    .optional()
    .transform((v) => (v ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .pipe(z.array(questionText).max(AUTHORING_LIMITS.maxQuestions, `Ask at most ${AUTHORING_LIMITS.maxQuestions} questions at a time.`)),
  marks: marksField,
});

/** An uploaded file's name and size, checked before its content is read. */
export const uploadedFileSchema = z.object({
  name: untrustedName()
    .trim()
    .min(1, "A file has no name.")
    .max(300, "A file name is too long.")
    .refine((n) => AUTHORING_LIMITS.extensions.some((ext) => n.toLowerCase().endsWith(ext)), {
      error: (issue) => `“${String(issue.input)}” is not a .txt, .md or .html file.`,
    }),
  size: z.number().int().nonnegative(),
});

export interface UploadedFile {
  name: string;
  size: number;
  /** Reads the file's bytes; called only once name and size pass. Decoded by `decodeUploadedText`. */
  bytes: () => Promise<Uint8Array>;
}

/** A material the form asked for, with the field its problems are reported under. */
interface PendingMaterial {
  field: "pasteText" | "files";
  input: IngestInput;
}

/**
 * Creates a draft study set from pasted text and/or uploaded files and queues its generation job.
 * Every piece is validated (type, size, encoding, readable text) before anything is written: on any
 * problem it throws AppError("INVALID") with per-field messages and writes nothing. Reading the
 * material (seconds of CPU for megabytes) runs in the engine's worker thread, off the event loop.
 * The author's daily material budget is checked before the job is queued.
 */
export async function createStudySetFromMaterial(actor: Actor, raw: { fields: Record<string, unknown>; files: UploadedFile[] }, now: Date = new Date()): Promise<{ setId: string; jobId: string }> {
  assertCan(actor, { action: "studySet.create" });
  const parsed = newStudySetSchema.safeParse(raw.fields);
  const fieldErrors: Record<string, string[]> = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const addError = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);

  // The pasted text on its own: a problem elsewhere in the form (a bad date) must not hide it.
  const pasteAlone = newStudySetSchema.shape.pasteText.safeParse(raw.fields.pasteText);
  const fromPaste = pasteAlone.success ? pasteAlone.data?.trim() : undefined;

  const files = raw.files.filter((f) => f.name || f.size > 0);
  if (files.length > AUTHORING_LIMITS.maxFiles) addError("files", `Upload at most ${AUTHORING_LIMITS.maxFiles} files at a time.`);
  const totalBytes = files.reduce((n, f) => n + f.size, 0) + Buffer.byteLength(fromPaste ?? "", "utf8");
  if (totalBytes > AUTHORING_LIMITS.maxTotalBytes) addError("files", `All the material together is ${formatMb(totalBytes)}; the limit for one set is ${formatMb(AUTHORING_LIMITS.maxTotalBytes)}.`);

  const pending: PendingMaterial[] = [];
  if (fromPaste) {
    const { pasteTitle, pasteOutlet, pastePublishedAt } = parsed.success ? parsed.data : {};
    pending.push({
      field: "pasteText",
      input: {
        source: "pasted",
        content: fromPaste,
        ...(pasteTitle ? { title: pasteTitle } : {}),
        ...(pasteOutlet ? { outlet: pasteOutlet } : {}),
        ...(pastePublishedAt ? { publishedAt: pastePublishedAt } : {}),
      },
    });
  }
  if (!fieldErrors.files) {
    for (const file of files) {
      const meta = uploadedFileSchema.safeParse({ name: file.name, size: file.size });
      if (!meta.success) {
        addError("files", meta.error.issues[0]?.message ?? `“${normalizeNameText(file.name)}” cannot be used.`);
        continue;
      }
      const name = meta.data.name;
      if (file.size === 0) {
        addError("files", `“${name}” is empty.`);
        continue;
      }
      if (file.size > AUTHORING_LIMITS.maxMaterialBytes) {
        addError("files", `“${name}” is ${formatMb(file.size)}; the limit is ${formatMb(AUTHORING_LIMITS.maxMaterialBytes)} a file. Split it into smaller parts.`);
        continue;
      }
      try {
        const { text } = decodeUploadedText(await file.bytes(), name);
        pending.push({ field: "files", input: { source: name, filename: name, content: text } });
      } catch (e) {
        if (!isAppError(e)) throw e;
        addError("files", e.message);
      }
    }
  }
  if (!fromPaste && files.length === 0 && !fieldErrors.pasteText) addError("pasteText", "Paste some text or choose at least one file.");

  const materials: GeneratedMaterial[] = [];
  if (pending.length && !fieldErrors.files) {
    const outcomes = await ingestInThread(pending.map((p) => p.input));
    outcomes.forEach((outcome, i) => (outcome.ok ? materials.push(outcome.material) : addError(pending[i]!.field, outcome.message)));
  }

  // The same text twice would only duplicate every card.
  const seen = new Map<string, string>();
  const unique = materials.filter((m) => {
    const first = seen.get(m.text);
    if (first !== undefined) {
      addError("files", `“${m.source}” has the same text as “${first}”; keep one of them.`);
      return false;
    }
    seen.set(m.text, m.source);
    return true;
  });

  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    throw new AppError("INVALID", "Nothing was saved yet: fix the highlighted parts and try again.", fieldErrors);
  }
  await assertWithinMaterialBudget(actor.id, unique.reduce((n, m) => n + Buffer.byteLength(m.text, "utf8"), 0), now);
  return createDraftStudySet({
    ownerId: actor.id,
    title: parsed.data.title,
    subject: parsed.data.subject ?? null,
    materials: unique,
    jobInput: { questions: parsed.data.questions, marks: parsed.data.marks ?? null },
  });
}

async function loadEditableSet(actor: Actor, setId: string): Promise<StudySetFacts> {
  const facts = await getStudySetFacts(setId, actor.id);
  if (!facts) throw new AppError("NOT_FOUND", "That study set does not exist.");
  assertCan(actor, { action: "studySet.edit", set: facts });
  return facts;
}

export interface AuthoringPage {
  set: AuthoringView;
  /** Items per review status; `selectedDrafts`: the drafts "accept selected" accepts (low scorers start unselected). */
  counts: { draft: number; accepted: number; rejected: number; selectedDrafts: number; cards: StatusCounts; questions: StatusCounts };
  job: {
    id: string;
    status: "queued" | "running" | "succeeded" | "failed";
    progress: number;
    total: number;
    stage: string | null;
    error: string | null;
    /** No worker holds it (queued, or its lease lapsed): the page wakes the dispatcher. */
    isWaitingForWorker: boolean;
    /** Its place in line while queued (1 = next), else null. */
    queuePosition: number | null;
  } | null;
}

/** Everything the review screen shows — all items in every status, with evidence. Owner only. */
export async function getAuthoringFor(actor: Actor, setId: string, now: Date): Promise<AuthoringPage> {
  await loadEditableSet(actor, setId);
  const [set, counts, selectedDrafts, job] = await Promise.all([getAuthoringView(setId), countItemsByStatus(setId), countSelectedDrafts(setId, LOW_QUALITY_SCORE), getLatestJobOfSet(setId)]);
  if (!set) throw new AppError("NOT_FOUND", "That study set does not exist.");
  return {
    set,
    counts: { ...counts, selectedDrafts },
    job: job
      ? {
          id: job.id,
          status: job.status,
          progress: job.progress,
          total: job.total,
          stage: job.stage,
          error: job.error,
          isWaitingForWorker: isWaitingForWorker(job, now),
          queuePosition: await getQueuePosition(job, now),
        }
      : null,
  };
}

const idField = recordIdSchema;

export const itemStatusSchema = z.object({
  setId: idField,
  kind: z.enum(["card", "question"]),
  itemId: idField,
  status: z.enum(["draft", "accepted", "rejected"], { error: "Choose accept, reject or back to draft." }),
});

/** Accepts, rejects or returns to draft one card or question. */
export async function setItemStatusFor(actor: Actor, raw: unknown): Promise<{ status: "draft" | "accepted" | "rejected" }> {
  const parsed = itemStatusSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Invalid request.");
  const { setId, kind, itemId, status } = parsed.data;
  await loadEditableSet(actor, setId);
  if (!(await setItemStatus(setId, kind, itemId, status))) throw new AppError("NOT_FOUND", "That item is not in this study set.");
  return { status };
}

/**
 * Accepts the set's selected drafts: every draft except those the generator scored below
 * `LOW_QUALITY_SCORE`, which start unselected and stay drafts until the reviewer accepts each one.
 */
export async function acceptAllDraftsFor(actor: Actor, setId: string): Promise<{ cards: number; questions: number }> {
  await loadEditableSet(actor, recordIdSchema.parse(setId));
  return acceptAllDrafts(setId, LOW_QUALITY_SCORE);
}

/**
 * Publishes the set: from then on the learners it is shared with (its classes, or only its owner
 * for a student's private set) see its accepted items. Not while its job runs, nor with nothing accepted.
 */
export async function publishStudySetFor(actor: Actor, setId: string, now: Date): Promise<{ accepted: number }> {
  await loadEditableSet(actor, recordIdSchema.parse(setId));
  const [counts, job] = await Promise.all([countItemsByStatus(setId), getLatestJobOfSet(setId)]);
  if (job && (job.status === "queued" || job.status === "running")) throw new AppError("CONFLICT", "The material is still being processed. Publish once the drafts are ready.");
  if (counts.accepted === 0) throw new AppError("INVALID", "Accept at least one card or question before publishing.");
  const unmarkable = await listUnmarkableWrittenQuestions(setId);
  if (unmarkable.length) {
    const q = unmarkable[0]!;
    const short = q.prompt.length > 80 ? `${q.prompt.slice(0, 80).replace(/\s\S*$/, "")}…` : q.prompt;
    throw new AppError(
      "INVALID",
      q.rubricTotal === 0
        ? `“${short}” has no rubric, so learners could not be marked: add a model answer with its rubric, or reject the question, before publishing.`
        : `The rubric of “${short}” adds up to ${q.rubricTotal} marks but the question is worth ${q.marks}: fix the rubric, or reject the question, before publishing.`,
    );
  }
  await markStudySetPublished(setId, now);
  return { accepted: counts.accepted };
}

/** Loads a set and checks the actor owns it, for deleting it (see `studySet.delete`). */
async function loadOwnSet(actor: Actor, setId: string): Promise<StudySetFacts> {
  const facts = await getStudySetFacts(setId, actor.id);
  if (!facts) throw new AppError("NOT_FOUND", "That study set does not exist.");
  assertCan(actor, { action: "studySet.delete", set: facts });
  return facts;
}

/** For the owner's set page: whether the set may be deleted now and what that would remove, or why not (judgeSetDeletion). */
export async function getSetDeletionFor(actor: Actor, setId: string): Promise<SetDeletion> {
  await loadOwnSet(actor, recordIdSchema.parse(setId));
  const facts = await getSetDeletionFacts(setId, actor.id);
  if (!facts) throw new AppError("NOT_FOUND", "That study set does not exist.");
  return judgeSetDeletion(facts);
}

const deleteSetSchema = z.object({ setId: idField });

/**
 * Deletes a study set for its owner — nobody else, not even an administrator — with its cards,
 * questions, model answers, the material nothing else uses, and the owner's own attempts and reviews
 * of it (lib/db/study-sets.ts deleteOwnStudySet). Refused as a CONFLICT, with nothing changed, while
 * the set is assigned to a class, another learner has worked on it, or its items are still being
 * generated (judgeSetDeletion, decided under the deletion's row locks, so a concurrent assignment or
 * start is either seen or fails on the deleted set). Deleting gives back none of the day's material budget.
 */
export async function deleteStudySetFor(actor: Actor, raw: unknown, now: Date): Promise<{ title: string }> {
  const parsed = deleteSetSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Choose a study set.", fieldErrorsOf(parsed.error));
  const { setId } = parsed.data;
  await loadOwnSet(actor, setId);
  const deleted = await deleteOwnStudySet(setId, actor.id, new Date(now.getTime() - MATERIAL_BUDGET_WINDOW_MS), (facts) => {
    const judged = judgeSetDeletion(facts);
    if (!judged.isAllowed) throw new AppError("CONFLICT", judged.reason);
  });
  if (!deleted) throw new AppError("NOT_FOUND", "That study set does not exist.");
  return deleted;
}

const editText = (label: string, max: number) => untrustedString({ error: `${label} is missing.` }).trim().min(1, `${label} cannot be empty.`).max(max, `Keep ${label.toLowerCase()} under ${max} characters.`);

export const cardEditSchema = z.object({ setId: idField, cardId: idField, front: editText("The front", 1_000), back: editText("The back", 2_000) });

/** Edits a card's front and back; a fill-the-gap card edited into a question becomes one (lib/authoring/card-kind.ts). */
export async function updateCardFor(actor: Actor, raw: unknown): Promise<{ id: string }> {
  const parsed = cardEditSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Check the card.", fieldErrorsOf(parsed.error));
  const { setId, cardId, front, back } = parsed.data;
  await loadEditableSet(actor, setId);
  const kind = await getCardKindInSet(setId, cardId);
  if (!kind || !(await updateCardText(setId, cardId, { front, back, kind: cardKindAfterEdit(kind, front) }))) throw new AppError("NOT_FOUND", "That card is not in this study set.");
  return { id: cardId };
}

export const questionEditSchema = z
  .object({
    setId: idField,
    questionId: idField,
    prompt: editText("The question", 2_000),
    explanation: editText("The explanation", 3_000),
    answer: untrustedString().trim().max(500, "Keep the answer under 500 characters.").optional(),
    options: z.array(z.object({ id: idField, text: editText("An option", 500), isCorrect: z.boolean() })).max(10).optional(),
  })
  .refine((q) => !q.options?.length || q.options.some((o) => o.isCorrect), { error: "Mark at least one option as correct.", path: ["options"], when: whenValid("options") });

/** Why an answer key does not fit its question kind, or null when it does (or is not being changed). */
function answerKeyProblem(kind: string, answer: string | undefined): string | null {
  if (answer === undefined) return null;
  if (kind === "true_false" && !/^(true|false)$/i.test(answer)) return "Answer true or false.";
  if (kind === "numeric" && !Number.isFinite(Number(answer.replace(/,/g, "")))) return "The answer to a numeric question is a number, e.g. 2500.";
  if (kind === "short_answer" && !answer) return "Give the expected answer.";
  return null;
}

/** Edits a question: prompt, explanation, its key (short answer, numeric, true/false) and its options; every problem of the edit is reported at once. */
export async function updateQuestionFor(actor: Actor, raw: unknown): Promise<{ id: string }> {
  const parsed = questionEditSchema.safeParse(raw);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const form = parsed.success ? parsed.data : validFields(questionEditSchema, raw, fieldErrors);
  if (!form.setId || !form.questionId) throw new AppError("INVALID", "Check the question.", fieldErrors);
  await loadEditableSet(actor, form.setId);
  const kind = await getQuestionKindInSet(form.setId, form.questionId);
  if (!kind) throw new AppError("NOT_FOUND", "That question is not in this study set.");
  // The key is judged against the question's kind even when another field of the edit is wrong.
  const keyProblem = answerKeyProblem(kind, form.answer);
  if (keyProblem) addFieldError(fieldErrors, "answer", keyProblem);
  if (!parsed.success || keyProblem) throw new AppError("INVALID", keyProblem && Object.keys(fieldErrors).length === 1 ? keyProblem : "Check the question.", fieldErrors);
  const { setId, questionId, prompt, explanation, answer, options } = parsed.data;
  const key = answer !== undefined && kind === "true_false" ? answer.toLowerCase() : answer !== undefined && kind === "numeric" ? answer.replace(/,/g, "") : answer;
  let isSaved: boolean;
  try {
    isSaved = await updateQuestionContent(setId, questionId, { prompt, explanation, ...(key !== undefined ? { answer: key } : {}), ...(options ? { options } : {}) });
  } catch (e) {
    if (!(e instanceof ForeignOptionRefused)) throw e;
    throw new AppError("INVALID", "An option in the edit does not belong to this question. Nothing was changed: reload the page and try again.", { options: ["Unknown option."] });
  }
  if (!isSaved) throw new AppError("NOT_FOUND", "That question is not in this study set.");
  return { id: questionId };
}

export const modelAnswerEditSchema = z.object({
  setId: idField,
  questionId: idField,
  coreDemands: z.array(editText("A core demand", 500)).min(1, "Keep at least one core demand.").max(12),
  introduction: editText("The introduction", 3_000),
  conclusion: editText("The conclusion", 3_000),
  sections: z
    .array(
      z.object({
        id: idField,
        heading: editText("A heading", 300),
        points: z.array(z.object({ id: idField, text: editText("A point", 1_500), example: untrustedString().trim().max(1_500).nullable().transform((v) => (v ? v : null)) })).max(30),
      }),
    )
    .max(20),
  rubric: z
    .array(
      z.object({
        id: idField.optional(),
        point: editText("A rubric point", 1_500),
        marks: z.number({ error: "Give each rubric point its marks." }).gt(0, "A rubric point is worth more than 0 marks; remove it instead.").max(25, "At most 25 marks a point."),
        kind: z.enum(["content", "structure"]).optional(),
      }),
    )
    .min(1, "A written question needs at least one rubric point.")
    .max(60, "Keep the rubric to 60 points."),
});

/**
 * Edits a model answer (demands, introduction, headed points, conclusion) and its rubric: points can
 * be re-worded, re-weighted, added and removed, but the rubric must add up to the question's marks —
 * otherwise nothing is saved and the message says by how much it is off.
 */
export async function updateModelAnswerFor(actor: Actor, raw: unknown): Promise<{ id: string }> {
  const parsed = modelAnswerEditSchema.safeParse(raw);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const form = parsed.success ? parsed.data : validFields(modelAnswerEditSchema, raw, fieldErrors);
  if (!form.setId || !form.questionId) throw new AppError("INVALID", "Check the model answer.", fieldErrors);
  await loadEditableSet(actor, form.setId);
  const question = await getQuestionMarks(form.setId, form.questionId);
  if (!question) throw new AppError("NOT_FOUND", "That model answer is not in this study set.");
  // The rubric's total is checked whenever its marks are readable, whatever else the edit gets wrong.
  const total = form.rubric ? rubricTotal(form.rubric) : question.marks;
  if (Math.abs(total - question.marks) > 1e-9) {
    const message = `The rubric adds up to ${total} marks but the question is worth ${question.marks}: ${total > question.marks ? "take away" : "add"} ${Math.round(Math.abs(total - question.marks) * 100) / 100} ${Math.abs(total - question.marks) === 1 ? "mark" : "marks"} before saving.`;
    addFieldError(fieldErrors, "rubric", message);
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    // The form has a place for the rubric's message and the question's, not for each point: the message lists them all.
    throw new AppError("INVALID", [...new Set(Object.values(fieldErrors).flat())].join(" "), fieldErrors);
  }
  const { setId, questionId, ...edit } = parsed.data;
  try {
    if (!(await updateModelAnswerContent(setId, questionId, edit, () => `c-${randomUUID().slice(0, 8)}`))) throw new AppError("NOT_FOUND", "That model answer is not in this study set.");
  } catch (e) {
    if (e instanceof RubricEditRefused) throw new AppError("CONFLICT", e.message, { rubric: [e.message] });
    throw e;
  }
  return { id: questionId };
}

/** A stored material read again by the engine, as stored (see `ingestStoredMaterial`, which generation jobs use too). */
export function reingestStoredMaterial(m: StoredMaterial): ProcessedMaterial {
  return ingestStoredMaterial(m);
}

/** Re-reads stored (already cleaned) materials for the engine; engine id → database id. */
function reprocess(stored: readonly StoredMaterial[]): { processed: ProcessedMaterial[]; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const processed = stored.map((m) => {
    const p = reingestStoredMaterial(m);
    ids.set(p.material.id, m.id);
    return p;
  });
  return { processed, ids };
}

function writtenItem(prompt: string, answer: ModelAnswer, marks: number, wordLimit: number): Question {
  const evidence = answer.body.flatMap((s) => s.points.flatMap((p) => p.evidence)).slice(0, 3);
  if (!evidence.length) throw new AppError("INVALID", "The model answer has no point backed by the material, so it cannot be added.");
  return {
    id: answer.questionId,
    kind: "written",
    prompt,
    explanation: `A ${answer.directive} question: ${answer.coreDemands.join("; ")}. A model answer and its rubric accompany it.`,
    marks,
    timeLimitSec: writtenLimits(marks).timeLimitSec,
    wordLimit,
    evidence,
  };
}

const stripModelAnswer = (a: ModelAnswer): ModelAnswer => ({
  questionId: a.questionId,
  directive: a.directive,
  coreDemands: a.coreDemands,
  introduction: a.introduction,
  body: a.body,
  conclusion: a.conclusion,
  rubric: a.rubric,
});

export const addWrittenQuestionSchema = z.object({ setId: idField, question: questionText, marks: marksField });

/**
 * Adds a teacher's written question with a model answer (core demands, introduction, headed points,
 * conclusion) and rubric generated from the set's materials — as drafts to review.
 */
export async function addWrittenQuestionFor(actor: Actor, raw: unknown): Promise<{ questionId: string }> {
  const parsed = addWrittenQuestionSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Check the question.", fieldErrorsOf(parsed.error));
  const { setId, question, marks } = parsed.data;
  await loadEditableSet(actor, setId);
  const stored = (await listSetMaterials(setId)).filter((m) => m.source !== IMPORTED_MODEL_ANSWER_SOURCE);
  if (!stored.length) throw new AppError("INVALID", "This set has no material to answer from. Create a set from material first.");
  const { processed, ids } = reprocess(stored);
  const generated = generateModelAnswer(question, processed, marks ? { marks } : {});
  if (!generated.body.length) throw new AppError("INVALID", "The material says too little on that question to build a model answer. Rephrase it, or add material.", { question: ["Nothing in the material answers this."] });
  const answer = stripModelAnswer(generated);
  const item = writtenItem(question, answer, generated.marks, generated.wordLimit);
  const { questionIds } = await addDraftItems({ studySetId: setId, ownerId: actor.id, set: { cards: [], questions: [item], modelAnswers: [answer] }, materialIds: ids, newMaterials: [] });
  return { questionId: questionIds[0]! };
}

export const importModelAnswerSchema = z.object({
  setId: idField,
  question: questionText,
  text: untrustedString().trim().min(40, "Paste the whole model answer.").max(100_000, "A model answer over 100,000 characters is not a model answer."),
  outlet: optionalText(200, "Keep the source under 200 characters."),
  marks: marksField,
});

/**
 * Imports an existing model answer (Core Demand / Introduction / Body with headed points and "Eg:" /
 * Conclusion) for a question the teacher types: its text is stored as material, its structure and a
 * derived rubric as a draft written question whose points cite that text.
 */
export async function importModelAnswerFor(actor: Actor, raw: unknown): Promise<{ questionId: string }> {
  const parsed = importModelAnswerSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Check the question and the pasted answer.", fieldErrorsOf(parsed.error));
  const { setId, question, text, outlet, marks } = parsed.data;
  await loadEditableSet(actor, setId);
  let imported;
  try {
    imported = importModelAnswer(text, { source: IMPORTED_MODEL_ANSWER_SOURCE, ...(marks ? { marks } : {}) });
  } catch (e) {
    if (isAppError(e)) throw new AppError("INVALID", e.message, { text: [e.message] });
    throw e;
  }
  const material: GeneratedMaterial = {
    ...imported.material.material,
    title: normalizeNameText(`Model answer: ${question.length > 90 ? `${question.slice(0, 90).replace(/\s\S*$/, "")}…` : question}`),
    ...(outlet ? { outlet } : {}),
  };
  const answer = stripModelAnswer(imported.modelAnswer);
  const item = writtenItem(question, answer, imported.marks, imported.wordLimit);
  const { questionIds } = await addDraftItems({
    studySetId: setId,
    ownerId: actor.id,
    set: { cards: [], questions: [item], modelAnswers: [answer] },
    materialIds: new Map(),
    newMaterials: [material],
  });
  return { questionId: questionIds[0]! };
}

/**
 * Where each written question's model answer draws from (outlet, date, sentence) — shown on the set
 * page once the set is published, to anyone who may open it. Never the answer or the rubric, and
 * never the text of an imported model answer.
 */
export async function listWrittenSourcesFor(actor: Actor, setId: string): Promise<WrittenQuestionSources[]> {
  const facts = await getStudySetFacts(setId, actor.id);
  if (!facts) throw new AppError("NOT_FOUND", "That study set does not exist.");
  assertCan(actor, { action: "studySet.view", set: facts });
  if (facts.status !== "published") return [];
  return listWrittenQuestionSources(setId);
}
