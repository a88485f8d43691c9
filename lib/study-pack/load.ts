import { z } from "zod";
import { rubricTotal } from "../generate/model-answer";
import { studySetSchema, type EvidenceSpan, type Material, type StudySet } from "../generate/schemas";
import { createSpanFinder } from "./evidence";

/**
 * Study packs are data files (./packs/*.json), validated here when loaded: Crux's own notes on the
 * credited sources (each note a list of paragraphs), cards, timed and written questions, and model
 * answers with rubrics. Evidence is written as `{material, quote}` and resolved to exact spans in the
 * notes (a quote that is absent or ambiguous is an error). Every written question must have a model
 * answer whose rubric adds up to its marks.
 */
const evidenceRefSchema = z.object({ material: z.string().min(1), quote: z.string().min(3) });
type EvidenceRef = z.infer<typeof evidenceRefSchema>;

const packFileSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3),
  subject: z.string().min(3),
  description: z.string().min(10),
  credits: z.array(z.object({ outlet: z.string().min(1), title: z.string().min(1), date: z.string().min(4), note: z.string().min(1) })).min(1),
  notes: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().min(1),
        source: z.string().min(1),
        outlet: z.string().optional(),
        publishedAt: z.string().optional(),
        paragraphs: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
  cards: z.array(z.looseObject({ evidence: z.array(evidenceRefSchema).min(1) })),
  questions: z.array(z.looseObject({ evidence: z.array(evidenceRefSchema).min(1), options: z.array(z.looseObject({ evidence: z.array(evidenceRefSchema).optional() })).optional() })),
  modelAnswers: z.array(z.looseObject({ body: z.array(z.looseObject({ points: z.array(z.looseObject({ evidence: z.array(evidenceRefSchema) })) })) })),
});

export interface StudyPackCredit {
  outlet: string;
  title: string;
  /** As in the source list: ISO date or a coarser label such as "2025". */
  date: string;
  note: string;
}

export interface StudyPack {
  slug: string;
  title: string;
  subject: string;
  description: string;
  credits: StudyPackCredit[];
  set: StudySet;
}

/** Parses and checks one pack file's content; throws with the file name and the first problem. */
export function loadStudyPack(name: string, raw: unknown): StudyPack {
  const parsed = packFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`study pack ${name}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
  const file = parsed.data;
  const materials: Material[] = file.notes.map((n) => ({
    id: n.id,
    title: n.title,
    source: n.source,
    ...(n.outlet ? { outlet: n.outlet } : {}),
    ...(n.publishedAt ? { publishedAt: n.publishedAt } : {}),
    text: n.paragraphs.join("\n\n"),
  }));
  const span = createSpanFinder(materials);
  const spans = (refs: EvidenceRef[]): EvidenceSpan[] => refs.map((r) => span(r.material, r.quote));
  const set = studySetSchema.safeParse({
    materials,
    cards: file.cards.map((c) => ({ ...c, evidence: spans(c.evidence) })),
    questions: file.questions.map((q) => ({
      ...q,
      evidence: spans(q.evidence),
      ...(q.options ? { options: q.options.map((o) => ({ ...o, ...(o.evidence ? { evidence: spans(o.evidence) } : {}) })) } : {}),
    })),
    modelAnswers: file.modelAnswers.map((a) => ({ ...a, body: a.body.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, evidence: spans(p.evidence) })) })) })),
  });
  if (!set.success) throw new Error(`study pack ${name}: ${set.error.issues[0]?.path.join(".")}: ${set.error.issues[0]?.message}`);
  for (const q of set.data.questions.filter((x) => x.kind === "written")) {
    const answer = set.data.modelAnswers.find((a) => a.questionId === q.id);
    if (!answer) throw new Error(`study pack ${name}: written question ${q.id} has no model answer and rubric`);
    if (rubricTotal(answer.rubric) !== q.marks) throw new Error(`study pack ${name}: the rubric of ${q.id} adds up to ${rubricTotal(answer.rubric)}, not ${q.marks}`);
  }
  return { slug: file.slug, title: file.title, subject: file.subject, description: file.description, credits: file.credits, set: set.data };
}
