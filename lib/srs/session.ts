/**
 * One review session's order, as in Anki: the day's cards in queue order, and cards whose short
 * learning step ends within the learn-ahead window (rated Again, or new and still in their steps)
 * coming back in the same session once their step has passed — or at once when nothing else is left.
 */

/** Anki's default learn-ahead limit: a card due within 20 minutes returns in this session. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface SessionCard<T> {
  id: string;
  item: T;
  /** When the card may be shown again (epoch ms); null for a card not yet shown this session. */
  showAtMs: number | null;
}

export interface SessionQueue<T> {
  /** Cards not yet shown, in queue order. */
  waiting: SessionCard<T>[];
  /** Cards coming back after a learning step, earliest first. */
  returning: SessionCard<T>[];
}

export function startSession<T>(items: readonly { id: string; item: T }[]): SessionQueue<T> {
  return { waiting: items.map((x) => ({ ...x, showAtMs: null })), returning: [] };
}

/** The card to show at `nowMs`: a returning card whose step has passed, else the next waiting card, else the earliest returning one. */
export function currentCard<T>(queue: SessionQueue<T>, nowMs: number): SessionCard<T> | null {
  const ready = queue.returning[0];
  if (ready && ready.showAtMs !== null && ready.showAtMs <= nowMs) return ready;
  return queue.waiting[0] ?? ready ?? null;
}

/** The queue after `card` was rated: it leaves, and returns this session when it is next due within the learn-ahead window. */
export function afterRating<T>(queue: SessionQueue<T>, card: SessionCard<T>, nextDueMs: number, nowMs: number, item: T): SessionQueue<T> {
  const waiting = queue.waiting.filter((c) => c.id !== card.id);
  const returning = queue.returning.filter((c) => c.id !== card.id);
  if (nextDueMs - nowMs <= LEARN_AHEAD_MS) {
    returning.push({ id: card.id, item, showAtMs: nextDueMs });
    returning.sort((a, b) => (a.showAtMs ?? 0) - (b.showAtMs ?? 0));
  }
  return { waiting, returning };
}

/** The queue after an undo: the card (with its restored hints) is shown next, and no longer waits to return. */
export function afterUndo<T>(queue: SessionQueue<T>, id: string, item: T): SessionQueue<T> {
  // Shown first: a returning card whose time has long passed.
  return { waiting: queue.waiting.filter((c) => c.id !== id), returning: [{ id, item, showAtMs: 0 }, ...queue.returning.filter((c) => c.id !== id)] };
}

/** Cards still to go: waiting plus returning. */
export const remainingCount = <T>(queue: SessionQueue<T>) => queue.waiting.length + queue.returning.length;

/** The cards a review session starts with; the review screen fetches the rest in batches this size as it nears them. */
export const REVIEW_BATCH_SIZE = 20;

/** The queue with a later batch of the same session appended to the cards not yet shown; cards already in the session are skipped. */
export function withMoreCards<T>(queue: SessionQueue<T>, items: readonly { id: string; item: T }[]): SessionQueue<T> {
  const held = new Set([...queue.waiting, ...queue.returning].map((c) => c.id));
  const added = items.filter((x) => !held.has(x.id)).map((x) => ({ ...x, showAtMs: null }));
  return { waiting: [...queue.waiting, ...added], returning: queue.returning };
}

/** The cards rated in one session: how many times each, and whether it was new when first rated. */
export type SessionRatings = ReadonlyMap<string, { wasNew: boolean; times: number }>;

/** The session's ratings with one more of card `id` (`isNew`: the card had never been reviewed before this rating). */
export function withRating(rated: SessionRatings, id: string, isNew: boolean): SessionRatings {
  const next = new Map(rated);
  const held = rated.get(id);
  next.set(id, held ? { ...held, times: held.times + 1 } : { wasNew: isNew, times: 1 });
  return next;
}

/** The session's ratings after undoing the latest rating of card `id`. */
export function withoutRating(rated: SessionRatings, id: string): SessionRatings {
  const held = rated.get(id);
  if (!held) return rated;
  const next = new Map(rated);
  if (held.times > 1) next.set(id, { ...held, times: held.times - 1 });
  else next.delete(id);
  return next;
}

/** Ratings given in the session (a card rated Again and then Good counts twice). */
export const ratingCount = (rated: SessionRatings): number => [...rated.values()].reduce((n, r) => n + r.times, 0);

/**
 * The queue summary's counts ("N reviews due · M new cards today", read when the page loaded) after
 * the session's ratings: each due card rated is no longer due and each new card rated is one fewer of
 * today's new cards, however often it was rated. A card rated Again comes back in the session (the
 * session's own "to go") without counting as due again. Never below zero.
 */
export function countsLeft(start: { dueCount: number; newToday: number }, rated: SessionRatings): { dueCount: number; newToday: number } {
  const cards = [...rated.values()];
  const newRated = cards.filter((r) => r.wasNew).length;
  return { dueCount: Math.max(0, start.dueCount - (cards.length - newRated)), newToday: Math.max(0, start.newToday - newRated) };
}
