/**
 * Draft safety for a written answer. The browser keeps every keystroke in localStorage (with the
 * server version it was based on) and autosaves to the server with optimistic concurrency: a save
 * names the version it edits, and a stale version is refused, never silently overwritten.
 */
/** Longest answer accepted, in characters: far beyond any exam answer, small enough to store and grade. */
export const MAX_ANSWER_CHARS = 60_000;

export interface ServerDraft {
  text: string;
  version: number;
  savedAtMs: number;
}

export interface LocalDraft {
  text: string;
  /** The server version this text was edited from. */
  baseVersion: number;
  editedAtMs: number;
}

/** The localStorage key of one attempt's draft. */
export const localDraftKey = (attemptId: string) => `crux:written-draft:${attemptId}`;

export function serializeLocalDraft(draft: LocalDraft): string {
  return JSON.stringify(draft);
}

/** The stored local draft, or null when missing or unreadable (another app's data, a truncated write). */
export function parseLocalDraft(raw: string | null): LocalDraft | null {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null) return null;
    const d = v as Record<string, unknown>;
    if (typeof d.text !== "string" || typeof d.baseVersion !== "number" || typeof d.editedAtMs !== "number") return null;
    return { text: d.text, baseVersion: d.baseVersion, editedAtMs: d.editedAtMs };
  } catch {
    return null;
  }
}

/**
 * The text to show when the writing page opens: the device's copy when it holds edits the server
 * has not seen (edited from the current server version, or edited after the server's last save),
 * otherwise the server's.
 */
export function pickStartingText(server: ServerDraft, local: LocalDraft | null): { text: string; source: "server" | "device" } {
  if (!local || local.text === server.text) return { text: server.text, source: "server" };
  if (local.baseVersion >= server.version || local.editedAtMs > server.savedAtMs) return { text: local.text, source: "device" };
  return { text: server.text, source: "server" };
}

export type SaveOutcome =
  | { status: "saved"; version: number; savedAtMs: number }
  | { status: "conflict"; current: ServerDraft };

/**
 * What the writer does with a refused save: when the server already holds exactly this text (a
 * submit that saved before failing, a retried request) it simply adopts the server's version;
 * otherwise the student must choose.
 */
export function resolveConflict(localText: string, current: ServerDraft): "adopt" | "ask" {
  return current.text === localText ? "adopt" : "ask";
}

/**
 * Why an answer cannot be saved or submitted as it stands — longer than MAX_ANSWER_CHARS, saying by how
 * much — or null when it fits. Length in UTF-16 code units, as the server's schema counts it. Retrying
 * cannot fix this, so the message says what will: shortening the answer.
 */
export function answerLengthProblem(length: number): string | null {
  if (length <= MAX_ANSWER_CHARS) return null;
  const fmt = (n: number) => n.toLocaleString("en");
  const over = length - MAX_ANSWER_CHARS;
  return `The answer is ${fmt(length)} characters, ${fmt(over)} over the ${fmt(MAX_ANSWER_CHARS)}-character limit: shorten it by ${fmt(over)} ${over === 1 ? "character" : "characters"} to save and submit it.`;
}

/** Autosave this long after the last keystroke. */
export const AUTOSAVE_DELAY_MS = 1500;
/** After a failed save, try again this long after it — unless the browser says it is back first. */
export const RETRY_DELAY_MS = 10_000;

/** What prompts the writer to consider saving: a change or a timer ("wait"), the browser coming back online, the page regaining focus, or the page being hidden. */
export type SaveTrigger = "wait" | "online" | "focus" | "hidden";

export interface WriterSaveState {
  isUnsaved: boolean;
  isSaving: boolean;
  /** The last save failed (no connection, a server error): the text is kept on this device. */
  hasFailed: boolean;
  /** The student has a choice to make between two versions, or the answer is being submitted: no save meanwhile. */
  isBlocked: boolean;
  /** Over MAX_ANSWER_CHARS: the server would refuse it, so it is not sent (answerLengthProblem says why). */
  isTooLong: boolean;
  /**
   * The server refused this very text for a reason sending it again cannot change (the attempt is closed or gone,
   * access was lost): nothing is sent again until the text changes. Optional: absent means no such refusal.
   */
  isRefused?: boolean;
}

/**
 * When to send the draft: "now", after a delay in ms, or null (nothing to send, or no point sending).
 * After a failure the next try waits RETRY_DELAY_MS, except that the browser coming back online or the
 * page regaining focus retries at once — so "Not saved yet" clears as soon as the connection is back,
 * not up to ten seconds later. Leaving the page saves at once (phones may discard a background tab).
 */
export function whenToSave(state: WriterSaveState, trigger: SaveTrigger): "now" | number | null {
  if (!state.isUnsaved || state.isSaving || state.isBlocked || state.isTooLong || state.isRefused) return null;
  if (trigger === "hidden") return "now";
  if (trigger === "online" || trigger === "focus") return state.hasFailed ? "now" : null;
  return state.hasFailed ? RETRY_DELAY_MS : AUTOSAVE_DELAY_MS;
}
