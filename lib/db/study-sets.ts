import type { StudySetFacts } from "../auth/permissions";
import { getDb } from "./client";

export interface StudySetSummary {
  id: string;
  title: string;
  subject: string | null;
  description: string | null;
  status: "draft" | "published";
  isPublic: boolean;
  isOwn: boolean;
  cardCount: number;
  questionCount: number;
  updatedAt: Date;
}

/**
 * Where-clause of the sets a user may open: their own, and published sets that are public or assigned
 * to one of their classes (the database side of the `studySet.view` rule in lib/auth/permissions).
 */
export function visibleSetWhere(userId: string) {
  return {
    OR: [
      { ownerId: userId },
      {
        status: "published" as const,
        OR: [{ isPublic: true }, { assignments: { some: { classroom: { enrollments: { some: { studentId: userId, removedAt: null } } } } } }],
      },
    ],
  };
}

/** Sets the user may open: their own, published public sets, and published sets assigned to their classes. */
export async function listVisibleStudySets(userId: string): Promise<StudySetSummary[]> {
  const db = await getDb();
  const rows = await db.studySet.findMany({
    where: visibleSetWhere(userId),
    select: {
      id: true,
      title: true,
      subject: true,
      description: true,
      status: true,
      isPublic: true,
      ownerId: true,
      updatedAt: true,
      _count: { select: { cards: { where: { status: "accepted" } }, questions: { where: { status: "accepted" } } } },
    },
    orderBy: { updatedAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    subject: r.subject,
    description: r.description,
    status: r.status,
    isPublic: r.isPublic,
    isOwn: r.ownerId === userId,
    cardCount: r._count.cards,
    questionCount: r._count.questions,
    updatedAt: r.updatedAt,
  }));
}

/** The facts the permission rules need about one set, as seen by `userId`; null if no such set. */
export async function getStudySetFacts(setId: string, userId: string): Promise<StudySetFacts | null> {
  const db = await getDb();
  const row = await db.studySet.findUnique({
    where: { id: setId },
    select: {
      ownerId: true,
      status: true,
      isPublic: true,
      assignments: { where: { classroom: { enrollments: { some: { studentId: userId, removedAt: null } } } }, select: { id: true }, take: 1 },
    },
  });
  if (!row) return null;
  return { ownerId: row.ownerId, status: row.status, isPublic: row.isPublic, isAssignedToActor: row.assignments.length > 0 };
}

export interface SourceRef {
  materialId: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  quote: string;
}

export interface CardView {
  id: string;
  kind: string;
  front: string;
  back: string;
  sources: SourceRef[];
}

export interface QuestionListing {
  id: string;
  kind: string;
  prompt: string;
  marks: number;
  timeLimitSec: number;
  wordLimit: number | null;
}

export interface Credit {
  outlet: string;
  title: string;
  date: string;
  note?: string;
}

export interface StudySetDetail {
  id: string;
  title: string;
  subject: string | null;
  description: string | null;
  status: "draft" | "published";
  ownerId: string;
  credits: Credit[];
  materials: { id: string; title: string; outlet: string | null; publishedAt: string | null; source: string }[];
  cards: CardView[];
  /** Prompts only: no answer keys, options' correctness or rubrics leave the server here. */
  questions: QuestionListing[];
}

const evidenceSelect = {
  quote: true,
  material: { select: { id: true, title: true, outlet: true, publishedAt: true } },
} as const;

function isCredit(value: unknown): value is Credit {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.outlet === "string" && typeof v.title === "string" && typeof v.date === "string";
}

type CardRow = {
  id: string;
  kind: string;
  front: string;
  back: string;
  evidence: { quote: string; material: { id: string; title: string; outlet: string | null; publishedAt: string | null } }[];
};

function toCardView(c: CardRow): CardView {
  return {
    id: c.id,
    kind: c.kind,
    front: c.front,
    back: c.back,
    sources: c.evidence.map((e) => ({ materialId: e.material.id, title: e.material.title, outlet: e.material.outlet, publishedAt: e.material.publishedAt, quote: e.quote })),
  };
}

/** A set with its accepted cards (and their sources) and question prompts, for learners. */
export async function getStudySetDetail(setId: string): Promise<StudySetDetail | null> {
  const db = await getDb();
  const row = await db.studySet.findUnique({
    where: { id: setId },
    select: {
      id: true,
      title: true,
      subject: true,
      description: true,
      status: true,
      ownerId: true,
      credits: true,
      materials: {
        orderBy: { position: "asc" },
        select: { material: { select: { id: true, title: true, outlet: true, publishedAt: true, source: true } } },
      },
      cards: {
        where: { status: "accepted" },
        orderBy: { position: "asc" },
        select: { id: true, kind: true, front: true, back: true, evidence: { select: evidenceSelect } },
      },
      questions: {
        where: { status: "accepted" },
        orderBy: { position: "asc" },
        select: { id: true, kind: true, prompt: true, marks: true, timeLimitSec: true, wordLimit: true },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    subject: row.subject,
    description: row.description,
    status: row.status,
    ownerId: row.ownerId,
    credits: Array.isArray(row.credits) ? row.credits.flatMap((c) => (isCredit(c) ? [c] : [])) : [],
    materials: row.materials.map((m) => m.material),
    cards: row.cards.map(toCardView),
    questions: row.questions,
  };
}
