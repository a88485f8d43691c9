"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { saveDraftAction, submitWritingAction, type WriterOutcome } from "@/app/(app)/sets/[setId]/write/actions";
import { isSessionEndedFailure, isWorthRetrying, shownFailure, plainFailure, type ShownFailure } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { FormError, SignInLink } from "@/components/ui/field";
import { formatTimeOfDay } from "@/lib/format";
import { normalizeUntrustedText } from "@/lib/text/untrusted";
import { answerLengthProblem, localDraftKey, parseLocalDraft, pickStartingText, resolveConflict, serializeLocalDraft, whenToSave, type SaveTrigger, type ServerDraft } from "@/lib/writing/draft";
import { formatClock, remainingSec } from "@/lib/writing/timer";
import { countAnswerWords } from "@/lib/writing/word-count";

export interface AnswerWriterProps {
  attemptId: string;
  wordLimit: number | null;
  /** What the help line says about time (submissionTimeNote): how long, and whether an answer can go in after time is up. */
  timeNote: string;
  startedAtMs: number;
  deadlineAtMs: number | null;
  /** When submissions close (the due time of an assignment refusing late work); null when they never do. */
  closesAtMs: number | null;
  /** The server's clock when the page was rendered, to correct this device's clock. */
  serverNowMs: number;
  /** The app's display time zone (from the server, which may override it), so saved times read as everywhere else in Crux. */
  timeZone: string;
  /** The zone's labels by UTC offset, from the server (zoneLabelsAround), so that a time reads "14:05 IST" here as on every other page. */
  zoneLabels: Readonly<Record<string, string>>;
  draft: ServerDraft;
}

/** "error": the save may work if sent again (no connection, a server fault, a session to renew); "refused": it will not (see save). */
type SaveState = "idle" | "saving" | "saved" | "error" | "refused";

const clockNow = () => Date.now();

function subscribeStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Private browsing or a full quota: the server autosave still keeps the draft.
  }
}


/**
 * The answer box: live word count (the grader's own counting), a countdown from the server's
 * deadline, every keystroke kept on this device, autosave with version checks, and a submit that
 * never loses the text when it fails.
 */
export function AnswerWriter({ attemptId, wordLimit, timeNote, startedAtMs, deadlineAtMs, closesAtMs, serverNowMs, timeZone, zoneLabels, draft }: AnswerWriterProps) {
  const router = useRouter();
  const timeOfDay = (ms: number) => formatTimeOfDay(new Date(ms), timeZone, zoneLabels);
  const ids = useId();
  const storageKey = localDraftKey(attemptId);
  const localRaw = useSyncExternalStore(
    subscribeStorage,
    () => readStorage(storageKey),
    () => null,
  );
  const starting = pickStartingText(draft, parseLocalDraft(localRaw));

  const [typed, setTyped] = useState<string | null>(null);
  const [version, setVersion] = useState(draft.version);
  const [savedText, setSavedText] = useState(draft.text);
  const [savedAtMs, setSavedAtMs] = useState(draft.savedAtMs);
  const [saveState, setSaveState] = useState<SaveState>("idle");
  /** The text the server last refused for good (SaveState "refused"): not sent again unless it changes. */
  const [refusedText, setRefusedText] = useState<string | null>(null);
  // The autosave's and the submission's messages, each with its own sign-in link or none.
  const [saveError, setSaveError] = useState<ShownFailure | null>(null);
  const [conflict, setConflict] = useState<ServerDraft | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ShownFailure | null>(null);
  const [nowMs, setNowMs] = useState<number | null>(null);
  const clockOffset = useRef(0);

  const text = typed ?? starting.text;
  const isRestored = typed === null && starting.source === "device";
  const words = countAnswerWords(text);
  const isUnsaved = text !== savedText;
  // Measured as the server measures it: after taking out the invisible and direction-changing characters it drops.
  const lengthProblem = answerLengthProblem(normalizeUntrustedText(text).length);

  useEffect(() => {
    clockOffset.current = serverNowMs - clockNow();
    const tick = () => setNowMs(clockNow() + clockOffset.current);
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [serverNowMs]);

  const finish = useCallback(
    (id: string) => {
      writeStorage(storageKey, null);
      router.push(`/attempts/${id}`);
      router.refresh();
    },
    [router, storageKey],
  );

  /** Applies a save or submit outcome; returns the version to use next. */
  const apply = useCallback(
    (outcome: WriterOutcome, sentText: string): number | "conflict" | "done" => {
      if (outcome.status === "saved") {
        setVersion(outcome.version);
        setSavedText(sentText);
        setSavedAtMs(outcome.savedAtMs);
        setSaveState("saved");
        setSaveError(null);
        return outcome.version;
      }
      if (outcome.status === "conflict") {
        if (resolveConflict(sentText, outcome.current) === "adopt") {
          setVersion(outcome.current.version);
          setSavedText(outcome.current.text);
          setSavedAtMs(outcome.current.savedAtMs);
          setSaveState("saved");
          return outcome.current.version;
        }
        setConflict(outcome.current);
        setSaveState("idle");
        return "conflict";
      }
      finish(outcome.attemptId);
      return "done";
    },
    [finish],
  );

  const save = useCallback(
    async (sentText: string, fromVersion: number) => {
      setSaveState("saving");
      try {
        const result = await saveDraftAction({ attemptId, text: sentText, version: fromVersion });
        if (!result.ok) {
          // A refusal that stands (the attempt closed or gone, access lost) is not sent again until the text changes.
          const isStanding = !isWorthRetrying(result) && !isSessionEndedFailure(result);
          setRefusedText(isStanding ? sentText : null);
          setSaveState(isStanding ? "refused" : "error");
          setSaveError(isStanding ? shownFailure(result, "", "Not saved: ") : shownFailure(result, "your text is kept on this device and is saved once you are back."));
          return;
        }
        apply(result.outcome, sentText);
      } catch {
        setSaveState("error");
        setSaveError(plainFailure("No connection. Your text is kept on this device and will be saved when you are back online."));
      }
    },
    [attemptId, apply],
  );

  // Autosave after a pause in typing; after a failure, retry later — or at once when the browser is back online or
  // the page regains focus; leaving the tab saves at once. Never while a choice is pending or the answer is too long (whenToSave).
  const [isSaving, hasFailed, isBlocked, isTooLong] = [saveState === "saving", saveState === "error", !!conflict || isSubmitting, lengthProblem !== null];
  const isRefused = saveState === "refused" && text === refusedText;
  useEffect(() => {
    const state = { isUnsaved, isSaving, hasFailed, isBlocked, isTooLong, isRefused };
    const delay = whenToSave(state, "wait");
    const timer = typeof delay === "number" ? setTimeout(() => void save(text, version), delay) : null;
    const on = (trigger: SaveTrigger) => () => {
      if (trigger === "hidden" && document.visibilityState !== "hidden") return;
      if (whenToSave(state, trigger) === "now") void save(text, version);
    };
    const [onOnline, onFocus, onHide] = [on("online"), on("focus"), on("hidden")];
    window.addEventListener("online", onOnline);
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      if (timer) clearTimeout(timer);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [text, version, isUnsaved, isSaving, hasFailed, isBlocked, isTooLong, isRefused, save]);

  function onChange(value: string) {
    setTyped(value);
    writeStorage(storageKey, serializeLocalDraft({ text: value, baseVersion: version, editedAtMs: clockNow() }));
  }

  async function submit() {
    setIsConfirming(false);
    setIsSubmitting(true);
    setSubmitError(null);
    const kept = " Your answer is still here and saved on this device; try again in a moment.";
    const keptOnly = " Your answer is still here and saved on this device.";
    try {
      let from = version;
      for (let tries = 0; tries < 2; tries++) {
        const result = await submitWritingAction({ attemptId, text, version: from });
        if (!result.ok) {
          // A refusal that stands (late work refused, an answer too long) is not worth retrying as it is: no "try again".
          setSubmitError(
            isSessionEndedFailure(result)
              ? shownFailure(result, "your answer is still here and saved on this device.", "Your answer was not submitted. ")
              : plainFailure(`Your answer was not submitted: ${result.error}${result.code === "EXPIRED" ? "" : isWorthRetrying(result) ? kept : keptOnly}`),
          );
          break;
        }
        const next = apply(result.outcome, text);
        if (next === "done" || next === "conflict") break;
        // The server already held exactly this text under a newer version: submit over that one.
        from = next;
      }
    } catch {
      setSubmitError(plainFailure(`Your answer was not submitted because the connection failed.${kept}`));
    } finally {
      setIsSubmitting(false);
    }
  }

  function keepMine() {
    if (!conflict) return;
    setVersion(conflict.version);
    setSavedText(conflict.text);
    setSavedAtMs(conflict.savedAtMs);
    setConflict(null);
  }

  function takeOtherVersion() {
    if (!conflict) return;
    setTyped(conflict.text);
    writeStorage(storageKey, serializeLocalDraft({ text: conflict.text, baseVersion: conflict.version, editedAtMs: clockNow() }));
    setVersion(conflict.version);
    setSavedText(conflict.text);
    setSavedAtMs(conflict.savedAtMs);
    setConflict(null);
  }

  const left = deadlineAtMs !== null && nowMs !== null ? remainingSec(deadlineAtMs, nowMs) : null;
  const elapsed = nowMs !== null ? Math.max(0, Math.floor((nowMs - startedAtMs) / 1000)) : null;
  const phase = left === null ? "untimed" : left <= 0 ? "over" : left <= 60 ? "last-minute" : "running";
  const isClosed = closesAtMs !== null && nowMs !== null && nowMs > closesAtMs;
  const isOverLimit = wordLimit !== null && words > wordLimit;
  const saveLabel =
    lengthProblem !== null && isUnsaved
      ? "Not saved — too long (kept on this device)"
      : saveState === "saving"
      ? "Saving…"
      : saveState === "error"
        ? "Not saved yet — kept on this device"
        : saveState === "refused"
          ? "Not saved — kept on this device"
        : isUnsaved
          ? "Unsaved changes"
          : saveState === "saved" || version > 1
            ? `Saved ${timeOfDay(savedAtMs)}`
            : "Nothing written yet";

  return (
    <div className="space-y-3">
      <div className="sticky top-[3.25rem] z-10 -mx-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-border bg-bg/95 px-4 py-2 backdrop-blur md:top-0 md:mx-0 md:rounded-lg md:border md:px-3">
        <p className="text-sm tabular-nums" role="timer" aria-label={phase === "over" ? "Time over" : "Time left"}>
          {left === null ? (
            <span className="text-muted">{elapsed === null ? "--:--" : `${formatClock(elapsed)} elapsed`}</span>
          ) : left > 0 ? (
            <span className={left <= 60 ? "font-semibold text-warn" : ""}>
              <span className="text-muted">Time left </span>
              {formatClock(left)}
            </span>
          ) : isClosed ? (
            <span className="font-semibold text-bad">Time is up: the due time has passed</span>
          ) : (
            <span className="font-semibold text-bad">Over time by {formatClock(-left)}</span>
          )}
        </p>
        <p id={`${ids}-count`} className={`text-sm tabular-nums ${isOverLimit ? "font-semibold text-bad" : ""}`}>
          {words}
          {wordLimit ? ` / ${wordLimit}` : ""} words{isOverLimit ? " — over the limit" : ""}
        </p>
        <p className={`w-full text-xs sm:w-auto ${saveState === "error" || saveState === "refused" ? "text-warn" : "text-muted"}`} aria-live="polite">
          {saveLabel}
        </p>
      </div>
      <p className="sr-only" aria-live="polite">
        {phase === "last-minute"
          ? "One minute left."
          : phase === "over"
            ? isClosed
              ? "Time is up. This assignment does not accept late work; your answer is saved as a draft."
              : "Time is up. You can still submit your answer."
            : ""}
      </p>

      {isRestored ? (
        <p className="rounded-lg border border-border bg-surface-2 px-3 py-2 text-sm" role="status">
          Restored the text you wrote on this device that had not reached the server yet.
        </p>
      ) : null}

      {conflict ? (
        <div role="alert" className="space-y-2 rounded-lg border border-warn/50 bg-surface-2 p-3 text-sm">
          <p>
            This answer was also saved from another tab or device at {timeOfDay(conflict.savedAtMs)} ({countAnswerWords(conflict.text)} words). Nothing has been
            overwritten. Which text do you want to keep?
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={keepMine}>
              Keep the text on this screen
            </Button>
            <Button type="button" variant="secondary" onClick={takeOtherVersion}>
              Use the other version
            </Button>
          </div>
        </div>
      ) : null}

      <label htmlFor={`${ids}-answer`} className="block text-sm font-medium">
        Your answer
      </label>
      <textarea
        id={`${ids}-answer`}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${ids}-count ${ids}-help`}
        spellCheck
        autoCapitalize="sentences"
        aria-invalid={lengthProblem !== null}
        disabled={isSubmitting}
        className="block min-h-[55dvh] w-full resize-y rounded-lg border border-border bg-surface px-3 py-3 font-serif text-base leading-relaxed text-fg placeholder:text-muted disabled:opacity-70"
        placeholder="Introduction with context… body that answers each part of the question… conclusion with a way forward."
      />
      {lengthProblem ? (
        <p className="text-sm font-medium text-bad" role="alert" data-testid="answer-too-long">
          {lengthProblem}
        </p>
      ) : null}
      <p id={`${ids}-help`} className="text-xs text-muted">
        Words are counted as examiners count them: bullets and dashes are not words. {timeNote}
      </p>

      <FormError message={submitError?.message} isSessionEnded={submitError?.isSessionEnded} />
      {(saveState === "error" || saveState === "refused") && saveError && !submitError ? (
        <p className="text-sm text-warn">
          {saveError.message}
          {saveError.isSessionEnded ? <SignInLink /> : null}
        </p>
      ) : null}

      {isConfirming ? (
        <div className="space-y-2 rounded-lg border border-border bg-surface p-3" role="group" aria-label="Confirm submission">
          <p className="text-sm">
            Submit {words} words for marking? You cannot change the answer afterwards.
            {words === 0 ? " The answer is empty." : ""}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={() => void submit()} disabled={isSubmitting || saveState === "saving"}>
              Yes, submit
            </Button>
            <Button type="button" variant="secondary" onClick={() => setIsConfirming(false)}>
              Keep writing
            </Button>
          </div>
        </div>
      ) : (
        <Button
          type="button"
          onClick={() => {
            // Refused before it is sent: the server would refuse it too, and saying so here needs no connection.
            if (lengthProblem) setSubmitError(plainFailure(`Your answer was not submitted: ${lengthProblem}`));
            else setIsConfirming(true);
          }}
          disabled={isSubmitting || !!conflict}
          className="w-full sm:w-auto"
        >
          {isSubmitting ? "Marking your answer…" : "Submit for marking"}
        </Button>
      )}
    </div>
  );
}
