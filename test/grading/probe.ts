import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { gradeWrittenAnswer } from "@/lib/grading";
import { answersFileSchema, questionsFileSchema } from "@/lib/grading/schemas";

/** The probe set's folder: a question, a note, twenty answers and their hand marks (see its README). */
export const PROBE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "probe-groundwater");

const marksSchema = z.array(z.object({ answerId: z.string(), category: z.string(), mark: z.number().min(0) }));

export interface ProbeGrade {
  id: string;
  category: string;
  score: number;
  maxScore: number;
  mark: number;
  /** Share of the question's marks. */
  share: number;
  /** The grader's score over the hand mark (1 when both are 0). */
  ofMark: number;
  flags: string[];
}

/** Grades every probe answer against its question and note. */
export function gradeProbeSet(dir = PROBE_DIR): ProbeGrade[] {
  const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
  const questions = questionsFileSchema.parse(JSON.parse(read("questions.json")));
  const answers = answersFileSchema.parse(JSON.parse(read("answers.json")));
  const marks = new Map(marksSchema.parse(JSON.parse(read("marks.json"))).map((m) => [m.answerId, m]));
  const material = { id: "probe-note", text: read("material.txt") };
  return answers.map((a) => {
    const question = questions.find((q) => q.id === a.questionId);
    const m = marks.get(a.id);
    if (!question || !m) throw new Error(`probe answer ${a.id} has no question or mark`);
    const r = gradeWrittenAnswer({ question, answerText: a.text, materials: [material] });
    return { id: a.id, category: m.category, score: r.score, maxScore: r.maxScore, mark: m.mark, share: r.score / r.maxScore, ofMark: m.mark > 0 ? r.score / m.mark : r.score === 0 ? 1 : Infinity, flags: r.flags };
  });
}
