// What a server action returns when its use case fails: the form decides from it whether a retry can help.
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { describeFailure } from "@/lib/server/action-result";

describe("describeFailure", () => {
  it("names an expected failure's code, so a form can tell a final refusal from a passing fault", () => {
    expect(describeFailure("submit", new AppError("EXPIRED", "Closed."))).toEqual({ status: 410, failure: { ok: false, error: "Closed.", code: "EXPIRED" } });
  });

  it("names no code for an unexpected error, which stays masked", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, failure } = describeFailure("submit", new Error("connection reset by peer"));
    logged.mockRestore();
    expect(status).toBe(500);
    expect(failure).not.toHaveProperty("code");
    expect(failure.error).not.toContain("connection reset");
  });
});
