import { describe, expect, it } from "vitest";
import {
  answerLengthProblem,
  AUTOSAVE_DELAY_MS,
  localDraftKey,
  MAX_ANSWER_CHARS,
  parseLocalDraft,
  pickStartingText,
  resolveConflict,
  RETRY_DELAY_MS,
  serializeLocalDraft,
  whenToSave,
} from "@/lib/writing/draft";
import { submitWritingSchema } from "@/lib/writing/schemas";

const server = { text: "Saved text.", version: 4, savedAtMs: 1_000 };

describe("local drafts", () => {
  it("round-trips through localStorage", () => {
    const draft = { text: "Mine", baseVersion: 4, editedAtMs: 2_000 };
    expect(parseLocalDraft(serializeLocalDraft(draft))).toEqual(draft);
    expect(localDraftKey("a1")).toBe("crux:written-draft:a1");
  });

  it.each([null, "", "not json", "[]", '{"text": 3}', '{"text":"x","baseVersion":"4","editedAtMs":1}'])("ignores the unreadable stored value %s", (raw) => {
    expect(parseLocalDraft(raw)).toBeNull();
  });
});

describe("pickStartingText", () => {
  it("uses the server's text when the device has nothing", () => {
    expect(pickStartingText(server, null)).toEqual({ text: "Saved text.", source: "server" });
  });

  it("restores the device's unsaved edits to the current version", () => {
    expect(pickStartingText(server, { text: "Saved text. More.", baseVersion: 4, editedAtMs: 900 })).toEqual({ text: "Saved text. More.", source: "device" });
  });

  it("restores the device's text edited after the server's last save, even from an older version", () => {
    expect(pickStartingText(server, { text: "Offline edits.", baseVersion: 2, editedAtMs: 5_000 }).source).toBe("device");
  });

  it("prefers the server when the device copy is older than a later save from elsewhere", () => {
    expect(pickStartingText(server, { text: "Old tab text.", baseVersion: 3, editedAtMs: 500 })).toEqual({ text: "Saved text.", source: "server" });
  });
});

describe("resolveConflict", () => {
  it("adopts the server's version when it already holds this exact text", () => {
    expect(resolveConflict("Saved text.", server)).toBe("adopt");
  });

  it("asks the student when the texts differ", () => {
    expect(resolveConflict("Different.", server)).toBe("ask");
  });
});

describe("answerLengthProblem", () => {
  it("is null up to the limit", () => {
    expect(answerLengthProblem(MAX_ANSWER_CHARS)).toBeNull();
  });

  it("says the limit and how far over, and what fixes it — never to try again", () => {
    const message = answerLengthProblem(MAX_ANSWER_CHARS + 3_210)!;
    expect(message).toContain("63,210 characters");
    expect(message).toContain("3,210 over the 60,000-character limit");
    expect(message).toContain("shorten it by 3,210 characters");
    expect(message).not.toMatch(/try again/i);
  });

  it("is what the server's schema says when it refuses the answer (new-user test: it said only 'Keep the answer under 60,000 characters')", () => {
    const parsed = submitWritingSchema.safeParse({ attemptId: "a".repeat(25), text: "x".repeat(MAX_ANSWER_CHARS + 1), version: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(answerLengthProblem(MAX_ANSWER_CHARS + 1));
  });
});

describe("whenToSave", () => {
  const state = { isUnsaved: true, isSaving: false, hasFailed: false, isBlocked: false, isTooLong: false };

  it("saves after a pause in typing, and retries a failed save later", () => {
    expect(whenToSave(state, "wait")).toBe(AUTOSAVE_DELAY_MS);
    expect(whenToSave({ ...state, hasFailed: true }, "wait")).toBe(RETRY_DELAY_MS);
  });

  it.each(["online", "focus"] as const)("retries a failed save at once when the page sees %s, not after the backoff (new-user test)", (trigger) => {
    expect(whenToSave({ ...state, hasFailed: true }, trigger)).toBe("now");
    // Nothing failed: the pause in typing decides.
    expect(whenToSave(state, trigger)).toBeNull();
  });

  it("saves at once when the page is hidden", () => {
    expect(whenToSave(state, "hidden")).toBe("now");
  });

  it.each([
    ["nothing unsaved", { isUnsaved: false }],
    ["a save on its way", { isSaving: true }],
    ["a choice pending or a submission under way", { isBlocked: true }],
    ["an answer over the length limit, which the server would refuse", { isTooLong: true }],
    ["the same text the server refused for good (the attempt closed, access lost)", { isRefused: true }],
  ])("sends nothing with %s", (_, change) => {
    for (const trigger of ["wait", "online", "focus", "hidden"] as const) expect(whenToSave({ ...state, hasFailed: true, ...change }, trigger)).toBeNull();
  });
});
