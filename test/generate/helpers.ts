import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The shared study material, read in place (never copied into the project); null when absent. */
export const MATERIAL_DIR = path.resolve(__dirname, "../../../shared/material");
export const MATERIAL_FILES = [
  "000_3c3262873357d12f.txt",
  "001_6b9bfc7575ccc962.txt",
  "002_a7cf54e59027631e.txt",
  "003_9a46242b15251fab.txt",
  "004_6819430c7062e888.txt",
];
export const hasSharedMaterial = MATERIAL_FILES.every((f) => existsSync(path.join(MATERIAL_DIR, f)));
if (!hasSharedMaterial) console.warn(`[content engine] ${MATERIAL_DIR} not found: integration checks over the shared material are skipped.`);

export function readMaterial(file: string): string {
  return readFileSync(path.join(MATERIAL_DIR, file), "utf8");
}

/** Question q1 of the grading set: the one 002_a7cf54e59027631e.txt answers. */
export const Q1 =
  "The Tehreek-e-Taliban Pakistan (TTP) factor continues to fuel clashes along the Pakistan\u2013Afghanistan border. Analyse how these clashes destabilise bilateral relations and complicate counter-terrorism cooperation in the region.";
