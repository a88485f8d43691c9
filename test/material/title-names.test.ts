import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";

// Written for this test; not copied from any source.
describe("names read from a title-case book title", () => {
  it("takes no auxiliary or verb ('Have Done') as part of a person's name", () => {
    const pm = ingestMaterial({
      source: "books.txt",
      content: [
        "Books of the Veldra movement",
        "Rohan Mehra answered his critics in the book What the Assembly and Mehra Have Done to the Weavers, published in 1948.",
        "Mehra led the weavers' movement for thirty years.",
      ].join("\n\n"),
    });
    const names = pm.entities.flatMap((e) => [e.name, ...e.aliases]);
    expect(names.filter((n) => /\b(?:Have|Done)\b/.test(n))).toEqual([]);
  });
});
