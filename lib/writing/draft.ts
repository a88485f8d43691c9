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
