/**
 * The live word count shown while writing is the grading engine's own counter (lib/nlp/normalize:
 * runs of letters or digits; bullets, dashes and arrows are not words), so the number a student
 * sees is the number the word limit is judged by. Imported from the module, not the lib/nlp index,
 * so the browser bundle does not pull in the NLP models.
 */
export { countWords as countAnswerWords } from "@/lib/nlp/normalize";
