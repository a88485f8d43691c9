import { createHash } from "node:crypto";
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
 * Stores materials (cleaned text + checksum) owned by `ownerId`; returns engine id → database id.
 * Evidence offsets written later point into exactly this text.
 */
export async function writeMaterials(tx: Tx, materials: readonly GeneratedMaterial[], ownerId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const m of materials) {
    const row = await tx.material.create({
      data: {
        ownerId,
        title: m.title,
        source: m.source,
        outlet: m.outlet ?? null,
        publishedAt: m.publishedAt ?? null,
        url: m.url ?? null,
        text: m.text,
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
 * Writes cards, questions (with options), model answers (sections, points) and rubric points, each
 * with its evidence spans. Content rubric points are linked to the body point they mark, in order.
 * Returns the database ids of the questions written, keyed by the engine's question ids.
 */
export async function writeStudySetItems(tx: Tx, input: WriteItemsInput): Promise<Map<string, string>> {
  const { studySetId, set, materialIds, status } = input;
  for (const [i, card] of set.cards.entries()) {
    await tx.card.create({
      data: {
        studySetId,
        kind: card.kind,
        front: card.front,
        back: card.back,
        position: (input.cardPosition ?? 0) + i,
        status,
        generationJobId: input.generationJobId ?? null,
        qualityScore: card.quality?.score ?? null,
        qualityReasons: card.quality?.reasons ?? [],
        evidence: { create: evidenceRows(card.evidence, materialIds) },
      },
    });
  }

  const questionIds = new Map<string, string>();
  for (const [i, q] of set.questions.entries()) {
    const row = await tx.question.create({
      data: {
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
        position: (input.questionPosition ?? 0) + i,
        status,
        generationJobId: input.generationJobId ?? null,
        qualityScore: q.quality?.score ?? null,
        qualityReasons: q.quality?.reasons ?? [],
        evidence: { create: evidenceRows(q.evidence, materialIds) },
        options: {
          create: (q.options ?? []).map((o, j) => ({
            text: o.text,
            isCorrect: o.correct,
            position: j,
            evidence: { create: evidenceRows(o.evidence ?? [], materialIds) },
          })),
        },
      },
      select: { id: true },
    });
    questionIds.set(q.id, row.id);
  }

  for (const answer of set.modelAnswers) {
    const questionId = questionIds.get(answer.questionId);
    if (!questionId) throw new Error(`model answer for unknown question ${answer.questionId}`);
    const created = await tx.modelAnswer.create({
      data: {
        questionId,
        directive: answer.directive,
        coreDemands: answer.coreDemands,
        introduction: answer.introduction,
        conclusion: answer.conclusion,
        wordCount: modelAnswerWordCount(answer),
        sections: {
          create: answer.body.map((section, i) => ({
            heading: section.heading,
            position: i,
            points: {
              create: section.points.map((p, j) => ({
                text: p.text,
                example: p.example ?? null,
                position: j,
                evidence: { create: evidenceRows(p.evidence, materialIds) },
              })),
            },
          })),
        },
      },
      select: { sections: { orderBy: { position: "asc" }, select: { points: { orderBy: { position: "asc" }, select: { id: true } } } } },
    });
    const pointIds = created.sections.flatMap((s) => s.points.map((p) => p.id));
    const contentCount = answer.rubric.filter((r) => r.kind === "content").length;
    // deriveRubric writes one content point per body point, in body order; link them only when that holds.
    const isLinkable = contentCount === pointIds.length;
    let contentIndex = 0;
    await tx.rubricPoint.createMany({
      data: answer.rubric.map((r, i) => ({
        questionId,
        key: r.id,
        point: r.point,
        marks: r.marks,
        kind: r.kind,
        position: i,
        modelAnswerPointId: isLinkable && r.kind === "content" ? (pointIds[contentIndex++] ?? null) : null,
      })),
    });
  }
  return questionIds;
}
