import { isAppError } from "@/lib/errors";
import { ingestMaterial } from "@/lib/material/ingest";
import type { IngestInput } from "@/lib/material/schemas";
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
}

export interface DraftSetRequest {
  materials: StoredMaterialInput[];
  questions: string[];
  marks: number | null;
}

/** The generated set, and for each engine material id the database id of the material it came from. */
export type DraftSetOutcome = { ok: true; set: StudySet; materialIds: Array<[engineId: string, dbId: string]> } | EngineRefusal;

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

/** Re-reads stored materials and generates the draft study set a generation job writes. */
export function draftStudySet(request: DraftSetRequest): DraftSetOutcome {
  try {
    const materialIds: Array<[string, string]> = [];
    const processed = request.materials.map((m) => {
      const p = ingestMaterial({
        title: m.title,
        source: m.source,
        format: "text",
        content: m.text,
        ...(m.outlet ? { outlet: m.outlet } : {}),
        ...(m.publishedAt ? { publishedAt: m.publishedAt } : {}),
        ...(m.url ? { url: m.url } : {}),
      });
      materialIds.push([p.material.id, m.id]);
      return p;
    });
    const set = generateStudySet(processed, { questions: request.questions, ...(request.marks ? { marks: request.marks } : {}) });
    return { ok: true, set, materialIds };
  } catch (e) {
    return refusal(e);
  }
}

export type EngineTask = { kind: "ingest"; inputs: IngestInput[] } | { kind: "draft-set"; request: DraftSetRequest };

/** The thread's single entry point. */
export function runEngineTask(task: EngineTask): IngestOutcome[] | DraftSetOutcome {
  return task.kind === "ingest" ? ingestMaterials(task.inputs) : draftStudySet(task.request);
}
