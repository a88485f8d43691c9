import "server-only";
import { z } from "zod";
import { AppError } from "../errors";
import type { Actor } from "../auth/permissions";
import { getAttemptFacts } from "../db/attempts";
import { addLearnerCard } from "../db/learner-cards";
import { getRubricPointSource } from "../db/model-answers";
import { cardFromMissedPoint } from "../srs/learner-card";
import { newCardMemory } from "../srs/schedule";
import { withheldNoteFor } from "./result-release";

export const acceptMissedPointSchema = z.object({ attemptId: z.string().min(1).max(64), rubricPointId: z.string().min(1).max(64) });

/**
 * Makes a card for the learner from a rubric point of their own submitted written answer: the model
 * answer's wording and example with its source sentences, due at once in their "Missed points" set
 * (then scheduled like any card, toward their exam date). Accepting the same point again changes nothing.
 * Refused while the answer's result is withheld from them (lib/server/result-release.ts).
 */
export async function acceptMissedPoint(actor: Actor, raw: unknown, now: Date): Promise<{ cardId: string; isCreated: boolean }> {
  const parsed = acceptMissedPointSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID", "Choose a missed point to turn into a card.");
  const facts = await getAttemptFacts(parsed.data.attemptId);
  if (!facts || facts.ownerId !== actor.id) throw new AppError("NOT_FOUND", "That answer does not exist.");
  if (facts.status !== "graded" && facts.status !== "submitted") throw new AppError("CONFLICT", "Submit the answer first; its missed points can become cards once it is marked.");
  // A card carries the model answer's wording: none while the result itself is withheld.
  if (await withheldNoteFor(true, facts.attemptId, now)) throw new AppError("CONFLICT", "Your marks and the model answer are not released yet, so its points cannot become cards yet.");
  const source = await getRubricPointSource(facts.questionId, parsed.data.rubricPointId);
  if (!source) throw new AppError("NOT_FOUND", "That point is not part of this question's marking scheme.");
  const draft = cardFromMissedPoint({
    rubricPointId: source.rubricPointId,
    questionPrompt: source.questionPrompt,
    heading: source.modelPoint?.heading ?? null,
    pointText: source.modelPoint?.text ?? source.point,
    example: source.modelPoint?.example ?? null,
    evidence: source.modelPoint?.evidence ?? [],
  });
  return addLearnerCard(actor.id, draft, newCardMemory(now));
}
