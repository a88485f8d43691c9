import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card as FsrsCard, type Grade } from "ts-fsrs";

/**
 * Spaced repetition with FSRS (Free Spaced Repetition Scheduler, J. Ye et al.; ts-fsrs implementation).
 * A thin layer: plain card-state objects in, the next state plus a review log out. Time is passed in.
 */
export const fsrsStates = ["new", "learning", "review", "relearning"] as const;
export type FsrsStateName = (typeof fsrsStates)[number];

export const ratings = ["again", "hard", "good", "easy"] as const;
export type RatingName = (typeof ratings)[number];

export interface CardMemory {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: FsrsStateName;
  lastReview: Date | null;
}

export interface ReviewRecord {
  rating: number;
  state: FsrsStateName;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reviewedAt: Date;
}

/** 90% target retention, fuzzed intervals (so cards learnt together spread out), short-term steps on. */
const scheduler = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: true, enable_short_term: true }));

const RATING: Record<RatingName, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const STATE_NAME: Record<State, FsrsStateName> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};
const STATE_VALUE: Record<FsrsStateName, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

function toMemory(card: FsrsCard): CardMemory {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAME[card.state],
    lastReview: card.last_review ?? null,
  };
}

function toFsrs(memory: CardMemory): FsrsCard {
  return {
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: memory.elapsedDays,
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    state: STATE_VALUE[memory.state],
    ...(memory.lastReview ? { last_review: memory.lastReview } : {}),
  };
}

/** The memory state of a card never reviewed, due at `now`. */
export function newCardMemory(now: Date): CardMemory {
  return toMemory(createEmptyCard(now));
}

/** Applies one review with `rating` at `now`: the card's next state and the log line to store. */
export function nextReview(memory: CardMemory, rating: RatingName, now: Date): { memory: CardMemory; log: ReviewRecord } {
  const { card, log } = scheduler.next(toFsrs(memory), now, RATING[rating]);
  return {
    memory: toMemory(card),
    log: {
      rating: log.rating,
      state: STATE_NAME[log.state],
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
      scheduledDays: log.scheduled_days,
      learningSteps: log.learning_steps,
      reviewedAt: log.review,
    },
  };
}

/** When each rating would next show the card — for the buttons' "in 10 min / 3 d" hints. */
export function previewIntervals(memory: CardMemory, now: Date): Record<RatingName, Date> {
  const preview = scheduler.repeat(toFsrs(memory), now);
  return {
    again: preview[Rating.Again].card.due,
    hard: preview[Rating.Hard].card.due,
    good: preview[Rating.Good].card.due,
    easy: preview[Rating.Easy].card.due,
  };
}

/** "10 min", "3 h", "4 d", "2 mo" — the gap between `now` and `due`, rounded for a button label. */
export function formatInterval(due: Date, now: Date): string {
  const minutes = Math.max(1, Math.round((due.getTime() - now.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days} d`;
  const months = Math.round(days / 30);
  return months < 12 ? `${months} mo` : `${(days / 365).toFixed(1)} y`;
}
