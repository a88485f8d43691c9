import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, JOIN_CODE_EXAMPLE, JOIN_CODE_LENGTH } from "@/lib/classes/join-code";
import { DEMO_CLASS } from "@/lib/db/seed";

describe("the join-code field's example", () => {
  it("looks like a real join code but is not the demo class's (new-user test: the example was the demo class's real code)", () => {
    expect(JOIN_CODE_EXAMPLE).toHaveLength(JOIN_CODE_LENGTH);
    expect([...JOIN_CODE_EXAMPLE].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    expect(JOIN_CODE_EXAMPLE).not.toBe(DEMO_CLASS.joinCode);
  });
});
