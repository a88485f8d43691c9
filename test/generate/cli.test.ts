import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { studySetSchema } from "@/lib/generate/schemas";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

function runGenerate(args: string[]) {
  const env = { ...process.env };
  delete env.LLM_BASE_URL;
  delete env.LLM_MODEL;
  return spawnSync(process.execPath, [TSX, "scripts/generate.ts", ...args], { cwd: ROOT, encoding: "utf8", env, timeout: 60_000 });
}

// Written for this test; not copied from any source.
const ARTICLE = [
  "Why the river talks stalled again",
  "Unlock the Weekly Brief for free",
  "The Delta Water Commission (DWC) was set up in 1996 to share flood data between the two states.",
  "More than 40,000 people were displaced by floods in 2022, a 30 per cent increase from 2021, according to the Basin Monitoring Group.",
  "\"Without data, every monsoon is a surprise,\" said Mira Sen, a hydrologist at the Coastal University.",
  "In March 2024, the upstream state suspended the commission's meetings after a dispute over the Kora dam.",
  "The downstream state has offered to fund 12 new gauges along the 900km river.",
].join("\n");

describe("npm run generate (scripts/generate.ts)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "crux-gen-"));
  const file = path.join(dir, "river.txt");
  writeFileSync(file, ARTICLE);

  it("prints one JSON study set for a file, with the cleaned text and the file name as source", () => {
    const r = runGenerate(["--question", "Examine why the river talks stalled. (10 marks)", file]);
    expect(r.status).toBe(0);
    const set = studySetSchema.parse(JSON.parse(r.stdout));
    expect(set.materials[0]).toMatchObject({ source: "river.txt", title: "Why the river talks stalled again" });
    expect(set.materials[0]!.text).not.toContain("Unlock");
    // One item per source sentence: a card or a timed question, not both (and no "Who is Mira Sen?": she is only quoted).
    expect(set.cards.length).toBeGreaterThanOrEqual(2);
    expect(set.cards.length + set.questions.filter((q) => q.kind !== "written").length).toBeGreaterThanOrEqual(3);
    expect(set.cards.map((c) => c.front)).not.toContain("Who is Mira Sen?");
    const typed = set.questions.find((q) => q.prompt.startsWith("Examine why the river talks stalled"));
    expect(typed).toMatchObject({ kind: "written", marks: 10, wordLimit: 150, timeLimitSec: 420 });
    expect(set.modelAnswers.some((m) => m.questionId === typed!.id)).toBe(true);
  });

  it.each([
    ["a missing file", [path.join(dir, "nope.txt")], /no such file/],
    ["an unsupported type", [path.join(dir, "notes.pdf")], /not a supported file type \(\.pdf\)/],
    ["no files at all", [], /no input files/],
  ])("exits 2 with a clear message for %s", (_label, args, message) => {
    if (String(args[0]).endsWith(".pdf")) writeFileSync(String(args[0]), "%PDF-1.7 binary");
    const r = runGenerate(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });
});
