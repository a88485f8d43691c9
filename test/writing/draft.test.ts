import { describe, expect, it } from "vitest";
import { localDraftKey, parseLocalDraft, pickStartingText, resolveConflict, serializeLocalDraft } from "@/lib/writing/draft";

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
