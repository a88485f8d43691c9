import { describe, expect, it } from "vitest";
import { withYoungGeneration, YOUNG_GENERATION_FLAG } from "@/scripts/young-generation.mjs";

describe("the server's young-generation flag", () => {
  it("is added to a process's V8 flags", () => {
    expect(withYoungGeneration([])).toEqual([YOUNG_GENERATION_FLAG]);
    expect(withYoungGeneration(["--cpu-prof"])).toEqual(["--cpu-prof", YOUNG_GENERATION_FLAG]);
  });

  it("leaves a semi-space size chosen on the command line or in NODE_OPTIONS alone", () => {
    expect(withYoungGeneration(["--max-semi-space-size=16"])).toEqual(["--max-semi-space-size=16"]);
    expect(withYoungGeneration(["--max_semi_space_size=8"])).toEqual(["--max_semi_space_size=8"]);
    expect(withYoungGeneration([], "--enable-source-maps --max-semi-space-size=32")).toEqual([]);
    expect(withYoungGeneration([], "--max-old-space-size=4096")).toEqual([YOUNG_GENERATION_FLAG]);
  });
});
