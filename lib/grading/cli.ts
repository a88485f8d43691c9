/** Argument parsing and material loading for the grading command-line scripts (scripts/grade.ts, scripts/bench-grade.ts). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { basicCleanMaterial } from "./batch";
import type { GradingMaterial } from "./types";

export interface GradeArgs {
  questions: string;
  answers: string;
  materials: string[];
  rest: Record<string, string | true>;
}

/** Parses `--questions F --answers F [--material F…]`; `--material` takes every following non-flag argument. */
export function parseGradeArgs(argv: string[], required: Array<"questions" | "answers"> = ["questions", "answers"]): GradeArgs {
  const out: GradeArgs = { questions: "", answers: "", materials: [], rest: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--questions" || arg === "--answers") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) throw new Error(`${arg} needs a file path`);
      out[arg.slice(2) as "questions" | "answers"] = v;
    } else if (arg === "--material" || arg === "--materials") {
      while (i + 1 < argv.length && !(argv[i + 1] as string).startsWith("--")) out.materials.push(argv[++i] as string);
    } else if (arg.startsWith("--")) {
      const next = argv[i + 1];
      if (next && !next.startsWith("--")) {
        out.rest[arg.slice(2)] = next;
        i++;
      } else out.rest[arg.slice(2)] = true;
    } else {
      throw new Error(`unexpected argument ${arg}`);
    }
  }
  for (const r of required) if (!out[r]) throw new Error(`missing --${r}`);
  return out;
}

type Cleaner = (raw: string) => { text: string; sentenceStarts?: number[] };

async function getCleaner(): Promise<Cleaner> {
  // The content engine's cleaner when it is available; otherwise a small local normalisation.
  try {
    const mod = (await import("@/lib/material/clean")) as { cleanText?: (raw: string) => { text: string; sentenceStarts: number[] } };
    if (typeof mod.cleanText === "function") {
      const clean = mod.cleanText;
      return (raw) => {
        try {
          const cleaned = clean(raw);
          return cleaned.text.trim() ? { text: cleaned.text, sentenceStarts: cleaned.sentenceStarts } : { text: basicCleanMaterial(raw) };
        } catch {
          return { text: basicCleanMaterial(raw) };
        }
      };
    }
  } catch {
    // fall through
  }
  return (raw) => ({ text: basicCleanMaterial(raw) });
}

/** Reads and cleans material files; the id is the file name without its extension. */
export async function loadMaterials(files: string[]): Promise<GradingMaterial[]> {
  if (!files.length) return [];
  const clean = await getCleaner();
  return files
    .filter((f) => !/readme\.md$/i.test(f))
    .map((file) => {
      let raw: string;
      try {
        raw = readFileSync(file, "utf8");
      } catch (e) {
        throw new Error(`cannot read material file ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const { text, sentenceStarts } = clean(raw);
      return { id: path.basename(file).replace(/\.[^.]+$/, ""), text, ...(sentenceStarts?.length ? { sentenceStarts } : {}) };
    });
}
