import type { CardKind } from "../generate/schemas";

/** The gap of a fill-the-gap card's front: a run of underscores (the generators write five, "_____"). */
const GAP = /_{3,}/;

/**
 * A card's kind once its owner has edited its front: a front with a gap is a fill-the-gap card, and a
 * fill-the-gap card whose gap was edited away is now a plain question (the review screen and the
 * flashcard say the kind the card is, not the kind it was drafted as). Other kinds keep theirs.
 */
export function cardKindAfterEdit(kind: CardKind, front: string): CardKind {
  if (GAP.test(front)) return "cloze";
  return kind === "cloze" ? "qa" : kind;
}
