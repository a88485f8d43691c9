import { describe, expect, it } from "vitest";
import { ingestMaterial } from "@/lib/material/ingest";
import { inContext } from "@/lib/generate/context";

// Written for this test; not copied from any source. Two invented states and the raids between them.
const TEXT = [
  "Veldra recorded 412 raids along the Ostra border in 2021. Of 412 total raids, 80% occurred in the hill districts.",
  "Of 300 raids recorded in 2019, half occurred in the hill districts.",
  "The Islamic Republic also shares a common rival with Veldra in the Ostra Front.",
  "The Islamic Republic of Ostra signed a water treaty with Veldra in 2018.",
  "Veldra and the United Kingdom signed a trade pact in 2020.",
].join("\n\n");

describe("inContext: sentences that lean on what came before make no item", () => {
  const pm = ingestMaterial({ source: "veldra.txt", content: TEXT });
  const at = (start: string) => pm.sentences.find((s) => s.text.startsWith(start))!;
  const read = (start: string) => inContext(at(start).text, pm, at(start));

  it("drops a partitive opening on an undated total ('Of 412 total raids, 80% …'), keeps a dated one", () => {
    expect(read("Of 412 total raids")).toBeNull();
    expect(read("Of 300 raids recorded in 2019")).not.toBeNull();
    const s = at("Of 412 total raids");
    expect(inContext(s.text.replace("412", "_____"), pm, s)).toBeNull();
  });
  it("drops a state's epithet ('The Islamic Republic') but keeps a full name with 'of' and a name such as the United Kingdom", () => {
    expect(read("The Islamic Republic also")).toBeNull();
    expect(read("The Islamic Republic of Ostra")).not.toBeNull();
    expect(read("Veldra and the United Kingdom")).not.toBeNull();
  });
});
