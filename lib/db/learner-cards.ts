import type { CardMemory } from "../srs/schedule";
import type { LearnerCardDraft } from "../srs/learner-card";
import { getDb } from "./client";
import { REVIEW_TRANSACTION } from "./reviews";

/** The slug of a learner's own "Missed points" set (one per learner; published, visible to them only). */
export const missedPointsSlug = (userId: string) => `missed-points:${userId}`;

/**
 * Saves a learner's own card (made with cardFromMissedPoint / cardFromMissedQuestion in
 * lib/srs/learner-card.ts) into their "Missed points" set, creating the set on first use, with its
 * evidence and the card's first memory state (`memory`, usually due now). Idempotent by the draft's
 * origin: offering the same point again returns the card already made.
 */
export async function addLearnerCard(userId: string, draft: LearnerCardDraft, memory: CardMemory): Promise<{ cardId: string; isCreated: boolean }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const slug = missedPointsSlug(userId);
    const set = await tx.studySet.upsert({
      where: { slug },
      create: {
        slug,
        ownerId: userId,
        title: "Missed points",
        description: "Cards you made from points and questions you missed.",
        status: "published",
        isPublic: false,
        publishedAt: new Date(),
      },
      update: {},
      select: { id: true },
    });
    const existing = await tx.card.findUnique({ where: { studySetId_originKey: { studySetId: set.id, originKey: draft.originKey } }, select: { id: true } });
    if (existing) return { cardId: existing.id, isCreated: false };
    const position = await tx.card.count({ where: { studySetId: set.id } });
    const card = await tx.card.create({
      data: {
        studySetId: set.id,
        kind: "qa",
        front: draft.front,
        back: draft.back,
        position,
        status: "accepted",
        originKey: draft.originKey,
        evidence: { create: draft.evidence.map((e) => ({ materialId: e.materialId, start: e.start, end: e.end, quote: e.quote })) },
      },
      select: { id: true },
    });
    await tx.cardState.create({ data: { userId, cardId: card.id, ...memory } });
    return { cardId: card.id, isCreated: true };
  }, REVIEW_TRANSACTION);
}

/** Which of `originKeys` the learner has already made cards from. */
export async function listLearnerCardOrigins(userId: string, originKeys: readonly string[]): Promise<Set<string>> {
  if (originKeys.length === 0) return new Set();
  const db = await getDb();
  const rows = await db.card.findMany({ where: { studySet: { slug: missedPointsSlug(userId) }, originKey: { in: [...originKeys] } }, select: { originKey: true } });
  return new Set(rows.flatMap((r) => (r.originKey ? [r.originKey] : [])));
}
