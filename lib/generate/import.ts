import { AppError } from "@/lib/errors";
import { stableId } from "@/lib/material/hash";
import { ingestMaterial } from "@/lib/material/ingest";
import type { ProcessedMaterial } from "@/lib/material/schemas";
import type { EvidenceSpan, ModelAnswer } from "./schemas";
import { evidenceOf } from "./text";
import { deriveRubric, modelAnswerWordCount } from "./model-answer";
import { DIRECTIVES, writtenLimits } from "./written";

const SECTION = {
  demands: /^core demands?(?: of the question)?:?$/i,
  answer: /^(?:model )?answer:?$/i,
  introduction: /^introduction:?$/i,
  body: /^(?:body|main body):?$/i,
  conclusion: /^(?:conclusion|way forward):?$/i,
};

export interface ImportedModelAnswer {
  material: ProcessedMaterial;
  /** The question, when the text states it ("Question: …" or "Q. …" before the answer). */
  question?: string;
  modelAnswer: ModelAnswer;
  marks: number;
  wordLimit: number;
  wordCount: number;
}

/**
 * Recovers the structure of a model answer written in the common coaching format — "Core Demand of the
 * Question" bullets, "Introduction", "Body" with headed groups of "- Label: point" bullets and "Eg:"
 * examples, "Conclusion" — and derives its rubric (one content point per body point, four structure
 * points). Page boilerplate is cleaned first; every point carries evidence into the cleaned text.
 * Throws AppError("INVALID") when the text has no body points.
 */
export function importModelAnswer(text: string, options: { source?: string; marks?: number; questionId?: string } = {}): ImportedModelAnswer {
  const material = ingestMaterial({ source: options.source ?? "model-answer", content: text, format: "text", title: "Model answer" });
  const clean = material.material.text;
  type Section = keyof typeof SECTION | "none";
  let section: Section = "none";
  const coreDemands: string[] = [];
  let question: string | undefined;
  const intro: Array<{ text: string; start: number; end: number }> = [];
  const concl: Array<{ text: string; start: number; end: number }> = [];
  const body: Array<{ heading: string; points: Array<{ text: string; example?: string; evidence: EvidenceSpan[] }> }> = [];
  for (const block of material.blocks) {
    const line = clean.slice(block.start, block.end).trim();
    const header = (Object.keys(SECTION) as Array<keyof typeof SECTION>).find((k) => SECTION[k].test(line));
    if (header) {
      section = header;
      continue;
    }
    const stated = /^(?:question|q)\s*[.:)-]\s*(.{10,})$/i.exec(line);
    if (stated && section === "none" && !question) {
      question = stated[1]!.trim();
      continue;
    }
    const bullet = /^(?:[-*\u2022]|\d+[.)])\s+/.exec(line);
    const content = bullet ? line.slice(bullet[0].length) : line;
    const start = block.start + (bullet ? bullet[0].length : 0);
    if (section === "demands" || (section === "none" && bullet)) {
      coreDemands.push(content);
    } else if (section === "introduction" || section === "answer") {
      intro.push({ text: content, start, end: block.end });
    } else if (section === "conclusion") {
      concl.push({ text: content, start, end: block.end });
    } else if (section === "body") {
      const example = /^(?:eg|e\.g|example|for example|for instance)\s*[.:-]\s*/i.exec(content);
      const last = body[body.length - 1];
      if (example && last && last.points.length) {
        const point = last.points[last.points.length - 1]!;
        point.example = content.slice(example[0].length).trim();
        point.evidence.push(evidenceOf(material, start + example[0].length, block.end));
      } else if (block.kind === "heading" && !bullet) {
        body.push({ heading: content, points: [] });
      } else {
        if (!last) body.push({ heading: "Body", points: [] });
        body[body.length - 1]!.points.push({ text: content, evidence: [evidenceOf(material, start, block.end)] });
      }
    }
  }
  const sections = body.filter((s) => s.points.length);
  if (!sections.length) {
    throw new AppError("INVALID", "The model answer has no body points: expected a \"Body\" section with \"- \" bullet points.");
  }
  const points = sections.reduce((n, s) => n + s.points.length, 0);
  const statedMarks = question ? /\b(\d{1,2})\s*marks?\b/i.exec(question)?.[1] : undefined;
  const marks = options.marks ?? (statedMarks ? Number(statedMarks) : points >= 7 ? 15 : 10);
  const { wordLimit } = writtenLimits(marks);
  const questionId = options.questionId ?? stableId("q", "imported", clean);
  const demandText = `${question ?? ""} ${coreDemands.join(" ")}`.toLowerCase();
  const directive = DIRECTIVES.find((d) => new RegExp(`\\b${d}\\b`).test(demandText)) ?? (/^how\b|\bhow\b/.test(demandText) ? "analyse" : "discuss");
  const answer = {
    questionId,
    directive,
    coreDemands: coreDemands.length ? coreDemands : sections.map((s) => s.heading),
    introduction: intro.map((p) => p.text).join("\n"),
    body: sections,
    conclusion: concl.map((p) => p.text).join("\n"),
  };
  const modelAnswer: ModelAnswer = { ...answer, introduction: answer.introduction || "(none)", conclusion: answer.conclusion || "(none)", rubric: deriveRubric(answer, marks, wordLimit) };
  return { material, ...(question ? { question } : {}), modelAnswer, marks, wordLimit, wordCount: modelAnswerWordCount(answer) };
}
