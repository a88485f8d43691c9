import { ingestMaterial } from "@/lib/material/ingest";
import type { IngestInput, ProcessedMaterial } from "@/lib/material/schemas";
import { generateCards } from "./cards";
import { buildCorpus, type Corpus } from "./corpus";
import { generateModelAnswer } from "./model-answer";
import { generateObjectiveQuestions } from "./questions";
import type { ModelAnswer, Question, StudySet } from "./schemas";
import { collectSlots } from "./slots";
import { screenItems, sentenceKeysOf } from "./quality";
import { sentenceEvidence } from "./text";
import { generateWrittenQuestions, writtenQuestion } from "./written";
import { worthlessReason } from "./worth";

export interface GenerateOptions {
  /** Written questions typed by a teacher; each gets a model answer. */
  questions?: string[];
  /** Marks for typed questions that do not state them (default 15). */
  marks?: number;
  /** Skip the generated written questions (keep only typed ones). */
  isWrittenGenerationOff?: boolean;
}

function toProcessed(materials: Array<ProcessedMaterial | IngestInput>): ProcessedMaterial[] {
  return materials.map((m) => ("blocks" in m ? m : ingestMaterial(m)));
}

/**
 * Turns materials into a study set: flashcards, timed objective questions, written questions with
 * model answers and rubrics. Every item carries evidence into a material's cleaned text. Pure and
 * deterministic; accepts raw inputs (ingested here) or already processed materials.
 */
export function generateStudySet(materialsIn: Array<ProcessedMaterial | IngestInput>, options: GenerateOptions = {}): StudySet {
  const materials = toProcessed(materialsIn);
  const corpus = buildCorpus(materials);
  const slots = collectSlots(corpus);
  const cards = generateCards(corpus, slots);
  const objective = generateObjectiveQuestions(corpus, slots);
  const written: Question[] = options.isWrittenGenerationOff ? [] : generateWrittenQuestions(corpus);
  const modelAnswers: ModelAnswer[] = [];
  for (const q of written) modelAnswers.push(stripExtras(generateModelAnswer(q.prompt, corpus, { marks: q.marks, questionId: q.id })));
  for (const text of options.questions ?? []) {
    const answer = generateModelAnswer(text, corpus, { ...(options.marks ? { marks: options.marks } : {}) });
    const evidence = answer.body.flatMap((s) => s.points.flatMap((p) => p.evidence)).slice(0, 3);
    const fallback = corpus.refs[0] ? [sentenceEvidence(corpus.refs[0].pm, corpus.refs[0].sentence)] : [];
    const q = writtenQuestion(text, answer.marks, evidence.length ? evidence : fallback);
    if (!q.evidence.length) continue;
    written.push(q);
    modelAnswers.push(stripExtras({ ...answer, questionId: q.id }));
  }
  // Trivia goes first (a private individual, an undated running count, one entry of a list of per-unit figures: `worth.ts`),
  // so that another item of the sentence may take its place. Then fail closed: items that cannot stand alone go; one item
  // per fact, a cap per sentence.
  const worthless = worthlessReason(corpus);
  const screened = screenItems(cards.filter((c) => !worthless(c)), objective.filter((q) => !worthless(q)), sentenceKeysOf(materials));
  return {
    materials: materials.map((m) => m.material),
    cards: screened.cards,
    questions: [...screened.questions, ...written],
    modelAnswers,
  };
}

function stripExtras(a: ModelAnswer & Record<string, unknown>): ModelAnswer {
  const { questionId, directive, coreDemands, introduction, body, conclusion, rubric } = a;
  return { questionId, directive, coreDemands, introduction, body, conclusion, rubric };
}

/** A model answer for one question from raw or processed materials (teacher-typed questions). */
export function generateModelAnswerFor(questionText: string, materialsIn: Array<ProcessedMaterial | IngestInput>, options: { marks?: number } = {}) {
  return generateModelAnswer(questionText, buildCorpus(toProcessed(materialsIn)), options);
}

export type { Corpus };
