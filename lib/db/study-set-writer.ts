import { createHash, randomUUID } from "node:crypto";
import type { Material as GeneratedMaterial, StudySet } from "../generate/schemas";
import { modelAnswerWordCount } from "../generate/words";
import type { Prisma } from "./generated/client";

/** A Prisma interactive-transaction client: the writer only ever runs inside one. */
export type Tx = Prisma.TransactionClient;

export type ItemStatusValue = "draft" | "accepted" | "rejected";

export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

type Span = StudySet["cards"][number]["evidence"][number];

/** Engine material ids → database material ids. */
export type MaterialIdMap = ReadonlyMap<string, string>;

function evidenceRows(spans: readonly Span[], materialIds: MaterialIdMap) {
  return spans.map((span) => {
    const materialId = materialIds.get(span.materialId);
    if (!materialId) throw new Error(`evidence points at unknown material ${span.materialId}`);
    return { materialId, start: span.start, end: span.end, quote: span.quote };
  });
}

/**
 * Stores materials (cleaned text, its known sentence starts, checksum) owned by `ownerId`; returns engine id → database id.
 * Evidence offsets written later point into exactly this text.
 */
export async function writeMaterials(tx: Tx, materials: readonly GeneratedMaterial[], ownerId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const m of materials) {
    // Megabytes of text each: let other requests in between (see yieldToEventLoop).
    await yieldToEventLoop();
    const row = await tx.material.create({
      data: {
        ownerId,
        title: m.title,
        source: m.source,
        outlet: m.outlet ?? null,
        publishedAt: m.publishedAt ?? null,
        url: m.url ?? null,
        text: m.text,
        sentenceStarts: m.sentenceStarts ?? [],
        checksum: sha256Hex(m.text),
      },
      select: { id: true },
    });
    ids.set(m.id, row.id);
  }
  return ids;
}

export interface WriteItemsInput {
  studySetId: string;
  /** Cards, questions and model answers to add; `materials` are only read for their ids. */
  set: Pick<StudySet, "cards" | "questions" | "modelAnswers">;
  materialIds: MaterialIdMap;
  status: ItemStatusValue;
  /** First position to use (items are appended after existing ones). */
  cardPosition?: number;
  questionPosition?: number;
  /** The generation job writing these drafts, recorded on each card and question (see saveGeneratedDrafts). */
  generationJobId?: string;
}

/**
 * Lets pending I/O (other requests) run before the next statement. The embedded database answers
 * on the server's own thread and a chain of its queries settles as promise continuations alone, so
 * without a turn of the event loop between statements a long write would hold every request.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type EvidenceOwner = { cardId: string } | { questionId: string } | { optionId: string } | { modelAnswerPointId: string };

/** An evidence row per span, tied to the item that cites it. */
function evidenceFor(owner: EvidenceOwner, spans: readonly Span[], materialIds: MaterialIdMap) {
  return evidenceRows(spans, materialIds).map((row) => ({ ...row, ...owner }));
}

/**
 * Writes cards, questions (with options), model answers (sections, points) and rubric points, each
 * with its evidence spans. Content rubric points are linked to the body point they mark, in order.
 * Returns the database ids of the questions written, keyed by the engine's question ids.
 *
 * Every table is written with one multi-row insert (ids made here, so children can point at their
 * parents without a round trip), with a turn of the event loop between statements: a chunk of 50
 * items is a few short statements rather than hundreds of nested creates, which on the embedded
 * database kept the server's event loop busy for seconds.
 */
export async function writeStudySetItems(tx: Tx, input: WriteItemsInput): Promise<Map<string, string>> {
  const { studySetId, set, materialIds, status } = input;
  const generationJobId = input.generationJobId ?? null;

  const cards = set.cards.map((card, i) => ({ id: randomUUID(), card, position: (input.cardPosition ?? 0) + i }));
  const questionIds = new Map<string, string>();
  const questions = set.questions.map((q, i) => {
    const id = randomUUID();
    questionIds.set(q.id, id);
    return { id, q, position: (input.questionPosition ?? 0) + i, options: (q.options ?? []).map((o, j) => ({ id: randomUUID(), o, position: j })) };
  });
  const answers = set.modelAnswers.map((answer) => {
    const questionId = questionIds.get(answer.questionId);
    if (!questionId) throw new Error(`model answer for unknown question ${answer.questionId}`);
    const sections = answer.body.map((section, i) => ({
      id: randomUUID(),
      section,
      position: i,
      points: section.points.map((p, j) => ({ id: randomUUID(), p, position: j })),
    }));
    return { id: randomUUID(), questionId, answer, sections };
  });

  const evidence = [
    ...cards.flatMap(({ id, card }) => evidenceFor({ cardId: id }, card.evidence, materialIds)),
    ...questions.flatMap(({ id, q, options }) => [
      ...evidenceFor({ questionId: id }, q.evidence, materialIds),
      ...options.flatMap((o) => evidenceFor({ optionId: o.id }, o.o.evidence ?? [], materialIds)),
    ]),
    ...answers.flatMap((a) => a.sections.flatMap((s) => s.points.flatMap((p) => evidenceFor({ modelAnswerPointId: p.id }, p.p.evidence, materialIds)))),
  ];

  if (cards.length) {
    await yieldToEventLoop();
    await tx.card.createMany({
      data: cards.map(({ id, card, position }) => ({
        id,
        studySetId,
        kind: card.kind,
        front: card.front,
        back: card.back,
        position,
        status,
        generationJobId,
        qualityScore: card.quality?.score ?? null,
        qualityReasons: card.quality?.reasons ?? [],
      })),
    });
  }
  if (questions.length) {
    await yieldToEventLoop();
    await tx.question.createMany({
      data: questions.map(({ id, q, position }) => ({
        id,
        studySetId,
        kind: q.kind,
        prompt: q.prompt,
        answer: q.answer ?? null,
        tolerance: q.tolerance ?? null,
        unit: q.unit ?? null,
        explanation: q.explanation,
        marks: q.marks,
        timeLimitSec: q.timeLimitSec,
        wordLimit: q.wordLimit ?? null,
        position,
        status,
        generationJobId,
        qualityScore: q.quality?.score ?? null,
        qualityReasons: q.quality?.reasons ?? [],
      })),
    });
    const options = questions.flatMap(({ id: questionId, options }) => options.map(({ id, o, position }) => ({ id, questionId, text: o.text, isCorrect: o.correct, position })));
    if (options.length) {
      await yieldToEventLoop();
      await tx.option.createMany({ data: options });
    }
  }
  if (answers.length) {
    await yieldToEventLoop();
    await tx.modelAnswer.createMany({
      data: answers.map(({ id, questionId, answer }) => ({
        id,
        questionId,
        directive: answer.directive,
        coreDemands: answer.coreDemands,
        introduction: answer.introduction,
        conclusion: answer.conclusion,
        wordCount: modelAnswerWordCount(answer),
      })),
    });
    const sections = answers.flatMap((a) => a.sections.map((s) => ({ id: s.id, modelAnswerId: a.id, heading: s.section.heading, position: s.position })));
    if (sections.length) await tx.modelAnswerSection.createMany({ data: sections });
    const points = answers.flatMap((a) => a.sections.flatMap((s) => s.points.map((p) => ({ id: p.id, sectionId: s.id, text: p.p.text, example: p.p.example ?? null, position: p.position }))));
    if (points.length) await tx.modelAnswerPoint.createMany({ data: points });
  }
  if (evidence.length) {
    await yieldToEventLoop();
    await tx.evidenceSpan.createMany({ data: evidence });
  }

  const rubric = answers.flatMap(({ questionId, answer, sections }) => {
    const pointIds = sections.flatMap((s) => s.points.map((p) => p.id));
    const contentCount = answer.rubric.filter((r) => r.kind === "content").length;
    // deriveRubric writes one content point per body point, in body order; link them only when that holds.
    const isLinkable = contentCount === pointIds.length;
    let contentIndex = 0;
    return answer.rubric.map((r, i) => ({
      questionId,
      key: r.id,
      point: r.point,
      marks: r.marks,
      kind: r.kind,
      position: i,
      modelAnswerPointId: isLinkable && r.kind === "content" ? (pointIds[contentIndex++] ?? null) : null,
    }));
  });
  if (rubric.length) {
    await yieldToEventLoop();
    await tx.rubricPoint.createMany({ data: rubric });
  }
  return questionIds;
}
