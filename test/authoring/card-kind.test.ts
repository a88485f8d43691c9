import { describe, expect, it } from "vitest";
import { cardKindAfterEdit } from "@/lib/authoring/card-kind";

describe("a card's kind after its front is edited", () => {
  it("becomes a question when a fill-the-gap card loses its gap (new-user test), and fill-the-gap when a gap is written in", () => {
    expect(cardKindAfterEdit("cloze", "Which agency declared the monsoon onset over Kerala on 30 May 2024?")).toBe("qa");
    expect(cardKindAfterEdit("cloze", "The _____ declared the onset over Kerala on 30 May 2024.")).toBe("cloze");
    expect(cardKindAfterEdit("qa", "The monsoon reached Kerala on ___ May.")).toBe("cloze");
  });

  it("keeps the other kinds", () => {
    expect(cardKindAfterEdit("qa", "Who declared the onset?")).toBe("qa");
    expect(cardKindAfterEdit("acronym", "What does IMD stand for?")).toBe("acronym");
    expect(cardKindAfterEdit("timeline", "When did the monsoon reach Kerala in 2024?")).toBe("timeline");
  });
});
