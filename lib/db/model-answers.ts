import type { SourceRef } from "./study-sets";
import type { CardEvidence } from "../srs/learner-card";
import { getDb } from "./client";

export interface ModelAnswerView {
  directive: string;
  coreDemands: string[];
  introduction: string;
  sections: { heading: string; points: { text: string; example: string | null; sources: SourceRef[] }[] }[];
  conclusion: string;
  wordCount: number;
}

const sourceSelect = { quote: true, material: { select: { id: true, title: true, outlet: true, publishedAt: true } } } as const;

/** A question's whole model answer (introduction, every body point with its example and sources, conclusion); null when it has none. */
export async function getModelAnswer(questionId: string): Promise<ModelAnswerView | null> {
  const db = await getDb();
  const row = await db.modelAnswer.findUnique({
    where: { questionId },
    select: {
      directive: true,
      coreDemands: true,
      introduction: true,
      conclusion: true,
      wordCount: true,
      sections: {
        orderBy: { position: "asc" },
        select: { heading: true, points: { orderBy: { position: "asc" }, select: { text: true, example: true, evidence: { select: sourceSelect } } } },
      },
    },
  });
  if (!row) return null;
  return {
    directive: row.directive,
    coreDemands: row.coreDemands,
    introduction: row.introduction,
    conclusion: row.conclusion,
    wordCount: row.wordCount,
    sections: row.sections.map((s) => ({
      heading: s.heading,
      points: s.points.map((p) => ({
        text: p.text,
        example: p.example,
        sources: p.evidence.map((e) => ({ materialId: e.material.id, title: e.material.title, outlet: e.material.outlet, publishedAt: e.material.publishedAt, quote: e.quote })),
      })),
    })),
  };
}

export interface RubricPointSource {
  rubricPointId: string;
  questionId: string;
  questionPrompt: string;
  kind: "content" | "structure";
  point: string;
  /** The model-answer point the rubric point was made from, with its heading and evidence spans. */
  modelPoint: { heading: string; text: string; example: string | null; evidence: CardEvidence[] } | null;
}

/** A rubric point of `questionId` with the model-answer wording and evidence behind it; null when it is not that question's. */
export async function getRubricPointSource(questionId: string, rubricPointId: string): Promise<RubricPointSource | null> {
  const db = await getDb();
  const row = await db.rubricPoint.findFirst({
    where: { id: rubricPointId, questionId },
    select: {
      id: true,
      kind: true,
      point: true,
      question: { select: { id: true, prompt: true } },
      modelAnswerPoint: {
        select: { text: true, example: true, section: { select: { heading: true } }, evidence: { select: { materialId: true, start: true, end: true, quote: true } } },
      },
    },
  });
  if (!row) return null;
  const mp = row.modelAnswerPoint;
  return {
    rubricPointId: row.id,
    questionId: row.question.id,
    questionPrompt: row.question.prompt,
    kind: row.kind,
    point: row.point,
    modelPoint: mp ? { heading: mp.section.heading, text: mp.text, example: mp.example, evidence: mp.evidence } : null,
  };
}
