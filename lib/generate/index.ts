/**
 * Content engine: materials in, study set out. Deterministic and offline; an optional LLM engine
 * (./llm) sits behind the same interface.
 *
 *   ingestMaterial({ title?, source, outlet?, publishedAt?, filename?, content }) → ProcessedMaterial
 *   generateStudySet(materials, { questions?, marks? }) → StudySet        (schemas.ts)
 *   generateModelAnswer(questionText, materials, { marks? }) → ModelAnswer & { wordCount, wordLimit, marks }
 *   importModelAnswer(text, { marks? }) → { material, modelAnswer, marks, wordLimit, wordCount }
 */
export { ingestMaterial } from "@/lib/material/ingest";
export { generateStudySet, generateModelAnswerFor as generateModelAnswer, type GenerateOptions } from "./study-set";
export { importModelAnswer, type ImportedModelAnswer } from "./import";
export { parseQuestion, writtenLimits } from "./written";
export { deriveRubric, compressSentence, modelAnswerWordCount } from "./model-answer";
export { buildCorpus } from "./corpus";
export * from "./schemas";
