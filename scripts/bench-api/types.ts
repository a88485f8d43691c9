/**
 * The contract between the bench:api runner (scripts/bench-api.ts) and its scenarios
 * (scripts/bench-api/scenarios/*.ts, listed in scenarios/index.ts). A scenario is one kind of
 * request a learner makes; the runner drives it at a human pace and at saturation and prints
 * latency percentiles, throughput, errors and — for writes — lost rows.
 */
import type { Db } from "@/lib/db/client";

/** One signed-in bench learner. */
export interface BenchLearner {
  id: string;
  email: string;
  /** A next-auth session cookie ("name=value") for requests as this learner. */
  cookie: string;
  /** Cards this learner can review (the shared study pack's accepted cards). */
  cardIds: string[];
}

export interface BenchContext {
  baseUrl: string;
  db: Db;
  learners: BenchLearner[];
  /** The study pack the learners study. */
  studySetId: string;
  /** A session cookie ("name=value") for any bench-made user, e.g. a teacher a scenario creates. */
  sessionCookieFor: (user: { id: string; name: string; email: string; role: "student" | "teacher" | "admin"; sessionVersion: number }) => Promise<string>;
}

/** What one request did, as the scenario judges it. */
export interface ActionOutcome {
  isOk: boolean;
  /** Rows the server acknowledged writing (counted against the database after the run). */
  ackedWrites: number;
}

/** Per-learner state a scenario keeps between that learner's actions (e.g. a draft's version). */
export type LearnerState = Record<string, unknown>;

export interface BenchScenario {
  /** Printed and used in the JSON lines, e.g. "submit a review". */
  name: string;
  /** Runs once before each load phase: creates what the actions need; returns state per learner. */
  prepare?: (ctx: BenchContext) => Promise<LearnerState[]>;
  /** One learner action: sends one request and says whether it succeeded. */
  act: (ctx: BenchContext, learner: BenchLearner, state: LearnerState) => Promise<ActionOutcome>;
  /** How many of the learners act (all when unset): a teacher's page is opened by a few, not by every learner. */
  actorCount?: number;
  /** Fields added to each of the scenario's JSON lines (e.g. the gradebook's size and in-process server time). */
  extraFields?: (ctx: BenchContext) => Promise<Record<string, unknown>>;
  /**
   * Writes only: the rows of this scenario in the database now (e.g. review logs of the bench learners).
   * The runner counts before and after a phase: lost = acknowledged writes − rows added.
   */
  countRows?: (ctx: BenchContext, states: LearnerState[]) => Promise<number>;
}

/** Response bodies read by requestAs (decoded bytes), for the runner's bytes-per-request figure. */
export const bodyTally = { bytes: 0, responses: 0 };

/** fetch as a learner: their session cookie, a same-site Origin (state-changing /api requests need it), JSON bodies. */
export async function requestAs(
  ctx: BenchContext,
  learner: BenchLearner,
  path: string,
  init: { method?: string; json?: unknown } = {},
): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { cookie: learner.cookie, origin: ctx.baseUrl };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${ctx.baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
    redirect: "manual",
  });
  const body = await res.text();
  bodyTally.bytes += Buffer.byteLength(body);
  bodyTally.responses++;
  return { status: res.status, body };
}
