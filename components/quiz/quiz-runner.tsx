"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { submitQuizAction } from "@/app/(app)/quiz/actions";
import { failureMessage, isSessionEndedFailure, sessionEndedMessage } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { isBlankAnswer, isSameAnswer, unansweredNote, type QuizAnswer } from "@/lib/quiz/answers";
import { localQuizKey, parseLocalChoices, pickStartingAnswers, retryDelayMs, unsavedQuestionIds, type LocalChoices, type ServerAnswer } from "@/lib/quiz/autosave";
import { afterReport, reportOutcome, setPageVisible, showQuestion, startClock, takeReports, type QuestionClock } from "@/lib/quiz/question-clock";
import { optionLabel } from "@/lib/quiz/right-answer";
import { formatClock, remainingSec } from "@/lib/writing/timer";

export interface RunnerQuestion {
  id: string;
  kind: string;
  prompt: string;
  unit: string | null;
  options: { id: string; text: string }[];
}

export interface QuizRunnerProps {
  attemptId: string;
  deadlineAtMs: number | null;
  graceSec: number;
  /** The server's clock when the page was rendered; the countdown runs from it on a monotonic timer, never the device clock. */
  serverNowMs: number;
  questions: RunnerQuestion[];
  answers: Record<string, ServerAnswer>;
  /** Time each question has been on screen so far, as the server holds it (ms): the page counts on from it. */
  timeOnMs: Record<string, number>;
}

type Outcome =
  | { status: "saved"; version: number; savedAtMs: number }
  | { status: "conflict"; current: { answer: QuizAnswer; version: number; savedAtMs: number } }
  | { status: "closed"; reason: "finished" | "time_up" };

/** What an ended session keeps, after "Sign in again in another tab;". */
const ANSWERS_KEPT = "your answers are kept on this device.";

/** Text answers are saved this long after the last keystroke; choices at once. */
const TYPING_DELAY_MS = 600;

function readLocal(key: string): LocalChoices {
  try {
    return parseLocalChoices(window.localStorage.getItem(key));
  } catch {
    return {};
  }
}

function writeLocal(key: string, value: LocalChoices | null) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing or a full quota: the server autosave still keeps the answers.
  }
}

/**
 * Takes a quiz on a phone: one question at a time with a question map, a countdown from the
 * server's deadline, and every choice saved at once — versioned, one request per question in
 * flight, queued on this device and retried while offline, and re-applied over a newer version saved
 * from another tab (the choice made here, later, wins). After the deadline and grace the page asks
 * the server, which grades what was saved.
 */
export function QuizRunner({ attemptId, deadlineAtMs, graceSec, serverNowMs, questions, answers: serverAnswers, timeOnMs }: QuizRunnerProps) {
  const router = useRouter();
  const ids = useId();
  const storageKey = localQuizKey(attemptId);
  const order = questions.map((q) => q.id);

  const [shown, setShown] = useState<Record<string, QuizAnswer>>(() => Object.fromEntries(Object.entries(serverAnswers).map(([id, s]) => [id, s.answer])));
  const [confirmed, setConfirmed] = useState<Record<string, ServerAnswer>>(serverAnswers);
  const [index, setIndex] = useState(0);
  const [network, setNetwork] = useState<"ok" | "offline">("ok");
  const [inFlight, setInFlight] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [isSessionEnded, setIsSessionEnded] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [nowMs, setNowMs] = useState<number | null>(null);

  // Mutable mirrors for the save loop (callbacks must see the latest values without re-subscribing).
  const shownRef = useRef(shown);
  const confirmedRef = useRef(confirmed);
  const flying = useRef(new Set<string>());
  const failures = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const seen = useRef(new Set<string>());
  const questionClock = useRef<QuestionClock>(startClock(true, timeOnMs));
  const isClosed = useRef(false);

  const persistLocal = useCallback(() => {
    const local: LocalChoices = {};
    for (const id of unsavedQuestionIds(order, shownRef.current, confirmedRef.current)) {
      local[id] = { answer: shownRef.current[id] ?? {}, baseVersion: confirmedRef.current[id]?.version ?? 1 };
    }
    writeLocal(storageKey, Object.keys(local).length ? local : null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `order` is derived from props that never change for one attempt
  }, [storageKey]);

  const finish = useCallback(() => {
    if (isClosed.current) return;
    isClosed.current = true;
    writeLocal(storageKey, null);
    router.replace(`/quiz/${attemptId}/results`);
  }, [attemptId, router, storageKey]);

  const saveOne = useCallback(
    async function saveOne(questionId: string): Promise<void> {
      if (isClosed.current || flying.current.has(questionId)) return;
      const answer = shownRef.current[questionId];
      const base = confirmedRef.current[questionId];
      if (!answer || !base || isSameAnswer(answer, base.answer)) return;
      flying.current.add(questionId);
      setInFlight(flying.current.size);
      let retry = false;
      try {
        const response = await fetch(`/api/quiz-attempts/${attemptId}/answers`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ questionId, answer, version: base.version }),
        });
        const body = (await response.json().catch(() => null)) as { ok: boolean; outcome?: Outcome; error?: string } | null;
        if (!response.ok || !body?.ok || !body.outcome) {
          if (response.status >= 500 || !body) retry = true;
          else if (response.status === 401) {
            setError(sessionEndedMessage(ANSWERS_KEPT));
            setIsSessionEnded(true);
          } else setError(body.error ?? "This answer could not be saved.");
          return;
        }
        failures.current = 0;
        setNetwork("ok");
        const outcome = body.outcome;
        if (outcome.status === "closed") {
          finish();
          return;
        }
        const next: ServerAnswer = outcome.status === "saved" ? { answer, version: outcome.version } : { answer: outcome.current.answer, version: outcome.current.version };
        confirmedRef.current = { ...confirmedRef.current, [questionId]: next };
        setConfirmed(confirmedRef.current);
      } catch {
        retry = true;
      } finally {
        flying.current.delete(questionId);
        setInFlight(flying.current.size);
        persistLocal();
      }
      if (retry) {
        setNetwork("offline");
        const delay = retryDelayMs(failures.current++);
        if (retryTimer.current) clearTimeout(retryTimer.current);
        retryTimer.current = setTimeout(() => void flushAll(), delay);
        return;
      }
      // A newer choice made meanwhile, or a conflict lost to another tab: save what this screen shows.
      void saveOne(questionId);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- flushAll is stable (defined below from the same refs)
    [attemptId, finish, persistLocal],
  );

  const flushAll = useCallback(async () => {
    await Promise.all(unsavedQuestionIds(order, shownRef.current, confirmedRef.current).map((id) => saveOne(id)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `order` never changes for one attempt
  }, [saveOne]);

  // Restore choices this device made that the server never received (a reload while offline), then save them.
  useEffect(() => {
    const starting = pickStartingAnswers(serverAnswers, readLocal(storageKey));
    shownRef.current = starting;
    setShown(starting);
    void flushAll();
  }, [serverAnswers, storageKey, flushAll]);

  // The clock: the server's time at render plus a monotonic elapsed time (changing the device clock changes nothing).
  useEffect(() => {
    const t0 = performance.now();
    const tick = () => setNowMs(serverNowMs + (performance.now() - t0));
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 500);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [serverNowMs]);

  // Back online: send what is queued.
  useEffect(() => {
    const online = () => {
      failures.current = 0;
      void flushAll();
    };
    const offline = () => setNetwork("offline");
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
  }, [flushAll]);

  // Time per question on the result: how long each question is on screen while the page is visible
  // (lib/quiz/question-clock), reported as running totals on moving to another question, on leaving the
  // page, when the time runs out and before submitting. The server keeps the larger total, so a report
  // sent again counts once; one refused for good, or failing again and again, is not sent any more.
  // `keepalive` lets the one sent as the page is hidden finish even if the phone discards the tab.
  const sendTimes = useCallback(
    async ({ keepalive = false, nowMs = performance.now() }: { keepalive?: boolean; nowMs?: number } = {}) => {
      const [reports, measured] = takeReports(questionClock.current, nowMs);
      questionClock.current = measured;
      await Promise.all(
        reports.map(async (report) => {
          let status: number | null = null;
          try {
            const response = await fetch(`/api/quiz-attempts/${attemptId}/seen`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(report), keepalive });
            status = response.status;
          } catch {
            // No connection: the next report carries this total.
          }
          questionClock.current = afterReport(questionClock.current, report, reportOutcome(status));
        }),
      );
    },
    [attemptId],
  );

  const current = questions[index];
  useEffect(() => {
    if (!current) return;
    // The question left is reported; the one shown has nothing to report yet (same instant).
    const nowMs = performance.now();
    questionClock.current = showQuestion(questionClock.current, current.id, nowMs);
    void sendTimes({ nowMs });
    // The first sight of a question is recorded too (once).
    if (seen.current.has(current.id)) return;
    seen.current.add(current.id);
    void fetch(`/api/quiz-attempts/${attemptId}/seen`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ questionId: current.id }) }).catch(() => {
      seen.current.delete(current.id);
    });
  }, [attemptId, current, sendTimes]);

  // Time on a hidden page (another app, the screen locked) counts for nothing; leaving reports what was measured.
  useEffect(() => {
    const onVisibility = () => {
      const isVisible = document.visibilityState === "visible";
      questionClock.current = setPageVisible(questionClock.current, isVisible, performance.now());
      if (!isVisible) void sendTimes({ keepalive: true });
    };
    onVisibility();
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, [sendTimes]);

  const left = deadlineAtMs !== null && nowMs !== null ? remainingSec(deadlineAtMs, nowMs) : null;
  const isPastGrace = deadlineAtMs !== null && nowMs !== null && nowMs > deadlineAtMs + graceSec * 1000;

  // Time is up: the question on screen is reported now, while the grace still lets the report in (after
  // it the attempt is closed and takes no more).
  const isTimeUp = left !== null && left <= 0;
  useEffect(() => {
    if (isTimeUp) void sendTimes();
  }, [isTimeUp, sendTimes]);

  // Time and grace are over: the server grades what it holds; the page follows it to the result.
  useEffect(() => {
    if (!isPastGrace || isClosed.current) return;
    const timer = setTimeout(() => router.refresh(), 1000);
    return () => clearTimeout(timer);
  }, [isPastGrace, router]);

  function choose(questionId: string, answer: QuizAnswer, isTyping = false) {
    if (isPastGrace || isClosed.current) return;
    shownRef.current = { ...shownRef.current, [questionId]: answer };
    setShown(shownRef.current);
    persistLocal();
    setError(null);
    setIsSessionEnded(false);
    const timers = typingTimers.current;
    const pending = timers.get(questionId);
    if (pending) clearTimeout(pending);
    if (isTyping) timers.set(questionId, setTimeout(() => void saveOne(questionId), TYPING_DELAY_MS));
    else void saveOne(questionId);
  }

  async function submit() {
    setIsConfirming(false);
    setIsSubmitting(true);
    setError(null);
    setIsSessionEnded(false);
    try {
      await Promise.all([flushAll(), sendTimes()]);
      const unsaved = unsavedQuestionIds(order, shownRef.current, confirmedRef.current);
      if (unsaved.length > 0 && !isClosed.current) {
        setError(`${unsaved.length === 1 ? "One answer has" : `${unsaved.length} answers have`} not reached Crux yet (no connection). They are kept on this device; submit again when you are back online.`);
        return;
      }
      const result = await submitQuizAction(attemptId);
      if (!result.ok) {
        setError(isSessionEndedFailure(result) ? `The quiz was not submitted. ${failureMessage(result, ANSWERS_KEPT)}` : `The quiz was not submitted: ${result.error}`);
        setIsSessionEnded(isSessionEndedFailure(result));
        return;
      }
      finish();
    } catch {
      setError("The quiz was not submitted because the connection failed. Your answers are kept; try again in a moment.");
    } finally {
      setIsSubmitting(false);
    }
  }

  const unsavedCount = unsavedQuestionIds(order, shown, confirmed).length;
  const answeredCount = order.filter((id) => shown[id] && !isBlankAnswer(shown[id])).length;
  const saveLabel =
    network === "offline" && unsavedCount > 0
      ? `Offline — ${unsavedCount} answer${unsavedCount === 1 ? "" : "s"} kept on this device, will be sent when back online`
      : inFlight > 0 || unsavedCount > 0
        ? "Saving…"
        : "All answers saved";
  const saveState = network === "offline" && unsavedCount > 0 ? "offline" : inFlight > 0 || unsavedCount > 0 ? "saving" : "saved";

  if (!current) return null;
  const answer = shown[current.id] ?? {};
  const disabled = isPastGrace || isSubmitting;

  return (
    <div className="space-y-4">
      <div className="sticky top-[3.25rem] z-10 -mx-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-border bg-bg/95 px-4 py-2 backdrop-blur md:top-0 md:mx-0 md:rounded-lg md:border md:px-3">
        <p className="text-sm tabular-nums" role="timer" aria-label={left === null ? "Untimed" : left > 0 ? "Time left" : "Time over"}>
          {left === null ? (
            <span className="text-muted">{deadlineAtMs === null ? "Untimed practice" : "--:--"}</span>
          ) : left > 0 ? (
            <span className={left <= 60 ? "font-semibold text-warn" : ""}>
              <span className="text-muted">Time left </span>
              {formatClock(left)}
            </span>
          ) : (
            <span className="font-semibold text-bad">Time is up</span>
          )}
        </p>
        <p className="text-sm text-muted">
          {answeredCount} of {questions.length} answered
        </p>
        <p className={`w-full text-xs sm:w-auto ${saveState === "offline" ? "text-warn" : "text-muted"}`} aria-live="polite" data-save-state={saveState}>
          {saveLabel}
        </p>
      </div>
      <p className="sr-only" aria-live="assertive">
        {left !== null && left > 0 && left <= 60 ? "Less than a minute left." : left === 0 ? "Time is up. Your saved answers are being marked." : ""}
      </p>

      {isPastGrace ? (
        <p role="status" className="rounded-lg border border-border bg-surface-2 px-3 py-2 text-sm">
          Time is up. Your saved answers are being marked…
        </p>
      ) : null}

      <nav aria-label="Questions" className="-mx-1 overflow-x-auto">
        <ol className="flex gap-1.5 px-1 pb-1">
          {questions.map((q, i) => {
            const isAnswered = shown[q.id] && !isBlankAnswer(shown[q.id]!);
            return (
              <li key={q.id}>
                <button
                  type="button"
                  onClick={() => setIndex(i)}
                  aria-current={i === index ? "step" : undefined}
                  aria-label={`Question ${i + 1}${isAnswered ? ", answered" : ""}`}
                  className={`size-11 rounded-lg border text-sm font-medium tabular-nums ${
                    i === index ? "border-accent bg-accent text-accent-fg" : isAnswered ? "border-accent bg-accent-soft text-accent" : "border-border bg-surface text-fg"
                  }`}
                >
                  {i + 1}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <section aria-labelledby={`${ids}-q`} className="rounded-xl border border-border bg-surface p-4 sm:p-5">
        <h2 id={`${ids}-q`} className="mb-1 text-sm font-medium text-muted">
          Question {index + 1} of {questions.length}
        </h2>
        <QuestionInput key={current.id} question={current} answer={answer} disabled={disabled} onChange={(a, isTyping) => choose(current.id, a, isTyping)} />
      </section>

      <div className="flex flex-wrap justify-between gap-2">
        <Button type="button" variant="secondary" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0}>
          Previous
        </Button>
        {index < questions.length - 1 ? (
          <Button type="button" variant="secondary" onClick={() => setIndex((i) => Math.min(questions.length - 1, i + 1))}>
            Next
          </Button>
        ) : null}
      </div>

      <FormError message={error} isSessionEnded={isSessionEnded} />

      {isConfirming ? (
        <div className="space-y-2 rounded-lg border border-border bg-surface p-3" role="group" aria-label="Confirm submission">
          <p className="text-sm">
            Submit the quiz? {answeredCount < questions.length ? `${unansweredNote(questions.length - answeredCount)} ` : ""}You cannot change answers afterwards.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={() => void submit()} disabled={isSubmitting}>
              Yes, submit
            </Button>
            <Button type="button" variant="secondary" onClick={() => setIsConfirming(false)}>
              Keep going
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" onClick={() => setIsConfirming(true)} disabled={disabled} className="w-full sm:w-auto">
          {isSubmitting ? "Submitting…" : "Submit the quiz"}
        </Button>
      )}
    </div>
  );
}

function QuestionInput({ question, answer, disabled, onChange }: { question: RunnerQuestion; answer: QuizAnswer; disabled: boolean; onChange: (answer: QuizAnswer, isTyping: boolean) => void }) {
  const ids = useId();
  const prompt = <p className="whitespace-pre-line font-serif text-lg leading-relaxed">{question.prompt}</p>;
  const chosen = new Set(answer.optionIds ?? []);
  const optionRow = (key: string, label: string, input: React.ReactNode) => (
    <li key={key}>
      <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-border p-3 hover:bg-surface-2 has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
        {input}
        <span className="text-base leading-snug">{label}</span>
      </label>
    </li>
  );

  if (question.kind === "single_choice" || question.kind === "multiple_choice") {
    const isMulti = question.kind === "multiple_choice";
    return (
      <fieldset disabled={disabled}>
        <legend className="mb-3">{prompt}</legend>
        {isMulti ? <p className="mb-2 text-xs text-muted">Choose every option that applies.</p> : null}
        <ul className="space-y-2">
          {question.options.map((o, i) =>
            optionRow(
              o.id,
              optionLabel(i, o.text),
              <input
                type={isMulti ? "checkbox" : "radio"}
                name={`${ids}-choice`}
                value={o.id}
                checked={chosen.has(o.id)}
                onChange={(e) => {
                  if (!isMulti) return onChange({ optionIds: [o.id] }, false);
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(o.id);
                  else next.delete(o.id);
                  onChange(next.size ? { optionIds: [...next] } : {}, false);
                }}
                className="mt-1 size-4 shrink-0 accent-accent"
              />,
            ),
          )}
        </ul>
      </fieldset>
    );
  }
  if (question.kind === "true_false") {
    return (
      <fieldset disabled={disabled}>
        <legend className="mb-3">{prompt}</legend>
        <ul className="grid grid-cols-2 gap-2">
          {(["true", "false"] as const).map((v) =>
            optionRow(
              v,
              v === "true" ? "True" : "False",
              <input type="radio" name={`${ids}-tf`} value={v} checked={answer.text === v} onChange={() => onChange({ text: v }, false)} className="mt-1 size-4 shrink-0 accent-accent" />,
            ),
          )}
        </ul>
      </fieldset>
    );
  }
  const isNumeric = question.kind === "numeric";
  return (
    <div className="space-y-3">
      <label htmlFor={`${ids}-text`} className="block">
        {prompt}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={`${ids}-text`}
          type="text"
          inputMode={isNumeric ? "decimal" : "text"}
          autoComplete="off"
          maxLength={500}
          value={answer.text ?? ""}
          onChange={(e) => onChange(e.target.value ? { text: e.target.value } : {}, true)}
          disabled={disabled}
          aria-describedby={question.unit ? `${ids}-unit` : undefined}
          className="block min-h-11 w-full rounded-lg border border-border bg-surface px-3 py-2 text-base text-fg"
          placeholder={isNumeric ? "A number" : "Your answer"}
        />
        {question.unit ? (
          <span id={`${ids}-unit`} className="text-sm text-muted">
            {question.unit}
          </span>
        ) : null}
      </div>
    </div>
  );
}
