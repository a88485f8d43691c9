import type { CardKind, Material as GeneratedMaterial, StudySet } from "../generate/schemas";
import type { DraftBatch } from "../generate/thread-tasks";
import type { Prisma } from "./generated/client";
import { getDb } from "./client";
import { completeGenerationJob, createGenerationJob, type JobClaim } from "./jobs";
import { modelAnswerWordCount } from "../generate/words";
import { AppError } from "../errors";
import { SET_DELETED_MESSAGE, lockSetForEdit } from "./study-sets";
import { writeMaterials, writeStudySetItems, yieldToEventLoop, type ItemStatusValue } from "./study-set-writer";

/** `Material.source` of an imported model answer's text: evidence for the answer, never shown to learners as a source. */
export const IMPORTED_MODEL_ANSWER_SOURCE = "imported model answer";

const LONG_TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;

/** Thrown inside a transaction to roll it back when the worker's claim on its job was lost. */
export class LostClaimError extends Error {
  constructor() {
    super("the job was claimed by another worker");
    this.name = "LostClaimError";
  }
}

export interface StoredMaterial {
  id: string;
  title: string;
  source: string;
  outlet: string | null;
  publishedAt: string | null;
  url: string | null;
  text: string;
  /** Where a sentence certainly starts in `text` (see Material.sentenceStarts): pass them back to the engine on a re-read. */
  sentenceStarts: number[];
}

const STORED_MATERIAL = { id: true, title: true, source: true, outlet: true, publishedAt: true, url: true, text: true, sentenceStarts: true } as const;

/**
 * Creates a draft study set owned by `ownerId` with its materials (already cleaned) and a queued
 * generation job, in one transaction: either all of it exists afterwards or none of it.
 */
export async function createDraftStudySet(input: {
  ownerId: string;
  title: string;
  subject: string | null;
  materials: readonly GeneratedMaterial[];
  jobInput: { questions: string[]; marks: number | null };
}): Promise<{ setId: string; jobId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const materialIds = await writeMaterials(tx, input.materials, input.ownerId);
    const ordered = input.materials.map((m) => materialIds.get(m.id)!);
    const set = await tx.studySet.create({
      data: {
        ownerId: input.ownerId,
        title: input.title,
        subject: input.subject,
        status: "draft",
        materials: { create: ordered.map((materialId, position) => ({ materialId, position })) },
      },
      select: { id: true },
    });
    const job = await createGenerationJob(tx, {
      ownerId: input.ownerId,
      studySetId: set.id,
      input: { materialIds: ordered, questions: input.jobInput.questions, marks: input.jobInput.marks },
      // One step per material read, one to generate, one to save.
      total: ordered.length + 2,
    });
    return { setId: set.id, jobId: job.id };
  }, LONG_TRANSACTION);
}

/** Materials by id, in the order given (missing ids are left out). */
export async function listMaterialsByIds(ids: readonly string[]): Promise<StoredMaterial[]> {
  const db = await getDb();
  const rows = await db.material.findMany({
    where: { id: { in: [...ids] } },
    select: STORED_MATERIAL,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/** A set's materials in their set order. */
export async function listSetMaterials(studySetId: string): Promise<StoredMaterial[]> {
  const db = await getDb();
  const rows = await db.studySetMaterial.findMany({
    where: { studySetId },
    orderBy: { position: "asc" },
    select: { material: { select: STORED_MATERIAL } },
  });
  return rows.map((r) => r.material);
}

async function nextPositions(tx: Prisma.TransactionClient, studySetId: string): Promise<{ card: number; question: number }> {
  const [card, question] = await Promise.all([
    tx.card.aggregate({ where: { studySetId }, _max: { position: true } }),
    tx.question.aggregate({ where: { studySetId }, _max: { position: true } }),
  ]);
  return { card: (card._max.position ?? -1) + 1, question: (question._max.position ?? -1) + 1 };
}

/** Cards or questions written per transaction: small enough that no single write holds the database (or the server's thread) for long. */
export const DRAFT_WRITE_CHUNK = 50;


/**
 * Writes a generation job's drafts in short transactions, then marks the job succeeded. Idempotent
 * per job: each card and question records the job that wrote it, and the first transaction removes
 * whatever an earlier, interrupted run of the same job wrote, so a resumed job never duplicates.
 * Every transaction is fenced by the claim's `runCount` and renews the lease to `leaseUntil`; a
 * worker whose claim was taken over gets LostClaimError and stops. Stored materials are left as
 * they are: the engine read their text as stored, so every evidence offset points into it.
 */
export async function saveGeneratedDrafts(input: {
  claim: JobClaim;
  studySetId: string;
  /** Each batch (cards, or questions with their model answers) is read only when its turn comes, one transaction each. */
  batches: ReadonlyArray<() => DraftBatch>;
  materialIds: ReadonlyMap<string, string>;
  now: Date;
  leaseUntil: Date;
  stage: string;
}): Promise<{ cards: number; questions: number }> {
  const db = await getDb();
  const jobId = input.claim.job.id;
  const fenced = async (tx: Prisma.TransactionClient) => {
    const held = await tx.generationJob.updateMany({ where: { id: jobId, status: "running", runCount: input.claim.runCount }, data: { leaseUntil: input.leaseUntil } });
    if (held.count !== 1) throw new LostClaimError();
  };

  const start = await db.$transaction(async (tx) => {
    await lockSetForEdit(tx, input.studySetId);
    await fenced(tx);
    await tx.card.deleteMany({ where: { generationJobId: jobId } });
    await tx.question.deleteMany({ where: { generationJobId: jobId } });
    return nextPositions(tx, input.studySetId);
  }, LONG_TRANSACTION);

  const common = { studySetId: input.studySetId, materialIds: input.materialIds, status: "draft" as const, generationJobId: jobId };
  let cards = 0;
  let questions = 0;
  for (const read of input.batches) {
    await yieldToEventLoop();
    const batch = read();
    await yieldToEventLoop();
    await db.$transaction(async (tx) => {
      await lockSetForEdit(tx, input.studySetId);
      await fenced(tx);
      await writeStudySetItems(tx, { ...common, set: batch, cardPosition: start.card + cards, questionPosition: start.question + questions });
    }, LONG_TRANSACTION);
    cards += batch.cards.length;
    questions += batch.questions.length;
  }

  await db.$transaction(async (tx) => {
    if (!(await completeGenerationJob(tx, input.claim, input.now, input.stage))) throw new LostClaimError();
  });
  return { cards, questions };
}

/**
 * Adds hand-requested written questions (with model answers and rubrics) to a set as drafts. New
 * materials (an imported model answer's text) are stored, owned by `ownerId`, and linked to the set.
 */
export async function addDraftItems(input: {
  studySetId: string;
  ownerId: string;
  set: Pick<StudySet, "cards" | "questions" | "modelAnswers">;
  materialIds: ReadonlyMap<string, string>;
  newMaterials: readonly GeneratedMaterial[];
}): Promise<{ questionIds: string[] }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await lockSetForEdit(tx, input.studySetId);
    const ids = new Map(input.materialIds);
    if (input.newMaterials.length) {
      const created = await writeMaterials(tx, input.newMaterials, input.ownerId);
      const last = await tx.studySetMaterial.aggregate({ where: { studySetId: input.studySetId }, _max: { position: true } });
      let position = (last._max.position ?? -1) + 1;
      for (const m of input.newMaterials) {
        const materialId = created.get(m.id)!;
        ids.set(m.id, materialId);
        await tx.studySetMaterial.create({ data: { studySetId: input.studySetId, materialId, position: position++ } });
      }
    }
    const start = await nextPositions(tx, input.studySetId);
    const questionIds = await writeStudySetItems(tx, {
      studySetId: input.studySetId,
      set: input.set,
      materialIds: ids,
      status: "draft",
      cardPosition: start.card,
      questionPosition: start.question,
    });
    await tx.studySet.update({ where: { id: input.studySetId }, data: { updatedAt: new Date() } });
    return { questionIds: [...questionIds.values()] };
  }, LONG_TRANSACTION);
}

// ---------------------------------------------------------------------------------------------
// The review screen

export interface EvidenceView {
  materialId: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  /** The paragraph around the quote, cut to a readable length: before + quote + after. */
  before: string;
  quote: string;
  after: string;
}

export interface DraftCard {
  id: string;
  kind: string;
  front: string;
  back: string;
  status: ItemStatusValue;
  /** Generator's quality score in [0, 1] with its reasons; null for hand-made items. */
  qualityScore: number | null;
  qualityReasons: string[];
  evidence: EvidenceView[];
}

export interface DraftOption {
  id: string;
  text: string;
  isCorrect: boolean;
}

export interface DraftModelAnswer {
  directive: string;
  coreDemands: string[];
  introduction: string;
  conclusion: string;
  wordCount: number;
  sections: { id: string; heading: string; points: { id: string; text: string; example: string | null; evidence: EvidenceView[] }[] }[];
  rubric: { id: string; key: string; point: string; marks: number; kind: "content" | "structure" }[];
}

export interface DraftQuestion {
  id: string;
  kind: string;
  prompt: string;
  answer: string | null;
  unit: string | null;
  explanation: string;
  marks: number;
  timeLimitSec: number;
  wordLimit: number | null;
  status: ItemStatusValue;
  qualityScore: number | null;
  qualityReasons: string[];
  options: DraftOption[];
  evidence: EvidenceView[];
  modelAnswer: DraftModelAnswer | null;
}

export interface AuthoringView {
  id: string;
  title: string;
  subject: string | null;
  status: "draft" | "published";
  publishedAt: Date | null;
  materials: { id: string; title: string; source: string; outlet: string | null; publishedAt: string | null; characters: number }[];
  cards: DraftCard[];
  questions: DraftQuestion[];
}

/** Characters of context kept on each side of a quote. */
const CONTEXT_CHARS = 240;

/**
 * The paragraph (line) of `text` holding `[start, end)`, split around the quote and trimmed to
 * about CONTEXT_CHARS characters on each side at word boundaries, with "…" where cut.
 */
export function quoteContext(text: string, start: number, end: number): { before: string; quote: string; after: string } {
  const lineStart = text.lastIndexOf("\n", Math.max(0, start - 1)) + 1;
  const nextBreak = text.indexOf("\n", end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  let before = text.slice(lineStart, start);
  let after = text.slice(end, lineEnd);
  if (before.length > CONTEXT_CHARS) before = `…${before.slice(before.length - CONTEXT_CHARS).replace(/^\S*\s/, "")}`;
  if (after.length > CONTEXT_CHARS) after = `${after.slice(0, CONTEXT_CHARS).replace(/\s\S*$/, "")}…`;
  return { before, quote: text.slice(start, end), after };
}

const spanSelect = { materialId: true, start: true, end: true, quote: true } as const;
type SpanRow = { materialId: string; start: number; end: number; quote: string };

/** Every item of a set, whatever its review status, with evidence in context — for its owner. */
export async function getAuthoringView(studySetId: string): Promise<AuthoringView | null> {
  const db = await getDb();
  const [set, materials] = await Promise.all([
    db.studySet.findUnique({
      where: { id: studySetId },
      select: {
        id: true,
        title: true,
        subject: true,
        status: true,
        publishedAt: true,
        cards: { orderBy: { position: "asc" }, select: { id: true, kind: true, front: true, back: true, status: true, qualityScore: true, qualityReasons: true, evidence: { select: spanSelect } } },
        questions: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            kind: true,
            prompt: true,
            answer: true,
            unit: true,
            explanation: true,
            marks: true,
            timeLimitSec: true,
            wordLimit: true,
            status: true,
            qualityScore: true,
            qualityReasons: true,
            evidence: { select: spanSelect },
            options: { orderBy: { position: "asc" }, select: { id: true, text: true, isCorrect: true } },
            rubricPoints: { orderBy: { position: "asc" }, select: { id: true, key: true, point: true, marks: true, kind: true } },
            modelAnswer: {
              select: {
                directive: true,
                coreDemands: true,
                introduction: true,
                conclusion: true,
                wordCount: true,
                sections: {
                  orderBy: { position: "asc" },
                  select: {
                    id: true,
                    heading: true,
                    points: { orderBy: { position: "asc" }, select: { id: true, text: true, example: true, evidence: { select: spanSelect } } },
                  },
                },
              },
            },
          },
        },
      },
    }),
    listSetMaterials(studySetId),
  ]);
  if (!set) return null;
  const byId = new Map(materials.map((m) => [m.id, m]));
  // Evidence may point at a material no longer linked to the set; load those too.
  const spans: SpanRow[] = [
    ...set.cards.flatMap((c) => c.evidence),
    ...set.questions.flatMap((q) => [...q.evidence, ...(q.modelAnswer?.sections.flatMap((s) => s.points.flatMap((p) => p.evidence)) ?? [])]),
  ];
  const missing = [...new Set(spans.map((s) => s.materialId).filter((id) => !byId.has(id)))];
  for (const m of await listMaterialsByIds(missing)) byId.set(m.id, m);

  const toEvidence = (rows: SpanRow[]): EvidenceView[] =>
    rows.flatMap((e) => {
      const m = byId.get(e.materialId);
      if (!m) return [];
      const ctx = m.text.slice(e.start, e.end) === e.quote ? quoteContext(m.text, e.start, e.end) : { before: "", quote: e.quote, after: "" };
      return [{ materialId: m.id, title: m.title, outlet: m.outlet, publishedAt: m.publishedAt, ...ctx }];
    });

  return {
    id: set.id,
    title: set.title,
    subject: set.subject,
    status: set.status,
    publishedAt: set.publishedAt,
    materials: materials.map((m) => ({ id: m.id, title: m.title, source: m.source, outlet: m.outlet, publishedAt: m.publishedAt, characters: m.text.length })),
    cards: set.cards.map((c) => ({ id: c.id, kind: c.kind, front: c.front, back: c.back, status: c.status, qualityScore: c.qualityScore, qualityReasons: c.qualityReasons, evidence: toEvidence(c.evidence) })),
    questions: set.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      answer: q.answer,
      unit: q.unit,
      explanation: q.explanation,
      marks: q.marks,
      timeLimitSec: q.timeLimitSec,
      wordLimit: q.wordLimit,
      status: q.status,
      qualityScore: q.qualityScore,
      qualityReasons: q.qualityReasons,
      options: q.options,
      evidence: toEvidence(q.evidence),
      modelAnswer: q.modelAnswer
        ? {
            directive: q.modelAnswer.directive,
            coreDemands: q.modelAnswer.coreDemands,
            introduction: q.modelAnswer.introduction,
            conclusion: q.modelAnswer.conclusion,
            wordCount: q.modelAnswer.wordCount,
            sections: q.modelAnswer.sections.map((s) => ({
              id: s.id,
              heading: s.heading,
              points: s.points.map((p) => ({ id: p.id, text: p.text, example: p.example, evidence: toEvidence(p.evidence) })),
            })),
            rubric: q.rubricPoints,
          }
        : null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Review writes. Every write names the set in its `where`, so an item id from another set matches nothing;
// every transaction locks the set's row first (lockSetForEdit: NOT_FOUND once the set is deleted).

export type ItemKind = "card" | "question";

/** Sets one item's review status; false when the item is not in the set. */
export async function setItemStatus(studySetId: string, kind: ItemKind, itemId: string, status: ItemStatusValue): Promise<boolean> {
  const db = await getDb();
  const where = { id: itemId, studySetId };
  return db.$transaction(async (tx) => {
    await lockSetForEdit(tx, studySetId);
    const result = kind === "card" ? await tx.card.updateMany({ where, data: { status } }) : await tx.question.updateMany({ where, data: { status } });
    if (result.count) await tx.studySet.update({ where: { id: studySetId }, data: { updatedAt: new Date() } });
    return result.count === 1;
  });
}

/** Accepts every draft card and question of the set (rejected items stay rejected). */
export async function acceptAllDrafts(studySetId: string, minQualityScore = 0): Promise<{ cards: number; questions: number }> {
  const db = await getDb();
  // Drafts scoring below the bar start unselected: "accept all" leaves them for the reviewer to judge.
  const selected = { OR: [{ qualityScore: null }, { qualityScore: { gte: minQualityScore } }] };
  return db.$transaction(async (tx) => {
    await lockSetForEdit(tx, studySetId);
    const cards = await tx.card.updateMany({ where: { studySetId, status: "draft", ...selected }, data: { status: "accepted" } });
    const questions = await tx.question.updateMany({ where: { studySetId, status: "draft", ...selected }, data: { status: "accepted" } });
    await tx.studySet.update({ where: { id: studySetId }, data: { updatedAt: new Date() } });
    return { cards: cards.count, questions: questions.count };
  });
}

/**
 * Accepted written questions of a set whose rubric is missing or does not add up to their marks:
 * such a question cannot be published (a learner pressing Practise would get no marking scheme).
 */
export async function listUnmarkableWrittenQuestions(studySetId: string): Promise<Array<{ id: string; prompt: string; marks: number; rubricTotal: number }>> {
  const db = await getDb();
  const rows = await db.question.findMany({
    where: { studySetId, kind: "written", status: "accepted" },
    orderBy: { position: "asc" },
    select: { id: true, prompt: true, marks: true, rubricPoints: { select: { marks: true } } },
  });
  return rows
    .map((q) => ({ id: q.id, prompt: q.prompt, marks: q.marks, rubricTotal: Math.round(q.rubricPoints.reduce((n, r) => n + r.marks, 0) * 100) / 100 }))
    .filter((q) => q.rubricTotal === 0 || Math.abs(q.rubricTotal - q.marks) > 1e-9);
}

/** Drafts "accept selected" would accept: those with no quality score or one of at least `minQualityScore`. */
export async function countSelectedDrafts(studySetId: string, minQualityScore: number): Promise<number> {
  const db = await getDb();
  const where = { studySetId, status: "draft" as const, OR: [{ qualityScore: null }, { qualityScore: { gte: minQualityScore } }] };
  const [cards, questions] = await Promise.all([db.card.count({ where }), db.question.count({ where })]);
  return cards + questions;
}

/** How many items of the set are in each review status, in all and for cards and questions apart. */
export async function countItemsByStatus(studySetId: string): Promise<Record<ItemStatusValue, number> & { cards: Record<ItemStatusValue, number>; questions: Record<ItemStatusValue, number> }> {
  const db = await getDb();
  const [cardRows, questionRows] = await Promise.all([
    db.card.groupBy({ by: ["status"], where: { studySetId }, _count: { _all: true } }),
    db.question.groupBy({ by: ["status"], where: { studySetId }, _count: { _all: true } }),
  ]);
  const tally = (rows: readonly { status: ItemStatusValue; _count: { _all: number } }[]) => {
    const counts: Record<ItemStatusValue, number> = { draft: 0, accepted: 0, rejected: 0 };
    for (const row of rows) counts[row.status] += row._count._all;
    return counts;
  };
  const cards = tally(cardRows);
  const questions = tally(questionRows);
  return { draft: cards.draft + questions.draft, accepted: cards.accepted + questions.accepted, rejected: cards.rejected + questions.rejected, cards, questions };
}

/** Publishes the set: learners it is shared with see its accepted items from `now` on. NOT_FOUND once the set is deleted. */
export async function markStudySetPublished(studySetId: string, now: Date): Promise<void> {
  const db = await getDb();
  const { count } = await db.studySet.updateMany({ where: { id: studySetId }, data: { status: "published", publishedAt: now } });
  if (count === 0) throw new AppError("NOT_FOUND", SET_DELETED_MESSAGE);
}

/** A card's kind when it belongs to the set, else null. */
export async function getCardKindInSet(studySetId: string, cardId: string): Promise<CardKind | null> {
  const db = await getDb();
  const row = await db.card.findFirst({ where: { id: cardId, studySetId }, select: { kind: true } });
  return row?.kind ?? null;
}

/** Edits a card's text (and the kind that text makes it); false when it is not in the set. */
export async function updateCardText(studySetId: string, cardId: string, data: { front: string; back: string; kind: CardKind }): Promise<boolean> {
  const db = await getDb();
  const result = await db.card.updateMany({ where: { id: cardId, studySetId }, data });
  return result.count === 1;
}

/** A question's kind when it belongs to the set, else null. */
export async function getQuestionKindInSet(studySetId: string, questionId: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.question.findFirst({ where: { id: questionId, studySetId }, select: { kind: true } });
  return row?.kind ?? null;
}

export interface QuestionEdit {
  prompt: string;
  explanation: string;
  /** Short answer, numeric or true/false key; left as is when undefined. */
  answer?: string;
  /** Option texts and which are correct, by option id; options not named are left as they are. */
  options?: { id: string; text: string; isCorrect: boolean }[];
}

/** An edit named an option that is not one of the question's own: the whole edit is rolled back. */
export class ForeignOptionRefused extends Error {
  constructor(readonly optionId: string) {
    super(`option ${optionId} is not an option of this question`);
    this.name = "ForeignOptionRefused";
  }
}

/** Edits a question and its options in one transaction; false when the question is not in the set; ForeignOptionRefused (nothing written) for an option of another question. */
export async function updateQuestionContent(studySetId: string, questionId: string, edit: QuestionEdit): Promise<boolean> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await lockSetForEdit(tx, studySetId);
    const result = await tx.question.updateMany({
      where: { id: questionId, studySetId },
      data: { prompt: edit.prompt, explanation: edit.explanation, ...(edit.answer !== undefined ? { answer: edit.answer } : {}) },
    });
    if (result.count !== 1) return false;
    for (const [position, o] of (edit.options ?? []).entries()) {
      const updated = await tx.option.updateMany({ where: { id: o.id, questionId }, data: { text: o.text, isCorrect: o.isCorrect, position } });
      if (updated.count !== 1) throw new ForeignOptionRefused(o.id);
    }
    return true;
  });
}

export interface ModelAnswerEdit {
  coreDemands: string[];
  introduction: string;
  conclusion: string;
  sections: { id: string; heading: string; points: { id: string; text: string; example: string | null }[] }[];
  /** The whole rubric in order: points with an id are kept (edited), points without one are added, stored points left out are removed. */
  rubric: { id?: string; point: string; marks: number; kind?: "content" | "structure" }[];
}

/** Why a rubric edit cannot be saved (a removed point has already marked answers). */
export class RubricEditRefused extends Error {}

/** The marks and rubric total of a written question in a set, or null when it is not there. */
export async function getQuestionMarks(studySetId: string, questionId: string): Promise<{ marks: number } | null> {
  const db = await getDb();
  return db.question.findFirst({ where: { id: questionId, studySetId }, select: { marks: true } });
}

/**
 * Edits a written question's model answer and rubric in one transaction: points are edited, added
 * and removed as the edit lists them (the caller has checked that the total equals the question's
 * marks). A point that has already marked answers cannot be removed (RubricEditRefused): that would
 * lose the marks learners were given. False when the question (with a model answer) is not in the
 * set or an id named in the edit does not belong to it.
 */
export async function updateModelAnswerContent(studySetId: string, questionId: string, edit: ModelAnswerEdit, newKey: () => string): Promise<boolean> {
  const db = await getDb();
  const question = await db.question.findFirst({ where: { id: questionId, studySetId }, select: { modelAnswer: { select: { id: true } } } });
  const modelAnswerId = question?.modelAnswer?.id;
  if (!modelAnswerId) return false;
  try {
    await db.$transaction(async (tx) => {
      await lockSetForEdit(tx, studySetId);
      const kept = new Set(edit.rubric.flatMap((r) => (r.id ? [r.id] : [])));
      const removed = await tx.rubricPoint.findMany({ where: { questionId, id: { notIn: [...kept] } }, select: { id: true, point: true, _count: { select: { scores: true } } } });
      const scored = removed.filter((r) => r._count.scores > 0);
      if (scored.length) {
        throw new RubricEditRefused(`“${scored[0]!.point.slice(0, 80)}” has already marked ${scored[0]!._count.scores} answer${scored[0]!._count.scores === 1 ? "" : "s"}, so it cannot be removed; change its wording or marks instead.`);
      }
      await tx.rubricPoint.deleteMany({ where: { questionId, id: { in: removed.map((r) => r.id) } } });
      for (const section of edit.sections) {
        const s = await tx.modelAnswerSection.updateMany({ where: { id: section.id, modelAnswerId }, data: { heading: section.heading } });
        if (s.count !== 1) throw new LostItemError();
        for (const point of section.points) {
          const p = await tx.modelAnswerPoint.updateMany({ where: { id: point.id, sectionId: section.id }, data: { text: point.text, example: point.example } });
          if (p.count !== 1) throw new LostItemError();
        }
      }
      for (const [position, r] of edit.rubric.entries()) {
        if (r.id) {
          const u = await tx.rubricPoint.updateMany({ where: { id: r.id, questionId }, data: { point: r.point, marks: r.marks, position } });
          if (u.count !== 1) throw new LostItemError();
        } else {
          await tx.rubricPoint.create({ data: { questionId, key: newKey(), point: r.point, marks: r.marks, kind: r.kind ?? "content", position } });
        }
      }
      const stored = await tx.modelAnswer.findUniqueOrThrow({
        where: { id: modelAnswerId },
        select: { sections: { orderBy: { position: "asc" }, select: { heading: true, points: { orderBy: { position: "asc" }, select: { text: true, example: true } } } } },
      });
      const wordCount = modelAnswerWordCount({
        introduction: edit.introduction,
        conclusion: edit.conclusion,
        body: stored.sections.map((s) => ({ heading: s.heading, points: s.points.map((p) => ({ text: p.text, example: p.example ?? undefined })) })),
      });
      await tx.modelAnswer.update({
        where: { id: modelAnswerId },
        data: { coreDemands: edit.coreDemands, introduction: edit.introduction, conclusion: edit.conclusion, wordCount },
      });
    });
  } catch (e) {
    if (e instanceof LostItemError) return false;
    throw e;
  }
  return true;
}

class LostItemError extends Error {}

// ---------------------------------------------------------------------------------------------
// What learners see of written questions

export interface WrittenQuestionSources {
  questionId: string;
  sources: { materialId: string; title: string; outlet: string | null; publishedAt: string | null; quote: string }[];
}

/**
 * For each accepted written question of a set: the sources its model answer rests on (outlet, date,
 * sentence), deduplicated — never the model answer or rubric itself.
 */
export async function listWrittenQuestionSources(studySetId: string, maxPerQuestion = 6): Promise<WrittenQuestionSources[]> {
  const db = await getDb();
  const material = { select: { id: true, title: true, source: true, outlet: true, publishedAt: true } } as const;
  const rows = await db.question.findMany({
    where: { studySetId, kind: "written", status: "accepted" },
    orderBy: { position: "asc" },
    select: {
      id: true,
      evidence: { select: { quote: true, material } },
      modelAnswer: {
        select: {
          sections: {
            orderBy: { position: "asc" },
            select: { points: { orderBy: { position: "asc" }, select: { evidence: { select: { quote: true, material } } } } },
          },
        },
      },
    },
  });
  return rows.map((q) => {
    const spans = [...(q.modelAnswer?.sections.flatMap((s) => s.points.flatMap((p) => p.evidence)) ?? []), ...q.evidence];
    const seen = new Set<string>();
    const sources: WrittenQuestionSources["sources"] = [];
    for (const e of spans) {
      const key = `${e.material.id}\u241f${e.quote}`;
      if (seen.has(key) || e.material.source === IMPORTED_MODEL_ANSWER_SOURCE) continue;
      seen.add(key);
      sources.push({ materialId: e.material.id, title: e.material.title, outlet: e.material.outlet, publishedAt: e.material.publishedAt, quote: e.quote });
      if (sources.length >= maxPerQuestion) break;
    }
    return { questionId: q.id, sources };
  });
}
