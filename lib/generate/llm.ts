import { z } from "zod";
import { chatJson, LlmError, type ChatMessage, type LlmConfig } from "@/lib/llm/client";
import { stableId } from "@/lib/material/hash";
import { normalizeText } from "@/lib/material/normalize";
import type { ProcessedMaterial } from "@/lib/material/schemas";
import { buildCorpus } from "./corpus";
import { deriveRubric, generateModelAnswer, modelAnswerWordCount } from "./model-answer";
import { cardKinds, type Card, type EvidenceSpan, type ModelAnswer, type Question, type StudySet } from "./schemas";
import { generateStudySet, type GenerateOptions } from "./study-set";
import { TIME_LIMIT_SEC } from "./questions";
import { parseQuestion } from "./written";

/** One interface, two engines: the deterministic heuristic one and an LLM one that falls back to it. */
export interface GenerationEngine {
  name: "heuristic" | "llm";
  generateStudySet(materials: ProcessedMaterial[], options?: GenerateOptions): Promise<StudySet>;
  generateModelAnswer(questionText: string, materials: ProcessedMaterial[], options?: { marks?: number }): Promise<ModelAnswer>;
}

export const heuristicEngine: GenerationEngine = {
  name: "heuristic",
  generateStudySet: async (materials, options) => generateStudySet(materials, options),
  generateModelAnswer: async (questionText, materials, options) => stripAnswer(generateModelAnswer(questionText, buildCorpus(materials), options)),
};

function stripAnswer(a: ModelAnswer): ModelAnswer {
  const { questionId, directive, coreDemands, introduction, body, conclusion, rubric } = a;
  return { questionId, directive, coreDemands, introduction, body, conclusion, rubric };
}

// What the model is asked to return. Lenient on extras; every item must quote the material.
const llmItemsSchema = z.object({
  cards: z
    .array(z.object({ kind: z.enum(cardKinds), front: z.string().min(1), back: z.string().min(1), quote: z.string().min(1) }))
    .default([]),
  questions: z
    .array(
      z.object({
        kind: z.enum(["single_choice", "true_false", "numeric"]),
        prompt: z.string().min(1),
        options: z.array(z.object({ text: z.string().min(1), correct: z.boolean() })).optional(),
        answer: z.string().optional(),
        explanation: z.string().min(1),
        quote: z.string().min(1),
      }),
    )
    .default([]),
});
export type LlmItems = z.infer<typeof llmItemsSchema>;

const llmAnswerSchema = z.object({
  directive: z.string().min(1),
  coreDemands: z.array(z.string().min(1)).min(1),
  introduction: z.string().min(1),
  body: z
    .array(z.object({ heading: z.string().min(1), points: z.array(z.object({ text: z.string().min(1), example: z.string().optional(), quote: z.string().min(1) })).min(1) }))
    .min(1),
  conclusion: z.string().min(1),
});

/**
 * Finds a quote in the material's cleaned text: exactly, or after the same normalisation the text
 * had (curly quotes, dashes, spaces). Returns null when it is not there — the item is then dropped.
 */
export function locateQuote(pm: ProcessedMaterial, quote: string): EvidenceSpan | null {
  const text = pm.material.text;
  for (const candidate of [quote, normalizeText(quote), normalizeText(quote).replace(/^"|"$/g, "")]) {
    const q = candidate.trim();
    if (q.length < 8) continue;
    const at = text.indexOf(q);
    if (at >= 0) return { materialId: pm.material.id, start: at, end: at + q.length, quote: q };
  }
  return null;
}

const MAX_CHUNK_CHARS = 12_000;

function chunks(pm: ProcessedMaterial): string[] {
  const out: string[] = [];
  let current = "";
  for (const s of pm.sentences) {
    if (current.length + s.text.length > MAX_CHUNK_CHARS && current) {
      out.push(current);
      current = "";
    }
    current += `${s.text}\n`;
  }
  if (current) out.push(current);
  return out;
}

const SYSTEM = [
  "You write exam-preparation items (UPSC style) strictly from the material given.",
  'Reply with one JSON object: {"cards":[{"kind":"qa|cloze|acronym|who_said|timeline","front":"…","back":"…","quote":"…"}],',
  '"questions":[{"kind":"single_choice|true_false|numeric","prompt":"…","options":[{"text":"…","correct":true}],"answer":"…","explanation":"…","quote":"…"}]}.',
  "Every item's quote must be copied word for word from the material: the sentence that proves it.",
  "Cards are atomic and readable out of context; cloze fronts use _____ for the deleted fact (a figure, year, actor or place).",
  "Single-choice distractors are of the same type as the answer and are not stated as true for that slot by the material.",
].join(" ");

/**
 * The optional LLM engine, speaking the OpenAI-compatible chat API through lib/llm/client. Output is
 * zod-validated; every quote is located in the cleaned material (an item whose quote is not there is
 * dropped); a material whose request fails, or that yields no valid cards (or no valid questions),
 * gets the deterministic ones; a model answer without any verified point falls back to the
 * deterministic answer.
 */
export function createLlmEngine(config: LlmConfig, fetchImpl: typeof fetch = fetch): GenerationEngine {
  async function itemsFor(pm: ProcessedMaterial): Promise<{ cards: Card[]; questions: Question[] } | null> {
    const cards: Card[] = [];
    const questions: Question[] = [];
    for (const chunk of chunks(pm)) {
      const messages: ChatMessage[] = [
        { role: "system", content: SYSTEM },
        { role: "user", content: `Material "${pm.material.title}":\n${chunk}` },
      ];
      let reply: LlmItems;
      try {
        reply = await chatJson(config, messages, llmItemsSchema, fetchImpl);
      } catch (e) {
        if (e instanceof LlmError) return null;
        throw e;
      }
      for (const c of reply.cards) {
        const evidence = locateQuote(pm, c.quote);
        if (!evidence) continue;
        cards.push({ id: stableId("card", c.kind, c.front, c.back), kind: c.kind, front: c.front, back: c.back, evidence: [evidence] });
      }
      for (const q of reply.questions) {
        const evidence = locateQuote(pm, q.quote);
        if (!evidence) continue;
        if (q.kind === "single_choice" && (!q.options || q.options.filter((o) => o.correct).length !== 1 || q.options.length < 2)) continue;
        if (q.kind === "true_false" && q.answer !== "true" && q.answer !== "false") continue;
        if (q.kind === "numeric" && (q.answer === undefined || !Number.isFinite(Number(q.answer)))) continue;
        questions.push({
          id: stableId("q", "llm", q.kind, q.prompt),
          kind: q.kind,
          prompt: q.prompt,
          ...(q.options ? { options: q.options.map((o, i) => ({ id: "abcdefgh"[i] ?? String(i), text: o.text, correct: o.correct, ...(o.correct ? { evidence: [evidence] } : {}) })) } : {}),
          ...(q.answer !== undefined && q.kind !== "single_choice" ? { answer: q.answer } : {}),
          ...(q.kind === "numeric" ? { tolerance: 0 } : {}),
          explanation: `${q.explanation} Source: "${evidence.quote}"`,
          marks: 1,
          timeLimitSec: TIME_LIMIT_SEC[q.kind],
          evidence: [evidence],
        });
      }
    }
    return cards.length || questions.length ? { cards, questions } : null;
  }

  async function modelAnswer(questionText: string, materials: ProcessedMaterial[], options: { marks?: number; questionId?: string } = {}): Promise<ModelAnswer> {
    const corpus = buildCorpus(materials);
    const fallback = generateModelAnswer(questionText, corpus, options);
    const parsed = parseQuestion(questionText, options.marks);
    // Give the model the sentences the deterministic retriever found most relevant, plus the rest up to a budget.
    const cited = new Set(fallback.body.flatMap((s) => s.points.flatMap((p) => p.evidence.map((e) => e.quote))));
    const context = [...cited, ...corpus.refs.map((r) => r.sentence.text).filter((t) => !cited.has(t))].join("\n").slice(0, 24_000);
    const messages: ChatMessage[] = [
      {
        role: "system",
        content:
          "You write UPSC Mains model answers from the material only. Reply with JSON {directive, coreDemands[], introduction (context and a key figure), " +
          "body: [{heading, points: [{text, example?, quote}]}] grouped by dimension, conclusion (way forward)}. Each point's quote is copied word for word from the material. " +
          `Stay within ${parsed.wordLimit} words.`,
      },
      { role: "user", content: `Question (${parsed.marks} marks): ${questionText}\n\nMaterial:\n${context}` },
    ];
    try {
      const reply = await chatJson(config, messages, llmAnswerSchema, fetchImpl);
      const body = reply.body
        .map((s) => ({
          heading: s.heading,
          points: s.points.flatMap((p) => {
            const evidence = materials.map((m) => locateQuote(m, p.quote)).find((e): e is EvidenceSpan => !!e);
            return evidence ? [{ text: p.text, ...(p.example ? { example: p.example } : {}), evidence: [evidence] }] : [];
          }),
        }))
        .filter((s) => s.points.length);
      if (!body.length) return stripAnswer(fallback);
      const answer = { questionId: fallback.questionId, directive: reply.directive, coreDemands: reply.coreDemands, introduction: reply.introduction, body, conclusion: reply.conclusion };
      if (modelAnswerWordCount(answer) > parsed.wordLimit * 1.2) return stripAnswer(fallback);
      return { ...answer, rubric: deriveRubric(answer, parsed.marks, parsed.wordLimit) };
    } catch (e) {
      if (e instanceof LlmError) return stripAnswer(fallback);
      throw e;
    }
  }

  return {
    name: "llm",
    async generateStudySet(materials, options = {}) {
      const heuristic = generateStudySet(materials, options);
      const cards: Card[] = [];
      const questions: Question[] = [];
      for (const pm of materials) {
        const llm = await itemsFor(pm);
        const own = (e: EvidenceSpan[]) => e[0]?.materialId === pm.material.id;
        // Per material and per kind of item: what the model got right, else the deterministic items.
        cards.push(...(llm?.cards.length ? llm.cards : heuristic.cards.filter((c) => own(c.evidence))));
        questions.push(...(llm?.questions.length ? llm.questions : heuristic.questions.filter((q) => q.kind !== "written" && own(q.evidence))));
      }
      const written = heuristic.questions.filter((q) => q.kind === "written");
      const modelAnswers: ModelAnswer[] = [];
      for (const q of written) modelAnswers.push(await modelAnswer(q.prompt, materials, { marks: q.marks, questionId: q.id }));
      return { materials: heuristic.materials, cards, questions: [...questions, ...written], modelAnswers };
    },
    generateModelAnswer: (questionText, materials, options) => modelAnswer(questionText, materials, options),
  };
}
