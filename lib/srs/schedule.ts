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

/** What shapes one learner's schedule: their desired retention and, when set, the start of their exam day. */
export interface SchedulePlan {
  /** FSRS target recall probability at the due time, 0.70–0.97 (default 0.9). */
  desiredRetention: number;
  /** No card is due at or after this instant (the start of the exam day); null when no exam is set. */
  examAt: Date | null;
}

export const DEFAULT_PLAN: SchedulePlan = { desiredRetention: 0.9, examAt: null };
export const RETENTION_RANGE = { min: 0.7, max: 0.97 } as const;

/**
 * Learning steps as in Anki's defaults: a new card rated Again comes back after 1 min, Good after 10 min,
 * then graduates; a lapsed card relearns after 10 min. Fuzzed intervals spread cards learnt together.
 */
const LEARNING_STEPS = ["1m", "10m"] as const;
const RELEARNING_STEPS = ["10m"] as const;

const schedulers = new Map<number, ReturnType<typeof fsrs>>();
function schedulerFor(desiredRetention: number) {
  const retention = Math.min(RETENTION_RANGE.max, Math.max(RETENTION_RANGE.min, desiredRetention));
  let scheduler = schedulers.get(retention);
  if (!scheduler) {
    scheduler = fsrs(
      generatorParameters({
        request_retention: retention,
        enable_fuzz: true,
        enable_short_term: true,
        learning_steps: [...LEARNING_STEPS],
        relearning_steps: [...RELEARNING_STEPS],
      }),
    );
    schedulers.set(retention, scheduler);
  }
  return scheduler;
}

const DAY_MS = 86_400_000;

/**
 * Keeps a card's next showing before the exam: a due time at or past `examAt` moves to a day in the
 * second half of the time left (where `spread` in [0, 1) picks the day), so cards whose intervals
 * outrun the exam are spread over the remaining weeks instead of piling up on its eve. With less
 * than two whole days left it is due halfway to the exam. Short learning steps that end before the exam are kept.
 * Once the exam has begun the date no longer bounds anything: cards are scheduled as without one.
 */
export function capDueBeforeExam(due: Date, now: Date, examAt: Date | null, spread: number): Date {
  if (!examAt || due.getTime() < examAt.getTime() || examAt.getTime() <= now.getTime()) return due;
  const wholeDaysLeft = Math.floor((examAt.getTime() - now.getTime()) / DAY_MS);
  if (wholeDaysLeft < 2) return new Date(now.getTime() + Math.max(0, Math.floor((examAt.getTime() - now.getTime()) / 2)));
  const firstDay = Math.ceil(wholeDaysLeft / 2);
  const day = Math.min(wholeDaysLeft - 1, firstDay + Math.floor(Math.min(0.999_999, Math.max(0, spread)) * (wholeDaysLeft - firstDay)));
  return new Date(now.getTime() + Math.max(1, day) * DAY_MS);
}

/** A number in [0, 1) fixed by `key` (FNV-1a), to spread capped cards without randomness. */
export function spreadOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x1_0000_0000;
}

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

/**
 * Applies one review with `rating` at `now` under the learner's plan: the card's next state (due
 * capped before the exam, `spreadKey` choosing where a capped card lands) and the log line to store.
 */
export function nextReview(
  memory: CardMemory,
  rating: RatingName,
  now: Date,
  plan: SchedulePlan = DEFAULT_PLAN,
  spreadKey = "",
): { memory: CardMemory; log: ReviewRecord } {
  const { card, log } = schedulerFor(plan.desiredRetention).next(toFsrs(memory), now, RATING[rating]);
  const next = toMemory(card);
  const due = capDueBeforeExam(next.due, now, plan.examAt, spreadOf(`${spreadKey}:${next.reps}`));
  if (due.getTime() !== next.due.getTime()) {
    next.due = due;
    next.scheduledDays = Math.max(0, Math.round((due.getTime() - now.getTime()) / DAY_MS));
  }
  return {
    memory: next,
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

/**
 * The card's state before the review `log` recorded (ts-fsrs rollback), for undo; null when that
 * review was the card's first, so the card is new again.
 */
export function undoReview(memory: CardMemory, log: ReviewRecord): CardMemory | null {
  if (log.state === "new") return null;
  const previous = schedulerFor(DEFAULT_PLAN.desiredRetention).rollback(toFsrs(memory), {
    rating: log.rating as Grade,
    state: STATE_VALUE[log.state],
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsedDays,
    last_elapsed_days: log.lastElapsedDays,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: log.reviewedAt,
  });
  return toMemory(previous);
}

/**
 * When each rating would next show the card — for the buttons' "in 10 min / 3 d" hints: for each
 * rating, the due time `nextReview` would give. One ts-fsrs `repeat` schedules all four ratings from
 * one scheduler state (the same fuzz seed, so the same dates) at about a quarter of the CPU and
 * garbage of four `next` calls; a page of review cards computes this for every card it sends.
 */
export function previewIntervals(memory: CardMemory, now: Date, plan: SchedulePlan = DEFAULT_PLAN, spreadKey = ""): Record<RatingName, Date> {
  const preview = schedulerFor(plan.desiredRetention).repeat(toFsrs(memory), now);
  const dueAfter = (rating: RatingName): Date => {
    const { card } = preview[RATING[rating]];
    return capDueBeforeExam(card.due, now, plan.examAt, spreadOf(`${spreadKey}:${card.reps}`));
  };
  return { again: dueAfter("again"), hard: dueAfter("hard"), good: dueAfter("good"), easy: dueAfter("easy") };
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
