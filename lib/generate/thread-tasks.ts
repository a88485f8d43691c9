import { isAppError } from "@/lib/errors";
import { ingestMaterial } from "@/lib/material/ingest";
import type { IngestInput, ProcessedMaterial } from "@/lib/material/schemas";
import { generateStudySet } from "./study-set";
import type { Material, StudySet } from "./schemas";

/**
 * The engine's CPU-heavy work, shaped to run in a worker thread (scripts/engine-thread.mjs): plain,
 * structured-cloneable input and output, and expected failures returned as values, because an
 * AppError thrown across a thread boundary arrives as a plain Error without its code.
 */

/** An expected failure: a message for the user (AppError "INVALID"/"NOT_FOUND" on the calling side). */
export interface EngineRefusal {
  ok: false;
  code: "INVALID" | "NOT_FOUND";
  message: string;
}

export type IngestOutcome = { ok: true; material: Material } | EngineRefusal;

/** A stored, already-cleaned material with its database id, as a generation job re-reads it. */
export interface StoredMaterialInput {
  id: string;
  title: string;
  source: string;
  outlet: string | null;
  publishedAt: string | null;
  url: string | null;
  text: string;
  /** Where a sentence certainly starts in `text`, as stored with it (the first read's citation-marker boundaries). */
  sentenceStarts: number[];
}

/**
 * Runs a stored (already cleaned) material through the engine again, keeping its metadata and the sentence starts found
 * when it was first read. Its text is read as stored, not cleaned again, so the evidence offsets of what is generated
 * from it point into the text the database holds (and that the set's other items already cite).
 */
export function ingestStoredMaterial(m: StoredMaterialInput): ProcessedMaterial {
  return ingestMaterial(
    {
      title: m.title,
      source: m.source,
      format: "text",
      content: m.text,
      sentenceStarts: m.sentenceStarts,
      ...(m.outlet ? { outlet: m.outlet } : {}),
      ...(m.publishedAt ? { publishedAt: m.publishedAt } : {}),
      ...(m.url ? { url: m.url } : {}),
    },
    { isCleaned: true },
  );
}

export interface DraftSetRequest {
  materials: StoredMaterialInput[];
  questions: string[];
  marks: number | null;
  /** Cards or questions per batch of the outcome (what one write transaction takes). */
  batchSize: number;
}

/** Up to `batchSize` cards, or questions with their model answers: what one write transaction stores. */
export type DraftBatch = Pick<StudySet, "cards" | "questions" | "modelAnswers">;

/**
 * The generated set, shaped to cross back to the server's thread cheaply: each batch is one JSON
 * string (copied as flat text, parsed one at a time while writing, so no single step on the
 * server's thread rebuilds the whole set of thousands of objects). Stored materials are read as
 * they are (ingestMaterial's isCleaned), so their text never changes and no text comes back.
 */
export type DraftSetOutcome =
  | {
      ok: true;
      cardCount: number;
      questionCount: number;
      batches: string[];
      materialIds: Array<[engineId: string, dbId: string]>;
    }
  | EngineRefusal;

/** Splits a set into batches of at most `size` cards, then of at most `size` questions with their model answers. */
export function draftBatches(set: DraftBatch, size: number): DraftBatch[] {
  const batches: DraftBatch[] = [];
  for (let i = 0; i < set.cards.length; i += size) batches.push({ cards: set.cards.slice(i, i + size), questions: [], modelAnswers: [] });
  for (let i = 0; i < set.questions.length; i += size) {
    const questions = set.questions.slice(i, i + size);
    const ids = new Set(questions.map((q) => q.id));
    batches.push({ cards: [], questions, modelAnswers: set.modelAnswers.filter((a) => ids.has(a.questionId)) });
  }
  return batches;
}

function refusal(e: unknown): EngineRefusal {
  if (isAppError(e) && (e.code === "INVALID" || e.code === "NOT_FOUND")) return { ok: false, code: e.code, message: e.message };
  throw e;
}

/** Ingests each input independently (one bad file does not hide another's problem); keeps only the cleaned material. */
export function ingestMaterials(inputs: IngestInput[]): IngestOutcome[] {
  return inputs.map((input) => {
    try {
      return { ok: true, material: ingestMaterial(input).material };
    } catch (e) {
      return refusal(e);
    }
  });
}

/**
 * Re-reads stored materials and generates the draft study set a generation job writes. A stored text
 * was cleaned when it was uploaded (ingestMaterials) and other items may already cite offsets into
 * it; cleaning is not idempotent, so it is read as it is, never cleaned again.
 */
export function draftStudySet(request: DraftSetRequest): DraftSetOutcome {
  try {
    const materialIds: Array<[string, string]> = [];
    const processed = request.materials.map((m) => {
      const p = ingestStoredMaterial(m);
      materialIds.push([p.material.id, m.id]);
      return p;
    });
    const set = generateStudySet(processed, { questions: request.questions, ...(request.marks ? { marks: request.marks } : {}) });
    const batches = draftBatches(set, request.batchSize).map((batch) => JSON.stringify(batch));
    return { ok: true, cardCount: set.cards.length, questionCount: set.questions.length, batches, materialIds };
  } catch (e) {
    return refusal(e);
  }
}

export type EngineTask = { kind: "ingest"; inputs: IngestInput[] } | { kind: "draft-set"; request: DraftSetRequest };

/** The thread's single entry point. */
export function runEngineTask(task: EngineTask): IngestOutcome[] | DraftSetOutcome {
  return task.kind === "ingest" ? ingestMaterials(task.inputs) : draftStudySet(task.request);
}
