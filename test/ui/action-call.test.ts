import { describe, expect, it } from "vitest";
import type { ActionFailure } from "@/lib/server/action-result";
import { callAction, failureMessage, formLevelError, isRetryableFailure, isWorthRetrying, newRequestId, plainFailure, sessionEndedMessage, shownFailure, UNREACHABLE } from "@/components/ui/action-call";

describe("callAction", () => {
  it("passes the action's own result through", async () => {
    expect(await callAction(async () => ({ ok: true as const, id: "a1" }))).toEqual({ ok: true, id: "a1" });
    expect(await callAction(async () => ({ ok: false as const, error: "That card does not exist.", code: "NOT_FOUND" as const }))).toEqual({
      ok: false,
      error: "That card does not exist.",
      code: "NOT_FOUND",
    });
  });

  it("turns a call that throws on its way (offline, a response that is no action result) into a failure instead of a rejection", async () => {
    const result = await callAction(() => Promise.reject(new Error("An unexpected response was received from the server.")));
    expect(result).toEqual({ ok: false, error: UNREACHABLE });
  });
});

describe("failureMessage", () => {
  it("words an ended session as the quiz page does, with what this screen keeps", () => {
    expect(failureMessage({ error: "Your session has ended. Sign in again.", code: "UNAUTHENTICATED" }, "this card stays here.")).toBe(
      "Your session has ended. Sign in again in another tab; this card stays here.",
    );
    expect(sessionEndedMessage("your answers are kept on this device.")).toBe("Your session has ended. Sign in again in another tab; your answers are kept on this device.");
  });

  it("keeps any other failure's own message", () => {
    expect(failureMessage({ error: "Only a card's latest review can be undone.", code: "CONFLICT" }, "kept")).toBe("Only a card's latest review can be undone.");
    expect(failureMessage({ error: UNREACHABLE }, "kept")).toBe(UNREACHABLE);
  });
});

describe("formLevelError", () => {
  it("says nothing above the button when the message is the one shown beside the field", () => {
    const message = "The exam date must be after today.";
    expect(formLevelError(message, { examDate: [message] }, ["examDate", "newCardsPerDay", "desiredRetention"])).toBeNull();
  });

  it("keeps a summary that is not a field's message", () => {
    expect(formLevelError("Check the highlighted fields.", { email: ["Enter a valid email address."] }, ["email", "password"])).toBe("Check the highlighted fields.");
  });

  it("adds the messages of fields the form has no place for, once each", () => {
    expect(formLevelError("Check the assignment.", { form: ["Choose a class."], dueAt: ["Give a due time."] }, ["dueAt"])).toBe("Check the assignment. Choose a class.");
    expect(formLevelError("Choose a class.", { classId: ["Choose a class."] }, [])).toBe("Choose a class.");
  });

  it("is null with no error at all", () => {
    expect(formLevelError(null, {}, ["examDate"])).toBeNull();
  });
});

describe("isRetryableFailure", () => {
  it.each<[ActionFailure, boolean]>([
    [{ ok: false, error: UNREACHABLE }, true],
    [{ ok: false, error: "Your session has ended.", code: "UNAUTHENTICATED" }, true],
    [{ ok: false, error: "That rating was undone.", code: "CONFLICT" }, false],
    [{ ok: false, error: "That card does not exist.", code: "NOT_FOUND" }, false],
    [{ ok: false, error: "Invalid review.", code: "INVALID" }, false],
  ])("reads %j as retryable: %s", (failure, expected) => {
    expect(isRetryableFailure(failure)).toBe(expected);
  });
});

describe("isWorthRetrying", () => {
  it.each<[ActionFailure, boolean]>([
    [{ ok: false, error: UNREACHABLE }, true],
    [{ ok: false, error: "Something went wrong (reference abc)." }, true],
    [{ ok: false, error: "Too many requests.", code: "RATE_LIMITED" }, true],
    [{ ok: false, error: "Keep the answer under 60,000 characters.", code: "INVALID" }, false],
    [{ ok: false, error: "The due time has passed.", code: "EXPIRED" }, false],
    [{ ok: false, error: "You do not have access to that.", code: "FORBIDDEN" }, false],
    [{ ok: false, error: "Already submitted.", code: "CONFLICT" }, false],
  ])("reads %j as worth a 'try again': %s", (failure, expected) => {
    expect(isWorthRetrying(failure)).toBe(expected);
  });
});

describe("newRequestId", () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("is a fresh UUID each time", () => {
    const a = newRequestId();
    expect(a).toMatch(UUID_V4);
    expect(newRequestId()).not.toBe(a);
  });

  it("is a UUID on a plain-HTTP page, where crypto.randomUUID is missing", () => {
    const insecure = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) };
    expect(newRequestId(insecure)).toMatch(UUID_V4);
    const zeros = { getRandomValues: ((array: Uint8Array) => array) as Crypto["getRandomValues"] };
    expect(newRequestId(zeros)).toBe("00000000-0000-4000-8000-000000000000");
  });
});

describe("shownFailure", () => {
  it("carries the sign-in link with the message of an ended session only", () => {
    expect(shownFailure({ error: "Signed out.", code: "UNAUTHENTICATED" }, "your text is kept.", "Not submitted. ")).toEqual({
      message: "Not submitted. Your session has ended. Sign in again in another tab; your text is kept.",
      isSessionEnded: true,
    });
    expect(shownFailure({ error: UNREACHABLE }, "kept")).toEqual({ message: UNREACHABLE, isSessionEnded: false });
  });

  it("never gives a message worded by the screen (no connection) a sign-in link", () => {
    expect(plainFailure("No connection. Your text is kept on this device.")).toEqual({ message: "No connection. Your text is kept on this device.", isSessionEnded: false });
  });
});
