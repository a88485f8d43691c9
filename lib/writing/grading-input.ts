import type { GradingMaterial, WrittenQuestion } from "@/lib/grading/types";

/** A written question with its rubric and model answer, as loaded for grading (after submission only). */
export interface GradingContext {
  question: { id: string; prompt: string; marks: number; wordLimit: number | null; timeLimitSec: number };
  rubric: { id: string; key: string; point: string; marks: number; kind: "content" | "structure" }[];
  modelAnswer: {
    directive: string;
    coreDemands: string[];
    introduction: string;
    sections: { heading: string; points: { text: string; example: string | null }[] }[];
    conclusion: string;
  } | null;
  materials: GradingMaterial[];
}

/**
 * The model answer as one text in reading order: introduction, each heading with its points and examples, conclusion.
 * A heading is a paragraph of its own: it has no full stop, and on the next line it would be read as the start of its
 * first point's sentence ("Security Sanctuaries sustain attacks."), which the feedback then quotes.
 */
export function modelAnswerText(model: NonNullable<GradingContext["modelAnswer"]>): string {
  const body = model.sections.map((s) => [s.heading, s.points.map((p) => (p.example ? `${p.text} ${p.example}` : p.text)).join("\n")].filter((part) => part.trim()).join("\n\n"));
  return [model.introduction, ...body, model.conclusion].filter((part) => part.trim()).join("\n\n");
}

/**
 * The grading engine's question: rubric points named by their stable key, the model answer's core
 * demands and text when there is one, the time limit in minutes.
 */
export function toWrittenQuestion(ctx: GradingContext): WrittenQuestion {
  const q: WrittenQuestion = {
    id: ctx.question.id,
    prompt: ctx.question.prompt,
    marks: ctx.question.marks,
    rubric: ctx.rubric.map((r) => ({ id: r.key, point: r.point, marks: r.marks, kind: r.kind })),
  };
  if (ctx.question.wordLimit) q.wordLimit = ctx.question.wordLimit;
  if (ctx.question.timeLimitSec > 0) q.timeLimitMinutes = ctx.question.timeLimitSec / 60;
  if (ctx.modelAnswer) {
    if (ctx.modelAnswer.coreDemands.length) q.coreDemands = ctx.modelAnswer.coreDemands;
    q.modelAnswer = modelAnswerText(ctx.modelAnswer);
  }
  return q;
}
