"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CardView } from "@/lib/db/study-sets";
import type { AppErrorCode } from "@/lib/errors";
import type { RatingName } from "@/lib/srs/schedule";
import type { QueueSummary } from "@/lib/server/study";
import { ratingIdFor, settleRatingId, type PendingRatingIds } from "@/lib/srs/rating-ids";
import { afterRating, afterUndo, countsLeft, currentCard, ratingCount, remainingCount, REVIEW_BATCH_SIZE, startSession, withMoreCards, withoutRating, withRating, type SessionQueue, type SessionRatings } from "@/lib/srs/session";
import { reviewCardAction, undoReviewAction } from "@/app/(app)/review/actions";
import { callAction, isRetryableFailure, newRequestId, shownFailure, type ShownFailure } from "@/components/ui/action-call";
import { buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { Flashcard } from "./flashcard";
import { ReviewSummaryLine } from "./review-summary";

export interface QueuedReview {
  card: CardView;
  isNew: boolean;
  intervals: Record<RatingName, string>;
}

const ratingButtons: { rating: RatingName; key: string; label: string; className: string }[] = [
  { rating: "again", key: "1", label: "Again", className: "border-bad text-bad" },
  { rating: "hard", key: "2", label: "Hard", className: "border-warn text-warn" },
  { rating: "good", key: "3", label: "Good", className: "border-good text-good" },
  { rating: "easy", key: "4", label: "Easy", className: "border-accent text-accent" },
];

/** The next batch is fetched when this few cards are left waiting, so it is there before they run out. */
const PREFETCH_AT = 5;

/** A later batch of the session's cards from the queue API (GET /api/reviews?cards=…), ready to show. */
async function fetchBatch(ids: string[]): Promise<{ ok: true; cards: QueuedReview[] } | { ok: false; error: ShownFailure }> {
  try {
    const res = await fetch(`/api/reviews?cards=${ids.map(encodeURIComponent).join(",")}`, { headers: { accept: "application/json" }, cache: "no-store" });
    const body = (await res.json()) as { ok: true; cards: QueuedReview[] } | { ok: false; error?: string; code?: AppErrorCode };
    if (body.ok) return body;
    return { ok: false, error: shownFailure({ error: body.error ?? "The next cards could not be loaded.", code: body.code }, "the cards you have rated are saved — press Retry once you are signed in.") };
  } catch {
    return { ok: false, error: { message: "The next cards could not be loaded. Check your connection.", isSessionEnded: false } };
  }
}


/** What an ended session keeps, after "Sign in again in another tab;". */
const RATING_KEPT = "this card stays here — rate it again once you are signed in.";
const UNDO_KEPT = "press Undo again once you are signed in.";

/** A horizontal swipe this long (px) on the shown answer rates it: left Again, right Good. */
const SWIPE_PX = 80;

const clockNow = () => Date.now();

interface LastRating {
  reviewLogId: string;
  previous: QueuedReview;
}

/**
 * A review session like Anki's: the queue's cards in order; a card rated Again (or still in its
 * learning steps) returns in this session after its short step; the last rating can be undone.
 * The page sends the first cards and the ids of the rest (`more`), fetched in batches before they are reached.
 * Keys: space or Enter shows the answer, 1–4 rate, U undoes. Swipe the answer left (Again) or right (Good).
 * Above it, the queue's summary line (`summary`, as the page loaded it) counts down with the ratings.
 */
export function ReviewSession({
  queue: initial,
  more = [],
  summary,
  reviewedToday,
  doneHref,
  doneLabel,
}: {
  queue: QueuedReview[];
  more?: string[];
  summary: QueueSummary;
  /** Ratings given today before the page loaded (the server's count, as home shows it): the count on screen goes on from it, so a reload does not reset it. */
  reviewedToday: number;
  doneHref: string;
  doneLabel: string;
}) {
  const [queue, setQueue] = useState<SessionQueue<QueuedReview>>(() => startSession(initial.map((q) => ({ id: q.card.id, item: q }))));
  const [pending, setPending] = useState(more);
  const [loadError, setLoadError] = useState<ShownFailure | null>(null);
  const [nowMs, setNowMs] = useState(clockNow);
  const [isFlipped, setIsFlipped] = useState(false);
  const [error, setError] = useState<ShownFailure | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [rated, setRated] = useState<SessionRatings>(() => new Map());
  const [last, setLast] = useState<LastRating | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const shownAt = useRef(0);
  // Each card's pending rating id: the same when its rating is sent again after a failure that may have
  // reached the server — even after other cards were shown or an undo came in between — so the server
  // applies it once (reviewCard); a new one once the rating is stored or refused for good (lib/srs/rating-ids).
  const ratingIds = useRef<PendingRatingIds>(new Map());
  const showRef = useRef<HTMLButtonElement>(null);
  const goodRef = useRef<HTMLButtonElement>(null);
  const swipeStart = useRef<{ x: number; y: number } | null>(null);
  const reviewed = ratingCount(rated);
  const summaryLine = (
    <div className="mb-3">
      <ReviewSummaryLine summary={summary} left={countsLeft(summary, rated)} />
    </div>
  );
  const needsMore = pending.length > 0 && queue.waiting.length <= PREFETCH_AT;
  // While a batch is on its way and nothing else waits, wait for it rather than show a returning card early.
  const current = needsMore && queue.waiting.length === 0 && loadError === null ? null : currentCard(queue, nowMs);
  const currentId = current?.id;
  const waitingMs = current?.showAtMs ? Math.max(0, current.showAtMs - nowMs) : 0;

  // Time on each card, for the review log: the clock starts when the card appears.
  useEffect(() => {
    shownAt.current = clockNow();
  }, [currentId]);

  // Returning cards become ready as time passes: re-read the clock every few seconds.
  useEffect(() => {
    const timer = setInterval(() => setNowMs(clockNow()), 5_000);
    return () => clearInterval(timer);
  }, []);

  // The next batch is fetched while a few cards are still waiting; after a failure, again on Retry.
  const loadingMore = useRef(false);
  useEffect(() => {
    if (!needsMore || loadingMore.current || loadError !== null) return;
    loadingMore.current = true;
    const ids = pending.slice(0, REVIEW_BATCH_SIZE);
    void fetchBatch(ids).then((result) => {
      loadingMore.current = false;
      if (!result.ok) {
        setLoadError(result.error);
        return;
      }
      setQueue((q) => withMoreCards(q, result.cards.map((c) => ({ id: c.card.id, item: c }))));
      setPending((p) => p.slice(ids.length));
    });
  }, [needsMore, pending, loadError]);

  // Focus follows the flow: the rating buttons once the answer shows, Show answer for the next card —
  // and back on Good when a failed save re-enables the buttons (a disabled button loses focus), so the
  // learner can rate again from the keyboard after reading the message.
  useEffect(() => {
    if (isSaving) return;
    if (isFlipped) goodRef.current?.focus();
    else showRef.current?.focus();
  }, [isFlipped, currentId, isSaving]);

  // A rating or an undo never leaves the buttons disabled: callAction turns a call that fails on its
  // way (offline, a response that is no action result) into a failure, and every failure is shown.
  const rate = useCallback(
    async (rating: RatingName) => {
      if (!current || isSaving) return;
      setIsSaving(true);
      setError(null);
      const clientReviewId = ratingIdFor(ratingIds.current, current.id, newRequestId);
      const result = await callAction(() => reviewCardAction({ cardId: current.id, rating, durationMs: Math.min(clockNow() - shownAt.current, 3_600_000), clientReviewId }));
      setIsSaving(false);
      if (!result.ok) {
        setError(shownFailure(result, RATING_KEPT));
        setAnnouncement("");
        settleRatingId(ratingIds.current, current.id, isRetryableFailure(result) ? "retryable" : "refused");
        return;
      }
      settleRatingId(ratingIds.current, current.id, "stored");
      const now = clockNow();
      const returning = { ...current.item, isNew: false, intervals: result.nextIntervals };
      setQueue((q) => afterRating(q, current, result.nextDueAtMs, now, returning));
      setLast({ reviewLogId: result.reviewLogId, previous: current.item });
      setRated((r) => withRating(r, current.id, current.item.isNew));
      setNowMs(now);
      setIsFlipped(false);
      // A rating sent again after a lost response is answered with the one the server already had.
      setAnnouncement(`Rated ${result.rating}.`);
    },
    [current, isSaving],
  );

  const undo = useCallback(async () => {
    if (!last || isSaving) return;
    setIsSaving(true);
    setError(null);
    const result = await callAction(() => undoReviewAction({ reviewLogId: last.reviewLogId }));
    setIsSaving(false);
    if (!result.ok) {
      setError(shownFailure(result, UNDO_KEPT));
      // A refusal that stands (a newer review of the card) ends the undo; a failed call or an ended session may be
      // retried — an undo the server already did answers again with the card (undoReviewFor), so it comes back.
      if (!isRetryableFailure(result)) setLast(null);
      return;
    }
    setQueue((q) => afterUndo(q, result.cardId, { ...last.previous, isNew: result.isNew, intervals: result.intervals }));
    setRated((r) => withoutRating(r, result.cardId));
    setLast(null);
    setIsFlipped(false);
    setNowMs(clockNow());
    setAnnouncement("Last rating undone. The card is back.");
  }, [last, isSaving]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (e.key === "u" || e.key === "U") {
        e.preventDefault();
        void undo();
        return;
      }
      if (!current) return;
      if (!isFlipped && (e.key === " " || e.key === "Enter")) {
        // Space and Enter activate whatever control has focus (a link, the navigation's More
        // button); they show the answer only from the page itself or the session's own buttons.
        const control = target?.closest("a, button, summary, [role='button'], [role='link']");
        if (control && !control.hasAttribute("data-review-key")) return;
        e.preventDefault();
        setIsFlipped(true);
        return;
      }
      const button = ratingButtons.find((b) => b.key === e.key);
      if (isFlipped && button) {
        e.preventDefault();
        void rate(button.rating);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, isFlipped, rate, undo]);

  const undoButton = last ? (
    <button type="button" onClick={() => void undo()} disabled={isSaving} className={buttonClass("ghost", "min-h-12")} aria-keyshortcuts="U">
      Undo last rating
    </button>
  ) : null;

  const loadProblem = loadError ? (
    <div className="mt-2 flex flex-wrap items-center justify-center gap-2">
      <FormError message={loadError.message} isSessionEnded={loadError.isSessionEnded} />
      <button type="button" onClick={() => setLoadError(null)} className={buttonClass("secondary", "min-h-11")}>
        Retry
      </button>
    </div>
  ) : null;

  if (!current && pending.length > 0) {
    return (
      <>
        {summaryLine}
        <div className="rounded-2xl border border-border bg-surface p-6 text-center" role="status" aria-busy={loadError === null}>
          <p className="text-sm text-muted">{loadError === null ? "Loading the next cards…" : `${pending.length} more ${pending.length === 1 ? "card" : "cards"} to load.`}</p>
          {loadProblem}
        </div>
      </>
    );
  }

  if (!current) {
    return (
      <>
        {summaryLine}
        <div className="rounded-2xl border border-border bg-surface p-6 text-center" role="status">
          <p className="text-lg font-semibold">Session complete</p>
          <p className="mt-1 text-sm text-muted">
            You reviewed {reviewed} {reviewed === 1 ? "card" : "cards"} in this session ({reviewedToday + reviewed} today). Every card rated Again came back until you knew it.
          </p>
          <FormError message={error?.message} isSessionEnded={error?.isSessionEnded} />
          <div className="mt-4 flex flex-wrap justify-center gap-2">
            {undoButton}
            <Link href={doneHref} className={buttonClass("secondary")}>
              {doneLabel}
            </Link>
          </div>
        </div>
      </>
    );
  }

  return (
    <div>
      {summaryLine}
      <p className="mb-2 text-sm text-muted" data-testid="session-progress">
        {remainingCount(queue) + pending.length} to go · {reviewedToday + reviewed} reviewed today
        {current.item.isNew ? " · new card" : current.showAtMs !== null ? " · again" : ""}
        {waitingMs > 0 ? ` · back early (due in ${Math.ceil(waitingMs / 60_000)} min)` : ""}
      </p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div
        className="touch-pan-y"
        onPointerDown={(e) => {
          swipeStart.current = { x: e.clientX, y: e.clientY };
        }}
        onPointerUp={(e) => {
          const start = swipeStart.current;
          swipeStart.current = null;
          if (!start || !isFlipped) return;
          const dx = e.clientX - start.x;
          if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 2 * Math.abs(e.clientY - start.y)) void rate(dx < 0 ? "again" : "good");
        }}
      >
        <Flashcard key={current.id} card={current.item.card} isFlipped={isFlipped} onFlip={() => setIsFlipped(true)} hasFlipButton={false} />
      </div>
      <FormError message={error?.message} isSessionEnded={error?.isSessionEnded} />
      {loadProblem}
      {isFlipped ? (
        <div className="mt-3 grid grid-cols-4 gap-2" role="group" aria-label="How well did you remember? Keys 1 to 4; swipe left for Again, right for Good.">
          {ratingButtons.map((b) => (
            <button
              key={b.rating}
              ref={b.rating === "good" ? goodRef : undefined}
              type="button"
              disabled={isSaving}
              onClick={() => void rate(b.rating)}
              aria-keyshortcuts={b.key}
              className={`flex min-h-16 flex-col items-center justify-center rounded-lg border bg-surface text-base font-medium disabled:opacity-60 ${b.className}`}
            >
              {b.label}{" "}
              <span className="text-xs font-normal text-muted">{current.item.intervals[b.rating]}</span>
            </button>
          ))}
        </div>
      ) : (
        <button
          ref={showRef}
          type="button"
          onClick={() => setIsFlipped(true)}
          aria-keyshortcuts="Space Enter"
          data-review-key
          className="mt-3 inline-flex min-h-14 w-full items-center justify-center rounded-lg bg-accent px-4 text-base font-medium text-accent-fg"
        >
          Show answer
        </button>
      )}
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        {undoButton ?? <span />}
        <p className="hidden text-xs text-muted sm:block">Space or Enter shows · 1–4 rate · U undoes</p>
      </div>
    </div>
  );
}
