import { describeWithShared, readShared } from "../support/shared-material";
import { inContext } from "@/lib/generate/context";
import type { ProcessedMaterial, Sentence } from "@/lib/material/schemas";
import type { Card } from "@/lib/generate/schemas";

/** The shared study material's five articles, read in place (never copied into the project). */
export const MATERIAL_FILES = [
  "000_3c3262873357d12f.txt",
  "001_6b9bfc7575ccc962.txt",
  "002_a7cf54e59027631e.txt",
  "003_9a46242b15251fab.txt",
  "004_6819430c7062e888.txt",
];

/** A describe block over the five shared articles; skipped with its reason when they are absent. */
export function describeWithSharedMaterial(name: string, body: () => void): void {
  describeWithShared(name, MATERIAL_FILES.map((f) => `material/${f}`), body);
}

/** One shared article's text (only inside `describeWithSharedMaterial`). */
export function readMaterial(file: string): string {
  return readShared(`material/${file}`);
}

/** Question q1 of the grading set: the one 002_a7cf54e59027631e.txt answers. */
export const Q1 =
  "The Tehreek-e-Taliban Pakistan (TTP) factor continues to fuel clashes along the Pakistan\u2013Afghanistan border. Analyse how these clashes destabilise bilateral relations and complicate counter-terrorism cooperation in the region.";

/** The sentence of a material that starts with `start` (a test's own text, so a missing one is the test's error). */
export function sentenceStarting(pm: ProcessedMaterial, start: string): Sentence {
  const sentence = pm.sentences.find((s) => s.text.startsWith(start));
  if (!sentence) throw new Error(`no sentence starts with ${start}`);
  return sentence;
}

/** How an item can show the sentence of `pm` that starts with `start`, read alone (`inContext`), or null. */
export function readAloneIn(pm: ProcessedMaterial, start: string): string | null {
  const sentence = sentenceStarting(pm, start);
  return inContext(sentence.text, pm, sentence);
}

/** A fill-the-gap card for screening tests: `front` with its gap, `back` the key, evidence the filled-in sentence. */
export const clozeCard = (front: string, back: string): Card => ({
  id: "c",
  kind: "cloze",
  front,
  back,
  evidence: [{ materialId: "m", start: 0, end: 10, quote: front.replace("_____", back) }],
  quality: { score: 0.8, reasons: [] },
});
